// ESLint (flat config) for the browser code: the extension (not its vendored Readability)
// and the educators' page scripts. Run with `make lint-js`.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

// The plain-script modules define these globals for each other (no bundler).
const footnoteGlobals = Object.fromEntries(
  [
    "FootnoteNotesUI", "FootnoteOffsets", "FootnoteDates", "FootnotePresent", "FootnoteServer",
    "FootnoteArticle", "FootnoteExtract", "FootnoteHighlights", "FootnotePanel", "FootnoteSpans",
    "FootnoteServerForm",
    "Readability",
  ].map((name) => [name, "readonly"]),
);

module.exports = [
  { ignores: ["extension/vendor/**", "node_modules/**", "dist/**"] },
  js.configs.recommended,
  {
    files: ["extension/**/*.js", "server/footnote/web/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.webextensions, ...footnoteGlobals, module: "readonly", require: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none", ignoreRestSiblings: true }],
      "no-implicit-globals": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build DOM with textContent." },
        { property: "outerHTML", message: "Build DOM with textContent." },
        { property: "insertAdjacentHTML", message: "Build DOM with textContent." },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["extension/background.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Each of these is the only script of its own realm (worker, popup, options page).
    files: ["extension/background.js", "extension/popup.js", "extension/options.js", "extension/welcome.js"],
    rules: { "no-implicit-globals": "off" },
  },
  {
    files: ["extension/tests/**/*.mjs"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];

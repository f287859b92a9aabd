import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const ui = require("../lib/notes-ui.js");

// A small stand-in for the DOM: enough for createElement/append/textContent/setAttribute.
// Any attempt to insert HTML throws, so the card is provably built from text only.
class FakeNode {
  constructor(tag) {
    this.localName = tag;
    this.children = [];
    this.attributes = {};
    this.className = "";
  }
  append(...items) {
    for (const item of items) this.children.push(typeof item === "string" ? { text: item } : item);
  }
  setAttribute(k, v) {
    this.attributes[k] = String(v);
  }
  getAttribute(k) {
    return this.attributes[k] ?? null;
  }
  set textContent(v) {
    this.children = [{ text: String(v) }];
  }
  get textContent() {
    return this.children.map((c) => (c instanceof FakeNode ? c.textContent : c.text)).join("");
  }
  set innerHTML(_) {
    throw new Error("innerHTML used");
  }
  find(pred) {
    if (pred(this)) return this;
    for (const c of this.children) {
      if (c instanceof FakeNode) {
        const hit = c.find(pred);
        if (hit) return hit;
      }
    }
    return null;
  }
  all(pred, out = []) {
    if (pred(this)) out.push(this);
    for (const c of this.children) if (c instanceof FakeNode) c.all(pred, out);
    return out;
  }
}
const doc = { createElement: (tag) => new FakeNode(tag) };
const byClass = (name) => (n) => n.className.split(" ").includes(name);

test("codePointIndex maps code points to UTF-16 and refuses bad offsets", () => {
  const s = "a😀b🇺🇦c";
  const index = ui.codePointIndex(s);
  assert.equal(index.length, 6);
  assert.equal(index.toUtf16(0), 0);
  assert.equal(index.toUtf16(2), 3);
  assert.equal(index.toUtf16(6), s.length);
  assert.equal(index.slice(1, 2), "😀");
  assert.equal(index.slice(3, 5), "🇺🇦");
  for (const bad of [-1, 7, 1.5, NaN, null, undefined, "2"]) assert.equal(index.toUtf16(bad), null, String(bad));
  assert.equal(index.slice(4, 2), null);
});

test("spanIn checks the excerpt, so offsets about another text are not drawn", () => {
  const text = "Officials 😀 said the plan was ready.";
  const index = ui.codePointIndex(text);
  const note = { start: 12, end: 16, excerpt: "said" };
  assert.deepEqual(ui.spanIn(index, text, note), { start: 13, end: 17 });
  assert.equal(ui.spanIn(index, text, { ...note, excerpt: "sail" }), null);
  assert.equal(ui.spanIn(index, text, { start: 30, end: 99, excerpt: null }), null);
  assert.equal(ui.spanIn(index, text, { start: null, end: null }), null);
  assert.deepEqual(ui.spanIn(index, text, { start: 0, end: 9 }), { start: 0, end: 9 });
});

test("hasSpan, safeUrl", () => {
  assert.equal(ui.hasSpan({ start: 0, end: 1 }), true);
  assert.equal(ui.hasSpan({ start: 3, end: 3 }), false);
  assert.equal(ui.hasSpan({ start: null, end: 4 }), false);
  assert.equal(ui.hasSpan(null), false);
  assert.equal(ui.safeUrl("https://example.org/a b"), "https://example.org/a%20b");
  assert.equal(ui.safeUrl("javascript:alert(1)"), null);
  assert.equal(ui.safeUrl("data:text/html,hi"), null);
  assert.equal(ui.safeUrl(undefined), null);
});

test("numberNotes: reading order, whole-text notes last, noteLabel letter + number", () => {
  const notes = [
    { id: "w", category: "context", start: null, end: null },
    { id: "b", category: "language", start: 40, end: 50 },
    { id: "a", category: "attribution", start: 5, end: 9 },
    { id: "c", category: "sourcing", start: 40, end: 45 },
  ];
  const numbers = ui.numberNotes(notes);
  assert.deepEqual([...numbers.entries()], [["a", 1], ["c", 2], ["b", 3], ["w", 4]]);
  assert.equal(ui.noteLabel(notes[1], 3), "L3");
  assert.equal(ui.noteLabel({ category: "new-kind" }, 9), "?9");
});

test("leadSentence splits off the first sentence", () => {
  assert.deepEqual(ui.leadSentence("The agreements were signed in 2015. They set a ceasefire line."), [
    "The agreements were signed in 2015.",
    "They set a ceasefire line.",
  ]);
  assert.deepEqual(ui.leadSentence("One sentence only."), ["One sentence only.", ""]);
  assert.deepEqual(ui.leadSentence("Dr. No. Then"), ["Dr. No. Then", ""]); // too short to split
  assert.deepEqual(ui.leadSentence(""), ["", ""]);
});

test("renderNoteCard builds text-only DOM with the kind, number, severity and folded details", () => {
  const note = {
    id: "n7",
    category: "context",
    severity: "warning",
    title: "Background: <b>the talks</b>",
    excerpt: "the 2015 agreements",
    explanation: "The agreements were signed in 2015 after months of talks. Several later rounds failed.",
    check: "Whether the article gives the date.",
    references: [
      { title: "An encyclopaedia entry", url: "https://example.org/entry" },
      { title: "Bad link", url: "javascript:alert(1)" },
    ],
  };
  const card = ui.renderNoteCard(doc, note, { number: 4, headingLevel: 4 });
  assert.equal(card.localName, "article");
  assert.equal(card.getAttribute("data-note"), "n7");
  assert.ok(card.className.includes("fn-context"));
  assert.equal(card.find(byClass("fn-badge")).textContent, "C4");
  assert.equal(card.find(byClass("card-kind")).textContent, "Background");
  assert.equal(card.find(byClass("fn-sev")).textContent, "Warning");
  assert.ok(card.find(byClass("fn-sev")).className.includes("fn-sev-warning"));
  const title = card.find((n) => n.localName === "h4");
  assert.equal(title.textContent, "Background: <b>the talks</b>"); // text, not markup
  assert.equal(card.find((n) => n.localName === "blockquote").textContent, "the 2015 agreements");
  assert.equal(card.find(byClass("card-lead")).textContent, "The agreements were signed in 2015 after months of talks.");
  const details = card.find((n) => n.localName === "details");
  assert.ok(details.textContent.startsWith("More about this"));
  assert.ok(details.textContent.includes("Several later rounds failed."));
  assert.ok(details.textContent.includes("What to check: Whether the article gives the date."));
  const links = card.all((n) => n.localName === "a");
  assert.equal(links.length, 1);
  assert.equal(links[0].getAttribute("href"), "https://example.org/entry");
  assert.equal(links[0].getAttribute("rel"), "noopener noreferrer");
});

test("renderNoteCard: the caller's wording, no excerpt, no folding", () => {
  const t = (key) => ({ catSourcing: "Quellen", sevInfo: "Hinweis" })[key] || key;
  const note = { id: 1, category: "sourcing", severity: "info", title: "T", excerpt: "x", explanation: "E one. E two is here.", check: "", references: [] };
  const card = ui.renderNoteCard(doc, note, { number: 1, t, excerpt: false, fold: false });
  assert.equal(card.find(byClass("card-kind")).textContent, "Quellen");
  assert.equal(card.find(byClass("fn-sev")).textContent, "Hinweis");
  assert.equal(card.find((n) => n.localName === "blockquote"), null);
  assert.equal(card.find((n) => n.localName === "details"), null);
  assert.equal(card.find(byClass("card-lead")).textContent, "E one. E two is here.");
  assert.equal(card.find((n) => n.localName === "h3").textContent, "T");
});

test("the shared module never builds HTML from strings", () => {
  const source = readFileSync(new URL("../lib/notes-ui.js", import.meta.url), "utf8");
  for (const forbidden of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"]) {
    assert.ok(!source.includes(forbidden), forbidden);
  }
});

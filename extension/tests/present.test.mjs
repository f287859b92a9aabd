import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";

const require = createRequire(import.meta.url);
const present = require("../lib/present.js");
const server = require("../lib/server.js");
const messages = JSON.parse(readFileSync(new URL("../_locales/en/messages.json", import.meta.url), "utf8"));

const note = (id, category, severity, start, end) => ({
  id, category, severity, start, end, rule: "r", title: id, explanation: "", check: "",
  excerpt: null, references: [],
});
const NOTES = [
  note("n1", "language", "info", 40, 50),
  note("n2", "sourcing", "caution", 10, 20),
  note("n3", "sourcing", "warning", 30, 35),
  note("n4", "context", "warning", null, null),
  note("n5", "attribution", "caution", 0, 5),
];

test("notes are grouped in category order, warnings first, numbered in reading order", () => {
  const groups = present.groupNotes(NOTES);
  assert.deepEqual(groups.map((g) => g.id), ["sourcing", "attribution", "context", "language"]);
  assert.deepEqual(groups[0].notes.map((n) => n.id), ["n3", "n2"]);
  const numbers = Object.fromEntries(groups.flatMap((g) => g.notes).map((n) => [n.id, n.number]));
  assert.deepEqual(numbers, { n5: 1, n2: 2, n3: 3, n1: 4, n4: 5 });
  assert.equal(groups[2].notes[0].spanned, false);
  assert.equal(groups[0].notes[0].severityLabel, "sevWarning");
});

// A story with three context notes: a caution at 12, a note on what changed since
// publication at 60 and another at 5 (the second since note), among notes of other kinds.
const since = (id, start, end) => ({ ...note(id, "context", "info", start, end), rule: "context-since" });
const WITH_SINCE = [
  note("a1", "attribution", "caution", 0, 4),
  since("c2", 5, 9),
  note("c3", "context", "caution", 12, 20),
  note("s4", "sourcing", "warning", 30, 40),
  since("c5", 60, 70),
  note("l6", "language", "info", 80, 90),
  note("c7", "context", "info", null, null),
];

test("notes on what changed since publication come first among the context notes, numbers kept", () => {
  const listed = present.sinceFirst(present.readingOrder(WITH_SINCE));
  assert.deepEqual(listed.map((n) => n.id), ["a1", "c2", "c5", "c3", "s4", "l6", "c7"]);
  assert.deepEqual(listed.map((n) => n.number), [1, 2, 5, 3, 4, 6, 7], "reading-order numbers are unchanged");
  // The first context note is not a since note: the since note moves before it.
  const later = WITH_SINCE.filter((n) => n.id !== "c2");
  assert.deepEqual(present.sinceFirst(present.readingOrder(later)).map((n) => n.id), ["a1", "c5", "c3", "s4", "l6", "c7"]);
  // The first context note comes after other kinds: those keep their places.
  const afterOthers = [note("s1", "sourcing", "info", 0, 3), note("c2", "context", "warning", 5, 8), since("c3", 9, 12)];
  assert.deepEqual(present.sinceFirst(afterOthers).map((n) => n.id), ["s1", "c3", "c2"]);
  // Without a since note nothing moves; the list given is never changed.
  const plain = present.readingOrder(NOTES);
  assert.deepEqual(present.sinceFirst(plain).map((n) => n.id), plain.map((n) => n.id));
  const given = present.readingOrder(WITH_SINCE);
  const before = given.map((n) => n.id);
  present.sinceFirst(given);
  assert.deepEqual(given.map((n) => n.id), before);
  // Only a context note with the rule counts (a stray rule on another kind does not).
  assert.equal(present.isSince({ ...note("x", "sourcing", "info", 0, 1), rule: "context-since" }), false);
});

test("in the context group, since notes come before warnings and cautions", () => {
  const context = present.groupNotes(WITH_SINCE).find((g) => g.id === "context");
  assert.deepEqual(context.notes.map((n) => n.id), ["c2", "c5", "c3", "c7"]);
  assert.deepEqual(context.notes.map((n) => n.number), [2, 5, 3, 7]);
});

test("an unknown category is kept, after the known ones", () => {
  const groups = present.groupNotes([...NOTES, note("n6", "newthing", "info", 1, 2)]);
  assert.equal(groups.at(-1).id, "newthing");
  assert.equal(groups.at(-1).notes.length, 1);
});

test("legend counts spanned notes per category; the badge counts warnings", () => {
  const legend = present.legend(NOTES);
  assert.deepEqual(legend.map((l) => [l.letter, l.count]), [["S", 2], ["A", 1], ["C", 0], ["L", 1]]);
  assert.equal(new Set(legend.map((l) => l.underline)).size, 4, "each category has its own underline");
  assert.equal(present.badgeText(NOTES), "2");
  assert.equal(present.badgeText([]), "");
  assert.deepEqual(present.severityCounts(NOTES), { warning: 2, caution: 2, info: 1 });
});

test("the source ledger is in reading order with plain labels", () => {
  const rows = present.sourceLedger([
    { id: "s2", mention: "TASS", kind: "named_organization", start: 50, end: 54, anonymity_reason: null, relayed_by: null, attributions: 2 },
    { id: "s1", mention: "two officials", kind: "unnamed_individual", start: 5, end: 18, anonymity_reason: null, relayed_by: "TASS" },
  ]);
  assert.deepEqual(rows.map((r) => r.id), ["s1", "s2"]);
  assert.equal(rows[0].anonymous, true);
  assert.equal(rows[0].relayedBy, "TASS");
  assert.equal(rows[0].attributions, 1);
  assert.equal(rows[1].kindLabel, "kindNamedOrganization");
});

test("only http(s) references become links", () => {
  assert.equal(present.safeUrl("https://example.org/a b"), "https://example.org/a%20b");
  assert.equal(present.safeUrl("javascript:alert(1)"), null);
  assert.equal(present.safeUrl("not a url"), null);
});

test("every message key the logic can return exists in messages.json", () => {
  const keys = new Set();
  for (const g of present.groupNotes([...NOTES, note("x", "other", "odd", 1, 2)])) {
    keys.add(g.label).add(g.help);
    for (const n of g.notes) keys.add(n.severityLabel);
  }
  for (const r of present.sourceLedger(["named_person", "named_organization", "unnamed_individual", "vague_group", "document", "??"].map((kind, i) => ({ id: String(i), kind, mention: "m", start: i })))) {
    keys.add(r.kindLabel);
  }
  for (const [status, body] of [[413, null], [429, null], [404, null], [500, null], [200, {}]]) {
    keys.add("err_" + server.classifyResponse(status, body, null).kind);
  }
  keys.add("err_plainHttp").add("err_plainHttp_title").add("err_plainHttpMenu").add("sendAnyway");
  for (const key of keys) assert.ok(messages[key], `missing message ${key}`);
});

test("server addresses are normalised to an origin; loopback is recognised", () => {
  assert.equal(server.normaliseServer("127.0.0.1:5000"), "http://127.0.0.1:5000");
  assert.equal(server.normaliseServer(" https://footnote.example.org/api/ "), "https://footnote.example.org");
  assert.equal(server.normaliseServer("ftp://x"), null);
  assert.equal(server.normaliseServer("http://user:pw@host"), null);
  assert.equal(server.normaliseServer(""), null);
  assert.ok(server.isLoopback("http://localhost:8000"));
  assert.ok(server.isLoopback("http://127.0.0.1:5000"));
  assert.ok(!server.isLoopback("https://127.0.0.1.example.org"));
  assert.equal(server.originPattern("https://footnote.example.org:8443"), "https://footnote.example.org/*");
});

test("responses are classified into the popup's plain-words errors", () => {
  const ok = { summary: {}, sources: [], notes: [], meta: {} };
  assert.deepEqual(server.classifyResponse(200, ok, null), { ok: true });
  assert.equal(server.classifyResponse(200, { hello: 1 }, null).kind, "badResponse");
  assert.equal(server.classifyResponse(413, { error: { code: "too_large", message: "long" } }, null).kind, "tooLong");
  assert.deepEqual(server.classifyResponse(429, null, "12"), { ok: false, kind: "rateLimited", status: 429, retryAfter: 12, message: null });
  assert.equal(server.classifyResponse(429, null, "soon").retryAfter, null);
  assert.equal(server.classifyResponse(422, { error: { message: "published: bad" } }, null).message, "published: bad");
  assert.equal(server.classifyResponse(404, null, null).kind, "notFootnote");
});

test("the request carries text, title, url and a valid date only when present", () => {
  assert.deepEqual(server.requestBody({ text: "t" }), { text: "t" });
  assert.deepEqual(
    server.requestBody({ text: "t", title: "T", url: "http://x/", published: "2024-01-01" }),
    { text: "t", title: "T", url: "http://x/", published: "2024-01-01" },
  );
  assert.equal(server.requestBody({ text: "t" }, "2026-12-07").as_of, "2026-12-07");
  assert.equal("as_of" in server.requestBody({ text: "t" }, "7 Dec 2026"), false);
  assert.equal("as_of" in server.requestBody({ text: "t" }, undefined), false);
  const longQuery = "http://x.test/a/b?" + "q=1&".repeat(600);
  assert.equal(server.requestBody({ text: "t", url: longQuery }).url, "http://x.test/a/b");
  const longPath = "http://x.test/" + "p".repeat(3000);
  assert.equal("url" in server.requestBody({ text: "t", url: longPath }), false);
});

test("the page address goes without its query string, fragment or login", () => {
  const clean = server.requestUrl;
  assert.equal(clean("https://news.example.org/world/talks.html?utm_source=mail&session=ab12#comments"), "https://news.example.org/world/talks.html");
  assert.equal(clean("https://news.example.org/a?x=1"), "https://news.example.org/a");
  assert.equal(clean("https://news.example.org/a#part-2"), "https://news.example.org/a");
  assert.equal(clean("https://news.example.org/a#frag?not-a-query"), "https://news.example.org/a");
  assert.equal(clean("https://news.example.org/a/?"), "https://news.example.org/a/");
  assert.equal(clean("https://reader:secret@news.example.org/a"), "https://news.example.org/a");
  assert.equal(clean("http://x/"), "http://x/");
  assert.equal(clean("http://news.example.org:8080/a;b"), "http://news.example.org:8080/a;b", "a path's own parameters stay");
  assert.equal(clean("file:///home/reader/saved.html?x=1"), "file:///home/reader/saved.html");
  assert.equal(clean("not an address"), null);
  assert.equal(clean(""), null);
  assert.equal(clean(undefined), null);
  const body = server.requestBody({ text: "t", url: "https://news.example.org/a?email=reader%40example.org" });
  assert.equal(body.url, "https://news.example.org/a");
});

test("addresses on this machine are told from others; only plain http elsewhere asks first", () => {
  for (const local of [
    "http://localhost:5000", "http://LOCALHOST", "http://127.0.0.1:5000", "http://127.0.0.2",
    "http://127.255.255.254:8000", "http://[::1]:5000", "https://127.0.0.1",
  ]) {
    assert.ok(server.isLocalAddress(local), local);
    assert.equal(server.needsPlainHttpConsent(local), false, local);
  }
  for (const elsewhere of [
    "http://192.168.1.20:5000", "http://10.0.0.5", "http://footnote.school.example",
    "http://127.0.0.1.example.org", "http://128.0.0.1", "http://[::2]", "http://localhost.example.org",
    "http://0.0.0.0:5000",
  ]) {
    assert.equal(server.isLocalAddress(elsewhere), false, elsewhere);
    assert.ok(server.needsPlainHttpConsent(elsewhere), elsewhere);
  }
  for (const encrypted of ["https://footnote.school.example", "https://192.168.1.20:8443"]) {
    assert.equal(server.needsPlainHttpConsent(encrypted), false, encrypted);
  }
  assert.equal(server.needsPlainHttpConsent("not an address"), false);
  assert.equal(server.isLocalAddress("not an address"), false);
  // Every saved address goes through normaliseServer first: the default needs no consent.
  assert.equal(server.needsPlainHttpConsent(server.normaliseServer(server.DEFAULT_SERVER)), false);
  assert.ok(server.needsPlainHttpConsent(server.normaliseServer("192.168.1.20:5000")));
});

test("the reader's date is the local calendar day, not the UTC one", () => {
  assert.equal(server.localDate(new Date(2026, 0, 5)), "2026-01-05");
  assert.equal(server.localDate(new Date(2026, 11, 31, 23, 59)), "2026-12-31");
  assert.equal(server.localDate(new Date(2026, 2, 1, 0, 0)), "2026-03-01");
  assert.equal(server.localDate(new Date(999, 5, 9)), "0999-06-09");
  // Noon UTC on 28 February is already 1 March on Kiritimati (UTC+14).
  const zone = process.env.TZ;
  process.env.TZ = "Pacific/Kiritimati";
  try {
    const noonUtc = new Date(Date.UTC(2026, 1, 28, 12, 0));
    assert.equal(noonUtc.toISOString().slice(0, 10), "2026-02-28");
    assert.equal(server.localDate(noonUtc), "2026-03-01");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test("the vendored Readability is the version package.json pins, licence kept", () => {
  const root = new URL("../../", import.meta.url);
  const pinned = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).devDependencies["@mozilla/readability"];
  const readme = readFileSync(new URL("extension/vendor/README.md", root), "utf8");
  assert.match(readme, new RegExp(`^Version: ${pinned.replace(/\./g, "\\.")}$`, "m"));
  assert.match(readFileSync(new URL("extension/vendor/LICENSE-Readability.md", root), "utf8"), /Apache License/);
  let installed = null;
  try {
    installed = readFileSync(new URL("node_modules/@mozilla/readability/Readability.js", root), "utf8");
  } catch {
    return; // no node_modules: nothing to compare with
  }
  assert.equal(readFileSync(new URL("extension/vendor/Readability.js", root), "utf8"), installed);
});

test("every string the UI asks for is in messages.json, and every error kind has its words", () => {
  const dir = new URL("../", import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(js|html)$/.test(f))
    .concat(readdirSync(new URL("content/", dir)).map((f) => `content/${f}`));
  const source = files.map((f) => readFileSync(new URL(f, dir), "utf8")).join("\n");
  const used = new Set();
  for (const m of source.matchAll(/\bt\("([A-Za-z0-9_]+)"|data-i18n="([A-Za-z0-9_]+)"/g)) used.add(m[1] || m[2]);
  for (const m of source.matchAll(/(?:failure\(|error: |kind: )"([A-Za-z]+)"/g)) {
    used.add(`err_${m[1]}`).add(`err_${m[1]}_title`);
  }
  assert.ok(used.size > 40);
  for (const key of used) assert.ok(messages[key], `missing message ${key}`);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8"));
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) assert.ok(messages[m[1]], m[1]);
  for (const key of Object.keys(messages)) assert.match(key, /^[A-Za-z0-9_@]+$/);
});

test("readingOrder numbers notes by position, whole-text notes last", () => {
  const ordered = present.readingOrder(NOTES);
  assert.deepEqual(ordered.map((n) => n.id), ["n5", "n2", "n3", "n1", "n4"]);
  assert.deepEqual(ordered.map((n) => n.number), [1, 2, 3, 4, 5]);
  assert.equal(ordered[4].spanned, false);
  assert.equal(ordered[2].severityLabel, "sevWarning");
});

test("plainTone turns the server's tone sentence into plain words, the number kept for 'how'", () => {
  const tone = (x) => `The writer's own words score ${x} on TextBlob's word-list subjectivity scale (0 factual, 1 opinion; descriptive words raise it too); they hold 2 loaded words or phrases.`;
  assert.deepEqual(present.plainTone(tone("0.26")), {
    key: "toneFactual", figure: "0.26", found: "They hold 2 loaded words or phrases.", detail: tone("0.26"),
  });
  assert.equal(present.plainTone(tone("0.45")).key, "toneMixed");
  assert.equal(present.plainTone(tone("0.71")).key, "toneOpinion");
  const few = "The writer's own words use too few opinion-bearing words for a subjectivity figure; no loaded or sweeping wording, weasel phrases or rhetorical questions were found.";
  assert.equal(present.plainTone(few).key, "toneTooFew");
  assert.equal(present.plainTone(few).figure, null);
  assert.equal(present.plainTone("Something else entirely.").key, null);
  assert.equal(present.plainTone(null), null);
  for (const key of ["toneFactual", "toneMixed", "toneOpinion", "toneTooFew", "toneFigure", "toneHow"]) assert.ok(messages[key], key);
});

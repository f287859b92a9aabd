import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { furnitureByStructure, furnitureByText, isDateline, pageVerdict, MIN_ARTICLE } = require("../lib/article.js");

test("furniture by structure: what the element is and what the site calls it", () => {
  const kinds = [
    [{ tag: "figcaption" }, "caption"],
    [{ tag: "div", className: "image-credit" }, "caption"],
    [{ tag: "aside", className: "related-links" }, "related"],
    [{ tag: "div", className: "c-share-bar" }, "share"],
    [{ tag: "ul", className: "article__tags" }, "tags"],
    [{ tag: "section", id: "comments" }, "comments"],
    [{ tag: "div", className: "cookie-banner" }, "cookie"],
    [{ tag: "div", className: "paywall-box" }, "paywall"],
    [{ tag: "div", role: "dialog" }, "dialog"],
    [{ tag: "div", label: "Share this story" }, "share"],
  ];
  for (const [info, kind] of kinds) assert.equal(furnitureByStructure({ longParagraphs: 0, ...info }), kind, JSON.stringify(info));
  for (const info of [
    { tag: "div", className: "article-body" },
    { tag: "p", className: "shareholders" }, // a word that merely contains "share"
    { tag: "div", className: "parameter" },
    { tag: "div", className: "story has-share-bar", longParagraphs: 5 }, // the article itself
  ]) {
    assert.equal(furnitureByStructure({ longParagraphs: 0, ...info }), null, JSON.stringify(info));
  }
});

test("furniture by text: link lines, tag lists, captions, share bars, cookie and paywall notices", () => {
  const kinds = [
    [{ text: "Read also: Why the river flooded twice", linkText: 30 }, "related"],
    [{ text: "RELATED: Council votes on the new bridge", linkText: 33 }, "related"],
    [{ text: "Topics: Health, Hospitals, Winter" }, "tags"],
    [{ text: "Photo: A nurse at the clinic in March." }, "caption"],
    [{ text: "Volunteers unload boxes at the depot (Photo: Kim Arden)" }, "caption"],
    [{ text: "Share  Tweet  Email  Copy link" }, "share"],
    [{ text: "We use cookies to improve your experience. Accept all" }, "cookie"],
    [{ text: "Subscribe to continue reading. Already a subscriber? Log in." }, "paywall"],
    [{ text: "The five cheapest towns to rent in", linkText: 34 }, "related"],
  ];
  for (const [block, kind] of kinds) assert.equal(furnitureByText(block), kind, block.text);
  for (const block of [
    { text: "Read the statement carefully, the minister said on Tuesday." }, // no link: a sentence
    { text: "The clinic reopened on Monday after repairs to its roof.", linkText: 10 },
    { text: "Related costs rose by a fifth, the report said." },
    { text: "x".repeat(400), linkText: 400 }, // long: article text whatever its links
    { text: "" },
  ]) {
    assert.equal(furnitureByText(block), null, block.text);
  }
});

test("page verdict: a paywall stub, a section front, too little text, or go ahead", () => {
  assert.deepEqual(pageVerdict({ characters: 600, paywall: true, teasers: 0 }), { kind: "paywall", characters: 600 });
  assert.equal(pageVerdict({ characters: 6000, paywall: true, teasers: 0 }), null); // the whole text is there
  assert.deepEqual(pageVerdict({ characters: 2400, paywall: false, teasers: 9 }), { kind: "sectionFront", characters: 2400 });
  assert.equal(pageVerdict({ characters: 9000, teasers: 5, longParagraphs: 12 }), null); // comments as <article>s
  assert.deepEqual(pageVerdict({ characters: MIN_ARTICLE - 1, teasers: 0 }), { kind: "tooShort", characters: MIN_ARTICLE - 1 });
  assert.equal(pageVerdict({ characters: MIN_ARTICLE, teasers: 1 }), null);
});

test("a byline or dateline around a date, but not a sentence that holds a date", () => {
  assert.equal(isDateline({ text: "By Ana Petrov, health reporter · Published 12 March 2020", dateText: "12 March 2020" }), true);
  assert.equal(isDateline({ text: "Updated 1 September 2023", dateText: "1 September 2023" }), true);
  assert.equal(isDateline({ text: "On Tuesday the council met again.", dateText: "Tuesday" }), false);
  assert.equal(isDateline({ text: `Published 2 May. ${"Words ".repeat(20)}`, dateText: "2 May" }), false);
});

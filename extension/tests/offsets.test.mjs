import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { buildText, piecesFor } = require("../lib/offsets.js");
const { codePointIndex } = require("../lib/notes-ui.js");

// Stand-ins for DOM text nodes: the mapping only needs identity and `data`.
const node = (data) => ({ data });
const text = (n, pre = false) => ({ type: "text", text: n.data, node: n, pre });
const block = { type: "break", size: 2 };
const br = { type: "break", size: 1 };

// What a DOM Range over the pieces would read, joined with a space between pieces.
function readPieces(pieces, nodesInOrder) {
  return pieces.map((p) => {
    const a = nodesInOrder.indexOf(p.startNode);
    const b = nodesInOrder.indexOf(p.endNode);
    if (a === b) return p.startNode.data.slice(p.startOffset, p.endOffset);
    let s = p.startNode.data.slice(p.startOffset);
    for (let i = a + 1; i < b; i++) s += nodesInOrder[i].data;
    return s + p.endNode.data.slice(0, p.endOffset);
  });
}

test("collapses whitespace and separates blocks as a browser renders them", () => {
  const a = node("\n    Officials   said\n the talks ");
  const b = node("had ");
  const c = node("failed.");
  const d = node("  Second paragraph. ");
  const { text: out } = buildText([block, text(a), text(b), text(c), block, block, text(d), block]);
  assert.equal(out, "Officials said the talks had failed.\n\nSecond paragraph.");
});

test("a line break is one newline; no break or space leads or trails", () => {
  const a = node("  Line one ");
  const b = node(" line two  ");
  const { text: out } = buildText([br, text(a), br, text(b), br, block]);
  assert.equal(out, "Line one\nline two");
});

test("preformatted text is kept as written", () => {
  const a = node("Intro");
  const b = node("a  b\n  c");
  const { text: out } = buildText([text(a), block, text(b, true)]);
  assert.equal(out, "Intro\n\na  b\n  c");
});

test("every character of the built text maps back to the same character in its node", () => {
  const nodes = [node("  Hello  "), node("wor"), node("ld , "), node("\u00a0next\tone "), node("x")];
  const items = [block, text(nodes[0]), text(nodes[1]), text(nodes[2]), block, text(nodes[3]), br, text(nodes[4])];
  const { text: out, segments } = buildText(items);
  assert.equal(out, "Hello world ,\n\n\u00a0next one\nx");
  for (const seg of segments) {
    for (let i = seg.start; i < seg.end; i++) {
      const ch = seg.node.data[seg.nodeStart + (i - seg.start)];
      assert.ok(ch === out[i] || (/\s/.test(ch) && out[i] === " "), `position ${i}`);
    }
  }
});

test("a span across inline element boundaries is one piece covering several nodes", () => {
  const nodes = [node("said "), node("a senior"), node(" official"), node(" who asked")];
  const { text: out, segments } = buildText(nodes.map((n) => text(n)));
  const start = out.indexOf("a senior official who");
  const end = start + "a senior official who".length;
  const pieces = piecesFor(segments, start, end);
  assert.equal(pieces.length, 1);
  assert.equal(pieces[0].startNode, nodes[1]);
  assert.equal(pieces[0].endNode, nodes[3]);
  assert.deepEqual(readPieces(pieces, nodes), ["a senior official who"]);
});

test("a span across paragraphs becomes one piece per paragraph, skipping the break", () => {
  const nodes = [node("End of one."), node("Start of two.")];
  const { text: out, segments } = buildText([text(nodes[0]), block, text(nodes[1])]);
  const start = out.indexOf("one.");
  const end = out.indexOf(" of two") ;
  const pieces = piecesFor(segments, start, end);
  assert.deepEqual(readPieces(pieces, nodes), ["one.", "Start"]);
  assert.deepEqual(piecesFor(segments, out.indexOf("\n"), out.indexOf("\n") + 2), []);
});

test("code points convert to UTF-16 across emoji, flags and combining marks", () => {
  // "🇺🇦" is two astral code points; "é" here is e + U+0301 (two BMP code points).
  const s = "Kyiv 🇺🇦 said: cafe\u0301 “talks” 📉 failed.";
  const cps = [...s];
  const index = codePointIndex(s);
  assert.equal(index.length, cps.length);
  for (let cp = 0; cp <= cps.length; cp++) {
    assert.equal(index.toUtf16(cp), cps.slice(0, cp).join("").length, `offset ${cp}`);
  }
  const start = cps.indexOf("“");
  const end = cps.indexOf("”") + 1;
  assert.equal(index.slice(start, end), "“talks”");
  const word = cps.join("").indexOf("failed");
  assert.equal(index.slice([...s.slice(0, word)].length, [...s.slice(0, word)].length + 6), "failed");
  assert.equal(index.toUtf16(-1), null);
  assert.equal(index.toUtf16(cps.length + 1), null);
  assert.equal(index.toUtf16(1.5), null);
});

test("a lone surrogate counts as one code point, as Python counts it", () => {
  const s = "a\ud800b😀c";
  const index = codePointIndex(s);
  assert.equal(index.length, 5);
  assert.equal(index.slice(3, 4), "😀");
  assert.equal(index.slice(4, 5), "c");
});

test("server offsets land on the right nodes when an emoji sits in an earlier node", () => {
  const nodes = [node("Markets 📉 fell "), node("sharply"), node(", a 👩‍💻 analyst said.")];
  const { text: out, segments } = buildText(nodes.map((n) => text(n)));
  const cps = [...out];
  const phrase = "a 👩‍💻 analyst said";
  const u16 = out.indexOf(phrase);
  const cpStart = [...out.slice(0, u16)].length;
  const cpEnd = cpStart + [...phrase].length;
  assert.ok(cps.length < out.length);
  const index = codePointIndex(out);
  const pieces = piecesFor(segments, index.toUtf16(cpStart), index.toUtf16(cpEnd));
  assert.deepEqual(readPieces(pieces, nodes), [phrase]);
  const fell = piecesFor(segments, index.toUtf16(8), index.toUtf16(8 + "📉 fell sharply".length - 1));
  assert.deepEqual(readPieces(fell, nodes), ["📉 fell sharply"]);
});

test("random documents: every span reads back the same text from the nodes, never left-out content (seeded fuzz)", () => {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = ["a", "b", " ", "  ", "\n", "\t", "é", "e\u0301", "😀", "🇺🇦", "“", "”", "\u00a0", "z"];
  for (let doc = 0; doc < 200; doc++) {
    const nodes = [];
    const items = [];
    const count = 1 + rand(8);
    for (let i = 0; i < count; i++) {
      if (rand(4) === 0) items.push(rand(2) ? block : br);
      if (rand(5) === 0) {
        nodes.push(node("#")); // left-out content: in the DOM, not in the text
        items.push({ type: "gap" });
      }
      let data = "";
      for (let k = rand(12); k > 0; k--) data += alphabet[rand(alphabet.length)];
      const n = node(data);
      nodes.push(n);
      items.push(text(n, rand(10) === 0));
    }
    const { text: out, segments } = buildText(items);
    const index = codePointIndex(out);
    for (let trial = 0; trial < 20; trial++) {
      const a = rand(index.length + 1);
      const b = a + rand(index.length - a + 1);
      const s = index.toUtf16(a);
      const e = index.toUtf16(b);
      const expected = out.slice(s, e).split(/[\n]+/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
      const read = readPieces(piecesFor(segments, s, e), nodes).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
      assert.deepEqual(read.join(" "), expected.join(" "), `doc ${doc} span ${a}-${b} of ${JSON.stringify(out)}`);
    }
  }
});

test("left-out content inside a line splits the span, so no Range covers it", () => {
  // <p>said <span class="ad">BUY NOW</span>two officials</p>, the advert left out
  const nodes = [node("said "), node("BUY NOW"), node("two officials")];
  const gap = { type: "gap" };
  const { text: out, segments } = buildText([text(nodes[0]), gap, text(nodes[2])]);
  assert.equal(out, "said two officials");
  const pieces = piecesFor(segments, 0, out.length);
  assert.deepEqual(readPieces(pieces, nodes), ["said ", "two officials"]);
  // Without the gap the same nodes make one piece.
  const joined = buildText([text(nodes[0]), text(nodes[2])]);
  assert.equal(piecesFor(joined.segments, 0, out.length).length, 1);
});

test("a space after left-out content goes with the text after it", () => {
  const nodes = [node("said"), node("AD"), node(" two")];
  const { text: out, segments } = buildText([text(nodes[0]), { type: "gap" }, text(nodes[2])]);
  assert.equal(out, "said two");
  assert.deepEqual(readPieces(piecesFor(segments, 0, out.length), nodes), ["said", " two"]);
});

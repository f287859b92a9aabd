// Injected on click: turns the server's notes into DOM Ranges over the page's own text
// nodes and registers them as CSS Custom Highlights (no change to the page's DOM). Which
// notes sit under a point (for clicks and hovering), and the brief flash of one note.
(function (root) {
  "use strict";
  const { piecesFor } = root.FootnoteOffsets;
  const { codePointIndex, spanIn, hasSpan, CATEGORIES } = root.FootnoteNotesUI;

  const supported = typeof CSS !== "undefined" && Boolean(CSS.highlights) && typeof Highlight === "function";

  function rangesFor(extraction, span) {
    const ranges = [];
    for (const p of piecesFor(extraction.segments, span.start, span.end)) {
      if (!p.startNode.isConnected || !p.endNode.isConnected) return null;
      const r = document.createRange();
      r.setStart(p.startNode, Math.min(p.startOffset, p.startNode.length));
      r.setEnd(p.endNode, Math.min(p.endOffset, p.endNode.length));
      if (!r.collapsed) ranges.push(r);
    }
    return ranges.length ? ranges : null;
  }

  /**
   * Ranges for every note whose span is about this text: → {ranges: Map id → Range[],
   * spanned, mismatched}. A note whose excerpt differs from the text at its offsets (the
   * offsets are not ours) or whose offsets fall outside the text is counted, not drawn.
   */
  function place(notes, extraction) {
    const index = codePointIndex(extraction.text);
    const ranges = new Map();
    let spanned = 0;
    let mismatched = 0;
    for (const note of notes) {
      if (!hasSpan(note)) continue;
      spanned += 1;
      const span = spanIn(index, extraction.text, note);
      if (!span) {
        mismatched += 1;
        continue;
      }
      const r = rangesFor(extraction, span);
      if (r) ranges.set(note.id, r);
    }
    return { ranges, spanned, mismatched };
  }

  function paint(notes, ranges) {
    if (!supported) return;
    for (const c of CATEGORIES) {
      const all = notes.filter((n) => n.category === c.id && ranges.has(n.id)).flatMap((n) => ranges.get(n.id));
      if (all.length) CSS.highlights.set(`footnote-${c.id}`, new Highlight(...all));
    }
  }

  function unpaint() {
    if (!supported) return;
    for (const c of CATEGORIES) CSS.highlights.delete(`footnote-${c.id}`);
    CSS.highlights.delete("footnote-flash");
  }

  function flash(ranges) {
    if (!supported) return;
    const h = new Highlight(...ranges);
    h.priority = 10;
    CSS.highlights.set("footnote-flash", h);
  }

  function unflash() {
    if (supported) CSS.highlights.delete("footnote-flash");
  }

  function registered() {
    return supported ? CATEGORIES.reduce((n, c) => n + (CSS.highlights.get(`footnote-${c.id}`)?.size ?? 0), 0) : 0;
  }

  /** The notes whose highlighted glyphs are under the viewport point (x, y). */
  function notesAt(notes, ranges, x, y) {
    const pos = document.caretPositionFromPoint
      ? document.caretPositionFromPoint(x, y)
      : document.caretRangeFromPoint && document.caretRangeFromPoint(x, y);
    if (!pos) return [];
    const node = pos.offsetNode || pos.startContainer;
    const offset = pos.offset ?? pos.startOffset;
    const hits = [];
    for (const note of notes) {
      const list = ranges.get(note.id);
      if (!list) continue;
      const hit = list.some((r) => {
        try {
          if (!r.isPointInRange(node, offset)) return false;
        } catch {
          return false;
        }
        // The caret snaps to the nearest text; count only points inside the glyphs' boxes.
        return [...r.getClientRects()].some((b) => x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1);
      });
      if (hit) hits.push(note);
    }
    return hits;
  }

  root.FootnoteHighlights = { supported, place, paint, unpaint, flash, unflash, registered, notesAt };
})(globalThis);

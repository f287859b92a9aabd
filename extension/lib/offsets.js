// Text extraction and offset mapping, with no DOM: the content script hands in text items
// (each with an opaque node reference) and gets back the analysed text plus the segments
// that map every UTF-16 position of that text to a position in a node. (Code points →
// UTF-16 positions is lib/notes-ui.js's codePointIndex.)
(function (root) {
  "use strict";

  // Whitespace that HTML collapses (not U+00A0, which a page shows as written).
  const COLLAPSIBLE = /[ \t\n\r\f]+|[^ \t\n\r\f]+/g;
  const BREAKS = { 1: "\n", 2: "\n\n" };

  /**
   * Build the text to analyse from items in document order:
   *   {type: "text", text, node, pre?, offset?}  a text node's data, or the part of it
   *                                     from `offset` on (a selection that starts inside
   *                                     the node); pre: keep whitespace as is
   *   {type: "break", size: 1|2}        a line break (<br>) or a block boundary
   *   {type: "gap"}                     page content left out here (an advert, a hidden
   *                                     element): no text, but a DOM Range must not span it
   * Whitespace runs collapse to one space as a browser renders them, block boundaries
   * become "\n\n" and line breaks "\n"; no break or space leads or trails.
   * Returns {text, segments}: each segment {node, start, end, nodeStart} says that
   * text[start..end) is node.data[nodeStart..nodeStart + (end - start)); `gap` marks a
   * segment that follows left-out content or an inserted break.
   */
  function buildText(items) {
    const chunks = [];
    const segments = [];
    let length = 0;
    let pendingBreak = 0;
    let pendingSpace = null; // {node, offset} of the whitespace a single space stands for
    let gap = false; // content was left out since the last segment

    function emit(str, node, nodeStart) {
      const last = segments[segments.length - 1];
      if (!gap && last && last.node === node && last.end === length &&
          last.nodeStart + (last.end - last.start) === nodeStart) {
        last.end += str.length;
      } else {
        const contiguous = last && last.end === length && !gap;
        segments.push({ node, start: length, end: length + str.length, nodeStart, gap: !contiguous });
      }
      gap = false;
      chunks.push(str);
      length += str.length;
    }

    function flushBefore() {
      if (length > 0 && pendingBreak) {
        const br = BREAKS[pendingBreak];
        chunks.push(br);
        length += br.length;
      } else if (length > 0 && pendingSpace) {
        // A space from before left-out content stays with the text before it.
        const gapAfterSpace = gap && !pendingSpace.afterGap;
        if (gapAfterSpace) gap = false;
        emit(" ", pendingSpace.node, pendingSpace.offset);
        gap = gapAfterSpace;
      }
      pendingBreak = 0;
      pendingSpace = null;
    }

    for (const item of items) {
      if (item.type === "gap") {
        gap = true;
        continue;
      }
      if (item.type === "break") {
        pendingBreak = Math.max(pendingBreak, item.size === 1 ? 1 : 2);
        continue;
      }
      const data = item.text;
      if (!data) continue;
      const base = item.offset || 0;
      if (item.pre) {
        flushBefore();
        emit(data, item.node, base);
        continue;
      }
      COLLAPSIBLE.lastIndex = 0;
      let match;
      while ((match = COLLAPSIBLE.exec(data)) !== null) {
        const run = match[0];
        if (/^[ \t\n\r\f]/.test(run)) {
          if (!pendingSpace && !pendingBreak) {
            pendingSpace = { node: item.node, offset: base + match.index, afterGap: gap };
          }
        } else {
          flushBefore();
          emit(run, item.node, base + match.index);
        }
      }
    }
    return { text: chunks.join(""), segments };
  }

  // Index of the first segment whose end is > index (segments are sorted and disjoint).
  function firstEndingAfter(segments, index) {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].end > index) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The node pieces that text[start..end) (UTF-16 positions) covers, one piece per run of
   * segments with no inserted break or left-out content between them, so each piece can
   * become one DOM Range that holds exactly the analysed text:
   * [{startNode, startOffset, endNode, endOffset}]. Inserted breaks map to nothing.
   */
  function piecesFor(segments, start, end) {
    const pieces = [];
    if (!(end > start)) return pieces;
    let piece = null;
    let prevEnd = -1;
    for (let i = firstEndingAfter(segments, start); i < segments.length; i++) {
      const seg = segments[i];
      if (seg.start >= end) break;
      const from = Math.max(start, seg.start);
      const to = Math.min(end, seg.end);
      if (to <= from) continue;
      if (piece && seg.start === prevEnd && !seg.gap) {
        piece.endNode = seg.node;
        piece.endOffset = seg.nodeStart + (to - seg.start);
      } else {
        piece = {
          startNode: seg.node,
          startOffset: seg.nodeStart + (from - seg.start),
          endNode: seg.node,
          endOffset: seg.nodeStart + (to - seg.start),
        };
        pieces.push(piece);
      }
      prevEnd = seg.end;
    }
    return pieces;
  }

  const api = { buildText, piecesFor };
  root.FootnoteOffsets = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

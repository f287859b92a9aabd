/* Pure helpers for the page: offsets, segments, grouping, sorting. No DOM here.
 *
 * The API counts offsets in Unicode code points (Python string indices); JavaScript strings
 * count UTF-16 code units, where a character outside the Basic Multilingual Plane (an emoji,
 * some CJK) takes two. Every offset from the API goes through codePointMap before use.
 */
(function (root) {
  "use strict";

  /* map[cp] is the UTF-16 index of code point cp; map[count] is text.length. */
  function codePointMap(text) {
    const map = [0];
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      map.push(u);
    }
    return map;
  }

  function hasSpan(note) {
    return Number.isInteger(note.start) && Number.isInteger(note.end) && note.end > note.start;
  }

  /* Cut the text at every note boundary. Each segment lists the notes covering it (the
   * narrowest first) and the notes whose span ends with it (where a marker goes). */
  function segment(text, notes) {
    const map = codePointMap(text);
    const last = map.length - 1;
    const at = (cp) => map[Math.max(0, Math.min(cp, last))];
    const spans = notes
      .filter(hasSpan)
      .map((note) => ({ note, start: at(note.start), end: at(note.end) }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const edges = Array.from(cuts).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const a = edges[i];
      const b = edges[i + 1];
      const covering = spans
        .filter((s) => s.start <= a && b <= s.end)
        .sort((x, y) => x.end - x.start - (y.end - y.start));
      out.push({
        start: a,
        end: b,
        text: text.slice(a, b),
        notes: covering.map((s) => s.note),
        endingHere: covering.filter((s) => s.end === b).map((s) => s.note),
      });
    }
    return out;
  }

  /* Notes in reading order: those with a span by where they start (same start: category
   * order), then the notes about the whole text, in the API's order.
   * The page, the worksheet and the extension number notes 1, 2, 3 … in this order. */
  function readingOrder(notes, categories) {
    const rank = (n) => {
      const i = categories.indexOf(n.category);
      return i < 0 ? categories.length : i;
    };
    return notes
      .map((note, index) => ({ note, index }))
      .sort((x, y) => {
        const a = x.note;
        const b = y.note;
        const sa = hasSpan(a) ? a.start : Infinity;
        const sb = hasSpan(b) ? b.start : Infinity;
        if (sa !== sb) return sa < sb ? -1 : 1;
        if (sa === Infinity) return x.index - y.index;
        return rank(a) - rank(b) || x.index - y.index;
      })
      .map((x) => x.note);
  }

  /* Notes on what changed since the article was published (rule "context-since"), in the
     order given: the page shows them first, above the notes in reading order. */
  function sinceNotes(notes) {
    return notes.filter((n) => n.category === "context" && n.rule === "context-since");
  }

  /* The first sentence of an explanation: a since-note says what changed in it. */
  function firstSentence(text) {
    const m = /^.*?[.!?](?=\s|$)/s.exec(text || "");
    return m ? m[0] : text || "";
  }

  function groupByCategory(notes, categories) {
    const groups = new Map(categories.map((c) => [c, []]));
    for (const note of notes) {
      if (!groups.has(note.category)) groups.set(note.category, []);
      groups.get(note.category).push(note);
    }
    return groups;
  }

  /* Sort table rows (objects) by one key; empty values always go last. */
  function sortRows(rows, key, type, direction) {
    const sign = direction === "descending" ? -1 : 1;
    const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
    return rows.slice().sort((x, y) => {
      const a = x[key];
      const b = y[key];
      const emptyA = a === null || a === undefined || a === "";
      const emptyB = b === null || b === undefined || b === "";
      if (emptyA || emptyB) return emptyA === emptyB ? x.order - y.order : emptyA ? 1 : -1;
      const c = type === "number" ? a - b : collator.compare(String(a), String(b));
      return c !== 0 ? sign * c : x.order - y.order;
    });
  }

  /* The engine files a counted group ("four officials") as unnamed individuals; shown as
   * one of them it reads "unnamed person". Same list as COUNTED in web/theme.py. */
  const COUNTED =
    /^(?:the\s+|some\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens|hundreds|several|a\s+few|a\s+handful|a\s+dozen|a\s+number|both)\b/i;

  function isCountedGroup(source) {
    return source.kind === "unnamed_individual" && COUNTED.test(String(source.mention || "").trim());
  }

  /* "60/minute" or "10/second;500/hour" (the server's setting) in words. */
  function rateInWords(setting) {
    const parts = String(setting || "")
      .split(";")
      .map((p) => p.trim().match(/^(\d+)\s*(?:per|\/)\s*(\d*)\s*(second|minute|hour|day)s?$/i))
      .filter(Boolean)
      .map((m) => `${m[1]} ${m[1] === "1" ? "text" : "texts"} ${m[2] && m[2] !== "1" ? `every ${m[2]} ${m[3]}s` : `${m[3] === "hour" ? "an" : "a"} ${m[3]}`}`);
    return parts.join(" and ");
  }

  /* The summary's tone sentence in plain words. The engine's sentence ("… the writer's own
   * words score 0.45 on TextBlob's word-list subjectivity scale …; they hold …") carries the
   * figure; the page leads with what it means and keeps the figure for "How is this
   * measured?". Bands: below 0.35 mostly factual, 0.5 and above mostly opinion, a mix between.
   * A sentence in another shape is returned whole as `found`, so nothing is lost. */
  const TONE_FACTUAL_BELOW = 0.35;
  const TONE_OPINION_FROM = 0.5;

  function plainTone(tone) {
    const text = String(tone || "").trim();
    if (!text) return null;
    const score = text.match(/own words score (\d+(?:\.\d+)?) on TextBlob/);
    const tooFew = /own words use too few opinion-bearing words/.test(text);
    const rest = text.includes("; ") ? text.slice(text.lastIndexOf("; ") + 2) : "";
    const found = rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : "";
    if (!score && !tooFew) return { plain: "", found: text, score: null, measured: text };
    let plain;
    if (tooFew) {
      plain = "The writer's own words have too few opinion words to say whether they are mostly opinion or mostly factual.";
    } else {
      const value = Number(score[1]);
      if (value >= TONE_OPINION_FROM) plain = "The writer's own words are mostly opinion.";
      else if (value < TONE_FACTUAL_BELOW) plain = "The writer's own words are mostly factual.";
      else plain = "The writer's own words mix fact and opinion.";
    }
    return { plain, found, score: score ? Number(score[1]) : null, measured: text };
  }

  /* Only web addresses become links; anything else is shown as text. */
  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  const api = {
    codePointMap,
    hasSpan,
    readingOrder,
    sinceNotes,
    firstSentence,
    segment,
    groupByCategory,
    sortRows,
    safeUrl,
    isCountedGroup,
    rateInWords,
    plainTone,
    TONE_FACTUAL_BELOW,
    TONE_OPINION_FROM,
  };
  root.FootnoteSpans = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);

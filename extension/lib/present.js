// What the popup and the in-page panel show, as plain data (no DOM, no chrome.*): category
// order and markers, notes grouped by category, the source ledger, the badge count.
// Labels are message keys from _locales; the UI looks them up with chrome.i18n.
(function (root) {
  "use strict";

  // The kinds of note, hasSpan, safeUrl and the reading-order numbers live in notes-ui.js
  // (shared with the educators' page), loaded before this file.
  const ui = root.FootnoteNotesUI || (typeof require === "function" ? require("./notes-ui.js") : null);
  const { CATEGORIES, category, hasSpan, numberNotes, safeUrl } = ui;
  const SEVERITY_RANK = { warning: 0, caution: 1, info: 2 };
  const SEVERITY_LABEL = { warning: "sevWarning", caution: "sevCaution", info: "sevInfo" };
  const SEVERITY_MARK = { warning: "!!", caution: "!", info: "i" };

  const KIND_LABEL = {
    named_person: "kindNamedPerson",
    named_organization: "kindNamedOrganization",
    unnamed_individual: "kindUnnamedIndividual",
    vague_group: "kindVagueGroup",
    document: "kindDocument",
  };

  /** A note on what changed since the article was published (rule "context-since"). */
  function isSince(note) {
    return Boolean(note) && note.category === "context" && note.rule === "context-since";
  }

  /**
   * A list of notes (in reading order) with the notes on what changed since the article was
   * published first among the context notes: they move, in their own order, to where the
   * first context note stood; every other note keeps its place. Numbers are not changed,
   * so a note keeps its marker ("C4") in every view.
   */
  function sinceFirst(list) {
    const since = list.filter(isSince);
    if (!since.length) return [...list];
    const at = list.findIndex((n) => n.category === "context"); // every note before it is not context
    const rest = list.filter((n) => !isSince(n));
    rest.splice(at, 0, ...since);
    return rest;
  }

  /**
   * Notes grouped by category in CATEGORIES order (unknown categories last, kept, not
   * dropped); within a group by severity (warnings first) then position, except that
   * notes on what changed since publication come first among the context notes.
   * → [{id, letter, underline, label, help, notes: [{...note, number, spanned, severityLabel}]}]
   */
  function groupNotes(notes) {
    const numbers = numberNotes(notes);
    const groups = new Map(CATEGORIES.map((c) => [c.id, { ...c, notes: [] }]));
    for (const note of notes) {
      if (!groups.has(note.category)) {
        groups.set(note.category, {
          id: note.category, letter: "?", underline: "solid", label: "catOther", help: "catOtherHelp", notes: [],
        });
      }
      groups.get(note.category).notes.push({
        ...note,
        number: numbers.get(note.id),
        spanned: hasSpan(note),
        severityLabel: SEVERITY_LABEL[note.severity] || "sevInfo",
        severityMark: SEVERITY_MARK[note.severity] || "i",
      });
    }
    const rank = (s) => (s in SEVERITY_RANK ? SEVERITY_RANK[s] : 3);
    const out = [];
    for (const group of groups.values()) {
      if (!group.notes.length) continue;
      group.notes.sort((a, b) => Number(isSince(b)) - Number(isSince(a))
        || rank(a.severity) - rank(b.severity) || a.number - b.number);
      out.push(group);
    }
    return out;
  }

  /** Legend rows with counts of spanned notes per category (all four, even at zero). */
  function legend(notes) {
    return CATEGORIES.map((c) => ({
      ...c,
      count: notes.filter((n) => n.category === c.id && hasSpan(n)).length,
    }));
  }

  function countWarnings(notes) {
    return notes.filter((n) => n.severity === "warning").length;
  }

  /** The badge text: the number of warnings, or "" when there are none. */
  function badgeText(notes) {
    const n = countWarnings(notes);
    return n === 0 ? "" : n > 99 ? "99+" : String(n);
  }

  /** The source ledger: one row per source in order of appearance. */
  function sourceLedger(sources) {
    return [...sources]
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .map((s) => ({
        id: s.id,
        mention: s.mention,
        kind: s.kind,
        kindLabel: KIND_LABEL[s.kind] || "kindOther",
        anonymous: s.kind === "unnamed_individual" || s.kind === "vague_group",
        reason: s.anonymity_reason || null,
        relayedBy: s.relayed_by || null,
        attributions: Number.isInteger(s.attributions) ? s.attributions : 1,
      }));
  }

  /** Severity counts for the popup's line under the headline. */
  function severityCounts(notes) {
    const counts = { warning: 0, caution: 0, info: 0 };
    for (const n of notes) if (n.severity in counts) counts[n.severity] += 1;
    return counts;
  }

  /**
   * Notes in reading order (the order of their numbers), each with its number, whether it
   * has a span, and its severity's label key.
   */
  function readingOrder(notes) {
    const numbers = numberNotes(notes);
    return notes
      .map((note) => ({
        ...note,
        number: numbers.get(note.id),
        spanned: hasSpan(note),
        severityLabel: SEVERITY_LABEL[note.severity] || "sevInfo",
      }))
      .sort((a, b) => a.number - b.number);
  }

  /**
   * The server's tone sentence in plain words: → {key, figure, found, detail} where key is
   * the message for the plain sentence (mostly factual / mixed / mostly opinion / too few
   * words), figure the subjectivity score behind it ("0.26", for "how is this measured?"),
   * found the sentence's second half ("they hold 2 loaded words …") as its own sentence,
   * and detail the server's whole sentence. null when there is no tone.
   */
  function plainTone(tone) {
    if (typeof tone !== "string" || !tone.trim()) return null;
    const score = /\bscore (\d(?:\.\d+)?) on\b/.exec(tone);
    const tooFew = /too few opinion-bearing words/.test(tone);
    let key = "toneTooFew";
    if (score) {
      const x = Number(score[1]);
      key = x < 0.35 ? "toneFactual" : x <= 0.55 ? "toneMixed" : "toneOpinion";
    } else if (!tooFew) {
      return { key: null, figure: null, found: null, detail: tone };
    }
    const semi = tone.lastIndexOf(";");
    let found = semi >= 0 ? tone.slice(semi + 1).trim() : null;
    if (found) found = found.charAt(0).toUpperCase() + found.slice(1);
    return { key, figure: score ? score[1] : null, found, detail: tone };
  }

  const api = {
    CATEGORIES, category, hasSpan, numberNotes, groupNotes, legend, countWarnings, badgeText,
    sourceLedger, severityCounts, safeUrl, readingOrder, isSince, sinceFirst, plainTone,
  };
  root.FootnotePresent = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

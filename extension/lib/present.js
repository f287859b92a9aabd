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

  /**
   * Notes grouped by category in CATEGORIES order (unknown categories last, kept, not
   * dropped); within a group by severity (warnings first) then position.
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
      group.notes.sort((a, b) => rank(a.severity) - rank(b.severity) || a.number - b.number);
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

  const api = {
    CATEGORIES, category, hasSpan, numberNotes, groupNotes, legend, countWarnings, badgeText,
    sourceLedger, severityCounts, safeUrl,
  };
  root.FootnotePresent = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

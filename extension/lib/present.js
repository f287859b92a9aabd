// What the popup and the in-page panel show, as plain data (no DOM, no chrome.*): category
// order and markers, notes grouped by category, the source ledger, the badge count.
// Labels are message keys from _locales; the UI looks them up with chrome.i18n.
(function (root) {
  "use strict";

  // One colour per category (in highlight.css / popup.css) plus a letter and an underline
  // style, so a reader who cannot tell the colours apart still can tell the categories.
  const CATEGORIES = [
    { id: "sourcing", letter: "S", underline: "solid", label: "catSourcing", help: "catSourcingHelp" },
    { id: "attribution", letter: "A", underline: "wavy", label: "catAttribution", help: "catAttributionHelp" },
    { id: "context", letter: "C", underline: "double", label: "catContext", help: "catContextHelp" },
    { id: "language", letter: "L", underline: "dotted", label: "catLanguage", help: "catLanguageHelp" },
  ];
  const CATEGORY_IDS = CATEGORIES.map((c) => c.id);
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

  function category(id) {
    return CATEGORIES.find((c) => c.id === id) || null;
  }

  function hasSpan(note) {
    return Number.isInteger(note.start) && Number.isInteger(note.end) && note.end > note.start;
  }

  /**
   * Number each note in reading order (spanned notes by position, then the rest), so the
   * popup, the margin markers and the panel all call a note by the same number.
   * Returns a Map note.id → number (1-based).
   */
  function numberNotes(notes) {
    const ordered = [...notes].sort((a, b) => {
      const sa = hasSpan(a) ? a.start : Infinity;
      const sb = hasSpan(b) ? b.start : Infinity;
      return sa - sb || CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category);
    });
    return new Map(ordered.map((n, i) => [n.id, i + 1]));
  }

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

  /** Only http(s) links from the server become clickable. */
  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch {
      return null;
    }
  }

  const api = {
    CATEGORIES, category, hasSpan, numberNotes, groupNotes, legend, countWarnings, badgeText,
    sourceLedger, severityCounts, safeUrl,
  };
  root.FootnotePresent = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

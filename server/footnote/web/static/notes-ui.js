// Footnote's shared front-end module: the one place for what the extension and the
// educators' page must do alike. Canonical file: extension/lib/notes-ui.js;
// server/footnote/web/static/notes-ui.js is a copy made by scripts/sync-ui.py, and
// tests/test_sync_ui.py fails when the two differ. Plain script (no bundler): it defines
// the global FootnoteNotesUI, or module.exports under Node (for node --test).
//
//   - the four kinds of note: letter, underline style and label key, in display order;
//   - code-point offsets (what the server counts: Python string indices) to UTF-16
//     positions (what JavaScript strings and DOM offsets count), strict: an offset that is
//     not an integer inside the text gives null, and the caller skips that note;
//   - hasSpan, safeUrl, the note's number in reading order and its "S3" label;
//   - the note card, built with createElement and textContent only (never HTML).
(function (root) {
  "use strict";

  // Each kind has a colour (theme.css), a letter and an underline style, so a reader who
  // cannot tell the colours apart can still tell the kinds apart.
  const CATEGORIES = [
    { id: "sourcing", letter: "S", underline: "solid", label: "catSourcing", help: "catSourcingHelp" },
    { id: "attribution", letter: "A", underline: "wavy", label: "catAttribution", help: "catAttributionHelp" },
    { id: "context", letter: "C", underline: "double", label: "catContext", help: "catContextHelp" },
    { id: "language", letter: "L", underline: "dotted", label: "catLanguage", help: "catLanguageHelp" },
  ];
  const OTHER = { id: "other", letter: "?", underline: "dashed", label: "catOther", help: "catOtherHelp" };

  // English wording for callers without their own message catalogue (the educators' page);
  // the extension passes chrome.i18n through `t` instead.
  const LABELS = {
    catSourcing: "Sources",
    catAttribution: "Says who?",
    catContext: "Background",
    catLanguage: "Wording",
    catOther: "Other notes",
    sevWarning: "Warning",
    sevCaution: "Caution",
    sevInfo: "For information",
    checkLabel: "What to check:",
    moreLabel: "More about this",
    readMore: "Read more:",
    newTab: "(opens in a new tab)",
  };
  const SEVERITY_LABEL = { warning: "sevWarning", caution: "sevCaution", info: "sevInfo" };

  function category(id) {
    return CATEGORIES.find((c) => c.id === id) || null;
  }

  function hasSpan(note) {
    return Boolean(note) && Number.isInteger(note.start) && Number.isInteger(note.end) && note.end > note.start;
  }

  /** Only http(s) addresses become links; anything else is shown as text (or not at all). */
  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch {
      return null;
    }
  }

  /**
   * A converter from code-point offsets to UTF-16 positions for one text:
   * {length (in code points), toUtf16(offset) → number | null, slice(start, end) → string | null}.
   * Only the positions of characters outside the BMP are stored (binary search), so the
   * memory is proportional to the emoji, not to the text.
   */
  function codePointIndex(text) {
    const astral = []; // code-point offsets of characters outside the BMP
    let cp = 0;
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(cp);
          i++;
        }
      }
    }
    const length = cp;
    function before(offset) {
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    function toUtf16(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > length) return null;
      return offset + before(offset);
    }
    return {
      length,
      toUtf16,
      slice(start, end) {
        const a = toUtf16(start);
        const b = toUtf16(end);
        return a === null || b === null || b < a ? null : text.slice(a, b);
      },
    };
  }

  /**
   * A note's UTF-16 span in `text` → {start, end}, or null when the note has no span, its
   * offsets fall outside the text, or (when it carries one) its excerpt is not the text
   * at those offsets: then the offsets are not about this text and the note is not drawn.
   */
  function spanIn(index, text, note) {
    if (!hasSpan(note)) return null;
    const start = index.toUtf16(note.start);
    const end = index.toUtf16(note.end);
    if (start === null || end === null || end <= start) return null;
    if (typeof note.excerpt === "string" && text.slice(start, end) !== note.excerpt) return null;
    return { start, end };
  }

  /**
   * Number each note in reading order (spanned notes by position, then the rest, in the
   * order the server gave), so every view calls a note by the same number.
   * → Map note.id → number (1-based).
   */
  function numberNotes(notes) {
    const ids = CATEGORIES.map((c) => c.id);
    const ordered = notes
      .map((note, i) => ({ note, i }))
      .sort((a, b) => {
        const sa = hasSpan(a.note) ? a.note.start : Infinity;
        const sb = hasSpan(b.note) ? b.note.start : Infinity;
        return sa - sb || ids.indexOf(a.note.category) - ids.indexOf(b.note.category) || a.i - b.i;
      });
    return new Map(ordered.map(({ note }, i) => [note.id, i + 1]));
  }

  /** "S3": the kind's letter and the note's number. */
  function noteLabel(note, number) {
    return `${(category(note.category) || OTHER).letter}${number}`;
  }

  /** A text's first sentence and the rest: ["Lead.", "Rest…"] (rest may be ""). */
  function leadSentence(text) {
    const s = String(text || "").trim();
    const m = /^[\s\S]*?[.!?](?=["”’)\]]*\s+[A-Z0-9“"‘(])/.exec(s);
    if (!m || m[0].length < 20) return [s, ""];
    const cut = m[0].length + (/^["”’)\]]*/.exec(s.slice(m[0].length))[0].length);
    return [s.slice(0, cut).trim(), s.slice(cut).trim()];
  }

  function labeller(t) {
    return (key, subs) => {
      const own = typeof t === "function" ? t(key, subs) : null;
      return own && own !== key ? own : LABELS[key] || key;
    };
  }

  function make(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /**
   * One note as a card:
   *   <article class="fn-card fn-<kind> note-card" data-note="ID">
   *     <p class="card-head"><span class="fn-badge">S3</span> <span class="card-kind">Sources</span>
   *        <span class="fn-sev fn-sev-warning">Warning</span></p>
   *     <hN class="card-title">title</hN>
   *     <blockquote class="card-excerpt">excerpt</blockquote>
   *     <p class="card-lead">first sentence</p>
   *     <details class="card-more"><summary>More about this</summary> rest, check, references</details>
   *   </article>
   * options: {number, t (message lookup: key, subs → string), headingLevel (2-6, default 3),
   *   excerpt (default true), fold (default true: more than the first sentence folds away)}.
   */
  function renderNoteCard(doc, note, options = {}) {
    const t = labeller(options.t);
    const cat = category(note.category) || OTHER;
    const number = options.number ?? "";
    const level = Math.min(6, Math.max(2, options.headingLevel || 3));
    const card = make(doc, "article", `fn-card fn-${cat.id} note-card`);
    card.setAttribute("data-note", String(note.id));
    const head = make(doc, "p", "card-head");
    const badge = make(doc, "span", "fn-badge", noteLabel(note, number));
    const severity = SEVERITY_LABEL[note.severity] || "sevInfo";
    head.append(
      badge,
      " ",
      make(doc, "span", "card-kind", t(cat.label)),
      " ",
      make(doc, "span", `fn-sev fn-sev-${note.severity in SEVERITY_LABEL ? note.severity : "info"}`, t(severity)),
    );
    card.append(head, make(doc, `h${level}`, "card-title", note.title || ""));
    if (options.excerpt !== false && note.excerpt) card.append(make(doc, "blockquote", "card-excerpt", note.excerpt));
    const [lead, rest] = options.fold === false ? [note.explanation || "", ""] : leadSentence(note.explanation);
    if (lead) card.append(make(doc, "p", "card-lead", lead));
    const more = [];
    if (rest) more.push(make(doc, "p", "card-explanation", rest));
    if (note.check) {
      const check = make(doc, "p", "card-check");
      check.append(make(doc, "strong", null, t("checkLabel")), " ", String(note.check));
      more.push(check);
    }
    const refs = (Array.isArray(note.references) ? note.references : [])
      .map((r) => ({ title: r && r.title, href: r && safeUrl(r.url) }))
      .filter((r) => r.href);
    if (refs.length) {
      const list = make(doc, "ul", "card-refs");
      for (const ref of refs) {
        const a = make(doc, "a", null, ref.title || ref.href);
        a.setAttribute("href", ref.href);
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer");
        a.append(" ", make(doc, "span", "visually-hidden", t("newTab")));
        const li = make(doc, "li");
        li.append(a);
        list.append(li);
      }
      more.push(make(doc, "p", "card-refs-title", t("readMore")), list);
    }
    if (more.length && options.fold !== false) {
      const details = make(doc, "details", "card-more");
      details.append(make(doc, "summary", null, t("moreLabel")), ...more);
      card.append(details);
    } else {
      card.append(...more);
    }
    return card;
  }

  const api = {
    CATEGORIES, LABELS, category, hasSpan, safeUrl, codePointIndex, spanIn, numberNotes,
    noteLabel, leadSentence, renderNoteCard,
  };
  root.FootnoteNotesUI = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

// Injected last on click: the content script's state and messages. content/extract.js
// reads the article, content/highlights.js places the notes, content/panel.js draws the UI.
(function (root) {
  "use strict";
  const ext = root.browser ?? root.chrome;
  // The background injects only when no instance answers its ping, i.e. there is none or
  // only one orphaned by an update or reload of the extension. A new instance therefore
  // retires any previous one (its listener, highlights and UI), so a second injection
  // never doubles anything.
  try {
    root.__footnoteInstance?.dispose();
  } catch {
    // an orphaned instance may fail half-way; what it leaves is removed below
  }

  const { extract, HOST_TAG } = root.FootnoteExtract;
  const H = root.FootnoteHighlights;
  const { buildUi, showNotice, FLASH_MS } = root.FootnotePanel;
  const { numberNotes } = root.FootnoteNotesUI;
  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;

  // a dead instance's UI
  for (const stale of document.querySelectorAll(`${HOST_TAG}, ${root.FootnoteExtract.MARKER_TAG}`)) stale.remove();

  let extraction = null; // {text, segments} of the last extraction
  let shown = null; // {notes, ranges: Map id → Range[], numbers, ui, flashTimer, flashing}

  function read(options) {
    const { reply, extraction: fresh } = extract(options);
    if (fresh) extraction = fresh;
    return reply;
  }

  // Where the article's text runs on screen, left to right: the blocks of a sample of the
  // text nodes it was read from (the extracted part's own box may be the whole page).
  function textColumn(read) {
    const segments = read.segments;
    if (!segments.length) return null;
    let left = Infinity;
    let right = -Infinity;
    const step = Math.max(1, Math.floor(segments.length / 40));
    for (let i = 0; i < segments.length; i += step) {
      let node = segments[i].node.parentElement;
      while (node && node.parentElement && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
      if (!node || !node.isConnected) continue;
      const box = node.getBoundingClientRect();
      if (!box.width) continue;
      left = Math.min(left, box.left);
      right = Math.max(right, box.right);
    }
    return left < right ? { left, right } : null;
  }

  function show(analysis) {
    clear(false);
    if (!extraction) return { error: "noExtraction" };
    const notes = Array.isArray(analysis.notes) ? analysis.notes : [];
    const { ranges, spanned, mismatched } = H.place(notes, extraction);
    H.paint(notes, ranges);
    shown = { notes, ranges, numbers: numberNotes(notes), ui: null, flashTimer: null, flashing: null };
    shown.ui = buildUi(shown, {
      t,
      highlightApi: H.supported,
      notesAt: (x, y) => (shown ? H.notesAt(shown.notes, shown.ranges, x, y) : []),
      onClear: () => clear(true),
      articleBox: () => textColumn(extraction),
    });
    return { placed: ranges.size, placedIds: [...ranges.keys()], spanned, mismatched, highlightApi: H.supported };
  }

  let dismissNotice = null; // removes the context menu's message, if one is shown

  function clear(notify = true) {
    H.unpaint();
    if (dismissNotice) dismissNotice();
    dismissNotice = null;
    if (shown) {
      clearTimeout(shown.flashTimer);
      if (shown.ui) shown.ui.destroy();
    }
    const had = Boolean(shown);
    shown = null;
    if (notify && had) ext.runtime.sendMessage({ type: "footnote:cleared" }).catch(() => {});
    return { cleared: had };
  }

  function focusNote(id) {
    if (!shown) return { found: false };
    const note = shown.notes.find((n) => n.id === id);
    if (!note) return { found: false };
    shown.ui.select([note]);
    const ranges = shown.ranges.get(id);
    if (!ranges) return { found: true, highlighted: false };
    const anchor = ranges[0].startContainer.parentElement;
    const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
    anchor.scrollIntoView({ block: "center", behavior: reduce ? "instant" : "smooth" });
    H.flash(ranges);
    shown.ui.flashMarker(id);
    clearTimeout(shown.flashTimer);
    shown.flashing = id;
    const current = shown;
    shown.flashTimer = setTimeout(() => {
      H.unflash();
      current.flashing = null;
    }, FLASH_MS);
    return { found: true, highlighted: true };
  }

  // What is shown, for the popup (and the end-to-end tests): each highlight's text.
  function state() {
    if (!shown) return { shown: false };
    const highlights = [];
    for (const [id, ranges] of shown.ranges) {
      highlights.push({
        id,
        text: ranges.map((r) => r.toString()).join(" "),
        crossesNodes: ranges.some((r) => r.startContainer !== r.endContainer),
      });
    }
    return {
      shown: true,
      highlights,
      registered: H.registered(),
      flashing: shown.flashing || null,
      ui: shown.ui.state(),
      hostCount: document.querySelectorAll(HOST_TAG).length,
    };
  }

  const HANDLERS = {
    "footnote:extract": (m) => read(m.options || {}),
    "footnote:show": (m) => show(m.analysis || {}),
    "footnote:focus": (m) => focusNote(m.noteId),
    "footnote:clear": () => clear(false),
    "footnote:state": () => state(),
    "footnote:ping": () => ({ ok: true }),
    "footnote:notice": (m) => {
      clear(false);
      dismissNotice = showNotice(String(m.title || ""), String(m.body || ""), t);
      return { ok: true };
    },
    // test hook: press the panel's own Clear button
    "footnote:click-clear": () => {
      shown?.ui.clickClear();
      return { ok: true };
    },
  };

  function onMessage(message, sender, sendResponse) {
    if (!message || typeof message.type !== "string" || !Object.hasOwn(HANDLERS, message.type)) return false;
    let reply;
    try {
      reply = HANDLERS[message.type](message);
    } catch (error) {
      reply = { error: "script", detail: String(error && error.message) };
    }
    sendResponse(reply);
    return false;
  }

  ext.runtime.onMessage.addListener(onMessage);
  root.__footnoteInstance = {
    dispose() {
      ext.runtime.onMessage.removeListener(onMessage);
      clear(false);
    },
  };
})(globalThis);

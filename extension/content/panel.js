// Injected on click: the UI Footnote adds to a page, each part in a closed Shadow DOM so
// the page's CSS and scripts cannot reach it. Markers: one per passage (listing every note
// on it), inserted at the start of the passage's paragraph, so they come in reading order
// right inside the article for the keyboard and are painted under the site's own fixed
// bars; they hang in the left gutter beside the passage's line when there is room, and sit
// inline at the paragraph's start when there is not, so they never cover text. The panel
// (legend and note cards from lib/notes-ui.js) sits beside the article when there is room,
// else as a bar along the bottom that opens on demand. Strings go in as textContent only.
(function (root) {
  "use strict";
  const ui = root.FootnoteNotesUI;
  const present = root.FootnotePresent;
  const { HOST_TAG, MARKER_TAG } = root.FootnoteExtract;
  const GUTTER_GAP = 6; // px between a hanging marker and the text
  const FLASH_MS = 1600;

  // Colours: lib/theme.css's custom properties, with the same values as literal fallbacks
  // (the page does not carry the theme, and a closed shadow root cannot link it cheaply).
  const UI_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
    .fn-sourcing { --cat: var(--fn-sourcing, #9a5300); --cat-bg: var(--fn-sourcing-bg, #fde2b3); }
    .fn-attribution { --cat: var(--fn-attribution, #a3224c); --cat-bg: var(--fn-attribution-bg, #f9d3de); }
    .fn-context { --cat: var(--fn-context, #1f5fa8); --cat-bg: var(--fn-context-bg, #d3e5fb); }
    .fn-language { --cat: var(--fn-language, #2e6b2a); --cat-bg: var(--fn-language-bg, #d9efd3); }
    .fn-other { --cat: #4a4a55; --cat-bg: #e6e6ec; }
    .marker { display: inline-flex; gap: 3px; height: 18px; padding: 0; border: 0; background: none; cursor: pointer;
      font: 700 11px/18px system-ui, sans-serif; vertical-align: baseline; }
    .marker span { display: inline-block; min-width: 22px; padding: 0 4px; border-radius: 9px; background: var(--cat);
      color: #fff; text-align: center; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
    .marker:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    .marker.flash span { animation: pulse .5s ease-in-out 3; }
    @keyframes pulse { 50% { transform: scale(1.35); } }
    @media (prefers-reduced-motion: reduce) { .marker.flash span { animation: none; outline: 3px solid #e66100; } }
    .panel { position: fixed; right: 8px; top: 64px; z-index: 2147483647; width: 340px; max-width: calc(100vw - 16px);
      max-height: calc(100vh - 80px); overflow: auto; background: #fff; color: #1b1b1f; border: 1px solid #888;
      border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 14px/1.45 system-ui, sans-serif; }
    .panel.side-left { right: auto; left: 8px; }
    .panel.bottom { top: auto; bottom: 0; left: 0; right: 0; width: auto; max-width: none; max-height: 45vh;
      border-radius: 10px 10px 0 0; }
    .panel header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; padding: 8px 10px; border-bottom: 1px solid #ddd; }
    .panel header h2 { flex: 1 1 180px; margin: 0; font-size: 14px; }
    .panel button.text { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #888; border-radius: 6px;
      background: #f4f4f4; color: #1b1b1f; cursor: pointer; }
    .legend { list-style: none; margin: 0; padding: 6px 10px; display: grid; grid-template-columns: auto 1fr auto; gap: 3px 8px; }
    .legend li { display: contents; }
    .sample { display: inline-block; min-width: 22px; padding: 0 5px 3px; line-height: 16px; text-align: center;
      text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; font-weight: 700;
      border-radius: 4px; background: var(--cat-bg); text-decoration-color: var(--cat); color: #1b1b1f; }
    .legend .count { font-variant-numeric: tabular-nums; color: #4a4a55; }
    .u-solid { text-decoration-style: solid; } .u-wavy { text-decoration-style: wavy; }
    .u-double { text-decoration-style: double; } .u-dotted { text-decoration-style: dotted; }
    .hint { margin: 0; padding: 0 10px 8px; font-size: 12px; color: #4a4a55; }
    .note-card { border-top: 1px solid #ddd; border-left: 5px solid var(--cat); padding: 8px 10px; }
    .card-head { margin: 0; display: flex; gap: 6px; align-items: baseline; font-size: 12px; }
    .fn-badge { display: inline-block; min-width: 22px; padding: 0 5px; border-radius: 9px; background: var(--cat);
      color: #fff; font-weight: 700; text-align: center; }
    .card-kind { color: var(--cat); font-weight: 700; }
    .fn-sev { font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; }
    .fn-sev-warning { color: #8a1010; background: #fdecec; } .fn-sev-caution { color: #7a4a00; background: #fff3d6; }
    .fn-sev-info { color: #4a4a55; background: #f0f0f4; }
    .card-title { margin: 4px 0; font-size: 14px; }
    .note-card blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #bbb; color: #333; }
    .note-card p { margin: 4px 0; }
    .note-card a { color: #1a5fb4; }
    .note-card summary { cursor: pointer; color: #1a5fb4; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .collapsed .legend, .collapsed .hint, .collapsed .cards { display: none; }
    .tip { position: fixed; z-index: 2147483647; max-width: 280px; padding: 4px 8px; border-radius: 6px;
      background: #1b1b1f; color: #fff; font: 12px/1.4 system-ui, sans-serif; pointer-events: none; white-space: pre-line; }
  `;

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function kindLabelFor(t) {
    return (note) => t((ui.category(note.category) || { label: "catOther" }).label);
  }

  // The nearest ancestor laid out as a block (a paragraph, a list item…).
  function blockOf(element) {
    let node = element;
    while (node && node.parentElement && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node && node !== document.documentElement ? node : null;
  }

  function addStyles(shadowRoot) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(UI_CSS);
      shadowRoot.adoptedStyleSheets = [sheet];
    } catch {
      shadowRoot.append(el("style", { text: UI_CSS }));
    }
  }

  /**
   * The UI for one set of shown notes. shown: {notes, ranges, numbers}; hooks: {t (message
   * lookup), notesAt(x, y) → notes, onClear(), highlightApi}. Returns {select, flashMarker,
   * state, clickClear, destroy}.
   */
  function buildUi(shown, hooks) {
    const { t } = hooks;
    const kindLabel = kindLabelFor(t);
    const host = document.createElement(HOST_TAG);
    for (const [p, v] of [["all", "initial"], ["position", "absolute"], ["top", "0"], ["left", "0"], ["display", "block"], ["z-index", "2147483647"]]) {
      host.style.setProperty(p, v, "important");
    }
    const shadowRoot = host.attachShadow({ mode: "closed" });
    addStyles(shadowRoot);
    const tip = el("div", { class: "tip", hidden: "" });
    const cards = el("div", { class: "cards", "aria-live": "polite" });
    const notes = shown.notes;
    const counts = present.severityCounts(notes);
    const placed = notes.filter((n) => shown.ranges.has(n.id)).length;
    const legendList = el("ul", { class: "legend" });
    for (const row of present.legend(notes.filter((n) => shown.ranges.has(n.id)))) {
      legendList.append(el("li", {},
        el("span", { class: `sample fn-${row.id} u-${row.underline}`, text: row.letter }),
        el("span", { text: t(row.label) }),
        el("span", { class: "count", text: String(row.count) }),
      ));
    }
    const panel = el("div", { class: "panel", role: "region", "aria-label": t("panelLabel") });
    const toggle = el("button", { class: "text", type: "button", "aria-expanded": "true", text: t("panelHide") });
    function collapse(collapsed) {
      panel.classList.toggle("collapsed", collapsed);
      toggle.textContent = t(collapsed ? "panelShow" : "panelHide");
      toggle.setAttribute("aria-expanded", String(!collapsed));
    }
    toggle.addEventListener("click", () => collapse(!panel.classList.contains("collapsed")));
    const clearButton = el("button", { class: "text", type: "button", text: t("clearHighlights"), onclick: () => hooks.onClear() });
    panel.append(
      el("header", {}, el("h2", { text: t("panelTitle", [String(placed), String(counts.warning)]) }), toggle, clearButton),
      legendList,
      el("p", { class: "hint", text: t(hooks.highlightApi ? "panelHint" : "panelHintNoHighlights") }),
      cards,
    );
    shadowRoot.append(panel, tip);

    // One marker per passage: notes whose spans overlap share one, in reading order.
    const spanned = [...notes]
      .filter((n) => shown.ranges.has(n.id))
      .sort((x, y) => x.start - y.start || shown.numbers.get(x.id) - shown.numbers.get(y.id));
    const passages = [];
    for (const note of spanned) {
      const last = passages[passages.length - 1];
      if (last && note.start < last.end) {
        last.notes.push(note);
        last.end = Math.max(last.end, note.end);
      } else {
        passages.push({ notes: [note], start: note.start, end: note.end });
      }
    }
    const markers = []; // {host, button, notes, range, block}
    for (const passage of passages) {
      const range = shown.ranges.get(passage.notes[0].id)[0];
      const block = blockOf(range.startContainer.parentElement);
      if (!block) continue;
      const labels = passage.notes.map((n) => ui.noteLabel(n, shown.numbers.get(n.id)));
      const button = el("button", {
        type: "button",
        class: "marker",
        // The accessible name starts with the visible text ("S1 A2"), as WCAG 2.5.3 asks.
        "aria-label": passage.notes.length === 1
          ? t("markerLabel", [labels[0], kindLabel(passage.notes[0]), passage.notes[0].title || ""])
          : t("markerGroupLabel", [labels.join(" "), passage.notes.map((n) => `${kindLabel(n)}: ${n.title || ""}`).join("; ")]),
        "data-note": passage.notes.map((n) => n.id).join(" "),
      });
      passage.notes.forEach((n, i) => button.append(el("span", { class: `fn-${ui.category(n.category)?.id || "other"}`, text: labels[i] })));
      button.addEventListener("click", () => select(passage.notes));
      const markerHost = document.createElement(MARKER_TAG);
      for (const [p, v] of [["all", "initial"], ["display", "inline-block"], ["position", "static"], ["margin", "0 4px 0 0"], ["padding", "0"], ["border", "0"], ["visibility", "visible"], ["opacity", "1"], ["line-height", "normal"]]) {
        markerHost.style.setProperty(p, v, "important");
      }
      const markerRoot = markerHost.attachShadow({ mode: "closed" });
      addStyles(markerRoot);
      markerRoot.append(button);
      markers.push({ host: markerHost, button, notes: passage.notes, range, block });
    }
    // Insert at the start of each paragraph, keeping reading order inside a paragraph.
    for (let i = markers.length - 1; i >= 0; i--) {
      const m = markers[i];
      m.block.insertBefore(m.host, m.block.firstChild);
    }
    const markerById = new Map();
    for (const m of markers) for (const n of m.notes) markerById.set(n.id, m);

    function select(list) {
      // What changed since the article was published comes first among the context notes.
      const ordered = present.sinceFirst([...list].sort((x, y) => shown.numbers.get(x.id) - shown.numbers.get(y.id)));
      cards.replaceChildren(...ordered.map((note) => ui.renderNoteCard(document, note, { number: shown.numbers.get(note.id), t })));
      panel.dataset.chosen = "1";
      collapse(false);
    }

    function setStyle(node, props) {
      for (const [p, v] of Object.entries(props)) node.style.setProperty(p, v, "important");
    }

    // Markers hang in the gutter beside their passage's line when every one fits there;
    // otherwise all sit inline at their paragraph's start (never over text).
    let mode = null;
    function placeMarkers() {
      const fits = markers.every((m) => {
        const left = m.block.getBoundingClientRect().left + scrollX;
        return left - scrollX >= m.button.offsetWidth + GUTTER_GAP + 4;
      });
      const wanted = fits ? "gutter" : "inline";
      if (wanted === "inline") {
        if (mode !== "inline") for (const m of markers) setStyle(m.host, { position: "static", "margin-left": "0", "margin-top": "0", "margin-right": "4px" });
        mode = "inline";
        return;
      }
      mode = "gutter";
      const rows = new Map(); // markers on one line stand side by side, in reading order
      for (const m of markers) {
        setStyle(m.host, { position: "absolute", "margin-left": "0", "margin-top": "0", "margin-right": "0" });
      }
      for (const m of markers) {
        const line = m.range.getClientRects()[0];
        const at = m.host.getBoundingClientRect();
        if (!line) continue;
        const blockLeft = m.block.getBoundingClientRect().left;
        const key = Math.round(line.top / 8);
        const row = rows.get(key) || [];
        row.push(m);
        rows.set(key, row);
        m.dy = line.top + (line.height - at.height) / 2 - at.top;
        m.x0 = at.left;
        m.edge = blockLeft - GUTTER_GAP;
      }
      for (const row of rows.values()) {
        let right = Math.min(...row.map((m) => m.edge));
        for (let i = row.length - 1; i >= 0; i--) {
          const m = row[i];
          const width = m.button.offsetWidth;
          setStyle(m.host, { "margin-left": `${Math.round(right - width - m.x0)}px`, "margin-top": `${Math.round(m.dy)}px` });
          right -= width + 4;
        }
      }
    }

    // The panel beside the article when there is room (right, else left), else a bar along
    // the bottom of the window that opens when a note is chosen.
    function placePanel() {
      const box = hooks.articleBox();
      const right = innerWidth - (box ? box.right : innerWidth);
      const left = box ? box.left : 0;
      const side = right >= 280 ? "right" : left >= 280 ? "left" : "bottom";
      panel.classList.toggle("side-left", side === "left");
      panel.classList.toggle("bottom", side === "bottom");
      if (side !== "bottom") panel.style.setProperty("width", `${Math.min(360, (side === "right" ? right : left) - 16)}px`);
      else panel.style.removeProperty("width");
      if (side === "bottom" && !panel.dataset.chosen) collapse(true);
      panel.dataset.side = side;
    }

    function place() {
      placeMarkers();
      placePanel();
    }
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        place();
      });
    };
    const resizeObserver = new ResizeObserver(schedule);
    resizeObserver.observe(document.documentElement);

    const onClick = (event) => {
      if (event.composedPath().includes(host)) return;
      const hits = hooks.notesAt(event.clientX, event.clientY);
      if (hits.length) select(hits);
    };
    // Hovering a highlight shows its note's title; at most once a frame, for the last point.
    let hover = null;
    const showTip = () => {
      const point = hover;
      hover = null;
      const hits = point ? hooks.notesAt(point.x, point.y) : [];
      if (!hits.length) {
        tip.hidden = true;
        return;
      }
      tip.textContent = hits.map((n) => `${ui.noteLabel(n, shown.numbers.get(n.id))} ${n.title}`).join("\n");
      tip.style.setProperty("left", `${Math.min(point.x + 12, innerWidth - 290)}px`);
      tip.style.setProperty("top", `${point.y + 16}px`);
      tip.hidden = false;
    };
    const onMove = (event) => {
      if (event.composedPath().includes(host)) {
        tip.hidden = true;
        return;
      }
      if (!hover) requestAnimationFrame(showTip);
      hover = { x: event.clientX, y: event.clientY };
    };
    const onKey = (event) => {
      if (event.key === "Escape") cards.replaceChildren();
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("mousemove", onMove, { passive: true });
    document.addEventListener("keydown", onKey);
    (document.body || document.documentElement).append(host);
    place();

    return {
      select,
      flashMarker(id) {
        const m = markerById.get(id);
        if (!m) return;
        m.button.classList.remove("flash");
        void m.button.offsetWidth; // restart the animation
        m.button.classList.add("flash");
        setTimeout(() => m.button.classList.remove("flash"), FLASH_MS);
      },
      // ---- test hooks: what the end-to-end tests read (never used by the product) ----
      state() {
        return {
          markers: markers.filter((m) => m.host.isConnected).map((m) => m.button.textContent),
          markerMode: mode,
          markerBoxes: markers.map((m) => {
            const b = m.button.getBoundingClientRect();
            return { label: m.button.textContent, left: b.left, top: b.top, right: b.right, bottom: b.bottom };
          }),
          panelSide: panel.dataset.side,
          panelBox: (({ left, right, top, bottom }) => ({ left, right, top, bottom }))(panel.getBoundingClientRect()),
          column: hooks.articleBox(),
          legend: [...legendList.children].map((li) => li.textContent),
          cards: [...cards.children].map((c) => c.getAttribute("data-note")),
          cardText: cards.textContent,
          tip: tip.hidden ? null : tip.textContent,
          collapsed: panel.classList.contains("collapsed"),
          panelPosition: getComputedStyle(panel).position,
          hostStyle: ["display", "visibility", "opacity"].map((p) => getComputedStyle(host)[p]),
          markerFontSize: markers.length ? getComputedStyle(markers[0].button).fontSize : null,
        };
      },
      clickClear() {
        clearButton.click();
      },
      destroy() {
        resizeObserver.disconnect();
        document.removeEventListener("click", onClick, true);
        document.removeEventListener("mousemove", onMove);
        document.removeEventListener("keydown", onKey);
        for (const m of markers) m.host.remove();
        host.remove();
      },
    };
  }

  /** A short message in the page (for the context menu, which has no popup): → remove(). */
  function showNotice(title, body, t) {
    const host = document.createElement(HOST_TAG);
    for (const [p, v] of [["all", "initial"], ["position", "fixed"], ["right", "16px"], ["bottom", "16px"], ["display", "block"], ["z-index", "2147483647"]]) {
      host.style.setProperty(p, v, "important");
    }
    const shadowRoot = host.attachShadow({ mode: "closed" });
    addStyles(shadowRoot);
    const close = el("button", { class: "text", type: "button", text: t("noticeClose"), onclick: () => host.remove() });
    shadowRoot.append(el("div", { class: "panel notice", role: "alert", style: "position: static; width: 340px" },
      el("header", {}, el("h2", { text: title }), close),
      el("p", { class: "hint", style: "padding-top: 8px", text: body }),
    ));
    (document.body || document.documentElement).append(host);
    return () => host.remove();
  }

  root.FootnotePanel = { buildUi, showNotice, FLASH_MS };
})(globalThis);

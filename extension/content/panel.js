// Injected on click: the UI Footnote adds to a page, in a closed Shadow DOM so the page's
// CSS and scripts cannot reach it: margin markers (one per note, in reading order), a
// legend and a panel of note cards (lib/notes-ui.js). Page and server strings go in as
// textContent only.
(function (root) {
  "use strict";
  const ui = root.FootnoteNotesUI;
  const present = root.FootnotePresent;
  const HOST_TAG = root.FootnoteExtract.HOST_TAG;
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
    .marker { position: absolute; z-index: 2147483646; min-width: 22px; height: 18px; padding: 0 4px;
      border-radius: 9px; border: 0; font: 700 11px/18px system-ui, sans-serif; background: var(--cat);
      color: #fff; cursor: pointer; text-align: center; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
    .marker:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    .marker.flash { animation: pulse .5s ease-in-out 3; }
    @keyframes pulse { 50% { transform: scale(1.35); } }
    @media (prefers-reduced-motion: reduce) { .marker.flash { animation: none; outline: 3px solid #e66100; } }
    .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 340px; max-width: calc(100vw - 32px);
      max-height: 70vh; overflow: auto; background: #fff; color: #1b1b1f; border: 1px solid #888;
      border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 14px/1.45 system-ui, sans-serif; }
    .panel header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #ddd; }
    .panel header h2 { flex: 1; margin: 0; font-size: 14px; }
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
    const host = document.createElement(HOST_TAG);
    for (const [p, v] of [["all", "initial"], ["position", "absolute"], ["top", "0"], ["left", "0"], ["display", "block"], ["z-index", "2147483647"]]) {
      host.style.setProperty(p, v, "important");
    }
    const shadowRoot = host.attachShadow({ mode: "closed" });
    addStyles(shadowRoot);
    const layer = el("div", { class: "layer" });
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
    toggle.addEventListener("click", () => {
      const collapsed = panel.classList.toggle("collapsed");
      toggle.textContent = t(collapsed ? "panelShow" : "panelHide");
      toggle.setAttribute("aria-expanded", String(!collapsed));
    });
    const clearButton = el("button", { class: "text", type: "button", text: t("clearHighlights"), onclick: () => hooks.onClear() });
    panel.append(
      el("header", {}, el("h2", { text: t("panelTitle", [String(placed), String(counts.warning)]) }), toggle, clearButton),
      legendList,
      el("p", { class: "hint", text: t(hooks.highlightApi ? "panelHint" : "panelHintNoHighlights") }),
      cards,
    );
    shadowRoot.append(layer, panel, tip);

    const markers = new Map();
    const inReadingOrder = [...notes].sort((a, b) => shown.numbers.get(a.id) - shown.numbers.get(b.id));
    for (const note of inReadingOrder) { // so Tab visits the markers in reading order
      if (!shown.ranges.has(note.id)) continue;
      const cat = ui.category(note.category);
      const label = ui.noteLabel(note, shown.numbers.get(note.id));
      const marker = el("button", {
        type: "button",
        class: `marker fn-${cat ? cat.id : "other"}`,
        text: label,
        // The accessible name starts with the visible text ("S1"), as WCAG 2.5.3 asks.
        "aria-label": t("markerLabel", [label, t(cat ? cat.label : "catOther"), note.title || ""]),
        "data-note": note.id,
      });
      marker.addEventListener("click", () => select([note]));
      markers.set(note.id, marker);
      layer.append(marker);
    }

    function select(list) {
      cards.replaceChildren(...list.map((note) => ui.renderNoteCard(document, note, { number: shown.numbers.get(note.id), t })));
      panel.classList.remove("collapsed");
      toggle.textContent = t("panelHide");
    }

    // The left edge of the block (paragraph, list item…) that holds an inline element.
    function blockLeft(element) {
      let node = element;
      while (node.parentElement && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
      return node.getBoundingClientRect().left;
    }

    // Markers sit in the left margin of the line where their note starts.
    function place() {
      const origin = host.getBoundingClientRect(); // the layer's (0, 0) in the viewport
      const rootLeft = document.body.getBoundingClientRect().left;
      const rows = []; // markers whose notes start on the same line, in reading order
      for (const [id, marker] of markers) {
        const range = shown.ranges.get(id)[0];
        const first = range.getClientRects()[0];
        marker.hidden = !first;
        if (!first) continue;
        const top = first.top - origin.top - 1;
        const edge = Math.max(rootLeft, Math.min(first.left, blockLeft(range.startContainer.parentElement)));
        let row = rows.find((r) => Math.abs(r.top - top) < 10);
        if (!row) rows.push((row = { top, edge, markers: [] }));
        row.markers.push(marker);
      }
      for (const row of rows) {
        const n = row.markers.length;
        let start = row.edge - 4 - n * 30; // the last marker ends just left of the text
        if (start < 2) start = 2;
        row.markers.forEach((marker, i) => {
          marker.style.setProperty("top", `${row.top}px`);
          marker.style.setProperty("left", `${start + i * 30 - origin.left}px`);
        });
      }
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
        const m = markers.get(id);
        if (!m) return;
        m.classList.remove("flash");
        void m.offsetWidth; // restart the animation
        m.classList.add("flash");
        setTimeout(() => m.classList.remove("flash"), FLASH_MS);
      },
      // ---- test hooks: what the end-to-end tests read (never used by the product) ----
      state() {
        return {
          markers: [...markers.values()].filter((m) => !m.hidden).map((m) => m.textContent),
          legend: [...legendList.children].map((li) => li.textContent),
          cards: [...cards.children].map((c) => c.getAttribute("data-note")),
          cardText: cards.textContent,
          tip: tip.hidden ? null : tip.textContent,
          collapsed: panel.classList.contains("collapsed"),
          panelPosition: getComputedStyle(panel).position,
          hostStyle: ["display", "visibility", "opacity"].map((p) => getComputedStyle(host)[p]),
          markerFontSize: markers.size ? getComputedStyle(markers.values().next().value).fontSize : null,
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
        host.remove();
      },
    };
  }

  root.FootnotePanel = { buildUi, FLASH_MS };
})(globalThis);

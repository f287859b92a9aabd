// Injected on click (after vendor/Readability.js and lib/*.js). Reads the article, keeps
// the text nodes behind the analysed text, and shows the server's notes in the page:
// CSS Custom Highlights (no change to the page's DOM), margin markers, a legend and a
// note panel in a closed Shadow DOM. Page and server strings go in as textContent only.
(function () {
  "use strict";
  const ext = globalThis.browser ?? globalThis.chrome;
  // The background injects only when no instance answers its ping, i.e. there is none or
  // only one orphaned by an update or reload of the extension. A new instance therefore
  // retires any previous one (its listener, highlights and UI), so a second injection
  // never doubles anything.
  try {
    globalThis.__footnoteInstance?.dispose();
  } catch {
    // an orphaned instance may fail half-way; what it leaves is removed below
  }

  const { buildText, piecesFor, codePointIndex } = globalThis.FootnoteOffsets;
  const { publishedDate } = globalThis.FootnoteDates;
  const present = globalThis.FootnotePresent;
  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;

  const SKIP_TAGS = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "CANVAS", "SVG",
    "MATH", "SELECT", "TEXTAREA", "INPUT", "BUTTON", "VIDEO", "AUDIO", "PICTURE", "IMG",
  ]);
  // Without Readability's verdict, leave out the page furniture around the article.
  const FALLBACK_SKIP = new Set(["NAV", "ASIDE", "HEADER", "FOOTER", "FORM", "FIGCAPTION"]);
  const HOST_TAG = "footnote-reader-ui";
  const INDEX_ATTR = "data-footnote-index";
  const FLASH_MS = 1600;
  const GAP = { type: "gap" };

  for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove(); // a dead instance's UI

  let extraction = null; // {text, segments, ...} of the last extraction
  let shown = null; // {notes, ranges: Map id → Range[], numbers, ui}

  // ---- reading the article -------------------------------------------------------------

  function collectMetadata() {
    const meta = [];
    for (const el of document.querySelectorAll("meta[content]")) {
      const key = el.getAttribute("property") || el.getAttribute("name") || el.getAttribute("itemprop");
      if (key) meta.push({ key: key.trim(), value: el.getAttribute("content") });
    }
    const jsonLd = [];
    for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        jsonLd.push(JSON.parse(el.textContent));
      } catch {
        // a broken block on the page is the page's business
      }
    }
    const times = [];
    for (const el of document.querySelectorAll("[itemprop=datePublished][datetime], [itemprop=datePublished][content]")) {
      times.push(el.getAttribute("datetime") || el.getAttribute("content"));
    }
    const articleTimes = document.querySelectorAll("article time[datetime], main time[datetime]");
    for (const el of articleTimes.length ? articleTimes : document.querySelectorAll("time[datetime]")) {
      times.push(el.getAttribute("datetime"));
    }
    return { meta, jsonLd, times };
  }

  /**
   * Which live elements hold the article: Readability runs on a clone whose elements carry
   * their index in the live document, so what it keeps names live elements, and the text
   * we send is built from the live page's own text nodes.
   */
  function readabilityChoice() {
    if (typeof globalThis.Readability !== "function" || !document.body) return null;
    const live = document.body.querySelectorAll("*");
    const clone = document.cloneNode(true);
    const cloned = clone.body.querySelectorAll("*");
    if (cloned.length !== live.length) return null;
    cloned.forEach((el, i) => el.setAttribute(INDEX_ATTR, String(i)));
    let article;
    try {
      article = new globalThis.Readability(clone, { serializer: (el) => el }).parse();
    } catch {
      return null;
    }
    if (!article || !article.content) return null;
    const kept = new Set();
    const tagged = [article.content, ...article.content.querySelectorAll(`[${INDEX_ATTR}]`)];
    for (const el of tagged) {
      const i = el.getAttribute && el.getAttribute(INDEX_ATTR);
      if (i !== null && i !== undefined && live[+i]) kept.add(live[+i]);
    }
    if (!kept.size) return null;
    const ordered = [...kept];
    let root = ordered[0];
    const last = ordered[ordered.length - 1];
    while (root && !root.contains(last)) root = root.parentElement;
    return { root: root || document.body, kept, title: article.title, method: "readability" };
  }

  function fallbackChoice() {
    const candidates = [...document.querySelectorAll("article, main, [role=main]")];
    candidates.sort((a, b) => b.textContent.length - a.textContent.length);
    const root = candidates[0] || document.body;
    return { root, kept: null, title: null, method: root === document.body ? "body" : root.localName };
  }

  function visible(el) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return false;
    return typeof el.checkVisibility === "function"
      ? el.checkVisibility({ visibilityProperty: true })
      : true;
  }

  function collectItems(choice) {
    const items = [];
    const { kept } = choice;
    const walk = (parent) => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const holder = child.parentElement;
          if (kept && !kept.has(holder)) {
            if (child.data.trim()) items.push(GAP);
            continue;
          }
          const ws = getComputedStyle(holder).whiteSpace;
          items.push({ type: "text", text: child.data, node: child, pre: ws.startsWith("pre") || ws === "break-spaces" });
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const tag = child.tagName.toUpperCase();
          if (tag === "BR") {
            items.push({ type: "break", size: 1 });
            continue;
          }
          if (child.localName === HOST_TAG || SKIP_TAGS.has(tag) || (!kept && FALLBACK_SKIP.has(tag)) || !visible(child)) {
            items.push(GAP);
            continue;
          }
          const display = getComputedStyle(child).display;
          const block = !display.startsWith("inline") && display !== "contents" && display !== "ruby";
          if (block) items.push({ type: "break", size: 2 });
          walk(child);
          if (block) items.push({ type: "break", size: 2 });
        }
      }
    };
    walk(choice.root);
    return items;
  }

  function pageTitle(readabilityTitle) {
    const og = document.querySelector('meta[property="og:title"]');
    return (readabilityTitle || (og && og.getAttribute("content")) || document.title || "").trim();
  }

  function extract() {
    const type = document.contentType || "text/html";
    if (type === "application/pdf") return { error: "pdf" };
    if (!/html|xml/.test(type) || !document.body) return { error: "notHtml" };
    let choice = readabilityChoice();
    let built = choice && buildText(collectItems(choice));
    if (!built || built.text.length < 200) {
      const fallback = fallbackChoice();
      const alt = buildText(collectItems(fallback));
      if (!built || alt.text.length > built.text.length) {
        choice = fallback;
        built = alt;
      }
    }
    if (!built.text.trim()) return { error: "empty" };
    const date = publishedDate(collectMetadata());
    extraction = { text: built.text, segments: built.segments };
    const url = new URL(location.href);
    url.hash = "";
    return {
      text: built.text,
      title: pageTitle(choice.title),
      url: /^https?:$/.test(url.protocol) ? url.href : null,
      published: date ? date.date : null,
      publishedFrom: date ? date.from : null,
      method: choice.method,
      characters: [...built.text].length,
    };
  }

  // ---- highlights --------------------------------------------------------------------------

  const supportsHighlights = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";

  function rangesForNote(note, index) {
    const start = index.toUtf16(note.start);
    const end = index.toUtf16(note.end);
    if (start === null || end === null || end <= start) return null;
    const pieces = piecesFor(extraction.segments, start, end);
    const ranges = [];
    for (const p of pieces) {
      if (!p.startNode.isConnected || !p.endNode.isConnected) return null;
      const r = document.createRange();
      r.setStart(p.startNode, Math.min(p.startOffset, p.startNode.length));
      r.setEnd(p.endNode, Math.min(p.endOffset, p.endNode.length));
      if (!r.collapsed) ranges.push(r);
    }
    return ranges.length ? ranges : null;
  }

  function show(analysis) {
    clear(false);
    if (!extraction) return { error: "noExtraction" };
    const notes = Array.isArray(analysis.notes) ? analysis.notes : [];
    const index = codePointIndex(extraction.text);
    const ranges = new Map();
    let spanned = 0;
    let mismatched = 0;
    for (const note of notes) {
      if (!present.hasSpan(note)) continue;
      spanned += 1;
      // The server's excerpt is text[start:end]; if ours differs, the offsets are not ours.
      if (typeof note.excerpt === "string" && index.slice(note.start, note.end) !== note.excerpt) {
        mismatched += 1;
        continue;
      }
      const r = rangesForNote(note, index);
      if (r) ranges.set(note.id, r);
    }
    if (supportsHighlights) {
      for (const c of present.CATEGORIES) {
        const all = notes.filter((n) => n.category === c.id && ranges.has(n.id)).flatMap((n) => ranges.get(n.id));
        if (all.length) CSS.highlights.set(`footnote-${c.id}`, new Highlight(...all));
      }
    }
    shown = { notes, ranges, numbers: present.numberNotes(notes), ui: null, flashTimer: null };
    shown.ui = buildUi(analysis);
    return {
      placed: ranges.size,
      placedIds: [...ranges.keys()],
      spanned,
      mismatched,
      highlightApi: Boolean(supportsHighlights),
    };
  }

  function clear(notify = true) {
    if (supportsHighlights) {
      for (const c of present.CATEGORIES) CSS.highlights.delete(`footnote-${c.id}`);
      CSS.highlights.delete("footnote-flash");
    }
    if (shown && shown.ui) shown.ui.destroy();
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
    if (supportsHighlights) {
      const flash = new Highlight(...ranges);
      flash.priority = 10;
      CSS.highlights.set("footnote-flash", flash);
    }
    shown.ui.flashMarker(id);
    clearTimeout(shown.flashTimer);
    shown.flashing = id;
    shown.flashTimer = setTimeout(() => {
      if (supportsHighlights) CSS.highlights.delete("footnote-flash");
      if (shown) shown.flashing = null;
    }, FLASH_MS);
    return { found: true, highlighted: true };
  }

  function notesAt(x, y) {
    if (!shown) return [];
    const pos = document.caretPositionFromPoint
      ? document.caretPositionFromPoint(x, y)
      : document.caretRangeFromPoint && document.caretRangeFromPoint(x, y);
    if (!pos) return [];
    const node = pos.offsetNode || pos.startContainer;
    const offset = pos.offset ?? pos.startOffset;
    const hits = [];
    for (const note of shown.notes) {
      const ranges = shown.ranges.get(note.id);
      if (!ranges) continue;
      const hit = ranges.some((r) => {
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

  // ---- injected UI (closed Shadow DOM) --------------------------------------------------

  const UI_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
    .marker { position: absolute; z-index: 2147483646; min-width: 22px; height: 18px; padding: 0 4px;
      border-radius: 9px; border: 1.5px solid #1d1d1f; font: 700 11px/15px system-ui, sans-serif;
      color: #111; cursor: pointer; text-align: center; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
    .marker:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    .marker.flash { animation: pulse .5s ease-in-out 3; }
    @keyframes pulse { 50% { transform: scale(1.35); } }
    @media (prefers-reduced-motion: reduce) { .marker.flash { animation: none; outline: 3px solid #e66100; } }
    .c-sourcing { background: #b9d7ff; } .c-attribution { background: #ffd966; }
    .c-context { background: #a9e5b8; } .c-language { background: #f2c4ec; } .c-other { background: #ddd; }
    .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 340px; max-width: calc(100vw - 32px);
      max-height: 70vh; overflow: auto; background: #fff; color: #1d1d1f; border: 1px solid #888;
      border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 14px/1.45 system-ui, sans-serif; }
    .panel header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #ddd; }
    .panel header h2 { flex: 1; margin: 0; font-size: 14px; }
    .panel button.text { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #888; border-radius: 6px;
      background: #f4f4f4; color: #1d1d1f; cursor: pointer; }
    .legend { list-style: none; margin: 0; padding: 6px 10px; display: grid; grid-template-columns: auto 1fr auto; gap: 3px 8px; }
    .legend li { display: contents; }
    .legend .sample { display: inline-block; min-width: 22px; padding: 0 5px 5px; line-height: 16px; text-align: center;
      text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; font-weight: 700;
      border-radius: 4px; }
    .legend .count { font-variant-numeric: tabular-nums; color: #444; }
    .u-solid { text-decoration-style: solid; } .u-wavy { text-decoration-style: wavy; }
    .u-double { text-decoration-style: double; } .u-dotted { text-decoration-style: dotted; }
    .hint { margin: 0; padding: 0 10px 8px; font-size: 12px; color: #444; }
    .card { border-top: 1px solid #ddd; padding: 8px 10px; }
    .card h3 { margin: 2px 0 4px; font-size: 14px; }
    .card .tag { font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 4px; }
    .card .sev { font-size: 12px; margin-left: 6px; }
    .card blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #bbb; color: #333; }
    .card p { margin: 4px 0; }
    .card a { color: #1a5fb4; }
    .collapsed .legend, .collapsed .hint, .collapsed .cards { display: none; }
    .tip { position: fixed; z-index: 2147483647; max-width: 280px; padding: 4px 8px; border-radius: 6px;
      background: #1d1d1f; color: #fff; font: 12px/1.4 system-ui, sans-serif; pointer-events: none; white-space: pre-line; }
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

  function noteCard(note) {
    const cat = present.category(note.category);
    const number = shown.numbers.get(note.id);
    const card = el("section", { class: "card", "data-note": note.id },
      el("span", { class: `tag c-${cat ? cat.id : "other"}`, text: `${cat ? cat.letter : "?"}${number} · ${t(cat ? cat.label : "catOther")}` }),
      el("span", { class: "sev", text: t(note.severity === "warning" ? "sevWarning" : note.severity === "caution" ? "sevCaution" : "sevInfo") }),
      el("h3", { text: note.title || "" }),
    );
    if (note.excerpt) card.append(el("blockquote", { text: note.excerpt }));
    if (note.explanation) card.append(el("p", { text: note.explanation }));
    if (note.check) card.append(el("p", {}, el("strong", { text: t("checkLabel") + " " }), document.createTextNode(note.check)));
    for (const ref of note.references || []) {
      const href = present.safeUrl(ref.url);
      if (!href) continue;
      const a = el("a", { text: ref.title || href, target: "_blank", rel: "noopener noreferrer" });
      a.href = href;
      card.append(el("p", {}, a));
    }
    return card;
  }

  function buildUi(analysis) {
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
        el("span", { class: `sample c-${row.id} u-${row.underline}`, text: row.letter }),
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
    const clearButton = el("button", { class: "text", type: "button", text: t("clearHighlights"), onclick: () => clear(true) });
    panel.append(
      el("header", {}, el("h2", { text: t("panelTitle", [String(placed), String(counts.warning)]) }), toggle, clearButton),
      legendList,
      el("p", { class: "hint", text: t(supportsHighlights ? "panelHint" : "panelHintNoHighlights") }),
      cards,
    );
    shadowRoot.append(layer, panel, tip);

    const markers = new Map();
    const inReadingOrder = [...notes].sort((a, b) => shown.numbers.get(a.id) - shown.numbers.get(b.id));
    for (const note of inReadingOrder) { // so Tab visits the markers in reading order
      if (!shown.ranges.has(note.id)) continue;
      const cat = present.category(note.category);
      const number = shown.numbers.get(note.id);
      const marker = el("button", {
        type: "button",
        class: `marker c-${cat ? cat.id : "other"}`,
        text: `${cat ? cat.letter : "?"}${number}`,
        // The accessible name starts with the visible text ("S1"), as WCAG 2.5.3 asks.
        "aria-label": t("markerLabel", [`${cat ? cat.letter : "?"}${number}`, t(cat ? cat.label : "catOther"), note.title || ""]),
        "data-note": note.id,
      });
      marker.addEventListener("click", () => select([note]));
      markers.set(note.id, marker);
      layer.append(marker);
    }

    function select(list) {
      cards.replaceChildren(...list.map(noteCard));
      panel.classList.remove("collapsed");
      toggle.textContent = t("panelHide");
    }

    // The left edge of the block (paragraph, list item…) that holds an inline element.
    function blockLeft(element) {
      let el = element;
      while (el.parentElement && getComputedStyle(el).display.startsWith("inline")) el = el.parentElement;
      return el.getBoundingClientRect().left;
    }

    // Markers sit in the left margin of the line where their note starts.
    function place() {
      if (!shown) return;
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
      const hits = notesAt(event.clientX, event.clientY);
      if (hits.length) select(hits);
    };
    // Hovering a highlight shows its note's title; at most once a frame, for the last point.
    let hover = null;
    const showTip = () => {
      const point = hover;
      hover = null;
      const hits = point && shown ? notesAt(point.x, point.y) : [];
      if (!hits.length) {
        tip.hidden = true;
        return;
      }
      tip.textContent = hits.map((n) => `${present.category(n.category)?.letter ?? "?"}${shown.numbers.get(n.id)} ${n.title}`).join("\n");
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
    const registered = supportsHighlights
      ? present.CATEGORIES.reduce((n, c) => n + (CSS.highlights.get(`footnote-${c.id}`)?.size ?? 0), 0)
      : 0;
    return {
      shown: true,
      highlights,
      registered,
      flashing: shown.flashing || null,
      ui: shown.ui.state(),
      hostCount: document.querySelectorAll(HOST_TAG).length,
    };
  }

  function onMessage(message, sender, sendResponse) {
    if (!message || typeof message.type !== "string" || !message.type.startsWith("footnote:")) return false;
    let reply;
    try {
      switch (message.type) {
        case "footnote:extract": reply = extract(); break;
        case "footnote:show": reply = show(message.analysis || {}); break;
        case "footnote:focus": reply = focusNote(message.noteId); break;
        case "footnote:clear": reply = clear(false); break;
        case "footnote:state": reply = state(); break;
        case "footnote:ping": reply = { ok: true }; break;
        case "footnote:click-clear": shown?.ui.clickClear(); reply = { ok: true }; break;
        default: return false;
      }
    } catch (error) {
      reply = { error: "script", detail: String(error && error.message) };
    }
    sendResponse(reply);
    return false;
  }

  ext.runtime.onMessage.addListener(onMessage);
  globalThis.__footnoteInstance = {
    dispose() {
      ext.runtime.onMessage.removeListener(onMessage);
      clear(false);
    },
  };
})();

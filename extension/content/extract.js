// Injected on click, after vendor/Readability.js and lib/*.js: reads the article out of the
// live page. Returns the text to analyse together with the segments that map it back to
// the page's own text nodes (lib/offsets.js), so the highlights land on the same words.
// No state here: content/main.js keeps the last extraction.
(function (root) {
  "use strict";
  const { buildText } = root.FootnoteOffsets;
  const { publishedDate } = root.FootnoteDates;
  const article = root.FootnoteArticle;

  const SKIP_TAGS = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "CANVAS", "SVG",
    "MATH", "SELECT", "TEXTAREA", "INPUT", "BUTTON", "VIDEO", "AUDIO", "PICTURE", "IMG",
  ]);
  // Without Readability's verdict, leave out the page furniture around the article.
  const FALLBACK_SKIP = new Set(["NAV", "ASIDE", "HEADER", "FOOTER", "FORM", "FIGCAPTION"]);
  const HOST_TAG = "footnote-reader-ui";
  const MARKER_TAG = "footnote-marker";
  const INDEX_ATTR = "data-footnote-index";
  const GAP = { type: "gap" };
  const TEXT_CHECKED = new Set(["P", "LI", "DD", "DT", "DIV", "SECTION", "SPAN", "SMALL", "UL", "OL", "ASIDE", "FIGURE", "H2", "H3", "H4", "H5", "H6", "STRONG", "EM", "B"]);
  const MIN_SELECTION = 40; // characters: less is a stray click, not a choice

  const UPDATED = /\b(?:updated|modified|last edited|revised)\b/i;
  const PUBLISHED = /\b(?:published|posted|first published|pubdate|publish(?:ed)?-?date|dateline)\b/i;

  // What the page says next to a <time>: "Updated …" or "Published …" (its own text, its
  // attributes and class, those of its two nearest ancestors, and the few words before it).
  function timeLabel(el) {
    const prop = (el.getAttribute("itemprop") || "").toLowerCase();
    if (prop === "datemodified") return "updated";
    if (prop === "datepublished" || el.hasAttribute("pubdate")) return "published";
    const around = [el.textContent, el.getAttribute("class"), el.getAttribute("id"), el.getAttribute("aria-label")];
    for (let up = el.parentElement, i = 0; up && i < 2; up = up.parentElement, i++) {
      around.push(up.getAttribute("class"), up.getAttribute("id"));
    }
    const parent = el.parentElement;
    if (parent && parent.textContent.length < 300) {
      const text = parent.textContent;
      const at = text.indexOf(el.textContent);
      around.push(text.slice(Math.max(0, at - 40), at));
    }
    const said = around.filter(Boolean).join(" ");
    if (UPDATED.test(said)) return "updated";
    if (PUBLISHED.test(said)) return "published";
    return "unknown";
  }

  // The part of the page that is the article and its byline: the <article> that holds the
  // extracted text, else the smallest ancestor that also holds the page's main heading.
  function articleScope(top) {
    const own = top.closest("article");
    if (own) return own;
    const h1 = document.querySelector("h1");
    let scope = top;
    if (h1) while (scope.parentElement && !scope.contains(h1)) scope = scope.parentElement;
    return scope;
  }

  function collectMetadata(top) {
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
    const scope = articleScope(top);
    const times = [];
    const selector = "time[datetime], [itemprop=datePublished][content], [itemprop=dateModified][content], [itemprop=datePublished][datetime], [itemprop=dateModified][datetime]";
    for (const el of document.querySelectorAll(selector)) {
      const inArticle = scope.contains(el) && !el.closest("nav, aside, footer, [role=complementary]") && !furnitureAncestor(el, scope);
      times.push({
        value: el.getAttribute("datetime") || el.getAttribute("content"),
        label: timeLabel(el),
        where: inArticle ? "article" : "page",
      });
    }
    return { meta, jsonLd, times };
  }

  // Furniture that holds other stories' dates (a byline or a caption holds the article's).
  const FOREIGN_DATES = new Set(["related", "comments", "promo", "share", "tags", "navigation", "footer", "header", "dialog", "cookie"]);

  function furnitureAncestor(el, scope) {
    for (let up = el.parentElement; up && up !== scope; up = up.parentElement) {
      if (FOREIGN_DATES.has(structuralFurniture(up))) return true;
    }
    return false;
  }

  function paywallInJsonLd(blocks) {
    const seen = JSON.stringify(blocks);
    return /"isAccessibleForFree"\s*:\s*(?:false|"false")/i.test(seen);
  }

  /**
   * Which live elements hold the article: Readability runs on a clone whose elements carry
   * their index in the live document, so what it keeps names live elements, and the text
   * we send is built from the live page's own text nodes.
   */
  function readabilityChoice() {
    if (typeof root.Readability !== "function" || !document.body) return null;
    const live = document.body.querySelectorAll("*");
    const clone = document.cloneNode(true);
    const cloned = clone.body.querySelectorAll("*");
    if (cloned.length !== live.length) return null;
    cloned.forEach((el, i) => el.setAttribute(INDEX_ATTR, String(i)));
    let article;
    try {
      article = new root.Readability(clone, { serializer: (el) => el }).parse();
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
    let top = ordered[0];
    const last = ordered[ordered.length - 1];
    while (top && !top.contains(last)) top = top.parentElement;
    return { root: top || document.body, kept, title: article.title, method: "readability" };
  }

  function fallbackChoice() {
    const candidates = [...document.querySelectorAll("article, main, [role=main]")];
    candidates.sort((a, b) => b.textContent.length - a.textContent.length);
    const top = candidates[0] || document.body;
    return { root: top, kept: null, title: null, method: top === document.body ? "body" : top.localName };
  }

  function visible(el) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return false;
    return typeof el.checkVisibility === "function"
      ? el.checkVisibility({ visibilityProperty: true })
      : true;
  }

  function longParagraphs(el) {
    let n = 0;
    for (const p of el.querySelectorAll("p")) if (p.textContent.length >= 150 && ++n >= 3) break;
    return n;
  }

  function structuralFurniture(el) {
    const info = {
      tag: el.tagName,
      className: el.getAttribute("class"),
      id: el.getAttribute("id"),
      role: el.getAttribute("role"),
      label: el.getAttribute("aria-label"),
      longParagraphs: 0,
    };
    if (!article.furnitureByStructure(info)) return null;
    info.longParagraphs = longParagraphs(el);
    return article.furnitureByStructure(info);
  }

  function linkTextLength(el) {
    let n = el.localName === "a" && el.hasAttribute("href") ? el.textContent.length : 0;
    if (!n) for (const a of el.querySelectorAll("a[href]")) n += a.textContent.length;
    return n;
  }

  /** Page furniture: by what the element is first, by what its short text says second. */
  function furniture(el) {
    const kind = structuralFurniture(el);
    if (kind) return kind;
    // A short line around a date ("By … · Published 12 March", "Updated 1 September") is
    // the byline or dateline, not the article.
    if (/^(?:P|DIV|SPAN|SMALL|LI)$/.test(el.tagName.toUpperCase()) && el.querySelector("time") && !el.querySelector("h1, h2, h3, h4, p")) {
      const dateText = [...el.querySelectorAll("time")].map((time) => time.textContent).join(" ");
      if (article.isDateline({ text: el.textContent, dateText })) return "byline";
    }
    if (!TEXT_CHECKED.has(el.tagName.toUpperCase()) || el.childElementCount > 12) return null;
    const text = el.textContent;
    if (text.length > 400) return null;
    return article.furnitureByText({ text, linkText: linkTextLength(el) });
  }

  function isTeaser(el) {
    const tag = el.tagName.toUpperCase();
    if (tag === "ARTICLE") return true;
    return /^H[2-4]$/.test(tag) && Boolean(el.querySelector("a[href]") || el.closest("a[href]"));
  }

  /**
   * The text items of choice.root in document order → {items, dropped, teasers, paywall}.
   * choice.kept (Readability's verdict) limits the text to its elements; choice.range (a
   * selection) to the part of each text node inside it; choice.furniture drops captions,
   * link lines, tag lists, share bars and the like.
   */
  function collectItems(choice) {
    const items = [];
    const dropped = [];
    let teasers = 0;
    let paywall = false;
    const { kept, range } = choice;
    const walk = (parent) => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (range && !range.intersectsNode(child)) continue;
        if (child.nodeType === Node.TEXT_NODE) {
          const holder = child.parentElement;
          if (kept && !kept.has(holder)) {
            if (child.data.trim()) items.push(GAP);
            continue;
          }
          const ws = getComputedStyle(holder).whiteSpace;
          const pre = ws.startsWith("pre") || ws === "break-spaces";
          let from = 0;
          let to = child.data.length;
          if (range && child === range.startContainer) from = range.startOffset;
          if (range && child === range.endContainer) to = range.endOffset;
          items.push({ type: "text", text: child.data.slice(from, to), node: child, pre, offset: from });
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const tag = child.tagName.toUpperCase();
          if (tag === "BR") {
            items.push({ type: "break", size: 1 });
            continue;
          }
          if (child.localName === HOST_TAG || child.localName === MARKER_TAG || SKIP_TAGS.has(tag) || (!kept && !range && FALLBACK_SKIP.has(tag)) || !visible(child)) {
            items.push(GAP);
            continue;
          }
          // Teasers count whether or not Readability kept their text (on a section front
          // it keeps the blurbs and drops the linked headlines) or they read as link lines.
          if (choice.furniture && isTeaser(child)) teasers += 1;
          const kind = choice.furniture ? furniture(child) : null;
          if (kind) {
            if (kind === "paywall") paywall = true;
            if (child.textContent.trim()) dropped.push({ kind, text: child.textContent.replace(/\s+/g, " ").trim().slice(0, 80) });
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
    if (range && range.startContainer === range.endContainer && range.startContainer.nodeType === Node.TEXT_NODE) {
      const node = range.startContainer;
      const ws = getComputedStyle(node.parentElement).whiteSpace;
      items.push({ type: "text", text: node.data.slice(range.startOffset, range.endOffset), node, pre: ws.startsWith("pre"), offset: range.startOffset });
    } else {
      walk(choice.root);
    }
    return { items, dropped, teasers, paywall };
  }

  // A paywall's notice anywhere on the page (it often sits outside the article's part).
  function paywallOnPage(jsonLd) {
    if (paywallInJsonLd(jsonLd)) return true;
    const marked = document.querySelectorAll('[class*="paywall" i], [id*="paywall" i], [class*="regwall" i], [class*="subscriber-gate" i]');
    for (const el of marked) if (visible(el) && el.textContent.trim()) return true;
    let checked = 0;
    for (const el of document.body.querySelectorAll("p, h2, h3, h4, strong, span, div")) {
      if (++checked > 4000) break;
      if (el.childElementCount > 6) continue;
      const text = el.textContent;
      if (text.length < 320 && article.isPaywallText(text) && visible(el)) return true;
    }
    return false;
  }

  function selectionRange() {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const text = selection.toString().trim();
    return text.length >= MIN_SELECTION ? range : null;
  }

  function pageTitle(readabilityTitle) {
    const og = document.querySelector('meta[property="og:title"]');
    return (readabilityTitle || (og && og.getAttribute("content")) || document.title || "").trim();
  }

  function chooseArticle() {
    let choice = readabilityChoice();
    let found = choice && collectItems({ ...choice, furniture: true });
    let built = found && buildText(found.items);
    if (!built || built.text.length < 200) {
      const fallback = fallbackChoice();
      const alt = collectItems({ ...fallback, furniture: true });
      const altBuilt = buildText(alt.items);
      if (!built || altBuilt.text.length > built.text.length) {
        choice = fallback;
        found = alt;
        built = altBuilt;
      }
    }
    return { choice, found, built };
  }

  /**
   * → {reply, extraction}: reply is what goes back to the background (the text, title,
   * address and date, or {error}); extraction ({text, segments}) stays in the page.
   * options: {mode: "auto" (a selection of some length, else the article) | "article" |
   * "selection", force: analyse even a page that does not look like one article}.
   */
  function extract(options = {}) {
    const type = document.contentType || "text/html";
    if (type === "application/pdf") return { reply: { error: "pdf" } };
    if (!/html|xml/.test(type) || !document.body) return { reply: { error: "notHtml" } };
    const mode = options.mode || "auto";
    const range = mode === "article" ? null : selectionRange();
    if (mode === "selection" && !range) return { reply: { error: "noSelection" } };
    let choice;
    let found;
    let built;
    if (range) {
      const top = range.commonAncestorContainer.nodeType === Node.ELEMENT_NODE
        ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement;
      choice = { root: top, kept: null, range, title: null, method: "selection" };
      found = collectItems(choice);
      built = buildText(found.items);
    } else {
      ({ choice, found, built } = chooseArticle());
    }
    if (!built.text.trim()) return { reply: { error: range ? "noSelection" : "empty" } };
    const metadata = collectMetadata(choice.root);
    const characters = [...built.text].length;
    if (!range && !options.force) {
      const verdict = article.pageVerdict({
        characters,
        // Only a short text can be a paywall's stub: the page-wide search is skipped otherwise.
        paywall: characters < article.PAYWALL_STUB && (found.paywall || paywallOnPage(metadata.jsonLd)),
        teasers: found.teasers,
        longParagraphs: built.text.split("\n\n").filter((p) => p.length >= 300).length,
      });
      if (verdict) return { reply: { error: verdict.kind, characters, limit: article.MIN_ARTICLE } };
    }
    const date = publishedDate(metadata);
    const url = new URL(location.href);
    url.hash = "";
    const counts = {};
    for (const d of found.dropped) counts[d.kind] = (counts[d.kind] || 0) + 1;
    return {
      extraction: { text: built.text, segments: built.segments, root: choice.root },
      reply: {
        text: built.text,
        title: pageTitle(choice.title),
        url: /^https?:$/.test(url.protocol) ? url.href : null,
        published: date.date,
        publishedFrom: date.from,
        date,
        method: choice.method,
        characters,
        dropped: counts,
      },
    };
  }

  root.FootnoteExtract = { extract, HOST_TAG, MARKER_TAG };
})(globalThis);

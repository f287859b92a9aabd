// Injected on click, after vendor/Readability.js and lib/*.js: reads the article out of the
// live page. Returns the text to analyse together with the segments that map it back to
// the page's own text nodes (lib/offsets.js), so the highlights land on the same words.
// No state here: content/main.js keeps the last extraction.
(function (root) {
  "use strict";
  const { buildText } = root.FootnoteOffsets;
  const { publishedDate } = root.FootnoteDates;

  const SKIP_TAGS = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "CANVAS", "SVG",
    "MATH", "SELECT", "TEXTAREA", "INPUT", "BUTTON", "VIDEO", "AUDIO", "PICTURE", "IMG",
  ]);
  // Without Readability's verdict, leave out the page furniture around the article.
  const FALLBACK_SKIP = new Set(["NAV", "ASIDE", "HEADER", "FOOTER", "FORM", "FIGCAPTION"]);
  const HOST_TAG = "footnote-reader-ui";
  const INDEX_ATTR = "data-footnote-index";
  const GAP = { type: "gap" };

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

  /**
   * → {reply, extraction}: reply is what goes back to the background (the text, title,
   * address and date, or {error}); extraction ({text, segments}) stays in the page.
   */
  function extract() {
    const type = document.contentType || "text/html";
    if (type === "application/pdf") return { reply: { error: "pdf" } };
    if (!/html|xml/.test(type) || !document.body) return { reply: { error: "notHtml" } };
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
    if (!built.text.trim()) return { reply: { error: "empty" } };
    const date = publishedDate(collectMetadata());
    const url = new URL(location.href);
    url.hash = "";
    return {
      extraction: { text: built.text, segments: built.segments },
      reply: {
        text: built.text,
        title: pageTitle(choice.title),
        url: /^https?:$/.test(url.protocol) ? url.href : null,
        published: date ? date.date : null,
        publishedFrom: date ? date.from : null,
        method: choice.method,
        characters: [...built.text].length,
      },
    };
  }

  root.FootnoteExtract = { extract, HOST_TAG };
})(globalThis);

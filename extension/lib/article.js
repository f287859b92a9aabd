// What belongs to the article and what does not, and whether a page is one article at all,
// as pure decisions (no DOM): content/extract.js describes elements and text blocks with
// plain values and acts on the answers. Structure first (what an element is and what the
// site calls it), text patterns second (for furniture written as ordinary paragraphs).
(function (root) {
  "use strict";

  // Class, id, role or label words (whole words of a class name split at "-", "_" and
  // spaces) that name page furniture, mapped to what it is.
  const FURNITURE_WORDS = new Map([
    ...["caption", "captions", "credit", "credits", "figcaption", "photo-credit"].map((w) => [w, "caption"]),
    ...["related", "readmore", "read-more", "readalso", "read-also", "see-also", "more-stories", "recommended",
      "recirculation", "most-read", "most-popular", "trending", "outbrain", "taboola"].map((w) => [w, "related"]),
    ...["share", "sharing", "social", "share-bar", "sharebar", "share-tools"].map((w) => [w, "share"]),
    ...["tags", "tag-list", "taglist", "topics", "keywords", "subjects"].map((w) => [w, "tags"]),
    ...["newsletter", "signup", "sign-up", "promo", "subscribe", "donate", "advert", "advertisement", "ad-slot", "sponsored"]
      .map((w) => [w, "promo"]),
    ...["paywall", "regwall", "meter", "piano", "premium-gate", "subscriber-gate"].map((w) => [w, "paywall"]),
    ...["comments", "comment", "comment-list", "discussion", "replies"].map((w) => [w, "comments"]),
    ...["cookie", "cookies", "consent", "gdpr", "cmp"].map((w) => [w, "cookie"]),
    ...["byline", "author-bio", "breadcrumb", "breadcrumbs", "pullquote", "pull-quote"].map((w) => [w, "byline"]),
  ]);
  const FURNITURE_TAGS = new Map([["FIGCAPTION", "caption"], ["NAV", "navigation"]]);
  const FURNITURE_ROLES = new Map([["navigation", "navigation"], ["complementary", "related"], ["contentinfo", "footer"], ["banner", "header"], ["dialog", "dialog"], ["alertdialog", "dialog"]]);

  function words(value) {
    return String(value || "").toLowerCase().split(/[\s_]+/).filter(Boolean);
  }

  // "share-bar" is a word of its own, and so are its parts ("share", "bar").
  function classWords(value) {
    const out = new Set();
    for (const w of words(value)) {
      out.add(w);
      for (const part of w.split("-")) if (part) out.add(part);
    }
    return out;
  }

  /**
   * Furniture by structure: {tag, className, id, role, label, longParagraphs} → a kind
   * ("caption", "related", …) or null. An element holding three or more long paragraphs is
   * never furniture, whatever the site calls it (a wrapper named "has-share-bar" is the
   * article).
   */
  function furnitureByStructure(info) {
    if (info.longParagraphs >= 3) return null;
    const tag = String(info.tag || "").toUpperCase();
    if (FURNITURE_TAGS.has(tag)) return FURNITURE_TAGS.get(tag);
    const role = String(info.role || "").toLowerCase();
    if (FURNITURE_ROLES.has(role)) return FURNITURE_ROLES.get(role);
    for (const source of [info.className, info.id, info.label]) {
      for (const w of classWords(source)) if (FURNITURE_WORDS.has(w)) return FURNITURE_WORDS.get(w);
    }
    return null;
  }

  const RELATED_LEAD = /^(?:read (?:also|more|next)|also read|related(?: stories| articles| coverage)?|see also|more on this(?: story)?|more from [\w ]{1,30}|recommended(?: reading)?|further reading|you may also like|watch|listen|explainer|analysis|opinion)\s*[:：|–—>»]/i;
  const TAGS_LEAD = /^(?:topics?|tags?|filed under|more about|keywords|subjects?)\s*[:：]/i;
  const CAPTION_LEAD = /^(?:photo(?:graph)?|image|picture|illustration|video|credit|file photo)\s*[:：]/i;
  const CAPTION_TAIL = /[([](?:photo|image|picture|credit|illustration)s?\s*[:：][^)\]]{1,80}[)\]]\s*$/i;
  const SHARE_ONLY = /^(?:\s|[|·•,/]|share(?: this(?: article| story)?)?(?: on)?|tweet|post|email|e-mail|print|save|copy(?: link)?|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|bluesky|mastodon|threads|flipboard|pinterest|messenger|gift(?: this)? article|comments?(?: \(\d+\))?|\d+)+$/i;
  const COOKIE = /\b(?:we|this (?:site|website)|our (?:site|partners)) uses? cookies\b|\bcookie (?:settings|preferences|policy)\b|\baccept all\b/i;
  const PAYWALL = /\b(?:(?:subscribe|sign up|log in|register|become a member) (?:now )?to (?:continue|keep) reading|(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)|already a (?:subscriber|member)\?|to read the full (?:article|story)|subscribe for full access|you have reached your (?:free )?(?:article )?limit)\b/i;

  /**
   * Furniture by text, for a short block (a paragraph, a list item, a caption-sized div):
   * {text, linkText} → a kind or null. Longer blocks are article text.
   */
  function furnitureByText(block) {
    const text = String(block.text || "").replace(/\s+/g, " ").trim();
    if (!text || text.length > 320) return null;
    if (COOKIE.test(text)) return "cookie";
    if (PAYWALL.test(text)) return "paywall";
    if (RELATED_LEAD.test(text) && (block.linkText || 0) > 0) return "related";
    if (TAGS_LEAD.test(text)) return "tags";
    if (CAPTION_LEAD.test(text) || CAPTION_TAIL.test(text)) return "caption";
    if (SHARE_ONLY.test(text)) return "share";
    // A short line that is all link is a pointer to another page, not a sentence of this one.
    const linkText = block.linkText || 0;
    if (text.length <= 160 && linkText >= 0.8 * text.length) return "related";
    return null;
  }

  /**
   * A byline or dateline around a date ("By … · Published 12 March", "Updated 1 September"):
   * {text (the block's), dateText (its <time> elements' text)} → true when little else is
   * said and it is not a sentence ("On <time>Tuesday</time> the council met." is text).
   */
  function isDateline(block) {
    const text = String(block.text || "").replace(/\s+/g, " ").trim();
    const rest = text.length - String(block.dateText || "").replace(/\s+/g, " ").trim().length;
    return rest <= 80 && !/[a-z][.!?]["”’)]?$/.test(text);
  }

  /** Does a short block read like a paywall's message? */
  function isPaywallText(text) {
    return PAYWALL.test(String(text || "").replace(/\s+/g, " "));
  }

  const MIN_ARTICLE = 500; // characters of article text below which a page is "too little"
  const PAYWALL_STUB = 1500; // a paywall with less text than this is a stub

  /**
   * Is this one article worth analysing? stats: {characters (of the extracted text),
   * paywall (a paywall's message or marker is on the page), teasers (story teasers —
   * headings that link elsewhere, or separate <article>s — inside the extracted part),
   * longParagraphs (paragraphs of 300 characters or more in the extracted text)}.
   * → null (go ahead) or {kind: "paywall" | "sectionFront" | "tooShort", characters}.
   */
  function pageVerdict(stats) {
    const characters = stats.characters || 0;
    if (stats.paywall && characters < PAYWALL_STUB) return { kind: "paywall", characters };
    // A list of teasers, unless the text also has as many long paragraphs (an article whose
    // comments or related stories are marked up as <article>s).
    const teasers = stats.teasers || 0;
    if (teasers >= 4 && teasers > (stats.longParagraphs || 0)) return { kind: "sectionFront", characters };
    if (characters < MIN_ARTICLE) return { kind: "tooShort", characters };
    return null;
  }

  const api = { furnitureByStructure, furnitureByText, isDateline, isPaywallText, pageVerdict, MIN_ARTICLE, PAYWALL_STUB };
  root.FootnoteArticle = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

// The publication date from a page's metadata, as "YYYY-MM-DD". Pure: the content script
// collects the raw metadata (meta tags, parsed JSON-LD, <time datetime> values) and this
// module decides. The date drives the server's time-aware notes, so a wrong date is worse
// than none: anything that is not clearly a calendar date is ignored.
(function (root) {
  "use strict";

  // Meta keys (property, name or itemprop, lower-cased) in order of trust.
  const META_KEYS = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
  ];

  const ARTICLE_TYPES = /(Article|BlogPosting|Report|NewsArticle|WebPage|CreativeWork|Posting)$/;

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function validDate(y, m, d) {
    if (y < 1800 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
  }

  const MONTHS = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ];

  /**
   * "2024-05-01", "2024-05-01T09:30:00+03:00", "20240501", "May 1, 2024", "1 May 2024"
   * → "2024-05-01". The calendar date as the publisher wrote it (no time-zone shift).
   */
  function normaliseDate(value) {
    if (typeof value !== "string") return null;
    const s = value.trim();
    let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)/.exec(s);
    if (m) return validDate(+m[1], +m[2], +m[3]);
    m = /^(\d{4})(\d{2})(\d{2})(?:$|T\d)/.exec(s);
    if (m) return validDate(+m[1], +m[2], +m[3]);
    m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
    if (m) return validDate(+m[1], +m[2], +m[3]);
    // "May 1, 2024" / "1 May 2024" / "Wednesday, 1 May 2024"
    m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
    if (m) {
      const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
      return month ? validDate(+m[3], month, +m[2]) : null;
    }
    m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
    if (m) {
      const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
      return month ? validDate(+m[3], month, +m[1]) : null;
    }
    return null;
  }

  function typesOf(node) {
    const t = node["@type"];
    return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
  }

  // Every object in a JSON-LD value: top-level arrays, @graph, and nested objects.
  function* jsonLdNodes(value, depth = 0) {
    if (depth > 8 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) yield* jsonLdNodes(v, depth + 1);
      return;
    }
    yield value;
    for (const [key, v] of Object.entries(value)) {
      if (key === "@graph" || (v && typeof v === "object")) yield* jsonLdNodes(v, depth + 1);
    }
  }

  /** The article's datePublished from parsed JSON-LD blocks; article types win. */
  function jsonLdDate(blocks) {
    let fallback = null;
    for (const block of blocks || []) {
      for (const node of jsonLdNodes(block)) {
        const raw = Array.isArray(node.datePublished) ? node.datePublished[0] : node.datePublished;
        const date = normaliseDate(raw);
        if (!date) continue;
        if (typesOf(node).some((t) => ARTICLE_TYPES.test(t))) return date;
        fallback = fallback || date;
      }
    }
    return fallback;
  }

  const MODIFIED_KEYS = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"];

  function metaDates(metas) {
    const byKey = new Map();
    for (const { key, value } of metas || []) {
      const k = String(key || "").toLowerCase();
      const date = normaliseDate(value);
      if (!byKey.has(k) && date) byKey.set(k, date);
    }
    return byKey;
  }

  /** The article's dateModified from JSON-LD (article types only), or null. */
  function jsonLdModified(blocks) {
    for (const block of blocks || []) {
      for (const node of jsonLdNodes(block)) {
        const raw = Array.isArray(node.dateModified) ? node.dateModified[0] : node.dateModified;
        const date = normaliseDate(raw);
        if (date && typesOf(node).some((t) => ARTICLE_TYPES.test(t))) return date;
      }
    }
    return null;
  }

  function dayNumber(date) {
    const [y, m, d] = date.split("-").map(Number);
    return Date.UTC(y, m - 1, d) / 86400000;
  }

  /** Two calendar dates a day apart may be one moment in two time zones. */
  function sameDay(a, b) {
    return Math.abs(dayNumber(a) - dayNumber(b)) <= 1;
  }

  /**
   * metadata: {meta: [{key, value}], jsonLd: [parsed JSON], times: [{value, label, where}]}
   * where a time's label is "published", "updated" or "unknown" (what the page says next to
   * it) and where is "article" (in the article or its byline) or "page" (the site's header,
   * a teaser, a sidebar); a bare string counts as an unlabelled time in the article.
   * → {date, from, status, others, updated}:
   *   date    "YYYY-MM-DD" or null; from: "meta" | "jsonld" | "time" | null;
   *   status  "found", "conflict" (the article's own sources give different days: date is
   *           the most trusted one, others lists the rest) or "none";
   *   updated the page's "updated" date when it gives one, never used as the published date.
   * Trust: article:published_time, then JSON-LD datePublished of an article, then the
   * article's own <time> (not one labelled "Updated"), then generic date metas. A page-level
   * stamp (a site header's "Updated …") is never the article's date.
   */
  function publishedDate(metadata) {
    const metas = metaDates(metadata && metadata.meta);
    const times = ((metadata && metadata.times) || []).map((t) =>
      typeof t === "string" ? { value: t, label: "unknown", where: "article" } : t,
    );
    const strong = [];
    if (metas.has("article:published_time")) strong.push({ date: metas.get("article:published_time"), from: "meta" });
    const ld = jsonLdDate(metadata && metadata.jsonLd);
    if (ld) strong.push({ date: ld, from: "jsonld" });
    const own = times.filter((t) => t.where === "article" && t.label !== "updated");
    const byline = own.map((t) => normaliseDate(t.value)).find(Boolean);
    if (byline) strong.push({ date: byline, from: "time" });
    const weak = META_KEYS.filter((k) => k !== "article:published_time" && metas.has(k)).map((k) => metas.get(k));
    let updated = times.filter((t) => t.label === "updated").map((t) => normaliseDate(t.value)).find(Boolean)
      || MODIFIED_KEYS.map((k) => metas.get(k)).find(Boolean) || jsonLdModified(metadata && metadata.jsonLd) || null;
    const chosen = strong[0] || (weak.length ? { date: weak[0], from: "meta" } : null);
    if (!chosen) return { date: null, from: null, status: "none", others: [], updated };
    if (updated === chosen.date) updated = null;
    const others = strong.slice(1).filter((s) => !sameDay(s.date, chosen.date));
    return { date: chosen.date, from: chosen.from, status: others.length ? "conflict" : "found", others, updated };
  }

  const api = { normaliseDate, jsonLdDate, publishedDate, sameDay };
  root.FootnoteDates = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

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

  function metaDate(metas) {
    const byKey = new Map();
    for (const { key, value } of metas || []) {
      const k = String(key || "").toLowerCase();
      if (!byKey.has(k) && normaliseDate(value)) byKey.set(k, normaliseDate(value));
    }
    for (const key of META_KEYS) {
      if (byKey.has(key)) return { date: byKey.get(key), key };
    }
    return null;
  }

  /**
   * metadata: {meta: [{key, value}], jsonLd: [parsed JSON], times: [datetime strings]}
   * → {date: "YYYY-MM-DD", from: "meta" | "json-ld" | "time"} or null.
   * Order: article:published_time, then JSON-LD datePublished, then other date metas,
   * then the first <time datetime> (the content script lists the article's own first).
   */
  function publishedDate(metadata) {
    const meta = metaDate(metadata.meta);
    if (meta && meta.key === "article:published_time") return { date: meta.date, from: "meta" };
    const ld = jsonLdDate(metadata.jsonLd);
    if (ld) return { date: ld, from: "jsonld" };
    if (meta) return { date: meta.date, from: "meta" };
    for (const t of metadata.times || []) {
      const date = normaliseDate(t);
      if (date) return { date, from: "time" };
    }
    return null;
  }

  const api = { normaliseDate, jsonLdDate, publishedDate };
  root.FootnoteDates = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

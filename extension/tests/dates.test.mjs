import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { normaliseDate, jsonLdDate, publishedDate } = require("../lib/dates.js");

test("normaliseDate keeps the publisher's calendar date", () => {
  assert.equal(normaliseDate("2023-06-01"), "2023-06-01");
  assert.equal(normaliseDate("2023-06-01T23:30:00-05:00"), "2023-06-01");
  assert.equal(normaliseDate("2023-06-01 08:00"), "2023-06-01");
  assert.equal(normaliseDate("20230601"), "2023-06-01");
  assert.equal(normaliseDate("2023/6/1"), "2023-06-01");
  assert.equal(normaliseDate("June 1, 2023"), "2023-06-01");
  assert.equal(normaliseDate("Thursday, 1st June 2023"), "2023-06-01");
  assert.equal(normaliseDate(" 1 Jun. 2023 "), "2023-06-01");
});

test("normaliseDate refuses what is not clearly a date", () => {
  for (const bad of ["", "yesterday", "2023-02-30", "2023-13-01", "12/06/2023", "0999-01-01", null, 20230601, "2023-06-01x"]) {
    assert.equal(normaliseDate(bad), null, String(bad));
  }
});

test("JSON-LD: datePublished at top level, in @graph, in arrays; article types win", () => {
  assert.equal(jsonLdDate([{ "@type": "NewsArticle", datePublished: "2022-02-25T10:00:00Z" }]), "2022-02-25");
  const graph = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "x" },
      { "@type": "ImageObject", datePublished: "2019-01-01" },
      { "@type": ["NewsArticle"], headline: "h", datePublished: "2021-11-03T08:00:00+01:00" },
    ],
  };
  assert.equal(jsonLdDate([graph]), "2021-11-03");
  assert.equal(jsonLdDate([[{ "@type": "Person" }, { "@type": "BlogPosting", datePublished: "2020-05-05" }]]), "2020-05-05");
  assert.equal(jsonLdDate([{ "@type": "Thing", datePublished: "2018-03-03" }]), "2018-03-03");
  assert.equal(jsonLdDate([{ "@type": "NewsArticle", dateModified: "2018-03-03" }]), null);
  assert.equal(jsonLdDate([]), null);
});

test("publishedDate: article:published_time, then JSON-LD, then the article's <time>, then other metas", () => {
  const meta = [{ key: "article:published_time", value: "2024-01-02T00:00:00Z" }];
  const metaOther = [{ key: "date", value: "2024-03-04" }];
  const jsonLd = [{ "@type": "NewsArticle", datePublished: "2024-01-02" }];
  const times = ["not a date", "2024-01-02T10:00"];
  const found = (date, from) => ({ date, from, status: "found", others: [], updated: null });
  assert.deepEqual(publishedDate({ meta: [...metaOther, ...meta], jsonLd, times }), found("2024-01-02", "meta"));
  assert.deepEqual(publishedDate({ meta: metaOther, jsonLd, times }), found("2024-01-02", "jsonld"));
  assert.deepEqual(publishedDate({ meta: metaOther, jsonLd: [], times }), found("2024-01-02", "time"));
  assert.deepEqual(publishedDate({ meta: metaOther, jsonLd: [], times: [] }), found("2024-03-04", "meta"));
  const none = { date: null, from: null, status: "none", others: [], updated: null };
  assert.deepEqual(publishedDate({ meta: [{ key: "description", value: "2024-01-01" }], jsonLd: [], times: [] }), none);
  assert.deepEqual(publishedDate({}), none);
});

test("publishedDate: 'Updated' is not 'Published', and a site header's stamp is not the article's", () => {
  const times = [
    { value: "2024-06-03T08:00", label: "updated", where: "page" },
    { value: "2020-03-12", label: "published", where: "article" },
  ];
  assert.deepEqual(publishedDate({ times }), { date: "2020-03-12", from: "time", status: "found", others: [], updated: "2024-06-03" });
  const onlyUpdated = [{ value: "2024-06-03", label: "updated", where: "article" }, { value: "2023-01-01", label: "unknown", where: "page" }];
  assert.deepEqual(publishedDate({ times: onlyUpdated }), { date: null, from: null, status: "none", others: [], updated: "2024-06-03" });
  const modified = [{ "@type": "NewsArticle", datePublished: "2022-02-01", dateModified: "2022-05-05" }];
  assert.equal(publishedDate({ jsonLd: modified }).updated, "2022-05-05");
});

test("publishedDate: sources that disagree by more than a day are a conflict, and say so", () => {
  const meta = [{ key: "article:published_time", value: "2021-05-04T23:30:00-04:00" }];
  const agree = publishedDate({ meta, times: [{ value: "2021-05-05", label: "published", where: "article" }] });
  assert.equal(agree.status, "found"); // one moment in two time zones
  const clash = publishedDate({ meta, times: [{ value: "2019-02-10", label: "unknown", where: "article" }] });
  assert.deepEqual(clash, { date: "2021-05-04", from: "meta", status: "conflict", others: [{ date: "2019-02-10", from: "time" }], updated: null });
});

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

test("publishedDate: article:published_time, then JSON-LD, then other metas, then <time>", () => {
  const meta = [{ key: "article:published_time", value: "2024-01-02T00:00:00Z" }];
  const metaOther = [{ key: "date", value: "2024-03-04" }];
  const jsonLd = [{ "@type": "NewsArticle", datePublished: "2024-05-06" }];
  const times = ["not a date", "2024-07-08T10:00"];
  assert.deepEqual(publishedDate({ meta: [...metaOther, ...meta], jsonLd, times }), { date: "2024-01-02", from: "meta" });
  assert.deepEqual(publishedDate({ meta: metaOther, jsonLd, times }), { date: "2024-05-06", from: "jsonld" });
  assert.deepEqual(publishedDate({ meta: metaOther, jsonLd: [], times }), { date: "2024-03-04", from: "meta" });
  assert.deepEqual(publishedDate({ meta: [], jsonLd: [], times }), { date: "2024-07-08", from: "time" });
  assert.equal(publishedDate({ meta: [{ key: "description", value: "2024-01-01" }], jsonLd: [], times: [] }), null);
  assert.equal(publishedDate({}), null);
});

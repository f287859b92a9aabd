/* The paste-and-explain page. Calls POST /api/v1/analyze and shows the answer.
 * Every piece of text (the article, notes, sources) is inserted with textContent or as text
 * nodes, never as HTML. */
(function () {
  "use strict";
  const S = window.FootnoteSpans;
  const $ = (id) => document.getElementById(id);

  const KIND_LABELS = {
    named_person: "named person",
    named_organization: "named organization",
    unnamed_individual: "unnamed individual",
    vague_group: "vague group",
    document: "document",
  };
  const SEVERITY_LABELS = { warning: "Warning", caution: "Caution", info: "For information" };
  const COUNT_LABELS = {
    sources: "Sources",
    named_person: "Named people",
    named_organization: "Named organizations",
    unnamed_individual: "Unnamed people",
    vague_group: "Vague groups",
    document: "Documents",
    anonymous: "Not named (people or groups)",
    anonymous_with_reason: "Anonymous, with a reason given",
    relayed: "Passed on by another outlet",
    notes: "Notes",
    warning: "Warnings",
    caution: "Cautions",
    info: "For information",
  };

  const form = $("explain-form");
  const textField = $("text");
  const categories = [];
  const categoryLabels = {};
  const categoryLetters = {};
  for (const li of document.querySelectorAll("#legend li[data-category]")) {
    categories.push(li.dataset.category);
    categoryLabels[li.dataset.category] = li.querySelector(".label").textContent;
    categoryLetters[li.dataset.category] = li.dataset.letter;
  }
  const state = { notes: [], numbers: new Map(), rows: [], sort: { key: "order", dir: "ascending" } };

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function labelFor(category) {
    return categoryLabels[category] || category;
  }

  /* A note's marker everywhere (text, list, panel): its kind's letter and its number in
   * reading order, e.g. "A2" (docs/visual-language.md). */
  function markerText(note) {
    return `${categoryLetters[note.category] || "?"}${state.numbers.get(note.id)}`;
  }

  function kindClass(category) {
    return `fn-${categories.includes(category) ? category : "other"}`;
  }

  /* Messages */

  function setStatus(message) {
    $("status").textContent = message;
  }

  function clearError() {
    const box = $("error");
    box.hidden = true;
    box.textContent = "";
    for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  }

  function showError(message, field) {
    $("results").hidden = true; // results of an earlier text would now mislead
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
    setStatus("");
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.focus();
    }
  }

  function tooLongMessage(text) {
    const limit = Number(form.dataset.maxChars).toLocaleString("en");
    const length = Array.from(text).length.toLocaleString("en");
    return `This text is too long: Footnote reads up to ${limit} characters and this one has ${length}. Paste a shorter part, for example the first few paragraphs, then press the button again.`;
  }

  function errorMessage(status, data, text, retryAfter) {
    const detail = data && data.error && data.error.message;
    const field = data && data.error && data.error.field;
    if (status === 413) return tooLongMessage(text);
    if (status === 422 && field === "published") {
      return "The date is not a valid date. Write it as YYYY-MM-DD, for example 2025-01-31, or leave it empty.";
    }
    if (status === 422 && field === "url") {
      return "The web address is not one Footnote can use. Copy it from the browser's address bar (it starts with http:// or https://), or leave it empty.";
    }
    if (status === 429) {
      const rate = S.rateInWords(form.dataset.rateLimit);
      const wait = Number(retryAfter) > 0 ? `${Number(retryAfter)} seconds` : "a minute";
      return `Footnote explains ${rate ? `up to ${rate}` : "only so many texts in a short time"} from one computer, and that limit has been reached. Your text is still in the box: wait ${wait}, then press Explain again.`;
    }
    if (status >= 500 || !data) {
      return "Something went wrong on the server while explaining this text. Nothing was saved. Try again in a moment; if it happens again, try a shorter part of the text.";
    }
    return detail ? `Footnote could not explain this text: ${detail}` : `The server answered with an error (${status}).`;
  }

  /* Explaining */

  async function explain() {
    clearError();
    const text = textField.value;
    if (!text.trim()) {
      showError("Paste the text of an article first: the text box is empty.", textField);
      return;
    }
    if (Array.from(text).length > Number(form.dataset.maxChars)) {
      showError(tooLongMessage(text), textField);
      return;
    }
    const body = { text };
    const title = $("title").value.trim();
    const published = $("published").value;
    const url = $("url").value.trim();
    if (title) body.title = title;
    if (url) body.url = url;
    if (published) body.published = published;
    setBusy(true);
    let response;
    let data = null;
    try {
      response = await fetch(form.dataset.api, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
    } catch (e) {
      setBusy(false);
      showError(
        `Footnote's server (${window.location.host}) could not be reached. Check your connection; if it stays unreachable, whoever runs this Footnote server needs to start it again. Your text is still in the box: press Explain to try again.`,
      );
      return;
    }
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    setBusy(false);
    if (!response.ok || !data || !Array.isArray(data.notes) || !Array.isArray(data.sources)) {
      const errorField = data && data.error && data.error.field;
      const field = errorField === "published" || errorField === "url" ? $(errorField) : null;
      showError(
        errorMessage(response.status, response.ok ? null : data, text, response.headers.get("Retry-After")),
        field,
      );
      return;
    }
    render(text, title, data);
  }

  function setBusy(busy) {
    $("explain").disabled = busy;
    form.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy) setStatus("Explaining the text…");
  }

  /* Rendering */

  function render(text, title, data) {
    state.notes = S.readingOrder(data.notes, categories);
    state.numbers = new Map(state.notes.map((n, i) => [n.id, i + 1]));
    renderSummary(data.summary || {});
    renderArticle(text, title, state.notes);
    renderNotes(state.notes);
    renderLedger(data.sources);
    showDetail([]);
    const results = $("results");
    results.hidden = false;
    const n = data.notes.length;
    const s = data.sources.length;
    setStatus(`Explained: ${n} ${n === 1 ? "note" : "notes"}, ${s} ${s === 1 ? "source" : "sources"}.`);
    $("results-heading").focus();
  }

  function renderSummary(summary) {
    $("summary-headline").textContent = summary.headline || "";
    const tone = S.plainTone(summary.tone);
    $("summary-tone").hidden = !tone;
    if (tone) {
      $("tone-plain").textContent = [tone.plain, tone.found].filter(Boolean).join(" ");
      $("tone-measured").textContent = tone.measured;
      $("tone-detail").hidden = !tone.plain; // a sentence the page could not read is shown whole
      $("tone-detail").open = false;
    }
    const list = $("summary-counts");
    list.replaceChildren();
    const counts = summary.counts || {};
    // Zeros say little, except these: no sources, no notes, no reasons for anonymity (which
    // only unnamed people can give: a vague group such as "analysts" is not keeping a name back).
    const keepZero = new Set(["sources", "notes"]);
    if (counts.unnamed_individual) keepZero.add("anonymous_with_reason");
    for (const [key, value] of Object.entries(counts)) {
      if (value === 0 && !keepZero.has(key)) continue;
      const label = COUNT_LABELS[key] || key.replace(/_/g, " ");
      list.append(el("div", { className: "count" }, [el("dt", { text: label }), el("dd", { text: String(value) })]));
    }
  }

  function strongest(notes) {
    const order = ["warning", "caution", "info"];
    return order.find((sev) => notes.some((n) => n.severity === sev)) || "info";
  }

  function renderArticle(text, title, notes) {
    const heading = $("article-title");
    heading.textContent = title || "";
    heading.hidden = !title;
    const article = $("article");
    article.replaceChildren();
    for (const seg of S.segment(text, notes)) {
      if (seg.notes.length === 0) {
        article.append(document.createTextNode(seg.text));
      } else {
        const cats = new Set(seg.notes.map((n) => n.category));
        const mark = el("mark", {
          className: `hl fn-mark ${kindClass(seg.notes[0].category)}${cats.size > 1 ? " multi" : ""}`,
          tabindex: "0",
          "data-notes": seg.notes.map((n) => n.id).join(" "),
          "data-severity": strongest(seg.notes),
          title: seg.notes.map((n) => `${markerText(n)}. ${n.title}`).join("\n"),
        });
        mark.textContent = seg.text;
        article.append(mark);
      }
      for (const note of seg.endingHere.slice().sort((a, b) => state.numbers.get(a.id) - state.numbers.get(b.id))) {
        article.append(
          el("sup", { className: `marker fn-badge ${kindClass(note.category)}`, "data-note": note.id }, [
            el("span", { className: "visually-hidden", text: " note " }),
            markerText(note),
          ]),
        );
      }
    }
  }

  function noteBody(note, { compact }) {
    const parts = [];
    if (!compact && note.excerpt) parts.push(el("blockquote", { className: "excerpt", text: note.excerpt }));
    parts.push(el("p", { className: "explanation", text: note.explanation }));
    parts.push(el("p", { className: "check" }, [el("strong", { text: "What to check: " }), note.check]));
    const refs = (note.references || []).filter((r) => r && r.title);
    if (refs.length) {
      const list = el("ul", { className: "references" });
      for (const ref of refs) {
        const href = S.safeUrl(ref.url);
        // A new tab, so following a reference does not lose the explained text.
        const link = href
          ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, [
              ref.title,
              el("span", { className: "visually-hidden", text: " (opens in a new tab)" }),
            ])
          : ref.title;
        list.append(el("li", {}, [link]));
      }
      parts.push(el("p", { className: "references-title", text: "Read more:" }), list);
    }
    return parts;
  }

  function noteHeader(note, level) {
    return el(level, { className: "note-title" }, [
      el("span", { className: `num fn-badge ${kindClass(note.category)}`, text: markerText(note) }),
      " ",
      note.title,
      " ",
      el("span", {
        className: `severity fn-sev fn-sev-${note.severity}`,
        text: SEVERITY_LABELS[note.severity] || note.severity,
      }),
    ]);
  }

  /* One list in reading order, the same order as the markers in the text. */
  function renderNotes(notes) {
    const container = $("notes");
    container.replaceChildren();
    if (notes.length === 0) {
      container.append(el("p", { text: "Footnote has no notes on this text." }));
      return;
    }
    const since = S.sinceNotes(notes);
    if (since.length) {
      // What changed after the article's date comes first: an old article still reads as news.
      const items = since.map((note) =>
        el("li", {}, [
          el("a", { href: `#note-${note.id}`, text: `${markerText(note)} ${note.title}` }),
          el("p", { text: S.firstSentence(note.explanation) }),
        ]),
      );
      container.append(
        el("section", { className: `since-box fn-card ${kindClass("context")}`, "aria-labelledby": "since-heading" }, [
          el("h4", { id: "since-heading", text: "Since this article was published" }),
          el("ul", { className: "since-list" }, items),
        ]),
      );
    }
    const list = el("ol", { className: "note-list" });
    for (const note of notes) {
      const item = el("li", { id: `note-${note.id}`, className: `note fn-card ${kindClass(note.category)}`, tabindex: "-1" }, [
        el("p", { className: "detail-category", text: labelFor(note.category) }),
        noteHeader(note, "h4"),
        ...noteBody(note, { compact: false }),
      ]);
      if (S.hasSpan(note)) {
        const button = el("button", { type: "button", className: "show-in-text", text: "Show in the text" });
        button.addEventListener("click", () => focusHighlight(note.id));
        item.append(button);
      }
      list.append(item);
    }
    container.append(list);
  }

  function marksFor(noteId) {
    return Array.from($("article").querySelectorAll("mark[data-notes]")).filter((m) =>
      m.dataset.notes.split(" ").includes(noteId),
    );
  }

  function focusHighlight(noteId) {
    const first = marksFor(noteId)[0];
    if (first) {
      first.focus();
      first.scrollIntoView({ block: "center" });
    }
  }

  /* On a narrow screen the panel is a sheet fixed to the bottom of the screen (footnote.css). */
  const narrow = window.matchMedia("(max-width: 50rem)");

  function showDetail(noteIds) {
    for (const m of $("article").querySelectorAll("mark.active")) m.classList.remove("active");
    const body = $("note-detail-body");
    body.replaceChildren();
    $("note-detail-empty").hidden = noteIds.length > 0;
    $("note-detail").classList.toggle("open", noteIds.length > 0);
    document.body.classList.toggle("sheet-open", noteIds.length > 0);
    for (const id of noteIds) {
      const note = state.notes.find((n) => n.id === id);
      if (!note) continue;
      for (const m of marksFor(id)) m.classList.add("active");
      body.append(
        el("article", { className: `detail fn-card ${kindClass(note.category)}` }, [
          el("p", { className: "detail-category", text: labelFor(note.category) }),
          noteHeader(note, "h4"),
          ...noteBody(note, { compact: true }),
          el("p", {}, [el("a", { href: `#note-${note.id}`, className: "to-list", text: "Go to this note in the list" })]),
        ]),
      );
    }
  }

  /* On a phone the sheet covers the lower part of the screen: keep the selected passage
   * in the part above it, so the passage and its note are both on screen. */
  function keepAboveSheet(mark) {
    if (!narrow.matches) return;
    const sheet = $("note-detail").getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const room = Math.max(sheet.top, window.innerHeight * 0.3);
    if (box.top < 8 || box.bottom > room - 8) {
      window.scrollBy({ top: box.top - Math.max(8, (room - box.height) / 3), behavior: "instant" });
    }
  }

  let pointerDown = false; // a tap or click in progress: scroll on its click, not on focus
  let closing = false;

  function selectMark(event) {
    const fromPointer = pointerDown;
    if (event.type === "click") pointerDown = false;
    const mark = event.target.closest("mark[data-notes]");
    if (!mark || closing) return;
    showDetail(mark.dataset.notes.split(" "));
    if (event.type === "click" || !fromPointer) keepAboveSheet(mark);
  }

  function closeDetail() {
    const active = $("article").querySelector("mark.active");
    showDetail([]);
    closing = true; // focusing the passage again must not reopen its note
    if (active) active.focus({ preventScroll: true });
    closing = false;
  }

  /* The source ledger */

  function renderLedger(sources) {
    state.rows = sources.map((s, i) => ({
      order: i + 1,
      mention: s.mention,
      kind: S.isCountedGroup(s) ? "group of unnamed people" : KIND_LABELS[s.kind] || String(s.kind || "").replace(/_/g, " "),
      reason: s.anonymity_reason || (s.kind === "unnamed_individual" ? "none given" : ""),
      relay: s.relayed_by || "",
      claims: Number.isInteger(s.attributions) ? s.attributions : 1,
      id: s.id,
    }));
    $("ledger-empty").hidden = sources.length > 0;
    $("ledger").closest(".table-wrap").hidden = sources.length === 0;
    state.sort = { key: "order", dir: "ascending" };
    drawLedger();
  }

  function drawLedger() {
    const { key, dir } = state.sort;
    const th = document.querySelector(`#ledger th[data-key="${key}"]`);
    const rows = S.sortRows(state.rows, key, th ? th.dataset.type : "text", dir);
    for (const h of document.querySelectorAll("#ledger th[data-key]")) {
      if (h.dataset.key === key) h.setAttribute("aria-sort", dir);
      else h.removeAttribute("aria-sort");
    }
    const tbody = document.querySelector("#ledger tbody");
    tbody.replaceChildren(
      ...rows.map((r) =>
        el("tr", { "data-source": r.id }, [
          el("td", { className: "num-cell", text: String(r.order) }),
          el("th", { scope: "row", text: r.mention }),
          el("td", { text: r.kind }),
          el("td", { text: r.reason || "—" }),
          el("td", { text: r.relay || "—" }),
          el("td", { className: "num-cell", text: String(r.claims) }),
        ]),
      ),
    );
  }

  function sortBy(key) {
    const same = state.sort.key === key;
    state.sort = { key, dir: same && state.sort.dir === "ascending" ? "descending" : "ascending" };
    drawLedger();
  }

  /* Examples */

  async function loadExample(button) {
    clearError();
    setStatus("Loading the example…");
    try {
      const response = await fetch(button.dataset.url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const example = await response.json();
      $("title").value = example.title || "";
      $("published").value = example.published || "";
      $("url").value = example.url || "";
      textField.value = example.text;
    } catch (e) {
      showError(
        `The example could not be loaded from Footnote's server (${window.location.host}). Check your connection, then choose the example again.`,
      );
      return;
    }
    await explain();
  }

  /* Wiring */

  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.id === "make-worksheet") {
      if (!textField.value.trim()) {
        event.preventDefault();
        showError("Paste the text of an article first: the text box is empty.", textField);
      } else if (Array.from(textField.value).length > Number(form.dataset.maxChars)) {
        event.preventDefault();
        showError(tooLongMessage(textField.value), textField);
      }
      return; // the worksheet is made by the server, in a normal form submission
    }
    event.preventDefault();
    explain();
  });
  for (const button of document.querySelectorAll("button.example")) {
    button.addEventListener("click", () => loadExample(button));
  }
  for (const th of document.querySelectorAll("#ledger th[data-key]")) {
    th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.key));
  }
  const article = $("article");
  article.addEventListener("pointerdown", () => {
    pointerDown = true;
  });
  article.addEventListener("focusin", selectMark);
  article.addEventListener("click", selectMark);
  article.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      const mark = event.target.closest("mark[data-notes]");
      if (mark) {
        event.preventDefault();
        showDetail(mark.dataset.notes.split(" "));
        if (narrow.matches) keepAboveSheet(mark);
        else $("note-detail").scrollIntoView({ block: "nearest" });
      }
    }
  });
  const detail = $("note-detail");
  $("note-detail-close").addEventListener("click", closeDetail);
  detail.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeDetail();
  });
  article.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && detail.classList.contains("open")) closeDetail();
  });
  detail.addEventListener("click", (event) => {
    // Going to the list on a phone: the sheet would cover the note it scrolls to.
    if (event.target.closest("a.to-list") && narrow.matches) showDetail([]);
  });
})();

// The popup: asks the background to analyse the tab, then shows the summary, the notes
// grouped by category and the source ledger. Everything from the page or the server is
// inserted with textContent. `popup.html?tabId=N` targets a given tab (used by the tests).
"use strict";
const ext = globalThis.browser ?? globalThis.chrome;
const present = globalThis.FootnotePresent;
const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function localise() {
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const text = t(node.dataset.i18n);
    if (text !== node.dataset.i18n) node.textContent = text;
  }
}

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tabId");
  if (param) return Number(param);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

// The pages that are not one article, and the text too long to send: the way out is to
// select the part to explain.
const SELECT_INSTEAD = new Set(["paywall", "sectionFront", "tooShort", "tooLong", "noSelection"]);
const NOT_ONE_ARTICLE = new Set(["paywall", "sectionFront", "tooShort"]);
let lastOptions = {};
// The reader agreed, in this popup, to send the text unencrypted to the saved server.
let plainHttpOk = false;

// The command that starts a server at a loopback address ("make serve" runs on port 5000).
function startCommand(server) {
  try {
    const u = new URL(server);
    if (!["127.0.0.1", "localhost"].includes(u.hostname)) return null;
    return u.port && u.port !== "5000" ? `make serve PORT=${u.port}` : "make serve";
  } catch {
    return null;
  }
}

// Plain words for every way the click can fail.
function showError(error) {
  $("status").hidden = true;
  $("result").hidden = true;
  const kind = error && error.kind ? error.kind : "internal";
  const key = `err_${kind}`;
  const known = t(key) !== key;
  const subs = NOT_ONE_ARTICLE.has(kind)
    ? [String(error.characters ?? 0), String(error.limit ?? "")]
    : [error.server || "", error.retryAfter ? String(error.retryAfter) : "", error.message || (error.status ? `HTTP ${error.status}` : "")];
  $("error-title").textContent = t(known ? `${key}_title` : "err_internal_title");
  const bodyKey = kind === "rateLimited" && error.retryAfter ? "err_rateLimitedWait" : key;
  $("error-body").textContent = t(known ? bodyKey : "err_internal", subs);
  const command = $("error-command");
  const start = kind === "serverDown" ? startCommand(error.server) : null;
  command.hidden = !start;
  command.textContent = start || "";
  // "Try again" only where trying again can work.
  $("retry").hidden = SELECT_INSTEAD.has(kind) || ["pdf", "notHtml", "notFootnote", "plainHttp"].includes(kind);
  $("send-anyway").hidden = kind !== "plainHttp";
  $("use-selection").hidden = !SELECT_INSTEAD.has(kind);
  $("force").hidden = !NOT_ONE_ARTICLE.has(kind);
  $("error").hidden = false;
}

function dateLine(extraction) {
  const date = extraction.date || {};
  if (date.status === "reader" && date.date) return t("aboutDateReader", [date.date]);
  if (date.status === "conflict" && date.others && date.others.length) {
    const other = date.others[0];
    return t("aboutDateConflict", [date.date, t(`dateFrom_${date.from}`), other.date, t(`dateFrom_${other.from}`)]);
  }
  if (extraction.published) return t("aboutDate", [extraction.published, t(`dateFrom_${extraction.publishedFrom}`)]);
  if (date.updated) return t("aboutOnlyUpdated", [date.updated]);
  return t("aboutNoDate");
}

// One line per note, in reading order (notes on what changed since publication first among
// the context notes): its marker ("S3"), title and severity; the line
// opens to the note card (lib/notes-ui.js). "Show" scrolls the page to the passage.
function noteItem(note, tabId, placed) {
  const cat = present.category(note.category);
  const label = globalThis.FootnoteNotesUI.noteLabel(note, note.number);
  const li = el("li", { class: `note fn-${cat ? cat.id : "other"}`, "data-note": note.id, "data-category": note.category });
  const details = el("details", {},
    el("summary", {},
      el("span", { class: "fn-badge", text: label }),
      el("span", { class: "title", text: note.title || "" }),
      el("span", { class: `fn-sev fn-sev-${note.severity}`, text: t(note.severityLabel) }),
    ),
  );
  const card = globalThis.FootnoteNotesUI.renderNoteCard(document, note, { number: note.number, t, headingLevel: 3 });
  card.querySelector(".card-head")?.remove(); // the summary line already says it
  card.querySelector(".card-title")?.remove();
  details.append(card);
  li.append(details);
  if (note.spanned && placed.has(note.id)) {
    const button = el("button", {
      type: "button",
      class: "show",
      text: t("showInPage"),
      "aria-label": t("showInPageLabel", [label, note.title || ""]),
    });
    button.addEventListener("click", async () => {
      await ext.runtime.sendMessage({ type: "focus", tabId, noteId: note.id });
    });
    li.append(button);
  } else {
    card.append(el("p", { class: "muted", text: t(note.spanned ? "noteNotPlaced" : "noteWholeText") }));
  }
  return li;
}

function showTone(tone) {
  const plain = present.plainTone(tone);
  $("tone").hidden = !plain;
  if (!plain) return;
  const sentences = [plain.key ? t(plain.key) : plain.detail];
  if (plain.found) sentences.push(plain.found);
  $("tone-plain").textContent = sentences.join(" ");
  $("tone-more").hidden = !plain.key;
  $("tone-detail").textContent = plain.figure ? t("toneFigure", [plain.figure, plain.detail]) : plain.detail;
}

function showView(which) {
  const notes = which === "notes";
  $("notes-view").hidden = !notes;
  $("ledger").hidden = notes;
  $("view-notes").setAttribute("aria-pressed", String(notes));
  $("view-sources").setAttribute("aria-pressed", String(!notes));
}

function filterNotes() {
  const off = new Set([...$("filters").querySelectorAll("input:not(:checked)")].map((i) => i.value));
  for (const li of $("notes").children) li.hidden = off.has(li.dataset.category);
}

function showResult(reply, tabId) {
  const { analysis, extraction, placement } = reply;
  $("status").hidden = true;
  $("error").hidden = true;
  $("headline").textContent = analysis.summary.headline || "";
  showTone(analysis.summary.tone);
  const counts = present.severityCounts(analysis.notes);
  $("counts").textContent = analysis.notes.length
    ? t("countsLine", [String(analysis.notes.length), String(counts.warning), String(counts.caution), String(counts.info)])
    : t("countsNone");

  // Reading order, with what changed since the article was published first among the
  // context notes.
  const notes = present.sinceFirst(present.readingOrder(analysis.notes));
  const placed = new Set((placement && placement.placedIds) || []);
  $("notes").replaceChildren(...notes.map((note) => noteItem(note, tabId, placed)));
  $("notes-empty").hidden = notes.length > 0;
  const filters = $("filters");
  filters.replaceChildren(filters.querySelector("legend"));
  for (const group of present.groupNotes(analysis.notes)) {
    const input = el("input", { type: "checkbox", value: group.id, checked: "" });
    input.addEventListener("change", filterNotes);
    filters.append(el("label", { class: `filter fn-${group.id}` },
      input,
      el("span", { class: `fn-sample sample u-${group.underline}`, text: group.letter, "aria-hidden": "true" }),
      el("span", { text: `${t(group.label)} (${group.notes.length})` }),
    ));
  }
  filters.hidden = notes.length === 0;

  const rows = present.sourceLedger(analysis.sources);
  const body = $("ledger-table").querySelector("tbody");
  body.replaceChildren();
  for (const row of rows) {
    const details = [];
    if (row.reason) details.push(t("ledgerReason", [row.reason]));
    // "No reason given for anonymity" is about one unnamed person; a vague group ("experts")
    // is not anonymous in that sense.
    else if (row.kind === "unnamed_individual") details.push(t("ledgerNoReason"));
    if (row.relayedBy) details.push(t("ledgerRelayed", [row.relayedBy]));
    if (row.attributions > 1) details.push(t("ledgerTimes", [String(row.attributions)]));
    body.append(el("tr", { "data-source": row.id },
      el("td", { text: row.mention }),
      el("td", { text: t(row.kindLabel) }),
      el("td", { text: details.join("; ") }),
    ));
  }
  $("ledger-table").hidden = rows.length === 0;
  $("ledger-empty").hidden = rows.length !== 0;
  $("view-notes").textContent = t("viewNotes", [String(notes.length)]);
  $("view-sources").textContent = t("viewSources", [String(rows.length)]);
  showView("notes");

  $("about-date").textContent = dateLine(extraction);
  $("about-date").dataset.status = (extraction.date && extraction.date.status) || "none";
  $("date-input").value = extraction.published || "";
  $("selection-note").hidden = extraction.method !== "selection";
  $("selection-text").textContent = t("selectionNote", [String(extraction.characters)]);
  $("about-size").textContent = t("aboutSize", [String(extraction.characters), reply.server]);
  if (placement && placement.mismatched) {
    $("about-size").textContent += " " + t("aboutMismatch", [String(placement.mismatched)]);
  }
  $("clear").hidden = false;
  $("clear").disabled = false;
  $("result").hidden = false;
  // test hook: time since the popup began loading, i.e. since the click
  $("result").dataset.elapsedMs = String(Math.round(performance.now()));
}

async function run(options = {}) {
  lastOptions = options;
  if (plainHttpOk) options = { ...options, plainHttpOk: true };
  $("error").hidden = true;
  $("result").hidden = true;
  $("status").hidden = false;
  $("status").textContent = t("statusReading");
  const tabId = await targetTab();
  if (tabId === null) {
    showError({ kind: "unreadable" });
    return;
  }
  let reply;
  try {
    reply = await ext.runtime.sendMessage({ type: "analyze", tabId, options });
  } catch (error) {
    reply = { ok: false, error: { kind: "internal", message: String(error && error.message) } };
  }
  if (!reply || !reply.ok) {
    showError((reply && reply.error) || { kind: "internal" });
    return;
  }
  showResult(reply, tabId);
  $("clear").onclick = async () => {
    await ext.runtime.sendMessage({ type: "clear", tabId });
    $("clear").disabled = true;
  };
}

localise();
$("options").addEventListener("click", (event) => {
  event.preventDefault();
  ext.runtime.openOptionsPage();
});
$("retry").addEventListener("click", () => run(lastOptions));
$("send-anyway").addEventListener("click", () => {
  plainHttpOk = true;
  run(lastOptions);
});
$("view-notes").addEventListener("click", () => showView("notes"));
$("view-sources").addEventListener("click", () => showView("sources"));
$("use-selection").addEventListener("click", () => run({ mode: "selection" }));
$("force").addEventListener("click", () => run({ mode: "article", force: true }));
$("whole-article").addEventListener("click", () => run({ mode: "article" }));
$("date-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run({ ...lastOptions, published: $("date-input").value || "" });
});
run();

// The toolbar button's work: inject the content script into the active tab (only when the
// reader asks), send the extracted article to the Footnote server, hand the notes to the
// page and set the badge. Chromium runs this as a service worker, Firefox as a background
// script (its manifest entry lists lib/*.js first, as it has no importScripts).
"use strict";
if (typeof importScripts === "function") {
  importScripts("lib/notes-ui.js", "lib/present.js", "lib/server.js");
}

const ext = globalThis.browser ?? globalThis.chrome;
const {
  DEFAULT_SERVER, normaliseServer, isLoopback, needsPlainHttpConsent, originPattern, localDate, requestBody,
  classifyResponse,
} = globalThis.FootnoteServer;
const { badgeText } = globalThis.FootnotePresent;

const CONTENT_FILES = [
  "vendor/Readability.js",
  "lib/notes-ui.js",
  "lib/offsets.js",
  "lib/dates.js",
  "lib/article.js",
  "lib/present.js",
  "content/extract.js",
  "content/highlights.js",
  "content/panel.js",
  "content/main.js",
];
const REQUEST_TIMEOUT_MS = 30000;

async function serverOrigin() {
  const { server } = await ext.storage.sync.get({ server: DEFAULT_SERVER });
  return normaliseServer(server) || DEFAULT_SERVER;
}

function failure(kind, extra = {}) {
  return { ok: false, error: { kind, ...extra } };
}

// Browser pages, the extension gallery, PDFs in the built-in viewer and pages the
// extension has no access to all refuse scripts; the reader gets one plain message.
// A content script left from before an update or reload of the extension no longer
// answers, so "already injected" is decided by a ping, not by a flag in the page.
async function injectContentScript(tabId) {
  try {
    const pong = await ext.tabs.sendMessage(tabId, { type: "footnote:ping" });
    if (pong && pong.ok) return;
  } catch {
    // nothing listening: inject
  }
  await ext.scripting.insertCSS({ target: { tabId }, files: ["highlight.css"] });
  await ext.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

async function askServer(origin, body) {
  let response;
  try {
    response = await fetch(`${origin}/api/v1/analyze`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if (error && error.name === "TimeoutError") return failure("timeout", { server: origin });
    if (!isLoopback(origin)) {
      const granted = await ext.permissions.contains({ origins: [originPattern(origin)] });
      if (!granted) return failure("noPermission", { server: origin });
    }
    return failure("serverDown", { server: origin });
  }
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  const verdict = classifyResponse(response.status, json, response.headers.get("Retry-After"));
  if (!verdict.ok) return { ok: false, error: { ...verdict, server: origin } };
  return { ok: true, analysis: json };
}

async function setBadge(tabId, text) {
  try {
    await ext.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
    await ext.action.setBadgeText({ tabId, text });
  } catch {
    // the tab closed meanwhile
  }
}

/**
 * The whole click: → {ok, analysis, extraction, placement, timings} or {ok: false, error}.
 * options: {mode: "auto" | "article" | "selection", force (analyse a page that does not
 * look like one article), published ("YYYY-MM-DD" the reader set, or "" for none),
 * plainHttpOk (the reader agreed to send the text unencrypted to a server elsewhere)}.
 */
async function analyzeTab(tabId, options = {}) {
  const began = performance.now();
  const origin = await serverOrigin();
  // Text sent over plain http to another machine can be read on the way: the reader says
  // yes first (the popup shows the address and asks). Nothing is read from the page before.
  if (needsPlainHttpConsent(origin) && options.plainHttpOk !== true) {
    return failure("plainHttp", { server: origin });
  }
  const timings = {};
  const mark = (name, since) => {
    timings[name] = Math.round((performance.now() - since) * 10) / 10;
  };
  let step = performance.now();
  try {
    await injectContentScript(tabId);
  } catch (error) {
    return failure("unreadable", { detail: String(error && error.message) });
  }
  mark("inject", step);
  step = performance.now();
  let extraction;
  try {
    extraction = await ext.tabs.sendMessage(tabId, {
      type: "footnote:extract",
      options: { mode: options.mode || "auto", force: Boolean(options.force) },
    });
  } catch (error) {
    return failure("unreadable", { detail: String(error && error.message) });
  }
  mark("extract", step);
  if (!extraction || extraction.error) {
    const { error, ...about } = extraction || {};
    return failure(error || "unreadable", about);
  }
  if (typeof options.published === "string") {
    // The reader's own date wins over the page's (the popup offers it when the page gives
    // none, or several).
    extraction.published = options.published || null;
    extraction.publishedFrom = options.published ? "reader" : null;
    extraction.date = { ...extraction.date, date: extraction.published, from: extraction.publishedFrom, status: "reader" };
  }
  step = performance.now();
  // Today's date where the reader is (not UTC), so notes on an older article can say what
  // changed since it was published.
  const answer = await askServer(origin, requestBody(extraction, localDate(new Date())));
  mark("server", step);
  if (!answer.ok) return answer;
  step = performance.now();
  let placement;
  try {
    placement = await ext.tabs.sendMessage(tabId, { type: "footnote:show", analysis: answer.analysis });
  } catch (error) {
    return failure("unreadable", { detail: String(error && error.message) });
  }
  mark("highlight", step);
  timings.total = Math.round((performance.now() - began) * 10) / 10;
  await setBadge(tabId, badgeText(answer.analysis.notes));
  const { text, ...about } = extraction;
  return { ok: true, analysis: answer.analysis, extraction: about, placement, timings, server: origin };
}

async function forward(tabId, message) {
  try {
    return await ext.tabs.sendMessage(tabId, message);
  } catch (error) {
    return { error: "unreachable", detail: String(error && error.message) };
  }
}

async function handle(message, sender) {
  switch (message.type) {
    case "analyze":
      return analyzeTab(message.tabId, message.options || {});
    case "focus":
      return forward(message.tabId, { type: "footnote:focus", noteId: message.noteId });
    case "state":
      return forward(message.tabId, { type: "footnote:state" });
    case "clear":
      await setBadge(message.tabId, "");
      return forward(message.tabId, { type: "footnote:clear" });
    case "footnote:cleared":
      if (sender.tab) await setBadge(sender.tab.id, "");
      return { ok: true };
    default:
      return failure("internal", { detail: `unknown message ${message.type}` });
  }
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message.type !== "string") return false;
  // Only the extension's own pages and its content script talk to this worker.
  if (sender.id !== ext.runtime.id) return false;
  handle(message, sender).then(sendResponse, (error) =>
    sendResponse(failure("internal", { detail: String(error && error.message) })),
  );
  return true;
});

// A reload or a new page drops the highlights, so the badge goes too.
ext.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === "loading") setBadge(tabId, "");
});

// The first-run page: what Footnote needs, the server check, what is sent and never kept.
// And the context-menu item for a selection ("analyse the text I selected").
const MENU_ID = "footnote-selection";
ext.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") ext.tabs.create({ url: ext.runtime.getURL("welcome.html") }).catch(() => {});
  try {
    ext.contextMenus.create({ id: MENU_ID, title: ext.i18n.getMessage("menuSelection"), contexts: ["selection"] }, () => void ext.runtime.lastError);
  } catch {
    // already there (an update)
  }
});

/**
 * The context menu's "Explain the selected text with Footnote": the selection is analysed
 * and shown in the page (the menu click grants activeTab); a failure is told in the page.
 */
async function analyzeSelection(tabId) {
  const reply = await analyzeTab(tabId, { mode: "selection" });
  if (!reply.ok) {
    const kind = reply.error.kind;
    const message = (key, subs) => ext.i18n.getMessage(key, subs) || ext.i18n.getMessage("err_internal");
    const subs = [reply.error.server || "", "", reply.error.message || ""];
    let body = message(`err_${kind}`, subs);
    // The menu cannot ask; the toolbar button can (it reads the selection too).
    if (kind === "plainHttp") body += " " + message("err_plainHttpMenu");
    await forward(tabId, {
      type: "footnote:notice",
      title: message(`err_${kind}_title`),
      body,
    });
  }
  return reply;
}

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab && tab.id >= 0) analyzeSelection(tab.id);
});

// test hooks: the click's and the menu's work, in the worker's own scope (tests drive them
// with worker.evaluate).
globalThis.footnoteAnalyzeTab = analyzeTab;
globalThis.footnoteAnalyzeSelection = analyzeSelection;

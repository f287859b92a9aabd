// The first-run page: what Footnote needs (a server), a check of its address, and what is
// sent and never kept. Opened once, when the extension is installed (background.js).
"use strict";
const ext = globalThis.browser ?? globalThis.chrome;
const { DEFAULT_SERVER, normaliseServer, isLoopback, originPattern } = globalThis.FootnoteServer;
const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;
const $ = (id) => document.getElementById(id);
const isFirefox = typeof ext.runtime.getBrowserInfo === "function";

for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);

function say(key, subs) {
  $("message").textContent = t(key, subs);
}

ext.storage.sync.get({ server: DEFAULT_SERVER }).then(({ server }) => {
  $("server").value = server;
});

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const origin = normaliseServer($("server").value);
  if (!origin) {
    say("optionsInvalid");
    return;
  }
  // permissions.request must run inside the click's user gesture: before any await.
  let asked = Promise.resolve(true);
  if (!isLoopback(origin)) {
    const request = { origins: [originPattern(origin)] };
    if (isFirefox) request.data_collection = ["websiteContent"];
    asked = ext.permissions.request(request);
  }
  let granted = false;
  try {
    granted = await asked;
  } catch {
    granted = false;
  }
  if (!granted) {
    say("optionsDenied", [origin]);
    return;
  }
  say("optionsChecking");
  let healthy = false;
  let version = "";
  try {
    const response = await fetch(`${origin}/api/v1/health`, { cache: "no-store", signal: AbortSignal.timeout(5000) });
    const body = await response.json();
    healthy = response.ok && body.status === "ok";
    version = String(body.version);
  } catch {
    healthy = false;
  }
  await ext.storage.sync.set({ server: origin });
  $("server").value = origin;
  say(healthy ? "welcomeSaved" : "welcomeSavedDown", [origin, version]);
});

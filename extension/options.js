// Options: the server address, kept in storage.sync. A server that is not on this machine
// needs the reader's permission for its origin, asked for here (optional_host_permissions).
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

async function load() {
  const { server } = await ext.storage.sync.get({ server: DEFAULT_SERVER });
  $("server").value = server;
}

// permissions.request must run inside the click's user gesture: call it before any await.
function requestAccess(origin) {
  if (isLoopback(origin)) return Promise.resolve(true);
  const request = { origins: [originPattern(origin)] };
  if (isFirefox) request.data_collection = ["websiteContent"];
  return ext.permissions.request(request);
}

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const origin = normaliseServer($("server").value);
  if (!origin) {
    say("optionsInvalid");
    return;
  }
  let granted;
  try {
    granted = await requestAccess(origin);
  } catch {
    granted = false;
  }
  if (!granted) {
    say("optionsDenied", [origin]);
    return;
  }
  await ext.storage.sync.set({ server: origin });
  $("server").value = origin;
  say("optionsSaved", [origin]);
});

$("reset").addEventListener("click", async () => {
  await ext.storage.sync.set({ server: DEFAULT_SERVER });
  $("server").value = DEFAULT_SERVER;
  say("optionsSaved", [DEFAULT_SERVER]);
});

$("check").addEventListener("click", async () => {
  const origin = normaliseServer($("server").value);
  if (!origin) {
    say("optionsInvalid");
    return;
  }
  say("optionsChecking");
  try {
    const response = await fetch(`${origin}/api/v1/health`, { cache: "no-store", signal: AbortSignal.timeout(5000) });
    const body = await response.json();
    if (response.ok && body.status === "ok") say("optionsHealthy", [origin, String(body.version)]);
    else say("optionsNotFootnote", [origin]);
  } catch {
    // "make serve" starts one on port 5000; another port needs PORT=.
    const port = new URL(origin).port;
    if (isLoopback(origin)) say("optionsDown", [origin, port && port !== "5000" ? `make serve PORT=${port}` : "make serve"]);
    else say("optionsDownRemote", [origin]);
  }
});

load();

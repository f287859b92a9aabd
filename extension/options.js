// Options: the server address, kept in storage.sync. A server that is not on this machine
// needs the reader's permission for its origin, asked for here (optional_host_permissions).
"use strict";
const { DEFAULT_SERVER, isLoopback } = globalThis.FootnoteServer;
const { ext, $, say, typedOrigin, grantedOrigin, health } = globalThis.FootnoteServerForm;

async function load() {
  const { server } = await ext.storage.sync.get({ server: DEFAULT_SERVER });
  $("server").value = server;
}

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const origin = await grantedOrigin();
  if (!origin) return;
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
  const origin = typedOrigin();
  if (!origin) return;
  say("optionsChecking");
  try {
    const { ok, body } = await health(origin);
    if (ok) say("optionsHealthy", [origin, String(body.version)]);
    else say("optionsNotFootnote", [origin]);
  } catch {
    // "make serve" starts one on port 5000; another port needs PORT=.
    const port = new URL(origin).port;
    if (isLoopback(origin)) say("optionsDown", [origin, port && port !== "5000" ? `make serve PORT=${port}` : "make serve"]);
    else say("optionsDownRemote", [origin]);
  }
});

load();

// The first-run page: what Footnote needs (a server), a check of its address, and what is
// sent and never kept. Opened once, when the extension is installed (background.js).
"use strict";
const { DEFAULT_SERVER } = globalThis.FootnoteServer;
const { ext, $, say, grantedOrigin, health } = globalThis.FootnoteServerForm;

ext.storage.sync.get({ server: DEFAULT_SERVER }).then(({ server }) => {
  $("server").value = server;
});

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const origin = await grantedOrigin();
  if (!origin) return;
  say("optionsChecking");
  let healthy = false;
  let version = "";
  try {
    const { ok, body } = await health(origin);
    healthy = ok;
    version = String(body.version);
  } catch {
    healthy = false;
  }
  await ext.storage.sync.set({ server: origin });
  $("server").value = origin;
  say(healthy ? "welcomeSaved" : "welcomeSavedDown", [origin, version]);
});

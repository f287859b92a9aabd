// What the options page and the first-run page share: their translated labels and messages,
// asking for access to a server, and asking the server whether it answers as Footnote.
(function (root) {
  "use strict";
  const ext = root.browser ?? root.chrome;
  const { normaliseServer, isLoopback, originPattern } = root.FootnoteServer;
  const t = (key, subs) => ext.i18n.getMessage(key, subs) || key;
  const $ = (id) => document.getElementById(id);
  const isFirefox = typeof ext.runtime.getBrowserInfo === "function";

  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);

  function say(key, subs) {
    $("message").textContent = t(key, subs);
  }

  // permissions.request must run inside the click's user gesture: call it before any await.
  function requestAccess(origin) {
    if (isLoopback(origin)) return Promise.resolve(true);
    const request = { origins: [originPattern(origin)] };
    if (isFirefox) request.data_collection = ["websiteContent"];
    return ext.permissions.request(request);
  }

  /** The origin of the address typed in #server, or null (and the message says it is not one). */
  function typedOrigin() {
    const origin = normaliseServer($("server").value);
    if (!origin) say("optionsInvalid");
    return origin;
  }

  /**
   * The typed server's origin once the reader has granted access to it, else null (and the
   * message says why). Call it first thing in the click's handler: it asks before any await.
   */
  async function grantedOrigin() {
    const origin = typedOrigin();
    if (!origin) return null;
    let granted;
    try {
      granted = await requestAccess(origin);
    } catch {
      granted = false;
    }
    if (!granted) {
      say("optionsDenied", [origin]);
      return null;
    }
    return origin;
  }

  /** The server's health check: {ok} when it answers as Footnote, and the body it sent. */
  async function health(origin) {
    const response = await fetch(`${origin}/api/v1/health`, { cache: "no-store", signal: AbortSignal.timeout(5000) });
    const body = await response.json();
    return { ok: response.ok && body.status === "ok", body };
  }

  root.FootnoteServerForm = { ext, $, say, typedOrigin, grantedOrigin, health };
})(globalThis);

// Talking to the Footnote server, as pure functions: the server address, the request body,
// and what a response means for the reader. background.js does the fetch.
(function (root) {
  "use strict";

  const DEFAULT_SERVER = "http://127.0.0.1:5000";
  const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

  /** A server address typed by the user → its origin ("http://host:port"), or null. */
  function normaliseServer(value) {
    if (typeof value !== "string" || !value.trim()) return null;
    let s = value.trim();
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = "http://" + s;
    try {
      const u = new URL(s);
      if (u.protocol !== "http:" && u.protocol !== "https:") return null;
      if (u.username || u.password) return null;
      return u.origin;
    } catch {
      return null;
    }
  }

  function isLoopback(origin) {
    try {
      const u = new URL(origin);
      return u.protocol === "http:" && LOOPBACK_HOSTS.has(u.hostname);
    } catch {
      return false;
    }
  }

  /** The host permission pattern that covers a server origin. */
  function originPattern(origin) {
    const u = new URL(origin);
    return `${u.protocol}//${u.hostname}/*`;
  }

  /**
   * Whether a server address is on this machine: localhost, any 127.x.x.x or [::1]. Text
   * sent there never crosses a network.
   */
  function isLocalAddress(origin) {
    try {
      const host = new URL(origin).hostname.toLowerCase();
      if (host === "localhost" || host === "[::1]") return true;
      return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
    } catch {
      return false;
    }
  }

  /**
   * Whether sending text to this server needs the reader's consent first: a plain http://
   * address off this machine, where anyone on the network between can read the text.
   */
  function needsPlainHttpConsent(origin) {
    try {
      return new URL(origin).protocol === "http:" && !isLocalAddress(origin);
    } catch {
      return false;
    }
  }

  const MAX_URL = 2048; // the server refuses longer ones (422), which would lose the analysis

  /**
   * The page address to send: without its query string, fragment and any user name or
   * password (they can carry a reader's session, e-mail or search), or null when it is
   * not an address or still too long.
   */
  function requestUrl(url) {
    if (typeof url !== "string" || !url) return null;
    let clean;
    try {
      const u = new URL(url);
      u.search = "";
      u.hash = "";
      u.username = "";
      u.password = "";
      clean = u.href;
    } catch {
      return null;
    }
    return clean.length <= MAX_URL ? clean : null;
  }

  /** A day as the contract writes it, YYYY-MM-DD, in the reader's own time zone (not UTC). */
  function localDate(when) {
    const pad = (n, width) => String(n).padStart(width, "0");
    return `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1, 2)}-${pad(when.getDate(), 2)}`;
  }

  /**
   * The contract's request body from the content script's extraction; `asOf` is the
   * reader's date ("YYYY-MM-DD"), sent as as_of so that notes on an older article say
   * what changed since it was published.
   */
  function requestBody(extraction, asOf) {
    const body = { text: extraction.text };
    if (extraction.title) body.title = extraction.title.slice(0, 500);
    const url = requestUrl(extraction.url);
    if (url) body.url = url;
    if (extraction.published) body.published = extraction.published;
    if (typeof asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) body.as_of = asOf;
    return body;
  }

  /**
   * What a server response means: {ok: true} for a 200 with the contract's shape, else
   * {ok: false, kind, ...} where kind names the plain-words message the popup shows.
   * `body` is the parsed JSON or null; `retryAfter` the Retry-After header or null.
   */
  function classifyResponse(status, body, retryAfter) {
    const message = body && body.error && typeof body.error.message === "string"
      ? body.error.message : null;
    if (status === 200) {
      if (body && Array.isArray(body.notes) && Array.isArray(body.sources) && body.summary) {
        return { ok: true };
      }
      return { ok: false, kind: "badResponse", status };
    }
    if (status === 413) return { ok: false, kind: "tooLong", status, message };
    if (status === 429) {
      const seconds = parseInt(retryAfter, 10);
      return { ok: false, kind: "rateLimited", status, retryAfter: seconds > 0 ? seconds : null, message };
    }
    if (status === 404 && !message) return { ok: false, kind: "notFootnote", status };
    return { ok: false, kind: "serverError", status, message };
  }

  const api = {
    DEFAULT_SERVER, normaliseServer, isLoopback, isLocalAddress, needsPlainHttpConsent,
    originPattern, requestUrl, localDate, requestBody, classifyResponse,
  };
  root.FootnoteServer = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(globalThis);

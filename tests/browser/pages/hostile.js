// Page scripts live in another JavaScript world than the content script; these changes to
// built-ins must not reach it.
Element.prototype.attachShadow = function () { throw new Error("no shadow roots here"); };
Document.prototype.createRange = function () { throw new Error("no ranges here"); };
window.getComputedStyle = function () { return {}; };
Array.prototype.map = function () { return []; };
JSON.stringify = function () { return "{}"; };

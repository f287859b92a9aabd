// Used by test_extension.py: which painted Footnote markers cover the page's text or sit
// over its fixed or sticky bars, in the current viewport.
() => {
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const ours = (n) => n.closest && n.closest("footnote-marker, footnote-reader-ui");
  const markers = [...document.querySelectorAll("footnote-marker")].map((m) => m.getBoundingClientRect())
    .filter((r) => r.width && r.bottom > 0 && r.top < innerHeight);
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.trim() || ours(node.parentElement)) continue;
    const r = document.createRange();
    r.selectNodeContents(node);
    for (const box of r.getClientRects()) if (box.width && box.bottom > 0 && box.top < innerHeight) texts.push(box);
  }
  const bars = [...document.body.querySelectorAll("*")].filter((e) => !ours(e) &&
    ["fixed", "sticky"].includes(getComputedStyle(e).position)).map((e) => e.getBoundingClientRect());
  // Only a marker that is painted (not under one of the site's bars) can cover text.
  const painted = (m) => document.elementFromPoint(m.left + m.width / 2, m.top + m.height / 2)?.localName === "footnote-marker";
  const overText = markers.filter((m) => painted(m) && texts.some((t) => hit(m, t))).length;
  // A marker under a fixed bar is fine when the bar paints over it.
  const overBars = markers.filter((m) => bars.some((b) => hit(m, b)) && painted(m)).length;
  return {markers: markers.length, texts: texts.length, bars: bars.length, overText, overBars};
}

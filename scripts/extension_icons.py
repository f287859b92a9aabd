"""Draw the extension's toolbar icons (extension/icons/icon-*.png) with a canvas in Chromium.

Run once after changing the drawing: .venv/bin/python scripts/extension_icons.py
"""

from __future__ import annotations

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 32, 48, 128)

# Lines of text on a page, one of them highlighted, and a footnote mark.
DRAW = """
(size) => {
  const c = document.createElement("canvas");
  c.width = c.height = size;
  const g = c.getContext("2d");
  const s = size / 128;
  g.fillStyle = "#1a5fb4";
  g.beginPath(); g.roundRect(0, 0, size, size, 24 * s); g.fill();
  g.fillStyle = "#ffd966";
  g.fillRect(14 * s, 56 * s, 84 * s, 22 * s);
  g.fillStyle = "#ffffff";
  for (const [y, w] of [[30, 70], [62, 76], [94, 54]]) {
    g.beginPath(); g.roundRect(18 * s, y * s, w * s, 10 * s, 5 * s); g.fill();
  }
  g.beginPath(); g.arc(100 * s, 30 * s, 20 * s, 0, Math.PI * 2); g.fill();
  g.fillStyle = "#1a5fb4";
  g.font = `bold ${28 * s}px sans-serif`;
  g.textAlign = "center"; g.textBaseline = "middle";
  g.fillText("1", 100 * s, 31 * s);
  return c.toDataURL("image/png");
}
"""


def main() -> None:
    out = ROOT / "extension" / "icons"
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for size in SIZES:
            url = page.evaluate(DRAW, size)
            data = base64.b64decode(url.split(",", 1)[1])
            (out / f"icon-{size}.png").write_bytes(data)
            print(f"icon-{size}.png", len(data), "bytes")
        browser.close()


if __name__ == "__main__":
    main()

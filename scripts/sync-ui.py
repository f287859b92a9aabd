"""Copy the shared front-end files from the extension to the educators' page.

The extension must stay loadable unpacked from `extension/` (no bundler, no symlinks), and
the Docker image leaves `extension/` out, so the page serves its own copies. The canonical
files live in `extension/lib/`; this script copies them to `server/footnote/web/static/`.
`tests/test_sync_ui.py` fails when a copy differs; run this script after editing them.

    python scripts/sync-ui.py           # copy
    python scripts/sync-ui.py --check   # exit 1 and name the stale copies, change nothing
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "extension" / "lib"
TARGET = ROOT / "server" / "footnote" / "web" / "static"
# theme.css is copied once it exists (the shared colours and underline styles).
SHARED = ("notes-ui.js", "theme.css")


def pairs() -> list[tuple[Path, Path]]:
    return [(SOURCE / name, TARGET / name) for name in SHARED if (SOURCE / name).exists()]


def stale() -> list[str]:
    return [
        str(copy.relative_to(ROOT))
        for original, copy in pairs()
        if not copy.exists() or copy.read_bytes() != original.read_bytes()
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out = stale()
        for name in out:
            print(f"{name} differs from its original in extension/lib/", file=sys.stderr)
        return 1 if out else 0
    for original, copy in pairs():
        if not copy.exists() or copy.read_bytes() != original.read_bytes():
            copy.write_bytes(original.read_bytes())
            print(f"copied {original.relative_to(ROOT)} -> {copy.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

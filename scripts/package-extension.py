"""Build the store-ready extension archives: `make package`.

    dist/footnote-chrome-VERSION.zip    for the Chrome Web Store (and Edge, Brave …)
    dist/footnote-firefox-VERSION.zip   for addons.mozilla.org (built by `web-ext build`)

The version comes from one place, pyproject.toml's [project] version; the source manifest
must carry the same one (tests/test_package.py checks it), so the unpacked extension and
the archives agree. Each archive gets the manifest its browser expects: Chrome's without
the Firefox-only keys (`browser_specific_settings`, `background.scripts`), Firefox's
without `background.service_worker`; tests and editor files stay out. The Firefox archive
is then checked with `web-ext lint` and the build fails on any error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "extension"
DIST = ROOT / "dist"
LEFT_OUT = {"tests"}  # folders of extension/ that are not shipped


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def stage(target: Path, manifest: dict) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        EXTENSION,
        target,
        ignore=lambda d, names: (
            [n for n in names if n in LEFT_OUT and Path(d) == EXTENSION]
            + [n for n in names if n.startswith(".") or n.endswith("~")]
        ),
    )
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def manifests(v: str) -> tuple[dict, dict]:
    source = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    source["version"] = v
    chrome = json.loads(json.dumps(source))
    chrome.pop("browser_specific_settings", None)
    chrome["background"] = {"service_worker": source["background"]["service_worker"]}
    firefox = json.loads(json.dumps(source))
    firefox["background"] = {"scripts": source["background"]["scripts"]}
    return chrome, firefox


def zip_dir(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder).as_posix())


def web_ext(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["npx", "--no-install", "web-ext", *args, "--no-config-discovery"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def main() -> int:
    v = version()
    chrome, firefox = manifests(v)
    DIST.mkdir(exist_ok=True)
    staging = DIST / "staging"
    stage(staging / "chrome", chrome)
    chrome_zip = DIST / f"footnote-chrome-{v}.zip"
    chrome_zip.unlink(missing_ok=True)
    zip_dir(staging / "chrome", chrome_zip)
    stage(staging / "firefox", firefox)
    firefox_zip = f"footnote-firefox-{v}.zip"
    built = web_ext(
        "build",
        "--source-dir",
        str(staging / "firefox"),
        "--artifacts-dir",
        str(DIST),
        "--filename",
        firefox_zip,
        "--overwrite-dest",
    )
    if built.returncode != 0:
        print(built.stdout, built.stderr, file=sys.stderr)
        return 1
    lint = web_ext("lint", "--source-dir", str(staging / "firefox"), "--output", "json")
    report = json.loads(lint.stdout[lint.stdout.index("{") :])
    summary = report["summary"]
    for problem in report["errors"] + report["warnings"]:
        print(f"web-ext lint {problem['_type']}: {problem['code']}: {problem['message']}")
    print(f"built {chrome_zip.relative_to(ROOT)} and dist/{firefox_zip} (version {v});")
    print(f"web-ext lint: {summary['errors']} errors, {summary['warnings']} warnings")
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

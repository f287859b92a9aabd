"""`make package`: a Chrome zip and a Firefox package, one version, both loadable."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.browser


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_the_source_manifest_has_the_project_version():
    manifest = json.loads((ROOT / "extension" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == project_version()


@pytest.fixture(scope="module")
def packaged():
    if not (ROOT / "node_modules" / "web-ext").exists():
        pytest.fail("npm packages missing: run npm install (make test does)")
    out = subprocess.run(
        [sys.executable, "scripts/package-extension.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    v = project_version()
    return (
        out.stdout,
        ROOT / "dist" / f"footnote-chrome-{v}.zip",
        ROOT / "dist" / f"footnote-firefox-{v}.zip",
    )


def test_package_builds_both_archives_and_firefox_lints_clean(packaged):
    stdout, chrome, firefox = packaged
    assert "web-ext lint: 0 errors" in stdout
    for archive, gecko in ((chrome, False), (firefox, True)):
        with zipfile.ZipFile(archive) as z:
            names = set(z.namelist())
            manifest = json.loads(z.read("manifest.json"))
        assert manifest["version"] == project_version()
        assert ("browser_specific_settings" in manifest) is gecko
        assert ("scripts" in manifest["background"]) is gecko
        assert ("service_worker" in manifest["background"]) is not gecko
        assert "content/main.js" in names and "lib/notes-ui.js" in names
        assert not any(n.startswith("tests/") for n in names)


def test_the_chrome_archive_loads_in_chromium(packaged, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    _, chrome, _ = packaged
    unpacked = tmp_path / "ext"
    with zipfile.ZipFile(chrome) as z:
        z.extractall(unpacked)
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                f"--disable-extensions-except={unpacked}",
                f"--load-extension={unpacked}",
                "--no-sandbox",
            ],
            ignore_default_args=["--disable-extensions"],
        )
        worker = (
            ctx.service_workers[0] if ctx.service_workers else ctx.wait_for_event("serviceworker")
        )
        assert worker.evaluate("chrome.runtime.getManifest().version") == project_version()
        assert worker.evaluate("typeof footnoteAnalyzeTab") == "function"
        ctx.close()

"""Every example in docs/api.md runs against a live server (gunicorn on a loopback port)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT
from .serverutil import running_server

DOC = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```(sh|python|javascript)\n(.*?)^```$", re.M | re.S)
EXAMPLES = [(m.group(1), m.group(2)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_doc_has_each_kind_of_example():
    assert {"sh", "python", "javascript"} <= {lang for lang, _ in EXAMPLES}


@pytest.fixture(scope="module")
def server_url():
    env = {"FOOTNOTE_WORKERS": "1", "FOOTNOTE_RATE_LIMIT": "off"}
    with running_server(env) as url:
        yield url


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "code"), EXAMPLES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(EXAMPLES)]
)
def test_example_runs(lang, code, server_url, tmp_path):
    if "jq " in code and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    if lang == "sh" and shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    if lang == "javascript" and shutil.which("node") is None:
        pytest.skip("node is not installed")
    files = {"sh": "example.sh", "python": "example.py", "javascript": "example.mjs"}
    path = tmp_path / files[lang]
    path.write_text(code, encoding="utf-8")
    command = {
        "sh": ["bash", "-euo", "pipefail", str(path)],
        "python": [sys.executable, str(path)],
        "javascript": ["node", str(path)],
    }[lang]
    done = subprocess.run(
        command,
        cwd=tmp_path,
        env={**os.environ, "FOOTNOTE_URL": server_url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    if lang == "sh" and "jq" not in code:
        assert '"summary"' in done.stdout
    if lang in ("python", "javascript"):
        assert re.search(r"^\d+ sources, \d+ notes$", done.stdout, re.M)
        assert "422 invalid_field" in done.stdout

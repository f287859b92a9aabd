"""The page's copies of the shared front-end files (scripts/sync-ui.py) match the originals."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_sync():
    spec = importlib.util.spec_from_file_location("sync_ui", ROOT / "scripts" / "sync-ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shared_front_end_copies_match_their_originals():
    sync = load_sync()
    names = [original.name for original, _ in sync.pairs()]
    assert "notes-ui.js" in names
    assert sync.stale() == [], "run: python scripts/sync-ui.py"


def test_a_drifted_copy_is_caught(tmp_path, monkeypatch):
    sync = load_sync()
    (tmp_path / "src").mkdir()
    (tmp_path / "dst").mkdir()
    (tmp_path / "src" / "notes-ui.js").write_text("one")
    monkeypatch.setattr(sync, "ROOT", tmp_path)
    monkeypatch.setattr(sync, "SOURCE", tmp_path / "src")
    monkeypatch.setattr(sync, "TARGET", tmp_path / "dst")
    assert sync.stale() == ["dst/notes-ui.js"]  # missing
    assert sync.main([]) == 0
    assert sync.stale() == []
    (tmp_path / "dst" / "notes-ui.js").write_text("one, edited by hand")
    assert sync.stale() == ["dst/notes-ui.js"]
    assert sync.main(["--check"]) == 1

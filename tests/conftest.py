import json
from pathlib import Path

import pytest
from footnote.api import create_app

ROOT = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (or beside the folder holding a git worktree)
SHARED_EVAL = next(
    (p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval",
)
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def app():
    # Rate limits have their own tests (test_limits.py); here they would only add 429s to
    # tests that post many times.
    return create_app({"TESTING": True, "RATELIMIT_ENABLED": False})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed.txt").read_text(encoding="utf-8")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

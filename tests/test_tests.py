"""Every test function can fail: an AST scan for test functions that check nothing.

A test passes the scan when its body asserts, raises, calls `pytest.raises`/`fail`/`warns`,
Playwright's `expect`, schemathesis's `call_and_validate`, `subprocess.run(..., check=True)`,
a helper whose name starts with `assert`, or a helper in the same module that does one of these.
"""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CHECKING_CALLS = {"raises", "fail", "warns", "expect", "call_and_validate"}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _checks_directly(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assert | ast.Raise):
            return True
        if isinstance(sub, ast.Call):
            name = _name(sub)
            if name in CHECKING_CALLS or name.startswith("assert"):
                return True
            if any(
                k.arg == "check" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in sub.keywords
            ):
                return True
    return False


def unchecked_tests(source: str) -> list[str]:
    """Names of the test functions in `source` that check nothing."""
    tree = ast.parse(source)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    helpers = {f.name for f in functions if _checks_directly(f)}
    found = []
    for f in functions:
        if not f.name.startswith("test"):
            continue
        calls = {_name(c) for c in ast.walk(f) if isinstance(c, ast.Call)}
        if not _checks_directly(f) and not calls & helpers:
            found.append(f.name)
    return found


def test_every_test_function_checks_something():
    offenders = [
        f"{path.relative_to(TESTS.parent)}::{name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in unchecked_tests(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"test functions that cannot fail: {offenders}"


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("def test_a():\n    analyze('x')\n", ["test_a"]),
        ("def test_a():\n    assert analyze('x')\n", []),
        ("def test_a():\n    with pytest.raises(E):\n        f()\n", []),
        ("def test_a():\n    subprocess.run(['x'])\n", ["test_a"]),
        ("def test_a():\n    subprocess.run(['x'], check=True)\n", []),
        ("def ok(x):\n    assert x\n\ndef test_a():\n    ok(1)\n", []),
        ("def quiet(x):\n    return x\n\ndef test_a():\n    quiet(1)\n", ["test_a"]),
        ("def test_a(page):\n    expect(page).to_have_title('x')\n", []),
    ],
)
def test_the_scan_tells_checks_from_calls(source, flagged):
    assert unchecked_tests(source) == flagged

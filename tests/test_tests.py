"""Every test function can fail, and the heavy ones carry a marker: AST scans of tests/.

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


# --- markers: `make test-fast` (-m "not browser and not slow") must leave out the heavy tests ---

# Calls that start a browser, a server subprocess, redis or Docker.
HEAVY_CALLS = {"running_server", "Popen", "sync_playwright"}


def _marks(decorators) -> set[str]:
    """Names X of `pytest.mark.X` (called or not) among decorators or a pytestmark value."""
    return {
        n.attr
        for d in decorators
        for n in ast.walk(d)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Attribute)
        if n.value.attr == "mark"
    }


def _heavy(node: ast.FunctionDef) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and (
            _name(sub) in HEAVY_CALLS
            or any(isinstance(c, ast.Constant) and c.value == "docker" for c in ast.walk(sub))
        ):
            return True
    # schemathesis: @schema.parametrize() generates many requests
    return any(
        isinstance(d, ast.Call) and _name(d) == "parametrize" and not _marks([d.func])
        for d in node.decorator_list
    )


def unmarked_heavy_tests(source: str, required: str | None = None) -> list[str]:
    """Tests that start heavy machinery (themselves or through a fixture of their module)
    without a `slow` or `browser` mark, or that lack the `required` mark."""
    tree = ast.parse(source)
    module_marks = _marks(
        n.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        and any(getattr(t, "id", "") == "pytestmark" for t in n.targets)
    )
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    heavy_fixtures = {f.name for f in functions if not f.name.startswith("test") and _heavy(f)}
    found = []
    for f in functions:
        if not f.name.startswith("test"):
            continue
        marks = module_marks | _marks(f.decorator_list)
        uses = {a.arg for a in f.args.args}
        heavy = _heavy(f) or bool(uses & heavy_fixtures)
        if (heavy and not marks & {"slow", "browser"}) or (required and required not in marks):
            found.append(f.name)
    return found


def test_heavy_tests_are_marked():
    offenders = [
        f"{path.relative_to(TESTS.parent)}::{name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in unmarked_heavy_tests(
            path.read_text(encoding="utf-8"),
            "browser" if path.parent.name == "browser" else None,
        )
    ]
    assert not offenders, f"mark these @pytest.mark.slow or browser: {offenders}"


@pytest.mark.parametrize(
    ("source", "required", "flagged"),
    [
        ("def test_a():\n    with running_server() as u:\n        pass\n", None, ["test_a"]),
        ("@pytest.mark.slow\ndef test_a():\n    running_server()\n", None, []),
        ("def f():\n    yield Popen(['x'])\n\ndef test_a(f):\n    pass\n", None, ["test_a"]),
        ("def test_a():\n    subprocess.run(['docker', 'build'])\n", None, ["test_a"]),
        ("pytestmark = [pytest.mark.browser]\ndef test_a():\n    sync_playwright()\n", None, []),
        ("def test_a():\n    pass\n", "browser", ["test_a"]),
        (
            "@schema.parametrize()\ndef test_a(case):\n    case.call_and_validate()\n",
            None,
            ["test_a"],
        ),
        ("@pytest.mark.parametrize('x', [1])\ndef test_a(x):\n    assert x\n", None, []),
    ],
)
def test_the_marker_scan_finds_unmarked_heavy_tests(source, required, flagged):
    assert unmarked_heavy_tests(source, required) == flagged


# --- helpers are imported as a package (tests.serverutil), never through sys.path -------------


def path_edits(source: str) -> list[int]:
    """Line numbers where `sys.path` is changed (insert, append, extend, assignment)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
        elif isinstance(node, ast.Assign | ast.AugAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        if (
            isinstance(target, ast.Attribute)
            and target.attr == "path"
            and getattr(target.value, "id", "") == "sys"
        ):
            lines.append(node.lineno)
    return lines


def test_no_code_changes_sys_path():
    root = TESTS.parent
    offenders = [
        f"{path.relative_to(root)}:{line}"
        for folder in ("tests", "bench", "scripts")
        for path in sorted((root / folder).rglob("*.py"))
        for line in path_edits(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        f"import helpers as a package (python -m ...), not via sys.path: {offenders}"
    )


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("import sys\nsys.path.insert(0, 'x')\n", [2]),
        ("import sys\nsys.path.append('x')\n", [2]),
        ("import sys\nsys.path = ['x']\n", [2]),
        ("import sys\nsys.path += ['x']\n", [2]),
        ("import sys\nprint(sys.path)\nfrom tests import serverutil\n", []),
    ],
)
def test_the_path_scan_finds_edits(source, lines):
    assert path_edits(source) == lines

"""Time `footnote.analyze` on inputs built to make text processing slow.

Two parts. The single cases (`cases()`) are 200 KB strings that each aim at one way a regex
can backtrack or a stage can go quadratic: long runs of quotes, capitals, commas, one giant
line, deep combining marks, and so on. The families (`families()`) are generators: for every
cue of data/attribution.toml, every outlet name, a set of name patterns (appositive chains,
initials, possessives, knowledge-base names) and every bracket and quotation mark, one unit
repeated without a sentence break to a given size. Each family is timed at 20 KB and at
200 KB, and its growth time(200 KB) / time(20 KB) is checked: linear work grows 10 times,
the goal is at most 12 (quadratic work would grow 100 times).

Goals: every input at most 1 s at 200 KB, every family's growth at most 12. Times are CPU
seconds of the analysing process (time.process_time), so that other work on a shared machine
does not count; a family's 20 KB time is the best of three runs and its 200 KB time the best
of two (a single run on a shared machine is noisy, upwards).

Cases run in child processes with a time limit; a case slower than the goal is profiled (the
footnote functions where the time goes), and one that hits the limit prints the stack it was
stuck in, so the stage and the pattern responsible can be named.

    python bench/adversarial.py                    # cases and families
    python bench/adversarial.py --only cases       # the single 200 KB cases
    python bench/adversarial.py --only families    # the families
    python bench/adversarial.py --case said        # anything whose name contains "said"
    python -m bench.adversarial --server           # the single cases through a real server

With --server the single cases are posted to `footnote serve` (two workers, the default time
budget) one after another: every answer must be the contract's JSON (200, or an error such
as 503 over_time_budget, never a 500), and after each one /api/v1/health and a small
analysis must be answered at once, so a worker that hit the budget is shown to carry on.
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import gc
import io
import json
import pstats
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

SIZE = 200_000
SMALL = 20_000
GOAL_S = 1.0
GOAL_GROWTH = 12.0
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
DATA = ROOT / "server" / "footnote" / "data"


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases() -> dict[str, str]:
    seed = SEED.read_text(encoding="utf-8")
    words = [f"Word{i}" for i in range(50)]
    return {
        "seed article repeated": _fill(seed + "\n\n"),
        "straight double quotes": _fill('"'),
        "quote then word": _fill('"a '),
        "unbalanced curly openers": _fill("\u201c"),
        "curly quotes alternating": _fill("\u201c\u201d"),
        "apostrophes and single quotes": _fill("'s '"),
        "quote cue pairs without stops": _fill('"We will win," he said "and'),
        "capitalised words, no punctuation": _fill(" ".join(w.capitalize() for w in words) + " "),
        "all caps words": _fill("NATO UN EU USA "),
        "capitals and commas": _fill("Mark Rutte, "),
        "commas only": _fill(","),
        "comma-separated words": _fill("a, "),
        "said without full stops": _fill("said "),
        "officials said that, no stops": _fill("officials said that "),
        "cue words mixed": _fill(
            "according to sources close to officials who said told reporters "
        ),
        "anonymity phrases": _fill("a senior official who requested anonymity because "),
        "nested brackets": "(" * (SIZE // 2) + ")" * (SIZE // 2),
        "unclosed brackets": _fill("(["),
        "one giant word": "a" * SIZE,
        "one giant line of sentences": _fill("The minister said the plan would work. "),
        "no spaces, full stops": _fill("a."),
        "full stops only": _fill("."),
        "abbreviations": _fill("Mr. Dr. U.S. e.g. "),
        "initials": _fill("A. B. C. "),
        "question marks": _fill("? "),
        "dashes": _fill("\u2014"),
        "newlines only": "\n" * SIZE,
        "blank paragraphs": _fill("x\n\n"),
        "spaces only but one word": " " * (SIZE - 5) + "word.",
        "combining marks on one letter": "a" + "\u0301" * (SIZE - 1),
        "combining marks on every letter": _fill("e" + "\u0301\u0302\u0303" * 10 + " "),
        "emoji and joiners": _fill("\U0001f469\u200d\U0001f52c "),
        "right-to-left and controls": _fill("\u202e\u0627\u0644\u202c "),
        "digits and dates": _fill("12 May 2022, 3.5% "),
        "numbers with commas": _fill("1,000,000,"),
    }


# --- families: one unit repeated to any size, without a sentence break --------------------

Family = Callable[[int], str]

# How each group of cues in data/attribution.toml is put in a unit. Names and pronouns, a
# quotation and a comma give every cue something to attach to; there is never a full stop.
_CUE_UNITS = {
    "verbs": 'Anna Berg {c} that he {c} "it works," {c} the minister, and ',
    "inverted": '"it works," {c} Anna Berg, "and it will," {c} he, and ',
    "stance": "the experts {c} that the officials {c} and ",
    "document_only": "a study {c} that documents {c} and ",
    "phrases": "Anna Berg {c} that he {c} and ",
    "passive_by": "a claim {c} by Anna Berg and one {c} by the ministry and ",
    "citing": "Sputnik, {c} RIA Novosti, said and ",
    "non_attributions": "Anna Berg {c} and the ministry {c} and ",
    "open": "{c} Anna Berg, {c} the ministry of the interior, ",
    "passive_it": "it is widely {c} that it was {c} that ",
    "view_nouns": "in Anna Berg's {c} and in the minister's {c} ",
    "tell": "Anna Berg {c} Reuters that he {c} reporters ",
    "never_nouns": "officials {c} that he {c} ",
    "not_bare": "officials {c} that he {c} ",
}
_OTHER_UNITS = {
    ("outlets", "own_reports"): "a {c} by RIA Novosti and ",
    ("outlets", "handed_on"): "a document {c} by Reuters, officials said, and ",
    ("outlets", "interview_phrases"): "in an {c} Reuters, Anna Berg said ",
    ("anonymity", "markers"): "a senior official who {c} because he said ",
    ("anonymity", "standalone_reasons"): "an official {c} speak said ",
    ("anonymity", "reasons"): "an official who asked not to be named because {c} said ",
}

# Name patterns; each repeated with nothing else.
NAME_UNITS = {
    "appositive chain": "Mark Rutte, the NATO chief, ",
    "names and commas": "Mark Rutte, ",
    "capitalised names": "Anna Berg ",
    "initials": "A. B. ",
    "titles": "Dr. Anna Berg ",
    "possessives": "Anna Berg's ",
    "acronyms": "NATO UN EU USA ",
    "hyphenated names": "Jean-Luc Berg-Smith ",
    "name said": "Anna Berg said ",
    "pronoun cue after quotes": '"We will win," he said "and',
    "officials said that": "officials said that ",
    "outlet relay chain": "Sputnik, citing RIA Novosti, said ",
    "nested appositives": "Anna Berg, a spokeswoman for Mark Rutte, the chief of ",
    "the official": "the official said the official ",
    "dateline codes": "KYIV (AP) -- ",
}

# Brackets and quotation marks: nested, unclosed, and closed around a word.
BRACKETS = [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ('"', '"'), ("'", "'")]
BRACKETS += [("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c")]


def _repeat(unit: str) -> Family:
    return lambda size: _fill(unit, size)


def _nested(opening: str, closing: str) -> Family:
    return lambda size: opening * (size // 2) + closing * (size - size // 2)


def _cycle(units: list[str]) -> Family:
    joined = "".join(units)
    return lambda size: _fill(joined, size)


def _attribution_data() -> dict:
    return tomllib.loads((DATA / "attribution.toml").read_text(encoding="utf-8"))


def _phrases(value) -> list[str]:
    return value.split() if isinstance(value, str) else list(value)


def _kb_names() -> list[str]:
    names = []
    for path in sorted((DATA / "kb").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("aliases", "weak_aliases"):
            names += [n for n in data.get(key, []) if isinstance(n, str)]
        for table in data.values():
            if isinstance(table, list):
                for item in table:
                    if isinstance(item, dict):
                        names += [n for n in item.get("aliases", []) if isinstance(n, str)]
                        if isinstance(item.get("name"), str):
                            names.append(item["name"])
    # "Budapest {memorandum|accord}" in the data stands for each alternative: take the first
    return sorted({re.sub(r"\{([^|}]*)[^}]*\}", r"\1", n) for n in names})


def families() -> dict[str, Family]:
    data = _attribution_data()
    out: dict[str, Family] = {}
    for group, unit in _CUE_UNITS.items():
        for cue in _phrases(data["cues"][group]):
            out[f"cue {group}: {cue}"] = _repeat(unit.format(c=cue))
    for (section, group), unit in _OTHER_UNITS.items():
        for cue in _phrases(data[section][group]):
            out[f"{group}: {cue}"] = _repeat(unit.format(c=cue))
    for name in data["outlets"]["names"]:
        out[f"outlet: {name}"] = _repeat(f"{name}, citing {name}, said {name} reported that ")
    for name, unit in NAME_UNITS.items():
        out[f"names: {name}"] = _repeat(unit)
    kb = _kb_names()
    out["names: knowledge-base names in turn"] = _cycle([n + " " for n in kb])
    out["names: knowledge-base names, commas"] = _cycle([n + ", " for n in kb])
    for opening, closing in BRACKETS:
        pair = opening + closing
        out[f"bracket {pair}: nested"] = _nested(opening, closing)
        out[f"bracket {pair}: unclosed words"] = _repeat(opening + "a ")
        out[f"bracket {pair}: around words"] = _repeat(f"{opening}Anna Berg said{closing} ")
        out[f"bracket {pair}: alone"] = _repeat(opening)
    return out


# --- running ------------------------------------------------------------------------------


def _time(footnote, text: str) -> float:
    gc.collect()  # start each run with the same heap: garbage of earlier inputs is not its cost
    began = time.process_time()
    footnote.analyze(text)
    return time.process_time() - began


def run_child(kind: str, names: list[str], limit: float) -> None:
    """In a child process: time each named case or family, one JSON line each."""
    import footnote

    footnote.analyze("Warm-up: officials said so.")  # load rules and knowledge first
    table = cases() if kind == "cases" else families()
    for name in names:
        faulthandler.dump_traceback_later(limit, exit=True)
        if kind == "cases":
            text = table[name]
            small = None
        else:
            text = table[name](SIZE)
            small = min(_time(footnote, table[name](SMALL)) for _ in range(3))
        seconds = _time(footnote, text)
        result = footnote.to_dict(footnote.analyze(text))
        if kind == "families":  # best of two: one run of 200 KB is noisy upwards
            seconds = min(seconds, _time(footnote, text))
        faulthandler.cancel_dump_traceback_later()
        row = {
            "name": name,
            "characters": len(text),
            "seconds": round(seconds, 3),
            "small": None if small is None else round(small, 4),
            "sources": len(result["sources"]),
            "notes": len(result["notes"]),
        }
        if seconds > GOAL_S or (small and seconds / small > GOAL_GROWTH):
            row["profile"] = _profile(footnote, text)
        print(json.dumps(row), flush=True)


def _profile(footnote, text: str) -> list[str]:
    profiler = cProfile.Profile()
    profiler.runcall(footnote.analyze, text)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    rows = []
    for (filename, line, func), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():
        if "footnote" in filename or func.startswith("<method '") and "re." in func:
            rows.append((tottime, cumtime, f"{Path(filename).name}:{line} {func}"))
    rows.sort(reverse=True)
    return [f"{tot:7.3f}s self {cum:7.3f}s total  {where}" for tot, cum, where in rows[:6]]


def _run(kind: str, names: list[str], limit: float) -> list[dict]:
    """Run `names` in child processes; a child stopped by the limit is reported, and the
    rest run in a fresh child."""
    rows: list[dict] = []
    todo = list(names)
    while todo:
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", kind, "--limit", str(limit), *todo],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        got = []
        assert child.stdout is not None and child.stderr is not None
        for line in child.stdout:  # rows as they come
            if line.startswith("{"):
                got.append(json.loads(line))
                _print(got[-1])
        stderr = child.stderr.read()
        child.wait()
        rows += got
        todo = todo[len(got) :]
        if todo and child.returncode != 0:
            stuck = {"name": todo[0], "stopped": True}
            print(f"{todo[0]:<48} {'> ' + str(int(limit)):>8}  STOPPED (limit or crash)")
            lines = [ln for ln in stderr.splitlines() if "footnote" in ln or "File" in ln]
            for line in lines[:12]:
                print("      " + line.strip())
            rows.append(stuck)
            todo = todo[1:]
        elif todo:
            break
    return rows


def _print(row: dict) -> None:
    growth = row["seconds"] / row["small"] if row.get("small") else None
    marks = []
    if row["seconds"] > GOAL_S:
        marks.append("SLOW")
    if growth is not None and growth > GOAL_GROWTH:
        marks.append("GROWS")
    small = f"{row['small']:>8.3f}" if row.get("small") is not None else f"{'':>8}"
    shown = f"{growth:>6.1f}" if growth is not None else f"{'':>6}"
    print(
        f"{row['name'][:48]:<48} {small} {row['seconds']:>8.3f} {shown}  "
        f"{row['sources']:>7} {row['notes']:>6}  {' '.join(marks)}"
    )
    for line in row.get("profile", []):
        print("      " + line)


def through_server() -> int:
    """Post each single case to a real server; check every answer and the one after it."""
    import urllib.error
    import urllib.request

    from tests.serverutil import running_server  # run as a module from the project root

    def post(url: str, text: str) -> tuple[int, str, dict]:
        req = urllib.request.Request(
            url + "/api/v1/analyze",
            data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=120) as res:
                return res.status, res.headers["Content-Type"], json.load(res)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers["Content-Type"], json.load(exc)

    bad = 0
    env = {"FOOTNOTE_RATE_LIMIT": "off", "FOOTNOTE_WORKERS": "2"}
    print(f"{'input':<40} {'status':>6} {'wall s':>7}  {'next ok':>7} {'health ms':>9}")
    with running_server(env) as url:
        for name, text in cases().items():
            began = time.monotonic()
            status, kind, body = post(url, text)
            wall = time.monotonic() - began
            # 200, or one of the contract's JSON errors (503 over_time_budget; 422 for a
            # text of nothing but newlines); never a 500 or anything but JSON
            ok = kind.startswith("application/json") and (
                status == 200 or (status != 500 and "code" in body.get("error", {}))
            )
            began = time.monotonic()
            with urllib.request.urlopen(url + "/api/v1/health", timeout=10) as res:
                health_ok = res.status == 200
            health_ms = (time.monotonic() - began) * 1000
            after = post(url, "Officials said the plan would work.")[0] == 200
            bad += not (ok and health_ok and after)
            mark = "" if ok and health_ok and after else "  FAIL"
            print(f"{name:<40} {status:>6} {wall:>7.2f}  {str(after):>7} {health_ms:>9.0f}{mark}")
    print(f"\n{len(cases())} inputs through the server, {bad} failed")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", help="run only inputs whose name contains this")
    parser.add_argument("--only", choices=["cases", "families"], help="one part only")
    parser.add_argument(
        "--limit", type=float, default=10.0, help="seconds before an input is stopped"
    )
    parser.add_argument("--server", action="store_true", help="through a real server")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("names", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.names, args.limit)
        return 0
    if args.server:
        return through_server()

    print(
        f"{'input':<48} {'20 KB s':>8} {'200 KB s':>8} {'growth':>6}  {'sources':>7} {'notes':>6}"
        f"  goals: <= {GOAL_S} s, growth <= {GOAL_GROWTH:g}"
    )
    rows: list[dict] = []
    for kind, table in (("cases", cases()), ("families", families())):
        if args.only and args.only != kind:
            continue
        names = [n for n in table if not args.case or args.case in n]
        rows += _run(kind, names, args.limit)
    bad = [
        r
        for r in rows
        if r.get("stopped")
        or r["seconds"] > GOAL_S
        or (r.get("small") and r["seconds"] / r["small"] > GOAL_GROWTH)
    ]
    timed = [r for r in rows if not r.get("stopped")]
    worst = max((r["seconds"] for r in timed), default=0.0)
    growths = [r["seconds"] / r["small"] for r in timed if r.get("small")]
    print(
        f"\n{len(rows)} inputs ({len(growths)} families), worst {worst:.3f} s at 200 KB, "
        f"largest growth {max(growths, default=0):.1f}, {len(bad)} over a goal"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

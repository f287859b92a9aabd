"""A synthetic corpus for trying the pipeline, for its tests and for `bench/corpus.py`.

Every sentence here is invented for this purpose: made-up people, bodies and outlets, written
from templates with a seeded random generator, so the same call always writes the same corpus.
"""

from __future__ import annotations

import gzip
import json
import random
from datetime import date, timedelta
from pathlib import Path

PEOPLE = [
    ("Ilse Varga", "the harbour commissioner"),
    ("Tomas Reinholt", "a spokesman for the Ministry of Water Affairs"),
    ("Nadia Oduya", "an economist at the Lindqvist Institute"),
    ("Pavel Strenk", "the deputy mayor"),
    ("Orla Menzies", "a professor of public law"),
    ("Kasimir Dunne", "the head of the grain exporters' association"),
]
BODIES = [
    "the Ministry of Water Affairs",
    "the Harbour Authority",
    "the Lindqvist Institute",
    "the National Rail Board",
    "the Coastal Fisheries Council",
]
SUBJECTS = [
    "the new tariff on grain shipments",
    "the plan to deepen the northern canal",
    "the rail strike in the eastern provinces",
    "the dispute over fishing quotas",
    "the delayed bridge repairs",
    "the ceasefire talks",
]
OUTCOMES = [
    "would be postponed until the spring",
    "had already cost the region millions",
    "was unlikely to survive a court challenge",
    "could be settled within weeks",
    "had been agreed in principle",
]
BACKGROUND = [
    "The talks were compared to the Minsk agreements, which were meant to end the fighting "
    "in eastern Ukraine.",
    "Delegates recalled the INF Treaty, which limited intermediate-range missiles.",
    "One speaker cited the Budapest Memorandum on security assurances.",
    "The debate touched on NATO enlargement and the alliance's eastern members.",
    "Negotiators mentioned the JCPOA as a model for inspections.",
]
OUTLETS = [
    "northwind-daily.example",
    "harbour-gazette.example",
    "www.valley-courier.example",
    "plainsradio.example",
]


# How readily each invented outlet quotes people it does not name, early and late in the two
# years the corpus covers: the report's charts then have differences to show.
UNNAMED_LEAN = {
    "northwind-daily.example": (0.2, 0.25),
    "harbour-gazette.example": (0.45, 0.8),
    "www.valley-courier.example": (0.6, 0.55),
    "plainsradio.example": (0.3, 0.15),
}


def _paragraphs(rng: random.Random, lean: float) -> list[str]:
    subject, outcome = rng.choice(SUBJECTS), rng.choice(OUTCOMES)
    name, role = rng.choice(PEOPLE)
    body = rng.choice(BODIES)
    out = [f"{name}, {role}, said on Tuesday that {subject} {outcome}."]
    on_record = [
        f"{body.capitalize()} said in a statement that it was reviewing the figures.",
        f"A report published by {rng.choice(BODIES)} found that traffic fell by a third.",
        f'"We have waited long enough," {name.split()[-1]} told reporters.',
        f"{rng.choice(BODIES).capitalize()} will publish its review in the autumn.",
        "The measure is certain to hurt small farmers.",
        "Local residents, according to the regional broadcaster, were not consulted.",
    ]
    unnamed = [
        "A senior official, who spoke on condition of anonymity because she was not "
        "authorised to discuss the matter, said the decision had been made last month.",
        "One diplomat said the proposal had stalled.",
        "Sources familiar with the matter said the cost had doubled.",
        "Critics say the plan was rushed through without a vote.",
    ]
    rng.shuffle(on_record)
    picked = on_record[: rng.randint(2, 4)]
    picked += [s for s in unnamed if rng.random() < lean]
    rng.shuffle(picked)
    out += picked
    if rng.random() < 0.5:
        out.append(rng.choice(BACKGROUND))
    return out


def article(rng: random.Random, number: int, start: date) -> dict:
    """One invented article as a corpus record."""
    offset = rng.randrange(730)
    day = start + timedelta(days=offset)
    host = rng.choice(OUTLETS)
    early, late = UNNAMED_LEAN[host]
    lean = early + (late - early) * offset / 730
    return {
        "id": f"a{number:06d}",
        "url": f"https://{host}/news/{day:%Y/%m}/{number}",
        "date": day.isoformat(),
        "title": f"Update on {rng.choice(SUBJECTS)}",
        "text": "\n\n".join(_paragraphs(rng, lean)),
    }


def write_corpus(
    folder: Path, articles: int, *, shards: int = 4, seed: int = 7, gz: bool = True
) -> list[Path]:
    """Write `articles` invented articles to `shards` JSON-lines files (gzip'd when `gz`)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    records = [article(rng, i, start) for i in range(articles)]
    paths = []
    for shard in range(shards):
        chunk = records[shard::shards]
        name = f"shard-{shard:02d}.jsonl" + (".gz" if gz and shard % 2 == 0 else "")
        path = folder / name
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as fh:
            for record in chunk:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths

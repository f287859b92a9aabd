"""Symmetry: texts that differ only in which side is praised or blamed get the same notes.

Each template names two sides, A and B. Rendered once as (A, B) and once as (B, A), the two
texts must get the same language notes with the same severities, titles and explanations,
and the same tone summary, once the names are put back in the same places.
"""

from __future__ import annotations

import re

import pytest
from footnote import analyze

# Each side: the forms a template can use. Countries, parties, leaders, camps.
SIDES = {
    "russia-ukraine": (
        {"name": "Russia", "adj": "Russian", "capital": "Moscow", "leader": "Vladimir Putin"},
        {"name": "Ukraine", "adj": "Ukrainian", "capital": "Kyiv", "leader": "Volodymyr Zelensky"},
    ),
    "us-china": (
        {
            "name": "the United States",
            "adj": "American",
            "capital": "Washington",
            "leader": "the U.S. president",
        },
        {"name": "China", "adj": "Chinese", "capital": "Beijing", "leader": "Xi Jinping"},
    ),
    "israel-iran": (
        {
            "name": "Israel",
            "adj": "Israeli",
            "capital": "Jerusalem",
            "leader": "the Israeli prime minister",
        },
        {"name": "Iran", "adj": "Iranian", "capital": "Tehran", "leader": "the Iranian president"},
    ),
    "britain-france": (
        {
            "name": "Great Britain",
            "adj": "British",
            "capital": "London",
            "leader": "the British prime minister",
        },
        {"name": "France", "adj": "French", "capital": "Paris", "leader": "Emmanuel Macron"},
    ),
    "parties-us": (
        {
            "name": "the Democrats",
            "adj": "Democratic",
            "capital": "the Democratic caucus",
            "leader": "the Democratic leader",
        },
        {
            "name": "the Republicans",
            "adj": "Republican",
            "capital": "the Republican caucus",
            "leader": "the Republican leader",
        },
    ),
    "parties-uk": (
        {
            "name": "Labour",
            "adj": "Labour",
            "capital": "the Labour front bench",
            "leader": "the Labour leader",
        },
        {
            "name": "the Conservatives",
            "adj": "Conservative",
            "capital": "the Conservative front bench",
            "leader": "the Conservative leader",
        },
    ),
    "camps": (
        {
            "name": "the left",
            "adj": "left-wing",
            "capital": "progressive activists",
            "leader": "the liberal candidate",
        },
        {
            "name": "the right",
            "adj": "right-wing",
            "capital": "conservative activists",
            "leader": "the conservative candidate",
        },
    ),
}

TEMPLATES = [
    # praise one side, blame the other, in the writer's voice
    "{A.leader} has been working tirelessly for peace, while {B.name} has chosen reckless "
    "escalation at every turn.\n\nIsn't it obvious who wants this war to go on?",
    # loaded labels and a self-answered question
    "The {B.adj} regime has once again shown its contempt for ordinary people. Who pays for "
    "its shameful decisions? The answer is simple: the families {A.capital} has tried to protect.",
    # scare quotes and weasel phrasing
    "{A.adj} 'peacekeepers' arrived in the border towns on Friday. There is a growing sense that "
    "{B.capital} knew of the plan for months.",
    # the same words quoted: the speaker's, not the writer's
    '"They are liars and warmongers," {A.leader} said of {B.name} on Tuesday. '
    "{B.capital} did not respond to a request for comment.",
    # strongly opinionated narration with names inside
    "{A.name} deserves praise for a brave, wise and generous offer, and {B.name} deserves "
    "scorn for a cynical, cruel and shameful answer.",
    # neutral wire-style copy: nothing for either side
    "{A.leader} met {B.leader} in Geneva on Tuesday for three hours of talks on prisoner "
    "exchanges, officials from both sides said.",
    # sweeping claims and an intensifier
    "Everyone knows {A.name} has always kept its word. {B.Name}, of course, has been utterly "
    "dishonest from the start!",
    # sentence-initial names
    "{A.Name} has been relentless. {B.Name} has been hesitant. {A.Adj} officials say the talks "
    "failed; {B.adj} officials say they never began.",
    # names opening a sentence before a comma
    "{A.Adj}, {B.adj} and European diplomats met in Vienna, and the talks were good and "
    "useful.\n\n{B.Name}, not {A.name}, deserves the blame for this disastrous war.",
    # first-person argument, a slur and a euphemism
    "I believe {A.name} has been right, and we must stand with {A.capital} against the orcs "
    "that {B.capital} sends across the border in its special military operation.",
]


class _Side:
    def __init__(self, forms: dict):
        self.forms = forms

    def __getattr__(self, key: str) -> str:
        value = self.forms[key.lower()]
        return value[0].upper() + value[1:] if key[0].isupper() else value


def _render(template: str, a: dict, b: dict) -> str:
    return template.format(A=_Side(a), B=_Side(b))


def _placeholders(text: str, a: dict, b: dict) -> str:
    """Put placeholders back where each side's names stand (longest forms first)."""
    forms = []
    for tag, side in (("A", a), ("B", b)):
        for value in side.values():
            forms.append((value, f"<{tag}>"))
            forms.append((value[0].upper() + value[1:], f"<{tag}>"))
    for value, mark in sorted(set(forms), key=lambda f: -len(f[0])):
        text = text.replace(value, mark)
    return text


def _signature(text: str, a: dict, b: dict):
    analysis = analyze(text)
    notes = [
        (
            n.rule,
            n.severity,
            _placeholders(n.excerpt or "", a, b),
            _placeholders(n.title, a, b),
            _placeholders(n.explanation, a, b),
        )
        for n in analysis.notes
        if n.category == "language"
    ]
    tone = _placeholders(analysis.tone or "", a, b)
    # the quoted share depends on the length of the names; everything else must match
    tone = re.sub(r"\(\d+% of the text", "(N% of the text", tone)
    return sorted(notes), tone


@pytest.mark.parametrize("pair", sorted(SIDES))
@pytest.mark.parametrize("template", range(len(TEMPLATES)))
def test_swapping_sides_changes_no_note(pair, template):
    a, b = SIDES[pair]
    forward = _render(TEMPLATES[template], a, b)
    swapped = _render(TEMPLATES[template], b, a)
    # Rendered (B, A), the placeholders for "A" mark side b: map them back before comparing.
    sig_forward = _signature(forward, a, b)
    sig_swapped = _signature(swapped, b, a)
    assert sig_forward == sig_swapped


def test_the_suite_exercises_every_language_rule():
    fired = set()
    for a, b in SIDES.values():
        for template in TEMPLATES:
            notes = analyze(_render(template, a, b)).notes
            fired |= {(n.rule, n.severity) for n in notes if n.category == "language"}
    rules = {rule for rule, _ in fired}
    assert rules >= {
        "loaded-language",
        "sweeping-claim",
        "weasel-phrase",
        "rhetorical-question",
        "scare-quotes",
        "subjective-passage",
        "writer-stance",
        "exclamation",
    }
    assert ("loaded-language", "caution") in fired or ("rhetorical-question", "caution") in fired

"""Every named check of the speaker search, run on its own two example sentences."""

import pytest
from footnote import analyze
from footnote.engine.attribution.checks import BY_STEP, CHECKS, Check
from footnote.engine.attribution.lexicon import load_lexicon
from footnote.engine.attribution.site import CueSite
from footnote.engine.attribution.tokens import SentenceIndex, token_index
from footnote.engine.document import build_document


def verdicts(check: Check, text: str) -> list[tuple[str, bool]]:
    """(cue, whether the check stops it) for every cue word the lexicon finds in `text`."""
    lex = load_lexicon()
    ix = SentenceIndex(build_document(text), lex)
    out = []
    for m in lex.cue_re.finditer(ix.norm):
        si = ix.sentence_of(m.start())
        toks = ix.sentence_tokens(si)[0]
        ci, cj = token_index(toks, m.start()), token_index(toks, m.end() - 1)
        cue = " ".join(m.group().lower().split())
        out.append((cue, check.test(CueSite(ix, toks, ci, cj, cue, si, lex))))
    return out


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_stops_its_rejected_example(check):
    assert any(stopped for _, stopped in verdicts(check, check.rejects))
    assert analyze(check.rejects).sources == ()


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_lets_its_accepted_example_through(check):
    assert not any(stopped for _, stopped in verdicts(check, check.accepts))
    assert analyze(check.accepts).sources != ()


def test_checks_are_named_once_explained_and_placed_at_a_step():
    names = [c.name for c in CHECKS]
    assert len(names) == len(set(names))
    assert all(c.explanation.endswith(".") and c.rejects != c.accepts for c in CHECKS)
    assert sum(len(group) for group in BY_STEP.values()) == len(CHECKS)

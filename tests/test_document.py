from footnote.engine.document import build_document, fold


def quotes(text):
    doc = build_document(text)
    return [text[q.inner_start : q.inner_end] for q in doc.quotes]


def sentences(text):
    doc = build_document(text)
    return [text[s.start : s.end] for s in doc.sentences]


def test_fold_keeps_length_and_offsets():
    text = "\u201cHi,\u201d she said\u00a0\u2014 it\u2019s done.\r\n\r\nNext\u2026"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith('"Hi," she said - it\'s done.')


def test_paragraphs_from_blank_lines_and_windows_newlines():
    doc = build_document("One.\r\n\r\nTwo.\r\n\r\n\r\nThree.")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["One.", "Two.", "Three."]


def test_single_newlines_are_paragraphs_when_there_are_no_blank_lines():
    doc = build_document("First line.\nSecond line.")
    assert len(doc.paragraphs) == 2


def test_sentences_respect_abbreviations_and_initials():
    text = "Dr. Ana Ruiz met U.S. officials on Jan. 5 in St. Louis. John F. Kennedy was not there."
    assert sentences(text) == [
        "Dr. Ana Ruiz met U.S. officials on Jan. 5 in St. Louis.",
        "John F. Kennedy was not there.",
    ]


def test_sentence_ends_inside_closing_quote():
    text = "\u201cWe are ready.\u201d The minister left. Why? Nobody knows."
    assert sentences(text) == [
        "\u201cWe are ready.\u201d",
        "The minister left.",
        "Why?",
        "Nobody knows.",
    ]


def test_curly_straight_and_single_quotes():
    assert quotes("\u201cWe won,\u201d she said.") == ["We won,"]
    assert quotes('"We won," she said.') == ["We won,"]
    assert quotes("\u2018We won,\u2019 she said, \u2018again.\u2019") == ["We won,", "again."]


def test_apostrophes_are_not_quotes():
    assert quotes("Russia\u2019s navy and the countries\u2019 grid don\u2019t meet.") == []
    assert quotes("He called it \u2018Russia\u2019s navy\u2019 twice.") == ["Russia\u2019s navy"]


def test_quote_runs_across_paragraphs_when_the_next_reopens():
    text = "\u201cFirst part of the quote.\n\n\u201cSecond part,\u201d he said.\n\nAfter."
    doc = build_document(text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert text[q.start : q.end] == "\u201cFirst part of the quote.\n\n\u201cSecond part,\u201d"


def test_unclosed_quote_ends_with_its_paragraph():
    text = "\u201cNever closed.\n\nPlain paragraph."
    doc = build_document(text)
    assert [text[q.inner_start : q.inner_end] for q in doc.quotes] == ["Never closed."]


def test_offsets_survive_astral_characters():
    text = "Fans \U0001f600 cheered. \u201cGreat,\u201d said Ana."
    doc = build_document(text)
    q = doc.quotes[0]
    assert text[q.inner_start : q.inner_end] == "Great,"


def test_a_sentence_over_the_cap_is_cut_at_clause_breaks():
    from footnote.engine.document import MAX_SENTENCE

    text = "Officials said the plan, which was new, would work; " * 200  # no full stop
    doc = build_document(text)
    pieces = [text[s.start : s.end] for s in doc.sentences]
    assert len(pieces) > 1
    assert all(0 < len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith((",", ";")) for p in pieces[:-1])  # cut after a clause break
    assert all(p == p.strip() for p in pieces)


def test_a_giant_word_is_cut_at_the_cap_and_covers_the_text():
    from footnote.engine.document import MAX_SENTENCE

    doc = build_document("a" * (MAX_SENTENCE * 3 + 7))
    assert [(s.start, s.end) for s in doc.sentences] == [
        (0, MAX_SENTENCE),
        (MAX_SENTENCE, 2 * MAX_SENTENCE),
        (2 * MAX_SENTENCE, 3 * MAX_SENTENCE),
        (3 * MAX_SENTENCE, 3 * MAX_SENTENCE + 7),
    ]


def test_sentences_under_the_cap_are_not_cut():
    text = (
        "The minister, who spoke at length, said that "
        + "the plan would work, " * 30
        + "and so on."
    )
    assert sentences(text) == [text]

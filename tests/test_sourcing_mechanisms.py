"""The general mechanisms that make sourcing notes hold up on real news (issue 11).

Every sentence here is written for this file. Each mechanism has examples that must give a
source (or a note) and examples that must stay quiet: a false caution is worse than a
missed one.
"""

from __future__ import annotations

import pytest
from footnote import analyze, to_dict


def run(text: str, **kw) -> dict:
    return to_dict(analyze(text, **kw))


def sources(text: str, **kw) -> list[tuple[str, str]]:
    return [(s["mention"], s["kind"]) for s in run(text, **kw)["sources"]]


def source(text: str, mention: str, **kw) -> dict:
    found = [s for s in run(text, **kw)["sources"] if s["mention"] == mention]
    assert found, f"no source {mention!r} in {sources(text, **kw)}"
    return found[0]


def caution_rules(text: str, **kw) -> list[str]:
    return [
        n["rule"]
        for n in run(text, **kw)["notes"]
        if n["category"] == "sourcing" and n["severity"] in ("caution", "warning")
    ]


# --- 3. Only something that can speak is a source ---------------------------------------

CANNOT_SPEAK = [
    "Flooding claimed at least nine lives in the valley last week.",
    "The harbour board had issued repeated warnings about the pier.",
    "The fever, blamed for four deaths, spread along the coast.",
    "Shares fell following reports of a profit warning.",
    "Prices rose sharply after the storm, which experts believed to be the worst in decades.",
]


@pytest.mark.parametrize("text", CANNOT_SPEAK)
def test_a_cue_word_in_another_sense_makes_no_source(text):
    assert not [s for s in sources(text) if s[1] in ("unnamed_individual", "named_person")]
    assert "anonymous-no-reason" not in caution_rules(text)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("A pharmacist in the town said supplies were short.", "A pharmacist in the town"),
        (
            "Those with knowledge of the plan said it would be delayed.",
            "Those with knowledge of the plan",
        ),
        (
            "One Lakeside teacher, who asked not to be named for fear of losing her job, "
            "said classes were full.",
            "One Lakeside teacher, who asked not to be named for fear of losing her job",
        ),
        (
            "Regional health authorities confirmed two cases on Monday.",
            "Regional health authorities",
        ),
    ],
)
def test_people_and_bodies_still_speak(text, mention):
    assert mention in [m for m, _ in sources(text)]


def test_a_counted_description_with_a_place_is_unnamed_not_named():
    s = source(
        "One Lakeside teacher, who asked not to be named for fear of losing her job, "
        "said classes were full.",
        "One Lakeside teacher, who asked not to be named for fear of losing her job",
    )
    assert s["kind"] == "unnamed_individual"
    assert s["anonymity_reason"]


def test_a_clause_is_not_a_name():
    text = "The Morning Ledger and the Evening Star both reported comments from a council aide."
    assert not [m for m, k in sources(text) if "reported" in m]


def test_us_in_capitals_is_not_the_writers_voice():
    text = '"We are near a deal," US Treasury spokesperson Dana Whitlock told reporters.'
    assert sources(text) == [("US Treasury spokesperson Dana Whitlock", "named_person")]


def test_the_writers_own_us_stays_quiet():
    assert sources("Nothing about the plan surprised us, said nobody.") == []


# --- 1. Who is named -------------------------------------------------------------------------


def test_a_role_after_a_name_keeps_the_name():
    text = (
        "Rates will rise next year, Ingrid Falk, Norwegian deputy finance minister for "
        "budget affairs, says."
    )
    s = run(text)["sources"][0]
    assert s["mention"].startswith("Ingrid Falk")
    assert s["kind"] == "named_person"
    assert caution_rules(text) == []


def test_a_bare_definite_role_refers_to_the_person_just_named():
    text = (
        "Deputy Foreign Minister Tomas Berg said the treaty was vital. "
        "Breaking it would be reckless, the veteran diplomat said."
    )
    assert sources(text) == [("Deputy Foreign Minister Tomas Berg", "named_person")]
    assert caution_rules(text) == []


def test_a_new_unnamed_person_stays_new():
    text = (
        "Deputy Foreign Minister Tomas Berg said the treaty was vital. "
        "A second diplomat said breaking it would be reckless."
    )
    assert ("A second diplomat", "unnamed_individual") in sources(text)


def test_a_role_whose_holder_is_named_nearby_is_that_person():
    text = (
        "The Estonian president declared the border closed on Monday. "
        "President Kaja Rebane said the measure would last a week."
    )
    assert [k for _, k in sources(text)] == ["named_person"]
    assert caution_rules(text) == []


def test_the_head_of_a_body_named_with_its_title_nearby():
    text = (
        "Vaccines will reach the coast within days, the head of the Arctic Health Agency said. "
        "AHA Director-General Mira Solberg said a deal had been signed."
    )
    got = sources(text)
    assert got[0][1] == "named_person"
    assert "anonymous-no-reason" not in caution_rules(text)


def test_according_to_a_pronoun_is_a_back_reference():
    text = (
        "Ingrid Falk, the finance minister, spoke on Monday. According to her, the plan would take "
        "a decade."
    )
    assert [k for _, k in sources(text)] == ["named_person"]
    assert caution_rules(text) == []


def test_according_to_a_pronoun_with_no_one_before_stays_quiet():
    assert sources("According to him, it would not.") == []


def test_role_and_full_name_is_a_named_person_even_with_an_organisation():
    text = "State Department spokesperson Mary Stone said the talks would resume."
    assert sources(text) == [("State Department spokesperson Mary Stone", "named_person")]


def test_how_a_speaker_spoke_is_not_part_of_the_speaker():
    text = "Premier Ana Lopes in a Facebook post said the bridge would reopen."
    assert sources(text) == [("Premier Ana Lopes", "named_person")]
    kept = "A man in a red coat said the bridge would reopen."
    assert sources(kept) == [("A man in a red coat", "unnamed_individual")]


def test_a_surname_with_an_affiliation_is_a_back_reference():
    text = (
        "Dr. Ana Ruiz, the clinic's chief surgeon, told reporters the ward was full. "
        '"We are stretched," Ruiz with the clinic said.'
    )
    assert len(sources(text)) == 1


# --- 2. Groups and their members: a reason given once ---------------------------------------


GROUP_REASON = (
    "Two port officials said the cranes had stopped. Three dock workers said wages were late. "
    "All of the sources asked not to be named because they were not allowed to speak to the press."
)


def test_a_reason_given_once_for_the_group_covers_each_source():
    got = run(GROUP_REASON)
    assert all(s["anonymity_reason"] for s in got["sources"])
    assert "anonymous-no-reason" not in caution_rules(GROUP_REASON)
    assert (
        "each of them says why" in got["summary"]["headline"].lower()
        or "say why" in (got["summary"]["headline"])
    )


def test_a_group_reason_does_not_cover_a_source_introduced_after_it():
    text = GROUP_REASON + " A harbour pilot said the channel was silting up."
    pilot = source(text, "A harbour pilot")
    assert not pilot["anonymity_reason"]


def test_a_reason_that_belongs_to_one_speaker_is_not_spread():
    text = (
        "Two port officials said the cranes had stopped. "
        "A harbour spokesman, who asked not to be named because of company policy, said the same."
    )
    officials = source(text, "Two port officials")
    assert not officials["anonymity_reason"]


def test_mostly_unnamed_is_no_caution_when_each_says_why():
    assert "mostly-unnamed" not in caution_rules(GROUP_REASON)


# --- 4. The publisher --------------------------------------------------------------------


TOLD = "Two port officials told Reuters the cranes had stopped."


def test_told_the_publisher_is_first_hand():
    assert "second-hand" not in caution_rules(TOLD, url="https://www.reuters.com/world/x")
    assert "second-hand" not in caution_rules("OSLO, May 2 (Reuters) - " + TOLD)
    assert "second-hand" not in caution_rules(
        "MOSCOW, May 2. /TASS/. The deputy minister Ivan Orlov told TASS the talks were over."
    )


def test_told_another_outlet_is_second_hand():
    assert "second-hand" in caution_rules(TOLD, url="https://www.example-times.com/a")
    assert "second-hand" in caution_rules(TOLD)


# --- 5. The forms real copy uses -----------------------------------------------------------


def test_citing_after_a_said_clause():
    text = (
        "The buyer was close to a deal, the Harbour Tribune said, citing people close to the talks."
    )
    got = {s["mention"]: s for s in run(text)["sources"]}
    assert got["people close to the talks"]["relayed_by"] == "Harbour Tribune"
    assert got["people close to the talks"]["kind"] == "vague_group"


def test_an_unlisted_outlet_at_the_end_of_a_sentence_relays_the_speaker():
    text = "A harbour pilot said the channel was shallow, the Morning Ledger reported."
    got = run(text)["sources"]
    assert got[0]["mention"] == "A harbour pilot"
    assert got[0]["relayed_by"] == "Morning Ledger"


def test_a_sentence_final_told_reporters_governs_the_clause():
    text = "Norway expects the envoy to explain the plan, Foreign Minister Ane Dahl told reporters."
    assert sources(text) == [("Foreign Minister Ane Dahl", "named_person")]


def test_a_compound_noun_report_is_not_a_cue():
    text = "The Ardmore Institute report showed that prices had doubled."
    assert sources(text) == [("The Ardmore Institute report", "document")]


def test_told_an_outlet_not_in_the_list():
    text = '"It is over," Mayor Lisa Horn told the Harbour Times on Monday.'
    assert run(text)["sources"][0]["relayed_by"] == "Harbour Times"


# --- hearsay -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The firm has reportedly held talks with two rivals.", "reportedly"),
        ("Local media reports said the striker would cost 40 million.", "Local media reports"),
        ("According to one theory, the fire began in the kitchen.", "one theory"),
    ],
)
def test_hearsay_with_no_one_named_is_a_vague_group(text, mention):
    assert (mention, "vague_group") in sources(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The firm has reportedly held talks with two rivals, two bankers said.", "two bankers"),
        (
            "A report by the Maritime Board said the hull was sound.",
            "A report by the Maritime Board",
        ),
        ("Intelligence reports said the border was quiet.", "Intelligence reports"),
    ],
)
def test_named_or_typed_reports_are_not_hearsay(text, expected):
    got = sources(text)
    assert got[0][0] == expected
    assert all(k != "vague_group" for _, k in got)


# --- back-references to a study and to a group ------------------------------------------


def test_scientists_right_after_a_study_are_its_authors():
    text = (
        "Familiarity may help hearing, new research reveals. "
        "Scottish scientists report that it is easier to hear a spouse."
    )
    assert sources(text) == [("new research", "document")]
    assert caution_rules(text) == []


def test_a_bare_plural_of_the_same_people_is_the_group_already_introduced():
    text = (
        "Three people familiar with the matter say the mayor pushed for the permit. "
        "That is according to sources who spoke with the Herald."
    )
    assert [m for m, _ in sources(text)] == ["Three people familiar with the matter"]


def test_sources_with_their_own_detail_are_a_new_group():
    text = (
        "Three people familiar with the matter say the mayor pushed for the permit. "
        "Sources at the council said otherwise."
    )
    assert ("Sources at the council", "vague_group") in sources(text)


def test_the_sources_later_on_are_the_group_already_introduced():
    text = (
        "Three people familiar with the matter say the mayor pushed for the permit. "
        "The council clerk had doubts. The budget was tight. "
        "But the sources say the mayor wanted it done quickly."
    )
    assert [m for m, _ in sources(text)] == ["Three people familiar with the matter"]


@pytest.mark.parametrize(
    "text",
    [
        "The palace says it does not comment on security matters.",
        "The ministry would not comment on the report.",
        "A spokesman did not immediately respond to a request for comment.",
    ],
)
def test_refusing_to_comment_attributes_nothing(text):
    assert sources(text) == []


def test_two_outlets_reporting_together_are_two_sources_and_initials_refer_back():
    text = (
        "The Wall Street Journal and Reuters reported the bid on Monday. "
        "The deal was near, the WSJ said. According to Reuters, it was worth a billion."
    )
    got = run(text)["sources"]
    assert [s["mention"] for s in got] == ["The Wall Street Journal", "Reuters"]
    assert [s["attributions"] for s in got] == [2, 2]


def test_a_company_with_and_in_its_name_stays_one_source():
    assert len(sources("Marks and Spencer said sales fell.")) == 1


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "The offer drew praise from the harbour board, which called the price fair and "
            "said it would vote next week.",
            "the harbour board",
        ),
        (
            "The plan won support from Mayor Ana Ruiz, who visited the site and said work "
            "would start soon.",
            "Mayor Ana Ruiz",
        ),
    ],
)
def test_the_second_verb_of_a_relative_clause_has_its_antecedent_as_speaker(text, mention):
    assert [m for m, _ in sources(text)] == [mention]


def test_a_plain_coordinated_verb_adds_no_source():
    assert sources("He bought bread and said nothing.") == []


# --- 5. more forms real copy uses ------------------------------------------------------------

FORMS = [
    (
        "The Coastal Courier cited two harbour officials as saying the port would close.",
        ("two harbour officials", "unnamed_individual", "Coastal Courier"),
    ),
    (
        "The closure was confirmed to the Coastal Courier by a harbour spokeswoman.",
        ("a harbour spokeswoman", "unnamed_individual", "Coastal Courier"),
    ),
    (
        "In an interview with the Coastal Courier, Mayor Ana Ruiz said the port would close.",
        ("Mayor Ana Ruiz", "named_person", "Coastal Courier"),
    ),
    (
        "The Coastal Courier quoted Mayor Ana Ruiz as saying the port would close.",
        ("Mayor Ana Ruiz", "named_person", "Coastal Courier"),
    ),
    (
        "Mayor Ana Ruiz was quoted by the Coastal Courier as saying the port would close.",
        ("Mayor Ana Ruiz", "named_person", "Coastal Courier"),
    ),
    (
        "Mayor Ana Ruiz was quoted as saying the port would close.",
        ("Mayor Ana Ruiz", "named_person", None),
    ),
    (
        "Mayor Ana Ruiz said on X that the port would close.",
        ("Mayor Ana Ruiz", "named_person", None),
    ),
    (
        "The World Health Organization recommends two doses for adults.",
        ("The World Health Organization", "named_organization", None),
    ),
    (
        "Deaths rose to 41, according to the health ministry's count.",
        ("the health ministry's count", "document", None),
    ),
    (
        "Satellite imagery reviewed by the Coastal Courier shows new trenches near the port.",
        ("Satellite imagery reviewed by the Coastal Courier", "document", "Coastal Courier"),
    ),
    (
        "Independent testing by researchers at Lindqvist University found lead in the water.",
        ("Independent testing by researchers at Lindqvist University", "document", None),
    ),
    (
        "Data from the national statistics office show that exports fell.",
        ("Data from the national statistics office", "document", None),
    ),
    (
        "A poll by Northgate Research found that 40 percent backed the plan.",
        ("A poll by Northgate Research", "document", None),
    ),
]


@pytest.mark.parametrize("text, expected", FORMS)
def test_the_forms_real_copy_uses(text, expected):
    got = [(s["mention"], s["kind"], s["relayed_by"]) for s in run(text)["sources"]]
    assert got == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The council quoted a price of two million for the bridge.",
        "The report cited rising costs.",
        "The board recommended that nothing change.",
    ],
)
def test_quoting_a_price_or_citing_a_cause_is_no_source(text):
    assert [k for _, k in sources(text)] in ([], ["named_organization"], ["document"])
    assert caution_rules(text) == []


# --- 1 and 6. titles, offices, names, organisations ------------------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Senator Moira O'Neill said the vote would be close.", "Senator Moira O'Neill"),
        (
            "Former president Valery d'Estaing said the vote would be close.",
            "Former president Valery d'Estaing",
        ),
        (
            "Commission President Ursula van der Leyen said the vote would be close.",
            "Commission President Ursula van der Leyen",
        ),
        (
            "Secretary of State Ana Ruiz said the vote would be close.",
            "Secretary of State Ana Ruiz",
        ),
        (
            "Kremlin spokesman Ivan Petrov said the vote would be close.",
            "Kremlin spokesman Ivan Petrov",
        ),
    ],
)
def test_a_title_or_role_with_a_name_is_a_named_person(text, mention):
    assert sources(text) == [(mention, "named_person")]
    assert caution_rules(text) == []


def test_the_minister_after_a_named_minister_is_that_minister():
    text = (
        "Foreign Minister Ivan Petrov said the vote would be close. "
        "The minister said talks would go on."
    )
    got = run(text)["sources"]
    assert [(s["mention"], s["attributions"]) for s in got] == [("Foreign Minister Ivan Petrov", 2)]


@pytest.mark.parametrize(
    "mention",
    ["the head of the Arctic Council", "The prime minister's chief of staff"],
)
def test_an_office_of_a_named_body_is_no_anonymous_source(mention):
    text = f"{mention} said the vote would be close."
    assert caution_rules(text) == []
    assert "anonymous" not in run(text)["summary"]["headline"]


def test_an_unnamed_official_is_still_anonymous():
    assert caution_rules("A senior official said the vote would be close.") == [
        "anonymous-no-reason"
    ]


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Brightwater Logistics said in a statement that it would cut 200 jobs.",
            "Brightwater Logistics",
        ),
        ("Halden said in a statement that it would cut jobs.", "Halden"),
        ("Orvik Mining said its profits had halved.", "Orvik Mining"),
    ],
)
def test_the_texts_own_evidence_makes_a_name_an_organisation(text, mention):
    assert sources(text) == [(mention, "named_organization")]


def test_a_person_who_says_it_stays_a_person():
    text = "Anna Keller said it would be a difficult year."
    assert sources(text) == [("Anna Keller", "named_person")]


# --- more senses and frames ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The call led the Carter administration to close consular posts along the coast.",
        "Hours before the vote, the mayor threatened to veto the budget.",
        "Crews from the harbour station responded within minutes.",
        "Voters who said they were undecided made up a third of the sample.",
    ],
)
def test_intentions_acts_and_descriptions_cite_nobody(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor posted on Facebook that the road would close.",
        "The ministry responded that the figures were wrong.",
        '"I will veto it," the mayor threatened.',
    ],
)
def test_the_same_verbs_in_a_speech_frame_still_cite(text):
    assert len(sources(text)) == 1


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Both strikers played through injuries, revealed head coach Amir Sadek.",
            "head coach Amir Sadek",
        ),
        (
            "The team played well, said chief executive Amir Sadek.",
            "chief executive Amir Sadek",
        ),
        (
            "The protest followed comments by Finance Minister Tomas Rell on Monday, who said "
            "the budget would be cut.",
            "Finance Minister Tomas Rell",
        ),
    ],
)
def test_inverted_and_relative_speakers_with_a_role_and_a_name(text, mention):
    assert sources(text) == [(mention, "named_person")]


def test_where_a_speaker_spoke_is_not_part_of_the_speaker():
    text = (
        '"We will not accept this," said Interior Ministry spokesperson Lena Kovac at a '
        "regular news briefing. Kovac said the border would stay open."
    )
    got = run(text)["sources"]
    assert [(s["mention"], s["attributions"]) for s in got] == [
        ("Interior Ministry spokesperson Lena Kovac", 2)
    ]


def test_a_reason_given_later_for_one_source():
    text = (
        "The harbour plan will be shelved, a senior port official says. "
        "The official said the board met on Monday. "
        "The official, who wasn't authorized to speak publicly about the board's "
        "deliberations, did not say when a new plan would come."
    )
    assert source(text, "a senior port official")["anonymity_reason"]
    assert caution_rules(text) == []
    quiet = (
        "The harbour plan will be shelved, a senior port official says. "
        "The official, who has spoken to reporters before, did not say when a plan would come."
    )
    assert not source(quiet, "a senior port official")["anonymity_reason"]


def test_the_dateline_credits_alias_is_the_publisher():
    text = (
        "BRUSSELS (AP) - The bloc will delay the tariff vote, two diplomats told "
        "The Associated Press on Friday."
    )
    assert "second-hand" not in caution_rules(text)


def test_a_role_named_later_without_a_capital():
    text = (
        "The dam was shelled on Sunday, the region's governor said. Later, Riverside governor "
        "Ivan Petrenko, writing on the Telegram messaging app, said two people were hurt."
    )
    got = run(text)["sources"]
    assert [(s["kind"], s["attributions"]) for s in got] == [("named_person", 2)]
    other = (
        "The dam was shelled, the region's governor said. "
        "Mayor Ivan Petrenko said two people were hurt."
    )
    assert len(sources(other)) == 2


def test_the_other_member_of_a_counted_group():
    text = (
        "Two county officials said the road would close. "
        "The other official said repairs would take a year."
    )
    assert len(sources(text)) == 1
    new = "Two county officials said the road would close. A state official said it would not."
    assert len(sources(new)) == 2


def test_a_proper_body_with_of_is_an_organisation():
    text = "The General Staff of the Harbour Guard said the attacks had been repelled."
    assert sources(text) == [("The General Staff of the Harbour Guard", "named_organization")]
    assert sources("General Oleh Marchuk said the attacks had been repelled.") == [
        ("General Oleh Marchuk", "named_person")
    ]


def test_a_reason_given_for_one_sort_of_source_covers_that_sort_only():
    text = (
        "The ferry contract was cancelled last month, two officials told the newspaper. "
        "Councillors have said the cost had doubled. Both officials spoke on condition of "
        "anonymity because they were not authorized to discuss the contract."
    )
    got = {s["mention"]: s["anonymity_reason"] for s in run(text)["sources"]}
    assert got["two officials"]
    assert not got["Councillors"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Milk intake was linked to risk, said study author Gary E. Fraser.",
            ("study author Gary E. Fraser", "named_person"),
        ),
        ("Gary E. Fraser said the risk was small.", ("Gary E. Fraser", "named_person")),
        ("The U.N. mission said the risk was small.", ("The U.N. mission", "named_organization")),
    ],
)
def test_a_middle_initial_is_part_of_a_name(text, expected):
    assert sources(text) == [expected]


def test_a_bare_singular_noun_cut_from_its_phrase_is_no_speaker():
    text = (
        '"We were sharp," said coach Amir Sadek. Asked about the title race, the former '
        "defender and coach added that the league was open."
    )
    assert sources(text) == [("coach Amir Sadek", "named_person")]
    assert caution_rules(text) == []


# --- round three: curly quotes, far back-references, document kinds, clauses -----------------


def test_a_repeated_mention_with_a_curly_apostrophe_is_one_source():
    text = (
        "Norway\u2019s health ministry said the clinic would close. A nurse said staff were "
        "tired. Later, Norway\u2019s health ministry said the date was not set."
    )
    got = [s["mention"] for s in run(text)["sources"]]
    assert got.count("Norway\u2019s health ministry") == 1


def test_bare_officials_far_on_are_the_officials_already_quoted():
    text = (
        "Harbour officials said the pier was unsafe. The pier was built in 1920. It has "
        "been repaired twice. The town has grown since. The ferries are busy in summer. "
        "Officials said repairs would start in May."
    )
    assert len([s for s in run(text)["sources"] if s["kind"] == "vague_group"]) == 1


@pytest.mark.parametrize(
    "text, kind",
    [
        ("An opinion piece in the Harbour Times argued that the pier must go.", "document"),
        ("According to the council's website, the pier will close in May.", "document"),
        ("A half-dozen dock workers said the pier was unsafe.", "unnamed_individual"),
    ],
)
def test_documents_and_counted_groups(text, kind):
    assert [k for _, k in sources(text)] == [kind]


def test_a_stance_contradicted_by_sources_makes_them_the_source():
    text = "The stance was contradicted by four harbour officials on Monday."
    assert sources(text) == [("four harbour officials", "unnamed_individual")]


def test_a_clause_between_commas_is_not_an_appositive():
    text = "As of Sunday night, the house was fully engulfed, said Fire Chief Dana Kerr."
    assert sources(text) == [("Fire Chief Dana Kerr", "named_person")]


def test_a_cue_form_after_a_preposition_is_a_noun():
    assert sources("The minister was asked about reports that the port would close.") == []


def test_a_hedge_inside_someone_elses_words_is_theirs():
    text = "It is believed the fire began in the kitchen, the fire chief said."
    assert [m for m, _ in sources(text)] == ["the fire chief"]
    assert [m for m, _ in sources("It is believed the fire began in the kitchen.")] == [
        "It is believed"
    ]


def test_an_unnamed_group_in_a_headline_line_is_left_to_the_body():
    text = (
        "Ministry denies talks, officials say\n\n"
        "OSLO - Foreign Minister Ane Dahl said on Monday there were no talks. "
        "Two officials said the talks had stalled."
    )
    assert [m for m, _ in sources(text)] == ["Foreign Minister Ane Dahl", "Two officials"]


def test_headline_lines_after_page_furniture_and_hard_wrapped_text():
    from footnote.engine.attribution import _headline_end
    from footnote.engine.document import build_document

    headed = (
        "All news\n\nSpokesman dismisses talk of a snap vote\n\n"
        "MOSCOW - Kremlin spokesman Ivan Petrov said there would be no snap vote."
    )
    assert [m for m, _ in sources(headed)] == ["Kremlin spokesman Ivan Petrov"]
    wrapped = (
        "Dock workers stayed home on Monday and their union\nsaid the strike would last a week."
    )
    assert _headline_end(build_document(wrapped)) == 0  # a wrapped line goes on


def test_the_counted_group_again_and_documents_handed_to_a_paper():
    text = (
        "Four government sources said the talks had failed. The four sources, who are "
        "familiar with the files, said a new round was unlikely."
    )
    assert [(m, k) for m, k in sources(text)] == [("Four government sources", "unnamed_individual")]
    handed = "A copy of the plan, which was obtained by the Harbour Times, lists six closures."
    assert "the Harbour Times" not in [m for m, _ in sources(handed)]


def test_the_publisher_from_a_credit_line_or_a_longer_host():
    assert "second-hand" not in caution_rules(
        "A Pentagon official told Sputnik no decision had been made.",
        url="https://sputnikglobe.com/20230909/x.html",
    )
    assert "second-hand" not in caution_rules(
        "Reuters | Washington | Updated 12-04-2022\n\nA US official told Reuters the "
        "team had found nothing."
    )


def test_a_spokesperson_named_later_and_spokespeople_as_offices():
    named = (
        "A Foreign Ministry spokesperson said on Friday the claims were false. "
        "Spokesperson Lin Jian said the report was a smear."
    )
    assert [
        (k, n)
        for _, k, n in [(s["mention"], s["kind"], s["attributions"]) for s in run(named)["sources"]]
    ] == [("named_person", 2)]
    assert caution_rules("A company spokesman said the plant would close.") == []
    assert caution_rules("A senior official said the plant would close.") == ["anonymous-no-reason"]


# --- round four -------------------------------------------------------------------------------


def test_a_call_made_is_no_statement():
    text = "A passing driver called the Harbour Control Centre shortly after midnight."
    assert sources(text) == []
    assert sources("The mayor called the plan a mistake.") == [("The mayor", "unnamed_individual")]


def test_a_role_then_its_holders_name_on_the_right():
    text = (
        '"The link was strong," said the lead researcher, Assoc Prof Ann Hodge of the '
        "Harbour Cancer Council."
    )
    got = run(text)["sources"]
    assert got[0]["kind"] == "named_person"
    assert "Ann Hodge" in got[0]["mention"]


def test_the_spaniard_after_a_named_coach_is_the_coach():
    text = (
        '"We did everything we could," said coach Sergio Ramos Vidal. '
        'Asked about injuries, the Spaniard said, "This is the situation."'
    )
    assert [(m, k) for m, k in sources(text)] == [("coach Sergio Ramos Vidal", "named_person")]


def test_the_source_after_the_sources_is_one_of_them():
    text = (
        "Two people close to the matter said the talks had stalled. "
        "The source said a new offer was unlikely."
    )
    assert len(sources(text)) == 1


def test_anonymity_to_speak_freely_is_a_reason():
    text = "A harbour official, requesting anonymity to speak freely, said the pier was unsafe."
    assert source(text, "A harbour official, requesting anonymity to speak freely")[
        "anonymity_reason"
    ]


def test_the_headline_counts_office_holders_apart_from_anonymous_sources():
    text = (
        "The mayor said the bridge would reopen. Two officials said repairs were late. "
        "A spokeswoman for the council said the cost had doubled."
    )
    headline = run(text)["summary"]["headline"]
    assert "1 unnamed individual, 2 office holders" in headline
    assert "The one anonymous source" in headline


def test_it_was_reported_by_names_who_reported_it():
    text = "It was earlier reported by the Harbour Times that the pier would close."
    assert sources(text) == [("the Harbour Times", "named_organization")]
    assert sources("It is widely reported that the mayor will resign.") == [
        ("It is widely reported", "vague_group")
    ]


def test_a_named_media_company_is_an_organisation():
    assert sources("The Harbour Media Group said profits rose.") == [
        ("The Harbour Media Group", "named_organization")
    ]


# --- 6. Experts at a body the text names speak for that body ---------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Researchers at Lakeside University found that walking lowers blood pressure.",
            "Researchers at Lakeside University",
        ),
        (
            "Scientists from the University of Harbourtown say the drug works.",
            "Scientists from the University of Harbourtown",
        ),
        ("Economists at Harbour Capital expect rates to rise.", "Economists at Harbour Capital"),
    ],
)
def test_experts_at_a_named_body_are_that_body(text, mention):
    assert source(text, mention)["kind"] == "named_organization"
    assert caution_rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Some researchers at Lakeside University said it was too early to tell.",
        "Experts from Western countries said the count was flawed.",
        "Researchers at the university's medical school said the results were early.",
    ],
)
def test_experts_without_a_named_body_stay_vague(text):
    assert "vague-source" in caution_rules(text)


def test_a_counted_few_at_a_named_body_stay_unnamed():
    text = "Two doctors at St Mary's Hospital said the ward was full."
    assert sources(text)[0][1] == "unnamed_individual"


# --- 7. A definite group the story has placed is no anonymous source ------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Police said a man was hurt. The officers said he was taken to hospital.", "The officers"),
        (
            "A new trial followed 500 adults for a year. "
            "The researchers said sugar was linked to harm.",
            "The researchers",
        ),
        (
            "Crews fought the fire for hours. The firefighters said the roof fell in.",
            "The firefighters",
        ),
    ],
)
def test_the_officers_or_the_researchers_raise_no_caution(text, mention):
    assert source(text, mention)["kind"] == "unnamed_individual"
    assert caution_rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Officers said the road would stay closed.",  # no article: any officers
        "Some officers said they had not been told.",
        "The officials said the talks had failed.",  # officials are not a job in the story
    ],
)
def test_bare_or_quantified_groups_still_get_their_note(text):
    assert "vague-source" in caution_rules(text)


# --- 8. More ways of saying -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The coach, Tom Reyes, opined that his players did their best.", "The coach, Tom Reyes"),
        ('"We will be back," quipped manager Ana Ruiz.', "manager Ana Ruiz"),
        ("Governor Ivan Petrenko refuted the reports on Friday.", "Governor Ivan Petrenko"),
        ("The ministry clarified that no arrests were made.", "The ministry"),
    ],
)
def test_more_speech_verbs(text, mention):
    assert source(text, mention)


@pytest.mark.parametrize(
    "text",
    [
        "The figures underscore the scale of the crisis.",
        "The government reaffirmed its commitment to the deal.",
    ],
)
def test_stance_verbs_with_an_object_are_acts(text):
    assert sources(text) == []


# --- 9. A named owner of words is a source ------------------------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The ministry rejected Senator Ana Cole's allegations of fraud.", "Senator Ana Cole"),
        (
            "The deputy minister spoke to reporters, commenting on President Ivan Orlov's "
            "statement on the treaty.",
            "President Ivan Orlov",
        ),
        ("After Lakeside Energy's latest warning, shares fell.", "Lakeside Energy"),
    ],
)
def test_a_named_owner_of_claims_or_a_statement_is_a_source(text, mention):
    assert source(text, mention)
    assert caution_rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Monday's statement was brief.",
        "The company's statement was brief.",  # no name: the company is not introduced
        "Harbour City's demands for a new road were ignored.",  # a demand is no information
    ],
)
def test_no_owner_or_a_demand_makes_no_source(text):
    assert sources(text) == []


# --- 10. A title after a country or "former" still opens a named person's title ---------


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "US Secretary of Commerce Ana Ruiz said the tariffs would stay.",
            "US Secretary of Commerce Ana Ruiz",
        ),
        (
            "UK Minister for Trade Tom Miles said talks would resume.",
            "UK Minister for Trade Tom Miles",
        ),
        (
            "Former Secretary of State Ana Ruiz said the plan had failed.",
            "Former Secretary of State Ana Ruiz",
        ),
    ],
)
def test_a_qualified_title_and_full_name_is_a_named_person(text, mention):
    assert source(text, mention)["kind"] == "named_person"
    assert caution_rules(text) == []


# --- 11. Members of a group already introduced -------------------------------------------


@pytest.mark.parametrize(
    "text, group",
    [
        (
            "People familiar with the talks said a deal was near. Two of the people said "
            "talks began in May. Another person said it could still fail.",
            "People familiar with the talks",
        ),
        (
            "Witnesses told the Harbour Times they saw the crash. The witness said some were "
            "hit. Another witness said he heard a bang.",
            "Witnesses",
        ),
        (
            "Officials said the plan was dropped. One of the officials said it was costly.",
            "Officials",
        ),
        (
            "Security sources said the march drew thousands. Clashes were reported by "
            "security sources in the capital.",
            "Security sources",
        ),
    ],
)
def test_a_member_of_a_group_is_that_group(text, group):
    assert [m for m, _ in sources(text)] == [group]


def test_a_members_reason_comes_from_the_group():
    text = (
        "Three people familiar with the talks, who asked not to be named because the talks "
        "are private, said a deal was near. One of them said it could slip."
    )
    assert len(sources(text)) == 1
    assert caution_rules(text) == []


@pytest.mark.parametrize(
    "text, second",
    [
        (
            "An official said the plan was dropped. Another official said it would return.",
            "Another official",
        ),
        (
            "In Oran, one of the protesters told the Harbour Times the march was larger.",
            "one of the protesters",
        ),
    ],
)
def test_a_second_person_or_a_member_of_no_group_is_new(text, second):
    assert source(text, second)["kind"] == "unnamed_individual"


def test_the_police_after_a_police_chief_is_the_force():
    text = (
        "A deputy is accused of drink-driving, according to police chief Joey Marsh. "
        "Robert Crowe, 45, was arrested on Monday, police said."
    )
    assert source(text, "police")["kind"] == "named_organization"


def test_a_capitalised_title_mid_sentence_is_no_crowd():
    text = "The couple split after ten months together, according to People."
    assert source(text, "People")["kind"] == "named_organization"
    assert caution_rules(text) == []
    assert "vague-source" in caution_rules("People said the town was quiet.")


# --- 12. "Reportedly" right after a named account carries it on ------------------------


def test_reportedly_after_an_attributed_sentence_continues_it():
    text = (
        "The sources say the mayor pushed aides to sign the deal.\n\n"
        "He reportedly also wanted them to approve a second one."
    )
    assert [m for m, _ in sources(text)] == ["The sources"]


def test_reportedly_on_its_own_is_hearsay():
    text = "The mayor signed the deal.\n\nHe reportedly also wanted a second one."
    assert "vague-source" in caution_rules(text)


# --- 13. A speech verb joined by "and" to its subject's first verb ---------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Researchers at Lakeside University studied 5,000 women and found that milk "
            "raised the risk.",
            "Researchers at Lakeside University",
        ),
        ("Police arrived at the scene and said the man was dead.", "Police"),
        ("The documents are dated March 1 and note that troops were moving.", "The documents"),
    ],
)
def test_and_joins_the_cue_to_the_sentence_subject(text, mention):
    assert source(text, mention)


@pytest.mark.parametrize(
    "text",
    [
        "The car hit a wall and said nothing.",  # a car cannot speak
        "He was arrested and charged on Friday.",
        "In 2019 a team studied the river, which flooded, and found nothing.",
    ],
)
def test_and_with_another_clause_between_stays_quiet(text):
    assert caution_rules(text) == []
    assert not [m for m, _ in sources(text) if m.lower().startswith(("the car", "he", "in"))]


def test_a_named_outlets_report_is_a_noun_before_quoted():
    text = "A Harbour Times report quoted Senator Ana Cole as saying the islands were theirs."
    assert [m for m, _ in sources(text)] == ["Senator Ana Cole"]


# --- 14. Reports that say something, with no one named -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell following reports that the firm would cut jobs.",
        "There have been reports that the agency sent an informant.",
        "The spokesman was responding to reports that said the senator had met the envoy.",
        "The ministry denied media reports that it had closed the plant.",
    ],
)
def test_reports_that_say_something_are_hearsay(text):
    assert "vague-source" in caution_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell following reports of a profit warning.",  # no clause: what happened
        "The Harbour Times reports that the plant closed.",  # a verb with its subject
        'Asked about reports that an attack was near, the minister said: "We are ready."',
    ],
)
def test_reports_as_a_topic_or_a_verb_are_not_hearsay(text):
    assert "vague-source" not in caution_rules(text)


# --- 15. Base forms that are nouns; "the" and capitals; counted members ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Three ministers on Tuesday resigned ahead of the much-awaited state cabinet reshuffle.",
        "She resigned after the Harbour Panel report went viral.",
    ],
)
def test_a_base_form_used_as_a_noun_makes_no_source(text):
    assert sources(text) == []
    assert caution_rules(text) == []


def test_the_and_capitals_is_a_body_not_a_person():
    text = "According to the Sunday Courier, the president will resign."
    assert source(text, "the Sunday Courier")["kind"] == "named_organization"
    assert source("The Rev. Ana Cole said the hall was full.", "The Rev. Ana Cole")["kind"] == (
        "named_person"
    )


def test_an_ordinal_within_the_count_is_a_member_beyond_it_is_new():
    member = "Four sources said he would resign. A fourth source added that he was tired."
    assert [m for m, _ in sources(member)] == ["Four sources"]
    new = "Three diplomats said the talks stalled. A fourth diplomat said they would resume."
    assert [m for m, _ in sources(new)] == ["Three diplomats", "A fourth diplomat"]


# --- 16. Acts that look like speech, and speech in less common shapes ------------------


@pytest.mark.parametrize(
    "text",
    [
        "A former first lady has conceded defeat to a television comedian.",
        "The regional council called for a ceasefire on Monday.",
        "The Harbour Court on Tuesday dismissed one justice over a bribery scandal.",
        "Mr Ayers, who is chief of staff, had agreed to stay on for a while.",
    ],
)
def test_acts_are_no_attributions(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text, mention",
    [
        ('"We lost," conceded the coach.', "the coach"),
        ("The mayor conceded that the plan had failed.", "The mayor"),
        (
            "Ivan Belov, head of the interim council, had on Monday said the talks failed.",
            "Ivan Belov, head of the interim council",
        ),
        (
            "Two degrees of warming will be catastrophic, warns the Harbour Climate Panel.",
            "the Harbour Climate Panel",
        ),
        ('Added Ana Ruiz: "It was a big performance."', "Ana Ruiz"),
        (
            "Lakeside coach Tom Reyes hailed the striker for his tireless running.",
            "Lakeside coach Tom Reyes",
        ),
        (
            "The scandal began with Judge Ana Ruiz's revelation that she was offered a bribe.",
            "Judge Ana Ruiz",
        ),
    ],
)
def test_speech_in_less_common_shapes(text, mention):
    assert source(text, mention)


def test_a_title_after_a_word_of_its_rank_is_a_named_person():
    text = "Principal Secretary in the Ministry of Health Ana Maria Cole said 40 people died."
    assert sources(text)[0][1] == "named_person"
    assert caution_rules(text) == []


def test_a_pronoun_opening_a_sentence_is_the_subject_before():
    text = (
        "Derrick Moss, 48, pleaded guilty before Judge Jason Hale to battery. "
        "He admitted that he hit the man."
    )
    assert [m for m, _ in sources(text)] == ["Derrick Moss"]


# --- 17. Parties, hedges, more people ------------------------------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "The government and opposition will return to talks, the two sides said.",
            "the two sides",
        ),
        (
            "The petitioners had argued, amongst other reasons, that the vote was void.",
            "The petitioners",
        ),
        ("Both sides said the talks went well.", "Both sides"),
    ],
)
def test_parties_to_the_story_are_sources_without_a_caution(text, mention):
    assert source(text, mention)["kind"] == "unnamed_individual"
    assert caution_rules(text) == []


def test_groups_known_by_their_role_are_counted_apart_in_the_headline():
    text = "Police said a man was hurt. The officers said he was taken to hospital."
    assert run(text)["summary"]["headline"] == (
        "2 sources: 1 named organization, 1 group known by its role."
    )


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("The fire is reported to have destroyed a house.", "is reported"),
        ("The blaze is understood to have been brought under control.", "is understood"),
        ("Two men are believed to be in hiding.", "are believed"),
    ],
)
def test_a_hedged_passive_is_hearsay(text, hedge):
    assert source(text, hedge)["kind"] == "vague_group"


@pytest.mark.parametrize(
    "text",
    [
        "The bridge is expected to be finished in May.",  # a forecast
        "The man is said to be in a stable condition, police said.",  # the police say it
        "An army unit stopped an attempt to reach villages and military posts in the north.",
    ],
)
def test_forecasts_and_attributed_hedges_are_no_hearsay(text):
    assert "vague-source" not in caution_rules(text)
    assert "military" not in [m for m, _ in sources(text)]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Given the muted reaction, some investors expect a rally.", "some investors"),
        ("The ministry condemned the attack as cowardly.", "The ministry"),
        ("The Harbour Council denounced the plan on Monday.", "The Harbour Council"),
    ],
)
def test_more_people_and_ways_of_judging(text, mention):
    assert source(text, mention)


# --- 18. Asides, counted occasions, groups of two kinds --------------------------------


def test_a_subject_before_an_aside_in_dashes_speaks():
    text = (
        "Two people from Sone village – a hotbed of opposition to army rule – told the "
        "Harbour Times the army had killed 14 people."
    )
    assert source(text, "Two people from Sone village")


def test_people_known_by_their_role_who_asked_not_to_be_named_are_anonymous():
    text = "The villagers, who both spoke on condition of anonymity, said the army came at night."
    assert "anonymous-no-reason" in caution_rules(text)
    assert caution_rules("The residents said the water was dirty.") == []
    assert "vague-source" in caution_rules("Residents said the water was dirty.")


def test_an_indefinite_speaker_on_a_counted_occasion_is_no_source():
    text = (
        "The comments were the first time an Indonesian official has confirmed that a ban was near."
    )
    assert sources(text) == []


@pytest.mark.parametrize(
    "text, mention, kind",
    [
        (
            "Nine American diplomats and officials said the plan was dead.",
            "Nine American diplomats and officials",
            "unnamed_individual",
        ),
        ("Friends and colleagues said he was loyal.", "Friends and colleagues", "vague_group"),
    ],
)
def test_two_kinds_of_people_joined_by_and_are_one_group(text, mention, kind):
    assert source(text, mention)["kind"] == kind


# --- 19. Tabloid shapes: "a source close to them", "People magazine", "via", "said to" ---


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The decision was a shock, a source close to them said.", "a source close to them"),
        ("The plan was dropped, a person close to him said.", "a person close to him"),
    ],
)
def test_a_pronoun_after_close_to_stays_in_the_phrase(text, mention):
    assert source(text, mention)["kind"] == "unnamed_individual"


@pytest.mark.parametrize(
    "text, relay",
    [
        ("The split was a shock, a source tells Star magazine.", "Star magazine"),
        ("According to a new source via Star magazine, the pair split.", "Star magazine"),
        (
            "An insider recently said to the Harbour Times that the talks were held.",
            "Harbour Times",
        ),
    ],
)
def test_a_tabloid_relay_in_the_shapes_gossip_uses(text, relay):
    assert [s["relayed_by"] for s in run(text)["sources"]] == [relay]


def test_said_to_reporters_is_no_relay():
    text = "The mayor said to reporters that the talks were held."
    assert [s["relayed_by"] for s in run(text)["sources"]] == [None]


# --- 20. Journalese roles, questions, members counted apart, "made the remarks" ---------


def test_a_role_without_an_article_refers_back_and_is_an_office():
    text = 'A police officer said the man fled. "He ran," said Harbour Police officer.'
    assert [m for m, _ in sources(text)] == ["A police officer"]
    lone = "Growth is on track, Lakeside statistics chief said on Wednesday."
    assert [m for m, _ in sources(lone)] == ["Lakeside statistics chief"]
    assert caution_rules(lone) == []


def test_a_pronoun_and_cue_inside_a_question_is_no_attribution():
    text = 'Asked what he told the players, the coach said, "Stay calm."'
    assert [m for m, _ in sources(text)] == ["the coach"]


def test_one_of_a_counted_group_is_a_member_of_an_uncounted_group_is_new():
    counted = 'Two US officials said talks began. "We are exploring next steps," one official said.'
    assert [m for m, _ in sources(counted)] == ["Two US officials"]
    uncounted = "Officials said talks began. One official said it would fail."
    assert [m for m, _ in sources(uncounted)] == ["Officials", "One official"]


def test_made_the_remarks_names_who_spoke():
    text = "Ana Cole, director of the Harbour Bureau of Statistics, made such remarks at a forum."
    assert source(text, "Ana Cole, director of the Harbour Bureau of Statistics")["kind"] == (
        "named_person"
    )


def test_a_title_inside_a_long_capitalised_run_opens_the_name():
    text = "Leader of the Harbour Council Sheikh Omar Ali Haddad said the talks were useless."
    assert sources(text)[0][1] == "named_person"
    assert caution_rules(text) == []


def test_a_possessive_name_is_no_antecedent():
    text = "Ana Ruiz's men came back stronger. Asked about the game, he said it was hard."
    assert "Ana Ruiz" not in [m for m, _ in sources(text)]


def test_another_after_a_single_source_is_a_second_one():
    text = (
        "Sources familiar with the talks said a deal was near. A government source said the "
        "emergency should last two weeks. Another source said three weeks are needed."
    )
    assert [m for m, _ in sources(text)][-1] == "Another source"


def test_differently_described_bare_groups_stay_apart():
    text = (
        "Sources close to the talks said a deal was near. "
        "Sources familiar with the talks say it will slip."
    )
    assert len(sources(text)) == 2


def test_an_affiliation_between_commas_is_not_the_speaker():
    text = (
        "Lead researcher Ana Cole, of the Harbour Museum of Natural History, told reporters "
        "the jaw was robust."
    )
    assert source(text, "Lead researcher Ana Cole")["kind"] == "named_person"


# --- 21. Wire shapes: "the people said", "reported citing", bodies vs their spokesmen ----


def test_the_people_after_officials_familiar_is_that_group():
    text = (
        "Senior officials familiar with the matter said the plot failed. "
        "The man is still employed, the people said."
    )
    assert [m for m, _ in sources(text)] == ["Senior officials familiar with the matter"]


def test_reported_citing_without_a_comma():
    text = "Harbour Energy is likely to be fined, Reuters reported citing sources."
    assert source(text, "sources")["relayed_by"] == "Reuters"


def test_a_phrase_of_time_opening_a_sentence_is_no_antecedent():
    text = (
        "On Thursday, government sources said the chief would quit. "
        "He is now expected to meet the minister on Monday."
    )
    assert "On Thursday" not in [m for m, _ in sources(text)]


def test_a_body_is_not_its_spokesman():
    text = (
        'Supreme Court spokesman Ana Cole told reporters the judge was dismissed. "He lacks '
        'integrity," the Supreme Court said.'
    )
    assert [m for m, _ in sources(text)] == [
        "Supreme Court spokesman Ana Cole",
        "the Supreme Court",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gulf states position themselves for the new president.", []),
        ("The treaty states that both sides withdraw.", ["The treaty"]),
        (
            "A figure close to the government indicated the kingdom was ready to make concessions.",
            ["A figure close to the government"],
        ),
    ],
)
def test_states_needs_that_and_a_person_may_indicate(text, expected):
    assert [m for m, _ in sources(text)] == expected


# --- 22. Surveys, press offices, journals, one-word outlets, two appositives -----------


@pytest.mark.parametrize(
    "text, mention, kind",
    [
        (
            "None of the 29 economists surveyed by the Harbour Times predicted the rise.",
            "None of the 29 economists surveyed by the Harbour Times",
            "document",
        ),
        (
            "Police communications staff confirmed detectives were investigating.",
            "Police communications staff",
            "named_organization",
        ),
        ("Variety reported the split on Monday.", "Variety", "named_organization"),
        (
            "Ana Rivera, governor of the department of San Marcos, bordering Mexico, told local "
            "media that 29 people were dead.",
            "Ana Rivera, governor of the department of San Marcos, bordering Mexico",
            "named_person",
        ),
        (
            "Harbour Tech on Tuesday forecast a quarterly profit below expectations.",
            "Harbour Tech",
            "named_person",
        ),
    ],
)
def test_surveys_press_offices_outlets_and_long_appositives(text, mention, kind):
    assert source(text, mention)["kind"] == kind
    assert "vague-source" not in caution_rules(text)


def test_a_study_published_in_a_journal_is_not_second_hand():
    text = (
        "The large study, published online Monday in the journal Circulation, found that "
        "coffee drinkers lived longer."
    )
    assert caution_rules(text) == []


def test_a_bare_source_after_a_group_of_sources_is_one_of_them():
    text = (
        "Sources told the Harbour Times the talks would be in January. "
        '"There is no point in delaying," said a source on Friday. '
        '"A later date suits us," said a source in Islamabad.'
    )
    assert [m for m, _ in sources(text)] == ["Sources"]
    officials = "Officials said the plan failed. A senior official said it would return."
    assert len(sources(officials)) == 2  # a described official may be someone else


def test_he_after_a_quotation_of_several_sentences_is_the_last_speaker():
    text = (
        "Stimac compared the campaign to the 2018 World Cup qualifiers and said the side "
        'had done better. "In the 2018 World Cup qualifiers, we lost five matches. Now we '
        'have three points," he said.'
    )
    assert [m for m, _ in sources(text)] == ["Stimac"]


def test_told_the_publisher_named_by_its_web_address_is_first_hand():
    text = "Sources told The Harbour Express that the talks would be in January."
    assert source(text, "Sources", url="https://harbourexpress.com/a/1")["relayed_by"] is None
    assert source(text, "Sources")["relayed_by"] == "Harbour Express"


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Halloran's lawyer, Imogen Castell, said her client denied all the charges.",
            "Halloran's lawyer, Imogen Castell",
        ),
        ("The lawyer, Ana Cole, said her client denied the charges.", "The lawyer, Ana Cole"),
    ],
)
def test_a_role_then_its_holder_between_commas_speaks(text, mention):
    assert source(text, mention)["kind"] == "named_person"


# --- 23. Nested named speakers, pairs, offices of a body, nobody, outlets in lower case --


def test_a_named_person_inside_another_sources_account_is_listed_too():
    text = (
        "Multiple sources have told the Harbour Times that Bishop Ana Ruiz told the bishops "
        "that a new prefect would be named."
    )
    assert [m for m, _ in sources(text)] == ["Multiple sources", "Bishop Ana Ruiz"]
    assert [m for m, _ in sources("Budapest has said the measures would threaten the deal.")] == [
        "Budapest"
    ]


def test_a_named_person_and_a_body_speaking_together_are_two_sources():
    text = (
        "Although the ministry gave no figure, farm activist Kishor Naik and the Farmers "
        "Union had said 18 farmers died."
    )
    assert [m for m, _ in sources(text)] == ["farm activist Kishor Naik", "the Farmers Union"]
    assert [m for m, _ in sources("The minister met Ana Ruiz and the mayor said it was done.")] == [
        "the mayor"
    ]


def test_the_head_of_a_body_named_before_is_an_office():
    text = "Four members fled the country, the head of the commission said Wednesday."
    assert caution_rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Neither country's border authorities commented on the reported shipwreck.",
        "No official responded to the claims.",
    ],
)
def test_nobody_is_no_source(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            '"They are all on strike," a spokeswoman for the company told dpa.',
            "a spokeswoman for the company",
        ),
        ('"They looked happy," an eyewitness reports.', "an eyewitness"),
        ("Other rumours say the new secretary will be a layman.", "Other rumours"),
        ("The Harbour Press has learned that the two airlines held talks.", "The Harbour Press"),
        (
            "A bishop present at the meeting told the Harbour Times the choice was made.",
            "A bishop present",
        ),
        ("Analysts have speculated that the unit could be sold.", "Analysts"),
        ("The party kept power, according to preliminary results.", "preliminary results"),
    ],
)
def test_more_shapes_found_on_fresh_articles(text, mention):
    assert source(text, mention)


def test_learned_to_is_no_attribution():
    assert sources("She learned to swim in the harbour.") == []


# --- 24. Epithets and repeated crowds -------------------------------------------------------


def test_an_epithet_after_a_name_is_that_person():
    text = (
        "Thomas Kroll revealed little after the 5-2 defeat.\n\n"
        "The former Harbour United boss said he had some quick words with the players."
    )
    assert caution_rules(text) == []
    again = (
        '"The ruling was made by a general," activist Qadir Nawaz said at a protest. '
        '"It cannot scare us," the 54-year-old told reporters at the rally.'
    )
    assert [m for m, _ in sources(again)] == ["activist Qadir Nawaz"]


def test_a_plain_role_is_no_epithet():
    text = "Police met the mayor on Monday. The official said the road would close."
    assert "anonymous-no-reason" in caution_rules(text)


def test_the_same_bare_crowd_again_is_one_source():
    text = "Economic analysts have said the naira will gain. However, analysts warn it could fall."
    assert [m for m, _ in sources(text)] == ["Economic analysts"]


# --- 25. Names before roles, "but said", citing after a time, one of the sources --------


def test_a_name_before_a_role_at_the_end_of_a_sentence():
    text = (
        "Chinese companies can play a key role in African football, Li Ying, vice-president "
        "of the China region for Harbour Sports said."
    )
    assert sources(text)[0] == (
        "Li Ying, vice-president of the China region for Harbour Sports",
        "named_person",
    )


def test_but_said_joins_the_subject():
    text = "Head coach Gary Stead declined to reveal the injury but said Jamieson was assessed."
    assert [m for m, _ in sources(text)] == ["Head coach Gary Stead"]


def test_citing_after_a_time_phrase():
    text = (
        "Two scientists are in talks to form a startup, the Harbour Times reported on Friday, "
        "citing people familiar with the conversations."
    )
    assert source(text, "people familiar with the conversations")["relayed_by"] == "Harbour Times"


def test_one_source_after_the_sources_is_one_of_them():
    text = (
        'The tariff was set, the sources said. "Leave a message," Ana Ruiz told him, '
        "according to one source."
    )
    assert [m for m, _ in sources(text)] == ["the sources", "Ana Ruiz"]


# --- 26. Bodies by epithet, names joined by "and", admissions and judgements -------------


def test_a_body_named_by_an_epithet_points_back():
    text = (
        "Harbour United signed the striker, the Premier League club announced on Friday. "
        "The west coast outfit said on Wednesday the fee was private."
    )
    assert [m for m, _ in sources(text)] == ["the Premier League club"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ana Ruiz and Tom Cole said the deal was done.",
            [("Ana Ruiz", "named_person"), ("Tom Cole", "named_person")],
        ),
        (
            "The Times, Harbour Telegraph and Sun all reported the claims.",
            [("Harbour Telegraph and Sun", "named_organization")],
        ),
    ],
)
def test_names_joined_by_and(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "The decision was hailed by the Harbour Trade Commission.",
            "the Harbour Trade Commission",
        ),
        ("Credible observers have characterized the vote as free and fair.", "Credible observers"),
    ],
)
def test_admissions_and_judgements(text, mention):
    assert source(text, mention)


def test_accepting_is_the_writers_account_not_speech():
    # "X has accepted that ..." describes X's position in the writer's words: no source
    assert sources("The mayor accepted the award on Friday.") == []
    assert sources("President Ana Ruiz has accepted that her country will not join.") == []


# --- 27. Titles with their bodies, roles joined by "and", degree words, "credits" -------


@pytest.mark.parametrize(
    "text, mention, kind",
    [
        (
            "Ravi Pande, President of the Harbour Miners Federation, said the strike began.",
            "Ravi Pande, President of the Harbour Miners Federation",
            "named_person",
        ),
        (
            '"We need a global effort," said Lakeside professor and principal investigator '
            "Jay Moreno, who also advises the agency.",
            "Lakeside professor and principal investigator Jay Moreno, who also advises the agency",
            "named_person",
        ),
        (
            "Harbour Land's Joint Chiefs of Staff said Sunday it detected the launches.",
            "Harbour Land's Joint Chiefs of Staff",
            "named_organization",
        ),
        (
            "Star Weekly credits a source close to the singer as saying she is pregnant.",
            "a source close to the singer",
            "unnamed_individual",
        ),
    ],
)
def test_titles_roles_and_bodies(text, mention, kind):
    assert source(text, mention)["kind"] == kind


def test_a_participle_after_a_word_of_degree_is_an_adjective():
    assert sources("The basin was considered the most stressed in the world.") == []
    assert "vague-source" in caution_rules("Senior Officials said the basin was dry.")


# --- 28. Gossip copy: a closing quote after a space, "the Enquirer", ", which noted" -----


def test_a_curly_closing_quote_after_a_space_closes():
    text = "“The twins believe her clothes are ‘low rent,’ ” a source reportedly told the Enquirer."
    assert source(text, "a source")["relayed_by"] == "Enquirer"


@pytest.mark.parametrize(
    "text, relay",
    [
        ("A source told the Herald the deal was off.", "Herald"),
        ("A source told The Harbour Times the deal was off.", "Harbour Times"),
    ],
)
def test_one_word_outlets_after_the(text, relay):
    assert source(text, "A source")["relayed_by"] == relay


def test_a_document_before_which_noted_speaks():
    text = (
        "The feud emerged from a Harbour Enquirer story, which noted that the twins were jealous."
    )
    assert source(text, "a Harbour Enquirer story")
    assert sources("The plan, which said nothing new, failed.") == []


@pytest.mark.parametrize("adverbial", ["time and again", "time and time again"])
def test_time_and_again_between_subject_and_verb(adverbial):
    text = f"Former Prime Minister Dan Levin had {adverbial} claimed that the plan would fail."
    assert source(text, "Former Prime Minister Dan Levin")


def test_one_source_after_people_briefed_is_one_of_them():
    text = (
        "Two people briefed on the call said the tariff was set. "
        '"Leave a message," Ana Ruiz told him, according to one source.'
    )
    assert [m for m, _ in sources(text)] == ["Two people briefed on the call", "Ana Ruiz"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Several figures connected to the pact said the plan was dead.", "vague_group"),
        ("Senior figures close to the party said it would split.", "vague_group"),
        ("Figures released by the ministry show a rise.", "document"),
    ],
)
def test_figures_are_people_when_the_phrase_says_so(text, kind):
    assert sources(text)[0][1] == kind


def test_a_report_states_without_that_still_attributes():
    text = "The report states police found a man trapped inside a car."
    assert [m for m, _ in sources(text)] == ["The report"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Lydia King said the shop would close.", "named_person"),
        ('"Prices are up," said Tom Major, buying director at the store.', "named_person"),
        ("King Charles said the garden was open.", "named_person"),
        ("Health Minister said the ward would close.", "unnamed_individual"),
    ],
)
def test_a_title_word_as_a_surname(text, kind):
    assert sources(text)[0][1] == kind


def test_i_am_told_is_the_writers_unnamed_informants():
    text = "But now I’m told they have separated after they found themselves bickering."
    assert source(text, "I’m told")["kind"] == "vague_group"
    # the agent of "was told by" is the source, not the writer's informants
    assert sources("I was told by the mayor that it was over.") == [
        ("the mayor", "unnamed_individual")
    ]
    assert sources("I was told to wait outside.") == []


def test_a_bare_spokesman_after_a_body_spoke_is_its_voice():
    text = (
        "The Harbour Agency later told reporters that one boat had reached port. "
        '"A plane will fly again," a spokesman told reporters.'
    )
    assert [m for m, _ in sources(text)] == ["The Harbour Agency"]
    other = "Police said the road was shut. A spokeswoman for the council said it would reopen."
    assert len(sources(other)) == 2


# --- 29. Citing asides: "X, citing Y, said", "Citing Y, X said", "X citing Y as saying" --


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Tribune, citing two port officials, said the ferry would be sold.",
        "Citing two port officials, the Harbour Tribune said the ferry would be sold.",
        "The Harbour Tribune, quoting two port officials, said the ferry would be sold.",
    ],
)
def test_a_citing_aside_names_the_outlet_and_its_relayed_source(text):
    got = {s["mention"]: s for s in run(text)["sources"]}
    outlet = [s for m, s in got.items() if m.endswith("Harbour Tribune")]
    assert outlet and outlet[0]["kind"] == "named_organization"
    assert got["two port officials"]["relayed_by"] == "Harbour Tribune"


def test_a_participle_citing_as_saying_relays_the_cited_source():
    text = (
        "The talks went on, with the Harbour Tribune citing unnamed sources as saying "
        "they were close."
    )
    got = source(text, "unnamed sources")
    assert got["relayed_by"] == "Harbour Tribune"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Citing higher costs, the company said it would close.", "the company"),
        ("The mayor, citing a budget gap, said the pool would shut.", "The mayor"),
    ],
)
def test_citing_a_cause_adds_no_source(text, speaker):
    assert [m for m, _ in sources(text)] == [speaker]


def test_a_contact_clause_ends_the_cited_phrase():
    text = "Rents rose, the Harbour Tribune reported, citing people it said had seen the figures."
    got = {m: k for m, k in sources(text)}
    assert got.get("people") == "vague_group"
    assert "it" not in got
    assert [m for m, _ in sources("The deal is off, according to people close to the talks.")] == [
        "people close to the talks"
    ]


# --- 30. Calls that convene or end, keeping something up ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The governor called an emergency meeting of the harbour board.",
        "The bakery chain called general staff meetings for Friday.",
        "The mayor called snap elections for the spring.",
        "The club called off the match because of snow.",
        "The actor and his fiancee have called it quits after five years.",
        "Police maintained a strong presence near the harbour on Friday.",
        "The regional government on Monday declared a ceasefire in the valley.",
        "Since the city declared a health emergency, testing has doubled.",
    ],
)
def test_a_call_that_convenes_or_ends_is_no_source(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called the plan a disaster.",
        "The mayor called it a betrayal of the town.",
        "The ferry captain maintained that the pier was safe.",
        "The mayor maintained his innocence.",
        "The election board declared the vote void.",
    ],
)
def test_a_call_that_names_or_a_stance_still_attributes(text):
    assert len(sources(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "A man accused of stealing a boat appeared in court on Monday.",
        "A ferry captain blamed for the collision resigned.",
        "The trial of a woman accused of fraud opened in the city.",
    ],
)
def test_the_one_accused_is_no_speaker(text):
    assert sources(text) == []
    assert "anonymous-no-reason" not in caution_rules(text)


def test_an_accuser_still_speaks():
    assert len(sources("The ferry captain accused the council of lying.")) == 1
    assert len(sources("The ferry captain blamed the storm for the delays.")) == 1


# --- 31. An outlet passing on unnamed people is a source of its own ----------------------


def test_an_outlet_passing_on_unnamed_people_is_listed_too():
    text = (
        "People familiar with the talks said the chief executive will stay on, "
        "according to the Harbour Tribune."
    )
    got = {s["mention"]: s for s in run(text)["sources"]}
    assert got["People familiar with the talks"]["relayed_by"] == "Harbour Tribune"
    assert got["the Harbour Tribune"]["kind"] == "named_organization"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Harbour spokesman Tomas Rell said the ferry will stay, the Harbour Tribune reported.",
            "Harbour spokesman Tomas Rell",
        ),
        (
            "A constitutional committee said the vote was valid, the Harbour Tribune reported.",
            "A constitutional committee",
        ),
    ],
)
def test_an_outlet_passing_on_a_named_speaker_or_a_body_is_only_the_relay(text, speaker):
    got = run(text)["sources"]
    assert [s["mention"] for s in got] == [speaker]
    assert got[0]["relayed_by"] == "Harbour Tribune"


# --- 32. "with X saying", "X tells Y", more people who speak ------------------------------


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Dockers began a strike on Thursday, with a union representative saying it could "
            "halve traffic.",
            "a union representative",
        ),
        ("The ferry was late, with Ana Ruiz saying the engine had failed.", "Ana Ruiz"),
        ('"It is up to them," a council official tells the Harbour Tribune.', "a council official"),
        ("Officers arrested a man, a bystander said, though it was not linked.", "a bystander"),
    ],
)
def test_more_shapes_of_speech(text, mention):
    assert mention in [m for m, _ in sources(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell, with the storm adding to the losses.",
        "He left the court, with his lawyer saying nothing.",
        "Asked about the fire, the ferry captain said nothing.",
        "The town is flooded, with water reaching the roofs.",
    ],
)
def test_with_and_said_nothing_stay_quiet(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Two unidentified people said the pact was close.", "Two unidentified people"),
        ("Several retired generals said the plan was flawed.", "Several retired generals"),
    ],
)
def test_an_adjective_in_ed_after_a_count_is_no_participle(text, mention):
    assert [m for m, _ in sources(text)] == [mention]


def test_a_citing_aside_after_a_document_subject():
    text = "The report, citing two unnamed port officials, said the ferry would be sold."
    got = dict(sources(text))
    assert got["The report"] == "document"
    assert got["two unnamed port officials"] == "unnamed_individual"


def test_a_weekday_ends_an_inverted_speaker():
    text = "The ferry will stop in May, said a port official Monday on condition of anonymity."
    assert [m for m, _ in sources(text)] == ["a port official"]


def test_its_state_media_is_the_named_countrys_outlet():
    text = "Kestria said the launch was a success, according to its state media."
    assert dict(sources(text))["its state media"] == "named_organization"
    assert "vague-source" not in caution_rules(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Prosecutors allege that the pair stole the harbour funds.", "named_organization"),
        ("The funds were stolen, prosecutors said.", "named_organization"),
        ("Some prosecutors said the law was unclear.", "vague_group"),
        ("The law was unclear, two prosecutors said.", "unnamed_individual"),
    ],
)
def test_prosecutors_are_the_prosecution(text, kind):
    assert sources(text)[0][1] == kind


@pytest.mark.parametrize(
    "text, relay",
    [
        ("Her representative confirmed the split to the Harbour Tribune.", "Harbour Tribune"),
        (
            "The mayor's office confirmed to the Harbour Tribune that it would shut.",
            "Harbour Tribune",
        ),
        ("The coach confirmed to reporters that he would stay.", None),
        ("The ferry firm confirmed plans to close the route.", None),
    ],
)
def test_confirmed_to_an_outlet_passes_through_it(text, relay):
    assert run(text)["sources"][0]["relayed_by"] == relay


def test_an_outlet_that_understands_is_its_own_reporting():
    text = "Harbour Sport News understands the deal is worth four million."
    assert sources(text) == [("Harbour Sport News", "named_organization")]
    assert sources("The coach understands the risks of the move.") == []


# --- 33. "the newspaper", "the magazine": the outlet named last --------------------------


def test_the_newspaper_is_the_outlet_named_before():
    text = (
        "The harbour master will resign, the Harbour Tribune reported. "
        "The newspaper said the decision was made on Monday."
    )
    assert sources(text) == [("the Harbour Tribune", "named_organization")]


def test_told_the_magazine_passes_through_the_outlet_named_before():
    text = (
        "The pair have split, according to Starlight. "
        "An insider told the magazine the split was final."
    )
    got = {s["mention"]: s for s in run(text)["sources"]}
    assert got["Starlight"]["kind"] == "named_organization"  # the text calls it a magazine
    assert got["An insider"]["relayed_by"] == "Starlight"


def test_the_newspaper_with_no_outlet_before_stays_its_own():
    assert sources("The mayor quit. The newspaper said the decision was final.") == [
        ("The newspaper", "named_organization")
    ]
    text = "The pair split, Ana Ruiz said. A friend told the magazine it was over."
    assert source(text, "A friend")["relayed_by"] is None


def test_the_paper_after_a_person_is_not_that_person():
    text = "The drug works, according to Lena Smith. The paper said more trials were needed."
    assert [m for m, _ in sources(text)] == ["Lena Smith", "The paper"]


@pytest.mark.parametrize(
    "text, fires",
    [
        ("The council would not comment following reports Ana Ruiz had resigned.", True),
        ("Prices rose amid reports Harbour Mining had flooded its pit.", True),
        ("Shares fell after reports Harbour Post published.", False),
        ("Shares fell following reports of a profit warning.", False),
    ],
)
def test_reports_before_a_clause_without_that(text, fires):
    assert ("reports", "vague_group") in sources(text) if fires else sources(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Ana Ruiz, who colleagues said is loyal to the mayor, took the post.", "colleagues"),
        ("The plan, which critics say is unfair, passed on Monday.", "critics"),
    ],
)
def test_a_speaker_set_inside_a_relative_clause(text, speaker):
    assert speaker in [m for m, _ in sources(text)]


def test_a_pronoun_inside_a_relative_clause_is_no_new_source():
    assert sources("The man, who he said was his brother, left the harbour.") == []


@pytest.mark.parametrize(
    "text, mention",
    [
        ("It's being reported that the pair have split.", "It's being reported"),
        ("It\u2019s speculated that the singer will leave the band.", "It\u2019s speculated"),
        ("It's understood the club has rejected a bid.", "It's understood"),
    ],
)
def test_a_contracted_passive_hedge(text, mention):
    assert sources(text) == [(mention, "vague_group")]


def test_its_with_a_noun_is_no_hedge():
    assert sources("It's said goodbye to its old logo.") == []


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Rumours are swirling that the singer will leave the band.", "Rumours"),
        ("There are rumours that the singer will leave the band.", "rumours"),
        ("Speculation is mounting that the harbour master will quit.", "Speculation"),
        ("However, now rumours are whirring that the singer is back.", "rumours"),
    ],
)
def test_hearsay_as_the_subject_of_its_clause(text, mention):
    assert sources(text) == [(mention, "vague_group")]


def test_an_outlet_that_reports_that_is_no_hearsay():
    text = "Harbour Radio, citing three unnamed insiders, reports that prices fell."
    assert "reports" not in [m for m, _ in sources(text)]


def test_a_name_ending_in_business_is_a_body():
    text = "Harbour Business reports that prices fell."
    assert sources(text) == [("Harbour Business", "named_organization")]
    assert sources("Business Secretary Ana Ruiz said prices fell.")[0][1] == "named_person"


def test_to_paraphrase_opens_a_source():
    text = "To paraphrase the former mayor, the harbour is our future."
    assert sources(text) == [("the former mayor", "unnamed_individual")]
    assert sources("She wants to paraphrase the poem for the class.") == []


def test_opponents_and_rebels_are_people_who_speak():
    text = "Supporters say the bill will save lives, while opponents argue it goes too far."
    assert ("opponents", "vague_group") in sources(text)
    assert sources("Rebels said they had captured the town.") == [("Rebels", "vague_group")]


def test_a_full_date_after_an_inverted_speaker_is_when():
    text = "The talks failed, said the harbour minister on December 11, 2023."
    assert sources(text) == [("the harbour minister", "unnamed_individual")]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided 125 houses in the valley, arresting 82 people, said the opposition group.",
        "Troops attacked the convoy near the border, killing four, said a local monitor.",
    ],
)
def test_a_clause_before_an_aside_is_no_speaker(text):
    assert not [m for m, _ in sources(text) if m.startswith(("Gunmen", "Troops"))]


def test_a_participle_in_a_speaker_phrase_is_still_a_speaker():
    assert len(sources("Two officials briefed on the talks said it failed.")) == 1
    assert len(sources("Officials involved in the talks said it failed.")) == 1


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The opposition alliance said the vote was rigged.", "The opposition alliance"),
        ("The ruling coalition said the vote was fair.", "The ruling coalition"),
        ("The rebel group said it had taken the town.", "The rebel group"),
    ],
)
def test_alliances_coalitions_and_groups_are_bodies(text, mention):
    assert sources(text) == [(mention, "named_organization")]


@pytest.mark.parametrize(
    "text, count",
    [
        ("The harbour board has categorically rejected such claims.", 1),
        ("The ministry rejected claims that the port was closed.", 1),
        ("The union rejected the pay offer on Friday.", 0),
        ("The court rejected his appeal.", 0),
    ],
)
def test_rejecting_a_claim_is_speech_rejecting_an_offer_is_not(text, count):
    assert len(sources(text)) == count


@pytest.mark.parametrize(
    "text, mention",
    [
        ("A Harbour Tribune source said the pair barely spoke.", "A Harbour Tribune source"),
        ("Two Daily Ledger insiders said the pair barely spoke.", "Two Daily Ledger insiders"),
    ],
)
def test_an_outlets_own_source_is_passed_on_by_it(text, mention):
    assert source(text, mention)["relayed_by"] in ("Harbour Tribune", "Daily Ledger")
    assert (
        source("A Harbour Council source said the plan was off.", "A Harbour Council source")[
            "relayed_by"
        ]
        is None
    )


def test_an_outlets_own_source_on_its_own_page_is_first_hand():
    text = "A Harbour Tribune source said the pair barely spoke."
    got = source(text, "A Harbour Tribune source", url="https://www.harbourtribune.example/news/1")
    assert got["relayed_by"] is None


@pytest.mark.parametrize(
    "text",
    [
        "The striker agreed terms, according to the Beacon.",
        "The striker agreed terms, per the Athletic.",
    ],
)
def test_the_and_one_capitalised_word_is_a_publication(text):
    assert sources(text)[0][1] == "named_organization"
    assert sources("The Pope said peace was near.")[0][1] != "named_organization"


@pytest.mark.parametrize("title", ["Duke", "Duchess", "Taoiseach", "Prince"])
def test_a_titled_person_is_an_office_holder(title):
    text = f"The {title} said the harbour would reopen."
    assert sources(text)[0][1] == "unnamed_individual"
    assert "anonymous-no-reason" not in caution_rules(text)


def test_a_year_after_a_speaker_is_when():
    text = "The harbour board in 2016 said that the pier was unsafe."
    assert sources(text) == [("The harbour board", "named_organization")]


@pytest.mark.parametrize(
    "text",
    [
        "This demands that the council respond by adopting a new approach.",
        "The two sides have fought through earlier truces and have shown no sign of compromise.",
        "The talks went on, with an agreement expected soon.",
    ],
)
def test_more_acts_that_are_no_speech(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry responded by saying the figures were wrong.",
        "Researchers at Lakeside University studied 500 women and found that walking helps.",
        "The minister expected an agreement soon.",
    ],
)
def test_their_speaking_counterparts_still_attribute(text):
    assert len(sources(text)) == 1


def test_a_role_named_later_with_the_name_before_it():
    text = (
        "Two men attacked the ministry, the interior minister said on Sunday. "
        'Taking to X, Ana Kestrel, the interior minister said: "They came in a van." '
        "Kestrel said two officers were hurt."
    )
    assert sources(text) == [("the interior minister", "named_person")]


def test_another_role_named_later_is_another_person():
    text = (
        "The interior minister said the road was shut. "
        "Ana Kestrel, the transport minister, said it would reopen."
    )
    assert len(sources(text)) == 2
    assert sources(text)[0] == ("The interior minister", "unnamed_individual")


def test_its_report_after_an_outlet_is_that_outlet():
    text = (
        "The player has a son, according to the Sunday Ledger. "
        "According to its report, his wife has told friends."
    )
    assert sources(text) == [("the Sunday Ledger", "named_organization")]
    other = "The ministry said the pier is safe. Its report said the wall was sound."
    assert len(sources(other)) == 2


@pytest.mark.parametrize(
    "text, relay",
    [
        ("A friend told The Sun the singer was thrilled.", "The Sun"),
        ("A team insider told The Athletic the deal was done.", "The Athletic"),
        ("A source told the Daily Mail the pair had split.", "Daily Mail"),
    ],
)
def test_more_outlets_known_by_name(text, relay):
    assert run(text)["sources"][0]["relayed_by"] == relay


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "The Harbour Tribune quoted Ana Kestrel, head of the rescue team, as saying the "
            "dam had failed.",
            "Ana Kestrel, head of the rescue team",
        ),
        ("The Harbour Tribune quoted Ana Kestrel saying the dam had failed.", "Ana Kestrel"),
    ],
)
def test_quoted_with_an_appositive_or_without_as(text, mention):
    assert source(text, mention)["relayed_by"] == "Harbour Tribune"


def test_quoting_a_thing_and_then_saying_is_the_subjects_speech():
    text = "The Tribune quoted the poem, saying it was old."
    assert sources(text) == [("The Tribune", "named_organization")]


def test_a_pronoun_before_an_ing_cue_is_its_antecedent():
    text = "Ana Kestrel spoke first. She cited the report, saying it was flawed."
    assert ("Ana Kestrel", "named_person") in sources(text)
    assert all(m != "She" for m, _ in sources(text))


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The regulator, however, has argued that it had limited powers.", "The regulator"),
        ("Ana Kestrel, in a statement, has said the port will close.", "Ana Kestrel"),
        ("The ministry here said the talks would continue.", "The ministry"),
    ],
)
def test_an_aside_or_here_before_the_verb(text, mention):
    assert sources(text)[0][0] == mention


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The painting was stolen overnight, police and the museum said Monday.",
            ["police", "the museum"],
        ),
        ("Police and the museum said the painting was stolen.", ["Police", "the museum"]),
        ("The thief met police and the museum said nothing.", []),
    ],
)
def test_a_body_named_by_its_head_word_speaks_with_its_partner(text, expected):
    assert [m for m, _ in sources(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shares rose after a report from CNBC said a bid was near. CNBC said the board agreed.",
        "The cut is large, the Nikkei Asian Review reported. Orders fell, Nikkei said.",
        "Harbour Logistics Inc. said profits fell. Harbour Logistics said costs rose.",
    ],
)
def test_a_body_named_again_by_its_first_words_is_one_source(text):
    assert len(sources(text)) == 1
    assert sources(text)[0][1] == "named_organization"


def test_a_place_inside_an_outlets_name_is_another_source():
    text = "The Moscow Times reported the raid. Moscow said it was legal."
    assert len(sources(text)) == 2


def test_an_outlets_spokesperson_speaks_for_it_and_passes_nothing_on():
    for text in (
        "A Harbour Tribune spokesman said the paper is not for sale.",
        "A Reuters spokeswoman said the agency stood by its story.",
    ):
        assert run(text)["sources"][0]["relayed_by"] is None
    assert (
        source("A Harbour Tribune source said the deal was done.", "A Harbour Tribune source")[
            "relayed_by"
        ]
        == "Harbour Tribune"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "None of the guards were armed, Ana Kestrel, a local official told the Tribune.",
            ("Ana Kestrel, a local official", "named_person"),
        ),
        (
            "In Harbour Bay, a local official told the Tribune the port was shut.",
            ("a local official", "unnamed_individual"),
        ),
    ],
)
def test_a_name_before_a_role_whose_closing_comma_is_missing(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "There are over 200 people accused in various cases who the police believe are alive.",
            [("the police", "named_organization")],
        ),
        (
            "Officials who the ministry trusts said the port was shut.",
            [("Officials who the ministry trusts", "vague_group")],
        ),
    ],
)
def test_the_speaker_of_an_object_relative_clause_is_its_own_subject(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, count",
    [
        ("A man accused in the killing of a guard appeared in court.", 0),
        ("Ana Kestrel accused the mayor of lying.", 1),
    ],
)
def test_accused_before_in_is_passive(text, count):
    assert len(sources(text)) == count


def test_a_bracketed_aside_inside_a_title_keeps_the_name():
    text = "Director General of Police (Crime) Ana Kestrel said the files were lost."
    assert sources(text)[0][1] == "named_person"
    assert sources("The Central Election Commission (CEC) said the vote was fair.")[0][1] == (
        "named_organization"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The singer was arrested this month, according to the Harbour Tribune. The row "
            "reportedly began at a party. Her family are said to be furious.",
            [("the Harbour Tribune", "named_organization")],
        ),
        (
            "The singer was arrested this month. The row reportedly began at a party.",
            [("reportedly", "vague_group")],
        ),
    ],
)
def test_a_hedge_right_after_an_outlet_passes_on_its_report(text, expected):
    assert sources(text) == expected


def test_a_document_sent_to_its_members_is_a_document():
    text = "The scheme is costly, according to an email from the Harbour Chamber to its members."
    assert sources(text) == [("an email from the Harbour Chamber to its members", "document")]


def test_a_spokesperson_from_a_named_body_speaks_for_an_office():
    text = "A spokesperson from the Harbour Foreign Ministry said the rules were unfair."
    assert "anonymous-no-reason" not in [n["rule"] for n in run(text)["notes"]]
    text = "A representative said the rules were unfair."
    assert "anonymous-no-reason" in [n["rule"] for n in run(text)["notes"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Ana J.L. Kestrel said the burden is huge.", ["Dr. Ana J.L. Kestrel"]),
        ("Sales rose in the U.S. The company said demand was strong.", ["The company"]),
        ("The U.S. Embassy said it was closed.", ["The U.S. Embassy"]),
        (
            "The firm is based in Washington D.C. Officials said it would close.",
            ["Officials"],
        ),
    ],
)
def test_initials_inside_a_name_and_an_initialism_that_ends_a_sentence(text, expected):
    assert [m for m, _ in sources(text)] == expected


def test_an_adverb_before_a_participle_still_opens_an_aside():
    text = (
        "The research, recently published in the journal The Harbour Review, says the bugs "
        "kill a million people."
    )
    assert sources(text)[0][1] == "document"


def test_our_president_is_an_office_not_an_anonymous_source():
    assert "anonymous-no-reason" not in [
        n["rule"] for n in run("Our president condemned the bonuses as shameful.")["notes"]
    ]
    assert "anonymous-no-reason" in [
        n["rule"] for n in run("Our source said the bonuses were shameful.")["notes"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Kestrel and her allies have said the cases are political.",
        "It was a milestone, but Ana Kestrel and her allies have said the cases are political.",
    ],
)
def test_a_named_person_and_her_allies_is_one_named_source(text):
    assert sources(text) == [("Ana Kestrel and her allies", "named_person")]


def test_a_lone_word_closing_a_title_is_its_holders_name():
    text = (
        "Additional Director General of Police (Law and Order) Kestrel conceded that faking "
        "death was easy. Kestrel said it was an old trick."
    )
    assert sources(text) == [
        ("Additional Director General of Police (Law and Order) Kestrel", "named_person")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Police arrested 30 members of the 'Ndrangheta mafia, the Harbour news agency "
            "reported.",
            ["the Harbour news agency"],
        ),
        ("Since the '90s the port has grown, the mayor said.", ["the mayor"]),
        ("'We will fight on,' the mayor said.", ["the mayor"]),
        (
            'The \'Ndrangheta controls "most of the port", police said.',
            ["police"],
        ),
    ],
)
def test_an_apostrophe_that_opens_a_word_is_no_quotation(text, expected):
    assert [m for m, _ in sources(text)] == expected


def test_according_to_her_mothers_testimony_is_not_her():
    text = "Ana Pendo died in 2017, according to her mother's testimony at the time."
    assert ("Ana Pendo", "named_person") not in sources(text)
    assert sources("Ana Pendo spoke. The plan is dead, according to her.") == [
        ("Ana Pendo", "named_person")
    ]


def test_the_report_right_after_an_outlet_is_that_outlets_report():
    text = "Thirty people were held, the Harbour Tribune said. One is at large, the report said."
    assert sources(text) == [("the Harbour Tribune", "named_organization")]
    text = "A UN report said the port was shut. One man is at large, the report said."
    assert sources(text) == [("A UN report", "document")]


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Ana Kestrel, a farmer in Salem, Oregon, said the crop failed.",
            "Ana Kestrel, a farmer in Salem, Oregon",
        ),
        (
            '"The benefit is large," lead researcher Ana Kestrel, of Harbour University in '
            'Kingston, Ontario, said in a release. "It is," Kestrel said.',
            "lead researcher Ana Kestrel, of Harbour University in Kingston, Ontario",
        ),
    ],
)
def test_a_place_and_its_region_stay_inside_the_appositive(text, mention):
    assert sources(text) == [(mention, "named_person")]


def test_a_region_after_a_place_in_the_main_clause_is_no_speaker():
    assert sources("The fire started in Salem, Oregon, officials said.") == [
        ("officials", "vague_group")
    ]


@pytest.mark.parametrize(
    "text, count",
    [
        ("Workers who can afford to buy said items are rare.", 0),
        ("People who spoke to reporters said the deal was off.", 1),
        ("A source close to them said the deal was off.", 1),
    ],
)
def test_said_after_an_infinitive_is_the_said(text, count):
    assert len(sources(text)) == count


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "HARBOUR CITY, Elbonia (AP) — Elbonia's opposition leader on Friday rejected the "
            "result, saying he would file a complaint.",
            "Elbonia's opposition leader",
        ),
        (
            "Diplomats speaking on condition of anonymity because the talks were private said "
            "the sticking point was language.",
            "Diplomats speaking on condition of anonymity because the talks were private",
        ),
        (
            "Two officials not authorized to speak publicly said the deal was close.",
            "Two officials not authorized to speak",
        ),
        (
            'Ambassador Ana Kestrel did not address specifics, telling reporters: "We have a '
            'text."',
            "Ambassador Ana Kestrel",
        ),
    ],
)
def test_wire_shapes_of_a_speaker(text, expected):
    assert sources(text)[0][0] == expected


def test_a_reason_inside_an_aside_is_read_with_the_aside():
    text = (
        "A senior official, who spoke on condition of anonymity because the talks are "
        "private, said the deal was close."
    )
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text, relayed, relay",
    [
        (
            '"At least 36 people died," the Harbour Tribune reported early Monday, citing '
            "rescuers.",
            "rescuers",
            "Harbour Tribune",
        ),
        (
            "Ludian was the worst hit, according to Xinhua who cited local officials.",
            "local officials",
            "Xinhua",
        ),
        (
            "The toll rose to 40, according to the Harbour Tribune, which cited hospital staff.",
            "hospital staff",
            "Harbour Tribune",
        ),
        (
            "Talks are possible, Ana Kestrel said, according to HNA, another news agency.",
            "Ana Kestrel",
            "HNA",
        ),
    ],
)
def test_an_outlet_passes_on_who_it_cites(text, relayed, relay):
    assert source(text, relayed)["relayed_by"] == relay


def test_an_agency_that_is_not_a_news_agency_relays_nothing():
    text = "Talks are possible, Ana Kestrel said, according to Harbour Corp, a shipping agency."
    assert source(text, "Ana Kestrel")["relayed_by"] is None


def test_calling_demonstrations_is_an_act():
    assert sources("The union called protests for Monday in every port.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The chairman of the Harbour Council Foreign Affairs Committee Ana Kestrel said the "
        "move is illegal.",
        "Chairman of the Harbour Affairs Committee Ana Kestrel said the move is illegal.",
    ],
)
def test_an_office_of_a_named_body_then_a_name_is_a_named_person(text):
    assert sources(text)[0][1] == "named_person"


def test_an_office_of_a_named_body_alone_is_unnamed():
    text = "The chairman of the Harbour Affairs Committee said the move is illegal."
    assert sources(text)[0][1] == "unnamed_individual"


@pytest.mark.parametrize(
    "text, relay",
    [
        (
            "The verdict is a blow, said Editor in Chief of Reuters news agency Ana J. Kestrel.",
            None,
        ),
        ("Reuters correspondent Ana Kestrel said the verdict is a blow.", "Reuters"),
        ("According to The Athletic's Ana Kestrel, the bid was accepted.", "The Athletic"),
    ],
)
def test_an_outlets_executive_speaks_for_herself_its_reporter_for_it(text, relay):
    assert run(text)["sources"][0]["relayed_by"] == relay


def test_the_lawyer_named_a_sentence_later_is_that_lawyer():
    text = (
        "The lawyer for Ana Ruiz, who was jailed for two years, said she would appeal. "
        "Lawyer Ben Ode said the ruling was political."
    )
    assert [k for _, k in sources(text)] == ["named_person"]


def test_a_clause_reported_by_a_speaker_who_told_a_named_outlet_is_theirs():
    text = (
        "Harbour expects that the envoy, who is arriving on Sunday, will clarify the plans, "
        "Deputy Minister Ana Kestrel told the Harbour Tribune."
    )
    assert [m for m, _ in sources(text)] == ["Deputy Minister Ana Kestrel"]


def test_a_reason_in_permission_words():
    text = "A source, who did not have permission to speak publicly, said the deal was close."
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Media outlets citing unnamed officials briefed on the attack had already revealed "
            "the details.",
            [
                ("Media outlets", "vague_group"),
                ("unnamed officials briefed on the attack", "vague_group"),
            ],
        ),
        (
            "Local media citing police said five people died.",
            [("Local media", "vague_group"), ("police", "named_organization")],
        ),
    ],
)
def test_media_citing_someone_without_commas(text, expected):
    assert sources(text) == expected


def test_a_pronouns_antecedent_keeps_its_title_of_office():
    text = (
        "Secretary of Defense Ana Kestrel was much more harsh in her denial. "
        '"The words were never uttered by me," she said in a statement.'
    )
    assert sources(text) == [("Secretary of Defense Ana Kestrel", "named_person")]


def test_an_outlet_named_at_the_end_of_a_description_is_one_source():
    text = (
        "Most casualties were in one county, the official Harbour news agency Xinhua said. "
        "Thousands of police poured into the region, Xinhua said."
    )
    assert [m for m, _ in sources(text)] == ["the official Harbour news agency Xinhua"]


def test_a_reason_after_a_request_in_a_later_sentence_belongs_to_the_source():
    text = (
        "A person with knowledge of the deal said the fee was agreed. The person spoke to "
        "the Harbour Tribune on condition of anonymity because the transfer is not final."
    )
    assert run(text)["sources"][0]["anonymity_reason"]
    text = "A person with knowledge of the deal said the fee was agreed. The person left."
    assert not run(text)["sources"][0]["anonymity_reason"]


def test_a_surname_and_her_allies_is_one_named_source():
    text = "It was a milestone, but Kestrel and her allies have said the cases are political."
    assert sources(text) == [("Kestrel and her allies", "named_person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Although the storm was weakening, forecasters warned that storms were expected.",
            ("forecasters", "vague_group"),
        ),
        ("Pollsters said the race was close.", ("Pollsters", "vague_group")),
        ("Retailers said sales fell in May.", ("Retailers", "vague_group")),
        ("The firm said sales fell in May.", ("The firm", "named_organization")),
    ],
)
def test_more_people_and_firms_who_speak(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The news broke today, with reports claiming the pair split last month.",
            ("reports", "vague_group"),
        ),
        (
            "The minister resigned, insisting that he had done nothing wrong.",
            ("The minister", "unnamed_individual"),
        ),
        (
            "The Member for Harbour, Ana Kestrel, yesterday tabled documents in parliament, "
            "alleging wrongdoing at two councils.",
            ("The Member for Harbour, Ana Kestrel", "named_person"),
        ),
    ],
)
def test_more_ing_cues_and_the_name_in_apposition_to_their_subject(text, expected):
    assert sources(text) == [expected]


def test_an_ing_cue_before_to_is_no_speech():
    assert sources("He is arguing to keep the clause in the bill.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Residents and the mayor said the road was shut.", ["Residents", "the mayor"]),
        ("He met witnesses and the mayor said nothing.", []),
    ],
)
def test_people_named_by_their_role_speak_with_their_partner(text, expected):
    assert [m for m, _ in sources(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The report, which cited people familiar with the matter, said that banks had not "
            "decided.",
            [("The report", "document"), ("people familiar with the matter", "vague_group")],
        ),
        (
            "However, Foreign Minister Ana Kestrel responded Monday by saying any decision is "
            "up to the leader.",
            [("Foreign Minister Ana Kestrel", "named_person")],
        ),
        (
            "However, the budget office was scathing, saying the party misread its figures.",
            [("the budget office", "named_organization")],
        ),
        ("Crews responded Monday by closing the road.", []),
    ],
)
def test_which_cited_asides_and_replies_after_a_connective(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'A source told the magazine: "He is upset. He misses them. He wants it settled. He '
            'said so twice." The insider added: "He will call them."',
            [("A source", "unnamed_individual")],
        ),
        (
            "Forty roads were closed, the regional transport office told the agency. "
            '"Six bridges are under water," the source said.',
            [("the regional transport office", "named_organization")],
        ),
        (
            'The council voted on Monday. The roads were shut. "It is done," the source said.',
            [("the source", "unnamed_individual")],
        ),
        (
            "An insider told the magazine that he was upset. He was tired, according to our "
            "source.",
            [("An insider", "unnamed_individual")],
        ),
        ("He was tired, according to our source.", [("our source", "unnamed_individual")]),
    ],
)
def test_the_source_or_the_insider_is_whoever_informed_the_text_before(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Daily Ledger said on Saturday that talks were close. Quoting unidentified "
            "officials, it said a draft was ready.",
            [("unidentified officials", "Daily Ledger")],
        ),
        (
            "The Daily Ledger said on Saturday that talks were close. A draft was ready, it "
            "said, citing two people briefed on the talks.",
            [("two people briefed on the talks", "Daily Ledger")],
        ),
        (
            "The ministry said on Saturday that talks were close. Citing border guards, it said "
            "a crossing would open.",
            [("border guards", None)],
        ),
        (
            "The Daily Ledger said talks were close. Citing security concerns, it said the bridge "
            "would shut.",
            [],
        ),
    ],
)
def test_a_pronoun_subject_passes_on_whom_it_cites(text, expected):
    cited = [(s["mention"], s["relayed_by"]) for s in run(text)["sources"] if s["cue"] == "citing"]
    assert cited == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harbour officials rarely acknowledge publicly that the program exists.", []),
        ("Harbour officials seldom publicly comment on the program.", []),
        ("Harbour officials never acknowledge the program.", []),
        (
            "Harbour officials have repeatedly said the program exists.",
            [("Harbour officials", "vague_group")],
        ),
        (
            "Officials have rarely been so blunt, the port director said.",
            [("the port director", "unnamed_individual")],
        ),
    ],
)
def test_a_speech_verb_after_rarely_or_never_attributes_nothing(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Both complaints allege in identical language that the apps harm pupils.",
            [("Both complaints", "document")],
        ),
        (
            "The complaint alleges that the apps harm pupils.",
            [("The complaint", "document")],
        ),
    ],
)
def test_legal_complaints_are_documents(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Two harbour officials -- one current, one former -- told the Daily Ledger that the "
            "plan was ready.",
            [("Two harbour officials", "unnamed_individual")],
        ),
        (
            "SALEM -- The port director said the road would close.",
            [("The port director", "unnamed_individual")],
        ),
        (
            "The score was 2--1 after the break, the coach said.",
            [("the coach", "unnamed_individual")],
        ),
    ],
)
def test_a_typewriter_dash_sets_off_an_aside_like_a_dash(text, expected):
    assert [(m, k) for m, k in sources(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Contacted by the Daily Ledger on Friday, Mr Dale was reluctant to talk, claiming "
            "the posts were written by staff.",
            [("Mr Dale", "named_person")],
        ),
        (
            "Asked about the plan, Minister Ana Ruiz walked out, saying it was secret.",
            [("Minister Ana Ruiz", "named_person")],
        ),
        ("Asked about the plan, the board walked out, hoping for a delay.", []),
    ],
)
def test_an_ing_cues_subject_follows_an_opening_participle_clause(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Based on a Harbour Courier count, the strike was the ninth this year.",
            [("a Harbour Courier count", "document")],
        ),
        (
            "Based on figures from the transport ministry, fares rose by a third.",
            [("figures from the transport ministry", "document")],
        ),
        ("The new timetable is based on a proposal from the mayor.", []),
        ("Based on her experience, the plan will fail.", []),
    ],
)
def test_based_on_data_opening_a_sentence_names_a_source(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The photographs were first published by the Harbour Courier on Monday.",
            [("the Harbour Courier", "named_organization")],
        ),
        (
            "The photographs were only later released by the port authority.",
            [("the port authority", "named_organization")],
        ),
    ],
)
def test_a_passive_with_an_adverb_before_its_participle_names_its_agent(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The images were published by the website Pinemark.",
            [("the website Pinemark", "named_organization")],
        ),
        (
            "The blog Pinemark said the phone was real.",
            [("The blog Pinemark", "named_organization")],
        ),
    ],
)
def test_a_website_or_blog_named_by_its_class_noun_is_an_organisation(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The hall opens on Friday, with 300 guests expected.",
            [],
        ),
        (
            "The busiest hour is on Sunday, with 15 worshippers expected.",
            [],
        ),
        (
            "Sales rose by a tenth, more than analysts expected.",
            [("analysts", "vague_group")],
        ),
    ],
)
def test_with_a_noun_and_a_participle_ending_the_clause_is_no_speech(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A number of readers said they believed the photographs were doctored.",
            [("A number of readers", "vague_group")],
        ),
        ("Users of the app reported crashes on Monday.", [("Users of the app", "vague_group")]),
        (
            '"The pier is gone," wrote a visitor on the island.',
            [("a visitor on the island", "unnamed_individual")],
        ),
    ],
)
def test_readers_users_and_visitors_are_people_who_speak(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The flood is not as bad as many officials claim.", [("many officials", "vague_group")]),
        ("The road is safe, as engineers argue.", [("engineers", "vague_group")]),
        ("The inspectors read the weekly reports.", []),
        ("The inspectors filed the claims.", []),
    ],
)
def test_a_bare_form_ending_an_as_clause_is_a_verb(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "On Friday, the port director resigned, saying the bridge was unsafe.",
            [("the port director", "unnamed_individual")],
        ),
        (
            "In a statement, the harbour board closed the pier, saying it was unsafe.",
            [("the harbour board", "named_organization")],
        ),
        ("When the storm came, the pier closed, leaving boats adrift.", []),
    ],
)
def test_an_ing_cues_subject_follows_a_short_opening_phrase_of_time_or_place(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Harbour Courier published the papers on Friday, reporting that the deal was "
            "secret.",
            [("The Harbour Courier", "named_organization")],
        ),
        ("Reporting by Ana Ruiz; editing by Tom Cole.", []),
        ("She has been reporting on the floods for years.", []),
    ],
)
def test_reporting_after_a_comma_is_an_ing_cue(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "url, relay",
    [
        (None, "Times of Israel"),
        ("https://www.timesofisrael.com/talks-stall/", None),  # told the publisher itself
    ],
)
def test_the_longest_outlet_name_after_told_wins(url, relay):
    text = "The talks have stalled, a senior official told The Times of Israel on Thursday."
    assert [(s["mention"], s["relayed_by"]) for s in run(text, url=url)["sources"]] == [
        ("a senior official", relay)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Similar photographs were also posted online by a user in Salem.",
            [("a user in Salem", "unnamed_individual")],
        ),
        (
            "The report was published online by the transport ministry.",
            [("the transport ministry", "named_organization")],
        ),
        ("Similar photographs and others were also posted online by a fan account.", []),
        ("She posted a video of the pier on Monday.", []),
    ],
)
def test_a_passive_agent_after_an_adverb_and_posted_by(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A close friend said the couple were unhappy.",
            [("A close friend", "unnamed_individual")],
        ),
        (
            "According to a close source, the couple were unhappy.",
            [("a close source", "unnamed_individual")],
        ),
        (
            "Sources close to the talks said the deal was near.",
            [("Sources close to the talks", "vague_group")],
        ),
    ],
)
def test_close_before_its_noun_is_an_adjective(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('A pal revealed: "They worked hard on it."', [("A pal", "unnamed_individual")]),
        (
            "A confidant of the mayor said she would resign.",
            [("A confidant of the mayor", "unnamed_individual")],
        ),
    ],
)
def test_pals_and_confidants_are_people_who_speak(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The singer and the actor have split up, the Harbour Courier can reveal.",
            [("the Harbour Courier", "named_organization", None)],
        ),
        (
            "The Harbour Courier can reveal that the mayor will resign.",
            [("The Harbour Courier", "named_organization", None)],
        ),
        (
            "Police can confirm that two men were arrested.",
            [("Police", "named_organization", None)],
        ),
        ("Only the minister can reveal the plan.", []),
        ("The tests can reveal traces of the drug.", []),
    ],
)
def test_a_paper_that_can_reveal_reports_in_its_own_name(text, expected):
    got = [(s["mention"], s["kind"], s["relayed_by"]) for s in run(text)["sources"]]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fans are saying that the couple has split.", [("Fans", "vague_group")]),
        (
            "Critics are already claiming that the vote was rigged.",
            [("Critics", "vague_group")],
        ),
        ("He is saying goodbye to the team.", []),
    ],
)
def test_a_progressive_speech_verb_before_that_is_a_cue(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A letter written on behalf of the landowner claimed that sightseers came daily.",
            [("A letter written on behalf of the landowner", "document")],
        ),
        ("The leaked memo said the plant would close.", [("The leaked memo", "document")]),
        (
            "The written statement said the plant would close.",
            [("The written statement", "document")],
        ),
        (
            "Figures given to the Harbour Courier show a fall in crime.",
            [("Figures given to the Harbour Courier", "document")],
        ),
    ],
)
def test_irregular_participles_modify_and_participles_before_a_noun_describe_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The fee was put at 60 million, but according to Ruiz the actual cost is lower.",
            [("Ruiz", "named_person")],
        ),
        (
            "According to Alexander the Great, the empire had no end.",
            [("Alexander the Great", "named_person")],
        ),
    ],
)
def test_according_to_a_name_then_a_clause_without_a_comma(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The transfer is on the brink of completion with the Harbour Courier reporting "
            "that the player passed a medical.",
            [("the Harbour Courier", "named_organization")],
        ),
        ("The town has a long-standing agreement with the port saying ships may dock.", []),
    ],
)
def test_an_absolute_with_phrase_after_a_noun(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In a statement, the couple said they were better as friends.",
            [("the couple", "named_person")],
        ),
        ("The pair said they would appeal.", [("The pair", "named_person")]),
        ("A couple in Salem said the road was shut.", []),
    ],
)
def test_the_couple_or_the_pair_are_the_people_the_story_names(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Life & Style reported that he was tired.", [("Life & Style", "named_organization")]),
        ("Harbour & Pine said profits rose.", [("Harbour & Pine", "named_organization")]),
    ],
)
def test_a_name_joined_by_an_ampersand_is_an_organisation(text, expected):
    assert sources(text) == expected


def test_telling_a_name_the_text_showed_reporting_passes_words_on():
    text = (
        'Pine & Cone reported that the singer was tired. "He is tired," a friend close to '
        "the star told Pine & Cone."
    )
    got = [(s["mention"], s["relayed_by"]) for s in run(text)["sources"]]
    assert got == [("Pine & Cone", None), ("a friend close to the star", "Pine & Cone")]


@pytest.mark.parametrize(
    "url, relay",
    [
        ("https://www.harbourherald.com.au/story/1/pier/", None),  # the paper's own interview
        ("https://www.harbourherald.co.uk/news/pier", None),
        ("https://www.pinevalleypost.com/pier", "Herald"),
        (None, "Herald"),
    ],
)
def test_told_the_publisher_by_the_last_word_of_its_name_is_first_hand(url, relay):
    text = "The couple told the Herald they felt trapped in their home."
    assert [(s["mention"], s["relayed_by"]) for s in run(text, url=url)["sources"]] == [
        ("The couple", relay)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Later, the nurses called the police for help.", []),
        ("Neighbours called an ambulance.", []),
        ("The mayor called the police a disgrace.", [("The mayor", "unnamed_individual")]),
        (
            "The mayor called the police response slow.",
            [("The mayor", "unnamed_individual")],
        ),
    ],
)
def test_calling_the_police_is_an_act(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 25-year-old accused gang member was granted bail.", []),
        ("The accused man appeared in court on Monday.", []),
        ("The mayor accused officials of lying.", [("The mayor", "unnamed_individual")]),
    ],
)
def test_accused_before_a_person_noun_describes_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Crews treated the two teenagers, said to be 15 and 16, at the scene.", []),
        ("The singer, said to have been furious, left the stage.", []),
        (
            "The two teenagers said the bus had left early.",
            [("The two teenagers", "unnamed_individual")],
        ),
    ],
)
def test_said_to_be_after_a_noun_is_a_hedge_about_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officers told the crowd to move back from the pier.", []),
        (
            "Officers told the crowd that the pier was unsafe.",
            [("Officers", "vague_group")],
        ),
    ],
)
def test_telling_someone_to_do_something_is_an_order(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Witnesses told how the boat sank near the pier.", [("Witnesses", "vague_group")]),
        ("Survivors told of their ordeal at sea.", [("Survivors", "vague_group")]),
        ("The film has told a simple story for decades.", []),
    ],
)
def test_told_how_or_told_of_is_a_telling(text, expected):
    assert sources(text) == expected


def test_two_names_after_an_inverted_cue_and_a_role_are_two_people():
    assert sources('"It is done," said owners Ana Ruiz and Tom Cole.') == [
        ("owners Ana Ruiz", "named_person"),
        ("Tom Cole", "named_person"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two shops burned down overnight, said officials.", [("officials", "vague_group")]),
        (
            "Guards held four men at the port, said security sources on Monday.",
            [("security sources", "vague_group")],
        ),
        ("The fee, said local traders, would ruin them.", [("local traders", "vague_group")]),
        # a verb follows: the phrase is the object of "said", not its speaker
        (
            "Jo Reyes, the mayor, said residents were safe.",
            [("Jo Reyes, the mayor", "named_person")],
        ),
        ("He denied it and said nothing more.", []),
        ("The roads flooded, said earlier forecasts.", []),
    ],
)
def test_an_inverted_cue_before_a_bare_plural_that_ends_the_clause(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Six people died in the blast, health authorities and witnesses said.",
            [("health authorities", "vague_group"), ("witnesses", "vague_group")],
        ),
        (
            "The blaze began in a kitchen, fire officials and the landlord said.",
            [("fire officials", "vague_group"), ("the landlord", "unnamed_individual")],
        ),
        # a verb or a number before the modifier: no second speaker
        (
            "Troops shot two men and local officials said they were armed.",
            [("local officials", "vague_group")],
        ),
        (
            "They met in May, four former officials and two current officials said.",
            [("two current officials", "unnamed_individual")],
        ),
    ],
)
def test_a_lower_case_partner_with_modifiers_speaks_too(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The clinic reopened in May, a regional health official said. It had been shut "
            "for a year, according to Mara Okoye, a Lagos State health official.",
            [("a regional health official", "named_person")],
        ),
        (
            "Guards seized four tonnes of fuel at the border, a minister said. The fuel was "
            "bound for export, Energy Minister Tomas Alder told reporters.",
            [("a minister", "named_person")],
        ),
        # another person with the same role, a contrast, or a request for anonymity
        (
            "An official said the talks had failed. Ana Ruiz, another official, said they "
            "would resume.",
            [("An official", "unnamed_individual"), ("Ana Ruiz, another official", "named_person")],
        ),
        (
            "A minister said the plan had failed. But Finance Minister Tom Reyes said it "
            "would work.",
            [("A minister", "unnamed_individual"), ("Finance Minister Tom Reyes", "named_person")],
        ),
        (
            "A senior official, speaking on condition of anonymity, said the talks failed. "
            "Tom Reyes, a senior official, later said they would resume.",
            [
                ("A senior official, speaking on condition of anonymity", "unnamed_individual"),
                ("Tom Reyes, a senior official", "named_person"),
            ],
        ),
    ],
)
def test_an_indefinite_role_named_with_the_same_role_soon_after_is_that_person(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tests will end in May, head of the field team Pavel Orlov told reporters.",
            [("head of the field team Pavel Orlov", "named_person")],
        ),
        (
            "Tests will end in May, leader of the survey's second stage Ilya Marin of the "
            "Mining Institute said.",
            [
                (
                    "leader of the survey's second stage Ilya Marin of the Mining Institute",
                    "named_person",
                )
            ],
        ),
        # a body's name after "of" is no person's name
        (
            "The head of the Ministry of Foreign Affairs said talks would resume.",
            [("The head of the Ministry of Foreign Affairs", "unnamed_individual")],
        ),
    ],
)
def test_a_name_closing_a_role_phrase_is_the_roles_holder(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Tom Ashby, heart expert at Kelso Pharmacy, which paid for the survey, said: "It '
            'is worrying."',
            [
                (
                    "Tom Ashby, heart expert at Kelso Pharmacy, which paid for the survey",
                    "named_person",
                )
            ],
        ),
        (
            "Ana Ruiz, epidemiologist at Leeds University and first author of the study, said "
            "the link was weak.",
            [
                (
                    "Ana Ruiz, epidemiologist at Leeds University and first author of the study",
                    "named_person",
                )
            ],
        ),
        # a time phrase is no name, and a plural is no one person's role
        (
            "On Thursday, government sources said the talks were over.",
            [("government sources", "vague_group")],
        ),
        (
            "On Thursday, a senior official said the talks were over.",
            [("a senior official", "unnamed_individual")],
        ),
    ],
)
def test_a_role_after_a_comma_describes_the_name_before_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The port set a record on May 2, Norway's fisheries and ocean minister has "
            'announced. "We are proud," Fisheries and Ocean Minister Kari Lund said.',
            [("Norway's fisheries and ocean minister", "named_person")],
        ),
        (
            "The port set a record, the foreign and defence secretary said.",
            [("the foreign and defence secretary", "unnamed_individual")],
        ),
        # another portfolio is another person
        (
            "Norway's foreign minister said the talks failed. Later, Defence Minister Kari "
            "Lund said they would resume.",
            [
                ("Norway's foreign minister", "unnamed_individual"),
                ("Defence Minister Kari Lund", "named_person"),
            ],
        ),
        (
            "The foreign minister said the talks failed. Later, Defence Minister Kari Lund "
            "said they would resume.",
            [
                ("The foreign minister", "unnamed_individual"),
                ("Defence Minister Kari Lund", "named_person"),
            ],
        ),
        (
            "The minister said the talks failed. Later, Foreign Minister Kari Lund said they "
            "would resume.",
            [("The minister", "named_person")],
        ),
    ],
)
def test_an_office_of_two_portfolios_and_its_holder_named_after(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A summit may come before the forum, several diplomatic sources said on Monday. "
            "One of the sources familiar with the plans for the summit said there was no "
            "need to link the two.",
            [("several diplomatic sources", "vague_group")],
        ),
        (
            "Overdoses rose 10 percent, a new report published by the agency found. "
            '"The epidemic continues to worsen," the authors of the report said.',
            [("a new report published by the agency", "document")],
        ),
        # no group and no report before: a source of its own
        (
            "One of the passengers familiar with the route said the bus was late.",
            [("One of the passengers familiar with the route", "unnamed_individual")],
        ),
    ],
)
def test_a_member_described_at_length_and_a_reports_authors_are_back_references(text, expected):
    assert sources(text) == expected


def test_a_hyphenated_title_before_a_name_is_a_title():
    text = (
        "The agency will send a team, the head of the Harbour Health Organization said "
        "Friday. HHO Director-General Ana Kestrel in a post said the deal was made by phone."
    )
    assert sources(text) == [("the head of the Harbour Health Organization", "named_person")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Governor Ana Ruiz was briefed on Monday. Harlan stayed doubtful about the claim, "
            'asking how anyone could be sure. "What is going on?" he wrote online. Aides '
            "later met Harlan.",
            [("Harlan", "named_person")],
        ),
        # written capitalised only where a sentence starts: no evidence of a name
        (
            "Governor Ana Ruiz was briefed on Monday. Harlan stayed doubtful about the claim. "
            "He wrote online that it was odd.",
            [("Governor Ana Ruiz", "named_person")],
        ),
        # a place is no one's name
        (
            "Governor Ana Ruiz was briefed on Monday. Russia stayed doubtful about the claim. "
            "She said it was odd. Officials in Russia agreed.",
            [("Governor Ana Ruiz", "named_person"), ("Officials in Russia", "vague_group")],
        ),
    ],
)
def test_a_surname_opening_the_sentence_before_is_a_pronouns_nearer_antecedent(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The survey, which polled 3,000 adults, found that most sleep too little.",
            [("The survey, which polled 3,000 adults", "document")],
        ),
        (
            "The mayor, who met 3,000 voters, said that many are angry.",
            [("The mayor, who met 3,000 voters", "unnamed_individual")],
        ),
        # counted the same with or without a thousands separator
        (
            "About 3,000 protesters said they would return.",
            [("3,000 protesters", "unnamed_individual")],
        ),
        (
            "About 300 protesters said they would return.",
            [("300 protesters", "unnamed_individual")],
        ),
    ],
)
def test_a_thousands_separator_is_part_of_its_number(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A source privy to the talks said that the meeting discussed the attack.",
            [("A source privy to the talks", "unnamed_individual")],
        ),
        (
            "Two people knowledgeable about the plan said it would fail.",
            [("Two people knowledgeable about the plan", "unnamed_individual")],
        ),
        (
            "Two other sources, privy to the bank's meetings with auditors, said the "
            "officials were called in.",
            [
                (
                    "Two other sources, privy to the bank's meetings with auditors",
                    "unnamed_individual",
                )
            ],
        ),
    ],
)
def test_privy_and_knowledgeable_describe_a_source_like_familiar(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Harbour City Police Officer Ravi Mehta said the case was closed.",
        "Senior Police Officer Ravi Mehta said the case was closed.",
    ],
)
def test_officer_before_a_name_is_a_title(text):
    assert [k for _, k in sources(text)] == ["named_person"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In a Harbour University poll, 65% of voters said the plan had failed.",
            [("a Harbour University poll", "document")],
        ),
        (
            "In a Lakeside poll of adults nationwide, 57% said the levy was unfair.",
            [("a Lakeside poll of adults nationwide", "document")],
        ),
        # a share with no poll named: what a count found, no one who speaks
        ("Asked about the plan, 65% of voters said it had failed.", []),
        ("A third of respondents said they would move.", []),
        ("Only 12 percent said they trusted the council.", []),
    ],
)
def test_a_share_of_those_asked_is_the_polls_answer(text, expected):
    assert sources(text) == expected


def test_a_place_after_in_opening_the_sentence_is_no_name_before_a_role():
    assert sources("In Leeds, voters said the plan had failed.") == [("voters", "vague_group")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The trial enrolled 400 people, according to the Guardian.",
            [("the Guardian", "named_organization")],
        ),
        (
            "The trial enrolled 400 people, the Economist reported.",
            [("the Economist", "named_organization")],
        ),
    ],
)
def test_an_outlet_listed_with_the_is_found_after_a_lower_case_the(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The trial enrolled 400 people, The New York Times reports.",
            [("The New York Times", "named_organization")],
        ),
        (
            "The trial enrolled 400 people, reports Harbour Live.",
            [("Harbour Live", "named_organization")],
        ),
        (
            "Dr Ana Ruiz reports that the trial enrolled 400 people.",
            [("Dr Ana Ruiz", "named_person")],
        ),
        # a document noun before a full stop is a noun
        ("Police would not confirm media reports.", []),
    ],
)
def test_reports_after_a_comma_with_its_outlet_on_the_right(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fans released a video saying goodbye.", []),
        ("The board said no to the offer.", []),
        (
            "The chairman insisted no deal was close.",
            [("The chairman", "unnamed_individual")],
        ),
    ],
)
def test_a_greeting_or_an_answer_is_not_information(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The sports ministry, meanwhile, issued a statement Wednesday saying it "
            "condemns the change.",
            [("The sports ministry", "named_organization")],
        ),
        (
            "Police put out a statement saying the road was closed.",
            [("Police", "named_organization")],
        ),
        # a statement with no one issuing it on the left: no speaker found this way
        ("A statement saying the road was closed was read out.", []),
    ],
)
def test_the_one_who_issued_a_statement_saying_speaks(text, expected):
    assert sources(text) == expected


def test_the_times_in_lower_case_is_no_outlet_of_its_own():
    # "the Times" is how a text names again whichever Times it cited: no relay through it
    text = "The trial was small, according to the Times."
    assert run(text)["sources"][0]["relayed_by"] is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The club will sign a midfielder, as per a report by Harbour Live.",
            [("a report by Harbour Live", "document")],
        ),
        ("As per sources, the deal is done.", [("sources", "vague_group")]),
        ("The work was done as per the rules.", []),
        ("The fee is 40 dollars per day.", []),
    ],
)
def test_as_per_names_a_source_like_according_to(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, relay",
    [
        ("The toll rose to nine, IANS quoted a police officer as saying.", "IANS"),
        (
            "China Central Television cited a rescuer as saying nine had died.",
            "China Central Television",
        ),
        ("Police said, according to Efe, that two men had died.", "Efe"),
    ],
)
def test_more_news_agencies_pass_on_what_they_quote(text, relay):
    assert run(text)["sources"][0]["relayed_by"] == relay


def test_ambiguous_capitals_are_no_outlets():
    # "CCTV footage" is a camera's, "The Independent candidate" a politician
    for text in ("CCTV footage showed the car.", "The Independent candidate said he would run."):
        assert run(text)["sources"][0]["relayed_by"] is None


@pytest.mark.parametrize(
    "text, relay",
    [
        (
            'Five died, the state news agency Xinhua reported. "It was loud," a resident told '
            "the news agency.",
            "Xinhua",
        ),
        (
            "A report by the Daily Mail revealed the plan. A source told the outlet that it "
            "had failed.",
            "Daily Mail",
        ),
    ],
)
def test_told_the_news_agency_names_the_listed_outlet_before(text, relay):
    assert run(text)["sources"][1]["relayed_by"] == relay


def test_told_the_agency_is_no_outlet():
    text = 'Five died, the environment agency said. "It was loud," a resident told the agency.'
    assert run(text)["sources"][1]["relayed_by"] is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A Ministry of Defence official said the reporter was wrong.",
            [("A Ministry of Defence official", "unnamed_individual")],
        ),
        (
            "A Bank of England spokesman said rates would rise.",
            [("A Bank of England spokesman", "unnamed_individual")],
        ),
        (
            "The Ministry of Defence said the reporter was wrong.",
            [("The Ministry of Defence", "named_organization")],
        ),
    ],
)
def test_the_noun_after_a_bodys_name_with_of_is_the_head(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In a statement, the Harbour Broadcasting Corporation cast doubt on whether the "
            "man was the source, saying the account did not match.",
            [("the Harbour Broadcasting Corporation", "named_organization")],
        ),
        (
            "The White House press office issued a note, saying the talks had failed.",
            [("The White House press office", "named_organization")],
        ),
        (
            "Police in Lagos arrested two men, saying they were armed.",
            [("Police in Lagos", "named_organization")],
        ),
    ],
)
def test_a_lower_case_verb_after_a_name_ends_an_ing_cues_subject(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected, relay",
    [
        (
            "The Times, the Herald and the Sun all reported comments from an insider naming "
            "a former aide.",
            [("an insider", "unnamed_individual")],
            "The Times",
        ),
        (
            "The Harbour Times reported comments from a senior official who said the plan failed.",
            [("a senior official", "unnamed_individual")],
            "Harbour Times",
        ),
        # no outlet reports them: the subject speaks
        ("Police reported comments from witnesses.", [("Police", "named_organization")], None),
    ],
)
def test_outlets_that_reported_comments_from_someone_pass_them_on(text, expected, relay):
    assert sources(text) == expected
    assert run(text)["sources"][0]["relayed_by"] == relay


@pytest.mark.parametrize(
    "text",
    [
        "Chinese mainland experts met reporters on Monday, saying the plan was too costly.",
        "Chinese mainland experts warned, saying the plan was too costly.",
    ],
)
def test_a_demonym_before_a_lower_case_noun_keeps_the_subject_going(text):
    # and a plural of people ends it: "experts met reporters" is no speaker phrase
    assert ("Chinese mainland experts", "vague_group") in sources(text)


@pytest.mark.parametrize(
    "text, expected, relay",
    [
        (
            "The Harbour Times spoke with a neighbour who said the couple had left.",
            [("a neighbour", "unnamed_individual")],
            "Harbour Times",
        ),
        (
            "Reporters interviewed a witness who said the car was red.",
            [("a witness", "unnamed_individual")],
            None,
        ),
    ],
)
def test_someone_contacted_who_said_is_the_speaker(text, expected, relay):
    assert sources(text) == expected
    assert run(text)["sources"][0]["relayed_by"] == relay


@pytest.mark.parametrize(
    "text", ["She met a man who said he was lost.", "Anyone who says otherwise is wrong."]
)
def test_a_who_clause_without_a_contact_verb_is_no_source(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Judge Ana Ruiz spoke first. Later, Tom Hale was also found to have lied.", []),
        ("The minister was later told that the plan had failed.", []),
        ("The study also found that most children walk.", [("The study", "document")]),
    ],
)
def test_a_passive_with_also_or_later_before_it_has_no_speaker(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Troops searched 40 homes in March, detaining 12 men, said the local rights group.",
            [("the local rights group", "named_organization")],
        ),
        (
            "Troops searched 40 homes in March, detaining 12 men, residents said.",
            [("residents", "vague_group")],
        ),
        (
            "Troops searched homes, arresting 12 men, said the rights group on May 2, 2024.",
            [("the rights group", "named_organization")],
        ),
        (
            "The mayor of Lowtown, bordering the river, told reporters the bridge was shut.",
            [("The mayor of Lowtown, bordering the river", "unnamed_individual")],
        ),
        (
            "Ana Ruiz, a union official, said Bway Corp., which bought the plant, cut jobs.",
            [("Ana Ruiz, a union official", "named_person")],
        ),
        (
            "'It is bad,' Kate Wells, director of the clinic, said Tuesday.",
            [("Kate Wells, director of the clinic", "named_person")],
        ),
        (
            "Oslo and Bern, which is not a member, have reported an increase in flights.",
            [("Oslo and Bern, which is not a member", "named_organization")],
        ),
    ],
)
def test_an_aside_after_a_clause_is_no_subject_of_its_own(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Troops searched homes, said the rights group last week.",
            [("the rights group", "named_organization")],
        ),
        (
            "The rights group last week said troops searched homes.",
            [("The rights group", "named_organization")],
        ),
        (
            "Doctors who worked there last week said the ward was full.",
            [("Doctors who worked there last week", "vague_group")],
        ),
    ],
)
def test_a_time_that_ends_the_speaker_phrase_is_when_not_who(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In 2015, Presidential Adviser on Climate Anna Berg confirmed the deal.",
            "named_person",
        ),
        ("Senior Official for Trade Tom Hale said talks would resume.", "named_person"),
        ("The Special Envoy for Syria Anna Berg said talks would resume.", "named_person"),
    ],
)
def test_a_capitalised_role_with_on_or_for_before_a_name_is_a_title(text, expected):
    assert sources(text)[0][1] == expected


def test_a_capitalised_plural_role_opening_a_name_is_no_title():
    assert (
        sources("Friends of the Harbour Scotland said the plan was poor.")[0][1] != "named_person"
    )


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            '"It is over," a navy officer said on condition of anonymity in keeping with '
            "fleet practice.",
            True,
        ),
        ('"It is over," a navy officer said, speaking anonymously as is customary.', True),
        ('"It is over," a navy officer said in line with the new plan.', False),
    ],
)
def test_a_rule_or_custom_after_a_marker_is_a_reason_for_anonymity(text, reason):
    assert bool(run(text)["sources"][0]["anonymity_reason"]) is reason


@pytest.mark.parametrize(
    "text",
    [
        "Minister of Trade Samir Al-Hakim said exports rose.",
        "Minister of Trade Sean O'Neill said exports rose.",
        "Health Minister Anne-Marie Lund said the clinic would open.",
    ],
)
def test_a_name_with_a_hyphen_or_apostrophe_inside_completes_a_title(text):
    assert sources(text)[0][1] == "named_person"


def test_a_possessive_is_no_name_word():
    assert sources("Harbour's mayor said the pier was closed.")[0][1] == "unnamed_individual"


@pytest.mark.parametrize(
    "text",
    [
        '"It is early," an official, speaking to reporters anonymously because of media '
        "rules, said.",
        'Turnout fell, according to a source at the board. "It is early," the source, '
        "speaking to the Courier anonymously due to rules on talking to media, said.",
    ],
)
def test_anonymously_after_words_in_between_marks_the_request(text):
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text",
    [
        "The marchers who tried to block roads fought police while they said they would stay.",
        "Farmers who blocked the road clashed with police even as they maintained calm.",
    ],
)
def test_a_pronoun_right_before_the_cue_ends_a_relative_clause_subject(text):
    assert all(" fought " not in m and " clashed " not in m for m, _ in sources(text))


@pytest.mark.parametrize(
    "text",
    [
        "According to the army's press wing, the rebels fired first.",
        "The party's youth wing said the count was wrong.",
    ],
)
def test_a_wing_of_a_body_is_an_organisation(text):
    assert sources(text)[0][1] == "named_organization"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Marches grew amid reports that 12 people were hurt, according to the Red Cross.",
            [("the Red Cross", "named_organization")],
        ),
        (
            "Marches grew amid reports that 12 people were hurt.",
            [("reports", "vague_group")],
        ),
    ],
)
def test_reports_that_an_according_to_names_later_are_its_own(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prices rose, according to dealers.", [("dealers", "vague_group")]),
        ("The protestors said they would not leave.", [("The protestors", "vague_group")]),
        ("Mediators said the talks would resume.", [("Mediators", "vague_group")]),
    ],
)
def test_more_nouns_for_people_can_speak(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They reinforced the fighters of another rogue state last May.", []),
        ("A few experts state that the plan failed.", [("A few experts", "vague_group")]),
        (
            "The firm released a statement saying it had no spills.",
            [("The firm", "named_organization")],
        ),
    ],
)
def test_a_base_form_after_a_singular_article_and_a_word_is_a_noun(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Outlets including NBC, Reuters and CNN reported that the bridge fell.",
            ["NBC", "Reuters", "CNN"],
        ),
        (
            "NBC, the BBC, Reuters and CNN reported that the bridge fell.",
            ["NBC", "the BBC", "Reuters", "CNN"],
        ),
        ("Officials, Reuters and CNN reported that the bridge fell.", ["Reuters", "CNN"]),
    ],
)
def test_outlets_listed_with_commas_before_a_pair_are_each_a_source(text, expected):
    assert [m for m, _ in sources(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Asthma was more common in veterans, a new study found. The findings tracked "
            "9,000 people. Researchers saw a small rise. The rise held for women. It held "
            "for men too. Authors of the study credited the army, saying the data helped.",
            [("a new study", "document")],
        ),
        (
            "Asthma was more common, a new study found. It tracked 9,000 people. It held "
            "for women. It held for men. Authors said the data helped.",
            [("a new study", "document"), ("Authors", "vague_group")],
        ),
    ],
)
def test_authors_of_a_named_document_are_that_document_however_far_back(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mayor Ana Ruiz kept everyone guessing until the last day, when she said that she "
            "would stay.",
            [("Mayor Ana Ruiz", "named_person")],
        ),
        ("Asked when she said that, Mayor Ana Ruiz smiled.", []),
        ("Mayor Ana Ruiz smiled. It is unclear if she told the board.", []),
    ],
)
def test_when_or_if_asks_only_after_a_word_of_asking(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norway's armed forces said the claim was false.",
        "Norway's armed forces rejected Sweden's claim about the drill.",
    ],
)
def test_a_participle_after_an_owner_describes_the_head(text):
    assert ("Norway's armed forces", "named_organization") in sources(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials' reported comments drew anger.", []),
        ("'We won the matches,' said the coach.", [("the coach", "unnamed_individual")]),
    ],
)
def test_a_cue_after_a_plural_owner_is_no_verb(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Now a Harbour source explained that they broke up.",
            [("a Harbour source", "unnamed_individual")],
        ),
        (
            "Today a Pentagon official said the test failed.",
            [("a Pentagon official", "unnamed_individual")],
        ),
        ("Now Ana Ruiz said the test failed.", [("Ana Ruiz", "named_person")]),
    ],
)
def test_an_opening_adverb_without_a_comma_is_not_part_of_the_subject(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The remarks answered Ana Ruiz's criticism of Tom Hale, to whom Kaigorodov reports "
        "directly.",
        "The board named a chief, to whom Ana Ruiz said she would report.",
    ],
)
def test_a_phrase_opening_with_whom_is_no_speaker_and_does_not_fail(text):
    assert all(not m.startswith("whom") for m, _ in sources(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two days later, a memo obtained by the Courier, said the virus wa", []),
        (
            "Troops searched homes, arresting 12 men, said the rights group",
            [("the rights group", "named_organization")],
        ),
    ],
)
def test_a_text_cut_off_after_an_inverted_phrase_is_read_without_failing(text, expected):
    assert sources(text) == expected  # no IndexError at the text's end


@pytest.mark.parametrize(
    "text",
    [
        "The port will close, according to three officials familiar with the plan. The work "
        "goes on, said the officials, who spoke on the condition of anonymity to speak freely.",
        "The port will close, said an aide, speaking on the condition that he not be named "
        "because he was not cleared to brief.",
    ],
)
def test_on_the_condition_of_anonymity_marks_the_request_like_on_condition(text):
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The deal is close, said a witness who asked not to be named.",
            [("a witness who asked not to be named", "unnamed_individual")],
        ),
        (
            "The deal is close, said the man who sold the car.",
            [("the man who sold the car", "unnamed_individual")],
        ),
    ],
)
def test_a_relative_clause_after_an_inverted_speaker_stays_with_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The deal is close, said a person who asked not to be identified discussing private talks.",
        "The deal is close, said a witness who asked not to be named for security reasons.",
        "The deal is close, a senior official said on a call with reporters under ground rules "
        "that he not be named.",
        "The deal is close, said a person who asked not to be named to avoid upsetting the talks.",
    ],
)
def test_more_reasons_for_anonymity(text):
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The singer is reportedly single. The Harbour Herald reports that she split up.",
            [("The Harbour Herald", "named_organization")],
        ),
        (
            "The board has reportedly dropped him. According to a report in the Harbour "
            "Herald, the board met on Monday.",
            [("a report in the Harbour Herald", "document")],
        ),
        (
            "The singer is reportedly single. Ana Ruiz said she was in Paris.",
            [("reportedly", "vague_group"), ("Ana Ruiz", "named_person")],
        ),
    ],
)
def test_reportedly_right_before_the_report_is_named_announces_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The star is thought to be ill. The Harbour Herald reports that she is in hospital.",
            [("The Harbour Herald", "named_organization")],
        ),
        (
            "The star is thought to be ill. Her mother said she was in hospital.",
            [("is thought", "vague_group"), ("Her mother", "unnamed_individual")],
        ),
    ],
)
def test_a_hedge_right_before_the_report_is_named_announces_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The firm is in talks, according to sources familiar with the matter. The firm "
        "declined to comment. The sources did not want to be identified because the talks "
        "are private.",
        "It failed, according to a source familiar with the matter, who didn't want to be "
        "identified because the talks are private.",
    ],
)
def test_not_wanting_to_be_identified_marks_the_request(text):
    assert run(text)["sources"][0]["anonymity_reason"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A woman was hurt, the Harbour Star emergency medical services said.",
            "named_organization",
        ),
        ("Norway's intelligence services said the plot was foiled.", "named_organization"),
    ],
)
def test_services_are_a_body(text, expected):
    assert sources(text)[0][1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ING analysts said the rate would rise.", "named_organization"),
        ("IMF economists said the rate would rise.", "named_organization"),
        ("US analysts said the rate would rise.", "vague_group"),
        ("Wall Street analysts said the rate would rise.", "vague_group"),
    ],
)
def test_experts_of_a_body_named_by_its_initials_speak_for_it(text, expected):
    assert sources(text)[0][1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Ana and Tom split. "We have news," the former couple said in a joint statement.',
            [("the former couple", "named_person")],
        ),
        (
            "The couple's lawyer said the road was loud.",
            [("The couple's lawyer", "unnamed_individual")],
        ),
    ],
)
def test_the_couple_with_one_plain_word_is_the_two_the_story_is_about(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mayor Michael Bloomberg spoke. Bloomberg said the city was safe.",
            [("Bloomberg", "named_person", None)],
        ),
        (
            "The Bloomberg report was wrong. Bloomberg said the bank would fail.",
            [("Bloomberg", "named_organization", "Bloomberg")],
        ),
    ],
)
def test_an_outlets_name_used_as_a_persons_surname_before_is_that_person(text, expected):
    assert [(s["mention"], s["kind"], s["relayed_by"]) for s in run(text)["sources"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The prosecutor Tomas Ruud said the boy was held. Public prosecutor Tomas Ruud "
            "said he was 15.",
            [("The prosecutor Tomas Ruud", "named_person")],
        ),
        (
            "Tomas Ruud said the boy was held. His lawyer Anna Ruud said he was 15.",
            [("Tomas Ruud", "named_person"), ("His lawyer Anna Ruud", "named_person")],
        ),
    ],
)
def test_the_same_name_after_a_lower_case_role_is_the_same_person(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Prices rose, said traders who declined to be named.",
            [("traders who declined to be named", "vague_group")],
        ),
        ("Prices rose, said residents were safe.", []),
    ],
)
def test_a_bare_plural_after_an_inverted_cue_keeps_its_relative_clause(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Greta Lind, the union's leader, slammed the decision as reckless.",
            [("Greta Lind, the union's leader", "named_person")],
        ),
        (
            "The fishing council criticised the quota on Friday.",
            [("The fishing council", "named_organization")],
        ),
        (
            "Mayor Ilse Brandt praised the crews who cleared the road.",
            [("Mayor Ilse Brandt", "named_person")],
        ),
        (
            "Councillor Ana Reyes hit out at the budget on Monday.",
            [("Councillor Ana Reyes", "named_person")],
        ),
        ("The storm slammed into the northern coast overnight.", []),
        ("The driver slammed the brakes too late.", []),
        ("The goalkeeper was criticised for the second goal.", []),
        ("A nurse praised for her courage was given a medal.", []),
    ],
)
def test_criticism_and_praise_are_attributions_but_a_blow_is_not(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ada Lind said the vote was close. The panel's chair, the historian Tomas Vik, "
            "said the count was fair.",
            [
                ("Ada Lind", "named_person"),
                ("The panel's chair, the historian Tomas Vik", "named_person"),
            ],
        ),
        (
            "Ada Lind, the minister, said the vote was close. The minister, the former teacher "
            "Ada Lind, later said the count was fair.",
            [("Ada Lind, the minister", "named_person")],
        ),
        (
            "Ada Lind said the vote was close. The panel's chair said the count was fair.",
            [("Ada Lind", "named_person")],
        ),
    ],
)
def test_a_role_then_another_role_with_a_name_is_that_named_person(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "During the hearing residents said the road was unsafe.",
            [("residents", "vague_group")],
        ),
        (
            "After the count observers said the vote was fair.",
            [("observers", "vague_group")],
        ),
        (
            "The election observers said the vote was fair.",
            [("The election observers", "vague_group")],
        ),
    ],
)
def test_an_opening_phrase_without_a_comma_is_not_part_of_the_subject(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ana Julian said the bridge was safe.", [("Ana Julian", "named_person")]),
        (
            '"The lake is shrinking," said Wu Xiaojian, a hydrologist.',
            [("Wu Xiaojian, a hydrologist", "named_person")],
        ),
        ("Tom Reese, a nurse, said the ward was full.", [("Tom Reese, a nurse", "named_person")]),
        (
            "Two Korean officials said the bridge was safe.",
            [("Two Korean officials", "unnamed_individual")],
        ),
        (
            "South Sudanese officials said the bridge was safe.",
            [("South Sudanese officials", "vague_group")],
        ),
    ],
)
def test_a_surname_with_a_demonyms_ending_after_a_given_name_is_a_name(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to reports by the Ministry of Water, six wells are dry.",
            [("reports by the Ministry of Water", "document")],
        ),
        (
            "According to a statistic from the Harbour Police, thefts fell.",
            [("a statistic from the Harbour Police", "document")],
        ),
        ("According to an update, six wells are dry.", [("an update", "document")]),
        (
            "Reports from Lagos said six wells were dry.",
            [("Reports from Lagos", "vague_group")],
        ),
        (
            "Rumours from the Harbour Football Club said the coach would leave.",
            [("Rumours from the Harbour Football Club", "vague_group")],
        ),
    ],
)
def test_reports_by_a_named_body_are_its_documents_not_hearsay(text, expected):
    assert sources(text) == expected


def test_prime_after_a_given_name_is_a_surname():
    assert sources("Tom Prime says the ward was full.") == [("Tom Prime", "named_person")]
    assert sources("Prime Minister Ana Ruiz said the ward was full.") == [
        ("Prime Minister Ana Ruiz", "named_person")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tom Hale was called by the hospital on Monday.", []),
        ("The seller was advised by Harbour Partners.", []),
        (
            "Tom Hale was told by police that the road was shut.",
            [("police", "named_organization")],
        ),
        (
            "Tom Hale was called by the ward sister and says the nurse told him to come.",
            [("Tom Hale", "named_person")],
        ),
        (
            "The plan was criticised by the dockers' union.",
            [("the dockers' union", "named_organization")],
        ),
    ],
)
def test_a_passive_cue_gives_its_subject_no_words(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry did not say whether the two fires were thought to be linked.", []),
        (
            "The two fires were thought to be linked.",
            [("were thought", "vague_group")],
        ),
    ],
)
def test_a_hedge_inside_a_whether_clause_is_asked_not_claimed(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "She likened critics of the levy to flat-earthers, called the levy a lifeline and "
            "warned of cuts.",
            [],
        ),
        (
            "Retired teachers called the new tax unfair.",
            [("Retired teachers", "vague_group")],
        ),
    ],
)
def test_a_pronouns_verb_and_object_are_no_speaker(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to a statement yesterday, six wells are dry.", [("a statement", "document")]),
        ('"The wells are dry," said the engineer today.', [("the engineer", "unnamed_individual")]),
    ],
)
def test_yesterday_or_today_ending_a_phrase_is_when_not_who(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The county said the bridge would reopen.", [("The county", "named_organization")]),
        ("The prosecution said the witness had lied.", [("The prosecution", "named_organization")]),
        ("Harbin Province reported two new cases.", [("Harbin Province", "named_organization")]),
        (
            "Lakeside County said the bridge would reopen.",
            [("Lakeside County", "named_organization")],
        ),
        (
            "Lakeside County Sheriff Ana Ruiz said the bridge would reopen.",
            [("Lakeside County Sheriff Ana Ruiz", "named_person")],
        ),
    ],
)
def test_a_place_and_the_parties_of_a_trial_speak_as_bodies(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HPS said the budget would cost jobs.", [("HPS", "named_organization")]),
        ("Traders said the budget would cost jobs.", [("Traders", "vague_group")]),
    ],
)
def test_initials_opening_a_sentence_are_a_body_not_a_plural_noun(text, expected):
    assert sources(text) == expected


def test_who_in_capitals_is_the_world_health_organization():
    text = "The plan was set. WHO said the virus was spreading."
    assert sources(text) == [("WHO", "named_organization")]
    assert sources("The nurse who treated him said the virus was spreading.") == [
        ("The nurse who treated him", "unnamed_individual")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Guards stopped a driver who police say rammed the gate.",
            [("police", "named_organization")],
        ),
        (
            "There are 40 patients who the clinic says were never told.",
            [("the clinic", "named_organization")],
        ),
        (
            "A lorry that investigators said was stolen crashed.",
            [("investigators", "vague_group")],
        ),
        (
            "The fishermen who fought the guards said the boat sank.",
            [("The fishermen who fought the guards", "vague_group")],
        ),
        ("The ferry report was late again.", []),
    ],
)
def test_a_speaker_inside_a_relative_clause_says_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ferry firm sued the port, court records show.", [("court records", "document")]),
        ("Ticket sales fell in May, figures show.", [("figures", "document")]),
        ("The crowd left before the end of the show.", []),
    ],
)
def test_a_document_and_its_verb_closing_a_sentence(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A survey by the Harbour Institute found rents rose. One of the survey's lead "
            "authors said the rise was steep.",
            [("A survey by the Harbour Institute", "document")],
        ),
        (
            "A survey by the Harbour Institute found rents rose. The survey's author said the "
            "rise was steep.",
            [("A survey by the Harbour Institute", "document")],
        ),
        (
            "Three officials said the deal was close. One of the officials said it would be "
            "signed.",
            [("Three officials", "unnamed_individual")],
        ),
    ],
)
def test_the_authors_of_a_named_document_speak_for_it(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Experts say repeated floods are raising the risk.", [("Experts", "vague_group")]),
        ("The Harbour Post report quoted a nurse.", []),
    ],
)
def test_a_plural_subject_opening_the_sentence_keeps_its_verb_before_another(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ana Ruiz, who chairs the port board said the quay would close.",
            [("Ana Ruiz, who chairs the port board", "named_person")],
        ),
        (
            "Tomas Vik, who heads the unit (PLU) said the quay would close.",
            [("Tomas Vik, who heads the unit (PLU)", "named_person")],
        ),
        ("Guards held a man, who fled said the quay would close.", []),
        (
            "Guards stopped a driver who heads the union.",
            [],
        ),
    ],
)
def test_a_name_before_a_relative_clause_with_no_closing_comma_speaks(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to the search warrant, the van was stolen.",
            [("the search warrant", "document")],
        ),
        ("Objectors said the flats would block the light.", [("Objectors", "vague_group")]),
        ("Respondents said the buses were late.", [("Respondents", "vague_group")]),
    ],
)
def test_legal_papers_and_more_people_nouns(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ana Ruiz, 52, of Mill Lane, said the bins were full.",
            [("Ana Ruiz, 52", "named_person")],
        ),
        (
            "Ana Ruiz, aged 52, from Mill Lane, said the bins were full.",
            [("Ana Ruiz, aged 52", "named_person")],
        ),
        ("Sales rose in May, 2019, the council said.", [("the council", "named_organization")]),
    ],
)
def test_a_name_with_an_age_and_where_they_live_speaks(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ferry company posted a record profit last year.", []),
        ("Harbin Province posted 6.1 percent growth in May.", []),
        (
            "The ferry company posted a statement on its website.",
            [("The ferry company", "named_organization")],
        ),
    ],
)
def test_a_result_posted_is_no_post(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Police said the van was stolen. Officers say the driver fled on foot.",
            [("Police", "named_organization")],
        ),
        (
            "Officers say the driver fled on foot.",
            [("Officers", "vague_group")],
        ),
        (
            "Police said the van was stolen. Two officers said the driver fled on foot.",
            [("Police", "named_organization"), ("Two officers", "unnamed_individual")],
        ),
    ],
)
def test_officers_right_after_the_police_spoke_are_the_police(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A planning letter from agents Hale Ruiz said the flats were modest.",
            [("A planning letter from agents Hale Ruiz", "document")],
        ),
        (
            "Port spokesperson Mary Stone said the flats were modest.",
            [("Port spokesperson Mary Stone", "named_person")],
        ),
    ],
)
def test_a_document_from_a_named_author_stays_a_document(text, expected):
    assert sources(text) == expected


def test_the_source_is_not_a_spokesperson_quoted_in_between():
    text = (
        "A source told the magazine the couple had split. A spokesman for the singer denied "
        'it. "They are done," the source said.'
    )
    got = run(text)["sources"]
    assert [(s["mention"], s["attributions"]) for s in got] == [
        ("A source", 2),
        ("A spokesman for the singer", 1),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The mood was tense, which one House Republican described as grim.",
            [("one House Republican", "unnamed_individual")],
        ),
        (
            "Republican Senator Ana Ruiz said the vote was close.",
            [("Republican Senator Ana Ruiz", "named_person")],
        ),
        (
            "The Republican Party said the vote was close.",
            [("The Republican Party", "named_organization")],
        ),
    ],
)
def test_a_party_member_is_a_person_not_the_party(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            '"The deal is off," said one council aide granted anonymity to speak candidly.',
            "one council aide granted anonymity to speak candidly",
        ),
        (
            "The plan stalled, according to four aides granted anonymity to discuss the talks.",
            "four aides granted anonymity to discuss the talks",
        ),
        (
            "An aide, granted anonymity to describe the talks, said they had failed.",
            "An aide, granted anonymity to describe the talks",
        ),
    ],
)
def test_granted_anonymity_to_do_something_is_a_source_with_a_reason(text, mention):
    assert source(text, mention)["anonymity_reason"]
    assert "anonymous-no-reason" not in caution_rules(text)


@pytest.mark.parametrize(
    "text, expected, cautions",
    [
        (
            "A wall fell on a bus, killing 12, a local magistrate said.",
            [("a local magistrate", "unnamed_individual")],
            ["anonymous-no-reason"],
        ),
        (
            "The coroner said the death was an accident.",
            [("The coroner", "unnamed_individual")],
            [],
        ),
        (
            "Police Commissioner Ana Ruiz said the road was shut.",
            [("Police Commissioner Ana Ruiz", "named_person")],
            [],
        ),
    ],
)
def test_more_officials_and_offices(text, expected, cautions):
    assert sources(text) == expected
    assert caution_rules(text) == cautions


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Union leaders have expressed concern that the depot will close.",
            [("Union leaders", "vague_group")],
        ),
        (
            "Ana Ruiz, head of the port, expressed her hope that talks would resume.",
            [("Ana Ruiz, head of the port", "named_person")],
        ),
        ("The letter expressed no view on the depot.", []),
    ],
)
def test_a_view_voiced_is_an_attribution(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text, mention, relay",
    [
        (
            "The Harbour Tribune reported the plan, citing port sources as saying it was ready.",
            "port sources",
            "Harbour Tribune",
        ),
        (
            "The Harbour Tribune reported on Friday, citing people close to the talks.",
            "people close to the talks",
            "Harbour Tribune",
        ),
    ],
)
def test_citing_after_an_outlets_cue_and_its_object(text, mention, relay):
    assert source(text, mention)["relayed_by"] == relay


def test_citing_as_a_gerund_after_a_preposition_cites_nothing():
    text = "The mayor has criticized the press for citing anonymous sources."
    assert [m for m, _ in sources(text)] == ["The mayor"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rebels killed a commander who the U.S. intelligence community believes planned "
            "the raid.",
            [("the U.S. intelligence community", "named_organization")],
        ),
        ("The firm that the family owns said profits fell.", []),
    ],
)
def test_a_longer_body_inside_a_relative_clause_speaks(text, expected):
    assert sources(text) == expected

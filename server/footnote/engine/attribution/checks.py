"""The named checks that stop a cue word from becoming an attribution.

A reporting word is often something else: a noun ("her report"), an infinitive ("plans to
announce"), a negation ("did not say"), a passive with no speaker ("we were told"). Each
check below names one such reading, explains it, and carries a sentence it rejects and one
it lets through; tests/attribution/test_checks.py runs both through the whole analysis.

The search for a speaker (speakers.py) runs the checks of each step in the order of
CHECKS, at the point where that step's paths begin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from .readings import (
    a_blow,
    a_result_posted,
    a_state_of,
    absolute_participle,
    act_not_reply,
    adjective_before_noun,
    admitted_somewhere,
    after_noun_marker,
    after_preposition,
    agentless_passive,
    an_order,
    appeal,
    asked_about,
    bare_form_without_plural_subject,
    based_on_no_data,
    capitalised,
    cites_nothing,
    citing_after_comma,
    commitment,
    convened,
    degree_adjective,
    describes_people,
    document_commits,
    generic_occasion,
    greeting,
    handed_on,
    hypothetical,
    infinitive,
    names_a_thing,
    negated,
    not_a_document,
    not_an_outlet,
    noun_before_punctuation,
    noun_before_verb,
    own_voice,
    participle_without_by,
    participle_without_comma,
    per_is_a_rate,
    phoned,
    plural_noun_before_verb,
    purpose_infinitive,
    rejected_an_offer,
    removed_someone,
    said_nothing,
    said_to_be,
    share_of_people,
    stance_with_object,
    tells_no_one,
    the_one_accused,
)
from .site import CueSite

Step = Literal["open", "cue word", "citing", "passive", "clause", "noun", "subject", "phrase"]


class Check(NamedTuple):
    name: str
    step: Step
    explanation: str
    rejects: str  # a sentence in which the check stops the cue
    accepts: str  # a sentence with a cue the check lets through
    test: Callable[[CueSite], bool]


def rejected(site: CueSite, checks: tuple[Check, ...]) -> bool:
    """Whether one of `checks` stops the cue."""
    for check in checks:  # noqa: SIM110 (a plain loop: this runs for every cue)
        if check.test(site):
            return True
    return False


# --- the table ------------------------------------------------------------------------------

CHECKS: tuple[Check, ...] = (
    Check(
        "per is a rate",
        "open",
        '"per" before a unit is a rate ("5 per cent", "per day"); it names a source only as '
        '"Per" opening a sentence or after a comma, before a name or an article.',
        "Bus fares rose by 5 per cent in March.",
        "Per the transport ministry, bus fares rose in March.",
        per_is_a_rate,
    ),
    Check(
        "based on no data",
        "open",
        '"Based on X," names a source only opening its sentence, and only when X is data or '
        'a document ("a count", "figures from ..."); a plan "based on a proposal" or a view '
        '"based on experience" names none.',
        "The new timetable is based on a proposal from the mayor.",
        "Based on a Harbour Courier count, the strike was the ninth this year.",
        based_on_no_data,
    ),
    Check(
        "a purpose, not a source",
        "open",
        '"To paraphrase X" names a source only opening its sentence or clause; after a verb '
        '("wants to paraphrase the poem") it is what someone means to do.',
        "She wants to paraphrase the poem for the class.",
        "To paraphrase the former mayor, the harbour is our future.",
        purpose_infinitive,
    ),
    Check(
        "capitalised word",
        "cue word",
        "A cue word written with a capital inside running text is part of a name or a "
        'headline ("the United States", "Reports"), not a verb.',
        "The United States joined the talks on Monday.",
        'Added Ana Ruiz: "The treaty is signed."',
        capitalised,
    ),
    Check(
        "noun after a determiner",
        "cue word",
        'After an article or a possessive the cue word is a noun ("a claim", "her report", '
        '"officials\' reported comments").',
        "Her report ran to forty pages.",
        "Engineers report that the bridge is safe.",
        after_noun_marker,
    ),
    Check(
        "a call made",
        "cue word",
        '"Called" before a number, the police or "the" and a name is a call made ("called '
        'the Harbour Control Centre"), not a view given ("called the plan a mistake").',
        "A passing driver called the Harbour Control Centre shortly after midnight.",
        "The mayor called the plan a mistake.",
        phoned,
    ),
    Check(
        "noun after a preposition",
        "cue word",
        'After "about", "amid", "following" and other prepositions a cue form is a noun '
        '("asked about reports that ...", "amid claims of fraud").',
        "The minister was asked about reports that the port would close.",
        "The minister reports that the port will close.",
        after_preposition,
    ),
    Check(
        "adjective after a word of degree",
        "cue word",
        'A participle after "most", "more", "highly" ("the most stressed basin") is an '
        "adjective, not a verb of speech.",
        "The basin was considered the most stressed in the world.",
        "The minister stressed that the basin was safe.",
        degree_adjective,
    ),
    Check(
        "noun after an adjective",
        "cue word",
        'A cue form in -s after an adjective ("unfounded claims", "repeated warnings") is a '
        'plural noun, not a verb; so is a base form after a hyphenated modifier ("the '
        'much-awaited state visit") or after "a", "another" or "each" and a word or two in '
        'the singular ("the fighters of another rogue state").',
        "The regime has made unfounded claims for years.",
        "The ministry claims that the border is closed.",
        adjective_before_noun,
    ),
    Check(
        "infinitive",
        "cue word",
        'After "to" the cue word is an infinitive ("plans to announce"), unless "continues '
        'to" makes it something the speaker keeps saying.',
        "The council plans to announce a new budget.",
        "The council continues to insist that the budget is fair.",
        infinitive,
    ),
    Check(
        "citing after a comma",
        "citing",
        '", citing Y" is read with an open cue before it ("according to the agency, citing '
        'a report": the agency relays the report); with none, it names no source.',
        "The bakery raised its prices, citing a report on flour costs.",
        "The bakery cited a report on flour costs.",
        citing_after_comma,
    ),
    Check(
        "cites nothing",
        "citing",
        'A citing verb followed by nothing or by a word that cannot open a phrase ("cited '
        'that") names no document.',
        "The mayor cited that as the reason for the delay.",
        "The mayor cited a council report on the delay.",
        cites_nothing,
    ),
    Check(
        "handed on",
        "passive",
        'Without "is" or "was", "obtained by X" describes how documents reached X: the '
        "documents are the source, X only passed them on.",
        "Copies obtained by the weekly paper were on the desk.",
        "The figures were confirmed by the regional health office.",
        handed_on,
    ),
    Check(
        "participle without by",
        "passive",
        'A past participle that is only a cue with "by" ("published", "leaked") attributes '
        "nothing without it.",
        "The rules were published in March.",
        "The rules were published by the transport ministry.",
        participle_without_by,
    ),
    Check(
        "plural noun before a verb",
        "clause",
        'A cue form ending in -s right before "is", "are", "have" is a plural noun ("the '
        'reports are late"), not a verb.',
        "The weekly reports are late again.",
        "The committee reports that spending is late again.",
        plural_noun_before_verb,
    ),
    Check(
        "stance with an object",
        "clause",
        'A stance verb with an object is an act ("the sides agreed a ceasefire"); it reports '
        'a view only before "that" or at the end of a clause.',
        "The two unions agreed a new contract on Friday.",
        "Most economists agree that the contract is generous.",
        stance_with_object,
    ),
    Check(
        "intention",
        "clause",
        'A commitment verb before "to" reports an intention ("threatened to veto"), not '
        'information; with "that" or a quotation it still attributes.',
        "Hours before the vote, the mayor threatened to veto the budget.",
        "The mayor threatened that the budget would be vetoed.",
        commitment,
    ),
    Check(
        "inside a question",
        "clause",
        'A pronoun and a cue after "what", "whether" or "how" ("asked what he told the '
        'players") is the content of a question, not an attribution; after "when" or "if" '
        'only with a word of asking before it ("asked when she said it"), not in "..., when '
        'he said that he would stay".',
        "Asked what she told the players, the coach smiled.",
        "Asked about the players, Ana Ruiz told reporters they were tired.",
        asked_about,
    ),
    Check(
        "an appeal",
        "clause",
        '"Called for" and "called on" make an appeal ("called for a ceasefire"), not a '
        "statement of what is so.",
        "The regional council called for a ceasefire on Monday.",
        "The regional council called the ceasefire a trap.",
        appeal,
    ),
    Check(
        "a state of",
        "cue word",
        '"State" before "of" is the noun ("the northeastern state of Manipur"), not the verb.',
        "Floods hit the northeastern state of Assam on Monday.",
        "Officials state that the floods have eased.",
        a_state_of,
    ),
    Check(
        "a result posted",
        "cue word",
        '"Posted a record profit", "posted 9.7 percent growth": a figure reached, not a post.',
        "The ferry company posted a record profit last year.",
        "The ferry company posted a statement on its website.",
        a_result_posted,
    ),
    Check(
        "a blow",
        "cue word",
        '"Slammed into the coast", "slammed the door": a verb of criticism used for a blow '
        "reports nothing.",
        "The storm slammed into the northern coast overnight.",
        "The union slammed the plan as reckless.",
        a_blow,
    ),
    Check(
        "said nothing",
        "cue word",
        '"Said nothing" reports that no words were given, so there is nothing to attribute.',
        "Asked about the fire, the ferry captain said nothing.",
        "Asked about the fire, the ferry captain said it was out.",
        said_nothing,
    ),
    Check(
        "a greeting",
        "cue word",
        'Saying "goodbye", "hello", "thanks", "yes" or "no" is a greeting or an answer, not '
        "information with a source.",
        "The players waved to the crowd, saying goodbye to the coach.",
        "The players waved to the crowd, saying the coach would stay.",
        greeting,
    ),
    Check(
        "the one accused",
        "clause",
        'A verb that takes its object first ("accused X of", "blamed X for") right before "of", '
        '"for" or "as" is passive: "a man accused of theft" is the accused, not a speaker.',
        "A man accused of stealing a boat appeared in court.",
        "The mayor accused the council of stealing a boat.",
        the_one_accused,
    ),
    Check(
        "said to be",
        "clause",
        '"said to be" or "reported to have" right after a noun ("the two teenagers, said to be '
        '15 and 16") is a hedge about that noun, which says nothing itself.',
        "Crews treated the two teenagers, said to be 15 and 16, at the scene.",
        "The two teenagers said the bus had left early.",
        said_to_be,
    ),
    Check(
        "convened or ended",
        "clause",
        '"Called" with what it convenes or ends ("called a meeting", "called snap elections", '
        '"called off the match", "called it quits") or whom it summons ("called the police for '
        'help"), and "maintained a strong presence", are acts, not statements.',
        "The mayor called snap elections for the spring.",
        "The mayor called the vote a turning point.",
        convened,
    ),
    Check(
        "rejected an offer",
        "clause",
        '"Rejected" reports speech only when what is rejected is a claim, a report or an '
        'allegation ("rejected such claims"); "rejected the offer" is an act.',
        "The union rejected the pay offer on Friday.",
        "The ministry rejected claims that the port was closed.",
        rejected_an_offer,
    ),
    Check(
        "removed from a post",
        "clause",
        '"Dismissed" with a person as its object ("dismissed one judge") removes someone '
        'from a post; with a claim ("dismissed the reports as false") it is a statement.',
        "The court on Tuesday dismissed one judge over the scandal.",
        "The court dismissed the reports as false.",
        removed_someone,
    ),
    Check(
        "an act, not a reply",
        "clause",
        '"Respond" reports speech only before "that", a quotation or a colon ("responded '
        'that ..."); "crews responded within minutes" is an act.',
        "Crews from the harbour station responded within minutes.",
        "The ministry responded that the figures were wrong.",
        act_not_reply,
    ),
    Check(
        "admitted somewhere",
        "clause",
        '"Admitted to" a place lets someone in ("admitted to hospital"); only "admitted to '
        'doing" something confesses. Someone "posted at" a place is stationed there.',
        "Six people were admitted to hospital with burns after the fire.",
        "The driver admitted to falsifying the logbook.",
        admitted_somewhere,
    ),
    Check(
        "names a thing",
        "clause",
        '"What X call" gives the name a thing goes by ("what doctors call burnout"); no one '
        "is reporting anything.",
        "Many nurses suffer from what doctors call burnout.",
        "Doctors call the rise in burnout alarming.",
        names_a_thing,
    ),
    Check(
        "describes people",
        "clause",
        'A restrictive "who said" describes the people it follows ("voters who said they '
        'were undecided"); it cites nobody. After a comma it is the antecedent speaking.',
        "Voters who said they were undecided made up a third of the sample.",
        "The plan drew fire from Mayor Ana Ruiz, who said it was rushed.",
        describes_people,
    ),
    Check(
        "hypothetical",
        "clause",
        'After "will", "might" or "could" the writer imagines a speaker ("critics might '
        'argue"); nobody has said anything yet.',
        "Critics might argue that the plan is too costly.",
        "Critics argue that the plan is too costly.",
        hypothetical,
    ),
    Check(
        "negated",
        "clause",
        'A negated cue ("did not say", "never claimed") attributes nothing.',
        "The coach did not say whether the striker would play.",
        "The coach said the striker would play.",
        negated,
    ),
    Check(
        "passive without an agent",
        "clause",
        'A passive with no "by" has no speaker ("we were told", "demand is expected to fall").',
        "Demand is expected to fall next year.",
        "Analysts expected demand to fall next year.",
        agentless_passive,
    ),
    Check(
        "tells no one",
        "clause",
        '"Told" needs a listener (a person, a body, an outlet) or "how"/"of" ("witnesses told '
        'how the boat sank"): "has told a simple story" reports no source.',
        "The film has told a simple story for decades.",
        "The mayor told reporters the bridge would reopen.",
        tells_no_one,
    ),
    Check(
        "an order",
        "clause",
        '"Told someone to do something" is an order, not information; "told reporters that '
        '..." still reports.',
        "Officers told the crowd to move back from the pier.",
        "Officers told the crowd that the pier was unsafe.",
        an_order,
    ),
    Check(
        "participle without a comma",
        "clause",
        "An -ing cue names a speaker only after a comma, as the subject of the main clause "
        '("the mayor resigned, saying ..."); "by saying" or "without saying" does not.',
        "Nobody gains anything by saying the bridge is unsafe.",
        "The mayor resigned on Monday, saying the bridge was unsafe.",
        participle_without_comma,
    ),
    Check(
        "noun before punctuation",
        "noun",
        'A cue form that can be a noun, right before a comma or full stop, is a noun ("the '
        'public reports, ...").',
        "The inspectors read the weekly reports.",
        "The council reports that the bridge is safe.",
        noun_before_punctuation,
    ),
    Check(
        "noun before its verb",
        "noun",
        'A base form that is also a noun right before a verb ("the agency\'s report showed", '
        '"the claim was") is the noun.',
        "The weekly report was late again.",
        "Engineers report that the bridge is safe.",
        noun_before_verb,
    ),
    Check(
        "bare form without a plural subject",
        "subject",
        'A base form that is also a noun ("state", "report", "claim") is a verb only after a '
        'plural subject, a modal or "continue to": "a heightened state of readiness" is not.',
        "The army kept a heightened state of readiness.",
        "Officials state that the army is ready.",
        bare_form_without_plural_subject,
    ),
    Check(
        "an occasion counted",
        "phrase",
        'An indefinite speaker after "the first time" or "the last time" is anyone of that '
        "kind on an occasion the text counts, not a source of the story.",
        "It was the first time an official has confirmed the plan.",
        "It was the first time the minister confirmed the plan.",
        generic_occasion,
    ),
    Check(
        "a share of those asked",
        "phrase",
        'A share of a group ("65% of voters", "a third of respondents", "57% said") is what '
        "a poll or survey counted: its answers, not people who speak to the writer. When a "
        'phrase opening the sentence names the poll ("In a Harbour poll, ..."), the poll is '
        "the source.",
        "Asked about the plan, 65% of voters said it had failed.",
        "In Leeds, voters said the plan had failed.",
        share_of_people,
    ),
    Check(
        "the writer's own voice",
        "phrase",
        'A subject holding "I", "we" or "you" is the writer or the reader, not a source '
        '("each time we report").',
        "Each time we report on the bridge, the phones ring.",
        "Each time the council reports on the bridge, the phones ring.",
        own_voice,
    ),
    Check(
        "not a document",
        "phrase",
        'Some verbs ("find", "show", "suggest") attribute only with a document or study as '
        'subject ("the study found"); "the team found a key" reports nothing.',
        "The children found a key under the mat.",
        "The study found that most children walk to school.",
        not_a_document,
    ),
    Check(
        "an absolute participle",
        "phrase",
        'After "with", a noun phrase and a participle that ends its clause ("with 15 guests '
        'expected.") describe a state of affairs; nobody in it speaks.',
        "The hall opens on Friday, with 300 guests expected.",
        "The hall opens on Friday, the organisers announced.",
        absolute_participle,
    ),
    Check(
        "a document does not commit",
        "phrase",
        'A commitment verb ("expected", "promised", "vowed") with a document as subject is a '
        'forecast about it ("with an agreement expected soon"), not a source speaking.',
        "The talks went on, with an agreement expected soon.",
        "The minister expected an agreement soon.",
        document_commits,
    ),
    Check(
        "not an outlet",
        "phrase",
        '"Understands" attributes only with an outlet as subject ("Harbour Sport understands '
        'the deal is done": its own reporting); "the coach understands the risks" does not.',
        "The coach understands the risks of the move.",
        "Harbour Sport News understands the deal is worth four million.",
        not_an_outlet,
    ),
)

BY_STEP: dict[str, tuple[Check, ...]] = {
    step: tuple(c for c in CHECKS if c.step == step)
    for step in ("open", "cue word", "citing", "passive", "clause", "noun", "subject", "phrase")
}

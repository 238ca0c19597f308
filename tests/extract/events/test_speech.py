"""Demands and denials read from reported clauses, and the speech verbs whose sense the clause decides."""

from __future__ import annotations

import pytest

from patronage.extract.events.frames import EventFrame, code_sentence
from patronage.nlp.loader import load_nlp


def coded(text: str) -> tuple[str, list[EventFrame]]:
    doc = load_nlp()(text)
    return doc.text, [f for sent in doc.sents for f in code_sentence(sent)]


def of_type(text: str, type_: str) -> list[tuple[str, str, str]]:
    """(trigger, first source, first target) of each frame of ``type_``."""
    doc_text, found = coded(text)

    def first(spans: tuple[tuple[int, int], ...]) -> str:
        return doc_text[spans[0][0] : spans[0][1]] if spans else ""

    return [
        (doc_text[f.trigger_start : f.trigger_end], first(f.sources), first(f.targets))
        for f in found
        if f.type == type_
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Senator Jane Roe said the governor should resign before the summer.",
            "Senator Jane Roe",
            "the governor",
        ),
        (
            '"The ministry must publish the contract," the opposition leader said.',
            "the opposition leader",
            "The ministry",
        ),
        (
            "The president needs to fix the mess he made, Senator Alan Wade said.",
            "Senator Alan Wade",
            "The president",
        ),
        (
            "The cabinet ought to explain its decision, says Labour leader Tom Hale.",
            "Labour leader Tom Hale",
            "The cabinet",
        ),
    ],
)
def test_an_obligation_laid_on_an_actor_is_a_request(text: str, source: str, target: str) -> None:
    found = of_type(text, "REQUEST")
    assert [(s, t) for _trigger, s, t in found] == [(source, target)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said we need to think about the budget.",  # the speaker's own resolve
        "He said you have to begin somewhere.",  # advice to no one
        "Analysts said it should rain on Monday.",  # no actor obliged
        "Did the minister say the council must explain itself?",  # a question
    ],
)
def test_no_request_without_a_named_actor_obliged(text: str) -> None:
    assert of_type(text, "REQUEST") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The foreign minister said there had been no interference in the vote.", "The foreign minister"),
        ("The ministry said the reports were untrue.", "The ministry"),
    ],
)
def test_a_denial_is_a_rejection(text: str, source: str) -> None:
    assert [s for _trigger, s, _t in of_type(text, "REJECT")] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "The governor said he was not sure what the change would bring.",  # an opinion
        "A ministry spokeswoman said there would be no comment until Monday.",  # nothing denied
        '"I don\'t see any victory coming my way," Mayor Ray Cole said.',
    ],
)
def test_a_negated_opinion_is_no_denial(text: str) -> None:
    assert of_type(text, "REJECT") == []


def test_insisting_on_a_fact_is_a_rebuttal_and_on_an_act_a_demand() -> None:
    assert of_type("The chancellor insisted his spending plans were affordable.", "REJECT")
    assert not of_type("The chancellor insisted his spending plans were affordable.", "REQUEST")
    assert of_type("The senators insisted that the minister should step aside.", "REQUEST")
    assert of_type("The union insisted on a vote.", "REQUEST")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The general warned the rebels not to cross the river.", "REQUEST"),
        ("Labour MPs warned against disunity.", "REQUEST"),
        ("Iran warned it would retaliate against any strike.", "THREATEN"),
    ],
)
def test_a_warning_asks_or_threatens(text: str, type_: str) -> None:
    assert of_type(text, type_)


def test_a_warning_of_a_danger_is_no_event() -> None:
    text = "The inspector warned that the plan could fail within a year."
    assert coded(text)[1] == []


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        ("Senator Lee called Mayor Cole a liar.", "ACCUSE", "Mayor Cole"),
        ("The senator called the mayor confused.", "ACCUSE", "the mayor"),
        ("Pelosi called the plan a gimmick.", "ACCUSE", "the plan"),
        ("Putin called Assad a true friend.", "SUPPORT", "Assad"),
    ],
)
def test_calling_someone_something_blames_or_praises(text: str, type_: str, target: str) -> None:
    assert [t for _trigger, _s, t in of_type(text, type_)] == [target]


def test_calling_something_a_name_is_no_event() -> None:
    assert coded("Officials called the operation Desert Shield.")[1] == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The prime minister resigned on Friday.", "RETREAT"),  # the manual's RETREAT 'resign'
        ("The president fired the FBI director in May.", "SANCTION"),
        ("The court ruled against the government.", "SANCTION"),
        ("The senator took aim at the governor.", "ACCUSE"),
        ("Thousands took to the streets of the capital.", "PROTEST"),
        ("The minister welcomed the decision by Germany.", "SUPPORT"),
        ("The president welcomed the Chinese leader to Washington.", "CONSULT"),
        ("The committee expressed concern about the minister's conduct.", "ACCUSE"),
    ],
)
def test_speech_and_personnel_verbs(text: str, type_: str) -> None:
    assert of_type(text, type_), coded(text)[1]


def test_a_rebuttal_has_no_target_from_its_own_clause() -> None:
    assert of_type("The chancellor insisted his spending plans were affordable.", "REJECT") == [
        ("insisted", "The chancellor", "")
    ]


def test_a_participle_called_names() -> None:
    assert of_type("A group called Hope Not Hate held a vigil.", "ACCUSE") == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Democrats would normally support the spending plan.", "SUPPORT"),  # a stance on a policy
        ("Italy and Germany favour an early start to the talks.", "SUPPORT"),
        ("The sanctions are hitting the energy sector hard.", "ASSAULT"),  # an economic blow
        ("The postal ballots were hit by delays.", "ASSAULT"),
        ("The minister proposed a freeze on fees.", "AGREE"),  # a proposal is no agreement
    ],
)
def test_stances_and_figurative_blows_are_no_events(text: str, type_: str) -> None:
    assert of_type(text, type_) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The senator backed Mayor Cole in the primary.", "SUPPORT"),  # a person backed
        ("The Tories will back the government's plans.", "SUPPORT"),  # an actor's plans
        ("Israeli jets hit a weapons depot near Damascus.", "ASSAULT"),
    ],
)
def test_sides_taken_and_physical_blows_stay_events(text: str, type_: str) -> None:
    assert of_type(text, type_), coded(text)[1]


@pytest.mark.parametrize(
    ("text", "type_", "source"),
    [
        ("The minister was forced to resign.", "RETREAT", "The minister"),  # the one forced acts
        ("Mr Smith had been allowed to resign.", "RETREAT", "Mr Smith"),
    ],
)
def test_the_one_made_to_act_is_the_source(text: str, type_: str, source: str) -> None:
    assert [s for _trigger, s, _t in of_type(text, type_)] == [source]


def test_a_passive_carries_over_a_coordination() -> None:
    assert [t for _trigger, _s, t in of_type("Navalny was arrested and jailed by Russia.", "COERCE")] == [
        "Navalny",
        "Navalny",
    ]

"""Acts done by one force or by two sides together: weapons tests and exercises (PLOVER's MOBILIZE,
CAMEO 150), joint exercises (COOPERATE), and agreements the sides make with each other."""

from __future__ import annotations

import pytest

from patronage.model.records import Event
from tests.conftest import analyse_text


def found(text: str) -> set[tuple[str, str | None, str | None]]:
    events: tuple[Event, ...] = analyse_text(text, "2017-09-20").events
    return {
        (e.type, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in events
        if e.polarity == "asserted"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Iran conducted a ballistic missile test on Sunday.",
        "North Korea carried out its sixth nuclear test in September.",
        "North Korea test-fired two ballistic missiles on Friday.",
        "North Korea tested a ballistic missile on Friday.",
        "North Korea fired a ballistic missile into the sea off its east coast on Friday.",
        "North Korea's latest missile launch alarmed its neighbours.",
        "Russia held large military exercises near the border with Latvia.",
    ],
)
def test_a_weapons_test_or_an_exercise_shows_force(text: str) -> None:
    sides = {(source, target) for type_, source, target in found(text) if type_ == "MOBILIZE"}
    assert sides and all(source in {"Iran", "North Korea", "Russia"} for source, _target in sides)


@pytest.mark.parametrize(
    "text",
    [
        # an attack whose target the sentence leaves out is no test
        "Russia fired dozens of missiles overnight, killing twelve people in Kyiv.",
        # tests asked to stop, or made harder, are none held
        "China urged North Korea to halt its ballistic missile and nuclear tests.",
        "The embargo would make it difficult for North Korea to fuel missile launches.",
        # a test of something other than a weapon
        "The company tested a new product in Ohio on Monday.",
        "The ministry said the exam was a difficult test for pupils.",
    ],
)
def test_no_show_of_force_without_one_held(text: str) -> None:
    assert not any(type_ == "MOBILIZE" for type_, _s, _t in found(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia held military exercises with Belarus last week.", ("Russia", "Belarus")),
        ("India held naval drills with Japan in the Bay of Bengal.", ("India", "Japan")),
        ("Russia and China held joint military exercises in the Sea of Japan.", ("Russia", "China")),
    ],
)
def test_exercises_held_with_another_are_military_cooperation(text: str, pair: tuple[str, str]) -> None:
    events = found(text)
    assert ("COOPERATE", *pair) in events
    assert not any(type_ == "MOBILIZE" for type_, _s, _t in events)


def test_a_light_verb_with_a_thing_names_no_partner() -> None:
    # "open meetings with prayer": a prayer is no party to any meeting
    events = found("The court upheld the right of officials to open town council meetings with prayer.")
    assert not any(type_ == "CONSULT" for type_, _s, _t in events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The United States and China announced an agreement on trade on Friday.",
            ("United States", "China"),
        ),
        ("Russia and Ukraine signed a ceasefire deal in Minsk on Thursday.", ("Russia", "Ukraine")),
        ("Britain and France reached an agreement on migrants.", ("United Kingdom", "France")),
    ],
)
def test_sides_that_make_an_agreement_make_it_with_each_other(text: str, pair: tuple[str, str]) -> None:
    events = found(text)
    assert any((source, target) == pair for _type, source, target in events), events
    # the place it is signed in is no party to it
    assert not any(target == "Belarus" for _type, _source, target in events)


def test_war_games_two_navies_launch_are_cooperation() -> None:
    from patronage.extract.events.frames import code_sentence
    from patronage.nlp.loader import load_nlp

    doc = load_nlp()(
        "French and Egyptian warships on Monday launched ten days of war games in the Mediterranean."
    )
    assert {f.type for s in doc.sents for f in code_sentence(s)} == {"COOPERATE"}

"""Relations implied by events: only from events that happened, signed by the event's meaning."""

from __future__ import annotations

import pytest

from patronage.extract.relations.implied import relation_for
from patronage.model.plover import plover
from patronage.model.records import ActorRef, Event, Evidence

_EV = Evidence("d", 0, 1, "x")
_A = ActorRef("country/RUS", "Russia", "country", "RUS", None, "Russia")
_B = ActorRef("person/x", "X", "person", "SYR", None, "X")


def _event(kind: str, **kw: object) -> Event:
    return Event("e", kind, kw.pop("cameo", None), _A, _B, _EV, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("modality", ["offered", "intended", "conditional", "hypothetical"])
def test_events_that_did_not_happen_imply_nothing(modality: str) -> None:
    assert relation_for(_event("AID", modality=modality)) is None


def test_negated_events_imply_nothing() -> None:
    assert relation_for(_event("SANCTION", polarity="negated")) is None


@pytest.mark.parametrize("kind", ["ACCUSE", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "PROTEST"])
def test_conflict_is_never_support(kind: str) -> None:
    # even with a context or code that would make a cooperative event harbouring
    found = relation_for(_event(kind, context=("asylum",), cameo="075"))
    assert found is not None and found[0] == "opposes" and found[1] == "negative"


def test_a_rejection_implies_no_standing_relation() -> None:
    # "Holder rejected the need for a special counsel", "Straw denied the decision would suggest to
    # China …": what is rejected is a proposal or a charge, so its target is rarely an adversary
    assert relation_for(_event("REJECT")) is None


def test_every_implied_sign_is_the_types_sign() -> None:
    for info in plover().types.values():
        found = relation_for(_event(info.name))
        assert found is None or found[1] == info.sign


def test_asylum_is_harbouring_and_cooperation_no_alliance() -> None:
    assert relation_for(_event("AID", context=("asylum",))) == ("harbours", "positive", 0.9)
    assert relation_for(_event("AID", modality="reported", cameo="075"))[0] == "harbours"  # type: ignore[index]
    assert relation_for(_event("COOPERATE"))[0] == "supports"  # type: ignore[index]


def test_an_act_at_home_whose_place_is_its_recipient_implies_no_stand() -> None:
    from patronage.extract.relations.implied import relations_from_events
    from patronage.model.records import Place

    person = ActorRef("person/b", "B", "person", "USA", None, "B")
    chicago = ActorRef("country/USA", "United States", "country", "USA", None, "Chicago")
    at_home = Event(
        "e", "PROTEST", "141", person, chicago, _EV, location=Place("Chicago", "USA"), confidence=0.9
    )
    assert relations_from_events([at_home]) == []
    damascus = ActorRef("country/SYR", "Syria", "country", "SYR", None, "Damascus")
    abroad = Event(
        "f", "PROTEST", "141", person, damascus, _EV, location=Place("Damascus", "SYR"), confidence=0.9
    )
    assert [r.target.name for r in relations_from_events([abroad])] == ["Syria"]


def test_an_investigation_implies_no_stand() -> None:
    assert relation_for(_event("ACCUSE", cameo="090")) is None
    opposed = relation_for(_event("ACCUSE", cameo="111"))
    assert opposed is not None and opposed[0] == "opposes"


def test_ones_own_country_as_a_whole_is_no_standing_adversary() -> None:
    from dataclasses import replace

    from patronage.extract.relations.implied import relations_from_events

    boehner = ActorRef("person/john-boehner", "John Boehner", "person", "USA", "GOV", "Boehner")
    usa = ActorRef("country/USA", "United States", "country", "USA", "GOV", "the White House")
    merkel = ActorRef("person/angela-merkel", "Angela Merkel", "person", "DEU", "GOV", "Merkel")
    criticism = replace(_event("ACCUSE", confidence=0.5), source=boehner, target=usa)
    assert relations_from_events([criticism]) == []  # "Boehner criticised the White House"
    foreign = replace(criticism, source=merkel)
    assert [r.relation for r in relations_from_events([foreign])] == ["opposes"]
    # a state towards one of its own people is a stand ("Russia jailed Navalny")
    navalny = ActorRef("person/alexei-navalny", "Alexei Navalny", "person", "RUS", None, "Navalny")
    jailed = replace(_event("COERCE", confidence=0.5), target=navalny)
    assert [r.relation for r in relations_from_events([jailed])] == ["opposes"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("British troops killed an Iraqi civilian in Basra in 2003.", "ASSAULT"),
        ("Iran detained a British tourist in Tehran.", "COERCE"),
    ],
)
def test_a_countrys_civilians_are_coded_as_such_and_imply_no_stand_against_its_state(
    text: str, type_: str
) -> None:
    from tests.conftest import analyse_text

    result = analyse_text(text, "2019-05-01")
    (event,) = [e for e in result.events if e.type == type_]
    assert event.target is not None and event.target.kind == "country" and event.target.sector == "CVL"
    assert not result.relations


def test_an_apology_backs_no_one() -> None:
    # "Blair apologised to the two families": SUPPORT in PLOVER's table, no standing support
    assert relation_for(_event("SUPPORT", cameo="055")) is None
    assert relation_for(_event("SUPPORT", cameo="051")) == (
        "supports",
        "positive",
        plover().types["SUPPORT"].strength,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian opposition accused Bashar al-Assad of using chemical weapons in 2013.",
        "Venezuela's opposition denounced Nicolas Maduro on Monday.",
    ],
)
def test_a_countrys_opposition_is_no_stand_of_its_state(text: str) -> None:
    from tests.conftest import analyse_text

    result = analyse_text(text, "2019-05-01")
    (event,) = [e for e in result.events if e.type == "ACCUSE"]
    assert event.source is not None and event.source.kind == "country" and event.source.sector == "OPP"
    assert not [r for r in result.relations if r.source.kind == "country"]

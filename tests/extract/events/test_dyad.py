"""Country dyads of events: the coding conventions, and the resolution that feeds them."""

from __future__ import annotations

import pytest

from patronage.extract.events.dyad import DEFAULT_POLICY, POLICIES, DyadPolicy, coded_dyad
from patronage.model.records import ActorRef, AnalysedArticle, Place
from patronage.resolve.gazetteer import Gazetteer
from patronage.resolve.keys import first_last_key
from patronage.resolve.registry import load_gazetteer
from tests.conftest import analyse_text


def ref(country: str | None, actor_id: str = "x") -> ActorRef:
    return ActorRef(actor_id, actor_id, "group", country, None, actor_id)


def test_actor_countries_win_over_every_convention() -> None:
    for policy in POLICIES:
        assert coded_dyad(ref("TCD"), ref("SDN"), Place("Paris", "FRA"), ["FRA"], policy) == ("TCD", "SDN")


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (DyadPolicy("none", "none"), (None, None)),
        (DyadPolicy("location", "none"), ("KEN", None)),
        (DyadPolicy("none", "location"), (None, "KEN")),
        (DyadPolicy("sentence", "domestic"), ("KEN", "KEN")),
    ],
)
def test_a_place_fills_both_sides_of_an_unaffiliated_event(
    policy: DyadPolicy, expected: tuple[str | None, str | None]
) -> None:
    assert coded_dyad(ref(None), None, Place("Nairobi", "KEN"), ["UGA"], policy) == expected


def test_sentence_and_domestic_conventions() -> None:
    # an actor tied to no country takes the first country its sentence names
    assert coded_dyad(ref(None), ref("PER"), None, ["BOL", "PER"]) == ("BOL", "PER")
    # a one-sided event is done to the source's own country
    assert coded_dyad(ref("GHA"), None, None, ["GHA"]) == ("GHA", "GHA")
    assert coded_dyad(ref("GHA"), ref(None), None, []) == ("GHA", "GHA")
    # nothing named anywhere: nothing invented
    assert coded_dyad(ref(None), None, None, []) == (None, None)
    assert coded_dyad(None, None, None, ["NPL"], DyadPolicy("location", "domestic")) == (None, None)


def test_policies_cover_every_combination_once() -> None:
    assert len(set(POLICIES)) == 9 and DEFAULT_POLICY in POLICIES


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(())


def analyse(text: str, gaz: Gazetteer) -> AnalysedArticle:
    return analyse_text(text, "2003-05-04")


def test_events_carry_their_dyad(gaz: Gazetteer) -> None:
    result = analyse("Kenyan farmers blocked the roads on Monday in protest against fuel prices.", gaz)
    assert result.events
    for event in result.events:
        # no recipient is named: the protest is coded as Kenya's own affair
        assert event.target is None and (event.dyad_source, event.dyad_target) == ("KEN", "KEN"), event


def test_a_demonym_modifier_gives_a_group_mention_its_country(gaz: Gazetteer) -> None:
    result = analyse("Thousands of Iraqi Kurds marched through the town on Friday to demand jobs.", gaz)
    sources = [e.source for e in result.events if e.source is not None and "kurd" in e.source.actor_id]
    assert sources and all(s.country == "IRQ" for s in sources)
    # the group itself stays country-less: only this mention was tied to Iraq
    assert all(a.country is None for a in result.actors if "kurd" in a.actor_id)


def test_a_country_or_demonym_tagged_as_a_person_is_no_person(gaz: Gazetteer) -> None:
    result = analyse("Sri Lanka opened an embassy in Oslo after Bangladeshi envoys visited.", gaz)
    kinds = {a.actor_id: a.kind for a in result.actors}
    assert not any(k == "person" for k in kinds.values()), kinds
    assert "country/LKA" in kinds


def test_a_name_with_other_particles_finds_the_known_person(gaz: Gazetteer) -> None:
    assert first_last_key("Omar Hassan al-Bashir") == "omar bashir"
    assert first_last_key("Madonna") is None
    found = gaz.lookup("Omar El Bashir")
    assert [e.country for e in found] == ["SDN"]
    # a full name with a different middle name is not guessed
    assert gaz.lookup("Omar Khalid Bashir") == []

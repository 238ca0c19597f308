"""A person's country as the text states it without an office, and towns named with their state."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


def _countries(text: str) -> dict[str, str | None]:
    result = analyse_text(text, "2019-10-10")
    return {a.name: a.country for a in result.actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Derek Mbi of Cameroon was held for months.", "Derek Mbi", "CMR"),
        ("The soldiers beat Baha Mousa, an Iraqi civilian, to death.", "Baha Mousa", "IRQ"),
        ("An Iraqi civilian, Baha Mousa, died in custody.", "Baha Mousa", "IRQ"),
        ("Lev Parnas, a U.S. citizen, was arrested at the airport.", "Lev Parnas", "USA"),
    ],
)
def test_a_nationality_the_phrase_states_gives_the_person_a_country(
    text: str, name: str, country: str
) -> None:
    assert _countries(text)[name] == country


def test_two_stated_countries_give_none() -> None:
    text = "Anna Kovacs of Hungary spoke first. Later Anna Kovacs, a Romanian citizen, spoke again."
    assert _countries(text)["Anna Kovacs"] is None


def test_a_town_then_its_state_is_the_state_not_the_country_of_that_name() -> None:
    states = analyse_text("The shooting happened in Decatur, Georgia, on Friday.", "2019-10-10").mentions
    assert "country/GEO" not in {m.actor_id for m in states}
    country = analyse_text("The protest in Tbilisi, Georgia, drew thousands.", "2019-10-10").mentions
    assert "country/GEO" in {m.actor_id for m in country}


def test_a_broadcasters_nationality_is_their_country() -> None:
    actors = analyse_text("Egyptian TV presenter Mona Iraqi filmed the raid in Cairo.", "2015-01-10").actors
    assert {a.name: a.country for a in actors if a.kind == "person"} == {"Mona Iraqi": "EGY"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The committee was joined by Arizona's Jeff Flake on the vote.", "Jeff Flake"),
        ("Senate Democratic Whip Dick Durbin (Ill.) said the bill had value.", "Dick Durbin"),
        ("The bill was opposed by Dana Whitfield (R-Texas) on Monday.", "Dana Whitfield"),
        ("The president sent White House counsel Don McGahn to lobby the senator.", "Don McGahn"),
    ],
)
def test_a_state_or_office_of_the_united_states_places_the_person(text: str, name: str) -> None:
    assert _countries(text)[name] == "USA"


def test_a_bracket_that_is_no_state_places_no_one() -> None:
    assert _countries("Critics included Dana Whitfield (pictured) on Monday.")["Dana Whitfield"] is None

"""Who acts and who is acted on, where the parse puts them away from the trigger."""

from __future__ import annotations

import pytest

from patronage.model.records import Event
from tests.conftest import analyse_text


def dyads(text: str) -> set[tuple[str, str | None, str | None]]:
    events: tuple[Event, ...] = analyse_text(text, "2019-09-08").events
    return {
        (e.type, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in events
        if e.polarity == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # a described owner of what is backed is the target, though it is a possessor itself
        ("The senators backed the government's plans on Tuesday.", ("SUPPORT", "senators", "government")),
        # what a judgement is about names whom it judges
        (
            "The mayor complained about Donald Trump's decision on Friday.",
            ("ACCUSE", "mayor", "Donald Trump"),
        ),
        (
            "Germany expressed concerns about Vladimir Putin's handling of the crisis.",
            ("ACCUSE", "Germany", "Vladimir Putin"),
        ),
        (
            "Angela Merkel's criticism about Donald Trump's trade policy drew attention on Friday.",
            ("ACCUSE", "Angela Merkel", "Donald Trump"),
        ),
        # who takes a chance, and whose gerund tells what they did, is the source
        (
            "Angela Merkel jumped at the chance to help Emmanuel Macron.",
            ("AID", "Angela Merkel", "Emmanuel Macron"),
        ),
        ("Boris Johnson responded by praising Joe Biden.", ("SUPPORT", "Boris Johnson", "Joe Biden")),
        (
            "After meeting Emmanuel Macron, Angela Merkel said she was hopeful.",
            ("CONSULT", "Angela Merkel", "Emmanuel Macron"),
        ),
    ],
)
def test_the_actor_away_from_the_trigger_is_found(text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in dyads(text)


@pytest.mark.parametrize(
    "text",
    [
        # what one is charged with or opposed to is not what one did
        "Boris Johnson was charged with blocking Joe Biden's nominee.",
        "Boris Johnson is opposed to ending sanctions on Iran.",
        "Boris Johnson talked about reinstating sanctions on Iran.",
    ],
)
def test_a_gerund_one_is_charged_with_has_no_source(text: str) -> None:
    assert all(source != "Boris Johnson" for _type, source, _target in dyads(text))


def test_whom_one_travels_with_is_company_not_a_host() -> None:
    found = dyads("Vladimir Putin flew to Damascus with Defence Minister Sergei Shoigu on Monday.")
    assert ("CONSULT", "Vladimir Putin", "Sergei Shoigu") not in found
    assert ("CONSULT", "Vladimir Putin", "Syria") in found
    assert ("CONSULT", "Vladimir Putin", "Bashar al-Assad") in dyads(
        "Vladimir Putin met with Bashar al-Assad in Damascus."
    )


def test_people_known_by_their_tie_to_someone_are_judged_not_that_someone() -> None:
    found = dyads("District Attorney Cyrus Vance Jr. thanked Harvey Weinstein's accusers for their courage.")
    assert not any(target == "Harvey Weinstein" for _type, _source, target in found)
    assert ("SUPPORT", "Cyrus Vance Jr.", "Harvey Weinstein's accusers") in found

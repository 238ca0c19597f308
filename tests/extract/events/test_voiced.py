"""Judgements voiced: concerns raised and things described as bad are criticism (PLOVER's ACCUSE),
described as good praise (SUPPORT); concerns only named and plain descriptions are none."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


def accusations(text: str, type_: str = "ACCUSE") -> set[tuple[str | None, str | None]]:
    return {
        (e.source.name if e.source else None, e.target.name if e.target else None)
        for e in analyse_text(text, "2013-01-20").events
        if e.type == type_ and e.polarity == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Senator John McCain raised concerns about the nomination of Chuck Hagel.",
            ("John McCain", "Chuck Hagel"),
        ),
        (
            "Democrats have voiced their concerns about Barack Obama's plan.",
            ("Democratic Party", "Barack Obama"),
        ),
        (
            "Senator Rand Paul aired his concerns over the Obama administration's drone policy.",
            ("Rand Paul", None),
        ),
    ],
)
def test_a_concern_raised_or_voiced_is_criticism(text: str, pair: tuple[str, str | None]) -> None:
    found = accusations(text)
    assert found and all(source == pair[0] for source, _target in found), found
    if pair[1] is not None:
        assert pair in found


@pytest.mark.parametrize(
    "text",
    [
        "The deficit is a matter of concern to Britain, Gordon Brown said.",
        "Their concerns grew after Barack Obama's speech on Monday.",
        "Concern about the economy dominated the Senate debate.",
        "The energy firm hiring Joe Biden's son raises ethical concerns.",  # a deed raises them
    ],
)
def test_a_concern_only_named_is_no_criticism(text: str) -> None:
    assert not accusations(text)


@pytest.mark.parametrize(
    ("text", "type_", "pair"),
    [
        (
            "Cherie Blair described the US legal code as an outdated grandfather clock.",
            "ACCUSE",
            ("Cherie Blair", "United States"),
        ),
        (
            "Jack Straw described Vladimir Putin as a reliable partner.",
            "SUPPORT",
            ("Jack Straw", "Vladimir Putin"),
        ),
    ],
)
def test_describing_someone_as_bad_or_good_blames_or_praises(
    text: str, type_: str, pair: tuple[str, str]
) -> None:
    assert pair in accusations(text, type_)


@pytest.mark.parametrize(
    "text",
    [
        "Tony Blair described the scene in Basra as chaotic.",
        "Tony Blair described himself as a moderate on Monday.",
        "Gordon Brown described the plan in detail to Jack Straw.",
        "The Israelis described the meeting as important.",  # praise of no one's thing
    ],
)
def test_a_plain_description_is_no_event(text: str) -> None:
    events = analyse_text(text, "2005-01-20").events
    assert not [e for e in events if e.trigger.startswith("describ")], events


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Barry McCaffrey criticised Donald Trump. McCaffrey's remarks were echoed on MSNBC on Saturday "
            "by retired Admiral James Stavridis.",
            ("James Stavridis", "Barry McCaffrey"),
        ),
        ("Boris Johnson echoed Theresa May's call for unity.", ("Boris Johnson", "Theresa May")),
    ],
)
def test_echoing_anothers_words_backs_them(text: str, pair: tuple[str, str]) -> None:
    backing = accusations(text, "SUPPORT")
    assert pair in backing
    assert not any(target == "MSNBC" for _source, target in backing)  # a channel spoken on is no side


@pytest.mark.parametrize(
    "text",
    ["The sound echoed through the hall.", "Boris Johnson's words echoed those of Ronald Reagan."],
)
def test_an_echo_of_no_ones_words_backs_no_one(text: str) -> None:
    assert not accusations(text, "SUPPORT")

"""The linking rule: which event reports tell one real-world event (pure, no store)."""

from __future__ import annotations

import itertools
import random

import pytest

from patronage.errors import ModelError
from patronage.model.plover import parse_plover, plover
from patronage.model.records import DOCUMENT_DATE
from patronage.store.linking import Report, keys_of, link_reports, own_id, year_of

RUS, SYR, UKR, USA = "country/RUS", "country/SYR", "country/UKR", "country/USA"
PUTIN, ASSAD = "person/Q7747", "person/Q44329"


def r(
    event_id: str,
    type_: str,
    source: str | None,
    target: str | None,
    date: str | None,
    place: str | None = None,
    **more: str,
) -> Report:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "unknown")
    return Report.of(event_id, type_, source, target, date, precision, place=place, **more)


def assumed(event_id: str, type_: str, source: str | None, target: str | None, published: str) -> Report:
    """A report whose sentence states no date: its article's month stands in."""
    return r(event_id, type_, source, target, published[:7], date_text=DOCUMENT_DATE, published=published)


def groups(links: dict[str, str]) -> set[frozenset[str]]:
    """The partition the links make, whatever the ids."""
    by_id: dict[str, set[str]] = {}
    for event_id, linked in links.items():
        by_id.setdefault(linked, set()).add(event_id)
    return {frozenset(members) for members in by_id.values()}


def test_day_and_month_reports_of_one_dyad_join_and_other_families_do_not() -> None:
    reports = [
        r("a", "AID", RUS, ASSAD, "2024-12-08"),
        r("b", "AID", RUS, ASSAD, "2024-12-08"),
        r("c", "AID", RUS, ASSAD, "2024-12"),  # the month joins the one event of that month
        r("d", "CONSULT", RUS, ASSAD, "2024-12-08"),  # same dyad and day, another family
        r("e", "AID", RUS, ASSAD, "2024-03-02"),  # same type, clearly another date
        r("f", "COOPERATE", RUS, ASSAD, "2024-12-08"),  # AID's family: "helped" and "gave" alike
    ]
    assert groups(link_reports(reports)) == {frozenset("abcf"), frozenset("d"), frozenset("e")}


def test_a_month_report_with_two_candidate_days_stays_alone() -> None:
    reports = [
        r("a", "ASSAULT", RUS, UKR, "2022-10-10"),
        r("b", "ASSAULT", RUS, UKR, "2022-10-17"),
        r("c", "ASSAULT", RUS, UKR, "2022-10"),
    ]
    links = link_reports(reports)
    assert groups(links) == {frozenset("a"), frozenset("b"), frozenset("c")}
    assert links["c"] == own_id("c")


def test_month_reports_without_a_day_form_their_own_event_and_years_stay_alone() -> None:
    reports = [
        r("a", "AID", RUS, SYR, "2015-09"),
        r("b", "AID", RUS, SYR, "2015-09"),
        r("c", "AID", RUS, SYR, "2015"),  # a year: too coarse to tell one event from the next
        r("d", "AID", RUS, SYR, "2016"),
    ]
    assert groups(link_reports(reports)) == {frozenset("ab"), frozenset("c"), frozenset("d")}
    assert groups(link_reports([*reports, r("e", "AID", RUS, SYR, "2015-09-02")])) == {
        frozenset("abe"),
        frozenset("c"),
        frozenset("d"),
    }


def test_meetings_have_no_direction_but_aid_has() -> None:
    reports = [
        r("a", "CONSULT", PUTIN, ASSAD, "2015-10-20"),
        r("b", "CONSULT", ASSAD, PUTIN, "2015-10-20"),
        r("c", "AID", RUS, SYR, "2015-10-20"),
        r("d", "AID", SYR, RUS, "2015-10-20"),
    ]
    assert groups(link_reports(reports)) == {frozenset("ab"), frozenset("c"), frozenset("d")}


def test_a_report_missing_an_actor_joins_only_an_unambiguous_event() -> None:
    reports = [
        r("a", "SANCTION", USA, RUS, "2022-02-22"),
        r("b", "COERCE", USA, None, "2022-02-22"),  # "Washington imposed penalties": joins a
        r("c", "SANCTION", None, RUS, "2022-02-22"),  # "Russia was sanctioned": joins a
        r("d", "SANCTION", USA, None, "2022-02-23"),  # another day: alone
    ]
    assert groups(link_reports(reports)) == {frozenset("abc"), frozenset("d")}
    two = [*reports, r("e", "SANCTION", USA, SYR, "2022-02-22")]
    assert groups(link_reports(two)) == {
        frozenset("ac"),
        frozenset("b"),  # USA sanctioned Russia and Syria that day: which one is unknown
        frozenset("d"),
        frozenset("e"),
    }


def test_an_assumed_date_joins_the_one_event_of_the_week_before_or_its_day() -> None:
    reports = [
        r("a", "CONSULT", PUTIN, ASSAD, "2015-10-20"),
        assumed("b", "CONSULT", ASSAD, PUTIN, "2015-10-22"),  # "Assad's visit to Putin", two days on
        assumed("c", "CONSULT", PUTIN, ASSAD, "2015-11-02"),  # two weeks on: another meeting
        assumed("d", "CONSULT", PUTIN, ASSAD, "2015-11-02"),  # the same day's other article: one a day
        assumed("e", "CONSULT", PUTIN, None, "2015-10-22"),  # one actor and no date: never guessed
        r("f", "CONSULT", None, ASSAD, "2015-10-20"),  # one actor, a stated day: the one event then
    ]
    assert groups(link_reports(reports)) == {frozenset("abf"), frozenset("cd"), frozenset("e")}
    two = [*reports, r("g", "CONSULT", PUTIN, ASSAD, "2015-10-18")]
    assert frozenset("b") in groups(link_reports(two))  # two meetings that week: which one is unknown


def test_a_repeated_sentence_is_one_event() -> None:
    lead = {"doc_id": "d", "wording": "w1"}
    reports = [
        r("a", "ACCUSE", "described:officials", None, None, **lead),
        r("b", "ACCUSE", "described:officials", None, None, **lead),
        r("c", "ACCUSE", "described:officials", None, None, doc_id="d", wording="w2"),
        r("d", "ACCUSE", "described:officials", None, None, doc_id="other", wording="w1"),
    ]
    assert groups(link_reports(reports)) == {frozenset("ab"), frozenset("c"), frozenset("d")}


def test_described_actors_and_undated_reports_never_link() -> None:
    reports = [
        r("a", "ACCUSE", "described:officials", RUS, None),
        r("b", "ACCUSE", "described:officials", RUS, None),
        r("c", "ACCUSE", USA, RUS, None),
        r("d", "ACCUSE", USA, RUS, None),
    ]
    assert groups(link_reports(reports)) == {frozenset(x) for x in "abcd"}
    assert keys_of(reports[0]) == set() and year_of("2015", "decade") is None


def test_known_places_that_differ_split_a_day() -> None:
    reports = [
        r("a", "CONSULT", PUTIN, ASSAD, "2015-10-20", "RUS"),
        r("b", "CONSULT", PUTIN, ASSAD, "2015-10-20", None),
        r("c", "CONSULT", PUTIN, ASSAD, "2015-10-20", "RUS"),
    ]
    assert groups(link_reports(reports)) == {frozenset("abc")}
    elsewhere = [*reports, r("d", "CONSULT", PUTIN, ASSAD, "2015-10-20", "SYR")]
    assert groups(link_reports(elsewhere)) == {frozenset("ac"), frozenset("b"), frozenset("d")}


def test_links_do_not_depend_on_the_order_of_reports() -> None:
    pool = [
        r(f"{i}", t, s, g, d)
        for i, (t, s, g, d) in enumerate(
            itertools.product(
                ["AID", "COOPERATE", "CONSULT", "ACCUSE"],
                [RUS, USA, None],
                [SYR, UKR, None],
                ["2015-10-20", "2015-10-21", "2015-10", "2015", None],
            )
        )
    ]
    pool += [assumed(f"x{i}", "AID", RUS, SYR, f"2015-10-{d:02d}") for i, d in enumerate((19, 20, 20, 27))]
    expected = link_reports(pool)
    rng = random.Random(19)
    for _ in range(5):
        shuffled = pool[:]
        rng.shuffle(shuffled)
        assert link_reports(shuffled) == expected


def test_every_type_is_in_one_family_and_the_file_is_checked() -> None:
    vocab = plover()
    assert {t for f in vocab.families.values() for t in f.types} == set(vocab.types)
    assert vocab.family("CONSULT") is not None and not vocab.family("CONSULT").directed  # type: ignore[union-attr]
    raw = {
        "version": 1,
        "types": {"AID": {"sign": "positive", "intent": None, "relation": None}},
        "polarities": ["asserted"],
        "modalities": ["actual"],
        "relations": {},
    }
    with pytest.raises(ModelError, match="families"):
        parse_plover(raw)
    with pytest.raises(ModelError, match="exactly once"):
        parse_plover({**raw, "families": {"x": {"types": [], "directed": True}}})

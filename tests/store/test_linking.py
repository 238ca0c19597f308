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
CHN, VAT, GOP = "country/CHN", "country/VAT", "org/us-republican-party"
PUTIN, ASSAD = "person/Q7747", "person/Q44329"


#: the word each type's reports are told with unless a test says otherwise
WORDS = {
    "AID": "gave", "COOPERATE": "helped", "CONSULT": "met", "ACCUSE": "accused", "SANCTION": "sanctioned",
    "COERCE": "expelled", "ASSAULT": "attacked", "THREATEN": "threatened", "SUPPORT": "praised",
    "REJECT": "rejected", "REQUEST": "urged",
}  # fmt: skip


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
    if "trigger" not in more:
        more["trigger"] = WORDS[type_]
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


def test_day_and_month_reports_of_one_dyad_and_type_join_and_other_types_do_not() -> None:
    reports = [
        r("a", "AID", RUS, ASSAD, "2024-12-08"),
        r("b", "AID", RUS, ASSAD, "2024-12-08"),
        r("c", "AID", RUS, ASSAD, "2024-12"),  # the month joins the one event of that month
        r("d", "CONSULT", RUS, ASSAD, "2024-12-08"),  # same dyad and day, another family
        r("e", "AID", RUS, ASSAD, "2024-03-02"),  # same type, clearly another date
        # AID's family, but rule v2 joins one type only: "helped" is not evidence of what "gave" told
        r("f", "COOPERATE", RUS, ASSAD, "2024-12-08"),
    ]
    assert groups(link_reports(reports)) == {frozenset("abc"), frozenset("d"), frozenset("e"), frozenset("f")}


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
        r("b", "SANCTION", USA, None, "2022-02-22"),  # "Washington sanctioned ...": joins a
        r("c", "SANCTION", None, RUS, "2022-02-22"),  # "Russia was sanctioned": joins a
        r("d", "SANCTION", USA, None, "2022-02-23"),  # another day: alone
        r("x", "COERCE", USA, None, "2022-02-22"),  # "Washington expelled ...": another type
    ]
    assert groups(link_reports(reports)) == {frozenset("abc"), frozenset("d"), frozenset("x")}
    two = [*reports, r("e", "SANCTION", USA, SYR, "2022-02-22")]
    assert groups(link_reports(two)) == {
        frozenset("ac"),
        frozenset("b"),  # USA sanctioned Russia and Syria that day: which one is unknown
        frozenset("d"),
        frozenset("e"),
        frozenset("x"),
    }


def test_an_assumed_date_joins_the_one_event_of_the_week_before_or_its_day() -> None:
    reports = [
        r("a", "CONSULT", PUTIN, ASSAD, "2015-10-20", doc_id="1"),
        assumed("b", "CONSULT", ASSAD, PUTIN, "2015-10-22"),  # "Assad's visit to Putin", two days on
        assumed("c", "CONSULT", PUTIN, ASSAD, "2015-11-02"),  # two weeks on: another meeting
        r(
            "c2",
            "CONSULT",
            PUTIN,
            ASSAD,
            "2015-11",
            date_text=DOCUMENT_DATE,
            published="2015-11-02",
            doc_id="1",
        ),
        assumed("e", "CONSULT", PUTIN, None, "2015-10-22"),  # one actor and no date: never guessed
        r(
            "f", "CONSULT", None, ASSAD, "2015-10-20", doc_id="1"
        ),  # one actor, a stated day: its article's event
        r("f2", "CONSULT", None, ASSAD, "2015-10-20", doc_id="2"),  # … of another article: not guessed
    ]
    # the same day's other article (c2) is not the same meeting for being that day's: a blind check
    # found such links wrong as often as right
    assert groups(link_reports(reports)) == {
        frozenset(("a", "b", "f")),
        frozenset("c"),
        frozenset(["c2"]),
        frozenset("e"),
        frozenset(["f2"]),
    }
    two = [*reports, r("g", "CONSULT", PUTIN, ASSAD, "2015-10-18")]
    assert frozenset("b") in groups(link_reports(two))  # two meetings that week: which one is unknown


def test_a_repeated_sentence_is_one_event() -> None:
    lead = {"doc_id": "d", "sentence": "Officials accused them."}
    reports = [
        r("a", "ACCUSE", "described:officials", None, None, **lead),
        r("b", "ACCUSE", "described:officials", None, None, **lead),
        r("c", "ACCUSE", "described:officials", None, None, doc_id="d", sentence="Officials accused us."),
        r(
            "d",
            "ACCUSE",
            "described:officials",
            None,
            None,
            doc_id="other",
            sentence="Officials accused them.",
        ),
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
    said = "Russia threatened to attack and accused Syria, then helped Syria."
    pool += [  # one sentence of several acts, each also told elsewhere
        r(f"s{i}", t, RUS, g, "2015-10-20", trigger=w, doc_id="d", sentence=said)
        for i, (t, g, w) in enumerate(
            [("THREATEN", SYR, "threatened"), ("ASSAULT", SYR, "attack"), ("ACCUSE", SYR, "accused"),
             ("ACCUSE", None, "accused"), ("COOPERATE", SYR, "helped"), ("AID", SYR, "helped")]
        )
    ]  # fmt: skip
    expected = link_reports(pool)
    assert len(set(expected.values())) <= len(pool) - 6  # reports did join
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


def test_across_sentences_a_statement_joins_only_the_same_word() -> None:
    reports = [
        r("a", "SUPPORT", USA, RUS, "2020-03-10", trigger="praised"),
        r("b", "SUPPORT", USA, RUS, "2020-03-10", trigger="praise"),  # the same word, inflected
        r("c", "SUPPORT", USA, RUS, "2020-03-10", trigger="encouraged"),  # another thing said that day
        r("d", "SUPPORT", USA, RUS, "2020-03-10", trigger="praised", cameo="051"),  # a code says no more
        r("e", "SUPPORT", USA, RUS, "2020-03-10", trigger=""),  # no trigger: no evidence at all
    ]
    assert groups(link_reports(reports)) == {frozenset("abd"), frozenset("c"), frozenset("e")}


def test_across_sentences_a_material_act_joins_by_its_precise_code() -> None:
    reports = [
        r("a", "AID", RUS, ASSAD, "2024-12-08", trigger="granted", cameo="075"),  # granted asylum
        r("b", "AID", RUS, ASSAD, "2024-12-08", trigger="gave", cameo="075"),  # gave him refuge
        r("c", "AID", RUS, ASSAD, "2024-12", trigger="sheltered", cameo="075"),
        r("d", "AID", RUS, ASSAD, "2024-12-08", trigger="sent", cameo="072"),  # arms: another act
        r("e", "AID", RUS, ASSAD, "2024-12-08", trigger="helped", cameo="070"),  # 070: not specified
        r("f", "AID", RUS, ASSAD, "2024-12-08", trigger="help", cameo="070"),
    ]
    assert groups(link_reports(reports)) == {frozenset("abc"), frozenset("d"), frozenset("ef")}


def test_one_sentence_coded_as_an_act_and_what_it_threatens_or_refuses_is_one_event() -> None:
    threat = "President Donald Trump threatened to impose tariffs on every single Chinese import."
    refusal = "He is refusing to endorse congressional Republicans in their primary races."
    listed = "President Obama met with Pope Francis on Wednesday and claimed a defence of religious liberty."
    reports = [
        r("a", "THREATEN", USA, CHN, "2018-07", trigger="threatened", doc_id="1", sentence=threat),
        r("b", "SANCTION", USA, CHN, "2018-07", trigger="impose", doc_id="1", sentence=threat),
        r("c", "REJECT", USA, GOP, "2018-07", trigger="refusing", doc_id="2", sentence=refusal),
        r("d", "SUPPORT", USA, GOP, "2018-07", trigger="endorse", doc_id="2", sentence=refusal),
        r("e", "CONSULT", USA, VAT, "2015-09-23", trigger="met", doc_id="3", sentence=listed),
        r("f", "ACCUSE", USA, VAT, "2015-09-23", trigger="claimed", doc_id="3", sentence=listed),
        # the same words in another article: one sentence is one article's
        r("g", "SANCTION", USA, CHN, None, trigger="impose", doc_id="4", sentence=threat),
    ]
    assert groups(link_reports(reports)) == {
        frozenset("ab"),
        frozenset("cd"),
        frozenset("e"),
        frozenset("f"),
        frozenset("g"),
    }


def test_one_sentence_one_word_is_one_act_whatever_its_types_and_missing_actors() -> None:
    said = "Trump accused China and Russia of meddling, officials said."
    reports = [
        r("a", "ACCUSE", USA, CHN, "2018-09", trigger="accused", doc_id="1", sentence=said),
        r("b", "REJECT", USA, CHN, "2018-09", trigger="accused", doc_id="1", sentence=said),
        r("c", "ACCUSE", USA, RUS, "2018-09", trigger="accused", doc_id="1", sentence=said),
        r("d", "ACCUSE", USA, None, "2018-09", trigger="accused", doc_id="1", sentence=said),
    ]
    assert groups(link_reports(reports)) == {frozenset("abcd")}


def test_one_sentence_two_acts_stay_apart() -> None:
    both = (
        "Lawmakers contend they are stonewalled across inquiries by an administration that ignores subpoenas."
    )
    mixed = "The inspector general investigated the issue, but has refused to release documents."
    listed = "Washington condemned the attack and called for an investigation by Moscow."
    shooting = "Our soldiers will be shot at, and they will be shooting back."
    reports = [  # two actors the text only describes are two actors, not one missing twice
        r("a", "ACCUSE", "described:lawmakers", None, "2019-05", trigger="contend", doc_id="1", sentence=both),
        r("b", "ACCUSE", "described:administration", None, "2019-05", trigger="inquiries", doc_id="1", sentence=both),
        # an accusation and a refusal are of one family, but in other words they are two acts
        r("c", "ACCUSE", USA, None, "2015-02", trigger="investigated", doc_id="2", sentence=mixed),
        r("d", "REJECT", USA, None, "2015-02", trigger="refused", doc_id="2", sentence=mixed),
        # acts of one type a sentence lists, and two words of one stem, are two acts
        r("e", "ACCUSE", USA, RUS, "2018-04", trigger="condemned", doc_id="3", sentence=listed),
        r("f", "ACCUSE", USA, RUS, "2018-04", trigger="investigation", doc_id="3", sentence=listed),
        r("g", "ASSAULT", None, USA, "2018-04", trigger="shot", doc_id="4", sentence=shooting),
        r("h", "ASSAULT", USA, None, "2018-04", trigger="shooting", doc_id="4", sentence=shooting),
    ]  # fmt: skip
    assert groups(link_reports(reports)) == {frozenset(x) for x in "abcdefgh"}


def test_an_act_takes_the_event_of_the_report_that_governs_it() -> None:
    threat = "Trump threatened on Monday to impose tariffs on China."
    reports = [
        r("a", "THREATEN", USA, CHN, "2018-07-02", trigger="threatened", doc_id="1", sentence=threat),
        r("b", "SANCTION", USA, CHN, "2018-07-02", trigger="impose", doc_id="1", sentence=threat),
        # another article: the threat, and tariffs imposed that day (another event)
        r("c", "THREATEN", USA, CHN, "2018-07-02", trigger="threatens", doc_id="2", sentence="s2"),
        r("d", "SANCTION", USA, CHN, "2018-07-02", trigger="imposed", doc_id="3", sentence="s3"),
        r("e", "SANCTION", USA, CHN, "2018-07-02", trigger="impose", doc_id="4", sentence="s4"),
    ]
    links = link_reports(reports)
    assert groups(links) == {frozenset("abc"), frozenset("de")}
    assert links["a"] == link_reports(reports[::-1])["a"]


def test_copies_of_a_sentence_in_other_articles_are_one_event_and_months_are_not() -> None:
    wire = "The United States launched 59 cruise missiles at a Syrian air base on Thursday night."
    reports = [  # a wire story printed by three outlets, each dating the strike by its own article
        r("a", "ASSAULT", USA, SYR, "2017-04", trigger="launched", doc_id="1", sentence=wire),
        r("b", "ASSAULT", USA, SYR, "2017-04", trigger="launched", doc_id="2", sentence=wire),
        r("c", "ASSAULT", USA, SYR, "2017-04", trigger="launched", doc_id="3", sentence=wire.upper()),
        # two articles' reports dated only by a month: two occasions as likely as one
        r("d", "ASSAULT", USA, SYR, "2017-04", trigger="launched", doc_id="4", sentence="Another one."),
        r("e", "ASSAULT", USA, SYR, "2017-04", trigger="launched", doc_id="5", sentence="And another."),
    ]
    assert groups(link_reports(reports)) == {frozenset("abc"), frozenset("d"), frozenset("e")}
    order = list(reversed(reports))
    assert groups(link_reports(order)) == groups(link_reports(reports))


def test_one_word_with_other_partners_or_an_act_it_only_helps_are_two_acts() -> None:
    meetings = "Aides had packed his schedule with meetings with David Cameron and George Osborne."
    helped = "Muller started a hashtag which helped inspire women to march in Paris."
    cameron, osborne = "person/david-cameron", "person/george-osborne"
    reports = [  # a meeting has no direction, but two partners of one word are two meetings
        r("a", "CONSULT", None, cameron, "2015-02", trigger="meetings", doc_id="1", sentence=meetings),
        r("b", "CONSULT", None, osborne, "2015-02", trigger="meetings", doc_id="1", sentence=meetings),
        # only a threat, a demand, a refusal or a promise frames the act after "to"
        r("c", "AID", USA, None, "2017-10", trigger="helped", doc_id="2", sentence=helped),
        r("d", "PROTEST", USA, None, "2017-10", trigger="march", doc_id="2", sentence=helped),
    ]  # fmt: skip
    assert groups(link_reports(reports)) == {frozenset(x) for x in "abcd"}

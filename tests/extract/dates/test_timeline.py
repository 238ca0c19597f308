"""Tests for date expressions resolved against the document date and the narrative."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from patronage.extract.dates.timeline import Timeline, find_date_expressions, resolve_expression
from patronage.model.records import PRECISIONS, DateValue

WED = dt.date(2015, 10, 21)  # a Wednesday
TUE = dt.date(2024, 12, 10)  # a Tuesday
WINTER_2012 = DateValue("2012", "season", "winter", "in the winter of 2012")
DAY_1020 = DateValue("2015-10-20", "day", None, "Tuesday")


def day(text: str) -> DateValue:
    return DateValue(text, "day", None, "")


def month(text: str) -> DateValue:
    return DateValue(text, "month", None, "")


def year(text: str) -> DateValue:
    return DateValue(text, "year", None, "")


D = dt.date

# (expression or sentence, document date, anchor, expected value, expected precision)
CASES: list[tuple[str, dt.date | None, DateValue | None, str | None, str | None]] = [
    # weekdays, seen from Wednesday 2015-10-21
    ("Tuesday", WED, None, "2015-10-20", "day"),
    ("on Tuesday", WED, None, "2015-10-20", "day"),
    ("Tuesday night", WED, None, "2015-10-20", "day"),
    ("Wednesday", WED, None, "2015-10-21", "day"),
    ("Thursday", WED, None, "2015-10-15", "day"),
    ("late Sunday", WED, None, "2015-10-18", "day"),
    ("next Tuesday", WED, None, "2015-10-27", "day"),
    ("last Wednesday", WED, None, "2015-10-14", "day"),
    ("Tuesday, Oct. 20, 2015", WED, None, "2015-10-20", "day"),
    # days and weeks around the document date
    ("yesterday", WED, None, "2015-10-20", "day"),
    ("today", WED, None, "2015-10-21", "day"),
    ("tonight", WED, None, "2015-10-21", "day"),
    ("last night", WED, None, "2015-10-20", "day"),
    ("the day before yesterday", WED, None, "2015-10-19", "day"),
    ("tomorrow", WED, None, "2015-10-22", "day"),
    ("last week", WED, None, "2015-10", "month"),
    ("this week", WED, None, "2015-10", "month"),
    ("last week", D(2015, 10, 5), None, "2015", "year"),
    ("next week", D(2015, 12, 28), None, "2016-01", "month"),
    ("this week", D(2015, 12, 30), None, None, None),
    ("over the weekend", D(2015, 10, 19), None, "2015-10", "month"),
    # months and years around the document date
    ("last month", WED, None, "2015-09", "month"),
    ("last month", D(2015, 1, 15), None, "2014-12", "month"),
    ("next month", D(2015, 12, 2), None, "2016-01", "month"),
    ("earlier this month", WED, None, "2015-10", "month"),
    ("this year", WED, None, "2015", "year"),
    ("last year", WED, None, "2014", "year"),
    ("next year", WED, None, "2016", "year"),
    ("earlier this year", WED, None, "2015", "year"),
    ("late last year", WED, None, "2014", "year"),
    # a month or a day without a year: the most recent on or before the document date
    ("in March", WED, None, "2015-03", "month"),
    ("in November", WED, None, "2014-11", "month"),
    ("next March", WED, None, "2016-03", "month"),
    ("Dec. 8", TUE, None, "2024-12-08", "day"),
    ("on December 8", WED, None, "2014-12-08", "day"),
    ("Oct. 21", WED, None, "2015-10-21", "day"),
    ("Oct. 22", WED, None, "2014-10-22", "day"),
    ("on 3 May", WED, None, "2015-05-03", "day"),
    ("mid-December", TUE, None, "2024-12", "month"),
    ("by mid-December last year", WED, None, "2014-12", "month"),
    ("in March this year", D(2015, 2, 1), None, "2015-03", "month"),
    ("on Dec. 8 last year", WED, None, "2014-12-08", "day"),
    ("early January", WED, None, "2015-01", "month"),
    # absolute expressions, with or without a document date
    ("in the winter of 2012", None, None, "2012", "season"),
    ("winter 2012", WED, None, "2012", "season"),
    ("the spring of 2011", None, None, "2011", "season"),
    ("in the fall of 2013", None, None, "2013", "season"),
    ("in 2014", None, None, "2014", "year"),
    ("2014", None, None, "2014", "year"),
    ("by the end of 2014", None, None, "2014", "year"),
    ("the 1990s", None, None, "1990", "decade"),
    ("the early 2000s", None, None, "2000", "decade"),
    ("in the late '80s", None, None, "1980", "decade"),
    ("December 2024", None, None, "2024-12", "month"),
    ("in February of 2014", None, None, "2014-02", "month"),
    ("on Oct. 20, 2015", None, None, "2015-10-20", "day"),
    ("2015-10-20", None, None, "2015-10-20", "day"),
    ("20 October 2015", None, None, "2015-10-20", "day"),
    ("on the 1st of March, 2014", None, None, "2014-03-01", "day"),
    ("5/9/2015", None, None, "2015-05-09", "day"),
    # relative to the narrative anchor
    ("three years later", None, WINTER_2012, "2015", "year"),
    ("three years later", WED, day("2012-02-14"), "2015", "year"),
    ("two days later", None, DAY_1020, "2015-10-22", "day"),
    ("a year earlier", None, year("2014"), "2013", "year"),
    ("the next day", None, day("2024-12-08"), "2024-12-09", "day"),
    ("the next day", None, month("2024-12"), "2024-12", "month"),
    ("the previous day", None, DAY_1020, "2015-10-19", "day"),
    ("the day before", None, DAY_1020, "2015-10-19", "day"),
    ("the following year", None, WINTER_2012, "2013", "year"),
    ("two months later", None, month("2024-11"), "2025-01", "month"),
    ("two weeks later", None, month("2013-06"), "2013", "year"),
    ("a few days later", None, day("2015-10-10"), "2015-10", "month"),
    ("years later", None, year("2012"), None, None),
    ("that year", None, DAY_1020, "2015", "year"),
    ("later that month", None, DAY_1020, "2015-10", "month"),
    ("the following week", None, day("2015-10-14"), "2015-10", "month"),
    ("the following Tuesday", None, day("2015-10-14"), "2015-10-20", "day"),
    ("that summer", None, year("2013"), "2013", "season"),
    ("three years later", WED, None, None, None),
    # "ago" counts from the document date
    ("three years ago", WED, None, "2012", "year"),
    ("two days ago", WED, None, "2015-10-19", "day"),
    ("a decade ago", WED, None, "2005", "year"),
    ("two months ago", D(2015, 1, 10), None, "2014-11", "month"),
    ("three years ago", WED, day("1990-01-01"), "2012", "year"),
    # relative expressions without a document date
    ("Tuesday", None, None, None, None),
    ("last year", None, None, None, None),
    ("two days ago", None, None, None, None),
    ("in March", None, None, None, None),
    # not dates, or not placeable
    ("recently", WED, None, None, None),
    ("now", WED, None, None, None),
    ("for years", WED, None, None, None),
    ("Many years later", WED, year("2001"), None, None),
    ("215 prisoners", WED, None, None, None),
    ("7,000 troops", WED, None, None, None),
    ("tens of thousands of people", WED, None, None, None),
    ("aged 45", WED, None, None, None),
    ("at 3 p.m.", WED, None, None, None),
    ("in 2000 cases", WED, None, None, None),
    ("Theresa May met the envoy in London.", WED, None, None, None),
    ("He watched Russia Today.", WED, None, None, None),
    ("Voters turned out on Super Tuesday.", WED, None, None, None),
    ("Backbenchers lost confidence in May over the deal.", WED, None, None, None),
    ("His approval ratings sank into the 20s.", WED, None, None, None),
    ("A motel in Lexington 2014 edition", WED, None, None, None),
    ("He resigned in May.", WED, None, "2015-05", "month"),
    ("Since the 1970s, the party has drifted.", None, None, "1970", "decade"),
    # whole sentences: the finest date describes the main event
    ("Moscow began its air campaign on Sept. 30, 2015, officials said.", None, None, "2015-09-30", "day"),
    ("The deal, first floated in 2012, was signed on Tuesday.", WED, None, "2015-10-20", "day"),
    ("The swap of 215 detainees took place last month.", WED, None, "2015-09", "month"),
    (
        "The ousted ruler reached Moscow in December 2024 after his army melted away.",
        None,
        None,
        "2024-12",
        "month",
    ),
    ("The fugitive has lived near Moscow since 2013.", None, None, "2013", "year"),
    ("The 2012 rallies were recalled again this spring.", WED, None, "2015", "season"),
    ("He toured the front in the summer.", WED, None, "2015", "season"),
    ("The envoy was recalled last winter.", WED, None, "2015", "season"),
    ("Russia's 2015 intervention changed the war.", None, None, "2015", "year"),
    ("The budget must shrink 20 percent by 2016.", None, None, "2016", "year"),
    ("Talks resumed a couple of weeks later in Geneva.", None, day("2015-10-01"), "2015-10-15", "day"),
]


@pytest.mark.parametrize(("text", "doc_date", "anchor", "value", "precision"), CASES)
def test_resolve_table(
    text: str, doc_date: dt.date | None, anchor: DateValue | None, value: str | None, precision: str | None
) -> None:
    found = resolve_expression(text, doc_date, anchor)
    if value is None:
        assert found is None
        return
    assert found is not None
    assert (found.value, found.precision) == (value, precision)
    assert found.precision in PRECISIONS
    assert found.text and found.text in text


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("in the winter of 2012", "winter"),
        ("the fall of 2013", "autumn"),
        ("Autumn 2009", "autumn"),
        ("spring 2011", "spring"),
        ("the summer of 1998", "summer"),
    ],
)
def test_season_names(text: str, season: str) -> None:
    found = resolve_expression(text, None)
    assert found is not None and found.season == season and found.precision == "season"


def test_non_season_values_carry_no_season() -> None:
    found = resolve_expression("in 2014", None)
    assert found is not None and found.season is None


def test_datetime_doc_date_is_reduced_to_its_day() -> None:
    found = resolve_expression("yesterday", dt.datetime(2015, 10, 21, 23, 30))
    assert found is not None and found.value == "2015-10-20"


def test_impossible_dates_give_nothing() -> None:
    assert resolve_expression("Feb. 30, 2015", None) is None
    assert resolve_expression("Feb. 29", D(2015, 3, 1)) is None  # 2015 is no leap year


def test_timeline_story_with_season_then_relative_then_weekday() -> None:
    timeline = Timeline(WED)
    story = [
        (
            "In the winter of 2012, the president brushed off questions about his ally's future.",
            "2012",
            "season",
        ),
        ("Three years later, his air force was bombing rebel positions.", "2015", "year"),
        ("Diplomats met again on Tuesday night in Vienna.", "2015-10-20", "day"),
        ("The next day, the talks collapsed.", "2015-10-21", "day"),
    ]
    for sentence, value, precision in story:
        found = timeline.sentence_date(sentence)
        assert found is not None, sentence
        assert (found.value, found.precision) == (value, precision), sentence
        assert timeline.anchor == found


def test_timeline_keeps_anchor_over_undated_sentences() -> None:
    timeline = Timeline(TUE)
    assert timeline.anchor is None
    first = timeline.sentence_date("Rebel columns entered the capital on Dec. 8.")
    assert first is not None and first.value == "2024-12-08"
    assert timeline.sentence_date("No one answered the phones at the palace.") is None
    assert timeline.anchor == first
    nxt = timeline.sentence_date("The next day, the Kremlin said he had been given asylum.")
    assert nxt is not None and (nxt.value, nxt.precision) == ("2024-12-09", "day")
    back = timeline.sentence_date("He had first flown to Moscow in 2015.")
    assert back is not None and (back.value, back.precision) == ("2015", "year")
    later = timeline.sentence_date("Two years later he returned with a request for arms.")
    assert later is not None and (later.value, later.precision) == ("2017", "year")


def test_timeline_without_doc_date_resolves_only_absolute_and_anchored() -> None:
    timeline = Timeline(None)
    assert timeline.sentence_date("Officials met on Tuesday.") is None
    start = timeline.sentence_date("In June 2013, the contractor flew to Hong Kong.")
    assert start is not None and (start.value, start.precision) == ("2013-06", "month")
    after = timeline.sentence_date("Two weeks later he landed in Moscow.")
    assert after is not None and (after.value, after.precision) == ("2013", "year")


def test_timeline_relative_in_same_sentence_uses_earlier_expression() -> None:
    timeline = Timeline(None)
    found = timeline.sentence_date("He took office in 2000 and, eight years later, handed it to an ally.")
    assert found is not None and found.value in ("2000", "2008") and found.precision == "year"
    assert timeline.anchor == found
    assert resolve_expression("eight years later", None, found) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The exchange freed 215 prisoners and 7,000 troops stood by.",
        "Tens of thousands of people marched, and 45 were detained.",
        "The 45-year-old opposition leader, aged 45, spoke at 3 p.m. to 2,000 supporters.",
        "Page 1990 of the report lists 2015 cases of abuse.",
        "Stocks fell 3.5 percent as the march moved to the square.",
        "The ministry has said for years that it does not comment.",
    ],
)
def test_non_date_numbers_give_nothing(sentence: str) -> None:
    assert find_date_expressions(sentence) == []
    assert Timeline(WED).sentence_date(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the winter of 2012, he was dismissive.", ["In the winter of 2012"]),
        (
            "They met on Oct. 20, 2015, and again three years later.",
            ["on Oct. 20, 2015", "three years later"],
        ),
        (
            "Trade collapsed in the 1990s but recovered by mid-December last year.",
            ["in the 1990s", "by mid-December last year"],
        ),
        ("On Tuesday night the envoy flew home; yesterday he resigned.", ["On Tuesday night", "yesterday"]),
        ("The 2015-10-20 memo cited events of spring 2011.", ["2015-10-20", "spring 2011"]),
        ("Earlier this month, and again last week, officials said so.", ["Earlier this month", "last week"]),
    ],
)
def test_spans_slice_text_exactly(sentence: str, expected: list[str]) -> None:
    spans = find_date_expressions(sentence)
    assert [text for _, _, text in spans] == expected
    for start, end, text in spans:
        assert sentence[start:end] == text


_WORDS = st.sampled_from(
    [
        "in",
        "on",
        "the",
        "of",
        "last",
        "next",
        "this",
        "winter",
        "spring",
        "fall",
        "2012",
        "1990s",
        "Dec.",
        "December",
        "8",
        "20,",
        "2015",
        "Tuesday",
        "night",
        "three",
        "years",
        "later",
        "ago",
        "days",
        "week",
        "month",
        "year",
        "yesterday",
        "mid-December",
        "early",
        "2000s",
        "215",
        "prisoners",
        ",",
        ".",
        "May",
        "following",
        "that",
        "day",
        "before",
        "after",
        "2015-10-20",
        "'80s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14))
def test_spans_are_exact_ordered_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    spans = find_date_expressions(text)
    last_end = 0
    for start, end, found in spans:
        assert text[start:end] == found
        assert start >= last_end and end > start
        last_end = end
    timeline = Timeline(WED)
    result = timeline.sentence_date(text)
    if result is not None:
        assert spans and result.text in [found for _, _, found in spans]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    found = resolve_expression(text, WED, WINTER_2012)
    assert found is None or found.precision in PRECISIONS


def test_undated_sentences_are_fast() -> None:
    sentence = "The minister said the government would not comment on the matter at this stage."
    timeline = Timeline(WED)
    started = time.perf_counter()
    for _ in range(20_000):
        timeline.sentence_date(sentence)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a bare date in a clause about the future is the next one, not the last
        ("The two leaders will meet on Friday in Hanoi.", "2015-10-23"),
        ("Talks are due to resume on March 3 in Geneva.", "2016-03-03"),
        ("The minister is expected to visit Tokyo in February.", "2016-02"),
        # the past, and a past clause beside a future one, keep the most recent such date
        ("The two leaders met on Friday in Hanoi.", "2015-10-16"),
        ("Assad, who flew to Moscow on Tuesday, will return to Damascus.", "2015-10-20"),
        ("The minister will not say what happened on Tuesday.", "2015-10-20"),
    ],
)
def test_future_clauses_put_bare_dates_ahead(sentence: str, value: str) -> None:
    found = Timeline(WED).sentence_date(sentence)
    assert found is not None and found.value == value, found


def test_a_month_without_a_year_belongs_to_a_story_of_the_past() -> None:
    """ "In December 1998 … As late as February" is February 1999, not the article's February."""
    timeline = Timeline(dt.date(2019, 10, 5))
    assert timeline.sentence_date("In December 1998, the House impeached the president.") is not None
    february = timeline.sentence_date("As late as February, senators doubted his word.")
    assert february is not None and february.value == "1999-02"
    parade = timeline.sentence_date("On Sept. 28, the city held its parade.")
    assert parade is not None and parade.value == "1999-09-28"
    recent = Timeline(dt.date(2019, 10, 5))
    assert recent.sentence_date("In 2018, the firm grew.") is not None
    march = recent.sentence_date("In March, the Senate voted.")  # last year's story: the article's own March
    assert march is not None and march.value == "2019-03"


def test_a_year_heading_a_timeline_entry_dates_it() -> None:
    timeline = Timeline(dt.date(2019, 10, 5))
    entry = timeline.sentence_date("2010–11: the fund opens offices in Beijing.")
    assert entry is not None and (entry.value, entry.precision) == ("2010", "year")
    assert timeline.sentence_date("2013 was a hard year for the fund.") is None  # no heading: a subject


def test_within_days_is_the_month_of_the_story() -> None:
    timeline = Timeline(dt.date(2022, 9, 26))
    assert timeline.sentence_date("On 1 August 2013, he was granted asylum.") is not None
    later = timeline.sentence_date("Within days, the president called off the summit.")
    assert later is not None and (later.value, later.precision) == ("2013-08", "month")
    assert Timeline(dt.date(2022, 9, 26)).sentence_date("Within days, the talks resumed.") is None

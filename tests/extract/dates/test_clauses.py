"""A date dates only the facts in the clauses it governs (dates/clauses.py)."""

from __future__ import annotations

import datetime as dt

from patronage.extract.dates.clauses import SentenceDates
from patronage.extract.dates.timeline import Timeline
from patronage.model.records import DateValue
from patronage.nlp.loader import load_nlp
from tests.conftest import analyse_text

FALLBACK = DateValue("2020-03-01", "day", "from the article's date")


def _dates(sentence: str) -> SentenceDates:
    doc = load_nlp()(sentence)
    found = Timeline(dt.date(2020, 3, 1)).sentence_dates(sentence)
    return SentenceDates(doc[:], tuple(found), 0, FALLBACK)


def _at(dates: SentenceDates, word: str) -> str | None:
    return dates.at(dates.sent.doc.text.index(word)).value


def test_a_date_in_a_relative_clause_dates_that_clause_only() -> None:
    dates = _dates("Russia granted asylum to Ivan Petrov, who had ruled Ruritania since 2001.")
    assert _at(dates, "granted") == "2020-03-01"
    assert _at(dates, "ruled") == "2001"
    assert dates.best.value == "2001", "the sentence's own date (the narrative anchor) is unchanged"


def test_each_coordinated_clause_keeps_its_own_date() -> None:
    dates = _dates("Russia annexed Crimea in 2014 and granted asylum to Ivan Petrov in 2019.")
    assert _at(dates, "annexed") == "2014"
    assert _at(dates, "granted") == "2019"


def test_a_date_of_the_main_clause_dates_what_it_governs() -> None:
    dates = _dates("In 2015, Moscow agreed to shelter the ousted leader.")
    assert _at(dates, "shelter") == "2015"
    assert _at(dates, "agreed") == "2015"


def test_a_statement_takes_no_date_from_a_clause_about_one_of_its_members() -> None:
    text = (
        "Lukashenko now counts among the leaders under Putin's protection, including Ivan Petrov, "
        "also flown out by Russian troops in 2019, and Anna Sergeeva."
    )
    relations = analyse_text(text, date="2021-06-15").relations
    dated = {r.target.name: (r.date.value if r.date else None) for r in relations if r.relation == "harbours"}
    assert dated["Ivan Petrov"] == "2019", "the clause tells Petrov's own story"
    assert dated["Anna Sergeeva"] == dated["Alexander Lukashenko"] == "2021-06", dated


def test_a_fronted_date_the_parser_hangs_under_another_verb_still_dates_the_fact() -> None:
    dates = _dates(
        "She waited for weeks in the embassy until, on 3 May 2011, Ecuador granted her asylum for a year."
    )
    assert _at(dates, "granted") == "2011-05-03"


def test_a_date_after_the_comma_that_closes_a_relative_clause_dates_the_main_verb() -> None:
    dates = _dates("Moscow freed Paul Jones, a teacher jailed since 2018, on Tuesday in a swap for a spy.")
    assert _at(dates, "freed") == "2020-02-25"
    assert _at(dates, "jailed") == "2018"


def test_a_past_perfect_act_takes_no_date_from_the_report() -> None:
    """ "Trump had ordered McGahn to …" happened before the article: not in its month."""
    events = analyse_text(
        "Mueller said Donald Trump had ordered Don McGahn to fire the counsel.", date="2019-07-24"
    ).events
    ordered = [e for e in events if e.trigger == "ordered"]
    assert ordered and all(e.date is None or e.date.value is None for e in ordered), [e.date for e in ordered]

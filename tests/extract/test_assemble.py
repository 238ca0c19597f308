"""Joining one article's facts: every record points at its sentence, dates fall back, events imply relations."""

from __future__ import annotations

from tests.conftest import analyse_text

TEXT = "Vladimir Putin met Bashar al-Assad in Moscow. Russia is a long-standing ally of Syria."


def test_every_fact_points_at_its_sentence_and_undated_ones_take_the_reporting_month() -> None:
    result = analyse_text(TEXT, "2015-10-21")
    facts = [*result.events, *result.quotes, *result.relations]
    assert result.events and result.relations
    for fact in facts:
        ev = fact.evidence
        assert TEXT[ev.start : ev.end] == ev.sentence and ev.doc_id == "t"
    meeting = next(e for e in result.events if e.type == "CONSULT")
    assert (meeting.date.value, meeting.date.precision, meeting.date.text) == (
        "2015-10",
        "month",
        "document date",
    )
    assert len({e.event_id for e in result.events}) == len(result.events)  # one record per id


def test_asserted_events_imply_relations_and_statements_stand_alone() -> None:
    result = analyse_text(TEXT, "2015-10-21")
    implied = {r.origin for r in result.relations if r.origin.startswith("event:")}
    asserted = {
        f"event:{e.event_id}" for e in result.events if e.polarity == "asserted" and e.source and e.target
    }
    assert implied and implied <= asserted
    assert any(r.origin == "statement" and r.relation == "allied_with" for r in result.relations)

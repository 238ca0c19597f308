"""Join one article's events, quotes and relation statements into evidence-linked fact records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Span

from patronage.extract.dates.clauses import SentenceDates
from patronage.extract.dates.timeline import Timeline
from patronage.extract.events.build import sentence_events
from patronage.extract.ids import EXTRACTOR
from patronage.extract.quotes.speakers import article_quotes
from patronage.extract.relations.implied import relations_from_events
from patronage.extract.relations.statements import find_statements
from patronage.model.records import (
    DOCUMENT_DATE,
    ActorRef,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Quote,
    Relation,
    Sentence,
)
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import DocActors

__all__ = ["EXTRACTOR", "assemble_facts"]


def _document_date(date: dt.date | None) -> DateValue:
    """The fallback date of a fact with no date expression: the reporting month."""
    if date is None:
        return DateValue(None, "unknown")
    return DateValue(
        f"{date.year:04d}-{date.month:02d}", "month", None, DOCUMENT_DATE
    )  # %Y: "1-11" for year 1


def assemble_facts(
    article: CleanArticle,
    found: DocActors,
    sentences: Sequence[Sentence],
    evidence: dict[int, Evidence],
    date: dt.date | None,
    min_confidence: float = 0.0,
    relation_confidence: float = 0.0,
    quotes_version: str = "v2",
) -> tuple[list[Event], list[Quote], list[Relation]]:
    """Events, quotes (found by quote finder ``quotes_version``) and relation statements of one article.

    Events below ``min_confidence`` are left out; only events of at least
    ``relation_confidence`` imply relations.
    """
    by_start = {s.start: s for s in sentences}
    timeline = Timeline(date)
    events: list[Event] = []
    relations: list[Relation] = []
    sets: dict[str, tuple[str, ActorRef]] = {}
    fallback = _document_date(date)
    for sent in found.doc.sents:
        record = _record_for(sent, by_start)
        if record is None:
            continue
        ev = evidence[record.idx]
        dates = SentenceDates(sent, tuple(timeline.sentence_dates(record.text)), record.start, fallback)
        events.extend(sentence_events(article.doc_id, sent, found, ev, dates, min_confidence))
        for st in find_statements(sent, found, sets):
            when = dates.at(st.cue_start, about=st.target.text)
            relations.append(Relation(st.source, st.target, st.relation, ev, st.polarity, st.strength, when))
    relations.extend(relations_from_events(events, relation_confidence))
    quotes = article_quotes(article.doc_id, found, sentences, quotes_version)
    # two frames can describe one fact (a verb and its noun, a quote found twice): one record per id
    events = list({e.event_id: e for e in reversed(events)}.values())[::-1]
    quotes = list({q.quote_id: q for q in reversed(quotes)}.values())[::-1]
    return events, quotes, relations


def _record_for(sent: Span, by_start: dict[int, Sentence]) -> Sentence | None:
    start = sent.start_char
    text = doc_text(sent.doc)
    while start < sent.end_char and text[start].isspace():
        start += 1
    return by_start.get(start)

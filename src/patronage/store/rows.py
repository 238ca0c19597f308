"""Flatten records into table rows (column order matches ``store.schema``)."""

from __future__ import annotations

from typing import Any

from patronage.model.records import Actor, ActorRef, AnalysedArticle, Evidence

__all__ = ["actor_origin", "article_rows"]

Row = tuple[Any, ...]


def actor_origin(actor: Actor) -> str:
    """Where an actor comes from: ``gazetteer`` (known roles or a Wikidata id) or ``text``."""
    return "gazetteer" if any(r.origin == "gazetteer" for r in actor.roles) or actor.wikidata else "text"


def _ref(ref: ActorRef | None) -> Row:
    if ref is None:
        return (None,) * 6
    return (ref.actor_id, ref.name, ref.kind, ref.country, ref.sector, ref.text)


def _ev(ev: Evidence | None) -> Row:
    if ev is None:
        return (None,) * 5
    return (ev.start, ev.end, ev.sentence, ev.sentence_idx, ev.extractor)


def article_rows(result: AnalysedArticle) -> dict[str, list[Row]]:
    """All rows of one analysed article, by table name (``articles`` excluded)."""
    doc = result.article.doc_id
    rows: dict[str, list[Row]] = {
        "sentences": [(doc, s.idx, s.start, s.end, s.text) for s in result.sentences],
        "sentence_search": [(doc, s.idx, s.text.lower()) for s in result.sentences],
        "mentions": [
            (doc, m.start, m.end, m.text, m.label, m.sentence_idx, m.actor_id, m.how) for m in result.mentions
        ],
        "article_actors": [(doc, a.actor_id) for a in result.actors],
        "roles": [
            (doc, a.actor_id, r.title, r.of, r.start, r.end, r.origin, *_ev(r.evidence))
            for a in result.actors
            for r in a.roles
            if r.origin == "text"
        ],
        "events": [
            (
                e.event_id,
                doc,
                e.type,
                e.mode,
                list(e.context),
                e.cameo,
                *_ref(e.source),
                *_ref(e.target),
                e.polarity,
                e.modality,
                e.date.value,
                e.date.precision,
                e.date.season,
                e.date.text,
                e.location.name if e.location else None,
                e.location.country if e.location else None,
                e.confidence,
                e.trigger,
                *_ev(e.evidence),
                e.dyad_source,
                e.dyad_target,
            )
            for e in result.events
        ],
        "quotes": [
            (
                q.quote_id,
                doc,
                *_ref(q.speaker),
                q.text,
                q.cue,
                q.direct,
                *_ev(q.evidence),
                q.speaker_confidence,
            )
            for q in result.quotes
        ],
        "relations": [
            (
                doc,
                *_ref(r.source),
                *_ref(r.target),
                r.relation,
                r.polarity,
                r.strength,
                r.date.value,
                r.date.precision,
                r.origin,
                *_ev(r.evidence),
            )
            for r in result.relations
        ],
    }
    # a speaker given only as a description keeps its text in the ref's text column
    fixed = []
    for row, q in zip(rows["quotes"], result.quotes, strict=True):
        if q.speaker is None and q.speaker_text:
            row = row[:7] + (q.speaker_text,) + row[8:]
        fixed.append(row)
    rows["quotes"] = fixed
    return rows

"""Rows of the public export schema (DESIGN.md), read from the store.

Every field of the schema is present in every row, null when unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from patronage.store import Store

__all__ = [
    "KINDS",
    "actor_rows",
    "event_rows",
    "failure_rows",
    "quote_rows",
    "relation_rows",
    "removed_rows",
    "rows_for",
]

KINDS = ("events", "quotes", "actors", "relations", "failures", "removed")

_REF = ("actor_id", "name", "kind", "country", "sector", "text")


def _ref(row: tuple[Any, ...], offset: int) -> dict[str, Any] | None:
    values = row[offset : offset + 6]
    if values[0] is None:
        return None
    return dict(zip(_REF, values, strict=True))


def _evidence(doc_id: str, start: int | None, end: int | None, sentence: str | None) -> dict[str, Any]:
    return {"doc_id": doc_id, "start": start, "end": end, "sentence": sentence}


def event_rows(store: Store, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    """Events in document order, those of at least ``min_confidence`` only."""
    rows = store.query(
        """SELECT event_id, type, mode, context, cameo,
                  source_actor_id, source_name, source_kind, source_country, source_sector, source_text,
                  target_actor_id, target_name, target_kind, target_country, target_sector, target_text,
                  polarity, modality, date, date_precision, location_name, location_country,
                  doc_id, ev_start, ev_end, sentence, confidence, trigger, date_season, date_text,
                  dyad_source, dyad_target
           FROM events WHERE coalesce(confidence, 0) >= ? ORDER BY doc_id, ev_start, event_id""",
        [min_confidence],
    )
    for r in rows:
        yield {
            "event_id": r[0],
            "type": r[1],
            "mode": r[2],
            "context": list(r[3] or []),
            "cameo": r[4],
            "source": _ref(r, 5),
            "target": _ref(r, 11),
            "polarity": r[17],
            "modality": r[18],
            "date": r[19],
            "date_precision": r[20],
            "location": {"name": r[21], "country": r[22]} if r[21] else None,
            "evidence": _evidence(r[23], r[24], r[25], r[26]),
            "confidence": r[27],
            "trigger": r[28],
            "date_season": r[29],
            "date_text": r[30],
            "dyad": {"source": r[31], "target": r[32]},
        }


def quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Quotes in document order."""
    rows = store.query(
        """SELECT quote_id, speaker_actor_id, speaker_name, speaker_kind, speaker_country, speaker_sector,
                  speaker_text, text, cue, direct, doc_id, ev_start, ev_end, sentence
           FROM quotes ORDER BY doc_id, ev_start, quote_id"""
    )
    for r in rows:
        speaker = _ref(r, 1)
        yield {
            "quote_id": r[0],
            "speaker": speaker,
            "speaker_text": r[6],
            "text": r[7],
            "cue": r[8],
            "direct": bool(r[9]),
            "evidence": _evidence(r[10], r[11], r[12], r[13]),
        }


def actor_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Actors mentioned in at least one stored article, most mentioned first."""
    actors = store.query(
        """SELECT a.actor_id, a.name, a.aliases, a.kind, a.country, a.sector, a.wikidata, count(m.actor_id)
           FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
           GROUP BY ALL ORDER BY count(m.actor_id) DESC, a.name"""
    )
    roles: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[Any, ...]] = set()
    for r in store.query(
        """SELECT actor_id, title, "of", start, "end", origin, doc_id, ev_start, ev_end, sentence
           FROM roles ORDER BY actor_id, origin, start NULLS LAST, doc_id, ev_start"""
    ):
        if r[:6] in seen:
            continue  # the same role stated again (another sentence or article): listed once, first evidence
        seen.add(r[:6])
        role: dict[str, Any] = {"title": r[1], "of": r[2], "start": r[3], "end": r[4], "origin": r[5]}
        role["evidence"] = _evidence(r[6], r[7], r[8], r[9]) if r[6] is not None else None
        roles.setdefault(r[0], []).append(role)
    for r in actors:
        yield {
            "actor_id": r[0],
            "name": r[1],
            "aliases": list(r[2] or []),
            "kind": r[3],
            "country": r[4],
            "sector": r[5],
            "wikidata": r[6],
            "roles": roles.get(r[0], []),
            "mentions": int(r[7]),
        }


#: a relation's strength over its articles: each article counts once, with its strongest
#: statement or event, and independent articles add up (1 - the product of their doubts)
_STRENGTH = "round(1 - exp(sum(ln(1 - least(doc_strength, 0.999)))), 3)"


def relation_rows(store: Store, min_support: int = 1) -> Iterator[dict[str, Any]]:
    """Relations aggregated over statements and events, best supported first.

    ``support`` is the number of independent articles that state or imply the relation;
    relations with fewer than ``min_support`` are left out. ``count`` is every supporting
    statement or event; ``strength`` combines the articles, never repeats within one.
    """
    rows = store.query(
        f"""WITH per_doc AS (
               SELECT source_actor_id, target_actor_id, relation, polarity, doc_id,
                      max(coalesce(strength, 0.5)) AS doc_strength
               FROM relations GROUP BY ALL),
           support AS (
               SELECT source_actor_id, target_actor_id, relation, polarity,
                      count(*) AS n_docs, {_STRENGTH} AS strength
               FROM per_doc GROUP BY ALL)
           SELECT r.source_actor_id, any_value(source_name), any_value(source_kind), any_value(source_country),
                  any_value(source_sector), any_value(source_text),
                  r.target_actor_id, any_value(target_name), any_value(target_kind), any_value(target_country),
                  any_value(target_sector), any_value(target_text),
                  r.relation, r.polarity, min(date) FILTER (WHERE date IS NOT NULL),
                  max(date) FILTER (WHERE date IS NOT NULL), count(*), any_value(s.strength),
                  list({{'doc_id': doc_id, 'start': ev_start, 'end': ev_end, 'sentence': sentence,
                        'date': date, 'origin': origin}} ORDER BY date NULLS LAST, doc_id, ev_start),
                  any_value(s.n_docs)
           FROM relations r JOIN support s
             ON s.source_actor_id IS NOT DISTINCT FROM r.source_actor_id
            AND s.target_actor_id IS NOT DISTINCT FROM r.target_actor_id
            AND s.relation IS NOT DISTINCT FROM r.relation AND s.polarity IS NOT DISTINCT FROM r.polarity
           WHERE s.n_docs >= ?
           GROUP BY r.source_actor_id, r.target_actor_id, r.relation, r.polarity
           ORDER BY any_value(s.n_docs) DESC, count(*) DESC, r.source_actor_id, r.target_actor_id, r.relation""",
        [min_support],
    )
    for r in rows:
        yield {
            "source": _ref(r, 0),
            "target": _ref(r, 6),
            "relation": r[12],
            "polarity": r[13],
            "first_seen": r[14],
            "last_seen": r[15],
            "count": int(r[16]),
            "strength": r[17],
            "support": int(r[19]),
            "evidence": [dict(e) for e in r[18]],
        }


def failure_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Recorded failures and warnings, newest run last."""
    for r in store.query(
        "SELECT doc, stage, error, message, level, run_id, failed_at FROM failures ORDER BY failed_at, doc"
    ):
        yield {
            "doc": r[0],
            "stage": r[1],
            "error": r[2],
            "message": r[3],
            "level": r[4],
            "run_id": r[5],
            "at": r[6].isoformat() if r[6] else None,
        }


def removed_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The lines cleaning removed from each article (page furniture), in article order."""
    for r in store.query("SELECT doc_id, idx, text FROM removed_lines ORDER BY doc_id, idx"):
        yield {"doc_id": r[0], "line": r[1], "text": r[2]}


def rows_for(
    kind: str, store: Store, min_support: int = 1, min_confidence: float = 0.0
) -> Iterator[dict[str, Any]]:
    """Rows of one export kind (``min_support`` applies to relations, ``min_confidence`` to events)."""
    if kind == "relations":
        return relation_rows(store, min_support)
    if kind == "events":
        return event_rows(store, min_confidence)
    producers = {
        "events": event_rows,
        "quotes": quote_rows,
        "actors": actor_rows,
        "relations": relation_rows,
        "failures": failure_rows,
        "removed": removed_rows,
    }
    return producers[kind](store)

"""Rows of the public export schema (DESIGN.md), read from the store.

Every field of the schema is present in every row, null when unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from patronage.store import Store

__all__ = ["KINDS", "actor_rows", "event_rows", "failure_rows", "quote_rows", "relation_rows", "rows_for"]

KINDS = ("events", "quotes", "actors", "relations", "failures")

_REF = ("actor_id", "name", "kind", "country", "sector", "text")


def _ref(row: tuple[Any, ...], offset: int) -> dict[str, Any] | None:
    values = row[offset : offset + 6]
    if values[0] is None:
        return None
    return dict(zip(_REF, values, strict=True))


def _evidence(doc_id: str, start: int | None, end: int | None, sentence: str | None) -> dict[str, Any]:
    return {"doc_id": doc_id, "start": start, "end": end, "sentence": sentence}


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Events in document order."""
    rows = store.query(
        """SELECT event_id, type, mode, context, cameo,
                  source_actor_id, source_name, source_kind, source_country, source_sector, source_text,
                  target_actor_id, target_name, target_kind, target_country, target_sector, target_text,
                  polarity, modality, date, date_precision, location_name, location_country,
                  doc_id, ev_start, ev_end, sentence, confidence, trigger, date_season, date_text,
                  dyad_source, dyad_target
           FROM events ORDER BY doc_id, ev_start, event_id"""
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
                  speaker_text, text, cue, direct, doc_id, ev_start, ev_end, sentence, speaker_confidence
           FROM quotes ORDER BY doc_id, ev_start, quote_id"""
    )
    for r in rows:
        speaker = _ref(r, 1)
        yield {
            "quote_id": r[0],
            "speaker": speaker,
            "speaker_text": r[6],
            # how likely the speaker is right; null when no speaker was resolved (speaker_text
            # keeps the words the text gives, e.g. an unresolved "he")
            "speaker_confidence": r[14] if speaker is not None else None,
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
    for r in store.query(
        """SELECT actor_id, title, "of", start, "end", origin, doc_id, ev_start, ev_end, sentence
           FROM roles ORDER BY actor_id, origin, start NULLS LAST, doc_id, ev_start"""
    ):
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


def relation_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Relations aggregated over statements and events, strongest evidence first."""
    rows = store.query(
        """SELECT source_actor_id, any_value(source_name), any_value(source_kind), any_value(source_country),
                  any_value(source_sector), any_value(source_text),
                  target_actor_id, any_value(target_name), any_value(target_kind), any_value(target_country),
                  any_value(target_sector), any_value(target_text),
                  relation, polarity, min(date) FILTER (WHERE date IS NOT NULL),
                  max(date) FILTER (WHERE date IS NOT NULL), count(*), max(strength),
                  list({'doc_id': doc_id, 'start': ev_start, 'end': ev_end, 'sentence': sentence,
                        'date': date, 'origin': origin} ORDER BY date NULLS LAST, doc_id, ev_start)
           FROM relations
           GROUP BY source_actor_id, target_actor_id, relation, polarity
           ORDER BY count(*) DESC, source_actor_id, target_actor_id, relation"""
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


def rows_for(kind: str, store: Store) -> Iterator[dict[str, Any]]:
    """Rows of one export kind."""
    producers = {
        "events": event_rows,
        "quotes": quote_rows,
        "actors": actor_rows,
        "relations": relation_rows,
        "failures": failure_rows,
    }
    return producers[kind](store)

"""An actor's profile: roles over time, relations, events and quotes, optionally as of a date."""

from __future__ import annotations

from typing import Any

from patronage.errors import InputError
from patronage.store import Store

__all__ = ["find_actors", "actor_profile"]


def find_actors(store: Store, name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors whose name, alias or id matches ``name`` (case-insensitive), best first."""
    pattern = f"%{name.strip().lower()}%"
    rows = store.query(
        """SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(m.actor_id) AS n,
                  (lower(a.name) = lower(?)) AS exact
           FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
           WHERE lower(a.name) LIKE ? OR lower(a.actor_id) LIKE ?
              OR lower(array_to_string(a.aliases, '|')) LIKE ?
           GROUP BY ALL ORDER BY exact DESC, n DESC, a.name LIMIT ?""",
        [name.strip(), pattern, pattern, pattern, limit],
    )
    return [
        dict(zip(("actor_id", "name", "kind", "country", "sector", "mentions"), r[:6], strict=True))
        for r in rows
    ]


def actor_profile(store: Store, actor_id: str, as_of: str | None = None, limit: int = 50) -> dict[str, Any]:
    """Everything stored about one actor; facts dated after ``as_of`` are left out."""
    head = store.query(
        "SELECT actor_id, name, kind, country, sector, wikidata, aliases FROM actors WHERE actor_id = ?",
        [actor_id],
    )
    if not head:
        raise InputError(f"no actor {actor_id!r}")
    a = head[0]
    cutoff = as_of or "9999"
    roles = [
        {"title": r[0], "of": r[1], "start": r[2], "end": r[3], "origin": r[4], "sentence": r[5]}
        for r in store.query(
            """SELECT title, "of", start, "end", origin, sentence FROM roles WHERE actor_id = ?
               AND coalesce(start, '0000') <= ? ORDER BY start NULLS LAST""",
            [actor_id, cutoff],
        )
    ]
    relations = [
        {
            "source": r[0],
            "target": r[1],
            "relation": r[2],
            "polarity": r[3],
            "first_seen": r[4],
            "last_seen": r[5],
            "count": r[6],
            "sentence": r[7],
        }
        for r in store.query(
            """SELECT source_name, target_name, relation, polarity, min(date), max(date), count(*),
                      arg_max(sentence, strength)
               FROM relations WHERE (source_actor_id = ? OR target_actor_id = ?) AND coalesce(date, '0000') <= ?
               GROUP BY source_name, target_name, relation, polarity ORDER BY count(*) DESC LIMIT ?""",
            [actor_id, actor_id, cutoff, limit],
        )
    ]
    events = [
        {
            "event_id": r[0],
            "type": r[1],
            "cameo": r[2],
            "source": r[3],
            "target": r[4],
            "date": r[5],
            "polarity": r[6],
            "modality": r[7],
            "sentence": r[8],
        }
        for r in store.query(
            """SELECT event_id, type, cameo, source_name, target_name, date, polarity, modality, sentence
               FROM events WHERE (source_actor_id = ? OR target_actor_id = ?) AND coalesce(date, '0000') <= ?
               ORDER BY date NULLS LAST, doc_id, ev_start LIMIT ?""",
            [actor_id, actor_id, cutoff, limit],
        )
    ]
    quotes = [
        {"text": r[0], "cue": r[1], "sentence": r[2], "speaker_text": r[3], "speaker_confidence": r[4]}
        for r in store.query(
            """SELECT text, cue, sentence, speaker_text, speaker_confidence FROM quotes
               WHERE speaker_actor_id = ? ORDER BY speaker_confidence DESC NULLS LAST, doc_id, ev_start LIMIT ?""",
            [actor_id, limit],
        )
    ]
    return {
        "actor_id": a[0],
        "name": a[1],
        "kind": a[2],
        "country": a[3],
        "sector": a[4],
        "wikidata": a[5],
        "aliases": list(a[6] or []),
        "as_of": as_of,
        "roles": roles,
        "relations": relations,
        "events": events,
        "quotes": quotes,
    }

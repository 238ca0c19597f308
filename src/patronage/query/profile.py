"""An actor's profile: roles over time, relations, events and quotes, optionally as of a date."""

from __future__ import annotations

from typing import Any

from patronage.errors import InputError, NotFoundError
from patronage.store import Store

__all__ = ["actor_profile", "find_actors"]


def find_actors(store: Store, name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors whose name, alias or id matches ``name`` (case-insensitive), best first.

    A blank name, or one without a letter or digit, is an :class:`InputError` (it would match
    every actor, or any name with an apostrophe), as it is in the web API.
    """
    if not name.strip():
        raise InputError("give an actor name (it is empty)", source="name")
    if not any(ch.isalnum() for ch in name):  # "'" or "-" would match any name that holds one
        raise InputError(
            f"give an actor name ({name.strip()[:40]!r} holds no letter or digit)", source="name"
        )
    needle = name.strip().lower()  # matched as text: "%" and "_" are no wildcards
    return store.rows(
        """SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(m.actor_id) AS mentions
           FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
           WHERE contains(lower(a.name), ?) OR contains(lower(a.actor_id), ?)
              OR contains(lower(array_to_string(a.aliases, '|')), ?)
           GROUP BY a.actor_id, a.name, a.kind, a.country, a.sector
           ORDER BY (lower(a.name) = lower(?)) DESC, mentions DESC, a.name LIMIT ?""",
        [needle, needle, needle, name.strip(), limit],
    )


def actor_profile(store: Store, actor_id: str, as_of: str | None = None, limit: int = 50) -> dict[str, Any]:
    """Everything stored about one actor; facts dated after ``as_of`` are left out.

    Raises :class:`~patronage.errors.NotFoundError` when the store holds no such actor.
    """
    head = store.rows(
        "SELECT actor_id, name, kind, country, sector, wikidata, aliases FROM actors WHERE actor_id = ?",
        [actor_id],
    )
    if not head:
        raise NotFoundError(f"no actor {actor_id!r}", source="actor_id")
    cutoff = as_of or "9999"
    roles = store.rows(
        """SELECT title, "of", start, "end", origin, sentence FROM roles WHERE actor_id = ?
           AND coalesce(start, '0000') <= ?
           ORDER BY start NULLS LAST, "end" NULLS LAST, title, "of", origin, sentence""",
        [actor_id, cutoff],
    )
    relations = store.rows(
        """SELECT source_name AS source, target_name AS target, relation, polarity, min(date) AS first_seen,
                  max(date) AS last_seen, count(*) AS count, arg_max(sentence, strength) AS sentence
           FROM relations WHERE (source_actor_id = ? OR target_actor_id = ?) AND coalesce(date, '0000') <= ?
           GROUP BY source_name, target_name, relation, polarity ORDER BY count(*) DESC LIMIT ?""",
        [actor_id, actor_id, cutoff, limit],
    )
    events = store.rows(
        """SELECT event_id, type, cameo, source_name AS source, target_name AS target, date, polarity, modality,
                  sentence
           FROM events WHERE (source_actor_id = ? OR target_actor_id = ?) AND coalesce(date, '0000') <= ?
           ORDER BY date NULLS LAST, doc_id, ev_start LIMIT ?""",
        [actor_id, actor_id, cutoff, limit],
    )
    quotes = store.rows(
        """SELECT text, cue, sentence, speaker_text, speaker_confidence FROM quotes WHERE speaker_actor_id = ?
           ORDER BY speaker_confidence DESC NULLS LAST, doc_id, ev_start LIMIT ?""",
        [actor_id, limit],
    )
    actor = head[0]
    return {
        **actor,
        "aliases": list(actor["aliases"] or []),
        "as_of": as_of,
        "roles": roles,
        "relations": relations,
        "events": events,
        "quotes": quotes,
    }

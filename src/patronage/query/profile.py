"""An actor's profile: roles over time, relations, events and quotes, optionally as of a date."""

from __future__ import annotations

import re
from typing import Any

from patronage.errors import InputError, NotFoundError
from patronage.store import Store

__all__ = ["actor_profile", "find_actors"]


#: words that name no one on their own: a lookup of only these matches no actor
_FILLER_WORDS = frozenset(
    {
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "de", "al", "el", "la", "le",
        "mr", "mrs", "ms", "dr", "sir", "president", "minister", "prime", "senator", "sen", "rep",
        "government", "party", "new", "state", "national", "republic", "united",
    }
)  # fmt: skip
#: candidates read from the store for each answer, before the whole-word check
_CANDIDATES = 50


def find_actors(store: Store, name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors whose name, an alias or id holds ``name`` as whole words (case-insensitive), best first.

    "Assad" finds Bashar al-Assad and "putin" Vladimir Putin, but "a" is no part of "United States",
    nor "Mr" of "Amr": a lookup matches words, not letters inside them. A blank name, one without a
    letter or digit, or one of filler words only ("of", "the", "Mr") is an :class:`InputError`: it
    would match actors at random (the web API does the same).
    """
    if not name.strip():
        raise InputError("give an actor name (it is empty)", source="name")
    if not any(ch.isalnum() for ch in name):  # "'" or "-" would match any name that holds one
        raise InputError(
            f"give an actor name ({name.strip()[:40]!r} holds no letter or digit)", source="name"
        )
    needle = name.strip().lower()  # matched as text: "%" and "_" are no wildcards
    words = re.findall(r"\w+", needle)
    if all(w in _FILLER_WORDS for w in words):
        raise InputError(f"give an actor name ({name.strip()[:40]!r} names no one on its own)", source="name")
    whole = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    rows = store.rows(
        """SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(m.actor_id) AS mentions,
                  a.aliases AS aliases
           FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
           WHERE contains(lower(a.name), ?) OR contains(lower(a.actor_id), ?)
              OR contains(lower(array_to_string(a.aliases, '|')), ?)
           GROUP BY a.actor_id, a.name, a.kind, a.country, a.sector, a.aliases
           ORDER BY (lower(a.name) = lower(?)) DESC, mentions DESC, a.name LIMIT ?""",
        [needle, needle, needle, name.strip(), max(limit, 1) * _CANDIDATES],
    )
    out = []
    for row in rows:
        aliases = [str(alias).lower() for alias in row.pop("aliases") or []]
        texts = [str(row["name"]).lower(), str(row["actor_id"]).lower(), *aliases]
        if any(whole.search(t) for t in texts):
            out.append(row)
    return out[:limit]


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

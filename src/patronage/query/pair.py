"""One relationship over time: every event, relation statement and quote between two actors.

The pair view of the explorer reads this: events either way between the two (whatever their polarity
and modality, so "no meeting took place" is on the record beside the meetings), relation statements
either way, and quotes of either actor that name the other in the quote's sentence or the one before
it. Each list is in date order (undated last) and holds at most ``limit`` items.
"""

from __future__ import annotations

from typing import Any

from patronage.errors import NotFoundError
from patronage.model.fields import public
from patronage.query.events import DATE_ORDER, EventFilter, event_object, select_events
from patronage.query.facts import article_sources
from patronage.query.filters import REL_ID_SQL, check_window, date_clause
from patronage.store import Store
from patronage.store.tables import QUOTES, RELATIONS

__all__ = ["pair_history"]


def _actors(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = store.rows(
        "SELECT actor_id AS id, name, kind, country FROM actors WHERE actor_id IN (SELECT unnest(?))", [ids]
    )
    return {str(r["id"]): r for r in rows}


def _relations(store: Store, a: str, b: str, start: str | None, end: str | None, limit: int) -> list[Any]:
    dates, params = date_clause("date", start=start, end=end)
    rows = store.rows(
        f"""SELECT {RELATIONS.select()}, {REL_ID_SQL} AS evidence_id FROM relations
            WHERE ((source_actor_id = ? AND target_actor_id = ?) OR (source_actor_id = ? AND target_actor_id = ?))
              AND {dates}
            ORDER BY date NULLS LAST, doc_id, ev_start, relation LIMIT ?""",
        [a, b, b, a, *params, limit],
    )
    return [{**public(RELATIONS.record(r)), "evidence_id": r["evidence_id"]} for r in rows]


def _quotes(store: Store, a: str, b: str, start: str | None, end: str | None, limit: int) -> list[Any]:
    dates, params = date_clause("ar.date", start=start, end=end)
    rows = store.rows(
        f"""SELECT {QUOTES.select("q")}, ar.date AS article_date FROM quotes q JOIN articles ar USING (doc_id)
            WHERE (q.speaker_actor_id = ? OR q.speaker_actor_id = ?) AND {dates}
              AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = q.doc_id
                          AND m.sentence_idx BETWEEN q.sentence_idx - 1 AND q.sentence_idx
                          AND m.actor_id = CASE WHEN q.speaker_actor_id = ? THEN ? ELSE ? END)
            ORDER BY ar.date NULLS LAST, q.doc_id, q.ev_start LIMIT ?""",
        [a, b, *params, a, b, a, limit],
    )
    return [{**public(QUOTES.record(r)), "date": r["article_date"]} for r in rows]


def pair_history(
    store: Store, a: str, b: str, *, start: str | None = None, end: str | None = None, limit: int = 200
) -> dict[str, Any]:
    """Events, relation statements and quotes between actors ``a`` and ``b``, with their articles.

    ``start`` and ``end`` (``YYYY[-MM[-DD]]``) keep what is dated within them; a :class:`NotFoundError`
    names an actor the store does not hold.
    """
    check_window(start, end)
    actors = _actors(store, [a, b])
    for actor_id in (a, b):
        if actor_id not in actors:
            raise NotFoundError(f"no actor {actor_id!r}", source="actor")
    both = select_events(
        store, EventFilter(actor=a, other=b, start=start, end=end), order=DATE_ORDER, limit=limit
    )
    events = [event_object(e, sign) for e, sign in both]
    relations = _relations(store, a, b, start, end, limit)
    quotes = _quotes(store, a, b, start, end, limit)
    docs = {str(item["evidence"]["doc_id"]) for item in [*events, *relations, *quotes]}
    return {
        "a": actors[a],
        "b": actors[b],
        "events": events,
        "relations": relations,
        "quotes": quotes,
        "articles": article_sources(store, sorted(docs)),
    }

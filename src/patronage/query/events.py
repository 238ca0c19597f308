"""Events read back from the store as :class:`~patronage.model.records.Event` records.

:func:`select_events` is the one reader of the ``events`` table; the export, the API, the CLI
and :class:`~patronage.query.reader.Reader` all get their events from it, and all show an
event as :func:`event_object` shapes it: the export schema of DESIGN.md (``public``), plus
its ``sign`` where a view colours events by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from patronage.errors import NotFoundError
from patronage.model.fields import public
from patronage.model.records import Event
from patronage.query.filters import check_window, date_clause, sign_sql
from patronage.store import Store
from patronage.store.tables import EVENTS

__all__ = ["EventFilter", "count_events", "event_by_id", "event_object", "events_page", "select_events"]

#: the order events are listed in unless a view asks for another: by article and position
DOCUMENT_ORDER = "doc_id, ev_start, event_id"
#: oldest first, undated last
DATE_ORDER = "date NULLS LAST, doc_id, ev_start, event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every bound is optional."""

    actor: str | None = None
    """An actor id that is the event's source or target."""
    other: str | None = None
    """With ``actor``: an actor id that is the event's other party (the events between the two)."""
    types: Sequence[str] = ()
    start: str | None = None
    """``YYYY[-MM[-DD]]``: events dated on or after it (undated ones left out)."""
    end: str | None = None
    """``YYYY[-MM[-DD]]``: events dated on or before it (undated ones left out)."""
    polarity: str | None = None
    modality: str | None = None
    sign: str | None = None
    """``positive``, ``negative`` or ``neutral`` (see :func:`~patronage.query.filters.sign_sql`)."""
    min_confidence: float = 0.0
    event_ids: Sequence[str] = field(default=())

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (and its parameters) these bounds make."""
        where = ["TRUE"]
        params: list[Any] = []
        if self.actor and self.other:
            where.append(
                "((source_actor_id = ? AND target_actor_id = ?) OR (source_actor_id = ? AND target_actor_id = ?))"
            )
            params += [self.actor, self.other, self.other, self.actor]
        elif self.actor:
            where.append("(source_actor_id = ? OR target_actor_id = ?)")
            params += [self.actor, self.actor]
        if self.types:
            where.append("type IN (SELECT unnest(?))")
            params.append(list(self.types))
        clause, date_params = date_clause("date", start=self.start, end=self.end)
        where.append(clause)
        params += date_params
        if self.polarity:
            where.append("polarity = ?")
            params.append(self.polarity)
        if self.modality:
            where.append("modality = ?")
            params.append(self.modality)
        if self.sign:
            sign_expr, sign_params = sign_sql()
            where.append(f"({sign_expr}) = ?")
            params += [*sign_params, self.sign]
        if self.min_confidence:
            where.append("coalesce(confidence, 0) >= ?")
            params.append(self.min_confidence)
        if self.event_ids:
            where.append("event_id IN (SELECT unnest(?))")
            params.append(list(self.event_ids))
        return " AND ".join(where), params


def select_events(
    store: Store,
    bounds: EventFilter = EventFilter(),
    *,
    order: str = DOCUMENT_ORDER,
    limit: int | None = None,
    offset: int = 0,
) -> list[tuple[Event, str]]:
    """The events within ``bounds``, each with its sign, in ``order``."""
    where, params = bounds.where()
    sign_expr, sign_params = sign_sql()
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = store.rows(
        f"SELECT {EVENTS.select()}, {sign_expr} AS sign FROM events WHERE {where} ORDER BY {order}{page}",
        [*sign_params, *params, *([limit, offset] if limit is not None else [])],
    )
    return [(EVENTS.record(row), str(row["sign"])) for row in rows]


def count_events(store: Store, bounds: EventFilter = EventFilter()) -> int:
    """How many events lie within ``bounds``."""
    where, params = bounds.where()
    return int(store.value(f"SELECT count(*) FROM events WHERE {where}", params) or 0)


def event_by_id(store: Store, event_id: str) -> tuple[Event, str]:
    """One event (with its sign); :class:`NotFoundError` when the store has none of that id."""
    found = select_events(store, EventFilter(event_ids=[event_id]))
    if not found:
        raise NotFoundError(f"no event {event_id!r}", source="event_id")
    return found[0]


def event_object(event: Event, sign: str | None = None) -> dict[str, Any]:
    """An event as the export and the API show it, with its ``sign`` when given."""
    out = public(event)
    if sign is not None:
        out["sign"] = sign
    return out


def events_page(store: Store, bounds: EventFilter, *, limit: int, offset: int) -> dict[str, Any]:
    """One page of events, oldest first, with the total count for pagination."""
    check_window(bounds.start, bounds.end)
    total = count_events(store, bounds)
    events = [
        event_object(e, sign)
        for e, sign in select_events(store, bounds, order=DATE_ORDER, limit=limit, offset=offset)
    ]
    nxt = offset + len(events)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": nxt if nxt < total else None,
        "events": events,
    }

"""Rows of the public export schema (DESIGN.md), read from the store.

Events, quotes and actors are records read back through their tables' row mappings and shown
as :func:`~patronage.model.fields.public` shapes them, the shape the API returns too. Every
field of the schema is present in every row, null when unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from patronage.model.fields import public
from patronage.query import facts
from patronage.query.events import EventFilter, event_object, select_events
from patronage.query.linked import linked_event_rows
from patronage.query.relations import aggregated_relations
from patronage.store import Store

__all__ = [
    "KINDS",
    "LEVELS",
    "actor_rows",
    "event_rows",
    "failure_rows",
    "quote_rows",
    "relation_rows",
    "removed_rows",
    "rows_for",
]

KINDS = ("events", "quotes", "actors", "relations", "failures", "removed")
#: what a row of ``export events`` is: a report (one sentence's event) or a linked event
LEVELS = ("report", "event")


def event_rows(store: Store, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    """Events in document order, those of at least ``min_confidence`` only."""
    for event, _sign in select_events(store, EventFilter(min_confidence=min_confidence)):
        yield event_object(event)


def quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Quotes in document order."""
    for quote in facts.quotes(store):
        yield public(quote)


def actor_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Actors mentioned in at least one stored article, most mentioned first."""
    for actor, mentions in facts.mentioned_actors(store):
        yield {**public(actor), "mentions": mentions}


def relation_rows(store: Store, min_support: int = 1) -> Iterator[dict[str, Any]]:
    """Relations aggregated over statements and events, best supported first (see
    :func:`~patronage.query.relations.aggregated_relations`)."""
    for rel in aggregated_relations(store, min_support):
        yield {
            **rel,
            "source": public(rel["source"]) if rel["source"] is not None else None,
            "target": public(rel["target"]) if rel["target"] is not None else None,
        }


def failure_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Recorded failures and warnings, newest run last."""
    for failure, stamp in facts.failures(store):
        at = stamp["failed_at"]
        yield {**public(failure), "run_id": stamp["run_id"], "at": at.isoformat() if at else None}


def removed_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The lines cleaning removed from each article (page furniture), in article order."""
    for r in facts.removed_lines(store):
        yield {"doc_id": r["doc_id"], "line": r["idx"], "text": r["text"]}


def rows_for(
    kind: str, store: Store, min_support: int = 1, min_confidence: float = 0.0, level: str = "report"
) -> Iterator[dict[str, Any]]:
    """Rows of one export kind (``min_support`` applies to relations, ``min_confidence`` to events).

    Events are a row per report (``level="report"``, a sentence's event) or a row per linked
    real-world event with its reports (``level="event"``, :mod:`patronage.query.linked`).
    """
    if kind == "relations":
        return relation_rows(store, min_support)
    if kind == "events" and level == "event":
        return linked_event_rows(store, min_confidence)
    if kind == "events":
        return event_rows(store, min_confidence)
    producers = {
        "quotes": quote_rows,
        "actors": actor_rows,
        "failures": failure_rows,
        "removed": removed_rows,
    }
    return producers[kind](store)

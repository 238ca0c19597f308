"""A read-only store with typed queries: what ``patronage.open(db)`` returns.

Records come back as the analysis made them (:class:`~patronage.model.records.Event`,
:class:`~patronage.model.records.Quote`, …), read through the same row mappings the export
and the API use; the views (profile, network, path, search) return the objects the API
returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from patronage.errors import NotFoundError
from patronage.model.records import Actor, Event, Failure, Quote, Relation
from patronage.query import facts
from patronage.query.events import DATE_ORDER, EventFilter, event_by_id, select_events
from patronage.query.filters import check_date
from patronage.query.linked import linked_event_rows
from patronage.query.network import network
from patronage.query.paths import shortest_path
from patronage.query.profile import actor_profile, find_actors
from patronage.query.report import build_report, resolve_actor
from patronage.query.search import search
from patronage.store import Store

__all__ = ["Reader"]


class Reader(Store):
    """A patronage database opened read-only, with typed queries. Use it as a context manager."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, read_only=True)

    def events(
        self,
        *,
        actor: str | None = None,
        types: Sequence[str] = (),
        start: str | None = None,
        end: str | None = None,
        polarity: str | None = None,
        modality: str | None = None,
        min_confidence: float = 0.0,
        limit: int | None = None,
    ) -> list[Event]:
        """Events oldest first: of an actor id (source or target), of PLOVER ``types``, dated within
        ``start``/``end`` (``YYYY[-MM[-DD]]``), of a polarity or modality, at least so confident."""
        bounds = EventFilter(
            actor=actor,
            types=[t.upper() for t in types],
            start=check_date(start, "start"),
            end=check_date(end, "end"),
            polarity=polarity,
            modality=modality,
            min_confidence=min_confidence,
        )
        return [e for e, _ in select_events(self, bounds, order=DATE_ORDER, limit=limit)]

    def event(self, event_id: str) -> Event:
        """One event by id; :class:`~patronage.errors.NotFoundError` when there is none."""
        return event_by_id(self, event_id)[0]

    def linked_events(self, min_confidence: float = 0.0) -> list[dict[str, Any]]:
        """Real-world events, each with its reports and counts (what ``export events --level event`` writes)."""
        return list(linked_event_rows(self, min_confidence))

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        """Quotes in document order (of one speaker's actor id when given)."""
        return facts.quotes(self, speaker)

    def relations(self, actor: str | None = None) -> list[Relation]:
        """Every statement or event supporting a relation (of one actor id when given)."""
        return facts.relation_statements(self, actor)

    def actors(self) -> list[Actor]:
        """Actors mentioned in the stored articles, with their roles, most mentioned first."""
        return [actor for actor, _ in facts.mentioned_actors(self)]

    def actor(self, actor_id: str) -> Actor:
        """One mentioned actor by id; :class:`~patronage.errors.NotFoundError` when there is none."""
        found = facts.mentioned_actors(self, [actor_id])
        if not found:
            raise NotFoundError(f"no actor {actor_id!r}", source="actor_id")
        return found[0][0]

    def find_actors(self, name: str, limit: int = 10) -> list[dict[str, Any]]:
        """Actors whose name, alias or id contains ``name``, best first."""
        return find_actors(self, name, limit)

    def profile(self, actor_id: str, as_of: str | None = None, limit: int = 50) -> dict[str, Any]:
        """An actor's roles, relations, events and quotes, as of a date."""
        return actor_profile(self, actor_id, check_date(as_of, "as_of"), limit)

    def report(
        self,
        actor: str,
        *,
        relation: str | None = None,
        as_of: str | None = None,
        fmt: str = "md",
        limit: int = 25,
        min_confidence: float = 0.0,
    ) -> str:
        """A cited dossier on ``actor`` (an id, or a name resolved as ``patronage report`` resolves it),
        as Markdown (``fmt="md"``) or one self-contained HTML page (``"html"``): what the command writes.

        ``relation`` keeps one relation (and the events of its kind), ``as_of`` leaves out later facts.
        """
        from patronage.export.report import render_report

        found = build_report(
            self, resolve_actor(self, actor), relation, as_of, limit=limit, min_confidence=min_confidence
        )
        return render_report(found, fmt)

    def network(
        self,
        actor_id: str,
        *,
        as_of: str | None = None,
        since: str | None = None,
        depth: int = 1,
        types: Sequence[str] = (),
        sign: str | None = None,
        min_support: int = 1,
        max_nodes: int = 200,
    ) -> dict[str, Any]:
        """An actor's ego network as of a date (over a window with ``since``)."""
        return network(
            self,
            actor_id,
            as_of=check_date(as_of, "as_of"),
            depth=depth,
            types=list(types),
            sign=sign,
            since=check_date(since, "since"),
            max_nodes=max_nodes,
            max_edges=max_nodes,
            min_support=min_support,
        )

    def path_between(self, a: str, b: str) -> list[dict[str, Any]] | None:
        """The shortest chain of relations and events from actor id ``a`` to ``b`` (None: no path)."""
        return shortest_path(self, a, b)

    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        """Actors whose names contain ``text``, and the sentences (newest first) that do."""
        return search(self, text, limit, limit)

    def failures(self) -> list[Failure]:
        """Inputs and articles that could not be processed, and why."""
        return [failure for failure, _ in facts.failures(self)]

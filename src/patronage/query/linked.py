"""Linked events: the real-world events the stored reports tell, each with all its reports.

A report is one ``events`` row; ``event_links`` says which event it tells (see
:mod:`patronage.store.linking`). An event here has its type family, its most frequent type,
its participants, its finest date, the counts event data users ask for, and its reports as
evidence. Only a report that asserts the event happened (polarity ``asserted``, modality
``actual``) corroborates it: a denial, a plan, a hypothesis or hearsay ("reportedly") stays
attached but does not count in ``n_articles`` or ``n_sources``.

- ``n_reports``: every report linked to the event; ``n_corroborating``: those that corroborate;
- ``n_articles``: distinct articles among the corroborating reports;
- ``n_sources``: distinct outlets (the article's ``source``) among them; an article with no
  source counts as an outlet of its own;
- ``first_reported``/``last_reported``: the earliest and latest date of an article reporting it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from patronage.model.fields import public
from patronage.model.plover import EVENT_TYPES, plover
from patronage.model.records import PRECISIONS, Event
from patronage.store import Store
from patronage.store.tables import EVENTS

__all__ = ["corroborates", "link_summary", "linked_event_rows"]

#: the SQL form of :func:`corroborates`
CORROBORATES_SQL = "(e.polarity = 'asserted' AND e.modality = 'actual')"


def corroborates(event: Event) -> bool:
    """True when a report asserts its event happened (not denied, planned, supposed or hearsay)."""
    return event.polarity == "asserted" and event.modality == "actual"


def _reports(store: Store, min_confidence: float) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(linked event id, its report rows), events ordered by id, reports in document order."""
    rows = store.rows(
        f"""SELECT {EVENTS.select("e")}, coalesce(l.linked_event_id, e.event_id) AS linked_event_id,
                   a.title AS article_title, a.source AS article_source, a.date AS article_date,
                   a.url AS article_url
            FROM events e LEFT JOIN event_links l ON l.event_id = e.event_id LEFT JOIN articles a ON a.doc_id = e.doc_id
            WHERE coalesce(e.confidence, 0) >= ?
            ORDER BY linked_event_id, e.doc_id, e.ev_start, e.event_id""",
        [min_confidence],
    )
    group: list[dict[str, Any]] = []
    for row in rows:
        if group and row["linked_event_id"] != group[0]["linked_event_id"]:
            yield str(group[0]["linked_event_id"]), group
            group = []
        group.append(row)
    if group:
        yield str(group[0]["linked_event_id"]), group


def _most_common(values: list[Any], order: Any = None) -> Any:
    """The most frequent value; ties go to the first in ``order`` (default: the smallest)."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], order(v) if order else v))


def _report_object(event: Event, row: dict[str, Any]) -> dict[str, Any]:
    shown = public(event)
    return {
        "event_id": event.event_id,
        "type": event.type,
        "source": shown["source"],
        "target": shown["target"],
        "polarity": event.polarity,
        "modality": event.modality,
        "corroborates": corroborates(event),
        "date": event.date.value,
        "date_precision": event.date.precision,
        "confidence": event.confidence,
        "article": {
            "doc_id": event.evidence.doc_id,
            "title": row["article_title"],
            "source": row["article_source"],
            "date": row["article_date"],
            "url": row["article_url"],
        },
        "evidence": shown["evidence"],
    }


def _type_rank(type_: str) -> tuple[int, str]:
    """PLOVER's order, types it does not declare after them."""
    return (EVENT_TYPES.index(type_) if type_ in EVENT_TYPES else len(EVENT_TYPES), type_)


def _pair(event: Event) -> tuple[str, str]:
    return (event.source.actor_id if event.source else "", event.target.actor_id if event.target else "")


def _event_object(linked_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    events = [EVENTS.record(r) for r in rows]
    type_ = _most_common([e.type for e in events], _type_rank)
    family = plover().family(type_)
    with_both = [e for e in events if e.source and e.target] or events
    pair = _most_common([_pair(e) for e in with_both])
    face = next(e for e in with_both if _pair(e) == pair)  # the participants as most reports have them
    ranks = [
        PRECISIONS.index(e.date.precision) for e in events if e.date.value and e.date.precision in PRECISIONS
    ]
    finest = min(ranks, default=len(PRECISIONS) - 1)
    dates = [e.date.value for e in events if e.date.value and e.date.precision == PRECISIONS[finest]]
    places = [(e.location.name, e.location.country) for e in events if e.location is not None]
    backing = [(e, r) for e, r in zip(events, rows, strict=True) if corroborates(e)]
    reported = sorted(str(r["article_date"]) for r in rows if r["article_date"])
    shown = public(face)
    return {
        "linked_event_id": linked_id,
        "family": family.name if family else None,
        "type": type_,
        "types": sorted({e.type for e in events}, key=_type_rank),
        "source": shown["source"],
        "target": shown["target"],
        "date": _most_common(dates) if dates else None,
        "date_precision": PRECISIONS[finest] if dates else "unknown",
        "location": dict(zip(("name", "country"), _most_common(places), strict=True)) if places else None,
        "n_reports": len(events),
        "n_corroborating": len(backing),
        "n_articles": len({e.evidence.doc_id for e, _r in backing}),
        "n_sources": len({r["article_source"] or f"doc:{e.evidence.doc_id}" for e, r in backing}),
        "first_reported": reported[0] if reported else None,
        "last_reported": reported[-1] if reported else None,
        "reports": [_report_object(e, r) for e, r in zip(events, rows, strict=True)],
    }


def linked_event_rows(store: Store, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    """One object per linked event, ordered by id, of the reports of at least ``min_confidence``."""
    for linked_id, rows in _reports(store, min_confidence):
        yield _event_object(linked_id, rows)


def link_summary(store: Store) -> dict[str, Any]:
    """How the store's reports are linked: reports, events, and how many reports joined another."""
    row = store.rows(
        f"""WITH per_event AS (
               SELECT coalesce(l.linked_event_id, e.event_id) AS id, count(*) AS n,
                      count(DISTINCT e.doc_id) FILTER (WHERE {CORROBORATES_SQL}) AS docs
               FROM events e LEFT JOIN event_links l ON l.event_id = e.event_id GROUP BY ALL)
           SELECT coalesce(sum(n), 0) AS reports, count(*) AS events,
                  coalesce(sum(n) FILTER (WHERE n > 1), 0) AS joined,
                  count(*) FILTER (WHERE n > 1) AS multi, count(*) FILTER (WHERE docs > 1) AS corroborated
           FROM per_event"""
    )[0]
    reports = int(row["reports"])
    return {
        "reports": reports,
        "events": int(row["events"]),
        "reports_joined": int(row["joined"]),
        "share_joined": round(int(row["joined"]) / reports, 4) if reports else 0.0,
        "events_with_several_reports": int(row["multi"]),
        "events_in_several_articles": int(row["corroborated"]),
        "unlinked_reports": int(
            store.value(
                "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM event_links)"
            )
            or 0
        ),
    }

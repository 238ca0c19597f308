"""Dyad time series: event counts per (source, target, period) and PLOVER type.

Political scientists model event data as counts per directed dyad and period (USA→RUS, one
row a month), not as sentences. A row here counts the stored event reports of one dyad in one
period: one column per PLOVER type, the cooperation and conflict totals (each type's sign is
declared once, in ``model/schema/plover.yaml``), the reports and the distinct articles they
come from, and the distinct real-world events those reports tell (``events``,
``cooperation_events``, ``conflict_events``: reports linked across articles count once, see
:mod:`patronage.store.linking`). An event told with its actors either way round (a meeting)
counts in both directed dyads.

What counts is what happened: asserted events of modality ``actual`` or ``reported``. Negated
events ("did not meet"), plans, offers, threats' conditions and hypotheticals are left out, as
are events without both a source and a target. The unit is the country dyad event datasets
code (``dyad.source``/``dyad.target``: the country an actor belongs to or acts for) or the
actors themselves; a country dyad keeps domestic events (USA→USA), an actor dyad never pairs
an actor with itself.

A report is placed in the period its own date falls in. A date coarser than the period asked
for (a month in a daily series, a decade, an unknown date) places it nowhere: such reports are
counted and left out, never spread or guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from patronage.model.plover import CONFLICTUAL, COOPERATIVE, EVENT_TYPES

if TYPE_CHECKING:
    from patronage.store import Store

__all__ = ["PERIODS", "UNITS", "DyadSeries", "dyad_series"]

PERIODS = ("day", "week", "month", "year")
UNITS = ("country", "actor")
#: the date precisions (as the store records them) that place a report in a period of each size
_PLACEABLE = {
    "day": {"day"},
    "week": {"day"},
    "month": {"day", "month"},
    "year": {"day", "month", "season", "year"},
}


@dataclass
class DyadSeries:
    """The rows of a dyad series and the reports left out because their dates are too coarse."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unplaced: int = 0


def period_of(date: str, by: str) -> str:
    """The period label of a stored date (``2015-10-21``, ``2015-10`` or ``2015``) for ``by``.

    Weeks are ISO weeks (``2015-W43``); the date must be precise enough for ``by``.
    """
    if by == "year":
        return date[:4]
    if by == "month":
        return date[:7]
    if by == "day":
        return date[:10]
    year, week, _day = dt.date.fromisoformat(date[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def dyad_series(
    store: Store,
    by: str = "month",
    types: Sequence[str] = (),
    unit: str = "country",
    min_confidence: float = 0.0,
) -> DyadSeries:
    """Counts per (source, target, period), ordered by source, target and period.

    ``types`` keeps only those PLOVER types (all when empty); ``min_confidence`` only events
    at least that likely to be fully right.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}")
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}")
    wanted = list(types) or list(EVENT_TYPES)
    if unit == "country":
        ends = (
            "e.dyad_source AS source, e.dyad_target AS target, s.name AS source_name, t.name AS target_name"
        )
        joins = (
            "LEFT JOIN actors s ON s.actor_id = 'country/' || e.dyad_source "
            "LEFT JOIN actors t ON t.actor_id = 'country/' || e.dyad_target"
        )
        present = "e.dyad_source IS NOT NULL AND e.dyad_target IS NOT NULL"
    else:
        ends = (
            "e.source_actor_id AS source, e.target_actor_id AS target, "
            "e.source_name AS source_name, e.target_name AS target_name"
        )
        joins = ""
        present = (
            "e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL "
            "AND e.source_actor_id <> e.target_actor_id"
        )
    reports = store.rows(
        f"""SELECT {ends}, e.type, e.date, e.date_precision, e.doc_id,
                   coalesce(l.linked_event_id, e.event_id) AS linked_event_id
            FROM events e LEFT JOIN event_links l ON l.event_id = e.event_id {joins}
            WHERE {present} AND e.polarity = 'asserted' AND e.modality IN ('actual', 'reported')
              AND coalesce(e.confidence, 0) >= ? AND e.type IN (SELECT unnest(?))""",
        [min_confidence, wanted],
    )
    placeable = _PLACEABLE[by]
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    #: the linked events of each cell, by sign: cooperation, conflict, neither
    events: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    series = DyadSeries()
    for report in reports:
        date = report["date"]
        if not date or report["date_precision"] not in placeable:
            series.unplaced += 1
            continue
        key = (str(report["source"]), str(report["target"]), period_of(str(date), by))
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = {
                "source": key[0],
                "source_name": report["source_name"] or key[0],
                "target": key[1],
                "target_name": report["target_name"] or key[1],
                "period": key[2],
                "reports": 0,
                "articles": 0,
                "cooperation": 0,
                "conflict": 0,
                **dict.fromkeys(wanted, 0),
            }
        cell["reports"] += 1
        cell[report["type"]] += 1
        cell["cooperation"] += report["type"] in COOPERATIVE
        cell["conflict"] += report["type"] in CONFLICTUAL
        articles[key].add(str(report["doc_id"]))
        sign = (
            "cooperation"
            if report["type"] in COOPERATIVE
            else "conflict"
            if report["type"] in CONFLICTUAL
            else ""
        )
        events[key][sign].add(str(report["linked_event_id"]))
    for key in sorted(cells):
        cells[key]["articles"] = len(articles[key])
        told = events[key]
        cells[key]["events"] = len(set().union(*told.values()))
        cells[key]["cooperation_events"] = len(told["cooperation"])
        cells[key]["conflict_events"] = len(told["conflict"])
        series.rows.append(cells[key])
    return series

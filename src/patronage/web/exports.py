"""Downloads of the explorer's view under ``/api/export``: the events a view lists, as the CLI's CSV.

The rows are the export schema of DESIGN.md (what ``patronage export events --format csv`` writes),
written by :func:`~patronage.export.writers.write_csv`, so a cell a spreadsheet would run as a formula
is quoted here as there. A download holds at most ``max_rows`` events, as any other answer; the
``X-Total-Count`` header says how many the filters matched.
"""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from patronage.export.writers import write_csv
from patronage.query.events import DATE_ORDER, EventFilter, count_events, event_object, select_events
from patronage.web.api import event_bounds
from patronage.web.conn import StorePool

__all__ = ["build_export_router"]


def build_export_router(pool: StorePool, max_rows: int) -> APIRouter:
    """The download routes over one read-only store."""
    router = APIRouter(prefix="/api/export")

    @router.get("/events.csv")
    def events_csv(bounds: Annotated[EventFilter, Depends(event_bounds)]) -> Response:
        """The events ``/api/events`` lists for the same parameters, oldest first, as spreadsheet-safe CSV."""
        with pool.cursor() as store:
            total = count_events(store, bounds)
            rows = [
                event_object(e) for e, _ in select_events(store, bounds, order=DATE_ORDER, limit=max_rows)
            ]
        out = io.StringIO()
        write_csv(rows, out)
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": 'attachment; filename="patronage-events.csv"',
                "X-Total-Count": str(total),
            },
        )

    return router

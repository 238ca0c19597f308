"""Event identity across articles: which event reports tell the same real-world event (rule v2).

Each ``events`` row is one report: one sentence's telling of an event. Twelve articles about
one summit are twelve reports of one event; this module decides which reports go together.

Across sentences (``store/cells.py``), reports join when they are of one PLOVER type, have the same
participants (actor ids; either order for a type without direction), share a *class* (the same
trigger word, or for a material act the same precise CAMEO code: evidence they tell one act) and
have compatible dates and places. A date is *stated* when the text dates the event ("on Sunday",
"in March") and *assumed* when only the article's date stands in (``DOCUMENT_DATE``):

1. Reports with both actors and a stated day form an event per (class, actors, day). Two known
   places that differ split it; a report of no place joins the one place there is.
2. A report with a stated month joins the one such event of its class and actors in that month;
   with none, the month's reports form an event of their own; with several, it stays alone.
3. A report with an assumed date joins the one such event dated in the week before its article (or
   in its article's month, for a month); with none, the reports of articles published that same day
   form an event (one a day, as Phoenix counts); with several, alone.
4. A report that names one actor only, with a stated day, joins the one event of a stated date of
   its class with that actor in that role (either role when undirected) on that day.

Within one sentence (``store/acts.py``):

5. Reports that code one act several times (a shared trigger word; one family and date; or one
   trigger the act the other states, asks, refuses or threatens: "threatened to impose tariffs")
   are one event whatever their types, the cross-sentence event of the governing report.

Everything else (no actor, a season, year or decade, no date, no trigger) stays an event of its own:
a year is too coarse to tell one of a dyad's events from the next. So does a report whose choice is
ambiguous: an event is never guessed. Polarity and modality play no part here (a denial stays with
what it denies); corroboration counts leave them out (``query/linked.py``).

The rule depends only on the set of reports, never on their order. Across sentences it links only
within one type and calendar year, and a report's event there depends only on the reports of that
type and year that share an actor with it; within a sentence, only on the sentence's reports and
their events. So relinking every report of a (type, year, actor) unit, the other reports of their
sentences, with those reports' own units for context, gives the answer of the whole store, which
is how ``store/links.py`` stays incremental. This module is pure; ``store/links.py`` reads the
reports and writes the links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from patronage.model.records import DOCUMENT_DATE, is_described
from patronage.store.acts import act_links
from patronage.store.cells import cell_links, link_id

__all__ = ["LINKER", "LinkKey", "Report", "keys_of", "link_id", "link_reports", "own_id", "year_of"]

#: the versioned name of this rule, stored with every link it makes; a store linked by another
#: version is relinked whole when next opened for writing (``Store``)
LINKER = "patronage.link.v5"
#: the precisions that place a report in a calendar year (finer ones first)
_DATED = ("day", "month", "season", "year")
_YEAR = re.compile(r"[0-9]{4}")
#: (type, year, actor id): the unit a stored report is relinked by
LinkKey = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Report:
    """What linking reads of one stored event report."""

    event_id: str
    type: str
    source: str | None
    """The source actor's id; None when there is none or the text only describes it."""
    target: str | None
    date: str | None
    precision: str
    place: str | None = None
    """The location's country (or its name when it has no country); None when unknown."""
    assumed: bool = False
    """True when the date is the article's, not one the text states (``DOCUMENT_DATE``)."""
    published: str | None = None
    """The article's date (``YYYY-MM-DD``), when known."""
    doc_id: str = ""
    sentence: str = ""
    """The report's sentence, as stored: reports of one article and sentence may be one act."""
    trigger: str = ""
    """The words that coded the event ("threatened", "pulled out")."""
    cameo: str | None = None
    coded: tuple[str | None, str | None] = (None, None)
    """The (source, target) ids as stored, described actors ("described:officials") included."""

    @staticmethod
    def of(
        event_id: str,
        type_: str,
        source: str | None,
        target: str | None,
        date: str | None,
        precision: str | None,
        *,
        place: str | None = None,
        date_text: str | None = None,
        published: str | None = None,
        doc_id: str = "",
        sentence: str = "",
        trigger: str = "",
        cameo: str | None = None,
    ) -> Report:
        """A report from stored values; a described actor ("officials") counts as none."""
        return Report(
            event_id,
            type_,
            None if not source or is_described(source) else source,
            None if not target or is_described(target) else target,
            date,
            precision or "unknown",
            place or None,
            date_text == DOCUMENT_DATE,
            published[:10] if published and len(published) >= 10 else None,
            doc_id,
            sentence or "",
            trigger or "",
            cameo or None,
            (source or None, target or None),
        )


def own_id(event_id: str) -> str:
    """The id of the event a report that joins no other forms by itself."""
    return link_id("report", event_id)


def year_of(date: str | None, precision: str | None) -> str | None:
    """The calendar year a report's date places it in; None when too coarse or undated.

    The SQL of ``store/links.py`` computes the same (``YEAR_SQL``).
    """
    if not date or precision not in _DATED or not _YEAR.match(date):
        return None
    return date[:4]


def keys_of(report: Report) -> set[LinkKey]:
    """The (type, year, actor) units a report's cross-sentence event depends on: none when it has none."""
    year = year_of(report.date, report.precision)
    if year is None:
        return set()
    return {(report.type, year, actor) for actor in (report.source, report.target) if actor}


def link_reports(reports: Iterable[Report]) -> dict[str, str]:
    """The linked event id of every report, by the report's ``event_id``."""
    reports = list(reports)
    years = {r.event_id: y for r in reports if (y := year_of(r.date, r.precision))}
    cells = cell_links(reports, years)
    for r in reports:
        cells.setdefault(r.event_id, own_id(r.event_id))
    return {**cells, **act_links(reports, cells)}

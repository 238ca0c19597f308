"""Event identity across articles: which event reports tell the same real-world event (rule v1).

Each ``events`` row is one report: one sentence's telling of an event. Twelve articles about
one summit are twelve reports of one event; this module decides which reports go together.
Reports join when they are of one type family (``families`` in ``model/schema/plover.yaml``),
have the same participants (actor ids; either order for a family without direction) and
compatible dates and places. A date is *stated* when the text dates the event ("on Sunday",
"in March") and *assumed* when only the article's date stands in (``DOCUMENT_DATE``):

1. Reports with both actors and a stated day form an event per (dyad, day). Two known places
   that differ split it; a report of no place joins the one place there is.
2. A report with a stated month joins the one such event of its dyad in that month; with none,
   the month's reports of the dyad form an event of their own; with several, it stays alone.
3. A report with an assumed date joins the one event of its dyad dated in the week before its
   article (or in its article's month, for a month); with none, the dyad's reports of articles
   published that same day form an event (one a day, as Phoenix counts); with several, alone.
4. A report that names one actor only, with a stated day, joins the one event of a stated date
   with that actor in that role (either role when undirected) on that day.
5. Reports of one sentence an article repeats (a lead paragraph printed twice) go together.

Everything else (no actor, a season, year or decade, no date) stays an event of its own: a year
is too coarse to tell one of a dyad's events from the next (a check on real news found "in 2016"
joined to the wrong event more often than not). So does a report whose choice is ambiguous:
an event is never guessed. Polarity and modality play no part here
(a denial stays with what it denies); corroboration counts leave them out (``query/linked.py``).

The rule depends only on the set of reports, never on their order, and links only within one
family and calendar year: recomputing every report of a family and year that involves an actor
gives the same answer as recomputing the store, which is how ``store/links.py`` stays incremental.
This module is pure; ``store/links.py`` reads the reports and writes the links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from patronage.model.plover import Family, plover
from patronage.model.records import DOCUMENT_DATE, is_described

__all__ = ["LINKER", "LinkKey", "Report", "keys_of", "link_id", "link_reports", "own_id", "year_of"]

#: the versioned name of this rule, stored with every link it makes
LINKER = "patronage.link.v1"
#: the precisions that place a report in a calendar year (finer ones first)
_DATED = ("day", "month", "season", "year")
_YEAR = re.compile(r"[0-9]{4}")
#: how long before its article an event told without a date may have happened
_ASSUMED_WINDOW = dt.timedelta(days=7)
#: (family, year, actor id): the unit a stored report is relinked by
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
    wording: str = ""
    """A digest of the report's sentence: a repeated sentence has the same."""

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
        wording: str = "",
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
            wording,
        )


def link_id(*parts: str) -> str:
    """The id of a linked event, derived from what makes it one (stable as reports join)."""
    return "ev-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


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
    """The (family, year, actor) keys a report can link under: none when it never links."""
    family = plover().family(report.type)
    year = year_of(report.date, report.precision)
    if family is None or year is None:
        return set()
    return {(family.name, year, actor) for actor in (report.source, report.target) if actor}


def link_reports(reports: Iterable[Report]) -> dict[str, str]:
    """The linked event id of every report, by the report's ``event_id``."""
    out: dict[str, str] = {}
    alone: list[Report] = []
    partitions: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for report in reports:
        family = plover().family(report.type)
        year = year_of(report.date, report.precision)
        if family is None or year is None or not (report.source or report.target):
            alone.append(report)
        else:
            partitions[(family.name, year)].append(report)
    vocab = plover()
    for (name, _year), members in partitions.items():
        links = _link_partition(vocab.families[name], members)
        out.update(links)
        alone.extend(r for r in members if links[r.event_id] == own_id(r.event_id))
    repeats: dict[tuple[str, ...], list[Report]] = defaultdict(list)
    for r in alone:
        repeats[(r.doc_id, r.wording, r.type, r.source or "", r.target or "", r.date or "")].append(r)
    for key, copies in repeats.items():
        shared = link_id("repeat", *key) if len(copies) > 1 and key[1] else None
        for r in copies:
            out[r.event_id] = shared or own_id(r.event_id)
    return out


@dataclass
class _Group:
    """An event being formed: its id, dyad, anchor date (a day or a month) and the places it names."""

    id: str
    dyad: tuple[str, str]
    date: str
    places: set[str] = field(default_factory=set)

    def fits(self, place: str | None) -> bool:
        return place is None or not self.places or place in self.places


def _dyad(family: Family, report: Report) -> tuple[str, str]:
    assert report.source is not None and report.target is not None
    pair = (report.source, report.target)
    return pair if family.directed else (min(pair), max(pair))


def _split_by_place(reports: list[Report]) -> list[tuple[str, list[Report], set[str]]]:
    """(place key, reports, places) per event: one unless two known places differ."""
    known = sorted({r.place for r in reports if r.place})
    if len(known) <= 1:
        return [("", reports, set(known))]
    parts = [(place, [r for r in reports if r.place == place], {place}) for place in known]
    unplaced = [r for r in reports if not r.place]
    if unplaced:
        parts.append(("?", unplaced, set()))
    return parts


def _before(anchor: str, published: str) -> bool:
    """True when a stated day (``anchor``) lies in the week up to an article's date."""
    try:
        day, pub = dt.date.fromisoformat(anchor), dt.date.fromisoformat(published)
    except ValueError:
        return False
    return pub - _ASSUMED_WINDOW <= day <= pub


Cells = dict[tuple[tuple[str, str], str], list[Report]]


class _Partition:
    """The linking of one family's reports of one year."""

    def __init__(self, family: Family) -> None:
        self.family = family
        self.links: dict[str, str] = {}
        self.by_dyad: dict[tuple[str, str], list[_Group]] = defaultdict(list)
        #: the groups stated dates anchor (those an assumed date may join), by dyad
        self.stated: dict[tuple[str, str], list[_Group]] = defaultdict(list)

    def form(self, cells: Cells, kind: str) -> None:
        """One event per (dyad, date) cell and place (``kind`` keeps a day and a day's articles apart)."""
        for (dyad, date), members in sorted(cells.items()):
            for place_key, part, places in _split_by_place(members):
                group = _Group(link_id(self.family.name, *dyad, kind, date, place_key), dyad, date, places)
                self.by_dyad[dyad].append(group)
                if kind == "stated":
                    self.stated[dyad].append(group)
                for r in part:
                    self.links[r.event_id] = group.id

    def join(self, report: Report, candidates: list[_Group]) -> bool:
        """Link ``report`` to the one candidate that fits its place; False when none or several."""
        fitting = [g for g in candidates if g.fits(report.place)]
        if len(fitting) != 1:
            return False
        self.links[report.event_id] = fitting[0].id
        return True

    def alone(self, report: Report) -> None:
        self.links[report.event_id] = own_id(report.event_id)

    def involving(self, actor: str, role: str) -> list[_Group]:
        """The events of stated dates with ``actor`` in ``role`` (``source``/``target``; either when undirected)."""
        out = []
        for dyad, groups in self.stated.items():
            hit = dyad[0 if role == "source" else 1] == actor if self.family.directed else actor in dyad
            if hit:
                out.extend(groups)
        return out


def _link_partition(family: Family, reports: list[Report]) -> dict[str, str]:
    part = _Partition(family)
    full = sorted((r for r in reports if r.source and r.target), key=lambda r: r.event_id)
    stated = [r for r in full if not r.assumed]
    days: Cells = defaultdict(list)
    for r in stated:
        if r.precision == "day" and r.date and len(r.date) >= 10:
            days[(_dyad(family, r), r.date[:10])].append(r)
    part.form(days, "stated")
    months: Cells = defaultdict(list)
    for r in stated:
        if r.precision != "month" or not r.date or len(r.date) < 7:
            continue
        dyad = _dyad(family, r)
        in_month = [g for g in part.stated.get(dyad, ()) if g.date[:7] == r.date[:7]]
        if not any(g.fits(r.place) for g in in_month):
            months[(dyad, r.date[:7])].append(r)
        elif not part.join(r, in_month):
            part.alone(r)
    part.form(months, "stated")
    published: Cells = defaultdict(list)
    for r in full:
        if not r.assumed or r.published is None or r.published[:4] != (r.date or "")[:4]:
            continue
        dyad, pub = _dyad(family, r), r.published
        near = [
            g
            for g in part.stated.get(dyad, ())
            if (_before(g.date, pub) if len(g.date) == 10 else g.date == pub[:7])
        ]
        if not any(g.fits(r.place) for g in near):
            published[(dyad, pub)].append(r)
        elif not part.join(r, near):
            part.alone(r)
    part.form(published, "published")
    for r in reports:
        if r.event_id in part.links:
            continue
        if r.date and r.precision == "day" and not r.assumed:
            actor, role = (r.source, "source") if r.source else (r.target, "target")
            assert actor is not None
            if part.join(r, [g for g in part.involving(actor, role) if g.date == r.date[:10]]):
                continue
        part.alone(r)
    return part.links

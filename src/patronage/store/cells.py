"""Event linking across sentences: the reports of one type, actors, wording and date (rules 1 to 4).

Reports of different sentences join only when they are of one PLOVER type, have the same actors,
compatible dates and places, and a *class* in common: evidence that they tell one act, not two acts
of one pair of actors on one day (praise and a demand; a tariff and the complaint about it). A
report's class is its CAMEO code when that names a material act precisely ("075", asylum given;
"0872", troops withdrawn; "195", an air strike): "granted asylum" and "gave refuge" then agree. A
statement (a demand, an accusation, praise: ``STATEMENTS``) or a code CAMEO keeps for "not specified
below" (one ending in 0) says too little, and only the same trigger word counts: "warned" and
"warned", "met" and "meeting", never "praised" and "encouraged". A report without a trigger has no
class and joins nothing across sentences.

Within one (type, year) the rule then forms events by date as ``store/linking.py`` describes; the id
of an event derives from what makes it one (its type, class, actors and date), never from which
reports it holds, so it stays stable as reports join and the same for any subset that holds all the
reports sharing an actor with a given one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from patronage.model.plover import plover
from patronage.store.wording import stems

if TYPE_CHECKING:
    from patronage.store.linking import Report

__all__ = ["STATEMENTS", "cell_links", "link_id", "trigger_class"]

#: types whose reports are things said (asked, charged, refused, praised, promised): a speech says
#: many of them to one addressee on one day, so only the same trigger word tells one from the next
STATEMENTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
#: a sentence shorter than this says too little to be a copy ("He said no.")
_COPY_CHARS = 40
_QUOTES = re.compile("[\u201c\u201d\u2018\u2019'\"]")
#: how long before its article an event told without a date may have happened
_ASSUMED_WINDOW = dt.timedelta(days=7)


def trigger_class(report: Report) -> str | None:
    """What a report must share with one of another sentence to tell the same act; None: nothing."""
    code = report.cameo or ""
    if report.type not in STATEMENTS and len(code) >= 3 and code.isdigit() and not code.endswith("0"):
        return f"cameo:{code}"
    words = stems(report.trigger)
    return "word:" + "+".join(sorted(words)) if words else None


def link_id(*parts: str) -> str:
    """The id of a linked event, derived from what makes it one (stable as reports join)."""
    return "ev-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Group:
    """An event being formed: its id, key (class, source, target), anchor date and the places it names."""

    id: str
    key: tuple[str, str, str]
    date: str
    places: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    def fits(self, place: str | None) -> bool:
        return place is None or not self.places or place in self.places


Key = tuple[str, str, str]
Cells = dict[tuple[Key, str], list["Report"]]


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


class _Partition:
    """The linking of one type's reports of one year."""

    def __init__(self, type_: str, directed: bool) -> None:
        self.type = type_
        self.directed = directed
        self.links: dict[str, str] = {}
        #: the groups stated dates anchor (those an assumed date may join), by key
        self.stated: dict[Key, list[_Group]] = defaultdict(list)

    def key(self, report: Report, cls: str) -> Key:
        assert report.source is not None and report.target is not None
        pair = (report.source, report.target)
        if not self.directed:
            pair = (min(pair), max(pair))
        return (cls, *pair)

    def form(self, cells: Cells, kind: str, by_article: bool = False) -> None:
        """One event per (key, date) cell and place (``kind`` keeps a day and a day's articles apart);
        ``by_article``: one per article too (a month, or an article's date, says too little to join
        two articles' reports: "visits to the Pentagon" and gun curbs weeks later, both "December")."""
        for (key, date), members in sorted(cells.items()):
            docs = sorted({r.doc_id for r in members}) if by_article else [""]
            for doc in docs:
                mine = [r for r in members if r.doc_id == doc] if by_article else members
                for place_key, part, places in _split_by_place(mine):
                    group_id = link_id(self.type, *key, kind, date, place_key, *([doc] if doc else []))
                    group = _Group(group_id, key, date, places, {r.doc_id for r in part})
                    if kind == "stated":
                        self.stated[key].append(group)
                    for r in part:
                        self.links[r.event_id] = group.id

    def join(self, report: Report, candidates: list[_Group]) -> bool:
        """Link ``report`` to the one candidate that fits its place; False when none or several."""
        fitting = [g for g in candidates if g.fits(report.place)]
        if len(fitting) != 1:
            return False
        self.links[report.event_id] = fitting[0].id
        fitting[0].docs.add(report.doc_id)
        return True

    def involving(self, cls: str, actor: str, role: str) -> list[_Group]:
        """The events of stated dates of class ``cls`` with ``actor`` in ``role`` (either when undirected)."""
        out = []
        for key, groups in self.stated.items():
            if key[0] != cls:
                continue
            hit = key[1 if role == "source" else 2] == actor if self.directed else actor in key[1:]
            if hit:
                out.extend(groups)
        return out

    def link(self, reports: list[tuple[Report, str]]) -> dict[str, str]:
        """The event of each (report, class) given; a report that joins none is absent.

        Copies of one sentence in other articles (a wire story printed twice, a caption repeated)
        are one event first: the rules below see one of them, the smallest id, for all.
        """
        copies = _copies(r for r, _c in reports)
        reports = [(r, c) for r, c in reports if r.event_id not in copies]
        self._link(reports)
        for event_id, (first, key) in copies.items():
            if first not in self.links:
                self.links[first] = link_id(self.type, "copy", key)
            self.links[event_id] = self.links[first]
        return self.links

    def _link(self, reports: list[tuple[Report, str]]) -> None:
        full = sorted(((r, c) for r, c in reports if r.source and r.target), key=lambda rc: rc[0].event_id)
        stated = [(r, c) for r, c in full if not r.assumed]
        days: Cells = defaultdict(list)
        for r, c in stated:
            if r.precision == "day" and r.date and len(r.date) >= 10:
                days[(self.key(r, c), r.date[:10])].append(r)
        self.form(days, "stated")
        months: Cells = defaultdict(list)
        for r, c in stated:
            if r.precision != "month" or not r.date or len(r.date) < 7:
                continue
            key = self.key(r, c)
            in_month = [g for g in self.stated.get(key, ()) if g.date[:7] == r.date[:7]]
            if not any(g.fits(r.place) for g in in_month):
                months[(key, r.date[:7])].append(r)
            else:
                self.join(r, in_month)
        self.form(months, "stated", by_article=True)
        published: Cells = defaultdict(list)
        for r, c in full:
            if not r.assumed or r.published is None or r.published[:4] != (r.date or "")[:4]:
                continue
            key, pub = self.key(r, c), r.published
            near = [
                g
                for g in self.stated.get(key, ())
                if (_before(g.date, pub) if len(g.date) == 10 else g.date == pub[:7])
            ]
            if not any(g.fits(r.place) for g in near):
                published[(key, pub)].append(r)
            else:
                self.join(r, near)
        self.form(published, "published", by_article=True)
        for r, c in reports:
            if r.event_id in self.links or (r.source and r.target):
                continue
            if r.date and r.precision == "day" and not r.assumed:
                actor, role = (r.source, "source") if r.source else (r.target, "target")
                assert actor is not None
                # a report naming one side joins an event of its own article only ("Boehner talks
                # with reporters" is not his call with Obama another article tells that day)
                same = [
                    g for g in self.involving(c, actor, role) if g.date == r.date[:10] and r.doc_id in g.docs
                ]
                self.join(r, same)


def _copies(reports: Iterable[Report]) -> dict[str, tuple[str, str]]:
    """Reports that copy another's sentence, trigger and actors (in another article, or a lead an
    article prints twice): id → (the copy of smallest id, what the copies share). The smallest is
    absent (it stands for them all)."""
    by_copy: dict[str, list[str]] = defaultdict(list)
    for r in reports:
        words = " ".join(_QUOTES.sub('"', r.sentence).lower().split())
        if len(words) >= _COPY_CHARS:
            by_copy["\x1f".join((words, r.trigger.lower(), r.source or "", r.target or ""))].append(
                r.event_id
            )
    out: dict[str, tuple[str, str]] = {}
    for key, ids in by_copy.items():
        ids.sort()
        out.update((i, (ids[0], key)) for i in ids[1:])
    return out


def cell_links(reports: Iterable[Report], year: dict[str, str]) -> dict[str, str]:
    """The event each report joins across sentences, by ``event_id``; reports that join none are absent.

    ``year`` gives the calendar year of each report that has one (``linking.year_of``).
    """
    vocab = plover()
    partitions: dict[tuple[str, str], list[tuple[Report, str]]] = defaultdict(list)
    for report in reports:
        cls = trigger_class(report)
        y = year.get(report.event_id)
        if cls is None or y is None or not (report.source or report.target):
            continue
        if vocab.family(report.type) is None:
            continue
        partitions[(report.type, y)].append((report, cls))
    out: dict[str, str] = {}
    for (type_, _y), members in partitions.items():
        family = vocab.family(type_)
        assert family is not None
        out.update(_Partition(type_, family.directed).link(members))
    return out

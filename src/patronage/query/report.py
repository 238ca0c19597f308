"""A cited dossier on one actor, read from the store: who it is, its roles over time, the actors it
stands in each relation with, its key dated events and the quotes by and about it.

Every fact keeps the article and sentence it came from (a :class:`Citation`); nothing is
summarised or generated, so :mod:`patronage.export.report` can lay the facts out with templates.
``as_of`` leaves out every fact dated after it; a fact with no date of its own is dated by its
article, and one with neither is kept, as the profile and the network keep undated facts.
``relation`` keeps that relation and the events whose kind implies it (granting asylum for
``harbours``), whatever their polarity or modality, which the dossier states with each event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from math import prod
from typing import Any, Generic, TypeVar

from patronage.errors import InputError, NotFoundError
from patronage.extract.relations.implied import relation_for
from patronage.model.plover import EVENT_TYPES, RELATIONS
from patronage.model.records import Actor, ActorRef, DateValue, Event, Evidence, Quote, Relation, Role
from patronage.query import facts
from patronage.query.events import DATE_ORDER, EventFilter, select_events
from patronage.query.filters import check_date
from patronage.query.profile import find_actors
from patronage.store import Store
from patronage.store.tables import QUOTES

__all__ = [
    "Citation",
    "Cited",
    "Report",
    "Tie",
    "build_report",
    "check_relation",
    "resolve_actor",
]

F = TypeVar("F", Event, Quote, Relation, Role)

#: the most statements cited for one tie (its count and strength still take them all)
TIE_CITATIONS = 3


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a fact was read: the article (title, date, outlet, web address) and the sentence."""

    doc_id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    """The article's address, only when it is a web (http or https) address."""
    sentence: str


@dataclass(frozen=True, slots=True)
class Cited(Generic[F]):
    """One fact (a :class:`Role`, :class:`Event`, :class:`Quote` or :class:`Relation`) and its citation.

    ``date`` is the fact's own date (its article's when it has none); ``citation`` is None only for
    a role from the gazetteer, which no article states.
    """

    fact: F
    citation: Citation | None
    date: DateValue


@dataclass(frozen=True, slots=True)
class Tie:
    """The actor and one other actor in one relation, aggregated over every statement of it."""

    relation: str
    source: ActorRef
    target: ActorRef
    polarity: str
    first_seen: DateValue
    last_seen: DateValue
    count: int
    """Statements (and events) supporting it."""
    articles: int
    """Independent articles among them."""
    strength: float
    """Each article once with its strongest statement; independent articles add up."""
    statements: tuple[Cited[Relation], ...]
    """The first :data:`TIE_CITATIONS` statements, oldest first, each a :class:`Cited` relation."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the dossier says about one actor, each fact with its citation."""

    actor: Actor
    relation: str | None
    as_of: str | None
    roles: tuple[Cited[Role], ...]
    ties: tuple[Tie, ...]
    events: dict[str, tuple[Cited[Event], ...]]
    """PLOVER type → its most confident events (at most ``limit``), oldest first."""
    quotes_by: tuple[Cited[Quote], ...]
    quotes_about: tuple[Cited[Quote], ...]
    left_out: dict[str, int]
    """Facts over the limits, by section (``roles``, ``ties``, ``events``, ``quotes_by``, ``quotes_about``)."""
    names: dict[str, tuple[str, ...]]
    """Actor id → its name and aliases, for every actor the dossier names."""


def check_relation(value: str | None, name: str = "relation") -> str | None:
    """``value`` as a declared relation name (any case); else an :class:`InputError` listing them."""
    if value is None:
        return None
    known = {r.lower(): r for r in RELATIONS}
    found = known.get(value.strip().lower())
    if found is None:
        raise InputError(f"unknown relation {value[:40]!r}; choose from {', '.join(RELATIONS)}", source=name)
    return found


def resolve_actor(store: Store, name: str) -> str:
    """The id of the actor ``name`` means: an exact actor id, else the best of :func:`find_actors`."""
    exact = store.value("SELECT actor_id FROM actors WHERE actor_id = ?", [name.strip()]) if name else None
    if exact is not None:
        return str(exact)
    found = find_actors(store, name, 1)
    if not found:
        raise NotFoundError(f"no actor matches {name!r}")
    return str(found[0]["actor_id"])


def _before(value: str | None, as_of: str | None) -> bool:
    """Whether a date is on or before ``as_of``, compared on ``as_of``'s precision (undated: kept)."""
    return as_of is None or value is None or value[: len(as_of)] <= as_of


class _Articles:
    """The cited articles, read once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, dict[str, Any]] = {}

    def load(self, doc_ids: Iterable[str]) -> None:
        wanted = sorted({d for d in doc_ids if d not in self.known})
        if wanted:
            self.known.update(facts.article_sources(self.store, wanted))

    def date(self, doc_id: str) -> str | None:
        found = self.known.get(doc_id)
        return None if found is None else found["date"]

    def cite(self, evidence: Evidence) -> Citation:
        found = self.known.get(evidence.doc_id) or {}
        url = found.get("url")
        link = url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
        return Citation(
            evidence.doc_id,
            str(found.get("title") or ""),
            found.get("date"),
            found.get("source"),
            link,
            evidence.sentence or "",
        )

    def dated(self, own: DateValue, doc_id: str) -> DateValue:
        """The fact's own date, or its article's (precision ``day``, text ``article date``)."""
        if own.value is not None:
            return own
        day = self.date(doc_id)
        return DateValue(day, "day", None, "article date") if day else own


def _roles(
    actor: Actor, articles: _Articles, as_of: str | None, limit: int
) -> tuple[tuple[Cited[Role], ...], int]:
    """Roles begun by ``as_of`` (an end after it is not yet known then), gazetteer roles first; then
    the first ``limit`` roles the text states in articles not dated after ``as_of``, and how many more."""
    articles.load(r.evidence.doc_id for r in actor.roles if r.evidence is not None)
    out: list[Cited[Role]] = []
    for role in actor.roles:
        if role.evidence is None:
            if not _before(role.start, as_of):
                continue
            ended = role.end if _before(role.end, as_of) or role.end is None else None
            out.append(Cited(replace(role, end=ended), None, DateValue(role.start)))
        elif _before(articles.date(role.evidence.doc_id), as_of):
            said = articles.dated(DateValue(None), role.evidence.doc_id)
            out.append(Cited(role, articles.cite(role.evidence), said))
    ordered = sorted(out, key=lambda c: (c.citation is not None, c.date.value or "9999"))
    stated = sum(c.citation is not None for c in ordered)
    cut = len(ordered) - stated + min(stated, limit)
    return tuple(ordered[:cut]), len(ordered) - cut


def _strength(by_doc: dict[str, float]) -> float:
    return round(1 - prod(1 - min(s, 0.999) for s in by_doc.values()), 3)


def _ties(
    store: Store, actor_id: str, wanted: tuple[str | None, int], articles: _Articles, as_of: str | None
) -> tuple[list[Tie], int]:
    """The actor's ties (the ``limit`` strongest), by relation and first date, and how many were left out."""
    relation, limit = wanted
    statements = [
        r for r in facts.relation_statements(store, actor_id) if relation is None or r.relation == relation
    ]
    articles.load(r.evidence.doc_id for r in statements)
    groups: dict[tuple[str, str, str, str], list[Cited[Relation]]] = {}
    for r in statements:
        when = articles.dated(r.date, r.evidence.doc_id)
        if r.source.actor_id == r.target.actor_id or not _before(when.value, as_of):
            continue
        key = (r.relation, r.source.actor_id, r.target.actor_id, r.polarity)
        groups.setdefault(key, []).append(Cited(r, articles.cite(r.evidence), when))
    ties = []
    for (name, _, _, polarity), cited in groups.items():
        cited.sort(
            key=lambda c: (c.date.value is None, c.date.value or "", c.citation.doc_id if c.citation else "")
        )
        by_doc: dict[str, float] = {}
        for c in cited:
            by_doc[c.fact.evidence.doc_id] = max(by_doc.get(c.fact.evidence.doc_id, 0.0), c.fact.strength)
        dated = [c.date for c in cited if c.date.value is not None]
        first = dated[0] if dated else DateValue(None)
        last = max(dated, key=lambda d: d.value or "") if dated else DateValue(None)
        head = cited[0].fact
        ties.append(
            Tie(name, head.source, head.target, polarity, first, last, count=len(cited), articles=len(by_doc),
                strength=_strength(by_doc), statements=tuple(cited[:TIE_CITATIONS]))
        )  # fmt: skip
    strongest = sorted(
        ties, key=lambda t: (-t.strength, -t.count, t.first_seen.value or "9999", t.target.name)
    )
    kept = sorted(strongest[:limit], key=_tie_order)
    return kept, len(ties) - len(kept)


def _tie_order(tie: Tie) -> tuple[Any, ...]:
    """Relations in the vocabulary's order, then ties oldest first (undated last), strongest first."""
    rank = RELATIONS.index(tie.relation) if tie.relation in RELATIONS else len(RELATIONS)
    seen = tie.first_seen.value
    return (rank, seen is None, seen or "", -tie.strength, tie.target.name, tie.source.name)


def _kind_implies(event: Event, relation: str) -> bool:
    """Whether an event of this kind (type, mode, context, CAMEO), had it happened, implies ``relation``."""
    implied = relation_for(replace(event, polarity="asserted", modality="actual"))
    return implied is not None and implied[0] == relation


def _events(
    store: Store, actor_id: str, wanted: tuple[str | None, float, int], articles: _Articles, as_of: str | None
) -> tuple[dict[str, tuple[Cited[Event], ...]], int]:
    relation, min_confidence, limit = wanted
    found = [
        e
        for e, _ in select_events(
            store, EventFilter(actor=actor_id, min_confidence=min_confidence), order=DATE_ORDER
        )
        if relation is None or _kind_implies(e, relation)
    ]
    articles.load(e.evidence.doc_id for e in found)
    by_type: dict[str, list[Cited[Event]]] = {}
    for e in found:
        when = articles.dated(e.date, e.evidence.doc_id)
        if _before(when.value, as_of):
            by_type.setdefault(e.type, []).append(Cited(e, articles.cite(e.evidence), when))
    out: dict[str, tuple[Cited[Event], ...]] = {}
    left = 0
    for type_ in sorted(
        by_type, key=lambda t: EVENT_TYPES.index(t) if t in EVENT_TYPES else len(EVENT_TYPES)
    ):
        cited = by_type[type_]
        kept = sorted(cited, key=lambda c: -float(c.fact.confidence))[:limit]
        left += len(cited) - len(kept)
        out[type_] = tuple(sorted(kept, key=lambda c: (c.date.value is None, c.date.value or "")))
    return out, left


def _quote_rows(store: Store, actor_id: str, by: bool) -> list[Quote]:
    """Quotes the actor is the speaker of (``by``), or whose sentence mentions it and another speaks."""
    if by:
        return facts.quotes(store, actor_id)
    rows = store.rows(
        f"""SELECT {QUOTES.select("q")} FROM quotes q
            WHERE q.speaker_actor_id IS DISTINCT FROM ? AND EXISTS (
                SELECT 1 FROM mentions m WHERE m.actor_id = ? AND m.doc_id = q.doc_id
                   AND m.start >= q.ev_start AND m."end" <= q.ev_end)
            ORDER BY q.doc_id, q.ev_start, q.quote_id""",
        [actor_id, actor_id],
    )
    return [QUOTES.record(r) for r in rows]


def _involving(store: Store, quotes: Sequence[Quote], others: set[str]) -> list[Quote]:
    """The quotes whose speaker is one of ``others`` or whose sentence mentions one of them."""
    if not quotes or not others:
        return []
    ids = [q.quote_id for q in quotes]
    rows = store.rows(
        """SELECT DISTINCT q.quote_id FROM quotes q JOIN mentions m
             ON m.doc_id = q.doc_id AND m.start >= q.ev_start AND m."end" <= q.ev_end
           WHERE q.quote_id IN (SELECT unnest(?)) AND m.actor_id IN (SELECT unnest(?))""",
        [ids, sorted(others)],
    )
    named = {str(r["quote_id"]) for r in rows}
    return [
        q for q in quotes if q.quote_id in named or (q.speaker is not None and q.speaker.actor_id in others)
    ]


def _quotes(
    store: Store,
    actor_id: str,
    by: bool,
    scope: tuple[set[str] | None, int],
    articles: _Articles,
    as_of: str | None,
) -> tuple[tuple[Cited[Quote], ...], int]:
    others, limit = scope
    found = _quote_rows(store, actor_id, by)
    if others is not None:
        found = _involving(store, found, others)
    articles.load(q.evidence.doc_id for q in found)
    cited = [
        Cited(q, articles.cite(q.evidence), articles.dated(DateValue(None), q.evidence.doc_id))
        for q in found
        if _before(articles.date(q.evidence.doc_id), as_of)
    ]
    kept = sorted(cited, key=lambda c: -(c.fact.speaker_confidence or 0.0))[:limit]
    ordered = sorted(kept, key=lambda c: (c.date.value is None, c.date.value or "", c.fact.evidence.start))
    return tuple(ordered), len(cited) - len(kept)


def _names(store: Store, report_ids: set[str]) -> dict[str, tuple[str, ...]]:
    rows = store.rows(
        "SELECT actor_id, name, aliases FROM actors WHERE actor_id IN (SELECT unnest(?))",
        [sorted(report_ids)],
    )
    return {str(r["actor_id"]): (str(r["name"]), *(r["aliases"] or ())) for r in rows}


def _actor_ids(
    ties: Sequence[Tie], events: Iterable[Cited[Event]], quotes: Iterable[Cited[Quote]]
) -> set[str]:
    refs = [r for t in ties for r in (t.source, t.target)]
    refs += [r for c in events for r in (c.fact.source, c.fact.target) if r is not None]
    refs += [c.fact.speaker for c in quotes if c.fact.speaker is not None]
    return {r.actor_id for r in refs}


def build_report(
    store: Store,
    actor_id: str,
    relation: str | None = None,
    as_of: str | None = None,
    *,
    limit: int = 25,
    min_confidence: float = 0.0,
) -> Report:
    """The dossier of the actor ``actor_id`` (see the module docstring for what it holds).

    ``limit`` bounds the roles the text states (the first kept), the ties (the strongest), the events
    of each type and the quotes of each side (the most confident); the report says how many more
    there are. Events below ``min_confidence``
    are left out. Raises :class:`NotFoundError` for an actor no stored article mentions and
    :class:`InputError` for an unknown relation or an impossible date.
    """
    relation, as_of = check_relation(relation), check_date(as_of, "as_of")
    if limit < 1:
        raise InputError("limit must be at least 1", source="limit")
    found = facts.mentioned_actors(store, [actor_id])
    if not found:
        raise NotFoundError(f"no actor {actor_id!r}", source="actor_id")
    actor = found[0][0]
    articles = _Articles(store)
    ties, ties_left = _ties(store, actor_id, (relation, limit), articles, as_of)
    events, events_left = _events(store, actor_id, (relation, min_confidence, limit), articles, as_of)
    others = (
        None if relation is None else {t.source.actor_id for t in ties} | {t.target.actor_id for t in ties}
    )
    if others is not None:
        others.discard(actor_id)
    quotes_by, by_left = _quotes(store, actor_id, True, (others, limit), articles, as_of)
    quotes_about, about_left = _quotes(store, actor_id, False, (others, limit), articles, as_of)
    roles, roles_left = _roles(actor, articles, as_of, limit)
    every_event = [c for cited in events.values() for c in cited]
    named = _actor_ids(ties, every_event, [*quotes_by, *quotes_about]) | {actor_id}
    return Report(
        actor,
        relation,
        as_of,
        roles,
        tuple(ties),
        events,
        quotes_by,
        quotes_about,
        {
            "roles": roles_left,
            "ties": ties_left,
            "events": events_left,
            "quotes_by": by_left,
            "quotes_about": about_left,
        },
        _names(store, named),
    )

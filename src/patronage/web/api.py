"""The routes under ``/api``: search, sentences, actor, network, events, pair, evidence and meta (JSON),
and report (a cited dossier in Markdown or HTML; its errors are JSON as every other route's).

Parameters are checked twice: their shape by FastAPI (422 with the one error shape) and their
meaning here (an impossible date, ``from`` after ``to``: :class:`~patronage.errors.InputError`, 400).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.requests import Request

from patronage.errors import InputError
from patronage.export.markup import CSP as REPORT_CSP
from patronage.export.report import FORMATS, render_report
from patronage.model.plover import MODALITIES, POLARITIES, SIGNS
from patronage.query import actor_profile
from patronage.query.events import EventFilter, events_page
from patronage.query.evidence import event_evidence, relation_evidence
from patronage.query.filters import DATE_PATTERN, check_date, check_types
from patronage.query.network import EVENT_POLARITIES, EdgeIndex, Scope, edge_index, network
from patronage.query.overview import overview
from patronage.query.pair import pair_history
from patronage.query.report import build_report, check_relation, resolve_actor
from patronage.query.search import search, search_sentences
from patronage.query.span import date_span
from patronage.web.cache import QueryCache
from patronage.web.conn import StorePool

__all__ = ["DATE_PATTERN", "build_router", "check_date", "event_bounds", "json_response", "split_types"]

_TYPE = re.compile(r"^[A-Za-z][A-Za-z0-9_\- ]{0,39}$")
MAX_LEN = 200

#: edge indexes (one per window and type filter) a server keeps
INDEXES = 2
#: the least confidence of an event drawn as a network edge unless a request asks otherwise: about one
#: event in five at 0.2 is fully right and most below 0.1 are not political events at all (blind audit)
EDGE_CONFIDENCE = 0.2

Text = Annotated[str, Query(min_length=1, max_length=MAX_LEN)]
OptDate = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN)]
OptTypes = Annotated[str | None, Query(max_length=MAX_LEN)]


def _one_of(values: tuple[str, ...]) -> str:
    """A pattern that accepts exactly one of ``values`` (a vocabulary declared in ``model``)."""
    return "^(" + "|".join(re.escape(v) for v in values) + ")$"


Sign = Annotated[str | None, Query(pattern=_one_of(SIGNS))]
Since = Annotated[str | None, Query(alias="from", max_length=10, pattern=DATE_PATTERN)]
Id = Annotated[str | None, Query(min_length=1, max_length=MAX_LEN)]


def event_bounds(
    actor: Id = None,
    other: Id = None,
    type: OptTypes = None,  # noqa: A002 -- the public parameter name
    from_: Since = None,
    to: OptDate = None,
    polarity: Annotated[str | None, Query(pattern=_one_of(POLARITIES))] = None,
    modality: Annotated[str | None, Query(pattern=_one_of(MODALITIES))] = None,
    sign: Sign = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
) -> EventFilter:
    """The events a request asks for (every route listing events takes the same parameters):
    ``other`` with ``actor`` keeps the events between the two; ``min_confidence`` those at least that sure."""
    check_date(from_, "from")
    check_date(to, "to")
    if other and not actor:
        raise InputError("other needs actor (the events between the two)", source="other")
    return EventFilter(
        actor=actor,
        other=other,
        types=check_types(split_types(type), "type"),
        start=from_,
        end=to,
        polarity=polarity,
        modality=modality,
        sign=sign,
        min_confidence=min_confidence,
    )


def json_response(content: dict[str, Any]) -> Response:
    """``content`` as a JSON response, encoded where it is made.

    Returning a dict would have FastAPI walk it with ``jsonable_encoder`` on the event loop, which
    for a large answer stalls every other request, the fast 503s of a full queue included.
    """
    body = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=str)
    return Response(body.encode("utf-8"), media_type="application/json")


def split_types(value: str | None) -> list[str]:
    """A comma-separated list of event types or relation names, each checked."""
    if not value:
        return []
    items = [item.strip() for item in value.split(",") if item.strip()]
    if len(items) > 20:
        raise InputError("at most 20 types", source="types")
    for item in items:
        if not _TYPE.match(item):
            raise InputError(f"not a type name: {item[:40]!r}", source="types")
    return items


#: answers smaller than this are sent as they are: compressing them saves less than it costs
GZIP_FROM = 8_192


async def _maybe_gzip(
    request: Request, cache: QueryCache[bytes], key: tuple[Any, ...], body: bytes
) -> Response:
    """``body`` as JSON, gzip-compressed (and the compressed form cached) when the client accepts it.

    A depth-2 network of a busy actor is about 300 KB of JSON; under 50 concurrent clients, sending it
    whole took most of the time an answer waited. Compressed once, it is about a tenth of that.
    """
    headers = {"Vary": "Accept-Encoding"}
    if len(body) < GZIP_FROM or "gzip" not in request.headers.get("accept-encoding", "").lower():
        return Response(body, media_type="application/json", headers=headers)
    zkey = (*key, "gzip")
    packed = cache.get(zkey)
    if packed is None:
        packed = await run_in_threadpool(cache.compute, zkey, lambda: gzip.compress(body, 5, mtime=0))
    return Response(packed, media_type="application/json", headers={**headers, "Content-Encoding": "gzip"})


def build_router(pool: StorePool, max_rows: int, cache: QueryCache[bytes] | None = None) -> APIRouter:
    """The API routes over one read-only store; no response holds more than ``max_rows`` rows.

    Network answers are kept in ``cache`` (keyed by every parameter), as the store cannot change,
    and so are the edge indexes of the last :data:`INDEXES` windows asked for (unless the cache is off).
    """
    router = APIRouter(prefix="/api")
    cache = cache if cache is not None else QueryCache(0)
    indexes: QueryCache[EdgeIndex] = QueryCache(INDEXES if cache.max_size else 0, lambda _: 1)

    @router.get("/meta")
    async def meta() -> Response:
        """Counts, date range and its facts per month, event types and relation names in the store.

        Read once and kept (the store cannot change while it is served): every page load asks.
        """

        def make() -> bytes:
            with pool.cursor() as store:
                body = {"ok": True, "max_rows": max_rows, **overview(store), "time": date_span(store)}
            return bytes(json_response(body).body)

        body = cache.get(("meta",))
        if body is None:
            body = await run_in_threadpool(cache.compute, ("meta",), make)
        return Response(body, media_type="application/json")

    @router.get("/search")
    def search_route(q: Text, limit: Annotated[int, Query(ge=1)] = 10) -> Response:
        """Actors by name, alias or id substring, and sentences containing ``q``."""
        with pool.cursor() as store:
            found = search(store, q, min(limit, max_rows), min(20, max_rows))
        return json_response({"ok": True, "q": q, **found})

    @router.get("/sentences")
    def sentences_route(
        q: Text,
        limit: Annotated[int, Query(ge=1)] = 10,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    ) -> Response:
        """A page of the sentences holding ``q`` from a word's start, newest first, each with its
        article and events: the search's full results."""
        if limit > max_rows:
            raise InputError(f"limit must be at most {max_rows}", source="limit")
        if not q.strip():
            raise InputError("give some text to search for (it is empty)", source="q")
        with pool.cursor() as store:
            hits = search_sentences(store, q, limit + 1, offset)
        more = len(hits) > limit
        return json_response(
            {
                "ok": True,
                "q": q,
                "limit": limit,
                "offset": offset,
                "next_offset": offset + limit if more else None,
                "sentences": [asdict(hit) for hit in hits[:limit]],
            }
        )

    @router.get("/actor/{actor_id:path}")
    def actor_route(
        actor_id: Annotated[str, Path(min_length=1, max_length=MAX_LEN)], as_of: OptDate = None
    ) -> Response:
        """An actor's profile: roles, relations, events and quotes, as of a date."""
        check_date(as_of, "as_of")
        with pool.cursor() as store:
            profile = actor_profile(store, actor_id, as_of, limit=max_rows)
        return json_response({"ok": True, **profile})

    @router.get("/network")
    async def network_route(
        request: Request,
        actor: Text,
        as_of: OptDate = None,
        since: Annotated[str | None, Query(alias="from", max_length=10, pattern=DATE_PATTERN)] = None,
        depth: Annotated[int, Query(ge=1, le=3)] = 1,
        types: OptTypes = None,
        sign: Sign = None,
        min_support: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = EDGE_CONFIDENCE,
        polarity: Annotated[str | None, Query(pattern=_one_of(EVENT_POLARITIES))] = None,
        modality: Annotated[str | None, Query(pattern=_one_of(MODALITIES))] = None,
    ) -> Response:
        """The actor's ego network, ``depth`` hops out, as of a date (and from a date: a window).

        Event edges come from asserted events unless ``polarity`` asks for negated ones or ``any``,
        and from events of every modality unless ``modality`` names one.

        ``min_support`` keeps the edges stated or implied in at least that many articles;
        event edges count only events of at least ``min_confidence`` (:data:`EDGE_CONFIDENCE`
        unless given: the explorer shows the likelier events, the export keeps them all).

        Asynchronous so that an answer in the cache is sent without a worker thread; a miss runs
        the query in one (and concurrent misses of the same query share it).
        """
        check_date(as_of, "as_of")
        check_date(since, "from")
        type_list = check_types(split_types(types), "types", relations=True)
        scope: Scope = (polarity or "asserted", modality)
        key = (
            "network",
            scope,
            actor,
            as_of,
            since,
            depth,
            tuple(type_list),
            sign,
            min_support,
            min_confidence,
            max_rows,
        )

        def make() -> bytes:
            with pool.cursor() as store:
                types_key = tuple(t.lower() for t in type_list)
                window_key = ("index", as_of, since, types_key, min_confidence, scope)
                index = indexes.compute(
                    window_key, lambda: edge_index(store, (as_of, since), type_list, min_confidence, scope)
                )
                graph = network(
                    store,
                    actor,
                    as_of=as_of,
                    depth=depth,
                    types=type_list,
                    sign=sign,
                    max_nodes=max_rows,
                    max_edges=max_rows,
                    since=since,
                    index=index,
                    min_support=min_support,
                    min_confidence=min_confidence,
                    scope=scope,
                )
            return bytes(json_response({"ok": True, **graph}).body)

        body = cache.get(key)
        if body is None:
            body = await run_in_threadpool(cache.compute, key, make)
        return await _maybe_gzip(request, cache, key, body)

    @router.get("/events")
    def events_route(
        bounds: Annotated[EventFilter, Depends(event_bounds)],
        limit: Annotated[int, Query(ge=1)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Response:
        """Events, oldest first, a page at a time."""
        if limit > max_rows:
            raise InputError(f"limit must be at most {max_rows}", source="limit")
        with pool.cursor() as store:
            page = events_page(store, bounds, limit=limit, offset=offset)
        return json_response({"ok": True, **page})

    @router.get("/pair")
    def pair_route(
        a: Text,
        b: Text,
        from_: Annotated[str | None, Query(alias="from", max_length=10, pattern=DATE_PATTERN)] = None,
        to: OptDate = None,
    ) -> Response:
        """Every event, relation statement and quote between actors ``a`` and ``b``, in date order."""
        check_date(from_, "from")
        check_date(to, "to")
        with pool.cursor() as store:
            found = pair_history(store, a, b, start=from_, end=to, limit=max_rows)
        return json_response({"ok": True, **found})

    @router.get("/evidence/{evidence_id:path}")
    def evidence_route(evidence_id: Annotated[str, Path(min_length=1, max_length=MAX_LEN)]) -> Response:
        """An event's (or relation statement's) sentence, article and highlight spans."""
        with pool.cursor() as store:
            if evidence_id.startswith("rel-"):
                found = relation_evidence(store, evidence_id)
            else:
                found = event_evidence(store, evidence_id)
        return json_response({"ok": True, **found})

    @router.get("/report")
    def report_route(
        actor: Text,
        relation: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
        as_of: OptDate = None,
        format: Annotated[str, Query(pattern=_one_of(FORMATS))] = "md",  # noqa: A002 -- the public name
    ) -> Response:
        """A cited dossier on ``actor`` (an actor id, or a name resolved as the CLI resolves it), in
        Markdown or as a self-contained HTML page whose own policy lets it load nothing."""
        check_date(as_of, "as_of")
        wanted = check_relation(relation)
        with pool.cursor() as store:
            found = build_report(store, resolve_actor(store, actor), wanted, as_of, limit=max_rows)
        text = render_report(found, format)
        if format == "html":
            return Response(
                text, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": REPORT_CSP}
            )
        return Response(text, media_type="text/markdown; charset=utf-8")

    return router

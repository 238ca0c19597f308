"""An actor's ego network as of a date: nodes and aggregated, evidence-linked edges.

Edges come from two tables: relation statements (``harbours``, ``supports``, ``personal_tie`` …, signed by
their polarity) and events between two actors (signed by PLOVER type: cooperation is positive,
conflict negative). Events count when asserted unless a request asks for negated ones (or both) and for one
modality; an edge keeps events of one polarity and modality together, so a view can draw "no meeting took
place" apart from a meeting, and a reported visit apart from a visit. The walk goes ``depth`` hops from the actor, strongest ties first, and stops adding
nodes at ``max_nodes``; the edges returned are all edges among the nodes kept.

The walk runs over an :class:`EdgeIndex`: every edge of one window (dates, types), ranked, read with one
query. A server keeps the index of a window it is asked for often (the store is read-only while served),
so a walk costs no query; dates and evidence are then read only for the edges returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from patronage.errors import InputError, NotFoundError
from patronage.model.records import DESCRIBED
from patronage.query.filters import REL_ID_SQL, check_window, date_clause, sign_sql
from patronage.store import Store

__all__ = ["ASSERTED", "EVENT_POLARITIES", "EdgeIndex", "Scope", "edge_index", "network"]

#: at most this many evidence ids are listed on one edge (its weight still counts them all)
EDGE_EVIDENCE = 50

Window = tuple[str | None, str | None]
#: which events make edges: asserted ones (the default), negated ones, or any
EVENT_POLARITIES = ("asserted", "negated", "any")
#: (kind, source, target, relation or type, sign, polarity, modality, count, support: distinct articles);
#: a relation statement's polarity is "asserted" and its modality "actual"
Edge = tuple[str, str, str, str, str, str, str, int, int]
#: which events count: (polarity, one of :data:`EVENT_POLARITIES`; modality, or None for any)
Scope = tuple[str, str | None]
ASSERTED: Scope = ("asserted", None)


def _scope_sql(scope: Scope) -> tuple[str, list[Any]]:
    """The WHERE fragment (and its parameters) keeping the events of ``scope``."""
    polarity, modality = scope
    if polarity not in EVENT_POLARITIES:
        raise InputError(f"polarity must be one of {', '.join(EVENT_POLARITIES)}", source="polarity")
    parts, params = ["TRUE"], []
    if polarity != "any":
        parts.append("polarity = ?")
        params.append(polarity)
    if modality:
        parts.append("coalesce(modality, 'actual') = ?")
        params.append(modality)
    return " AND ".join(parts), params


def _edge_sql(
    window: Window,
    types: list[str],
    pair_filter: str,
    details: bool,
    min_confidence: float = 0.0,
    scope: Scope = ASSERTED,
) -> tuple[str, list[Any]]:
    """Aggregated edges of both kinds, strongest first; ``pair_filter`` restricts the two ends.

    Event edges count only events of ``scope`` and of at least ``min_confidence``; relation
    statements are left out when ``scope`` asks for negated events or for a modality other than actual.

    Without ``details`` a row is an :data:`Edge`; with them it adds the first and last dates, up to
    :data:`EDGE_EVIDENCE` evidence ids and the two names. Returns the SQL and the parameters that come
    before ``pair_filter``'s own in each half (the caller adds those).
    """
    as_of, since = window
    sign_expr, sign_params = sign_sql()
    scope_sql, scope_params = _scope_sql(scope)
    relations_sql = "TRUE" if scope[0] != "negated" and scope[1] in (None, "actual") else "FALSE"
    date_sql, date_params = date_clause("date", as_of=as_of, start=since)
    type_sql = "(len(?::VARCHAR[]) = 0 OR lower({col}) IN (SELECT lower(unnest(?::VARCHAR[]))))"
    extra = (
        ", min(date), max(date), list({id} ORDER BY date NULLS LAST, doc_id, ev_start, {id})[1:"
        f"{EDGE_EVIDENCE}], any_value(source_name), any_value(target_name)"
        if details
        else ""
    )
    sql = f"""
        SELECT 'relation' AS kind, source_actor_id AS src, target_actor_id AS tgt, relation AS rel,
               coalesce(polarity, 'neutral') AS pol, 'asserted' AS evpol, 'actual' AS evmod, count(*) AS n,
               count(DISTINCT doc_id) AS support{extra.format(id=REL_ID_SQL)}
        FROM relations
        WHERE {relations_sql} AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
          AND source_actor_id <> target_actor_id AND {date_sql} AND {type_sql.format(col="relation")} AND {pair_filter}
        GROUP BY ALL
        UNION ALL
        SELECT 'event', source_actor_id, target_actor_id, type, {sign_expr}, polarity,
               coalesce(modality, 'actual'), count(*), count(DISTINCT doc_id){extra.format(id="event_id")}
        FROM events
        WHERE {scope_sql} AND coalesce(confidence, 0) >= {float(min_confidence)!r}
          AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
          AND source_actor_id <> target_actor_id
          AND NOT starts_with(source_actor_id, '{DESCRIBED}') AND NOT starts_with(target_actor_id, '{DESCRIBED}')
          AND {date_sql} AND {type_sql.format(col="type")} AND {pair_filter}
        GROUP BY ALL
        ORDER BY 8 DESC, 2, 3, 4, 1, 6, 7"""
    return sql, [date_params, [types, types], sign_params, scope_params]


def _query(
    store: Store,
    window: Window,
    types: list[str],
    pair_filter: str,
    pair_params: list[Any],
    details: bool,
    min_confidence: float = 0.0,
    scope: Scope = ASSERTED,
) -> list[tuple[Any, ...]]:
    sql, (date_params, type_params, sign_params, scope_params) = _edge_sql(
        window, types, pair_filter, details, min_confidence, scope
    )
    half = [*date_params, *type_params, *pair_params]
    return store.query(sql, [*half, *sign_params, *scope_params, *half])


@dataclass(frozen=True)
class EdgeIndex:
    """Every edge of one window and type filter, strongest first, and the edges touching each actor."""

    edges: list[Edge]
    touching: dict[str, list[int]]
    """actor id -> positions in ``edges``, ascending (so strongest first)."""

    def around(self, actors: list[str]) -> list[Edge]:
        """The edges touching any of ``actors``, strongest first."""
        found = sorted({i for actor in actors for i in self.touching.get(actor, ())})
        return [self.edges[i] for i in found]


def edge_index(
    store: Store,
    window: Window = (None, None),
    types: list[str] | None = None,
    min_confidence: float = 0.0,
    scope: Scope = ASSERTED,
) -> EdgeIndex:
    """The :class:`EdgeIndex` of facts dated within ``window`` (as of, from) and of ``types`` (all when
    empty); event edges count only events of ``scope`` and of at least ``min_confidence``."""
    rows = _query(store, window, list(types or []), "TRUE", [], False, min_confidence, scope)
    edges: list[Edge] = [
        (str(k), str(s), str(t), str(r), str(p), str(ep), str(em), int(n), int(d))
        for k, s, t, r, p, ep, em, n, d in rows
    ]
    touching: dict[str, list[int]] = {}
    for i, edge in enumerate(edges):
        touching.setdefault(edge[1], []).append(i)
        touching.setdefault(edge[2], []).append(i)
    return EdgeIndex(edges, touching)


def _node_rows(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = store.query(
        "SELECT actor_id, name, kind, country FROM actors WHERE actor_id IN (SELECT unnest(?))", [ids]
    )
    return {r[0]: {"id": r[0], "name": r[1], "kind": r[2], "country": r[3]} for r in rows}


def _details(
    store: Store, window: Window, types: list[str], edges: list[Edge], min_confidence: float, scope: Scope
) -> dict[tuple[str, ...], tuple[Any, ...]]:
    """Dates, evidence ids and names of ``edges``, read for their pairs of actors only."""
    if not edges:
        return {}
    pairs = sorted({f"{e[1]}\x1f{e[2]}" for e in edges})
    sources = sorted({e[1] for e in edges})
    pair_filter = "(source_actor_id IN (SELECT unnest(?)) AND concat_ws(chr(31), source_actor_id, target_actor_id) IN (SELECT unnest(?)))"
    rows = _query(store, window, types, pair_filter, [sources, pairs], True, min_confidence, scope)
    return {tuple(str(v) for v in r[:7]): r[9:] for r in rows}


def network(
    store: Store,
    actor_id: str,
    *,
    as_of: str | None,
    depth: int,
    types: list[str],
    sign: str | None,
    max_nodes: int,
    max_edges: int,
    since: str | None = None,
    index: EdgeIndex | None = None,
    min_support: int = 1,
    min_confidence: float = 0.0,
    scope: Scope = ASSERTED,
) -> dict[str, Any]:
    """The ego network of ``actor_id`` (see the module docstring).

    ``as_of`` keeps facts dated on or before it (undated ones too); with ``since`` as
    well, only facts dated within ``[since, as_of]`` count: the network over a window.
    ``index``, when given, must be :func:`edge_index` of the same window, types and ``min_confidence``
    (event edges count only events of at least that confidence), and of the same ``scope`` (which
    events count: asserted ones unless asked otherwise).
    ``min_support`` keeps edges stated or implied in at least that many articles.
    """
    check_window(since, as_of, ("from", "as_of"))
    known = _node_rows(store, [actor_id])
    if actor_id not in known:
        raise NotFoundError(f"no actor {actor_id!r}", source="actor")
    window = (as_of, since)
    if index is None:
        index = edge_index(store, window, types, min_confidence, scope)
    order = [actor_id]
    kept = {actor_id}
    frontier = [actor_id]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        found: list[str] = []
        for edge in index.around(frontier):
            if (sign and edge[4] != sign) or edge[8] < min_support:
                continue
            for end in (edge[1], edge[2]):
                if end in kept:
                    continue
                if len(kept) >= max_nodes:
                    truncated = True
                    continue
                kept.add(end)
                order.append(end)
                found.append(end)
        frontier = found
    selected: list[Edge] = []
    for edge in index.around(order):
        if edge[1] not in kept or edge[2] not in kept or (sign and edge[4] != sign) or edge[8] < min_support:
            continue
        if len(selected) >= max_edges:
            truncated = True
            break
        selected.append(edge)
    details = _details(store, window, types, selected, min_confidence, scope)
    edges: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for kind, src, tgt, rel, pol, evpol, evmod, n, support in selected:
        key = (kind, src, tgt, rel, pol, evpol, evmod)
        first, last, ids, sname, tname = details.get(key, (None, None, [], src, tgt))
        # ids of the default (asserted, actual) edges are as they always were
        suffix = "".join(f":{v}" for v in (evpol, evmod) if v not in ("asserted", "actual"))
        names.setdefault(src, sname)
        names.setdefault(tgt, tname)
        edges.append(
            {
                "id": f"{kind}:{src}>{tgt}:{rel}:{pol}{suffix}",
                "kind": kind,
                "source": src,
                "target": tgt,
                "relation": rel,
                "polarity": pol,
                "event_polarity": evpol,
                "modality": evmod,
                "weight": int(n),
                "support": int(support),
                "first_seen": first,
                "last_seen": last,
                "event_ids": list(ids) if kind == "event" else [],
                "evidence_ids": list(ids),
            }
        )
    rows = _node_rows(store, order)
    nodes = []
    for node_id in order:
        info = rows.get(node_id) or {
            "id": node_id,
            "name": names.get(node_id, node_id),
            "kind": None,
            "country": None,
        }
        nodes.append({**info, "center": node_id == actor_id})
    return {
        "actor": actor_id,
        "as_of": as_of,
        "since": since,
        "min_support": min_support,
        "min_confidence": min_confidence,
        "depth": depth,
        "nodes": nodes,
        "edges": edges,
        "truncated": truncated,
    }

"""An actor's ego network as of a date: nodes and aggregated, evidence-linked edges.

Edges come from two tables: relation statements (``harbours``, ``supports``, ``personal_tie`` …, signed by
their polarity) and asserted events between two actors (signed by PLOVER type: cooperation is positive,
conflict negative). The walk goes ``depth`` hops from the actor, strongest ties first, and stops adding
nodes at ``max_nodes``; the edges returned are all edges among the nodes kept.
"""

from __future__ import annotations

from typing import Any

from patronage.errors import NotFoundError
from patronage.model.records import DESCRIBED
from patronage.query.filters import REL_ID_SQL, date_clause, sign_sql
from patronage.store import Store

__all__ = ["network"]

#: at most this many evidence ids are listed on one edge (its weight still counts them all)
EDGE_EVIDENCE = 50


def _edge_sql(
    as_of: str | None, since: str | None, types: list[str], pair_filter: str
) -> tuple[str, list[Any]]:
    """Aggregated edges of both kinds; ``pair_filter`` restricts the two ends (it takes 2 list params).

    Each kind ends with ``HAVING`` on its support (independent articles), which takes 1 param.
    """
    sign_expr, sign_params = sign_sql()
    date_sql, date_params = date_clause("date", as_of=as_of, start=since)
    type_sql = "(len(?::VARCHAR[]) = 0 OR lower({col}) IN (SELECT lower(unnest(?::VARCHAR[]))))"
    sql = f"""
        SELECT 'relation' AS kind, source_actor_id AS source, target_actor_id AS target, relation,
               coalesce(polarity, 'neutral') AS polarity, count(*) AS weight, min(date) AS first_seen,
               max(date) AS last_seen,
               list({REL_ID_SQL} ORDER BY date NULLS LAST, doc_id, ev_start)[1:{EDGE_EVIDENCE}] AS ids,
               any_value(source_name) AS source_name, any_value(target_name) AS target_name,
               count(DISTINCT doc_id) AS support
        FROM relations
        WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL AND source_actor_id <> target_actor_id
          AND {date_sql} AND {type_sql.format(col="relation")} AND {pair_filter}
        GROUP BY ALL HAVING count(DISTINCT doc_id) >= ?
        UNION ALL
        SELECT 'event', source_actor_id, target_actor_id, type, {sign_expr},
               count(*), min(date), max(date),
               list(event_id ORDER BY date NULLS LAST, doc_id, ev_start)[1:{EDGE_EVIDENCE}],
               any_value(source_name), any_value(target_name), count(DISTINCT doc_id)
        FROM events
        WHERE polarity = 'asserted' AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
          AND source_actor_id <> target_actor_id
          AND NOT starts_with(source_actor_id, '{DESCRIBED}') AND NOT starts_with(target_actor_id, '{DESCRIBED}')
          AND {date_sql} AND {type_sql.format(col="type")} AND {pair_filter}
        GROUP BY ALL HAVING count(DISTINCT doc_id) >= ?"""
    return sql, [date_params, [types, types]]


def _run(
    store: Store,
    window: tuple[str | None, str | None],
    types: list[str],
    pair_filter: str,
    pair_params: list[Any],
    min_support: int = 1,
) -> list[dict[str, Any]]:
    sql, (date_params, type_params) = _edge_sql(window[0], window[1], types, pair_filter)
    sign_params = sign_sql()[1]
    params = [
        *date_params,
        *type_params,
        *pair_params,
        min_support,
        *sign_params,
        *date_params,
        *type_params,
        *pair_params,
        min_support,
    ]
    return store.rows(sql + " ORDER BY weight DESC, source, target, relation", params)


def _node_rows(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = store.rows(
        "SELECT actor_id AS id, name, kind, country FROM actors WHERE actor_id IN (SELECT unnest(?))", [ids]
    )
    return {r["id"]: r for r in rows}


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
    min_support: int = 1,
) -> dict[str, Any]:
    """The ego network of ``actor_id`` (see the module docstring).

    ``as_of`` keeps facts dated on or before it (undated ones too); with ``since`` as
    well, only facts dated within ``[since, as_of]`` count: the network over a window.
    ``min_support`` keeps edges stated or implied in at least that many articles.
    """
    known = _node_rows(store, [actor_id])
    if actor_id not in known:
        raise NotFoundError(f"no actor {actor_id!r}", source="actor")
    order = [actor_id]
    kept = {actor_id}
    frontier = [actor_id]
    truncated = False
    touching = "(source_actor_id IN (SELECT unnest(?)) OR target_actor_id IN (SELECT unnest(?)))"
    for _ in range(depth):
        if not frontier:
            break
        found: list[str] = []
        for row in _run(store, (as_of, since), types, touching, [frontier, frontier], min_support):
            if sign and row["polarity"] != sign:
                continue
            for end in (row["source"], row["target"]):
                if end in kept:
                    continue
                if len(kept) >= max_nodes:
                    truncated = True
                    continue
                kept.add(end)
                order.append(end)
                found.append(end)
        frontier = found
    both = "(source_actor_id IN (SELECT unnest(?)) AND target_actor_id IN (SELECT unnest(?)))"
    edges: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for row in _run(store, (as_of, since), types, both, [order, order], min_support):
        if sign and row["polarity"] != sign:
            continue
        if len(edges) >= max_edges:
            truncated = True
            break
        kind, src, tgt = row["kind"], row["source"], row["target"]
        names.setdefault(src, row["source_name"])
        names.setdefault(tgt, row["target_name"])
        edges.append(
            {
                "id": f"{kind}:{src}>{tgt}:{row['relation']}:{row['polarity']}",
                "kind": kind,
                "source": src,
                "target": tgt,
                "relation": row["relation"],
                "polarity": row["polarity"],
                "weight": int(row["weight"]),
                "support": int(row["support"]),
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
                "event_ids": list(row["ids"]) if kind == "event" else [],
                "evidence_ids": list(row["ids"]),
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
        "depth": depth,
        "nodes": nodes,
        "edges": edges,
        "truncated": truncated,
    }

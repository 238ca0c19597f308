"""Shortest evidence paths between two actors over the relation and event network."""

from __future__ import annotations

from collections import deque
from typing import Any

from patronage.store import Store

__all__ = ["shortest_path"]

_EDGE = ("source", "target", "source_id", "target_id", "relation", "count", "sentence")


def shortest_path(store: Store, a: str, b: str, max_depth: int = 6) -> list[dict[str, Any]] | None:
    """Edges of a shortest undirected path from actor ``a`` to actor ``b``, each with one evidence sentence.

    None when no path of at most ``max_depth`` edges exists.
    """
    rows = store.rows(
        """SELECT source_actor_id AS source_id, target_actor_id AS target_id, relation,
                  any_value(source_name) AS source, any_value(target_name) AS target, count(*) AS count,
                  arg_max(sentence, strength) AS sentence
           FROM relations WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
           GROUP BY source_actor_id, target_actor_id, relation
           UNION ALL
           SELECT source_actor_id, target_actor_id, lower(type), any_value(source_name), any_value(target_name),
                  count(*), arg_max(sentence, confidence)
           FROM events WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL AND polarity = 'asserted'
           GROUP BY source_actor_id, target_actor_id, type"""
    )
    graph: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        edge = {key: row[key] for key in _EDGE}
        graph.setdefault(row["source_id"], []).append(edge)
        graph.setdefault(row["target_id"], []).append(edge)
    if a not in graph or b not in graph:
        return None
    previous: dict[str, tuple[str, dict[str, Any]] | None] = {a: None}
    queue: deque[tuple[str, int]] = deque([(a, 0)])
    while queue:
        node, depth = queue.popleft()
        if node == b:
            break
        if depth >= max_depth:
            continue
        for edge in sorted(graph[node], key=lambda e: -int(e["count"])):
            other = edge["target_id"] if edge["source_id"] == node else edge["source_id"]
            if other not in previous:
                previous[other] = (node, edge)
                queue.append((other, depth + 1))
    if b not in previous:
        return None
    path: list[dict[str, Any]] = []
    node = b
    while (step := previous[node]) is not None:
        node, edge = step
        path.append(edge)
    return list(reversed(path))

"""Relations aggregated over the statements and events that support them, with their support.

``support`` is the number of independent articles that state or imply a relation; ``count``
every supporting statement or event; ``strength`` combines the articles, each article once
with its strongest statement or event, independent articles adding up (1 - the product of
their doubts). Corroboration is counted three ways: ``n_articles`` (the articles, as
``support``), ``n_sources`` (the distinct outlets they come from; an article without a source
counts as its own) and ``n_events`` (the distinct real-world events behind the event-implied
evidence: twelve articles about one summit are one event, see :mod:`patronage.store.linking`).
"""

from __future__ import annotations

from typing import Any

from patronage.model.fields import from_flat
from patronage.model.records import ActorRef
from patronage.store import Store

__all__ = ["aggregated_relations"]

_STRENGTH = "round(1 - exp(sum(ln(1 - least(doc_strength, 0.999)))), 3)"
_REF = ("actor_id", "name", "kind", "country", "sector", "text")


def _ref(row: dict[str, Any], side: str) -> ActorRef | None:
    if row[f"{side}_actor_id"] is None:
        return None
    return from_flat(ActorRef, {c: row[f"{side}_{c}"] for c in _REF})


def aggregated_relations(store: Store, min_support: int = 1) -> list[dict[str, Any]]:
    """Relations best supported first; those with less than ``min_support`` articles left out.

    Each is ``source``/``target`` (:class:`ActorRef`), ``relation``, ``polarity``,
    ``first_seen``, ``last_seen``, ``count``, ``strength``, ``support``, ``n_articles``,
    ``n_sources``, ``n_events`` and ``evidence`` (a
    list of ``doc_id``, ``start``, ``end``, ``sentence``, ``date``, ``origin``).
    """
    pick = ", ".join(
        f"any_value({side}_{c}) AS {side}_{c}" for side in ("source", "target") for c in _REF[1:]
    )
    rows = store.rows(
        f"""WITH per_doc AS (
               SELECT source_actor_id, target_actor_id, relation, polarity, doc_id,
                      max(coalesce(strength, 0.5)) AS doc_strength
               FROM relations GROUP BY ALL),
           support AS (
               SELECT source_actor_id, target_actor_id, relation, polarity,
                      count(*) AS n_docs, {_STRENGTH} AS strength
               FROM per_doc GROUP BY ALL)
           SELECT r.source_actor_id, r.target_actor_id, {pick}, r.relation, r.polarity,
                  min(r.date) FILTER (WHERE r.date IS NOT NULL) AS first_seen,
                  max(r.date) FILTER (WHERE r.date IS NOT NULL) AS last_seen, count(*) AS count,
                  any_value(s.strength) AS strength, any_value(s.n_docs) AS support,
                  count(DISTINCT r.doc_id) AS n_articles,
                  count(DISTINCT coalesce(a.source, 'doc:' || r.doc_id)) AS n_sources,
                  count(DISTINCT l.linked_event_id) AS n_events,
                  list({{'doc_id': r.doc_id, 'start': r.ev_start, 'end': r.ev_end, 'sentence': r.sentence,
                        'date': r.date, 'origin': r.origin}} ORDER BY r.date NULLS LAST, r.doc_id, r.ev_start)
                      AS evidence
           FROM relations r JOIN support s
             ON s.source_actor_id IS NOT DISTINCT FROM r.source_actor_id
            AND s.target_actor_id IS NOT DISTINCT FROM r.target_actor_id
            AND s.relation IS NOT DISTINCT FROM r.relation AND s.polarity IS NOT DISTINCT FROM r.polarity
           LEFT JOIN articles a ON a.doc_id = r.doc_id
           LEFT JOIN event_links l ON r.origin = 'event:' || l.event_id
           WHERE s.n_docs >= ?
           GROUP BY r.source_actor_id, r.target_actor_id, r.relation, r.polarity
           ORDER BY any_value(s.n_docs) DESC, count(*) DESC, r.source_actor_id, r.target_actor_id, r.relation""",
        [min_support],
    )
    return [
        {
            "source": _ref(r, "source"),
            "target": _ref(r, "target"),
            "relation": r["relation"],
            "polarity": r["polarity"],
            "first_seen": r["first_seen"],
            "last_seen": r["last_seen"],
            "count": int(r["count"]),
            "strength": r["strength"],
            "support": int(r["support"]),
            "evidence": [dict(e) for e in r["evidence"]],
            # added after the fields first published, so CSV columns keep their places
            "n_articles": int(r["n_articles"]),
            "n_sources": int(r["n_sources"]),
            "n_events": int(r["n_events"]),
        }
        for r in rows
    ]

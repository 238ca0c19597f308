"""Stored records read back whole: quotes, relation statements, actors, articles, failures.

Each is read by column name through its table's row mapping (:mod:`patronage.store.tables`),
so the export, the API and :class:`~patronage.query.reader.Reader` see the records the
analysis wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from patronage.model.records import Actor, CleanArticle, Failure, Quote, Relation, Role
from patronage.store import Store
from patronage.store.tables import ACTORS, ARTICLES, FAILURES, QUOTES, RELATIONS, ROLES

__all__ = [
    "actor_roles",
    "article_sources",
    "articles",
    "failures",
    "mentioned_actors",
    "quotes",
    "relation_statements",
    "removed_lines",
]


def quotes(store: Store, speaker: str | None = None) -> list[Quote]:
    """Quotes in document order (of one speaker's actor id when given)."""
    where, params = ("speaker_actor_id = ?", [speaker]) if speaker else ("TRUE", [])
    rows = store.rows(
        f"SELECT {QUOTES.select()} FROM quotes WHERE {where} ORDER BY doc_id, ev_start, quote_id", params
    )
    return [QUOTES.record(r) for r in rows]


def relation_statements(store: Store, actor: str | None = None) -> list[Relation]:
    """Every stored statement or event that supports a relation, in document order."""
    where, params = (
        ("(source_actor_id = ? OR target_actor_id = ?)", [actor, actor]) if actor else ("TRUE", [])
    )
    rows = store.rows(
        f"SELECT {RELATIONS.select()} FROM relations WHERE {where} ORDER BY doc_id, ev_start, relation",
        params,
    )
    return [RELATIONS.record(r) for r in rows]


def actor_roles(store: Store, actor_ids: Sequence[str] | None = None) -> dict[str, list[Role]]:
    """Roles by actor id, each role stated once (its first evidence), gazetteer roles first."""
    where, params = (
        ("actor_id IN (SELECT unnest(?))", [list(actor_ids)]) if actor_ids is not None else ("TRUE", [])
    )
    out: dict[str, list[Role]] = {}
    seen: set[tuple[Any, ...]] = set()
    for row in store.rows(
        f"""SELECT {ROLES.select()} FROM roles WHERE {where}
            ORDER BY actor_id, origin, start NULLS LAST, doc_id, ev_start, title, "of", "end" NULLS LAST""",
        params,
    ):
        role = ROLES.record(row)
        key = (row["actor_id"], role.title, role.of, role.start, role.end, role.origin)
        if key in seen:
            continue  # the same role stated again (another sentence or article): listed once
        seen.add(key)
        out.setdefault(str(row["actor_id"]), []).append(role)
    return out


def mentioned_actors(store: Store, actor_ids: Sequence[str] | None = None) -> list[tuple[Actor, int]]:
    """Actors mentioned in at least one stored article, with their roles and mention counts.

    Most mentioned first; ``actor_ids`` keeps only those.
    """
    where, params = (
        ("a.actor_id IN (SELECT unnest(?))", [list(actor_ids)]) if actor_ids is not None else ("TRUE", [])
    )
    rows = store.rows(
        f"""SELECT {ACTORS.select("a")}, count(m.actor_id) AS mentions
            FROM actors a JOIN mentions m ON m.actor_id = a.actor_id WHERE {where}
            GROUP BY ALL ORDER BY count(m.actor_id) DESC, a.name""",
        params,
    )
    roles = actor_roles(store, None if actor_ids is None else [str(r["actor_id"]) for r in rows])
    return [
        (replace(ACTORS.record(r), roles=tuple(roles.get(str(r["actor_id"]), ()))), int(r["mentions"]))
        for r in rows
    ]


def articles(store: Store, doc_ids: Sequence[str] | None = None) -> dict[str, CleanArticle]:
    """Stored articles by id (all of them, or those of ``doc_ids``), with their text."""
    where, params = ("doc_id IN (SELECT unnest(?))", [list(doc_ids)]) if doc_ids is not None else ("TRUE", [])
    rows = store.rows(f"SELECT {ARTICLES.select()} FROM articles WHERE {where} ORDER BY doc_id", params)
    return {str(r["doc_id"]): ARTICLES.record(r) for r in rows}


def article_sources(store: Store, doc_ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    """Where stored articles come from, by id: ``doc_id``, ``title``, ``date``, ``url``, ``source`` (no text)."""
    where, params = ("doc_id IN (SELECT unnest(?))", [list(doc_ids)]) if doc_ids is not None else ("TRUE", [])
    rows = store.rows(
        f"SELECT doc_id, title, date, url, source FROM articles WHERE {where} ORDER BY doc_id", params
    )
    return {str(r["doc_id"]): r for r in rows}


def failures(store: Store) -> list[tuple[Failure, dict[str, Any]]]:
    """Recorded failures and warnings, newest run last, each with its ``run_id`` and ``failed_at``."""
    rows = store.rows(f"SELECT {FAILURES.select()} FROM failures ORDER BY failed_at, doc")
    return [(FAILURES.record(r), {"run_id": r["run_id"], "failed_at": r["failed_at"]}) for r in rows]


def removed_lines(store: Store) -> list[dict[str, Any]]:
    """The lines cleaning removed from each article (page furniture), in article order."""
    return store.rows("SELECT doc_id, idx, text FROM removed_lines ORDER BY doc_id, idx")

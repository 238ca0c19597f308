"""Sentence search: sentences containing a query from the start of a word, newest article first.

A query matches a sentence that contains it, case-insensitively, beginning where a word begins, so
``"prisoner exch"`` finds "a prisoner exchange", ``"Assad"`` does not find "ambassador", and
punctuation in the query is matched as typed. Actors match the same way on their names and aliases
(and on the start of their ids).
The store keeps every sentence lowercased in ``sentence_search`` (written with the article, see
:mod:`patronage.store.rows`), because lowering 400,000 sentences at query time cost more than the
match. The scan yields the (``doc_id``, ``idx``) of the first ``limit`` hits; only those are read
back from ``sentences`` with their article.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from patronage.errors import InputError
from patronage.store import Store

__all__ = ["SentenceHit", "search", "search_sentences"]

#: the order of results: newest article first, undated ones last, then by article and position
_ORDER = "a.date DESC NULLS LAST, s.doc_id"
#: substring hits read per hit asked for, among which the hits at a word's start are kept (a query
#: whose substring mostly falls inside words may find fewer than asked)
_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class SentenceHit:
    """A sentence containing the query, with the article it comes from."""

    doc_id: str
    start: int
    end: int
    sentence: str
    title: str | None
    date: str | None
    url: str | None
    event_ids: tuple[str, ...] = ()
    """The events read from this sentence."""


def _read(store: Store, keys: list[tuple[str, int]]) -> list[SentenceHit]:
    """The hits named by (``doc_id``, ``idx``), in the order given, with their articles."""
    docs = sorted({d for d, _ in keys})
    # a constant IN list filters on doc_id before any text is read; a join would read it all
    rows = store.rows(
        """SELECT s.doc_id, s.idx, s.start, s."end", s.text AS sentence, a.title, a.date, a.url
           FROM sentences s JOIN articles a ON a.doc_id = s.doc_id
           WHERE s.doc_id IN (SELECT unnest(?)) AND a.doc_id IN (SELECT unnest(?))""",
        [docs, docs],
    )
    by_key = {(r.pop("doc_id"), r.pop("idx")): r for r in rows}
    events: dict[tuple[str, int], tuple[str, ...]] = {}
    for doc_id, start, ids in store.query(
        """SELECT doc_id, ev_start, list(event_id ORDER BY event_id) FROM events
           WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id, ev_start""",
        [docs],
    ):
        events[(str(doc_id), int(start))] = tuple(ids)
    return [
        SentenceHit(key[0], **by_key[key], event_ids=events.get((key[0], int(by_key[key]["start"])), ()))
        for key in keys
        if key in by_key
    ]


def _word_start(needle: str) -> re.Pattern[str]:
    """A pattern finding ``needle`` (taken literally) where a word begins, when it begins with one.

    The store finds the substring (fast); the word start is checked in Python on those candidates,
    as a regular expression in DuckDB (compiled per row for a parameter) cost several times the search.
    """
    return re.compile(r"(?:^|\W)" + re.escape(needle) if needle[:1].isalnum() else re.escape(needle))


def search_sentences(store: Store, q: str, limit: int = 20, offset: int = 0) -> list[SentenceHit]:
    """Up to ``limit`` sentences containing ``q`` from a word's start (case-insensitive), newest first,
    the first ``offset`` of them skipped (a page of results).

    Ties on the date go by ``doc_id`` then position in the article; undated articles come last.
    Leading and trailing spaces of ``q`` are ignored; an empty query or a ``limit`` below 1 finds
    nothing.
    """
    needle = q.strip().lower()
    if not needle or limit < 1:
        return []
    offset = max(0, offset)
    starts = _word_start(needle)
    rows = store.query(
        f"""SELECT s.doc_id, s.idx, s.text FROM sentence_search s JOIN articles a ON a.doc_id = s.doc_id
            WHERE contains(s.text, ?) ORDER BY {_ORDER}, s.idx LIMIT ?""",
        [needle, _CANDIDATES * (offset + limit)],
    )
    keys = [(str(d), int(i)) for d, i, text in rows if starts.search(text)]
    return _read(store, keys[offset : offset + limit])


def search(store: Store, q: str, limit: int, sentence_limit: int) -> dict[str, Any]:
    """Actors whose name or alias holds ``q`` from a word's start, or whose id starts with it, and
    sentences holding it from a word's start (newest first).

    A blank ``q`` is an :class:`InputError`: it would match every actor.
    """
    needle = q.strip().lower()
    if not needle:
        raise InputError("give some text to search for (it is empty)", source="q")
    starts = _word_start(needle)
    rows = store.rows(
        """SELECT a.actor_id, a.name, a.kind, a.country, count(m.actor_id)::INTEGER AS mentions,
                  lower(array_to_string(a.aliases, chr(31))) AS also
           FROM actors a LEFT JOIN mentions m ON m.actor_id = a.actor_id
           WHERE contains(lower(a.name), ?) OR starts_with(lower(a.actor_id), ?)
              OR contains(lower(array_to_string(a.aliases, chr(31))), ?)
           GROUP BY a.actor_id, a.name, a.kind, a.country, a.aliases
           ORDER BY lower(a.actor_id) = ? DESC, lower(a.name) = ? DESC, starts_with(lower(a.name), ?) DESC,
                    mentions DESC, a.name
           LIMIT ?""",
        [needle, needle, needle, needle, needle, needle, _CANDIDATES * limit],
    )
    results = [
        {k: v for k, v in row.items() if k != "also"}
        for row in rows
        if starts.search(str(row["name"]).lower())
        or str(row["actor_id"]).lower().startswith(needle)
        or starts.search(str(row["also"] or ""))
    ][:limit]
    sentences: list[dict[str, Any]] = []
    if len(needle) >= 3 and sentence_limit > 0:
        sentences = [asdict(hit) for hit in search_sentences(store, needle, sentence_limit)]
    return {"results": results, "sentences": sentences}

"""Sentence search: sentences containing a query, newest article first.

A query matches a sentence that contains it as a plain substring, case-insensitively, so
``"prisoner exch"`` finds "a prisoner exchange" and punctuation in the query is matched as typed.
The store keeps every sentence lowercased in ``sentence_search`` (written with the article, see
:mod:`patronage.store.rows`), because lowering 400,000 sentences at query time cost more than the
match. The scan yields the (``doc_id``, ``idx``) of the first ``limit`` hits; only those are read
back from ``sentences`` with their article.
"""

from __future__ import annotations

from dataclasses import dataclass

from patronage.store import Store

__all__ = ["SentenceHit", "search_sentences"]

#: the order of results: newest article first, undated ones last, then by article and position
_ORDER = "a.date DESC NULLS LAST, s.doc_id"


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


def _read(store: Store, keys: list[tuple[str, int]]) -> list[SentenceHit]:
    """The hits named by (``doc_id``, ``idx``), in the order given, with their articles."""
    docs = sorted({d for d, _ in keys})
    # a constant IN list filters on doc_id before any text is read; a join would read it all
    rows = store.query(
        """SELECT s.doc_id, s.idx, s.start, s."end", s.text, a.title, a.date, a.url
           FROM sentences s JOIN articles a ON a.doc_id = s.doc_id
           WHERE s.doc_id IN (SELECT unnest(?)) AND a.doc_id IN (SELECT unnest(?))""",
        [docs, docs],
    )
    by_key = {(r[0], r[1]): r for r in rows}
    hits = []
    for key in keys:
        r = by_key.get(key)
        if r is not None:
            hits.append(SentenceHit(r[0], r[2], r[3], r[4], r[5], r[6], r[7]))
    return hits


def search_sentences(store: Store, q: str, limit: int = 20) -> list[SentenceHit]:
    """Up to ``limit`` sentences containing ``q`` (case-insensitive), newest article first.

    Ties on the date go by ``doc_id`` then position in the article; undated articles come last.
    Leading and trailing spaces of ``q`` are ignored; an empty query or a ``limit`` below 1 finds
    nothing.
    """
    needle = q.strip().lower()
    if not needle or limit < 1:
        return []
    keys = store.query(
        f"""SELECT s.doc_id, s.idx FROM sentence_search s JOIN articles a ON a.doc_id = s.doc_id
            WHERE contains(s.text, ?) ORDER BY {_ORDER}, s.idx LIMIT ?""",
        [needle, limit],
    )
    return _read(store, [(str(d), int(i)) for d, i in keys])

"""Sentence search: sentences containing a query from the start of a word, newest article first.

A query matches a sentence that contains it, case-insensitively, beginning where a word begins, so
``"prisoner exch"`` finds "a prisoner exchange", ``"Assad"`` does not find "ambassador", and
punctuation in the query is matched as typed. Actors match the same way on their names and aliases
(and on the start of their ids).

Sentences are found through the store's word index (:mod:`patronage.store.search`): every word of
the query that starts a word in the text (all but a first one glued to what precedes it) must be a
word of the sentence, or start one when it ends the query. The rarest such word (the fewest
postings) picks the candidates, newest first, with the other rare ones as filters; the text of the
candidates then confirms the match, unless the query is one word, which the index answers exactly.
A query with no such word (``"..."``), or whose candidates mostly fail the text, scans the
lowercased sentences of ``sentence_search`` instead, as every query did before the index.
Actors are matched on ``actor_search``, which keeps what is shown of them, their lowercased names
and their mention counts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from patronage.errors import InputError
from patronage.store import Store
from patronage.store.search import POSTINGS, WORD

__all__ = ["SentenceHit", "search", "search_sentences"]

#: the order of results: newest article first, undated ones last, then by article and position
_ORDER = "a.date DESC NULLS LAST, s.doc_id"
#: substring hits read per hit asked for, among which the hits at a word's start are kept (a query
#: whose substring mostly falls inside words may find fewer than asked); also the candidates of the
#: index whose text is read, per hit asked for, before a query is scanned for instead
_CANDIDATES = 10
#: a word of the query with at most this many postings filters the candidates in the index; a
#: commoner one (``the``) would cost more to join than reading the text of the candidates it drops
_FILTER_POSTINGS = 20_000
#: above every character a word can hold: ``w + _TOP`` bounds the words starting with ``w``
_TOP = "\U0010ffff"


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


def _bound(column: str, start: str, whole: bool) -> tuple[str, list[str]]:
    """The condition that ``column`` is ``start`` (``whole``) or starts with it, as a range that reads
    few row groups of the sorted index."""
    if whole:
        return f"{column} = ?", [start]
    return f"{column} >= ? AND {column} < ?", [start, start + _TOP]


def _lookups(needle: str) -> list[tuple[str, list[str]]]:
    """The conditions on the word index that every sentence holding ``needle`` meets.

    A word of the query preceded by a non-word character, or first when the query starts with a
    letter or digit (matched from a word's start), starts a word of the sentence; followed by one,
    it is that word, and the next word of the query starts the next word of the sentence (only
    non-word characters lie between). A first word starting with ``_`` may sit inside a word of
    the text, and is not looked up. One word is looked up alone, more by each pair in a row.
    """
    words = [
        (m.group(), m.end() < len(needle))
        for m in WORD.finditer(needle)
        if m.start() > 0 or needle[0].isalnum()
    ]
    if len(words) == 1:
        return [_bound("word", *words[0])]
    pairs = []
    for (word, _), (after, whole) in zip(words, words[1:], strict=False):
        sql, params = _bound("next", after, whole)
        pairs.append((f"word = ? AND {sql}", [word, *params]))
    return pairs


def _sentences(store: Store, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """The sentences named by (``doc_id``, ``idx``) with their articles' title, date and url."""
    docs = sorted({d for d, _ in keys})
    # a constant IN list filters on doc_id before any text is read; a join would read it all
    rows = store.rows(
        """SELECT s.doc_id, s.idx, s.start, s."end", s.text AS sentence, a.title, a.date, a.url
           FROM sentences s JOIN articles a ON a.doc_id = s.doc_id
           WHERE s.doc_id IN (SELECT unnest(?)) AND a.doc_id IN (SELECT unnest(?))""",
        [docs, docs],
    )
    wanted = set(keys)
    return {key: r for r in rows if (key := (r.pop("doc_id"), r.pop("idx"))) in wanted}


def _hits(
    store: Store, keys: list[tuple[str, int]], rows: dict[tuple[str, int], dict[str, Any]]
) -> list[SentenceHit]:
    """The hits named by ``keys`` (those ``rows`` holds), in the order given, with their events."""
    docs = sorted({d for d, _ in keys})
    events: dict[tuple[str, int], tuple[str, ...]] = {}
    for doc_id, start, ids in store.query(
        """SELECT doc_id, ev_start, list(event_id ORDER BY event_id) FROM events
           WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id, ev_start""",
        [docs],
    ):
        events[(str(doc_id), int(start))] = tuple(ids)
    return [
        SentenceHit(key[0], **rows[key], event_ids=events.get((key[0], int(rows[key]["start"])), ()))
        for key in keys
        if key in rows
    ]


def _read(store: Store, keys: list[tuple[str, int]]) -> list[SentenceHit]:
    """The hits named by (``doc_id``, ``idx``), in the order given, with their articles."""
    return _hits(store, keys, _sentences(store, keys)) if keys else []


def _word_start(needle: str) -> re.Pattern[str]:
    """A pattern finding ``needle`` (taken literally) where a word begins, when it begins with one.

    The store finds the substring (fast); the word start is checked in Python on those candidates,
    as a regular expression in DuckDB (compiled per row for a parameter) cost several times the search.
    """
    return re.compile(r"(?:^|\W)" + re.escape(needle) if needle[:1].isalnum() else re.escape(needle))


def _rarest(store: Store, lookups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The look-up with the fewest postings first, then the others with few enough to filter by."""
    if len(lookups) < 2:
        return lookups
    counts = store.query(
        " UNION ALL ".join(
            f"SELECT {i}, count(*) FROM {POSTINGS} WHERE {w}" for i, (w, _) in enumerate(lookups)
        ),
        [p for _, ps in lookups for p in ps],
    )
    by_count = sorted((int(n), int(i)) for i, n in counts)
    return [lookups[i] for n, i in by_count if n <= _FILTER_POSTINGS or i == by_count[0][1]]


def _candidates(
    store: Store, lookups: list[tuple[str, list[str]]], limit: int, offset: int
) -> list[tuple[str, int]]:
    """Sentences meeting every look-up, in the order of results: ``limit`` of them after ``offset``."""
    first, rest = lookups[0], lookups[1:]
    filters = "".join(
        f" AND (k.doc_id, k.idx) IN (SELECT doc_id, idx FROM {POSTINGS} WHERE {w})" for w, _ in rest
    )
    rows = store.query(
        f"""SELECT k.doc_id, k.idx FROM (SELECT DISTINCT doc_id, idx FROM {POSTINGS} WHERE {first[0]}) k
            JOIN articles a ON a.doc_id = k.doc_id WHERE true{filters}
            ORDER BY a.date DESC NULLS LAST, k.doc_id, k.idx LIMIT ? OFFSET ?""",
        [*first[1], *(p for _, ps in rest for p in ps), limit, offset],
    )
    return [(str(d), int(i)) for d, i in rows]


def _indexed(
    store: Store, needle: str, lookups: list[tuple[str, list[str]]], limit: int, offset: int
) -> list[SentenceHit] | None:
    """The page of hits found through the word index, or None when its candidates mostly fail the text."""
    if WORD.fullmatch(needle) and needle[0].isalnum():
        # one word from a word's start: every sentence holding a word that starts so is a hit
        return _read(store, _candidates(store, lookups, limit, offset))
    lookups = _rarest(store, lookups)
    starts = _word_start(needle)
    want, seen, step = offset + limit, 0, offset + limit + 4
    found: list[tuple[str, int]] = []
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    while len(found) < want:
        if seen >= _CANDIDATES * want:
            return None
        step = min(step, _CANDIDATES * want - seen)
        keys = _candidates(store, lookups, step, seen)
        rows.update(_sentences(store, keys))
        found += [k for k in keys if k in rows and starts.search(str(rows[k]["sentence"]).lower())]
        if len(keys) < step:
            break
        seen, step = seen + step, 2 * step
    page = found[offset:want]
    return _hits(store, page, rows)


def _scanned(store: Store, needle: str, limit: int, offset: int) -> list[SentenceHit]:
    """The page of hits found by scanning every lowercased sentence for the substring."""
    starts = _word_start(needle)
    rows = store.query(
        f"""SELECT s.doc_id, s.idx, s.text FROM sentence_search s JOIN articles a ON a.doc_id = s.doc_id
            WHERE contains(s.text, ?) ORDER BY {_ORDER}, s.idx LIMIT ?""",
        [needle, _CANDIDATES * (offset + limit)],
    )
    keys = [(str(d), int(i)) for d, i, text in rows if starts.search(text)]
    return _read(store, keys[offset : offset + limit])


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
    lookups = _lookups(needle)
    hits = _indexed(store, needle, lookups, limit, offset) if lookups else None
    return _scanned(store, needle, limit, offset) if hits is None else hits


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
        """SELECT actor_id, name, kind, country, mentions, lower_aliases AS also FROM actor_search
           WHERE contains(lower_name, ?) OR starts_with(lower_id, ?) OR contains(lower_aliases, ?)
           ORDER BY lower_id = ? DESC, lower_name = ? DESC, starts_with(lower_name, ?) DESC, mentions DESC,
                    name, actor_id
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

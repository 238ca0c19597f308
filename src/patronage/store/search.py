"""What the explorer's search reads instead of scanning: a word index of sentences and actors' mention counts.

``sentence_words`` holds one row per distinct pair of a word and the word after it (``next``, empty
after the last) in each sentence, its lowercased text cut into runs of ``\\w`` as :data:`WORD` cuts
them, so a phrase is looked up by its pairs ("he scope" is in no sentence, whatever "he" and "scope"
are in). Rows are sorted by word: DuckDB keeps each row group's least and greatest word, so looking
a word or a word start up reads only the row groups that can hold it (about 2 ms on the 10k-article
store, against 120 ms for the same table unsorted). A batch appends
its rows to ``sentence_words_new`` (a fact table like any other: replaced with its article, carried
in shards), which a search reads whole; :func:`tidy` sorts it into ``sentence_words`` at the end of a
run once it has grown to a sixteenth of that table, so a run adding a few articles to a large store
does not rewrite the index.

``actor_search`` keeps what the actor search shows of each actor (name, kind, country), its
lowercased id, name and aliases (as the search matches them) and the number of its mentions,
recounted (and the country copied) for the actors a batch touches, so a search neither counts
800,000 mentions nor joins 50,000 actors per query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import duckdb

__all__ = [
    "INDEX_TABLES",
    "POSTINGS",
    "WORD",
    "forget",
    "mentioned",
    "rebuild",
    "refresh_actors",
    "tidy",
    "word_pairs",
    "word_rows",
]

#: a word as the index keys it: what Python's ``re`` calls word characters, which is also what the
#: search's word-start rule (a match preceded by ``\W``) calls a word
WORD = re.compile(r"\w+")

#: the index tables a migration creates (``sentence_words_new`` is also a fact table)
INDEX_TABLES = [
    "CREATE TABLE IF NOT EXISTS sentence_words (word VARCHAR, next VARCHAR, doc_id VARCHAR, idx INTEGER)",
    "CREATE TABLE IF NOT EXISTS sentence_words_new (word VARCHAR, next VARCHAR, doc_id VARCHAR, idx INTEGER)",
    """CREATE TABLE IF NOT EXISTS actor_search (
        actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, lower_id VARCHAR, lower_name VARCHAR,
        lower_aliases VARCHAR, mentions INTEGER)""",
]

#: every posting, sorted part and recent part: a filter on ``word`` reaches both
POSTINGS = "(SELECT * FROM sentence_words UNION ALL SELECT * FROM sentence_words_new)"

#: ``sentence_words_new`` is sorted in once it holds more than this share of ``sentence_words``
_TIDY_SHARE = 16
#: sentences read per step when the index is built from the stored sentences
_CHUNK = 20_000


def word_pairs(lowered: str) -> list[tuple[str, str]]:
    """The distinct (word, next word) pairs of a lowercased sentence, the last word's next empty."""
    words = WORD.findall(lowered)
    return sorted(set(zip(words, [*words[1:], ""][: len(words)], strict=True)))


def word_rows(doc_id: str, idx: int, lowered: str) -> list[dict[str, object]]:
    """The postings of one sentence, given its lowercased text: one row per :func:`word_pairs` pair."""
    return [{"word": w, "next": n, "doc_id": doc_id, "idx": idx} for w, n in word_pairs(lowered)]


def mentioned(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    """The actors mentioned in the stored ``doc_ids`` (taken before they are replaced)."""
    if not doc_ids:
        return set()
    rows = con.execute(
        "SELECT DISTINCT actor_id FROM mentions WHERE doc_id IN (SELECT unnest(?)) AND actor_id IS NOT NULL",
        [list(doc_ids)],
    ).fetchall()
    return {str(r[0]) for r in rows}


def forget(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Drop the sorted postings of ``doc_ids`` (their recent ones go with the other fact tables)."""
    if doc_ids:
        con.execute("DELETE FROM sentence_words WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)])


def refresh_actors(con: duckdb.DuckDBPyConnection, actor_ids: Iterable[str]) -> None:
    """Give every stored actor that ``actor_search`` lacks its row; recount the mentions of
    ``actor_ids`` and copy their country (a later article may state one)."""
    con.execute(
        """INSERT INTO actor_search
           SELECT a.actor_id, a.name, a.kind, a.country, lower(a.actor_id), lower(a.name),
                  lower(array_to_string(a.aliases, chr(31))),
                  (SELECT count(*) FROM mentions m WHERE m.actor_id = a.actor_id)::INTEGER
           FROM actors a WHERE a.actor_id NOT IN (SELECT actor_id FROM actor_search)"""
    )
    ids = sorted(set(actor_ids))
    if ids:
        con.execute(
            """UPDATE actor_search SET mentions = c.n, country = c.country FROM (
                   SELECT a.actor_id, any_value(a.country) AS country, count(m.actor_id)::INTEGER AS n
                   FROM actors a LEFT JOIN mentions m ON m.actor_id = a.actor_id
                   WHERE a.actor_id IN (SELECT unnest(?))
                   GROUP BY a.actor_id) c
               WHERE actor_search.actor_id = c.actor_id""",
            [ids],
        )


def tidy(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Sort the recent postings into ``sentence_words`` when they have grown large (or ``force``).

    Returns whether it did. The table is rewritten whole (in the caller's transaction), so this
    runs at the end of a run, not per batch.
    """
    recent = int(con.execute("SELECT count(*) FROM sentence_words_new").fetchone()[0])  # type: ignore[index]
    if not recent:
        return False
    if not force:
        # exact counts of both are kept in table metadata: no scan
        sorted_rows = int(con.execute("SELECT count(*) FROM sentence_words").fetchone()[0])  # type: ignore[index]
        if recent * _TIDY_SHARE <= sorted_rows:
            return False
    con.execute(
        f"CREATE OR REPLACE TABLE sentence_words AS SELECT * FROM {POSTINGS} ORDER BY word, next, doc_id, idx"
    )
    con.execute("DELETE FROM sentence_words_new")
    return True


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Build the index and the actors' counts from what the store holds (a migration's back-fill).

    Sentences are read in steps and lowercased here, as :mod:`patronage.store.rows` lowercases
    them when an article is written, so the index of a migrated store equals that of a new one.
    """
    import pyarrow as pa

    con.execute("DELETE FROM sentence_words")
    con.execute("DELETE FROM sentence_words_new")
    con.execute("DELETE FROM actor_search")
    cursor = con.cursor()  # its own cursor: the inserts below must not end this read
    try:
        cursor.execute("SELECT doc_id, idx, text FROM sentences")
        while rows := cursor.fetchmany(_CHUNK):
            words: list[str] = []
            nexts: list[str] = []
            docs: list[str] = []
            idxs: list[int] = []
            for doc_id, idx, text in rows:
                for word, after in word_pairs(str(text or "").lower()):
                    words.append(word)
                    nexts.append(after)
                    docs.append(str(doc_id))
                    idxs.append(int(idx))
            batch = pa.table(
                {"word": words, "next": nexts, "doc_id": docs, "idx": pa.array(idxs, pa.int32())}
            )
            con.register("patronage_words", batch)
            con.execute("INSERT INTO sentence_words_new SELECT * FROM patronage_words")
            con.unregister("patronage_words")
    finally:
        cursor.close()
    tidy(con, force=True)
    refresh_actors(con, ())

"""Event links in the store: kept with every batch written, rebuilt on demand.

``event_links`` holds one row per stored event report: its ``linked_event_id`` (the real-world
event it tells, see :mod:`patronage.store.linking`) and the rule that linked it. A batch that
stores or replaces articles relinks only what they can touch: every report of the same type and
year that involves one of their actors (before and after the replacement), and every other report
of those reports' sentences, whose act may follow them. Those sentence-mates are linked with their
own (type, year, actor) units read as context, since their event depends on them too. The rule
links nothing outside such a set, so the links after any sequence of batches, in any order or
split among any workers, are the links :func:`rebuild_links` computes over the whole store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from patronage.store.linking import LINKER, LinkKey, Report, keys_of, link_reports

__all__ = ["YEAR_SQL", "keys_of_docs", "rebuild_links", "relink_docs", "stale_links"]

#: the year a stored report's date places it in, as :func:`~patronage.store.linking.year_of` computes it
YEAR_SQL = (
    "CASE WHEN e.date_precision IN ('day', 'month', 'season', 'year') "
    "AND regexp_matches(e.date, '^[0-9]{4}') THEN left(e.date, 4) END"
)
_REPORTS = (
    "SELECT e.event_id, e.doc_id, e.type, e.source_actor_id, e.target_actor_id, e.date, e.date_precision, "
    "coalesce(e.location_country, e.location_name) AS place, e.date_text, a.date AS published, "
    "e.sentence, e.trigger, e.cameo "
    "FROM events e LEFT JOIN articles a ON a.doc_id = e.doc_id"
)


def _reports(rows: Iterable[tuple[Any, ...]]) -> list[tuple[str, Report]]:
    """(doc_id, report) of rows selected by ``_REPORTS``."""
    return [
        (
            str(doc),
            Report.of(
                str(eid),
                str(t),
                s,
                g,
                d,
                p,
                place=pl,
                date_text=dt,
                published=pub,
                doc_id=str(doc),
                sentence=sentence,
                trigger=trigger,
                cameo=cameo,
            ),
        )
        for eid, doc, t, s, g, d, p, pl, dt, pub, sentence, trigger, cameo in rows
    ]


def keys_of_docs(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[LinkKey]:
    """The link keys of the reports stored for ``doc_ids`` (taken before they are replaced)."""
    if not doc_ids:
        return set()
    rows = con.execute(f"{_REPORTS} WHERE e.doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
    return {key for _doc, report in _reports(rows) for key in keys_of(report)}


def _write(con: duckdb.DuckDBPyConnection, reports: list[tuple[str, Report]], links: dict[str, str]) -> None:
    """Replace the links of ``reports`` with ``links`` (computed by the rule over them or more)."""
    import pyarrow as pa

    if not reports:
        return
    ids = [r.event_id for _doc, r in reports]
    batch = pa.table(
        {
            "event_id": pa.array(ids, pa.string()),
            "doc_id": pa.array([doc for doc, _r in reports], pa.string()),
            "linked_event_id": pa.array([links[i] for i in ids], pa.string()),
            "linker": pa.array([LINKER] * len(ids), pa.string()),
        }
    )
    con.register("patronage_links", batch)
    try:
        con.execute("DELETE FROM event_links WHERE event_id IN (SELECT event_id FROM patronage_links)")
        con.execute("INSERT INTO event_links BY NAME SELECT * FROM patronage_links")
    finally:
        con.unregister("patronage_links")


def _units(con: duckdb.DuckDBPyConnection, keys: set[LinkKey]) -> list[tuple[str, Report]]:
    """The reports of the (type, year, actor) units ``keys``."""
    import pyarrow as pa

    if not keys:
        return []
    columns = zip(*sorted(keys))
    con.register(
        "patronage_touched",
        pa.table(
            {name: pa.array(list(col), pa.string()) for name, col in zip(("type", "year", "actor"), columns)}
        ),
    )
    try:
        rows = con.execute(
            f"""{_REPORTS} WHERE e.event_id IN (
                  SELECT e.event_id FROM events e JOIN patronage_touched t
                    ON t.type = e.type AND t.year = {YEAR_SQL} AND t.actor = e.source_actor_id
                  UNION ALL
                  SELECT e.event_id FROM events e JOIN patronage_touched t
                    ON t.type = e.type AND t.year = {YEAR_SQL} AND t.actor = e.target_actor_id)"""
        ).fetchall()
    finally:
        con.unregister("patronage_touched")
    return _reports(rows)


def _sentences(
    con: duckdb.DuckDBPyConnection, reports: Iterable[tuple[str, Report]]
) -> list[tuple[str, Report]]:
    """Every stored report of the sentences (article and words) of ``reports``."""
    import pyarrow as pa

    pairs = sorted({(doc, r.sentence) for doc, r in reports if r.sentence})
    if not pairs:
        return []
    docs, sentences = zip(*pairs)
    con.register(
        "patronage_sentences",
        pa.table(
            {"doc_id": pa.array(list(docs), pa.string()), "sentence": pa.array(list(sentences), pa.string())}
        ),
    )
    try:
        rows = con.execute(
            f"""{_REPORTS} WHERE e.event_id IN (
                  SELECT e.event_id FROM events e JOIN patronage_sentences s
                    ON s.doc_id = e.doc_id AND s.sentence = e.sentence)"""
        ).fetchall()
    finally:
        con.unregister("patronage_sentences")
    return _reports(rows)


def relink_docs(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], before: set[LinkKey]) -> None:
    """Link the reports just stored for ``doc_ids``, relinking every stored report they can touch.

    ``before`` holds the keys of the reports those articles had before this write (from
    :func:`keys_of_docs`): a report that left may free or split the event it was part of.
    Runs inside the caller's transaction.
    """
    if not doc_ids:
        return
    rows = con.execute(f"{_REPORTS} WHERE e.doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
    new = _reports(rows)
    keys = before | {key for _doc, report in new for key in keys_of(report)}
    touched: dict[str, tuple[str, Report]] = {r.event_id: (doc, r) for doc, r in new}
    touched.update((r.event_id, (doc, r)) for doc, r in _units(con, keys))
    touched.update((r.event_id, (doc, r)) for doc, r in _sentences(con, list(touched.values())))
    context = dict(touched)
    more = {key for _doc, r in touched.values() for key in keys_of(r)} - keys
    context.update((r.event_id, (doc, r)) for doc, r in _units(con, more))
    links = link_reports(r for _doc, r in context.values())
    _write(con, [touched[i] for i in sorted(touched)], links)


def stale_links(con: duckdb.DuckDBPyConnection) -> bool:
    """True when some stored link was made by another version of the rule than this one."""
    row = con.execute("SELECT EXISTS (SELECT 1 FROM event_links WHERE linker <> ?)", [LINKER]).fetchone()
    return bool(row and row[0])


def rebuild_links(con: duckdb.DuckDBPyConnection) -> int:
    """Drop every link and link the whole store again with this rule; returns the reports linked.

    Runs inside the caller's transaction.
    """
    con.execute("DELETE FROM event_links")
    reports = _reports(con.execute(f"{_REPORTS} ORDER BY e.event_id").fetchall())
    _write(con, reports, link_reports(r for _doc, r in reports))
    return len(reports)

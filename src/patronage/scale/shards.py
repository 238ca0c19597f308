"""Parquet shards: every table a run writes, one Parquet dataset per table, and their loader.

A shard directory holds ``<table>/<part>.parquet`` for ``articles``, ``actors``, each of
:data:`~patronage.store.schema.FACT_TABLES` and ``failures``. Column names and types are
read from the database schema itself, so a table or column added by a migration is
carried without code here. Two columns are the loader's business only:

- ``articles.run_id``/``ingested_at`` and ``failures.run_id``/``failed_at`` are empty in
  shards; :func:`load_shards` fills them, as a normal run does.
- ``actors`` has one row per actor per article, plus ``seq`` (the article's position in
  the job, so the first article's version of an actor wins, as in a normal run) and
  ``gazetteer_roles`` (the ``roles`` rows a new actor brings from the gazetteer).

Shards are written by :func:`write_parts` (pyarrow; a local path or any URI pyarrow can
open, as Ray's own writers do) and loaded with DuckDB's ``read_parquet`` in set-based SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from patronage.errors import InputError, StoreError
from patronage.model.records import AnalysedArticle, Failure, RunReport

if TYPE_CHECKING:
    import pyarrow as pa

    from patronage.store import Store

__all__ = ["load_shards", "shard_batch", "shard_schema", "shard_tables", "write_parts"]

#: datasets built here (the rest come from ``article_rows``)
_OWN = ("articles", "actors", "failures")
#: columns a shard leaves empty for the loader to fill, by table
_LOADER_COLUMNS = {"articles": ("run_id", "ingested_at"), "failures": ("run_id", "failed_at")}


def shard_tables() -> tuple[str, ...]:
    """The tables a run writes, hence the datasets of a shard directory, in load order."""
    from patronage.store.schema import FACT_TABLES

    return ("articles", *FACT_TABLES, "actors", "failures")


@lru_cache(maxsize=1)
def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    from patronage.store import Store

    with Store(":memory:") as store:
        schemas = {
            t: store.con.sql(f'SELECT * FROM "{t}" LIMIT 0').to_arrow_table().schema
            for t in (*shard_tables(), "roles")
        }
    role = pa.struct([f for f in schemas["roles"] if f.name != "doc_id"])
    schemas["actors"] = (
        schemas["actors"]
        .append(pa.field("seq", pa.int64()))
        .append(pa.field("gazetteer_roles", pa.list_(role)))
    )
    return schemas


def shard_schema(table: str) -> pa.Schema:
    """The Arrow schema of one shard dataset (the table's columns, plus extras for ``actors``)."""
    schemas = _schemas()
    if table not in schemas or table not in shard_tables():
        raise InputError(f"no shard dataset named {table!r}")
    return schemas[table]


def _named(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    import pyarrow as pa

    schema = shard_schema(table)
    return pa.Table.from_pylist([{f.name: row.get(f.name) for f in schema} for row in rows], schema=schema)


def shard_batch(results: Sequence[tuple[int, AnalysedArticle | Failure]]) -> dict[str, pa.Table]:
    """Arrow tables, one per shard dataset, for ``(seq, result)`` pairs (every dataset, maybe empty)."""
    from patronage.analysis import warning_failures
    from patronage.store.rows import actor_origin, article_rows
    from patronage.store.tables import ACTORS, ARTICLES, FAILURES, ROLES

    articles: list[dict[str, Any]] = []
    actors: dict[str, dict[str, Any]] = {}
    failures: list[dict[str, Any]] = []
    facts: dict[str, list[dict[str, Any]]] = {t: [] for t in shard_tables() if t not in _OWN}
    for seq, result in results:
        for failure in [result] if isinstance(result, Failure) else warning_failures([result]):
            failures.append(FAILURES.row(failure))
        if isinstance(result, Failure):
            continue
        articles.append(ARTICLES.row(result.article))
        for table, rows in article_rows(result).items():
            facts[table].extend(rows)
        for actor in result.actors:
            roles = [ROLES.row(r, actor_id=actor.actor_id) for r in actor.roles if r.origin == "gazetteer"]
            actors.setdefault(
                actor.actor_id,
                ACTORS.row(actor, origin=actor_origin(actor), seq=seq, gazetteer_roles=roles),
            )
    out = {t: _named(t, rows) for t, rows in facts.items()}
    out.update(
        articles=_named("articles", articles),
        actors=_named("actors", list(actors.values())),
        failures=_named("failures", failures),
    )
    return out


def write_parts(tables: dict[str, pa.Table], target: str | Path, part: str) -> list[str]:
    """Write ``tables`` as ``<target>/<table>/<part>.parquet``; returns the paths written.

    ``target`` is a local directory or a URI pyarrow can open (``s3://``, ``gs://``, ...).
    Writing the same ``part`` again replaces it, so a retried task leaves no duplicates.
    """
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    text = str(target)
    if "://" in text:
        fs, root = pafs.FileSystem.from_uri(text)
    else:
        fs, root = pafs.LocalFileSystem(), str(Path(text).resolve())
    written = []
    for table, data in tables.items():
        folder = f"{root.rstrip('/')}/{table}"
        fs.create_dir(folder, recursive=True)
        path = f"{folder}/{part}.parquet"
        pq.write_table(data, path, filesystem=fs)
        written.append(path)
    return written


def _literal(paths: list[str]) -> str:
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)


def _sources(store: Store, shard_dir: str | Path) -> dict[str, str]:
    """``read_parquet(...)`` expressions per dataset, after checking the directory is a shard set."""
    import duckdb

    text = str(shard_dir)
    if "://" in text:
        raise InputError("load reads a local shard directory; copy the shards here first", source=text)
    root = Path(text)
    if not root.is_dir():
        raise InputError("no such shard directory", source=text)
    sources = {}
    for table in shard_tables():
        files = sorted(str(p) for p in (root / table).glob("*.parquet"))
        if not files:
            raise InputError(f"not a shard directory: {table}/ holds no Parquet files", source=text)
        source = f"read_parquet({_literal(files)})"
        try:
            found = set(store.con.sql(f"SELECT * FROM {source} LIMIT 0").columns)
        except duckdb.Error as exc:
            raise InputError(f"unreadable shard {table}/: {str(exc).splitlines()[0]}", source=text) from None
        missing = [c for c in shard_schema(table).names if c not in found]
        if missing:
            raise InputError(f"shard {table}/ lacks columns {', '.join(missing)}", source=text)
        sources[table] = source
    return sources


def load_shards(store: Store, shard_dir: str | Path, command: str = "load") -> RunReport:
    """Load a shard directory into ``store`` with the semantics of a normal run; returns the counts.

    An article stored with the same ``content_hash`` is skipped; a changed one replaces its
    facts; actors are added when new; failures already recorded are not repeated, so loading
    the same shards twice changes nothing but the ``runs`` table. One transaction per table
    group (articles and their facts, actors, failures); a ``runs`` row records the load.
    """
    import duckdb

    from patronage.analysis import VERSION
    from patronage.store import search
    from patronage.store.links import keys_of_docs, relink_docs
    from patronage.store.schema import FACT_TABLES

    sources = _sources(store, shard_dir)
    report = RunReport(db=store.path)
    con = store.con
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE shard_articles AS SELECT * FROM {sources['articles']}")
        dups = store.rows(
            "SELECT doc_id, count(*) AS n FROM shard_articles GROUP BY doc_id HAVING count(*) > 1 LIMIT 1"
        )
        for dup in dups:
            raise InputError(
                f"article {dup['doc_id']} appears {dup['n']} times; load each job's shards on their own"
            )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE shard_load AS SELECT s.doc_id FROM shard_articles s "
            "LEFT JOIN articles a USING (doc_id) WHERE a.content_hash IS DISTINCT FROM s.content_hash"
        )
    except duckdb.Error as exc:
        raise InputError(f"unreadable shards: {str(exc).splitlines()[0]}", source=str(shard_dir)) from None
    report.run_id = store.start_run(command, VERSION)
    touched: set[str] = set()  # actors the replaced articles mentioned
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # as Store stamps rows
    changed = "doc_id IN (SELECT doc_id FROM shard_load)"

    def article_group() -> None:
        loaded = [str(d) for (d,) in con.execute("SELECT doc_id FROM shard_load").fetchall()]
        before = keys_of_docs(con, loaded)
        touched.update(search.mentioned(con, loaded))  # recounted once the actors are in
        for table in (*FACT_TABLES, "event_links", "articles"):
            con.execute(f'DELETE FROM "{table}" WHERE {changed}')
        search.forget(con, loaded)
        con.execute("DELETE FROM failures WHERE doc IN (SELECT doc_id FROM shard_load)")
        names = shard_schema("articles").names
        fill = ", ".join("?" if c in _LOADER_COLUMNS["articles"] else f'"{c}"' for c in names)
        con.execute(
            f"INSERT INTO articles ({_quoted(names)}) SELECT {fill} FROM shard_articles WHERE {changed}",
            [report.run_id if c == "run_id" else now for c in names if c in _LOADER_COLUMNS["articles"]],
        )
        for table in FACT_TABLES:
            cols = _quoted(shard_schema(table).names)
            con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM {sources[table]} WHERE {changed}')
        relink_docs(con, loaded, before)  # the loaded reports join the events already stored

    def actor_group() -> None:
        cols = _quoted([c for c in shard_schema("actors").names if c not in ("seq", "gazetteer_roles")])
        con.execute(
            "CREATE OR REPLACE TEMP TABLE shard_actors AS SELECT * FROM ("
            f"SELECT *, row_number() OVER (PARTITION BY actor_id ORDER BY seq) AS pick FROM {sources['actors']}"
            ") WHERE pick = 1 AND actor_id NOT IN (SELECT actor_id FROM actors)"
        )
        con.execute(f"INSERT INTO actors ({cols}) SELECT {cols} FROM shard_actors")
        con.execute(
            "INSERT INTO roles BY NAME SELECT unnest(r) FROM "
            "(SELECT unnest(gazetteer_roles) AS r FROM shard_actors ORDER BY seq)"
        )
        loaded = con.execute(
            "SELECT DISTINCT actor_id FROM mentions WHERE doc_id IN (SELECT doc_id FROM shard_load) "
            "AND actor_id IS NOT NULL"
        ).fetchall()
        search.refresh_actors(con, touched | {str(a) for (a,) in loaded})

    def failure_group() -> None:
        key = ("doc", "stage", "error", "message", "level")
        match = " AND ".join(f"f.{c} IS NOT DISTINCT FROM s.{c}" for c in key)
        con.execute(
            f"INSERT INTO failures ({_quoted(key)}, run_id, failed_at) SELECT DISTINCT {_quoted(key)}, ?, ? "
            f"FROM {sources['failures']} s WHERE NOT EXISTS (SELECT 1 FROM failures f WHERE {match})",
            [report.run_id, now],
        )

    for group in (article_group, actor_group, failure_group):
        con.begin()
        try:
            group()
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"load failed: {str(exc).splitlines()[0]}", source=store.path) from None
    _count(store, sources, report)
    store.finish_run(report.run_id, report.n_read, report.n_new, report.n_unchanged, report.n_failed)
    return report


def _count(store: Store, sources: dict[str, str], report: RunReport) -> None:
    from patronage.store.tables import FAILURES

    total = int(store.value("SELECT count(*) FROM shard_articles"))
    new = int(store.value("SELECT count(*) FROM shard_load"))
    rows = store.rows(
        f"SELECT doc, stage, error, message, level FROM {sources['failures']} ORDER BY doc, stage"
    )
    report.failures = [FAILURES.record({k: str(v) for k, v in row.items()}) for row in rows]
    errors = {f.doc for f in report.failures if f.level == "error" and f.stage != "ingest"}
    report.n_new, report.n_unchanged = int(new), int(total) - int(new)
    report.n_read = int(total) + len(errors)
    report.n_failed = sum(1 for f in report.failures if f.level == "error")
    report.n_warnings = len(report.failures) - report.n_failed
    for table in ("shard_articles", "shard_load", "shard_actors"):
        store.con.execute(f"DROP TABLE IF EXISTS {table}")

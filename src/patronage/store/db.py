"""The DuckDB store: one file, no server, one transaction per batch of articles."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import stat
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from patronage.errors import StoreError
from patronage.model.records import Actor, AnalysedArticle, Failure
from patronage.store import search
from patronage.store.links import keys_of_docs, rebuild_links, relink_docs, stale_links
from patronage.store.rows import Row, actor_origin, article_rows
from patronage.store.schema import FACT_TABLES, LINKS_MIGRATION, MIGRATIONS, SCHEMA_VERSION, SEARCH_MIGRATION
from patronage.store.tables import ACTORS, ARTICLES, FAILURES, ROLES

__all__ = ["Store"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _arrow_error() -> type[Exception]:
    import pyarrow as pa

    return pa.ArrowException  # type: ignore[no-any-return]


def _check_identity(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Raise :class:`StoreError` unless ``con`` is an empty DuckDB database or a patronage one."""
    try:
        tables = {
            str(r[0]) for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    except duckdb.Error as exc:
        raise StoreError(f"cannot read database: {_first_line(exc)}", source=path) from None
    if tables and not (tables >= {"schema_version", "runs", "articles"} or tables == {"schema_version"}):
        ours = {t for t, _ in _expected_columns()}
        if "schema_version" in tables and len(tables & ours) * 2 > len(ours):
            # most of patronage's own tables: a patronage store some of whose tables were dropped
            raise _damaged(path, "table", sorted(ours - tables))
        listed = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(
            f"not a patronage database (it holds other tables: {listed}); nothing was written to it",
            source=path,
        )


_COLUMNS_SQL = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"


@functools.cache
def _expected_columns() -> frozenset[tuple[str, str]]:
    """Every (table, column) of this version's schema, read from a database the migrations build in memory."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
        for statements in MIGRATIONS:
            for statement in statements:
                con.execute(statement)
        return frozenset((str(t), str(c)) for t, c in con.execute(_COLUMNS_SQL).fetchall())
    finally:
        con.close()


def _damaged(path: str, kind: str, names: list[str]) -> StoreError:
    """The error of a store some of whose tables or columns were dropped."""
    what = f"{kind}{'s' if len(names) > 1 else ''} {', '.join(names)} {'are' if len(names) > 1 else 'is'}"
    return StoreError(
        f"damaged database: {what} missing; restore a copy, or run the articles again into a new --db",
        source=path,
    )


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``; read-only ones cannot reach files or the network."""
    try:
        config: dict[str, Any] = {"enable_external_access": False} if read_only else {}
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError("database is in use by another patronage process", source=path) from None
        raise StoreError(f"cannot open database: {_first_line(exc)}", source=path) from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database: {_first_line(exc)}", source=path) from None


class Store:
    """A patronage database. Use as a context manager; writes are transactional per batch."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        exists = os.path.lexists(self.path)
        #: True when this open created the file (see :meth:`discard`)
        self.created = not exists and not read_only
        #: True once :meth:`write` committed articles or failures
        self.wrote = False
        if read_only and not exists:
            raise StoreError("no such database; run `patronage run` first", source=self.path)
        if exists:
            try:
                mode = os.stat(self.path).st_mode
            except OSError as exc:
                raise StoreError(f"cannot open database: {exc.strerror or exc}", source=self.path) from None
            if not stat.S_ISREG(mode):
                # a FIFO would block the open for ever, a device would be read or written as a file
                raise StoreError("not a database file (not a regular file)", source=self.path)
        if exists and not read_only:
            # look before writing: migrations would otherwise create patronage's tables in any DuckDB file
            probe = _connect(self.path, read_only=True)
            try:
                _check_identity(probe, self.path)
            finally:
                probe.close()
        self.con = _connect(self.path, read_only)
        try:
            if not read_only:
                self._migrate()
                if stale_links(self.con):
                    self.rebuild_links()  # links an older rule made: this version's rule relinks them
            else:
                self._check_version()
            self._check_tables()
        except BaseException:
            self.con.close()  # the next open of this file must not meet a half-open connection
            raise

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.con.close()

    def discard(self) -> None:
        """Close, and remove the database file when this open created it (a command that failed)."""
        self.close()
        if self.created:
            for name in (self.path, self.path + ".wal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None and not self.wrote:
            self.discard()  # a command that failed before storing anything leaves no new file behind
        else:
            self.close()

    def _version(self) -> int:
        exists = self.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        )
        if not exists or not exists[0][0]:
            return 0
        row = self.query("SELECT max(version) FROM schema_version")
        return int(row[0][0]) if row and row[0][0] is not None else 0

    def _check_version(self) -> None:
        _check_identity(self.con, self.path)
        version = self._version()
        if version == 0:
            raise StoreError("not a patronage database", source=self.path)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database schema {version} is newer than this patronage ({SCHEMA_VERSION})", source=self.path
            )
        if version < SCHEMA_VERSION:
            # read-only cannot upgrade it, and half the queries would miss columns: say how to upgrade
            raise StoreError(
                f"database schema {version} is older than this patronage ({SCHEMA_VERSION}); "
                "upgrade it once with `patronage migrate --db FILE`",
                source=self.path,
            )

    def _check_tables(self) -> None:
        """Raise :class:`StoreError` when a table or column of the schema is missing (dropped by hand).

        Without this, the first query that reads it fails deep inside a command instead.
        """
        found = {(str(t), str(c)) for t, c in self.query(_COLUMNS_SQL)}
        missing = _expected_columns() - found
        if not missing:
            return
        tables = {t for t, _ in found}
        gone = sorted({t for t, _ in missing if t not in tables})
        if gone:
            raise _damaged(self.path, "table", gone)
        raise _damaged(self.path, "column", [f"{t}.{c}" for t, c in sorted(missing)])

    @property
    def schema_version(self) -> int:
        """The schema version this database is at."""
        return self._version()

    def _migrate(self) -> None:
        self._update("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)", [])
        current = self._version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"database schema {current} is newer than this patronage ({SCHEMA_VERSION})", source=self.path
            )
        for number, statements in enumerate(MIGRATIONS, start=1):
            if number <= current:
                continue
            self.con.begin()
            try:
                for statement in statements:
                    self.con.execute(statement)
                if number == LINKS_MIGRATION:
                    rebuild_links(self.con)  # the reports an older version stored are linked too
                if number == SEARCH_MIGRATION:
                    search.rebuild(self.con)  # and the sentences it stored are indexed
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
                self.con.commit()
            except duckdb.Error as exc:
                with contextlib.suppress(duckdb.Error):
                    self.con.rollback()
                raise StoreError(f"migration {number} failed: {_first_line(exc)}", source=self.path) from None

    # -- runs --------------------------------------------------------------------------------------
    def start_run(self, command: str, version: str) -> str:
        """Record the start of a run and return its id."""
        run_id = uuid.uuid4().hex[:12]
        self._update(
            "INSERT INTO runs (run_id, started_at, command, version) VALUES (?, ?, ?, ?)",
            [run_id, _now(), command, version],
        )
        return run_id

    def finish_run(self, run_id: str, n_read: int, n_new: int, n_unchanged: int, n_failed: int) -> None:
        """Record the end of a run with its counts, and sort what it added into the search index
        when that has grown large (:func:`patronage.store.search.tidy`)."""
        self._update(
            "UPDATE runs SET finished_at = ?, n_read = ?, n_new = ?, n_unchanged = ?, n_failed = ? WHERE run_id = ?",
            [_now(), n_read, n_new, n_unchanged, n_failed, run_id],
        )
        self.tidy_search()

    def tidy_search(self, force: bool = False) -> bool:
        """Sort the postings batches added into the search index, in one transaction, when they
        have grown large or ``force``; returns whether it did."""
        self.con.begin()
        try:
            done = search.tidy(self.con, force)
            self.con.commit()
        except (duckdb.Error, MemoryError) as exc:
            with contextlib.suppress(duckdb.Error):
                self.con.rollback()
            raise StoreError(f"write failed: {_first_line(exc)}", source=self.path) from None
        return done

    def _update(self, sql: str, params: Sequence[Any]) -> None:
        """One statement that writes, outside a batch; its failure (disk full, damage) is a StoreError."""
        try:
            self.con.execute(sql, params)
        except duckdb.Error as exc:
            raise StoreError(f"write failed: {_first_line(exc)}", source=self.path) from None

    # -- reading state -------------------------------------------------------------------------------
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Content hashes of the given articles already stored."""
        if not doc_ids:
            return {}
        rows = self.query(
            "SELECT doc_id, content_hash FROM articles WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        )
        return {str(d): str(h) for d, h in rows}

    def _read(self, sql: str, params: Sequence[Any] | None, fetch: str = "all") -> Any:
        """Execute a read query and fetch its rows (``all``, ``one``, or ``dicts``).

        Pages are read while fetching, so a damaged page (a checksum that does not match, a
        truncated file, a table or column gone) fails there, not at ``execute``: any such failure
        is a :class:`StoreError`, never a half-read result. Ctrl+C stays an interrupt.
        """
        try:
            cursor = self.con.execute(sql, params or [])
            if fetch == "one":
                return cursor.fetchone()
            values = cursor.fetchall()
            if fetch == "dicts":
                names = [d[0] for d in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in values]
            return values
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot read database (truncated or damaged?): {_first_line(exc)}", source=self.path
            ) from None

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a read query written by patronage itself (never by users); rows as tuples."""
        return list(self._read(sql, params))

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query written by patronage itself; each row as ``{column: value}``."""
        return list(self._read(sql, params, "dicts"))

    def value(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """The first column of the first row of a read query (None when there is no row)."""
        row = self._read(sql, params, "one")
        return row[0] if row else None

    # -- writing ---------------------------------------------------------------------------------------
    def write(self, results: Sequence[AnalysedArticle], failures: Iterable[Failure], run_id: str) -> None:
        """Replace the facts of ``results`` and record ``failures``, all in one transaction."""
        failures = list(failures)
        if not results and not failures:
            return
        self.con.begin()
        try:
            self._write(results, failures, run_id)
            self.con.commit()
            self.wrote = True
        except (duckdb.Error, MemoryError, _arrow_error()) as exc:
            # a failed commit (disk full) may already have ended the transaction: the rollback's own
            # error ("no transaction is active") must not hide the cause
            with contextlib.suppress(duckdb.Error):
                self.con.rollback()
            raise StoreError(f"write failed: {_first_line(exc)}", source=self.path) from None

    def rebuild_links(self) -> int:
        """Link every stored event report again with this version's rule, in one transaction.

        Returns the number of reports linked. Links are otherwise kept batch by batch (see
        :mod:`patronage.store.links`); this is ``patronage link --rebuild``.
        """
        self.con.begin()
        try:
            n = rebuild_links(self.con)
            self.con.commit()
        except (duckdb.Error, MemoryError, _arrow_error()) as exc:
            with contextlib.suppress(duckdb.Error):
                self.con.rollback()
            raise StoreError(f"relinking failed: {_first_line(exc)}", source=self.path) from None
        return n

    def _write(self, results: Sequence[AnalysedArticle], failures: list[Failure], run_id: str) -> None:
        con = self.con
        now = _now()
        doc_ids = [r.article.doc_id for r in results]
        before = keys_of_docs(con, doc_ids)  # what the replaced reports could link to
        touched = search.mentioned(con, doc_ids)  # whose mention counts the replacement changes
        if doc_ids:
            for table in (*FACT_TABLES, "event_links", "articles"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
            search.forget(con, doc_ids)
        # failures are keyed by what failed: this run's rows replace earlier runs' rows for the same
        # input (a re-run, or a run after kill -9, never doubles them), and a replaced article's
        # failures from earlier runs no longer apply; this run's own rows all stay
        keys = sorted({*doc_ids, *(f.doc for f in failures)})
        if keys:
            con.execute(
                "DELETE FROM failures WHERE doc IN (SELECT unnest(?)) AND run_id <> ?", [keys, run_id]
            )
        batch: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
        articles = []
        actors: dict[str, Actor] = {}
        for result in results:
            articles.append(ARTICLES.row(result.article, run_id=run_id, ingested_at=now))
            for table, rows in article_rows(result).items():
                batch[table].extend(rows)
            for actor in result.actors:
                seen = actors.get(actor.actor_id)
                if seen is None or (seen.country is None and actor.country is not None):
                    actors[actor.actor_id] = actor  # the first article that states a country gives it
        if articles:
            self._insert("articles", articles)
        for table, rows in batch.items():
            if rows:
                self._insert(table, rows)
        self._write_actors(list(actors.values()))
        mentioned = {m.actor_id for r in results for m in r.mentions if m.actor_id}
        search.refresh_actors(con, touched | mentioned | actors.keys())
        relink_docs(con, doc_ids, before)
        if failures:
            self._insert("failures", [FAILURES.row(f, run_id=run_id, failed_at=now) for f in failures])

    def _insert(self, table: str, rows: Sequence[Row]) -> None:
        """Bulk insert by column name through Arrow: one statement per table and batch, not per row."""
        import pyarrow as pa

        names = list(dict.fromkeys(name for row in rows for name in row))
        batch = pa.table({name: pa.array([row.get(name) for row in rows]) for name in names})
        self.con.register("patronage_batch", batch)
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM patronage_batch")
        self.con.unregister("patronage_batch")

    def _write_actors(self, actors: list[Actor]) -> None:
        if not actors:
            return
        stored = dict(
            self.con.execute(
                "SELECT actor_id, country FROM actors WHERE actor_id IN (SELECT unnest(?))",
                [[a.actor_id for a in actors]],
            ).fetchall()
        )
        known = {str(actor_id) for actor_id in stored}
        # an actor stored without a country gets the one a later article states (only those rows
        # are updated: most known actors, countries and gazetteer people, have theirs already)
        countries = [
            (a.country, a.actor_id)
            for a in actors
            if a.actor_id in known and a.country and not stored[a.actor_id]
        ]
        if countries:
            self.con.executemany("UPDATE actors SET country = ? WHERE actor_id = ?", countries)
        new = [a for a in actors if a.actor_id not in known]
        if not new:
            return
        self._insert("actors", [ACTORS.row(a, origin=actor_origin(a)) for a in new])
        gazetteer_roles = [
            ROLES.row(r, actor_id=a.actor_id) for a in new for r in a.roles if r.origin == "gazetteer"
        ]
        if gazetteer_roles:
            self._insert("roles", gazetteer_roles)

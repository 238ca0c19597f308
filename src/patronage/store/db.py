"""The DuckDB store: one file, no server, one transaction per batch of articles."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from patronage.errors import StoreError
from patronage.model.records import Actor, AnalysedArticle, Failure
from patronage.store.rows import Row, actor_origin, article_rows
from patronage.store.schema import FACT_TABLES, MIGRATIONS, SCHEMA_VERSION
from patronage.store.tables import ACTORS, ARTICLES, FAILURES, ROLES

__all__ = ["Store"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Store:
    """A patronage database. Use as a context manager; writes are transactional per batch."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError("no such database; run `patronage run` first", source=self.path)
        try:
            config: dict[str, Any] = {}
            if read_only:
                config = {"enable_external_access": False}
            self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(
                    "database is in use by another patronage process", source=self.path
                ) from None
            raise StoreError(f"cannot open database: {text.splitlines()[0]}", source=self.path) from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database: {str(exc).splitlines()[0]}", source=self.path) from None
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _check_version(self) -> None:
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

    @property
    def schema_version(self) -> int:
        """The schema version this database is at."""
        return self._version()

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
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
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
                self.con.commit()
            except duckdb.Error as exc:
                self.con.rollback()
                raise StoreError(f"migration {number} failed: {exc}", source=self.path) from None

    # -- runs --------------------------------------------------------------------------------------
    def start_run(self, command: str, version: str) -> str:
        """Record the start of a run and return its id."""
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, command, version) VALUES (?, ?, ?, ?)",
            [run_id, _now(), command, version],
        )
        return run_id

    def finish_run(self, run_id: str, n_read: int, n_new: int, n_unchanged: int, n_failed: int) -> None:
        """Record the end of a run with its counts."""
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_read = ?, n_new = ?, n_unchanged = ?, n_failed = ? WHERE run_id = ?",
            [_now(), n_read, n_new, n_unchanged, n_failed, run_id],
        )

    # -- reading state -------------------------------------------------------------------------------
    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Content hashes of the given articles already stored."""
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, content_hash FROM articles WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchall()
        return {str(d): str(h) for d, h in rows}

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a read query written by patronage itself (never by users); rows as tuples."""
        return self.con.execute(sql, params or []).fetchall()

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query written by patronage itself; each row as ``{column: value}``."""
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def value(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """The first column of the first row of a read query (None when there is no row)."""
        row = self.con.execute(sql, params or []).fetchone()
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
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"write failed: {str(exc).splitlines()[0]}", source=self.path) from None

    def _write(self, results: Sequence[AnalysedArticle], failures: list[Failure], run_id: str) -> None:
        con = self.con
        now = _now()
        doc_ids = [r.article.doc_id for r in results]
        if doc_ids:
            for table in (*FACT_TABLES, "articles"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
            # a replaced article's earlier failures no longer apply
            con.execute("DELETE FROM failures WHERE doc IN (SELECT unnest(?))", [doc_ids])
        batch: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
        articles = []
        actors: dict[str, Actor] = {}
        for result in results:
            articles.append(ARTICLES.row(result.article, run_id=run_id, ingested_at=now))
            for table, rows in article_rows(result).items():
                batch[table].extend(rows)
            for actor in result.actors:
                actors.setdefault(actor.actor_id, actor)
        if articles:
            self._insert("articles", articles)
        for table, rows in batch.items():
            if rows:
                self._insert(table, rows)
        self._write_actors(list(actors.values()))
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
        known = {
            str(r[0])
            for r in self.con.execute(
                "SELECT actor_id FROM actors WHERE actor_id IN (SELECT unnest(?))",
                [[a.actor_id for a in actors]],
            ).fetchall()
        }
        new = [a for a in actors if a.actor_id not in known]
        if not new:
            return
        self._insert("actors", [ACTORS.row(a, origin=actor_origin(a)) for a in new])
        gazetteer_roles = [
            ROLES.row(r, actor_id=a.actor_id) for a in new for r in a.roles if r.origin == "gazetteer"
        ]
        if gazetteer_roles:
            self._insert("roles", gazetteer_roles)

"""The store protects what it did not write and says why a write failed (issue #20, items 9, 10, 12, 25)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from patronage.errors import StoreError
from patronage.model.records import Failure
from patronage.store import Store
from tests.store.test_db import _article


def _foreign(path: Path) -> bytes:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.execute("CREATE TABLE articles (x INTEGER)")
    con.execute("INSERT INTO t VALUES (1)")
    con.close()
    return path.read_bytes()


def test_a_foreign_duckdb_file_is_refused_before_any_write(tmp_path: Path) -> None:
    db = tmp_path / "theirs.duckdb"
    before = _foreign(db)
    for read_only in (False, True):
        with pytest.raises(StoreError, match="not a patronage database") as caught:
            Store(db, read_only=read_only)
        assert "\n" not in str(caught.value)
    assert db.read_bytes() == before
    con = duckdb.connect(str(db), read_only=True)
    assert {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()} == {
        "t",
        "articles",
    }
    con.close()


def test_a_truncated_database_is_a_one_line_store_error(tmp_path: Path) -> None:
    db = tmp_path / "full.duckdb"
    with Store(db) as store:
        run = store.start_run("test", "0")
        store.write(
            [_article(f"d{i}", "Moscow sent aid to Syria. " * 200, f"h{i}") for i in range(300)], [], run
        )
    data = db.read_bytes()
    seen = []
    for size in (len(data) // 2, len(data) * 3 // 4, len(data) - 4096):
        cut = tmp_path / f"cut{size}.duckdb"
        cut.write_bytes(data[:size])
        try:
            with Store(cut, read_only=True) as store:
                store.query("SELECT count(*), max(length(text)) FROM articles")
                store.query("SELECT * FROM events")
                store.query("SELECT * FROM sentences")
        except StoreError as exc:
            assert "\n" not in str(exc)
            seen.append(str(exc))
    assert seen, "at least one cut is noticed"


class _FullDisk:
    """A connection whose commit fails as a full disk does, after which no transaction is active."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def commit(self) -> None:
        self._con.rollback()
        raise duckdb.IOException('IO Error: Could not write file "x.wal": No space left on device')

    def rollback(self) -> None:
        raise duckdb.TransactionException(
            "TransactionContext Error: cannot rollback - no transaction is active"
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_disk_full_during_commit_says_so(tmp_path: Path) -> None:
    with Store(tmp_path / "x.duckdb") as store:
        run = store.start_run("test", "0")
        store.con = _FullDisk(store.con)  # type: ignore[assignment]
        with pytest.raises(StoreError, match="No space left on device"):
            store.write([_article("d", "Moscow sent aid to Syria.", "h")], [], run)
        store.con = store.con._con  # type: ignore[attr-defined]


def test_an_arrow_failure_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa

    def broken(*_: object, **__: object) -> None:
        raise pa.ArrowMemoryError("malloc of size 4294967296 failed")

    with Store(tmp_path / "x.duckdb") as store:
        run = store.start_run("test", "0")
        monkeypatch.setattr(pa, "table", broken)
        with pytest.raises(StoreError, match="malloc"):
            store.write([_article("d", "Moscow sent aid to Syria.", "h")], [], run)


def _failure_rows(store: Store) -> list[tuple[Any, ...]]:
    return store.query("SELECT doc, stage, error, message, level FROM failures ORDER BY ALL")


def test_failures_of_a_rerun_replace_the_earlier_runs_rows(tmp_path: Path) -> None:
    bad = [
        Failure("in/a.txt", "ingest", "InputError", "empty input"),
        Failure("in/b.jsonl:3", "ingest", "InputError", "malformed JSON"),
        Failure("doc-1", "clean", "InputError", "article of 9 characters cut to 5", "warning"),
        Failure("doc-1", "ingest", "InputError", "unrecognised date", "warning"),
    ]
    with Store(tmp_path / "x.duckdb") as store:
        first = store.start_run("run", "0")
        store.write([], bad[:3], first)  # killed before its last batch
        second = store.start_run("run", "0")
        store.write([], bad[:2], second)
        store.write([], bad[2:], second)  # the same article's rows over two batches of one run
        assert _failure_rows(store) == sorted((f.doc, f.stage, f.error, f.message, f.level) for f in bad)
        assert {r[0] for r in store.query("SELECT run_id FROM failures")} == {second}


def test_a_command_that_fails_before_writing_leaves_no_new_file(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with pytest.raises(RuntimeError), Store(db) as store:
        store.start_run("load", "0")
        raise RuntimeError("the shards were unreadable")
    assert not db.exists() and not Path(str(db) + ".wal").exists()
    kept = tmp_path / "kept.duckdb"
    with pytest.raises(RuntimeError), Store(kept) as store:
        store.write([_article("d", "Moscow sent aid to Syria.", "h")], [], store.start_run("run", "0"))
        raise RuntimeError("killed after a commit")
    assert kept.exists(), "committed work is never thrown away"

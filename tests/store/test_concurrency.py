"""A database held open by another process: a second command fails fast with one clear line.

DuckDB allows one writing process per file (or any number of read-only ones). While another process
holds the file, ``patronage run`` must exit 1 with ``error: … in use …`` at once, never hang, crash or
damage the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from patronage.store import SCHEMA_VERSION

PATRONAGE = Path(sys.executable).with_name("patronage")
HOLD_SECONDS = 60
FAST = 20.0
"""A refused command must return within this many seconds (it should take about one)."""

HOLDER = """
import sys, time
from patronage.store import Store
store = Store(sys.argv[1], read_only=sys.argv[2] == "ro")
print("ready", flush=True)
time.sleep(float(sys.argv[3]))
"""

pytestmark = pytest.mark.skipif(not PATRONAGE.exists(), reason=f"console script {PATRONAGE} is not installed")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PATRONAGE_")}


@contextmanager
def held(db: Path, mode: str) -> Iterator[subprocess.Popen[str]]:
    """Another process with ``db`` open (``rw`` or ``ro``) until the block ends (at most HOLD_SECONDS)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), mode, str(HOLD_SECONDS)],
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _patronage(*args: str) -> tuple[int, str, float]:
    t0 = time.monotonic()
    proc = subprocess.run(
        [str(PATRONAGE), *args],
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, proc.stderr, time.monotonic() - t0


def _contents(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("SELECT doc_id, content_hash, text FROM articles ORDER BY doc_id").fetchall()
        events = con.execute("SELECT event_id, doc_id, type FROM events ORDER BY event_id").fetchall()
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()
        return articles, events, int(version[0]) if version else 0
    finally:
        con.close()


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database with two articles (run once), and a second input that would add one more."""
    tmp_path = tmp_path_factory.mktemp("concurrency")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(
        json.dumps(
            {"id": "c1", "date": "2020-02-02", "text": "Turkey sent humanitarian aid to Syria on Monday."}
        )
        + "\n"
        + json.dumps(
            {"id": "c2", "date": "2020-02-03", "text": "Greece accused Turkey of violating its airspace."}
        )
        + "\n",
        encoding="utf-8",
    )
    second.write_text(
        json.dumps({"id": "c3", "date": "2020-02-04", "text": "Iran threatened Israel on Friday."}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "seed.duckdb"
    code, err, _ = _patronage("run", str(first), "--db", str(db))
    assert code == 0, err
    return db, second


@pytest.fixture
def seeded(seed: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the seed database for one test."""
    db = tmp_path / "shared.duckdb"
    shutil.copyfile(seed[0], db)
    return db, seed[1]


def _assert_refused(code: int, err: str, seconds: float) -> None:
    lines = err.strip().splitlines()
    assert code == 1, err
    assert len(lines) == 1, err
    assert lines[0].startswith("error:") and "in use" in lines[0], err
    assert "Traceback" not in err
    assert seconds < FAST, seconds
    print(f"refused in {seconds:.2f} s: {lines[0]}")


@pytest.mark.parametrize("mode", ["rw", "ro"], ids=["writer-holds", "reader-holds"])
def test_second_run_fails_fast_and_database_is_intact(seeded: tuple[Path, Path], mode: str) -> None:
    db, second = seeded
    before = _contents(db)
    with held(db, mode) as holder:
        code, err, seconds = _patronage("run", str(second), "--db", str(db))
        _assert_refused(code, err, seconds)
        assert holder.poll() is None, "the holder must not be disturbed"
    assert _contents(db) == before
    assert before[2] == SCHEMA_VERSION
    # once released, the same run goes through
    code, err, _ = _patronage("run", str(second), "--db", str(db))
    assert code == 0 and "1 articles processed, 0 unchanged" in err, err
    after = _contents(db)
    assert [r[0] for r in after[0]] == ["c1", "c2", "c3"]
    assert set(before[1]) <= set(after[1])


def test_export_while_a_writer_holds_the_database(seeded: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = seeded
    with held(db, "rw"):
        code, err, seconds = _patronage("export", "events", "--db", str(db), "-o", str(tmp_path / "e.jsonl"))
        _assert_refused(code, err, seconds)
    assert not (tmp_path / "e.jsonl").exists(), "a refused export leaves no partial file"


def test_two_runs_at_once_one_wins_and_the_result_is_whole(seeded: tuple[Path, Path], tmp_path: Path) -> None:
    db, second = seeded
    procs = [
        subprocess.Popen(
            [str(PATRONAGE), "run", str(second), "--db", str(db)],
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err))
    codes = sorted(code for code, _ in results)
    # either they serialised (both 0, the second finding c3 unchanged) or one was refused
    assert codes in ([0, 0], [0, 1]), results
    for code, err in results:
        assert "Traceback" not in err and "internal error" not in err, err
        if code == 1:
            assert "in use" in err, err
    articles, events, _ = _contents(db)
    assert [r[0] for r in articles] == ["c1", "c2", "c3"]
    assert len({e[0] for e in events}) == len(events)

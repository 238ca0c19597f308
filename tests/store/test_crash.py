"""Crash safety: ``patronage run`` killed with SIGKILL at several points, then re-run to completion.

The database after kill + re-run must equal the database of one uninterrupted run, row for row, with
no duplicates: writes are transactional per batch and unchanged articles are skipped on re-run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from patronage.store.schema import SCHEMA_VERSION

pytestmark = pytest.mark.slow

PATRONAGE = Path(sys.executable).with_name("patronage")
N_ARTICLES = 40
TIMEOUT = 120.0
#: kill points: (changes of the write-ahead log to wait for, then seconds more); see _run_and_kill
#: each migration past the fourth commits once more before the run's batches
_LATER = SCHEMA_VERSION - 4
KILL_POINTS = (
    (0, 0.25),  # before the database file exists
    (1, 0.0),  # the file was just created: migrations in flight
    (3 + _LATER, 0.3),  # the run row is committed, spaCy is loading
    (5 + _LATER, 0.02),  # inside a batch, two batches committed
    (8 + _LATER, 0.0),  # right after a batch commit
    (11 + _LATER, 0.03),  # near the end
)

# sentences written for this test: actors, verbs, places and dates to give every article some facts
ACTORS = ["Russia", "Turkey", "Iran", "Greece", "Ukraine", "France", "Egypt", "Japan"]
VERBS = ["sent humanitarian aid to", "accused", "met officials from", "threatened", "praised", "sanctioned"]
PLACES = ["Ankara", "Moscow", "Cairo", "Athens", "Tokyo", "Paris"]


def _articles() -> list[dict[str, Any]]:
    rows = []
    for i in range(N_ARTICLES):
        a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
        verb, place = VERBS[i % len(VERBS)], PLACES[i % len(PLACES)]
        text = (
            f"{a} {verb} {b} on Tuesday, officials in {place} said. "
            f"The foreign minister of {b} travelled to {place} for talks on day {i}. "
            f'"We will not accept this," the spokesman for {b} told reporters. '
            f"{a} and {b} are long-standing allies, according to analysts."
        )
        rows.append(
            {
                "id": f"crash-{i:02d}",
                "title": f"Report {i}",
                "date": f"2021-03-{1 + i % 28:02d}",
                "text": text,
            }
        )
    return rows


def _cmd(src: Path, db: Path) -> list[str]:
    return [str(PATRONAGE), "run", str(src), "--db", str(db), "--batch-size", "4"]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PATRONAGE_")}


def _run_to_end(src: Path, db: Path) -> tuple[int, float, str]:
    t0 = time.monotonic()
    proc = subprocess.run(
        _cmd(src, db), env=_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT
    )
    return proc.returncode, time.monotonic() - t0, proc.stderr


def _wal_size(db: Path) -> int:
    try:
        return db.with_name(db.name + ".wal").stat().st_size
    except FileNotFoundError:
        return -1


def _run_and_kill(src: Path, db: Path, after_changes: int, delay: float) -> int | None:
    """Start a run and SIGKILL it ``delay`` s after its write-ahead log has changed ``after_changes`` times.

    DuckDB appends to ``<db>.wal`` on every commit (migration, run row, each batch), so counting the
    changes places a kill between or inside given batches. Returns the exit status, or None when the
    run ended before the kill.
    """
    proc = subprocess.Popen(
        _cmd(src, db),
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT
    seen, last = 0, _wal_size(db)
    while seen < after_changes and proc.poll() is None and time.monotonic() < deadline:
        size = _wal_size(db)
        if size != last:
            seen, last = seen + 1, size
        time.sleep(0.001)
    try:
        proc.wait(timeout=delay)
        return None
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=TIMEOUT)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    """Rows made hashable (list columns as tuples), in a stable order."""
    rows = [tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in con.execute(sql).fetchall()]
    return sorted(rows, key=repr)


def _snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": _rows(con, "SELECT * EXCLUDE (run_id, ingested_at) FROM articles"),
            "events": _rows(con, "SELECT * FROM events"),
            "quotes": _rows(con, "SELECT * FROM quotes"),
            "relations": _rows(con, "SELECT * FROM relations"),
            "sentences": _rows(con, "SELECT * FROM sentences"),
            "mentions": _rows(con, "SELECT * FROM mentions"),
            "roles": _rows(con, "SELECT * FROM roles"),
            "actors": _rows(con, "SELECT * FROM actors"),
            "article_actors": _rows(con, "SELECT * FROM article_actors"),
            "failures": _rows(con, "SELECT doc, stage, error, message, level FROM failures"),
        }
    finally:
        con.close()


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) if "articles" in tables else 0  # type: ignore[index]
    finally:
        con.close()


def _assert_same(
    got: dict[str, list[tuple[Any, ...]]], want: dict[str, list[tuple[Any, ...]]], label: str
) -> None:
    for table in want:
        dupes = [row for row, n in Counter(got[table]).items() if n > 1]
        assert not dupes or table in ("mentions", "relations", "roles"), (label, table, dupes[:3])
        assert got[table] == want[table], (label, table, len(got[table]), len(want[table]))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _articles()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path) -> tuple[dict[str, list[tuple[Any, ...]]], float]:
    """The database of one uninterrupted run, and that run's wall time."""
    if not PATRONAGE.exists():
        pytest.skip(f"console script {PATRONAGE} is not installed")
    db = corpus.with_name("reference.duckdb")
    code, seconds, err = _run_to_end(corpus, db)
    assert code == 0, err
    snap = _snapshot(db)
    assert len(snap["articles"]) == N_ARTICLES and snap["events"] and snap["quotes"] and snap["relations"]
    return snap, seconds


def test_killed_runs_resume_to_the_same_database(
    corpus: Path, reference: tuple[dict[str, list[tuple[Any, ...]]], float], tmp_path: Path
) -> None:
    want, _ = reference
    landed: list[tuple[tuple[int, float], int | None, int]] = []
    for i, point in enumerate(KILL_POINTS):
        db = tmp_path / f"kill-{i}.duckdb"
        status = _run_and_kill(corpus, db, *point)
        committed = _committed(db)
        landed.append((point, status, committed))
        assert 0 <= committed <= N_ARTICLES and committed % 4 == 0 or committed == N_ARTICLES
        code, _, err = _run_to_end(corpus, db)
        assert code == 0, (point, err)
        assert f"{N_ARTICLES - committed} articles processed, {committed} unchanged" in err, (point, err)
        _assert_same(_snapshot(db), want, f"kill at {point}")
    print("kill points ((wal changes, delay s), exit status, articles committed):", landed)
    killed_mid_run = [n for _, status, n in landed if status == -signal.SIGKILL and 0 < n < N_ARTICLES]
    assert len(killed_mid_run) >= 2, landed


def test_repeated_kills_on_one_database(
    corpus: Path, reference: tuple[dict[str, list[tuple[Any, ...]]], float], tmp_path: Path
) -> None:
    want, _ = reference
    db = tmp_path / "chain.duckdb"
    progress = []
    for point in ((5, 0.0), (4, 0.02), (5, 0.0)):
        _run_and_kill(corpus, db, *point)
        progress.append(_committed(db))
    assert progress == sorted(progress), progress
    code, _, err = _run_to_end(corpus, db)
    assert code == 0, err
    _assert_same(_snapshot(db), want, f"chain {progress}")
    print("chained kills, articles committed after each:", progress)

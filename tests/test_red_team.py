"""Issue #20, the red-team pass: each defect it found, through the public CLI, as a user meets it.

Unit tests of each mechanism live beside their modules (tests/ingest/test_files.py, test_chars.py,
tests/store/test_integrity.py, tests/export/test_atomic.py, tests/web/test_guard.py …); these
check that the whole command behaves: one failure row or one error line, never a hang, a traceback
or an "internal error".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from patronage.cli import main
from tests.test_hostile_inputs import _failures, _query

PATRONAGE = Path(sys.executable).with_name("patronage")
GOOD = "Border talks\nThe Greek foreign minister visited Ankara on Tuesday for talks on maritime borders.\n"


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATRONAGE_")}
    return subprocess.run(
        [str(PATRONAGE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "internal error" not in lines[0] and "Traceback" not in stderr
    return lines[0]


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


@pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs a FIFO and /dev/zero"
)
def test_special_files_beside_good_ones_never_hang_a_run(tmp_path: Path) -> None:
    """Items 1-3: a FIFO, a /dev/zero link and a non-UTF-8 .jsonl name beside good.txt."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(src / "fifo.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    with open(os.fsencode(src) + b"/odd\xffname.jsonl", "wb") as fh:
        fh.write(b'{"id": "odd", "text": "Russia and Turkey held talks in Ankara on Monday."}\n')
    db = tmp_path / "x.duckdb"
    proc = _run("run", str(src), "--db", str(db), timeout=180)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert _query(db, "SELECT count(*) FROM articles")[0][0] == 2
    messages = {r["doc"]: r["message"] for r in _failures(db)}
    assert "FIFO" in messages[str(src / "fifo.txt")]
    assert "character device" in messages[str(src / "zero.txt")]


def test_endless_stdin_is_one_failure_row(tmp_path: Path) -> None:
    """Item 3: `yes | patronage run -` ends; it neither runs out of memory nor waits forever."""
    db = tmp_path / "x.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PATRONAGE_")}
    with subprocess.Popen(["yes", "Endless text"], stdout=subprocess.PIPE) as producer:
        proc = subprocess.run(
            [str(PATRONAGE), "run", "-", "--db", str(db)],
            stdin=producer.stdout,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        producer.kill()
    assert proc.returncode == 126 or proc.returncode == 1, proc.stderr
    (row,) = _failures(db)
    assert row["doc"] == "<stdin>" and "too large" in row["message"]


def test_invisible_characters_neither_split_nor_spoof_actors(tmp_path: Path) -> None:
    """Items 13 and 17: soft hyphen, invisible operators, tag characters, U+3164; NUL in id/url/source."""
    src = _jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "plain", "text": "John Smith met Ahmed Khan in Ankara on Tuesday."},
            {
                "id": "spoof\x00\u200b",
                "url": "https://example.org/\x00a",
                "source": "Wire\x07\u00ad",
                "text": "John Smi\u00adth met Ahmed\u3164Khan in Ank\u2061ara on Tue\U000e0041sday.",
            },
        ],
    )
    db = tmp_path / "x.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    texts = dict(_query(db, "SELECT doc_id, text FROM articles"))
    assert set(texts) == {"plain", "spoof"}
    assert texts["spoof"] == texts["plain"].replace("plain", "spoof")
    ids = {
        doc: {r[0] for r in _query(db, f"SELECT actor_id FROM mentions WHERE doc_id = '{doc}'")}
        for doc in texts
    }
    assert ids["spoof"] == ids["plain"]
    assert _query(db, "SELECT url, source FROM articles WHERE doc_id = 'spoof'") == [
        ("https://example.org/a", "Wire")  # a control character that is no space is dropped (pass 7, A29)
    ]
    out = tmp_path / "articles.csv"
    assert main(["export", "events", "--format", "csv", "--db", str(db), "-o", str(out)]) == 0
    assert "\x00" not in out.read_text(encoding="utf-8")


def test_names_in_other_scripts_keep_their_own_actors(tmp_path: Path) -> None:
    """Item 14: Петров and Олег Сидоров were both person/unnamed."""
    src = _jsonl(
        tmp_path / "a.jsonl",
        [{"id": "ru", "text": "Петров met Олег Сидоров in Moscow. Петров said Олег Сидоров agreed."}],
    )
    db = tmp_path / "x.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    ids = {r[0] for r in _query(db, "SELECT actor_id FROM actors")}
    assert not any(i.endswith("/unnamed") for i in ids), ids


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak RSS from /proc")
def test_an_endless_paragraph_runs_in_bounded_memory(tmp_path: Path) -> None:
    """Item 5: one endless sentence with a fact every few words used 4-5 GB at 89 KB.

    60,000 characters keep the suite short; the README gives the 300,000-character figure.
    """
    unit = "Russia sent aid to Syria and Iran threatened Israel and "
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "long", "text": unit * (60_000 // len(unit)) + "Turkey."}])
    db = tmp_path / "x.duckdb"
    # VmHWM, not ru_maxrss: ru_maxrss survives fork and exec, so it would report this test process's peak
    script = (
        "import re, sys; from patronage.cli import main; code = main(sys.argv[1:]); "
        "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1)); sys.exit(code)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "run", str(src), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    peak_mb = int(proc.stdout.split()[-1]) / 1024
    assert peak_mb < 1000, f"peak RSS {peak_mb:.0f} MB"
    warnings = [r["message"] for r in _failures(db) if r["level"] == "warning"]
    assert any("characters cut" in w for w in warnings) and any("per sentence dropped" in w for w in warnings)
    assert _query(db, "SELECT max(length(text)) FROM sentences")[0][0] <= 2000


def test_one_line_errors_instead_of_internal_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 19: non-UTF-8 config, -o into a missing directory, a truncated database."""
    config = tmp_path / "c.toml"
    config.write_bytes('[run]\ndb = "caf\u00e9.duckdb"\n'.encode("latin-1"))
    assert main(["--config", str(config), "summary"]) == 1
    assert "not UTF-8" in _one_error_line(capsys.readouterr().err)
    src = _jsonl(
        tmp_path / "a.jsonl", [{"id": f"d{i}", "text": "Russia sent aid to Syria. " * 50} for i in range(30)]
    )
    db = tmp_path / "x.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["export", "events", "--db", str(db), "-o", str(tmp_path / "nope" / "e.jsonl")]) == 1
    assert "no such directory" in _one_error_line(capsys.readouterr().err)
    data = db.read_bytes()
    errors = 0
    for size in (len(data) // 3, len(data) // 2, len(data) * 2 // 3, len(data) - 8192):
        cut = tmp_path / f"cut{size}.duckdb"
        cut.write_bytes(data[:size])
        for command in (["summary"], ["export", "events"], ["query", "actor", "Russia"]):
            if main([*command, "--db", str(cut)]) != 0:  # a cut may miss every page a command reads
                _one_error_line(capsys.readouterr().err)
                errors += 1
            capsys.readouterr()
    assert errors


def test_settings_out_of_range_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 24: --set run.max_chars=-5 cut every article to its first word."""
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "a", "title": "Talks", "text": "Iran threatened Israel."}])
    assert main(["--set", "run.max_chars=-5", "run", str(src), "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "run.max_chars must be between" in _one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "x.duckdb").exists()


def test_a_foreign_database_is_left_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 9: 12 patronage tables were written into the user's own DuckDB file."""
    import duckdb

    db = tmp_path / "mine.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE measurements (x DOUBLE)")
    con.close()
    before = db.read_bytes()
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": "Iran threatened Israel."}])
    assert main(["run", str(src), "--db", str(db)]) == 1
    assert "not a patronage database" in _one_error_line(capsys.readouterr().err)
    assert db.read_bytes() == before


def test_failure_rows_do_not_double_on_a_rerun(tmp_path: Path) -> None:
    """Item 12: every re-run appended the same failure rows again."""
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": "Iran threatened Israel."}, "{broken", "[1]"])
    db = tmp_path / "x.duckdb"
    for _ in range(3):
        assert main(["run", str(src), "--db", str(db)]) == 1
    assert len(_failures(db)) == 2


def test_load_of_bad_shards_creates_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 25: a failed load left a new, empty database file behind."""
    (tmp_path / "shards").mkdir()
    db = tmp_path / "new.duckdb"
    assert main(["load", str(tmp_path / "shards"), "--db", str(db)]) == 1
    _one_error_line(capsys.readouterr().err)
    assert not db.exists()

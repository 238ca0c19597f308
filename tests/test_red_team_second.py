"""Issue #20, the second (blind) red-team pass: each defect it found, through the public CLI."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.export.atomic import STALE_SECONDS
from patronage.ingest.decode import decode_bytes
from patronage.nlp.loader import load_nlp
from tests.fixtures.records import sample_corpus, write_store
from tests.test_hostile_inputs import _query


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "internal error" not in err, err
    return err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_actors_import_reads_no_device_or_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """C2: /dev/zero grew to 23 GB and a FIFO hung for ever."""
    fifo = tmp_path / "dictionary"
    os.mkfifo(fifo)
    for source in (str(fifo), "/dev/zero"):
        code = main(["actors", "import", source, "--format", "phoenix", "-o", str(tmp_path / "out.yaml")])
        assert code == 1 and "not a regular file" in _error(capsys)
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_export_never_replaces_a_device_or_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """M4: -o /dev/null --force replaced the device with a regular file."""
    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = main(["export", "events", "--format", "csv", "--db", str(db), "-o", str(fifo), "--force"])
    assert code == 1 and "device, pipe or socket" in _error(capsys)
    assert fifo.is_fifo()


def test_a_killed_exports_leftover_goes_with_the_next_export(tmp_path: Path) -> None:
    """M5: kill -9 during an export left a hidden .part file that no later export removed."""
    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    out = tmp_path / "events.jsonl"
    stale, fresh = tmp_path / ".events.jsonl.abc.part", tmp_path / ".events.jsonl.def.part"
    stale.write_text("partial")
    fresh.write_text("another export, still writing")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    left = tmp_path / ".events.jsonl.ghi.part"  # kill -9 a moment ago: no process holds its lock
    left.write_text("partial")
    with fresh.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live export holds its file's lock
        assert main(["export", "events", "--db", str(db), "-o", str(out)]) == 0
    assert out.exists() and not stale.exists() and not left.exists() and fresh.exists()


def test_summary_shows_markup_in_articles_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """M6: "[/]" in one article broke `summary` for the whole database (rich markup)."""
    src = tmp_path / "k.jsonl"
    text = 'Vladimir Putin met Xi Jinping[/] in Moscow on Monday. "We agree [/] [red]," Putin said.'
    src.write_text(json.dumps({"id": "m1", "text": text, "date": "2024-06-01"}) + "\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(db)]) == 0
    assert "Xi Jinping[/]" in capsys.readouterr().out


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_unicode_jsonl_keeps_every_line(tmp_path: Path, codec: str) -> None:
    """M1: a UTF-16 JSONL file (PowerShell's default) kept line 1 and called the rest binary."""
    rows = [
        {"id": "c1", "text": "Vladimir Putin met Xi Jinping in Beijing on Monday."},
        {"id": "c2", "text": "Joe Biden criticised Russia over the strikes."},
    ]
    src = tmp_path / "wide.jsonl"
    src.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode(codec))
    db = tmp_path / "w.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    assert _query(db, "SELECT count(*) FROM articles")[0][0] == 2


def test_one_stray_byte_keeps_a_utf8_file_utf8() -> None:
    """M2: one invalid byte made a UTF-8 file Mac-Roman ("Erdoğan" became "Erdoƒüan")."""
    data = "Recep Tayyip Erdoğan met Vladimir Putin in Zürich – “talks”. ".encode() * 3 + b"\xff"
    text = decode_bytes(data, "t")
    assert "Erdoğan" in text and "Zürich" in text and text.endswith("\ufffd")
    western = "Café déjà vu, señor: ½ price – naïve.".encode("cp1252")
    assert decode_bytes(western, "t").startswith("Café déjà vu")


def test_paragraph_starts_are_set_for_every_line() -> None:
    """C1: 100,000 short lines took 2 GB: each line break set a sentence start one token at a time."""
    doc = load_nlp("")("Title\n" + "one line\n" * 400)
    after_break = [
        t for t in doc[1:] if not t.is_space and "\n" in doc[t.i - 1].text + doc[t.i - 1].whitespace_
    ]
    assert len(after_break) == 400 and all(t.is_sent_start for t in after_break)


def test_ctrl_c_during_a_run_exits_130(tmp_path: Path) -> None:
    """Minor: Ctrl+C during `run` exited 1 ("error: aborted"); README documents 130."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        body = f"Talks {i}\n" + f"Russia sent aid number {i} to Syria on Monday. " * 400
        (src / f"a{i}.txt").write_text(body, encoding="utf-8")
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("patronage")),
            "run",
            str(src),
            "--db",
            str(tmp_path / "i.duckdb"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # a test suite started as a background job inherits SIGINT ignored; a terminal's Ctrl+C is not
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(6)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "error: interrupted" in err, (proc.returncode, err)


def test_a_look_alike_name_is_the_name_it_imitates(tmp_path: Path) -> None:
    """Third pass, C1: "Vl\u0430dimir Putin" (a Cyrillic a) took Putin's id and replaced his record."""
    src = tmp_path / "h.jsonl"
    rows = [
        {"id": "h1", "text": "Vl\u0430dimir Putin met Xi Jinping in Moscow on Monday."},
        {"id": "h2", "text": "\u0420utin met Xi Jinping again in Beijing on Friday."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "h.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    putin = _query(db, "SELECT name, country FROM actors WHERE name LIKE '%utin%'")
    assert putin == [("Vladimir Putin", "RUS")]
    assert _query(db, "SELECT count(*) FROM sentences WHERE text LIKE '%Putin met%'")[0][0] == 2


def test_a_fifo_as_database_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Third pass, C2: --db naming a FIFO hung run, summary and serve for ever."""
    fifo = tmp_path / "f.duckdb"
    os.mkfifo(fifo)
    assert main(["summary", "--db", str(fifo)]) == 1
    assert "not a regular file" in _error(capsys)


def test_actor_lookup_takes_percent_and_underscore_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Third pass, M4: `query actor %` matched Vladimir Putin (a LIKE wildcard)."""
    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    for needle in ("%", "_"):
        assert main(["query", "actor", needle, "--db", str(db)]) == 1
        assert "holds no letter or digit" in _error(capsys)
    for needle in ("Pu%n", "Put_n"):
        assert main(["query", "actor", needle, "--db", str(db)]) == 1
        assert "no actor matches" in _error(capsys)


def test_a_latin1_line_in_a_jsonl_file_reads_as_western_text(tmp_path: Path) -> None:
    """Third pass, M1: "Fran\xe7ois" in one JSONL line was read as cp850 ("Fran\u00feois")."""
    src = tmp_path / "mix.jsonl"
    src.write_bytes(
        b'{"id":"e1","text":"Fran\xe7ois Hollande met Angela Merkel in Paris."}\n'
        b'{"id":"e2","text":"Fran\xc3\xa7ois Hollande met Vladimir Putin in Paris."}\n'
    )
    db = tmp_path / "m.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    texts = [r[0] for r in _query(db, "SELECT text FROM articles ORDER BY doc_id")]
    assert all("François Hollande" in t for t in texts), texts
    polish = "Zażółć gęślą jaźń, powiedział minister w Warszawie.".encode("cp1250")
    assert decode_bytes(polish, "t").startswith("Zażółć")


def test_dash_output_is_standard_output_and_settings_choices_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Third pass, minor: `-o -` wrote a file named "-"; `--set extract.quotes=v9` failed every article."""
    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    monkeypatch.chdir(tmp_path)
    assert main(["export", "actors", "--db", str(db), "-o", "-"]) == 0
    assert '"actor_id"' in capsys.readouterr().out and not (tmp_path / "-").exists()
    assert main(["--set", "extract.quotes=v9", "summary", "--db", str(db)]) == 1
    assert "must be one of v1, v2" in _error(capsys)


def test_ctrl_c_inside_a_database_query_is_an_interrupt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fourth pass, major: Ctrl+C during a DuckDB query printed an internal error and exited 1."""
    import duckdb

    import patronage.cli as cli

    for error in (
        duckdb.InterruptException("INTERRUPT Error: Interrupted!"),
        RuntimeError("Query interrupted"),
    ):

        def stopped(*args: object, error: Exception = error, **kwargs: object) -> None:
            raise error

        monkeypatch.setattr(cli.cli, "main", stopped)
        assert cli.main(["summary"]) == 130
        assert capsys.readouterr().err.strip() == "error: interrupted"

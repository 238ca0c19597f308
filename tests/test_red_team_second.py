"""Issue #20, the second (blind) red-team pass: each defect it found, through the public CLI."""

from __future__ import annotations

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
    assert main(["export", "events", "--db", str(db), "-o", str(out)]) == 0
    assert out.exists() and not stale.exists() and fresh.exists()


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
        (src / f"a{i}.txt").write_text(
            "Talks\n" + "Russia sent aid to Syria on Monday. " * 400, encoding="utf-8"
        )
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
    )
    time.sleep(6)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "error: interrupted" in err, (proc.returncode, err)

"""Exports appear whole or not at all (issue #20, items 11, 19, 25)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from patronage.cli import main
from tests.fixtures.records import sample_corpus, write_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("atomic") / "a.duckdb", sample_corpus())


def _export(db: Path, out: Path | str, *extra: str, fmt: str = "jsonl") -> int:
    return main(["export", "events", "--format", fmt, "--db", str(db), "-o", str(out), *extra])


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "internal error" not in err, err
    return err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "graphml", "ftm"])
def test_a_failed_export_leaves_nothing_and_needs_no_force(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import patronage.commands.export as run_cmd
    import patronage.export.ftm as ftm
    import patronage.export.graph as graph

    out = tmp_path / f"events.{fmt}"
    real_rows = run_cmd.rows_for

    def rows_then_crash(kind: str, store: object, *filters: object):  # type: ignore[no-untyped-def]
        yield from list(real_rows(kind, store, *filters))[:1]  # type: ignore[arg-type]
        assert not out.exists(), "the target never holds a partial export"
        raise OSError(28, "No space left on device")

    def crash(store: object, fh: object) -> int:
        fh.write("partial")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(run_cmd, "rows_for", rows_then_crash)
    monkeypatch.setattr(ftm, "write_ftm", crash)
    monkeypatch.setattr(graph, "write_graphml", crash)
    assert _export(db, out, fmt=fmt) == 1
    assert "No space left on device" in _error_line(capsys)
    assert os.listdir(tmp_path) == [], "no partial file and no temporary file left"
    monkeypatch.undo()
    assert _export(db, out, fmt=fmt) == 0, "no --force needed after a failed export"
    assert out.stat().st_size > 0


def test_export_replaces_with_force_and_keeps_the_usual_mode(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert _export(db, out) == 1
    assert _export(db, out, "--force") == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["event_id"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_into_a_missing_directory_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(db, tmp_path / "missing" / "e.jsonl") == 1
    assert "no such directory" in _error_line(capsys)


def test_a_dangling_symlink_is_not_followed(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link, elsewhere = tmp_path / "e.jsonl", tmp_path / "elsewhere.jsonl"
    link.symlink_to(elsewhere)
    assert _export(db, link) == 1
    assert "dangling symbolic link" in _error_line(capsys)
    assert not elsewhere.exists()
    assert _export(db, link, "--force") == 0
    assert not link.is_symlink() and link.stat().st_size > 0 and not elsewhere.exists()


def test_a_missing_database_creates_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _export(tmp_path / "none.duckdb", tmp_path / "e.jsonl") == 1
    assert "no such database" in _error_line(capsys)
    assert os.listdir(tmp_path) == []

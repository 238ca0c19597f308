"""``patronage report``: the dossier on standard output or in a file, and its one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from patronage.cli import main
from tests.fixtures.dossier import dossier_corpus
from tests.fixtures.records import write_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_store(tmp_path_factory.mktemp("dossier") / "dossier.duckdb", dossier_corpus()))


def test_markdown_on_standard_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "Putin", "--relation", "harbours", "--as-of", "2014", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Vladimir Putin\n")
    assert "**Vladimir Putin harbours Viktor Yanukovych**: 2014 (year)" in out
    assert "Edward Snowden" in out and "Bashar al-Assad" not in out  # his refuge is of 2024


def test_html_to_a_file_needs_force_to_replace_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "putin.html"
    assert main(["report", "Putin", "--format", "html", "--db", db, "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and capsys.readouterr().out == ""
    out.write_text("keep", encoding="utf-8")
    os.chmod(out, 0o640)
    assert main(["report", "Putin", "--db", db, "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == f"error: {out}: output file exists; use --force to overwrite"
    assert out.read_text(encoding="utf-8") == "keep"
    assert main(["report", "Putin", "--db", db, "-o", str(out), "--force"]) == 0
    assert (
        out.read_text(encoding="utf-8").startswith("# Vladimir Putin")
        and (out.stat().st_mode & 0o777) == 0o640
    )
    assert main(["report", "Putin", "--db", db, "-o", db, "--force"]) == 1  # never the database
    assert "never replaced" in capsys.readouterr().err
    assert main(["report", "Putin", "--db", db, "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Vladimir Putin")


def test_a_failed_report_leaves_no_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "nobody.md"
    assert main(["report", "Nobody", "--db", db, "-o", str(out)]) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Nobody"], "error: no actor matches 'Nobody'"),
        (["Putin", "--as-of", "2015-02-30"], "error: --as-of: impossible date '2015-02-30'"),
        (["Putin", "--as-of", "soon"], "error: --as-of: --as-of expects YYYY, YYYY-MM or YYYY-MM-DD, not 'soon'"),
        (["Putin", "--relation", "befriends"], "error: --relation: unknown relation 'befriends'; choose from "
         "harbours, supports, allied_with, hosts, releases, engages, opposes, personal_tie, relations"),
    ],
)  # fmt: skip
def test_errors_are_one_line(
    db: str, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *args, "--db", db]) == 1
    captured = capsys.readouterr()
    assert captured.err == message + "\n" and captured.out == ""


def test_a_missing_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.duckdb"
    assert main(["report", "Putin", "--db", str(missing)]) == 1
    assert capsys.readouterr().err == f"error: {missing}: no such database; run `patronage run` first\n"
    assert not missing.exists()


def test_an_unknown_format_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "Putin", "--format", "pdf", "--db", db]) == 2
    assert "error: Invalid value for '--format'" in capsys.readouterr().err

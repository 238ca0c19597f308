"""Issue #20, the fifth (blind) red-team pass: each defect it found, through the public CLI."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.ingest import readers
from patronage.ingest.files import wide_lines
from patronage.model.records import Article, Failure
from tests.fixtures.records import sample_corpus, write_store


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("error: ") and "internal error" not in err, err
    return err


def test_an_html_page_of_too_many_elements_is_one_failure(tmp_path: Path) -> None:
    """C1: a page of tens of thousands of tiny blocks took gigabytes in article extraction."""
    wall = (
        "<html><body>" + '<div><span>Share</span> <a href="/x">Tweet</a></div>\n' * 20_000 + "</body></html>"
    )
    (tmp_path / "wall.html").write_text(wall, encoding="utf-8")
    page = "<html><head><title>Talks</title></head><body><p>Angela Merkel met Emmanuel Macron in Paris.</p></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    items = list(readers.read_inputs([str(tmp_path)]))
    from patronage.clean import clean_article

    outcomes = {}
    for item in items:
        assert isinstance(item, Article)
        try:
            clean_article(item)
            outcomes[Path(item.origin or "").name] = "ok"
        except Exception as exc:  # noqa: BLE001 - the failure is the point
            outcomes[Path(item.origin or "").name] = str(exc)
    assert outcomes["page.html"] == "ok"
    assert "60,002 elements" in outcomes["wall.html"] and "no article page" in outcomes["wall.html"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_gazetteer_file_is_read_only_when_regular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """M1: a FIFO as resolve.gazetteer hung for ever, a link to /dev/zero read until memory ran out."""
    fifo = tmp_path / "extra.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    src = tmp_path / "a.txt"
    src.write_text("Talks\nPutin met Xi in Moscow.", encoding="utf-8")
    for extra in (fifo, zero):
        code = main(
            ["--set", f"resolve.gazetteer={extra}", "run", str(src), "--db", str(tmp_path / "x.duckdb")]
        )
        assert code == 1 and "not a regular file" in _error(capsys)


def test_bench_reads_its_corpus_as_run_reads_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """M3: `bench --corpus` gave internal errors on a JSONL line that is no object, hung on a FIFO."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('[1]\n"x"\nnot json\n', encoding="utf-8")
    assert main(["bench", "--articles", "2", "--corpus", str(bad)]) == 1
    assert "no articles with text" in _error(capsys)
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    assert main(["bench", "--articles", "2", "--corpus", str(zero)]) == 1
    assert "not a regular file" in _error(capsys)


def test_wide_jsonl_is_read_line_by_line_whatever_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """M4: UTF-16 JSONL over the 64 MB whole-file cap was refused whole (0 of 9,973 articles)."""
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1_000)  # a whole-file cap the wide file is far over
    rows = [
        {"id": f"a{i}", "title": "T", "date": "2020-01-01", "text": "Putin met Xi in Moscow. " * 20}
        for i in range(5)
    ]
    text = "\n".join(json.dumps(r) for r in rows) + "\n"
    for codec in ("utf-16", "utf-16-le", "utf-32"):
        path = tmp_path / f"w-{codec}.jsonl"
        path.write_bytes(text.encode(codec))
        items = list(readers.read_inputs([str(path)]))
        assert [i.doc_id for i in items if isinstance(i, Article)] == [f"a{i}" for i in range(5)], codec
        assert not [i for i in items if isinstance(i, Failure)]


def test_wide_lines_are_bounded() -> None:
    data = ("short\n" + "x" * 500 + "\nlast\n").encode("utf-16")
    got = list(wide_lines(io.BytesIO(data), "utf-16", limit=100))
    assert got[0] == b"short\n" and got[-1] == b"last\n"
    assert any(isinstance(g, Exception) and "longer than" in str(g) for g in got)


def test_a_damaged_store_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """M2: overwritten pages gave "internal error (Error: Corrupt database file …)"."""
    db = write_store(tmp_path / "d.duckdb", sample_corpus())
    size = db.stat().st_size
    with db.open("r+b") as fh:  # overwrite every data block past the header
        fh.seek(12288)
        fh.write(b"\xab" * (size - 12288))
    for command in (["summary"], ["query", "actor", "Assad"], ["export", "events", "-o", "-"]):
        code = main([*command, "--db", str(db)])
        err = _error(capsys)
        assert code == 1 and ("damaged" in err or "cannot read database" in err or "not a" in err), err

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.config import Settings
from patronage.errors import StoreError
from patronage.runner import exit_code, run
from patronage.store import Store


def _articles(tmp_path: Path, n: int) -> Path:
    src = tmp_path / "a.jsonl"
    rows = [
        {"id": f"r-{i}", "title": "T", "date": "2020-01-01", "text": f"France praised Germany on day {i}."}
        for i in range(n)
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return src


def test_a_failing_article_is_recorded_and_the_rest_of_its_batch_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Store.write

    def flaky(self: Store, results, failures, run_id):  # type: ignore[no-untyped-def]
        if any(r.article.doc_id == "r-2" for r in results):
            raise StoreError("simulated write failure")
        return original(self, results, failures, run_id)

    monkeypatch.setattr(Store, "write", flaky)
    settings = Settings().replace(run__db=str(tmp_path / "x.duckdb"), run__batch_size=4)
    report = run([str(_articles(tmp_path, 6))], settings)
    assert report.n_new == 5 and report.n_failed == 1
    assert exit_code(report) == 1
    monkeypatch.setattr(Store, "write", original)
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        docs = {r[0] for r in store.query("SELECT doc_id FROM articles")}
        failures = store.query("SELECT doc, stage, message FROM failures")
    assert docs == {"r-0", "r-1", "r-3", "r-4", "r-5"}
    assert failures == [("r-2", "store", "simulated write failure")]


def test_incremental_run_processes_only_new_articles(tmp_path: Path) -> None:
    settings = Settings().replace(run__db=str(tmp_path / "x.duckdb"))
    src = _articles(tmp_path, 5)
    assert run([str(src)], settings).n_new == 5
    more = tmp_path / "more.jsonl"
    more.write_text(
        src.read_text(encoding="utf-8")
        + json.dumps({"id": "r-new", "title": "T", "text": "Japan thanked India."})
        + "\n",
        encoding="utf-8",
    )
    report = run([str(more)], settings)
    assert (report.n_new, report.n_unchanged) == (1, 5)


def _run_lines(tmp_path: Path, rows: list[dict[str, str]], batch_size: int = 32) -> tuple[object, Path]:
    src = tmp_path / "dup.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "dup.duckdb"
    settings = Settings().replace(run__db=str(db), run__batch_size=batch_size)
    return run([str(src)], settings), db


@pytest.mark.parametrize("batch_size", [1, 32], ids=["across-batches", "one-batch"])
def test_a_duplicate_id_takes_over_when_the_first_copy_fails(tmp_path: Path, batch_size: int) -> None:
    """Issue #20, item 6: an id counts as seen only once an article under it is stored."""
    rows = [
        {"id": "dup", "html": "<script>alert(1)</script>"},
        {"id": "dup", "text": "Russia sent aid to Syria on Monday."},
        {"id": "dup", "text": "A third copy, a true duplicate."},
    ]
    report, db = _run_lines(tmp_path, rows, batch_size)
    with Store(db, read_only=True) as store:
        (text,) = store.query("SELECT text FROM articles WHERE doc_id = 'dup'")[0]
        failures = store.query("SELECT stage, level, message FROM failures ORDER BY level, message")
    assert "Russia sent aid to Syria" in text
    assert [f[:2] for f in failures] == [("clean", "error"), ("ingest", "warning")]
    assert "dup.jsonl:3" in failures[1][2] and "dup.jsonl:2 was kept" in failures[1][2]
    assert report.n_new == 1 and report.n_read == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize("batch_size", [1, 32], ids=["across-batches", "one-batch"])
def test_a_duplicate_waits_for_an_analysis_failure_of_the_first_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    import patronage.scale.engines as engines
    from patronage.model.records import Failure

    real = engines.analyse_batch

    def first_copy_fails(batch, values):  # type: ignore[no-untyped-def]
        results, timings = real(batch, values)
        return [
            Failure(r.article.doc_id, "nlp", "ExtractionError", "simulated")
            if getattr(r, "article", None) is not None and "first copy" in r.article.text
            else r
            for r in results
        ], timings

    monkeypatch.setattr(engines, "analyse_batch", first_copy_fails)
    rows = [
        {"id": "dup", "text": "The first copy: Russia sent aid to Syria."},
        {"id": "dup", "text": "The second copy: Iran threatened Israel."},
    ]
    report, db = _run_lines(tmp_path, rows, batch_size)
    with Store(db, read_only=True) as store:
        assert "second copy" in store.query("SELECT text FROM articles WHERE doc_id = 'dup'")[0][0]
    assert report.n_new == 1 and report.n_failed == 1  # type: ignore[attr-defined]

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

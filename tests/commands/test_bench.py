"""``patronage bench``: both timings in one run, on the same texts, with the JSON keys the issue names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.commands.bench import measure
from patronage.config import Settings

KEYS = {
    "spacy_words_per_s",
    "pipeline_words_per_s",
    "ratio",
    "articles_per_s",
    "workers",
    "peak_rss_mb",
    "stages",
}


def corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = [
        {
            "title": f"Talks in round {i}",
            "date": "2021-03-0" + str(1 + i % 9),
            "text": f"Kenya and Uganda held talks in Nairobi on trade, officials said in round {i}. "
            "The two governments agreed to reopen the border crossing next month.",
        }
        for i in range(n)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    return path


def test_one_worker_reports_every_figure(tmp_path: Path) -> None:
    result = measure(Settings(), 6, 1, corpus(tmp_path, 8))
    assert set(result) >= KEYS
    assert result["articles"] == 6 and result["workers"] == 1 and result["failed"] == 0
    # the ratio is rounded to 3 decimals: a small one (cold start on 6 articles) is off by up to 0.0005
    assert result["ratio"] == pytest.approx(
        result["pipeline_words_per_s"] / result["spacy_words_per_s"], rel=0.01, abs=0.001
    )
    assert abs(sum(result["stages"].values()) - 1.0) < 0.01 and "nlp" in result["stages"]
    assert list(result["scaling"]) == ["1"] and result["speedup"] == 1.0
    assert result["peak_rss_mb"] > 50


@pytest.mark.slow
def test_more_workers_are_compared_with_one_in_the_same_run(tmp_path: Path) -> None:
    result = measure(Settings(), 6, 2, corpus(tmp_path, 6))
    assert list(result["scaling"]) == ["1", "2"]
    assert result["speedup"] == pytest.approx(result["scaling"]["2"] / result["scaling"]["1"], rel=0.01)
    assert result["pipeline_words_per_s"] == pytest.approx(result["scaling"]["2"], rel=0.01)

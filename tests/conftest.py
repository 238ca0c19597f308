"""Shared fixtures: paths to ../shared and small written-for-test articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.model.records import AnalysedArticle

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def analyse_text(text: str, date: str = "2020-01-01", doc_id: str = "t") -> AnalysedArticle:
    """One text of our own through the analysis stage (packaged gazetteer), as a one-article batch would be."""
    from patronage.analysis import Analyser
    from patronage.ingest.ids import content_hash
    from patronage.model.records import CleanArticle
    from patronage.nlp.loader import load_nlp
    from patronage.resolve.registry import load_gazetteer

    article = CleanArticle(doc_id, "", text, date, None, None, "test", content_hash(text))
    return Analyser(load_nlp(), load_gazetteer(())).analyse_one(article)


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available beside the checkout")
    return path


@pytest.fixture
def small_jsonl(tmp_path: Path) -> Path:
    """Two short articles of our own, as JSONL."""
    rows = [
        {
            "id": "t-1",
            "title": "Minister visits Ankara",
            "date": "2021-03-04",
            "text": "The Greek foreign minister Nikos Dendias visited Ankara on Tuesday.\n\n"
            "He met his Turkish counterpart Mevlut Cavusoglu for talks on maritime borders.",
        },
        {
            "id": "t-2",
            "title": "Asylum granted",
            "date": "2013-08-02",
            "text": "Russia granted Edward Snowden temporary asylum on Thursday, his lawyer said.",
        },
    ]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path

"""Migrations: a store written before ``speaker_confidence`` upgrades in place, and the export shows it."""

from __future__ import annotations

from pathlib import Path

import duckdb

from patronage.export.tables import quote_rows
from patronage.model.records import ActorRef, AnalysedArticle, CleanArticle, Evidence, Quote, Sentence
from patronage.store import SCHEMA_VERSION, Store
from patronage.store.schema import MIGRATIONS

TEXT = "“The deal is done,” the minister said."


def _schema_six_store(path: Path) -> None:
    """A store as schema 6 left it (before quotes had a speaker confidence), holding one quote."""
    con = duckdb.connect(str(path))
    for migration in MIGRATIONS[:6]:
        for statement in migration:
            con.execute(statement)
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    con.execute(
        "INSERT INTO schema_version VALUES (1, now()), (2, now()), (3, now()), (4, now()), (5, now()), (6, now())"
    )
    con.execute(
        "INSERT INTO quotes (quote_id, doc_id, speaker_actor_id, speaker_name, speaker_kind, text, direct, sentence)"
        " VALUES ('q-old', 'd-old', 'person/x', 'X', 'person', 'old words', true, 'old words, X said.')"
    )
    con.close()


def _article(doc_id: str) -> AnalysedArticle:
    clean = CleanArticle(doc_id, "T", TEXT, "2020-01-01", None, None, "test", "h")
    ev = Evidence(doc_id, 0, len(TEXT), TEXT, 0, "test")
    resolved = ActorRef("source/abc", "the minister", "person", None, None, "the minister")
    quotes = (
        Quote("q-1", resolved, "The deal is done", "said", True, ev, "the minister", 0.9),
        Quote("q-2", None, "Later words", "said", True, ev, "she", None),
    )
    return AnalysedArticle(clean, (Sentence(doc_id, 0, 0, len(TEXT), TEXT),), (), (), (), quotes, ())


def test_old_store_gains_speaker_confidence_and_exports_it(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _schema_six_store(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 7
        store.write([_article("d-new")], [], store.start_run("test", "0"))
    with Store(path, read_only=True) as store:
        rows = {r["quote_id"]: r for r in quote_rows(store)}
    assert rows["q-old"]["speaker_confidence"] is None  # stored before confidences existed
    assert rows["q-1"]["speaker_confidence"] == 0.9
    # an unresolved speaker is shown as such: no actor, no confidence, the words the text used
    assert rows["q-2"]["speaker"] is None and rows["q-2"]["speaker_confidence"] is None
    assert rows["q-2"]["speaker_text"] == "she"

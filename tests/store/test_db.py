from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from patronage.errors import StoreError
from patronage.model.records import AnalysedArticle, Failure
from patronage.store import SCHEMA_VERSION, Store
from tests.fixtures.records import RUSSIA, SYRIA, ArticleBuilder, ref


def _article(doc_id: str, text: str, digest: str) -> AnalysedArticle:
    b = ArticleBuilder(doc_id, text, content_hash=digest)
    moscow = b.mention(RUSSIA, "Moscow")
    b.event(f"e-{doc_id}", "AID", moscow, ref(SYRIA), text, cameo="075", context=("asylum",), date="2020-01")
    return b.build()


def test_schema_is_created_and_versioned(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        assert store.query("SELECT max(version) FROM schema_version")[0][0] == SCHEMA_VERSION
    with Store(db) as store:  # reopening does not re-run migrations
        assert store.query("SELECT count(*) FROM schema_version")[0][0] == SCHEMA_VERSION


def test_write_replaces_an_articles_facts(tmp_path: Path) -> None:
    with Store(tmp_path / "x.duckdb") as store:
        run = store.start_run("test", "v")
        store.write([_article("d1", "Moscow helps Syria.", "h1")], [], run)
        store.write(
            [_article("d1", "Moscow helps Syria again.", "h2")], [Failure("other", "ingest", "E", "m")], run
        )
        assert store.query("SELECT count(*) FROM events")[0][0] == 1
        assert store.query("SELECT count(*) FROM articles")[0][0] == 1
        assert store.known_hashes(["d1", "nope"]) == {"d1": "h2"}
        assert store.query("SELECT count(*) FROM roles WHERE doc_id IS NULL")[0][0] == 1
        assert store.query("SELECT count(*) FROM failures")[0][0] == 1


def test_failed_write_rolls_back_the_whole_batch(tmp_path: Path) -> None:
    with Store(tmp_path / "x.duckdb") as store:
        run = store.start_run("test", "v")
        good = _article("d1", "Moscow helps Syria.", "h1")
        dup = _article("d2", "Moscow helps Syria.", "h2")
        # same event id twice violates the primary key: nothing of the batch may remain
        bad = AnalysedArticle(dup.article, dup.sentences, dup.mentions, dup.actors, good.events, (), ())
        with pytest.raises(StoreError):
            store.write([good, bad], [], run)
        assert store.query("SELECT count(*) FROM articles")[0][0] == 0
        assert store.query("SELECT count(*) FROM events")[0][0] == 0


def test_read_only_open_of_missing_db_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_non_patronage_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a patronage database"):
        Store(path, read_only=True)

"""Migration 4: a store written by an older version gets relations by this version's rule."""

from __future__ import annotations

from pathlib import Path

from patronage.store import SCHEMA_VERSION, Store
from tests.fixtures.records import old_store


def _old_store(path: Path) -> None:
    """A store at schema 3 holding what an older version wrote: relations from every event."""
    con = old_store(path, 3)
    con.execute("INSERT INTO articles (doc_id, content_hash) VALUES ('d1', 'h1')")
    ref = "'{0}', '{1}', 'country', '{0}', NULL, '{1}'"
    events = [
        ("e1", "COOPERATE", "asserted", "actual"),  # once an alliance, now support
        ("e2", "ACCUSE", "asserted", "intended"),  # never happened: no relation
        ("e3", "AID", "negated", "actual"),  # denied: no relation
        ("e4", "THREATEN", "asserted", "actual"),  # stays opposes
    ]
    for event_id, kind, polarity, modality in events:
        con.execute(
            f"""INSERT INTO events (event_id, doc_id, type, source_actor_id, source_name, source_kind,
                   source_country, source_sector, source_text, target_actor_id, target_name, target_kind,
                   target_country, target_sector, target_text, polarity, modality)
                VALUES ('{event_id}', 'd1', '{kind}', {ref.format("RUS", "Russia")},
                        {ref.format("SYR", "Syria")}, '{polarity}', '{modality}')"""
        )
    old = [("e1", "allied_with", "positive"), ("e2", "opposes", "negative"), ("e3", "supports", "positive"),
           ("e4", "opposes", "negative"), ("e4", "supports", "positive")]  # fmt: skip
    for event_id, relation, sign in old:
        con.execute(
            f"""INSERT INTO relations (doc_id, source_actor_id, target_actor_id, relation, polarity, origin)
                VALUES ('d1', 'RUS', 'SYR', '{relation}', '{sign}', 'event:{event_id}')"""
        )
    con.execute(
        """INSERT INTO relations (doc_id, source_actor_id, target_actor_id, relation, polarity, origin)
           VALUES ('d1', 'RUS', 'SYR', 'personal_tie', 'negative', 'statement')"""
    )
    con.close()


def test_relations_are_rederived_and_articles_marked_for_reanalysis(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        rows = store.query("SELECT origin, relation, polarity FROM relations ORDER BY origin, relation")
        assert rows == [
            ("event:e1", "supports", "positive"),
            ("event:e4", "opposes", "negative"),
            ("statement", "personal_tie", "negative"),
        ]
        # the next run over the same inputs re-analyses the article instead of skipping it
        assert store.known_hashes(["d1"]) != {"d1": "h1"}
        assert store.query("SELECT count(*) FROM removed_lines") == [(0,)]

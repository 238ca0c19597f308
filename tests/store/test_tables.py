"""One row mapping per table: the migrated schema holds exactly its records' fields, and rows go both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from patronage.model.records import Actor, ActorRef, Evidence, Quote, Role
from patronage.store import Store
from patronage.store.tables import ACTORS, QUOTES, RECORD_TABLES, ROLES, Table


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(tmp_path_factory.mktemp("tables") / "t.duckdb")


@pytest.mark.parametrize("table", list(RECORD_TABLES.values()), ids=list(RECORD_TABLES))
def test_each_table_holds_exactly_its_records_fields(store: Store, table: Table[object]) -> None:
    """A field added to a record without its migration (or a column without its field) fails here."""
    described = {r["column_name"]: r["column_type"] for r in store.rows(f"DESCRIBE {table.name}")}
    assert described == table.types


def test_a_quote_without_an_actor_keeps_its_described_speaker_in_the_shared_column() -> None:
    ev = Evidence("d", 0, 20, "Officials said so.", 0, "test")
    anonymous = Quote("q1", None, "so", "said", False, ev, "Officials")
    row = QUOTES.row(anonymous)
    assert row["speaker_actor_id"] is None and row["speaker_text"] == "Officials"
    assert QUOTES.record(row) == anonymous
    named = Quote(
        "q2", ActorRef("p", "Putin", "person", "RUS", "GOV", "Mr. Putin"), "so", "said", False, ev, "he"
    )
    assert QUOTES.row(named)["speaker_text"] == "Mr. Putin"  # the speaker's own text comes first


def test_roles_and_actors_keep_what_their_tables_add(tmp_path: Path) -> None:
    role = Role("president", "SYR", "2000-07-17", "2024-12-08", "gazetteer")
    row = ROLES.row(role, actor_id="person/assad")
    assert row["actor_id"] == "person/assad" and row["doc_id"] is None and row["ev_start"] is None
    assert ROLES.record(row) == role  # no evidence: doc_id is null
    actor = Actor("person/assad", "Bashar al-Assad", "person", "SYR", "GOV", None, ("Assad",), (role,))
    stored = ACTORS.row(actor, origin="gazetteer")
    assert "roles" not in stored and stored["aliases"] == ["Assad"]
    assert ACTORS.record(stored) == Actor(
        "person/assad", "Bashar al-Assad", "person", "SYR", "GOV", None, ("Assad",)
    )

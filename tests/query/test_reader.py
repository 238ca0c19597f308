"""``patronage.open``: a read-only store with typed queries over the records the analysis wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

import patronage
from patronage.model.records import Actor, Event, Quote, Relation
from tests.fixtures.records import ASSAD as ASSAD_ACTOR
from tests.fixtures.records import RUSSIA as RUSSIA_ACTOR
from tests.fixtures.records import SNOWDEN, sample_corpus

ASSAD, RUSSIA = ASSAD_ACTOR.actor_id, RUSSIA_ACTOR.actor_id


@pytest.fixture
def db(sample_db: Path) -> Path:
    return sample_db


def test_records_come_back_as_they_were_written(db: Path) -> None:
    written = {e.event_id: e for doc in sample_corpus() for e in doc.events}
    with patronage.open(db) as store:
        events = store.events()
        assert [type(e) for e in events] == [Event] * len(written)
        assert {e.event_id: e for e in events} == written
        assert store.event("ev-visit") == written["ev-visit"]
        assert [q.text for q in store.quotes()] == ["the decision was a humanitarian one"]
        assert all(isinstance(q, Quote) for q in store.quotes(speaker="person/Q7747"))
        assert {r.relation for r in store.relations(actor=ASSAD)} == {"harbours", "supports", "personal_tie"}
        assert all(isinstance(r, Relation) for r in store.relations())


def test_typed_filters_and_views(db: Path) -> None:
    with patronage.open(db) as store:
        assert [e.event_id for e in store.events(actor=RUSSIA, types=["aid"])] == ["ev-snowden", "ev-asylum"]
        assert [e.event_id for e in store.events(start="2015", end="2019-05")] == ["ev-visit", "ev-hostile"]
        assad = store.actor(ASSAD)
        assert isinstance(assad, Actor) and assad.roles[0].title == "president"
        assert store.find_actors("assad")[0]["actor_id"] == ASSAD
        assert store.profile(ASSAD, as_of="2016")["name"] == "Bashar al-Assad"
        assert {n["id"] for n in store.network(RUSSIA)["nodes"]} >= {RUSSIA, ASSAD}
        assert store.path_between(RUSSIA, SNOWDEN.actor_id) is not None
        assert store.search("asylum")["sentences"]
        assert store.failures() == []


def test_open_is_read_only_and_names_what_is_missing(db: Path, tmp_path: Path) -> None:
    with patronage.open(db) as store, pytest.raises(Exception, match="read-only"):
        store.con.execute("DELETE FROM events")
    with pytest.raises(patronage.StoreError):
        patronage.open(tmp_path / "none.duckdb")
    with patronage.open(db) as store, pytest.raises(patronage.NotFoundError):
        store.event("no-such-event")

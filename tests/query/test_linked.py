"""Linked events as exported (``export events --level event``), and what dyads and relations count of them."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

import patronage
from patronage.cli import main
from patronage.model.records import Relation
from patronage.query.dyads import dyad_series
from patronage.query.linked import linked_event_rows
from patronage.query.relations import aggregated_relations
from patronage.store import Store
from tests.fixtures.records import ASSAD, RUSSIA, ref, write_store
from tests.store.test_links import articles


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("linked") / "l.duckdb", articles())


def _export(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", "events", "--db", str(db), "-o", "-", *args]) == 0
    return capsys.readouterr().out


def test_an_event_row_holds_its_reports_and_counts_only_corroborating_ones(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = {r["n_reports"]: r for r in linked_event_rows(store)}
    asylum = rows[5]
    assert (asylum["family"], asylum["type"], asylum["types"]) == ("cooperate", "AID", ["AID"])
    assert (asylum["source"]["name"], asylum["target"]["name"]) == (RUSSIA.name, ASSAD.name)
    assert (asylum["date"], asylum["date_precision"]) == ("2024-12-08", "day")
    # the hearsay report is attached but corroborates nothing; Outlet A wrote two of the articles
    assert (asylum["n_corroborating"], asylum["n_articles"], asylum["n_sources"]) == (4, 4, 3)
    assert (asylum["first_reported"], asylum["last_reported"]) == ("2024-12-09", "2025-01-15")
    heard = next(r for r in asylum["reports"] if r["event_id"] == "r2-heard")
    assert heard["modality"] == "reported" and heard["corroborates"] is False
    with patronage.open(db) as reader:  # the library reads the same objects
        assert max(reader.linked_events(), key=lambda e: e["n_reports"]) == asylum
    first = next(r for r in asylum["reports"] if r["event_id"] == "r1")
    assert first["article"] == {
        "doc_id": "a-1", "title": "Assad in Moscow", "source": "Outlet A", "date": "2024-12-09", "url": None,
    }  # fmt: skip
    assert first["evidence"]["sentence"].startswith("Russia granted asylum")


def test_report_rows_are_unchanged_and_the_default(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default = _export(db, capsys)
    assert _export(db, capsys, "--level", "report") == default
    first = json.loads(default.splitlines()[0])
    assert "linked_event_id" not in first and "n_reports" not in first and len(default.splitlines()) == 7


def test_event_level_in_every_table_format(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.loads(line) for line in _export(db, capsys, "--level", "event").splitlines()]
    assert sorted(r["n_reports"] for r in lines) == [1, 1, 5]
    assert sum(r["n_reports"] for r in lines) == 7  # every report in exactly one event
    table = list(csv.DictReader(io.StringIO(_export(db, capsys, "--level", "event", "--format", "csv"))))
    assert {"linked_event_id", "n_reports", "n_articles", "n_sources", "source_name", "reports"} <= set(
        table[0]
    )
    assert sorted(int(r["n_reports"]) for r in table) == [1, 1, 5]
    assert len(json.loads(next(r for r in table if r["n_reports"] == "5")["reports"])) == 5
    out = tmp_path / "events.parquet"
    assert (
        main(["export", "events", "--db", str(db), "--level", "event", "--format", "parquet", "-o", str(out)])
        == 0
    )
    counts = (
        duckdb.connect()
        .execute(f"SELECT sum(n_reports), max(len(reports)) FROM read_parquet('{out}')")
        .fetchone()
    )
    assert counts == (7, 5)
    assert main(["export", "events", "--db", str(db), "--level", "event", "--format", "gexf", "-o", "-"]) == 1
    assert main(["export", "quotes", "--db", str(db), "--level", "event", "-o", "-"]) == 1
    assert "--level event applies to `export events`" in capsys.readouterr().err


def test_dyads_count_events_beside_reports(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = dyad_series(store, "month", unit="actor").rows
    december = next(
        r for r in rows if r["period"] == "2024-12" and r["target"] == ASSAD.actor_id and r["AID"]
    )
    # five asylum reports (one hearsay, which dyads count as reported) tell one event
    assert (december["reports"], december["events"], december["cooperation_events"]) == (5, 1, 1)
    assert (december["AID"], december["COOPERATE"], december["conflict_events"]) == (5, 0, 0)
    assert list(december)[-3:] == ["events", "cooperation_events", "conflict_events"]


def test_relations_count_articles_outlets_and_events(tmp_path: Path) -> None:
    stated = []
    for article, event_id in zip(articles(), ("r1", "r2", "r3", "r4"), strict=True):
        event = next(e for e in article.events if e.event_id == event_id)
        implied = Relation(ref(RUSSIA), ref(ASSAD), "harbours", event.evidence, origin=f"event:{event_id}")
        stated.append(replace(article, relations=(implied,)))
    path = write_store(tmp_path / "r.duckdb", stated)
    with Store(path, read_only=True) as store:
        (harbours,) = aggregated_relations(store)
    assert (harbours["support"], harbours["n_articles"], harbours["n_sources"], harbours["n_events"]) == (
        4,
        4,
        3,
        1,
    )
    assert list(harbours)[-3:] == ["n_articles", "n_sources", "n_events"]

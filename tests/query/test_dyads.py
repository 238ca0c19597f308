"""Dyad time series: event counts per (source, target, period) and PLOVER type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.query.dyads import dyad_series, period_of
from patronage.store import Store
from tests.fixtures.records import ASSAD, IRAN, PUTIN, RUSSIA, SYRIA, ArticleBuilder, write_store

TEXT = (
    "Russia sent jets to Syria. Putin met Assad in Moscow. Russia shelled rebels in Syria. "
    "Iran did not send fuel to Syria. Russia will send more jets to Syria. Putin praised Assad."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    first = ArticleBuilder("d-1", TEXT, date="2015-10-21")
    putin, assad = (PUTIN, "Putin"), (ASSAD, "Assad")
    dyad = {"dyad_source": "RUS", "dyad_target": "SYR"}
    first.event("e1", "AID", RUSSIA, SYRIA, "Russia sent", date="2015-10-01", **dyad)
    first.event("e2", "CONSULT", putin, assad, "Putin met", date="2015-10-20", **dyad)
    first.event("e3", "ASSAULT", RUSSIA, SYRIA, "Russia shelled", date="2015-11", **dyad)
    first.event(  # negated: no fuel was sent, nothing happened
        "e4", "AID", IRAN, SYRIA, "Iran did not", date="2015-10-05", polarity="negated",
        dyad_source="IRN", dyad_target="SYR",
    )  # fmt: skip
    first.event("e5", "AID", RUSSIA, SYRIA, "Russia will", date="2015-12", modality="intended", **dyad)
    first.event("e6", "SUPPORT", putin, assad, "Putin praised", date="2015", confidence=0.05, **dyad)
    second = ArticleBuilder("d-2", "Putin met Assad again.", date="2015-10-22")
    second.event("e7", "CONSULT", putin, assad, "Putin met", date="2015-10-21", **dyad)
    return write_store(tmp_path_factory.mktemp("dyads") / "d.duckdb", [first.build(), second.build()])


def test_period_labels() -> None:
    assert [period_of("2015-10-21", by) for by in ("day", "week", "month", "year")] == [
        "2015-10-21",
        "2015-W43",
        "2015-10",
        "2015",
    ]


def test_monthly_country_dyads_count_what_happened(db: Path) -> None:
    with Store(db, read_only=True) as store:
        series = dyad_series(store, "month")
    rows = {(r["source"], r["target"], r["period"]): r for r in series.rows}
    assert set(rows) == {("RUS", "SYR", "2015-10"), ("RUS", "SYR", "2015-11")}
    october = rows[("RUS", "SYR", "2015-10")]
    assert (october["reports"], october["articles"], october["AID"], october["CONSULT"]) == (3, 2, 1, 2)
    assert (october["cooperation"], october["conflict"]) == (3, 0)
    assert (rows[("RUS", "SYR", "2015-11")]["ASSAULT"], rows[("RUS", "SYR", "2015-11")]["conflict"]) == (1, 1)
    assert series.unplaced == 1  # the support dated only to the year; negated and intended never count


def test_types_unit_and_confidence_narrow_the_count(db: Path) -> None:
    with Store(db, read_only=True) as store:
        yearly = dyad_series(store, "year", ["SUPPORT", "CONSULT"], unit="actor")
        sure = dyad_series(store, "year", ["SUPPORT"], unit="actor", min_confidence=0.5)
    assert [
        (r["source_name"], r["target_name"], r["period"], r["CONSULT"], r["SUPPORT"]) for r in yearly.rows
    ] == [("Vladimir Putin", "Bashar al-Assad", "2015", 2, 1)]
    assert "AID" not in yearly.rows[0]
    assert sure.rows == []


def test_daily_series_leave_out_coarser_dates_and_say_so(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["export", "dyads", "--db", str(db), "--by", "week", "--types", "aid,consult,assault", "-o", "-"]
        )
        == 0
    )
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(r["period"], r["AID"], r["CONSULT"]) for r in lines] == [("2015-W40", 1, 0), ("2015-W43", 0, 2)]
    assert "1 event report dated" in err  # the shelling, dated only to its month
    assert "left out" in err


def test_dyads_are_a_table_and_types_are_checked(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "dyads", "--db", str(db), "--format", "gexf", "-o", "-"]) == 1
    assert "jsonl, csv or parquet" in capsys.readouterr().err
    assert main(["export", "dyads", "--db", str(db), "--types", "HUG", "-o", "-"]) == 1
    assert "unknown event type" in capsys.readouterr().err

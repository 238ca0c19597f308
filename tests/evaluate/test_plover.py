"""Scoring of PLOVER event coding against gold records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from patronage.errors import InputError
from patronage.evaluate.plover import (
    PLOVER_05_TO_2021,
    GoldRecord,
    Prediction,
    country_of_code,
    format_report,
    load_gold,
    predict_from_frames,
    score,
)
from patronage.extract.events.frames import EventFrame
from tests.conftest import shared_path


def gold(
    type_: str,
    sources: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    countable: tuple[bool, bool] = (True, True),
) -> GoldRecord:
    return GoldRecord("g", "text", "2020-01-01", type_, sources, targets, countable[0], countable[1])


def test_country_of_code() -> None:
    assert country_of_code("USAGOV") == "USA"
    assert country_of_code("rus") == "RUS"
    assert country_of_code("IGOUNO") is None
    assert country_of_code("JAPGOV") is None  # not an ISO 3166 alpha-3 code


def _gold(rid: str, event: str, text: str, source: Any, target: Any, **extra: str) -> dict[str, Any]:
    """One gold record in the PLOVER file's shape; a side is a list of (actor text, code) or a string."""

    def side(value: Any) -> Any:
        return value if isinstance(value, str) else [{"actorText": t, "code": c} for t, c in value]

    return {"id": rid, "event": event, "text": text, "source": side(source), "target": side(target), **extra}


def test_load_gold_maps_types_and_countries(tmp_path: Path) -> None:
    records = [
        {"id": "doc", "event": "DOCUMENT", "comment": "skip me"},
        _gold("a", "DEMAND", "Our own words.", [("x", "FRAGOV"), ("y", "DEU")], "", date="2001-02-03"),
        _gold("b", "AID", "More words.", [("z", "IGOUNO")], [("w", "HTICIV")]),
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    loaded = load_gold(path)
    assert [r.id for r in loaded] == ["a", "b"]
    a, b = loaded
    assert a.type == "REQUEST" and a.date == "2001-02-03"
    assert a.source_countries == ("FRA", "DEU") and a.source_countable
    assert a.target_countries == () and a.target_countable
    assert b.source_countries == () and not b.source_countable
    assert b.target_countries == ("HTI",)


def test_load_gold_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(path)
    path.write_text(json.dumps({"event": "AID"}), encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(path)
    with pytest.raises(InputError):
        load_gold(tmp_path / "missing.json")


def test_score_rules() -> None:
    records = [
        gold("AID", ("RUS",), ("SYR",)),
        gold("ASSAULT", ("ISR", "USA"), ()),
        gold("ACCUSE", (), ("FRA",), countable=(False, True)),
        gold("REQUEST", ("GBR",), ()),
    ]
    predictions = [
        Prediction("AID", "RUS", "SYR"),  # all right
        Prediction("ASSAULT", "USA", None),  # second gold source, no target on either side
        Prediction("ACCUSE", "CHN", "FRA"),  # source not countable: ignored
        Prediction("AGREE", "GBR", "USA"),  # wrong type, predicted a target where gold has none
    ]
    result = score(records, predictions)
    assert result["n"] == 4
    assert result["event_type_accuracy"] == 0.75
    assert result["source_country_accuracy"] == 1.0
    assert result["source_country_n"] == 3
    assert result["target_country_accuracy"] == 0.75
    assert result["exact_match"] == 0.75
    assert result["confusion"] == {
        "ACCUSE": {"ACCUSE": 1},
        "AID": {"AID": 1},
        "ASSAULT": {"ASSAULT": 1},
        "REQUEST": {"AGREE": 1},
    }


def test_score_none_prediction_and_length_check() -> None:
    result = score([gold("PROTEST", ("KEN",), ())], [Prediction(None, None, None)])
    assert result["event_type_accuracy"] == 0.0
    assert result["source_country_accuracy"] == 0.0
    assert result["target_country_accuracy"] == 1.0
    assert result["confusion"] == {"PROTEST": {"NONE": 1}}
    with pytest.raises(InputError):
        score([gold("AID")], [])


def test_format_report_has_confusion_table() -> None:
    result = score([gold("AID", ("RUS",)), gold("AID", ("RUS",))], [Prediction("AID", "RUS", None)] * 2)
    report = format_report(result)
    assert "event type accuracy      1.000" in report
    assert "gold \\ pred" in report
    assert "AID" in report.splitlines()[-1] and report.splitlines()[-1].endswith("2/2")


def test_predict_from_frames_picks_most_confident_and_falls_back_to_location() -> None:
    def frame(
        type_: str, conf: float, targets: tuple[tuple[int, int], ...], loc: tuple[int, int] | None
    ) -> EventFrame:
        return EventFrame(0, 1, type_, None, None, (), ((0, 5),), targets, "asserted", "actual", conf, loc)

    countries = {(0, 5): "RUS", (10, 15): None, (20, 25): "SYR"}
    preds = predict_from_frames(
        [[frame("CONSULT", 0.4, (), None), frame("AID", 0.9, ((10, 15),), (20, 25))], []],
        lambda _i, span: countries.get(span),
    )
    assert preds == [Prediction("AID", "RUS", "SYR"), Prediction(None, None, None)]


def test_conversion_table() -> None:
    assert PLOVER_05_TO_2021["FIGHT"] == "ASSAULT"
    assert PLOVER_05_TO_2021["DISAPPROVE"] == "ACCUSE"


def test_load_real_dev_file() -> None:
    records = load_gold(shared_path("data", "plover", "PLOVER_GSR_dev.json"))
    assert len(records) == 179
    types = {r.type for r in records}
    assert not types & set(PLOVER_05_TO_2021)
    assert "REQUEST" in types and "ASSAULT" in types
    assert all(r.text for r in records)
    assert any(r.source_countries == ("USA",) for r in records)
    assert any(not r.source_countable for r in records)


def test_a_bare_string_side_counts_for_event_type_only(tmp_path: Path) -> None:
    """Issue #20, item 26: the upstream gold standard has records with "target": "diplomatic"."""
    path = tmp_path / "gold.json"
    gold = [
        _gold("s", "CONSULT", "Our own words about talks.", [("France", "FRA")], "diplomatic"),
        _gold("t", "AID", "More of our words.", [("Japan", "JPN")], [("Haiti", "HTI")]),
    ]
    path.write_text(json.dumps(gold), encoding="utf-8")
    records = load_gold(path)
    assert [r.no_gold_actor for r in records] == [True, False]
    assert records[0].target_countable is False and records[0].source_countries == ("FRA",)
    result = score(records, [Prediction("CONSULT", "FRA", "DEU"), Prediction("AID", "JPN", "HTI")])
    assert result["no_gold_actor"] == 1
    assert result["event_type_accuracy"] == 1.0 and result["exact_match"] == 1.0
    assert result["target_country_n"] == 1  # the bare string is left out of the target side
    assert "no gold actor            1" in format_report(result)


def test_eval_plover_cli_reads_a_file_with_bare_strings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from patronage.cli import main

    path = tmp_path / "gold.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": "s",
                    "event": "CONSULT",
                    "text": "France held talks with Germany.",
                    "source": [],
                    "target": "diplomatic",
                },
                {"id": "t", "event": "AID", "text": "Japan sent aid to Haiti.", "source": [], "target": ""},
            ]
        ),
        encoding="utf-8",
    )
    assert main(["eval", "plover", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["no_gold_actor"] == 1

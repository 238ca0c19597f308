"""The routes the explorer's views read (issue 18): dates per month, the pair view, polarity and modality."""

from __future__ import annotations

import csv
import importlib.util
import io
import warnings
from pathlib import Path
from typing import Any

import pytest

if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi (the [web] extra) is not installed", allow_module_level=True)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from patronage.web import create_app
from tests.fixtures.records import ASSAD, IRAN, PUTIN, RUSSIA, ArticleBuilder, explorer_corpus, write_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db: Path = write_store(tmp_path_factory.mktemp("explorer-api") / "e.duckdb", explorer_corpus())
    return TestClient(create_app(str(db)), base_url="http://localhost", raise_server_exceptions=False)


def _get(client: TestClient, url: str, status: int = 200, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()  # type: ignore[no-any-return]


def test_meta_counts_months_and_leaves_the_outlying_year_out_of_the_core(client: TestClient) -> None:
    time = _get(client, "/api/meta")["time"]
    assert time["core"] == {"min": "2013-08", "max": "2024-12"}
    assert [1775, 1] in time["years"]
    months = dict(time["months"])
    assert months["2024-12"] == 2 and "1775" not in months  # year-only dates count per year only
    assert _get(client, "/api/meta") == _get(client, "/api/meta")


def test_pair_lists_events_relations_and_quotes_in_date_order(client: TestClient) -> None:
    body = _get(client, "/api/pair", a=PUTIN.actor_id, b=ASSAD.actor_id)
    assert (body["a"]["name"], body["b"]["name"]) == ("Vladimir Putin", "Bashar al-Assad")
    assert [(e["event_id"], e["polarity"]) for e in body["events"]] == [("ev-denied", "negated")]
    assert [r["relation"] for r in body["relations"]] == ["personal_tie"]
    assert body["relations"][0]["evidence_id"].startswith("rel-")
    # Putin's words follow the sentence naming Assad
    assert [q["text"] for q in body["quotes"]] == ["the decision was a humanitarian one"]
    assert body["quotes"][0]["date"] == "2024-12-10"
    assert set(body["articles"]) == {"doc-asylum", "doc-denial", "doc-visit"}
    later = _get(client, "/api/pair", a=ASSAD.actor_id, b=PUTIN.actor_id, **{"from": "2016"})
    assert later["relations"] == [] and len(later["events"]) == 1


def test_pair_errors(client: TestClient) -> None:
    assert _get(client, "/api/pair", 404, a=PUTIN.actor_id, b="person/nobody")["ok"] is False
    assert _get(client, "/api/pair", 400, a=PUTIN.actor_id, b=ASSAD.actor_id, to="2015", **{"from": "2016"})
    assert _get(client, "/api/pair", 422, a=PUTIN.actor_id)["ok"] is False


def test_network_draws_negated_and_reported_events_on_request(client: TestClient) -> None:
    def ties(**params: Any) -> set[str]:
        edges = _get(client, "/api/network", actor=ASSAD.actor_id, **params)["edges"]
        return {
            e["id"] for e in edges if PUTIN.actor_id in (e["source"], e["target"]) or e["relation"] == "AID"
        }

    default = ties()
    assert not any(":negated" in i for i in default), "asserted events only unless asked"
    negated = ties(polarity="negated")
    assert negated == {f"event:{PUTIN.actor_id}>{ASSAD.actor_id}:CONSULT:neutral:negated"}
    assert ties(polarity="any") >= default | negated
    reported = _get(client, "/api/network", actor=ASSAD.actor_id, modality="reported")["edges"]
    assert [(e["source"], e["modality"], e["evidence_ids"]) for e in reported] == [
        (IRAN.actor_id, "reported", ["ev-loans"])
    ]
    assert _get(client, "/api/network", 422, actor=ASSAD.actor_id, polarity="maybe")["ok"] is False


def test_events_between_two_actors_and_of_a_least_confidence(client: TestClient) -> None:
    def ids(**params: Any) -> list[str]:
        return [e["event_id"] for e in _get(client, "/api/events", **params)["events"]]

    assert ids(actor=ASSAD.actor_id, other=PUTIN.actor_id) == ["ev-denied"]
    every = ids(actor=ASSAD.actor_id)
    assert "ev-loans" in every
    assert ids(actor=ASSAD.actor_id, min_confidence=0.4) == [e for e in every if e != "ev-loans"]
    assert ids(actor=ASSAD.actor_id, min_confidence=0.6) == []
    assert _get(client, "/api/events", 422, actor=ASSAD.actor_id, min_confidence=2)["ok"] is False
    assert _get(client, "/api/events", 400, other=ASSAD.actor_id)["ok"] is False


def test_evidence_carries_the_sentences_around_it(client: TestClient) -> None:
    first = _get(client, "/api/evidence/ev-denied")["context"]
    assert first == {"before": None, "after": "The ambassador declined to comment."}
    last = _get(client, "/api/evidence/ev-loans")["context"]
    assert last == {"before": "The ambassador declined to comment.", "after": None}
    rel = _get(client, "/api/pair", a=PUTIN.actor_id, b=ASSAD.actor_id)["relations"][0]["evidence_id"]
    assert _get(client, f"/api/evidence/{rel}")["context"] == {
        "before": "The Kremlin has backed Assad since September.",
        "after": None,
    }


def test_sentences_come_a_page_at_a_time(client: TestClient) -> None:
    every = _get(client, "/api/search", q="assad")["sentences"]
    assert len(every) > 4
    first = _get(client, "/api/sentences", q="assad", limit=3)
    assert first["next_offset"] == 3 and len(first["sentences"]) == 3
    rest = _get(client, "/api/sentences", q="assad", limit=50, offset=3)
    assert rest["next_offset"] is None
    assert [s["sentence"] for s in first["sentences"] + rest["sentences"]] == [s["sentence"] for s in every]
    assert all(s["event_ids"] is not None for s in rest["sentences"])
    assert _get(client, "/api/sentences", 400, q=" ")["ok"] is False
    assert _get(client, "/api/sentences", 422, q="assad", offset=-1)["ok"] is False


def test_events_csv_is_the_export_schema_and_spreadsheet_safe(tmp_path: Path) -> None:
    article = ArticleBuilder(
        "doc-formula", "=HYPERLINK(1) Russia sent aid to Assad. -2 trucks of Russia reached Assad."
    )
    article.event(
        "ev-formula", "AID", RUSSIA, (ASSAD, "Assad"), "Russia sent", date="2020-01", trigger="sent"
    )
    article.event("ev-other", "AID", RUSSIA, (ASSAD, "Assad"), "-2 trucks", date="2020-02", confidence=0.1)
    db = write_store(tmp_path / "f.duckdb", [article.build()])
    app = TestClient(create_app(str(db), max_rows=1), base_url="http://localhost")
    response = app.get("/api/export/events.csv", params={"actor": ASSAD.actor_id})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["x-total-count"] == "2"  # the filters matched two, max_rows allows one
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == ["ev-formula"]
    assert rows[0]["evidence_sentence"] == "'=HYPERLINK(1) Russia sent aid to Assad."
    assert {"source_actor_id", "target_name", "confidence", "polarity"} <= set(rows[0])
    sure = app.get("/api/export/events.csv", params={"actor": ASSAD.actor_id, "min_confidence": 0.2})
    assert sure.headers["x-total-count"] == "1"

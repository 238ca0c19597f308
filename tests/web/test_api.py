"""The web API over a small hand-made store, through FastAPI's TestClient."""

from __future__ import annotations

import importlib.util
import re
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi (the [web] extra) is not installed", allow_module_level=True)

with warnings.catch_warnings():
    # starlette announces a future switch of its test client's HTTP library; not our concern here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from patronage.commands import serve as serve_cmd
from patronage.config import Settings
from patronage.errors import ConfigError, InputError, NotFoundError, PatronageError, StoreError
from patronage.web import create_app
from patronage.web.app import STATIC_DIR
from patronage.web.errors import status_for
from tests.fixtures import records
from tests.fixtures.records import HOSTILE, HOSTILE_IMG
from tests.fixtures.server import _free_port

ASSAD, RUSSIA, PUTIN, SNOWDEN = (
    a.actor_id for a in (records.ASSAD, records.RUSSIA, records.PUTIN, records.SNOWDEN)
)
#: the test client's base URL: a loopback name, which the Host allow-list admits
LOCAL = "http://localhost"


@pytest.fixture(scope="module")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(str(sample_db), max_rows=50), base_url=LOCAL, raise_server_exceptions=False)


def _ok(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    return body  # type: ignore[no-any-return]


def _error(client: TestClient, url: str, status: int, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"]
    return body  # type: ignore[no-any-return]


# -- search and actor ---------------------------------------------------------------------------


def test_search_finds_actors_by_name_and_alias_and_sentences(client: TestClient) -> None:
    body = _ok(client, "/api/search", q="assad")
    assert [r["actor_id"] for r in body["results"]] == [ASSAD]
    first = body["results"][0]
    assert set(first) == {"actor_id", "name", "kind", "country", "mentions"} and first["mentions"] >= 4
    assert {s["doc_id"] for s in body["sentences"]} >= {"doc-asylum", "doc-visit", "doc-hostile"}
    hit = next(s for s in body["sentences"] if s["doc_id"] == "doc-asylum")
    assert hit["sentence"] == "Russia granted Assad asylum after the fall of Damascus." and hit["start"] == 0
    # an alias substring ("Tehran" is Iran's alias) finds the actor
    assert [r["name"] for r in _ok(client, "/api/search", q="tehr")["results"]] == ["Iran"]
    # LIKE wildcards in the query are plain characters
    assert _ok(client, "/api/search", q="%_")["results"] == []


def test_search_sentences_newest_first_phrase_and_hostile_text(client: TestClient) -> None:
    body = _ok(client, "/api/search", q="assad")
    dates = [s["date"] for s in body["sentences"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-12-10"
    assert set(body["sentences"][0]) == {
        "doc_id",
        "start",
        "end",
        "sentence",
        "title",
        "date",
        "url",
        "event_ids",
    }
    assert body["sentences"][0]["event_ids"] == ["ev-asylum"]
    # a phrase across two words, typed in other case and cut mid-word
    phrase = _ok(client, "/api/search", q="ASSAD FLEW TO MOS")["sentences"]
    assert [(s["doc_id"], s["start"]) for s in phrase] == [("doc-visit", 0)]
    for hostile in ("' OR 1=1", "'; DROP TABLE sentences; --", "Assad.)("):
        found = _ok(client, "/api/search", q=hostile)
        assert found["results"] == [] and found["sentences"] == []
    assert len(_ok(client, "/api/search", q="assad")["sentences"]) == len(body["sentences"])


def test_actor_profile_with_slash_in_id_and_as_of(client: TestClient) -> None:
    body = _ok(client, f"/api/actor/{ASSAD}")
    assert body["name"] == "Bashar al-Assad" and body["roles"][0]["title"] == "president"
    assert {r["relation"] for r in body["relations"]} == {"harbours", "supports", "personal_tie"}
    assert len(body["events"]) == 3
    early = _ok(client, f"/api/actor/{ASSAD}", as_of="2016")
    assert [e["event_id"] for e in early["events"]] == ["ev-visit"]
    putin = _ok(client, f"/api/actor/{PUTIN}")
    assert putin["quotes"][0]["text"] == "the decision was a humanitarian one"
    assert putin["quotes"][0]["speaker_confidence"] == 0.92 and putin["quotes"][0]["speaker_text"] == "Putin"


# -- network -----------------------------------------------------------------------------------------


def _edges(body: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {(e["source"], e["target"], e["relation"], e["polarity"]) for e in body["edges"]}


def test_network_of_assad(client: TestClient) -> None:
    body = _ok(client, "/api/network", actor=ASSAD)
    assert {n["name"] for n in body["nodes"]} == {"Bashar al-Assad", "Russia", "Vladimir Putin", "Iran"}
    assert next(n for n in body["nodes"] if n["center"])["id"] == ASSAD
    assert _edges(body) == {
        (RUSSIA, ASSAD, "AID", "positive"),
        (ASSAD, RUSSIA, "CONSULT", "positive"),
        ("country/IRN", ASSAD, "AID", "positive"),
        (RUSSIA, ASSAD, "harbours", "positive"),
        (RUSSIA, ASSAD, "supports", "positive"),
        (PUTIN, ASSAD, "personal_tie", "negative"),
    }
    aid = next(e for e in body["edges"] if e["source"] == RUSSIA and e["relation"] == "AID")
    assert aid["weight"] == 1 and aid["event_ids"] == ["ev-asylum"] and aid["first_seen"] == "2024-12"
    tie = next(e for e in body["edges"] if e["relation"] == "personal_tie")
    assert tie["event_ids"] == [] and tie["evidence_ids"][0].startswith("rel-")


def test_network_as_of_keeps_only_earlier_facts(client: TestClient) -> None:
    body = _ok(client, "/api/network", actor=RUSSIA, as_of="2014", depth=2)
    assert {n["id"] for n in body["nodes"]} == {RUSSIA, SNOWDEN}
    # a day-precise fact is kept when its month is the as-of month
    oct15 = _ok(client, "/api/network", actor=ASSAD, as_of="2015-10")
    assert (ASSAD, RUSSIA, "CONSULT", "positive") in _edges(oct15)
    assert (RUSSIA, ASSAD, "harbours", "positive") not in _edges(oct15)
    sep15 = _ok(client, "/api/network", actor=ASSAD, as_of="2015-09-30")
    assert _edges(sep15) == {(RUSSIA, ASSAD, "supports", "positive")}


def test_network_over_a_window_keeps_only_facts_inside_it(client: TestClient) -> None:
    # 2015 to 2020: the visit and the backing, neither the 2013 asylum nor the 2024 one
    body = _ok(client, "/api/network", actor=RUSSIA, depth=2, **{"from": "2015", "as_of": "2020"})
    assert body["since"] == "2015"
    edges = _edges(body)
    assert (RUSSIA, ASSAD, "supports", "positive") in edges
    assert all(e["first_seen"] >= "2015" and e["last_seen"] <= "2020-12-31" for e in body["edges"])
    assert SNOWDEN not in {n["id"] for n in body["nodes"]}
    assert (RUSSIA, ASSAD, "harbours", "positive") not in edges
    bad = client.get("/api/network", params={"actor": RUSSIA, "from": "2015-13"})
    assert bad.status_code == 400 and bad.json()["ok"] is False


def test_network_depth_types_and_sign(client: TestClient) -> None:
    one = _ok(client, "/api/network", actor=SNOWDEN, depth=1)
    assert {n["id"] for n in one["nodes"]} == {SNOWDEN, RUSSIA}
    two = _ok(client, "/api/network", actor=SNOWDEN, depth=2)
    assert ASSAD in {n["id"] for n in two["nodes"]}
    three = _ok(client, "/api/network", actor=SNOWDEN, depth=3)
    assert {"country/IRN", PUTIN} <= {n["id"] for n in three["nodes"]}
    only = _ok(client, "/api/network", actor=ASSAD, types="HARBOURS,consult")
    assert {e["relation"] for e in only["edges"]} == {"harbours", "CONSULT"}
    hostile = _ok(client, "/api/network", actor=ASSAD, sign="negative")
    assert _edges(hostile) == {(PUTIN, ASSAD, "personal_tie", "negative")}


def test_an_unknown_type_is_a_400_that_lists_the_valid_ones(client: TestClient) -> None:
    """Red-team minor item 12: type=nosuch answered an empty page, as if nothing matched."""
    body = _error(client, "/api/events", 400, type="nosuch")
    assert "nosuch" in body["error"] and "CONSULT" in body["error"]
    body = _error(client, "/api/network", 400, actor=ASSAD, types="consult,bogus")
    assert "bogus" in body["error"] and "harbours" in body["error"]


def test_network_is_bounded_by_max_rows(sample_db: Path) -> None:
    small = TestClient(create_app(str(sample_db), max_rows=2), base_url=LOCAL)
    body = small.get("/api/network", params={"actor": ASSAD}).json()
    assert len(body["nodes"]) == 2 and body["truncated"] is True
    assert len(body["edges"]) <= 2


# -- events --------------------------------------------------------------------------------------


def test_events_pagination_and_filters(client: TestClient) -> None:
    first = _ok(client, "/api/events", actor=RUSSIA, limit=2)
    assert first["total"] == 3 and [e["event_id"] for e in first["events"]] == ["ev-snowden", "ev-visit"]
    assert first["next_offset"] == 2
    rest = _ok(client, "/api/events", actor=RUSSIA, limit=2, offset=2)
    assert [e["event_id"] for e in rest["events"]] == ["ev-asylum"] and rest["next_offset"] is None
    past = _ok(client, "/api/events", offset=100)
    assert past["events"] == [] and past["total"] == 4
    assert [e["event_id"] for e in _ok(client, "/api/events", type="consult")["events"]] == ["ev-visit"]
    window = _ok(client, "/api/events", **{"from": "2015", "to": "2019-05"})
    assert [e["event_id"] for e in window["events"]] == ["ev-visit", "ev-hostile"]
    assert _ok(client, "/api/events", polarity="negated")["total"] == 0
    assert _ok(client, "/api/events", modality="actual")["total"] == 4
    assert _ok(client, "/api/events", modality="hypothetical")["total"] == 0
    assert client.get("/api/events", params={"modality": "maybe"}).status_code == 422
    assert _ok(client, "/api/events", sign="positive")["total"] == 4
    event = _ok(client, "/api/events", actor=SNOWDEN)["events"][0]
    assert event["context"] == ["asylum"] and event["cameo"] == "075" and event["sign"] == "positive"


def test_the_api_event_is_the_export_event_plus_its_sign(client: TestClient, sample_db: Path) -> None:
    from patronage.export.tables import event_rows
    from patronage.store import Store

    with Store(sample_db, read_only=True) as store:
        exported = {e["event_id"]: e for e in event_rows(store)}
    listed = _ok(client, "/api/events")["events"]
    assert listed and all({**exported[e["event_id"]], "sign": e["sign"]} == e for e in listed)
    assert (
        _ok(client, "/api/evidence/ev-visit")["event"]
        == listed[[e["event_id"] for e in listed].index("ev-visit")]
    )


# -- evidence ----------------------------------------------------------------------------------


def test_event_evidence_has_article_and_highlights(client: TestClient) -> None:
    body = _ok(client, "/api/evidence/ev-visit")
    sentence = body["sentence"]
    assert sentence.startswith("Assad flew to Moscow on 20 October")
    assert body["article"]["title"] == "A surprise trip to the Kremlin" and body["article"]["link"] is None
    spans = {h["role"]: sentence[h["start"] : h["end"]] for h in body["highlights"]}
    assert spans == {"source": "Assad", "target": "Moscow", "trigger": "flew"}
    assert all(h["text"] == sentence[h["start"] : h["end"]] for h in body["highlights"])


def test_relation_evidence_by_its_id(client: TestClient) -> None:
    edge = next(
        e for e in _ok(client, "/api/network", actor=ASSAD)["edges"] if e["relation"] == "personal_tie"
    )
    body = _ok(client, f"/api/evidence/{edge['evidence_ids'][0]}")
    assert body["kind"] == "relation" and body["relation"]["polarity"] == "negative"
    assert "chilly" in body["sentence"]
    assert [h["text"] for h in body["highlights"]] == ["Putin", "Assad"]


def test_hostile_markup_comes_back_as_json_data_only(client: TestClient) -> None:
    response = client.get("/api/evidence/ev-hostile")
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert HOSTILE in body["sentence"] and HOSTILE_IMG in body["sentence"]
    assert body["article"]["title"].startswith(HOSTILE)
    # a javascript: url is kept as data but never offered as a link
    assert body["article"]["url"] == "javascript:alert(3)" and body["article"]["link"] is None
    assert [h["text"] for h in body["highlights"]] == ["Iran", "sent", "Assad"]


# -- the cited dossier -----------------------------------------------------------------------------


def test_report_in_markdown_by_name_relation_and_date(client: TestClient) -> None:
    response = client.get("/api/report", params={"actor": "Russia", "relation": "harbours"})
    assert response.status_code == 200 and response.headers["content-type"] == "text/markdown; charset=utf-8"
    text = response.text
    assert text.startswith("# Russia\n") and response.headers["cache-control"] == "no-store"
    assert "**Russia harbours Bashar al-Assad**: 2024-12 (month)" in text
    assert "“Russia granted Assad asylum after the fall of Damascus.”" in text
    assert "**Russia harbours Edward Snowden**" in text and "### AID" in text
    assert "supports" not in text  # the Kremlin's backing is another relation
    earlier = client.get(
        "/api/report", params={"actor": RUSSIA, "relation": "harbours", "as_of": "2014"}
    ).text
    assert "Edward Snowden" in earlier and "Bashar al-Assad" not in earlier


def test_report_in_html_is_escaped_and_loads_nothing(client: TestClient) -> None:
    from patronage.export.markup import CSP as REPORT_CSP

    response = client.get("/api/report", params={"actor": ASSAD, "format": "html"})
    assert response.status_code == 200 and response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == REPORT_CSP
    page = response.text
    assert page.startswith("<!DOCTYPE html>") and "Iran sent fuel tankers to Assad" in page
    assert HOSTILE not in page and HOSTILE_IMG not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_errors(client: TestClient) -> None:
    _error(client, "/api/report", 404, actor="Nobody")
    assert _error(client, "/api/report", 400, actor="Russia", relation="befriends")["errors"][0]["param"] == (
        "relation"
    )
    _error(client, "/api/report", 400, actor="Russia", as_of="2015-02-30")
    _error(client, "/api/report", 400, actor=" ")
    _error(client, "/api/report", 422, actor="Russia", format="pdf")
    _error(client, "/api/report", 422, actor="Russia", as_of="Oct 2015")
    _error(client, "/api/report", 422)


def test_front_end_never_parses_data_as_html() -> None:
    for path in STATIC_DIR.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in code, f"{path.name} uses {sink}"
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script in index.html"
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "external resource in index.html"


# -- errors, headers, static -------------------------------------------------------------------------


def test_not_found_shape(client: TestClient) -> None:
    _error(client, "/api/actor/person/Q0", 404)
    _error(client, "/api/evidence/nope", 404)
    _error(client, "/api/evidence/rel-0000000000000000", 404)
    _error(client, "/api/network", 404, actor="nobody/none")
    _error(client, "/api/no-such-route", 404)
    _error(client, "/static/missing.js", 404)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/search", {}),
        ("/api/search", {"q": ""}),
        ("/api/search", {"q": "x" * 201}),
        ("/api/network", {"actor": ASSAD, "depth": 4}),
        ("/api/network", {"actor": ASSAD, "depth": 0}),
        ("/api/network", {"actor": ASSAD, "depth": "two"}),
        ("/api/network", {"actor": ASSAD, "as_of": "Oct 2015"}),
        ("/api/network", {"actor": ASSAD, "sign": "mixed"}),
        ("/api/events", {"limit": 0}),
        ("/api/events", {"offset": -1}),
        ("/api/events", {"polarity": "maybe"}),
        ("/api/events", {"from": "2015/10"}),
        (f"/api/actor/{'x' * 201}", {}),
    ],
)
def test_bad_parameters_are_422(client: TestClient, url: str, params: dict[str, Any]) -> None:
    body = _error(client, url, 422, **params)
    assert body["errors"][0]["param"]


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/events", {"limit": 51}),
        ("/api/events", {"from": "2015-13"}),
        ("/api/events", {"to": "2015-02-30"}),
        ("/api/events", {"from": "2020", "to": "2015"}),
        ("/api/network", {"actor": ASSAD, "types": "AID;DROP TABLE"}),
    ],
)
def test_meaningless_parameters_are_400(client: TestClient, url: str, params: dict[str, Any]) -> None:
    _error(client, url, 400, **params)


def test_error_classes_map_to_statuses() -> None:
    assert status_for(NotFoundError("x")) == 404
    assert status_for(InputError("x")) == 400
    assert status_for(StoreError("x")) == 503
    assert status_for(ConfigError("x")) == 500
    assert status_for(PatronageError("x")) == 500


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/static/app.js", "/api/meta", "/api/nope"):
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/meta").headers["cache-control"] == "no-store"


def test_page_and_static_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/app.js">' in page.text
    for name in ("app.js", "graph.js", "panels.js", "dom.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    meta = _ok(client, "/api/meta")
    assert meta["counts"] == {"articles": 4, "actors": 5, "events": 4, "relations": 4, "quotes": 1}
    assert meta["dates"] == {"min": "2013-08", "max": "2024-12"}


def test_concurrent_requests_each_get_their_own_cursor(client: TestClient) -> None:
    urls = [
        f"/api/network?actor={ASSAD}&depth=3",
        "/api/events",
        "/api/search?q=ass",
        "/api/evidence/ev-visit",
    ]
    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(lambda url: client.get(url).status_code, urls * 15))
    assert codes == [200] * 60


def test_missing_database_fails_at_startup(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(str(tmp_path / "none.duckdb"))
    with pytest.raises(ConfigError):
        create_app(str(tmp_path / "none.duckdb"), max_rows=0)


# -- patronage serve -----------------------------------------------------------------------------


def test_do_serve_runs_uvicorn_with_settings(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def run(server: Any, sockets: list[Any]) -> None:
        seen.update(address=sockets[0].getsockname()[:2], app=server.config.app)

    monkeypatch.setattr(uvicorn.Server, "run", run)
    port = _free_port()
    settings = Settings().replace(run__db=str(sample_db), web__port=port)
    serve_cmd.do_serve(settings, None, None)
    assert seen["address"] == ("127.0.0.1", port)
    serve_cmd.do_serve(settings, "0.0.0.0", port)
    assert seen["address"] == ("0.0.0.0", port)


def test_do_serve_without_the_web_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a)
    )
    with pytest.raises(ConfigError, match=r"pip install 'patronage\[web\]'"):
        serve_cmd.do_serve(Settings(), None, None)


def test_a_large_network_answer_is_sent_gzipped_to_a_client_that_accepts_it(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 20: depth-2 networks of busy actors are ~300 KB; compressed once, cached, sent small."""
    import patronage.web.api as api

    monkeypatch.setattr(api, "GZIP_FROM", 1)
    client = TestClient(create_app(str(sample_db)), base_url=LOCAL)
    plain = client.get(
        "/api/network", params={"actor": "country/RUS", "depth": 2}, headers={"Accept-Encoding": "identity"}
    )
    packed = client.get(
        "/api/network", params={"actor": "country/RUS", "depth": 2}, headers={"Accept-Encoding": "gzip"}
    )
    assert plain.status_code == packed.status_code == 200
    assert "content-encoding" not in plain.headers and packed.headers["content-encoding"] == "gzip"
    assert packed.headers["vary"] == plain.headers["vary"] == "Accept-Encoding"
    assert packed.json() == plain.json()  # httpx decodes the gzip body

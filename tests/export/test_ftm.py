from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from patronage.export.ftm import ALPHA2, alpha2, entity_id, ftm_entities, write_ftm
from patronage.model.records import Actor, AnalysedArticle, DateValue, Place, Role
from patronage.store import Store
from tests.fixtures.records import ASSAD, RUSSIA, SYRIA, UKRAINE, ArticleBuilder, ref, write_store

ftm_model = pytest.importorskip("followthemoney").model
registry = pytest.importorskip("followthemoney.types").registry

HOSTILE = 'Ac<me> & "Sons"\x00\x07 Corp'
S1 = "Moscow took in the deposed ruler Assad."
S2 = "Yanukovych, the former president of Ukraine, fled."
S3 = "He said it was over, and Acme told The Crowd so."
ACME = Actor("new/acme", HOSTILE, "organization", "ZZZ", None)  # a code that is no country
ODD = Actor("new/odd", "The Crowd", "crowd", None, None)  # a kind patronage may grow later


def _article() -> AnalysedArticle:
    b = ArticleBuilder(
        "doc-1",
        f"{S1} {S2} {S3}",
        title="Exiles <in> Moscow",
        date="2024-12-10",
        url="https://news.example/a?x=1&y=2",
        source="Example News",
    )
    role = Role("former president", "Ukraine", None, None, "text", b.evidence(S2))
    yanukovych = Actor("person/yanukovych", "Viktor Yanukovych", "person", "UKR", "GOV", None, (), (role,))
    b.mention(yanukovych, "Yanukovych", S2)
    b.mention(UKRAINE, "Ukraine", S2)
    b.mention(ODD, "The Crowd", S3)
    b.event(
        "e1", "AID", (RUSSIA, "Moscow"), (ASSAD, "Assad"), S1, cameo="075", context=("asylum",), date="2024-12",
        location=Place("Moscow", "RUS"), trigger="took in",
    )  # fmt: skip
    decade = DateValue("2010", "decade")
    b.event("e2", "CONSULT", (RUSSIA, "Moscow"), ref(SYRIA), S1, cameo="040", polarity="negated", date=decade)
    b.event("e3", "ACCUSE", (ACME, "Acme"), None, S3, cameo="111", modality="reported")
    b.quote("q1", (yanukovych, "He"), "it was over", S3)
    b.quote("q2", None, "nobody knows", S1, direct=True, speaker_text="an official")
    b.relation("harbours", ref(RUSSIA), ref(ASSAD), S1, "2012", polarity="positive", strength=0.9)
    b.relation("harbours", ref(RUSSIA), ref(ASSAD), S2, "2024-12", polarity="positive", strength=0.9)
    b.relation("opposes", ref(ACME), ref(ODD), S1, polarity="negative", strength=0.5)
    return b.build()


@pytest.fixture()
def entities(tmp_path: Path) -> list[dict[str, Any]]:
    with Store(write_store(tmp_path / "f.duckdb", [_article()]), read_only=True) as store:
        return list(ftm_entities(store))


def _by_schema(entities: list[dict[str, Any]], schema: str) -> list[dict[str, Any]]:
    return [e for e in entities if e["schema"] == schema]


def test_every_entity_validates_and_references_resolve(entities: list[dict[str, Any]]) -> None:
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)  # ids are unique
    for ent in entities:
        assert ent["id"].startswith("patronage-")
        schema = ftm_model.get(ent["schema"])
        assert schema is not None and not schema.abstract, ent["schema"]
        for name in ent["properties"]:
            assert schema.get(name) is not None, (ent["schema"], name)
        schema.validate(ent)  # raises InvalidData on a bad value
        for required in schema.required:
            assert ent["properties"].get(required), (ent["schema"], required)
        # cleaning keeps every value as it is: nothing was rejected or rewritten by the FtM types
        proxy = ftm_model.get_proxy(ent, cleaned=False)
        assert proxy.to_dict()["properties"] == ent["properties"], ent
        for prop in proxy.iterprops():
            if prop.type == registry.entity:
                for ref in proxy.get(prop):
                    assert ref in by_id, (ent["schema"], prop.name, ref)
                    assert ftm_model.get(by_id[ref]["schema"]).is_a(prop.range), (
                        prop.name,
                        by_id[ref]["schema"],
                    )


def test_actors_map_to_schemas_with_alpha2_countries(entities: list[dict[str, Any]]) -> None:
    actors = {
        e["id"]: e for e in entities if e["schema"] in ("Person", "Organization", "PublicBody", "LegalEntity")
    }
    russia = actors[entity_id("actor", "country/RUS")]
    assert russia["schema"] == "PublicBody"
    assert russia["properties"] == {
        "name": ["Russia"],
        "alias": ["Russian Federation", "Moscow"],
        "country": ["ru"],
        "wikidataId": ["Q159"],
    }
    assert actors[entity_id("actor", ASSAD.actor_id)]["schema"] == "Person"
    acme = actors[entity_id("actor", "new/acme")]
    assert acme["schema"] == "Organization" and acme["properties"]["name"] == ['Ac<me> & "Sons" Corp']
    assert "country" not in acme["properties"]
    assert actors[entity_id("actor", "new/odd")]["schema"] == "LegalEntity"
    assert actors[entity_id("actor", "country/SYR")]["properties"]["country"] == ["sy"]  # from a fact only
    assert len(actors) == 7


def test_events_links_roles_and_notes(entities: list[dict[str, Any]]) -> None:
    events = {e["properties"]["recordId"][0]: e["properties"] for e in _by_schema(entities, "Event")}
    aid = events["e1"]
    assert aid["name"] == ["AID: Russia → Bashar al-Assad"] and aid["date"] == ["2024-12"]
    assert aid["summary"] == [S1] and aid["sourceUrl"] == ["https://news.example/a?x=1&y=2"]
    assert aid["organizer"] == [entity_id("actor", "country/RUS")] and len(aid["involved"]) == 2
    assert aid["country"] == ["ru"] and aid["location"] == ["Moscow"] and "asylum" in aid["keywords"]
    assert aid["proof"] == [entity_id("article", "doc-1")] and aid["publisher"] == ["Example News"]
    assert events["e2"]["name"] == ["CONSULT: Russia → Syria (negated)"] and "date" not in events["e2"]
    assert events["e3"]["name"] == [f"ACCUSE: {HOSTILE.replace(chr(0), '').replace(chr(7), '')} (reported)"]

    links = {tuple(e["properties"]["role"]): e["properties"] for e in _by_schema(entities, "UnknownLink")}
    harbours = links["harbours",]
    assert (harbours["startDate"], harbours["endDate"]) == (["2012"], ["2024-12"])
    assert harbours["subject"] == [entity_id("actor", "country/RUS")]
    assert harbours["summary"] == [S1, S2]
    assert ("opposes (negative)",) in links

    positions = {e["properties"]["name"][0]: e for e in _by_schema(entities, "Position")}
    assert set(positions) == {
        "president of Syria",
        "former president of Ukraine",
    }  # Russia's UN seat has no holder
    assert positions["former president of Ukraine"]["properties"]["organization"] == [
        entity_id("actor", "country/UKR")
    ]
    assert positions["president of Syria"]["properties"]["country"] == ["sy"]
    occupancies = {e["properties"]["holder"][0]: e["properties"] for e in _by_schema(entities, "Occupancy")}
    assad = occupancies[entity_id("actor", ASSAD.actor_id)]
    assert (assad["startDate"], assad["endDate"]) == (["2000-07-17"], ["2024-12-08"])
    assert assad["post"] == [positions["president of Syria"]["id"]]
    assert occupancies[entity_id("actor", "person/yanukovych")]["summary"] == [S2]

    notes = _by_schema(entities, "Note")
    assert len(notes) == 1  # the anonymous quote has no entity to annotate
    assert notes[0]["properties"]["entity"] == [entity_id("actor", "person/yanukovych")]
    assert notes[0]["properties"]["description"] == ["it was over"]
    article = _by_schema(entities, "Article")[0]["properties"]
    assert article["title"] == ["Exiles <in> Moscow"] and article["publishedAt"] == ["2024-12-10"]


def test_write_ftm_is_ndjson_with_stable_ids(tmp_path: Path) -> None:
    with Store(write_store(tmp_path / "f.duckdb", [_article()]), read_only=True) as store:
        first, second = io.StringIO(), io.StringIO()
        n = write_ftm(store, first)
        assert write_ftm(store, second) == n
    lines = first.getvalue().splitlines()
    assert len(lines) == n > 10
    assert [json.loads(line)["id"] for line in lines] == [
        json.loads(line)["id"] for line in second.getvalue().splitlines()
    ]
    assert entity_id("actor", "country/RUS") != entity_id("event", "country/RUS")


def test_empty_store_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "e.duckdb") as store:
        out = io.StringIO()
        assert write_ftm(store, out) == 0 and out.getvalue() == ""


def test_alpha2_table_agrees_with_followthemoney() -> None:
    assert len(ALPHA2) > 250
    assert alpha2("RUS") == "ru" and alpha2("syr") == "sy" and alpha2("XKX") == "xk"
    assert alpha2(None) is None and alpha2("ZZZ") is None and alpha2("IGO") is None
    for code3, code2 in ALPHA2.items():
        assert registry.country.validate(code2), code3
        assert registry.country.clean(code3) == code2, code3


def test_export_needs_no_followthemoney() -> None:
    code = (
        "import sys; sys.modules['followthemoney'] = None; import patronage.export.ftm as f; "
        "assert f.alpha2('UKR') == 'ua'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "not a url", "www.example.org/a", "https://exa mple.org/"]
)
def test_only_valid_urls_and_dates_reach_ftm(tmp_path: Path, url: str) -> None:
    """Issue #20, item 21: FtM's types rejected sourceUrl values that were no URLs and 9999/0001 dates."""
    odd_dates = (
        DateValue("9999", "year"),
        DateValue("0001-01-01", "day"),
        DateValue("2024-02-30", "day"),
        DateValue("2024-12", "month"),  # the one good date
    )
    b = ArticleBuilder("doc-1", S1, date="9999-12-31", url=url, source="Example")
    for i, d in enumerate(odd_dates):
        b.event(f"odd{i}", "AID", (RUSSIA, "Moscow"), (ASSAD, "Assad"), S1, cameo="075", date=d)
    b.relation("harbours", ref(RUSSIA), ref(ASSAD), S1, "0001", polarity="positive", strength=0.9)
    article = b.build()
    with Store(tmp_path / "f.duckdb") as store:
        store.write([article], [], store.start_run("test", "v"))
        store.con.execute("""UPDATE roles SET start = '0001', "end" = '9999'""")
        entities = list(ftm_entities(store))
    checked = 0
    for ent in entities:
        schema = ftm_model.get(ent["schema"])
        schema.validate(ent)
        for name, values in ent["properties"].items():
            prop_type = schema.get(name).type
            if prop_type in (registry.date, registry.url):
                for value in values:
                    assert prop_type.clean(value) == value, (ent["schema"], name, value)
                    checked += 1
    assert all(v not in str(entities) for v in ("9999", "0001", "javascript:"))
    assert checked == 1  # 2024-12

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from patronage.export.graph import gexf_date, network, write_gexf, write_graphml, xml_text
from patronage.model.records import (
    Actor,
    ActorRef,
    AnalysedArticle,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Mention,
    Relation,
    Sentence,
)
from patronage.store import Store

HOSTILE = "Ac<me> & \"Sons\" 'Ltd'\x00\x07\x1b </data>]]> Corp"
TEXT = "The Kremlin sheltered the deposed ruler. The two men met in Moscow. Acme denounced Moscow."


def _ref(actor: Actor, text: str | None = None) -> ActorRef:
    return ActorRef(actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, text or actor.name)


RUS = Actor("country/RUS", "Russia", "country", "RUS", "GOV")
ASSAD = Actor("person/assad", "Bashar al-Assad", "person", "SYR", "GOV")
PUTIN = Actor("person/putin", "Vladimir Putin", "person", "RUS", "GOV")
ACME = Actor("new/acme", HOSTILE, "organization", None, None)
SYRIA = ActorRef("country/SYR", "Syria", "country", "SYR", None, "Syria")  # only in a fact, never mentioned


def _article() -> AnalysedArticle:
    doc = "doc-1"
    ev = Evidence(doc, 0, 40, TEXT[:40], 0, "test")
    clean = CleanArticle(doc, "T", TEXT, "2024-12-10", None, None, "test", "h1")
    mentions = tuple(
        Mention(doc, i, i + 3, a.name[:3], "X", 0, a.actor_id, "gazetteer")
        for i, a in enumerate([RUS, RUS, ASSAD, PUTIN, ACME])
    )
    events = (
        Event(
            "e1",
            "AID",
            "075",
            _ref(RUS),
            _ref(ASSAD),
            ev,
            context=("asylum",),
            date=DateValue("2024-12", "month"),
        ),
        Event("e2", "CONSULT", "040", _ref(ASSAD), _ref(RUS), ev, date=DateValue("2015-10-20", "day")),
        Event("e3", "CONSULT", "040", _ref(RUS), _ref(ASSAD), ev, polarity="negated"),  # no edge
        Event("e4", "ACCUSE", "111", _ref(ACME), _ref(RUS), ev, date=DateValue("2016", "year")),
        Event("e5", "AID", "070", _ref(RUS), SYRIA, ev),
        Event("e6", "AID", "070", None, SYRIA, ev),  # no source: no edge
    )
    relations = (
        Relation(_ref(RUS), _ref(ASSAD), "harbours", ev, "positive", 0.9, DateValue("2012", "year")),
        Relation(_ref(RUS), _ref(ASSAD), "harbours", ev, "positive", 0.9, DateValue("2024-12", "month")),
        Relation(_ref(PUTIN), _ref(ASSAD), "personal_tie", ev, "negative", 0.5, DateValue("2013", "year")),
        Relation(_ref(PUTIN), _ref(ASSAD), "personal_tie", ev, "positive", 0.5),
    )
    return AnalysedArticle(
        clean,
        (Sentence(doc, 0, 0, len(TEXT), TEXT),),
        mentions,
        (RUS, ASSAD, PUTIN, ACME),
        events,
        (),
        relations,
    )


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "g.duckdb")
    s.write([_article()], [], s.start_run("test", "v"))
    return s


def _edges_by_key(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {(u, v, d["relation"]): d for u, v, d in graph.edges(data=True)}


def test_network_aggregates_relations_and_asserted_events(store: Store) -> None:
    nodes, edges = network(store)
    # most mentioned first, then by name; actors only seen in facts come last
    assert [n["id"] for n in nodes] == [
        "country/RUS",
        "new/acme",
        "person/assad",
        "person/putin",
        "country/SYR",
    ]
    by_id = {n["id"]: n for n in nodes}
    assert by_id["country/RUS"]["mentions"] == 2
    assert by_id["country/SYR"] == {
        "id": "country/SYR",
        "name": "Syria",
        "kind": "country",
        "country": "SYR",
        "sector": None,
        "mentions": 0,
    }
    keyed = {(e["source"], e["target"], e["relation"]): e for e in edges}
    assert set(keyed) == {
        ("country/RUS", "person/assad", "harbours"),
        ("country/RUS", "person/assad", "aid"),
        ("person/assad", "country/RUS", "consult"),
        ("person/putin", "person/assad", "personal_tie"),
        ("new/acme", "country/RUS", "accuse"),
        ("country/RUS", "country/SYR", "aid"),
    }
    harbours = keyed["country/RUS", "person/assad", "harbours"]
    assert (harbours["weight"], harbours["first_seen"], harbours["last_seen"]) == (2, "2012", "2024-12")
    assert (harbours["polarity"], harbours["sign"]) == ("positive", 1)
    tie = keyed["person/putin", "person/assad", "personal_tie"]
    assert (tie["polarity"], tie["sign"], tie["weight"]) == ("mixed", 0, 2)
    assert (tie["first_seen"], tie["last_seen"]) == ("2013", "2013")
    accuse = keyed["new/acme", "country/RUS", "accuse"]
    assert (accuse["polarity"], accuse["sign"], accuse["first_seen"]) == ("negative", -1, "2016")
    # the negated CONSULT added nothing to the asserted one in the other direction
    assert keyed["person/assad", "country/RUS", "consult"]["weight"] == 1
    assert edges[0] in (harbours, tie)  # heaviest first


def test_graphml_round_trips_through_networkx(store: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    n_edges = write_graphml(store, out)
    path = tmp_path / "g.graphml"
    path.write_text(out.getvalue(), encoding="utf-8")
    graph = nx.read_graphml(path)
    nodes, edges = network(store)
    assert graph.is_directed() and graph.is_multigraph()  # RUS→Assad carries two relations
    assert n_edges == len(edges) == graph.number_of_edges() == 6
    assert sorted(graph.nodes) == sorted(n["id"] for n in nodes)
    assert graph.nodes["new/acme"]["name"] == xml_text(HOSTILE) == graph.nodes["new/acme"]["label"]
    assert "\x00" not in graph.nodes["new/acme"]["name"] and "<me>" in graph.nodes["new/acme"]["name"]
    assert graph.nodes["country/RUS"] == {
        "label": "Russia",
        "name": "Russia",
        "kind": "country",
        "country": "RUS",
        "sector": "GOV",
        "mentions": 2,
    }
    assert "sector" not in graph.nodes["new/acme"]  # nulls are left out, not written as "None"
    keyed = _edges_by_key(graph)
    for edge in edges:
        got = keyed[edge["source"], edge["target"], edge["relation"]]
        assert got["weight"] == float(edge["weight"])
        assert got["sign"] == edge["sign"] and got["polarity"] == edge["polarity"]
        assert got.get("first_seen") == edge["first_seen"] and got.get("last_seen") == edge["last_seen"]
    assert len({k for _, _, k in graph.edges(keys=True)}) == 6  # distinct edge ids
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert 'attr.name="mentions" attr.type="int"' in text and 'edgedefault="directed"' in text


def test_gexf_round_trips_with_dynamic_dates(store: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    n_edges = write_gexf(store, out)
    path = tmp_path / "g.gexf"
    path.write_text(out.getvalue(), encoding="utf-8")
    graph = nx.read_gexf(path, version="1.3")
    nodes, edges = network(store)
    assert graph.graph["mode"] == "dynamic" and 'timeformat="date"' in out.getvalue()
    assert n_edges == graph.number_of_edges() == len(edges)
    assert sorted(graph.nodes) == sorted(n["id"] for n in nodes)
    acme = graph.nodes["new/acme"]
    assert acme["label"] == xml_text(HOSTILE) and acme["kind"] == "organization" and "country" not in acme
    assert graph.nodes["person/assad"]["country"] == "SYR" and graph.nodes["country/SYR"]["mentions"] == 0
    keyed = _edges_by_key(graph)
    harbours = keyed["country/RUS", "person/assad", "harbours"]
    assert (harbours["start"], harbours["end"]) == ("2012-01-01", "2024-12-31")
    assert (
        harbours["weight"] == 2.0 and harbours["polarity"] == "positive" and harbours["label"] == "harbours"
    )
    aid = keyed["country/RUS", "person/assad", "aid"]
    assert (aid["start"], aid["end"]) == ("2024-12-01", "2024-12-31")
    consult = keyed["person/assad", "country/RUS", "consult"]
    assert (consult["start"], consult["end"]) == ("2015-10-20", "2015-10-20")
    undated = keyed["country/RUS", "country/SYR", "aid"]
    assert "start" not in undated and "end" not in undated
    assert keyed["new/acme", "country/RUS", "accuse"]["sign"] == -1


def test_empty_store_writes_valid_empty_graphs(tmp_path: Path) -> None:
    with Store(tmp_path / "e.duckdb") as store:
        for writer, reader, name in (
            (write_graphml, nx.read_graphml, "e.graphml"),
            (write_gexf, nx.read_gexf, "e.gexf"),
        ):
            out = io.StringIO()
            assert writer(store, out) == 0
            path = tmp_path / name
            path.write_text(out.getvalue(), encoding="utf-8")
            assert reader(path).number_of_nodes() == 0


def test_gexf_date_normalises_partial_dates() -> None:
    assert gexf_date("2012") == "2012-01-01" and gexf_date("2012", end=True) == "2012-12-31"
    assert gexf_date("2024-12") == "2024-12-01" and gexf_date("2024-12", end=True) == "2024-12-31"
    assert gexf_date("2024-02", end=True) == "2024-02-29" and gexf_date("2023-02", end=True) == "2023-02-28"
    assert gexf_date("2015-10-20", end=True) == "2015-10-20"
    for bad in (None, "", "2012-13", "2023-02-30", "winter 2012", "2012-1"):
        assert gexf_date(bad) is None


def test_xml_text_strips_what_xml_forbids() -> None:
    assert xml_text("a\x00b\x08c\x0bd\x1fe\ud800f\ufffeg") == "abcdefg"
    assert xml_text("tab\tnew\nline\r\nend\r") == "tab\tnew\nline\nend\n"
    assert xml_text("<&>\"'") == "<&>\"'"  # markup is escaped by the serializer, not removed
    assert xml_text(3) == "3"

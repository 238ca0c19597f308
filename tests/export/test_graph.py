from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from patronage.export.graph import gexf_date, network, write_gexf, write_graphml, xml_text
from patronage.model.records import Actor, AnalysedArticle
from patronage.store import Store
from tests.fixtures.records import ASSAD, PUTIN, RUSSIA, SYRIA, ArticleBuilder, ref, write_store

HOSTILE = "Ac<me> & \"Sons\" 'Ltd'\x00\x07\x1b </data>]]> Corp"
TEXT = "The Kremlin sheltered the deposed ruler. The two men met in Moscow. Acme denounced Moscow."
ACME = Actor("new/acme", HOSTILE, "organization", None, None)
RUS, AS, PU, AC, SY = (a.actor_id for a in (RUSSIA, ASSAD, PUTIN, ACME, SYRIA))


def _article() -> AnalysedArticle:
    b = ArticleBuilder("doc-1", TEXT, date="2024-12-10")
    for actor, surface, needle in [
        (RUSSIA, "Kremlin", "The Kremlin"), (RUSSIA, "Moscow", "The two"), (ASSAD, "deposed ruler", "The Kremlin"),
        (PUTIN, "two men", "The two"), (ACME, "Acme", "Acme"),
    ]:  # fmt: skip
        b.mention(actor, surface, needle)
    rus, assad, putin, acme, syria = (
        ref(RUSSIA),
        ref(ASSAD),
        ref(PUTIN),
        ref(ACME),
        ref(SYRIA),
    )  # Syria: never mentioned
    first = "The Kremlin"
    b.event("e1", "AID", rus, assad, first, cameo="075", context=("asylum",), date="2024-12")
    b.event("e2", "CONSULT", assad, rus, first, cameo="040", date="2015-10-20")
    b.event("e3", "CONSULT", rus, assad, first, cameo="040", polarity="negated")  # no edge
    b.event("e4", "ACCUSE", acme, rus, first, cameo="111", date="2016")
    b.event("e5", "AID", rus, syria, first, cameo="070")
    b.event("e6", "AID", None, syria, first, cameo="070")  # no source: no edge
    b.relation("harbours", rus, assad, first, "2012", strength=0.9)
    b.relation("harbours", rus, assad, first, "2024-12", strength=0.9)
    b.relation("personal_tie", putin, assad, first, "2013", polarity="negative")
    b.relation("personal_tie", putin, assad, first)
    return b.build()


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(write_store(tmp_path / "g.duckdb", [_article()]), read_only=True)


def _edges_by_key(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {(u, v, d["relation"]): d for u, v, d in graph.edges(data=True)}


def test_network_aggregates_relations_and_asserted_events(store: Store) -> None:
    nodes, edges = network(store)
    # most mentioned first, then by name; actors only seen in facts come last
    assert [n["id"] for n in nodes] == [RUS, AC, AS, PU, SY]
    by_id = {n["id"]: n for n in nodes}
    assert by_id[RUS]["mentions"] == 2
    assert by_id[SY] == {
        "id": SY,
        "name": "Syria",
        "kind": "country",
        "country": "SYR",
        "sector": "GOV",
        "mentions": 0,
    }
    keyed = {(e["source"], e["target"], e["relation"]): e for e in edges}
    assert set(keyed) == {
        (RUS, AS, "harbours"),
        (RUS, AS, "aid"),
        (AS, RUS, "consult"),
        (PU, AS, "personal_tie"),
        (AC, RUS, "accuse"),
        (RUS, SY, "aid"),
    }
    harbours = keyed[RUS, AS, "harbours"]
    assert (harbours["weight"], harbours["first_seen"], harbours["last_seen"]) == (2, "2012", "2024-12")
    assert (harbours["polarity"], harbours["sign"]) == ("positive", 1)
    tie = keyed[PU, AS, "personal_tie"]
    assert (tie["polarity"], tie["sign"], tie["weight"]) == ("mixed", 0, 2)
    assert (tie["first_seen"], tie["last_seen"]) == ("2013", "2013")
    accuse = keyed[AC, RUS, "accuse"]
    assert (accuse["polarity"], accuse["sign"], accuse["first_seen"]) == ("negative", -1, "2016")
    # the negated CONSULT added nothing to the asserted one in the other direction
    assert keyed[AS, RUS, "consult"]["weight"] == 1
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
    assert graph.nodes[AC]["name"] == xml_text(HOSTILE) == graph.nodes[AC]["label"]
    assert "\x00" not in graph.nodes[AC]["name"] and "<me>" in graph.nodes[AC]["name"]
    assert graph.nodes[RUS] == {
        "label": "Russia",
        "name": "Russia",
        "kind": "country",
        "country": "RUS",
        "sector": "GOV",
        "mentions": 2,
    }
    assert "sector" not in graph.nodes[AC]  # nulls are left out, not written as "None"
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
    acme = graph.nodes[AC]
    assert acme["label"] == xml_text(HOSTILE) and acme["kind"] == "organization" and "country" not in acme
    assert graph.nodes[AS]["country"] == "SYR" and graph.nodes[SY]["mentions"] == 0
    keyed = _edges_by_key(graph)
    harbours = keyed[RUS, AS, "harbours"]
    assert (harbours["start"], harbours["end"]) == ("2012-01-01", "2024-12-31")
    assert (
        harbours["weight"] == 2.0 and harbours["polarity"] == "positive" and harbours["label"] == "harbours"
    )
    aid = keyed[RUS, AS, "aid"]
    assert (aid["start"], aid["end"]) == ("2024-12-01", "2024-12-31")
    consult = keyed[AS, RUS, "consult"]
    assert (consult["start"], consult["end"]) == ("2015-10-20", "2015-10-20")
    undated = keyed[RUS, SY, "aid"]
    assert "start" not in undated and "end" not in undated
    assert keyed[AC, RUS, "accuse"]["sign"] == -1


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

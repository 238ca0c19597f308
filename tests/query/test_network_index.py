"""The network walk over an in-memory edge index answers exactly what per-hop queries answered."""

from __future__ import annotations

from typing import Any

import pytest

from patronage.query.network import edge_index, network
from patronage.store import Store
from tests.fixtures.records import sample_corpus, write_store

ASSAD, RUSSIA = "person/Q44329", "country/RUS"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with Store(
        write_store(tmp_path_factory.mktemp("idx") / "n.duckdb", sample_corpus()), read_only=True
    ) as s:
        yield s


@pytest.mark.parametrize(
    "options",
    [
        {"depth": 1},
        {"depth": 3},
        {"depth": 2, "sign": "negative"},
        {"depth": 2, "as_of": "2015"},
        {"depth": 2, "as_of": "2016", "since": "2015"},
        {"depth": 2, "types": ["HARBOURS", "consult"]},
        {"depth": 3, "max_nodes": 2, "max_edges": 1},
    ],
)
def test_a_shared_index_gives_the_answer_of_a_fresh_one(store: Store, options: dict[str, Any]) -> None:
    args: dict[str, Any] = {"as_of": None, "types": [], "sign": None, "max_nodes": 50, "max_edges": 50}
    args.update(options)
    fresh = network(store, ASSAD, **args)
    index = edge_index(store, (args["as_of"], args.get("since")), args["types"])
    assert network(store, ASSAD, **args, index=index) == fresh
    assert fresh["nodes"][0]["id"] == ASSAD and fresh["nodes"][0]["center"]
    weights = [e["weight"] for e in fresh["edges"]]
    assert weights == sorted(weights, reverse=True), "strongest first"


def test_index_lists_every_edge_once_per_end(store: Store) -> None:
    index = edge_index(store)
    assert all(i in index.touching[e[1]] and i in index.touching[e[2]] for i, e in enumerate(index.edges))
    assert {e[1] for e in index.around([RUSSIA])} | {e[2] for e in index.around([RUSSIA])} >= {RUSSIA, ASSAD}


def test_truncation_and_evidence_of_the_final_edges(store: Store) -> None:
    small = network(store, ASSAD, as_of=None, depth=2, types=[], sign=None, max_nodes=2, max_edges=1)
    assert small["truncated"] and len(small["edges"]) <= 1 and len(small["nodes"]) == 2
    full = network(store, RUSSIA, as_of=None, depth=1, types=[], sign=None, max_nodes=50, max_edges=50)
    assert all(e["evidence_ids"] and e["first_seen"] for e in full["edges"])

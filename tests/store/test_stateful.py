"""A Hypothesis state machine over :meth:`patronage.store.Store.write` against a plain-Python model.

Rules ingest new articles, replace an article's content under the same id, re-write an article
unchanged, record failures, try a batch that must be refused whole, and reopen the file. After every
step the database must agree with the model: one articles row per id, facts only for stored ids, no
duplicate fact ids, and per-article counts as written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from patronage.errors import StoreError
from patronage.model.records import Actor, AnalysedArticle, Failure, Role
from patronage.store import Store
from tests.fixtures.records import ArticleBuilder, ref

DOC_IDS = ["d1", "d2", "d3", "d4", "d5"]
ACTORS = [
    Actor("country/RUS", "Russia", "country", "RUS", "GOV", None, ("Moscow",), (Role("member", "UN"),)),
    Actor("country/SYR", "Syria", "country", "SYR", "GOV"),
    Actor(
        "person/x1", "Anna Example", "person", "FRA", None, None, (), (Role("envoy", "FRA", origin="text"),)
    ),
    Actor("org/x2", "Relief Group", "organization"),
]


@dataclass(frozen=True)
class Version:
    """What one written version of an article holds."""

    content_hash: str
    n_events: int
    n_quotes: int
    n_relations: int
    actors: tuple[int, ...]


def _event_ids(doc_id: str, n: int) -> set[str]:
    return {f"ev-{doc_id}-{i}" for i in range(n)}


def build(doc_id: str, version: Version) -> AnalysedArticle:
    """A small analysed article whose fact ids repeat across versions, as real ids can."""
    sentences = [f"Sentence {i} of {doc_id} under {version.content_hash}." for i in range(3)]
    b = ArticleBuilder(doc_id, " ".join(sentences), content_hash=version.content_hash)
    actors = [ACTORS[i] for i in version.actors]
    for actor in actors:
        b.mention(actor, "Sentence")
    a, z = (actors[0], actors[-1]) if actors else (ACTORS[0], ACTORS[1])
    for i in range(version.n_events):
        b.event(
            f"ev-{doc_id}-{i}",
            "AID",
            ref(a, "Sentence"),
            ref(z, "Sentence"),
            sentences[i % 3],
            cameo="075",
            date="2020-01",
        )
    for i in range(version.n_quotes):
        speaker = ref(a, "x") if i % 2 else None
        b.quote(
            f"q-{doc_id}-{i}", speaker, "words", sentences[i % 3], direct=bool(i % 2), speaker_text="a source"
        )
    for i in range(version.n_relations):
        b.relation("supports", ref(a, "x"), ref(z, "y"), sentences[i % 3])
    return b.build()


versions = st.builds(
    Version,
    content_hash=st.sampled_from(["h1", "h2", "h3", "h4"]),
    n_events=st.integers(0, 3),
    n_quotes=st.integers(0, 2),
    n_relations=st.integers(0, 2),
    actors=st.lists(st.integers(0, len(ACTORS) - 1), max_size=3, unique=True).map(tuple),
)


class StoreMachine(RuleBasedStateMachine):
    """Drives one database file; ``model`` is what it must hold."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = tempfile.mkdtemp(prefix="patronage-stateful-")
        self.path = Path(self.dir) / "s.duckdb"
        self.store = Store(self.path)
        self.run_id = self.store.start_run("test", "0")
        self.model: dict[str, Version] = {}
        self.failures: Counter[str] = Counter()
        self.actor_ids: set[str] = set()

    @initialize()
    def empty(self) -> None:
        assert self._count("articles") == 0

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _count(self, table: str) -> int:
        return int(self.store.query(f"SELECT count(*) FROM {table}")[0][0])

    def _apply(self, docs: list[tuple[str, Version]], failures: list[Failure]) -> None:
        # every write is a run of its own: its failure rows replace earlier runs' rows for the same
        # input, and a replaced article's failures from earlier runs go (issue #20, item 12)
        self.run_id = self.store.start_run("test", "0")
        self.store.write([build(d, v) for d, v in docs], failures, self.run_id)
        for doc_id, version in docs:
            self.model[doc_id] = version
            self.failures.pop(doc_id, None)
            self.actor_ids |= {ACTORS[i].actor_id for i in version.actors}
        for doc in {f.doc for f in failures}:
            self.failures[doc] = sum(1 for f in failures if f.doc == doc)

    @rule(doc_id=st.sampled_from(DOC_IDS), version=versions)
    def ingest_or_replace(self, doc_id: str, version: Version) -> None:
        self._apply([(doc_id, version)], [])

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def rerun_unchanged(self, data: st.DataObject) -> None:
        doc_id = data.draw(st.sampled_from(sorted(self.model)))
        before = self.store.query("SELECT * EXCLUDE (run_id, ingested_at) FROM articles ORDER BY doc_id")
        events = self.store.query("SELECT * FROM events ORDER BY event_id")
        self._apply([(doc_id, self.model[doc_id])], [])
        assert (
            self.store.query("SELECT * EXCLUDE (run_id, ingested_at) FROM articles ORDER BY doc_id") == before
        )
        assert self.store.query("SELECT * FROM events ORDER BY event_id") == events

    @rule(
        batch=st.lists(
            st.tuples(st.sampled_from(DOC_IDS), versions), min_size=1, max_size=4, unique_by=lambda t: t[0]
        ),
        failed=st.lists(st.sampled_from([*DOC_IDS, "in.jsonl:7", "gone.txt"]), max_size=3),
    )
    def write_batch(self, batch: list[tuple[str, Version]], failed: list[str]) -> None:
        self._apply(batch, [Failure(doc, "ingest", "InputError", "bad", "error") for doc in failed])

    @rule(doc_id=st.sampled_from(DOC_IDS), first=versions, second=versions)
    def same_id_twice_in_one_batch_is_refused_whole(
        self, doc_id: str, first: Version, second: Version
    ) -> None:
        snapshot = self._snapshot()
        other = next(d for d in DOC_IDS if d != doc_id)
        try:
            self.store.write(
                [build(other, first), build(doc_id, first), build(doc_id, second)],
                [Failure("x", "ingest", "E", "m")],
                self.run_id,
            )
        except StoreError as exc:
            assert "write failed" in exc.message
        else:
            raise AssertionError("two rows for one doc_id were accepted")
        assert self._snapshot() == snapshot

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = Store(self.path)

    def _snapshot(self) -> dict[str, Any]:
        return {
            table: sorted(map(repr, self.store.query(f"SELECT * FROM {table}")))
            for table in (
                "articles",
                "events",
                "quotes",
                "relations",
                "sentences",
                "mentions",
                "failures",
                "actors",
            )
        }

    # -- invariants ------------------------------------------------------------------------------------
    @invariant()
    def one_articles_row_per_doc(self) -> None:
        ids = [r[0] for r in self.store.query("SELECT doc_id FROM articles")]
        assert sorted(ids) == sorted(self.model)
        assert self.store.known_hashes(DOC_IDS) == {d: v.content_hash for d, v in self.model.items()}

    @invariant()
    def facts_only_for_stored_articles(self) -> None:
        for table in ("sentences", "mentions", "roles", "events", "quotes", "relations", "article_actors"):
            docs = {
                r[0]
                for r in self.store.query(f"SELECT DISTINCT doc_id FROM {table} WHERE doc_id IS NOT NULL")
            }
            assert docs <= set(self.model), (table, docs - set(self.model))

    @invariant()
    def fact_ids_unique_and_counts_match(self) -> None:
        events = [r[0] for r in self.store.query("SELECT event_id FROM events")]
        assert len(events) == len(set(events))
        assert set(events) == set().union(*(_event_ids(d, v.n_events) for d, v in self.model.items()))
        quotes = [r[0] for r in self.store.query("SELECT quote_id FROM quotes")]
        assert len(quotes) == len(set(quotes)) == sum(v.n_quotes for v in self.model.values())
        per_doc = dict(self.store.query("SELECT doc_id, count(*) FROM relations GROUP BY doc_id"))
        assert per_doc == {d: v.n_relations for d, v in self.model.items() if v.n_relations}
        sentences = dict(self.store.query("SELECT doc_id, count(*) FROM sentences GROUP BY doc_id"))
        assert sentences == dict.fromkeys(self.model, 3)

    @invariant()
    def actors_are_unique_and_known(self) -> None:
        actors = [r[0] for r in self.store.query("SELECT actor_id FROM actors")]
        assert len(actors) == len(set(actors)) and set(actors) == self.actor_ids
        linked = {r[0] for r in self.store.query("SELECT DISTINCT actor_id FROM article_actors")}
        assert linked <= set(actors)
        want = {(d, ACTORS[i].actor_id) for d, v in self.model.items() for i in v.actors}
        assert set(self.store.query("SELECT doc_id, actor_id FROM article_actors")) == want
        # gazetteer roles are global (doc_id NULL) and written once per actor; text roles once per article
        gazetteer = self.store.query(
            "SELECT actor_id, count(*) FROM roles WHERE doc_id IS NULL GROUP BY actor_id"
        )
        assert all(n == 1 for _, n in gazetteer)

    @invariant()
    def failures_match(self) -> None:
        rows = Counter(r[0] for r in self.store.query("SELECT doc FROM failures"))
        assert rows == +self.failures


StoreMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("TEST_STATEFUL_EXAMPLES", "30")),
    stateful_step_count=20,
    deadline=None,
    database=None,
    derandomize=not os.environ.get("TEST_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow],
)
TestStore = StoreMachine.TestCase

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from patronage.cli import cli
from patronage.errors import StoreError
from patronage.model.records import Actor, AnalysedArticle, CleanArticle, Mention, Sentence
from patronage.query import search as search_module
from patronage.query.search import SentenceHit, search, search_sentences
from patronage.store import Store
from patronage.store.schema import MIGRATIONS


def _article(doc_id: str, date: str | None, *sentences: str, digest: str = "h") -> AnalysedArticle:
    text = " ".join(sentences)
    sents, at = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(doc_id, i, at, at + len(s), s))
        at += len(s) + 1
    clean = CleanArticle(
        doc_id, f"Title {doc_id}", text, date, f"https://example.org/{doc_id}", None, "t", digest
    )
    return AnalysedArticle(clean, tuple(sents), (), (), (), (), ())


CORPUS = [
    _article(
        "d-old",
        "2019-03-02",
        "The two governments agreed on a prisoner exchange at the border.",
        "Officials said the Prisoner Exchange would take a week.",
    ),
    _article(
        "d-new",
        "2023-11-30",
        "A second prisoner exchange followed four years later.",
        "The U.S. envoy praised the deal; critics didn't.",
    ),
    _article("d-undated", None, "Nobody dated the report on the prisoner exchange."),
    _article(
        "d-mid",
        "2021-06",
        "The prisoner was moved before any exchange took place.",
        "A login form that accepts ' OR 1=1 is broken, the auditor wrote.",
        "Turnout rose to 50 percent in the ÉLYSÉE district.",
    ),
]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "s.duckdb")
    st.write(CORPUS, [], st.start_run("test", "0"))
    return st


def _where(hits: list[SentenceHit]) -> list[tuple[str, int]]:
    return [(h.doc_id, h.start) for h in hits]


def test_phrase_is_found_newest_first_with_undated_last(store: Store) -> None:
    hits = search_sentences(store, "prisoner exchange", 10)
    assert _where(hits) == [("d-new", 0), ("d-old", 0), ("d-old", 65), ("d-undated", 0)]
    # the words apart ("prisoner was moved before any exchange") are no phrase match
    assert "d-mid" not in {h.doc_id for h in hits}
    first = hits[0]
    assert first.sentence == "A second prisoner exchange followed four years later."
    assert (first.title, first.date, first.url) == ("Title d-new", "2023-11-30", "https://example.org/d-new")
    assert first.end - first.start == len(first.sentence)


def test_case_is_ignored_both_ways(store: Store) -> None:
    lower = _where(search_sentences(store, "prisoner exchange", 10))
    assert _where(search_sentences(store, "PRISONER Exchange", 10)) == lower
    assert [h.doc_id for h in search_sentences(store, "élysée", 5)] == ["d-mid"]


def test_words_match_from_their_start(store: Store) -> None:
    # what a user has typed so far: the last word may be cut short, the first starts a word (issue 18:
    # "Assad" must not find "ambassador")
    assert _where(search_sentences(store, "prisoner exch", 10))[:2] == [("d-new", 0), ("d-old", 0)]
    assert _where(search_sentences(store, "  envo ", 10)) == [("d-new", 54)]
    assert search_sentences(store, "isoner exch", 10) == []
    assert search_sentences(store, "nvoy", 10) == []


def test_limit_and_empty_inputs(store: Store) -> None:
    assert len(search_sentences(store, "prisoner", 2)) == 2
    assert search_sentences(store, "prisoner", 0) == []
    assert search_sentences(store, "   ", 5) == []
    assert search_sentences(store, "no such phrase anywhere", 5) == []


def test_pages_of_hits_follow_one_another(store: Store) -> None:
    every = _where(search_sentences(store, "prisoner", 10))
    assert len(every) == 5
    pages = [_where(search_sentences(store, "prisoner", 2, offset)) for offset in (0, 2, 4, 6)]
    assert pages[0] + pages[1] + pages[2] == every and pages[3] == []


def test_punctuation_is_matched_as_typed(store: Store) -> None:
    assert _where(search_sentences(store, "U.S.", 5)) == [("d-new", 54)]
    assert _where(search_sentences(store, "didn't.", 5)) == [("d-new", 54)]
    assert search_sentences(store, "u.s.a", 5) == []
    # LIKE wildcards are plain characters
    assert search_sentences(store, "5%", 5) == []
    assert search_sentences(store, "50_percent", 5) == []


def test_sql_like_input_is_only_text(store: Store) -> None:
    hits = search_sentences(store, "' OR 1=1", 5)
    assert [h.sentence for h in hits] == ["A login form that accepts ' OR 1=1 is broken, the auditor wrote."]
    assert search_sentences(store, "'; DROP TABLE sentences; --", 5) == []
    assert store.query("SELECT count(*) FROM sentences")[0][0] == 8


def test_rewritten_article_leaves_no_old_text(store: Store) -> None:
    changed = _article("d-old", "2019-03-02", "The talks collapsed without any swap.", digest="h2")
    store.write([changed], [], store.start_run("test", "0"))
    assert [h.doc_id for h in search_sentences(store, "prisoner exchange", 10)] == ["d-new", "d-undated"]
    assert _where(search_sentences(store, "without any swap", 5)) == [("d-old", 0)]
    rows = store.query("SELECT idx, text FROM sentence_search WHERE doc_id = 'd-old'")
    assert rows == [(0, "the talks collapsed without any swap.")]


def _schema_one_store(path: Path) -> None:
    """A store as schema 1 left it: no ``sentence_search`` table."""
    con = duckdb.connect(str(path))
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.execute("INSERT INTO articles (doc_id, title, date) VALUES ('d-1', 'T', '2020-01-01')")
    con.execute("INSERT INTO sentences VALUES ('d-1', 0, 0, 31, 'An Earlier Prisoner Exchange ended.')")
    con.close()


def test_old_store_is_refused_read_only_and_back_filled_on_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _schema_one_store(path)
    with pytest.raises(StoreError, match="patronage migrate"):
        Store(path, read_only=True)
    result = CliRunner().invoke(cli, ["migrate", "--db", str(path)])
    assert result.exit_code == 0 and f"schema {len(MIGRATIONS)}" in result.output, result.output
    with Store(path, read_only=True) as ro:
        assert ro.schema_version == len(MIGRATIONS)
        assert ro.query("SELECT dyad_source FROM events") == []
    with Store(path) as rw:
        assert rw.query("SELECT * FROM sentence_search") == [
            ("d-1", 0, "an earlier prisoner exchange ended.")
        ]
        assert [h.doc_id for h in search_sentences(rw, "EARLIER prisoner", 5)] == ["d-1"]


# -- the word index gives what a scan of every sentence would ----------------------------------------

EXTRA = [
    _article(
        "d-extra",
        "2022-01-15",
        "The U.S. envoy said: u s letters and U.S.A. flags, 1=1 and a_b; prisoners exchanged notes.",
        "Trump's aides met the Trumpet band — Ex-change rates, exchange_rates and re-exchange fell.",
        "A sentence in the ÉLYSÉE, then élysées and Élysée again; the the the.",
    ),
    _article("d-same-day", "2022-01-15", "Exchange rates fell; the prisoner exchange was delayed."),
]

QUERIES = [
    "prisoner", "prisoner exch", "PRISONER EXCHANGE", "isoner", "u.s.", "u.s", "u s", "U.S.A", "didn't",
    "didn", "n't", "' OR 1=1", "1=1", "50 percent", "50%", "élysée", "élysées", "the", "th", "e", ".",
    "...", "_b", "a_b", "b;", "exchange at the", "the prisoner", "prisoner was", "was moved",
    "before any exchange", "a", "trump", "trump's", "trumpet", "s aides", "ex-change", "change",
    "exchange_", "re-exchange", "the the", "the the the the", "; prisoners", "exchanged notes.",
]  # fmt: skip


def _reference(articles: list[AnalysedArticle], q: str) -> list[tuple[str, int]]:
    """Every sentence holding ``q`` from a word's start, in the order of results, by brute force."""
    needle = q.strip().lower()
    found = []
    for a in articles:
        for s in a.sentences:
            text = s.text.lower()
            at = [i for i in range(len(text)) if text.startswith(needle, i)]
            if needle[0].isalnum():
                at = [i for i in at if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")]
            if at:
                found.append((a.article.date or "", a.article.date is None, a.article.doc_id, s.idx, s.start))
    # newest first, undated last, then by article and position
    found.sort(key=lambda f: (f[1], (*(-ord(c) for c in f[0]), 1), f[2], f[3]))
    return [(doc, start) for _, _, doc, _, start in found]


def test_the_index_finds_what_a_scan_of_every_sentence_finds(tmp_path: Path) -> None:
    corpus = [*CORPUS, *EXTRA]
    with Store(tmp_path / "s.duckdb") as st:
        run = st.start_run("test", "0")
        st.write(corpus[:3], [], run)
        st.write(corpus[3:], [], run)  # the second batch waits in the recent part
        for q in QUERIES:
            assert _where(search_sentences(st, q, 50)) == _reference(corpus, q), q
        assert st.tidy_search(force=True)
        for q in QUERIES:
            assert _where(search_sentences(st, q, 50)) == _reference(corpus, q), q
            every = _where(search_sentences(st, q, 50))
            pages = [_where(search_sentences(st, q, 2, offset)) for offset in range(0, len(every) + 2, 2)]
            assert [hit for page in pages for hit in page] == every, q


def test_candidates_that_fail_the_text_leave_the_query_to_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "u s" is looked up as the pair (u, s), which every "U.S." holds: the first candidates all fail
    corpus = [_article(f"d-{i:02d}", f"2020-02-{i + 1:02d}", "The U.S. said no.") for i in range(25)]
    corpus.append(_article("d-old", "2001-01-01", "The letters u s remained."))
    scans: list[str] = []
    real = search_module._scanned
    monkeypatch.setattr(
        search_module, "_scanned", lambda st, needle, *a: scans.append(needle) or real(st, needle, *a)
    )
    with Store(tmp_path / "s.duckdb") as st:
        st.write(corpus, [], st.start_run("test", "0"))
        assert _where(search_sentences(st, "u s", 2)) == [("d-old", 0)] == _reference(corpus, "u s")
        assert scans == ["u s"]
        # a query with no word to look up is scanned for at once
        assert _where(search_sentences(st, "u.s.", 1)) == [("d-24", 0)]
        assert search_sentences(st, "...", 3) == [] and scans == ["u s", "..."]


def test_actors_rank_by_the_mentions_the_store_counts_as_articles_change(tmp_path: Path) -> None:
    bashar = Actor("person/bashar-assad", "Bashar al-Assad", "person", "SYR")
    hafez = Actor("person/hafez-assad", "Hafez al-Assad", "person", "SYR")

    def mentioning(doc_id: str, actor: Actor, times: int, digest: str) -> AnalysedArticle:
        base = _article(doc_id, "2020-01-01", *(f"{actor.name} spoke." for _ in range(times)), digest=digest)
        mentions = tuple(
            Mention(doc_id, s.start, s.start + len(actor.name), actor.name, "PERSON", s.idx, actor.actor_id)
            for s in base.sentences
        )
        return AnalysedArticle(base.article, base.sentences, mentions, (actor,), (), (), ())

    with Store(tmp_path / "s.duckdb") as st:
        st.write(
            [mentioning("a", bashar, 1, "h"), mentioning("b", hafez, 3, "h")], [], st.start_run("t", "0")
        )
        found = search(st, "assad", 10, 0)["results"]
        assert [(r["actor_id"], r["mentions"]) for r in found] == [
            ("person/hafez-assad", 3),
            ("person/bashar-assad", 1),
        ]
        # the article that mentioned Hafez three times now mentions Bashar twice
        st.write([mentioning("b", bashar, 2, "h2")], [], st.start_run("t", "0"))
        found = search(st, "assad", 10, 0)["results"]
        assert [(r["actor_id"], r["mentions"]) for r in found] == [
            ("person/bashar-assad", 3),
            ("person/hafez-assad", 0),
        ]

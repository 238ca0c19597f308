"""The search tables (``store.search``): kept right per batch, on replacement, when tidied and by migration."""

from __future__ import annotations

from pathlib import Path

from patronage.model.records import Actor, AnalysedArticle, CleanArticle, Mention, Sentence
from patronage.store import SCHEMA_VERSION, Store
from patronage.store.schema import SEARCH_MIGRATION
from patronage.store.search import word_pairs
from tests.fixtures.records import old_store

ASSAD = Actor("person/assad", "Bashar al-Assad", "person", "SYR", aliases=("Assad", "President Assad"))
PUTIN = Actor("person/putin", "Vladimir Putin", "person", "RUS", aliases=("Putin",))


def _article(
    doc_id: str, *sentences: str, actors: tuple[Actor, ...] = (), digest: str = "h"
) -> AnalysedArticle:
    """An article whose sentences mention each actor once per sentence that holds its first alias."""
    sents, mentions, at = [], [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(doc_id, i, at, at + len(s), s))
        for actor in actors:
            name = actor.aliases[0]
            if name in s:
                start = at + s.index(name)
                mentions.append(Mention(doc_id, start, start + len(name), name, "PERSON", i, actor.actor_id))
        at += len(s) + 1
    clean = CleanArticle(doc_id, doc_id, " ".join(sentences), "2020-01-01", None, None, "t", digest)
    return AnalysedArticle(clean, tuple(sents), tuple(mentions), actors, (), (), ())


def _postings(store: Store) -> list[tuple[str, str, str, int]]:
    """Every posting, sorted and recent parts together."""
    return sorted(store.query("SELECT * FROM sentence_words UNION ALL SELECT * FROM sentence_words_new"))


def _expected(*articles: AnalysedArticle) -> list[tuple[str, str, str, int]]:
    """The postings of ``articles`` as the word index defines them."""
    return sorted(
        (w, n, s.doc_id, s.idx) for a in articles for s in a.sentences for w, n in word_pairs(s.text.lower())
    )


def _counts(store: Store) -> dict[str, int]:
    return dict(store.query("SELECT actor_id, mentions FROM actor_search"))


def test_word_pairs_are_runs_of_word_characters_with_the_next_one() -> None:
    assert word_pairs("the u.s. envoy's deal, the deal") == [
        ("deal", ""), ("deal", "the"), ("envoy", "s"), ("s", "deal"), ("s", "envoy"), ("the", "deal"),
        ("the", "u"), ("u", "s"),
    ]  # fmt: skip
    assert word_pairs("élysée_2 — ok") == [("ok", ""), ("élysée_2", "ok")]
    assert word_pairs("... — !") == []


def test_a_batch_indexes_its_sentences_and_counts_its_mentions(tmp_path: Path) -> None:
    first = _article("d1", "Assad met Putin.", "Putin left.", actors=(ASSAD, PUTIN))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([first], [], store.start_run("t", "0"))
        # a batch appends to the recent part; the sorted part waits for the end of the run
        assert store.query("SELECT count(*) FROM sentence_words") == [(0,)]
        assert _postings(store) == _expected(first)
        assert _counts(store) == {"person/assad": 1, "person/putin": 2}
        row = store.rows("SELECT * FROM actor_search WHERE actor_id = 'person/assad'")[0]
        assert row["name"] == "Bashar al-Assad" and row["lower_name"] == "bashar al-assad"
        assert row["lower_aliases"] == "assad\x1fpresident assad" and row["lower_id"] == "person/assad"
        assert (row["kind"], row["country"]) == ("person", "SYR")


def test_an_actor_keeps_the_country_a_later_article_states(tmp_path: Path) -> None:
    stateless = Actor("person/putin", "Vladimir Putin", "person", None, aliases=("Putin",))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_article("d1", "Putin spoke.", actors=(stateless,))], [], store.start_run("t", "0"))
        assert store.query("SELECT country, mentions FROM actor_search") == [(None, 1)]
        store.write([_article("d2", "Putin left.", actors=(PUTIN,))], [], store.start_run("t", "0"))
        assert store.query("SELECT country, mentions FROM actor_search") == [("RUS", 2)]
        assert store.query("SELECT country FROM actors") == [("RUS",)]


def test_a_replaced_article_leaves_no_old_postings_or_counts_in_either_part(tmp_path: Path) -> None:
    old = _article("d1", "Assad met Putin in Sochi.", actors=(ASSAD, PUTIN))
    other = _article("d2", "Putin spoke.", actors=(PUTIN,))
    with Store(tmp_path / "s.duckdb") as store:
        run = store.start_run("t", "0")
        store.write([old, other], [], run)
        store.finish_run(run, 2, 2, 0, 0)  # sorts the first batch in: the store was empty
        assert store.query("SELECT count(*) FROM sentence_words_new") == [(0,)]
        assert _counts(store) == {"person/assad": 1, "person/putin": 2}
        new = _article("d1", "Talks in Geneva stalled.", actors=(ASSAD,), digest="h2")
        store.write([new], [], store.start_run("t", "0"))
        assert _postings(store) == _expected(new, other)
        assert not store.query("SELECT * FROM sentence_words WHERE doc_id = 'd1'")
        # Putin lost the replaced article's mention; Assad is no longer mentioned at all
        assert _counts(store) == {"person/assad": 0, "person/putin": 1}
        # and replaced again while its postings sit in the recent part
        again = _article("d1", "Assad returned to Sochi.", actors=(ASSAD,), digest="h3")
        store.write([again], [], store.start_run("t", "0"))
        assert _postings(store) == _expected(again, other)
        assert _counts(store) == {"person/assad": 1, "person/putin": 1}


def test_the_recent_part_is_sorted_in_once_it_outgrows_a_share_of_the_sorted_one(tmp_path: Path) -> None:
    articles = [_article(f"d{i}", f"Sentence number {i} of a long report on ports.") for i in range(40)]
    with Store(tmp_path / "s.duckdb") as store:
        run = store.start_run("t", "0")
        store.write(articles[:39], [], run)
        store.finish_run(run, 39, 39, 0, 0)
        in_order = store.query("SELECT word, next, doc_id, idx FROM sentence_words")
        assert in_order == sorted(in_order) and len(in_order) == len(_expected(*articles[:39]))
        run = store.start_run("t", "0")
        store.write(articles[39:], [], run)
        store.finish_run(run, 1, 1, 0, 0)  # one article in forty: left where it is
        assert store.query("SELECT count(*) FROM sentence_words_new")[0][0] == len(_expected(articles[39]))
        assert store.tidy_search(force=True) is True
        assert store.query("SELECT count(*) FROM sentence_words_new") == [(0,)]
        assert store.tidy_search(force=True) is False
        assert _postings(store) == _expected(*articles)


def _schema_eight_store(path: Path) -> AnalysedArticle:
    """A store as schema 8 left it: an article, its sentences, actors and mentions, and no search tables."""
    article = _article("d1", "Assad met Putin.", "Then PUTIN left; Assad stayed.", actors=(ASSAD, PUTIN))
    con = old_store(path, SEARCH_MIGRATION - 1)
    con.execute("INSERT INTO articles (doc_id, title, date) VALUES ('d1', 'T', '2020-01-01')")
    for s in article.sentences:
        con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", [s.doc_id, s.idx, s.start, s.end, s.text])
    for a in (ASSAD, PUTIN):
        con.execute("INSERT INTO actors (actor_id, name, kind, aliases) VALUES (?, ?, ?, ?)",
                    [a.actor_id, a.name, a.kind, list(a.aliases)])  # fmt: skip
    for m in article.mentions:
        con.execute("INSERT INTO mentions (doc_id, actor_id) VALUES (?, ?)", [m.doc_id, m.actor_id])
    con.close()
    return article


def test_migration_builds_the_index_and_counts_from_what_an_older_store_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    article = _schema_eight_store(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        # all sorted, as a new store's would be after its first run
        assert store.query("SELECT count(*) FROM sentence_words_new") == [(0,)]
        assert _postings(store) == _expected(article)
        assert _counts(store) == {"person/assad": 2, "person/putin": 1}

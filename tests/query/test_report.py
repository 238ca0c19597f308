"""The cited dossier read from a store: ties, events, quotes and roles, each with its citation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from patronage.cli import cli
from patronage.errors import InputError, NotFoundError
from patronage.export.report import names_in
from patronage.model.records import ActorRef
from patronage.query.report import Citation, Report, build_report, check_relation, resolve_actor
from patronage.store import Store
from tests.conftest import shared_path
from tests.fixtures.dossier import YANUKOVYCH, dossier_corpus
from tests.fixtures.records import ASSAD, IRAN, PUTIN, SNOWDEN, write_store


@pytest.fixture(scope="module")
def dossier_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("dossier") / "dossier.duckdb", dossier_corpus())


@pytest.fixture
def store(dossier_db: Path) -> Iterator[Store]:
    with Store(dossier_db, read_only=True) as opened:
        yield opened


def _cited(report: Report) -> Iterator[tuple[Citation, list[ActorRef]]]:
    """Every citation of the report, with the actors its statement names."""
    for tie in report.ties:
        for st in tie.statements:
            assert st.citation is not None
            yield st.citation, [tie.source, tie.target]
    for events in report.events.values():
        for ev in events:
            assert ev.citation is not None
            yield ev.citation, [r for r in (ev.fact.source, ev.fact.target) if r is not None]
    for q in (*report.quotes_by, *report.quotes_about):
        assert q.citation is not None
        yield q.citation, [q.fact.speaker] if q.fact.speaker else []


def assert_sentences_name_their_actors(report: Report) -> int:
    """Every cited sentence names each actor of its statement (by name or alias); returns how many."""
    n = 0
    for citation, refs in _cited(report):
        for ref in refs:
            names = report.names[ref.actor_id]
            assert names_in(citation.sentence, names), f"{ref.name} is not in {citation.sentence!r}"
        n += 1
    return n


def _ties(report: Report) -> dict[tuple[str, str], str | None]:
    return {(t.relation, t.target.name): t.first_seen.value for t in report.ties}


def test_the_dossier_of_putin_cites_a_sentence_for_every_statement(store: Store) -> None:
    report = build_report(store, PUTIN.actor_id)
    assert report.actor.name == "Vladimir Putin" and report.actor.wikidata == "Q7747"
    assert _ties(report) == {
        ("harbours", "Edward Snowden"): "2013",
        ("harbours", "Viktor Yanukovych"): "2014",
        ("harbours", "Bashar al-Assad"): "2024-12",
        ("supports", "Bashar al-Assad"): "2015-10",
        ("opposes", "Iran"): "2020-01",
    }
    assert assert_sentences_name_their_actors(report) == 5 + 1 + 4 + 2  # ties (one cites two), events, quotes
    refuge = next(t for t in report.ties if t.target.actor_id == ASSAD.actor_id and t.relation == "harbours")
    cite = refuge.statements[0].citation
    assert cite == Citation(
        "doc-refuge",
        "Moscow's guests",
        "2024-12-16",
        "Example Wire",
        "https://example.org/refuge",
        "Vladimir Putin has given Assad refuge in Russia this month.",
    )
    assert list(report.events) == ["CONSULT", "SUPPORT", "AID"]  # the PLOVER order
    assert [c.fact.event_id for c in report.events["AID"]] == ["ev-strikes", "ev-refuge"]  # oldest first
    assert [q.fact.quote_id for q in report.quotes_by] == ["q-welcome"]
    assert [q.fact.quote_id for q in report.quotes_about] == ["q-grateful"]
    assert report.roles[0].citation is None and report.roles[0].fact.start == "2012-05-07"


def test_support_in_two_articles_adds_up(store: Store) -> None:
    support = next(t for t in build_report(store, PUTIN.actor_id).ties if t.relation == "supports")
    assert (support.count, support.articles, support.strength) == (2, 2, 0.75)
    assert (support.first_seen.value, support.last_seen.value) == ("2015-10", "2016-05")
    assert [s.citation.doc_id for s in support.statements if s.citation] == ["doc-visit", "doc-again"]


def test_a_relation_keeps_its_ties_and_the_events_of_its_kind(store: Store) -> None:
    report = build_report(store, PUTIN.actor_id, "Harbours")
    assert report.relation == "harbours"
    assert {t.target.actor_id for t in report.ties} == {ASSAD.actor_id, YANUKOVYCH.actor_id, SNOWDEN.actor_id}
    # asylum is harbouring; military aid and a visit are not
    assert {k: [c.fact.event_id for c in v] for k, v in report.events.items()} == {"AID": ["ev-refuge"]}
    # the quotes kept involve an actor Putin harbours (Assad speaks of Putin; "the guests" name no one)
    assert [q.fact.quote_id for q in report.quotes_about] == ["q-grateful"] and report.quotes_by == ()
    assert build_report(store, PUTIN.actor_id, "personal_tie").ties == ()


def test_as_of_leaves_out_every_later_fact(store: Store) -> None:
    report = build_report(store, PUTIN.actor_id, as_of="2014")
    assert report.events == {} and report.quotes_by == report.quotes_about == ()
    assert _ties(report) == {
        ("harbours", "Edward Snowden"): "2013",
        ("harbours", "Viktor Yanukovych"): "2014",
    }
    later = build_report(store, PUTIN.actor_id, as_of="2015-10")
    assert ("supports", "Bashar al-Assad") in _ties(later) and ("opposes", "Iran") not in _ties(later)
    assert {k: [c.fact.event_id for c in v] for k, v in later.events.items()} == {
        "CONSULT": ["ev-visit"],
        "AID": ["ev-strikes"],
    }
    # quotes are dated by their article: the 2024 one is gone, the 2015 one stays
    assert later.quotes_by == () and [q.fact.quote_id for q in later.quotes_about] == ["q-grateful"]
    support = next(t for t in later.ties if t.relation == "supports")
    assert (support.count, support.last_seen.value) == (1, "2015-10")


def test_as_of_cuts_roles_that_began_later_and_ends_not_yet_known(store: Store) -> None:
    assad = build_report(store, ASSAD.actor_id, as_of="2015-10-21")
    role = assad.roles[0].fact
    assert (role.title, role.start, role.end) == ("president", "2000-07-17", None)
    assert build_report(store, ASSAD.actor_id).roles[0].fact.end == "2024-12-08"
    assert build_report(store, YANUKOVYCH.actor_id, as_of="2009").roles == ()


def test_limits_keep_the_strongest_and_count_the_rest(store: Store) -> None:
    report = build_report(store, PUTIN.actor_id, limit=1)
    assert len(report.ties) == 1 and report.left_out["ties"] == 4
    # the strongest (harbouring, 0.8, ahead of support in two articles, 0.75), the earliest of equals
    assert (report.ties[0].relation, report.ties[0].target.name) == ("harbours", "Viktor Yanukovych")
    assert report.left_out["events"] == 1  # two AID events, one kept
    assert build_report(store, PUTIN.actor_id, min_confidence=0.9).events == {}
    assert report.left_out["roles"] == 0 and len(report.roles) == 1  # a gazetteer role is never cut


def test_resolution_and_errors(store: Store) -> None:
    assert resolve_actor(store, "Putin") == PUTIN.actor_id
    assert resolve_actor(store, "tehran") == IRAN.actor_id  # an alias
    assert resolve_actor(store, ASSAD.actor_id) == ASSAD.actor_id
    with pytest.raises(NotFoundError, match="no actor matches 'Nobody'"):
        resolve_actor(store, "Nobody")
    with pytest.raises(InputError, match="empty"):
        resolve_actor(store, "  ")
    with pytest.raises(NotFoundError):
        build_report(store, "person/none")
    with pytest.raises(InputError, match="unknown relation 'befriends'; choose from harbours"):
        build_report(store, PUTIN.actor_id, "befriends")
    with pytest.raises(InputError, match="impossible date"):
        build_report(store, PUTIN.actor_id, as_of="2015-02-30")
    assert check_relation(None) is None and check_relation(" OPPOSES ") == "opposes"


def test_the_reader_writes_the_dossier(dossier_db: Path) -> None:
    import patronage

    with patronage.open(dossier_db) as db:
        text = db.report("Putin", relation="harbours", as_of="2015")
        page = db.report(PUTIN.actor_id, fmt="html")
    assert text.startswith("# Vladimir Putin\n") and "Putin also sheltered Yanukovych in 2014." in text
    assert "Assad refuge" not in text and "air strikes" not in text
    assert page.startswith("<!DOCTYPE html>")


# -- through the whole pipeline ----------------------------------------------------------------------

_EXILES = (
    "Bashar al-Assad's asylum in Russia, granted this month, shows how Vladimir Putin shelters fallen "
    "allies. Assad joins a group of figures under Putin's protection, including the American whistleblower "
    "Edward Snowden. Putin said the guests were welcome in Moscow."
)


def _run(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    """A store of ``rows`` (JSONL articles) written by ``patronage run``."""
    articles, db = tmp_path / "articles.jsonl", tmp_path / "t.duckdb"
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(articles), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.mark.slow
def test_harbours_from_our_own_text_are_cited_by_sentences_that_name_them(tmp_path: Path) -> None:
    db = _run(tmp_path, [{"id": "exiles", "title": "Exiles", "date": "2024-12-20", "text": _EXILES}])
    with Store(db, read_only=True) as store:
        report = build_report(store, resolve_actor(store, "Vladimir Putin"), "harbours")
    assert {t.target.name for t in report.ties} == {"Bashar al-Assad", "Edward Snowden"}
    assert all(t.first_seen.value == "2024-12" for t in report.ties)
    assert assert_sentences_name_their_actors(report) >= 2


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seed articles with their dates (../shared/checks/seeds.jsonl), through ``run``."""
    path = shared_path("checks", "seeds.jsonl")
    return _run(
        tmp_path_factory.mktemp("seeds"), [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    )


@pytest.mark.slow
def test_the_seed_dossier_of_putin_names_whom_he_harbours(seed_db: Path) -> None:
    """The issue's bar: the five Putin harbours, each with a sentence that names them, and no one else."""
    with Store(seed_db, read_only=True) as store:
        report = build_report(store, resolve_actor(store, "Vladimir Putin"), "harbours")
    harboured = {t.target.name: t for t in report.ties}
    assert set(harboured) == {
        "Bashar al-Assad",
        "Viktor Yanukovych",
        "Mykola Azarov",
        "Askar Akayev",
        "Edward Snowden",
    }
    assert all(t.source.name == "Vladimir Putin" and t.statements for t in report.ties)
    assert harboured["Viktor Yanukovych"].first_seen.value == "2014"
    for name in ("Askar Akayev", "Edward Snowden"):  # the article, of December 2024, gives no year
        assert harboured[name].first_seen.value == "2024-12"
        assert harboured[name].first_seen.text == "document date"
    for tie in report.ties:  # each tie's cited sentence names whom it says is harboured
        for st in tie.statements:
            assert st.citation is not None
            assert names_in(st.citation.sentence, report.names[tie.target.actor_id])


@pytest.mark.slow
def test_the_seed_dossier_dates_assad_s_asylum_in_2024(seed_db: Path) -> None:
    with Store(seed_db, read_only=True) as store:
        report = build_report(store, resolve_actor(store, "Vladimir Putin"), "harbours")
    assad = next(t for t in report.ties if t.target.name == "Bashar al-Assad")
    assert (assad.first_seen.value or "").startswith("2024")

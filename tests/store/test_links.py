"""Event links in the store: kept per batch, the same whatever the order, rebuilt on demand, migrated."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.model.records import AnalysedArticle
from patronage.store import Store
from patronage.store.linking import LINKER
from tests.fixtures.records import ASSAD, PUTIN, RUSSIA, SYRIA, ArticleBuilder, old_store

# Three outlets tell Assad's asylum in their own words, with dates of different precision; a
# fourth article comes later. Each also tells something else about the same pair of actors.
FIRST = (
    "Russia granted asylum to Bashar al-Assad and his family on Sunday, the Kremlin said. "
    "Putin met Assad the same day, according to a Kremlin aide."
)
SECOND = (
    "Moscow has given the deposed Syrian leader Assad refuge after rebels seized Damascus on 8 December. "
    "Russia reportedly granted Assad asylum on humanitarian grounds."
)
THIRD = (
    "Assad has lived in Moscow since Russia sheltered him in December. "
    "Russia had already sent Assad air defence systems in March."
)
#: what the lexicon codes giving refuge as (CAMEO 075, "grant asylum"), whatever the words
ASYLUM_CODE = {"cameo": "075"}
FOURTH = "Weeks after Russia gave Assad refuge on 8 December, his former ministers are still in Damascus."


def articles() -> list[AnalysedArticle]:
    """The three first tellings (A, B, C) and a later one (A again), with their event reports."""
    first = ArticleBuilder("a-1", FIRST, title="Assad in Moscow", date="2024-12-09", source="Outlet A")
    first.event(
        "r1",
        "AID",
        RUSSIA,
        (ASSAD, "Bashar al-Assad"),
        "Russia granted",
        date="2024-12-08",
        context=("asylum",),
        trigger="granted",
        **ASYLUM_CODE,
    )
    first.event(
        "r1-meet",
        "CONSULT",
        (PUTIN, "Putin"),
        (ASSAD, "Assad"),
        "Putin met",
        date="2024-12-08",
        trigger="met",
    )
    second = ArticleBuilder(
        "a-2", SECOND, title="Deposed leader flown out", date="2024-12-10", source="Outlet B"
    )
    second.event(
        "r2", "AID", (RUSSIA, "Moscow"), (ASSAD, "Assad"), "Moscow has given", date="2024-12-08", trigger="given",
        **ASYLUM_CODE,
    )  # fmt: skip
    second.event(  # hearsay: attached to the asylum but no corroboration of it
        "r2-heard",
        "AID",
        RUSSIA,
        (ASSAD, "Assad"),
        "Russia reportedly",
        date="2024-12-08",
        modality="reported",
        trigger="granted",
        **ASYLUM_CODE,
    )
    third = ArticleBuilder("a-3", THIRD, title="A year in exile", date="2025-01-15", source="Outlet C")
    third.event(
        "r3",
        "AID",
        RUSSIA,
        (ASSAD, "him"),
        "Russia sheltered",
        date="2024-12",
        trigger="sheltered",
        **ASYLUM_CODE,
    )
    third.event(
        "r3-arms",
        "AID",
        RUSSIA,
        (ASSAD, "Assad"),
        "Russia had already",
        date="2024-03",
        trigger="sent",
        cameo="072",
    )
    fourth = ArticleBuilder(
        "a-4", FOURTH, title="Ministers left behind", date="2025-01-02", source="Outlet A"
    )
    fourth.event(
        "r4", "AID", RUSSIA, (ASSAD, "Assad"), "Russia gave", date="2024-12-08", trigger="gave", **ASYLUM_CODE
    )
    return [b.build() for b in (first, second, third, fourth)]


def _store(path: Path, batches: list[list[AnalysedArticle]]) -> Path:
    with Store(path) as store:
        run = store.start_run("test", "0")
        for batch in batches:
            store.write(batch, [], run)
    return path


def _links(path: Path) -> dict[str, str]:
    with Store(path, read_only=True) as store:
        return {
            str(e): str(link) for e, link in store.query("SELECT event_id, linked_event_id FROM event_links")
        }


def _groups(links: dict[str, str]) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for event_id, linked in links.items():
        out.setdefault(linked, set()).add(event_id)
    return {frozenset(v) for v in out.values()}


ASYLUM = frozenset({"r1", "r2", "r2-heard", "r3"})


def test_three_tellings_join_and_near_misses_stay_apart(tmp_path: Path) -> None:
    links = _links(_store(tmp_path / "s.duckdb", [articles()[:3]]))
    assert _groups(links) == {ASYLUM, frozenset({"r1-meet"}), frozenset({"r3-arms"})}


def test_a_later_article_joins_the_stored_event(tmp_path: Path) -> None:
    first, second, third, fourth = articles()
    path = _store(tmp_path / "s.duckdb", [[first, second, third]])
    before = _links(path)
    _store(path, [[fourth]])
    after = _links(path)
    assert after["r4"] == after["r1"] == before["r1"]  # the event keeps its id as reports join
    assert _groups(after) == {ASYLUM | {"r4"}, frozenset({"r1-meet"}), frozenset({"r3-arms"})}


def test_links_are_the_same_whatever_the_order_and_batches(tmp_path: Path) -> None:
    whole = _links(_store(tmp_path / "whole.duckdb", [articles()]))
    rng = random.Random(19)
    for n in range(4):
        shuffled = articles()
        rng.shuffle(shuffled)
        cut = rng.randint(0, len(shuffled))
        batches = [b for b in ([shuffled[:cut], shuffled[cut:]] if n % 2 else [[a] for a in shuffled]) if b]
        assert _links(_store(tmp_path / f"s{n}.duckdb", batches)) == whole


def test_a_replaced_article_frees_its_reports_and_a_rebuild_agrees(tmp_path: Path) -> None:
    first, second, third, fourth = articles()
    path = _store(tmp_path / "s.duckdb", [[first, second, third, fourth]])
    # the first article is corrected: it no longer tells the asylum, and the meeting was the day before
    fixed = ArticleBuilder(
        "a-1", FIRST, title="Assad in Moscow", date="2024-12-09", source="Outlet A", content_hash="h2"
    )
    fixed.event(
        "r1-meet",
        "CONSULT",
        (PUTIN, "Putin"),
        (ASSAD, "Assad"),
        "Putin met",
        date="2024-12-07",
        trigger="met",
    )
    _store(path, [[fixed.build()]])
    kept = _links(path)
    assert "r1" not in kept
    assert _groups(kept) == {
        frozenset({"r2", "r2-heard", "r3", "r4"}),
        frozenset({"r1-meet"}),
        frozenset({"r3-arms"}),
    }
    with Store(path) as store:
        assert store.rebuild_links() == 6
    assert _links(path) == kept


def test_link_shows_the_figures_and_rebuilds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _store(tmp_path / "s.duckdb", [articles()])
    assert main(["link", "--db", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["reports"] == 7 and figures["events"] == 3 and figures["reports_joined"] == 5
    assert figures["events_in_several_articles"] == 1 and figures["unlinked_reports"] == 0
    with Store(path) as store:
        store.con.execute("DELETE FROM event_links")
    assert main(["link", "--db", str(path), "--rebuild"]) == 0
    assert "7 event reports → 3 events; 5 reports (71.4%) joined another" in capsys.readouterr().out
    assert main(["link", "--db", str(tmp_path / "none.duckdb")]) == 1


def test_a_store_from_before_links_is_linked_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = old_store(path, 7)
    for event_id, doc, date in (
        ("o1", "d1", "2015-10-20"),
        ("o2", "d2", "2015-10"),
        ("o3", "d3", "2016-01-05"),
    ):
        con.execute(
            """INSERT INTO events (event_id, doc_id, type, source_actor_id, target_actor_id, date,
                   date_precision, polarity, modality, trigger)
               VALUES (?, ?, 'AID', ?, ?, ?, ?, 'asserted', 'actual', 'sent')""",
            [event_id, doc, RUSSIA.actor_id, SYRIA.actor_id, date, "month" if len(date) == 7 else "day"],
        )
    con.close()
    assert main(["migrate", "--db", str(path)]) == 0
    assert _groups(_links(path)) == {frozenset({"o1", "o2"}), frozenset({"o3"})}


# the same asylum told through the whole pipeline: three outlets, then a fourth in a later run
_TOLD = [
    ("w-1", "2024-12-09", "Outlet A", "Russia granted asylum to Bashar al-Assad on Sunday.\n\nThe Syrian leader fled Damascus as rebels advanced."),
    ("w-2", "2024-12-10", "Outlet B", "Moscow gave the deposed Syrian president Bashar al-Assad asylum on 8 December, Russian media said.\n\nRebels now hold Damascus."),
    ("w-3", "2025-01-12", "Outlet C", "Russia granted Bashar al-Assad asylum in December 2024.\n\nRussia also sent weapons to Bashar al-Assad in March 2024."),
]  # fmt: skip
_LATER = (
    "w-4",
    "2024-12-20",
    "Outlet D",
    "Russia granted Bashar al-Assad asylum on 8 December.\n\nHis ministers stayed behind.",
)


def _jsonl(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": i, "date": d, "source": s, "text": t}) + "\n" for i, d, s, t in rows
        ),
        encoding="utf-8",
    )
    return path


def test_run_links_what_the_analysis_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "run.duckdb")
    assert main(["run", str(_jsonl(tmp_path / "a.jsonl", _TOLD)), "--db", db]) == 0
    assert main(["run", str(_jsonl(tmp_path / "b.jsonl", [_LATER])), "--db", db]) == 0
    capsys.readouterr()
    assert main(["export", "events", "--db", db, "--level", "event", "-o", "-"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    asylum = max(events, key=lambda e: e["n_reports"])
    assert sorted(r["article"]["doc_id"] for r in asylum["reports"]) == ["w-1", "w-2", "w-3", "w-4"]
    assert (asylum["type"], asylum["source"]["name"], asylum["target"]["name"]) == (
        "AID",
        "Russia",
        "Bashar al-Assad",
    )
    assert (asylum["date"], asylum["date_precision"]) == ("2024-12-08", "day")
    # what Russian media said is hearsay: it stays with the event but corroborates nothing
    assert (asylum["n_articles"], asylum["n_sources"]) == (3, 3)
    arms = [e for e in events if e["date"] == "2024-03"]
    assert len(arms) == 1 and arms[0]["n_reports"] == 1  # the same actors, another month: another event


# one sentence coded as a threat and the sanction it threatens; another outlet's threat; sanctions
# actually imposed that day (another event)
THREAT = "Russia threatened on Monday to impose sanctions on Syria."


def tariff_articles(threat: bool = True) -> list[AnalysedArticle]:
    """Three articles of one Monday: a threat coded twice in one sentence, the threat again, sanctions."""
    one = ArticleBuilder(
        "t-1", THREAT, title="Threat", date="2024-07-02", source="Outlet A", content_hash=f"{threat}"
    )
    if threat:
        one.event(
            "t1-threat",
            "THREATEN",
            RUSSIA,
            SYRIA,
            "Russia threatened",
            date="2024-07-01",
            trigger="threatened",
        )
    one.event(
        "t1-impose",
        "SANCTION",
        RUSSIA,
        SYRIA,
        "Russia threatened",
        date="2024-07-01",
        trigger="impose",
        cameo="163",
        modality="intended" if threat else "actual",
    )
    two = ArticleBuilder(
        "t-2", "Russia threatens Syria with sanctions, the Kremlin said on Monday.", date="2024-07-02"
    )
    two.event(
        "t2-threat", "THREATEN", RUSSIA, SYRIA, "Russia threatens", date="2024-07-01", trigger="threatens"
    )
    three = ArticleBuilder("t-3", "Russia imposed sanctions on Syria on Monday.", date="2024-07-03")
    three.event(
        "t3-imposed",
        "SANCTION",
        RUSSIA,
        SYRIA,
        "Russia imposed",
        date="2024-07-01",
        trigger="imposed",
        cameo="163",
    )
    return [b.build() for b in (one, two, three)]  # fmt: skip


def test_an_act_coded_twice_in_one_sentence_is_one_event_across_batches(tmp_path: Path) -> None:
    whole = _links(_store(tmp_path / "whole.duckdb", [[*articles(), *tariff_articles()]]))
    assert {frozenset({"t1-threat", "t1-impose", "t2-threat"}), frozenset({"t3-imposed"})} <= _groups(whole)
    rng = random.Random(23)
    for n in range(4):
        shuffled = [*articles(), *tariff_articles()]
        rng.shuffle(shuffled)
        cut = rng.randint(0, len(shuffled))
        batches = [b for b in ([shuffled[:cut], shuffled[cut:]] if n % 2 else [[a] for a in shuffled]) if b]
        assert _links(_store(tmp_path / f"s{n}.duckdb", batches)) == whole
    # the first article corrected: no threat, sanctions imposed; they join the third article's
    path = tmp_path / "s0.duckdb"
    _store(path, [tariff_articles(threat=False)[:1]])
    kept = _links(path)
    assert {frozenset({"t2-threat"}), frozenset({"t1-impose", "t3-imposed"})} <= _groups(kept)
    with Store(path) as store:
        store.rebuild_links()
    assert _links(path) == kept


def test_a_store_linked_by_an_older_rule_is_relinked_when_opened_for_writing(tmp_path: Path) -> None:
    path = _store(tmp_path / "s.duckdb", [articles()])
    expected = _links(path)
    with Store(path) as store:
        store.con.execute("UPDATE event_links SET linker = 'patronage.link.v1', linked_event_id = event_id")
    with Store(path, read_only=True) as store:  # reading never writes
        assert store.value("SELECT count(DISTINCT linker) FROM event_links WHERE linker <> ?", [LINKER]) == 1
    assert main(["migrate", "--db", str(path)]) == 0
    assert _links(path) == expected
    with Store(path, read_only=True) as store:
        assert store.value("SELECT count(*) FROM event_links WHERE linker <> ?", [LINKER]) == 0

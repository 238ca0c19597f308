from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from patronage.cli import cli
from patronage.query import actor_profile, find_actors, shortest_path
from patronage.store import Store

ARTICLES = [
    {
        "id": "q-1",
        "title": "Moscow grants asylum",
        "date": "2013-08-02",
        "text": "Russia granted Edward Snowden temporary asylum on Thursday, his lawyer said.",
    },
    {
        "id": "q-2",
        "title": "Talks in Sochi",
        "date": "2017-11-21",
        "text": "Bashar al-Assad flew to Sochi on Monday for talks with Vladimir Putin. "
        "Russia has supplied weapons to Syria since 2015.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("q")
    src = tmp / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    path = str(tmp / "q.duckdb")
    result = CliRunner().invoke(cli, ["run", str(src), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_find_and_profile(db: str) -> None:
    with Store(db, read_only=True) as store:
        found = find_actors(store, "snowden")
        assert found and found[0]["name"] == "Edward Snowden"
        profile = actor_profile(store, str(found[0]["actor_id"]))
        assert any(e["type"] == "AID" and e["source"] == "Russia" for e in profile["events"])
        # nothing is known about him before the asylum was reported
        early = actor_profile(store, str(found[0]["actor_id"]), as_of="2013-01-01")
        assert early["events"] == []


def test_path_between_actors(db: str) -> None:
    with Store(db, read_only=True) as store:
        snowden = find_actors(store, "Snowden")[0]["actor_id"]
        assad = find_actors(store, "Assad")[0]["actor_id"]
        path = shortest_path(store, str(snowden), str(assad))
    assert path is not None and len(path) >= 2
    assert all(edge["sentence"] for edge in path)


def test_query_cli(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "actor", "Putin", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["name"] == "Vladimir Putin"
    result = runner.invoke(cli, ["query", "path", "Snowden", "Putin", "--db", db])
    assert result.exit_code == 0 and "Snowden" in result.output
    # each tie links to its pair view in the explorer (issue 18)
    assert "/#actor=" in result.output and "&pair=person%2Fedward-snowden" in result.output
    edges = json.loads(runner.invoke(cli, ["query", "path", "Snowden", "Putin", "--db", db, "--json"]).output)
    assert all(e["explorer"].count("&pair=") == 2 for e in edges)


def test_query_network_as_of_a_date(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "network", "Russia", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    graph = json.loads(result.output)
    names = {n["name"] for n in graph["nodes"]}
    assert {"Russia", "Edward Snowden"} <= names
    assert all(e["first_seen"] for e in graph["edges"])
    # before the asylum (2013) nothing links Russia to Snowden yet
    early = json.loads(
        runner.invoke(
            cli, ["query", "network", "Russia", "--as-of", "2012-12-31", "--db", db, "--json"]
        ).output
    )
    assert "Edward Snowden" not in {n["name"] for n in early["nodes"]}
    later = json.loads(
        runner.invoke(cli, ["query", "network", "Russia", "--from", "2014", "--db", db, "--json"]).output
    )
    assert "Edward Snowden" not in {n["name"] for n in later["nodes"]} and later["since"] == "2014"
    text = runner.invoke(cli, ["query", "network", "Russia", "--db", db]).output
    assert "Edward Snowden" in text and "—" in text


def test_query_events_filters(db: str) -> None:
    runner = CliRunner()

    def events(*args: str) -> list[dict[str, object]]:
        result = runner.invoke(cli, ["query", "events", "--db", db, "--json", *args])
        assert result.exit_code == 0, result.output
        return list(json.loads(result.output)["events"])

    everything = events()
    assert everything and all(e["evidence"]["sentence"] for e in everything)  # type: ignore[index]
    aid = events("--type", "aid", "--actor", "Snowden")
    assert aid and all(e["type"] == "AID" for e in aid)
    assert events("--from", "2016") and all(str(e["date"]) >= "2016" for e in events("--from", "2016"))
    assert events("--to", "2012") == []
    assert all(e["polarity"] == "asserted" for e in events("--polarity", "asserted"))
    assert events("--modality", "hypothetical") == []
    bad = runner.invoke(cli, ["query", "events", "--db", db, "--from", "next week"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_query_search_actors_and_sentences(db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "search", "asylum", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["sentences"] and {h["doc_id"] for h in found["sentences"]} == {"q-1"}
    text = runner.invoke(cli, ["query", "search", "putin", "--db", db]).output
    assert "Vladimir Putin" in text and "Sochi" in text
    assert "nothing matches" in runner.invoke(cli, ["query", "search", "zzzqqq", "--db", db]).output


def test_summary_and_parquet(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["summary", "--db", db])
    assert result.exit_code == 0 and "Most mentioned actors" in result.output
    out = tmp_path / "events.parquet"
    result = runner.invoke(cli, ["export", "events", "--format", "parquet", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    import duckdb

    con = duckdb.connect()
    rows = con.execute(f"SELECT type, source.name FROM read_parquet('{out}')").fetchall()
    assert ("AID", "Russia") in rows

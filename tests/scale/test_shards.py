"""Parquet shards of every table, loaded into DuckDB with the semantics of a normal run."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

from patronage.clean import clean_article
from patronage.cli import main
from patronage.config import Settings
from patronage.errors import InputError
from patronage.model.records import AnalysedArticle, Article, Failure
from patronage.scale.engines import LocalEngine
from patronage.scale.shards import load_shards, shard_batch, shard_schema, shard_tables, write_parts
from patronage.store import Store

HAS_RAY = importlib.util.find_spec("ray") is not None
#: columns that differ between two runs of the same input by design
VOLATILE = {"run_id", "ingested_at", "failed_at"}
Results = list[AnalysedArticle | Failure]

LEADERS = [
    ("President", "Mirela Vasquez", "Chile"),
    ("Prime Minister", "Anders Holt", "Norway"),
    ("Chancellor", "Olaf Scholz", "Germany"),
    ("President", "Emmanuel Macron", "France"),
]
ACTS = ["welcomed", "condemned", "visited", "warned", "phoned"]


def _articles(n: int, start: int = 0) -> list[Article]:
    """Short made-up reports: a leader acts on another, then speaks."""
    out = []
    for i in range(start, start + n):
        t1, p1, c1 = LEADERS[i % len(LEADERS)]
        _, p2, c2 = LEADERS[(i + 1 + i // len(LEADERS)) % len(LEADERS)]
        if p2 == p1:
            _, p2, c2 = LEADERS[(i + 2) % len(LEADERS)]
        text = (
            f"{t1} {p1} of {c1} {ACTS[i % len(ACTS)]} {p2} on Tuesday.\n\n"
            f'"Our patience has limits," {p1} said at a press briefing. '
            f"Officials in {c2} declined to comment on the exchange."
        )
        out.append(Article(f"s-{i}", f"Report {i}", text, date=f"2023-03-{10 + i % 18:02d}"))
    return out


def _analysed(articles: list[Article]) -> list[AnalysedArticle | Failure]:
    cleaned = [clean_article(a, 300000)[0] for a in articles]
    return [r for res, _ in LocalEngine(Settings()).map([cleaned]) for r in res]


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without run ids and timestamps (tables read from the schema)."""
    with Store(db, read_only=True) as store:
        tables = [
            str(r[0])
            for r in store.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_type = 'BASE TABLE' AND table_name NOT IN ('runs', 'schema_version')"
            )
        ]
        out = {}
        for table in tables:
            cols = [
                str(r[0])
                for r in store.query(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                )
                if r[0] not in VOLATILE
            ]
            listed = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(store.query(f'SELECT {listed} FROM "{table}"'), key=repr)
    return out


@pytest.fixture(scope="module")
def results() -> list[AnalysedArticle | Failure]:
    """Eight analysed articles and one failure."""
    out = _analysed(_articles(8))
    out.append(Failure("s-bad", "nlp", "ExtractionError", "parse failed", "error"))
    return out


def _write_dir(results: list[AnalysedArticle | Failure], root: Path, parts: int = 2) -> Path:
    pairs = list(enumerate(results))
    step = -(-len(pairs) // parts)
    for i in range(0, len(pairs), step):
        write_parts(shard_batch(pairs[i : i + step]), root, f"job-{i:09d}")
    return root


def test_shards_hold_every_table_with_the_schema_columns(results: Results, tmp_path: Path) -> None:
    root = _write_dir(results, tmp_path / "sh")
    assert sorted(p.name for p in root.iterdir()) == sorted(shard_tables())
    assert {"events", "mentions", "sentences", "failures", "actors"} <= set(shard_tables())
    import pyarrow.parquet as pq

    events = pq.read_table(root / "events")
    assert events.schema.names == shard_schema("events").names and events.num_rows > 0
    actors = pq.read_table(root / "actors").to_pylist()
    assert any(r["gazetteer_roles"] for r in actors), "gazetteer actors bring their roles"
    assert pq.read_table(root / "failures").column("doc").to_pylist() == ["s-bad"]


def test_loader_equals_a_normal_write_and_is_idempotent(results: Results, tmp_path: Path) -> None:
    root = _write_dir(results, tmp_path / "sh")
    direct = tmp_path / "direct.duckdb"
    with Store(direct) as store:
        run = store.start_run("run", "t")
        good = [r for r in results if isinstance(r, AnalysedArticle)]
        store.write(good[:3], [], run)  # two batches, as the runner commits them
        store.write(good[3:], [r for r in results if isinstance(r, Failure)], run)
        store.finish_run(run, 9, 8, 0, 1)  # as the runner ends it (and a load ends): the search index sorted
    loaded = tmp_path / "loaded.duckdb"
    with Store(loaded) as store:
        t0 = time.perf_counter()
        first = load_shards(store, root)
        elapsed = time.perf_counter() - t0
    assert (first.n_new, first.n_unchanged, first.n_failed, first.n_read) == (8, 0, 1, 9)
    assert elapsed < 5
    expected = _snapshot(direct)
    assert expected["events"] and expected["roles"] and expected["failures"] and expected["event_links"]
    assert _snapshot(loaded) == expected
    with Store(loaded) as store:
        again = load_shards(store, root)
        runs = store.query("SELECT command, n_new, n_unchanged FROM runs ORDER BY started_at")
    assert (again.n_new, again.n_unchanged) == (0, 8)
    assert _snapshot(loaded) == expected
    assert runs == [("load", 8, 0), ("load", 0, 8)]


def test_a_changed_article_replaces_its_rows(results: Results, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        load_shards(store, _write_dir(results, tmp_path / "one"))
    old = _articles(1)[0]
    new = Article(
        old.doc_id, old.title, "Chancellor Olaf Scholz of Germany met Anders Holt in Oslo.", old.date
    )
    changed = _analysed([new])
    with Store(db) as store:
        report = load_shards(store, _write_dir(changed, tmp_path / "two", parts=1))
        sentences = store.query("SELECT text FROM sentences WHERE doc_id = ? ORDER BY idx", [old.doc_id])
        n_articles = store.query("SELECT count(*) FROM articles")[0][0]
    assert (report.n_new, report.n_unchanged) == (1, 0)
    assert isinstance(changed[0], AnalysedArticle)
    assert sentences == [(s.text,) for s in changed[0].sentences]
    assert ("Chancellor Olaf Scholz of Germany met Anders Holt in Oslo.",) in sentences
    assert n_articles == 8


def test_malformed_shard_dirs_give_one_clear_error(results: Results, tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        with pytest.raises(InputError, match="no such shard directory"):
            load_shards(store, tmp_path / "absent")
        with pytest.raises(InputError, match="local shard directory"):
            load_shards(store, "s3://bucket/shards")
        root = _write_dir(results, tmp_path / "sh", parts=1)
        for f in (root / "quotes").glob("*.parquet"):
            f.unlink()
        with pytest.raises(InputError, match=r"quotes/ holds no Parquet files"):
            load_shards(store, root)
        root = _write_dir(results, tmp_path / "bad", parts=1)
        next((root / "events").glob("*.parquet")).write_bytes(b"not parquet")
        with pytest.raises(InputError, match="unreadable shard events/"):
            load_shards(store, root)
        dup = _write_dir(results[:2] + results[:1], tmp_path / "dup", parts=3)
        with pytest.raises(InputError, match="appears 2 times"):
            load_shards(store, dup)
        assert store.query("SELECT count(*) FROM articles") == [(0,)]


def test_load_command(results: Results, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _write_dir(results, tmp_path / "sh")
    db = tmp_path / "cli.duckdb"
    assert main(["load", str(root), "--db", str(db)]) == 1  # one article failed
    err = capsys.readouterr().err
    assert "8 articles processed, 0 unchanged, 1 failed" in err and "s-bad" in err
    assert main(["load", str(tmp_path / "nothing"), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "no such shard directory" in err and "\n" not in err


@pytest.mark.ray
@pytest.mark.skipif(not HAS_RAY, reason="ray is not installed (the [ray] extra)")
def test_ray_shards_build_the_same_database_as_a_local_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": a.doc_id, "title": a.title, "text": a.text, "date": a.date} for a in _articles(40)]
    rows.append({"id": "s-empty", "title": "Nothing here", "text": ""})
    rows.append(rows[0])  # a duplicate id: a warning, first one kept
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    local, remote, shards = tmp_path / "local.duckdb", tmp_path / "ray.duckdb", tmp_path / "shards"
    t0 = time.perf_counter()
    code_local = main(["run", str(src), "--db", str(local), "--batch-size", "16"])
    t1 = time.perf_counter()
    args = ["run", str(src), "--db", str(remote), "--engine", "ray", "--workers", "2"]
    code_ray = main([*args, "--shards", str(shards), "--batch-size", "16"])
    t2 = time.perf_counter()
    err = capsys.readouterr().err
    assert code_ray == code_local, err
    assert sorted(p.name for p in shards.iterdir()) == sorted(shard_tables())
    expected = _snapshot(local)
    assert len(expected["articles"]) == 40 and expected["events"] and expected["failures"]
    assert _snapshot(remote) == expected
    assert main(["load", str(shards), "--db", str(remote)]) == code_local
    assert _snapshot(remote) == expected
    assert main([*args, "--shards", str(shards)]) == 1  # shards are never mixed into a used directory
    assert "not empty" in capsys.readouterr().err
    assert t2 - t1 > 0 and t1 - t0 > 0

"""The public CLI: run, export, errors and exit codes (CliRunner, in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from patronage.cli import cli, main


def _invoke(args: list[str], input: bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, args, input=input, catch_exceptions=False, standalone_mode=True)
    return result.exit_code, result.stdout, result.stderr


def test_help_of_every_command() -> None:
    for args in (
        ["--help"],
        ["run", "--help"],
        ["export", "--help"],
        ["query", "--help"],
        ["report", "--help"],
        ["eval", "--help"],
        ["bench", "--help"],
        ["summary", "--help"],
        ["actors", "import", "--help"],
        ["train", "quotes", "--help"],
    ):
        code, out, _ = _invoke(args)
        assert code == 0 and "Usage" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "nonsense"]) == 2
    assert "error:" in capsys.readouterr().err


def test_missing_database_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "events", "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "no such database" in err
    assert "Traceback" not in err


def test_bad_date_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path), "--date", "2021-13-01", "--db", str(tmp_path / "x.duckdb")]) == 1
    assert capsys.readouterr().err.strip() == "error: --date: impossible date '2021-13-01'"


def test_run_export_idempotent_and_offsets(small_jsonl: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    code, _, err = _invoke(["run", str(small_jsonl), "--db", db])
    assert code == 0, err
    assert "2 articles processed" in err
    out = tmp_path / "events.jsonl"
    code, _, _ = _invoke(["export", "events", "--format", "jsonl", "--db", db, "-o", str(out)])
    assert code == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert events, "the test articles state events"
    from patronage.store import Store

    with Store(db, read_only=True) as store:
        texts = dict(store.query("SELECT doc_id, text FROM articles"))
    for e in events:
        ev = e["evidence"]
        assert texts[ev["doc_id"]][ev["start"] : ev["end"]] == ev["sentence"]
        assert set(e) >= {
            "event_id",
            "type",
            "mode",
            "context",
            "cameo",
            "source",
            "target",
            "polarity",
            "modality",
            "date",
            "date_precision",
            "location",
            "evidence",
            "confidence",
        }
    quotes_out = tmp_path / "quotes.jsonl"
    code, _, _ = _invoke(["export", "quotes", "--format", "jsonl", "--db", db, "-o", str(quotes_out)])
    quotes = [json.loads(line) for line in quotes_out.read_text(encoding="utf-8").splitlines()]
    (lawyer,) = [q for q in quotes if "asylum" in q["text"]]
    assert lawyer["speaker_text"] == "his lawyer" and 0 < lawyer["speaker_confidence"] <= 1
    assert set(lawyer) >= {
        "quote_id",
        "speaker",
        "speaker_text",
        "speaker_confidence",
        "text",
        "cue",
        "direct",
    }
    # re-running the same input adds nothing
    code, _, err = _invoke(["run", str(small_jsonl), "--db", db])
    assert code == 0 and "0 articles processed, 2 unchanged" in err
    code, _, _ = _invoke(["export", "events", "--format", "jsonl", "--db", db, "-o", str(out), "--force"])
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(events)


def test_changed_article_replaces_its_facts(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "x",
                "title": "T",
                "date": "2020-05-05",
                "text": "France accused Iran of seizing a tanker.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert _invoke(["run", str(src), "--db", db])[0] == 0
    src.write_text(
        json.dumps(
            {
                "id": "x",
                "title": "T",
                "date": "2020-05-05",
                "text": "Germany praised Japan for the new trade deal.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    code, _, err = _invoke(["run", str(src), "--db", db])
    assert code == 0 and "1 articles processed" in err
    code, out, _ = _invoke(["export", "events", "--db", db])
    sentences = {json.loads(line)["evidence"]["sentence"] for line in out.splitlines()}
    assert all("tanker" not in s for s in sentences)


def test_unreadable_file_is_a_failure_row_and_exit_1(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(
        "Talks\nRussia and Turkey held talks in Ankara.", encoding="utf-8"
    )
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x9f\x92\x96" * 64)
    code, _, err = _invoke(["run", str(tmp_path / "in"), "--db", db, "--date", "2020-01-01"])
    assert code == 1
    assert "1 articles processed" in err and "1 failed" in err
    code, out, _ = _invoke(["export", "failures", "--format", "jsonl", "--db", db])
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 1 and rows[0]["doc"].endswith("bad.txt") and rows[0]["stage"] == "ingest"
    assert rows[0]["message"] == "binary file, not text"


def test_export_csv_and_existing_file_needs_force(small_jsonl: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    assert _invoke(["run", str(small_jsonl), "--db", db])[0] == 0
    out = tmp_path / "actors.csv"
    assert _invoke(["export", "actors", "--format", "csv", "--db", db, "-o", str(out)])[0] == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("actor_id,name,aliases,kind,country")
    assert main(["export", "actors", "--format", "csv", "--db", db, "-o", str(out)]) == 1


def test_stdin_input(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    line = json.dumps({"id": "s", "title": "T", "date": "2019-01-01", "text": "Iran threatened Israel."})
    code, _, err = _invoke(["run", "-", "--db", db], input=(line + "\n").encode())
    assert code == 0 and "1 articles processed" in err


def test_export_relations_support_and_removed_lines(tmp_path: Path) -> None:
    """Relations carry their support (independent articles); --min-support filters; cleaning is inspectable."""
    text = "Russia granted asylum to Bashar al-Assad, the Kremlin said on Sunday."
    rows = [
        {
            "id": f"a{i}",
            "title": f"Report {i}",
            "date": "2024-12-16",
            "text": f"{text}\n\nJane Roe/Reuters\n\nEnd.",
        }
        for i in range(2)
    ]
    rows.append(
        {"id": "b", "title": "Other", "date": "2024-12-16", "text": "Iran accused Israel of an attack."}
    )
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    assert _invoke(["run", str(src), "--db", db])[0] == 0
    out = tmp_path / "rel.jsonl"
    assert _invoke(["export", "relations", "--db", db, "-o", str(out)])[0] == 0
    rels = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    harbours = [r for r in rels if r["relation"] == "harbours"]
    assert harbours and harbours[0]["support"] == 2 and harbours[0]["count"] >= 2
    out2 = tmp_path / "rel2.jsonl"
    assert _invoke(["export", "relations", "--min-support", "2", "--db", db, "-o", str(out2)])[0] == 0
    kept = [json.loads(line) for line in out2.read_text(encoding="utf-8").splitlines()]
    assert kept and all(r["support"] >= 2 for r in kept)
    removed = tmp_path / "removed.jsonl"
    assert _invoke(["export", "removed", "--db", db, "-o", str(removed)])[0] == 0
    lines = [json.loads(line) for line in removed.read_text(encoding="utf-8").splitlines()]
    assert {"doc_id": "a0", "line": 0, "text": "Jane Roe/Reuters"} in lines

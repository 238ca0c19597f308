"""Hostile inputs through the public CLI: every bad item is one failure row, never a crash.

One run over a directory of good and bad inputs (empty, binary, mis-encoded, huge, deeply nested,
malformed, duplicated) is shared by most tests; every bug it found is fixed.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner, Result

from patronage.cli import cli
from patronage.ingest.ids import make_doc_id

MAX_CHARS = 20_000
"""``run.max_chars`` for these runs: small, so the huge inputs stay cheap to analyse."""

ZW_RTL = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff"

# sentences written for these tests
GOOD_TXT = (
    "Border talks\nThe Greek foreign minister visited Ankara on Tuesday for talks on maritime borders.\n"
)
CP1252_TXT = "Caf\u00e9 diplomacy\nThe minister\u2019s visit to Ankara \u2013 \u201cfruitful\u201d, he said on Monday.\n"
UTF16_TXT = "Summit in Athens\nThe Turkish foreign minister met his Greek counterpart in Athens on Friday.\n"
INVISIBLE_TXT = (
    "Hidden\u200b marks\n"
    "Iran\u200d threatened\u202e Israel\u2066 on\u200f Friday\ufeff, the\u2060 ministry\u200c said.\n"
    "\u05d4\u05de\u05e9\u05dc\u05d7\u05ea \u05e0\u05e4\u05d2\u05e9\u05d4 Russia sent aid to Syria.\n"
)
DUP_TXT = "Prisoner swap\nRussia and Ukraine exchanged prisoners on Wednesday, officials said.\n"
NESTED_INNER = "Russia granted asylum to the former president on Sunday, officials in Moscow said."
NESTED_HTML = (
    "<html><body>" + "<div>" * 10_000 + f"<p>{NESTED_INNER}</p>" + "</div>" * 10_000 + "</body></html>"
)
MALFORMED_HTML = (
    "<html><head><title>Broken page</title><body><p>Russia sent humanitarian aid<div><b>to Syria on "
    "Monday<p>The minister said the convoy was <i>important for the region</html><<<>>><!-- open"
)


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def _no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr


def _jsonl(rows: list[Any]) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n"


def _query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _failures(db: Path) -> list[dict[str, Any]]:
    result = _invoke("export", "failures", "--format", "jsonl", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@dataclass
class HostileRun:
    """The shared run: its input folder, database, CLI result and what each input should become."""

    src: Path
    db: Path
    result: Result
    bad: dict[str, str]
    """doc (path or path:line) -> expected message fragment, one error row each."""
    warnings: dict[str, str]
    good_origins: set[str]
    good_ids: set[str]


def _write_inputs(src: Path) -> tuple[dict[str, str], dict[str, str], set[str], set[str]]:
    src.mkdir()
    bad: dict[str, str] = {}
    warnings: dict[str, str] = {}
    good_origins: set[str] = set()
    good_ids: set[str] = set()

    def good(name: str, data: bytes) -> None:
        (src / name).write_bytes(data)
        good_origins.add(str(src / name))

    def fail(name: str, data: bytes, message: str) -> None:
        (src / name).write_bytes(data)
        bad[str(src / name)] = message

    good("good.txt", GOOD_TXT.encode("utf-8"))
    good("cp1252.txt", CP1252_TXT.encode("cp1252"))
    good("utf16le.txt", UTF16_TXT.encode("utf-16"))
    good("utf16be.txt", b"\xfe\xff" + UTF16_TXT.replace("Friday", "Sunday").encode("utf-16-be"))
    good(
        "invalid_utf8.txt",
        b"Bad bytes\nRussia sent aid to Syria \xff\xfe on Monday, \xc3\x28 officials said.\n",
    )
    good("invisible.txt", INVISIBLE_TXT.encode("utf-8"))
    good("malformed.html", MALFORMED_HTML.encode("utf-8"))
    # a 5 MB single line: no newline, so it is cut at max_chars exactly
    line = b"Long line\n" + (b"Russia helped Syria with fuel and grain. " * 130_000)[:5_000_000]
    good("one_line.txt", line)
    warnings[str(src / "one_line.txt")] = "cut to"
    paragraphs = "\n\n".join(
        f"Paragraph {i}: the envoy from Turkey met officials in Baghdad to discuss water rights."
        for i in range(400)
    )
    good("huge.txt", ("A very long article\n" + paragraphs).encode("utf-8"))
    warnings[str(src / "huge.txt")] = "cut to"
    good("dup_a.txt", DUP_TXT.encode("utf-8"))
    (src / "dup_b.txt").write_bytes(DUP_TXT.encode("utf-8"))  # same content: same id, kept once
    warnings[str(src / "dup_b.txt")] = "duplicate article id"

    fail("empty.txt", b"", "empty input")
    fail("blank.txt", b"  \r\n\t\n  ", "empty input")
    fail("garbage.txt", bytes(range(256)) * 40, "binary file, not text")
    fail("garbage.html", b"\x89PNG\r\n\x1a\n" + bytes(range(7, 250)) * 30, "binary file, not text")
    (src / "nested.html").write_text(NESTED_HTML, encoding="utf-8")
    (src / "ignored.bin").write_bytes(b"\x00\x01\x02")  # unknown suffix inside a folder: skipped

    mixed = src / "mixed.jsonl"
    rows: list[Any] = [
        {"id": "j-ok", "title": "Aid", "date": "2020-01-01", "text": "Russia sent aid to Syria on Monday."},
        '{"id": "j-broken", "text": ',
        "[1, 2, 3]",
        {"id": "j-notext", "title": "No body"},
        {"id": "j-textnum", "text": 42},
        {"id": "j-title", "title": ["a"], "text": "Iran threatened Israel."},
        {"id": "j-baddate", "date": "2021-02-30", "text": "Turkey criticised Sweden on Friday."},
        {"id": "j-wordate", "date": "last Tuesday", "text": "Japan praised India for the deal."},
        {"id": "j-zw", "text": "\u200bGermany\u200d sanctioned\u202e Belarus on Monday."},
        {"id": "j-ok", "text": "A different text under a repeated id."},
        "",
        '"a bare string"',
    ]
    mixed.write_text(_jsonl(rows), encoding="utf-8")
    m = str(mixed)
    bad.update(
        {
            f"{m}:2": "malformed JSON",
            f"{m}:3": "expected a JSON object, got list",
            f"{m}:4": "record has no text or html",
            f"{m}:5": "field 'text' must be a string, got int",
            f"{m}:6": "field 'title' must be a string, got list",
            f"{m}:12": "expected a JSON object, got str",
        }
    )
    warnings.update({"j-baddate": "impossible date", "j-wordate": "unrecognised date", "j-ok": "duplicate"})
    good_ids.update({"j-ok", "j-baddate", "j-wordate", "j-zw"})
    return bad, warnings, good_origins, good_ids


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    """Run the CLI once over the whole hostile folder."""
    base = tmp_path_factory.mktemp("hostile")
    src, db = base / "in", base / "h.duckdb"
    bad, warnings, good_origins, good_ids = _write_inputs(src)
    result = _invoke(
        "--set", f"run.max_chars={MAX_CHARS}", "run", str(src), "--db", str(db), "--date", "2021-06-01"
    )
    return HostileRun(src, db, result, bad, warnings, good_origins, good_ids)


def test_exit_code_is_1_and_output_has_no_traceback(hostile: HostileRun) -> None:
    _no_traceback(hostile.result)
    assert hostile.result.exit_code == 1, hostile.result.stderr
    first = hostile.result.stderr.splitlines()[0]
    assert "0 unchanged" in first and "failed" in first


def test_one_failure_row_per_bad_item_with_its_message(hostile: HostileRun) -> None:
    rows = _failures(hostile.db)
    errors = [r for r in rows if r["level"] == "error"]
    # the 10,000-level HTML either yields its text or exactly one clean-stage failure under its id
    nested_id = make_doc_id(None, None, NESTED_HTML)
    nested = [r for r in errors if r["doc"] == nested_id]
    expected = dict(hostile.bad)
    if nested:
        expected[nested_id] = "no article text found in HTML"
    else:
        assert (
            _query(hostile.db, f"SELECT count(*) FROM articles WHERE origin = '{hostile.src}/nested.html'")[
                0
            ][0]
            == 1
        )
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in errors:
        by_doc.setdefault(r["doc"], []).append(r)
    assert set(by_doc) == set(expected), sorted(set(by_doc) ^ set(expected))
    for doc, fragment in expected.items():
        (row,) = by_doc[doc]
        assert fragment in row["message"], (doc, row)
        assert row["error"] == "InputError" and row["stage"] in ("ingest", "clean")
        assert "Traceback" not in row["message"] and len(row["message"]) < 300
    assert f"{len(expected)} failed" in hostile.result.stderr.splitlines()[0]


def test_warnings_are_rows_and_their_articles_are_kept(hostile: HostileRun) -> None:
    rows = [r for r in _failures(hostile.db) if r["level"] == "warning"]
    stored_ids = {r[0] for r in _query(hostile.db, "SELECT doc_id FROM articles")}
    origin_of = dict(_query(hostile.db, "SELECT origin, doc_id FROM articles"))
    for where, fragment in hostile.warnings.items():
        doc = origin_of.get(where, where)
        matching = [r for r in rows if fragment in r["message"] and (r["doc"] in (doc, where))]
        if "duplicate" in fragment and where.endswith("dup_b.txt"):
            dup_id = origin_of[str(hostile.src / "dup_a.txt")]
            matching = [r for r in rows if "duplicate" in r["message"] and r["doc"] == dup_id]
        assert len(matching) == 1, (where, fragment, rows)
    assert hostile.good_ids <= stored_ids


def test_every_good_input_is_stored_once(hostile: HostileRun) -> None:
    origins = [r[0] for r in _query(hostile.db, "SELECT origin FROM articles")]
    assert len(origins) == len(set(origins))
    ids = [r[0] for r in _query(hostile.db, "SELECT doc_id FROM articles")]
    assert len(ids) == len(set(ids))
    assert hostile.good_origins <= set(origins), sorted(hostile.good_origins - set(origins))
    assert str(hostile.src / "dup_b.txt") not in origins
    assert not any(o.endswith("ignored.bin") for o in origins)


def test_stored_text_is_decoded_and_clean(hostile: HostileRun) -> None:
    texts = dict(_query(hostile.db, "SELECT origin, text FROM articles"))
    src = hostile.src
    assert "The minister\u2019s visit to Ankara \u2013 \u201cfruitful\u201d" in texts[str(src / "cp1252.txt")]
    assert "met his Greek counterpart in Athens on Friday" in texts[str(src / "utf16le.txt")]
    assert "met his Greek counterpart in Athens on Sunday" in texts[str(src / "utf16be.txt")]
    assert "Iran threatened Israel on Friday, the ministry said." in texts[str(src / "invisible.txt")]
    assert "Russia sent aid to Syria" in texts[str(src / "invisible.txt")]
    assert "Russia sent aid to Syria" in texts[str(src / "invalid_utf8.txt")]
    assert "Russia sent humanitarian aid" in texts[str(src / "malformed.html")]
    zw = _query(hostile.db, "SELECT text FROM articles WHERE doc_id = 'j-zw'")[0][0]
    assert "Germany sanctioned Belarus on Monday." in zw
    for origin, text in texts.items():
        assert not any(ch in text for ch in ZW_RTL), origin
        assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in text), origin
        assert "\ufffd" not in text and "\x00" not in text, origin
        assert unicodedata.is_normalized("NFC", text), origin


def test_huge_articles_are_cut_to_max_chars(hostile: HostileRun) -> None:
    lengths = dict(_query(hostile.db, "SELECT origin, length(text) FROM articles"))
    assert max(lengths.values()) <= MAX_CHARS
    assert MAX_CHARS // 2 < lengths[str(hostile.src / "huge.txt")] <= MAX_CHARS
    assert lengths[str(hostile.src / "one_line.txt")] == MAX_CHARS
    n_events = _query(
        hostile.db,
        f"SELECT count(*) FROM events e JOIN articles a USING (doc_id) WHERE a.origin = '{hostile.src}/huge.txt'",
    )[0][0]
    assert n_events > 0, "the kept part of a huge article is analysed"


def test_evidence_offsets_reproduce_sentences(hostile: HostileRun) -> None:
    texts = dict(_query(hostile.db, "SELECT doc_id, text FROM articles"))
    checked = 0
    for table in ("events", "quotes", "relations"):
        for doc, start, end, sentence in _query(
            hostile.db, f"SELECT doc_id, ev_start, ev_end, sentence FROM {table}"
        ):
            assert doc in texts, (table, doc)
            assert 0 <= start <= end <= len(texts[doc])
            assert texts[doc][start:end] == sentence, (table, doc, start, end)
            checked += 1
    for doc, start, end, text in _query(hostile.db, 'SELECT doc_id, start, "end", text FROM sentences'):
        assert texts[doc][start:end] == text
    for doc, start, end, text in _query(hostile.db, 'SELECT doc_id, start, "end", text FROM mentions'):
        assert texts[doc][start:end] == text
    assert checked > 10


def test_rerun_is_idempotent_on_hostile_input(hostile: HostileRun) -> None:
    before = _query(hostile.db, "SELECT doc_id, content_hash FROM articles ORDER BY doc_id")
    events = _query(hostile.db, "SELECT event_id FROM events ORDER BY event_id")
    result = _invoke(
        "--set",
        f"run.max_chars={MAX_CHARS}",
        "run",
        str(hostile.src),
        "--db",
        str(hostile.db),
        "--date",
        "2021-06-01",
    )
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"0 articles processed, {len(before)} unchanged")
    assert _query(hostile.db, "SELECT doc_id, content_hash FROM articles ORDER BY doc_id") == before
    assert _query(hostile.db, "SELECT event_id FROM events ORDER BY event_id") == events


def test_all_good_exits_0(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(
        _jsonl([{"id": "g1", "text": "\u202bIran threatened Israel on Friday.\u202c"}]), encoding="utf-8"
    )
    result = _invoke("run", str(src), "--db", str(tmp_path / "g.duckdb"))
    _no_traceback(result)
    assert result.exit_code == 0 and result.stderr.startswith("1 articles processed, 0 unchanged, 0 failed")


def test_all_bad_exits_126_with_one_row_each(tmp_path: Path) -> None:
    src = tmp_path / "bad"
    src.mkdir()
    (src / "a.txt").write_bytes(b"")
    (src / "b.txt").write_bytes(b"\x00" * 100)
    (src / "c.jsonl").write_text("{oops\n[]\n", encoding="utf-8")
    db = tmp_path / "b.duckdb"
    result = _invoke("run", str(src), "--db", str(db))
    _no_traceback(result)
    assert result.exit_code == 126
    docs = sorted(r["doc"] for r in _failures(db))
    assert docs == sorted(
        [str(src / "a.txt"), str(src / "b.txt"), f"{src / 'c.jsonl'}:1", f"{src / 'c.jsonl'}:2"]
    )


# --- known bugs: each test states the expected behaviour and fails today ---------------------------


def _good_and_bad_run(tmp_path: Path, bad_line: str) -> tuple[Result, Path]:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "before", "text": "Russia sent aid to Syria on Monday."},
        bad_line,
        {"id": "after", "text": "Iran threatened Israel on Friday."},
    ]
    src.write_text(_jsonl(rows), encoding="utf-8")
    db = tmp_path / "x.duckdb"
    return _invoke("run", str(src), "--db", str(db)), db


def _assert_one_row_and_rest_stored(result: Result, db: Path, doc: str) -> None:
    _no_traceback(result)
    assert result.exit_code == 1, result.stderr
    assert {r[0] for r in _query(db, "SELECT doc_id FROM articles")} == {"before", "after"}
    assert [r["doc"] for r in _failures(db) if r["level"] == "error"] == [doc]


def test_deeply_nested_json_line_is_one_failure(tmp_path: Path) -> None:
    line = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    result, db = _good_and_bad_run(tmp_path, line)
    _assert_one_row_and_rest_stored(result, db, f"{tmp_path / 'in.jsonl'}:2")


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "sur-text", "text": "Russia sent \\ud800 aid to Syria."}',
        '{"id": "sur-title", "title": "\\ud83d", "text": "Turkey praised Qatar."}',
        '{"id": "sur\\udc00id", "text": "Turkey praised Qatar."}',
    ],
    ids=["text", "title", "id"],
)
def test_lone_surrogate_in_jsonl_is_decoded_with_a_replacement(tmp_path: Path, line: str) -> None:
    # "decode what is decodable": a lone surrogate escape becomes U+FFFD and the article is kept
    result, db = _good_and_bad_run(tmp_path, line)
    _no_traceback(result)
    assert result.exit_code == 0, result.stderr
    rows = _query(db, "SELECT doc_id, title, text FROM articles")
    assert len(rows) == 3
    assert any("\ufffd" in "".join(str(x) for x in r) for r in rows)


def test_undecodable_file_name_does_not_abort_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Talks\nIran threatened Israel on Friday.\n", encoding="utf-8")
    odd = bytes(src) + b"/odd\xffname.txt"
    with open(odd, "wb") as fh:
        fh.write(b"Talks again\nRussia and Turkey held talks in Ankara on Monday.\n")
    db = tmp_path / "x.duckdb"
    result = _invoke("run", str(src), "--db", str(db))
    _no_traceback(result)
    assert result.exit_code in (0, 1)
    assert _query(db, "SELECT count(*) FROM articles")[0][0] >= 1


def test_blank_text_falls_back_to_html(tmp_path: Path) -> None:
    line = json.dumps(
        {"id": "h", "text": "   ", "html": "<html><body><p>Russia sent aid to Syria.</p></body></html>"}
    )
    result, db = _good_and_bad_run(tmp_path, line)
    _no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert {r[0] for r in _query(db, "SELECT doc_id FROM articles")} == {"before", "h", "after"}


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_text_is_decoded_right(tmp_path: Path, encoding: str) -> None:
    text = (
        "R\u00e9sum\u00e9 of the talks\nThe na\u00efve envoy from Z\u00fcrich met the minister in M\u00fcnchen "
        "on Tuesday. He said the talks in Gen\u00e8ve were tr\u00e8s bien and that the d\u00e9l\u00e9gation "
        "would return \u00e0 Paris before the summit.\n"
    )
    src = tmp_path / "w.txt"
    src.write_bytes(text.encode(encoding))
    db = tmp_path / "w.duckdb"
    result = _invoke("run", str(src), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    stored = _query(db, "SELECT text FROM articles")[0][0]
    assert "Gen\u00e8ve" in stored and "\u00e0 Paris" in stored and "na\u00efve" in stored


def test_clean_failure_names_the_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "scripts_only.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    result = _invoke("run", str(src), "--db", str(db))
    _no_traceback(result)
    (row,) = _failures(db)
    assert "scripts_only.html" in row["doc"] + row["message"]


def test_malformed_json_message_gives_the_real_column(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x", "text": \n', encoding="utf-8")
    db = tmp_path / "x.duckdb"
    _invoke("run", str(src), "--db", str(db))
    (row,) = _failures(db)
    assert row["message"] == "malformed JSON: Expecting value at column 21", row


@pytest.mark.parametrize(
    "html",
    [
        "<p>Turkey sent humanitarian aid to Syria on Monday, officials in Ankara said.</p>",
        "<p>Turkey sent humanitarian aid to Syria on Monday.</p>Officials in Ankara said the convoy "
        "would cross the border at dawn, according to reports.",
    ],
    ids=["one-paragraph", "paragraph-then-text"],
)
def test_html_fragment_in_jsonl_is_stored(tmp_path: Path, html: str) -> None:
    result, db = _good_and_bad_run(tmp_path, json.dumps({"id": "frag", "html": html}))
    _no_traceback(result)
    assert result.exit_code == 0, result.stderr
    assert {r[0] for r in _query(db, "SELECT doc_id FROM articles")} == {"before", "frag", "after"}

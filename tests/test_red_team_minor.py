"""Issue #20, the minor defects of the red-team passes: each through the public CLI, as a user meets it.

Every defect here once gave an "internal error", a misleading message or silence where a one-line
error or warning belongs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.config import load_settings
from patronage.errors import ConfigError


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "internal error" not in err, err
    return err


# --- settings files (items 4-7) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[run]\nworkers = "x"\n', "run.workers must be an integer, got 'x'"),
        ("[run]\nworkers = true\n", "run.workers must be an integer, got True"),
        ("[run]\nbatch_size = 2.5\n", "run.batch_size must be an integer"),
        ('[extract]\nmin_confidence = "high"\n', "extract.min_confidence must be a number, got 'high'"),
        ("[run]\ndb = 5\n", "run.db must be a string, got 5"),
        ("[run]\nengine = [1]\n", "run.engine must be a string"),
        ("[web]\nallowed_hosts = 5\n", "web.allowed_hosts must be a list of strings, got 5"),
        ("[web]\nallowed_hosts = [1, 2]\n", "web.allowed_hosts must be a list of strings, got [1, 2]"),
        ("[resolve]\ngazetteer = {a = 1}\n", "resolve.gazetteer must be a list of strings"),
        ("[extract]\nrelation_confidence = 5\n", "extract.relation_confidence must be between 0.0 and 1.0"),
    ],
)
def test_a_setting_of_the_wrong_type_is_named_in_plain_words(tmp_path: Path, toml: str, message: str) -> None:
    """Items 4 and 7: "must be a int"; web.allowed_hosts = 5 was taken as ["5"]."""
    user = tmp_path / "u.toml"
    user.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(user, env={})
    assert message in str(info.value) and str(info.value).startswith(str(user))


def test_list_settings_still_take_a_string_from_the_environment_or_set(tmp_path: Path) -> None:
    hosts = load_settings(None, ["web.allowed_hosts=a.example"], env={}).get("web.allowed_hosts")
    assert hosts == ["a.example"]
    user = tmp_path / "u.toml"
    user.write_text('[web]\nallowed_hosts = ["a.example", "b.example"]\n', encoding="utf-8")
    assert load_settings(user, env={}).get("web.allowed_hosts") == ["a.example", "b.example"]


def test_a_section_given_as_a_value_says_it_must_be_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 5: `run = 5` said "unknown setting section 'run'"."""
    user = tmp_path / "u.toml"
    user.write_text("run = 5\n", encoding="utf-8")
    assert main(["--config", str(user), "summary", "--db", str(tmp_path / "x.duckdb")]) == 1
    err = _error(capsys)
    assert "run must be a table" in err and "[run]" in err and "unknown" not in err


def test_a_deeply_nested_settings_file_is_one_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 6: 100,000 `[` raised RecursionError out of tomllib: an internal error."""
    for name, text in (("arrays.toml", "a = " + "[" * 100_000), ("tables.toml", "a = " + "{b = " * 100_000)):
        user = tmp_path / name
        user.write_text(text, encoding="utf-8")
        assert main(["--config", str(user), "summary", "--db", str(tmp_path / "x.duckdb")]) == 1
        err = _error(capsys)
        assert str(user) in err and "nested too deeply" in err


# --- export -o FILE --force (item 1) ------------------------------------------------------------------


def _digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


def test_export_never_replaces_the_database_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 1a: `export -o STORE --force` replaced the store with its own export."""
    from tests.fixtures.records import sample_corpus, write_store

    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    before = _digest(db)
    (tmp_path / "hard.duckdb").hardlink_to(db)
    (tmp_path / "link.duckdb").symlink_to(db)
    sub = tmp_path / "sub"
    sub.mkdir()
    targets = [
        db,
        Path(f"{db}.wal"),
        sub / ".." / db.name,
        tmp_path / "hard.duckdb",
        tmp_path / "link.duckdb",
    ]
    for target in targets:
        for force in ([], ["--force"]):
            code = main(["export", "events", "--db", str(db), "-o", str(target), *force])
            assert code == 1, target
            assert "database" in _error(capsys)
    # the store named through a link: the file the link names is protected too
    code = main(["export", "events", "--db", str(tmp_path / "link.duckdb"), "-o", str(db), "--force"])
    assert code == 1 and "database" in _error(capsys)
    assert _digest(db) == before and not Path(f"{db}.wal").exists()
    assert main(["export", "events", "--db", str(db), "-o", str(tmp_path / "ok.jsonl")]) == 0


def test_export_force_keeps_the_replaced_files_permissions(tmp_path: Path) -> None:
    """Item 1b: a 0600 file became 0644 after --force."""
    from tests.fixtures.records import sample_corpus, write_store

    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    out = tmp_path / "events.jsonl"
    out.write_text("old\n")
    out.chmod(0o600)
    assert main(["export", "events", "--db", str(db), "-o", str(out), "--force"]) == 0
    assert (out.stat().st_mode & 0o777) == 0o600 and out.read_text() != "old\n"
    out.chmod(0o640)
    assert main(["export", "events", "--format", "csv", "--db", str(db), "-o", str(out), "--force"]) == 0
    assert (out.stat().st_mode & 0o777) == 0o640
    fresh = tmp_path / "fresh.jsonl"
    mask = os.umask(0o022)
    try:
        assert main(["export", "events", "--db", str(db), "-o", str(fresh)]) == 0
    finally:
        os.umask(mask)
    assert (fresh.stat().st_mode & 0o777) == 0o644


# --- standard output that cannot be written (item 2) ---------------------------------------------------

PATRONAGE = Path(sys.executable).with_name("patronage")


class _FullStream:
    """A text stream on a full disk: every write fails as /dev/full does."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    "args",
    [
        ["export", "events"],
        ["export", "events", "--format", "csv", "-o", "-"],
        ["summary"],
        ["query", "events"],
    ],
)
def test_a_failed_write_to_standard_output_is_one_error_line(
    sample_db: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 2: `export … > /dev/full` gave "internal error (OSError: [Errno 28] …)"."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", _FullStream())
    assert main([*args, "--db", str(sample_db)]) == 1
    assert _error(capsys) == "error: cannot write to standard output: No space left on device"


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PATRONAGE_")}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_device_through_standard_output(sample_db: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [str(PATRONAGE), "export", "events", "--db", str(sample_db), "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_clean_env(),
            timeout=120,
        )
    assert proc.returncode == 1
    assert proc.stderr == "error: cannot write to standard output: No space left on device\n"


def test_a_closed_pipe_ends_an_export_quietly(sample_db: Path) -> None:
    """Item 2: `patronage export … | head -1` prints nothing on stderr (no traceback, no error line)."""
    proc = subprocess.Popen(
        [str(PATRONAGE), "export", "events", "--db", str(sample_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_clean_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first write
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1 and err == b""


# --- UTF-16 without a byte order mark, stray NUL bytes (item 3) ----------------------------------------

UTF16_TEXT = (
    "Border talks\nThe Greek foreign minister visited Ankara on Tuesday for talks on maritime borders.\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        UTF16_TEXT,
        "Путин встретился с Асадом в Москве во вторник.\n",
        "Ο πρωθυπουργός επισκέφθηκε την Άγκυρα.",
    ],
)
def test_utf16_without_a_byte_order_mark_is_text(codec: str, text: str) -> None:
    """Item 3: BOM-less UTF-16 (LE or BE) was rejected as binary for its NUL bytes."""
    from patronage.ingest.decode import decode_bytes, looks_binary

    data = text.encode(codec)
    assert not looks_binary(data)
    assert decode_bytes(data, "t") == text
    assert decode_bytes(data + b"\n", "t") == text  # an odd byte at the end is no character


def test_a_stray_nul_byte_is_dropped_and_binary_data_is_still_refused() -> None:
    """Item 3: one NUL byte in an otherwise normal .txt made it "binary file, not text"."""
    import zlib

    from patronage.errors import InputError
    from patronage.ingest.decode import decode_bytes

    assert decode_bytes(b"Border talks\nThe minister\x00 visited Ankara.\n", "t") == (
        "Border talks\nThe minister visited Ankara.\n"
    )
    noisy = bytes(range(256)) * 8
    compressed = zlib.compress(UTF16_TEXT.encode() * 200, 9) + bytes(range(64))
    for data in (
        noisy,
        compressed,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + compressed,
        b"a\x00\x00\x00b\x00\x00\x00",
    ):
        with pytest.raises(InputError, match="binary"):
            decode_bytes(data, "t")
    with pytest.raises(InputError, match="invalid UTF-16"):
        decode_bytes(UTF16_TEXT.encode("utf-16-le") * 2 + b"\x00\xd8a\x00", "t")  # a lone surrogate


def test_utf16_and_nul_files_are_stored_by_run(tmp_path: Path) -> None:
    from tests.test_hostile_inputs import _failures, _query

    src = tmp_path / "in"
    src.mkdir()
    (src / "le.txt").write_bytes(UTF16_TEXT.encode("utf-16-le"))
    (src / "be.txt").write_bytes(UTF16_TEXT.replace("Greek", "Italian").encode("utf-16-be"))
    (src / "nul.txt").write_bytes(
        UTF16_TEXT.replace("Greek", "French").encode().replace(b"minister", b"mini\x00ster")
    )
    line = '{"id": "w", "text": "The Spanish foreign minister visited Rabat on Monday."}\n'
    (src / "wide.jsonl").write_bytes(line.encode("utf-16-le"))
    db = tmp_path / "x.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0, _failures(db)
    assert _query(db, "SELECT count(*) FROM articles")[0][0] == 4
    texts = " ".join(str(r[0]) for r in _query(db, "SELECT text FROM sentences"))
    assert "French foreign minister" in texts and "Spanish foreign minister" in texts and "\x00" not in texts


# --- an over-long title (item 9) ---------------------------------------------------------------------------


def test_a_huge_title_is_cut_and_the_body_is_still_analysed(tmp_path: Path) -> None:
    """Item 9: a 2,000,000-character title took the whole run.max_chars budget: the body was cut away."""
    import json

    from tests.test_hostile_inputs import _failures, _query

    title = " ".join(["Headline"] * 222_222)
    body = "The Greek foreign minister visited Ankara on Tuesday for talks on maritime borders."
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": "big", "title": title, "text": body, "date": "2021-03-04"}) + "\n")
    db = tmp_path / "x.duckdb"
    assert main(["run", str(src), "--db", str(db)]) == 0
    stored = str(_query(db, "SELECT title FROM articles")[0][0])
    assert len(stored) <= 1000 and stored.endswith("Headline…")
    assert [f["message"] for f in _failures(db)] == [f"title of {len(title)} characters cut to {len(stored)}"]
    sentences = [str(r[0]) for r in _query(db, "SELECT text FROM sentences")]
    assert body in sentences
    assert _query(db, "SELECT count(*) FROM events WHERE type = 'CONSULT'")[0][0] >= 1


def test_a_long_title_is_cut_at_a_word_and_a_title_alone_stays_whole() -> None:
    from patronage.clean import clean_article
    from patronage.clean.text import MAX_TITLE_CHARS, cap_title
    from patronage.model.records import Article

    assert cap_title("short title") == "short title"
    cut = cap_title("word " * 500)
    assert len(cut) <= MAX_TITLE_CHARS and cut.endswith("word…") and "  " not in cut
    assert cap_title("x" * 5000) == "x" * (MAX_TITLE_CHARS - 1) + "…"
    # a one-line .txt file is all title: the title is cut, its text is not
    line = "The minister visited Ankara on Tuesday. " * 100
    clean, warnings = clean_article(Article("a", line.strip(), text=""))
    assert len(clean.title) <= MAX_TITLE_CHARS and clean.text == line.strip() and warnings


# --- a store with a table dropped (item 10) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("DROP TABLE events", "table events is missing"),
        ("DROP TABLE actors", "table actors is missing"),
        ("DROP TABLE articles", "table articles is missing"),
        ("DROP TABLE runs; DROP TABLE removed_lines", "tables removed_lines, runs are missing"),
        ("ALTER TABLE quotes DROP COLUMN speaker_confidence", "column quotes.speaker_confidence is missing"),
    ],
)
def test_a_store_with_a_dropped_table_is_one_damaged_store_error(
    tmp_path: Path, sample_db: Path, statement: str, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 10: `DROP TABLE events` made summary, export and query fail with an internal error."""
    import shutil

    import duckdb

    db = tmp_path / "s.duckdb"
    shutil.copyfile(sample_db, db)
    con = duckdb.connect(str(db))
    for part in statement.split(";"):
        con.execute(part)
    con.close()
    capsys.readouterr()
    commands = [["summary"], ["export", "events"], ["query", "events"], ["query", "actor", "Putin"]]
    commands.append(["export", "quotes", "-o", str(tmp_path / "q.jsonl")])
    for args in commands:
        assert main([*args, "--db", str(db)]) == 1, args
        err = _error(capsys)
        assert "damaged database" in err and named in err, err
    assert main(["run", str(tmp_path / "none.txt"), "--db", str(db)]) == 1
    assert named in _error(capsys)


# --- actors import of a file with no actors (item 11) ------------------------------------------------------


@pytest.mark.parametrize("content", ["", "# a comment, nothing else\n\n", "hello world\nno actors here\n"])
def test_actors_import_of_a_file_without_actors_is_an_error(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 11: `actors import EMPTYFILE` wrote an empty gazetteer and said nothing was wrong."""
    source = tmp_path / "dictionary.txt"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "new" / "gazetteer.yaml"
    for fmt in ("phoenix", "countryinfo"):
        assert main(["actors", "import", str(source), "--format", fmt, "-o", str(out)]) == 1
        err = _error(capsys)
        assert str(source) in err and ("no actors were found" in err or "not a CountryInfo file" in err)
    assert not out.parent.exists()


# --- unknown event types and other enumerated query options (item 12) --------------------------------------


def test_an_unknown_event_type_is_an_error_listing_the_valid_ones(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 12: `query events --type nosuch` printed "0 of 0 events", as if nothing had happened."""
    db = ["--db", str(sample_db)]
    capsys.readouterr()
    assert main(["query", "events", "--type", "nosuch", *db]) == 1
    err = _error(capsys)
    assert "--type" in err and "'nosuch'" in err and "CONSULT" in err and "ASSAULT" in err
    assert main(["query", "network", "Assad", "--type", "consult", "--type", "friends", *db]) == 1
    err = _error(capsys)
    assert "'friends'" in err and "personal_tie" in err
    # the valid ones, in any case, as before; polarity and modality take any case too
    assert (
        main(["query", "events", "--type", "consult", "--polarity", "ASSERTED", "--modality", "Actual", *db])
        == 0
    )
    assert "CONSULT" in capsys.readouterr().out
    assert main(["query", "network", "Assad", "--type", "Harbours", *db]) == 0
    assert "harbours" in capsys.readouterr().out
    assert main(["query", "events", "--polarity", "maybe", *db]) == 2
    assert "'maybe' is not one of 'asserted', 'negated'" in capsys.readouterr().err


# --- serve on a non-loopback address (item 8) ----------------------------------------------------------------


@pytest.mark.parametrize(("host", "warned"), [("0.0.0.0", True), ("127.0.0.1", False), ("localhost", False)])
def test_serving_beyond_loopback_warns_that_the_store_is_readable_from_the_network(
    sample_db: Path,
    host: str,
    warned: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Item 8: `serve --host 0.0.0.0` exposed the whole store without a word."""
    uvicorn = pytest.importorskip("uvicorn")
    from tests.fixtures.server import _free_port

    served: list[bool] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: served.append(True))
    capsys.readouterr()
    assert main(["serve", "--db", str(sample_db), "--host", host, "--port", str(_free_port())]) == 0
    lines = capsys.readouterr().err.splitlines()
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert served == [True] and lines[-1].startswith("serving ")
    if warned:
        assert (
            len(warnings) == 1
            and "reachable from other machines" in warnings[0]
            and str(sample_db) in warnings[0]
        )
    else:
        assert warnings == []


# --- more workers than CPUs (item 13) -------------------------------------------------------------------------


def test_more_workers_than_cpus_is_warned_about_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 13: `run --workers 64` on 2 cores started 64 spaCy processes without a word."""
    from patronage.commands.context import warn_about_workers

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    capsys.readouterr()
    warn_about_workers(2)
    assert capsys.readouterr().err == ""
    warn_about_workers(64)
    assert capsys.readouterr().err == (
        "warning: 64 workers on 2 CPUs: workers beyond the CPUs add no speed, and each holds its own copy "
        "of the model in memory\n"
    )
    # run warns whichever source set the number (here --set; an unreadable input ends the run early)
    missing = str(tmp_path / "none.txt")
    assert main(["--set", "run.workers=3", "run", missing, "--db", str(tmp_path / "x.duckdb")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("warning: 3 workers on 2 CPUs") and lines[1].startswith("0 articles processed")
    assert main(["run", missing, "--db", str(tmp_path / "y.duckdb"), "--workers", "1"]) == 1
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_jsonl_on_standard_input_is_read_line_by_line(codec: str) -> None:
    """Item 3, seen beside it: UTF-16 JSONL piped to `run -` became one article titled by its first line."""
    import io
    import json

    from patronage.ingest import read_inputs
    from patronage.model.records import Article

    rows = [{"id": "a", "text": "The Spanish minister visited Rabat."}, {"id": "b", "text": "Putin met Xi."}]
    data = "".join(json.dumps(r) + "\r\n" for r in rows).encode(codec)
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [(i.doc_id, i.text) for i in items if isinstance(i, Article)] == [
        (r["id"], r["text"]) for r in rows
    ]
    assert len(items) == 2
    text = list(read_inputs(["-"], stdin=io.BytesIO(UTF16_TEXT.encode(codec))))
    assert len(text) == 1 and isinstance(text[0], Article) and text[0].title == "Border talks"

"""Issue #20, the eighth and ninth (blind) red-team passes: their critical and major findings, and some minor ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from patronage.cli import main
from patronage.errors import InputError, ModelError
from patronage.evaluate.plover import load_gold
from patronage.export.atomic import atomic_output
from patronage.resolve import entries
from patronage.resolve.importers import import_phoenix
from patronage.web.guard import host_allowed


def test_a_link_into_proc_is_never_replaced_even_with_force(tmp_path: Path) -> None:
    """C1: ``-o /dev/stdout --force`` replaced the system link with the export when stdout was a file."""
    captured = tmp_path / "captured.txt"
    captured.write_text("kept\n")
    fd = os.open(captured, os.O_RDONLY)
    try:
        link = tmp_path / "mystdout"
        link.symlink_to(f"/proc/self/fd/{fd}")  # leads to a regular file, through /proc
        chain = tmp_path / "chain"
        chain.symlink_to(link)
        for name in (link, chain):
            with (
                pytest.raises(InputError, match="never replaced"),
                atomic_output(str(name), force=True) as tmp,
            ):
                tmp.write_text("export\n")
            assert name.is_symlink()
        assert captured.read_text() == "kept\n"
    finally:
        os.close(fd)
    ordinary = tmp_path / "data.csv"
    ordinary.write_text("old\n")
    alias = tmp_path / "alias.csv"
    alias.symlink_to(ordinary)
    with atomic_output(str(alias), force=True) as tmp:  # a link to a regular file: replaced as before
        tmp.write_text("new\n")
    assert alias.read_text() == "new\n"


def test_an_endless_dictionary_name_makes_no_gazetteer_entry(tmp_path: Path) -> None:
    """M1: one 20 MB name in a gazetteer took 2.2 GB per article; ``actors import`` wrote such entries."""
    source = tmp_path / "long.actors.txt"
    source.write_text("A" * 100_000 + "_ [USAGOV]\nNAME_X_ [USAGOV]\n")
    names = [e["name"] for e in import_phoenix(source)]
    assert names == ["Name X"]
    bad = tmp_path / "long.yaml"
    bad.write_text("- id: x\n  name: " + "A" * (entries.MAX_NAME_CHARS + 1) + "\n  kind: person\n")
    with pytest.raises(ModelError, match="longer than"):
        entries.parse_entries(entries.read_yaml(bad), {})


def test_deeply_nested_gold_json_is_one_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """M2: ``eval plover`` on 100,000 nested brackets was an internal error (RecursionError)."""
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        load_gold(nested)
    assert main(["eval", "plover", str(nested)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "internal error" not in err


@pytest.mark.parametrize("value", ["127.0.0.1:8000, evil.com", "localhost evil.com", "user@127.0.0.1"])
def test_a_host_header_holding_more_than_one_host_is_refused(value: str) -> None:
    assert not host_allowed(value, frozenset())
    assert host_allowed("127.0.0.1:8000", frozenset())


# --- the ninth pass ---------------------------------------------------------------------------------


@pytest.mark.parametrize("needle", ["a", "of", "and", "New", "Mr"])
def test_a_lookup_of_filler_words_names_no_one(needle: str, tmp_path: Path) -> None:
    """Ninth pass, M1: ``report a`` gave a full dossier on the United States ("a" inside its name)."""
    from patronage.query import find_actors
    from patronage.store import Store
    from tests.fixtures.records import sample_corpus, write_store

    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    with Store(str(db), read_only=True) as store, pytest.raises(InputError, match="names no one"):
        find_actors(store, needle)


def test_a_lookup_matches_whole_words_not_letters_inside_them(tmp_path: Path) -> None:
    from patronage.query import find_actors
    from patronage.store import Store
    from tests.fixtures.records import sample_corpus, write_store

    db = write_store(tmp_path / "s.duckdb", sample_corpus())
    with Store(str(db), read_only=True) as store:
        assert find_actors(store, "Assad")[0]["name"] == "Bashar al-Assad"
        assert find_actors(store, "putin")[0]["name"] == "Vladimir Putin"
        assert find_actors(store, "Ass") == []  # no word starts and ends there
        assert find_actors(store, "1") == []


def test_anchors_cannot_multiply_gazetteer_names_past_the_bound(tmp_path: Path) -> None:
    """Ninth pass, M2: a 105 KB file reusing one list of 2,000 names under every entry stalled every run."""
    from patronage.resolve.gazetteer import Gazetteer

    names = "\n".join(f"  - Alias Name {i}" for i in range(1_000))
    body = "- id: a0\n  name: Base Zero\n  kind: person\n  aliases: &names\n" + names + "\n"
    body += "".join(
        f"- id: a{i}\n  name: Person {i}\n  kind: person\n  aliases: *names\n" for i in range(1, 600)
    )
    many = tmp_path / "anchors.yaml"
    many.write_text(body)
    with pytest.raises(ModelError, match="more than 500,000 names"):
        Gazetteer.load([many])
    wide = tmp_path / "wide.yaml"
    wide.write_text(
        "- id: w\n  name: Wide\n  kind: person\n  aliases: ["
        + ", ".join(f"N{i}" for i in range(1_001))
        + "]\n"
    )
    with pytest.raises(ModelError, match="more than 1,000"):
        Gazetteer.load([wide])


def test_actors_import_never_replaces_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ninth pass (minor): ``actors import -o store.duckdb --force`` replaced the store with YAML."""
    import duckdb

    db = tmp_path / "store.duckdb"
    duckdb.connect(str(db)).close()
    before = db.read_bytes()
    source = tmp_path / "d.actors.txt"
    source.write_text("NAME_X_ [USAGOV]\n")
    assert main(["actors", "import", str(source), "--format", "phoenix", "-o", str(db), "--force"]) == 1
    assert "DuckDB database, never replaced" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_an_empty_output_name_and_an_empty_gold_file_are_plain_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ninth pass (minor): ``-o ""`` said "output is a directory"; an empty gold file scored 0.000, exit 0."""
    with pytest.raises(InputError, match="-o is empty"), atomic_output("", force=True):
        pass
    empty = tmp_path / "gold.json"
    empty.write_text("[]")
    assert main(["eval", "plover", str(empty)]) == 1
    assert "holds no event record" in capsys.readouterr().err


def test_csv_columns_do_not_depend_on_which_rows_have_a_place_or_an_actor() -> None:
    """Ninth pass (minor): ``location_*`` columns vanished when no event had a place, and moved otherwise."""
    from io import StringIO

    from patronage.export.writers import write_csv

    placed = {
        "event_id": "a",
        "source": None,
        "location": {"name": "Kyiv", "country": "UKR"},
        "confidence": 1,
    }
    unplaced = {"event_id": "b", "source": None, "location": None, "confidence": 1}
    headers = []
    for rows in ([placed], [unplaced], [unplaced, placed]):
        out = StringIO()
        write_csv(iter(rows), out)
        headers.append(out.getvalue().split("\n", 1)[0])
    assert headers[0] == headers[1] == headers[2]
    assert (
        headers[0].startswith("event_id,source_actor_id,") and "location_name,location_country" in headers[0]
    )

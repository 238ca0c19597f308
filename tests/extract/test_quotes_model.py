"""The trained attribution model: the trainer's determinism, the shipped weights and their loading."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from patronage.cli import cli, main
from patronage.errors import ModelError
from patronage.extract.quotes.features import DocView
from patronage.extract.quotes.learn import train_attribution
from patronage.extract.quotes.model import MODEL_FILES, load_model, model_files, model_from_files
from patronage.extract.quotes.spans import find_quotes
from patronage.nlp.loader import load_nlp

#: (sentence, content, cue, source) written for this test; a tiny corpus in PolNeAR's shape
CORPUS = [
    (
        "The minister said the budget would be balanced.",
        "the budget would be balanced",
        "said",
        "The minister",
    ),
    ("Officials warned that the river could flood.", "that the river could flood", "warned", "Officials"),
    ("The mayor told reporters the bridge was safe.", "the bridge was safe", "told", "The mayor"),
    ("Analysts said prices will rise before spring.", "prices will rise before spring", "said", "Analysts"),
    ("The union argued that wages had fallen.", "that wages had fallen", "argued", "The union"),
    ("A spokeswoman said the talks had failed.", "the talks had failed", "said", "A spokeswoman"),
    ("The senator claimed the vote was rigged.", "the vote was rigged", "claimed", "The senator"),
    ("Doctors said the patient was recovering.", "the patient was recovering", "said", "Doctors"),
]


def _spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    start = text.index(needle)
    return ((start, start + len(needle)),)


def _examples() -> list[tuple[object, list[tuple[object, object, object]]]]:
    nlp = load_nlp()
    return [
        (nlp(text), [(_spans(text, content), _spans(text, cue), _spans(text, source))])
        for text, content, cue, source in CORPUS
    ]


def test_training_is_deterministic_and_learns_the_fixture() -> None:
    first = train_attribution(_examples(), seed=3)
    again = train_attribution(_examples(), seed=3)
    files = model_files(first.cue, first.pair, first.meta)
    assert files == model_files(again.cue, again.pair, again.meta)  # byte for byte
    assert set(files) == set(MODEL_FILES)
    model = model_from_files(files)
    assert "say|VERB" in model.lexicon and model.meta["documents"] == len(CORPUS)
    doc = load_nlp()("The minister said the budget would be balanced.")
    (found,) = [a for a in model.predict(DocView(doc)) if a.content]
    assert doc[found.cue].text == "said"
    assert found.source is not None and doc[found.source[0] : found.source[1]].text.endswith("minister")


def _write_split(root: Path) -> Path:
    split = root / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for n, (text, content, cue, source) in enumerate(CORPUS):
        (split / "text" / f"doc{n}.txt").write_text(text, encoding="utf-8")
        c, q, s = _spans(text, content)[0], _spans(text, cue)[0], _spans(text, source)[0]
        ann = (
            f"T1\tSource {s[0]} {s[1]}\t{source}\nT2\tCue {q[0]} {q[1]}\t{cue}\n"
            f"T3\tContent {c[0]} {c[1]}\t{content}\nT4\tAttribution {q[0]} {q[1]}\t{cue}\n"
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        )
        (split / "attributions" / f"doc{n}_ab12.ann").write_text(ann, encoding="utf-8")
    return split


def test_train_command_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    split = _write_split(tmp_path)
    outputs = []
    for name in ("a", "b"):
        result = CliRunner().invoke(cli, ["train", "quotes", str(split), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "trained on 8 articles (8 attributions)" in result.output
        outputs.append({f: (tmp_path / name / f).read_bytes() for f in MODEL_FILES})
    assert outputs[0] == outputs[1]


def test_training_on_a_held_out_split_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = tmp_path / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    assert main(["train", "quotes", str(dev), "-o", str(tmp_path / "out")]) == 1
    assert "held out" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_shipped_model_is_small_trained_on_train_and_loads_fast() -> None:
    data = resources.files("patronage.extract.quotes").joinpath("data")
    files = {name: data.joinpath(name).read_bytes() for name in MODEL_FILES}
    assert sum(len(b) for b in files.values()) < 20 * 1024 * 1024
    started = time.perf_counter()
    model = model_from_files(files)
    assert time.perf_counter() - started < 2.0
    assert model.meta["split"] == "train" and model.meta["documents"] == 840
    assert load_model() is load_model()  # loaded once per process


def test_a_damaged_or_mismatched_model_is_a_model_error() -> None:
    data = resources.files("patronage.extract.quotes").joinpath("data")
    files = {name: data.joinpath(name).read_bytes() for name in MODEL_FILES}
    with pytest.raises(ModelError):
        model_from_files({**files, "attribution_cue.npy": files["attribution_cue.npy"][:100]})
    model = model_from_files(files)
    with pytest.raises(ModelError, match="other features"):
        model_from_files(
            model_files(model.cue_weights, model.pair_weights, {**model.meta, "pair_templates": 3})
        )
    with pytest.raises(ModelError, match="do not match"):
        model_from_files(model_files(np.zeros((4, 2)), model.pair_weights, model.meta))


def test_versions_v1_rules_and_v2_model() -> None:
    doc = load_nlp()("“The harvest was poor,” the farmer said.")
    for version in ("v1", "v2"):
        (quote,) = find_quotes(doc, version)
        assert doc.text[quote.content_start : quote.content_end] == "The harvest was poor"
        assert quote.speaker_confidence is not None and 0 < quote.speaker_confidence <= 1
    from patronage.errors import ConfigError

    with pytest.raises(ConfigError):
        find_quotes(doc, "v9")


def test_a_word_is_content_from_the_content_threshold_on() -> None:
    from patronage.extract.quotes.features import CONTENT, NONE, SOURCE
    from patronage.extract.quotes.model import _labels

    probs = np.asarray(
        [
            [0.2, 0.7, 0.1],  # content above the threshold
            [0.45, 0.55, 0.0],  # most probably content, yet below the threshold: none
            [0.3, 0.2, 0.5],  # source beats both
            [0.35, 0.3, 0.35],  # a tie between none and source: none
        ]
    )
    assert _labels(probs, 0.6).tolist() == [CONTENT, NONE, SOURCE, NONE]
    assert _labels(probs, 0.5).tolist() == [CONTENT, CONTENT, SOURCE, NONE]


def test_a_model_without_its_content_threshold_is_refused() -> None:
    model = load_model()
    meta = {k: v for k, v in model.meta.items() if k != "content_threshold"}
    with pytest.raises(ModelError, match="content_threshold"):
        model_from_files(model_files(model.cue_weights, model.pair_weights, meta))

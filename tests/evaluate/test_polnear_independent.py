"""``scripts/polnear_independent.py``: its own gold reading, placing of exported quotes and scoring."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "polnear_independent.py"
TEXT = "Officials said the bridge was safe.\nThe mayor said, “It will hold.” He added: “Trust me.”"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_independent", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    bridge, hold = TEXT.index("the bridge"), TEXT.index("It will")
    ann = (
        f"T1\tSource 0 9\tOfficials\nT2\tContent {bridge} {bridge + 19}\tthe bridge was safe\n"
        f"T3\tSource 36 45\tThe mayor\nT4\tContent {hold} {hold + 12};{TEXT.index('Trust')} {TEXT.index('Trust') + 8}\t…\n"
        "E1\tAttribution:T9 Content:T2 Source:T1\nE2\tAttribution:T9 Content:T4 Source:T3\n"
    )
    (root / "attributions" / "a_ab12.ann").write_text(ann, encoding="utf-8")
    # a second annotator's file is not read: the first in sorted order is
    (root / "attributions" / "a_zz99.ann").write_text("E1\tAttribution:T1 Content:T1\n", encoding="utf-8")
    return root


def _record(text: str, speaker: str | None, start: int, cue: str = "said") -> dict[str, object]:
    return {
        "text": text,
        "speaker_text": speaker,
        "cue": cue,
        "evidence": {"doc_id": "a", "start": start},
    }


def test_gold_is_the_first_annotation_file(tmp_path: Path) -> None:
    gold = _script().read_gold(_split(tmp_path))
    text, atts = gold["a"]
    assert text == TEXT and len(atts) == 2
    assert [text[s:e] for s, e in atts[1][0]] == ["It will hold", "Trust me"]


def test_quotes_are_placed_as_fragments_and_scored(tmp_path: Path) -> None:
    script = _script()
    gold = script.read_gold(_split(tmp_path))
    assert script.place(TEXT, "It will hold … Trust me", 36) == [
        (TEXT.index("It will"), TEXT.index("It will") + 12),
        (TEXT.index("Trust"), TEXT.index("Trust") + 8),
    ]
    records = [
        _record("the bridge was safe", "Officials", 0),
        _record("It will hold … Trust me", "He", 36, cue="added"),  # speaker words not the gold's
    ]
    figures = script.score(gold, records)
    assert (figures["n_gold"], figures["n_pred"], figures["n_matched"]) == (2, 2, 2)
    assert figures["speaker_accuracy"] == 0.5


def test_a_quote_cut_in_two_records_is_one_attribution(tmp_path: Path) -> None:
    script = _script()
    gold = script.read_gold(_split(tmp_path))
    # the same cue word, speaker and evidence start: the pieces of one attribution
    records = [_record("It will hold", "The mayor", 36), _record("Trust me", "The mayor", 36)]
    figures = script.score(gold, records)
    assert (figures["n_pred"], figures["n_matched"], figures["content_precision"]) == (1, 1, 1.0)
    # another cue: two attributions, one of them unmatched
    apart = [_record("It will hold", "The mayor", 36), _record("Trust me", "The mayor", 36, cue="added")]
    figures = script.score(gold, apart)
    assert (figures["n_pred"], figures["n_matched"], figures["content_precision"]) == (2, 1, 0.5)


def test_the_speaker_is_found_outside_the_quote_in_its_sentences() -> None:
    script = _script()
    text = "“Then he lied,” he said. Later he left."
    quote = [(1, 13)]
    assert text[1:13] == "Then he lied" and text[16:18] == "he"
    assert script.find_speaker(text, "he", quote, (0, 24)) == [(16, 18)]  # not the "he" of the quote
    assert script.find_speaker(text, "nobody", quote, (0, 24)) is None

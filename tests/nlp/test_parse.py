"""Bounded parsing (issue #20, item 5): long texts in pieces, sentences capped, offsets unchanged."""

from __future__ import annotations

import pytest

from patronage.nlp.loader import load_nlp
from patronage.nlp.parse import parse, pieces
from patronage.nlp.segment import CUT_KEY, MAX_SENTENCE_CHARS

RUN_ON = "Russia sent aid to Syria and Iran threatened Israel and "


def test_pieces_end_in_whitespace_and_rejoin_to_the_text() -> None:
    text = ("Putin met Assad in Moscow. " * 20 + "\n\n") * 30
    parts = pieces(text, 1000)
    assert "".join(parts) == text
    assert all(len(p) <= 1100 and p[-1].isspace() for p in parts[:-1])
    assert all(p.endswith("\n\n") for p in parts[:-1]), "paragraph breaks are preferred"
    assert pieces("short", 1000) == ["short"]
    assert "".join(pieces("x" * 2500, 1000)) == "x" * 2500


def test_parse_joins_pieces_with_every_offset_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import patronage.nlp.parse as parse_module

    monkeypatch.setattr(parse_module, "PIECE_CHARS", 300)
    nlp = load_nlp()
    texts = [
        "Putin met Assad in Moscow on Tuesday. " * 30,
        "Short one.",
        "Iran threatened Israel.\n\n" + "Turkey praised Qatar, officials said. " * 20,
    ]
    docs = list(parse(nlp, texts, batch_size=4))
    assert [d.text for d in docs] == texts
    whole = nlp(texts[0])
    assert [t.text for t in docs[0]] == [t.text for t in whole]
    assert {e.text for e in docs[0].ents} >= {"Putin", "Assad", "Moscow"}
    assert docs[0].tensor.shape[0] == len(docs[0])


def test_an_endless_sentence_is_cut_and_counted() -> None:
    doc = load_nlp()(RUN_ON * 200)
    lengths = [len(s.text) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_CHARS
    assert doc.user_data[CUT_KEY] >= len(RUN_ON * 200) // MAX_SENTENCE_CHARS


def test_normal_sentences_are_not_cut() -> None:
    doc = load_nlp()("Putin met Assad in Moscow on Tuesday. " * 200)
    assert doc.user_data[CUT_KEY] == 0
    assert all(s.text.strip().endswith(".") for s in doc.sents)


def test_a_run_without_spaces_is_cut_at_a_symbol_and_still_parsed_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Red-team pass 7 (A15): 294 KB of ``Putin-Putin-…`` was parsed whole again, 1.9 GB."""
    import patronage.nlp.parse as parse_module

    chain = "-".join(["Putin"] * 400) + " met Xi."
    parts = pieces(chain, 300)
    assert "".join(parts) == chain
    assert all(p[-1] in "- " for p in parts[:-1]), "a symbol is a better cut than mid-word"
    monkeypatch.setattr(parse_module, "PIECE_CHARS", 300)
    calls: list[int] = []
    nlp = load_nlp()
    real_pipe = nlp.pipe

    def pipe(texts: list[str], **kwargs: object) -> object:
        calls.extend(len(t) for t in texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    letters = "x" * 700 + " and more."
    docs = list(parse(nlp, [chain, letters]))
    assert [d.text for d in docs] == [chain, letters]
    assert max(calls) <= 300, "no text is parsed whole once it was cut"

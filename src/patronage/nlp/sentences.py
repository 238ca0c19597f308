"""Sentences of a parsed document as records, trimmed of surrounding whitespace."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from patronage.model.records import Evidence, Sentence

__all__ = ["doc_text", "evidence_for", "sentence_records", "trimmed_bounds"]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("patronage_text")
    if text is None:
        text = doc.text
        doc.user_data["patronage_text"] = text
    return str(text)


def trimmed_bounds(span: Span) -> tuple[int, int]:
    """Character bounds of ``span`` without leading/trailing whitespace tokens."""
    text = doc_text(span.doc)
    start, end = span.start_char, span.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_records(doc: Doc, doc_id: str) -> list[Sentence]:
    """One :class:`Sentence` per non-blank sentence, numbered from 0."""
    out: list[Sentence] = []
    for sent in doc.sents:
        start, end = trimmed_bounds(sent)
        if start < end:
            out.append(Sentence(doc_id, len(out), start, end, doc_text(doc)[start:end]))
    return out


def evidence_for(sentence: Sentence, extractor: str) -> Evidence:
    """Evidence pointing at a whole sentence."""
    return Evidence(sentence.doc_id, sentence.start, sentence.end, sentence.text, sentence.idx, extractor)

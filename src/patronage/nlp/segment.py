"""Sentence boundaries at paragraph breaks, and a cap on sentence length.

The parser happily runs a headline into the first sentence of the body. Cleaned
text separates paragraphs with blank lines, so a token after a newline always
starts a sentence, and a run of whitespace never belongs to a sentence.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "CUT_KEY",
    "MAX_SENTENCE_CHARS",
    "add_paragraph_boundaries",
    "add_sentence_cap",
    "cap_sentences",
    "paragraph_boundaries",
]


@Language.component("patronage_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark each token that follows a line break as a sentence start.

    The starts are written in one array: setting ``token.is_sent_start`` checks the whole doc each
    time, which made a text of many short lines quadratic.
    """
    starts: list[int] = []
    after_break = False
    for token in doc:
        if token.i > 0 and after_break and not token.is_space:
            starts.append(token.i)
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
        elif not token.is_space:
            after_break = False
    if starts:
        values: Any = doc.to_array([SENT_START]).reshape(len(doc), 1)
        values[starts, 0] = 1
        doc.from_array([SENT_START], values)
    return doc


def add_paragraph_boundaries(nlp: Language) -> None:
    """Insert ``patronage_paragraphs`` before the parser, once."""
    if "patronage_paragraphs" in nlp.pipe_names:
        return
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("patronage_paragraphs", before=before)
    else:
        nlp.add_pipe("patronage_paragraphs", first=True)


#: a sentence may not be longer than this many characters: every fact row copies its sentence, so
#: one endless sentence with many facts made memory grow with its length times its facts
MAX_SENTENCE_CHARS = 2000
#: how many over-long sentences ``patronage_sentence_cap`` cut in a doc (``doc.user_data`` key)
CUT_KEY = "patronage_cut_sentences"
_ENDS = frozenset({".", "!", "?", ";", ":", "…"})
_CLAUSES = frozenset({",", "—", "–", "-", "(", ")", '"', "“", "”"})


@Language.component("patronage_sentence_cap", assigns=["token.is_sent_start"])
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence before any run of text would pass :data:`MAX_SENTENCE_CHARS`.

    Runs before the parser, which keeps every sentence start set here. The break goes after the
    last sentence-ending punctuation of the run (where the parser would most likely break anyway),
    else after the last comma or dash, else before the token that crosses the limit; breaks of
    the last two kinds cut a real sentence and are counted in ``doc.user_data[CUT_KEY]``.
    """
    cuts = 0
    start = 0
    ends: int | None = None
    clauses: int | None = None
    i = 1
    while i < len(doc):
        token = doc[i]
        if token.is_sent_start:
            start, ends, clauses = i, None, None
        elif token.idx + len(token.text) - doc[start].idx > MAX_SENTENCE_CHARS:
            at = ends if ends is not None else clauses if clauses is not None else i
            doc[at].is_sent_start = True
            cuts += at != ends
            start, ends, clauses, i = at, None, None, at  # look at the new run's tokens again
        elif token.text in _ENDS:
            ends = i + 1 if i + 1 < len(doc) else None
        elif token.text in _CLAUSES:
            clauses = i + 1 if i + 1 < len(doc) else None
        i += 1
    doc.user_data[CUT_KEY] = cuts
    return doc


def add_sentence_cap(nlp: Language) -> None:
    """Insert ``patronage_sentence_cap`` before the parser (after the paragraph breaks), once."""
    if "patronage_sentence_cap" in nlp.pipe_names:
        return
    if "patronage_paragraphs" in nlp.pipe_names:
        nlp.add_pipe("patronage_sentence_cap", after="patronage_paragraphs")
    elif "parser" in nlp.pipe_names:
        nlp.add_pipe("patronage_sentence_cap", before="parser")
    else:
        nlp.add_pipe("patronage_sentence_cap", first=True)

"""Sentence boundaries at paragraph breaks.

The parser happily runs a headline into the first sentence of the body. Cleaned
text separates paragraphs with blank lines, so a token after a newline always
starts a sentence, and a run of whitespace never belongs to a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["add_paragraph_boundaries", "paragraph_boundaries"]


@Language.component("patronage_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark each token that follows a line break as a sentence start."""
    after_break = False
    for token in doc:
        if token.i > 0:
            if after_break and not token.is_space:
                token.is_sent_start = True
            elif not after_break:
                pass
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
        elif not token.is_space:
            after_break = False
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

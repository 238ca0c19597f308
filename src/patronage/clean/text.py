"""Normalise article text into the form every character offset refers to."""

from __future__ import annotations

import re

from patronage.clean.boilerplate import filter_lines
from patronage.ingest.chars import normalise_field, normalise_text

__all__ = ["MAX_TITLE_CHARS", "cap_title", "clean_text", "normalise"]

_BLANKS = re.compile(r"\n{3,}")
#: a title is one line: a longer one is cut (at a word boundary, with an ellipsis) before it takes the
#: ``run.max_chars`` budget of the body it heads
MAX_TITLE_CHARS = 1000


#: a run of symbols longer than any writing needs ("""""…", "&&&…", "#####…"): spaCy's tokenizer
#: splits such a run one character at a time, in time that grows with the square of its length
#: (20,000 quotation marks took 115 s), so a longer run keeps its first ``_MAX_SYMBOLS``
_MAX_SYMBOLS = 50
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{_MAX_SYMBOLS + 1},}}")


def _short_runs(text: str) -> str:
    return _SYMBOL_RUN.sub(lambda m: m.group()[:_MAX_SYMBOLS], text)


def normalise(text: str) -> str:
    """NFC, unified newlines and spaces, no invisible or control characters (see :mod:`patronage.ingest.chars`)."""
    return normalise_text(text)


def cap_title(title: str, limit: int = MAX_TITLE_CHARS) -> str:
    """``title`` when it has at most ``limit`` characters, else cut at the last space before that, with "…"."""
    if len(title) <= limit:
        return title
    cut = title.rfind(" ", 0, limit)
    if cut < limit // 2:  # no word boundary worth keeping: cut inside the word
        cut = limit - 1
    return title[:cut].rstrip() + "…"


def clean_text(title: str, body: str) -> tuple[str, str, list[str]]:
    """Return (title, text, removed lines); the text starts with the title as its first paragraph."""
    title_lines, removed_title = filter_lines([_short_runs(normalise_field(title))])
    title = " ".join(t.strip() for t in title_lines).strip()
    lines = [line.strip() for line in _short_runs(normalise(body)).split("\n")]
    kept, removed = filter_lines(lines)
    body_text = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    text = f"{title}\n\n{body_text}" if title and body_text else (title or body_text)
    return title, text, removed_title + removed

"""Normalise article text into the form every character offset refers to."""

from __future__ import annotations

import re

from patronage.clean.boilerplate import filter_lines
from patronage.ingest.chars import normalise_field, normalise_text

__all__ = ["normalise", "clean_text"]

_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, unified newlines and spaces, no invisible or control characters (see :mod:`patronage.ingest.chars`)."""
    return normalise_text(text)


def clean_text(title: str, body: str) -> tuple[str, str, list[str]]:
    """Return (title, text, removed lines); the text starts with the title as its first paragraph."""
    title_lines, removed_title = filter_lines([normalise_field(title)])
    title = " ".join(t.strip() for t in title_lines).strip()
    lines = [line.strip() for line in normalise(body).split("\n")]
    kept, removed = filter_lines(lines)
    body_text = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    text = f"{title}\n\n{body_text}" if title and body_text else (title or body_text)
    return title, text, removed_title + removed

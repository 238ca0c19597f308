"""Normalise article text into the form every character offset refers to."""

from __future__ import annotations

import re
import unicodedata

from patronage.clean.boilerplate import filter_lines

__all__ = ["normalise", "clean_text"]

# zero-width and bidi control characters: invisible, and they break tokenisation
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    None,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, unified newlines and spaces, no invisible or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x85", "\n")  # NEL, the C1 line break
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    # NFC last: removing an invisible character can leave a combining mark next to its base
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text))


def clean_text(title: str, body: str) -> tuple[str, str, list[str]]:
    """Return (title, text, removed lines); the text starts with the title as its first paragraph."""
    title_lines, removed_title = filter_lines([normalise(title).strip()])
    title = " ".join(t.strip() for t in title_lines).strip()
    lines = [line.strip() for line in normalise(body).split("\n")]
    kept, removed = filter_lines(lines)
    body_text = _BLANKS.sub("\n\n", "\n".join(kept)).strip()
    text = f"{title}\n\n{body_text}" if title and body_text else (title or body_text)
    return title, text, removed_title + removed

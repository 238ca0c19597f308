"""Quotation-mark regions of a parsed document, found in one pass over its tokens.

Curly marks open (“) and close (”); a straight mark (") toggles. A mark of the
other family inside an open quote is a nested quote and is ignored, unless it
closes the quote as a typo would (“Deals are not optional," he said): attached to
the word before it, with no nested quote open. A quote still open at the end of a
paragraph continues into the next paragraph when that paragraph opens with a quote
mark (the newspaper convention for multi-paragraph quotes) of the same family;
otherwise it ends with its own paragraph. A continuation that closes ends the
quote: the next paragraph's quotation is a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteRegion", "quote_regions"]

_OPEN = frozenset({"“", "«", "„"})
_CLOSE = frozenset({"”", "»"})
_STRAIGHT = frozenset({'"', "''", "``"})
_MARKS = '“”«»„"'
_DASHES = "―—–-"


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Tokens ``start..end`` (exclusive) between a pair of quotation marks.

    ``group`` is shared by the pieces of one multi-paragraph quote; ``closed``
    is False when the paragraph ended before a closing mark.
    """

    start: int
    end: int
    group: int
    closed: bool


def _family(text: str) -> str:
    if text in _STRAIGHT:
        return "straight"
    if text in _OPEN or text in _CLOSE:
        return "curly"
    return ""


def _opening(doc: Doc, i: int) -> bool:
    """A closing mark used to open (”Fear. I am afraid…”): after a space, attached to the word after it."""
    before = i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space
    return before and not doc[i].whitespace_ and i + 1 < len(doc) and not doc[i + 1].is_punct


def _reopening(doc: Doc, i: int) -> bool:
    """A straight mark opening a sentence inside an open quote: after a full stop and a space."""
    return _opening(doc, i) and i >= 2 and doc[i - 1].text in (".", "!", "?") and not _closing(doc, i)


def _closing(doc: Doc, i: int) -> bool:
    """A mark at ``i`` that closes: attached to the word before it, followed by a space or punctuation."""
    if i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space:
        return False
    return bool(doc[i].whitespace_) or i + 1 == len(doc) or doc[i + 1].is_punct or doc[i + 1].is_space


def quote_regions(doc: Doc) -> list[QuoteRegion]:
    """Return the quotation regions of ``doc`` in text order (content tokens only, marks excluded)."""
    regions: list[QuoteRegion] = []
    open_at = -1  # index of the opening mark token, -1 when outside quotes
    open_family = ""
    gid = 0  # group of the open quote
    pending = -1  # group of a quote cut off by the last paragraph end, awaiting continuation
    pending_family = ""
    nested = False  # a quote of the other family open inside the open quote
    para_start = True
    groups = 0
    for token in doc:
        text = token.text
        if len(text) > 1 and text[0] in _MARKS and not text.strip(_MARKS + _DASHES):
            text = text[0]  # ”― glued to the dash of “…”― Jane Doe
        if "\n" in text:
            if open_at >= 0:
                if open_family != "markup":
                    if token.i > open_at + 1:
                        regions.append(QuoteRegion(open_at + 1, token.i, gid, False))
                    pending, pending_family = gid, open_family
                open_at = -1
            para_start = True
            continue
        if token.is_space:
            continue
        family = _family(text)
        if open_family == "markup" and open_at >= 0:
            if family == "straight" or text.count('"') % 2:
                open_at, open_family = -1, ""
        elif open_at < 0 and '="' in text and text.count('"') % 2:
            open_at, open_family = token.i, "markup"  # attribute value in leftover markup: not a quote
        elif open_at < 0 and family == "straight" and token.i > 0 and doc[token.i - 1].text.endswith("="):
            open_at, open_family = token.i, "markup"
        elif family and open_at < 0 and (family == "straight" or text in _OPEN or _opening(doc, token.i)):
            if para_start and pending >= 0 and family == pending_family:
                gid = pending
            else:
                groups += 1
                gid = groups
            open_at, open_family = token.i, family
        elif family and open_at >= 0 and family == open_family:
            if family == "straight" and _reopening(doc, token.i):
                # 'seats. "I think …': a closing mark lost at the end of the sentence before; the
                # quotation goes on with the same speaker
                if token.i > open_at + 1:
                    regions.append(QuoteRegion(open_at + 1, token.i, gid, True))
                open_at = token.i
            elif family == "straight" or text in _CLOSE:
                if token.i > open_at + 1:
                    regions.append(QuoteRegion(open_at + 1, token.i, gid, True))
                open_at, pending = -1, -1
            else:  # a second opening mark: the first one was never closed
                groups += 1
                gid, open_at = groups, token.i
        elif family and open_at >= 0:  # a mark of the other family inside an open quote
            if nested:
                nested = family != "straight"
            elif family == "straight" and not _closing(doc, token.i):
                nested = True  # “He said "no" to me”: a quote inside the quote
            elif _closing(doc, token.i) and (family == "straight" or text in _CLOSE):
                # “Immunity deals are not a requirement," he said: typed with mixed marks
                if token.i > open_at + 1:
                    regions.append(QuoteRegion(open_at + 1, token.i, gid, True))
                open_at, pending = -1, -1
        if open_at < 0:
            nested = False
        if para_start:
            pending = -1 if open_at < 0 or gid != pending else pending
        para_start = False
        if "\n" in token.whitespace_:
            if open_at >= 0:
                if open_family != "markup":
                    regions.append(QuoteRegion(open_at + 1, token.i + 1, gid, False))
                    pending, pending_family = gid, open_family
                open_at = -1
            para_start = True
    if open_at >= 0 and len(doc) > open_at + 1 and open_family != "markup":
        regions.append(QuoteRegion(open_at + 1, len(doc), gid, False))
    return regions

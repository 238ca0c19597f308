"""HTML to text with trafilatura in precision mode."""

from __future__ import annotations

import re
from html import unescape

from patronage.errors import InputError

__all__ = ["html_to_text"]

# Linear time on any input: a tag is "<" then anything but "<" or ">" then ">" (so a scan stops at the next
# "<" instead of running to the end of the page for every unclosed one), and elements with content are
# found with str.find on a lowercased copy rather than lazy ".*?" patterns, which are quadratic when the
# closing tag is missing (280 KB of unclosed <title> took 103 s).
_TAGS = re.compile(r"<[^<>]+>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^<>]*>", re.IGNORECASE)
_DROPPED = ("script", "style", "noscript", "template")
_TAG_END = re.compile(r"[\s/>]")


def _open_tag(lower: str, name: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the next ``<name …>`` opening tag at or after ``start``, or None."""
    at = lower.find("<" + name, start)
    while at >= 0:
        after = at + 1 + len(name)
        if after < len(lower) and _TAG_END.match(lower, after):
            close = lower.find(">", after)
            return (at, close + 1) if close >= 0 else None
        at = lower.find("<" + name, after)
    return None


def _element(html: str, lower: str, name: str) -> str | None:
    """The inner HTML of the first complete ``<name>…</name>`` element, or None."""
    opened = _open_tag(lower, name, 0)
    if opened is None:
        return None
    end = lower.find("</" + name, opened[1])
    # no closing tag after the first opening one means none after any later one either: stop here
    return html[opened[1] : end] if end >= 0 else None


def _first(name: str, html: str, lower: str) -> str:
    inner = _element(html, lower, name)
    return " ".join(unescape(_TAGS.sub(" ", inner)).split()) if inner is not None else ""


def _drop_elements(html: str) -> str:
    """``html`` without script, style, noscript and template elements; an unclosed one runs to the end."""
    lower = html.lower()
    cuts: list[tuple[int, int]] = []
    for name in _DROPPED:
        pos = 0
        while (opened := _open_tag(lower, name, pos)) is not None:
            end = lower.find("</" + name, opened[1])
            if end < 0:
                cuts.append((opened[0], len(html)))
                break
            close = lower.find(">", end)
            pos = len(html) if close < 0 else close + 1
            cuts.append((opened[0], pos))
    if not cuts:
        return html
    parts: list[str] = []
    pos = 0
    for start, end in sorted(cuts):
        if end <= pos:
            continue
        parts.append(html[pos : max(pos, start)])
        parts.append(" ")
        pos = max(pos, end)
    parts.append(html[pos:])
    return "".join(parts)


def _plain_text(html: str) -> str:
    """Text of an HTML fragment: scripts dropped, block tags as paragraph breaks, entities decoded."""
    text = _BLOCK.sub("\n\n", _drop_elements(html))
    text = unescape(_TAGS.sub(" ", text))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


#: the most elements a page may have for article extraction. trafilatura's tree and its fallback
#: extractors take memory that grows faster than the markup (a page of 120,000 tiny elements took
#: 1.2 GB): a news article has some thousands, a page far past this bound is an index, a widget
#: wall or a comment dump, and is refused rather than allowed to exhaust memory.
MAX_HTML_ELEMENTS = 50_000
_TAG = re.compile(r"<[A-Za-z]")


def html_to_text(html: str, origin: str) -> tuple[str, str]:
    """Return (title, main text) of an HTML page; raises :class:`InputError` when no text is found.

    A page of more than :data:`MAX_HTML_ELEMENTS` elements is an :class:`InputError` too.
    """
    import trafilatura

    elements = sum(1 for _ in _TAG.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        raise InputError(
            f"HTML page of {elements:,} elements (over {MAX_HTML_ELEMENTS:,}) is no article page; "
            "give the article's own HTML or text",
            source=origin,
        )

    try:
        body = trafilatura.extract(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,  # trafilatura's duplicate cache lives per process: cleaning must be pure
            output_format="txt",
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on hostile markup
        raise InputError(f"cannot parse HTML: {type(exc).__name__}", source=origin) from None
    if not body or not body.strip():
        # precision mode drops short pages; fall back to recall before giving up
        try:
            body = trafilatura.extract(html, favor_recall=True, include_comments=False, output_format="txt")
        except Exception:
            body = None
    if not body or not body.strip():
        body = _plain_text(html)  # a fragment ("<p>One sentence.</p>") has no page for trafilatura to read
    if not body or not body.strip():
        raise InputError("no article text found in HTML", source=origin)
    lower = html.lower()
    title = _first("h1", html, lower) or _first("title", html, lower)
    # trafilatura repeats the title as the first line sometimes
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest
    return title, body

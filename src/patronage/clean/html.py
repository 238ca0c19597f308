"""HTML to text with trafilatura in precision mode."""

from __future__ import annotations

import re
from html import unescape

from patronage.errors import InputError

__all__ = ["html_to_text"]

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def _first(pattern: re.Pattern[str], html: str) -> str:
    match = pattern.search(html)
    return " ".join(unescape(_TAGS.sub(" ", match.group(1))).split()) if match else ""


_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^>]*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _plain_text(html: str) -> str:
    """Text of an HTML fragment: scripts dropped, block tags as paragraph breaks, entities decoded."""
    text = _DROP.sub(" ", html)
    text = _BLOCK.sub("\n\n", text)
    text = unescape(_TAGS.sub(" ", text))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def html_to_text(html: str, origin: str) -> tuple[str, str]:
    """Return (title, main text) of an HTML page; raises :class:`InputError` when no text is found."""
    import trafilatura

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
    title = _first(_H1, html) or _first(_TITLE, html)
    # trafilatura repeats the title as the first line sometimes
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest
    return title, body

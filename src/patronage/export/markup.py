"""A small document (headings, paragraphs, cited items) and its Markdown and HTML renderings.

The text of a document comes from articles, which are untrusted: every string is escaped by the
renderer that writes it, and only a :class:`Span` chooses markup, never the text itself. A
Markdown rendering shows the text as written in any CommonMark viewer (no raw HTML, link or
emphasis can come from it); an HTML rendering is one self-contained page with its style inline,
no script, and a Content-Security-Policy that lets it load nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

__all__ = ["CSP", "Block", "Heading", "Inline", "Item", "Para", "Span", "to_html", "to_markdown"]


@dataclass(frozen=True, slots=True)
class Span:
    """Text with a style: ``strong``, ``em`` or ``quote`` (a source sentence), or a link to ``href``."""

    text: str
    style: str = ""
    href: str | None = None


#: a run of plain strings and spans
Inline = Sequence[str | Span]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of ``level`` 1 to 3."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph."""

    parts: Inline
    note: bool = False
    """A remark about the document (what was left out), shown smaller."""


@dataclass(frozen=True, slots=True)
class Item:
    """A statement (an item of a list) followed by its citations, one line each."""

    parts: Inline
    cites: Sequence[Inline] = ()


Block = Heading | Para | Item

# -- Markdown ---------------------------------------------------------------------------------------

#: every character that could start markup inline (CommonMark escapes any ASCII punctuation)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|~#&!])")
_SPACES = re.compile(r"\s+")
#: what would start a block (a list, a quote, a heading underline) at the start of a line
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def _md_text(text: str) -> str:
    """``text`` on one line, every markup character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def _md_url(url: str) -> str:
    """An address safe inside ``(…)``: spaces, brackets, quotes and backslashes percent-encoded."""
    return quote(url, safe="/:?#@!$&'*+,;=%~-._")


@dataclass(frozen=True, slots=True)
class _Marks:
    """How one rendering writes inline parts: its escaping, its links and a wrapper per style."""

    escape: Callable[[str], str]
    link: Callable[[str, str], str]
    """(escaped text, address) -> the link"""
    styles: dict[str, tuple[str, str]]


def _inline(parts: Inline, marks: _Marks) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(marks.escape(part))
            continue
        text = marks.escape(part.text)
        if part.href:
            text = marks.link(text, part.href)
        before, after = marks.styles.get(part.style, ("", ""))
        out.append(f"{before}{text}{after}")
    return "".join(out)


_MD = _Marks(
    _md_text,
    lambda text, href: f"[{text}]({_md_url(href)})",
    {"strong": ("**", "**"), "em": ("*", "*"), "quote": ("“", "”")},
)


def _md_inline(parts: Inline) -> str:
    line = _inline(parts, _MD)
    return _MD_LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], line)


def to_markdown(blocks: Sequence[Block]) -> str:
    """The document as CommonMark."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["", f"{'#' * block.level} {_md_text(block.text)}", ""]
        elif isinstance(block, Para):
            text = _md_inline(block.parts)
            lines += [f"*{text}*" if block.note else text, ""]
        else:
            lines.append(f"- {_md_inline(block.parts)}")
            lines += [f"  - {_md_inline(cite)}" for cite in block.cites]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


# -- HTML -------------------------------------------------------------------------------------------

_CSS = (
    "body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}"
    "h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}h2{border-bottom:1px solid #ccc}"
    "ul{padding-left:1.2em}li{margin:.4em 0}ul.cites{list-style:none;padding-left:1em;font-size:.92em;"
    "color:#444;border-left:3px solid #ddd}.sentence{font-style:italic}.note{font-size:.9em;color:#666}"
)
#: lets the page use its own inline style and nothing else (no script, image, font or request)
CSP = (
    "default-src 'none'; style-src 'sha256-"
    + base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")
    + "'; base-uri 'none'; form-action 'none'"
)


def _h(text: str) -> str:
    return html.escape(text, quote=True)


_HTML = _Marks(
    _h,
    lambda text, href: f'<a href="{_h(href)}" rel="noopener noreferrer">{text}</a>',
    {
        "strong": ("<strong>", "</strong>"),
        "em": ("<cite>", "</cite>"),
        "quote": ('<span class="sentence">“', "”</span>"),
    },
)


def _html_inline(parts: Inline) -> str:
    return _inline(parts, _HTML)


def to_html(blocks: Sequence[Block], title: str) -> str:
    """The document as one self-contained HTML page titled ``title``."""
    body: list[str] = []
    in_list = False
    for block in blocks:
        if in_list and not isinstance(block, Item):
            body.append("</ul>")
            in_list = False
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            body.append(f"<h{level}>{_h(block.text)}</h{level}>")
        elif isinstance(block, Para):
            cls = ' class="note"' if block.note else ""
            body.append(f"<p{cls}>{_html_inline(block.parts)}</p>")
        else:
            if not in_list:
                body.append("<ul>")
                in_list = True
            cites = "".join(f"<li>{_html_inline(c)}</li>" for c in block.cites)
            body.append(
                f"<li>{_html_inline(block.parts)}"
                + (f'<ul class="cites">{cites}</ul>' if cites else "")
                + "</li>"
            )
    if in_list:
        body.append("</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_h(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )

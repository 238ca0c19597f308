"""Drop boilerplate lines: trailers, share widgets, lone outlet names, bylines.

News pages end in "Click here to continue reading…", "Exit mobile version",
a share button label or the outlet's name on a line of its own. Those lines
carry no facts and must never become actors, quotes or evidence.
"""

from __future__ import annotations

import re

__all__ = ["OUTLETS", "filter_lines", "is_boilerplate", "strip_glued_prefix"]

_PHRASES = [
    r"click here to (continue|keep) reading",
    r"continue reading( the (main )?story)?",
    r"(read|see) (the )?(full|more|original) (story|article)",
    r"exit mobile version",
    r"skip to (main )?content",
    r"(subscribe|sign up|register) (now|today|to|for)\b.*",
    r"(follow|like) us on .*",
    r"share (this|on)\b.*",
    r"(share|tweet|email|print|dela|teilen|partager|compartir|condividi)( this)?( article| story)?",
    r"(all rights reserved|copyright ©?).*",
    r"©.*",
    r"advertisement",
    r"(related|recommended|read more|more on this story|you may also like)\s*:?.*",
    r"(photo|image|video) (credit|courtesy)?\s*:.*",
    r"(getty images|afp via getty images|reuters/[\w .]+|ap photo/[\w .]+)",
    r"this (article|story) (was|has been|is) (originally )?(published|updated|reprinted).*",
    r"we use cookies.*",
    r"by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}( and [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3})?( for [\w ]+)?,?( updated| published)?.*",
]
_LINE = re.compile(r"^\s*(?:" + "|".join(_PHRASES) + r")\s*[.…!|>»\-–—]*\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s", re.IGNORECASE)

#: outlet names that appear on a line of their own as page furniture
OUTLETS = frozenset(
    s.casefold()
    for s in (
        "The New York Times",
        "New York Times",
        "NYT",
        "The Washington Post",
        "Reuters",
        "Associated Press",
        "AP",
        "AFP",
        "Agence France-Presse",
        "BBC",
        "BBC News",
        "CNN",
        "Fox News",
        "The Guardian",
        "Guardian",
        "Al Jazeera",
        "Bloomberg",
        "The Wall Street Journal",
        "Wall Street Journal",
        "Politico",
        "The Hill",
        "NPR",
        "NBC News",
        "CBS News",
        "ABC News",
        "Breitbart",
        "Breitbart News",
        "The Independent",
        "The Telegraph",
        "Financial Times",
        "The Economist",
        "TASS",
        "RIA Novosti",
        "Interfax",
        "Sputnik",
        "RT",
        "Kyiv Independent",
        "Meduza",
        "The Moscow Times",
        "Axios",
        "Vox",
        "HuffPost",
        "USA Today",
        "Los Angeles Times",
        "The Atlantic",
        "Newsweek",
        "Time",
        "Deutsche Welle",
        "DW",
        "France 24",
        "Euronews",
        "Radio Free Europe/Radio Liberty",
        "RFE/RL",
        "Voice of America",
        "VOA",
    )
)
_GLUED = re.compile(r"^\s*(exit mobile version|skip to (main )?content|advertisement)\s*", re.IGNORECASE)


def strip_glued_prefix(line: str) -> str:
    """Remove page furniture glued to the front of a line ("Exit mobile versionHeadline…")."""
    return _GLUED.sub("", line, count=1)


def is_boilerplate(line: str) -> bool:
    """True when a whole line is page furniture rather than article text."""
    stripped = line.strip().strip("\u200b\ufeff")
    if not stripped:
        return False
    if stripped.casefold().rstrip(".") in OUTLETS:
        return True
    if _BYLINE.match(stripped) and len(stripped.split()) > 7:
        return False  # a sentence that happens to start with "By", not a byline
    return bool(_LINE.match(stripped))


def filter_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split ``lines`` into kept lines and removed boilerplate lines."""
    kept: list[str] = []
    removed: list[str] = []
    for line in lines:
        fixed = strip_glued_prefix(line)
        if fixed != line:
            removed.append(line[: len(line) - len(fixed)].strip())
            line = fixed
        if is_boilerplate(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept, removed

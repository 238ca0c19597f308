"""Drop page furniture: trailers, share widgets, lone outlet names, bylines, captions, link cards.

News pages end in "Click here to continue reading…", "Exit mobile version",
a share button label or the outlet's name on a line of its own; between the
paragraphs sit photo captions and credits ("Name/Agency"), "X contributed to this
report", embedded tweets ("— Name (@handle) Month D, YYYY"), bare URLs, newsletter
prompts, subheadings and the page's copy of its headline; inside a paragraph, some
outlets put a link card after a name ("Name Full NameHeadline one Headline two MORE").
None of it carries the article's facts, and it must never become actors, quotes or
evidence. :func:`filter_lines` returns what it removed, so a store can keep it for
inspection.
"""

from __future__ import annotations

import re

__all__ = ["OUTLETS", "filter_lines", "is_boilerplate", "is_furniture", "strip_glued_prefix", "strip_inline"]

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
    # "Contributing: David Jackson and Will Cummings", "Additional reporting by …", "Editing by …"
    r"(contributing|contributors?|additional reporting( by)?|reporting by|editing by|writing by)\s*:?\s+"
    r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}((,| and| &) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}){0,4}( in [\w ]+)?"
    r"(\s*;\s*(editing|writing|reporting) by .*)?",
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
#: furniture recognised anywhere in a line of at most ``_SHORT`` words
_SHORT = 60
_FURNITURE = re.compile(
    "|".join(
        (
            r"\((?:ap |afp |reuters )?(?:file )?(?:photo|image|video)s?(?:\s*:|\s+by\b|/)",  # (Photo: …)
            r"\btoggle caption\b|^image (?:copyright|caption)\b|^(?:photo|image|caption)\s*:",
            r"/\s*(?:getty images|ap(?: photo)?|afp|reuters|file photo|bloomberg(?: news)?|epa|landov)\s*$",
            r"\bcontributed(?: reporting)?(?: to)? (?:this|the) (?:report|story|article)\b",
            r"\bcontributed (?:additional )?(?:research|reporting|analysis)\s*\.?\s*$",  # "X contributed research."
            # "Jonathan Easley contributed.": a credit line of names and nothing else
            r"^(?!(?:the|a|an|this|that) )(?-i:[A-Z][\w.'’-]+(?:,? (?:and |in )?[A-Z][\w.'’-]+){1,7}) contributed\s*\.?\s*$",
            r"^(?:[—–-]+\s*)?(?:with )?(?:additional )?(?:reporting|assistance|writing|editing) (?:by|from) (?-i:[A-Z]\w+ [A-Z])",
            r"\bclick here\b|\bstory (?:highlights|continued below)\b|\breplay more videos\b",
            r"^(?:just|must) watched?\b|^enlarge this image\b|^media playback is unsupported",
            r"^(?:sign up|subscribe|by signing up|manage newsletters|download the)\b",
            r"\bdelivered to your inbox\b|^something to consider if you enjoyed",
            r"^\(?(?:read|watch|listen|see also|graphic|related)\s*:",
            r"^file photo\s*[-–—:]|\byou agree to (?:our|the) (?:privacy|terms|cookie)",
            r"(?:—|–|-{1,2})\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$",  # a tweet
            r"\bpic\.twitter\.com/",
            r"^write to (?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) at \S+@",  # "Write to Byron Tau at byron.tau@wsj.com"
        )
    ),
    re.IGNORECASE,
)
#: the counter between the captions of a photo gallery
_GALLERY = re.compile(r"\bHide Caption \d{1,3} of \d{1,3}\b")
#: a caption with its credit at the end, as share bars print them: "Facebook Twitter Pinterest The
#: minister in Brussels. Photograph: Jane Roe/Reuters", "… in 2018. Photograph: KCNA/EPA"
_CAPTION = re.compile(
    r"^Facebook Twitter Pinterest\b"
    r"|\b(?i:photograph|photo illustration|illustration|composite)\s*:\s*[A-Z][^.!?:]{1,80}\.?$"
)
#: a photo credit alone on its line: "Jonathan Ernst/Reuters", "Thomas Peter/File Photo"
_CREDIT = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w&.'’ /-]{1,40}$")
_URL_LINE = re.compile(r"^(?:(?:https?://|www\.)\S+\s*)+$", re.IGNORECASE)
_INLINE_URL = re.compile(r"\s*\b(?:https?://|pic\.twitter\.com/)\S+", re.IGNORECASE)
#: the end of a sentence or a quotation; a line without one that is short is a heading
_TERMINAL = re.compile(r"[.!?:;\"”’')\]…]\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*•–—]|\d+[.)])\s")
_HEADING_WORDS = 12
#: a link card's end: "MORE" in capitals after a headline
_CARD_END = re.compile(r" MORE\b")
#: a card's head: the name in the text, the card's full name ending in the same surname, then the
#: card's first headline, glued or after a space ("Trump Donald John TrumpTrump faces",
#: "Paul Ryan Paul Davis Ryan Retirees", "Jason CrowJason CrowHouse delivers")
_CARD_HEAD = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*[a-z])(?:\s+|(?=[A-Z]))"
    r"(?P<card>(?:(?:[A-Z][\w'’.-]*|\([A-Z][\w'’.-]*\))\s+){0,4}(?P=name))(?=[A-Z0-9]|\s+[A-Z0-9])"
)
#: where a capitalised word starts: a card's head can only start there
_WORD_START = re.compile(r"(?<![\w'’.(-])[A-Z]")
#: how far before its "MORE" a card may start (three headlines run to about 700 characters)
_CARD_SPAN = 900

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


def is_furniture(line: str) -> bool:
    """True for a caption, credit, tweet, URL, prompt or an all-capitals link line."""
    stripped = line.strip()
    if not stripped:
        return False
    words = stripped.split()
    if len(words) <= _SHORT and _FURNITURE.search(stripped):
        return True
    if _GALLERY.search(stripped):
        return True  # a photo gallery's captions, however long: "… Hide Caption 3 of 12 Photos: …"
    if _CAPTION.search(stripped):
        return True  # a captioned photo, however long its caption
    if len(words) <= 8 and _CREDIT.match(stripped):
        return True
    if _URL_LINE.match(stripped):
        return True
    if any(ch.isdigit() for ch in stripped) and not any(ch.isalpha() for ch in stripped):
        return True  # an id or a counter ("190409123038460"), never words
    letters = [ch for ch in stripped if ch.isalpha()]
    # a line in capitals: a related-link headline or a section label ("BIDEN SAYS HE WAS …")
    return len(words) >= 2 and len(letters) >= 6 and not any(ch.islower() for ch in letters)


def _is_heading(line: str) -> bool:
    """A short line without a sentence's ending: a subheading or the page's copy of its headline.

    A line that opens a quotation is speech cut by a line break, never a heading.
    """
    stripped = line.strip()
    if not stripped or stripped[0] in "“\"‘'" or _LIST_ITEM.match(stripped) or _TERMINAL.search(stripped):
        return False
    return len(stripped.split()) <= _HEADING_WORDS and (stripped[0].isupper() or stripped[0].isdigit())


def _card_start(line: str, lo: int, hi: int) -> int | None:
    """Where a link card ending at ``hi`` starts, or None when this is no card.

    A card repeats the name it follows under the person's full name: "Sen. Bernie Sanders
    Bernie Sanders2020…", "President Trump Donald John TrumpTrump faces…". Of the heads that
    fit, the one whose repeated surname comes last is the card's ("Paul Ryan Paul Davis Ryan
    Retirees…" repeats "Paul" too, inside the card's name).
    """
    best: re.Match[str] | None = None
    for word in _WORD_START.finditer(line, lo, hi):
        head = _CARD_HEAD.match(line, word.start(), hi)
        if head and (best is None or head.end("card") > best.end("card")):
            best = head
    return None if best is None else best.start("card")


def strip_inline(line: str) -> tuple[str, list[str]]:
    """Remove link cards ("… Donald John TrumpTrump faces … MORE") and URLs inside a line."""
    removed: list[str] = []
    pos = 0
    while (end := _CARD_END.search(line, pos)) is not None:
        start = _card_start(line, max(pos, end.start() - _CARD_SPAN), end.start())
        if start is None:
            pos = end.end()
            continue
        removed.append(line[start : end.end()].strip())
        line = line[:start].rstrip() + line[end.end() :]
        pos = start
    urls = _INLINE_URL.findall(line)
    if urls:
        removed.extend(u.strip() for u in urls)
        line = _INLINE_URL.sub("", line)
    return line, removed


def filter_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split ``lines`` into kept lines and removed furniture (whole lines and pieces of lines).

    A heading is only a heading over text: a short unpunctuated paragraph with more text after it.
    """
    kept: list[str] = []
    removed: list[str] = []
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for i, line in enumerate(lines):
        fixed = strip_glued_prefix(line)
        if fixed != line:
            removed.append(line[: len(line) - len(fixed)].strip())
            line = fixed
        # a heading stands alone as a paragraph, with text after it; a short line inside a
        # paragraph is a sentence cut by a line break
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 < len(lines) and not lines[i + 1].strip())
        heading = alone and i < last_text and _is_heading(line)
        if is_boilerplate(line) or is_furniture(line) or heading:
            removed.append(line.strip())
            continue
        line, pieces = strip_inline(line)
        removed.extend(pieces)
        kept.append(line)
    return kept, removed

"""The regular expressions that find date expressions in a sentence.

One alternation, compiled once at import, with one named group per rule; the
rule that matched is ``match.lastgroup``. Rules are ordered from the most to
the least specific, because at a given position the first rule that matches
wins. A cheap pre-filter lets sentences without any date-like word skip the
scan entirely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["MONTHS", "NUMBER_WORDS", "WEEKDAYS", "might_have_date", "scan"]

#: month names and abbreviations (lower case) → month number
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

#: weekday names (lower case) → ``date.weekday()`` number
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

#: count words of relative expressions ("three years later") → number
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "a couple of": 2, "a couple": 2,
}  # fmt: skip

_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_MON = rf"(?:{_MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|,\d)"
_YEAR = r"(?<![\d$€£#.,])(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\.\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_SEASON = r"(?i:winter|spring|summer|autumn|fall)\b"
_PREP = (
    r"(?:(?i:in|on|during|since|by|until|till|through|throughout|from|as\s+of|early\s+in|late\s+in"
    r"|as\s+early\s+as|as\s+late\s+as)\s+)"
)
_EML = r"(?i:early|mid|late|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+"
_TOD = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_COUNT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True))
_AFTER_PUNCT = r"(?=\s*(?:[,.;:!?)\u2014\u2013]|$))"

_RULES: list[tuple[str, str]] = [
    ("iso", rf"{_PREP}?(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?!\d)"),
    ("numeric", rf"{_PREP}?(?<![\d/])(?P<num_a>\d{{1,2}})/(?P<num_b>\d{{1,2}})/(?P<num_y>{_YEAR})"),
    ("mdy", rf"{_PREP}?(?:{_WD},?\s+)?(?P<mdy_m>{_MON})\s*(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})"),
    (
        "dmy",
        rf"{_PREP}?(?:{_WD},?\s+)?(?:the\s+)?(?<!\d)(?P<dmy_d>{_DAY})(?:\s+of)?\s+(?P<dmy_m>{_MON}),?\s+"
        rf"(?P<dmy_y>{_YEAR})",
    ),
    ("my", rf"{_PREP}?(?:{_EML})?(?P<my_m>{_MON}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})"),
    (
        "md",
        rf"{_PREP}?(?:(?P<md_mod>(?i:last|next|this))\s+)?(?:{_WD},?\s+)?(?P<md_m>{_MON})\s*(?P<md_d>{_DAY})"
        rf"(?:\s+(?P<md_yr>(?i:last|this|next)\s+year))?{_TOD}",
    ),
    ("dm", rf"{_PREP}?(?:{_WD},?\s+)?(?:the\s+)?(?<![\d,.])(?P<dm_d>{_DAY})(?:\s+of)?\s+(?P<dm_m>{_MON})"),
    (
        "season_y",
        rf"{_PREP}?(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<sy_s>{_SEASON})\s+(?:of\s+)?(?P<sy_y>{_YEAR})",
    ),
    (
        "decade",
        rf"{_PREP}?(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?P<dc_y4>(?:1[5-9]|20)\d0)|['\u2019](?P<dc_y2>\d0))s\b"
        rf"|(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<dc_y2b>[6-9]0)s\b",
    ),
    (
        "year",
        rf"(?:{_PREP}(?:{_EML})?(?:(?i:the\s+year)\s+)?|{_EML}|(?i:of|between|circa|c\.)\s+"
        # a timeline entry: the year (or years) heading a sentence before a colon, "2010–11: …"
        rf"|^(?=\d{{4}}(?:\s*[-\u2013\u2014]\s*\d{{2,4}})?\s*:))(?P<yr_y>{_YEAR})"
        rf"(?:\s*(?:-|\u2013|\u2014|to|and|or)\s*(?P<yr_to>{_YEAR}|\d\d(?!\d)))?",
    ),
    (
        "year_adj",
        rf"(?:(?<=\bthe\s)|(?<=\bThe\s)|(?<=\ba\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)"
        rf"|(?<=['\u2019]s\s)|(?<=\())(?P<ya_y>{_YEAR})(?=\s+[A-Za-z]|\))|(?P<yp_y>{_YEAR})(?=['\u2019]s\b)",
    ),
    (
        "season_rel",
        rf"(?:{_PREP}?(?P<sr_mod>(?i:last|this|next|that|the\s+following|the\s+previous|the\s+same|the\s+next))"
        rf"|{_PREP}(?i:the))\s+(?:(?i:early|mid|late)[\s-]+)?(?P<sr_s>{_SEASON})(?!\s+of\b)",
    ),
    (
        "month_rel",
        rf"(?:{_PREP}(?:{_EML})?|{_EML}|(?P<mr_mod>(?i:last|next|this))\s+)(?P<mr_m>{_MON_FULL})"
        rf"(?!\s*\d)(?!['\u2019]s\b)(?:,?\s+(?:of\s+)?(?P<mr_yr>(?i:last|this|next)\s+year)\b)?",
    ),
    (
        "weekday",
        rf"(?:{_PREP}|(?P<wd_mod>(?i:last|next|this|early|late|the\s+following|the\s+previous))\s+)?"
        rf"(?P<wd_d>{_WD}){_TOD}",
    ),
    (
        "docrel",
        r"(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
        r"|(?:earlier|later)\s+(?:today|tonight)|this\s+(?:morning|afternoon|evening)|(?<!\bthe\s)last\s+night"
        r"|(?:(?:earlier|later|early|late)\s+)?(?:this|(?<!\bthe\s)last|next)\s+(?:weekend|week|month|year)"
        r"|(?:over|during)\s+the\s+weekend|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:week|month)"
        r"|(?:(?:at|by|until|in)\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+(?:this|last|next)"
        r"\s+(?:week|month|year))\b(?!\s+of\b)",
    ),
    (
        "rel",
        rf"(?i:(?:(?P<rel_n>{_COUNT}|\d{{1,3}})\s+|(?P<rel_v>a\s+few|several|some|a\s+number\s+of)\s+)?"
        r"(?P<rel_u>day|week|month|year|decade)s?\s+"
        rf"(?P<rel_dir>later|earlier|ago|afterwards?|on{_AFTER_PUNCT}|before{_AFTER_PUNCT}"
        rf"|after{_AFTER_PUNCT}|prior{_AFTER_PUNCT}))\b",
    ),
    (
        "anchor",
        r"(?i:(?:(?:on|by|in|during)\s+)?the\s+(?P<an_dir>next|following|previous|preceding|prior)\s+"
        r"(?P<an_u>day|morning|afternoon|evening|night|weekend|week|month|year|decade)"
        r"|the\s+(?P<an_u2>day|night|week|month|year)\s+(?P<an_d2>before|after)" + _AFTER_PUNCT + r""
        r"|(?:(?:later|earlier)\s+)?(?:that|the\s+same|that\s+same)\s+"
        r"(?P<an_u3>day|morning|afternoon|evening|night|week|month|year)"
        r"|within\s+(?:(?:a\s+few|several|two|three|four)\s+)?(?P<an_w>hours|days|weeks))\b",
    ),
]

_MASTER = re.compile("|".join(rf"(?P<{name}>{pattern})" for name, pattern in _RULES))


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by shared prefixes, much faster to scan."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        sub = _trie([rest for rest in rests if rest])
        tail = f"(?:{sub}){'?' if '' in rests else ''}" if sub else ""
        parts.append(re.escape(first) + tail)
    return "|".join(parts)


_NAMED_WORDS = [*(w.capitalize() for w in MONTHS), *(w.capitalize() for w in WEEKDAYS)]
_TIME_WORDS = (
    "winter spring summer autumn fall yesterday today tonight tomorrow night morning afternoon evening "
    "day days week weeks weekend month months year years decade decades hours"
).split()
# Every rule holds one of these words within its first few words, so a match
# can only start a few word starts before one: the scan tries just those
# positions instead of every character of the sentence.
_TRIGGER = re.compile(rf"(?=[\dA-Za-z])(?:\d+|\b(?:{_trie(_NAMED_WORDS)}|(?i:{_trie(_TIME_WORDS)}))\b)")
_WORD_START = re.compile(r"\b\w|(?<!\w)['\u2019](?=\d)")
_FIRST_WORD = re.compile(r"[A-Za-z]*")
_LOOKBACK_CHARS = 60
_LOOKBACK_WORDS = 7
# the words a match may start with (besides digits and apostrophes); other
# word starts near a trigger are skipped without running the big pattern
_START_WORDS = frozenset(
    [
        *(w.lower() for w in _NAMED_WORDS),
        *_TIME_WORDS,
        *(w.split()[0] for w in NUMBER_WORDS),
        *(
            "in on during since by until till through throughout from as early late mid the last next this that "
            "of between circa c over at earlier later some several yesterday today tonight tomorrow within"
        ).split(),
    ]
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# plural nouns after a number that show it counts things rather than naming a year
_COUNT_NOUNS = _wordset(
    """
    people persons men women children soldiers troops prisoners civilians refugees deaths dead casualties
    cases votes seats members dollars euros rubles roubles pounds tons tonnes kilometers kilometres km miles
    meters metres feet acres hectares barrels units copies pages households families residents workers
    employees jobs delegates migrants fighters rebels militants police officers protesters demonstrators
    students homes houses buildings vehicles tanks missiles rockets aircraft planes jets ships signatures
    points times percent hours hrs gmt utc gallons liters litres votes rounds shells bombs guns rifles
    """
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z%]+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_NAMED_DAYS = _wordset(
    "Super Palm Easter Passion Good Holy Ash Black Cyber Bloody Giving Shrove Whit Trinity"
)
_AFTER_MAY = _wordset("and or to through until when after before last this next of as at in on")
_VAGUE_BEFORE = _wordset("many of countless the those these most few numerous")


def might_have_date(text: str) -> bool:
    """Cheap test: False means the text certainly holds no date expression."""
    return _TRIGGER.search(text) is not None


def _accept(match: re.Match[str], text: str) -> bool:
    """Context checks the regex cannot express: counts, bare plurals, names."""
    rule = match.lastgroup
    if rule in ("year", "year_adj", "decade"):
        following = _NEXT_WORD.match(text, match.end())
        if following and (following.group(1).lower() in _COUNT_NOUNS or following.group(1) == "%"):
            return False
    elif rule == "rel" and match.group("rel_n") is None and match.group("rel_v") is None:
        before = _PREV_WORD.search(text, max(0, match.start() - 40), match.start())
        if before and before.group(1).lower() in _VAGUE_BEFORE:
            return False
    elif rule == "weekday" and match.group("wd_mod") is None and match.start("wd_d") == match.start():
        before = _PREV_WORD.search(text, max(0, match.start() - 40), match.start())
        if before and before.group(1) in _NAMED_DAYS:
            return False  # "Super Tuesday", "Palm Sunday": names, not dates
    elif rule == "month_rel" and match.group("mr_m") == "May" and match.group("mr_mod") is None:
        # "in May" the month, or "confidence in May" the prime minister?
        following = _NEXT_WORD.match(text, match.end())
        if following and following.start(1) == match.end() + 1 and following.group(1) not in _AFTER_MAY:
            return False
    elif rule == "docrel" and match.group(0).startswith("Today"):
        before = _PREV_WORD.search(text, max(0, match.start() - 40), match.start())
        if before and before.group(1)[:1].isupper():
            return False  # "Russia Today", "USA Today"
    return True


def scan(text: str) -> Iterator[re.Match[str]]:
    """The accepted, non-overlapping date-expression matches in ``text``, in reading order."""
    last_end = 0
    tried: set[int] = set()
    for trigger in _TRIGGER.finditer(text):
        if trigger.start() < last_end:
            continue
        low = max(last_end, trigger.start() - _LOOKBACK_CHARS)
        starts = [m.start() for m in _WORD_START.finditer(text, low, trigger.start() + 1)]
        for start in starts[-_LOOKBACK_WORDS:]:
            if start < last_end or start in tried:
                continue
            tried.add(start)
            first = text[start]
            if not (first.isdigit() or first in "'\u2019"):
                word = _FIRST_WORD.match(text, start)
                if word is None or word.group(0).lower() not in _START_WORDS:
                    continue
            match = _MASTER.match(text, start)
            if match is not None and _accept(match, text):
                last_end = match.end()
                yield match

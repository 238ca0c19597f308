"""Lookup keys of names and titles: how two spellings of one name come to be equal.

Every gazetteer lookup is a dict access on one of these keys, because it runs for every
entity mention: :func:`normalize` for names, :func:`surname_keys` and
:func:`first_last_key` for people, :func:`title_keys` for role titles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "GIVEN_FORMS",
    "LEADER_TITLES",
    "PARTICLES",
    "first_last_key",
    "normalize",
    "surname_keys",
    "title_keys",
]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_ACRONYM = re.compile(r"\b(\w)\.")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/.,;:!?\"()\[\]]+")
PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "at", "bin", "ibn", "van", "von", "de", "da", "di", "del", "la", "le"}
)
_SUFFIX = re.compile(r"jr|sr|(?!xi$)[ivx]+")  # "Jr.", "Charles III", "Leo XIV"

#: the forms of one given name news uses for the same person ("Mike Pence", "Michael Richard Pence"):
#: each group's forms stand for one another (only names of one sex; "Pat", "Alex" and "Sam" are not here)
_GIVEN_GROUPS = (
    "michael mike", "william bill billy will", "robert bob bobby rob", "james jim jimmy", "thomas tom tommy",
    "joseph joe", "richard dick rick", "bernard bernie", "charles chuck charlie", "edward ed ted",
    "benjamin ben", "daniel dan danny", "david dave", "anthony tony", "stephen steven steve",
    "nicholas nick", "ronald ron", "donald don", "jeffrey jeff", "matthew matt", "christopher chris",
    "andrew andy", "timothy tim", "gregory greg", "lawrence larry", "gerald jerry", "elizabeth liz",
    "katherine kate", "john jack", "henry hank", "rudolph rudy", "peter pete", "frederick fred",
    "jonathan jon", "nathan nate", "joshua josh", "kenneth ken", "douglas doug", "gerhard gerd",
)  # fmt: skip
GIVEN_FORMS: dict[str, frozenset[str]] = {
    name: frozenset(group.split()) - {name} for group in _GIVEN_GROUPS for name in group.split()
}

# loose role titles: every spelling in a group matches every other
_TITLE_GROUPS = tuple(
    frozenset(group.split("|"))
    for group in (
        "president",
        "prime minister|premier|pm|head of government",
        "foreign minister|foreign secretary|secretary of state|minister of foreign affairs",
        "defense minister|defence minister|minister of defense|minister of defence|secretary of defense",
        "king|queen|monarch",
        "emir|amir",
        "supreme leader",
        "chancellor",
    )
)
# titles that stand for whoever leads the country, tried in this order
LEADER_TITLES = tuple(
    "president|supreme leader|king|queen|emir|sultan|head of state|general secretary".split("|")
)


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The lookup key of a name: casefolded, no diacritics, no leading "the", no trailing "'s".

    ``"the U.S."`` and ``"US"`` give the same key, as do ``"al-Assad's"`` and ``"Al Assad"``.
    Cached: every mention's lookup asks for it, mostly of names met before.
    """
    s = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold().strip()
    s = _ACRONYM.sub(r"\1", s)
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("'"):
        s = s[:-1]
    s = _SEPARATORS.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def surname_keys(name: str) -> set[str]:
    """Surname keys of a person's name: the last token, and "al assad" besides "assad"."""
    tokens = normalize(name).split()
    while len(tokens) > 1 and _SUFFIX.fullmatch(tokens[-1]):
        tokens.pop()
    if len(tokens) < 2:
        return set()
    keys = {tokens[-1]}
    if len(tokens) >= 3 and tokens[-2] in PARTICLES:
        keys.add(f"{tokens[-2]} {tokens[-1]}")
    return keys


def first_last_key(name: str) -> str | None:
    """ "omar bashir" for "Omar Hassan al-Bashir": the first and last names, particles and suffixes dropped."""
    tokens = [t for t in normalize(name).split() if t not in PARTICLES]
    while len(tokens) > 1 and _SUFFIX.fullmatch(tokens[-1]):
        tokens.pop()
    return f"{tokens[0]} {tokens[-1]}" if len(tokens) >= 2 else None


def title_keys(title: str) -> frozenset[str]:
    """The keys a role title matches: its loose group ("premier" is "prime minister"), else itself."""
    key = normalize(title)
    for group in _TITLE_GROUPS:
        if key in group:
            return group
    return frozenset({key})

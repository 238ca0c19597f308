"""The TABARI/CAMEO notation both actor dictionaries share.

A CAMEO actor code such as ``RUSGOV`` is country ``RUS`` and sector ``GOV``; a
``[CODE date-range]`` restriction (``[SYRGOV 000717-241208]``) dates a code, and a dated
code becomes a role. Entries are dicts in the gazetteer schema
(:mod:`patronage.resolve.entries`).
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from patronage.errors import InputError
from patronage.resolve.entries import MAX_NAME_CHARS
from patronage.resolve.gazetteer import Gazetteer

__all__ = [
    "BRACKET",
    "SECTOR_TITLES",
    "Entry",
    "code_role",
    "date_range",
    "iso_date",
    "known_countries",
    "parse_code",
    "pretty_name",
    "restriction",
]

Entry = dict[str, Any]

_CODE = re.compile(r"[A-Z][A-Z0-9]*")
_RESTRICTION = re.compile(r"^(?P<code>\S+)(?:\s+(?P<range>.+?))?\s*$")
BRACKET = re.compile(r"\[([^\[\]]*)\]")
SECTOR_TITLES = {
    "GOV": "government",
    "MIL": "military",
    "ELI": "elite",
    "OPP": "opposition",
    "REB": "rebel",
    "JUD": "judiciary",
    "LEG": "legislature",
    "COP": "police",
    "BUS": "business",
    "MED": "media",
    "IGO": "international organization",
    "NGO": "non-governmental organization",
    "SPY": "intelligence",
    "PTY": "party",
    "CVL": "civilian",
    "REL": "religious",
    "LAB": "labor",
    "EDU": "education",
}


def known_countries() -> frozenset[str]:
    """The ISO3 codes of the packaged gazetteer's countries."""
    return frozenset(e.country for e in Gazetteer.load() if e.kind == "country" and e.country)


def parse_code(code: str, countries: frozenset[str] | None = None) -> tuple[str | None, str | None]:
    """Split a CAMEO actor code into (ISO3 country, sector): ``RUSGOV`` -> ("RUS", "GOV")."""
    known = known_countries() if countries is None else countries
    letters = re.sub(r"[^A-Z]", "", code.upper())
    if letters[:3] in known:
        return letters[:3], letters[3:6] if len(letters) >= 6 else None
    return None, letters[:3] if len(letters) >= 3 else None


def pretty_name(phrase: str) -> str:
    """``BASHAR_AL-ASSAD_`` -> ``Bashar Al-Assad``; words already in mixed case stay.

    A phrase longer than a gazetteer name may be (:data:`MAX_NAME_CHARS`) gives "", no name: one
    endless dictionary line would otherwise make a gazetteer that every run refuses.
    """
    if len(phrase) > MAX_NAME_CHARS:
        return ""
    words = re.sub(r"[_\s]+", " ", phrase.replace("[", "").replace("]", "")).strip().split(" ")
    out = []
    for word in words:
        if word.isupper() or word.islower():
            word = re.sub(r"(^|[-/(])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word.lower())
        out.append(word)
    return " ".join(w for w in out if w)


def iso_date(text: str, where: str, *, end: bool = False) -> str:
    """``000717`` or ``20000717`` as ISO; day 31 of a short month is its last day."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise InputError(f"{where}: bad date {text!r} (want YYMMDD or YYYYMMDD)")
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy < 30 else 1900 + yy}{digits[2:]}"
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    if not 1 <= month <= 12 or day > 31:
        raise InputError(f"{where}: bad date {text!r}")
    if day == 0:
        day = calendar.monthrange(year, month)[1] if end else 1
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_range(text: str | None, where: str) -> tuple[str | None, str | None]:
    """A TABARI date restriction: ``<date``, ``>date``, ``date-date`` (or one bare date: a start)."""
    if not text:
        return None, None
    t = text.replace(" ", "")
    if t.startswith("<"):
        return None, iso_date(t[1:], where, end=True)
    if t.startswith(">"):
        return iso_date(t[1:], where), None
    if "-" in t:
        a, b = t.split("-", 1)
        start, end = iso_date(a, where), iso_date(b, where, end=True)
        if end < start:
            raise InputError(f"{where}: date range {text!r} ends before it starts")
        return start, end
    return iso_date(t, where), None


def restriction(body: str, where: str, strict: bool) -> tuple[str, str | None, str | None] | None:
    """``SYRGOV 000717-241208`` -> (code, start, end); None for null codes (``---``)."""
    m = _RESTRICTION.match(body.strip())
    if m is None or m.group("code").strip("-+~") == "":
        return None
    code = m.group("code").upper()
    if not _CODE.fullmatch(code):
        if strict:
            raise InputError(f"{where}: bad actor code {code!r}")
        return None
    try:
        start, end = date_range(m.group("range"), where)
    except InputError:
        if strict:
            raise
        return code, None, None
    return code, start, end


def code_role(code: str, start: str | None, end: str | None, countries: frozenset[str]) -> dict[str, Any]:
    country, sector = parse_code(code, countries)
    role: dict[str, Any] = {"title": SECTOR_TITLES.get(sector or "", (sector or code).lower())}
    if country:
        role["of"] = country
    if start:
        role["start"] = start
    if end:
        role["end"] = end
    return role

"""CountryInfo as gazetteer entries.

``<Country>`` blocks with ISO3 code, name, nationality adjectives, capital, cities, dated
``<Leaders>`` and coded ``<Government>`` members become country, person, city and region
entries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from patronage.errors import InputError
from patronage.resolve.importers.files import read_lines, unique_ids
from patronage.resolve.importers.notation import (
    BRACKET,
    Entry,
    code_role,
    date_range,
    known_countries,
    parse_code,
    pretty_name,
    restriction,
)
from patronage.resolve.keys import normalize

__all__ = ["import_countryinfo"]


def _names(text: str) -> list[str]:
    """``{A_}{B_}`` -> [A, B]; a plain phrase -> [phrase]."""
    parts = re.findall(r"\{([^{}]*)\}", text)
    names = parts or [text]
    return [p for p in (pretty_name(n) for n in names) if p]


def _title(tag: str) -> str:
    """``Prime ministers`` -> ``prime minister``; ``Kings/QUEENS`` -> ``king``."""
    word = tag.split("/")[0].replace("_", " ").strip().lower()
    head, _, tail = word.partition(" of ")
    first, *rest = head.split(" ")
    if rest:
        last = rest[-1]
        rest[-1] = last[:-3] + "man" if last.endswith("men") else last[:-1] if last.endswith("s") else last
    else:
        first = first[:-3] + "man" if first.endswith("men") else first[:-1] if first.endswith("s") else first
    out = " ".join([first, *rest])
    return f"{out} of {tail}" if tail else out


class _Country:
    """The state of one ``<Country>`` block while parsing CountryInfo."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.people: dict[str, Entry] = {}


def import_countryinfo(path: Path, *, strict: bool = False) -> list[Entry]:
    """Convert a CountryInfo file into country, person, city and region entries.

    Raises :class:`InputError` (with the line number) for an unreadable file, a
    file with no ``<Country>`` block, or, with ``strict``, text outside a country
    or a leader or government line whose dates cannot be read.
    """
    lines = read_lines(path)
    countries = known_countries()
    blocks: list[_Country] = []
    current: _Country | None = None
    stack: list[str] = []
    in_comment = False
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        line = raw.strip()
        if in_comment:
            in_comment = "</Comment>" not in line and "-->" not in line
            continue
        if line.startswith(("<!--", "<Comment>")):
            in_comment = "-->" not in line and "</Comment>" not in line
            continue
        body, _, comment = raw.partition("#")
        line = body.strip()
        if not line or line.startswith("<Doc>"):
            continue
        if line == "<Country>":
            current, stack = _Country(), []
            blocks.append(current)
            continue
        if line == "</Country>":
            current = None
            continue
        if current is None:
            # the public file has stray closing tags between blocks
            if strict and not re.fullmatch(r"</[^>]+>", line):
                raise InputError(f"{where}: {line[:40]!r} outside a <Country> block")
            continue
        inline = re.fullmatch(r"<([^/>][^>]*)>(.*)</\1>", line)
        if inline:
            current.fields.setdefault(inline.group(1), []).append(inline.group(2).strip())
        elif re.fullmatch(r"</[^>]+>", line):
            if stack and stack[-1] == line[2:-1]:
                stack.pop()
        elif re.fullmatch(r"<[^>]+>", line):
            stack.append(line[1:-1])
        elif stack and stack[0] == "Leaders" and len(stack) > 1:
            _leader(current, line, _title(stack[-1]), where, strict, countries)
        elif stack and stack[0] == "Government":
            _member(current, line, comment.strip(), where, strict, countries)
        elif stack:
            current.fields.setdefault(stack[-1], []).append(line)
    if not blocks:
        raise InputError("no <Country> block: not a CountryInfo file", source=str(path))
    return _countryinfo_entries(blocks)


def _person(country: _Country, names: list[str], iso: str | None) -> Entry:
    key = normalize(names[0])
    person = country.people.get(key)
    if person is None:
        person = {"name": names[0], "kind": "person", "sector": "GOV", "aliases": [], "roles": []}
        if iso:
            person["country"] = iso
        country.people[key] = person
    for alias in names[1:]:
        if alias not in person["aliases"]:
            person["aliases"].append(alias)
    return person


def _leader(
    country: _Country, line: str, title: str, where: str, strict: bool, countries: frozenset[str]
) -> None:
    names = _names(BRACKET.sub(" ", line))
    iso = (country.fields.get("CountryCode") or [""])[0] or None
    dates = [b for b in BRACKET.findall(line) if not re.match(r"\s*[BD]:", b)]
    if not names:
        return
    person = _person(country, names, iso if iso in countries else None)
    for body in dates or [""]:
        try:
            start, end = date_range(body.strip() or None, where)
        except InputError:
            if strict:
                raise
            start = end = None
        role: dict[str, Any] = {"title": title}
        if iso in countries:
            role["of"] = iso
        role.update({k: v for k, v in (("start", start), ("end", end)) if v})
        person["roles"].append(role)


def _member(
    country: _Country, line: str, comment: str, where: str, strict: bool, countries: frozenset[str]
) -> None:
    names = _names(BRACKET.sub(" ", line))
    found = [r for r in (restriction(b, where, strict) for b in BRACKET.findall(line)) if r]
    if not names or not found:
        if strict:
            raise InputError(f"{where}: a government line needs a name and a [CODE dates] restriction")
        return
    titles = [t.strip() for t in comment.split("&")] if comment else []
    code_country = parse_code(found[0][0], countries)[0]
    person = _person(country, names, code_country)
    for i, (code, start, end) in enumerate(found):
        role = code_role(code, start, end, countries)
        if titles:
            role["title"] = (titles[i] if len(titles) == len(found) else comment).lower()
        person["roles"].append(role)


def _countryinfo_entries(blocks: list[_Country]) -> list[Entry]:
    out: list[Entry] = []
    places: list[Entry] = []
    for block in blocks:
        f = block.fields
        iso = (f.get("CountryCode") or f.get("ISO3166-alpha3") or [""])[0].strip()
        name = pretty_name((f.get("CountryName") or [""])[0])
        if not re.fullmatch(r"[A-Z]{3}", iso) or not name:
            continue
        entry: Entry = {"name": name, "kind": "country", "country": iso}
        demonyms = list(dict.fromkeys(n for x in f.get("Nationality", []) for n in _names(x)))
        capitals = [n for x in f.get("Capital", []) for n in _names(x)]
        if demonyms:
            entry["demonyms"] = demonyms
        if capitals:
            entry["capital"] = capitals[0]
            places.append({"name": capitals[0], "kind": "city", "country": iso, "aliases": capitals[1:]})
        out.append(entry)
        for tag, kind in (("MajorCities", "city"), ("Regions", "region")):
            for place in dict.fromkeys(n for x in f.get(tag, []) for n in _names(x)):
                if place not in capitals:
                    places.append({"name": place, "kind": kind, "country": iso})
        for person in block.people.values():
            if not person["aliases"]:
                del person["aliases"]
            if not person["roles"]:
                del person["roles"]
            out.append(person)
    return unique_ids(out, "countryinfo") + places

"""Importers for the actor dictionaries analysts already have.

* Phoenix/PETRARCH ``.actors`` files: a primary phrase (``_`` for spaces), ``+``
  synonyms, and ``[CODE date-range]`` restrictions inline or on tab-indented lines.
  A CAMEO code such as ``RUSGOV`` becomes country ``RUS`` and sector ``GOV``; a dated
  code becomes a role.
* CountryInfo: ``<Country>`` blocks with ISO3 code, name, nationality adjectives,
  capital, cities, dated ``<Leaders>`` and coded ``<Government>`` members.

Both return entries in the gazetteer schema; :func:`write_entries` writes them as
YAML that ``Gazetteer.load(extra=[path])`` accepts. Ids are namespaced
(``phoenix/...``, ``countryinfo/...``) so they never clash with the packaged ones.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from patronage.errors import InputError
from patronage.resolve.gazetteer import Gazetteer, normalize

__all__ = ["import_countryinfo", "import_phoenix", "parse_code", "write_entries"]

Entry = dict[str, Any]
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_CODE = re.compile(r"[A-Z][A-Z0-9]*")
_RESTRICTION = re.compile(r"^(?P<code>\S+)(?:\s+(?P<range>.+?))?\s*$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]")
_GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "IMG", "RAD"})
_SECTOR_TITLES = {
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


def _countries() -> frozenset[str]:
    return frozenset(e.country for e in Gazetteer.load() if e.kind == "country" and e.country)


def parse_code(code: str, countries: frozenset[str] | None = None) -> tuple[str | None, str | None]:
    """Split a CAMEO actor code into (ISO3 country, sector): ``RUSGOV`` -> ("RUS", "GOV")."""
    known = _countries() if countries is None else countries
    letters = re.sub(r"[^A-Z]", "", code.upper())
    if letters[:3] in known:
        return letters[:3], letters[3:6] if len(letters) >= 6 else None
    return None, letters[:3] if len(letters) >= 3 else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "x"


def _pretty(phrase: str) -> str:
    """``BASHAR_AL-ASSAD_`` -> ``Bashar Al-Assad``; words already in mixed case stay."""
    words = re.sub(r"[_\s]+", " ", phrase.replace("[", "").replace("]", "")).strip().split(" ")
    out = []
    for word in words:
        if word.isupper() or word.islower():
            word = re.sub(r"(^|[-/(])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word.lower())
        out.append(word)
    return " ".join(w for w in out if w)


def _date(text: str, where: str, *, end: bool = False) -> str:
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


def _range(text: str | None, where: str) -> tuple[str | None, str | None]:
    """A TABARI date restriction: ``<date``, ``>date``, ``date-date`` (or one bare date: a start)."""
    if not text:
        return None, None
    t = text.replace(" ", "")
    if t.startswith("<"):
        return None, _date(t[1:], where, end=True)
    if t.startswith(">"):
        return _date(t[1:], where), None
    if "-" in t:
        a, b = t.split("-", 1)
        start, end = _date(a, where), _date(b, where, end=True)
        if end < start:
            raise InputError(f"{where}: date range {text!r} ends before it starts")
        return start, end
    return _date(t, where), None


def _restriction(body: str, where: str, strict: bool) -> tuple[str, str | None, str | None] | None:
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
        start, end = _range(m.group("range"), where)
    except InputError:
        if strict:
            raise
        return code, None, None
    return code, start, end


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def _role(code: str, start: str | None, end: str | None, countries: frozenset[str]) -> dict[str, Any]:
    country, sector = parse_code(code, countries)
    role: dict[str, Any] = {"title": _SECTOR_TITLES.get(sector or "", (sector or code).lower())}
    if country:
        role["of"] = country
    if start:
        role["start"] = start
    if end:
        role["end"] = end
    return role


def _phoenix_entry(
    names: list[str], codes: list[tuple[str, str | None, str | None]], source: str, countries: frozenset[str]
) -> Entry | None:
    pretty = [p for p in (_pretty(n) for n in names) if p]
    if not pretty or not codes:
        return None
    dated = [c for c in codes if c[1] or c[2]]
    # the code in force last (open-ended first, then latest end) gives country and sector
    main = max(dated, key=lambda c: (c[2] is None, c[2] or "", c[1] or ""))[0] if dated else codes[0][0]
    country, sector = parse_code(main, countries)
    if dated or "countryinfo" in source.casefold():
        kind = "person"
    elif len(main) == 3 and country == main:
        kind = "country"
    elif sector in _GROUP_SECTORS or main[:3] in _GROUP_SECTORS:
        kind = "group"
    else:
        kind = "organization"
    entry: Entry = {"name": pretty[0], "kind": kind}
    if country:
        entry["country"] = country
    if sector and kind != "country":
        entry["sector"] = sector
    aliases = sorted({p for p in pretty[1:] if normalize(p) != normalize(pretty[0])}, key=pretty.index)
    if aliases:
        entry["aliases"] = aliases
    if dated and kind == "person":
        entry["roles"] = [_role(c, s, e, countries) for c, s, e in dated]
    return entry


def import_phoenix(path: Path, *, strict: bool = False) -> list[Entry]:
    """Convert a Phoenix/PETRARCH ``.actors`` dictionary into gazetteer entries.

    Raises :class:`InputError` (with the line number) for an unreadable file, a
    synonym or date line before any actor, or, with ``strict``, a bad code or date
    (by default those single restrictions are skipped, as the public files have a few).
    """
    lines = _read_lines(path)
    countries = _countries()
    entries: list[Entry] = []
    names: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []
    comment = ""

    def flush() -> None:
        entry = _phoenix_entry(names, codes, comment, countries)
        if entry is not None:
            entries.append(entry)

    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        line = _strip_comment(raw)
        if not line.strip():
            continue
        brackets = [_restriction(b, where, strict) for b in _BRACKET.findall(line)]
        found = [b for b in brackets if b is not None]
        text = _BRACKET.sub(" ", line)
        if "{" in text and strict:
            raise InputError(f"{where}: unexpected '{{' in an actor line")
        if line.startswith("+"):
            if not names:
                raise InputError(f"{where}: synonym before any actor")
            names.append(text[1:].strip())
            codes.extend(found)
        elif line[0] in " \t" and not text.strip():
            if not names:
                raise InputError(f"{where}: date restriction before any actor")
            codes.extend(found)
        else:
            if line[0] in " \t" and strict:
                raise InputError(f"{where}: indented line holds a name")
            flush()
            names, codes, comment = [text.strip()], list(found), raw[len(line) :]
    flush()
    return _unique_ids(entries, "phoenix")


def _unique_ids(entries: list[Entry], prefix: str) -> list[Entry]:
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        kind = "place" if entry["kind"] in ("city", "region") else entry["kind"]
        base = f"{prefix}/{kind}/{_slug(entry['name'])}"
        seen[base] = seen.get(base, 0) + 1
        if kind != "place":
            entry = {"id": base if seen[base] == 1 else f"{base}-{seen[base]}", **entry}
        out.append(entry)
    return out


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read dictionary: {exc.strerror or exc}", source=str(path)) from exc
    return [_CONTROL.sub("", line) for line in text.splitlines()]


def _names(text: str) -> list[str]:
    """``{A_}{B_}`` -> [A, B]; a plain phrase -> [phrase]."""
    parts = re.findall(r"\{([^{}]*)\}", text)
    names = parts or [text]
    return [p for p in (_pretty(n) for n in names) if p]


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
    lines = _read_lines(path)
    countries = _countries()
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
    names = _names(_BRACKET.sub(" ", line))
    iso = (country.fields.get("CountryCode") or [""])[0] or None
    dates = [b for b in _BRACKET.findall(line) if not re.match(r"\s*[BD]:", b)]
    if not names:
        return
    person = _person(country, names, iso if iso in countries else None)
    for body in dates or [""]:
        try:
            start, end = _range(body.strip() or None, where)
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
    names = _names(_BRACKET.sub(" ", line))
    found = [r for r in (_restriction(b, where, strict) for b in _BRACKET.findall(line)) if r]
    if not names or not found:
        if strict:
            raise InputError(f"{where}: a government line needs a name and a [CODE dates] restriction")
        return
    titles = [t.strip() for t in comment.split("&")] if comment else []
    code_country = parse_code(found[0][0], countries)[0]
    person = _person(country, names, code_country)
    for i, (code, start, end) in enumerate(found):
        role = _role(code, start, end, countries)
        if titles:
            role["title"] = (titles[i] if len(titles) == len(found) else comment).lower()
        person["roles"].append(role)


def _countryinfo_entries(blocks: list[_Country]) -> list[Entry]:
    out: list[Entry] = []
    places: list[Entry] = []
    for block in blocks:
        f = block.fields
        iso = (f.get("CountryCode") or f.get("ISO3166-alpha3") or [""])[0].strip()
        name = _pretty((f.get("CountryName") or [""])[0])
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
    return _unique_ids(out, "countryinfo") + places


_ORDER = ("id", "name", "kind", "wikidata", "country", "sector", "gender", "aliases", "surname", "roles")


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
        return {k: _clean(value[k]) for k in keys if value[k] not in (None, [], "")}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def write_entries(entries: list[Entry], out: Path, *, sort: Callable[[Entry], Any] | None = None) -> int:
    """Write entries as gazetteer YAML to ``out``; returns how many were written."""
    items = [_clean(e) for e in (sorted(entries, key=sort) if sort else entries)]
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            fh.write("# gazetteer entries written by patronage.resolve.importers\n")
            yaml.dump(items, fh, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    except OSError as exc:
        raise InputError(f"cannot write gazetteer file: {exc.strerror or exc}", source=str(out)) from exc
    return len(items)

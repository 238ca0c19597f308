"""Phoenix/PETRARCH ``.actors`` dictionaries as gazetteer entries.

A primary phrase (``_`` for spaces), ``+`` synonyms, and ``[CODE date-range]``
restrictions inline or on tab-indented lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from patronage.errors import InputError
from patronage.resolve.importers.files import read_lines, unique_ids
from patronage.resolve.importers.notation import (
    BRACKET,
    Entry,
    code_role,
    known_countries,
    parse_code,
    pretty_name,
    restriction,
)
from patronage.resolve.keys import normalize

__all__ = ["import_phoenix"]

_GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "IMG", "RAD"})


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def _phoenix_entry(
    names: list[str], codes: list[tuple[str, str | None, str | None]], source: str, countries: frozenset[str]
) -> Entry | None:
    pretty = [p for p in (pretty_name(n) for n in names) if p]
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
    first = {name: i for i, name in reversed(list(enumerate(pretty)))}  # one lookup per alias, not a scan
    aliases = sorted({p for p in pretty[1:] if normalize(p) != normalize(pretty[0])}, key=first.__getitem__)
    if aliases:
        entry["aliases"] = aliases
    if dated and kind == "person":
        entry["roles"] = [code_role(c, s, e, countries) for c, s, e in dated]
    return entry


def import_phoenix(path: Path, *, strict: bool = False) -> list[Entry]:
    """Convert a Phoenix/PETRARCH ``.actors`` dictionary into gazetteer entries.

    Raises :class:`InputError` (with the line number) for an unreadable file, a
    synonym or date line before any actor, or, with ``strict``, a bad code or date
    (by default those single restrictions are skipped, as the public files have a few).
    """
    lines = read_lines(path)
    countries = known_countries()
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
        brackets = [restriction(b, where, strict) for b in BRACKET.findall(line)]
        found = [b for b in brackets if b is not None]
        text = BRACKET.sub(" ", line)
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
    return unique_ids(entries, "phoenix")

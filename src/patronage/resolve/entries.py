"""Gazetteer entries: the YAML files' schema, read and validated into entry records.

Each YAML file is a list of entries. Entries of kind ``person``, ``country``,
``organization`` or ``group`` are actors (:class:`GazetteerEntry`); entries of kind
``city`` or ``region`` are places. :func:`parse_entries` raises
:class:`~patronage.errors.ModelError` naming the file and entry for unknown keys, missing
or bad values and duplicate ids.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import yaml

from patronage.errors import InputError, ModelError
from patronage.model.records import Role
from patronage.model.yamldata import SAFE_LOADER

__all__ = [
    "ACTOR_KINDS",
    "PLACE_KINDS",
    "GazetteerEntry",
    "RawFile",
    "date_bound",
    "parse_entries",
    "read_yaml",
]

ACTOR_KINDS = frozenset({"person", "country", "organization", "group"})
PLACE_KINDS = frozenset({"city", "region"})
_KEYS = frozenset(
    {"id", "name", "kind", "country", "sector", "wikidata", "gender", "aliases", "roles", "surname"}
)
_COUNTRY_KEYS = frozenset({"demonyms", "capital", "metonyms"})
_PLACE_KEYS = frozenset({"id", "name", "kind", "country", "aliases"})
_ROLE_KEYS = frozenset({"title", "of", "start", "end"})
_ISO3 = re.compile(r"[A-Z]{3}")
_QID = re.compile(r"Q[1-9][0-9]*")
_SECTOR = re.compile(r"(?:[A-Z]{3})+")
_ROLE_OF = re.compile(r"[A-Z]{3}|[a-z]+/[a-z0-9-]+")


class _Loader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """A safe YAML loader that keeps dates as text, so a bad one is ours to report."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One actor of the gazetteer (a person, country, organization or group), as :func:`parse_entries`
    validates it: every field given, ``None`` or empty where the file says nothing."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None
    gender: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[tuple[str, str], ...]
    surname: str | None


def date_bound(value: str | None, *, end: bool) -> dt.date | None:
    """The first (or, for an end, last) day a partial ISO date covers."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)


RawFile = tuple[str, list[Any]]


#: the longest name or alias of a gazetteer entry
MAX_NAME_CHARS = 500
#: the most aliases of one entry (the packaged and Phoenix entries have a few dozen at most)
MAX_ALIASES = 1_000
#: the most names and aliases of all gazetteer files together: YAML anchors let a small file repeat one
#: list of names under every entry, and each name costs time to index (500,000 names: about 40 s)
MAX_NAMES = 500_000

#: the largest gazetteer file read (the packaged ones are a few MB; a full Phoenix import some tens)
MAX_GAZETTEER_BYTES = 64 * 1024 * 1024


def read_yaml(path: Path) -> RawFile:
    """Read one gazetteer YAML file: a list of entries (an empty file is an empty list)."""
    from patronage.ingest.files import read_regular

    try:
        # a regular file of bounded size: a FIFO would block for good, /dev/zero never end
        text = read_regular(path, MAX_GAZETTEER_BYTES).decode("utf-8")
        data = _load_list(text)
    except InputError as exc:
        raise ModelError(f"cannot read gazetteer file: {exc.message}", source=str(path)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        # one line: a YAML error spans three (the problem, its line, a caret under the column)
        reason = " ".join(str(exc).split())[:500]
        raise ModelError(f"cannot read gazetteer file: {reason}", source=str(path)) from exc
    if data is None:
        data = []
    if not isinstance(data, list):
        raise ModelError("a gazetteer file must be a list of entries", source=str(path))
    return str(path), data


_ITEM_START = re.compile(r"^-(?=[ \t\r\n]|$)", re.MULTILINE)
#: entries parsed at once: the YAML node graph of a whole 10 MB file took about 500 MB
_ITEMS_AT_ONCE = 500


def _load_list(text: str) -> object:
    """The YAML document in ``text``; a top-level block list is parsed a few hundred entries at a time.

    Entries of a top-level block sequence start at column 0 with ``-``; the text is cut there
    into runs of entries, each parsed on its own. When any run does not parse (an alias to an
    anchor in another run, a quoted scalar across a cut) the whole text is parsed instead, so
    the result and any error message are those of the whole document.
    """
    starts = [m.start() for m in _ITEM_START.finditer(text)]
    head = [line.strip() for line in text[: starts[0] if starts else 0].splitlines() if line.strip()]
    if len(starts) <= _ITEMS_AT_ONCE or any(not (line.startswith("#") or line == "---") for line in head):
        return yaml.load(text, Loader=_Loader)
    out: list[object] = []
    bounds = [*starts[::_ITEMS_AT_ONCE], len(text)]
    try:
        for begin, end in zip(bounds, bounds[1:], strict=False):
            part = yaml.load(text[begin:end], Loader=_Loader)
            if not isinstance(part, list):
                return yaml.load(text, Loader=_Loader)
            out.extend(part)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)
    return out


class _Check:
    """Raises :class:`ModelError` naming the file and the entry being validated."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.where = ""

    def fail(self, message: str) -> NoReturn:
        raise ModelError(f"{self.where}: {message}", source=self.source)

    def date(self, value: object) -> str | None:
        """A role date as ISO text; YAML turns 2000-05-07 into a date and 2014 into an int."""
        if value is None or isinstance(value, dt.date):
            return value.isoformat() if value is not None else None
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        match = _DATE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            self.fail(f"bad date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
        try:
            dt.date(*(int(g) if g else 1 for g in match.groups()))
        except ValueError as exc:
            self.fail(f"bad date {value!r}: {exc}")
        return str(text)

    def strings(self, value: object, key: str) -> tuple[str, ...]:
        value = [value] if isinstance(value, str) else [] if value is None else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{key} must be a list of non-empty strings")
        if len(value) > MAX_ALIASES:
            self.fail(f"{key}: more than {MAX_ALIASES:,} ({len(value):,})")
        for v in value:
            self.name(v, key)
        return tuple(value)

    def name(self, value: str, key: str) -> None:
        """A name longer than :data:`MAX_NAME_CHARS` is refused when the file is read, not when an
        article meets it (a 50-million-character alias failed every article in spaCy)."""
        if len(value) > MAX_NAME_CHARS:
            self.fail(f"{key} longer than {MAX_NAME_CHARS} characters ({len(value):,})")

    def match(self, value: object, pattern: re.Pattern[str], what: str) -> str | None:
        if value is not None and not (isinstance(value, str) and pattern.fullmatch(value)):
            self.fail(f"bad {what} {value!r}")
        return value

    def roles(self, value: object) -> tuple[Role, ...]:
        out: list[Role] = []
        for raw in self.list(value, "roles"):
            if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or set(raw) - _ROLE_KEYS:
                self.fail(f"a role is a mapping of {sorted(_ROLE_KEYS)} with a title, not {raw!r}")
            of = self.match(raw.get("of"), _ROLE_OF, "role 'of' (an ISO3 code or an entry id)")
            start, end = self.date(raw.get("start")), self.date(raw.get("end"))
            if start and end and date_bound(start, end=False) > date_bound(end, end=True):  # type: ignore[operator]
                self.fail(f"role {raw['title']!r} ends before it starts")
            out.append(Role(raw["title"], of, start, end, "gazetteer"))
        return tuple(out)

    def metonyms(self, value: object) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for raw in self.list(value, "metonyms"):
            if isinstance(raw, str):
                out.append((raw, "GOV"))
            elif (
                isinstance(raw, dict) and isinstance(raw.get("text"), str) and set(raw) <= {"text", "sector"}
            ):
                out.append((raw["text"], str(self.match(raw.get("sector"), _SECTOR, "sector") or "GOV")))
            else:
                self.fail("a metonym is a string or {text, sector}")
        return tuple(out)

    def list(self, value: object, key: str) -> list[Any]:
        if value is not None and not isinstance(value, list):
            self.fail(f"{key} must be a list")
        return value or []


def parse_entries(raw: RawFile, seen: dict[str, str]) -> list[dict[str, Any]]:
    """Validate the entries of one file into keyword dicts; ``seen`` maps ids to their file."""
    source, items = raw
    check = _Check(source)
    out: list[dict[str, Any]] = []
    for n, item in enumerate(items, 1):
        check.where = f"entry {n}"
        if not isinstance(item, dict):
            check.fail("an entry must be a mapping")
        name, kind, entry_id = item.get("name"), item.get("kind"), item.get("id")
        check.where = f"entry {n} ({str(entry_id or name)[:80]})"
        if not isinstance(name, str) or not name.strip():
            check.fail("missing name")
        check.name(name, "name")
        if kind not in ACTOR_KINDS | PLACE_KINDS:
            check.fail(f"bad kind {kind!r} (want one of {sorted(ACTOR_KINDS | PLACE_KINDS)})")
        allowed = (
            _PLACE_KEYS if kind in PLACE_KINDS else _KEYS | (_COUNTRY_KEYS if kind == "country" else set())
        )
        if set(item) - allowed:
            check.fail(f"unknown keys {sorted(set(item) - allowed)}")
        country = check.match(item.get("country"), _ISO3, "country (an ISO 3166 alpha-3 code)")
        aliases = check.strings(item.get("aliases"), "aliases")
        if kind in PLACE_KINDS:
            out.append({"name": name, "kind": kind, "country": country, "aliases": aliases})
            continue
        if not isinstance(entry_id, str) or not entry_id.strip():
            check.fail("missing id")
        if entry_id in seen:
            check.fail(f"duplicate id {entry_id!r} (first in {seen[entry_id]})")
        seen[entry_id] = source
        if item.get("gender") not in (None, "m", "f"):
            check.fail("gender must be m or f")
        for key in ("capital", "surname"):
            if not isinstance(item.get(key), str | None):
                check.fail(f"{key} must be a string")
        out.append({
            "id": entry_id, "name": name, "kind": kind, "country": country,
            "sector": check.match(item.get("sector"), _SECTOR, "sector"),
            "wikidata": check.match(item.get("wikidata"), _QID, "wikidata id"),
            "gender": item.get("gender"), "aliases": aliases, "roles": check.roles(item.get("roles")),
            "demonyms": check.strings(item.get("demonyms"), "demonyms"), "capital": item.get("capital"),
            "metonyms": check.metonyms(item.get("metonyms")), "surname": item.get("surname"),
        })  # fmt: skip
    return out

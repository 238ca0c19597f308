"""The actor gazetteer: packaged YAML of countries, people, organisations and places.

Each YAML file is a list of entries (schema in ``resolve/data/*.yaml``). Entries of
kind ``person``, ``country``, ``organization`` or ``group`` are actors; entries of
kind ``city`` or ``region`` are places. Every lookup is a dict access on a
normalised key (see :func:`normalize`), because it runs for every entity mention.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import yaml

from patronage.errors import ModelError
from patronage.model.records import Actor, Place, Role

__all__ = ["Gazetteer", "GazetteerEntry", "normalize", "parse_entries", "read_yaml", "surname_keys"]

_DATA_FILES = ("countries.yaml", "people.yaml", "organizations.yaml", "places.yaml")
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


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader that keeps dates as text, so a bad one is ours to report."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_ACRONYM = re.compile(r"\b(\w)\.")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/.,;:!?\"()\[\]]+")
_PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "at", "bin", "ibn", "van", "von", "de", "da", "di", "del", "la", "le"}
)
_SUFFIX = re.compile(r"jr|sr|(?!xi$)[ivx]+")  # "Jr.", "Charles III", "Leo XIV"

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
_LEADER_TITLES = tuple(
    "president|supreme leader|king|queen|emir|sultan|head of state|general secretary".split("|")
)


def normalize(text: str) -> str:
    """The lookup key of a name: casefolded, no diacritics, no leading "the", no trailing "'s".

    ``"the U.S."`` and ``"US"`` give the same key, as do ``"al-Assad's"`` and ``"Al Assad"``.
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
    if len(tokens) >= 3 and tokens[-2] in _PARTICLES:
        keys.add(f"{tokens[-2]} {tokens[-1]}")
    return keys


def first_last_key(name: str) -> str | None:
    """ "omar bashir" for "Omar Hassan al-Bashir": the first and last names, particles and suffixes dropped."""
    tokens = [t for t in normalize(name).split() if t not in _PARTICLES]
    while len(tokens) > 1 and _SUFFIX.fullmatch(tokens[-1]):
        tokens.pop()
    return f"{tokens[0]} {tokens[-1]}" if len(tokens) >= 2 else None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One actor of the gazetteer (a person, country, organization or group)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[tuple[str, str], ...] = ()
    surname: str | None = None


def _title_keys(title: str) -> frozenset[str]:
    key = normalize(title)
    for group in _TITLE_GROUPS:
        if key in group:
            return group
    return frozenset({key})


def _bound(value: str | None, *, end: bool) -> dt.date | None:
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


class Gazetteer:
    """Dict-indexed actors and places; build it with :meth:`load`."""

    def __init__(
        self, entries: Iterable[GazetteerEntry], places: Iterable[tuple[Place, Sequence[str]]] = ()
    ) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._alias: dict[str, list[GazetteerEntry]] = {}
        self._surname: dict[str, list[GazetteerEntry]] = {}
        self._first_last: dict[str, list[GazetteerEntry]] = {}
        self._demonym: dict[str, GazetteerEntry] = {}
        self._metonym: dict[str, tuple[GazetteerEntry, str]] = {}
        self._place: dict[str, Place] = {}
        self._roles: dict[tuple[str, str], list[tuple[GazetteerEntry, Role]]] = {}
        self._actors: dict[str, Actor] = {}
        for entry in entries:
            self._add(entry)
        for place, aliases in places:
            for text in (place.name, *aliases):
                self._place.setdefault(normalize(text), place)

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Gazetteer:
        """The packaged gazetteer plus ``extra`` YAML files of the same schema.

        Raises :class:`~patronage.errors.ModelError` naming the file and entry for
        unknown keys, missing or bad values and duplicate ids. The packaged files
        are read and validated once per process.
        """
        if not extra:
            return _packaged_gazetteer()
        items, seen = _packaged_items()
        seen = dict(seen)
        all_items = list(items)
        for path in extra:
            all_items.extend(parse_entries(read_yaml(Path(path)), seen))
        return cls._from_items(all_items)

    @classmethod
    def _from_items(cls, items: Iterable[dict[str, Any]]) -> Gazetteer:
        entries: list[GazetteerEntry] = []
        places: list[tuple[Place, Sequence[str]]] = []
        for item in items:
            if item["kind"] in ACTOR_KINDS:
                entries.append(GazetteerEntry(**item))
            else:
                places.append((Place(item["name"], item["country"]), item["aliases"]))
        return cls(entries, places)

    def _add(self, entry: GazetteerEntry) -> None:
        self._entries[entry.id] = entry
        for text in (entry.name, *entry.aliases):
            key = normalize(text)
            if key:
                bucket = self._alias.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        if entry.kind == "person":
            names = (entry.surname,) if entry.surname else (entry.name, *entry.aliases)
            for text in names:
                for key in surname_keys(text) if not entry.surname else {normalize(text)}:
                    bucket = self._surname.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
            for text in (entry.name, *entry.aliases):
                first_last = first_last_key(text)
                if first_last:
                    bucket = self._first_last.setdefault(first_last, [])
                    if entry not in bucket:
                        bucket.append(entry)
        for word in entry.demonyms:
            self._demonym.setdefault(normalize(word), entry)
        for text, sector in entry.metonyms:
            self._metonym.setdefault(normalize(text), (entry, sector))
        if entry.capital and entry.country:
            self._place.setdefault(normalize(entry.capital), Place(entry.capital, entry.country))
        for role in entry.roles:
            for key in _title_keys(role.title):
                self._roles.setdefault((key, role.of or ""), []).append((entry, role))

    def __len__(self) -> int:
        """The number of actor entries (places not counted)."""
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        """Every actor entry, in load order."""
        return iter(self._entries.values())

    @property
    def place_count(self) -> int:
        """The number of distinct place keys (names and aliases of places and capitals)."""
        return len(self._place)

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""
        return self._entries.get(entry_id)

    def lookup(self, text: str) -> list[GazetteerEntry]:
        """Entries whose name or alias matches ``text``, then people with that surname."""
        key = normalize(text)
        found = list(self._alias.get(key, ()))
        for entry in self._surname.get(key, ()):
            if entry not in found:
                found.append(entry)
        if not found and len([t for t in key.split() if t not in _PARTICLES]) == 2:
            # "Omar El Bashir" for "Omar al-Bashir": a given name and a surname, other particles
            found = list(self._first_last.get(first_last_key(text) or "", ()))
        return found

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country a demonym names ("Syrian", "Syrians", "the British"), or None."""
        key = normalize(word)
        entry = self._demonym.get(key)
        if entry is None and key.endswith("s"):
            entry = self._demonym.get(key[:-1])
        return entry

    def metonym(self, text: str) -> tuple[GazetteerEntry, str] | None:
        """(country, sector) for a government-by-building word ("the Kremlin"), or None."""
        return self._metonym.get(normalize(text))

    def place(self, text: str) -> Place | None:
        """A capital, city or region resolved to its country, or None."""
        return self._place.get(normalize(text))

    def holders(self, title: str, of: str, on: dt.date | None) -> list[GazetteerEntry]:
        """Who held ``title`` of country ``of`` on a date, latest start first.

        Titles match loosely ("premier" is "prime minister", "leader" any head of
        state title). With ``on=None`` only the most recent holder is returned.
        """
        key = normalize(title)
        titles = _LEADER_TITLES if key == "leader" else (key,)
        for one in titles:
            found = self._holders(one, of, on)
            if found:
                return found
        return []

    def _holders(self, title: str, of: str, on: dt.date | None) -> list[GazetteerEntry]:
        pairs = self._roles.get((title, of), [])
        if on is None:
            best = max(pairs, key=lambda p: (p[1].end is None, p[1].start or ""), default=None)
            return [best[0]] if best else []
        hits: list[tuple[str, GazetteerEntry]] = []
        for entry, role in pairs:
            start, end = _bound(role.start, end=False), _bound(role.end, end=True)
            if (start is None or start <= on) and (end is None or on <= end) and (start or end):
                hits.append((role.start or "", entry))
        hits.sort(key=lambda h: h[0], reverse=True)
        out: list[GazetteerEntry] = []
        for _start, entry in hits:
            if entry not in out:
                out.append(entry)
        return out

    def to_actor(self, entry: GazetteerEntry) -> Actor:
        """The entry as a canonical :class:`~patronage.model.records.Actor`."""
        actor = self._actors.get(entry.id)
        if actor is None:
            actor = Actor(
                entry.id,
                entry.name,
                entry.kind,
                entry.country,
                entry.sector,
                entry.wikidata,
                entry.aliases,
                entry.roles,
            )
            self._actors[entry.id] = actor
        return actor


@lru_cache(maxsize=1)
def _packaged_items() -> tuple[tuple[dict[str, Any], ...], dict[str, str]]:
    """The packaged YAML files, read and validated once per process."""
    root = resources.files("patronage.resolve") / "data"
    items: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for name in _DATA_FILES:
        with resources.as_file(root / name) as path:
            items.extend(parse_entries(read_yaml(Path(path)), seen))
    return tuple(items), seen


@lru_cache(maxsize=1)
def _packaged_gazetteer() -> Gazetteer:
    """The packaged gazetteer alone, built once per process."""
    return Gazetteer._from_items(_packaged_items()[0])


RawFile = tuple[str, list[Any]]


def read_yaml(path: Path) -> RawFile:
    """Read one gazetteer YAML file: a list of entries (an empty file is an empty list)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot read gazetteer file: {exc}", source=str(path)) from exc
    if data is None:
        data = []
    if not isinstance(data, list):
        raise ModelError("a gazetteer file must be a list of entries", source=str(path))
    return str(path), data


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
        return tuple(value)

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
            if start and end and _bound(start, end=False) > _bound(end, end=True):  # type: ignore[operator]
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
        check.where = f"entry {n} ({entry_id or name})"
        if not isinstance(name, str) or not name.strip():
            check.fail("missing name")
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

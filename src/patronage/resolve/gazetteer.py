"""The actor gazetteer: packaged YAML of countries, people, organisations and places.

The files' schema and its validation live in :mod:`patronage.resolve.entries`; the keys
every lookup uses in :mod:`patronage.resolve.keys`. Every lookup is a dict access on a
normalised key, because it runs for every entity mention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from patronage.errors import ModelError
from patronage.model.records import Actor, Place, Role
from patronage.resolve.entries import (
    ACTOR_KINDS,
    MAX_NAMES,
    GazetteerEntry,
    date_bound,
    parse_entries,
    read_yaml,
)
from patronage.resolve.keys import (
    GIVEN_FORMS,
    LEADER_TITLES,
    PARTICLES,
    first_last_key,
    normalize,
    surname_keys,
    title_keys,
)

__all__ = ["Gazetteer"]

_DATA_FILES = ("countries.yaml", "people.yaml", "organizations.yaml", "places.yaml")


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
        names = sum(1 + len(item["aliases"]) for item in all_items)
        for path in extra:
            parsed = parse_entries(read_yaml(Path(path)), seen)
            names += sum(1 + len(item["aliases"]) for item in parsed)
            if names > MAX_NAMES:
                raise ModelError(
                    f"the gazetteer files hold more than {MAX_NAMES:,} names and aliases in all",
                    source=str(path),
                )
            all_items.extend(parsed)
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
            _file(self._alias, normalize(text), entry)
        if entry.kind == "person":
            names = (entry.surname,) if entry.surname else (entry.name, *entry.aliases)
            for text in names:
                for key in surname_keys(text) if not entry.surname else {normalize(text)}:
                    _file(self._surname, key, entry)
            for text in (entry.name, *entry.aliases):
                _file(self._first_last, first_last_key(text) or "", entry)
        for word in entry.demonyms:
            self._demonym.setdefault(normalize(word), entry)
        for text, sector in entry.metonyms:
            self._metonym.setdefault(normalize(text), (entry, sector))
        if entry.capital and entry.country:
            self._place.setdefault(normalize(entry.capital), Place(entry.capital, entry.country))
        for role in entry.roles:
            for key in title_keys(role.title):
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
        words = [t for t in key.split() if t not in PARTICLES]
        if not found and len(words) > 2 and all(len(w) == 1 for w in words[1:-1]):
            words = [words[0], words[-1]]  # "Cory A. Booker" is the Cory Booker the gazetteer knows
        if not found and len(words) == 2:
            # "Omar El Bashir" for "Omar al-Bashir": a given name and a surname, other particles
            found = list(self._first_last.get(first_last_key(" ".join(words)) or "", ()))
        if not found and len(words) == 2:
            # "Bernard Sanders", "Mike Pompeo": the one person the gazetteer knows by another form of the
            # given name (a middle name is never dropped: "Omar Khalid Bashir" may be someone else)
            people = {
                e.id: e
                for given in GIVEN_FORMS.get(words[0], ())
                for e in self._first_last.get(f"{given} {words[-1]}", ())
                if e.kind == "person"
            }
            found = list(people.values()) if len(people) == 1 else []
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
        titles = LEADER_TITLES if key == "leader" else (key,)
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
            start, end = date_bound(role.start, end=False), date_bound(role.end, end=True)
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


def _file(index: dict[str, list[GazetteerEntry]], key: str, entry: GazetteerEntry) -> None:
    """File ``entry`` under ``key`` of ``index`` once (an empty key files nothing)."""
    if key:
        bucket = index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)


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

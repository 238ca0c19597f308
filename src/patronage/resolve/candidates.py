"""Choosing among the gazetteer entries a name may denote, by what the story itself says.

A name may belong to several entries (two people called Clinton, a party's name that is also a
creed); the countries the story names and its date decide between them, and a creed ("the
Conservatives", "Democrats") is a party only where the story is in that party's country.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from patronage.resolve.entries import GazetteerEntry
from patronage.resolve.keys import normalize
from patronage.resolve.protocol import GazetteerLike

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["countries_named", "country_mentions", "is_creed", "only_bodies", "pick_entry"]


def pick_entry(
    candidates: list[GazetteerEntry], gaz: GazetteerLike, countries: set[str], date: dt.date | None
) -> GazetteerEntry | None:
    """Choose among homonyms: prefer an entry whose country is named in the article, then a current
    role, then the role that ended last before the article's date."""
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None

    day = date.isoformat() if date is not None else None

    def score(entry: GazetteerEntry) -> tuple[int, int, str]:
        country = entry.country
        active = 0
        latest = ""  # the end of the entry's last role before the date: "Clinton" in 2019 is Hillary
        for role in entry.roles:
            if day is not None and role.covers(day):
                active = 1
            elif day is not None and role.end and role.end < day:
                latest = max(latest, role.end)
        return (1 if country in countries else 0, active, latest)

    return max(candidates, key=score)


def countries_named(ents: list[tuple[str, int, int, str]], gaz: GazetteerLike | None) -> set[str]:
    """The countries an article's entities name: states, peoples and the bodies of one state."""
    out: set[str] = set()
    if gaz is None:
        return out
    for label, text in {(label, text) for label, _s, _e, text in ents}:
        if label in ("GPE", "NORP"):
            entry = gaz.demonym(text) if label == "NORP" else None
            entries = [entry] if entry is not None else gaz.lookup(text)
            out.update(e.country for e in entries if e is not None and e.kind == "country" and e.country)
        if label in ("NORP", "ORG"):
            # "the Tories", "the FBI": a body of one country places the article there too
            bodies = {
                e.country
                for e in gaz.lookup(text)
                if e.kind not in ("person", "country") and e.country and e.sector != "PTY"
            }
            if len(bodies) == 1:
                out.update(bodies)
    return out


def country_mentions(doc: Doc, gaz: GazetteerLike) -> Counter[str]:
    """How often the article names each country, by its states, peoples and bodies of one state
    (each mention counted, where :func:`countries_named` lists them once)."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "ORG"):
            continue
        found = countries_named([(ent.label_, ent.start_char, ent.end_char, ent.text)], gaz)
        if len(found) == 1:
            counts.update(found)
    return counts


#: party names that are also creeds, any country's: only the story's countries say whose party
_CREEDS = frozenset({"conservative", "liberal", "green", "democrat", "democratic", "republican", "socialist"})


def only_bodies(entries: Sequence[GazetteerEntry]) -> bool:
    """True when every entry a name has is a body (a party, an agency): no person."""
    return bool(entries) and all(e.kind == "organization" for e in entries)


def is_creed(text: str) -> bool:
    """ "Conservatives", "the Greens": a party name that is also a creed any country's parties share."""
    return normalize(text).removeprefix("the ").rstrip("s") in _CREEDS

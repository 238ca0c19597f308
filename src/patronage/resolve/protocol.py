"""What the resolver needs from a gazetteer (see ``patronage.resolve.gazetteer``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from patronage.model.records import Actor, Place

if TYPE_CHECKING:
    from patronage.resolve.entries import GazetteerEntry

__all__ = ["GazetteerLike"]


class GazetteerLike(Protocol):
    """The lookups the resolver uses; :class:`patronage.resolve.gazetteer.Gazetteer` provides them."""

    def __iter__(self) -> Iterator[GazetteerEntry]:
        """Every entry."""

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""

    def lookup(self, text: str) -> list[GazetteerEntry]:
        """Entries whose name or alias (or a person's surname) matches ``text``."""

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country entry a demonym names, or None."""

    def metonym(self, text: str) -> tuple[GazetteerEntry, str] | None:
        """(country entry, sector) for a government-by-building word, or None."""

    def place(self, text: str) -> Place | None:
        """A city or region resolved to its country, or None."""

    def holders(self, title: str, of: str, on: dt.date | None) -> list[GazetteerEntry]:
        """People holding ``title`` of country ``of`` on a date."""

    def to_actor(self, entry: GazetteerEntry) -> Actor:
        """The entry as an :class:`Actor`."""

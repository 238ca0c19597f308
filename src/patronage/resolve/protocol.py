"""What the resolver needs from a gazetteer (see ``patronage.resolve.gazetteer``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from patronage.model.records import Actor, Place

__all__ = ["GazetteerLike"]


class GazetteerLike(Protocol):
    """The lookups the resolver uses; :class:`patronage.resolve.gazetteer.Gazetteer` provides them."""

    def get(self, entry_id: str) -> Any:
        """The entry with this id, or None."""

    def lookup(self, text: str) -> list[Any]:
        """Entries whose name or alias (or a person's surname) matches ``text``."""

    def demonym(self, word: str) -> Any:
        """The country entry a demonym names, or None."""

    def metonym(self, text: str) -> tuple[Any, str] | None:
        """(country entry, sector) for a government-by-building word, or None."""

    def place(self, text: str) -> Place | None:
        """A city or region resolved to its country, or None."""

    def holders(self, title: str, of: str, on: dt.date | None) -> list[Any]:
        """People holding ``title`` of country ``of`` on a date."""

    def to_actor(self, entry: Any) -> Actor:
        """The entry as an :class:`Actor`."""

"""The gazetteer a process uses: packaged data plus the user's extra files, loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from patronage.resolve.gazetteer import Gazetteer

__all__ = ["load_gazetteer"]


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The packaged gazetteer extended with ``extra`` YAML files (cached per process)."""
    return Gazetteer.load(extra=[Path(p) for p in extra])

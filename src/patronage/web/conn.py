"""One read-only store per app, one DuckDB cursor per request.

DuckDB connections are not thread-safe and FastAPI runs plain endpoints in a thread pool, so every
request gets its own cursor (a connection sharing the database instance) wrapped as a
:class:`~patronage.store.Store`, so that :mod:`patronage.query` functions take it unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from patronage.store import Store

__all__ = ["CursorStore", "StorePool"]


class CursorStore(Store):
    """A :class:`Store` view over one cursor of a read-only parent store."""

    def __init__(self, parent: Store) -> None:  # noqa: D107 -- a view, no migration or version check
        self.path = parent.path
        self.read_only = True
        self.created = self.wrote = False
        self.con = parent.con.cursor()


class StorePool:
    """The app's read-only database; hands out one cursor store per request."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._store = Store(path, read_only=True)
        self._lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[Store]:
        """A store bound to a fresh cursor, closed when the block ends."""
        with self._lock:
            view = CursorStore(self._store)
        try:
            yield view
        finally:
            view.close()

    def close(self) -> None:
        """Close the parent connection."""
        self._store.close()

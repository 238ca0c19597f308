"""Answers to repeated queries, kept in memory while the server runs.

``patronage serve`` opens the database read-only, so an answer never goes stale while the server
runs: a cache needs no invalidation. It is keyed by every parameter of the query and bounded by the
bytes of the JSON bodies it holds, least recently used first out. Requests that miss on the same key
at the same time wait for one computation instead of each running the query ("single flight").
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["ResponseCache"]


class ResponseCache:
    """A thread-safe LRU of JSON response bodies, at most ``max_bytes`` in all (0 keeps nothing)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._flights: dict[Hashable, _Flight] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        """The body stored under ``key``, or None."""
        with self._lock:
            body = self._bodies.get(key)
            if body is None:
                self.misses += 1
                return None
            self._bodies.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        """Keep ``body`` under ``key``, dropping the least recently used bodies to stay in bounds."""
        if len(body) > self.max_bytes // 4:  # one huge answer may not push out everything else
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._bodies[key] = body
            self._size += len(body)
            while self._size > self.max_bytes and self._bodies:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)

    def compute(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The body under ``key``: stored, being made by another thread (waited for), or made here.

        An error raised by ``make`` reaches every request that waited for it.
        """
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                return body
            flight = self._flights.get(key)
            leader = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight()
        if not leader:
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            assert flight.body is not None
            return flight.body
        try:
            flight.body = make()
            self.put(key, flight.body)
            return flight.body
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                del self._flights[key]
            flight.done.set()


class _Flight:
    """One computation of a key that other requests may wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.body: bytes | None = None
        self.error: BaseException | None = None

"""Answers to repeated queries, and what computing them needs, kept in memory while the server runs.

``patronage serve`` opens the database read-only, so nothing goes stale while the server runs: a
cache needs no invalidation. :class:`QueryCache` is keyed by every parameter of a query and bounded
by the total size of what it holds (bytes of JSON bodies, or a count of edge indexes), least recently
used first out. Requests that miss on the same key at the same time wait for one computation instead
of each running the query ("single flight").
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["QueryCache"]

V = TypeVar("V")


class QueryCache(Generic[V]):
    """A thread-safe LRU holding at most ``max_size`` (as ``sizeof`` counts; 0 keeps nothing)."""

    def __init__(self, max_size: int, sizeof: Callable[[V], int] = len) -> None:  # type: ignore[assignment]
        self.max_size = max_size
        self.sizeof = sizeof
        self._bodies: OrderedDict[Hashable, V] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._flights: dict[Hashable, _Flight[V]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> V | None:
        """The value stored under ``key``, or None."""
        with self._lock:
            body = self._bodies.get(key)
            if body is None:
                self.misses += 1
                return None
            self._bodies.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` under ``key``, dropping the least recently used values to stay in bounds."""
        size = self.sizeof(value)
        if size > max(1, self.max_size // 4):  # one huge answer may not push out everything else
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            self._size -= self.sizeof(old) if old is not None else 0
            self._bodies[key] = value
            self._size += size
            while self._size > self.max_size and self._bodies:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= self.sizeof(dropped)

    def compute(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value under ``key``: stored, being made by another thread (waited for), or made here.

        An error raised by ``make`` reaches every request that waited for it.
        """
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                return body
            flight = self._flights.get(key)
            leader = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight[V]()
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


class _Flight(Generic[V]):
    """One computation of a key that other requests may wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.body: V | None = None
        self.error: BaseException | None = None

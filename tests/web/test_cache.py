"""The network answer cache: bounded LRU with single-flight misses."""

from __future__ import annotations

import threading
import time

import pytest

from patronage.web.cache import QueryCache


def test_lru_is_bounded_by_bytes() -> None:
    cache = QueryCache(400)
    for i in range(10):
        cache.put(i, b"x" * 90)
    kept = [i for i in range(10) if cache.get(i) is not None]
    assert kept == [6, 7, 8, 9]
    cache.put("huge", b"x" * 200)  # over a quarter of the cache: not kept
    assert cache.get("huge") is None
    assert QueryCache(0).get("anything") is None


def test_concurrent_misses_of_one_key_run_the_query_once() -> None:
    cache = QueryCache(1 << 20)
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        time.sleep(0.2)
        return b'{"ok": true}'

    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(cache.compute("k", make))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert results == [b'{"ok": true}'] * 8 and len(calls) == 1
    assert cache.get("k") == b'{"ok": true}'


def test_an_error_reaches_every_waiting_request_and_is_not_cached() -> None:
    cache = QueryCache(1 << 20)
    started = threading.Event()

    def fail() -> bytes:
        started.set()
        time.sleep(0.1)
        raise LookupError("no actor")

    errors: list[BaseException] = []

    def ask() -> None:
        try:
            cache.compute("k", fail)
        except LookupError as exc:
            errors.append(exc)

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    second = threading.Thread(target=ask)
    second.start()
    first.join(5)
    second.join(5)
    assert len(errors) == 2
    with pytest.raises(LookupError):
        cache.compute("k", fail)

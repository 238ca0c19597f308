"""ASGI middleware in front of the app: a Host allow-list, a bounded queue, and HEAD as GET.

* :class:`HostGuard` answers 421 to a request whose ``Host`` is not a loopback name, the bound
  address or a name allowed with ``--allow-host``: a web page the user visits cannot reach the
  loopback server through a DNS name it controls (DNS rebinding).
* :class:`Limiter` lets ``max_concurrency`` API requests run at once and ``max_queue`` wait, none
  longer than ``max_wait`` seconds; any more, or any that waited too long, get 503 with
  ``Retry-After``, so latency is bounded instead of growing with a queue.
* :class:`HeadAsGet` answers HEAD like GET without the body, as HTTP asks.
* :class:`SecurityHeaders`, outermost, puts the security headers on every response, the guards'
  own answers included, and ``Cache-Control: no-store`` on the API's.

Errors use the app's one JSON shape (:func:`patronage.web.errors.error_response`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import weakref
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from patronage.web.errors import error_response

__all__ = ["LOOPBACK_NAMES", "HeadAsGet", "HostGuard", "Limiter", "SecurityHeaders", "host_allowed"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: names that always reach this machine only
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def _host_name(value: str) -> str:
    """The host of a ``Host`` header value, without port, brackets or a trailing dot, lowercased."""
    value = value.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def host_allowed(value: str, allowed: frozenset[str]) -> bool:
    """True when a ``Host`` header names this server: loopback, the bound host or an allowed name."""
    if any(ch in value.strip() for ch in ", \t/@"):  # one host, not a list ("127.0.0.1:8000, evil.com")
        return False
    name = _host_name(value)
    if not name:
        return False
    if "*" in allowed or name in allowed or name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


async def _reply(send: Send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    response = error_response(status, message)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


class HostGuard:
    """Refuse requests whose ``Host`` header is not allowed (421, the JSON error shape)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed = frozenset(_host_name(h) if h != "*" else h for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = _header(scope, b"host")
            if host is None or not host_allowed(host, self.allowed):
                await _reply(
                    send,
                    421,
                    "this server does not answer for that host name; "
                    "start it with `patronage serve --allow-host NAME` to allow one",
                )
                return
        await self.app(scope, receive, send)


class Limiter:
    """At most ``concurrency`` API requests at once and ``queue`` waiting, each at most ``max_wait`` s.

    Beyond that a request gets 503 with ``Retry-After``: at once when the queue is full, after
    ``max_wait`` when no slot came free in time.
    """

    def __init__(
        self, app: ASGIApp, concurrency: int, queue: int, max_wait: float = 2.0, retry_after: int = 1
    ) -> None:
        self.app = app
        self.concurrency = concurrency
        self.queue = queue
        self.max_wait = max_wait
        self.retry_after = retry_after
        # a semaphore belongs to one event loop: a server has one, a test client may start several
        self._slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )
        self._waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/api/"):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        slots = self._slots.get(loop)
        if slots is None:
            slots = self._slots[loop] = asyncio.Semaphore(self.concurrency)
        if not slots.locked():
            await slots.acquire()  # a free slot: taken at once, without yielding to other requests
        elif self._waiting >= self.queue:
            await self._busy(send)
            return
        else:
            self._waiting += 1
            try:
                await asyncio.wait_for(slots.acquire(), self.max_wait)
            except asyncio.TimeoutError:
                await self._busy(send)
                return
            finally:
                self._waiting -= 1
        try:
            await self.app(scope, receive, send)
        finally:
            slots.release()

    async def _busy(self, send: Send) -> None:
        headers = {"Retry-After": str(self.retry_after)}
        await _reply(send, 503, "the server is busy; try again shortly", headers)


class HeadAsGet:
    """Answer HEAD as GET, with the same headers and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class SecurityHeaders:
    """Add ``headers`` to every response that lacks them; ``no-store`` on paths under ``/api/``.

    Pure ASGI rather than Starlette's ``BaseHTTPMiddleware``, which costs a task per request.
    """

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = str(scope.get("path", "")).startswith("/api/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", ())
                    if not (api and bytes(k).lower() == b"cache-control")
                ]
                if api:
                    headers.append((b"cache-control", b"no-store"))
                present = {bytes(k).lower() for k, _ in headers}
                message["headers"] = headers + [(k, v) for k, v in self.headers if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)

"""The FastAPI app factory: API routes, the static page and strict security headers.

The page loads nothing from outside the app (no CDN, no external fonts) and runs no inline script, so
the Content-Security-Policy can forbid both. Data reaches the page only as JSON.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from patronage.config import RANGES
from patronage.errors import ConfigError
from patronage.web.api import build_router
from patronage.web.cache import QueryCache
from patronage.web.conn import StorePool
from patronage.web.errors import install_error_handlers
from patronage.web.exports import build_export_router
from patronage.web.guard import ASGIApp, HeadAsGet, HostGuard, Limiter, SecurityHeaders

__all__ = ["CSP", "SECURITY_HEADERS", "STATIC_DIR", "create_app"]

STATIC_DIR = Path(__file__).resolve().parent / "static"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def create_app(
    db_path: str,
    max_rows: int = 500,
    *,
    allowed_hosts: Iterable[str] = (),
    max_concurrency: int = 4,
    max_queue: int = 64,
    max_wait: float = 2.0,
    cache_mb: int = 64,
) -> ASGIApp:
    """A read-only explorer over the patronage database at ``db_path``.

    Opens the database at once, so a missing or foreign file fails here with a
    :class:`~patronage.errors.StoreError` rather than on the first request. Requests pass
    :mod:`patronage.web.guard` first: Host allow-list (loopback names, and ``allowed_hosts``),
    then the bounded queue; repeated network queries are answered from a ``cache_mb`` cache.
    """
    for name, value in (
        ("web.max_rows", max_rows),
        ("web.max_concurrency", max_concurrency),
        ("web.max_queue", max_queue),
        ("web.max_wait", max_wait),
        ("web.cache_mb", cache_mb),
    ):
        low, high = RANGES[name]
        if not low <= value <= high:
            raise ConfigError(f"{name} must be between {low} and {high}, got {value}", source=name)
    pool = StorePool(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="patronage", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.pool = pool
    install_error_handlers(app)

    app.include_router(build_router(pool, max_rows, QueryCache(cache_mb << 20)))
    app.include_router(build_export_router(pool, max_rows))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    limited = Limiter(app, max_concurrency, max_queue, max_wait)  # type: ignore[arg-type]
    return SecurityHeaders(HostGuard(HeadAsGet(limited), allowed_hosts), SECURITY_HEADERS)

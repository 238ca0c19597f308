"""The FastAPI app factory: API routes, the static page and strict security headers.

The page loads nothing from outside the app (no CDN, no external fonts) and runs no inline script, so
the Content-Security-Policy can forbid both. Data reaches the page only as JSON.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from patronage.errors import ConfigError
from patronage.web.api import build_router
from patronage.web.conn import StorePool
from patronage.web.errors import install_error_handlers

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


def create_app(db_path: str, max_rows: int = 500) -> FastAPI:
    """A read-only explorer over the patronage database at ``db_path``.

    Opens the database at once, so a missing or foreign file fails here with a
    :class:`~patronage.errors.StoreError` rather than on the first request.
    """
    if not 1 <= max_rows <= 100_000:
        raise ConfigError(f"max_rows must be between 1 and 100000, got {max_rows}", source="web.max_rows")
    pool = StorePool(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="patronage", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.pool = pool
    install_error_handlers(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    app.include_router(build_router(pool, max_rows))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

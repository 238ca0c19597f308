"""The one JSON error shape of the web API, and the handlers that produce it.

Every error leaves the app as ``{"ok": false, "error": ..., "errors": [...], "status": N}``.
One table maps :mod:`patronage.errors` classes to HTTP statuses, most specific first.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from patronage import errors
from patronage.errors import PatronageError

__all__ = ["STATUS_OF", "error_response", "install_error_handlers", "status_for"]

_log = logging.getLogger(__name__)


#: error class -> HTTP status; the first class in the exception's MRO that is listed wins
STATUS_OF: dict[type[PatronageError], int] = {
    errors.NotFoundError: 404,
    errors.InputError: 400,
    errors.StoreError: 503,
    errors.ConfigError: 500,
    errors.ModelError: 500,
    errors.ExtractionError: 500,
    PatronageError: 500,
}

_REASONS = {400: "bad request", 404: "not found", 405: "method not allowed", 422: "invalid parameter"}


def status_for(exc: PatronageError) -> int:
    """The HTTP status for a patronage error, by its nearest listed class."""
    for cls in type(exc).__mro__:
        if cls in STATUS_OF:
            return STATUS_OF[cls]  # type: ignore[index]
    return 500


def error_response(status: int, error: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    """The one error shape, as a response."""
    body = {"ok": False, "error": error, "errors": errors or [{"message": error}], "status": status}
    return JSONResponse(body, status_code=status)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for item in exc.errors():
        loc = [str(part) for part in item.get("loc", ())]
        # the offending value is left out: it is the user's input, echoed back it adds nothing
        out.append(
            {
                "param": loc[-1] if loc else "",
                "location": loc[0] if loc else "",
                "message": str(item.get("msg", "")),
            }
        )
    return out


async def _on_patronage(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PatronageError)
    status = status_for(exc)
    if status >= 500:
        _log.error("patronage error: %s", exc)
        return error_response(status, "the server could not answer: " + type(exc).__name__)
    return error_response(status, exc.message, [{"message": exc.message, "param": exc.source or ""}])


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    first = errors[0] if errors else {"param": "", "message": "invalid request"}
    message = f"{first['param']}: {first['message']}" if first["param"] else str(first["message"])
    return error_response(422, message, errors)


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    reason = _REASONS.get(exc.status_code, "error")
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in ("Not Found",) else reason
    response = error_response(exc.status_code, detail)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    _log.exception("unexpected error in the web app", exc_info=exc)
    return error_response(500, "internal error")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through the one JSON shape."""
    app.add_exception_handler(PatronageError, _on_patronage)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)

"""The web stage: a local, read-only explorer of the actor network (``patronage serve``).

FastAPI is an optional extra, so it is imported only when :func:`create_app` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from patronage.web.guard import ASGIApp

__all__ = ["create_app"]


def create_app(db_path: str, max_rows: int = 500, **options: Any) -> ASGIApp:
    """Build the web app over the database at ``db_path``; ``options`` as
    :func:`patronage.web.app.create_app` takes them (allowed hosts, concurrency, queue, cache)."""
    from patronage.web.app import create_app as _create_app

    return _create_app(db_path, max_rows, **options)

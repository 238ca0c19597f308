"""The web stage: a local, read-only explorer of the actor network (``patronage serve``).

FastAPI is an optional extra, so it is imported only when :func:`create_app` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db_path: str, max_rows: int = 500) -> FastAPI:
    """Build the web app over the database at ``db_path`` (see :func:`patronage.web.app.create_app`)."""
    from patronage.web.app import create_app as _create_app

    return _create_app(db_path, max_rows)

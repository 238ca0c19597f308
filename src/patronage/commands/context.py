"""What every command gets from the ``patronage`` group: the settings, the debug flag, ``--db``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from patronage.config import Settings

__all__ = ["Context", "db_option", "pass_ctx"]

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """What every command gets: settings and the debug flag."""

    def __init__(self, settings: Settings, debug: bool) -> None:
        self.settings = settings
        self.debug = debug

    def with_db(self, db: str | None) -> Settings:
        """The settings, with ``run.db`` set to ``db`` when the command was given one."""
        return self.settings.replace(run__db=db) if db else self.settings


pass_ctx = click.make_pass_decorator(Context)


def db_option(func: F) -> F:
    """The ``--db FILE`` option every command that opens the database takes."""
    return click.option(
        "--db", type=click.Path(dir_okay=False), help="DuckDB file (default ./patronage.duckdb)."
    )(func)

"""What every command gets from the ``patronage`` group: the settings, the debug flag, ``--db``."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from patronage.config import Settings

__all__ = ["Context", "available_cpus", "db_option", "pass_ctx", "warn_about_workers"]

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
        "--db",
        type=click.Path(dir_okay=False),
        callback=_not_empty,
        help="DuckDB file (default ./patronage.duckdb).",
    )(func)


def output_options(func: F) -> F:
    """``-o FILE`` and ``--force``, as every command that writes a file takes them."""
    func = click.option(
        "--force",
        is_flag=True,
        help="Replace an existing output file (keeping its permissions); never the database itself.",
    )(func)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True),
        help="File to write (default, or -: standard output).",
    )(func)


def _not_empty(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # an empty --db (an unset shell variable) must not quietly mean the default store
    if value is not None and not value.strip():
        raise click.BadParameter("must not be empty; leave --db out to use ./patronage.duckdb")
    return value


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells it, else all of them)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def warn_about_workers(workers: int) -> None:
    """Warn on stderr when more local worker processes are asked for than there are CPUs.

    The number is kept, not lowered: the user asked for it (a benchmark may mean to oversubscribe,
    and the CPU count does not see every quota), but each worker is a process with its own spaCy
    model, so extra ones cost memory and gain no speed.
    """
    cpus = available_cpus()
    if workers > cpus:
        click.echo(
            f"warning: {workers} workers on {cpus} CPU{'s' if cpus > 1 else ''}: workers beyond the CPUs add "
            "no speed, and each holds its own copy of the model in memory",
            err=True,
        )

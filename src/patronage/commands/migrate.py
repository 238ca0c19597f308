"""``patronage migrate``: upgrade a database an older patronage wrote, in place."""

from __future__ import annotations

from pathlib import Path

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.errors import InputError

__all__ = ["migrate"]


@click.command()
@db_option
@pass_ctx
def migrate(c: Context, db: str | None) -> None:
    """Upgrade a database written by an older patronage to this version's schema (in place)."""
    from patronage.store import Store

    path = str(c.with_db(db).get("run.db"))
    if not Path(path).exists():
        raise InputError("no such database", source=path)
    with Store(path) as store:  # opening for writing applies every missing migration
        click.echo(f"{path}: schema {store.schema_version}, up to date", err=True)

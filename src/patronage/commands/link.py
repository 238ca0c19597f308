"""``patronage link``: how event reports are linked into real-world events, and relinking them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.errors import InputError

__all__ = ["link"]


@click.command()
@db_option
@click.option(
    "--rebuild",
    is_flag=True,
    help="Drop every link and link all stored reports again with this version's rule "
    "(after an upgrade, or to undo links an earlier rule made).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_ctx
def link(c: Context, db: str | None, rebuild: bool, as_json: bool) -> None:
    """Event identity across articles: reports, the events they tell, and how many joined another.

    `run` links each stored article's event reports as it goes (same type family, same actors,
    compatible dates and places); this shows the result, and --rebuild recomputes it whole.
    """
    from patronage.query.linked import link_summary
    from patronage.store import Store

    path = str(c.with_db(db).get("run.db"))
    if not Path(path).exists():
        raise InputError("no such database; run `patronage run` first", source=path)
    if rebuild:
        with Store(path) as store:
            store.rebuild_links()
    with Store(path, read_only=True) as store:
        figures = link_summary(store)
    if as_json:
        click.echo(json.dumps(figures))
        return
    click.echo(
        f"{figures['reports']} event reports → {figures['events']} events; "
        f"{figures['reports_joined']} reports ({figures['share_joined']:.1%}) joined another, in "
        f"{figures['events_with_several_reports']} events ({figures['events_in_several_articles']} "
        "corroborated by several articles)"
    )

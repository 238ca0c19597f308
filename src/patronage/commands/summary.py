"""``patronage summary``: what a database holds, readable at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.config import Settings

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["do_summary", "summary"]


@click.command()
@db_option
@pass_ctx
def summary(c: Context, db: str | None) -> None:
    """What the database holds: counts, top actors, top events and a few quotes."""
    do_summary(c.with_db(db))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return _text(text if len(text) <= n else text[: n - 1] + "…")


def _text(value: object) -> str:
    """A value from the database as console text: article words such as "[/]" stay words, not markup."""
    from rich.markup import escape

    return escape(str(value))


def do_summary(settings: Settings, console: Console | None = None) -> None:
    """Print the summary of the settings' database."""
    from rich.console import Console
    from rich.table import Table

    from patronage.query.overview import summary as summary_of
    from patronage.store import Store

    db = str(settings.get("run.db"))
    if console is None:
        console = Console(highlight=False)
        if not console.is_terminal:
            console = Console(highlight=False, width=140)
    with Store(db, read_only=True) as store:
        data = summary_of(store)
    c = data["counts"]
    console.print(
        f"[bold]patronage[/bold] database [cyan]{_text(db)}[/cyan]: {c['articles']} articles, {c['actors']} actors, "
        f"{c['events']} events, {c['quotes']} quotes, {c['relations']} relation statements, {c['failures']} failures"
    )
    table = Table(title="Most mentioned actors", title_justify="left")
    for col in ("actor", "kind", "country", "mentions"):
        table.add_column(col)
    for a in data["actors"]:
        table.add_row(_text(a["name"]), _text(a["kind"]), _text(a["country"] or ""), str(a["mentions"]))
    console.print(table)
    table = Table(title="Top events (PLOVER type, CAMEO code)", title_justify="left")
    for col in ("type", "cameo", "source → target", "date", "evidence"):
        table.add_column(col, overflow="fold")
    for e in data["events"]:
        actual = e["polarity"] == "asserted" and e["modality"] == "actual"
        flags = "" if actual else f" ({e['polarity']}, {e['modality']})"
        table.add_row(
            _text(f"{e['type']}{flags}"),
            _text(e["cameo"] or ""),
            _text(f"{e['source']} → {e['target']}"),
            _text(e["date"] or ""),
            _clip(e["sentence"], 90),
        )
    console.print(table)
    if data["quotes"]:
        console.print("[bold]A few quotes[/bold]")
        for q in data["quotes"]:
            console.print(f"  {_text(q['speaker'])}: “{_clip(q['text'], 100)}”")
    console.print(
        "\nNext: [bold]patronage export events --format csv -o events.csv[/bold] · "
        "[bold]patronage query actor Putin[/bold] · [bold]patronage serve[/bold] · "
        "[bold]patronage run YOUR_ARTICLES/[/bold]"
    )

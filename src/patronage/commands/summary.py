"""``patronage summary``: what a database holds, readable at a glance."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from patronage.config import Settings
from patronage.store import Store

__all__ = ["do_summary", "summary_data"]


def summary_data(store: Store, top: int = 8) -> dict[str, Any]:
    """Counts, the most mentioned actors, the most confident events and a few quotes."""
    counts = {
        table: int(store.query(f"SELECT count(*) FROM {table}")[0][0])
        for table in ("articles", "events", "quotes", "relations", "failures")
    }
    counts["actors"] = int(
        store.query("SELECT count(DISTINCT actor_id) FROM mentions WHERE actor_id IS NOT NULL")[0][0]
    )
    actors = store.query(
        """SELECT a.name, a.kind, a.country, count(*) AS n FROM mentions m JOIN actors a USING (actor_id)
           GROUP BY ALL ORDER BY n DESC, a.name LIMIT ?""",
        [top],
    )
    events = store.query(
        """SELECT type, cameo, coalesce(source_name, '?'), coalesce(target_name, '?'), date, polarity, modality, sentence
           FROM events WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
           ORDER BY confidence DESC, doc_id, ev_start LIMIT ?""",
        [top],
    )
    # the surest attributions first; a speaker the text gives but nothing resolved is shown as such
    quotes = store.query(
        """SELECT CASE WHEN speaker_name IS NOT NULL THEN speaker_name
                       WHEN speaker_text IS NOT NULL THEN 'unresolved ("' || speaker_text || '")'
                       ELSE 'unattributed' END, text FROM quotes
           WHERE direct ORDER BY speaker_confidence DESC NULLS LAST, doc_id, ev_start LIMIT ?""",
        [min(top, 5)],
    )
    return {"counts": counts, "actors": actors, "events": events, "quotes": quotes}


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def do_summary(settings: Settings, console: Console | None = None) -> None:
    """Print the summary of the settings' database."""
    db = str(settings.get("run.db"))
    if console is None:
        console = Console(highlight=False)
        if not console.is_terminal:
            console = Console(highlight=False, width=140)
    with Store(db, read_only=True) as store:
        data = summary_data(store)
    c = data["counts"]
    console.print(
        f"[bold]patronage[/bold] database [cyan]{db}[/cyan]: {c['articles']} articles, {c['actors']} actors, "
        f"{c['events']} events, {c['quotes']} quotes, {c['relations']} relation statements, {c['failures']} failures"
    )
    table = Table(title="Most mentioned actors", title_justify="left")
    for col in ("actor", "kind", "country", "mentions"):
        table.add_column(col)
    for name, kind, country, n in data["actors"]:
        table.add_row(str(name), str(kind), str(country or ""), str(n))
    console.print(table)
    table = Table(title="Top events (PLOVER type, CAMEO code)", title_justify="left")
    for col in ("type", "cameo", "source → target", "date", "evidence"):
        table.add_column(col, overflow="fold")
    for etype, cameo, src, tgt, date, polarity, modality, sentence in data["events"]:
        flags = "" if polarity == "asserted" and modality == "actual" else f" ({polarity}, {modality})"
        table.add_row(
            f"{etype}{flags}", str(cameo or ""), f"{src} → {tgt}", str(date or ""), _clip(sentence, 90)
        )
    console.print(table)
    if data["quotes"]:
        console.print("[bold]A few quotes[/bold]")
        for speaker, text in data["quotes"]:
            console.print(f"  {speaker}: “{_clip(text, 100)}”")
    console.print(
        "\nNext: [bold]patronage export events --format csv -o events.csv[/bold] · "
        "[bold]patronage query actor Putin[/bold] · [bold]patronage serve[/bold] · "
        "[bold]patronage run YOUR_ARTICLES/[/bold]"
    )

"""``patronage report ACTOR``: a cited dossier on one actor, in Markdown or HTML."""

from __future__ import annotations

import click

from patronage.commands.context import Context, db_option, output_options, pass_ctx
from patronage.config import Settings
from patronage.export.report import FORMATS
from patronage.model.plover import RELATIONS

__all__ = ["do_report", "report"]


@click.command()
@click.argument("actor")
@click.option(
    "--relation",
    metavar="R",
    help=f"Only this relation and the events of its kind: {', '.join(RELATIONS)}.",
)
@click.option("--as-of", metavar="YYYY[-MM[-DD]]", help="Leave out every fact dated after this date.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True, help="Markdown or HTML."
)
@db_option
@output_options
@click.option(
    "--limit",
    type=click.IntRange(1, 10000),
    default=25,
    show_default=True,
    help="Most roles stated in articles (the first), ties (the strongest), events of each type and quotes "
    "of each side (the most confident); the rest are counted.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave out events less likely than this to be fully right.",
)
@pass_ctx
def report(
    c: Context,
    actor: str,
    relation: str | None,
    as_of: str | None,
    fmt: str,
    db: str | None,
    output: str | None,
    force: bool,
    limit: int,
    min_confidence: float,
) -> None:
    """A cited dossier on ACTOR (a name, alias or id, resolved as `query actor` does): its roles over
    time, the actors it stands in each relation with, its key dated events and the quotes by and
    about it, every statement followed by the article and sentence it comes from."""
    from patronage.query.filters import check_date
    from patronage.query.report import check_relation

    relation, as_of = check_relation(relation, "--relation"), check_date(as_of, "--as-of")
    target = None if output in (None, "-") else output
    text = do_report(c.with_db(db), actor, (relation, as_of, fmt, limit, min_confidence), target, force)
    if target is None:
        click.echo(text, nl=False)


def do_report(
    settings: Settings,
    actor: str,
    options: tuple[str | None, str | None, str, int, float],
    output: str | None,
    force: bool,
) -> str:
    """The dossier of ``actor`` (``options``: relation, as-of date, format, limit, least confidence).

    Written whole or not at all to ``output`` when given (an existing file needs ``force``; the
    database is never replaced); returned as text otherwise (and the empty string after writing).
    """
    from patronage.export.atomic import atomic_output
    from patronage.export.report import render_report
    from patronage.query.report import build_report, resolve_actor
    from patronage.store import Store

    relation, as_of, fmt, limit, min_confidence = options
    db = str(settings.get("run.db"))

    def make(store: Store) -> str:
        found = build_report(
            store, resolve_actor(store, actor), relation, as_of, limit=limit, min_confidence=min_confidence
        )
        return render_report(found, fmt)

    if output is None:
        with Store(db, read_only=True) as store:
            return make(store)
    with atomic_output(output, force, protected=(db, db + ".wal")) as tmp, Store(db, read_only=True) as store:
        tmp.write_text(make(store), encoding="utf-8")
    return ""

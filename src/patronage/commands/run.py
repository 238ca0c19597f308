"""``patronage run``: ingest articles and extract facts into the database."""

from __future__ import annotations

import sys

import click

from patronage.commands.context import Context, db_option, pass_ctx, warn_about_workers
from patronage.config import Settings

__all__ = ["do_run", "run"]


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--date", "doc_date", metavar="YYYY-MM-DD", help="Document date for inputs that carry none.")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes for the NLP stages.")
@click.option("--batch-size", type=click.IntRange(1, 100000), help="Articles committed together.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    help="Where the NLP stages run: local, or a Ray cluster ([ray] extra; --workers sets its actors).",
)
@click.option(
    "--shards",
    metavar="DIR",
    help="With --engine ray: write Parquet shards of every table to DIR (a new local directory or a "
    "URI such as s3://…); a local DIR is then loaded into --db.",
)
@pass_ctx
def run(
    c: Context,
    paths: tuple[str, ...],
    db: str | None,
    doc_date: str | None,
    workers: int | None,
    batch_size: int | None,
    engine: str | None,
    shards: str | None,
) -> None:
    """Ingest articles (files, directories, .jsonl, - for stdin) and extract facts into the database."""
    settings = c.with_db(db)
    if workers:
        settings = settings.replace(run__workers=workers)
    if batch_size:
        settings = settings.replace(run__batch_size=batch_size)
    if engine:
        settings = settings.replace(run__engine=engine)
    if settings.get("run.engine") == "local":  # Ray's workers are actors on a cluster, not this machine's
        warn_about_workers(int(settings.get("run.workers")))
    if shards:
        from patronage.commands.load import do_run_shards

        sys.exit(do_run_shards(list(paths), settings, doc_date, shards))
    sys.exit(do_run(list(paths), settings, doc_date))


def do_run(paths: list[str], settings: Settings, doc_date: str | None) -> int:
    """Run the pipeline with a progress bar on a terminal; return the exit code."""
    from patronage.ingest.dates import parse_doc_date
    from patronage.runner import exit_code, summary_lines
    from patronage.runner import run as run_job

    date = parse_doc_date(doc_date, "--date") if doc_date else None
    stdin = sys.stdin.buffer if "-" in paths else None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("[bold]patronage run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("inputs"),
            TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("run", total=None)
            report = run_job(paths, settings, date, stdin, progress=lambda n: bar.advance(task, n))
    else:
        report = run_job(paths, settings, date, stdin)
    for line in summary_lines(report):
        click.echo(line, err=True)
    return exit_code(report)

"""``patronage load`` and ``patronage run --engine ray --shards``: Parquet shards in and out."""

from __future__ import annotations

import sys

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.config import Settings
from patronage.errors import InputError

__all__ = ["do_load", "do_run_shards", "load"]


@click.command()
@click.argument("shard_dir", metavar="DIR")
@db_option
@pass_ctx
def load(c: Context, shard_dir: str, db: str | None) -> None:
    """Load Parquet shards written by `run --engine ray --shards` (e.g. on a cluster) into the database."""
    sys.exit(do_load(c.with_db(db), shard_dir))


def do_load(settings: Settings, shard_dir: str, command: str = "load") -> int:
    """Load a shard directory into ``run.db``, print the summary and return the exit code."""
    from patronage.runner import exit_code, summary_lines
    from patronage.scale.shards import load_shards
    from patronage.store import Store

    with Store(str(settings.get("run.db"))) as store:
        report = load_shards(store, shard_dir, command)
    for line in summary_lines(report):
        click.echo(line, err=True)
    return exit_code(report)


def do_run_shards(paths: list[str], settings: Settings, doc_date: str | None, shard_dir: str) -> int:
    """Run the Ray job into ``shard_dir``; a local directory is then loaded into ``run.db``."""
    if str(settings.get("run.engine")) != "ray":
        raise InputError("--shards needs --engine ray")
    from patronage.ingest.dates import parse_doc_date
    from patronage.scale.ray_shards import check_target, run_to_shards

    check_target(shard_dir)
    date = parse_doc_date(doc_date, "--date") if doc_date else None
    stdin = sys.stdin.buffer if "-" in paths else None
    job = run_to_shards(paths, settings, shard_dir, date, stdin)
    if "://" in shard_dir:
        failed = sum(1 for f in job.failures if f.level == "error")
        click.echo(
            f"{job.n_articles} articles analysed into {shard_dir} ({failed} failed before analysis); "
            "copy them locally and run `patronage load DIR`",
            err=True,
        )
        return 1 if failed else 0
    return do_load(settings, shard_dir, "run")

"""``patronage load``, ``patronage run --engine ray --shards`` (Parquet shards in and out) and ``migrate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from patronage.commands.run import summary_lines
from patronage.config import Settings
from patronage.errors import InputError
from patronage.ingest.dates import parse_doc_date
from patronage.runner import exit_code
from patronage.store import Store

__all__ = ["do_load", "do_migrate", "do_run_shards"]


def do_migrate(path: str) -> None:
    """Upgrade the database at ``path`` to this version's schema, in place."""
    if not Path(path).exists():
        raise InputError("no such database", source=path)
    with Store(path) as store:  # opening for writing applies every missing migration
        click.echo(f"{path}: schema {store.schema_version}, up to date", err=True)


def do_load(settings: Settings, shard_dir: str, command: str = "load") -> int:
    """Load a shard directory into ``run.db``, print the summary and return the exit code."""
    from patronage.scale.shards import load_shards

    with Store(str(settings.get("run.db"))) as store:
        report = load_shards(store, shard_dir, command)
    for line in summary_lines(report):
        click.echo(line, err=True)
    return exit_code(report)


def do_run_shards(paths: list[str], settings: Settings, doc_date: str | None, shard_dir: str) -> int:
    """Run the Ray job into ``shard_dir``; a local directory is then loaded into ``run.db``."""
    if str(settings.get("run.engine")) != "ray":
        raise InputError("--shards needs --engine ray")
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

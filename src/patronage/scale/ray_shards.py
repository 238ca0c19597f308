"""A Ray job that turns inputs into Parquet shards of every table, without opening a database.

The driver reads and cleans (as :func:`patronage.runner.run` does, with the same failures
and warnings), Ray analyses and each worker writes its block's shards, and the driver's own
failures become one more part. Load the result with :func:`patronage.scale.shards.load_shards`
(``patronage load``), here or on any machine that can read the directory.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from patronage.clean.batch import IdLedger, batches, clean_batch
from patronage.config import Settings
from patronage.errors import InputError
from patronage.ingest import read_inputs
from patronage.model.records import CleanArticle, Failure, RunReport

__all__ = ["ShardJob", "check_target", "run_to_shards"]


@dataclass
class ShardJob:
    """What a shard job wrote: its id, the articles sent to Ray, and the driver's failures."""

    target: str
    job: str
    n_articles: int = 0
    failures: list[Failure] = field(default_factory=list)


def check_target(target: str) -> None:
    """Refuse a local shard directory that already holds files (parts of two jobs would mix)."""
    if "://" in target:
        return
    path = Path(target)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError("shard directory is not empty; give a new one", source=target)


def _windows(
    paths: Sequence[str], settings: Settings, default_date: str | None, stdin: IO[bytes] | None, job: ShardJob
) -> Iterator[list[CleanArticle]]:
    # the runner's own reading and cleaning, so failures and warnings are the same as a normal run
    # a shard job cannot wait for its articles to be stored: an article that cleans counts as stored
    ledger = IdLedger()
    report = RunReport(db="")
    window: list[CleanArticle] = []
    size = max(1, int(settings.get("run.batch_size")))
    for batch in batches(read_inputs(paths, default_date, stdin), size):
        cleaned, failures = clean_batch(batch, ledger, int(settings.get("run.max_chars")), report)
        for clean in cleaned:
            failures.extend(ledger.stored(clean.doc_id))
        job.failures.extend(failures)
        window.extend(cleaned)
        if len(window) >= 2048:
            yield window
            window = []
    if window:
        yield window


def run_to_shards(
    paths: Sequence[str],
    settings: Settings,
    target: str,
    default_date: str | None = None,
    stdin: IO[bytes] | None = None,
) -> ShardJob:
    """Read, clean and analyse ``paths`` on Ray (``run.ray_address`` or a local instance) into shards.

    ``target`` is a local directory (new or empty) or a URI the workers can write.
    """
    from patronage.scale.ray_engine import RayEngine, analyse_dataset, articles_dataset, write_shards
    from patronage.scale.shards import shard_batch, write_parts

    check_target(target)
    job = ShardJob(target=target, job=uuid.uuid4().hex[:8])
    engine = RayEngine(settings, address=str(settings.get("run.ray_address")) or None)
    try:
        for window in _windows(paths, settings, default_date, stdin, job):
            dataset = articles_dataset(window, start=job.n_articles)
            write_shards(
                analyse_dataset(dataset, settings, engine.concurrency, engine.batch_size), target, job.job
            )
            job.n_articles += len(window)
    finally:
        engine.close()
    # the driver's failures as one more part, numbered after every article so names never clash
    pairs = [(job.n_articles + i, f) for i, f in enumerate(job.failures)]
    write_parts(shard_batch(pairs), target, f"{job.job}-{job.n_articles:09d}-driver")
    return job

"""Engines that run the pure analysis stage over batches: in-process, or a local process pool.

The runner keeps the single writer; engines only analyse. Results come back in
input order, so a run's output does not depend on the number of workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from patronage.analysis import analyse_articles
from patronage.config import Settings
from patronage.errors import ConfigError, ExtractionError
from patronage.model.records import AnalysedArticle, CleanArticle, Failure

if TYPE_CHECKING:
    from patronage.scale.ray_engine import RayEngine

__all__ = ["BatchResult", "LocalEngine", "PoolEngine", "analyse_batch", "make_engine"]

BatchResult = tuple[list[AnalysedArticle | Failure], dict[str, float]]


def analyse_batch(batch: list[CleanArticle], values: dict[str, dict[str, Any]]) -> BatchResult:
    """Analyse one batch (the unit of work a worker process runs); returns results and stage timings."""
    timings: dict[str, float] = {}
    results = list(analyse_articles(batch, Settings(values), timings))
    return results, timings


class LocalEngine:
    """Analyse in this process."""

    def __init__(self, settings: Settings) -> None:
        self.values = {k: dict(v) for k, v in settings.values.items()}

    def map(self, batches: Iterable[list[CleanArticle]]) -> Iterator[BatchResult]:
        """Analyse each batch in turn."""
        for batch in batches:
            yield analyse_batch(batch, self.values)

    def close(self) -> None:
        """Nothing to release."""


def _warm(values: dict[str, dict[str, Any]]) -> None:
    """Load the model and gazetteer once per worker, before the first batch."""
    from patronage.nlp.loader import load_nlp
    from patronage.resolve.registry import load_gazetteer

    load_nlp(str(values["nlp"]["model"]))
    load_gazetteer(tuple(values["resolve"]["gazetteer"]))


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class PoolEngine:
    """Analyse in ``workers`` processes (spawned, each loading spaCy once), at most two batches ahead each."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.values = {k: dict(v) for k, v in settings.values.items()}
        self.workers = workers
        # one core per worker: BLAS thread pools of their own would fight the other workers for cores.
        # Children inherit the environment; this process's own BLAS is already set up and unaffected.
        for name in _THREAD_VARS:
            os.environ.setdefault(name, "1")
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=mp.get_context("spawn"),
            initializer=_warm,
            initargs=(self.values,),
        )

    def map(self, batches: Iterable[list[CleanArticle]]) -> Iterator[BatchResult]:
        """Analyse batches in parallel, yielding results in input order.

        A worker that dies (killed, or out of memory) ends the run with an :class:`ExtractionError`;
        the batches committed before stay, and a re-run resumes after them.
        """
        pending: deque[Future[BatchResult]] = deque()
        try:
            for batch in batches:
                pending.append(self.pool.submit(analyse_batch, batch, self.values))
                while len(pending) >= 2 * self.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool:
            raise ExtractionError(
                "a worker process died (killed, or out of memory); what was committed is kept, "
                "run again to resume"
            ) from None

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.shutdown(cancel_futures=True)


def make_engine(settings: Settings) -> LocalEngine | PoolEngine | RayEngine:
    """The engine the settings ask for (``run.engine``, ``run.workers``)."""
    engine = str(settings.get("run.engine"))
    if engine == "ray":
        from patronage.scale.ray_engine import RayEngine  # optional extra, imported only when asked for

        return RayEngine(settings, address=str(settings.get("run.ray_address")) or None)
    if engine != "local":
        raise ConfigError(f"run.engine must be local or ray, got {engine!r}")
    workers = int(settings.get("run.workers"))
    return PoolEngine(settings, workers) if workers > 1 else LocalEngine(settings)

"""Run the pure analysis stage on Ray Data: a local Ray instance or an existing cluster.

:class:`RayEngine` has the interface of :class:`~patronage.scale.engines.LocalEngine`:
``map(batches)`` yields ``(results, timings)`` per input batch, in input order, so
the runner keeps its single DuckDB writer. Work goes to a pool of :class:`AnalyseBatch`
actors, each loading spaCy and the gazetteer once and calling
:func:`patronage.analysis.analyse_articles` unchanged. Results travel back as pickled records.

Ray is optional (``pip install 'patronage[ray]'``) and imported only when used.
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from patronage.config import Settings
from patronage.errors import ConfigError, ExtractionError
from patronage.model.records import AnalysedArticle, CleanArticle, Failure

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = [
    "AnalyseBatch",
    "RayEngine",
    "analyse_dataset",
    "articles_dataset",
    "event_rows",
    "write_shards",
]

_HINT = "--engine ray needs the [ray] extra: pip install 'patronage[ray]'"

BatchResult = tuple[list[AnalysedArticle | Failure], dict[str, float]]
Values = dict[str, dict[str, Any]]


def _ray(loopback: bool = False) -> Any:
    """Import ray lazily, with the install hint when it is missing.

    ``loopback`` keeps a local instance on 127.0.0.1: Ray otherwise binds its services to the
    machine's routable address. The switch is read when ray is first imported.
    """
    # Ray reports usage statistics over the network unless told not to.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if loopback:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
        import ray.data  # noqa: F401  # the [data] part of the extra
    except ImportError:
        raise ConfigError(_HINT) from None
    if loopback:
        constants = getattr(getattr(ray, "_private", None), "ray_constants", None)
        if constants is not None and hasattr(constants, "ENABLE_RAY_CLUSTER"):
            constants.ENABLE_RAY_CLUSTER = False  # ray was imported before us: same switch, late
    return ray


def _article_row(index: int, article: CleanArticle) -> dict[str, Any]:
    row = asdict(article)
    row["removed_lines"] = list(article.removed_lines)
    row["idx"] = index
    return row


def _article_from_row(row: dict[str, Any]) -> CleanArticle:
    lines = row.get("removed_lines") or ()
    return CleanArticle(
        doc_id=str(row["doc_id"]),
        title=str(row["title"]),
        text=str(row["text"]),
        date=row.get("date"),
        url=row.get("url"),
        source=row.get("source"),
        origin=str(row.get("origin") or ""),
        content_hash=str(row["content_hash"]),
        removed_lines=tuple(str(x) for x in lines),
    )


class AnalyseBatch:
    """A Ray Data actor: loads spaCy and the gazetteer once, then analyses batches of article rows.

    Input rows are :class:`CleanArticle` fields plus ``idx``; output rows are ``idx``,
    ``payload`` (the pickled :class:`AnalysedArticle` or :class:`Failure`) and the
    ``nlp``/``extract`` seconds spent on that article.
    """

    def __init__(self, values: Values) -> None:
        from patronage.nlp.loader import load_nlp
        from patronage.resolve.registry import load_gazetteer

        self.settings = Settings(values)
        load_nlp(str(self.settings.get("nlp.model")))
        load_gazetteer(tuple(self.settings.get("resolve.gazetteer")))

    def __call__(self, batch: Any) -> Any:
        """Analyse one ``pyarrow.Table`` batch and return a ``pyarrow.Table`` of results."""
        import pyarrow as pa

        from patronage.analysis import analyse_articles

        rows: list[dict[str, Any]] = batch.to_pylist()
        articles = [_article_from_row(r) for r in rows]
        clock: dict[str, float] = {}
        out: dict[str, list[Any]] = {"idx": [], "payload": [], "nlp": [], "extract": []}
        before = (0.0, 0.0)
        for row, result in zip(rows, analyse_articles(articles, self.settings, clock), strict=True):
            now = (clock.get("nlp", 0.0), clock.get("extract", 0.0))
            out["idx"].append(int(row["idx"]))
            out["payload"].append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            out["nlp"].append(now[0] - before[0])
            out["extract"].append(now[1] - before[1])
            before = now
        return pa.table(
            {
                "idx": pa.array(out["idx"], pa.int64()),
                "payload": pa.array(out["payload"], pa.binary()),
                "nlp": pa.array(out["nlp"], pa.float64()),
                "extract": pa.array(out["extract"], pa.float64()),
            }
        )


def articles_dataset(articles: Sequence[CleanArticle], start: int = 0) -> Dataset:
    """A Ray dataset of cleaned articles as plain rows, numbered from ``start`` in column ``idx``."""
    ray = _ray()
    dataset: Dataset = ray.data.from_items([_article_row(start + i, a) for i, a in enumerate(articles)])
    return dataset


def analyse_dataset(dataset: Dataset, settings: Settings, concurrency: int, batch_size: int) -> Dataset:
    """Analyse a dataset of article rows with ``concurrency`` :class:`AnalyseBatch` actors (lazy)."""
    ray = _ray()
    values = {k: dict(v) for k, v in settings.values.items()}
    return dataset.map_batches(
        AnalyseBatch,
        fn_constructor_kwargs={"values": values},
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=max(1, concurrency)),
        num_cpus=1,
    )


def _result(row: dict[str, Any]) -> AnalysedArticle | Failure:
    value = pickle.loads(row["payload"])  # noqa: S301 - our own actors wrote it, in this job
    if not isinstance(value, AnalysedArticle | Failure):
        raise ExtractionError(f"Ray returned a {type(value).__name__}, not an analysis result")
    return value


class RayEngine:
    """Analyse on Ray: ``address`` (or ``$RAY_ADDRESS``) names a cluster; else a local loopback instance.

    ``concurrency`` actors (default ``run.workers``, at least 1) analyse ``batch_size`` articles at
    a time (default ``nlp.batch_size``). Runner batches are grouped into windows of ``window``
    articles, one Ray Data job each, so actor start-up (loading spaCy) is paid once per window.
    """

    def __init__(
        self,
        settings: Settings,
        address: str | None = None,
        concurrency: int | None = None,
        batch_size: int | None = None,
        window: int = 2048,
    ) -> None:
        self.settings = settings
        self.concurrency = max(1, concurrency or int(settings.get("run.workers")))
        self.batch_size = max(1, batch_size or int(settings.get("nlp.batch_size")))
        self.window = max(1, window)
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.started = False
        ray = _ray(loopback=not self.address)
        # Ray Data's own progress and start-up notes are not the user's business on a CLI run
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False)
            else:
                ray.init(
                    address="local",
                    num_cpus=self.concurrency,
                    include_dashboard=False,
                    ignore_reinit_error=True,
                    log_to_driver=False,
                    _node_ip_address="127.0.0.1",
                )
            self.started = True
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        context.print_on_execution_start = False

    def _windows(self, batches: Iterable[list[CleanArticle]]) -> Iterator[list[list[CleanArticle]]]:
        group: list[list[CleanArticle]] = []
        size = 0
        for batch in batches:
            group.append(batch)
            size += len(batch)
            if size >= self.window:
                yield group
                group, size = [], 0
        if group:
            yield group

    def _run(self, group: list[list[CleanArticle]]) -> Iterator[BatchResult]:
        articles = [a for batch in group for a in batch]
        done: dict[int, dict[str, Any]] = {}
        if articles:
            dataset = analyse_dataset(
                articles_dataset(articles), self.settings, self.concurrency, self.batch_size
            )
            rows: Iterator[dict[str, Any]] = iter(dataset.iter_rows())
        else:
            rows = iter(())
        start = 0
        for batch in group:
            end = start + len(batch)
            # rows arrive in order (preserve_order), but index them so order never depends on it
            while any(i not in done for i in range(start, end)):
                row = next(rows, None)
                if row is None:
                    raise ExtractionError(f"Ray returned {len(done)} of {len(articles)} results")
                done[int(row["idx"])] = row
            picked = [done.pop(i) for i in range(start, end)]
            timings = {
                "nlp": sum(float(r["nlp"]) for r in picked),
                "extract": sum(float(r["extract"]) for r in picked),
            }
            yield [_result(r) for r in picked], timings
            start = end

    def map(self, batches: Iterable[list[CleanArticle]]) -> Iterator[BatchResult]:
        """Analyse batches on Ray, yielding each batch's results in input order."""
        for group in self._windows(batches):
            yield from self._run(group)

    def close(self) -> None:
        """Shut Ray down if this engine started it (a cluster it merely joined keeps running)."""
        if self.started:
            _ray().shutdown()
            self.started = False


def event_rows(result: AnalysedArticle | Failure) -> list[dict[str, Any]]:
    """The ``events`` table rows of one result, as dicts keyed by column name (none for a failure)."""
    if isinstance(result, Failure):
        return []
    from patronage.scale.shards import shard_schema
    from patronage.store.rows import article_rows

    columns = shard_schema("events").names
    return [{c: row.get(c) for c in columns} for row in article_rows(result)["events"]]


def _write_part(batch: Any, target: str, job: str) -> Any:
    """Write one block of analysis results as one part of every shard dataset (runs on a worker)."""
    import pyarrow as pa

    from patronage.scale.shards import shard_batch, write_parts

    pairs = [(int(r["idx"]), _result(r)) for r in batch.to_pylist()]
    written = 0
    if pairs:
        write_parts(shard_batch(pairs), target, f"{job}-{min(i for i, _ in pairs):09d}")
        written = len(pairs)
    return pa.table({"results": pa.array([written], pa.int64())})


def write_shards(results: Dataset, out_dir: str | Path, job: str | None = None) -> list[str]:
    """Write an :func:`analyse_dataset` result as Parquet shards of every table under ``out_dir``.

    Each block becomes one part, ``<out_dir>/<table>/<job>-<first idx>.parquet``, written by
    the worker that holds it (see :mod:`patronage.scale.shards` for the layout). ``out_dir``
    is a local directory or any URI pyarrow can write (``s3://…``); ``job`` (default: a new
    id) prefixes the part names. Returns the local shard paths, sorted (empty for a URI).
    """
    target = str(out_dir) if "://" in str(out_dir) else str(Path(out_dir).resolve())
    name = job or uuid.uuid4().hex[:8]
    done = results.map_batches(
        functools.partial(_write_part, target=target, job=name), batch_format="pyarrow", batch_size=None
    )
    for _ in done.iter_batches(batch_size=None):
        pass  # the writes happen as the job runs; the rows are only counts
    if "://" in target:
        return []
    return sorted(str(p) for p in Path(target).glob("*/*.parquet"))

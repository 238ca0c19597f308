"""The ``run`` job: ingest → clean → analyse → store, in committed batches.

Unchanged articles (same id, same cleaned text and date) are skipped before any
NLP, so re-running the same input adds nothing and an interrupted run resumes
where it stopped. A changed article with a known id replaces its old facts.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from patronage.analysis import VERSION, warning_failures
from patronage.clean.batch import IdLedger, batches, clean_batch
from patronage.config import Settings
from patronage.errors import StoreError
from patronage.ingest import read_inputs
from patronage.model.records import AnalysedArticle, Article, CleanArticle, Failure, RunReport
from patronage.scale.engines import make_engine
from patronage.store import Store

__all__ = ["RunReport", "exit_code", "run", "summary_lines"]

Progress = Callable[[int], None]


def exit_code(report: RunReport) -> int:
    """0 when nothing failed, 1 when some articles failed, 126 when every article failed."""
    if report.n_failed == 0:
        return 0
    if report.n_new + report.n_unchanged == 0 and report.n_failed > 1:
        return 126
    return 1


def summary_lines(report: RunReport) -> list[str]:
    """A short human summary of a run, with the first failures."""
    lines = [
        f"{report.n_new} articles processed, {report.n_unchanged} unchanged, {report.n_failed} failed"
        + (f", {report.n_warnings} warnings" if report.n_warnings else "")
        + f" → {report.db}"
    ]
    errors = [f for f in report.failures if f.level == "error"]
    for f in errors[:10]:
        lines.append(f"  failed: {f.doc}: {f.message} ({f.stage})")
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more: patronage export failures --format csv")
    return lines


def _write(
    store: Store, results: list[AnalysedArticle], failures: list[Failure], run_id: str
) -> list[AnalysedArticle]:
    """Write a batch; if it fails, write its articles one by one and record the ones that fail.

    Returns the articles actually stored.
    """
    try:
        store.write(results, failures, run_id)
        return results
    except StoreError:
        if len(results) <= 1 and not failures:
            raise
    stored: list[AnalysedArticle] = []
    for result in results:
        try:
            store.write([result], [], run_id)
            stored.append(result)
        except StoreError as exc:
            failures.append(Failure(result.article.doc_id, "store", "StoreError", exc.message))
    store.write([], failures, run_id)
    return stored


def _next_batch(
    retry: list[Article], stream: Iterator[list[Article | Failure]], size: int, report: RunReport
) -> list[Article | Failure] | None:
    """Copies of an id whose first copy failed come first, then the next batch of input."""
    if retry:
        batch: list[Article | Failure] = list(retry[:size])
        del retry[:size]
        report.n_read -= len(batch)  # counted when they were first read
        return batch
    return next(stream, None)


def run(
    paths: Sequence[str],
    settings: Settings,
    default_date: str | None = None,
    stdin: IO[bytes] | None = None,
    progress: Progress | None = None,
    command: str = "run",
    timings: dict[str, float] | None = None,
) -> RunReport:
    """Process ``paths`` into the settings' database and return the counts.

    ``timings``, when given, accumulates seconds per stage (ingest, clean, nlp, extract, store).
    An article id counts as seen once an article under it is stored (see :class:`IdLedger`).
    """
    clock = timings if timings is not None else {}
    db = str(settings.get("run.db"))
    report = RunReport(db=db)
    max_chars = int(settings.get("run.max_chars"))
    size = int(settings.get("run.batch_size"))
    ledger = IdLedger()
    retry: list[Article] = []
    pending: deque[tuple[list[Failure], list[str]]] = deque()
    with Store(db) as store:
        report.run_id = store.start_run(command, VERSION)

        def prepared(stream: Iterator[list[Article | Failure]]) -> Iterator[list[CleanArticle]]:
            """Read, clean and skip unchanged articles, batch by batch (in this process)."""
            while True:
                t0 = time.perf_counter()
                batch = _next_batch(retry, stream, size, report)
                if batch is None:
                    return
                t1 = time.perf_counter()
                clock["ingest"] = clock.get("ingest", 0.0) + t1 - t0
                cleaned, failures = clean_batch(batch, ledger, max_chars, report)
                known = store.known_hashes([c.doc_id for c in cleaned])
                todo = [c for c in cleaned if known.get(c.doc_id) != c.content_hash]
                for c in cleaned:
                    if known.get(c.doc_id) == c.content_hash:
                        failures.extend(ledger.stored(c.doc_id))
                report.n_unchanged += len(cleaned) - len(todo)
                clock["clean"] = clock.get("clean", 0.0) + time.perf_counter() - t1
                pending.append((failures, [c.doc_id for c in todo]))
                if progress is not None:
                    progress(len(batch))
                yield todo

        engine = make_engine(settings)
        try:
            stream: Iterator[list[Article | Failure]] = batches(read_inputs(paths, default_date, stdin), size)
            while True:
                for outputs, stage_times in engine.map(prepared(stream)):
                    for key, value in stage_times.items():
                        clock[key] = clock.get(key, 0.0) + value
                    failures, submitted = pending.popleft()
                    results = [o for o in outputs if isinstance(o, AnalysedArticle)]
                    failures.extend(o for o in outputs if isinstance(o, Failure))
                    failures.extend(warning_failures(results))
                    t3 = time.perf_counter()
                    results = _write(store, results, failures, report.run_id)
                    _settle(store, ledger, {r.article.doc_id for r in results}, submitted, retry, report)
                    clock["store"] = clock.get("store", 0.0) + time.perf_counter() - t3
                    report.n_new += len(results)
                    _count(report, failures)
                if not retry:
                    break
        finally:
            engine.close()
        store.finish_run(report.run_id, report.n_read, report.n_new, report.n_unchanged, report.n_failed)
    return report


def _count(report: RunReport, failures: list[Failure]) -> None:
    report.n_failed += sum(1 for f in failures if f.level == "error")
    report.n_warnings += sum(1 for f in failures if f.level != "error")
    report.failures.extend(failures)


def _settle(
    store: Store,
    ledger: IdLedger,
    stored: set[str],
    submitted: list[str],
    retry: list[Article],
    report: RunReport,
) -> None:
    """Tell the ledger which submitted ids were stored; copies that waited on a lost one are retried."""
    duplicates: list[Failure] = []
    for doc_id in submitted:
        if doc_id in stored:
            duplicates.extend(ledger.stored(doc_id))
        else:
            retry.extend(ledger.failed(doc_id))
    if duplicates:
        store.write([], duplicates, report.run_id)
        _count(report, duplicates)

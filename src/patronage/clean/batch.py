"""Articles read in batches and cleaned a batch at a time, as a run and a Ray shard job both do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from patronage.clean import clean_article
from patronage.errors import PatronageError
from patronage.model.records import Article, CleanArticle, Failure, RunReport

__all__ = ["batches", "clean_batch"]


def batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list[Article | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def clean_batch(
    batch: list[Article | Failure], seen: set[str], max_chars: int, report: RunReport
) -> tuple[list[CleanArticle], list[Failure]]:
    """Clean a batch of read articles: duplicates of ids in ``seen`` and unreadable ones become failures."""
    cleaned: list[CleanArticle] = []
    failures: list[Failure] = []
    for item in batch:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        report.n_read += 1
        if item.doc_id in seen:
            failures.append(
                Failure(
                    item.doc_id,
                    "ingest",
                    "InputError",
                    f"duplicate article id in this run ({item.origin}); first one kept",
                    "warning",
                )
            )
            continue
        seen.add(item.doc_id)
        try:
            clean, warnings = clean_article(item, max_chars)
        except PatronageError as exc:
            failures.append(Failure(item.doc_id, "clean", type(exc).__name__, str(exc)))
            continue
        failures.extend(Failure(item.doc_id, "clean", "InputError", w, "warning") for w in warnings)
        cleaned.append(clean)
    return cleaned, failures

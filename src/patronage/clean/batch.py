"""Articles read in batches and cleaned a batch at a time, as a run and a Ray shard job both do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from patronage.clean import clean_article
from patronage.errors import PatronageError
from patronage.model.records import Article, CleanArticle, Failure, RunReport

__all__ = ["IdLedger", "batches", "clean_batch"]


def batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """``items`` in lists of ``size`` (the last one shorter).

    A batch never ends with a warning: the article it is about (read next) goes in the same
    batch, since storing an article replaces the failure rows stored for it before.
    """
    batch: list[Article | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size and not (isinstance(item, Failure) and item.level == "warning"):
            yield batch
            batch = []
    if batch:
        yield batch


class IdLedger:
    """Which article ids of a run are stored, which are on their way, and the duplicates waiting on them.

    An id counts as seen only once an article under it is stored: a later copy of an id whose
    first copy is still being cleaned, analysed or written waits here, and takes the first copy's
    place if that one fails (``{"id": "dup", "html": "<script>…"}`` then a good ``{"id": "dup", …}``
    stores the good one); once the first copy is stored, every waiting copy is a duplicate warning.
    """

    def __init__(self) -> None:
        self._stored: dict[str, str] = {}  # id -> origin of the copy stored
        self._pending: dict[str, str] = {}  # id -> origin of the copy on its way
        self._waiting: dict[str, list[Article]] = {}

    def claim(self, article: Article) -> bool | Failure:
        """True when ``article`` now holds its id; False when it waits on an earlier copy still on its
        way; a duplicate warning when a copy is already stored."""
        doc_id = article.doc_id
        if doc_id in self._stored:
            return _duplicate(article, self._stored[doc_id])
        if doc_id in self._pending:
            self._waiting.setdefault(doc_id, []).append(article)
            return False
        self._pending[doc_id] = article.origin
        return True

    def stored(self, doc_id: str) -> list[Failure]:
        """``doc_id`` is in the store: the copies that waited on it are duplicate warnings."""
        origin = self._pending.pop(doc_id, "")
        self._stored[doc_id] = origin
        return [_duplicate(a, origin) for a in self._waiting.pop(doc_id, [])]

    def failed(self, doc_id: str) -> list[Article]:
        """The claiming copy of ``doc_id`` was lost: the copies that waited, to be cleaned again."""
        self._pending.pop(doc_id, None)
        return self._waiting.pop(doc_id, [])


def _duplicate(article: Article, first: str) -> Failure:
    return Failure(
        article.doc_id,
        "ingest",
        "InputError",
        f"duplicate article id in this run ({article.origin}); the copy from {first} was kept",
        "warning",
    )


def clean_batch(
    batch: list[Article | Failure], ledger: IdLedger, max_chars: int, report: RunReport
) -> tuple[list[CleanArticle], list[Failure]]:
    """Clean a batch of read articles; unreadable ones become failures, duplicate ids wait in ``ledger``.

    A copy that fails cleaning gives its id back, so a waiting copy (or a later one) is cleaned instead.
    """
    cleaned: list[CleanArticle] = []
    failures: list[Failure] = []
    queue = list(batch)
    while queue:
        item = queue.pop(0)
        if isinstance(item, Failure):
            failures.append(item)
            continue
        report.n_read += 1
        claimed = ledger.claim(item)
        if claimed is not True:
            failures.extend([claimed] if isinstance(claimed, Failure) else [])
            continue
        try:
            clean, warnings = clean_article(item, max_chars)
        except PatronageError as exc:
            failures.append(Failure(item.doc_id, "clean", type(exc).__name__, str(exc)))
            retry = ledger.failed(item.doc_id)
            report.n_read -= len(retry)  # read once already
            queue[:0] = retry
            continue
        failures.extend(Failure(item.doc_id, "clean", "InputError", w, "warning") for w in warnings)
        cleaned.append(clean)
    return cleaned, failures

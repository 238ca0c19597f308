"""The library face: what ``import patronage`` offers besides the errors and records.

Library use mirrors the CLI: :func:`analyse` is ``patronage run`` on one text, without a
database; :func:`open` is the read side of ``patronage query`` and ``patronage export``.
Heavy imports (spaCy, DuckDB) happen on the first call, never on ``import patronage``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patronage.config import Settings
    from patronage.model.records import Event, Quote, Relation
    from patronage.query.reader import Reader

__all__ = ["analyse", "open"]


def analyse(
    text: str,
    date: str | dt.date | None = None,
    *,
    title: str = "",
    settings: Settings | None = None,
) -> list[Event | Quote | Relation]:
    """The facts one text yields: its events, then its quotes, then its relations.

    The text goes through the stages ``patronage run`` puts an article through (cleaning,
    spaCy, actor resolution, extraction); ``date`` (``YYYY-MM-DD`` or a :class:`datetime.date`)
    is the document date that relative dates ("on Tuesday") resolve against. Evidence
    offsets refer to the cleaned text, which is the text itself unless it carried page
    furniture. Raises :class:`~patronage.errors.InputError` for a bad date or a text with
    nothing left after cleaning, and :class:`~patronage.errors.ExtractionError` when the
    analysis fails.

    >>> [e.type for e in analyse("Putin met Assad in Moscow on Tuesday.", date="2015-10-21")]  # doctest: +SKIP
    ['CONSULT']
    """
    from patronage.analysis import Analyser
    from patronage.clean import clean_article
    from patronage.config import Settings
    from patronage.ingest.dates import parse_doc_date
    from patronage.ingest.ids import make_doc_id
    from patronage.model.records import Article

    day = date.isoformat() if isinstance(date, dt.date) else parse_doc_date(date, "date")
    settings = settings or Settings()
    article = Article(make_doc_id(None, title, text), title, text=text, date=day, origin="<text>")
    clean, _warnings = clean_article(article, int(settings.get("run.max_chars")))
    result = Analyser.from_settings(settings).analyse_one(clean)
    return [*result.events, *result.quotes, *result.relations]


def open(db: str | Path) -> Reader:  # noqa: A001 -- the public name mirrors the builtin on purpose
    """The patronage database at ``db``, read-only, with typed queries (see :class:`Reader`).

    Raises :class:`~patronage.errors.StoreError` when it is missing, not a patronage
    database or written by a newer or older version (``patronage migrate`` upgrades it).
    Use it as a context manager, or call ``close()``.
    """
    from patronage.query.reader import Reader

    return Reader(db)

"""patronage: news articles in, an evidence-linked network of political actors and PLOVER/CAMEO events out.

Library use mirrors the CLI::

    import patronage

    for fact in patronage.analyse("Vladimir Putin met Bashar al-Assad in Moscow on Tuesday.", date="2015-10-21"):
        print(fact)                              # Event, Quote and Relation records

    with patronage.open("patronage.duckdb") as db:  # a store written by `patronage run`, read-only
        for event in db.events(actor="person/Q7747", types=["CONSULT"]):
            print(event.date.value, event.source, event.target)

Importing the package is cheap: spaCy and DuckDB load on the first call that needs them.
"""

from importlib import metadata as _metadata

from patronage.config import Settings
from patronage.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelError,
    NotFoundError,
    PatronageError,
    StoreError,
)
from patronage.library import analyse, open
from patronage.model.records import (
    Actor,
    ActorRef,
    AnalysedArticle,
    Article,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Quote,
    Relation,
    Role,
    Sentence,
)

try:
    __version__ = _metadata.version("patronage")
except _metadata.PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

__all__ = [
    "Actor",
    "ActorRef",
    "AnalysedArticle",
    "Article",
    "CleanArticle",
    "ConfigError",
    "DateValue",
    "Event",
    "Evidence",
    "ExtractionError",
    "Failure",
    "InputError",
    "Mention",
    "ModelError",
    "NotFoundError",
    "PatronageError",
    "Place",
    "Quote",
    "Relation",
    "Role",
    "Sentence",
    "Settings",
    "StoreError",
    "__version__",
    "analyse",
    "open",
]

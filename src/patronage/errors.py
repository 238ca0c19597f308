"""The one error tree of patronage.

::

    PatronageError
    ├── InputError        an input cannot be read, decoded or parsed
    ├── ConfigError       a setting is unknown or has a bad value
    ├── ModelError        packaged model data (gazetteer, lexicons, schema) is invalid
    ├── ExtractionError   an article could not be analysed
    └── StoreError        the database cannot be opened, migrated or written

Library code raises these; only ``cli.py`` turns them into one-line messages.
Details travel as attributes, never inside parsed message strings: ``source`` (the file,
article id or setting concerned) and ``stage`` (``ingest``, ``clean``, ``nlp``, ``resolve``,
``extract``, ``store``…, where an article was lost). A failed article is stored as a
``failures`` row named by that stage and the error's class.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "PatronageError",
    "StoreError",
]


class PatronageError(Exception):
    """Base class of every error patronage raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: the file, article id or setting the error is about, when known
        self.source = source
        #: the pipeline stage it was raised in, when known
        self.stage = stage

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message


class InputError(PatronageError):
    """An input file, line or article cannot be read, decoded or parsed."""


class NotFoundError(InputError):
    """A query names an actor, event or evidence id that the store does not hold."""


class ConfigError(PatronageError):
    """A setting is unknown, or its value has the wrong type or range."""


class ModelError(PatronageError):
    """Packaged model data (gazetteer, lexicon, schema YAML) is invalid."""


class ExtractionError(PatronageError):
    """An article could not be analysed by the NLP, resolve or extract stages (``stage`` says which)."""


class StoreError(PatronageError):
    """The database cannot be opened, migrated, locked or written."""

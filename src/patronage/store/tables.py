"""One row mapping per table: records ↔ DuckDB rows by column name.

The columns of a record's table are its fields as :mod:`patronage.model.fields` lays them
out (``Event.source.actor_id`` is ``source_actor_id``), plus the few columns a table keeps
that its record does not hold (a role's ``actor_id``, a run's stamps). The store writes rows
with :meth:`Table.row` and every reader rebuilds records with :meth:`Table.record`, so no
code reads a column by position and a field added to a record needs no code here.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from patronage.model.fields import from_flat, layout, to_flat
from patronage.model.records import (
    Actor,
    CleanArticle,
    Event,
    Failure,
    Mention,
    Quote,
    Relation,
    Role,
    Sentence,
)

__all__ = [
    "ACTORS",
    "ARTICLES",
    "EVENTS",
    "FAILURES",
    "MENTIONS",
    "QUOTES",
    "RECORD_TABLES",
    "RELATIONS",
    "ROLES",
    "SENTENCES",
    "Table",
    "sql_type",
]

R = TypeVar("R")

_SQL = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


def sql_type(tp: Any) -> str:
    """The DuckDB type of a scalar field type (``tuple[str, ...]`` is ``VARCHAR[]``)."""
    if typing.get_origin(tp) is tuple:
        return sql_type(typing.get_args(tp)[0]) + "[]"
    return _SQL[tp]


def _columns(slots: Any) -> Iterable[tuple[str, str]]:
    for slot in slots:
        if slot.many or slot.column is None:
            continue
        if slot.nested:
            yield from _columns(slot.children)
        else:
            yield slot.column, sql_type(slot.type)


@dataclass(frozen=True)
class Table(Generic[R]):
    """A table that holds one record a row."""

    name: str
    record_type: type[R]
    extra: tuple[tuple[str, str], ...] = ()
    """``(column, DuckDB type)`` of columns the record does not hold, filled by the writer."""

    @property
    def types(self) -> dict[str, str]:
        """Every column with its DuckDB type, in layout order (a shared column once)."""
        out: dict[str, str] = {}
        for name, sql in (*_columns(layout(self.record_type)), *self.extra):
            out.setdefault(name, sql)
        return out

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column name, in layout order."""
        return tuple(self.types)

    def select(self, alias: str = "") -> str:
        """The column list for a ``SELECT`` (``alias.`` before each column when given)."""
        prefix = f"{alias}." if alias else ""
        return ", ".join(f'{prefix}"{c}"' for c in self.columns)

    def row(self, record: R, **extra: Any) -> dict[str, Any]:
        """The row of ``record``, with values for the :attr:`extra` columns given by name."""
        return {**to_flat(record), **extra}

    def record(self, row: Mapping[str, Any]) -> R:
        """The record a row (read by column name) holds."""
        return from_flat(self.record_type, row)


ARTICLES = Table("articles", CleanArticle, (("run_id", "VARCHAR"), ("ingested_at", "TIMESTAMP")))
SENTENCES = Table("sentences", Sentence)
MENTIONS = Table("mentions", Mention)
ACTORS = Table("actors", Actor, (("origin", "VARCHAR"),))
ROLES = Table("roles", Role, (("actor_id", "VARCHAR"),))
EVENTS = Table("events", Event)
QUOTES = Table("quotes", Quote)
RELATIONS = Table("relations", Relation)
FAILURES = Table("failures", Failure, (("run_id", "VARCHAR"), ("failed_at", "TIMESTAMP")))

#: the tables that hold records, by name
RECORD_TABLES: dict[str, Table[Any]] = {
    t.name: t for t in (ARTICLES, SENTENCES, MENTIONS, ACTORS, ROLES, EVENTS, QUOTES, RELATIONS, FAILURES)
}

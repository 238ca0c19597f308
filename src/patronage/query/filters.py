"""The pieces every read query shares: date checks and bounds, an event's sign, a relation row's id.

All SQL of ``query/`` is written by patronage; user input only ever travels as parameters. Dates
are the store's strings (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and are compared on a common
prefix, so ``as_of=2015-10`` keeps a fact dated ``2015-10-20`` and one dated ``2015``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from patronage.errors import InputError
from patronage.model.plover import CONFLICTUAL, COOPERATIVE, EVENT_TYPES, RELATIONS

__all__ = [
    "DATE_PATTERN",
    "REL_ID_SQL",
    "check_date",
    "check_types",
    "check_window",
    "date_clause",
    "sign_sql",
]


#: a stable id for one relation row, which the schema does not key; "rel-" keeps it apart from event ids
REL_ID_SQL = "'rel-' || md5(concat_ws('|', doc_id, ev_start, ev_end, source_actor_id, target_actor_id, relation))[1:16]"


#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` in ASCII digits: the shapes of the store's dates and of every
#: date filter
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def check_date(value: str | None, name: str) -> str | None:
    """``value`` when it is a possible ``YYYY[-MM[-DD]]`` date; else an :class:`InputError` naming ``name``."""
    if value is None:
        return None
    if re.fullmatch(DATE_PATTERN, value) is None:
        raise InputError(f"{name} expects YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", source=name)
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise InputError(f"impossible date {value!r}", source=name) from None
    return value


def check_types(values: Iterable[str], name: str, relations: bool = False) -> list[str]:
    """``values`` as PLOVER event types (and, with ``relations``, relation names), matched ignoring case.

    Returns them spelled as the store spells them; any other name is an :class:`InputError` that
    lists the valid ones (a filter on a misspelt type would otherwise match nothing, silently). The
    CLI and the web API both call this.
    """
    known = {t.lower(): t for t in EVENT_TYPES}
    if relations:
        known.update({r.lower(): r for r in RELATIONS})
    checked = []
    for value in values:
        found = known.get(value.strip().lower())
        if found is None:
            what = "event type or relation" if relations else "event type"
            raise InputError(
                f"unknown {what} {value[:40]!r}; choose from {', '.join(known.values())}", source=name
            )
        checked.append(found)
    return checked


def check_window(start: str | None, end: str | None, names: tuple[str, str] = ("from", "to")) -> None:
    """An :class:`InputError` when ``start`` is after ``end`` (compared on ``end``'s precision).

    ``from=2015-10`` and ``to=2015`` overlap and pass; ``from=2016`` and ``to=2015-12`` do not. The
    CLI and the web API both call this, so both refuse the same windows.
    """
    if start and end and start[: len(end)] > end:
        raise InputError(f"{names[0]} ({start}) is after {names[1]} ({end})", source=names[0])


def sign_sql() -> tuple[str, list[Any]]:
    """SQL (with its parameters) giving an event row's sign: positive, negative or neutral."""
    sql = (
        "CASE WHEN polarity <> 'asserted' THEN 'neutral' WHEN type IN (SELECT unnest(?)) THEN 'positive' "
        "WHEN type IN (SELECT unnest(?)) THEN 'negative' ELSE 'neutral' END"
    )
    return sql, [list(COOPERATIVE), list(CONFLICTUAL)]


def date_clause(
    column: str,
    as_of: str | None = None,
    start: str | None = None,
    end: str | None = None,
    keep_undated: bool = True,
) -> tuple[str, list[Any]]:
    """A WHERE fragment keeping rows dated within the bounds, compared on the bound's prefix."""
    parts: list[str] = []
    params: list[Any] = []
    upper = as_of or end
    if upper and as_of and end:
        upper = min(as_of, end)
    if upper:
        parts.append(f"left({column}, length(?)) <= ?")
        params += [upper, upper]
    if start:
        parts.append(f"left({column}, length(?)) >= ?")
        params += [start, start]
    if not parts:
        return "TRUE", []
    clause = " AND ".join(parts)
    if keep_undated and not start and not end:
        clause = f"({column} IS NULL OR ({clause}))"
    else:
        clause = f"({column} IS NOT NULL AND {clause})"
    return clause, params

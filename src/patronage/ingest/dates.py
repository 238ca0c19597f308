"""Document dates given by the input: validated, never guessed."""

from __future__ import annotations

import datetime as dt
import re

from patronage.errors import InputError

__all__ = ["parse_doc_date"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")
_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*$")
# US month/day/year, as news feeds and the AllSides corpus write it: 12/1/16, 12/01/2016
_US = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*$")


def parse_doc_date(value: object, origin: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a given document date, ``None`` when absent.

    Accepts ISO dates and datetimes (``2015-10-21T08:00:00Z``), ``YYYY/MM/DD`` and the US
    month-first ``12/1/16`` / ``12/01/2016`` that news feeds use.
    Raises :class:`InputError` for anything else or an impossible date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(f"date must be a string, got {type(value).__name__}", source=origin)
    match = _ISO.match(value) or _SLASH.match(value)
    us = None if match else _US.match(value)
    if us:
        month, day, year = (int(g) for g in us.groups())
        if year < 100:
            year += 2000 if year < 70 else 1900
    elif match:
        year, month, day = (int(g) for g in match.groups())
    else:
        raise InputError(f"unrecognised date {value[:40]!r} (expected YYYY-MM-DD)", source=origin)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise InputError(f"impossible date {value[:40]!r}", source=origin) from None

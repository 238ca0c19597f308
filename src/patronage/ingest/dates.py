"""Document dates given by the input: validated, never guessed."""

from __future__ import annotations

import datetime as dt
import re

from patronage.errors import InputError

__all__ = ["MIN_YEAR", "parse_doc_date"]

#: the earliest year an article may be dated (before printing, a date is a feed's placeholder)
MIN_YEAR = 1450

# ASCII digits only ([0-9], never \d, which also matches Arabic-Indic or fullwidth digits); a time
# after the date must be a time, not any text
_TIME = (
    r"(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]{1,9})?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?)?"
)
_ISO = re.compile(r"^\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})" + _TIME + r"\s*$")
_SLASH = re.compile(r"^\s*([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})\s*$")
# US month/day/year, as news feeds and the AllSides corpus write it: 12/1/16, 12/01/2016
_US = re.compile(r"^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})\s*$")


def _full_year(two_digits: int, today: dt.date | None = None) -> int:
    """A two-digit year in this century unless that is in the future: 16 → 2016, 69 → 1969."""
    this_year = (today or dt.date.today()).year
    return 2000 + two_digits if 2000 + two_digits <= this_year else 1900 + two_digits


def parse_doc_date(value: object, origin: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a given document date, ``None`` when absent.

    Accepts ISO dates and datetimes (``2015-10-21T08:00:00Z``), ``YYYY/MM/DD`` and the US
    month-first ``12/1/16`` / ``12/01/2016`` that news feeds use; a two-digit year is never
    read as a year in the future. Only ASCII digits count.
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
            year = _full_year(year)
    elif match:
        year, month, day = (int(g) for g in match.groups())
    else:
        raise InputError(f"unrecognised date {value[:40]!r} (expected YYYY-MM-DD)", source=origin)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise InputError(f"impossible date {value[:40]!r}", source=origin) from None
    if year < MIN_YEAR:  # "0001-11-30" in a news feed is a placeholder, not a date
        raise InputError(f"implausible date {value[:40]!r} (before {MIN_YEAR})", source=origin)
    return date.isoformat()

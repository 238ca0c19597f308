"""Calendar arithmetic over :class:`DateValue` with honest precision.

Every value maps to the closed interval of days it may denote; shifting an
interval and asking for the finest calendar unit (day, month, year, decade)
that still contains all of it gives a result that never claims more than the
text says.
"""

from __future__ import annotations

import calendar
import datetime as dt

from patronage.model.records import DateValue

__all__ = [
    "PRECISION_RANK",
    "SEASON_MONTHS",
    "coarsen",
    "day_value",
    "decade_value",
    "infer_year",
    "interval",
    "month_value",
    "season_of_month",
    "season_value",
    "shift",
    "shift_range",
    "stated_year",
    "walk_season",
    "week_bounds",
    "year_of",
    "year_value",
]

#: precision name → rank, finest first (used to pick a sentence's best date)
PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4, "unknown": 5}

#: months of each season in the northern-hemisphere news convention
SEASON_MONTHS = {
    "spring": (3, 4, 5),
    "summer": (6, 7, 8),
    "autumn": (9, 10, 11),
    "winter": (12, 1, 2),
}

_MAX_YEAR = 9998
# a shift of a few days keeps a coarser anchor: "the next day" after "in
# December 2024" is still December 2024 (true for all but its last days)
_SMALL_SHIFT_DAYS = 3


def day_value(day: dt.date, text: str) -> DateValue:
    """A day-precision value."""
    return DateValue(day.isoformat(), "day", None, text)


def month_value(year: int, month: int, text: str) -> DateValue:
    """A month-precision value."""
    return DateValue(f"{year:04d}-{month:02d}", "month", None, text)


def year_value(year: int, text: str) -> DateValue:
    """A year-precision value."""
    return DateValue(f"{year:04d}", "year", None, text)


def decade_value(year: int, text: str) -> DateValue:
    """A decade-precision value; ``year`` may be any year in the decade."""
    return DateValue(f"{year - year % 10:04d}", "decade", None, text)


def season_value(year: int, season: str, text: str) -> DateValue:
    """A season-precision value: ``value`` is the year, ``season`` the season name."""
    return DateValue(f"{year:04d}", "season", season, text)


def season_of_month(month: int) -> str:
    """The season a calendar month belongs to."""
    for season, months in SEASON_MONTHS.items():
        if month in months:
            return season
    raise AssertionError(month)  # unreachable for 1..12


def year_of(value: DateValue) -> int | None:
    """The calendar year a value lies in (the first year of a decade), or None."""
    if value.value is None or value.precision == "unknown":
        return None
    return int(value.value[:4])


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the calendar week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_add(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def interval(value: DateValue) -> tuple[dt.date, dt.date] | None:
    """The first and last day a value may denote, or None when it has no value.

    A winter is taken as its whole labelled year, since "the winter of 2012"
    may mean January 2012 or December 2012.
    """
    year = year_of(value)
    if year is None or value.value is None:
        return None
    precision = value.precision
    if precision == "day":
        day = dt.date.fromisoformat(value.value)
        return day, day
    if precision == "month":
        return _month_span(year, int(value.value[5:7]))
    if precision == "season" and value.season in ("spring", "summer", "autumn"):
        months = SEASON_MONTHS[value.season]
        return _month_span(year, months[0])[0], _month_span(year, months[-1])[1]
    if precision in ("season", "year"):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(min(year + 9, _MAX_YEAR), 12, 31)


def coarsen(lo: dt.date, hi: dt.date, text: str, finest: str = "day") -> DateValue | None:
    """The finest value (not finer than ``finest``) whose unit contains ``lo``..``hi``.

    None when the interval spans two decades: nothing honest can be said.
    """
    rank = PRECISION_RANK[finest]
    if lo == hi and rank <= PRECISION_RANK["day"]:
        return day_value(lo, text)
    if (lo.year, lo.month) == (hi.year, hi.month) and rank <= PRECISION_RANK["month"]:
        return month_value(lo.year, lo.month, text)
    if lo.year == hi.year and rank <= PRECISION_RANK["year"]:
        return year_value(lo.year, text)
    if lo.year // 10 == hi.year // 10:
        return decade_value(lo.year, text)
    return None


def _relabel(value: DateValue, text: str) -> DateValue:
    return DateValue(value.value, value.precision, value.season, text)


def shift(anchor: DateValue, amount: int, unit: str, text: str) -> DateValue | None:
    """``anchor`` moved by ``amount`` units (day, week, month, year, decade).

    The result is never finer than the unit ("three years later" is a year)
    nor than the anchor. A shift of at most three days keeps an anchor
    coarser than a day: "the next day" after "in December 2024" is still
    December 2024; longer ones coarsen ("two weeks later" after June 2013 is
    2013).
    """
    if anchor.value is None or anchor.precision == "unknown":
        return None
    try:
        if unit in ("day", "week"):
            days = amount * (7 if unit == "week" else 1)
            if anchor.precision == "day":
                return day_value(dt.date.fromisoformat(anchor.value) + dt.timedelta(days=days), text)
            if abs(days) <= _SMALL_SHIFT_DAYS:
                return _relabel(anchor, text)
            span = interval(anchor)
            if span is None:
                return None
            step = dt.timedelta(days=days)
            return coarsen(span[0] + step, span[1] + step, text, "month")
        if unit == "month":
            if anchor.precision in ("day", "month"):
                year, month = _month_add(int(anchor.value[:4]), int(anchor.value[5:7]), amount)
                return month_value(year, month, text)
            span = interval(anchor)
            if span is None:
                return None
            lo_y, lo_m = _month_add(span[0].year, span[0].month, amount)
            hi_y, hi_m = _month_add(span[1].year, span[1].month, amount)
            return coarsen(_month_span(lo_y, lo_m)[0], _month_span(hi_y, hi_m)[1], text, "year")
        years = amount * (10 if unit == "decade" else 1)
        year = int(anchor.value[:4]) + years
        if anchor.precision != "decade":
            return year_value(year, text)
        if years % 10 == 0:
            return decade_value(year, text)
        return coarsen(dt.date(year, 1, 1), dt.date(year + 9, 12, 31), text, "year")
    except (ValueError, OverflowError):
        return None


def shift_range(anchor: DateValue, low: int, high: int, unit: str, text: str) -> DateValue | None:
    """``anchor`` moved by an uncertain amount between ``low`` and ``high`` units."""
    first = shift(anchor, low, unit, text)
    last = shift(anchor, high, unit, text)
    if first is None or last is None:
        return None
    if (first.value, first.precision, first.season) == (last.value, last.precision, last.season):
        return first
    span_a, span_b = interval(first), interval(last)
    if span_a is None or span_b is None:
        return None
    return coarsen(min(span_a[0], span_b[0]), max(span_a[1], span_b[1]), text)


def infer_year(doc: dt.date, month: int, day: int | None, mod: str) -> int:
    """The year of a month (and day) stated without one, seen from ``doc``."""
    here = (month, day or 0)
    now = (doc.month, doc.day if day is not None else 0)
    if mod == "next":
        return doc.year if here > now else doc.year + 1
    if mod == "this":
        return doc.year
    if mod == "last":
        return doc.year if here < now else doc.year - 1
    return doc.year if here <= now else doc.year - 1


def stated_year(doc: dt.date, phrase: str | None) -> int | None:
    """The year named by "last year", "this year" or "next year" after a month."""
    if not phrase:
        return None
    word = phrase.split()[0].lower()
    return doc.year + (-1 if word == "last" else 1 if word == "next" else 0)


def walk_season(year: int, month: int, season: str, step: int, leave_current: bool) -> int:
    """The year of the nearest month of ``season`` going ``step`` (±1) from a month."""
    index = year * 12 + month - 1
    if leave_current:
        while season_of_month(index % 12 + 1) == season:
            index += step
    while season_of_month(index % 12 + 1) != season:
        index += step
    return index // 12

"""What each date pattern means: one resolver per named pattern of :mod:`patronage.extract.dates.patterns`.

A resolver takes the match, its text, the document date and the narrative anchor, and gives a
:class:`~patronage.model.records.DateValue` with the precision the text supports, or None when
the expression cannot be placed honestly. :data:`RESOLVERS` maps each pattern's name to its
resolver; :mod:`patronage.extract.dates.timeline` reads sentences with them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from patronage.extract.dates.calc import (
    coarsen,
    day_value,
    decade_value,
    infer_year,
    month_value,
    season_value,
    shift,
    shift_range,
    stated_year,
    walk_season,
    week_bounds,
    year_of,
    year_value,
)
from patronage.extract.dates.patterns import MONTHS, NUMBER_WORDS, WEEKDAYS
from patronage.model.records import DateValue

__all__ = ["RESOLVERS", "Resolver"]

Resolver = Callable[[re.Match[str], str, dt.date | None, DateValue | None], DateValue | None]
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
# uncertain counts ("a few days later") → the range of amounts they may mean
_VAGUE = {"a few": (2, 4), "several": (3, 7), "some": (2, 7), "a number of": (3, 9), "": (2, 9)}
_FORWARD = {"later", "after", "afterward", "afterwards", "on", "next", "following"}
_DAY_UNITS = {"day", "morning", "afternoon", "evening", "night"}


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text).lower() if text else ""


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    found = _DIGITS.match(text)
    return int(found.group(0)) if found else 0


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _season_name(text: str) -> str:
    name = text.lower()
    return "autumn" if name == "fall" else name


# ---------------------------------------------------------------- absolute dates


def _iso(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    day = _safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return day_value(day, text) if day else None


def _numeric(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    first, second, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    day = _safe_date(year, first, second) if first <= 12 else _safe_date(year, second, first)
    return day_value(day, text) if day else None


def _full(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    prefix = "mdy" if m["mdy"] is not None else "dmy"
    day = _safe_date(int(m[f"{prefix}_y"]), _month(m[f"{prefix}_m"]), _day(m[f"{prefix}_d"]))
    return day_value(day, text) if day else None


def _month_year(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    return month_value(int(m["my_y"]), _month(m["my_m"]), text)


def _season_year(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    return season_value(int(m["sy_y"]), _season_name(m["sy_s"]), text)


def _decade(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    if m["dc_y4"]:
        return decade_value(int(m["dc_y4"]), text)
    short = int(m["dc_y2"] or m["dc_y2b"])
    return decade_value(2000 + short if short < 20 else 1900 + short, text)


def _year(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    return year_value(int(m["yr_y"] or m["ya_y"] or m["yp_y"]), text)


# ------------------------------------------------- relative to the document date


#: an anchor at least this many years before the article is a story told of the past: a month named
#: without a year then belongs to that story ("In December 1998 the House impeached him … As late as
#: February, senators …" is February 1999), not to the year the article was written
_PAST_STORY_YEARS = 2


def _narrative_year(doc: dt.date, anchor: DateValue | None, month: int, day: int | None) -> int | None:
    """The year a month stated without one has in a story of the past, or None for the article's own."""
    if anchor is None or anchor.value is None or anchor.precision == "decade":
        return None
    year = year_of(anchor)
    if year is None or doc.year - year < _PAST_STORY_YEARS:
        return None
    if len(anchor.value) < 7:  # the anchor names a year only
        return year
    then = (int(anchor.value[5:7]), int(anchor.value[8:10]) if day and len(anchor.value) >= 10 else 0)
    return year if (month, day or 0) >= then else year + 1


def _month_day(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    if doc is None:
        return None
    prefix = "md" if m["md"] is not None else "dm"
    month, day = _month(m[f"{prefix}_m"]), _day(m[f"{prefix}_d"])
    mod = _norm(m["md_mod"]) if prefix == "md" else ""
    year = stated_year(doc, m["md_yr"] if prefix == "md" else None)
    if year is None and not mod:
        year = _narrative_year(doc, anchor, month, day)
    found = _safe_date(year or infer_year(doc, month, day, mod), month, day)
    return day_value(found, text) if found else None


def _month_only(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    if doc is None:
        return None
    month = _month(m["mr_m"])
    mod = _norm(m["mr_mod"])
    year = stated_year(doc, m["mr_yr"]) or (None if mod else _narrative_year(doc, anchor, month, None))
    year = year or infer_year(doc, month, None, mod)
    return month_value(year, month, text)


def _season_rel(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    mod, season = _norm(m["sr_mod"]), _season_name(m["sr_s"])
    if mod in ("that", "the same", "the following", "the next", "the previous"):
        if anchor is None or anchor.value is None or anchor.precision in ("decade", "unknown"):
            return None
        year = int(anchor.value[:4])
        if mod in ("that", "the same"):
            return season_value(year, season, text)
        step = 1 if mod != "the previous" else -1
        if anchor.precision in ("day", "month"):
            month = int(anchor.value[5:7])
        elif anchor.precision == "season" and anchor.season:
            month = {"spring": 4, "summer": 7, "autumn": 10, "winter": 1}[anchor.season]
        else:
            return season_value(year + step, season, text)
        return season_value(walk_season(year, month, season, step, True), season, text)
    if doc is None:
        return None
    if mod == "this":
        return season_value(doc.year, season, text)
    step = 1 if mod == "next" else -1
    leave = mod in ("next", "last")
    return season_value(walk_season(doc.year, doc.month, season, step, leave), season, text)


def _weekday(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    mod, target = _norm(m["wd_mod"]), WEEKDAYS[m["wd_d"].lower()]
    if mod in ("the following", "the previous"):
        if anchor is None or anchor.precision != "day" or anchor.value is None:
            return None
        base = dt.date.fromisoformat(anchor.value)
        if mod == "the following":
            return day_value(base + dt.timedelta(days=(target - base.weekday() - 1) % 7 + 1), text)
        return day_value(base - dt.timedelta(days=(base.weekday() - target - 1) % 7 + 1), text)
    if doc is None:
        return None
    if mod == "next":
        return day_value(doc + dt.timedelta(days=(target - doc.weekday() - 1) % 7 + 1), text)
    if mod == "last":
        return day_value(doc - dt.timedelta(days=(doc.weekday() - target - 1) % 7 + 1), text)
    return day_value(doc - dt.timedelta(days=(doc.weekday() - target) % 7), text)


def _docrel(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    found = _docrel_value(text, doc)
    # a week straddling New Year is no more a decade than it is a day
    return None if found is not None and found.precision == "decade" else found


def _docrel_value(text: str, doc: dt.date | None) -> DateValue | None:
    if doc is None:
        return None
    phrase = _norm(text)
    one = dt.timedelta(days=1)
    if "yesterday" in phrase:
        return day_value(doc - one * (2 if "before" in phrase else 1), text)
    if "tomorrow" in phrase:
        return day_value(doc + one * (2 if "after" in phrase else 1), text)
    if "last night" in phrase:
        return day_value(doc - one, text)
    if any(w in phrase for w in ("today", "tonight", "morning", "afternoon", "evening")):
        return day_value(doc, text)
    offset = -1 if "last" in phrase or "past" in phrase else 1 if "next" in phrase else 0
    if "weekend" in phrase:
        saturday = doc - one * ((doc.weekday() - 5) % 7)
        if offset > 0 or (phrase.startswith("this") and doc.weekday() < 5):
            saturday += one * 7
        elif offset < 0 and "over" not in phrase and doc.weekday() >= 5:
            saturday -= one * 7
        return coarsen(saturday, saturday + one, text)
    if "week" in phrase:
        if "past" in phrase or "the last" in phrase:
            return coarsen(doc - one * 7, doc - one, text)
        monday, sunday = week_bounds(doc + one * (7 * offset))
        if offset == 0 and phrase.startswith(("earlier", "early")):
            sunday = max(monday, doc - one)
        elif offset == 0 and phrase.startswith(("later", "late")):
            monday = min(sunday, doc + one)
        return coarsen(monday, sunday, text)
    if "month" in phrase:
        if "past" in phrase or "the last" in phrase:
            return coarsen(doc - one * 30, doc, text, "month")
        return shift(month_value(doc.year, doc.month, text), offset, "month", text)
    return year_value(doc.year + offset, text)


# ----------------------------------------------------- relative to the narrative


def _rel(m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    direction = _norm(m["rel_dir"])
    unit = m["rel_u"].lower()
    if direction == "ago":
        base = day_value(doc, text) if doc is not None else None
    else:
        base = anchor
    if base is None:
        return None
    sign = 1 if direction in _FORWARD else -1
    count = _norm(m["rel_n"])
    if count:
        amount = NUMBER_WORDS[count] if count in NUMBER_WORDS else int(count)
        return shift(base, sign * amount, unit, text)
    low, high = _VAGUE[_norm(m["rel_v"])]
    return shift_range(base, sign * low, sign * high, unit, text)


def _anchor_word(
    m: re.Match[str], text: str, doc: dt.date | None, anchor: DateValue | None
) -> DateValue | None:
    if anchor is None or anchor.value is None or anchor.precision == "unknown":
        return None
    if m["an_u"]:
        unit, sign = m["an_u"].lower(), 1 if _norm(m["an_dir"]) in _FORWARD else -1
    elif m["an_u2"]:
        unit, sign = m["an_u2"].lower(), 1 if m["an_d2"].lower() == "after" else -1
    elif m["an_w"]:
        # "within hours" of the story's last date: that day; "within days" or "weeks": that month
        unit, sign = ("day" if m["an_w"].lower() == "hours" else "month"), 0
    else:
        unit, sign = m["an_u3"].lower(), 0
    unit = "day" if unit in _DAY_UNITS else "week" if unit == "weekend" else unit
    if sign and unit == "week" and anchor.precision == "day":
        # "the following week" is that calendar week, not exactly seven days on
        moved = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=7 * sign)
        return coarsen(*week_bounds(moved), text)
    if sign:
        return shift(anchor, sign, unit, text)
    if unit == "year" and anchor.precision != "decade":
        year = year_of(anchor)
        return year_value(year, text) if year is not None else None
    if unit == "month" and anchor.precision == "day":
        return month_value(int(anchor.value[:4]), int(anchor.value[5:7]), text)
    if unit == "week" and anchor.precision == "day":
        return coarsen(*week_bounds(dt.date.fromisoformat(anchor.value)), text)
    return DateValue(anchor.value, anchor.precision, anchor.season, text)


RESOLVERS: dict[str, Resolver] = {
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _full,
    "dmy": _full,
    "my": _month_year,
    "md": _month_day,
    "dm": _month_day,
    "season_y": _season_year,
    "decade": _decade,
    "year": _year,
    "year_adj": _year,
    "season_rel": _season_rel,
    "month_rel": _month_only,
    "weekday": _weekday,
    "docrel": _docrel,
    "rel": _rel,
    "anchor": _anchor_word,
}

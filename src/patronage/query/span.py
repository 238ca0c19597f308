"""Where a store's dates lie: counts per month, and the core span that leaves far outliers out.

An article about Syria may mention 1775 or the Crusades; a time control spanning every date would
give the years that hold the data a sliver of its width. :func:`core_span` trims, from either end,
a run of years separated from the rest by a gap of more than :data:`GAP` years and holding at most
:data:`OUTLIER_SHARE` of the dated facts; the outliers stay reachable (the counts keep them).
"""

from __future__ import annotations

import re
from typing import Any

from patronage.store import Store

__all__ = ["GAP", "OUTLIER_SHARE", "core_span", "date_span"]

#: years between two runs of dated facts that make the smaller run an outlier candidate
GAP = 5
#: the largest share of dated facts an outlying run may hold
OUTLIER_SHARE = 0.1


def core_span(counts: dict[int, int]) -> tuple[int, int] | None:
    """The first and last year of the core of ``counts`` (facts per year), or None when empty."""
    years = sorted(y for y, n in counts.items() if n > 0)
    if not years:
        return None
    total = sum(counts[y] for y in years)
    lo, hi = 0, len(years) - 1
    for _ in range(len(years)):
        trimmed = False
        # the run at the low end: years up to the first gap wider than GAP
        end = lo
        while end < hi and years[end + 1] - years[end] <= GAP:
            end += 1
        if end < hi and sum(counts[y] for y in years[lo : end + 1]) <= OUTLIER_SHARE * total:
            lo, trimmed = end + 1, True
        start = hi
        while start > lo and years[start] - years[start - 1] <= GAP:
            start -= 1
        if start > lo and sum(counts[y] for y in years[start : hi + 1]) <= OUTLIER_SHARE * total:
            hi, trimmed = start - 1, True
        if not trimmed:
            break
    return years[lo], years[hi]


_MONTH = re.compile(r"[0-9]{4}(?:-[0-9]{2})?$")


def date_span(store: Store) -> dict[str, Any]:
    """Dated facts (events and relation statements) per month, and the core span.

    ``months`` lists ``[YYYY-MM, count]`` in date order (facts dated to the year only count in
    ``years``); ``core`` is ``{min, max}`` as ``YYYY-MM``, or None for a store without dates.
    """
    rows = store.query(
        """SELECT left(d, 7) AS month, count(*)::INTEGER FROM
             (SELECT date AS d FROM events UNION ALL SELECT date FROM relations)
           WHERE d IS NOT NULL GROUP BY month ORDER BY month"""
    )
    years: dict[int, int] = {}
    # a store written before document dates were padded holds "1-11" for year 1
    rows = [(month, n) for month, n in rows if _MONTH.match(month)]
    for month, n in rows:
        years[int(month[:4])] = years.get(int(month[:4]), 0) + int(n)
    span = core_span(years)
    core = None
    if span is not None:
        inside = [str(m) for m, _ in rows if span[0] <= int(m[:4]) <= span[1]]
        low, high = inside[0], inside[-1]
        core = {"min": low if len(low) == 7 else f"{low}-01", "max": high if len(high) == 7 else f"{high}-12"}
    return {
        "months": [[str(m), int(n)] for m, n in rows if len(m) == 7],
        "years": [[y, years[y]] for y in sorted(years)],
        "core": core,
    }

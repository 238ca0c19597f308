"""The core span of a store's dates leaves far, thin runs of years out and keeps everything else."""

from __future__ import annotations

from patronage.query.span import core_span


def test_a_lone_old_year_is_left_out() -> None:
    assert core_span({1775: 1, 2013: 5, 2015: 9, 2024: 6}) == (2013, 2024)


def test_outliers_at_both_ends_go_and_close_years_stay() -> None:
    counts = {1066: 1, 1914: 1, 2008: 10, 2011: 10, 2016: 10, 2019: 10, 2090: 1}
    assert core_span(counts) == (2008, 2019)


def test_a_heavy_run_is_no_outlier() -> None:
    # a fifth of the facts sits in the 1990s, 20 years before the rest: that is data, not noise
    assert core_span({1992: 5, 1994: 5, 2015: 20, 2016: 20}) == (1992, 2016)


def test_empty_and_single_years() -> None:
    assert core_span({}) is None
    assert core_span({2020: 3}) == (2020, 2020)

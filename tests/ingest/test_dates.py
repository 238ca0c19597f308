from __future__ import annotations

import pytest

from patronage.errors import InputError
from patronage.ingest.dates import parse_doc_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-10-21", "2015-10-21"),
        ("2015-10-21T08:00:00Z", "2015-10-21"),
        ("2015-10-21 08:00", "2015-10-21"),
        ("1999/2/3", "1999-02-03"),
        ("12/1/16", "2016-12-01"),
        ("12/01/2016", "2016-12-01"),
        ("3/7/95", "1995-03-07"),
        ("", None),
        (None, None),
    ],
)
def test_document_dates(raw: str | None, expected: str | None) -> None:
    assert parse_doc_date(raw, "t") == expected


@pytest.mark.parametrize("raw", ["2021-02-30", "13/45/16", "yesterday", "2021-13-01"])
def test_bad_document_dates(raw: str) -> None:
    with pytest.raises(InputError):
        parse_doc_date(raw, "t")


def test_non_string_date() -> None:
    with pytest.raises(InputError, match="must be a string"):
        parse_doc_date(20210101, "t")


@pytest.mark.parametrize(
    "raw",
    [
        "2015-10-21Tgarbage",  # anything after T used to pass
        "2015-10-21 not a time",
        "2015-10-21T25:00",
        "\u0662\u0660\u0661\u0665-10-21",  # Arabic-Indic digits
        "\uff12\uff10\uff11\uff15-10-21",  # fullwidth digits
        "\u0661\u0662/\u0661/\u0661\u0666",
    ],
)
def test_strict_document_dates(raw: str) -> None:
    with pytest.raises(InputError):
        parse_doc_date(raw, "t")


def test_two_digit_years_are_never_in_the_future() -> None:
    import datetime as dt

    from patronage.ingest.dates import _full_year

    assert parse_doc_date("12/1/69", "t") == "1969-12-01"
    assert _full_year(25, dt.date(2026, 1, 1)) == 2025
    assert _full_year(27, dt.date(2026, 1, 1)) == 1927
    this_year = dt.date.today().year % 100
    assert parse_doc_date(f"1/1/{this_year:02d}", "t") == f"{dt.date.today().year}-01-01"


def test_a_placeholder_year_is_no_article_date() -> None:
    """AllSides has articles dated 0001-11-30: their month became "1-11" and broke the explorer's timeline."""
    with pytest.raises(InputError, match="implausible date"):
        parse_doc_date("0001-11-30", "t")
    assert parse_doc_date("1851-09-18", "t") == "1851-09-18"


def test_the_document_month_is_padded() -> None:
    import datetime as dt

    from patronage.extract.assemble import _document_date

    assert _document_date(dt.date(1, 11, 30)).value == "0001-11"

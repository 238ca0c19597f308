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

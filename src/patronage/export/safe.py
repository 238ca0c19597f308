"""Spreadsheet-safe cells: neutralise formula injection in CSV exports."""

from __future__ import annotations

__all__ = ["safe_cell"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Prefix a string that a spreadsheet would run as a formula with a single quote.

    Numbers stay numbers; "-5" as a string is quoted because spreadsheets evaluate it.
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value

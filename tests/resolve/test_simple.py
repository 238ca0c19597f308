"""Actor ids from names in any script (issue #20, item 14)."""

from __future__ import annotations

import pytest

from patronage.resolve.simple import slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bashar al-Assad", "bashar-al-assad"),
        ("José María Aznar", "jose-maria-aznar"),
        ("O'Brien", "o-brien"),
        ("Петров", "petrov"),
        ("Олег Сидоров", "oleg-sidorov"),
        ("Володимир Зеленський", "volodimir-zelenskiy"),
        ("Αλέξης Τσίπρας", "alexis-tsipras"),
        ("Łukasz Strauß", "lukasz-strauss"),
    ],
)
def test_names_are_transliterated(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_names_in_other_scripts_get_distinct_stable_ids() -> None:
    ids = {slug(n) for n in ("محمد علي", "علي", "习近平", "李克强", "בנימין נתניהו", "☭", "★")}
    assert len(ids) == 7 and "unnamed" not in ids
    assert slug("محمد علي").split("-")[-1] == slug("علي"), "a surname matches the full name's last word"
    assert slug("习近平") == slug("习近平") and slug("习近平").isascii()


def test_different_cyrillic_names_never_collapse() -> None:
    assert slug("Петров") != slug("Олег Сидоров")
    assert slug("") == "unnamed"

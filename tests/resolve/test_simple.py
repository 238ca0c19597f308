"""Actor ids from names in any script (issue #20, item 14)."""

from __future__ import annotations

import pytest

from patronage.resolve.simple import body_name, slug


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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Department of Justice", "Justice Department"),
        ("the Department of Health and Human Services", "Health and Human Services Department"),
        ("Ministry of the Interior", "Interior Ministry"),
        ("Justice Department", "Justice Department"),
        # a body of a named place keeps its name: the field is not the whole of what follows "of"
        ("Ministry of Defence of Ukraine", "Ministry of Defence of Ukraine"),
        ("department of justice", "department of justice"),
        ("Bank of England", "Bank of England"),
    ],
)
def test_a_body_is_named_field_first(name: str, expected: str) -> None:
    assert body_name(name) == expected


def test_a_department_named_both_ways_is_one_actor() -> None:
    from tests.conftest import analyse_text

    result = analyse_text(
        "The Justice Department opened an inquiry on Monday.\n\n"
        "A Department of Justice spokesman declined to comment, and the Ministry of Foreign Affairs "
        "of Ukraine said the Foreign Affairs Ministry had not been told."
    )
    ids = {m.text: m.actor_id for m in result.mentions}
    assert ids["Justice Department"] == ids["Department of Justice"] is not None
    assert ids["Ministry of Foreign Affairs"] == ids["Foreign Affairs Ministry"] is not None
    assert ids["Justice Department"] != ids["Foreign Affairs Ministry"]

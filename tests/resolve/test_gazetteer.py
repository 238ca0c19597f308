"""Tests for the packaged actor gazetteer: validation, lookups and role holders."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from pathlib import Path

import pytest

from patronage.errors import ModelError
from patronage.model.records import Actor, Place
from patronage.resolve.entries import GazetteerEntry
from patronage.resolve.gazetteer import Gazetteer
from patronage.resolve.keys import normalize, surname_keys


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def ids(entries: list[GazetteerEntry]) -> list[str]:
    return [e.id for e in entries]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the U.S.", "US"),
        ("U.S.A.", "USA"),
        ("al-Assad\u2019s", "Al Assad"),
        ("Erdo\u011fan", "erdogan"),
        ("  Vladimir   Putin ", "vladimir putin"),
        ("Putin's", "Putin"),
        ("C\u00f4te d\u2019Ivoire", "cote d'ivoire"),
    ],
)
def test_normalize_makes_spellings_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_surname_keys_handle_particles_and_suffixes() -> None:
    assert surname_keys("Bashar al-Assad") == {"assad", "al assad"}
    assert surname_keys("Ferdinand Marcos Jr.") == {"marcos"}
    assert surname_keys("King Charles III") == {"charles"}
    assert surname_keys("Putin") == set()


# --- the packaged data -------------------------------------------------------------------------


def test_packaged_load_is_cached_and_big_enough(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    kinds = Counter(e.kind for e in gaz)
    assert kinds["country"] >= 195
    assert kinds["person"] >= 400
    assert kinds["organization"] + kinds["group"] >= 100
    assert len(gaz) == sum(kinds.values())
    assert gaz.place_count >= 300


def test_every_country_has_iso3_demonym_and_capital(gaz: Gazetteer) -> None:
    countries = [e for e in gaz if e.kind == "country"]
    for entry in countries:
        assert entry.id == f"country/{entry.country}", entry.id
        assert entry.country and len(entry.country) == 3 and entry.country.isupper()
        assert entry.demonyms, entry.id
        assert entry.capital, entry.id
        assert gaz.place(entry.capital) is not None, entry.capital
    codes = {e.country for e in countries}
    assert {"PSE", "XKX", "TWN", "VAT", "SSD", "RUS", "USA"} <= codes


def test_no_name_or_alias_is_shared_by_two_countries(gaz: Gazetteer) -> None:
    owner: dict[str, str] = {}
    for entry in gaz:
        if entry.kind != "country":
            continue
        for text in (entry.name, *entry.aliases):
            key = normalize(text)
            assert owner.setdefault(key, entry.id) == entry.id, (text, owner[key], entry.id)
    demonyms = Counter(k for e in gaz if e.kind == "country" for k in {normalize(d) for d in e.demonyms})
    # two pairs of countries really share a demonym; the larger one wins the lookup
    assert {k for k, n in demonyms.items() if n > 1} <= {"congolese", "dominican"}
    assert gaz.demonym("Congolese").id == "country/COD"  # type: ignore[union-attr]
    assert gaz.demonym("Dominican").id == "country/DOM"  # type: ignore[union-attr]


def test_role_of_ids_point_at_entries(gaz: Gazetteer) -> None:
    for entry in gaz:
        for role in entry.roles:
            if role.of and "/" in role.of:
                assert gaz.get(role.of) is not None, (entry.id, role.of)
            assert role.origin == "gazetteer"


# --- lookups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United States", "country/USA"),
        ("U.S.", "country/USA"),
        ("America", "country/USA"),
        ("Britain", "country/GBR"),
        ("UK", "country/GBR"),
        ("Great Britain", "country/GBR"),
        ("the Netherlands", "country/NLD"),
        ("Holland", "country/NLD"),
        ("Ivory Coast", "country/CIV"),
        ("Burma", "country/MMR"),
        ("Vladimir Putin", "person/vladimir-putin"),
        ("Yanukovich", "person/viktor-yanukovych"),
        ("Zelenskiy", "person/volodymyr-zelensky"),
        ("Qaddafi", "person/muammar-gaddafi"),
        ("Akaev", "person/askar-akayev"),
        ("Daesh", "org/islamic-state"),
        ("ISIL", "org/islamic-state"),
        ("Hezbollah", "org/hezbollah"),
        ("the Carnegie Moscow Center", "org/carnegie-moscow-center"),
    ],
)
def test_lookup_by_name_and_alias(gaz: Gazetteer, text: str, expected: str) -> None:
    assert ids(gaz.lookup(text))[0] == expected


def test_surname_lookup_finds_people(gaz: Gazetteer) -> None:
    assert ids(gaz.lookup("Putin")) == ["person/vladimir-putin"]
    assert ids(gaz.lookup("Assad"))[0] == "person/bashar-al-assad"
    assert "person/hafez-al-assad" in ids(gaz.lookup("Assad"))
    assert ids(gaz.lookup("Azarov")) == ["person/mykola-azarov"]
    assert ids(gaz.lookup("Medvedchuk")) == ["person/viktor-medvedchuk"]
    assert "person/kim-jong-un" in ids(gaz.lookup("Kim"))  # family name first, declared in the data
    assert ids(gaz.lookup("Xi")) == ["person/xi-jinping"]
    assert gaz.lookup("Vladimir") == []  # first names are not surnames
    assert gaz.lookup("nobody-at-all") == []


def test_people_carry_gender_and_wikidata(gaz: Gazetteer) -> None:
    putin = gaz.get("person/vladimir-putin")
    assert putin is not None and putin.gender == "m" and putin.wikidata == "Q7747"
    merkel = gaz.get("person/angela-merkel")
    assert merkel is not None and merkel.gender == "f"
    snowden = gaz.get("person/edward-snowden")
    assert snowden is not None and snowden.country == "USA" and snowden.sector == "CVL"
    assert any(r.title == "exile" and r.of == "RUS" and r.start == "2013-08-01" for r in snowden.roles)


@pytest.mark.parametrize(
    ("word", "iso"),
    [("Syrian", "SYR"), ("Syrians", "SYR"), ("Ukrainian", "UKR"), ("American", "USA"), ("British", "GBR"),
     ("the British", "GBR"), ("Kyrgyz", "KGZ"), ("Russian", "RUS"), ("Israeli", "ISR")],
)  # fmt: skip
def test_demonyms(gaz: Gazetteer, word: str, iso: str) -> None:
    entry = gaz.demonym(word)
    assert entry is not None and entry.id == f"country/{iso}"


def test_demonym_unknown_is_none(gaz: Gazetteer) -> None:
    assert gaz.demonym("Martian") is None


@pytest.mark.parametrize(
    ("text", "iso", "sector"),
    [("the Kremlin", "RUS", "GOV"), ("White House", "USA", "GOV"), ("the Pentagon", "USA", "MIL"),
     ("Downing Street", "GBR", "GOV"), ("Whitehall", "GBR", "GOV"), ("the \u00c9lys\u00e9e", "FRA", "GOV"),
     ("Foggy Bottom", "USA", "GOV"), ("Zhongnanhai", "CHN", "GOV"), ("Bundeskanzleramt", "DEU", "GOV")],
)  # fmt: skip
def test_metonyms(gaz: Gazetteer, text: str, iso: str, sector: str) -> None:
    found = gaz.metonym(text)
    assert found is not None
    assert found[0].id == f"country/{iso}" and found[1] == sector
    assert gaz.metonym("Moscow") is None


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [("Moscow", "Moscow", "RUS"), ("Damascus", "Damascus", "SYR"), ("Crimea", "Crimea", "UKR"),
     ("Odessa", "Odesa", "UKR"), ("Kiev", "Kyiv", "UKR"), ("Aleppo", "Aleppo", "SYR"),
     ("Geneva", "Geneva", "CHE"), ("St. Petersburg", "St. Petersburg", "RUS"), ("Gaza Strip", "Gaza", "PSE")],
)  # fmt: skip
def test_places(gaz: Gazetteer, text: str, name: str, iso: str) -> None:
    assert gaz.place(text) == Place(name, iso)


def test_place_unknown_is_none(gaz: Gazetteer) -> None:
    assert gaz.place("Atlantis") is None


# --- role holders ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "of", "on", "expected"),
    [
        ("president", "SYR", dt.date(2015, 10, 21), "person/bashar-al-assad"),
        ("president", "UKR", dt.date(2012, 1, 1), "person/viktor-yanukovych"),
        ("president", "UKR", dt.date(2020, 1, 1), "person/volodymyr-zelensky"),
        ("president", "UKR", dt.date(2016, 6, 1), "person/petro-poroshenko"),
        ("prime minister", "UKR", dt.date(2007, 1, 1), "person/viktor-yanukovych"),
        ("premier", "UKR", dt.date(2012, 6, 1), "person/mykola-azarov"),
        ("president", "KGZ", dt.date(2003, 1, 1), "person/askar-akayev"),
        ("president", "RUS", dt.date(2010, 1, 1), "person/dmitry-medvedev"),
        ("prime minister", "RUS", dt.date(2010, 1, 1), "person/vladimir-putin"),
        ("foreign minister", "RUS", dt.date(2015, 1, 1), "person/sergei-lavrov"),
        ("foreign minister", "USA", dt.date(2014, 1, 1), "person/john-kerry"),
        ("foreign minister", "GBR", dt.date(2017, 1, 1), "person/boris-johnson"),
        ("chancellor", "DEU", dt.date(2010, 1, 1), "person/angela-merkel"),
        ("king", "SAU", dt.date(2016, 1, 1), "person/king-salman"),
        ("supreme leader", "IRN", dt.date(2010, 1, 1), "person/ali-khamenei"),
        ("leader", "PRK", dt.date(2015, 1, 1), "person/kim-jong-un"),
        ("leader", "LBY", dt.date(2005, 1, 1), "person/muammar-gaddafi"),
    ],
)
def test_holders_on_a_date(gaz: Gazetteer, title: str, of: str, on: dt.date, expected: str) -> None:
    assert ids(gaz.holders(title, of, on))[0] == expected


def test_holders_most_recent_and_none(gaz: Gazetteer) -> None:
    assert ids(gaz.holders("president", "RUS", None)) == ["person/vladimir-putin"]
    assert gaz.holders("president", "SYR", dt.date(1950, 1, 1)) == []
    assert gaz.holders("president", "ZZZ", None) == []


def test_exile_roles_after_office(gaz: Gazetteer) -> None:
    assad = gaz.get("person/bashar-al-assad")
    assert assad is not None
    assert ("president", "SYR", "2000-07-17", "2024-12-08") in [
        (r.title, r.of, r.start, r.end) for r in assad.roles
    ]
    exiles = set(ids(gaz.holders("exile", "RUS", dt.date(2025, 1, 1))))
    expected = {"person/bashar-al-assad", "person/viktor-yanukovych", "person/mykola-azarov",
                "person/askar-akayev", "person/edward-snowden", "person/viktor-medvedchuk"}  # fmt: skip
    assert expected <= exiles
    assert "person/bashar-al-assad" not in ids(gaz.holders("exile", "RUS", dt.date(2020, 1, 1)))


def test_to_actor(gaz: Gazetteer) -> None:
    entry = gaz.get("country/RUS")
    assert entry is not None
    actor = gaz.to_actor(entry)
    assert isinstance(actor, Actor)
    assert (actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, actor.wikidata) == (
        "country/RUS", "Russia", "country", "RUS", "GOV", "Q159")  # fmt: skip
    assert gaz.to_actor(entry) is actor


def test_lookups_are_fast(gaz: Gazetteer) -> None:
    texts = ["Putin", "the Kremlin", "Syrian", "Moscow", "Hamas", "Nobody Known"] * 2000
    start = time.perf_counter()
    for text in texts:
        gaz.lookup(text)
        gaz.demonym(text)
        gaz.metonym(text)
        gaz.place(text)
    per_call = (time.perf_counter() - start) / (len(texts) * 4)
    assert per_call < 50e-6, per_call


# --- extra files and validation ----------------------------------------------------------------


def test_extra_file_adds_entries(tmp_path: Path) -> None:
    path = write(tmp_path, """
- id: person/jane-testperson
  name: Jane Testperson
  kind: person
  country: SYR
  gender: f
  aliases: [J. Testperson]
  roles:
    - {title: president, of: XXA, start: 2001-02-03, end: 2005}
- name: Testville
  kind: city
  country: XXA
""")  # fmt: skip
    gaz = Gazetteer.load(extra=[path])
    assert ids(gaz.lookup("Testperson")) == ["person/jane-testperson"]
    assert ids(gaz.holders("president", "XXA", dt.date(2005, 12, 31))) == ["person/jane-testperson"]
    assert gaz.holders("president", "XXA", dt.date(2006, 1, 1)) == []
    assert gaz.place("Testville") == Place("Testville", "XXA")
    assert len(gaz) == len(Gazetteer.load()) + 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {id: x/1, name: A, kind: person, colour: red}", "unknown keys ['colour']"),
        ("- {name: A, kind: person}", "missing id"),
        ("- {id: x/1, kind: person}", "missing name"),
        ("- {id: x/1, name: A, kind: planet}", "bad kind 'planet'"),
        ("- {id: x/1, name: A, kind: person, country: Russia}", "bad country"),
        ("- {id: x/1, name: A, kind: person, country: rus}", "bad country"),
        ("- {id: x/1, name: A, kind: person, roles: [{title: president, start: 2020-13-01}]}", "bad date"),
        ("- {id: x/1, name: A, kind: person, roles: [{title: president, start: 2020-02-30}]}", "bad date"),
        ("- {id: x/1, name: A, kind: person, roles: [{title: p, start: 2020, end: 2019}]}", "ends before"),
        ("- {id: x/1, name: A, kind: person, gender: x}", "gender"),
        ("- {id: x/1, name: A, kind: person, wikidata: 7747}", "bad wikidata"),
        ("- {id: x/1, name: A, kind: person}\n- {id: x/1, name: B, kind: person}", "duplicate id 'x/1'"),
        ("- {id: person/vladimir-putin, name: A, kind: person}", "duplicate id"),
        ("{id: x/1}", "must be a list"),
        ("- [1, 2]", "must be a mapping"),
        ("- {id: x/1, name: A, kind: person\n", "cannot read"),
    ],
)
def test_validation_errors_name_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ModelError) as info:
        Gazetteer.load(extra=[path])
    assert message in str(info.value)
    assert info.value.source == str(path)


def test_validation_error_names_the_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path, "- {id: x/ok, name: A, kind: person}\n- {id: x/bad, name: B, kind: person, sector: 7}\n"
    )
    with pytest.raises(ModelError, match=r"entry 2 \(x/bad\): bad sector"):
        Gazetteer.load(extra=[path])


def test_missing_extra_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read"):
        Gazetteer.load(extra=[tmp_path / "absent.yaml"])

"""Tests for the Phoenix/PETRARCH and CountryInfo importers and their YAML round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from patronage.errors import InputError
from patronage.resolve.gazetteer import Gazetteer
from patronage.resolve.importers import import_countryinfo, import_phoenix, parse_code, write_entries
from tests.conftest import shared_path

PHOENIX_SAMPLE = """\
# a tiny actor dictionary written for this test
NORTHLAND_  [RUS]
+NORTHLANDIC_

IVAN_TESTOV_  # CountryInfo.txt
+PRESIDENT_TESTOV
\t[RUSELI 600101-991231]
\t[RUSGOV 000507-080507]
\t[RUSGOV >120507]
\t[RUSELI]

GRAND_HARBOUR_MILITIA_ [SYRREB] # a group
+HARBOUR_BRIGADES_

BLUE_RIVER_PRESS_AGENCY_\t[GBRMED] # inline code
ANNA_EXAMPLE_\t[IGOUNO 970101-061231] [ELI]# inline dated code
"""

COUNTRYINFO_SAMPLE = """\
<!-- a tiny CountryInfo file written for this test
spanning two lines -->
<Country>
<CountryCode>SYR</CountryCode>
<CountryName>SYRIA</CountryName>
<ISO3166-alpha3>SYR</ISO3166-alpha3>
<Nationality>
\tSYRIAN_
</Nationality>
<Capital>
\tDAMASCUS
\tDIMASHQ_
</Capital>
<MajorCities>
\tALEPPO_
\tHOMS_
</MajorCities>
<Leaders>
\t<Presidents>
\t\tOMAR_SAMPLEMAN_\t\t[19900101 - 20000610]  [B:19320101]
\t\t{KARIM_TESTANI_}{KARIM_AL_TESTANI_}\t[>20000717]  [B:19650101]
\t</Presidents>
\t<Prime ministers>
\t\tNADIA_EXAMPLA_\t[20030910 - 20110414]
\t</Prime ministers>
</Leaders>
<Government>
\tSAMI_FOREIGNER_\t[SYRGOV 20060301 - 20100631]\t# Minister of Foreign Affairs
\tRAMI_DOUBLE_\t[SYRGOV <20030931][SYRGOVMIL 20031001 - 20041031]\t# Deputy Prime Minister & Minister of Defense
</Government>
</Country>
</Comment>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_name(entries: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(e["name"]): e for e in entries}


def test_parse_code() -> None:
    assert parse_code("RUSGOV") == ("RUS", "GOV")
    assert parse_code("USAMIL") == ("USA", "MIL")
    assert parse_code("SYR") == ("SYR", None)
    assert parse_code("IGOUNOIAE") == (None, "IGO")
    assert parse_code("G77") == (None, None)


def test_phoenix_sample(tmp_path: Path) -> None:
    entries = by_name(import_phoenix(write(tmp_path, "sample.actors.txt", PHOENIX_SAMPLE)))
    assert set(entries) == {
        "Northland",
        "Ivan Testov",
        "Grand Harbour Militia",
        "Blue River Press Agency",
        "Anna Example",
    }
    country = entries["Northland"]
    assert (country["kind"], country["country"], country["aliases"]) == ("country", "RUS", ["Northlandic"])
    person = entries["Ivan Testov"]
    assert person["kind"] == "person" and person["country"] == "RUS" and person["sector"] == "GOV"
    assert person["aliases"] == ["President Testov"]
    assert person["roles"] == [
        {"title": "elite", "of": "RUS", "start": "1960-01-01", "end": "1999-12-31"},
        {"title": "government", "of": "RUS", "start": "2000-05-07", "end": "2008-05-07"},
        {"title": "government", "of": "RUS", "start": "2012-05-07"},
    ]
    group = entries["Grand Harbour Militia"]
    assert (group["kind"], group["country"], group["sector"]) == ("group", "SYR", "REB")
    media = entries["Blue River Press Agency"]
    assert (media["kind"], media["country"], media["sector"]) == ("organization", "GBR", "MED")
    igo = entries["Anna Example"]
    assert igo["kind"] == "person" and igo["sector"] == "IGO" and "country" not in igo
    assert all(str(e["id"]).startswith("phoenix/") for e in entries.values())


def test_phoenix_round_trip_loads(tmp_path: Path) -> None:
    entries = import_phoenix(write(tmp_path, "sample.actors.txt", PHOENIX_SAMPLE))
    out = tmp_path / "out" / "phoenix.yaml"
    assert write_entries(entries, out) == len(entries)
    gaz = Gazetteer.load(extra=[out])
    assert [e.id for e in gaz.lookup("Testov")] == ["phoenix/person/ivan-testov"]
    assert [e.id for e in gaz.lookup("Harbour Brigades")] == ["phoenix/group/grand-harbour-militia"]
    assert [e.id for e in gaz.holders("government", "RUS", dt.date(2005, 1, 1))] == [
        "phoenix/person/ivan-testov"
    ]
    assert gaz.holders("government", "RUS", dt.date(2010, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("+ORPHAN_SYNONYM_\n", ":1: synonym before any actor"),
        ("# comment\n\n\t[RUSGOV 000101-010101]\n", ":3: date restriction before any actor"),
    ],
)
def test_phoenix_malformed(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        import_phoenix(write(tmp_path, "bad.actors.txt", text))


def test_phoenix_bad_dates_are_skipped_unless_strict(tmp_path: Path) -> None:
    path = write(
        tmp_path, "dates.actors.txt", "SOME_ONE_\n\t[RUSGOV 2004017-20061201]\n\t[RUSGOV 100101-090101]\n"
    )
    entries = import_phoenix(path)
    assert entries[0]["country"] == "RUS" and "roles" not in entries[0]
    with pytest.raises(InputError, match=r"dates\.actors\.txt:2: bad date '2004017'"):
        import_phoenix(path, strict=True)
    path.write_text("SOME_ONE_\n\t[RUSGOV 100101-090101]\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2: date range .* ends before it starts"):
        import_phoenix(path, strict=True)


def test_unreadable_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        import_phoenix(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="cannot read"):
        import_countryinfo(tmp_path)


def test_countryinfo_sample(tmp_path: Path) -> None:
    entries = import_countryinfo(write(tmp_path, "CountryInfo.txt", COUNTRYINFO_SAMPLE))
    actors = by_name([e for e in entries if e["kind"] not in ("city", "region")])
    places = by_name([e for e in entries if e["kind"] in ("city", "region")])
    syria = actors["Syria"]
    assert (syria["country"], syria["demonyms"], syria["capital"]) == ("SYR", ["Syrian"], "Damascus")
    assert places["Damascus"] == {
        "name": "Damascus",
        "kind": "city",
        "country": "SYR",
        "aliases": ["Dimashq"],
    }
    assert places["Aleppo"]["country"] == "SYR" and "Homs" in places
    karim = actors["Karim Testani"]
    assert karim["aliases"] == ["Karim Al Testani"]
    assert karim["roles"] == [{"title": "president", "of": "SYR", "start": "2000-07-17"}]
    assert actors["Omar Sampleman"]["roles"] == [
        {"title": "president", "of": "SYR", "start": "1990-01-01", "end": "2000-06-10"}
    ]
    assert actors["Nadia Exampla"]["roles"][0]["title"] == "prime minister"  # type: ignore[index]
    # "June 31" in the source means the end of June
    assert actors["Sami Foreigner"]["roles"] == [
        {"title": "minister of foreign affairs", "of": "SYR", "start": "2006-03-01", "end": "2010-06-30"}
    ]
    rami = actors["Rami Double"]["roles"]
    assert rami == [
        {"title": "deputy prime minister", "of": "SYR", "end": "2003-09-30"},
        {"title": "minister of defense", "of": "SYR", "start": "2003-10-01", "end": "2004-10-31"},
    ]


def test_countryinfo_round_trip_loads(tmp_path: Path) -> None:
    entries = import_countryinfo(write(tmp_path, "CountryInfo.txt", COUNTRYINFO_SAMPLE))
    out = tmp_path / "ci.yaml"
    write_entries(entries, out)
    gaz = Gazetteer.load(extra=[out])
    on = dt.date(2008, 1, 1)
    assert "countryinfo/person/karim-testani" in [e.id for e in gaz.holders("president", "SYR", on)]
    assert [e.id for e in gaz.holders("foreign minister", "SYR", on)][
        0
    ] == "countryinfo/person/sami-foreigner"
    assert [e.id for e in gaz.holders("defence minister", "SYR", dt.date(2004, 1, 1))] == [
        "countryinfo/person/rami-double"
    ]


def test_countryinfo_malformed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no <Country> block"):
        import_countryinfo(write(tmp_path, "empty.txt", "just some text\n"))
    with pytest.raises(InputError, match=r"stray\.txt:1: 'PLAIN TEXT' outside a <Country> block"):
        import_countryinfo(write(tmp_path, "stray.txt", "PLAIN TEXT\n" + COUNTRYINFO_SAMPLE), strict=True)


def test_write_entries_unwritable(tmp_path: Path) -> None:
    blocker = write(tmp_path, "file", "x")
    with pytest.raises(InputError, match="cannot write"):
        write_entries([{"id": "a/b", "name": "A", "kind": "person"}], blocker / "out.yaml")


# --- the real public dictionaries (../shared) ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
     "PETR.Validate.actors.txt"],
)  # fmt: skip
def test_real_phoenix_round_trip(tmp_path: Path, name: str) -> None:
    entries = import_phoenix(shared_path("data", "phoenix", name))
    assert len(entries) > 100
    out = tmp_path / "phoenix.yaml"
    assert write_entries(entries, out) == len(entries)
    gaz = Gazetteer.load(extra=[out])
    assert len(gaz) == len(Gazetteer.load()) + len(entries)
    if name == "Phoenix.Countries.actors.txt":
        assert "phoenix/person/bashar-al-assad" in [e.id for e in gaz.lookup("Bashar al-Assad")]
        lavrov = gaz.get("phoenix/person/sergey-lavrov")
        assert lavrov is not None and lavrov.country == "RUS"


@pytest.mark.slow
def test_real_countryinfo_round_trip(tmp_path: Path) -> None:
    entries = import_countryinfo(shared_path("data", "countryinfo", "CountryInfo.120116.txt"))
    countries = [e for e in entries if e["kind"] == "country"]
    assert len(countries) >= 190
    out = tmp_path / "ci.yaml"
    write_entries(entries, out)
    gaz = Gazetteer.load(extra=[out])
    syria = gaz.get("countryinfo/country/syria")
    assert syria is not None and syria.country == "SYR" and syria.capital == "Damascus"
    assert "Syrian" in syria.demonyms
    assert "countryinfo/person/bashar-al-assad" in [
        e.id for e in gaz.holders("president", "SYR", dt.date(2005, 1, 1))
    ]

"""Resolving one article: namesakes kept apart by the country the text states, roles read from the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.config import Settings
from patronage.runner import run
from patronage.store import Store
from tests.conftest import analyse_text

MILLER = "Polish diplomat John Miller met the envoy in Geneva on Monday."


@pytest.mark.parametrize(
    ("other", "date", "n_people"),
    [
        ("Canadian senator John Miller criticised the deal on Friday.", "2020-01-01", 2),  # apart
        ("Polish diplomat John Miller returned to Warsaw on Tuesday.", "2020-01-02", 1),  # described alike
    ],
)
def test_namesakes_of_different_countries_stay_apart_and_the_same_person_merges(
    tmp_path: Path, other: str, date: str, n_people: int
) -> None:
    rows = [
        {"id": "a", "title": "T", "date": "2020-01-01", "text": MILLER},
        {"id": "b", "title": "T", "date": date, "text": other},
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    run([str(src)], Settings().replace(run__db=str(tmp_path / "x.duckdb")))
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        ids = store.rows("SELECT DISTINCT actor_id FROM mentions WHERE actor_id LIKE 'person/john-miller%'")
    assert len(ids) == n_people, ids


def test_roles_from_apposition_and_its_relative_clause() -> None:
    text = "Alexy Pushkov, a legislator who is head of the Foreign Affairs Committee in the Duma, said the talks failed."
    result = analyse_text(text, "2015-10-21", "r")
    roles = {(r.title, r.of) for a in result.actors for r in a.roles if r.origin == "text"}
    assert any(t == "legislator" for t, _ in roles)
    assert any(t == "head" and (of or "").startswith("Foreign Affairs Committee") for t, of in roles)
    assert all(
        r.evidence is not None and r.evidence.sentence == text
        for a in result.actors
        for r in a.roles
        if r.origin == "text"
    )


def test_occupations_are_roles_and_name_people_the_tagger_missed() -> None:
    from patronage.nlp.loader import load_nlp
    from patronage.resolve.actors import resolve_entities
    from patronage.resolve.registry import load_gazetteer

    text = "Marta Quispe Huanca, a Bolivian pilot held in Peru since 2019, was flown home on Sunday."
    result = analyse_text(text, "2021-06-01", "o")
    roles = {(r.title, r.of) for a in result.actors for r in a.roles if r.origin == "text"}
    assert ("pilot", "Bolivia") in roles, roles
    # with the tagger's entities gone, the apposed role alone still shows a person is named
    bare = load_nlp()(text)
    bare.ents = []
    found = resolve_entities(bare, "o", None, load_gazetteer())
    assert [m.text for m in found.mentions if m.label == "PERSON"] == ["Marta Quispe Huanca"]
    # an organisation described by a non-role noun is left alone
    org = load_nlp()("Acme Shipping Lines, the freight company, denied it.")
    org.ents = []
    assert not [m for m in resolve_entities(org, "x", None, load_gazetteer()).mentions if m.label == "PERSON"]


def _person(result: object, surname: str) -> object:
    people = [a for a in result.actors if a.kind == "person" and a.name.endswith(surname)]  # type: ignore[attr-defined]
    assert people, [a.name for a in result.actors]  # type: ignore[attr-defined]
    return people[0]


def test_a_person_takes_the_country_of_the_actor_served_and_keeps_the_id() -> None:
    text = "Donald Trump's senior adviser Jared Kushner flew to Riyadh on Monday."
    kushner = _person(analyse_text(text, "2018-05-01", "s"), "Kushner")
    assert kushner.country == "USA"  # type: ignore[attr-defined]
    assert "~" not in kushner.actor_id  # type: ignore[attr-defined]  # a served country makes no namesake id


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        (
            "Rep. Dana Whitfield subpoenaed the documents on Tuesday.",
            "Whitfield",
            "USA",
        ),  # "Rep." is Congress
        ("Congresswoman Dana Whitfield spoke on Tuesday.", "Whitfield", "USA"),
        ("Dana Whitfield, D-Ore., spoke on Tuesday.", "Whitfield", "USA"),  # the party-state label
        ("Labour MP Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),  # the party's country
        ("Conservative leader Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),
        ("Scotland's first minister Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),  # a place in it
        ("Ohio Gov. Dana Whitfield signed the bill.", "Whitfield", "USA"),
        ("Kansas Republican Dana Whitfield blamed the president.", "Whitfield", "USA"),  # a party member
        ("Dana Whitfield, a Republican, has not scheduled a debate.", "Whitfield", "USA"),
        # an office only one state has, whatever the story; "New" is no body of that office
        ("New Home Secretary Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),
        ("Senate Majority Leader Dana Whitfield spoke on Tuesday.", "Whitfield", "USA"),
        ("The shadow education secretary, Dana Whitfield, spoke on Tuesday.", "Whitfield", "GBR"),
        # a party or a body the title names
        ("Lib Dem home affairs spokesman Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),
        ("UKIP leader Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),
        ("BBC political editor Dana Whitfield spoke on Tuesday.", "Whitfield", "GBR"),
        ("Pentagon press secretary Dana Whitfield spoke on Tuesday.", "Whitfield", "USA"),
        # an office's name the parser ran into the name; a peer's style
        (
            "Former Director of National Intelligence James Clapper said the report was wrong.",
            "Clapper",
            "USA",
        ),
        ("The bill would pass, said Lord Whitfield on Tuesday.", "Whitfield", "GBR"),
    ],
)
def test_a_title_places_a_person_in_a_country(text: str, surname: str, country: str) -> None:
    person = _person(analyse_text(text, "2015-05-01", "t"), surname)
    assert person.country == country, person.roles  # type: ignore[attr-defined]


def test_a_counterpart_takes_no_country_from_the_other_side() -> None:
    text = "Vladimir Putin's counterpart Mehmet Yilmaz arrived in Ankara on Monday."
    assert _person(analyse_text(text, "2018-05-01", "c"), "Yilmaz").country is None  # type: ignore[attr-defined]
    text = "Mehmet Yilmaz, a Labour critic, arrived in Ankara on Monday."
    assert _person(analyse_text(text, "2018-05-01", "c"), "Yilmaz").country is None  # type: ignore[attr-defined]


def test_an_office_title_word_makes_no_organisation() -> None:
    result = analyse_text("New Home Secretary Dana Whitfield spoke on Tuesday.", "2005-03-01", "h")
    assert not [a for a in result.actors if a.kind == "organization"], result.actors


def test_a_known_name_the_tagger_cut_short_is_the_whole_name() -> None:
    text = "Liberal Democrat leader Anna Crowe said the budget was unfair."
    result = analyse_text(text, "2005-03-01", "l")
    assert "Liberal Democrats" in {a.name for a in result.actors}
    assert "Democratic Party" not in {a.name for a in result.actors}
    assert _person(result, "Crowe").country == "GBR"  # type: ignore[attr-defined]


def test_a_later_article_gives_a_stored_person_a_country(tmp_path: Path) -> None:
    rows = [
        {
            "id": "a",
            "title": "T",
            "date": "2020-01-01",
            "text": "Ruth Vance met the envoy in Geneva on Monday.",
        },
        {
            "id": "b",
            "title": "T",
            "date": "2020-01-02",
            "text": "Donald Trump's adviser Ruth Vance left on Tuesday.",
        },
    ]
    db = tmp_path / "x.duckdb"
    for row in rows:  # two runs: the person is stored before the article that gives her a country
        src = tmp_path / f"{row['id']}.jsonl"
        src.write_text(json.dumps(row) + "\n", encoding="utf-8")
        run([str(src)], Settings().replace(run__db=str(db)))
    with Store(db, read_only=True) as store:
        rows_ = store.rows("SELECT actor_id, country FROM actors WHERE name = 'Ruth Vance'")
    assert [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in rows_] == [
        ("person/ruth-vance", "USA")
    ]


def test_an_office_in_the_style_of_the_articles_one_country_places_its_holder_there() -> None:
    american = (
        "Donald Trump met Nancy Pelosi in Washington. Former national security adviser Dana Flint testified "
        "before Congress on Monday. The FBI and the Senate agreed."
    )
    assert _person(analyse_text(american, "2019-05-01", "a"), "Flint").country == "USA"  # type: ignore[attr-defined]
    british = "Tony Blair spoke in London. Shadow chancellor Dana Letts told the Labour Party that Britain would act."
    assert _person(analyse_text(british, "2005-05-01", "b"), "Letts").country == "GBR"  # type: ignore[attr-defined]
    # a story about two countries has no home: the office says nothing
    mixed = "Vladimir Putin met Donald Trump in Helsinki. Senior adviser Dana Flint said Russia would act."
    assert _person(analyse_text(mixed, "2018-07-16", "c"), "Flint").country is None  # type: ignore[attr-defined]
    # an office named with its portfolio or its committee is an office too
    portfolio = (
        "Tony Blair and Gordon Brown met in London to plan Britain's election. In a written answer, Constitutional Affairs Minister "
        "Dana Letts said the poll would cost the same as a general election."
    )
    assert _person(analyse_text(portfolio, "2005-05-01", "d"), "Letts").country == "GBR"  # type: ignore[attr-defined]
    committee = (
        "Donald Trump and Mike Pence spoke. Chuck Schumer replied. Republicans pushed for a probe of a memo "
        "written for House Intelligence Committee Chairman Dana Flint."
    )
    assert _person(analyse_text(committee, "2018-02-01", "e"), "Flint").country == "USA"  # type: ignore[attr-defined]


def test_a_country_the_storys_own_people_share_keeps_the_persons_id() -> None:
    text = (
        "Donald Trump met Nancy Pelosi in Washington. Massachusetts Sen. Dana Warren attacked Congress "
        "and the FBI on Monday."
    )
    warren = _person(analyse_text(text, "2019-05-01", "w"), "Warren")
    assert warren.country == "USA" and "~" not in warren.actor_id  # type: ignore[attr-defined]


def test_a_party_the_tagger_calls_a_person_is_the_party() -> None:
    result = analyse_text(
        "The Lib Dems said the plan was unfair, and their leader agreed.", "2005-03-01", "p"
    )
    assert "Liberal Democrats" in {a.name for a in result.actors if a.kind == "organization"}
    assert not [a for a in result.actors if a.kind == "person"], result.actors


def test_a_partys_own_name_says_whose_it_is_a_creed_needs_the_storys_country() -> None:
    text = "A Labour Party spokesman said US-style police chiefs would be a mistake, Labour said."
    result = analyse_text(text, "2005-03-01", "lab")
    assert {a.actor_id for a in result.actors if "labour" in a.actor_id} == {"org/uk-labour-party"}
    text = "Conservatives in Congress complained about the plan, said Senator Ted Cruz of Texas."
    result = analyse_text(text, "2015-03-01", "con")
    assert "org/uk-conservative-party" not in {a.actor_id for a in result.actors}


def test_a_full_name_the_tagger_missed_is_the_person_its_surname_names() -> None:
    text = (
        "Howard pitches for votes\n\nMichael Howard is to make a pitch for Britain's ethnic vote on Monday.\n\n"
        "Mr Howard will say the party shares their values. Mr Howard spoke in London."
    )
    result = analyse_text(text, "2005-03-01", "mh")
    people = {a.actor_id for a in result.actors if a.kind == "person"}
    assert people == {"person/michael-howard"}, people


def test_a_warlord_is_no_lord() -> None:
    person = _person(
        analyse_text("The Somali warlord Mohammed Farah Aidid died in 1996.", "2015-05-01", "t"), "Aidid"
    )
    assert person.country != "GBR"  # type: ignore[attr-defined]


def test_an_acronym_is_the_body_the_article_spelled_out() -> None:
    text = (
        "The Office of the Director of National Intelligence released a report on Monday. "
        "The ODNI said the findings were final. A USDA spokesman did not comment, and the "
        "U.S. Department of Agriculture said nothing."
    )
    bodies = {a.name for a in analyse_text(text, "2017-05-01", "t").actors if a.kind != "person"}
    assert "ODNI" not in bodies and "Office of the Director of National Intelligence" in bodies, bodies


def test_an_office_only_one_state_has_places_its_holder_whatever_the_story() -> None:
    blears = analyse_text(
        "Hazel Blears, a Home Office minister, said the police would act.", "2005-03-01", "f"
    )
    assert _person(blears, "Blears").country == "GBR"  # type: ignore[attr-defined]
    mnuchin = analyse_text("Treasury Secretary Dana Flint said markets would calm.", "2018-06-01", "g")
    assert _person(mnuchin, "Flint").country == "USA"  # type: ignore[attr-defined]
    # the Philippines names its cabinet the American way: "Agriculture Secretary" places no one
    manila = analyse_text("Agriculture Secretary Dana Reyes said rice prices would fall.", "2019-06-01", "h")
    assert _person(manila, "Reyes").country is None  # type: ignore[attr-defined]


def test_a_bare_surname_is_the_bearer_active_or_last_active_at_the_date() -> None:
    def people(text: str, date: str) -> set[str]:
        return {m.actor_id for m in analyse_text(text, date).mentions if m.actor_id and m.label == "PERSON"}

    text = "California voted Democratic (Clinton won it by 29 points) and Wyoming went Republican (Trump won it)."
    assert {"person/hillary-clinton", "person/donald-trump"} <= people(text, "2016-11-26")
    assert "person/bill-clinton" in people("Clinton met Yeltsin in Moscow on Monday.", "1998-05-01")
    assert "person/hillary-clinton" in people("Clinton said the election was stolen from her.", "2019-05-01")

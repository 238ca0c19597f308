"""Mention boundaries: an actor is a name, never a fragment of the text around it."""

from __future__ import annotations

import pytest

from patronage.nlp.loader import load_nlp
from patronage.resolve.names import checked_name
from patronage.resolve.personcues import person_cue
from tests.conftest import analyse_text


def _known(name: str, entity: str) -> bool:
    return name in {"Nancy Pelosi", "Pelosi", "Comey", "Trump", "Cohen", "Morgan"}


def _check(text: str, piece: str, label: str) -> str | None:
    doc = load_nlp()(text)
    start = text.index(piece)
    bounds = checked_name(doc, start, start + len(piece), label, _known)
    return None if bounds is None else text[bounds[0] : bounds[1]]


@pytest.mark.parametrize(
    ("text", "piece", "label", "name"),
    [
        ("Nervous Nancy Pelosi is upset, he wrote.", "Nervous Nancy Pelosi", "PERSON", "Nancy Pelosi"),
        ("Attacks Comey, backs Cohen", "Attacks Comey", "PERSON", "Comey"),
        ("The leaders of the Group of Seven (G-7 met.", "Group of Seven (G-7", "ORG", "Group of Seven"),
        ("He met Bashar al-Assad,[1 in 2015.", "Bashar al-Assad,[1", "PERSON", "Bashar al-Assad"),
        ("“Acme Fund said no.", "“Acme Fund", "ORG", "Acme Fund"),
        ("The analyst Big Bank’s Jane Roe agreed.", "Big Bank’s Jane Roe", "PERSON", "Jane Roe"),
        (
            "She joined the new Department of Homeland Security.",
            "new Department of Homeland Security",
            "ORG",
            "Department of Homeland Security",
        ),
        ("Members of al-Qaida fled.", "al-Qaida", "ORG", "al-Qaida"),
        ("Women's March organisers spoke.", "Women's March", "ORG", "Women's March"),
        (
            "The Committee to Protect Journalists spoke.",
            "Committee to Protect Journalists",
            "ORG",
            "Committee to Protect Journalists",
        ),
    ],
)
def test_names_are_trimmed_to_the_name(text: str, piece: str, label: str, name: str) -> None:
    assert _check(text, piece, label) == name


@pytest.mark.parametrize(
    ("text", "piece", "label"),
    [
        ("Follow @janeroe for more.", "@janeroe", "PERSON"),
        ("Photo by Jane Roe/Reuters was shown.", "Jane Roe/Reuters", "PERSON"),
        ("Thiel and Trump met.", "Thiel and Trump", "PERSON"),
        ("Trump’s July 25 call was discussed.", "Trump’s July 25", "ORG"),
        ("He denied misdemeanor assault charges.", "misdemeanor assault", "PERSON"),
        ("Aides to TrumpGOP leaders met Trump and GOP donors.", "TrumpGOP", "ORG"),
        ("The suit said Sherman that Ailes was fired.", "Sherman that Ailes", "ORG"),
        ("Then Carlson sued Ailes in July.", "Carlson sued Ailes", "ORG"),
        ("The women accused Ailes, Laurie Luhn said.", "Ailes, Laurie Luhn", "ORG"),
        ("She insulted Boone to Comey at dinner.", "Boone to Comey", "ORG"),
        ("She insulted Boone to Cunningham at dinner.", "Boone to Cunningham", "PERSON"),
        ("The charges were read out by Jr. on Monday.", "Jr.", "PERSON"),  # a suffix cut from its name
    ],
)
def test_fragments_are_no_names(text: str, piece: str, label: str) -> None:
    assert _check(text, piece, label) is None


@pytest.mark.parametrize(
    ("text", "word", "cue"),
    [
        ("Mr Kinnock left the party in 1995.", "Kinnock", True),
        ("Goldsmith, the attorney general, resigned.", "Goldsmith", True),
        ("Later, Goldsmith said the advice was sound.", "Goldsmith", True),
        ("The video spread fast on Twitter last week.", "Twitter", False),
    ],
)
def test_person_cue(text: str, word: str, cue: bool) -> None:
    doc = load_nlp()(text)
    start = text.index(word)
    assert person_cue(doc, start, start + len(word)) is cue


def test_a_lone_unknown_word_without_a_cue_is_no_node() -> None:
    result = analyse_text("The clip went viral on Twitter. Mr Kinnock said it was a fake.")
    names = {a.name for a in result.actors}
    assert "Twitter" not in names and "Kinnock" in names
    unsure = [m for m in result.mentions if m.how == "unsure"]
    assert all(m.actor_id is None for m in unsure)


def test_a_known_surname_tagged_an_organisation_is_the_person() -> None:
    result = analyse_text("Trump said on Monday that the talks would go on.", date="2019-05-01")
    assert any(a.actor_id == "person/donald-trump" for a in result.actors)
    assert all(a.kind != "organization" or a.name != "Trump" for a in result.actors)


def test_a_given_name_joined_to_a_full_name_shares_its_surname() -> None:
    actors = analyse_text(
        "Bill Clinton invested with Jim and Susan McDougal in Arkansas.", "1996-05-01"
    ).actors
    assert {"Jim McDougal", "Susan McDougal"} <= {a.name for a in actors}
    assert "Jim" not in {a.name for a in actors}


@pytest.mark.parametrize(
    "text",
    [
        "the Trans Pacific Partnership",
        "the Paris Agreement",
        "the Patriot Act",
        "the Minsk Protocol",
        "the Road Safety Bill",
        "the Chemical Weapons Convention",
        "the European Convention on Human Rights",
        "the Commerce Clause of the Constitution",
        "the Singapore Summit",
        "the State of the Union Address",
        "the Steele Dossier",
        "the 2019 Audit of Anti-Semitic Incidents",
        "the White House Correspondents' Association Dinner",
    ],
)
def test_treaties_laws_meetings_and_papers_are_no_actors(text: str) -> None:
    doc = load_nlp()(f"Officials discussed {text} on Monday.")
    start = doc.text.index(text.split(" ", 1)[1])
    end = start + len(text.split(" ", 1)[1])
    assert checked_name(doc, start, end, "ORG", lambda _n, _p: False) is None


@pytest.mark.parametrize(
    "text", ["the Office for Civil Rights", "Physicians for Human Rights", "the Bill Foundation"]
)
def test_a_body_named_for_rights_or_a_bill_is_an_actor(text: str) -> None:
    doc = load_nlp()(f"Officials met {text} on Monday.")
    name = text.removeprefix("the ")
    start = doc.text.index(name)
    assert checked_name(doc, start, start + len(name), "ORG", lambda _n, _p: False) == (
        start,
        start + len(name),
    )


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("Ray AguilarSenate removes the phrase from the measure. The Senate agreed.", "Ray AguilarSenate"),
        (
            "They met the AFL-CIO.Lighthizer, who won praise from Democrats, spoke. Lighthizer left.",
            "AFL-CIO.Lighthizer",
        ),
    ],
)
def test_words_run_together_are_no_name(text: str, piece: str) -> None:
    doc = load_nlp()(text)
    start = doc.text.index(piece)
    assert checked_name(doc, start, start + len(piece), "ORG", lambda _n, _p: False) is None


def test_a_slogan_word_and_a_pair_an_inquiry_is_about_are_no_bodies() -> None:
    text = (
        "The Trump-Russia investigation widened. Sen. Joe Manchin backed the Manchin-Toomey bill. "
        "FREE speech matters, NEVER again, the banner said. Ritz-Carlton hotels opened in Riyadh. "
        "The Committee voted on Monday. I'm actually very pro-Dreamers, she said. "
        "The Legislature approved the budget. Success begets success. The Left will lose ground. "
        "The Anti-Defamation League and the Bank of England agreed. Longtime Democratic strategist Bob Shrum left."
    )
    result = analyse_text(text, "2019-05-01")
    names = {a.name for a in (*result.actors, *result.settings)}  # named once in passing: no nodes
    assert (
        not {
            "Trump-Russia",
            "Manchin-Toomey",
            "FREE",
            "NEVER",
            "Committee",
            "pro-Dreamers",
            "Longtime Democratic",
            "Legislature",
            "Success",
            "Left",
        }
        & names
    ), names
    assert {"Joe Manchin", "Ritz-Carlton", "Anti-Defamation League", "Bank of England"} <= names
    # a party word before a noun still places the one it describes
    assert "Democratic Party" in names
    text = "Labour peer Baroness Kennedy spoke. Labour campaign spokesman Fraser Kemp said nothing."
    people = {a.name: a.country for a in analyse_text(text, "2005-01-01").actors if a.kind == "person"}
    assert people == {"Baroness Kennedy": "GBR", "Fraser Kemp": "GBR"}


def test_a_place_or_a_day_named_after_someone_is_no_person() -> None:
    text = (
        "Pope Francis spoke on Sunday. Crowds gathered in St Peter's Square. Throughout the year, he "
        "delivers appeals for peace. Patients left St Thomas' Hospital before St Patrick's Day."
    )
    result = analyse_text(text, "2019-12-25")
    assert {a.name for a in result.actors if a.kind == "person"} == {"Pope Francis"}
    assert [m.actor_id for m in result.mentions if m.text == "he"] == ["person/pope-francis"]


def test_a_building_a_party_word_or_a_people_the_tagger_called_a_person_is_none() -> None:
    text = (
        "Trump visited Westminster Abbey on Monday. Maverick GOP strategist Roger Stone spoke. Nottingham "
        "City Councillor Brian Parbutt said no. Tutsis and moderate Hutus were killed by Hutu militias after "
        "the assassination of an ethnic Hutu leader."
    )
    people = {a.name for a in analyse_text(text, "2019-05-01").actors if a.kind == "person"}
    assert people == {"Donald Trump", "Roger Stone", "Brian Parbutt"}, people


def test_a_policy_a_programme_or_a_creed_is_no_actor() -> None:
    text = "Brexit has split the party, and Obamacare remains. Medicare and Medicaid grew. Islam is a faith."
    names = {a.name for a in analyse_text(text, "2019-05-01").actors}
    assert not names & {"Brexit", "Obamacare", "Medicare", "Medicaid", "Islam"}, names


def test_a_department_named_after_the_leader_it_served_is_the_department() -> None:
    text = "Barack Obama spoke. The Obama Justice Department sued the state. The Justice Department agreed."
    bodies = {a.actor_id for a in analyse_text(text, "2016-05-01").actors if a.kind != "person"}
    assert bodies == {"org/us-justice-department"}, bodies


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Will Bernie Sanders try again in 2020 should he lose?", "Bernie Sanders"),
        ("(Question: Will Barack Obama ask Congress for the delay?", "Barack Obama"),
        ("Onetime Trump adviser Steve Bannon stepped down.", "Steve Bannon"),
    ],
)
def test_a_question_auxiliary_or_a_descriptor_is_no_part_of_the_name(text: str, name: str) -> None:
    names = {a.name for a in analyse_text(text, "2019-06-01").actors if a.kind == "person"}
    assert name in names
    assert not any(n.startswith(("Will ", "Onetime ")) for n in names)


def test_a_number_inside_a_tagged_name_makes_no_actor() -> None:
    result = analyse_text("Less than a minute later, the officer shot Smith five times.", "2019-06-01")
    assert not any("five" in a.name for a in result.actors)


def test_an_offices_field_the_tagger_took_alone_is_no_body() -> None:
    text = (
        "Former Secretary of State Clinton gave a speech. They asked the Director of National "
        "Intelligence to testify. Sgt. Jones said so."
    )
    names = {a.name for a in analyse_text(text, "2019-06-01").actors}
    assert not names & {"State", "National Intelligence", "Sgt"}

"""An actor is a node of its article only when the article names it as more than a setting."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("The senator worried about drones used in places like Afghanistan and Yemen.", set()),
        ("Barack Obama spoke on a panel at the National Press Club on Monday.", {"Barack Obama"}),
        ("Saudi Arabia bombed Yemen in 2015.", {"Saudi Arabia", "Yemen"}),
    ],
)
def test_a_state_or_body_named_only_as_a_setting_is_no_node(text: str, nodes: set[str]) -> None:
    assert {a.name for a in analyse_text(text, "2019-05-01").actors} == nodes


def test_an_unknown_body_named_once_in_passing_is_no_node() -> None:
    text = "According to a YouGov survey in January, few Britons trust Tony Blair."
    assert "YouGov" not in {a.name for a in analyse_text(text, "2005-01-01").actors}
    text = (
        "The Electoral Reform Society published a survey in January. Few voters trust Tony Blair, "
        "and the Electoral Reform Society called for change."
    )
    assert "Electoral Reform Society" in {a.name for a in analyse_text(text, "2005-01-01").actors}


def test_a_court_case_is_no_actor() -> None:
    result = analyse_text("Brown v. Board of Education overruled Plessy v. Ferguson in 1954.", "2019-05-01")
    assert not {a.name for a in result.actors} & {"Brown v. Board of Education", "Board of Education"}


def test_an_agency_and_its_initials_are_one_known_body() -> None:
    text = "The Centers for Disease Control and Prevention issued guidance. Later the CDC warned the states."
    bodies = {a.actor_id: a.country for a in analyse_text(text, "2020-05-01").actors if a.kind != "person"}
    assert bodies == {"org/us-cdc": "USA"}, bodies


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("We visited a type of Greek monastery on the hill.", set()),
        ("Superstorm Sandy hit the coast, and we walked down Nevsky Prospect.", set()),
        ("Russian interference worried the senator.", {"Russia"}),
        ("The Greek government fell on Monday.", {"Greece"}),
    ],
)
def test_a_peoples_adjective_on_a_thing_and_a_storm_or_street_are_no_nodes(
    text: str, nodes: set[str]
) -> None:
    assert {a.name for a in analyse_text(text, "2019-05-01").actors} == nodes


def test_the_house_and_the_supreme_court_of_an_american_story_are_the_us_bodies() -> None:
    text = (
        "Speaker Nancy Pelosi said the House would vote on Friday. Senator Chuck Schumer and "
        "President Donald Trump disagreed, Representative Adam Schiff agreed, and the Supreme Court "
        "stayed silent."
    )
    bodies = {a.actor_id for a in analyse_text(text, "2019-05-01").actors if a.kind != "person"}
    assert {"org/us-house", "org/us-supreme-court"} <= bodies, bodies
    assert not {"organization/house", "organization/supreme-court"} & bodies


def test_an_unknown_name_only_ever_labelling_a_thing_is_no_node() -> None:
    text = (
        "Is the Kinsa data a good way to count mild cases? Are you using a Kinsa thermometer? "
        "The Hamilton audience booed. Carla Smith praised the Jones campaign. Mr Jones thanked her."
    )
    names = {a.name for a in analyse_text(text, "2020-04-01").actors}
    assert not {"Kinsa", "Hamilton"} & names, names
    # a name before people of one's own is that person's; a name said on its own is a node anyway
    assert {"Carla Smith", "Jones"} <= names


def test_a_platform_posted_on_is_no_node_but_a_company_acting_is() -> None:
    result = analyse_text("Donald Trump posted the video on Twitter on Monday.", "2019-05-01")
    assert "Twitter" not in {a.name for a in result.actors}
    result = analyse_text(
        "Twitter banned Alex Jones. The United States imposed sanctions on Gazprom.", "2019-05-01"
    )
    assert {"Twitter", "Gazprom"} <= {a.name for a in result.actors}

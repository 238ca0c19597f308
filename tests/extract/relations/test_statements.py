"""Relationship statements: alliances and personal ties as the text states them, with their polarity."""

from __future__ import annotations

from tests.conftest import analyse_text


def _stated(text: str) -> set[tuple[str, str, str, str]]:
    result = analyse_text(text, "2015-10-21")
    return {
        (r.source.name, r.relation, r.target.name, r.polarity)
        for r in result.relations
        if r.origin == "statement"
    }


def test_an_ally_is_a_positive_alliance() -> None:
    assert ("Syria", "allied_with", "Russia", "positive") in _stated(
        "Russia is a long-standing ally of Syria."
    )


def test_a_chilly_relationship_is_a_negative_tie() -> None:
    stated = _stated("Diplomats describe the chilly relationship between Vladimir Putin and Bashar al-Assad.")
    assert any(s == "Vladimir Putin" and t == "Bashar al-Assad" and p == "negative" for s, _r, t, p in stated)


def test_a_stance_goes_from_the_one_who_holds_it() -> None:
    """ "X, a critic of Y" and "X is a supporter of Y": X opposes or supports Y, never the reverse."""
    critic = _stated("Alexei Navalny, a fierce critic of Vladimir Putin, was jailed in 2021.")
    assert ("Alexei Navalny", "opposes", "Vladimir Putin", "negative") in critic
    assert not any(s == "Vladimir Putin" for s, *_ in critic)
    supporter = _stated("Dmitry Peskov is a loyal supporter of Vladimir Putin.")
    assert ("Dmitry Peskov", "supports", "Vladimir Putin", "positive") in supporter


def test_a_description_apposed_to_a_tie_is_no_party_to_it() -> None:
    stated = _stated(
        "Lev Parnas and his business partner, Igor Fruman, both U.S. citizens who emigrated from "
        "the former Soviet Union, were indicted last year."
    )
    assert ("Lev Parnas", "allied_with", "Igor Fruman", "positive") in stated
    assert not any("United States" in (s, t) for s, _r, t, _p in stated), stated


def test_kin_and_friends_are_people_and_a_list_is_no_apposition() -> None:
    # a nationality says where a parent came from, not whom one is tied to
    assert (
        _stated("In Fresno, Maria Lopez is the daughter of a Mexican immigrant, and was a teacher.") == set()
    )
    # "A and his daughter; B and his wife": the items of a list, not the daughter named B
    listed = _stated(
        "Officials said these lawmakers went swimming: Rep. Dan Ortiz (R-Fla.) and his daughter; "
        "Rep. Tom Hale (R-N.Y.) and his wife; Reps. Ben Quinn (R-Ariz.) and Jeff Dale (R-Calif.)."
    )
    assert not any(r == "personal_tie" for _s, r, _t, _p in listed), listed
    assert ("Vladimir Putin", "personal_tie", "Viktor Medvedchuk", "positive") in _stated(
        "Vladimir Putin and his close friend Viktor Medvedchuk met in Moscow."
    )


def test_a_relationship_with_people_pairs_its_holder_with_each_and_no_one_its_clause_names() -> None:
    stated = _stated("Vladimir Putin has a warm relationship with Bashar al-Assad and Recep Tayyip Erdogan.")
    assert ("Vladimir Putin", "relations", "Bashar al-Assad", "positive") in stated
    assert ("Vladimir Putin", "relations", "Recep Tayyip Erdogan", "positive") in stated
    assert not any(s == "Bashar al-Assad" for s, *_ in stated), stated
    stated = _stated(
        "Patty Murray built a close relationship with a man long vilified by the White House and "
        "congressional Democrats."
    )
    assert not stated, stated


def test_a_rival_in_a_race_and_rights_under_the_law_state_no_stand() -> None:
    assert not _stated("Trump reiterated past criticisms of Roy Moore's Democratic opponent, Doug Jones.")
    assert not _stated("Trump called for Hillary Clinton, his 2016 opponent, to be jailed.")
    assert ("Alexei Navalny", "opposes", "Vladimir Putin", "negative") in _stated(
        "Alexei Navalny, a fierce opponent of Vladimir Putin, was jailed."
    )
    assert not _stated(
        "The court said the law violates Joanna Duka and Breanna Koski's free speech protections."
    )


def test_a_party_wing_shelters_no_one() -> None:
    stated = _stated("Donald Trump surprised Israel's pro-settler right wing with his statements.")
    assert not [s for s in stated if s[1] == "harbours"], stated


def test_a_tie_the_sentence_says_is_over_is_none() -> None:
    assert not _stated("Mark Sanford and his wife, Jenny Sanford, have since divorced.")
    assert not _stated("Donald Trump met his former wife, Ivana Trump, in New York.")
    assert _stated("Joe Biden and his wife, Jill Biden, voted in Delaware.")

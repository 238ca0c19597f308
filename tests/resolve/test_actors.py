"""Named entities to actors: headline names, mention bounds."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


def test_a_repeated_title_case_headline_names_nobody_new() -> None:
    from spacy.tokens import Span

    from patronage.nlp.loader import load_nlp
    from patronage.resolve.actors import _headline_end, resolve_entities
    from patronage.resolve.registry import load_gazetteer

    head = "Rebels Release Video Of Handoff That Freed Castano"
    text = (
        f"{head}\n\n{head}\n\nEnlarge this image toggle caption\n\n"
        "A helicopter picked up Pedro Castano, a soldier held for two years, on Tuesday."
    )
    doc = load_nlp()(text)
    # the title and the page's own copy of it are both headline; the caption line is not
    assert _headline_end(doc) == text.index("\n\nEnlarge")
    # as if the tagger had read "Freed Castano" in the second copy as a person's full name
    start = text.index("Freed", len(head))
    freed = doc.char_span(start, start + len("Freed Castano"))
    body = doc.char_span(text.index("Pedro"), text.index("Pedro") + len("Pedro Castano"))
    assert freed is not None and body is not None
    doc.ents = [Span(doc, freed.start, freed.end, "PERSON"), Span(doc, body.start, body.end, "PERSON")]
    found = resolve_entities(doc, "h", None, load_gazetteer())
    people = {found.actors[m.actor_id].name for m in found.mentions if m.actor_id and m.label == "PERSON"}
    assert people == {"Pedro Castano"}, people


def test_an_entity_joining_two_people_is_two_people_but_a_company_stays_whole() -> None:
    from tests.conftest import analyse_text

    result = analyse_text(
        "Trump and Pence discussed trade on Monday. Procter & Gamble and Johnson & Johnson gave money.",
        "2019-01-01",
    )
    names = {a.name for a in result.actors}
    assert {"Donald Trump", "Mike Pence"} <= names
    assert not any(" and " in n for n in names), names
    assert "Boris Johnson" not in names


def test_a_lone_surname_that_is_someone_elses_given_name_is_no_famous_namesake() -> None:
    from tests.conftest import analyse_text

    # the gazetteer knows an Australian prime minister by the surname Howard; here the word is
    # a British MP's given name, and "Mr Howard" is someone the article does not name in full
    result = analyse_text(
        "Howard Flight was sacked as a Tory candidate. At a news conference, Mr Howard defended the party.",
        "2005-03-30",
    )
    assert "AUS" not in {a.country for a in result.actors}, [a.actor_id for a in result.actors]
    # with nothing pointing elsewhere, a known surname is still the known person
    alone = analyse_text("Mr Putin said the talks would go on.", "2015-10-21")
    assert "person/vladimir-putin" in {a.actor_id for a in alone.actors}


def test_an_apposed_name_is_who_a_description_means() -> None:
    from tests.conftest import analyse_text

    events = analyse_text(
        "Putin sounded dismissive of Syria's beleaguered leader, Bashar al-Assad, in 2012. "
        "The envoy criticised Ukraine's former president Viktor Yanukovych under Putin's protection.",
        "2015-10-21",
    ).events
    targets = {e.target.name for e in events if e.target is not None}
    assert "Bashar al-Assad" in targets
    assert {"Syria", "Ukraine"}.isdisjoint(targets), targets


def test_a_party_of_another_country_is_not_read_into_a_plural() -> None:
    from tests.conftest import analyse_text

    american = analyse_text(
        "Conservatives in Congress complained that the United States would pay.", "2014-01-01"
    )
    assert "org/uk-conservative-party" not in {a.actor_id for a in american.actors}
    british = analyse_text("The Tories and Labour clashed over Britain's budget.", "2005-01-01")
    assert {"org/uk-conservative-party", "org/uk-labour-party"} <= {a.actor_id for a in british.actors}


def test_a_known_one_word_name_the_tagger_missed_is_found_where_it_named_it_elsewhere() -> None:
    from tests.conftest import analyse_text

    result = analyse_text(
        "Trump met Putin in Helsinki. Later, Donald Trump said the talks went well.", "2018-07-16"
    )
    opening = [m for m in result.mentions if m.start == 0]
    assert [m.actor_id for m in opening] == ["person/donald-trump"], opening


def test_a_members_state_label_names_no_actor() -> None:
    from tests.conftest import analyse_text

    result = analyse_text("Rep. Jim Jordan, R-Ohio, spoke on Tuesday.", "2019-01-01")
    assert all(m.text != "Ohio" for m in result.mentions if m.actor_id), result.mentions


def test_a_peers_title_is_no_surname_of_a_namesake() -> None:
    from tests.conftest import analyse_text

    result = analyse_text(
        "Sion Aubrey Roberts was jailed for sending letter bombs. "
        "Former minister Lord Roberts of Conwy said the case was closed.",
        "2004-01-01",
    )
    lord = [m for m in result.mentions if m.text.startswith("Lord")]
    assert lord and all(m.actor_id != "person/sion-aubrey-roberts" for m in lord), lord


def test_a_peer_called_by_a_title_name_alone_is_one_person_in_every_story() -> None:
    """ "Lord Falconer" in two stories is one node (two Mr. Hargreaves in two stories stay two)."""
    from tests.conftest import analyse_text

    one = analyse_text("Lord Falconer said the plan was sound. Falconer added more.", "2005-03-01", "a")
    two = analyse_text("The Lord Chancellor, Lord Falconer, defended the bill.", "2005-03-01", "b")
    ids = {a.actor_id for r in (one, two) for a in r.actors}
    assert ids == {"person/lord-falconer"}, ids
    namesakes = [
        analyse_text("Mr. Hargreaves said the plan was sound.", "2005-03-01", d).actors for d in "ab"
    ]
    assert {a.actor_id for actors in namesakes for a in actors if a.kind == "person"} == {
        "person/hargreaves@a",
        "person/hargreaves@b",
    }
    # a peer's title with a place ("Lord Roberts of Conwy") may be held by several: it stays in its story
    three = analyse_text("Lord Roberts of Conwy said the case was closed.", "2004-01-01", "c")
    assert "person/lord-roberts" not in {a.actor_id for a in three.actors}


def test_a_bare_surname_is_the_office_holder_who_bears_it_unless_a_woman_is_meant() -> None:
    from tests.conftest import analyse_text

    text = "Melania Trump arrived in Riyadh on Saturday. Trump met King Salman. Mrs. Trump wore black."
    ids = {m.start: m.actor_id for m in analyse_text(text, "2017-05-21").mentions if m.text == "Trump"}
    assert sorted(ids.items()) == [
        (text.index("Trump met"), "person/donald-trump"),
        (text.index("Trump wore"), "person/melania-trump"),
    ]
    # out of office, the bare name stays with the one the article named in full
    later = analyse_text("Hillary Clinton spoke in Ohio. Clinton said the race was close.", "2016-10-01")
    assert {m.actor_id for m in later.mentions if m.text == "Clinton"} == {"person/hillary-clinton"}


def test_a_country_name_that_is_also_a_state_is_the_state_in_a_story_about_that_countrys_places() -> None:
    from tests.conftest import analyse_text

    state = analyse_text(
        "Georgia Gov. Brian Kemp said the United States would recount votes in Atlanta.", "2020-11-10"
    )
    assert [m.actor_id for m in state.mentions if m.text == "Georgia"] == ["country/USA"]
    caucasus = analyse_text("Russian troops entered Georgia in 2008.", "2008-08-10")
    assert [m.actor_id for m in caucasus.mentions if m.text == "Georgia"] == ["country/GEO"]


def test_a_disease_and_a_term_of_office_name_no_actor() -> None:
    from tests.conftest import analyse_text

    sick = analyse_text("Coronavirus protests spread across Michigan on Friday.", "2020-04-20")
    assert not any(m.text.startswith("Coronavirus") and m.actor_id for m in sick.mentions)
    veto = analyse_text("It was the eighth veto of Barack Obama's presidency.", "2016-01-08").events
    assert all(e.target is None or e.target.name != "Barack Obama" for e in veto), veto


def test_a_body_called_by_one_word_of_its_name_is_that_body() -> None:
    """ "Cato" after "the Cato Institute", "the Post" after "The Washington Post"; a word that begins
    or ends several names ("State") or two bodies' names ("Times") stays apart."""
    from tests.conftest import analyse_text

    text = (
        "The Cato Institute published a study. On Monday, Cato said the figures held. The Washington Post "
        "reported it. The Post said the Financial Times and The New York Times were wrong. The Times disagreed."
    )
    ids = {m.text: m.actor_id for m in analyse_text(text, "2019-01-01").mentions if m.actor_id}
    assert ids["Cato"] == ids["Cato Institute"]
    assert ids["Post"] == ids["Washington Post"]
    assert ids.get("Times") not in (ids["Financial Times"], ids["New York Times"])


def test_a_given_name_the_tagger_took_for_a_body_is_the_one_person_who_bears_it() -> None:
    from tests.conftest import analyse_text

    result = analyse_text("The murder of Amanda Champion shocked the town. Amanda was 19.", "2019-01-01")
    assert {a.name for a in result.actors} == {"Amanda Champion"}


def test_a_bare_surname_that_is_also_a_given_name_is_no_foreign_leader() -> None:
    """A British story's "Mr Howard" is no Australian prime minister; its "Putin" is Putin."""
    from tests.conftest import analyse_text

    ids = {
        a.actor_id
        for a in analyse_text("Mr Howard told the conference Britain needed change.", "2005-03-01").actors
    }
    assert "person/john-howard" not in ids
    ids = {
        a.actor_id
        for a in analyse_text("Assad said Syria would win. Putin sent jets to Syria.", "2016-03-01").actors
    }
    assert "person/vladimir-putin" in ids


def test_britains_opposition_leaders_are_known_and_a_namesake_stays_apart() -> None:
    from tests.conftest import analyse_text

    text = "Conservative leader Michael Howard spoke in Brighton. Mr Howard said Britain needed change."
    people = {a.actor_id: a.country for a in analyse_text(text, "2005-03-01").actors if a.kind == "person"}
    assert people == {"person/michael-howard": "GBR"}
    text = "Senator Ted Kennedy said the bill would fail. Kennedy spoke in Boston."
    ids = {a.actor_id for a in analyse_text(text, "2005-03-01").actors}
    assert "person/charles-kennedy" not in ids


def test_a_hyphenated_surname_the_tagger_called_a_body_is_the_person() -> None:
    from tests.conftest import analyse_text

    result = analyse_text(
        "Robert Kilroy-Silk quit UKIP. Mr Kilroy-Silk accused his fellow MEPs.", "2005-01-27"
    )
    assert {a.name for a in result.actors if a.kind == "person"} == {"Robert Kilroy-Silk"}
    assert "organization/kilroy-silk" not in {a.actor_id for a in result.actors}


def test_a_foreign_leaders_surname_in_a_story_of_another_country_is_not_that_leader() -> None:
    """A British story that names Australia once, as a model, does not make its "Mr Howard"
    Australia's prime minister; an Australian story's "Mr Howard" still is."""
    from tests.conftest import analyse_text

    text = (
        "The Home Secretary wants a points test like Australia's for migrants to Britain. "
        "Labour said the British plan was fair, and the Tories said Britain needed limits. "
        "Mr Howard said the UK had lost control of its borders."
    )
    for date in (None, "2005-02-05"):
        ids = {a.actor_id for a in analyse_text(text, date).actors}
        assert not any(i.startswith("person/john-howard") for i in ids), (date, ids)
    text = (
        "Australian officials said Mr Howard would visit Canberra. Australia wants more trade with Britain."
    )
    assert "person/john-howard" in {a.actor_id for a in analyse_text(text, "2005-03-01").actors}


def test_a_party_word_before_a_name_is_no_part_of_it_and_a_foreign_namesake_in_office_stays_apart() -> None:
    """ "Tory Liam Fox" is Liam Fox, whose "Dr Fox" is no sitting Mexican president Fox."""
    from tests.conftest import analyse_text

    text = "The Liberal Democrats disagreed, but Tory Liam Fox said his party offered a choice. Dr Fox spoke in London."
    ids = [m.actor_id for m in analyse_text(text, "2005-03-01").mentions if m.label == "PERSON"]
    assert ids == ["person/liam-fox", "person/liam-fox"]
    people = {a.actor_id for a in analyse_text("Democrat Joe Manchin said no.", "2019-03-01").actors}
    assert "person/joe-manchin" in people


@pytest.mark.parametrize(
    ("text", "date", "holder"),
    [
        # Gordon Brown, named as chancellor, became prime minister only in 2007
        (
            "Gordon Brown set out his Budget plans. The prime minister said he had seen the claims.",
            "2005-03-01",
            None,
        ),
        (
            "Tony Blair met Gordon Brown on Monday. The prime minister said the talks went well.",
            "2005-03-01",
            "person/tony-blair",
        ),
        (
            "Gordon Brown met Barack Obama. The prime minister said the talks went well.",
            "2009-04-01",
            "person/gordon-brown",
        ),
        # an office put in the past is held before the story
        (
            "Viktor Yanukovych fled to Russia in 2014. The deposed president lives near Moscow.",
            "2019-03-01",
            "person/viktor-yanukovych",
        ),
    ],
)
def test_an_office_named_alone_is_its_holder_at_the_story_date(
    text: str, date: str, holder: str | None
) -> None:
    titled = {m.actor_id for m in analyse_text(text, date).mentions if m.how == "title"}
    assert titled == ({holder} if holder else set()), titled


def test_a_platform_the_tagger_calls_a_person_is_the_company() -> None:
    result = analyse_text(
        "Laura Loomer said Twitter banned her account. Twitter said she broke its rules.", "2019-05-01"
    )
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds.get("Twitter") == "organization", kinds
    # "her" and "she" are Loomer's, not the platform's
    assert {m.actor_id for m in result.mentions if m.text in {"her", "she"}} == {"person/laura-loomer"}


def _ids_of(text: str, word: str, date: str = "2019-06-01") -> list[str | None]:
    return [m.actor_id for m in analyse_text(text, date).mentions if m.text == word]


def test_a_surname_two_people_bear_is_the_one_named_first_never_before_either_is_named() -> None:
    text = (
        "Mr. Paul told the crowd to stay. Ron Paul spoke to his supporters in Tampa. His son, "
        "Senator Rand Paul of Kentucky, spoke before him. Paul said the party had ignored them."
    )
    assert _ids_of(text, "Paul") == [None, "person/ron-paul"]


def test_two_forms_of_one_name_leave_its_surname_to_that_person() -> None:
    text = (
        "Former House Speaker Dennis Hastert was indicted on Thursday. The indictment says "
        "J. Dennis Hastert withdrew the cash in small amounts. Hastert did not comment."
    )
    assert _ids_of(text, "Hastert", "2015-05-29")[-1] is not None


def test_a_surname_two_people_bear_is_the_body_the_gazetteer_knows_by_that_word() -> None:
    text = (
        "Breitbart has drawn more likes than CNN this year. The site was founded by Andrew Breitbart, "
        "whose widow Susie Breitbart still owns part of it. Breitbart declined to comment."
    )
    assert set(_ids_of(text, "Breitbart")) == {"org/breitbart"}


def test_one_named_only_to_describe_something_leaves_the_surname_to_the_other() -> None:
    text = (
        "Former Secretary of State Hillary Clinton criticised the doctrine in an interview. "
        "A former Bill Clinton strategist called the remark a slogan. Clinton did not apologise."
    )
    assert _ids_of(text, "Clinton", "2014-08-13") == ["person/hillary-clinton"]


def test_a_middle_initial_makes_no_second_person() -> None:
    one = analyse_text(
        "Charles D. Swift, a lawyer for the detainee, said the trial was unfair.", "2019-06-01"
    )
    two = analyse_text("The lawyer Charles Swift said the trial was unfair.", "2019-06-01")
    assert {a.actor_id for a in one.actors if a.kind == "person"} == {
        a.actor_id for a in two.actors if a.kind == "person"
    }


def test_a_royal_title_the_tagger_took_into_a_known_name_makes_no_second_person() -> None:
    text = "Saudi Crown Prince Mohammed bin Salman met the envoy. Crown Prince Mohammed bin Salman then left."
    ids = _ids_of(text, "Mohammed bin Salman")
    assert ids == ["person/mohammed-bin-salman", "person/mohammed-bin-salman"]


def test_a_possessive_the_tokenizer_glued_to_a_name_is_cut() -> None:
    text = "The New York Times reported it first. Its editor defended the Times‘s coverage."
    assert _ids_of(text, "Times") == ["org/new-york-times"]


def test_a_surname_with_its_suffix_is_the_junior_named_in_full() -> None:
    text = "Donald Trump Jr. met the lawyer in 2016. Trump Jr. later said the meeting was about adoptions."
    assert _ids_of(text, "Trump Jr.") == ["person/donald-trump-jr"]


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Michael Richard Pence", "person/mike-pence"),
        ("Bernard Sanders", "person/bernie-sanders"),
        ("Hillary Rodham Clinton", "person/hillary-clinton"),
    ],
)
def test_another_form_of_a_known_persons_given_name_is_that_person(name: str, actor_id: str) -> None:
    assert _ids_of(f"The debate was dominated by {name} on Tuesday.", name) == [actor_id]


def test_a_word_that_is_one_persons_surname_and_anothers_first_name_is_the_surname() -> None:
    text = (
        "Senator Elizabeth Warren spoke first. Warren said the plan was weak. "
        "Historians compared it to Warren Harding. Warren said she would fight."
    )
    assert _ids_of(text, "Warren") == ["person/elizabeth-warren", "person/elizabeth-warren"]


def test_the_first_part_of_a_double_barrelled_surname_is_that_person() -> None:
    text = "Robert Kilroy-Silk launched his party. Kilroy said the policy was popular."
    assert _ids_of(text, "Kilroy", "2005-02-02") == ["person/robert-kilroy-silk"]


def test_a_headline_word_only_a_bodys_short_name_matches_names_no_body_the_story_never_mentions() -> None:
    text = (
        "Majority Continues to Reject Obama Amnesty Plan\n\n"
        "Most voters continue to believe that federal policies encourage illegal immigration, a poll found."
    )
    assert "org/amnesty-international" not in {a.actor_id for a in analyse_text(text, "2014-11-20").actors}
    kept = "Amnesty Condemns The Executions\n\nAmnesty said the executions in Riyadh were unlawful."
    assert "org/amnesty-international" in {m.actor_id for m in analyse_text(kept, "2014-11-20").mentions}

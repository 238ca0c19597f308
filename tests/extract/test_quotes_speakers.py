"""Quote speakers resolved through the article: continuation, pronouns, titles, described sources."""

from __future__ import annotations

import pytest

from patronage.model.records import Quote
from tests.conftest import analyse_text


def _quotes(text: str) -> list[Quote]:
    return list(analyse_text(text).quotes)


def _by_text(quotes: list[Quote], needle: str) -> Quote:
    found = [q for q in quotes if needle in q.text]
    assert found, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    ("text", "first", "later", "name"),
    [
        (  # a cue-less quote in the next paragraph, before a paragraph about someone else
            "“We will rebuild the bridge before winter,” said Mayor Anna Kovacs.\n\n"
            "“The money is already in the budget. Nobody will have to wait another year for it.”\n\n"
            "Opposition councillor Peter Brandt questioned the timetable.",
            "rebuild the bridge",
            "money is already",
            "Anna Kovacs",
        ),
        (  # a quote left open at a paragraph end, continued by the next paragraph's opening mark
            "Senator Maria Lopez spoke for an hour.\n\n"
            "“The reform will cost less than the critics say,” Lopez said. “It pays for itself.\n\n"
            "“And it protects the pensions of every teacher in the state.”",
            "reform will cost",
            "protects the pensions",
            "Lopez",
        ),
    ],
)
def test_a_quote_continuing_over_paragraphs_keeps_its_speaker(
    text: str, first: str, later: str, name: str
) -> None:
    quotes = _quotes(text)
    opening, continued = _by_text(quotes, first), _by_text(quotes, later)
    assert opening.speaker is not None and name in opening.speaker.name
    assert continued.speaker == opening.speaker and continued.cue == opening.cue


def test_he_said_after_a_quote_is_the_person_quoted_before() -> None:
    quotes = _quotes(
        "“The asylum request is a matter for Ecuador alone,” said Rafael Correa, the president of Ecuador.\n\n"
        "Edward Snowden has lived in Moscow since 2013.\n\n"
        "“Not particularly. He is a very complicated person,” he said."
    )
    later = _by_text(quotes, "complicated person")
    assert later.speaker is not None and "Correa" in later.speaker.name
    assert later.speaker_text == "he"


@pytest.mark.parametrize(
    ("text", "needle", "holder"),
    [
        (  # a definite title: the person the article named with that role
            "Attorney General Eric Holder announced the inquiry on Monday.\n\n"
            "“We will follow the evidence wherever it leads,” the attorney general said.",
            "follow the evidence",
            "Eric Holder",
        ),
        (  # an indefinite one is someone else, kept as described
            "Foreign Minister Sergei Lavrov met the envoy in Geneva.\n\n"
            "“No agreement is possible this year,” a senior official said afterwards.",
            "No agreement",
            None,
        ),
    ],
)
def test_a_title_resolves_to_the_person_named_with_that_role(
    text: str, needle: str, holder: str | None
) -> None:
    quote = _by_text(_quotes(text), needle)
    assert quote.speaker is not None and quote.speaker_text is not None
    assert quote.speaker.text == quote.speaker_text  # the words of this quote, whoever they resolve to
    assert quote.speaker_confidence is not None and 0 < quote.speaker_confidence <= 1
    if holder is None:
        assert quote.speaker.actor_id.startswith("source/")
    else:
        assert quote.speaker.name.endswith(holder) and quote.speaker_text == "the attorney general"


def test_a_possessed_role_is_not_its_possessor() -> None:
    (quote,) = _quotes("Russia granted Edward Snowden temporary asylum on Thursday, his lawyer said.")
    assert quote.speaker is not None and quote.speaker.actor_id.startswith("source/")
    assert quote.speaker.name == "his lawyer"


@pytest.mark.parametrize(
    "text",
    [
        "“It was a one-for-one deal,” said a senior administration official in Washington.",
        "“The Saudis will give him a roof,” a Saudi official said.",
        "“The Kremlin will not extradite him,” one Russian diplomat told reporters.",
    ],
)
def test_described_sources_never_become_countries(text: str) -> None:
    (quote,) = _quotes(text)
    assert quote.speaker is not None
    assert quote.speaker.kind != "country"
    assert quote.speaker.actor_id.startswith("source/")
    assert quote.speaker.name == quote.speaker_text


def test_a_country_speaking_by_its_own_name_stays_the_country() -> None:
    (quote,) = _quotes("Russia said the sanctions were illegal and would fail.")
    assert quote.speaker is not None and quote.speaker.kind == "country" and quote.speaker.country == "RUS"


def test_unresolved_speaker_is_none_with_its_words_kept() -> None:
    quotes = _quotes("“Nothing has changed,” she said.")
    (quote,) = quotes
    assert quote.speaker is None and quote.speaker_text == "she" and quote.speaker_confidence is None


@pytest.mark.parametrize(
    ("text", "content", "direct"),
    [
        (
            "The border deal, the minister said on Friday, was never on the table.",
            "The border deal was never on the table",
            False,
        ),
        (
            "“The harvest was poor,” Mr. Okafor said, “and prices will rise before spring.”",
            "The harvest was poor … and prices will rise before spring.",
            True,
        ),
    ],
)
def test_a_statement_cut_by_its_attribution_is_one_quote(text: str, content: str, direct: bool) -> None:
    (quote,) = _quotes(text)
    assert (quote.text, quote.cue, quote.direct) == (content, "said", direct)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Lund has said many controversial things this year.",  # a thing, not a statement
        "The committee members appear divided over the plan to close the harbor.",  # seeming
        "They have seen their pensions cut for six years in a row.",  # perceiving
        "The mayor voted for it.",
        "Republicans want to repeal the health care law this year.",  # wanting
    ],
)
def test_reported_speech_must_state_something(text: str) -> None:
    assert _quotes(text) == []


def test_a_thing_with_the_words_quoted_is_kept() -> None:
    (quote,) = _quotes("Senator Lund accused the ministers of “squabbling like schoolboys”.")
    assert "squabbling like schoolboys" in quote.text


def test_an_apposed_name_is_the_speaker() -> None:
    quotes = _quotes("The vice mayor's spokeswoman, Kendra Barkoff, said the bridge would reopen in May.")
    (quote,) = quotes
    assert quote.speaker is not None and quote.speaker.name == "Kendra Barkoff"
    assert quote.speaker_text == "The vice mayor's spokeswoman"


def test_several_speakers_are_a_described_group_not_the_first_of_them() -> None:
    (quote,) = _quotes("Pedro Alvarez and Lena Schmidt said they would stand for the council together.")
    assert quote.speaker is not None and quote.speaker.actor_id.startswith("source/")
    assert quote.speaker.kind == "group"


def test_a_sentence_opened_by_he_goes_on_about_the_subject_before_it() -> None:
    quotes = _quotes(
        "“The harbor will be dredged this year,” said Rafael Correa, the president of Ecuador.\n\n"
        "Vladimir Putin met the delegation in Moscow on Tuesday. He said that the sanctions would fail."
    )
    later = _by_text(quotes, "sanctions would fail")
    assert later.speaker is not None and "Putin" in later.speaker.name


def test_reported_speech_ends_on_a_word_of_its_own() -> None:
    quotes = _quotes(
        "The judge ruled that the levy was actually a tax, even though most councillors who backed "
        "the levy denied they were voting for a tax."
    )
    ruling = _by_text(quotes, "the levy was actually a tax")
    assert ruling.text == "that the levy was actually a tax"


def test_a_partly_quoted_statement_closes_its_quotation() -> None:
    (quote,) = _quotes("Senator Lund said he thinks the bill “will pass very, very quickly.”")
    assert quote.text == "he thinks the bill “will pass very, very quickly.”"


def test_narration_around_a_reported_statement_is_not_part_of_it() -> None:
    (quote,) = _quotes(
        "The minister's remarks come the day after the police chief, Ian Berg, said he was in favour "
        "of phone-tap evidence."
    )
    assert quote.text == "he was in favour of phone-tap evidence"


def test_a_description_apposed_to_a_name_speaks_for_the_name() -> None:
    (quote,) = _quotes(
        "Steve Banner, a financial executive and publisher who has vowed to unseat the speaker, "
        "will advise the governor."
    )
    assert quote.speaker is not None and quote.speaker.name == "Steve Banner"


def test_polls_showing_something_are_no_quote() -> None:
    assert _quotes("The polls showed the governor with a narrow lead in the western counties.") == []


def test_some_members_are_not_their_party() -> None:
    (quote,) = _quotes("Two Republicans said the inquiry was aimed at the governor.")
    assert quote.speaker is not None and quote.speaker.actor_id.startswith("source/")
    assert quote.speaker.kind == "group"


@pytest.mark.parametrize(
    "text",
    [
        "The former prosecutor known for his Southern politeness is pressing ahead with the inquiry.",
        "During that week, we reported on a gathering of political opposites in the capital.",
    ],
)
def test_descriptions_and_the_writer_are_no_quotes(text: str) -> None:
    assert _quotes(text) == []


def test_a_report_cut_off_at_the_end_is_left_out() -> None:
    quote = _by_text(
        _quotes("The aides said the mayor will face the charges in court, and promised to publish the date."),
        "face the charges",
    )
    assert quote.text == "the mayor will face the charges in court"


def test_they_opening_a_sentence_are_the_plural_subject_before() -> None:
    quote = _by_text(
        _quotes(
            "The mayor's lawyers met the prosecutor on Friday. "
            "But they said the mayor would not hide from the charges."
        ),
        "would not hide",
    )
    assert quote.speaker is not None and quote.speaker.kind == "group"
    assert quote.speaker.name == "The mayor's lawyers" and quote.speaker_text == "they"

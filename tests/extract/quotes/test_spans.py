"""Quote and attribution spans found over the spaCy parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from patronage.extract.quotes.marks import quote_regions
from patronage.extract.quotes.spans import QuoteSpan, find_quotes
from patronage.nlp.loader import load_nlp
from tests.conftest import shared_path

Row = tuple[str, str | None, str | None, bool]


def _text(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


def _rows(text: str) -> list[Row]:
    """(content, cue, speaker, direct) for every quote found in ``text``."""
    doc = load_nlp()(text)
    return [
        (
            text[q.content_start : q.content_end],
            _text(text, q.cue_start, q.cue_end),
            _text(text, q.speaker_start, q.speaker_end),
            q.direct,
        )
        for q in find_quotes(doc)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # quote first, curly marks
            "“We will not retreat from the border,” Mr. Ivanov said.",
            [("We will not retreat from the border", "said", "Mr. Ivanov", True)],
        ),
        (  # straight marks, "told reporters"
            '"The talks have failed," the minister told reporters.',
            [("The talks have failed", "told", "the minister", True)],
        ),
        (  # speaker first with a colon
            "Ms. Kowalski said: “Our budget is balanced and our debts are paid.”",
            [("Our budget is balanced and our debts are paid.", "said", "Ms. Kowalski", True)],
        ),
        (  # split around the cue: two pieces sharing cue and speaker
            "“The harvest was poor,” she said, “and prices will rise before spring.”",
            [
                ("The harvest was poor", "said", "she", True),
                ("and prices will rise before spring.", "said", "she", True),
            ],
        ),
        (
            "“Nobody expected the vote to pass,” Mr. Okafor added.",
            [("Nobody expected the vote to pass", "added", "Mr. Okafor", True)],
        ),
        (  # the previous sentence's speaker continues into a cue-less quote sentence
            "“The river is rising fast,” the mayor said. “We are moving families to the school gym.”",
            [
                ("The river is rising fast", "said", "the mayor", True),
                ("We are moving families to the school gym.", "said", "the mayor", True),
            ],
        ),
        (  # indirect speech: the clausal complement
            "He said the Kremlin had been frustrated by the delays.",
            [("the Kremlin had been frustrated by the delays", "said", "He", False)],
        ),
        (
            "The envoy told the committee that the sanctions were working.",
            [("that the sanctions were working", "told", "The envoy", False)],
        ),
        (
            "According to two senior diplomats, the embassy will close next week.",
            [("the embassy will close next week", "According to", "two senior diplomats", False)],
        ),
        (  # parenthetical cue: the rest of the sentence, in two pieces around the cue
            "The ceasefire, he said, would hold through the winter.",
            [
                ("The ceasefire", "said", "he", False),
                ("would hold through the winter", "said", "he", False),
            ],
        ),
        (
            "The senator warned that the deal would collapse within a month.",
            [("that the deal would collapse within a month", "warned", "The senator", False)],
        ),
        (
            "Officials denied that any troops had crossed the border.",
            [("that any troops had crossed the border", "denied", "Officials", False)],
        ),
        (
            "She believes the election was stolen from her party.",
            [("the election was stolen from her party", "believes", "She", False)],
        ),
        (
            "The company claimed its products were safe. Critics argued the tests were flawed.",
            [
                ("its products were safe", "claimed", "The company", False),
                ("the tests were flawed", "argued", "Critics", False),
            ],
        ),
        (  # described and plural sources keep the whole phrase
            "A senior administration official in Washington said the convoy had been delayed.",
            [
                (
                    "the convoy had been delayed",
                    "said",
                    "A senior administration official in Washington",
                    False,
                )
            ],
        ),
        (
            "Officials, diplomats and analysts say the talks are stalled.",
            [("the talks are stalled", "say", "Officials, diplomats and analysts", False)],
        ),
        (  # relative clause after the speaker is not part of the speaker
            "“The plan is dead,” said a lawyer for the family who spoke on condition of anonymity.",
            [("The plan is dead", "said", "a lawyer for the family", True)],
        ),
    ],
)
def test_patterns(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_cueless_fragment_names_the_speaker() -> None:
    text = (
        "“The reforms are long overdue,” Jane Doe, the director of the Example Institute, "
        "referring to the new tax code."
    )
    assert ("The reforms are long overdue", None, "Jane Doe", True) in _rows(text)


def test_speaker_in_next_sentence() -> None:
    rows = _rows("“The mine will stay open until the end of the decade.” Mr. Haas added.")
    assert rows[0][0] == "The mine will stay open until the end of the decade."
    assert rows[0][2] == "Mr. Haas"


def test_subject_of_next_sentence_is_the_speaker() -> None:
    rows = _rows("“We have no plans to sell the company.” Ms. Reyes repeated the pledge on Monday.")
    assert rows[0] == ("We have no plans to sell the company.", None, "Ms. Reyes", True)


def test_multi_paragraph_quote() -> None:
    text = (
        "“The harbor has been silted up for years and nobody in the capital cares.\n\n"
        "“We asked for dredging three times,” said Mr. Lund."
    )
    assert _rows(text) == [
        (
            "The harbor has been silted up for years and nobody in the capital cares.",
            "said",
            "Mr. Lund",
            True,
        ),
        ("We asked for dredging three times", "said", "Mr. Lund", True),
    ]


def test_unclosed_quote_stays_in_its_paragraph() -> None:
    text = (
        "He called the plan “a disaster for every farmer in the valley.\n\n"
        "The ministry did not respond to a request for comment on Sunday."
    )
    doc = load_nlp()(text)
    regions = quote_regions(doc)
    assert [doc[r.start : r.end].text for r in regions] == ["a disaster for every farmer in the valley."]
    assert not regions[0].closed
    assert all("ministry" not in row[0] for row in _rows(text))


def test_relative_pronoun_speaker_is_the_antecedent() -> None:
    rows = _rows("The meeting was chaired by a banker who insisted that rates must rise.")
    assert ("that rates must rise", "insisted", "a banker", False) in rows


def test_markup_attribute_values_are_not_quotes() -> None:
    doc = load_nlp()('<tweet author="@someone" id="42">Polls are open.</tweet>')
    assert quote_regions(doc) == []


def test_component_stores_quotes() -> None:
    nlp = spacy.blank("en")
    assert Language.has_factory("patronage_quotes")
    parser_nlp = load_nlp()
    doc = parser_nlp("“We are ready,” the general said.")
    component = nlp.create_pipe("patronage_quotes")
    doc = component(doc)
    quotes = doc._.patronage_quotes
    assert isinstance(quotes[0], QuoteSpan)
    assert doc.text[quotes[0].content_start : quotes[0].content_end] == "We are ready"


def test_seed_article_quotes() -> None:
    text = shared_path("seeds", "003_f45c3efb7a33dfef.txt").read_text(encoding="utf-8")
    rows = _rows(text)

    def speaker_of(opening: str) -> str | None:
        found = [row for row in rows if row[0].startswith(opening) and row[3]]
        assert found, f"no direct quote starting {opening!r}"
        return found[0][2]

    assert speaker_of("We are not that preoccupied") == "Mr. Putin"
    assert speaker_of("It’s not personal") == "Dmitri Trenin"
    assert speaker_of("To them, Assad is not a sacred cow") == "Mr. Trenin"
    official = speaker_of("Not being wedded to Assad")
    assert official is not None and "official" in official


def test_a_closed_continuation_ends_a_multi_paragraph_quote() -> None:
    text = (
        '"The hall was cold and half empty.\n\n'
        "“We came anyway,” she said.\n\n"
        '"The speeches ran late.\n\n'
        "“It was worth the trip,” Mr. Berg said."
    )
    doc = load_nlp()(text)
    groups = [r.group for r in quote_regions(doc)]
    # the first two pieces continue each other; the third opens a new quotation
    assert groups[2] != groups[1]
    # a straight-mark quote is not continued by a curly one
    assert groups[0] != groups[1]


def test_a_quotation_spanning_sentences_comes_once_and_the_next_keeps_its_speaker() -> None:
    rows = _rows(
        "“Why did the ministry wait? There were three warnings,” she said. "
        "“Nobody read them before the flood.”"
    )
    contents = [row[0] for row in rows]
    assert contents.count("Why did the ministry wait? There were three warnings") == 1
    assert ("Nobody read them before the flood.", "said", "she", True) in rows


def test_a_name_opening_the_next_paragraph_did_not_say_the_quote() -> None:
    rows = _rows(
        "“The vote is a farce and everyone in the valley knows it.”\n\nPeter Brandt left the hall early."
    )
    assert rows[0][0].startswith("The vote is a farce")
    assert rows[0][2] != "Peter Brandt"


def test_mixed_marks_close_a_quote_a_nested_one_does_not() -> None:
    doc = load_nlp()('“Deals are not a favour," the envoy said. “He said "never" to us,” she added.')
    assert [doc[r.start : r.end].text for r in quote_regions(doc)] == [
        "Deals are not a favour,",
        'He said "never" to us,',
    ]


def test_one_aside_between_a_quote_and_its_continuation() -> None:
    rows = _rows(
        "“We had problems with the rail link before,” the minister said after the meeting. "
        "The meeting lasted two hours. “Our goal is to open the line by the summer.”"
    )
    assert ("Our goal is to open the line by the summer.", "said", "the minister", True) in rows


def test_a_quotation_signed_with_a_dash_names_its_speaker() -> None:
    text = (
        "”We deserve a council that listens to the valley.” ― Maria Gonzalez\n"
        "“The bridge should have been repaired years ago.”― Peter Novak\n"
    )
    rows = _rows(text)
    assert [(row[0], row[2]) for row in rows] == [
        ("We deserve a council that listens to the valley.", "Maria Gonzalez"),
        ("The bridge should have been repaired years ago.", "Peter Novak"),
    ]


def test_reported_content_keeps_its_subject() -> None:
    rows = _rows('The Greens would stand up for the "forgotten valleys", Anna Berg pledged on Monday.')
    assert rows[0][:3] == ('The Greens would stand up for the "forgotten valleys', "pledged", "Anna Berg")


def test_a_name_the_parse_left_without_its_verb_still_speaks() -> None:
    rows = _rows(
        "In a column for the local paper, Ms Adeyemi, who chairs the transport committee, writes: "
        "“Slower cars save the lives of cyclists.”"
    )
    assert rows[0][0] == "Slower cars save the lives of cyclists."
    assert rows[0][2] is not None and "Adeyemi" in rows[0][2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the one told is no speaker and no content; whoever told is the speaker
            "The mayor was told by two engineers that the bridge was unsafe.",
            [("that the bridge was unsafe", "told", "two engineers", False)],
        ),
        (  # the one asked says nothing
            "He was asked whether the party had lost its way.",
            [("whether the party had lost its way", "asked", None, False)],
        ),
        (  # the ones spoken to are not what was said
            "The activist suggested to his many followers that the adviser was sacked.",
            [("that the adviser was sacked", "suggested", "The activist", False)],
        ),
    ],
)
def test_the_one_spoken_to(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_a_sentence_reopening_a_quotation_whose_closing_mark_was_lost() -> None:
    rows = _rows(
        'Ms Ortiz said: "We will win more seats. "I think this is our best campaign ever. '
        '"Nobody expected that a year ago."'
    )
    assert [(row[0], row[2]) for row in rows] == [
        ("We will win more seats.", "Ms Ortiz"),
        ("I think this is our best campaign ever.", "Ms Ortiz"),
        ("Nobody expected that a year ago.", "Ms Ortiz"),
    ]


def test_a_cue_opening_the_next_paragraph_does_not_say_the_quote_before() -> None:
    rows = _rows(
        "“You are making a mistake,” he said. “Some of you have done a great job.”\n\n"
        "Ruth Adler, the adviser, would not comment."
    )
    assert ("Some of you have done a great job.", "said", "he", True) in rows


def test_the_one_told_is_not_what_was_told() -> None:
    rows = _rows("Sources within the party told the local paper Mr Lund had always backed the plan.")
    assert rows == [("Mr Lund had always backed the plan", "told", "Sources within the party", False)]

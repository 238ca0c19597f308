"""Events that are called off or only planned are never asserted as having happened."""

from __future__ import annotations

import pytest

from patronage.extract.events.frames import EventFrame, code_sentence
from patronage.extract.events.modality import modality_of
from patronage.nlp.loader import load_nlp


def frames(text: str) -> list[tuple[str, EventFrame]]:
    doc = load_nlp()(text)
    return [(text[f.trigger_start : f.trigger_end], f) for s in doc.sents for f in code_sentence(s)]


def test_a_cancelled_meeting_is_negated() -> None:
    for text in (
        "The Chilean president cancelled his summit with the Bolivian leader on Monday.",
        "Peru called off the talks with Ecuador after the border clash.",
        "Ministers scrapped next week's meeting with their Turkish counterparts.",
    ):
        meetings = [f for word, f in frames(text) if f.type == "CONSULT"]
        assert meetings, text
        assert all(f.polarity == "negated" for f in meetings), (text, meetings)


def test_calling_off_is_a_rejection_and_a_date_is_no_addressee() -> None:
    found = frames("The prime minister on Friday called off the visit to Madrid.")
    assert any(word == "called off" and f.type == "REJECT" for word, f in found), found
    # "on Friday" must not turn "call" into "call on someone" (a request)
    assert not any(f.type == "REQUEST" for _w, f in found), found


def test_a_planned_meeting_is_intended_not_actual() -> None:
    found = [
        f
        for word, f in frames("Their planned summit with the Kenyan president was delayed.")
        if word == "summit"
    ]
    assert found and all(f.modality == "intended" for f in found), found
    held = [
        f
        for word, f in frames("Their summit with the Kenyan president ended on Tuesday.")
        if word == "summit"
    ]
    assert held and all(f.modality == "actual" and f.polarity == "asserted" for f in held), held


def test_an_act_weighed_by_it_is_easier_or_hard_is_hypothetical() -> None:
    text = "Certainly, it would be easier for Republicans to attack Democrats on impeachment."
    found = [f for word, f in frames(text) if word == "attack"]
    assert found and all(f.modality == "hypothetical" for f in found), found
    kept = [
        f
        for word, f in frames("Republicans attacked Democrats over the bill on Tuesday.")
        if word == "attacked"
    ]
    assert kept and kept[0].type == "ACCUSE" and kept[0].modality == "actual", kept


def test_a_lack_of_an_act_and_nobody_acting_are_negated() -> None:
    from tests.conftest import analyse_text

    text = (
        "The lack of criticism of the prosecutor surprised the senators. "
        "Nobody has criticized the senator from Ohio. "
        "There was no one who criticised Vladimir Putin."
    )
    events = analyse_text(text, "2019-07-01").events
    assert events and all(e.polarity == "negated" for e in events if e.type == "ACCUSE"), [
        (e.type, e.polarity) for e in events
    ]


def test_an_act_that_is_itself_the_condition_is_conditional() -> None:
    from tests.conftest import analyse_text

    events = analyse_text("If Iran attacks Israel, the United States will respond.", "2019-05-01").events
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and all(e.modality == "conditional" for e in attacks), [
        (e.type, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("China hopes that the US will return to the talks.", "return"),  # another's wish, no plan
        ("Democrats want the president to meet Pelosi.", "meet"),
        ("The Senate would likely reject such a bill, analysts said.", "reject"),  # a forecast
    ],
)
def test_wishes_and_forecasts_are_hypothetical(text: str, word: str) -> None:
    doc = load_nlp()(text)
    trigger = next(t for t in doc if t.text == word)
    assert modality_of(trigger) == "hypothetical"


def test_not_until_says_when_an_act_happened() -> None:
    # "did not release them until": they were released, then
    found = frames("Russia did not release the sailors until Ukraine paid the fine.")
    assert [f.polarity for word, f in found if word == "release"] == ["asserted"]
    found = frames("Russia did not release the sailors.")
    assert [f.polarity for word, f in found if word == "release"] == ["negated"]


def test_an_act_there_is_no_evidence_of_is_negated() -> None:
    found = frames("The ministry said there was no evidence that any detainee had been tortured.")
    assert [f.polarity for word, f in found if word == "tortured"] == ["negated"]

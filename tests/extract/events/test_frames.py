"""PLOVER/CAMEO coding of sentences written for these tests."""

from __future__ import annotations

import pytest

from patronage.errors import ModelError
from patronage.extract.events.frames import EventFrame, code_sentence
from patronage.extract.events.lexicon import PLOVER_TYPES, load_lexicon, parse_lexicon
from patronage.model.plover import manual_type
from patronage.nlp.loader import load_nlp


def frames(text: str) -> tuple[str, list[EventFrame]]:
    doc = load_nlp()(text)
    return doc.text, [f for sent in doc.sents for f in code_sentence(sent)]


def main(text: str) -> tuple[str, EventFrame]:
    """The most confident frame of a one-sentence text."""
    doc_text, found = frames(text)
    assert found, f"no frame in {text!r}"
    return doc_text, max(found, key=lambda f: f.confidence)


def spans(text: str, pairs: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[a:b] for a, b in pairs]


def by_trigger(text: str, found: list[EventFrame], word: str) -> EventFrame:
    hits = [f for f in found if text[f.trigger_start : f.trigger_end] == word]
    assert hits, f"no frame on {word!r}: {[text[f.trigger_start : f.trigger_end] for f in found]}"
    return hits[0]


# --- lexicon ---------------------------------------------------------------


def test_lexicon_is_large_and_valid() -> None:
    lex = load_lexicon()
    assert len(lex.verbs) >= 300
    assert len(lex.nouns) >= 80
    assert {info.type for info in lex.codes.values()} == PLOVER_TYPES
    assert lex.info("075").context == ("asylum",)
    assert lex.info("042").mode == "visit"
    assert lex.info("0841").mode == "release"


def test_lexicon_rejects_unknown_code() -> None:
    bad = {
        "version": 1,
        "codes": {"010": {"type": "AID"}},
        "verbs": {"help": [{"cameo": "999"}]},
        "nouns": {},
    }
    with pytest.raises(ModelError):
        parse_lexicon(bad)


def test_lexicon_rejects_unknown_type() -> None:
    with pytest.raises(ModelError):
        parse_lexicon({"version": 1, "codes": {"010": {"type": "HUG"}}, "verbs": {}, "nouns": {}})


# --- asylum, protection, extraction ------------------------------------------


def test_grant_asylum_active_with_coordinated_targets() -> None:
    text, f = main("Belarus granted asylum to the deposed general and his two sons.")
    assert (f.type, f.cameo, f.context) == ("AID", "075", ("asylum",))
    assert spans(text, f.sources) == ["Belarus"]
    assert spans(text, f.targets) == ["the deposed general", "his two sons"]
    assert (f.polarity, f.modality) == ("asserted", "actual")
    assert text[f.trigger_start : f.trigger_end] == "granted"


@pytest.mark.parametrize(
    ("sentence", "kind", "sources", "targets"),
    [
        pytest.param(
            "The fugitive banker was granted asylum by Venezuela.",
            ("AID", "075"),
            ["Venezuela"],
            ["The fugitive banker"],
            id="grant_asylum_passive",
        ),
        pytest.param(
            "The colonel's asylum in Turkey ended last year.",
            ("AID", "075"),
            ["Turkey"],
            ["The colonel"],
            id="possessed_asylum_noun_in_host_country",
        ),
        pytest.param(
            "The ousted leader fled to Minsk under Mr. Lukashenko's protection.",
            ("AID",),
            ["Mr. Lukashenko"],
            ["The ousted leader"],
            id="under_someones_protection",
        ),
        pytest.param(
            "The junta received Moscow's help.",
            ("AID",),
            ["Moscow"],
            ["The junta"],
            id="received_someones_help",
        ),
        pytest.param(
            "Chinese commandos evacuated the ambassador from Kabul.",
            ("AID", "070"),
            ["Chinese commandos"],
            ["the ambassador"],
            id="extraction_is_aid_070",
        ),
        pytest.param(
            "Putin and Erdogan met in Sochi.",
            ("CONSULT", "040"),
            ["Putin", "Erdogan"],
            None,
            id="meeting_with_coordinated_subject",
        ),
        pytest.param(
            "Mr. Putin's military has attacked Kharkiv.",
            ("ASSAULT",),
            ["Mr. Putin"],
            ["Kharkiv"],
            id="generic_head_is_replaced_by_possessor",
        ),
        pytest.param(
            "Russia has forcefully intervened to shore up Mr. Assad's government.",
            ("AID", "072"),
            ["Russia"],
            ["Mr. Assad"],
            id="xcomp_chain_shares_subject_and_finds_target",
        ),
        pytest.param(
            "The EU demanded that Belgrade withdraw its forces.",
            ("REQUEST",),
            None,
            ["Belgrade"],
            id="demand_that_clause_targets_its_subject",
        ),
    ],
)
def test_main_frame(
    sentence: str, kind: tuple[str, ...], sources: list[str] | None, targets: list[str] | None
) -> None:
    """The sentence's most confident frame: its type (and CAMEO code), sources and targets."""
    text, f = main(sentence)
    assert (f.type, f.cameo)[: len(kind)] == kind
    assert sources is None or spans(text, f.sources) == sources
    assert targets is None or spans(text, f.targets) == targets


def test_harbour_verb() -> None:
    text, f = main("Moscow harboured the former minister for a decade.")
    assert (f.type, f.cameo, f.context) == ("AID", "075", ("asylum",))
    assert spans(text, f.targets) == ["the former minister"]


def test_nominal_extraction_with_demonym_source() -> None:
    text, found = frames("A Turkish airlift of the stranded diplomats began on Friday.")
    f = by_trigger(text, found, "airlift")
    assert (f.type, f.cameo) == ("AID", "070")
    assert spans(text, f.sources) == ["Turkish"]
    assert spans(text, f.targets) == ["the stranded diplomats"]


# --- consult ---------------------------------------------------------------


def test_possessed_visit_is_consult_with_host_target_and_place() -> None:
    text, f = main("Mr. Orban's visit to Beijing was brief.")
    assert (f.type, f.cameo, f.mode) == ("CONSULT", "042", "visit")
    assert spans(text, f.sources) == ["Mr. Orban"]
    assert spans(text, f.targets) == ["Beijing"]
    assert f.location is not None and text[f.location[0] : f.location[1]] == "Beijing"


def test_host_a_visit() -> None:
    text, f = main("Ms. Ardern hosted the Fijian president in Wellington.")
    assert (f.type, f.cameo, f.mode) == ("CONSULT", "043", "visit")
    assert spans(text, f.targets) == ["the Fijian president"]
    assert f.location is not None and text[f.location[0] : f.location[1]] == "Wellington"


def test_no_meeting_is_negated() -> None:
    text, f = main("No formal meeting between the two generals has been publicly confirmed.")
    assert f.type == "CONSULT"
    assert f.polarity == "negated"
    assert spans(text, f.sources) == ["the two generals"]


def test_future_visit_is_an_intended_visit() -> None:
    text, f = main("The prime minister will travel to Tokyo next week.")
    assert (f.type, f.modality) == ("CONSULT", "intended")
    assert manual_type(f.type, f.modality) == "AGREE"  # the PLOVER manual codes the intent
    assert spans(text, f.targets) == ["Tokyo"]


# --- the other types -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "cameo", "source", "target"),
    [
        ("Kenya released forty Somali fishermen.", "RETREAT", "0841", "Kenya", "forty Somali fishermen"),
        ("Armenia swapped prisoners with Azerbaijan.", "RETREAT", "0841", "Armenia", "Azerbaijan"),
        ("Iran supplied drones to Russia.", "AID", "072", "Iran", "Russia"),
        ("Bolivia apologized to Chile.", "SUPPORT", "055", "Bolivia", "Chile"),
        ("Norway praised Finland.", "SUPPORT", "051", "Norway", "Finland"),
        (
            "The opposition accused the government of fraud.",
            "ACCUSE",
            "112",
            "The opposition",
            "the government",
        ),
        ("Washington imposed sanctions on Caracas.", "SANCTION", "163", "Washington", "Caracas"),
        ("Ghana expelled two Nigerian diplomats.", "SANCTION", None, "Ghana", "two Nigerian diplomats"),
        ("The senators urged Egypt to free the journalist.", "REQUEST", "100", "The senators", "Egypt"),
        ("Hungary vetoed the proposal.", "REJECT", "129", "Hungary", None),
        ("Rebels shelled the airport.", "ASSAULT", "194", "Rebels", "the airport"),
        ("Police detained the protest organizers.", "COERCE", "173", "Police", "the protest organizers"),
        ("Farmers demonstrated against the minister.", "PROTEST", "141", "Farmers", "the minister"),
        ("The minister resigned after the scandal.", "RETREAT", "0831", "The minister", None),
        ("Turkey deployed tanks along the border.", "MOBILIZE", "154", "Turkey", None),
        ("Mali cooperates with Niger on security.", "COOPERATE", "060", "Mali", "Niger"),
        ("Chile and Peru signed a trade agreement.", "SUPPORT", "057", "Chile", None),
        ("Pyongyang threatened Seoul.", "THREATEN", "130", "Pyongyang", "Seoul"),
    ],
)
def test_one_sentence_per_kind(
    text: str, type_: str, cameo: str | None, source: str, target: str | None
) -> None:
    doc_text, f = main(text)
    assert f.type == type_
    if cameo is not None:
        assert f.cameo == cameo
    assert spans(doc_text, f.sources)[:1] == [source]
    if target is not None:
        assert target in spans(doc_text, f.targets)


def test_coordinated_verbs_share_subject() -> None:
    text, found = frames("Rebels shelled the airport and killed three soldiers.")
    killed = by_trigger(text, found, "killed")
    assert killed.type == "ASSAULT"
    assert spans(text, killed.sources) == ["Rebels"]
    assert spans(text, killed.targets) == ["three soldiers"]


def test_relative_clause_subject() -> None:
    text, found = frames("The president, who visited Beijing last month, praised the plan.")
    visit = by_trigger(text, found, "visited")
    assert visit.type == "CONSULT"
    assert spans(text, visit.sources) == ["The president"]


def test_must_in_reported_speech_is_a_request() -> None:
    text, f = main("Ministers said Kyiv must release the detainees.")
    assert (f.type, f.cameo) == ("REQUEST", "1053")
    assert spans(text, f.sources) == ["Ministers"]
    assert spans(text, f.targets)[0] == "Kyiv"


# --- polarity and modality -------------------------------------------------


def test_neg_dependency() -> None:
    text, f = main("Canada did not condemn the raid.")
    assert (f.type, f.polarity) == ("ACCUSE", "negated")


def test_never() -> None:
    _text, f = main("Spain never recognized the breakaway republic.")
    assert (f.type, f.polarity) == ("SUPPORT", "negated")


def test_failed_to() -> None:
    text, found = frames("The militia failed to capture the bridge.")
    capture = by_trigger(text, found, "capture")
    assert capture.polarity == "negated"


def test_offered_release_is_an_offered_release() -> None:
    text, found = frames("Tehran offered to free the two sailors.")
    free = by_trigger(text, found, "free")
    assert (free.type, free.modality) == ("RETREAT", "offered")
    assert manual_type(free.type, free.modality) == "AGREE"
    # the offer itself is no second event
    assert [f.type for f in found] == ["RETREAT"]


def test_offered_asylum_keeps_asylum_context() -> None:
    text, f = main("Ecuador offered asylum to the whistleblower.")
    assert (f.type, f.context, f.modality) == ("AID", ("asylum",), "offered")
    assert spans(text, f.targets) == ["the whistleblower"]


def test_intended_attack_is_an_intended_assault() -> None:
    text, found = frames("The rebels plan to attack the capital.")
    attack = by_trigger(text, found, "attack")
    assert (attack.type, attack.modality) == ("ASSAULT", "intended")
    assert manual_type(attack.type, attack.modality) == "THREATEN"
    assert spans(text, attack.sources) == ["The rebels"]


def test_conditional() -> None:
    text, f = main("Serbia will expel the envoy if the report is confirmed.")
    assert f.modality == "conditional"
    assert f.type == "SANCTION"
    assert manual_type(f.type, f.modality) == "THREATEN"
    assert spans(text, f.targets) == ["the envoy"]


@pytest.mark.parametrize(
    ("sentence", "kind", "sources", "targets"),
    [
        pytest.param(
            "The rebels might attack the capital.", ("ASSAULT", "hypothetical"), None, None, id="hypothetical"
        ),
        pytest.param(
            "Officials said Tehran had sent missiles to the Houthis.",
            ("AID", "reported"),
            ["Tehran"],
            ["the Houthis"],
            id="reported",
        ),
        pytest.param(
            "According to the agency, Iran seized a tanker.",
            ("COERCE", "reported"),
            None,
            None,
            id="according_to_is_reported",
        ),
    ],
)
def test_main_frame_modality(
    sentence: str, kind: tuple[str, str], sources: list[str] | None, targets: list[str] | None
) -> None:
    """The sentence's most confident frame: its type and modality, sources and targets."""
    text, f = main(sentence)
    assert (f.type, f.modality) == kind
    assert sources is None or spans(text, f.sources) == sources
    assert targets is None or spans(text, f.targets) == targets


def test_future_refusal_is_reject() -> None:
    _text, f = main("Syria said it will not accept any refugees.")
    assert f.type == "REJECT"
    assert f.polarity == "asserted"


def test_embedded_trigger_ranks_below_its_governor() -> None:
    _text, f = main("Berlin rejected the request and kept withholding the money.")
    assert f.type == "REJECT"


def test_sentence_without_trigger() -> None:
    _text, found = frames("The weather in Oslo was mild this spring.")
    assert found == []


def test_offsets_point_into_doc_text() -> None:
    text, found = frames("After a long pause, Qatar hosted the negotiators in Doha.")
    f = by_trigger(text, found, "hosted")
    assert text[f.trigger_start : f.trigger_end] == "hosted"
    assert 0 < f.confidence <= 1


# --- who is judged when what is judged is a thing ------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        ("Angela Merkel criticised the president's decision on Monday.", "criticised", "the president"),
        ("The senator ridiculed the claims made on Monday by Michael Howard.", "ridiculed", "Michael Howard"),
        ("The minister condemned the policies of the Kremlin.", "condemned", "the Kremlin"),
        ("The president voiced support for Dianne Feinstein's proposal.", "voiced", "Dianne Feinstein"),
    ],
)
def test_a_judged_thing_names_whose_it_is(text: str, word: str, target: str) -> None:
    doc_text, found = frames(text)
    frame = by_trigger(doc_text, found, word)
    assert target in spans(doc_text, frame.targets)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a possessive pronoun does not say whose; "of" a common noun is what befalls it
        ("Angela Merkel criticised his decision.", "criticised"),
        ("Obama criticized the treatment of migrants.", "criticized"),
    ],
)
def test_no_owner_is_guessed(text: str, word: str) -> None:
    doc_text, found = frames(text)
    frame = by_trigger(doc_text, found, word)
    assert not any(t in {"his", "migrants"} for t in spans(doc_text, frame.targets))


def test_feelings_towards_an_actor_are_criticism_but_not_towards_a_result() -> None:
    doc_text, found = frames("Nancy Pelosi was angry at Donald Trump.")
    frame = by_trigger(doc_text, found, "angry")
    assert frame.type == "ACCUSE" and spans(doc_text, frame.targets) == ["Donald Trump"]
    doc_text, found = frames("Voters are angry at the result.")
    assert not [f for f in found if doc_text[f.trigger_start : f.trigger_end] == "angry"]


def test_sparring_with_someone_is_criticism() -> None:
    doc_text, found = frames("Eric Holder sparred with Darrell Issa at the hearing.")
    frame = by_trigger(doc_text, found, "sparred")
    assert frame.type == "ACCUSE" and spans(doc_text, frame.targets) == ["Darrell Issa"]


def test_walking_into_a_meeting_makes_the_walker_a_party() -> None:
    doc_text, found = frames("Donald Trump walked into the meeting with Nancy Pelosi on Tuesday.")
    frame = by_trigger(doc_text, found, "meeting")
    assert spans(doc_text, frame.sources) == ["Donald Trump"]
    assert spans(doc_text, frame.targets) == ["Nancy Pelosi"]


def test_a_verb_the_parser_took_for_a_participle_keeps_its_subject() -> None:
    # a participle with a direct object of its own is no passive: "speech castigated Democrats"
    doc_text, found = frames(
        "Mitch McConnell in his own floor speech castigated Democrats, saying they erred."
    )
    frame = by_trigger(doc_text, found, "castigated")
    assert spans(doc_text, frame.sources) == ["Mitch McConnell"]
    assert spans(doc_text, frame.targets) == ["Democrats"]


def test_criticism_drawn_falls_on_who_draws_it() -> None:
    doc_text, found = frames("The Tories drew criticism from Labour for the plan.")
    frame = by_trigger(doc_text, found, "criticism")
    assert spans(doc_text, frame.sources) == ["Labour"]
    assert spans(doc_text, frame.targets) == ["The Tories"]


@pytest.mark.parametrize(
    "text",
    [
        "Councils will charge reasonable levels of council tax.",  # a price, no charge laid
        "Officials pointed to a computer model released weeks earlier by Imperial College London.",
    ],
)
def test_no_event_in_prices_and_products(text: str) -> None:
    assert frames(text)[1] == []


def test_a_demand_is_on_whose_thing_the_clause_is_about() -> None:
    doc_text, found = frames("The Conservatives demanded that the government's plans be put on hold.")
    assert "the government" in spans(doc_text, by_trigger(doc_text, found, "demanded").targets)
    doc_text, found = frames(
        "The Liberal Democrats backed Tory demands that the government's plans be put on hold."
    )
    assert "the government" in spans(doc_text, by_trigger(doc_text, found, "demands").targets)


def test_praise_won_falls_on_the_winner() -> None:
    doc_text, found = frames(
        "Robert Lighthizer, who won praise from Democrats, acknowledged the Republicans."
    )
    frame = by_trigger(doc_text, found, "praise")
    assert spans(doc_text, frame.sources) == ["Democrats"]
    assert spans(doc_text, frame.targets) == ["Robert Lighthizer"]


def test_contending_with_a_rival_is_no_criticism() -> None:
    doc_text, found = frames("Joe Biden still had to contend with Bernie Sanders in the primaries.")
    assert not [f for f in found if doc_text[f.trigger_start : f.trigger_end] == "contend"]


@pytest.mark.parametrize(
    "text",
    [
        "President Obama signed an executive order on Friday.",  # a domestic act, no agreement
        "One of the protesters recognized her outside the court.",  # no state recognised
    ],
)
def test_signing_and_recognising_need_an_agreement_and_a_state(text: str) -> None:
    assert not [f for f in frames(text)[1] if f.type == "SUPPORT"]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Senator Lane alleged that the Saudis funded the militia.", ["the Saudis"]),
        ("Senator Lane charged that the governor was a liar.", ["the governor"]),
        ("Senator Lane claimed the workers were fired by Boeing.", ["Boeing"]),
        ("Senator Lane claimed that Obama was willing to rig the census.", ["Obama"]),
        ("Senator Lane claimed the health service was not safe in Tory hands.", []),
        ("Senator Lane claimed that Mr Stone seemed to know something.", []),
        ("Senator Lane claimed Mr Stone was fired after ten years.", []),
    ],
)
def test_a_claim_accuses_only_who_did_what_it_says(text: str, targets: list[str]) -> None:
    doc_text, found = frames(text)
    frame = next(f for f in found if f.type == "ACCUSE")
    assert spans(doc_text, frame.targets) == targets


@pytest.mark.parametrize(
    "text",
    [
        "Israel risks becoming an isolated state, the minister said.",  # a danger to oneself
        "Kudlow cautioned that reopening depends on testing.",  # a danger foretold, no threat
        "The sheriff said the man didn't appear threatening.",  # how someone seems
        "Those sentiments betray nervousness among the senators.",  # what shows, no one abandoned
    ],
)
def test_risks_cautions_and_looks_threaten_no_one(text: str) -> None:
    assert not [f for f in frames(text)[1] if f.type in {"THREATEN", "SANCTION"}]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the writer's own "should": an opinion, no one's demand
        ("If he believes in democracy, he and the two assembly members should resign.", "REQUEST"),
        ("The president was also asked to explain a comment he made in January.", "REQUEST"),  # a question
        ("McEnany's claims that Flynn was targeted are not supported by the facts.", "SUPPORT"),
        ("Hillary Clinton is heavily favored to win the nomination.", "SUPPORT"),  # the odds
        ("Michael Flynn wasn't dismissed until mid-February.", "REJECT"),  # a firing, no rebuttal
        ("The appeals court dismissed the case on Tuesday.", "REJECT"),  # a case thrown out
        # sums of money the tagger took for a verb
        (
            "She received up to pounds 30,000 as an agony aunt and between pounds 5,001 and pounds 10,000 "
            "for appearing on a television show.",
            "ASSAULT",
        ),
        ("Critics seemed caught off guard for about five minutes.", "COERCE"),  # surprised, not seized
        ("The Budget will contain measures to attract votes, Letwin said.", "COERCE"),
        ("The event was billed as a meet-and-greet by the campaign.", "COERCE"),
        # records released, named by the noun a relative clause hangs on
        ("Trump referred to a statement the intelligence office released a few hours earlier.", "RETREAT"),
        ("Trump dismissed Bob Woodward's book, which was released on Tuesday.", "RETREAT"),
    ],
)
def test_opinions_questions_and_odds_are_no_acts(text: str, type_: str) -> None:
    assert not [f for f in frames(text)[1] if f.type == type_]


def test_dismissing_a_plea_is_a_rejection() -> None:
    text = "Rebels in the north on Wednesday dismissed an appeal from the president to lay down their arms."
    assert [f for f in frames(text)[1] if f.type == "REJECT"]


def test_a_demand_someone_makes_is_still_theirs() -> None:
    doc_text, found = frames("Kennedy said the prime minister should make a statement.")
    assert [spans(doc_text, f.sources) for f in found if f.type == "REQUEST"] == [["Kennedy"]]
    assert [f for f in frames('"He should resign now," Kennedy said.')[1] if f.type == "REQUEST"]
    assert [f for f in frames("Congress asked the FBI to explain the raid.")[1] if f.type == "REQUEST"]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("The two sets of sanctions targeted Chinese and North Korean firms.", "ASSAULT", "SANCTION"),
        ("In 2013, the Supreme Court struck down crucial parts of the act.", "ASSAULT", None),
        ("The crash of the airliner early on Wednesday killed all 176 people on board.", "ASSAULT", None),
        ("If he gets his way, Trump destroys the Affordable Care Act.", "ASSAULT", None),
        (
            "Mr. Trump also gave credit to Chinese President Xi for the talks with North Korea.",
            "AID",
            "SUPPORT",
        ),
        ("House Democrats said they had struck a deal with the White House.", "ASSAULT", "AGREE"),
        ("The IRS is also charged with enforcing the law's individual mandate.", "ACCUSE", None),
        ("Clinton claimed ignorance on the sensitivity of the materials.", "ACCUSE", None),
    ],
)
def test_verbs_of_blows_and_charges_in_their_other_senses(text: str, wrong: str, right: str | None) -> None:
    types = {f.type for f in frames(text)[1]}
    assert wrong not in types, types
    assert right is None or right in types, types

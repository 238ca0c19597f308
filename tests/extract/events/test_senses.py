"""Which sense of a trigger a sentence uses: families of non-events and of figurative violence."""

from __future__ import annotations

import pytest

from patronage.extract.events.frames import code_sentence
from patronage.nlp.loader import load_nlp


def coded(text: str) -> list[tuple[str, str]]:
    """(type, trigger) of every frame coded in the text, whether or not its actors resolve."""
    doc = load_nlp()(text)
    return [(f.type, doc.text[f.trigger_start : f.trigger_end]) for s in doc.sents for f in code_sentence(s)]


@pytest.mark.parametrize(
    "text",
    [
        "A poll released on Monday shows the senator trailing by six points.",  # a record released
        "The army released a video of the parade.",
        "The ministry released a statement on the talks.",
        "The spokesman declined to comment on the report.",  # no refusal of anything asked
        "The senator refused to discuss the newspaper's claims.",
        "Reporters asked whether the minister would resign.",  # a question, not a request
        "Half of the voters agree with the ruling.",  # an opinion, not an agreement
        "The atrocities committed by the militia shocked the region.",
        "The Iran deal was done long before the election.",  # a standing arrangement named
        "His support of the immigration bill hurt him in the primary.",
        "The outcome is a threat to the party.",
        "It was a cabinet meeting like no other.",  # internal, with no one to consult
        "The campaign launched an onslaught of attacks on his credibility.",
        "The aide requested anonymity to describe the private talks.",  # the reporter's terms
        "A reservist who spoke to NPR described the mood at the base.",  # an interview
        "The governor told reporters the bridge would reopen.",
        "I investigated the firm's lobbying for two years.",  # the writer, outside any quotation
        "The Conservatives beat Labour in the marginal seats.",  # a contest won
        "Voters in the northern districts went to the polls on Sunday.",  # an election, no visit
        "The mayor went to great lengths to keep the talks secret.",
        "Rival candidates seized on the result to question the count.",  # an idiom, no seizure
        "The minister seized the moment to announce new funding.",
        "The campaign has declined repeated requests for comment about the letter.",  # the press
        "The minister had refused to rule out a further rise in fees.",  # no refusal of anything
        "Party-backed candidates struggled in several races across the state.",  # no fight
        "The professor, who conducted the study with two colleagues, said little changed.",
        "The press conference hosted by the campaign chief was short.",  # no one visited
        "The spokesman spoke on Friday after the release of the texts.",  # records, not prisoners
        "The president will have to demonstrate how the new program works.",  # showing
        "He has been able to appeal to the security tribunal.",  # a legal appeal
        "The government was paying attention to him.",
        "The senator struck a more aggressive tone on Tuesday.",  # an idiom, no blow
        "The candidates hit the campaign trail in Iowa.",
        "The vote was a demonstration of loyalty to an old ally.",  # a display, no protest
        "The dispute has damaged relations with the neighbours.",  # no blow struck
        "Forty-six percent of voters support the governor.",  # a poll, not an act
        "The Senate voted 52-48 to confirm the nominee on Saturday.",  # a vote (the guide: no event)
        "Senator Moran voted with Senator Lee and Senator Collins in December.",
        "The injured soldiers were flown to Germany for treatment.",  # carried, no visit
        "The Wieland fire, which threatened the pipeline, has burned 650 acres.",  # no actor
        "Poverty and inequalities have plagued the region for decades.",
        "The minister released figures despite the newspaper's request for the files.",  # newsgathering
        "The paper analyzed news reports and state data releases.",  # records released
        # a released record the parser hung elsewhere: a clause of "said", a title's last word
        "Citing a report the Office of the Inspector General released last week, she said it was flawed.",
        'Reviewers read the memoir, "Lost Years: Power in the Capital," which was released in May.',
        "The chairman wouldn't discuss the testimony.",  # a topic, no one consulted
        "Republicans dominated the Sunday talk shows this week.",  # no force used
        "The senator's silence struck many voters as a sign of weakness.",  # an impression
        # a power, and the writer's judgement of what it is right or time to do
        "The government can still prosecute extortion under the old statute.",
        "The president can pardon anyone he likes.",
        "It is right and fit to condemn the administration for its treatment of refugees.",
        "It is important to support Ukraine now.",
        "Some senators claim to be holding out for a better deal.",
        "The prime minister assured Parliament that the war was legal.",  # a claim, no promise
        "Cameras rarely capture the activity of the officials.",  # no arrest
        "Republicans are trying to meet a seven-year campaign pledge.",  # no meeting
        "In August an Illinois police officer encountered the suspect again.",  # no meeting
        "Family members said he had threatened to kill himself.",  # no political act
        "The officers are very dangerous and well-armed.",  # a description, no arms supplied
        "The governor did not campaign with him.",  # electioneering
        "The chairwoman spoke at a campaign rally in Ohio.",  # no protest
        "The president's actions haven't directly hurt the farmer's finances.",
        "The senator battles brain cancer.",  # figurative
        "The president is setting the policy and the ministry is executing it.",
        "The administration's call for lawmakers to back the bill went unheeded.",  # a demand, no phone call
        "The scandal hurt the party's chances in the spring.",
        "Gaza schools were ordered closed until the operation ends.",  # a closure decreed
        "The decision spurred fears of retaliation, hammering shares of chipmakers.",  # effects
        "Launching the initiative, the minister said progress had been made.",  # no intent to negotiate
        "The minister agreed, and said that should help the country move on.",  # a thing ought to, no demand
        "The senator was met with cheers in Iowa.",  # a reception, no meeting
        "The candidate appealed to the same voting instincts.",  # rhetoric, no request
        "The adviser pleaded guilty to two counts of fraud.",  # a plea in court
        "The new post reinforces his experience in foreign policy.",  # no forces
        "The governor was heeding the call of the protesters.",  # a demand answered, no phone call
    ],
)
def test_non_events(text: str) -> None:
    assert coded(text) == [], coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # violence used of words, by a person, on a person or an idea: criticism
        ("When he was a senator, Hagel attacked President Bush over the war.", ("ACCUSE", "attacked")),
        ("The governor attacked the way the budget was sold to voters.", ("ACCUSE", "attacked")),
        ("The congressman attacked the inquiry on Tuesday.", ("ACCUSE", "attacked")),
        # office holders attacked: words; a retort with a particle the parser took for an adverb
        ("The senator used the hearing to attack governors who shut the schools.", ("ACCUSE", "attack")),
        ("Labour and the Greens clapped back at the minister on Monday.", ("ACCUSE", "clapped")),
        # physical violence stays violence
        ("Rebels attacked the army base near the border, killing four soldiers.", ("ASSAULT", "attacked")),
        ("A man attacked the mayor with a knife outside the town hall.", ("ASSAULT", "attacked")),
        ("Militants attacked two governors on the road to the capital.", ("ASSAULT", "attacked")),
        ("Israeli helicopters shelled positions of the security forces.", ("ASSAULT", "shelled")),
        # asking someone to act, agreeing to act, committing to act are events
        ("The mayor asked the governor to send troops.", ("REQUEST", "asked")),
        ("Ethiopia agreed to reopen its borders to the peacekeepers.", ("AGREE", "agreed")),
        # a meeting with someone, talks between two sides
        ("The envoy held a meeting with rebel leaders in Doha.", ("CONSULT", "held")),
        ("No formal meeting between the two generals has been confirmed.", ("CONSULT", "meeting")),
        # freeing people is a release
        ("The court released the two activists on bail.", ("RETREAT", "released")),
        # going to a place or a gathering is a visit; seizing a place is a seizure
        ("The prime minister went to Kyiv on Friday.", ("CONSULT", "went")),
        ("Rebels seized the airport after a night of fighting.", ("COERCE", "seized")),
        # hosting someone, declining a request to act, fighting against someone
        ("Macron hosted a summit with Merkel in Paris.", ("CONSULT", "hosted")),
        ("Iran declined a request to send troops to the region.", ("REJECT", "declined")),
        ("Rebels struggled against government troops near the city.", ("ASSAULT", "struggled")),
        # charges and indictments are accusations (PLOVER ACCUSE, mode allege), verbal defence support
        ("A grand jury indicted the former minister on Monday.", ("ACCUSE", "indicted")),
        ("France and Germany have vehemently defended the nuclear deal.", ("SUPPORT", "defended")),
        ("Washington moved to block chip exports to the company.", ("SANCTION", "block")),
        ("The White House spokesman ripped the FBI in an interview.", ("ACCUSE", "ripped")),
        ("Russian forces hammered the town with artillery.", ("ASSAULT", "hammered")),
        ("The United States hit North Korea with new sanctions on Friday.", ("SANCTION", "hit")),
        ("Russia threatened Ukraine with sanctions on Friday.", ("THREATEN", "threatened")),
        ("Democrats said they would fight the proposal in the Senate.", ("REJECT", "fight")),
        ("Japan later hit North Korea with a new round of economic sanctions.", ("SANCTION", "hit")),
        ("The move was welcomed at the time by Beijing.", ("SUPPORT", "welcomed")),  # praise, no visit
    ],
)
def test_events_keep_their_sense(text: str, expected: tuple[str, str]) -> None:
    assert expected in coded(text), coded(text)


def test_what_the_newer_checks_keep() -> None:
    """Beating with violence around it, hitting back, talks with officials, "we" inside a quotation."""
    kept = {
        "Police beat the protesters with batons and fired tear gas.": ("ASSAULT", "beat"),
        "The chancellor hit back at his critics on Tuesday.": ("ACCUSE", "hit"),
        "The envoy spoke to Iranian officials in Vienna.": ("CONSULT", "spoke"),
        '"We will attack the base," the commander said.': ("ASSAULT", "attack"),
    }
    assert {text: expected for text, expected in kept.items() if expected not in coded(text)} == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president defended his decision to withdraw from the nuclear deal.", ("REJECT", "defended")),
        ("The counsel used his appearance to defend his investigation.", ("REJECT", "defend")),
        ("But the Home Office defended the measures on Tuesday.", ("REJECT", "defended")),
        ("The vice president defended the president's plan for the border.", ("SUPPORT", "defended")),
        ("The senator defended Kavanaugh's nomination on Tuesday.", ("SUPPORT", "defended")),
    ],
)
def test_defending_ones_own_case_rebuts_critics(text: str, expected: tuple[str, str]) -> None:
    """One's own decision or measures defended answer their critics (REJECT); another's backs them."""
    assert expected in coded(text), coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "In a conference call with reporters, the deputy adviser described the decision.",
        "He spoke to BuzzFeed News while in custody.",
        "The senator spoke to Fox News host Chris Wallace on Sunday.",
        "The candidate didn't return until 2013, when he won the seat.",  # coming back, nothing handed back
    ],
)
def test_talking_to_the_press_and_coming_back_are_no_events(text: str) -> None:
    assert coded(text) == [], coded(text)


def test_a_labour_strike_is_a_protest_and_a_party_retreat_a_gathering() -> None:
    assert coded("In 1978 the trade unions carried out strikes across the country.") == [
        ("PROTEST", "strikes")
    ]
    assert ("ASSAULT", "strikes") in coded("Russian forces carried out strikes on Idlib on Monday.")
    assert coded("At the annual House GOP retreat in Maryland, the speaker spoke about the border.") == []


def test_campaigning_is_no_protest_and_no_consultation() -> None:
    # the annotation guide: rallies, debates and elections are campaigning, no events
    assert coded("Biden's rally at Renaissance High School was the biggest event of the day.") == []
    assert coded("The senator said she was ready to debate the president on television.") == []
    assert ("PROTEST", "rally") in coded("Thousands of protesters held a rally against the war in London.")
    assert ("PROTEST", "rallies") in coded(
        "The group leaders attended rallies to stop the administration's plans."
    )


def test_a_stance_held_for_a_while_is_no_act() -> None:
    assert coded("Some who have been extremely critical of the NRA stayed silent.") == []
    assert ("ACCUSE", "critical") in coded("The senator was critical of the president's decision on Monday.")


def test_power_and_pay_abused_are_no_violence() -> None:
    assert coded("Employees at the department have abused overtime pay for years.") == []
    assert not [t for t, w in coded("The governor abused his power to punish a rival.") if t == "ASSAULT"]
    assert ("ASSAULT", "abused") in coded("The soldiers abused prisoners at the jail.")


def test_things_returned_are_handed_back_not_visits() -> None:
    assert ("RETREAT", "returned") in coded("Iran returned the seized tanker to Britain on Friday.")


def test_an_offer_of_an_event_is_that_event_offered() -> None:
    doc = load_nlp()("Ecuador offered asylum to the whistleblower.")
    frames = [f for sent in doc.sents for f in code_sentence(sent)]
    assert [(f.type, f.modality) for f in frames] == [("AID", "offered")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The minister ordered British troops to march into the streets of the city.", "march"),
        ("State-owned companies began targeting American firms as investment opportunities.", "targeting"),
        ("The Senate voted again after the president's veto threat.", "veto"),  # the threat is the act
    ],
)
def test_a_trigger_in_another_sense(text: str, trigger: str) -> None:
    """Troops marching are no protest; companies targeting firms are no attack."""
    assert all(found != trigger for _type, found in coded(text)), coded(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The former minister appealed for the release of the kidnapped aid worker.", "release"),
        ("The opposition demanded the resignation of the interior minister.", "resignation"),
        ("The senator called for talks with the rebels.", "talks"),
    ],
)
def test_an_act_asked_for_is_not_done(text: str, asked: str) -> None:
    """The appeal is the event; the release it asks for has not happened."""
    found = coded(text)
    assert ("REQUEST", text.split()[2]) in found or any(t == "REQUEST" for t, _w in found), found
    assert all(word != asked for _type, word in found), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Pro-democracy protesters clashed with police in Hong Kong on Saturday.", "clashed"),
        ("Hundreds of demonstrators stormed the parliament building.", "stormed"),
        ("Rioters attacked the Capitol last week.", "attacked"),
    ],
)
def test_violence_by_a_crowd_of_protest_is_a_riot(text: str, trigger: str) -> None:
    assert ("PROTEST", trigger) in coded(text)
    assert not any(type_ == "ASSAULT" for type_, _t in coded(text))


def test_violence_against_protesters_stays_violence() -> None:
    assert ("ASSAULT", "clashed") in coded("Police clashed with protesters in Paris.")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Gordon Brown promised to end teenage unemployment within five years.", False),  # no one, no act
        ("The president vowed to pick a woman as his running mate.", False),
        ("Vojislav Kostunica promised to democratize Serbia and establish the rule of law.", True),
    ],
)
def test_a_pledge_of_no_act_to_no_one_is_no_agreement(text: str, kept: bool) -> None:
    assert any(t == "AGREE" for t, _w in coded(text)) is kept, coded(text)


@pytest.mark.parametrize(
    "text",
    ["Labour attacked the Tories over their tax plans.", "Labour was attacked on Monday over its tax plans."],
)
def test_a_party_attacking_or_attacked_is_criticism(text: str) -> None:
    assert ("ACCUSE", "attacked") in coded(text), coded(text)


def test_headlines_inside_the_text_code_nothing() -> None:
    # a related story's headline or a cited title, capitalised word by word, after the first sentence
    text = (
        "The senator spoke on Tuesday. Related: Governor Smith Criticized the Mayor After Budget Vote in "
        "Springfield. The Daily Bugle: Rebels Attacked Army Posts Before the Ceasefire, Officials Say."
    )
    assert [t for _, t in coded(text)] == []
    # the same words in a sentence's case are coded
    assert ("ACCUSE", "criticized") in coded(
        "The senator spoke. Governor Smith criticized the mayor after the vote."
    )


def test_an_experience_of_doing_stays_an_act() -> None:
    assert ("CONSULT", "meet") in coded("It is an honour to meet the president, the prime minister said.")

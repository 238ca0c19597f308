"""Which sense of a trigger verb the sentence uses: an event of its type, another type, or none.

The trigger lexicon lists every verb CAMEO knows, in every sense; news uses many of them
figuratively or for things that are not political interactions. The checks here read the
verb's own arguments in the parse (never other words of the sentence):

* an agent that cannot act ("a survey released Monday", "the move would help police",
  "sanctions hitting the energy sector") means no political event;
* a material action needs a recipient of the right kind: one releases, frees, aids, arrests
  or protects people, groups or places, not "a video", "the environment" or "a problem";
* violence needs a physical target: "attacked the way the war was sold", "an onslaught on
  his credibility", "fight back against over-reach" are criticism by a person (ACCUSE) or
  nothing, and "X attacked Y" between politicians, with no weapon or casualty in the
  clause, is criticism too (:mod:`patronage.extract.events.violence`);
* refusing to comment, confirm or discuss is not a refusal of anything asked (REJECT);
* offering, promising or pledging an action or a thing the lexicon knows as an event
  ("offered asylum", "pledged to send troops") is that event, offered: the verb itself is
  no second event (see
  :func:`~patronage.extract.events.noun_senses.offers_event`);
* asking is a request only when someone is asked *to* do something or asked *for* it, and
  agreeing or committing is an agreement only when it is *to* or *on* something (not an
  opinion: "50 % agree with the ruling").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.objects import dismissal, holds_nothing, is_actor, own_case, recipient_ok, thing
from patronage.extract.events.phrases import pobjs, subject_of, with_members
from patronage.extract.events.press import commentator, is_press, press_asked
from patronage.extract.events.roles import ASKING, FORCES, actor_like, lemma
from patronage.extract.events.saying import (
    CRITICIZE,
    DESCRIBING,
    asking_sense,
    calling_sense,
    describing_sense,
    insisting_sense,
    seeming,
    warning_sense,
)
from patronage.extract.events.violence import DISPLAY, SANCTIONS, violent_sense, weapons_shown
from patronage.extract.events.words import EASING, VIOLENCE
from patronage.resolve.names import ILLNESSES
from patronage.resolve.titles import is_role_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "MATERIAL_NEEDS_RECIPIENT",
    "is_actor",
    "recipient_ok",
    "verb_sense",
]

MATERIAL_NEEDS_RECIPIENT = frozenset({"RETREAT", "AID"})
_VIOLENT = frozenset({"ASSAULT"})
#: courts and their rulings: what a legal appeal goes to or against
_COURTS = frozenset(
    {"court", "tribunal", "judge", "ruling", "verdict", "sentence", "decision", "conviction", "judgment",
     "judgement", "panel"}
)  # fmt: skip
#: CAMEO's diplomatic recognition, and what a state recognises
_RECOGNITION = "054"
_STATEHOOD = frozenset(
    {"independence", "sovereignty", "state", "statehood", "government", "country", "nation", "republic",
     "regime", "annexation", "capital", "border", "genocide"}
)  # fmt: skip
#: CAMEO's intent to cooperate, not specified; verbs of pledging that, with no act the
#: lexicon knows pledged (that one is coded as offered), pledge nothing political
_INTENT = "030"
_PLEDGING = frozenset({"promise", "pledge", "vow", "vote", "subscribe", "swear"})
#: what one charges that is money, not a crime
_FEES = frozenset(
    {"tax", "fee", "rate", "price", "interest", "rent", "premium", "fare", "toll", "levy", "vat", "money"}
)
#: CAMEO's easing of economic sanctions, boycott or embargo, and what it eases
_EASE = "085"
_EMBARGOES = frozenset({"sanction", "embargo", "tariff", "boycott"})
#: what one hits or slaps a country with that is CAMEO's embargo, boycott or sanctions
_PENALTIES = frozenset({"sanction", "tariff", "penalty", "embargo", "fine", "restriction", "duty", "levy"})
#: what one strikes or hits without a blow: idioms of tone, records and travel
_STRUCK = frozenset(
    {"tone", "note", "chord", "balance", "pose", "nerve", "record", "high", "low", "snag", "wall", "road",
     "trail", "stride", "jackpot", "button", "ground", "headline", "mark", "target", "milestone"}
)  # fmt: skip
#: what one strikes that is agreed: "struck a deal"
_BARGAINS = frozenset({"deal", "agreement", "accord", "bargain", "compromise", "pact", "truce"})
#: what one declines or refuses without refusing anything asked
_NON_COMMITTAL = frozenset(
    {
        "comment", "say", "discuss", "elaborate", "confirm", "specify", "answer",
        "reveal", "disclose", "identify", "name", "speculate", "give", "provide", "detail",
        "rule", "deny", "exclude",  # "refused to rule out a move": no refusal of anything
    }
)  # fmt: skip
#: gatherings one hosts with no guest in them: a press conference is no visit
_HOSTED_EVENTS = frozenset(
    {"conference", "fundraiser", "show", "podcast", "programme", "program", "party", "rally", "debate",
     "webinar", "briefing", "hall", "event", "session", "broadcast", "livestream", "screening", "contest"}
)  # fmt: skip
_RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
_QUOTE_MARKS = ('"', "“", "”", "«", "»")


#: verbs of taking a side: an event for a person, party or state, a stance for a policy
_STANCES = frozenset({"support", "oppose", "favour", "favor", "back", "endorse"})
#: verbs of going: a visit only to a place or a party ("went to Moscow", "headed to the summit")
_GOING = frozenset({"go", "head"})
#: entity types a visit can go to
_DESTINATIONS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PERSON"})
#: places and gatherings a visit can go to, named by a common noun
_VISITED = frozenset(
    {
        "summit", "talk", "meeting", "conference", "embassy", "capital", "border", "front", "frontline",
        "region", "country", "city", "island", "base", "camp", "palace", "parliament", "congress", "court",
        "headquarters", "ministry", "kremlin", "house", "site", "scene", "area", "zone", "village", "town",
    }
)  # fmt: skip
#: what one seizes as an idiom, not a seizure
_CHANCES = frozenset({"opportunity", "moment", "chance", "initiative", "momentum", "occasion", "spotlight"})


#: what one meets or captures without meeting or seizing anyone
_AIMS = frozenset(
    {"pledge", "promise", "goal", "target", "deadline", "requirement", "demand", "standard", "need",
     "expectation", "obligation", "quota", "criterion", "threshold", "activity", "image", "moment",
     "attention", "imagination", "mood", "spirit", "footage", "picture", "photo", "essence", "vote"}
)  # fmt: skip
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})
_ILLS = frozenset(
    {"cancer", "disease", "illness", "virus", "addiction", "tumor", "tumour", "infection", "pandemic"}
)
_PLANS = frozenset(
    {"plan", "policy", "order", "strategy", "program", "programme", "agenda", "mission", "task", "will"}
)
#: CAMEO's "provide military aid" and "mobilize or increase armed forces"
_MILITARY_AID, _DEPLOY = "072", "154"
#: verbs of making stronger: a mobilisation only of forces, arms or positions
_STRENGTHENING = frozenset({"reinforce", "strengthen", "bolster", "boost", "beef"})
#: arms and defences one builds up
_ARMS = frozenset(
    {"defense", "defence", "border", "position", "presence", "garrison", "military", "army", "navy", "weapon",
     "arsenal", "missile", "fortification", "line", "flank", "base"}
)  # fmt: skip
#: verbs of command: ordering one's forces somewhere deploys them
_COMMANDING = frozenset({"order", "command", "direct", "instruct"})
#: what forces sent for someone do for them
_HELPING = frozenset({"help", "assist", "support", "aid", "train", "protect", "defend", "bolster", "back"})
#: what a state freezes when it sanctions someone
_HOLDINGS = frozenset({"asset", "account", "fund", "property", "holding", "deposit", "wealth"})
#: verbs whose complement is an act asked of someone, not done
_ASKED_TO = ASKING | {"tell", "request", "invite", "encourage", "implore", "beg"}
#: who answers polls and votes: their support or opposition is opinion, not a political act
_POLLED = frozenset(
    {"voter", "respondent", "percent", "%", "poll", "survey", "electorate", "majority", "plurality"}
)


def _polled(subj: Token) -> bool:
    return any(lemma(t) in _POLLED for t in with_members(subj))


def _helps_someone(verb: Token) -> bool:
    """ "sent troops to train Philippine soldiers", "in support of Maduro": forces lent to an actor."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and lemma(child) in _HELPING:
            return any(g.dep_ == "dobj" and is_actor(g) for g in child.children)
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(lemma(o) == "support" and any(True for _ in pobjs(o, {"of"})) for o in child.children)
        ):
            return True
    return False


def _with_things(verb: Token) -> bool:
    others = [o for _p, o in pobjs(verb, {"with"})]
    return bool(others) and not any(is_actor(o) for o in others)


def _to_things(verb: Token) -> bool:
    """ "appealed to voters' instincts": only things appealed to, and nothing asked for."""
    others = [o for _p, o in pobjs(verb, {"to"})]
    if not others or any(True for _ in pobjs(verb, {"for"})) or any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return not any(is_actor(o) or lemma(o) in _COURTS for o in others)


def _military(obj: Token) -> bool:
    """Forces, arms or a place to hold: what one reinforces or strengthens militarily."""
    return lemma(obj) in FORCES | _ARMS or obj.ent_type_ in {"GPE", "LOC", "FAC"} or is_actor(obj)


def _thing_ordered(subj: Token) -> bool:
    """ "schools were ordered closed", "the flights were ordered grounded": no one who could obey."""
    return subj.pos_ == "NOUN" and not actor_like(subj) and not is_role_noun(subj)


def _goes_somewhere(verb: Token) -> bool:
    """Whether "go/head to X" names a place or party X (a visit), not "the polls" or "great lengths"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (
                pobj.ent_type_ in _DESTINATIONS or pobj.pos_ == "PROPN" or lemma(pobj) in _VISITED
            ):
                return True
    return False


def _actors_own(tok: Token) -> bool:
    """An actor, or a thing an actor's modifier owns ("the party's policies", "government plans")."""
    return is_actor(tok) or any(c.dep_ in {"poss", "compound"} and is_actor(c) for c in tok.children)


def _partners(verb: Token, obj: Token | None) -> list[Token]:
    """The other side of the verb: its object and the objects of its prepositions."""
    found = [obj] if obj is not None else []
    return found + [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _names_someone(verb: Token, subj: Token | None) -> bool:
    """Whether the verb's own words, its subject apart, name a state, a people, a body or a person."""
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    return any(
        t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON", "LOC"}
        for t in verb.subtree
        if t.i not in skip and t is not verb
    )


def _recipient(verb: Token) -> Token | None:
    """The verb's direct object, or its passive subject."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return child
    return None


def _released(verb: Token, subj: Token | None, obj: Token | None) -> Token | None:
    """What is released or given: the object, or the noun a relative clause says it of ("a
    statement the ODNI released", "the book, which was released on Tuesday")."""
    if verb.dep_ == "relcl" and (obj is None or obj.lower_ in _RELATIVE) and subj is not verb.head:
        said_of = verb.head
        while said_of.dep_ == "appos" and said_of.head != said_of:
            said_of = said_of.head  # "the book, "Fear: Trump in the White House," which was released"
        return said_of
    return obj


#: verbs of letting someone go, which free no one when nothing is said to be let go
_FREEING = frozenset({"release", "free"})
#: verbs of taking hold of someone, acts only when someone is held: "contain Iran", "caught the gunman"
_HOLDING = frozenset({"contain", "grab", "inflict", "catch"})


def _task(prep: Token) -> bool:
    """ "with enforcing the law": a task given (a gerund), not a crime charged."""
    return any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in prep.children)


#: types a commentator's words would code: their praise, blame and calls are no political acts
_COMMENTING = frozenset({"ACCUSE", "SUPPORT", "REQUEST"})


def verb_sense(verb: Token, type_: str, cameo: str) -> str | None:
    """The CAMEO code the verb's sense has here: ``cameo``, another code, or None (no event)."""
    lem = lemma(verb)
    subj, passive = subject_of(verb)
    if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
        subj = verb.head  # "the fire, which threatened the pipeline": the fire
    if subj is not None and not passive and thing(subj):
        return None  # "the move would help police"
    if passive and any(thing(agent) or lemma(agent) == "fact" for _p, agent in pobjs(verb, {"by"})):
        return None  # "the claims are not supported by the facts": what a thing bears out, no act
    if lem == "favor" and passive and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "Clinton is heavily favored to win": the odds, no one's support
    if subj is not None and not passive and subj.lower_ in {"that", "this"} and verb.dep_ != "relcl":
        return None  # "that should help the country move on": a fact or a deed, no actor
    obj = _recipient(verb)
    if obj is None and passive and subj is not None:
        obj = subj  # "a survey released Monday": what was released
    if cameo == DISPLAY and lem in {"fire", "launch"} and not weapons_shown(verb):
        return None  # "Russia fired 80 missiles overnight": an attack on no one named, not a test
    if lem == "dismiss" and obj is not None and dismissal(verb, obj):
        return None  # "Flynn wasn't dismissed until February", "the court dismissed the case"
    if lem in _HOLDING and holds_nothing(obj):
        return None  # "the Budget will contain measures", "inflicted atrocities", "caught off guard"
    if lem in EASING and obj is not None and lemma(obj) in _EMBARGOES:
        return _EASE  # "lifted sanctions on Sudan": CAMEO's easing of sanctions, whoever bears them
    released = _released(verb, subj, obj)
    if type_ in MATERIAL_NEEDS_RECIPIENT and released is not None and not recipient_ok(released):
        return None  # "released a video", "helped create a problem", "a statement the ODNI released"
    if type_ == "RETREAT" and lem in _FREEING and released is None:
        return None  # "a statement the ODNI released" parsed as a clause: no one said to go free
    partners = _partners(verb, obj)
    if type_ in {"ASSAULT", "COERCE"} and any(
        lemma(x) in _PENALTIES for _p, o in pobjs(verb, {"with"}) for x in with_members(o)
    ):
        return SANCTIONS  # "hit North Korea with sanctions", "slapped tariffs"
    if cameo == _MILITARY_AID and obj is not None and lemma(obj) in FORCES and not _helps_someone(verb):
        return _DEPLOY  # "sent federal forces into Portland": a deployment; "to help Kyiv" is aid
    if lem in _COMMANDING and obj is not None and lemma(obj) in FORCES and not obj.ent_type_:
        return _DEPLOY  # "ordered British troops to march into Belfast": one's own forces moved
    if cameo == _DEPLOY and obj is not None and obj.ent_type_ == "PERSON":
        return None  # "deploying Rep. Ocasio-Cortez on his behalf": a campaign surrogate, no forces
    if lem == "order" and passive and subj is not None and _thing_ordered(subj):
        return None  # "Gaza schools were ordered closed": a closure decreed, no one asked
    if lem == "meet" and _with_things(verb):
        return None  # "was met with cheers", "the plan was met with skepticism": a reception
    if lem == "appeal" and _to_things(verb):
        return None  # "appealed to the same voting instincts": rhetoric, no one asked
    if (
        lem in {"recognise", "recognize"}
        and cameo == _RECOGNITION
        and not (obj is not None and (obj.ent_type_ in {"GPE", "NORP"} or lemma(obj) in _STATEHOOD))
    ):
        return None  # "one of the protesters recognized her": no state recognised
    if lem in _PLEDGING and cameo == _INTENT and not _names_someone(verb, subj):
        # "promised to end teenage unemployment", "vowed to pick a woman": a pledge to no one of no
        # act the lexicon knows ("promised to democratize Serbia" names whom it concerns)
        return None
    if lem == "contend" and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None  # "still had to contend with Sanders": a rival faced, no criticism
    if (
        lem == "charge"
        and obj is not None
        and any(lemma(c) in _FEES for c in obj.subtree)  # the object itself among its subtree
    ):
        return None  # "charge reasonable levels of council tax": a price asked, no charge laid
    if lem == "plead" and any(c.lower_ in {"guilty", "innocent"} for c in verb.children):
        return None  # "pleaded guilty to two counts": a plea in court, no request
    if type_ == "MOBILIZE" and lem in _STRENGTHENING and obj is not None and not _military(obj):
        return None  # "the trip reinforces his experience": no forces
    if lem in {"strike", "hit"} and obj is not None and lemma(obj) in _STRUCK:
        return None  # "struck a more aggressive tone", "hit the campaign trail", "hit a snag"
    if lem == "give" and obj is not None and lemma(obj) == "credit":
        return "051"  # "gave credit to Xi for helping": praise, no loan
    if lem == "strike" and obj is not None and lemma(obj) in _BARGAINS:
        return _INTENT  # "they had struck a deal with the White House": an agreement
    if (
        lem == "charge"
        and passive
        and any(c.dep_ in {"prep", "agent"} and c.lower_ == "with" and _task(c) for c in verb.children)
    ):
        return None  # "the IRS is charged with enforcing the mandate": a duty given, no charge laid
    if (
        lem == "claim"
        and type_ == "ACCUSE"
        and obj is not None
        and not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return None  # "Clinton claimed ignorance", "claimed responsibility for the attack": no one accused
    if type_ in _VIOLENT:
        decided, code = violent_sense(verb, subj, passive, obj, partners)
        if decided:
            return code
    if lem in _GOING and type_ == "CONSULT" and not _goes_somewhere(verb):
        return None  # "went to the polls", "went to great lengths": no visit
    if lem == "seize" and (
        any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in verb.children)
        or (obj is not None and lemma(obj) in _CHANCES)
    ):
        return None  # "seized on the outcome", "seized the moment": an idiom, no seizure
    if verb.dep_ == "xcomp" and lemma(verb.head) in _ASKED_TO:
        return None  # "asked the minister to resign": the asking is the event, the resignation is not
    if subj is not None and not passive and _polled(subj):
        return None  # "46 percent of voters support Mr. Trump": a poll, not an act
    if lem in _STANCES and (obj is None or not _actors_own(obj)):
        return None  # "would support the plan", "favour an early start to talks": a stance on a policy
    if any(lemma(t) == "anonymity" for c in verb.children for t in c.subtree):
        return None  # "requested anonymity", "spoke on condition of anonymity": the reporter's terms
    talked_to = [t for t in partners if t.ent_type_ not in {"DATE", "TIME"}]
    if type_ == "CONSULT" and talked_to and all(is_press(t) for t in talked_to):
        return None  # "spoke to NPR", "told reporters": an interview, not a meeting
    if (
        subj is not None
        and subj.lower_ in {"i", "we"}
        and not any(mark in verb.sent.text for mark in _QUOTE_MARKS)
    ):
        return None  # "I investigated …" outside any quotation: the writer, not a party
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
        return None  # "asked whether the minister would resign": a question, not an event
    if lem in _NON_COMMITTAL and verb.dep_ == "xcomp" and lemma(verb.head) in {"decline", "refuse"}:
        return None  # "refused to discuss the claims"
    if (
        type_ == "REJECT"
        and lem in {"decline", "refuse"}
        and any(c.dep_ == "xcomp" and lemma(c) in _NON_COMMITTAL for c in verb.children)
    ):
        return None
    if press_asked(obj) and type_ == "REJECT":
        return None  # "declined repeated requests for comment": the press was not answered
    if lem == "host" and obj is not None and lemma(obj) in _HOSTED_EVENTS:
        own = {t.i for t in verb.subtree}
        if not any(t.i not in own and t is not obj and is_actor(t) for t in obj.subtree):
            return None  # "hosted a press conference": nobody visited
    if lem in {"defend", "justify"} and obj is not None and own_case(obj):
        # "Trump defended his decision", "the Home Office defended the measures": a rebuttal of
        # critics; "Israel's right to defend its border" is the border's own defence, no event
        return "120" if cameo == "052" else None
    if (
        lem == "discuss"
        and not any(t.lower_ in ("with", "between") for t in verb.subtree)
        and not (obj is not None and is_actor(obj))
        and not (subj is not None and any(c.dep_ == "conj" for c in subj.children))
    ):
        return None  # "Schiff wouldn't discuss Cohen's testimony": a topic, no one consulted
    if lem == "welcome" and cameo != "051" and obj is not None and not is_actor(obj):
        return "051"  # "the move was welcomed by Beijing": praise, no visitor received
    if subj is not None and subj.lower_ in ILLNESSES:
        return None  # "COVID hit the U.S.": a disease, no attacker
    if subj is not None and not passive and type_ in _COMMENTING and commentator(subj):
        return None  # "CNN anchor Jake Tapper mocked the president", "analysts blame the slowdown"
    if lem in {"battle", "fight"} and any(lemma(t) in _ILLS for t in _partners(verb, obj)):
        return None  # "battles brain cancer"
    if lem == "execute" and (obj is None or obj.pos_ == "PRON" or thing(obj) or lemma(obj) in _AIMS | _PLANS):
        return None  # "Congress is executing it (the policy)": carrying out, no execution
    acted_on = [obj] + [_recipient(c) for c in verb.children if c.dep_ == "xcomp"]
    if any(t is not None and t.lower_ in _REFLEXIVE for t in acted_on):
        return None  # "had threatened to kill himself": no political act
    if lem == "arm" and obj is None:
        return None  # "the officers are well-armed": a description, no arms supplied to anyone
    if lem == "return" and cameo.startswith("084") and obj is None:
        return None  # "he didn't return until 2013": coming back, nothing handed back
    if lem == "return" and cameo == "042" and obj is not None:
        # "returned the seized tanker to Britain", "the hostages were returned to Israel": handed back
        return "0841" if obj.ent_type_ in {"PERSON", "NORP"} or is_actor(obj) else "0842"
    if cameo == "042" and passive and lem != "return":
        return None  # "three soldiers were flown to Germany": carried somewhere, no one visited
    if lem == "freeze" and obj is not None and lemma(obj) in _HOLDINGS:
        return SANCTIONS  # "froze the assets of top Russian officials"
    if lem in {"capture", "meet"} and obj is not None and (lemma(obj) in _AIMS or thing(obj)):
        return None  # "cameras capture the activity", "to meet a campaign pledge": no arrest, no meeting
    if lem in {"assure", "reassure"} and any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "Blair assured Parliament that the war was legal": a claim, no promise
    if lem == "claim" and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "some Republicans claim to be holding out": a report of themselves
    if lem == "demonstrate" and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return None  # "will have to demonstrate how the program works": showing, not a protest
    marchers = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
    if lem == "march" and any(lemma(t) in VIOLENCE for t in [*marchers, *([subj] if subj else [])]):
        return None  # "ordered British troops to march into the streets": no protest
    if lem == "appeal" and any(lemma(t) in _COURTS for t in partners):
        return None  # "appealed to the tribunal", "appealed the ruling": a legal appeal
    if lem == "call" and cameo == CRITICIZE:
        return calling_sense(verb)
    if lem in DESCRIBING:
        return describing_sense(verb)
    if lem == "echo" and not _echoed(verb, subj, passive, obj):
        return None  # "the sound echoed", "his words echoed Reagan's": no one's stand taken up
    if lem in {"warn", "caution"}:
        return warning_sense(verb, subj)  # "cautioned that it depends on testing": a danger, no threat
    if lem == "threaten" and seeming(verb):
        return None  # "he didn't appear threatening": how someone seems
    if lem == "betray" and obj is not None and not is_actor(obj):
        return None  # "those sentiments betray nervousness": what shows, no one abandoned
    if lem == "insist":
        return insisting_sense(verb)
    if lem == "ask" and not asking_sense(verb, passive):
        return None  # "asked whether", "was asked to explain a comment": a question
    if lem in {"agree", "commit"} and not any(
        c.dep_ == "xcomp"
        or (c.dep_ == "dobj" and lem == "agree")
        or (c.dep_ == "prep" and c.lower_ in {"to", "on", "upon"})
        for c in verb.children
    ):
        return None  # "agree with critics", "atrocities committed by ISIS"
    return cameo


def _echoed(verb: Token, subj: Token | None, passive: bool, obj: Token | None) -> bool:
    """Someone taking up another's words: "Stavridis echoed McCaffrey's remarks", "McCaffrey's
    remarks were echoed by Stavridis"; the words must be someone's and the echo someone's."""
    said = subj if passive else obj
    echoer = next((o for _p, o in pobjs(verb, {"by"})), None) if passive else subj
    owned = said is not None and (
        actor_like(said) or any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in said.children)
    )
    return owned and echoer is not None and actor_like(echoer)

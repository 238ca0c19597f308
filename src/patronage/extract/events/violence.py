"""Violent verbs used for words, contests, markets and crowds: when "attack", "hit" or "fight" is violence.

News uses the verbs of violence far more often for other things: "Republicans attacked Democrats
over the bill" and "the spokesman ripped the FBI" are criticism (ACCUSE); "the Tories beat Labour"
is a contest won; "sanctions hitting the energy sector" lands on a market, not a body; "Democrats
would fight the proposal" opposes it (REJECT). Violence by a crowd of protest ("protesters
clashed with police") is a riot, which PLOVER codes as PROTEST. Only a clause with weapons,
casualties or forces, or an armed subject, keeps a verb's violent sense when a politician does it.
"""

from __future__ import annotations

from spacy.tokens import Token

from patronage.extract.events.phrases import with_members
from patronage.extract.events.roles import actor_like, lemma
from patronage.extract.events.saying import CRITICIZE
from patronage.extract.events.speech import REJECT_CODE
from patronage.extract.events.words import ABSTRACT, THINGS, VIOLENCE
from patronage.resolve.titles import ROLE_NOUNS, is_role_noun

__all__ = ["DISPLAY", "SANCTIONS", "violent_sense", "weapons_shown"]

#: verbs with a verbal sense: one "attacks", "slams" or "hits" a person with words
_VERBAL = frozenset(
    {
        "attack", "hit", "slam", "blast", "strike", "target", "hammer", "bash", "assail", "lambast",
        "savage", "batter", "pummel", "rip", "knock", "lash", "fight",
    }
)  # fmt: skip
#: verbs that are almost always words when a person or a body does them to anyone
_WORDY = frozenset({"slam", "blast", "rip", "lambast", "assail", "savage", "bash", "hammer", "pummel"})
#: verbs of winning, violent only in a violent clause ("beat Labour in the vote" is an election)
_WINNING = frozenset({"beat", "defeat", "crush", "trounce", "rout", "thrash", "overwhelm"})
#: what an economic blow lands on: sectors, markets and trade, never a body
_ECONOMY = frozenset(
    {
        "sector", "industry", "economy", "market", "company", "firm", "bank", "business", "export",
        "import", "supply", "trade", "revenue", "profit", "stock", "share", "price", "currency",
        "earnings", "growth", "investment", "investor", "consumer", "output", "production",
        "finance", "finances", "income", "wage", "savings",
    }
)  # fmt: skip
#: crowds of protest: the violence they do is a riot, which PLOVER codes as PROTEST (mode riot)
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "marcher", "striker"})
#: penalties a state lays on others: what they "target" or "hit" is sanctioned, not attacked
_PENALTIES = frozenset({"sanction", "tariff", "embargo", "penalty", "measure", "restriction"})
#: CAMEO's embargo, boycott or sanctions
SANCTIONS = "163"
#: accidents: what they kill, no one attacked
_ACCIDENTS = frozenset({"crash", "accident", "collision", "derailment", "stampede"})
#: CAMEO's "protest violently, riot"
_RIOT = "145"
#: CAMEO's "demonstrate military or police power": a weapons test, an exercise (PLOVER's MOBILIZE)
DISPLAY = "150"
#: trials of a weapon: a missile fired "in a test" or "during drills" is shown, not used on anyone
_TRIALS = frozenset({"test", "exercise", "drill", "trial"})
#: where a weapon fired at no one lands in a test: "into the sea", "off its east coast"
_OPEN_WATER = frozenset({"sea", "ocean", "water", "waters", "coast"})


def violent_sense(
    verb: Token, subj: Token | None, passive: bool, obj: Token | None, partners: list[Token]
) -> tuple[bool, str | None]:
    """``(True, code)`` when the violent verb's sense is decided here (``None``: no event), else
    ``(False, None)``: the verb keeps its violent sense as far as these checks go."""
    lem = lemma(verb)
    if lem == "pound" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].like_num:
        return True, None  # "received up to pounds 30,000": a sum of money the tagger took for a verb
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) and lem == "strike":
        return True, None  # "the Supreme Court struck down parts of the act": a ruling, no blow
    if lem == "strike" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return True, None  # "her presence struck some experts as courage": an impression
    if obj is not None and obj.ent_type_ == "LAW":
        return True, None  # "destroys the Affordable Care Act", "gutted the Voting Rights Act"
    if subj is not None and not passive and _penalty(subj):
        return True, SANCTIONS  # "the two sets of sanctions targeted Chinese firms"
    if subj is not None and not passive and lemma(subj) in _ACCIDENTS:
        return True, None  # "the crash of the airliner killed 176 people": an accident, no attacker
    if subj is not None and not passive and lemma(subj) in _ECONOMY:
        return True, None  # "Russian companies began targeting American firms as investments"
    if subj is not None and not passive and _crowd(subj):
        # "protesters clashed with police", "rioters stormed the Capitol": a violent protest
        return True, _RIOT
    if partners and all(lemma(t) in _ECONOMY for t in partners):
        return True, None  # "sanctions hitting the energy sector", "hammering shares of chipmakers"
    speaker = subj is not None and not passive and (actor_like(subj) or is_role_noun(subj))
    verbal = lem in _VERBAL
    people = speaker or (subj is not None and subj.pos_ == "PRON")
    if lem == "fight" and people and obj is not None and lemma(obj) in ABSTRACT:
        return True, REJECT_CODE  # "Democrats would fight the proposal": opposing it
    if (partners and all(lemma(t) in ABSTRACT for t in partners)) or (
        obj is not None and lemma(obj) in ABSTRACT | THINGS and not _violent_clause(verb)
    ):
        # "attacked the way the war was sold", "damaged relations with the US"
        return True, (CRITICIZE if speaker and verbal else None)
    if verbal and speaker and obj is not None and obj.ent_type_ == "PERSON" and not _violent_clause(verb):
        return True, CRITICIZE  # "when he was a Republican, he attacked President Bush"
    if (
        verbal
        and obj is not None
        and lemma(obj) in _OFFICE_HOLDERS
        and subj is not None
        and not passive
        and not _armed(subj)
        and not _violent_clause(verb)
    ):
        return True, CRITICIZE  # "Trump used the crisis to attack governors"
    if verbal and subj is not None and _partisan(subj) and not _violent_clause(verb):
        return True, CRITICIZE  # "Republicans attacked Democrats over the bill"
    if lem in _WORDY and speaker and subj is not None and not _armed(subj) and not _violent_clause(verb):
        return True, CRITICIZE  # "the spokesman ripped the FBI", "Democrats slammed the bill"
    if verbal and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children):
        return True, (CRITICIZE if speaker else None)  # "Brown hits back at his critics": a reply
    if lem in _WINNING and not _violent_clause(verb):
        return True, None  # "the Tories beat Labour in the marginal seats": a contest won
    if lem == "hit" and not _violent_clause(verb) and not (subj is not None and _armed(subj)):
        return True, None  # "were hit by delays", "hit a record high", "the strike hit Jobcentres"
    return False, None


#: holders of office and public roles, whom news "attacks" with words; not those of the forces, the
#: press or the opposition, who are attacked bodily too ("attacked two officers", "a journalist")
_OFFICE_HOLDERS = ROLE_NOUNS - {
    "officer", "commander", "general", "colonel", "admiral", "marshal", "agent", "spy", "warlord",
    "journalist", "editor", "activist", "dissident", "whistleblower", "businessman", "tycoon",
}  # fmt: skip


def _penalty(subj: Token) -> bool:
    """ "sanctions", "the two sets of sanctions": a penalty a state imposes, which hits no body."""
    return any(lemma(t) in _PENALTIES for t in with_members(subj))


def _crowd(subj: Token) -> bool:
    """ "protesters", "hundreds of demonstrators": people in the street, not a state or a force."""
    return any(lemma(t) in _CROWDS for t in with_members(subj))


def _armed(tok: Token) -> bool:
    """A state, a people or an armed force: who can strike a physical blow (not a party's members)."""
    if _partisan(tok):
        return False
    return tok.ent_type_ in {"GPE", "NORP"} or lemma(tok) in VIOLENCE


def _partisan(tok: Token) -> bool:
    """ "Republicans", "Tories": a party's members, whom the tagger names like a people."""
    return tok.lower_.rstrip("s") in _PARTY_PEOPLE


#: members of parties, named like a people by the tagger: "Republicans attacked Democrats" is words
_PARTY_PEOPLE = frozenset(
    {
        "republican",
        "democrat",
        "conservative",
        "liberal",
        "tory",
        "torie",
        "progressive",
        "socialist",
        "labour",
        "gop",
        "ukip",
        "snp",
    }
)


def _violent_clause(verb: Token) -> bool:
    return any(lemma(t) in VIOLENCE for t in verb.subtree if t is not verb) or any(
        lemma(t) in VIOLENCE for t in verb.head.children
    )


def weapons_shown(verb: Token) -> bool:
    """A weapon fired or launched to show it, not at anyone: "test-fired two missiles", "fired a
    missile in a test", "launched a missile into the sea off its east coast". Missiles fired with
    no target named are otherwise no display ("Russia fired 80 missiles overnight" is an attack
    whose target the sentence leaves out)."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "compound", "amod", "advmod"} and lemma(child) == "test":
            return True  # "test-fired", "test-launched"
        if child.dep_ != "prep":
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            if child.lower_ in {"in", "during", "as"} and lemma(obj) in _TRIALS:
                return True  # "fired in a test", "launched during drills", "as part of an exercise"
            if child.lower_ in {"into", "off", "over"} and lemma(obj) in _OPEN_WATER:
                return True  # "into the sea", "off the coast", "into the Sea of Japan"
    return False

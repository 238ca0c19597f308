"""Polarity and modality of an event trigger, read from its governing chain.

The chain of a trigger is the trigger itself and the words that govern it
through complement, coordination and purpose links ("agreed to *release*",
"said it would *attack*"); for a nominal trigger the chain starts at the verb it
is an argument of ("*held* no talks"). Modality is decided in a fixed order:
conditional, hypothetical, offered, intended, reported, else actual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["demand_clause", "modality_of", "polarity_of"]

_OFFER = {
    "offer",
    "promise",
    "pledge",
    "agree",
    "vow",
    "commit",
    "volunteer",
    "undertake",
    "guarantee",
    "consent",
}
_INTEND = {
    "swear",
    "willing",
    "plan",
    "intend",
    "want",
    "seek",
    "aim",
    "hope",
    "prepare",
    "expect",
    "propose",
    "decide",
    "try",
    "attempt",
    "wish",
    "threaten",
    "vote",
    "resolve",
    "schedule",
    "plot",
}
_PREPARED = {"prepared", "ready", "willing", "set", "poised", "determined", "eager", "due"}
_NEGATING = {"fail", "refuse", "decline", "neglect", "avoid", "deny", "cease", "stop"}
#: verbs that undo what their object names: "cancelled the summit", "called off the talks"
_CANCELLING = {"cancel", "scrap", "scuttle", "abandon", "shelve", "postpone", "axe", "abort"}
#: modifiers of an event noun that make it a plan: "his planned summit"
_PLANNED = {"planned", "proposed", "scheduled", "expected", "intended", "upcoming", "prospective"}
_REPORT = {
    "say",
    "claim",
    "report",
    "tell",
    "announce",
    "state",
    "allege",
    "add",
    "confirm",
    "believe",
    "suggest",
    "indicate",
    "insist",
    "write",
    "note",
    "think",
}
_HYPOTHETICAL = {"would", "could", "might", "may", "can"}
#: verbs of wishing and fearing: what they say another will do is no one's plan
_WISHING = {"hope", "want", "wish", "expect", "fear", "prefer", "predict", "anticipate", "doubt"}
#: their inflections, for the lemmatizer's slips ("hopes" as a form of "hop")
_WISHED = {f for w in _WISHING for f in (w + "s", w + "d", w + "ed", w + "ing", w[:-1] + "ing")}
#: adverbs of a forecast
_LIKELY = {"likely", "probably", "possibly", "perhaps", "maybe", "presumably", "unlikely"}
_MUST = {"must", "should"}
_FUTURE = {"will", "shall", "'ll", "wo"}
_CONDITION = {"if", "unless", "provided", "providing", "whether"}


def _clause_words(trigger: Token) -> list[Token]:
    """The verbs and nouns of the trigger's own clause (trigger and its control governors)."""
    out = [trigger]
    cur = trigger
    while cur.dep_ in {
        "xcomp",
        "conj",
        "dobj",
        "pobj",
        "prep",
        "attr",
        "acomp",
        "nsubj",
        "nsubjpass",
        "pcomp",
    }:
        if cur.head == cur or len(out) > 8:
            break
        if cur.dep_ in {"nsubj", "nsubjpass"} and trigger.pos_ == "VERB":
            break
        cur = cur.head
        out.append(cur)
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"xcomp", "conj"}:
            break
    return out


#: subjects that name a thing or a fact, never someone who could be asked to act
_THING_PRONOUNS = frozenset({"that", "this", "it", "which", "what"})


def demand_clause(trigger: Token) -> tuple[bool, Token | None]:
    """Whether the trigger's clause says someone *must* (or should) act, and the verb reporting it."""
    words = _clause_words(trigger)
    obliged = [w for w in words if any(c.dep_ == "aux" and c.lower_ in _MUST for c in w.children)]
    if not obliged:
        return False, None
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _THING_PRONOUNS for c in obliged[0].children):
        return False, None  # "that should help us move": what something ought to do, no demand
    top = words[-1]
    if top.dep_ in {"ccomp", "acl"} and top.head != top:
        return True, top.head
    return True, None


def polarity_of(trigger: Token) -> str:
    """``negated`` for a negation word, a "no"/"never" determiner, "without" or "failed to"; else ``asserted``."""
    words = _clause_words(trigger)
    for word in words:
        if _not_until(word):
            continue  # "did not return until 2013": it happened, in 2013
        for child in word.children:
            if (
                child.dep_ == "neg"
                or child.lower_ in {"never", "no", "zero"}
                and child.dep_
                in {
                    "det",
                    "advmod",
                    "nummod",
                }
            ):
                return "negated"
        if word != trigger and word.lemma_.lower() in _NEGATING and word.pos_ == "VERB":
            return "negated"
        if word != trigger and trigger.pos_ == "NOUN" and _cancels(word):
            return "negated"
        if word.lower_ == "without" and word.dep_ == "prep":
            return "negated"
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ == "without":
        return "negated"
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_.lower() in _LACKING
    ):
        return "negated"  # "the lack of criticism", "the absence of talks"
    if any(c.dep_ == "nsubj" and _nobody(c) for c in trigger.children):
        return "negated"  # "no one disagrees", "nobody has challenged"
    if trigger.dep_ == "relcl" and (_nobody(trigger.head) or trigger.head.lower_ == "nothing"):
        return "negated"  # "heard nothing that contradicted the statement", "nobody who criticised him"
    if _no_evidence(words[-1]):
        return "negated"  # "there was no evidence that any detainee had been tortured or abused"
    return "asserted"


_LACKING = {"lack", "absence", "dearth"}


#: nouns whose denial denies what a clause after them says
_EVIDENCE = frozenset({"evidence", "sign", "proof", "indication", "suggestion"})


def _no_evidence(top: Token) -> bool:
    """ "no evidence that X was tortured": the clause completes a denied noun of evidence."""
    if top.dep_ == "conj":
        top = top.head
    noun = top.head
    return (
        top.dep_ in {"acl", "ccomp"}
        and noun.lemma_.lower() in _EVIDENCE
        and any(c.lower_ in {"no", "little"} and c.dep_ in {"det", "amod"} for c in noun.children)
    )


def _not_until(word: Token) -> bool:
    """ "didn't return until 2013", "did not sign until the talks ended": a time, not a negation."""
    if not any(c.dep_ == "neg" for c in word.children):
        return False
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == "until":
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in child.children):
            return True
    return False


def _nobody(subject: Token) -> bool:
    if subject.lower_ in {"nobody", "none"}:
        return True
    return subject.lower_ in {"one", "body"} and any(c.lower_ == "no" for c in subject.children)


def _cancels(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma in _CANCELLING or (
        lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )


def _weighed(top: Token) -> bool:
    """ "It would be easier for Republicans to attack Democrats", "it is hard for Russia to
    withdraw": an act weighed by an evaluative "it is …" clause, not one that happened."""
    head = top.head
    if top.dep_ not in {"advcl", "xcomp", "csubj", "ccomp"} or head == top or head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children) and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children
    )


def modality_of(trigger: Token) -> str:
    """One of :data:`~patronage.model.plover.MODALITIES` for the trigger, from auxiliaries, control verbs, conditions and reports."""
    words = _clause_words(trigger)
    heads = [w for w in words if w != trigger]
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION for w in words for c in w.children):
        return "conditional"  # "if Iran attacks Israel, …": the act is the condition itself
    for word in words:
        for child in word.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITION for m in child.children
            ):
                return "conditional"
            if child.dep_ == "prep" and child.lower_ == "if":
                return "conditional"
    top = words[-1]
    if _weighed(top):
        return "hypothetical"
    if top.dep_ == "ccomp" and (top.head.lemma_.lower() in _WISHING or top.head.lower_ in _WISHED):
        return "hypothetical"  # "China hopes the US will return to talks": another's wish, no plan
    if any(c.dep_ == "advmod" and c.lower_ in _LIKELY for w in words for c in w.children):
        return "hypothetical"  # "the Senate would likely reject it": a forecast
    reported_future = top.dep_ == "ccomp" and top.head.lemma_.lower() in _REPORT
    for word in words:
        for child in word.children:
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL:
                # "said they would meet": the future of reported speech, not a hypothesis
                return "intended" if reported_future and child.lower_ == "would" else "hypothetical"
    for word in heads:
        if word.lemma_.lower() in _OFFER:
            return "offered"
    if trigger.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _PLANNED for c in trigger.children):
        return "intended"
    for word in words:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in word.children):
            return "intended"
        if word.lemma_.lower() in _INTEND and word != trigger:
            return "intended"
        if word.lower_ in _PREPARED and word != trigger:
            return "intended"
        if word.lower_ == "going" and any(c.dep_ == "xcomp" for c in word.children):
            return "intended"
    cur: Token | None = top
    hops = 0
    while cur is not None and hops < 4:
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in _REPORT:
            return "reported"
        if any(c.lower_ == "according" for c in cur.children):
            return "reported"
        if cur.dep_ in {"ccomp", "conj", "advcl"} and cur.head != cur:
            cur = cur.head
            hops += 1
            continue
        cur = None
    if top.dep_ == "ROOT" and any(
        c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in _REPORT for c in top.children
    ):
        return "reported"
    return "actual"

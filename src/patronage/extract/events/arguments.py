"""Who an event frame's argument spans are: named actors, the groups they belong to, or descriptions.

:func:`resolve_spans` turns a frame's source or target spans into actor references: the actors
named in the span, else a country or organisation named in its modifiers ("Doctors from two
American aid groups"), else a political description ("officials", "Democratic leaders") kept as
described. The other helpers fill what a frame leaves open: the speaker a quoted "we" is, the
country a one-sided event concerns, and whether a subject is an act rather than an actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from patronage.extract.events.frames import EventFrame
from patronage.extract.events.lexicon import load_lexicon
from patronage.model.records import CIVILIANS, DESCRIBED, ActorRef
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import OTHER_PEOPLE, PLACED, WHOSE, DocActors
from patronage.resolve.simple import slug

__all__ = [
    "POLITICAL_HEADS",
    "addressed",
    "event_noun_phrase",
    "implicit_targets",
    "people_of",
    "quoted_self",
    "resolve_spans",
]

#: heads of phrases that describe a political actor without naming it
POLITICAL_HEADS = frozenset(
    """
    official lawmaker legislator senator congressman congresswoman representative minister diplomat
    envoy ambassador negotiator spokesman spokeswoman spokesperson leader president premier governor
    mayor prosecutor judge court government administration ministry department agency authority
    regime cabinet parliament congress senate committee commission council party opposition
    delegation military army navy troop soldier force police officer commander general militant
    rebel insurgent fighter protester demonstrator activist campaigner union coalition alliance
    """.split()
)
_BODIES = frozenset(
    "government administration ministry department agency authority regime cabinet parliament congress "
    "senate committee commission council party opposition delegation military army navy police union "
    "coalition alliance court".split()
)
#: people an attack or an arrest befalls whom the text describes without naming ("a medic")
_VICTIMS = frozenset(
    """
    medic doctor nurse man woman boy girl child teenager civilian resident worker student
    journalist reporter photographer deputy guard pilot sailor migrant refugee prisoner detainee hostage
    protester demonstrator passenger tourist pedestrian driver
    """.split()
)
#: the speaker's own words for themselves inside a quotation
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
#: verbs that attribute a quotation to its speaker in the same sentence
_SAYING = frozenset({"say", "tell", "testify", "add", "write", "explain", "insist", "recall", "declare"})


def quoted_self(found: DocActors, frame: EventFrame) -> list[ActorRef]:
    """The speaker a quoted "I" or "we" is: '"I asked a close friend to do it," Comey testified.'

    Only when the sentence itself names who said it (a saying verb whose subject resolves and is
    no pronoun of the first person); otherwise the source stays unknown.
    """
    text = doc_text(found.doc)
    if not frame.sources or any(text[s:e].strip().lower() not in _FIRST_PERSON for s, e in frame.sources):
        return []
    trigger = frame.trigger_token(found.doc)
    if trigger is None or not any(mark in trigger.sent.text for mark in ('"', "“", "”")):
        return []
    for tok in trigger.sent:
        if tok.lemma_.lower() not in _SAYING or tok.pos_ != "VERB":
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _FIRST_PERSON):
            refs = found.refs_for_span(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
            if refs:
                return refs[:1]
    return []


def people_of(ref: ActorRef) -> bool:
    """A country named by the plural of its people ("Russians", "the freed Americans")."""
    words = (ref.text or "").split()
    last = words[-1] if words else ""
    # "White House officials" are officials of the state, not its people
    return ref.kind == "country" and " ".join(words) != ref.name and last[:1].isupper() and last.endswith("s")


def _refs_in_modifiers(found: DocActors, start: int, end: int) -> list[ActorRef]:
    """A country or organisation named in the argument's modifiers, when its head names no one.

    "Doctors from two American aid groups", "Rebels in the Ivory Coast", "Thousands of Iraqi
    Kurds": event data codes such groups by the country or organisation they belong to.
    Relative and participial clauses are not searched: they describe other events.
    """
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    if head.lemma_.lower() in WHOSE:
        # "critics of the Kremlin" are not the Kremlin (:func:`_described` names them); "the rivalry
        # between Blair and Brown" is neither of them
        return []
    if head.ent_type_ == "PERSON":
        return []  # "Jeff Flake of Arizona": a named person, never the place he is from
    if any(c.dep_ == "poss" for c in head.children):
        return []  # "criticised its record on the NHS": the record is its owner's, the NHS a topic
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "at":
            continue  # "a packed audience at Gateshead's Sage Centre": a venue, not a member's body
        if child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children):
            continue  # "schools of failing to teach their obligations to British society": a clause
        if child.dep_ in ("prep", "amod", "compound", "appos") and child.i > span.end - 1:
            for ref in (r for a, b in _without_examples(child) for r in found.refs_for_span(a, b)):
                if ref.kind in ("country", "organization", "group") and ref.text.lower() not in _POSSESSIVES:
                    return [ref]
    if head.tag_ == "NN" and _placed_only(found, head):
        return []  # "a Florida neighborhood watch organizer": one person from a place, not its state
    for ref in found.refs_for_span(head.left_edge.idx, head.idx + len(head.text)):
        if ref.kind in ("country", "organization", "group") and ref.text.lower() not in _POSSESSIVES:
            return _civilians(found, start, end, [ref])
    return []


def _without_examples(tok: Token) -> list[tuple[int, int]]:
    """The character ranges of ``tok``'s phrase outside the examples it gives: "in places like
    Syria" is no Syrian phrase."""
    ranges, start = [], tok.left_edge.idx
    # "the court of fabricating accusations that Jews living there commit a crime": what a clause
    # says names no member of the phrase either
    for ex in (t for t in tok.subtree if (t.dep_ == "prep" and _example(t)) or t.dep_ in _CLAUSES):
        if ex.left_edge.idx >= start:
            ranges.append((start, ex.left_edge.idx))
            start = ex.right_edge.idx + len(ex.right_edge.text)
    ranges.append((start, tok.right_edge.idx + len(tok.right_edge.text)))
    return [(a, b) for a, b in ranges if b > a]


#: people of a country who act, or suffer, privately: never its state (its "nationals" and
#: "citizens" are left out: indicted, detained or swapped, they are often a matter between states)
_PRIVATE = frozenset(
    {"lawyer", "attorney", "civilian", "woman", "man", "girl", "boy", "child", "student", "journalist",
     "reporter", "businessman", "businesswoman", "tourist", "worker", "resident", "family", "doctor", "nurse",
     "teacher", "passenger", "voter", "couple", "mother", "father", "teenager"}
)  # fmt: skip


def addressed(found: DocActors, frame: EventFrame) -> list[tuple[int, int]]:
    """The frame's target spans, less what a denial denies: "denied any collusion with Russia"
    denies a deed, and neither it nor whom it concerns is the one the denial answers."""
    trigger = frame.trigger_token(found.doc)
    if trigger is None or trigger.lemma_.lower() not in _DENYING:
        return list(frame.targets)
    kept = []
    for start, end in frame.targets:
        target = found.doc.char_span(start, end, alignment_mode="expand")
        if target is not None and (target.root.pos_ in ("PROPN", "PRON") or target.root.ent_type_):
            kept.append((start, end))
    return kept


def _civilians(found: DocActors, start: int, end: int, refs: list[ActorRef]) -> list[ActorRef]:
    """A country named only as the nationality of private people ("an Iraqi civilian", "the Russian
    lawyer") refers to its civilians, as event data codes them (CVL), never to its state."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in _PRIVATE:
        return refs
    return [
        replace(r, sector=CIVILIANS) if r.kind == "country" and r.text != span.root.text else r for r in refs
    ]


def _placed_only(found: DocActors, head: Token) -> bool:
    """Whether the only names before ``head`` are places (cities, states), not countries or bodies."""
    mentions = [m for m in found.mentions_in(head.left_edge.idx, head.idx) if m.actor_id]
    return bool(mentions) and all(m.how in PLACED for m in mentions)


_POSSESSIVES = {"its", "it", "their", "they", "his", "her"}


def _nationality(found: DocActors, head: Token) -> str | None:
    """The country of people known by their tie to someone: "Russian critics of the Kremlin".

    Only an adjective before the noun ("Russian") or a place it is in or from ("critics in
    Moscow") says where they belong; whose critics or allies they are ("the Kremlin's critics",
    "allies of Assad") never does.
    """
    for child in head.children:
        if child.dep_ == "amod" or (child.dep_ == "prep" and child.lower_ in ("in", "from")):
            end = child.right_edge.idx + len(child.right_edge.text)
            for ref in found.refs_for_span(child.left_edge.idx, end):
                if ref.kind == "country":
                    return ref.country
    return None


def implicit_targets(found: DocActors, frame: EventFrame, sources: list[ActorRef]) -> list[ActorRef]:
    """The country a one-sided event concerns, named inside the trigger's phrase.

    "France is ready to contribute troops to a force in Liberia", "Israel will evacuate the
    settlements in the Gaza Strip": PLOVER codes the country named in the event's own
    phrase as its recipient. Only countries (and places resolved to one) count, never the
    source's own, and nothing from the subject's phrase.
    """
    trigger = frame.trigger_token(found.doc)
    if trigger is None:
        return []
    if trigger.lemma_.lower() in _DENYING:
        return []  # "denied any collusion with Russia": what is denied names its topic, not the accuser
    head = (
        trigger.head
        if trigger.dep_ in ("xcomp", "acomp") and trigger.head.pos_ in ("AUX", "ADJ")
        else trigger
    )
    subject_tokens = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # "complained about the decision to recuse himself from the Russia investigation": a clause
    # about a noun of the phrase tells of other acts and their places
    subject_tokens |= {
        t.i
        for tok in trigger.subtree
        if tok.dep_ in ("acl", "relcl") and tok.i != trigger.i
        for t in tok.subtree
    }
    # "fought and died alongside Americans": who stands beside the source is no recipient
    # "struggles against terrorism in places like Syria": an example given is no recipient either
    subject_tokens |= {
        t.i
        for tok in trigger.subtree
        if tok.dep_ == "prep" and (tok.lower_ in _COMPANY or _example(tok) or _charge(tok, trigger))
        for t in tok.subtree
    }
    # "an endorsement from X, the youngest ever US congresswoman": what says who a person is
    subject_tokens |= {
        t.i
        for tok in trigger.subtree
        if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.i != trigger.i
        for t in tok.subtree
    }
    own = {s.country for s in sources if s.country}
    judging = frame.type in _PRAISE_OR_BLAME
    out: list[ActorRef] = []
    for token in trigger.subtree:
        if token.i in subject_tokens or _describes_person(found, token):
            continue
        if judging and _befallen(token, trigger):
            continue
        for idx in found.token_mentions.get(token.i, []):
            mention = found.mentions[idx]
            ref = found.ref(mention)
            if ref is None or ref.kind != "country" or ref.country in own:
                continue
            if all(ref.actor_id != r.actor_id for r in out):
                out.append(ref)
    return out[:1]


def _charge(prep: Token, trigger: Token) -> bool:
    """ "accused some schools of failing to teach their duties to British society": what one is
    accused, blamed or praised for doing names no one it is done to."""
    return prep.head.i == trigger.i and any(c.dep_ == "pcomp" for c in prep.children)


def _example(prep: Token) -> bool:
    """ "like", "such as", "including": what follows is an example of the noun before."""
    return prep.lower_ in ("like", "including") or (prep.lower_ == "as" and prep.nbor(-1).lower_ == "such")


#: what befalls someone: its modifiers name whom it befell, never whom one praises or blames for it
_MISFORTUNES = frozenset(
    {"infighting", "defeat", "downfall", "demise", "collapse", "troubles", "woes", "split", "division",
     "disarray", "turmoil", "arrest", "detention", "imprisonment", "jailing", "death", "killing", "murder",
     "assassination", "ouster", "loss", "plight", "suffering"}
)  # fmt: skip
#: clauses inside a phrase
_CLAUSES = frozenset({"acl", "relcl", "ccomp", "advcl"})
#: prepositions of company: those they name act with the source
_COMPANY = frozenset({"alongside", "beside", "besides", "amid", "amidst"})
#: verbs that deny an allegation: the accuser is their recipient, never what the allegation concerns
_DENYING = frozenset({"deny", "refute", "rebut", "dismiss"})
#: types that praise or blame an act: whom the act befell is not whom they praise or blame (a
#: refusal is left out: PLOVER codes "refused to lift the curfew on Palestinians" as against them)
_PRAISE_OR_BLAME = frozenset({"ACCUSE", "SUPPORT"})
#: prepositions that name whom an act befell: "the attack on Ukraine", "crimes against Serbs"
_BEFALLING = frozenset({"on", "upon", "against", "into", "at", "toward", "towards"})


def _befallen(token: Token, trigger: Token) -> bool:
    """Whether ``token`` names whom an act in the trigger's phrase befell ("condemned the attack on
    Ukraine", "investigating crimes by extremists against Serb civilians"), not who did it."""
    tok = token
    while tok.i != trigger.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in _BEFALLING and tok.head.head.pos_ == "NOUN":
            return True
        tok = tok.head
    return False


def _describes_person(found: DocActors, token: Token) -> bool:
    """ "Ukraine's former president Viktor Yanukovych": the country only says whose the person is."""
    if token.dep_ not in ("poss", "compound", "amod") or token.head.i == token.i:
        return False
    head = token.head
    people = [head, *(c for c in head.children if c.dep_ in ("appos", "compound") and c.i != token.i)]
    return any(
        (ref := found.ref(found.mentions[idx])) is not None and ref.kind == "person"
        for t in people
        for idx in found.token_mentions.get(t.i, [])
    )


def _described(found: DocActors, start: int, end: int, victims: bool = False) -> list[ActorRef]:
    """An actor the phrase describes without naming: "officials", "Democratic leaders", "the troops".

    Only phrases headed by a political role or body count; the reference keeps the words the
    text uses and an id that marks it as described (never a network node).
    """
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return []
    lemma = span.root.lemma_.lower()
    if lemma not in POLITICAL_HEADS and lemma not in OTHER_PEOPLE and not (victims and lemma in _VICTIMS):
        return []
    # "Putin's critics" keeps whose critics they are; "the country's officials" needs no "its"
    dropped = ("det", "punct") if lemma in OTHER_PEOPLE else ("det", "poss", "punct")
    # the head stays whatever its own role ("back the government's plans": a possessor itself)
    words = [t for t in span if (t == span.root or t.dep_ not in dropped) and not t.is_space]
    text = doc_text(found.doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
    kind = "group" if span.root.tag_ == "NNS" or lemma in _BODIES else "person"
    country = _nationality(found, span.root) if lemma in OTHER_PEOPLE else None
    return [ActorRef(DESCRIBED + slug(text), text, kind, country, None, text)]


def _member(found: DocActors, start: int, end: int) -> list[ActorRef]:
    """One member of a party, whom the text describes by it: "the Arizona Republican", "a top House
    Democrat" (resolution leaves such a party word unnamed); never the party, nor the place or
    body that modifies it."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.ent_type_ != "NORP" or span.root.tag_ != "NNP":
        return []
    root = span.root
    if not any(c.dep_ == "det" for c in root.children) or found.mentions_in(root.idx, root.idx + len(root)):
        return []  # "Republicans", or the party itself as resolution found it
    words = [t for t in span if t.dep_ not in ("det", "punct") and not t.is_space]
    text = doc_text(found.doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
    return [ActorRef(DESCRIBED + slug(text), text, "person", None, None, text)]


#: words that count some members of a body rather than name the body: "some Democrats"
_SOME = frozenset({"some", "several", "few", "many", "most", "dozens", "scores", "hundreds", "handful"})


def _counted(found: DocActors, start: int, end: int) -> list[ActorRef]:
    """Some members of a party or body, counted: "only five Labour MPs", "ten Republicans", "some
    Democrats". They are a described group of its country, not the party: the party stands behind
    what they do no more than it stands behind what the others did not do."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    if not any(
        c.dep_ == "nummod" or (c.dep_ in ("det", "amod") and c.lower_ in _SOME) for c in root.children
    ):
        return []
    bodies = [r for r in found.refs_for_span(start, end) if r.kind in ("organization", "group")]
    if not bodies:
        return []
    words = [t for t in span if t.dep_ not in ("det", "punct", "advmod", "predet") and not t.is_space]
    text = doc_text(found.doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
    body = bodies[0]
    return [ActorRef(DESCRIBED + slug(text), text, "group", body.country, body.sector, text)]


def event_noun_phrase(found: DocActors, span2: tuple[int, int]) -> bool:
    """ "A suicide bombing in Kabul killed 40": an act as the subject names no one who acted.

    Its place is where it happened, not the attacker; an owner ("Russia's bombing") still acts.
    """
    span = found.doc.char_span(*span2, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN" or span.root.lemma_.lower() not in load_lexicon().nouns:
        return False
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in span.root.children)


def resolve_spans(
    found: DocActors, spans: Sequence[tuple[int, int]], victims: bool = False
) -> list[ActorRef]:
    """The actors the argument spans refer to; with ``victims``, also the people a physical act
    befell that the text describes without naming ("arrested a medic", "a deputy was stabbed")."""
    out: list[ActorRef] = []
    for start, end in spans:
        span = found.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.tag_ in ("NN", "NNS") and span.root.lemma_.lower() in _MISFORTUNES:
            continue  # "welcomed the GOP infighting", "condemned the arrest of Navalny": whom it befell
        refs = (
            _member(found, start, end)
            or _counted(found, start, end)
            or _civilians(found, start, end, found.refs_for_span(start, end))
        )
        if not refs:
            refs = _refs_in_modifiers(found, start, end)
        if not refs:
            refs = _described(found, start, end, victims)
        for ref in refs:
            if all(ref.actor_id != r.actor_id for r in out):
                out.append(ref)
    return out

"""Antecedents of pronouns: the person "he" or "she" is, the country "it" is, the group "they" are."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from patronage.model.records import Actor
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import MentionTable
from patronage.resolve.titles import is_role_noun

__all__ = ["plural_antecedents", "pronoun_antecedent", "thing_antecedent"]


def pronoun_antecedent(
    found: MentionTable, token: Token, persons: list[tuple[int, str]], gender: str
) -> str | None:
    """The person a he/she pronoun refers to, among ``persons`` (token index, actor id) named so far."""

    named = _bracketed(found, token)
    if named is not None:
        return named  # "He (Trump) is also denying it"
    speakers = _quoting(found, token, persons)
    own_clause = _clause_of_object(token)
    barred = speakers | _bound_apart(found, token, own_clause, persons)

    def compatible(actor_id: str) -> bool:
        g = found.genders.get(actor_id)
        return (g is None or g == gender) and actor_id not in barred

    sent = token.sent
    governing_subjects = {
        child.i
        for ancestor in token.ancestors
        for child in ancestor.children
        if child.dep_ in ("nsubj", "nsubjpass")
    }
    # 0. a possessive of something undergone prefers another participant named earlier in its
    #    sentence: "Despite Medvedchuk's capture, Putin secured his release" (his = Medvedchuk,
    #    not the agent); "Trump has ramped up his criticism" is the agent's own act
    if token.tag_ == "PRP$" and token.head.lemma_.lower() in _UNDERGONE:
        for i, actor_id in reversed(persons):
            if (
                sent.start <= i < token.i
                and compatible(actor_id)
                and not any(
                    found.doc[s].left_edge.i <= i <= found.doc[s].right_edge.i for s in governing_subjects
                )
            ):
                return actor_id
    # 0b. "Joe Biden and his son Hunter": a possessive in a conjunct of a person is that person's
    if token.tag_ == "PRP$" and token.head.dep_ == "conj":
        first = token.head.head
        for i, actor_id in reversed(persons):
            if first.left_edge.i <= i <= first.i and compatible(actor_id):
                return actor_id
    # 1. the subject of a clause governing the pronoun ("Putin said he would…"), never across a
    #    parenthetical speech clause ("Mr. Assad, he said, had spent…": he is not Assad)
    governors: list[Token] = []
    node = token
    while node.head.i != node.i:
        if node.dep_ == "parataxis" or (
            node.dep_ in ("ccomp", "advcl") and node.i > node.head.i and _speech(node) and not _reports(node)
        ):
            break
        node = node.head
        governors.append(node)
    for ancestor in governors:
        if token.head.i == ancestor.i and token.dep_ in ("nsubj", "nsubjpass"):
            continue  # the pronoun is this clause's subject: a second "subject" is dislocated content
        if own_clause is not None and ancestor.i == own_clause.i:
            continue  # "Blair called him a giant": him is never the subject of his own clause
        for child in ancestor.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i and child.i != token.i:
                # the person the subject names, before anyone named inside its modifiers
                # ("Andrew Bates, a spokesman for Biden's campaign, slammed what he called …")
                for i, actor_id in persons:
                    if i == child.i and compatible(actor_id):
                        return actor_id
                for i, actor_id in reversed(persons):
                    if child.left_edge.i <= i <= child.right_edge.i and compatible(actor_id):
                        return actor_id
                if child.pos_ == "NOUN" and child.tag_ == "NN" and _someone(child):
                    # "a reporter with the Journal claimed that she …": she is the reporter,
                    # whom the article never names, not the person named before
                    return None
    # 1b. the subject of a clause set before the pronoun's own: "After Trump met Kim, he
    #     tweeted", "As Mr Prince told the paper, he has spoken with Congress"
    if token.dep_ in ("nsubj", "nsubjpass"):
        for clause in token.head.children:
            if clause.dep_ != "advcl" or clause.i > token.i:
                continue
            for child in clause.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for i, actor_id in persons:
                        if child.left_edge.i <= i <= child.i and compatible(actor_id):
                            return actor_id
    # 2. possessives may point back within their own sentence ("Putin and his ex-wife"), and an
    #    object is someone else its sentence named before it: "Sturgeon wrote to Mr McConnell
    #    accusing him and calling for him to apologise", "As for Mark Kirk, the nominee called
    #    him a loser" (its own clause's subject is already barred)
    if token.tag_ == "PRP$" or (token.tag_ == "PRP" and token.lower_ in ("him", "her")):
        for i, actor_id in reversed(persons):
            if sent.start <= i < token.i and compatible(actor_id):
                return actor_id
    # 2c. the one person named earlier in the sentence whom the text shows to be of the pronoun's
    #     gender: "After the Times reported on Clinton's emails, she asked …" (not the man the
    #     sentence before was about)
    known = {
        a
        for i, a in persons
        if sent.start <= i < token.i
        and found.doc[i].dep_ in ("nsubj", "nsubjpass", "poss", "compound")
        and found.genders.get(a) == gender
        and compatible(a)
    }
    if len(known) == 1:
        return known.pop()
    # 3. the subject of the previous sentences, then the most recent person before this sentence
    earlier = [(i, a) for i, a in persons if i < sent.start]
    if not earlier or _unnamed_topic(found, sent):
        return None
    prev_sent = found.doc[earlier[-1][0]].sent
    for i, actor_id in earlier:
        if (
            prev_sent.start <= i < prev_sent.end
            and found.doc[i].dep_ in ("nsubj", "nsubjpass")
            and compatible(actor_id)
        ):
            return _topic(found, earlier, prev_sent, actor_id, compatible) or actor_id
    for _i, actor_id in reversed(earlier[-8:]):
        if compatible(actor_id):
            return actor_id
    return None


def _unnamed_topic(found: MentionTable, sent: Span) -> bool:
    """Whether the sentence before is about someone it does not name: "The Archbishop of Canterbury
    wrote to the party leaders. In an open letter, he called on them …" (he is no one named)."""
    if sent.start == 0:
        return False
    root = found.doc[sent.start - 1].sent.root
    # "A spokesman for the UN, Rupert Colville, told …", "His chief of staff is General Hassan": named
    named = [
        t for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree if t.dep_ == "appos"
    ]
    named += [c for c in root.children if c.dep_ == "attr"]
    if any(found.token_mentions.get(t.i) for c in named for t in c.subtree):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.tag_ in ("NN", "NNP")
        and _someone(c)
        and not found.token_mentions.get(c.i)
        for c in root.children
    )


def _topic(
    found: MentionTable,
    earlier: list[tuple[int, str]],
    prev: Span,
    subject: str,
    compatible: Callable[[str], bool],
) -> str | None:
    """The person an article keeps talking about, when the previous sentence only named someone
    else acting on them: "Callaghan was the longest living former PM. Tony Blair called him a
    giant. He held each of the major offices" (he is Callaghan, whom "him" kept in view).

    That is a person a pronoun of the previous sentence stands for, other than its subject, who
    was also a subject of the sentence before it.
    """
    doc = found.doc
    kept = [
        a
        for i, a in earlier
        if prev.start <= i < prev.end and a != subject and doc[i].pos_ == "PRON" and compatible(a)
    ]
    if not kept or prev.start == 0:
        return None
    before = doc[prev.start - 1].sent
    for i, a in earlier:
        if before.start <= i < before.end and a == kept[0] and doc[i].dep_ in ("nsubj", "nsubjpass"):
            return a
    return None


def _quoting(found: MentionTable, token: Token, persons: list[tuple[int, str]]) -> set[str]:
    """Who speaks a quotation the pronoun is in: "'He was a decent man,' Hattersley said" (he is
    not Hattersley, who would say "I"). The speakers are the subjects of saying verbs in the
    pronoun's sentence and the ones either side of it, within its paragraph (or the paragraph
    before, when this one opens with a quotation mark)."""
    doc = found.doc
    text = doc_text(doc)
    para = text.rfind("\n", 0, token.idx) + 1
    if sum(text.count(q, para, token.idx) for q in _QUOTE_MARKS) % 2 == 0:
        return set()
    sent = token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    # a paragraph that opens with a quotation mark may go on with the quotation before it
    first = para
    if text[para:].lstrip().startswith(_QUOTE_MARKS) and para > 0:
        first = text.rfind("\n", 0, len(text[:para].rstrip())) + 1
    said = {
        t.i
        for t in doc[start:end]
        if t.dep_ in ("nsubj", "nsubjpass")
        and _speech(t.head)
        and t.idx >= first
        and not _quoted(text, t.head)
    }
    return {a for i, a in persons if i in said}


def _quoted(text: str, token: Token) -> bool:
    """Whether a word stands inside a quotation of its paragraph ("'As Mr Prince told the paper, he
    has spoken …,' the spokesperson said": Prince tells inside what the spokesperson says)."""
    para = text.rfind("\n", 0, token.idx) + 1
    return sum(text.count(q, para, token.idx) for q in _QUOTE_MARKS) % 2 == 1


def _bound_apart(
    found: MentionTable, token: Token, own_clause: Token | None, persons: list[tuple[int, str]]
) -> set[str]:
    """Who a pronoun cannot be, by where it stands: a subject is none of the persons its clause
    goes on to name ("He went on to accuse Mr Brown", "he said Putin …"), and an object is not
    its own clause's subject ("Trump called him a loser": him is not Trump)."""
    doc = found.doc
    if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ == "PRP":
        named = set()
        for t in _core(token.head):
            if t.i <= token.i:
                continue
            named.update(_persons_named_at(found, t.i))
        if _speech(token.head):
            # what he says, set before him, names others: "Mr Blair has failed, he claimed"
            for said in token.head.children:
                if said.dep_ == "ccomp" and said.i < token.i:
                    for t in said.subtree:
                        named.update(_persons_named_at(found, t.i))
        return named
    if own_clause is None:
        return set()
    subjects = [c for c in own_clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
    if own_clause.dep_ == "relcl" and any(s.tag_ in ("WP", "WDT") for s in subjects):
        subjects = [own_clause.head]  # "Bill Clinton, who embraced him": him is not Clinton
    return {a for i, a in persons for s in subjects if doc[s.i].left_edge.i <= i <= doc[s.i].right_edge.i}


def _core(verb: Token) -> list[Token]:
    """A clause's words but for its adjuncts, where writers name again whom a pronoun stands for:
    "he never ordered an inquiry, when Obama had more at stake" (he is Obama)."""
    words = [verb]
    for child in verb.children:
        if child.dep_ in ("relcl", "acl", "parataxis", "appos", "npadvmod") or (
            child.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            continue  # "He went on to accuse Mr Brown": a clause with no subject of its own is his act
        words.extend(_core(child))
    return words


def _bracketed(found: MentionTable, token: Token) -> str | None:
    """The person a bracket after the pronoun names: "He (Trump) said …"."""
    doc = found.doc
    if token.i + 3 >= len(doc) or doc[token.i + 1].text not in ("(", "[") or doc[token.i + 2].is_punct:
        return None
    for t in doc[token.i + 2 : min(len(doc), token.i + 6)]:
        if t.text in (")", "]"):
            return None
        named = _persons_named_at(found, t.i)
        if named:
            return named[0]
    return None


def _persons_named_at(found: MentionTable, i: int) -> list[str]:
    """The persons a name (not a pronoun or a group word) covering token ``i`` stands for."""
    mentions = [found.mentions[idx] for idx in found.token_mentions.get(i, ())]
    return [
        m.actor_id
        for m in mentions
        if m.actor_id and m.label not in ("PRON", "GROUP") and found.actors[m.actor_id].kind == "person"
    ]


def _reports(verb: Token) -> bool:
    """A speech verb with what it says or when ("after he said the party could not win"), not a
    parenthetical one ("Mr. Assad, he said, had spent …")."""
    return any(c.dep_ in ("ccomp", "mark") for c in verb.children)


#: quotation marks that open or close a quotation
_QUOTE_MARKS = ('"', "“", "”")


def _clause_of_object(token: Token) -> Token | None:
    """The verb a non-reflexive object pronoun is an argument of ("called him", "spoke to her")."""
    if token.tag_ != "PRP" or token.lower_ not in ("him", "her"):
        return None
    if token.dep_ in ("dobj", "dative", "iobj"):
        return token.head
    if (
        token.dep_ == "pobj"
        and token.head.dep_ in ("prep", "dative")
        and token.head.head.pos_ in ("VERB", "AUX")
    ):
        return token.head.head
    return None


#: what is done to a person: their possessive names who undergoes it, seldom the agent
_UNDERGONE = frozenset(
    {"release", "capture", "arrest", "detention", "extradition", "removal", "ouster", "dismissal", "firing",
     "impeachment", "deportation", "trial", "conviction", "sentencing", "execution", "freedom", "safety",
     "return", "exchange", "swap", "pardon", "surrender", "kidnapping", "abduction", "killing", "murder",
     "death", "rescue", "imprisonment", "jailing", "expulsion", "exile", "asylum", "handover", "transfer"}
)  # fmt: skip


def _someone(noun: Token) -> bool:
    """A singular noun for a person: "a reporter", "the official", "a woman"."""
    return is_role_noun(noun) or noun.lemma_.lower() in _PEOPLE


_PEOPLE = frozenset({"woman", "man", "person", "girl", "boy", "mother", "father", "resident", "witness"})
_SPEECH = {"say", "add", "tell", "note", "insist", "argue", "claim", "explain", "warn", "write", "recall"}


def _speech(verb: Token) -> bool:
    return verb.lemma_.lower() in _SPEECH


#: verbs whose "it" stands for a clause that follows: "it is important that", "it seems to"
_EXTRAPOSING = frozenset({"be", "seem", "appear", "emerge", "remain", "become", "look", "turn", "matter"})


#: adjectives that weigh a clause ("it is important to …"), unlike those of a subject's own
#: stance ("it is prepared to impose martial law": the government is)
_WEIGHING = frozenset(
    {"easy", "hard", "important", "necessary", "possible", "impossible", "likely", "unlikely", "clear",
     "good", "bad", "difficult", "vital", "essential", "crucial", "wrong", "right", "unclear", "true",
     "fair", "wise", "better", "worse", "best", "worth", "obvious", "evident", "apparent", "unusual",
     "rare", "common", "natural", "odd", "strange", "surprising", "sad", "tough", "safe", "dangerous"}
)  # fmt: skip


def _dummy(token: Token) -> bool:
    """ "It would be better to wait", "it emerged that …": an "it" that refers to nothing."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_.lower() not in _EXTRAPOSING:
        return False
    if any(c.dep_ in ("ccomp", "csubj") and c.i > head.i for c in head.children):
        return True  # "it emerged that …" ("it seems to want a deal" is Russia seeming)
    return any(
        c.dep_ in ("ccomp", "xcomp")
        for h in head.children
        if h.dep_ in ("acomp", "attr") and h.lemma_.lower() in _WEIGHING
        for c in h.children
    ) or any(c.dep_ == "xcomp" and c.i > head.i for c in head.children if head.lemma_.lower() == "be")


def thing_antecedent(found: MentionTable, token: Token, countries_only: bool = False) -> str | None:
    """ "it"/"its" → the nearest country or organisation named before it, preferring a subject.

    Looks in the pronoun's sentence, then the previous one; people are never "it".
    ``countries_only`` keeps countries alone ("the kingdom").
    """
    if _dummy(token) or (token.lower_ == "it" and token.dep_ in _OBJECTS):
        # "called on her to turn over her server so that a panel can examine it": an "it"
        # something is done to is a thing, seldom a state or a body
        return None
    doc = found.doc
    sent = token.sent
    prev_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    candidates: list[tuple[int, str, bool]] = []
    prev_char = doc[prev_start].idx
    for m in found.mentions:
        if not m.actor_id or m.start >= token.idx or m.end <= prev_char or m.label in ("PRON", "GROUP"):
            continue
        actor = found.actors[m.actor_id]
        if actor.kind == "person" or (countries_only and actor.kind != "country"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < prev_start:
            continue
        if (span.root.tag_ in ("NNS", "NNPS") and actor.kind != "country") or span.root.dep_ in (
            "compound",
            "npadvmod",
        ):
            continue  # "several Republicans", "Benghazi-related emails": no "it" ("the Emirates" is)
        subject = span.root.dep_ in ("nsubj", "nsubjpass") or span.root.head.dep_ in ("nsubj", "nsubjpass")
        if m.how == "region" or (m.how == "place" and not subject):
            continue  # a capital stands for its state only when it acts: "Cairo recalled its envoy"
        candidates.append((span.start, m.actor_id, subject))
    # "ripped the administration over those emails, and accused it": an unnamed body nearer than
    # any named one is what "it" is, and it names no actor
    unnamed = [
        t.i
        for t in doc[sent.start : token.i]
        if t.tag_ == "NN" and t.lemma_.lower() in _BODIES and not found.token_mentions.get(t.i)
    ]
    same = [c for c in candidates if c[0] >= sent.start]
    if unnamed and (not same or max(c[0] for c in same) < unnamed[-1]):
        return None
    if not candidates:
        return None
    pool = same or candidates
    subjects = [c for c in pool if c[2]]
    if not same:
        # "The National Audit Office said that the EU still had no definition. It also expressed
        # concern": the sentence before speaks of its main clause's subject
        main = [c for c in subjects if _main_subject(doc[c[0]])]
        subjects = main or subjects
    return (subjects or pool)[-1][1]


def _main_subject(token: Token) -> bool:
    """Whether a token is in the subject of its sentence's main verb."""
    for node in (token, *token.ancestors):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head.dep_ == "ROOT"
    return False


#: where an "it" stands as the thing a verb or preposition takes
_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj", "oprd"})


#: bodies a text names without a name: "the administration", "the company"
_BODIES = frozenset(
    {"administration", "government", "agency", "department", "ministry", "committee", "company",
     "council", "commission", "campaign", "regime", "board", "firm", "bank", "court", "panel"}
)  # fmt: skip


def _actor_of(found: MentionTable, token: Token) -> Actor | None:
    """The actor a subject token names: its own mention, else a country modifying it ("Palestinian leaders")."""
    for i in (token.i, *(c.i for c in token.children if c.dep_ in ("amod", "compound", "poss"))):
        for idx in found.token_mentions.get(i, ()):
            mention = found.mentions[idx]
            if mention.actor_id and mention.label not in ("PRON", "GROUP"):
                actor = found.actors[mention.actor_id]
                if i == token.i or actor.kind == "country":
                    return actor
    return None


def plural_antecedents(found: MentionTable, token: Token) -> list[Actor]:
    """ "they"/"their" → the nearest plural subject before it: "Iran and Syria", "Palestinian leaders".

    Looks back through the pronoun's sentence and the previous one; a subject that
    names no actor ("the protesters") ends the search, so nothing is guessed.
    """
    doc = found.doc
    sent = token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(token.i - 1, first - 1, -1):
        subject = doc[i]
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.tag_ in ("PRP", "PRP$"):
            continue
        group = [subject, *subject.conjuncts]
        if len(group) == 1 and subject.tag_ not in ("NNS", "NNPS"):
            continue
        actors: list[Actor] = []
        for member in group:
            actor = _actor_of(found, member)
            if actor is None:
                return []
            if actor not in actors:
                actors.append(actor)
        return actors
    return []

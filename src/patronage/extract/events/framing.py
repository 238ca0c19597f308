"""Acts a sentence only threatens, refuses, denies or accuses someone of: no events of their own.

"Trump threatened to impose tariffs on Mexico" reports one event, a threat; "Russia denied
interfering in the election" one denial; "Kyiv accused Moscow of shelling the city" one
accusation. The act inside (the tariffs, the interference, the shelling) is what the threat,
denial or accusation is about: event data codes it through the framing event's type and CAMEO
code (138 "threaten with military force", 1312 "threaten with sanctions"), not as a second event
that may never happen or may be untrue. Requests are handled where their verb's sense is read
(:func:`patronage.extract.events.senses.verb_sense`): an act asked for is not done.

An act is framed when its trigger is, in the parse, the complement of the framing trigger: its
infinitive or clause ("threatened to impose", "denied that it had attacked"), its object
("threatened sanctions") or the object of its "of" or "with" ("warned of military action",
"accused him of spying", "threatened them with arrest"), or a clause of its object ("denied
reports that he planned to appeal"), at most five steps down. Two acts a sentence lists
("threatened the mayor and attacked his car") are two events.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from patronage.extract.events.frames import EventFrame

__all__ = ["without_framed"]

#: event types whose trigger frames the act it is about
_FRAMING = frozenset({"THREATEN", "REJECT", "ACCUSE"})
#: dependency links from a framed act up to the word that frames it
_DOWN = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "aux", "acl"})
#: prepositions that introduce what a threat, denial or accusation is about
_ABOUT = frozenset({"of", "with", "over", "for"})


def _framed_by(act: Token, framer: Token) -> bool:
    tok = act
    for _ in range(5):
        if tok.dep_ not in _DOWN or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ not in _ABOUT:
            return False
        tok = tok.head
        if tok.i == framer.i:
            return True
    return False


def without_framed(frames: list[EventFrame], doc: Doc) -> list[EventFrame]:
    """The frames of one sentence less the acts another frame threatens, refuses or accuses of.

    A threat with no recipient takes the recipient of the act it threatens when both have the
    same source ("Rwanda threatened to send troops into Congo": the threat is against Congo); an
    accusation or a denial never does ("criticized the arrest of Meng" is no criticism of Meng).
    """
    roots = [f.trigger_token(doc) for f in frames]
    framed: dict[int, int] = {}
    for i, root in enumerate(roots):
        if root is None:
            continue
        for j, (framer, framer_root) in enumerate(zip(frames, roots, strict=True)):
            if i == j or framer.type not in _FRAMING or framer_root is None or framer_root.i == root.i:
                continue
            if _framed_by(root, framer_root):
                framed[i] = j
                break
    if not framed:
        return frames
    out = list(frames)
    for i, j in framed.items():
        act, framer = frames[i], out[j]
        if (
            framer.type == "THREATEN"
            and not framer.targets
            and act.targets
            and (not act.sources or act.sources == framer.sources)
        ):
            out[j] = replace(framer, targets=act.targets)
    return [f for i, f in enumerate(out) if i not in framed]

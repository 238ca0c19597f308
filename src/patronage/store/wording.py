"""The words of a trigger as event linking compares them: stems, and where a trigger sits in its sentence.

Linking (``store/linking.py``) asks two questions of a report's trigger ("threatened", "pulled out",
"withdrawal"): is it the same word as another report's, whatever its inflection ("withdrew",
"withdrawal" and "withdraws" are one stem), and where is it in its sentence (to tell "threatened to
impose tariffs", one act coded twice, from two acts a sentence lists). The stored trigger is the
text as written, without its lemma, so stems come from a few suffix rules and a table of the
irregular forms news uses for events. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["complement", "positions", "stem", "stems"]

#: words of a multi-word trigger that tell nothing of the act ("pulled out", "shoot down")
_PARTICLES = frozenset(
    "about across after against along around at away back by down for from in into of off on out over "
    "through to up upon with".split()
)
#: irregular forms and derived nouns, to their base verb
_IRREGULAR = {
    "met": "meet", "meeting": "meet", "meetings": "meet", "withdrew": "withdraw", "withdrawn": "withdraw",
    "withdrawal": "withdraw", "withdrawals": "withdraw", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "sent": "send", "fought": "fight", "struck": "strike",
    "stricken": "strike", "spoke": "speak", "spoken": "speak", "told": "tell", "held": "hold",
    "sought": "seek", "threw": "throw", "thrown": "throw", "won": "win", "left": "leave",
    "broke": "break", "broken": "break", "brought": "bring", "bought": "buy", "caught": "catch",
    "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive", "fled": "flee",
    "flew": "fly", "flown": "fly", "froze": "freeze", "frozen": "freeze", "kept": "keep", "led": "lead",
    "lost": "lose", "paid": "pay", "ran": "run", "rose": "rise", "said": "say", "saw": "see",
    "seen": "see", "shot": "shoot", "sold": "sell", "stood": "stand", "stole": "steal",
    "stolen": "steal", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear",
    "wrote": "write", "written": "write", "began": "begin", "begun": "begin", "beat": "beat",
    "beaten": "beat", "forgave": "forgive", "forgiven": "forgive", "hid": "hide", "hidden": "hide",
    "bore": "bear", "borne": "bear", "overran": "overrun", "overthrew": "overthrow",
    "overthrown": "overthrow", "undertook": "undertake", "undertaken": "undertake",
    "criticism": "criticize", "criticisms": "criticize", "critical": "criticize",
    "criticise": "criticize", "criticised": "criticize", "criticising": "criticize",
    "accusation": "accuse", "accusations": "accuse", "allegation": "allege", "allegations": "allege",
    "invasion": "invade", "invasions": "invade", "investigation": "investigate",
    "investigations": "investigate", "election": "elect", "arrests": "arrest", "agreement": "agree",
    "agreements": "agree", "denial": "deny", "denials": "deny", "refusal": "refuse", "approval": "approve",
    "rejection": "reject", "resignation": "resign", "deportation": "deport", "deportations": "deport",
    "negotiation": "negotiate", "negotiations": "negotiate", "annexation": "annex",
    "occupation": "occupy", "execution": "execute", "executions": "execute", "protection": "protect",
    "intervention": "intervene", "recognition": "recognize", "demonstration": "demonstrate",
    "demonstrations": "demonstrate", "threat": "threaten", "threats": "threaten", "apology": "apologize",
    "apologies": "apologize", "endorsement": "endorse", "endorsements": "endorse",
}  # fmt: skip
_SUFFIXES = ("ies", "ied", "ing", "ed", "es", "s")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word: "attacked", "attacks" and "attacking" give "attack"; "met" gives "meet"."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            if suffix in ("ing", "ed") and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # "banned", "banning": "ban"
            return base.rstrip("e") if suffix in ("es",) else base
        if word.endswith(suffix):
            break
    return word.rstrip("e") if len(word) > 4 and word.endswith("e") else word


def _base(word: str) -> str:
    """:func:`stem` with a final silent e taken off, so "decline" and "declined" agree."""
    base = stem(word)
    return base[:-1] if len(base) > 4 and base.endswith("e") else base


@lru_cache(maxsize=65536)
def stems(trigger: str) -> frozenset[str]:
    """The stems of a trigger's words, particles left out ("pulled out": {"pull"})."""
    words = _WORD.findall(trigger.lower())
    return frozenset(_base(w) for w in words if w not in _PARTICLES) or frozenset(_base(w) for w in words)


@lru_cache(maxsize=4096)
def positions(trigger: str, sentence: str) -> tuple[tuple[int, int], ...]:
    """Where ``trigger`` occurs in ``sentence`` as whole words (any case); empty when it does not."""
    if not trigger.strip():
        return ()
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in trigger.split()) + r"(?!\w)"
    return tuple(m.span() for m in re.finditer(pattern, sentence, re.IGNORECASE))


#: what may stand between a trigger and the act it governs: "threatened to impose", "refused to
#: endorse", "calls for a significant deployment", "urged Congress to fund", "denied asking"
_OBJECT_WORD = (
    r"(?!(?:with|and|or|but|of|in|at|from|by|as|that|who|whom|which|when|while|because|after|before|if)\b)"
    r"[^\s,;:.!?\"“”()]+"
)
_COMPLEMENT = re.compile(
    rf"\s*(?:(?:(?:not|never)\s+)?to|for(?:\s+{_OBJECT_WORD}){{0,2}}|(?:{_OBJECT_WORD}\s+){{1,3}}to)?\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def complement(governor: str, governed: str, sentence: str) -> bool:
    """True when the trigger ``governed`` is the act ``governor`` states, asks, refuses or threatens.

    Read from the words between them: "threatened to impose", "calls for a significant deployment",
    "urged Congress to fund" or none at all ("denied asking"). What "called his visit" names is
    no such act, nor are two verbs a sentence lists ("met with the Pope and claimed").
    """
    for _start, end in positions(governor, sentence):
        for start, _end in positions(governed, sentence):
            # at most a few words stand between them: a longer gap is never a complement
            if end <= start <= end + _MAX_GAP and _COMPLEMENT.fullmatch(sentence[end:start]):
                return True
    return False


#: a gap longer than this is more than the few words the complement pattern allows, unless
#: they are words of 25 characters or more
_MAX_GAP = 120

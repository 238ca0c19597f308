"""Event linking within one sentence: reports that code one act several times (rule 5).

A sentence is often coded as more than one report of one act: "Trump threatened to impose tariffs
on China" is a THREATEN and an intended SANCTION, "Netanyahu refused to endorse them" a REJECT and a
negated SUPPORT, a sentence an article prints twice is every report twice. Two reports of one
sentence (one article, the same words) tell one act when

- they were coded from one word, said once in the sentence ("accused" coded as ACCUSE and as
  REJECT; "X asked U.S.-backed forces" and "X asked") and no actor of one contradicts the other's (one may lack an actor the
  other names: "Trump accused China and Russia" is one act with two targets);
- or they have the same actors as coded (an actor the text only describes, such as "lawmakers",
  counts as itself here) and one trigger is what the other states, asks, refuses or
  threatens ("threatened to impose", "calls for a deployment", ``wording.complement``).

Two acts a sentence lists stay apart, even of one type or one stem ("met the Pope and claimed
...", "condemned the attack and called for an inquiry", "killed 13 and wounded 32", "will be shot
at, and … shooting back"): a blind check of rule v2, which joined reports of one type and date,
found such lists were most of its wrong links. The reports of one act take one event: the
cross-sentence event (``store/cells.py``) of the report that is no other's complement, the one
most reports joined (then the smallest id).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from patronage.model.plover import plover
from patronage.store.wording import complement, positions, stems

if TYPE_CHECKING:
    from patronage.store.linking import Report

__all__ = ["act_links"]


#: types whose trigger may frame another act of its sentence as what is threatened, asked, refused
#: or promised ("helped inspire women to march" frames nothing: two acts)
_FRAMING = frozenset({"THREATEN", "REQUEST", "REJECT", "AGREE"})


def _roles(report: Report) -> tuple[str | None, str | None]:
    return report.coded


def _undirected(a: Report, b: Report) -> bool:
    vocab = plover()
    fa, fb = vocab.family(a.type), vocab.family(b.type)
    return fa is not None and fb is not None and not fa.directed and not fb.directed


def _compatible(a: Report, b: Report) -> bool:
    """True when no actor of ``a`` contradicts one of ``b`` (a missing actor contradicts none)."""

    def agree(x: tuple[str | None, str | None], y: tuple[str | None, str | None]) -> bool:
        return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))

    ra, rb = _roles(a), _roles(b)
    if _undirected(a, b):
        # a meeting has no direction, but "meetings with Cameron" and "with Osborne" are two
        named_a, named_b = {x for x in ra if x}, {x for x in rb if x}
        return named_a <= named_b or named_b <= named_a
    return agree(ra, rb)


def _same_actors(a: Report, b: Report) -> bool:
    ra, rb = _roles(a), _roles(b)
    return ra == rb or (_undirected(a, b) and ra == (rb[1], rb[0]))


def _one_act(a: Report, b: Report) -> str | None:
    """How two reports of one sentence tell one act ("word", "a>b", "b>a"); None: they don't."""
    if _one_word(a, b):
        return "word" if _compatible(a, b) else None
    if not _same_actors(a, b):
        return None
    if a.type in _FRAMING and complement(a.trigger, b.trigger, a.sentence):
        return "a>b"
    if b.type in _FRAMING and complement(b.trigger, a.trigger, a.sentence):
        return "b>a"
    return None


def _one_word(a: Report, b: Report) -> bool:
    """Both coded from one word: the same trigger, said once in the sentence ("accused" as ACCUSE
    and as REJECT). Two words of one stem ("will be shot at, and … shooting back") are two acts."""
    if stems(a.trigger) != stems(b.trigger) or a.trigger.lower() != b.trigger.lower():
        return False
    return len(positions(a.trigger, a.sentence)) <= 1


class _Acts:
    """Union-find over the reports of one sentence."""

    def __init__(self, reports: list[Report]) -> None:
        self.parent = {r.event_id: r.event_id for r in reports}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def act_links(reports: Iterable[Report], cells: dict[str, str]) -> dict[str, str]:
    """The event of every report of an act of several reports, chosen among ``cells`` (by ``event_id``).

    ``cells`` gives every report's cross-sentence event (its own when it joined none). Reports that
    are one act with no other are absent from the answer.
    """
    size: dict[str, int] = defaultdict(int)
    for event in cells.values():
        size[event] += 1
    sentences: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for r in reports:
        if r.sentence:
            sentences[(r.doc_id, r.sentence)].append(r)
    out: dict[str, str] = {}
    for members in sentences.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: r.event_id)
        acts = _Acts(members)
        governed: set[str] = set()
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                how = _one_act(a, b)
                if how is None:
                    continue
                acts.union(a.event_id, b.event_id)
                if how in ("a>b", "b>a"):
                    governed.add(b.event_id if how == "a>b" else a.event_id)
        groups: dict[str, list[str]] = defaultdict(list)
        for r in members:
            groups[acts.find(r.event_id)].append(r.event_id)
        for ids in groups.values():
            if len(ids) < 2:
                continue
            heads = [i for i in ids if i not in governed] or ids
            event = min((cells[i] for i in heads), key=lambda e: (-size[e], e))
            out.update((i, event) for i in ids)
    return out

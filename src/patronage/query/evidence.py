"""Evidence behind one fact: its sentence, the sentences around it, the article it came from and
highlight spans.

Highlights are offsets into the sentence (not the article) for the source and target actors' surface
texts and the event's trigger word, found first by text and then through stored mentions. The
neighbouring sentences are found by offset, so evidence spanning several sentences (a long quote) gets
the one before its first and the one after its last.
"""

from __future__ import annotations

from typing import Any

from patronage.errors import NotFoundError
from patronage.model.fields import public
from patronage.query.events import event_by_id, event_object
from patronage.query.facts import article_sources
from patronage.query.filters import REL_ID_SQL
from patronage.store import Store
from patronage.store.tables import RELATIONS

__all__ = ["event_evidence", "highlights", "neighbours", "relation_evidence"]


def _article(store: Store, doc_id: str) -> dict[str, Any] | None:
    found = article_sources(store, [doc_id]).get(doc_id)
    if found is None:
        return None
    url = found["url"]
    # only web addresses become links; a "javascript:" or "data:" url stays data
    link = url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
    return {
        "doc_id": found["doc_id"],
        "title": found["title"],
        "date": found["date"],
        "url": url,
        "link": link,
        "source": found["source"],
    }


def _find(sentence: str, needle: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first occurrence of ``needle`` in ``sentence`` that overlaps no span already taken."""
    if not needle:
        return None
    low, pin = sentence.lower(), needle.lower()
    at = low.find(pin)
    while at >= 0:
        span = (at, at + len(pin))
        if all(span[1] <= s or span[0] >= e for s, e in taken):
            return span
        at = low.find(pin, at + 1)
    return None


def neighbours(store: Store, doc_id: str, start: int | None, end: int | None) -> dict[str, str | None]:
    """The stored sentences just ``before`` and just ``after`` the span ``[start, end)`` of an article
    (None at the article's edges, or when the span is unknown)."""
    if start is None or end is None:
        return {"before": None, "after": None}
    before = store.value(
        """SELECT text FROM sentences WHERE doc_id = ? AND "end" <= ? ORDER BY start DESC LIMIT 1""",
        [doc_id, start],
    )
    after = store.value(
        "SELECT text FROM sentences WHERE doc_id = ? AND start >= ? ORDER BY start LIMIT 1", [doc_id, end]
    )
    return {"before": before, "after": after}


def highlights(
    store: Store, doc_id: str, ev_start: int, sentence: str, parts: list[tuple[str, str | None, str | None]]
) -> list[dict[str, Any]]:
    """Spans (relative to the sentence) of each ``(role, actor_id, surface)`` part, non-overlapping."""
    ev_end = ev_start + len(sentence)
    mentions = store.rows(
        """SELECT start, "end", actor_id FROM mentions
           WHERE doc_id = ? AND start >= ? AND "end" <= ? ORDER BY start""",
        [doc_id, ev_start, ev_end],
    )
    taken: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []
    for role, actor_id, surface in parts:
        span = _find(sentence, surface, taken)
        if span is None and actor_id:
            for m in mentions:
                cand = (int(m["start"]) - ev_start, int(m["end"]) - ev_start)
                if m["actor_id"] == actor_id and all(cand[1] <= a or cand[0] >= b for a, b in taken):
                    span = cand
                    break
        if span is not None:
            taken.append(span)
            out.append({"role": role, "start": span[0], "end": span[1], "text": sentence[span[0] : span[1]]})
    return sorted(out, key=lambda h: int(h["start"]))


def event_evidence(store: Store, event_id: str) -> dict[str, Any]:
    """An event with its sentence, article and highlight spans."""
    event = event_object(*event_by_id(store, event_id))
    ev = event["evidence"]
    sentence = ev["sentence"] or ""
    src, tgt = event["source"] or {}, event["target"] or {}
    spans = highlights(
        store,
        ev["doc_id"],
        int(ev["start"] or 0),
        sentence,
        [
            ("source", src.get("actor_id"), src.get("text")),
            ("target", tgt.get("actor_id"), tgt.get("text")),
            ("trigger", None, event["trigger"]),
        ],
    )
    return {
        "kind": "event",
        "id": event_id,
        "event": event,
        "relation": None,
        "sentence": sentence,
        "doc_id": ev["doc_id"],
        "start": ev["start"],
        "end": ev["end"],
        "article": _article(store, ev["doc_id"]),
        "context": neighbours(store, ev["doc_id"], ev["start"], ev["end"]),
        "highlights": spans,
    }


def relation_evidence(store: Store, evidence_id: str) -> dict[str, Any]:
    """One relation statement (by its ``rel-`` id) with its sentence, article and highlights."""
    rows = store.rows(
        f"SELECT {RELATIONS.select()} FROM relations WHERE {REL_ID_SQL} = ? LIMIT 1", [evidence_id]
    )
    if not rows:
        raise NotFoundError(f"no evidence {evidence_id!r}", source="evidence_id")
    found = RELATIONS.record(rows[0])
    ev = found.evidence
    src, tgt = found.source, found.target
    spans = highlights(
        store,
        ev.doc_id,
        int(ev.start or 0),
        ev.sentence or "",
        [("source", src.actor_id, src.text), ("target", tgt.actor_id, tgt.text)],
    )
    return {
        "kind": "relation",
        "id": evidence_id,
        "event": None,
        "relation": public(found),
        "sentence": ev.sentence or "",
        "doc_id": ev.doc_id,
        "start": ev.start,
        "end": ev.end,
        "article": _article(store, ev.doc_id),
        "context": neighbours(store, ev.doc_id, ev.start, ev.end),
        "highlights": spans,
    }

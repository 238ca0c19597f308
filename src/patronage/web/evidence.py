"""Evidence behind one fact: its sentence, the article it came from and highlight spans.

Highlights are offsets into the sentence (not the article) for the source and target actors' surface
texts and the event's trigger word, found first by text and then through stored mentions.
"""

from __future__ import annotations

from typing import Any

from patronage.errors import NotFoundError
from patronage.query.filters import EVENT_COLS, REL_ID_SQL, event_dict, sign_sql
from patronage.store import Store

__all__ = ["event_evidence", "highlights", "relation_evidence"]


def _article(store: Store, doc_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT doc_id, title, date, url, source FROM articles WHERE doc_id = ?", [doc_id])
    if not rows:
        return None
    r = rows[0]
    url = r[3]
    # only web addresses become links; a "javascript:" or "data:" url stays data
    link = url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
    return {"doc_id": r[0], "title": r[1], "date": r[2], "url": url, "link": link, "source": r[4]}


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


def highlights(
    store: Store, doc_id: str, ev_start: int, sentence: str, parts: list[tuple[str, str | None, str | None]]
) -> list[dict[str, Any]]:
    """Spans (relative to the sentence) of each ``(role, actor_id, surface)`` part, non-overlapping."""
    ev_end = ev_start + len(sentence)
    mentions = store.query(
        """SELECT start, "end", actor_id FROM mentions
           WHERE doc_id = ? AND start >= ? AND "end" <= ? ORDER BY start""",
        [doc_id, ev_start, ev_end],
    )
    taken: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []
    for role, actor_id, surface in parts:
        span = _find(sentence, surface, taken)
        if span is None and actor_id:
            for s, e, who in mentions:
                cand = (int(s) - ev_start, int(e) - ev_start)
                if who == actor_id and all(cand[1] <= a or cand[0] >= b for a, b in taken):
                    span = cand
                    break
        if span is not None:
            taken.append(span)
            out.append({"role": role, "start": span[0], "end": span[1], "text": sentence[span[0] : span[1]]})
    return sorted(out, key=lambda h: int(h["start"]))


def event_evidence(store: Store, event_id: str) -> dict[str, Any]:
    """An event with its sentence, article and highlight spans."""
    sign_expr, sign_params = sign_sql()
    rows = store.query(
        f"SELECT {EVENT_COLS}, {sign_expr} FROM events WHERE event_id = ?", [*sign_params, event_id]
    )
    if not rows:
        raise NotFoundError(f"no event {event_id!r}", source="event_id")
    event = event_dict(rows[0][:-1], rows[0][-1])
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
        "highlights": spans,
    }


def relation_evidence(store: Store, evidence_id: str) -> dict[str, Any]:
    """One relation statement (by its ``rel-`` id) with its sentence, article and highlights."""
    rows = store.query(
        f"""SELECT {REL_ID_SQL}, doc_id, source_actor_id, source_name, source_text, target_actor_id, target_name,
                   target_text, relation, polarity, strength, date, origin, ev_start, ev_end, sentence
            FROM relations WHERE {REL_ID_SQL} = ? LIMIT 1""",
        [evidence_id],
    )
    if not rows:
        raise NotFoundError(f"no evidence {evidence_id!r}", source="evidence_id")
    r = rows[0]
    relation = {
        "source": {"actor_id": r[2], "name": r[3], "text": r[4]},
        "target": {"actor_id": r[5], "name": r[6], "text": r[7]},
        "relation": r[8],
        "polarity": r[9],
        "strength": r[10],
        "date": r[11],
        "origin": r[12],
    }
    sentence = r[15] or ""
    spans = highlights(
        store, r[1], int(r[13] or 0), sentence, [("source", r[2], r[4]), ("target", r[5], r[7])]
    )
    return {
        "kind": "relation",
        "id": evidence_id,
        "event": None,
        "relation": relation,
        "sentence": sentence,
        "doc_id": r[1],
        "start": r[13],
        "end": r[14],
        "article": _article(store, r[1]),
        "highlights": spans,
    }

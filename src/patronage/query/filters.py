"""Read queries over the store: search, filtered events and an overview (CLI, Python API and web).

All SQL here is written by patronage; user input only ever travels as parameters. Dates are the
store's strings (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and are compared on a common prefix, so
``as_of=2015-10`` keeps a fact dated ``2015-10-20`` and one dated ``2015``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict
from typing import Any

from patronage.errors import InputError
from patronage.model.plover import CONFLICTUAL, COOPERATIVE
from patronage.query.search import search_sentences
from patronage.store import Store

__all__ = [
    "DATE_PATTERN",
    "EVENT_COLS",
    "REL_ID_SQL",
    "check_date",
    "check_window",
    "date_clause",
    "event_dict",
    "events_page",
    "overview",
    "search",
    "sign_sql",
]


#: a stable id for one relation row, which the schema does not key; "rel-" keeps it apart from event ids
REL_ID_SQL = "'rel-' || md5(concat_ws('|', doc_id, ev_start, ev_end, source_actor_id, target_actor_id, relation))[1:16]"


#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` in ASCII digits: the shapes of the store's dates and of every
#: date filter
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def check_date(value: str | None, name: str) -> str | None:
    """``value`` when it is a possible ``YYYY[-MM[-DD]]`` date; else an :class:`InputError` naming ``name``."""
    if value is None:
        return None
    if re.fullmatch(DATE_PATTERN, value) is None:
        raise InputError(f"{name} expects YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", source=name)
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise InputError(f"impossible date {value!r}", source=name) from None
    return value


def check_window(start: str | None, end: str | None, names: tuple[str, str] = ("from", "to")) -> None:
    """An :class:`InputError` when ``start`` is after ``end`` (compared on ``end``'s precision).

    ``from=2015-10`` and ``to=2015`` overlap and pass; ``from=2016`` and ``to=2015-12`` do not. The
    CLI and the web API both call this, so both refuse the same windows.
    """
    if start and end and start[: len(end)] > end:
        raise InputError(f"{names[0]} ({start}) is after {names[1]} ({end})", source=names[0])


def sign_sql() -> tuple[str, list[Any]]:
    """SQL (with its parameters) giving an event row's sign: positive, negative or neutral."""
    sql = (
        "CASE WHEN polarity <> 'asserted' THEN 'neutral' WHEN type IN (SELECT unnest(?)) THEN 'positive' "
        "WHEN type IN (SELECT unnest(?)) THEN 'negative' ELSE 'neutral' END"
    )
    return sql, [list(COOPERATIVE), list(CONFLICTUAL)]


def date_clause(
    column: str,
    as_of: str | None = None,
    start: str | None = None,
    end: str | None = None,
    keep_undated: bool = True,
) -> tuple[str, list[Any]]:
    """A WHERE fragment keeping rows dated within the bounds, compared on the bound's prefix."""
    parts: list[str] = []
    params: list[Any] = []
    upper = as_of or end
    if upper and as_of and end:
        upper = min(as_of, end)
    if upper:
        parts.append(f"left({column}, length(?)) <= ?")
        params += [upper, upper]
    if start:
        parts.append(f"left({column}, length(?)) >= ?")
        params += [start, start]
    if not parts:
        return "TRUE", []
    clause = " AND ".join(parts)
    if keep_undated and not start and not end:
        clause = f"({column} IS NULL OR ({clause}))"
    else:
        clause = f"({column} IS NOT NULL AND {clause})"
    return clause, params


def search(store: Store, q: str, limit: int, sentence_limit: int) -> dict[str, Any]:
    """Actors whose name, alias or id contains ``q``, and sentences containing it (newest first).

    A blank ``q`` is an :class:`InputError`: it would match every actor.
    """
    needle = q.strip().lower()
    if not needle:
        raise InputError("give some text to search for (it is empty)", source="q")
    rows = store.query(
        """SELECT a.actor_id, a.name, a.kind, a.country, count(m.actor_id) AS n
           FROM actors a LEFT JOIN mentions m ON m.actor_id = a.actor_id
           WHERE contains(lower(a.name), ?) OR contains(lower(a.actor_id), ?)
              OR contains(lower(array_to_string(a.aliases, chr(31))), ?)
           GROUP BY a.actor_id, a.name, a.kind, a.country
           ORDER BY lower(a.name) = ? DESC, starts_with(lower(a.name), ?) DESC, n DESC, a.name
           LIMIT ?""",
        [needle, needle, needle, needle, needle, limit],
    )
    results = [
        {"actor_id": r[0], "name": r[1], "kind": r[2], "country": r[3], "mentions": int(r[4])} for r in rows
    ]
    sentences: list[dict[str, Any]] = []
    if len(needle) >= 3 and sentence_limit > 0:
        sentences = [asdict(hit) for hit in search_sentences(store, needle, sentence_limit)]
    return {"results": results, "sentences": sentences}


EVENT_COLS = """event_id, type, mode, context, cameo, source_actor_id, source_name, source_text,
    target_actor_id, target_name, target_text, polarity, modality, date, date_precision, location_name,
    confidence, trigger, doc_id, ev_start, ev_end, sentence"""


def event_dict(r: tuple[Any, ...], sign: str) -> dict[str, Any]:
    """An events row (``EVENT_COLS`` order) as the API's event object."""
    return {
        "event_id": r[0],
        "type": r[1],
        "mode": r[2],
        "context": list(r[3] or []),
        "cameo": r[4],
        "source": {"actor_id": r[5], "name": r[6], "text": r[7]} if r[5] or r[6] else None,
        "target": {"actor_id": r[8], "name": r[9], "text": r[10]} if r[8] or r[9] else None,
        "polarity": r[11],
        "modality": r[12],
        "date": r[13],
        "date_precision": r[14],
        "location": r[15],
        "confidence": r[16],
        "trigger": r[17],
        "sign": sign,
        "evidence": {"doc_id": r[18], "start": r[19], "end": r[20], "sentence": r[21]},
    }


def events_page(
    store: Store,
    *,
    actor: str | None,
    types: list[str],
    start: str | None,
    end: str | None,
    polarity: str | None,
    sign: str | None,
    limit: int,
    offset: int,
    modality: str | None = None,
) -> dict[str, Any]:
    """One page of events, oldest first, with the total count for pagination."""
    check_window(start, end)
    sign_expr, sign_params = sign_sql()
    where = ["TRUE"]
    params: list[Any] = []
    if actor:
        where.append("(source_actor_id = ? OR target_actor_id = ?)")
        params += [actor, actor]
    if types:
        where.append("type IN (SELECT unnest(?))")
        params.append(types)
    clause, date_params = date_clause("date", start=start, end=end)
    where.append(clause)
    params += date_params
    if polarity:
        where.append("polarity = ?")
        params.append(polarity)
    if modality:
        where.append("modality = ?")
        params.append(modality)
    if sign:
        where.append(f"({sign_expr}) = ?")
        params += [*sign_params, sign]
    sql_where = " AND ".join(where)
    total = int(store.query(f"SELECT count(*) FROM events WHERE {sql_where}", params)[0][0])
    rows = store.query(
        f"""SELECT {EVENT_COLS}, {sign_expr} FROM events WHERE {sql_where}
            ORDER BY date NULLS LAST, doc_id, ev_start, event_id LIMIT ? OFFSET ?""",
        [*sign_params, *params, limit, offset],
    )
    events = [event_dict(r[:-1], r[-1]) for r in rows]
    nxt = offset + len(events)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": nxt if nxt < total else None,
        "events": events,
    }


def overview(store: Store) -> dict[str, Any]:
    """Counts, the date range and the event types and relation names present, for the page's controls."""
    counts = store.query(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors), (SELECT count(*) FROM events),
                  (SELECT count(*) FROM relations), (SELECT count(*) FROM quotes)"""
    )[0]
    span = store.query(
        """SELECT min(d), max(d) FROM (SELECT date AS d FROM events UNION ALL SELECT date FROM relations)
           WHERE d IS NOT NULL"""
    )[0]
    types = store.query("SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type")
    relations = store.query(
        "SELECT relation, count(*) FROM relations GROUP BY relation ORDER BY count(*) DESC, relation"
    )
    top = store.query(
        """SELECT a.actor_id, a.name, a.kind, count(m.actor_id) AS n
           FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
           GROUP BY a.actor_id, a.name, a.kind ORDER BY n DESC, a.name LIMIT 8"""
    )
    return {
        "top_actors": [{"actor_id": r[0], "name": r[1], "kind": r[2], "mentions": int(r[3])} for r in top],
        "counts": dict(
            zip(
                ("articles", "actors", "events", "relations", "quotes"), (int(c) for c in counts), strict=True
            )
        ),
        "dates": {"min": span[0], "max": span[1]},
        "event_types": [{"type": t, "count": int(n)} for t, n in types],
        "relations": [{"relation": t, "count": int(n)} for t, n in relations],
    }

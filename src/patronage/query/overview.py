"""What a store holds at a glance: the web page's controls and the ``summary`` command's tables."""

from __future__ import annotations

from typing import Any

from patronage.store import Store

__all__ = ["overview", "summary"]

_COUNTED = ("articles", "actors", "events", "relations", "quotes")


def overview(store: Store) -> dict[str, Any]:
    """Counts, the date range and the event types and relation names present, for the page's controls."""
    counts = store.rows(
        "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})::INTEGER AS {t}" for t in _COUNTED)
    )[0]
    span = store.rows(
        """SELECT min(d) AS min, max(d) AS max
           FROM (SELECT date AS d FROM events UNION ALL SELECT date FROM relations) WHERE d IS NOT NULL"""
    )[0]
    return {
        "top_actors": store.rows(
            """SELECT a.actor_id, a.name, a.kind, count(m.actor_id)::INTEGER AS mentions
               FROM actors a JOIN mentions m ON m.actor_id = a.actor_id
               GROUP BY a.actor_id, a.name, a.kind ORDER BY mentions DESC, a.name LIMIT 8"""
        ),
        "counts": counts,
        "dates": span,
        "event_types": store.rows(
            "SELECT type, count(*)::INTEGER AS count FROM events GROUP BY type ORDER BY count(*) DESC, type"
        ),
        "relations": store.rows(
            """SELECT relation, count(*)::INTEGER AS count FROM relations
               GROUP BY relation ORDER BY count(*) DESC, relation"""
        ),
    }


def summary(store: Store, top: int = 8) -> dict[str, Any]:
    """Counts, the most mentioned actors, the most confident events and a few direct quotes."""
    counts = {
        table: int(store.value(f"SELECT count(*) FROM {table}"))
        for table in ("articles", "events", "quotes", "relations", "failures")
    }
    counts["actors"] = int(
        store.value("SELECT count(DISTINCT actor_id) FROM mentions WHERE actor_id IS NOT NULL")
    )
    actors = store.rows(
        """SELECT a.name, a.kind, a.country, count(*) AS mentions FROM mentions m JOIN actors a USING (actor_id)
           GROUP BY ALL ORDER BY mentions DESC, a.name LIMIT ?""",
        [top],
    )
    events = store.rows(
        """SELECT type, cameo, coalesce(source_name, '?') AS source, coalesce(target_name, '?') AS target, date,
                  polarity, modality, sentence
           FROM events WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
           ORDER BY confidence DESC, doc_id, ev_start LIMIT ?""",
        [top],
    )
    # the surest attributions first; a speaker the text gives but nothing resolved is shown as such
    quotes = store.rows(
        """SELECT CASE WHEN speaker_name IS NOT NULL THEN speaker_name
                       WHEN speaker_text IS NOT NULL THEN 'unresolved ("' || speaker_text || '")'
                       ELSE 'unattributed' END AS speaker, text FROM quotes
           WHERE direct ORDER BY speaker_confidence DESC NULLS LAST, doc_id, ev_start LIMIT ?""",
        [min(top, 5)],
    )
    return {"counts": counts, "actors": actors, "events": events, "quotes": quotes}

"""Samples of event links for a blind check: linked reports, and same-day same-dyad pairs left apart.

usage: python scripts/link_samples.py DB LINKS_OUT UNLINKED_OUT [--n 50] [--seed 19]

LINKS_OUT gets N random events of two or more reports (each report: sentence, type, date with its
precision, polarity, modality, article title, date and source). UNLINKED_OUT gets N random pairs of
reports with the same directed actor dyad and the same day that the rule put in different events
(whatever their types; a report's day is the one its sentence states, else its article's date). Neither file says why the rule decided as it did: a judge reads the
sentences and says whether the reports tell the same real-world event.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from patronage.model.records import DOCUMENT_DATE
from patronage.store import Store

_REPORT = """SELECT e.event_id, l.linked_event_id, e.type, e.source_name, e.target_name, e.source_actor_id,
                    e.target_actor_id, e.date, e.date_precision, e.date_text, e.polarity, e.modality, e.sentence,
                    a.title, a.date AS article_date, a.source AS outlet
             FROM events e JOIN event_links l ON l.event_id = e.event_id JOIN articles a ON a.doc_id = e.doc_id"""


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "event_id",
        "type",
        "source_name",
        "target_name",
        "date",
        "date_precision",
        "polarity",
        "modality",
    )
    return {
        **{k: row[k] for k in keys},
        "sentence": row["sentence"],
        "article": {"title": row["title"], "date": row["article_date"], "source": row["outlet"]},
    }


def linked(store: Store, n: int, rng: random.Random) -> list[dict[str, Any]]:
    """``n`` random events of several reports, each with its reports."""
    rows = store.rows(
        f"""{_REPORT} WHERE l.linked_event_id IN (
               SELECT linked_event_id FROM event_links GROUP BY ALL HAVING count(*) > 1)
            ORDER BY l.linked_event_id, e.doc_id, e.ev_start"""
    )
    events: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        events.setdefault(row["linked_event_id"], []).append(row)
    picked = rng.sample(sorted(events), min(n, len(events)))
    return [{"linked_event_id": i, "reports": [_shown(r) for r in events[i]]} for i in picked]


def unlinked(store: Store, n: int, rng: random.Random) -> list[dict[str, Any]]:
    """``n`` random pairs of reports of one directed dyad and day that are in different events.

    A report's day is the day its sentence states, or its article's date when the text states
    none (the day such an event is reported, as one-a-day filters count).
    """
    rows = store.rows(
        f"""{_REPORT} WHERE e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL
              AND NOT starts_with(e.source_actor_id, 'described:') AND NOT starts_with(e.target_actor_id, 'described:')
            ORDER BY e.event_id"""
    )
    cells: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["date_text"] == DOCUMENT_DATE:
            day = row["article_date"]
        else:
            day = row["date"] if row["date_precision"] == "day" else None
        if day:
            cells.setdefault((row["source_actor_id"], row["target_actor_id"], day[:10]), []).append(row)
    pairs = [
        (a, b)
        for cell in cells.values()
        for i, a in enumerate(cell)
        for b in cell[i + 1 :]
        if a["linked_event_id"] != b["linked_event_id"]
    ]
    picked = rng.sample(pairs, min(n, len(pairs)))
    return [{"reports": [_shown(a), _shown(b)]} for a, b in picked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("links_out")
    parser.add_argument("unlinked_out")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with Store(args.db, read_only=True) as store:
        samples = {
            args.links_out: linked(store, args.n, rng),
            args.unlinked_out: unlinked(store, args.n, rng),
        }
    for path, items in samples.items():
        with Path(path).open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{path}: {len(items)} samples")  # noqa: T201


if __name__ == "__main__":
    main()

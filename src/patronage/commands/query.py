"""``patronage query actor`` and ``patronage query path``."""

from __future__ import annotations

import json

import click

from patronage.config import Settings
from patronage.errors import InputError
from patronage.ingest.dates import parse_doc_date
from patronage.query import actor_profile, find_actors, shortest_path
from patronage.store import Store

__all__ = ["do_query_actor", "do_query_path"]


def _one(store: Store, name: str) -> dict[str, object]:
    found = find_actors(store, name)
    if not found:
        raise InputError(f"no actor matches {name!r}")
    return found[0]


def do_query_actor(settings: Settings, name: str, as_of: str | None, as_json: bool) -> None:
    """Print an actor's profile."""
    date = parse_doc_date(as_of, "--as-of") if as_of else None
    with Store(str(settings.get("run.db")), read_only=True) as store:
        profile = actor_profile(store, str(_one(store, name)["actor_id"]), date)
    if as_json:
        click.echo(json.dumps(profile, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(
        f"{profile['name']} ({profile['kind']}, {profile['country'] or 'country unknown'})"
        + (f" as of {date}" if date else "")
    )
    for section in ("roles", "relations", "events", "quotes"):
        items = profile[section]
        assert isinstance(items, list)
        if not items:
            continue
        click.echo(f"\n{section}:")
        for item in items[:20]:
            if section == "roles":
                span = f"{item['start'] or '?'} – {item['end'] or ''}".strip()
                click.echo(f"  {item['title']} of {item['of'] or '?'} ({span}; {item['origin']})")
            elif section == "relations":
                click.echo(
                    f"  {item['source']} {item['relation']} {item['target']} ({item['polarity']}, "
                    f"{item['count']}×, {item['first_seen'] or '?'}…{item['last_seen'] or '?'})"
                )
            elif section == "events":
                click.echo(
                    f"  {item['date'] or '?'} {item['type']} {item['source']} → {item['target']}"
                    f" [{item['polarity']}, {item['modality']}]: {item['sentence'][:100]}"
                )
            else:
                click.echo(f"  “{item['text'][:120]}”")


def do_query_path(settings: Settings, a: str, b: str, as_json: bool) -> None:
    """Print the shortest path between two actors."""
    with Store(str(settings.get("run.db")), read_only=True) as store:
        first, second = _one(store, a), _one(store, b)
        path = shortest_path(store, str(first["actor_id"]), str(second["actor_id"]))
    if path is None:
        raise InputError(f"no path between {first['name']} and {second['name']}")
    if as_json:
        click.echo(json.dumps(path, ensure_ascii=False, indent=2))
        return
    for edge in path:
        click.echo(
            f"{edge['source']} —{edge['relation']}→ {edge['target']} ({edge['count']}×): {edge['sentence']}"
        )

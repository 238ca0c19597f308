"""``patronage query actor|path|network|events|search``."""

from __future__ import annotations

import json

import click

from patronage.config import Settings
from patronage.errors import InputError
from patronage.ingest.dates import parse_doc_date
from patronage.query import actor_profile, find_actors, shortest_path
from patronage.store import Store

__all__ = ["do_query_actor", "do_query_events", "do_query_network", "do_query_path", "do_query_search"]


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


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def do_query_network(
    settings: Settings,
    name: str,
    window: tuple[str | None, str | None],
    depth: int,
    types: list[str],
    limit: int,
    as_json: bool,
) -> None:
    """Print an actor's ego network as of a date: who is linked to whom, how, how often, and since when."""
    from patronage.query.filters import check_date
    from patronage.query.network import network

    since, date = check_date(window[0], "--from"), check_date(window[1], "--as-of")
    with Store(str(settings.get("run.db")), read_only=True) as store:
        actor = _one(store, name)
        graph = network(
            store,
            str(actor["actor_id"]),
            as_of=date,
            depth=depth,
            types=[t.upper() for t in types],
            sign=None,
            max_nodes=limit,
            max_edges=limit,
            since=since,
        )
    if as_json:
        _echo_json(graph)
        return
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    click.echo(
        f"{actor['name']}: {len(graph['nodes'])} actors, {len(graph['edges'])} links"
        + (f" from {since}" if since else "")
        + (f" as of {date}" if date else "")
    )
    for e in graph["edges"]:
        span = f"{e['first_seen'] or '?'}…{e['last_seen'] or '?'}"
        click.echo(
            f"  {names.get(e['source'], e['source'])} —{e['relation']}→ {names.get(e['target'], e['target'])}"
            f" ({e['polarity']}, {e['weight']}×, {span})"
        )
    if graph["truncated"]:
        click.echo(f"  … cut at {limit}; raise --limit for more")


def do_query_events(
    settings: Settings,
    actor: str | None,
    types: list[str],
    polarity: str | None,
    modality: str | None,
    start: str | None,
    end: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Print events filtered by actor, type, polarity, modality and date range, oldest first."""
    from patronage.query.events import EventFilter, events_page
    from patronage.query.filters import check_date

    bounds = [check_date(start, "--from"), check_date(end, "--to")]
    with Store(str(settings.get("run.db")), read_only=True) as store:
        actor_id = str(_one(store, actor)["actor_id"]) if actor else None
        wanted = EventFilter(
            actor=actor_id,
            types=[t.upper() for t in types],
            start=bounds[0],
            end=bounds[1],
            polarity=polarity,
            modality=modality,
        )
        page = events_page(store, wanted, limit=limit, offset=0)
    if as_json:
        _echo_json(page)
        return
    for ev in page["events"]:
        source = (ev["source"] or {}).get("name") or "?"
        target = (ev["target"] or {}).get("name") or "–"
        click.echo(
            f"{ev['date'] or '?':<10} {ev['type']:<9} {source} → {target} [{ev['polarity']}, {ev['modality']}]"
            f": {ev['evidence']['sentence'][:110]}"
        )
    shown = len(page["events"])
    click.echo(
        f"{shown} of {page['total']} events" + (" (raise --limit for more)" if shown < page["total"] else "")
    )


def do_query_search(settings: Settings, text: str, limit: int, as_json: bool) -> None:
    """Print the actors and the sentences (newest first) that contain ``text``."""
    from patronage.query.search import search

    if not text.strip():
        raise InputError("give some text to search for")
    with Store(str(settings.get("run.db")), read_only=True) as store:
        found = search(store, text, limit, limit)
    if as_json:
        _echo_json(found)
        return
    for a in found["results"]:
        click.echo(
            f"actor  {a['name']} ({a['kind']}, {a['country'] or '?'}, {a['mentions']} mentions)  {a['actor_id']}"
        )
    for h in found["sentences"]:
        click.echo(f"{h['date'] or '?':<10} {h['title'][:40]!s:<40}  {h['sentence'][:120]}")
    if not found["results"] and not found["sentences"]:
        click.echo(f"nothing matches {text!r}")

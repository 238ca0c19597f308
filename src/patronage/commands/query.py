"""``patronage query actor|path|network|events|search``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.errors import InputError
from patronage.model.plover import MODALITIES, POLARITIES

if TYPE_CHECKING:
    from patronage.store import Store

__all__ = ["query"]

_as_json = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


@click.group()
def query() -> None:
    """Ask the database: actor profiles, networks as of a date, paths, filtered events, search."""


def _open(c: Context, db: str | None) -> Store:
    from patronage.store import Store

    return Store(str(c.with_db(db).get("run.db")), read_only=True)


def _one(store: Store, name: str) -> dict[str, Any]:
    from patronage.query import find_actors

    found = find_actors(store, name)
    if not found:
        raise InputError(f"no actor matches {name!r}")
    return found[0]


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@query.command("actor")
@click.argument("name")
@db_option
@click.option("--as-of", metavar="YYYY-MM-DD", help="Only facts dated on or before this date.")
@_as_json
@pass_ctx
def query_actor(c: Context, name: str, db: str | None, as_of: str | None, as_json: bool) -> None:
    """An actor's profile: roles, relations, events and quotes, each with evidence."""
    from patronage.ingest.dates import parse_doc_date
    from patronage.query import actor_profile

    date = parse_doc_date(as_of, "--as-of") if as_of else None
    with _open(c, db) as store:
        profile = actor_profile(store, str(_one(store, name)["actor_id"]), date)
    if as_json:
        _echo_json(profile)
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
                    f"  {item['date'] or '?'} {item['type']} {item['source'] or '?'} → {item['target'] or '–'}"
                    f" [{item['polarity']}, {item['modality']}]: {item['sentence'][:100]}"
                )
            else:
                click.echo(f"  “{item['text'][:120]}”")


@query.command("path")
@click.argument("a")
@click.argument("b")
@db_option
@_as_json
@pass_ctx
def query_path(c: Context, a: str, b: str, db: str | None, as_json: bool) -> None:
    """The shortest chain of relations linking actor A to actor B, with evidence."""
    from patronage.query import shortest_path

    with _open(c, db) as store:
        first, second = _one(store, a), _one(store, b)
        if first["actor_id"] == second["actor_id"]:
            raise InputError(f"{a!r} and {b!r} are the same actor ({first['name']}); a path needs two")
        path = shortest_path(store, str(first["actor_id"]), str(second["actor_id"]))
    if path is None:
        raise InputError(f"no path between {first['name']} and {second['name']}")
    for edge in path:  # each tie's pair view in the explorer (`patronage serve`), as a link path
        edge["explorer"] = _pair_view(str(edge["source_id"]), str(edge["target_id"]))
    if as_json:
        click.echo(json.dumps(path, ensure_ascii=False, indent=2))
        return
    for edge in path:
        click.echo(
            f"{edge['source']} —{edge['relation']}→ {edge['target']} ({edge['count']}×): {edge['sentence']}"
        )
    click.echo(
        "every event between two of them, in the explorer (patronage serve, then open the address + path):"
    )
    for edge in path:
        click.echo(f"  {edge['source']} ↔ {edge['target']}: {edge['explorer']}")


def _pair_view(a: str, b: str) -> str:
    """The explorer's pair view of actors ``a`` and ``b``, as the path part of its address."""
    from urllib.parse import urlencode

    return "/#" + urlencode([("actor", a), ("pair", a), ("pair", b)])


@query.command("network")
@click.argument("name")
@db_option
@click.option("--as-of", metavar="YYYY[-MM[-DD]]", help="The network as it stood on this date.")
@click.option(
    "--from", "since", metavar="YYYY[-MM[-DD]]", help="Only links dated on or after this (a window)."
)
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True, help="Steps out from NAME.")
@click.option(
    "--type",
    "types",
    multiple=True,
    help="Only these PLOVER event types or relation names, any case (repeatable).",
)
@click.option(
    "--limit", type=click.IntRange(1, 10000), default=200, show_default=True, help="Most actors/links."
)
@_as_json
@pass_ctx
def query_network(
    c: Context,
    name: str,
    db: str | None,
    as_of: str | None,
    since: str | None,
    depth: int,
    types: tuple[str, ...],
    limit: int,
    as_json: bool,
) -> None:
    """An actor's network as of a date or over a window: every link with its relation, sign, count and
    first/last dates."""
    from patronage.query.filters import check_date, check_types
    from patronage.query.network import network

    since, date = check_date(since, "--from"), check_date(as_of, "--as-of")
    wanted = check_types(types, "--type", relations=True)
    with _open(c, db) as store:
        actor = _one(store, name)
        graph = network(
            store,
            str(actor["actor_id"]),
            as_of=date,
            depth=depth,
            types=wanted,
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


@query.command("events")
@db_option
@click.option("--actor", help="Only events where this actor is source or target.")
@click.option("--type", "types", multiple=True, help="Only these PLOVER event types, any case (repeatable).")
@click.option(
    "--polarity",
    type=click.Choice(POLARITIES, case_sensitive=False),
    help="Only asserted or negated events.",
)
@click.option(
    "--modality",
    type=click.Choice(MODALITIES, case_sensitive=False),
    help="Only events of this modality.",
)
@click.option("--from", "start", metavar="YYYY[-MM[-DD]]", help="Only events dated on or after this.")
@click.option("--to", "end", metavar="YYYY[-MM[-DD]]", help="Only events dated on or before this.")
@click.option(
    "--limit", type=click.IntRange(1, 100000), default=50, show_default=True, help="Most events shown."
)
@_as_json
@pass_ctx
def query_events(
    c: Context,
    db: str | None,
    actor: str | None,
    types: tuple[str, ...],
    polarity: str | None,
    modality: str | None,
    start: str | None,
    end: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Events filtered by actor, type, polarity, modality and date range, oldest first, with evidence."""
    from patronage.query.events import EventFilter, events_page
    from patronage.query.filters import check_date, check_types

    bounds = [check_date(start, "--from"), check_date(end, "--to")]
    type_names = check_types(types, "--type")
    with _open(c, db) as store:
        actor_id = str(_one(store, actor)["actor_id"]) if actor is not None else None
        wanted = EventFilter(
            actor=actor_id,
            types=type_names,
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


@query.command("search")
@click.argument("text")
@db_option
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Most hits of each kind."
)
@_as_json
@pass_ctx
def query_search(c: Context, text: str, db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search: actors whose name contains TEXT, and the sentences (newest first) that do."""
    from patronage.query.search import search

    with _open(c, db) as store:
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

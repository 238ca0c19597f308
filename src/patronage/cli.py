"""The ``patronage`` command line.

Errors print one line, ``error: …``, and exit 1 (2 for usage errors);
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import click

from patronage.commands.train import train
from patronage.config import Settings, load_settings
from patronage.errors import InputError, PatronageError
from patronage.model.plover import MODALITIES, POLARITIES

__all__ = ["cli", "main"]


class Context:
    """What every command gets: settings and the debug flag."""

    def __init__(self, settings: Settings, debug: bool) -> None:
        self.settings = settings
        self.debug = debug


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="User settings file (TOML).")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE", help="Override one setting.")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(package_name="patronage")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, overrides: tuple[str, ...], debug: bool) -> None:
    """patronage: news articles in, an evidence-linked network of political actors out.

    Every event is coded in PLOVER 2021 with CAMEO codes and points to the exact
    sentence it came from. Start with `patronage run ARTICLES`, then `patronage export`.
    """
    ctx.obj = Context(load_settings(config_file, overrides), debug)


def _db_option(func: Any) -> Any:
    return click.option(
        "--db", type=click.Path(dir_okay=False), help="DuckDB file (default ./patronage.duckdb)."
    )(func)


def _settings_with_db(c: Context, db: str | None) -> Settings:
    return c.settings.replace(run__db=db) if db else c.settings


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--date", "doc_date", metavar="YYYY-MM-DD", help="Document date for inputs that carry none.")
@click.option("--workers", type=click.IntRange(1, 64), help="Worker processes for the NLP stages.")
@click.option("--batch-size", type=click.IntRange(1, 100000), help="Articles committed together.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    help="Where the NLP stages run: local, or a Ray cluster ([ray] extra; --workers sets its actors).",
)
@click.option(
    "--shards",
    metavar="DIR",
    help="With --engine ray: write Parquet shards of every table to DIR (a new local directory or a "
    "URI such as s3://…); a local DIR is then loaded into --db.",
)
@pass_ctx
def run(
    c: Context,
    paths: tuple[str, ...],
    db: str | None,
    doc_date: str | None,
    workers: int | None,
    batch_size: int | None,
    engine: str | None,
    shards: str | None,
) -> None:
    """Ingest articles (files, directories, .jsonl, - for stdin) and extract facts into the database."""
    from patronage.commands.run import do_run

    settings = _settings_with_db(c, db)
    if workers:
        settings = settings.replace(run__workers=workers)
    if batch_size:
        settings = settings.replace(run__batch_size=batch_size)
    if engine:
        settings = settings.replace(run__engine=engine)
    if shards:
        from patronage.commands.load import do_run_shards

        sys.exit(do_run_shards(list(paths), settings, doc_date, shards))
    sys.exit(do_run(list(paths), settings, doc_date))


@cli.command()
@click.argument("shard_dir", metavar="DIR")
@_db_option
@pass_ctx
def load(c: Context, shard_dir: str, db: str | None) -> None:
    """Load Parquet shards written by `run --engine ray --shards` (e.g. on a cluster) into the database."""
    from patronage.commands.load import do_load

    sys.exit(do_load(_settings_with_db(c, db), shard_dir))


@cli.command()
@_db_option
@pass_ctx
def migrate(c: Context, db: str | None) -> None:
    """Upgrade a database written by an older patronage to this version's schema (in place)."""
    from patronage.store import Store

    path = str(_settings_with_db(c, db).get("run.db"))
    if not Path(path).exists():
        raise InputError("no such database", source=path)
    with Store(path) as store:  # opening for writing applies every missing migration
        click.echo(f"{path}: schema {store.schema_version}, up to date", err=True)


@cli.command()
@click.argument("kind", type=click.Choice(["events", "quotes", "actors", "relations", "failures"]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "graphml", "gexf", "ftm"]),
    default="jsonl",
    show_default=True,
    help="graphml/gexf (Gephi) write the whole actor network and ftm writes FollowTheMoney entities, "
    "whichever table is named.",
)
@_db_option
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: standard output)."
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@pass_ctx
def export(c: Context, kind: str, fmt: str, db: str | None, output: str | None, force: bool) -> None:
    """Export a table in the DESIGN.md schema (JSONL, CSV, Parquet) or the network (GraphML, GEXF, FtM)."""
    from patronage.commands.run import do_export

    do_export(kind, fmt, _settings_with_db(c, db), output, force)


@cli.command()
@_db_option
@pass_ctx
def summary(c: Context, db: str | None) -> None:
    """What the database holds: counts, top actors, top events and a few quotes."""
    from patronage.commands.summary import do_summary

    do_summary(_settings_with_db(c, db))


@cli.group()
def query() -> None:
    """Ask the database: actor profiles, networks as of a date, paths, filtered events, search."""


@query.command("actor")
@click.argument("name")
@_db_option
@click.option("--as-of", metavar="YYYY-MM-DD", help="Only facts dated on or before this date.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_ctx
def query_actor(c: Context, name: str, db: str | None, as_of: str | None, as_json: bool) -> None:
    """An actor's profile: roles, relations, events and quotes, each with evidence."""
    from patronage.commands.query import do_query_actor

    do_query_actor(_settings_with_db(c, db), name, as_of, as_json)


@query.command("path")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_ctx
def query_path(c: Context, a: str, b: str, db: str | None, as_json: bool) -> None:
    """The shortest chain of relations linking actor A to actor B, with evidence."""
    from patronage.commands.query import do_query_path

    do_query_path(_settings_with_db(c, db), a, b, as_json)


@query.command("network")
@click.argument("name")
@_db_option
@click.option("--as-of", metavar="YYYY[-MM[-DD]]", help="The network as it stood on this date.")
@click.option(
    "--from", "since", metavar="YYYY[-MM[-DD]]", help="Only links dated on or after this (a window)."
)
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True, help="Steps out from NAME.")
@click.option("--type", "types", multiple=True, help="Only these PLOVER event types (repeatable).")
@click.option(
    "--limit", type=click.IntRange(1, 10000), default=200, show_default=True, help="Most actors/links."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
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
    from patronage.commands.query import do_query_network

    do_query_network(_settings_with_db(c, db), name, (since, as_of), depth, list(types), limit, as_json)


@query.command("events")
@_db_option
@click.option("--actor", help="Only events where this actor is source or target.")
@click.option("--type", "types", multiple=True, help="Only these PLOVER event types (repeatable).")
@click.option("--polarity", type=click.Choice(POLARITIES), help="Only asserted or negated events.")
@click.option(
    "--modality",
    type=click.Choice(MODALITIES),
    help="Only events of this modality.",
)
@click.option("--from", "start", metavar="YYYY[-MM[-DD]]", help="Only events dated on or after this.")
@click.option("--to", "end", metavar="YYYY[-MM[-DD]]", help="Only events dated on or before this.")
@click.option(
    "--limit", type=click.IntRange(1, 100000), default=50, show_default=True, help="Most events shown."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
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
    from patronage.commands.query import do_query_events

    do_query_events(
        _settings_with_db(c, db), actor, list(types), polarity, modality, start, end, limit, as_json
    )


@query.command("search")
@click.argument("text")
@_db_option
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Most hits of each kind."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_ctx
def query_search(c: Context, text: str, db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search: actors whose name contains TEXT, and the sentences (newest first) that do."""
    from patronage.commands.query import do_query_search

    do_query_search(_settings_with_db(c, db), text, limit, as_json)


@cli.command("eval")
@click.argument("dataset", type=click.Choice(["plover", "polnear", "re3d"]))
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N records or documents.")
@pass_ctx
def eval_(c: Context, dataset: str, path: str, as_json: bool, limit: int | None) -> None:
    """Measure accuracy against gold data (PLOVER gold standard JSON, a PolNeAR split directory,
    or the re3d directory for actor mentions, kinds and linking)."""
    from patronage.commands.evaluate import do_eval

    do_eval(c.settings, dataset, Path(path), as_json, limit)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--articles", type=click.IntRange(1), default=200, show_default=True, help="Articles to time.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--corpus", type=click.Path(exists=True), help="JSONL corpus (default: the AllSides sample in ../shared)."
)
@pass_ctx
def bench(c: Context, as_json: bool, articles: int, workers: int, corpus: str | None) -> None:
    """Throughput of the full pipeline side by side with bare spaCy on the same texts."""
    from patronage.commands.bench import do_bench

    do_bench(c.settings, as_json, articles, workers, corpus)


@cli.command()
@_db_option
@click.option("--host", help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default 8000).")
@pass_ctx
def serve(c: Context, db: str | None, host: str | None, port: int | None) -> None:
    """Explore the network in a local web app (needs the [web] extra)."""
    from patronage.commands.serve import do_serve

    do_serve(_settings_with_db(c, db), host, port)


@cli.group()
def actors() -> None:
    """Manage the actor gazetteer."""


@actors.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["phoenix", "countryinfo"]),
    required=True,
    help="Dictionary format of PATH.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Gazetteer YAML file to write; add it to resolve.gazetteer to use it.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def actors_import(path: str, fmt: str, output: str, force: bool) -> None:
    """Convert a Phoenix/PETRARCH actor dictionary or CountryInfo file into gazetteer YAML."""
    from patronage.resolve.importers import import_countryinfo, import_phoenix, write_entries

    out = Path(output)
    if out.exists() and not force:
        raise InputError("output file exists; use --force to overwrite", source=output)
    entries = import_phoenix(Path(path)) if fmt == "phoenix" else import_countryinfo(Path(path))
    n = write_entries(entries, out)
    click.echo(f"wrote {n} actors to {out}; use them with --set resolve.gazetteer={out}", err=True)


cli.add_command(train)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``patronage`` console script."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="patronage", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        return 1
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
        click.echo(f"error: {exc.format_message()}", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except PatronageError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if debug:
            traceback.print_exc()
        click.echo(
            f"error: internal error ({type(exc).__name__}: {exc}); rerun with --debug for details", err=True
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``patronage export``: a table in the DESIGN.md schema, or the whole network."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from patronage.commands.context import Context, db_option, output_options, pass_ctx
from patronage.config import Settings
from patronage.errors import InputError
from patronage.export import rows_for, write_csv, write_jsonl, write_parquet
from patronage.export.atomic import atomic_output
from patronage.export.tables import LEVELS
from patronage.query.dyads import PERIODS, UNITS

if TYPE_CHECKING:
    from patronage.store import Store

__all__ = ["DyadOptions", "do_export", "export"]


@dataclass(frozen=True)
class DyadOptions:
    """How ``export dyads`` counts: the period, the PLOVER types (all when empty) and the unit."""

    by: str = "month"
    types: tuple[str, ...] = ()
    unit: str = "country"


def _dyad_rows(store: Store, options: DyadOptions, min_confidence: float) -> Iterator[dict[str, Any]]:
    from patronage.query.dyads import dyad_series

    series = dyad_series(store, options.by, options.types, options.unit, min_confidence)
    if series.unplaced:
        n = series.unplaced
        reports = "1 event report dated" if n == 1 else f"{n} event reports dated"
        click.echo(
            f"note: {reports} less precisely than a {options.by} (or not at all) "
            f"{'is' if n == 1 else 'are'} left out; a coarser --by places more of them",
            err=True,
        )
    return iter(series.rows)


@click.command()
@click.argument(
    "kind", type=click.Choice(["events", "quotes", "actors", "relations", "failures", "removed", "dyads"])
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "graphml", "gexf", "ftm"]),
    default="jsonl",
    show_default=True,
    help="graphml/gexf (Gephi) write the whole actor network and ftm writes FollowTheMoney entities, "
    "whichever table is named.",
)
@db_option
@output_options
@click.option(
    "--min-support",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="relations: keep those stated or implied in at least N independent articles.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="events, dyads: keep those whose confidence (the calibrated probability of being fully right) "
    "is at least C; `run` already leaves out events below extract.min_confidence.",
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="report",
    show_default=True,
    help="events: a row per report (one sentence's event, as before) or per real-world event linked "
    "across articles, with its reports and n_reports, n_articles, n_sources (jsonl, csv, parquet).",
)
@click.option(
    "--by",
    type=click.Choice(PERIODS),
    default="month",
    show_default=True,
    help="dyads: the period each row counts (weeks are ISO weeks).",
)
@click.option(
    "--types",
    "types",
    multiple=True,
    metavar="T,...",
    help="dyads: count only these PLOVER types (comma-separated or repeated; default all 16).",
)
@click.option(
    "--unit",
    type=click.Choice(UNITS),
    default="country",
    show_default=True,
    help="dyads: pairs of countries (as event datasets code them) or of actors.",
)
@pass_ctx
def export(
    c: Context,
    kind: str,
    fmt: str,
    db: str | None,
    output: str | None,
    force: bool,
    min_support: int,
    min_confidence: float,
    level: str,
    by: str,
    types: tuple[str, ...],
    unit: str,
) -> None:
    """Export a table in the DESIGN.md schema (JSONL, CSV, Parquet), the network (GraphML, GEXF, FtM),
    or dyad time series (counts per source, target, period and PLOVER type)."""
    from patronage.query.filters import check_types

    dyads = DyadOptions(
        by, tuple(check_types([t for v in types for t in v.split(",") if t.strip()], "--types")), unit
    )
    do_export(
        kind,
        fmt,
        c.with_db(db),
        None if output == "-" else output,
        force,
        min_support,
        min_confidence,
        dyads,
        level,
    )


def do_export(
    kind: str,
    fmt: str,
    settings: Settings,
    output: str | None,
    force: bool,
    min_support: int = 1,
    min_confidence: float = 0.0,
    dyads: DyadOptions | None = None,
    level: str = "report",
) -> None:
    """Write one export to a file (whole or not at all) or standard output.

    ``min_support`` filters relations, ``min_confidence`` events (and the events dyads count);
    ``level`` makes an events row a report or a linked event.
    """
    from patronage.store import Store

    if fmt == "parquet" and not output:
        raise InputError("parquet needs an output file: add -o FILE")
    if kind == "dyads" and fmt not in ("jsonl", "csv", "parquet"):
        raise InputError("dyads are a table: export them as jsonl, csv or parquet")
    if level != "report" and (kind != "events" or fmt not in ("jsonl", "csv", "parquet")):
        raise InputError("--level event applies to `export events` as jsonl, csv or parquet")
    filters = {
        "min_support": min_support,
        "min_confidence": min_confidence,
        "dyads": dyads or DyadOptions(),
        "level": level,
    }
    if output is None:
        with Store(str(settings.get("run.db")), read_only=True) as store:
            _write_export(store, kind, fmt, sys.stdout, None, filters)
        return
    db = str(settings.get("run.db"))
    with atomic_output(output, force, protected=(db, db + ".wal")) as tmp, Store(db, read_only=True) as store:
        if fmt == "parquet":
            _write_export(store, kind, fmt, None, tmp, filters)
            return
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            _write_export(store, kind, fmt, fh, None, filters)


def _write_export(
    store: Store, kind: str, fmt: str, out: IO[str] | None, path: Path | None, filters: dict[str, Any]
) -> None:
    """The export of ``kind`` in ``fmt`` to the text stream ``out`` (or, for Parquet, to ``path``)."""
    if fmt in ("graphml", "gexf", "ftm"):
        from patronage.export.ftm import write_ftm
        from patronage.export.graph import write_gexf, write_graphml

        writer = {"graphml": write_graphml, "gexf": write_gexf, "ftm": write_ftm}[fmt]
        assert out is not None
        writer(store, out)
        return
    if kind == "dyads":
        rows = _dyad_rows(store, filters["dyads"], filters["min_confidence"])
    else:
        rows = rows_for(kind, store, filters["min_support"], filters["min_confidence"], filters["level"])
    if fmt == "parquet":
        assert path is not None
        write_parquet(rows, path)
        return
    assert out is not None
    (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)

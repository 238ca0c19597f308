"""``patronage run`` and ``patronage export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from patronage.config import Settings
from patronage.errors import InputError
from patronage.export import rows_for, write_csv, write_jsonl, write_parquet
from patronage.ingest.dates import parse_doc_date
from patronage.runner import RunReport, exit_code, run
from patronage.store import Store

__all__ = ["do_export", "do_run", "summary_lines"]


def do_run(paths: list[str], settings: Settings, doc_date: str | None) -> int:
    """Run the pipeline with a progress bar on a terminal; return the exit code."""
    date = parse_doc_date(doc_date, "--date") if doc_date else None
    stdin = sys.stdin.buffer if "-" in paths else None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("[bold]patronage run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("inputs"),
            TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("run", total=None)
            report = run(paths, settings, date, stdin, progress=lambda n: bar.advance(task, n))
    else:
        report = run(paths, settings, date, stdin)
    for line in summary_lines(report):
        click.echo(line, err=True)
    return exit_code(report)


def summary_lines(report: RunReport) -> list[str]:
    """A short human summary of a run, with the first failures."""
    lines = [
        f"{report.n_new} articles processed, {report.n_unchanged} unchanged, {report.n_failed} failed"
        + (f", {report.n_warnings} warnings" if report.n_warnings else "")
        + f" → {report.db}"
    ]
    errors = [f for f in report.failures if f.level == "error"]
    for f in errors[:10]:
        lines.append(f"  failed: {f.doc}: {f.message} ({f.stage})")
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more: patronage export failures --format csv")
    return lines


def do_export(
    kind: str,
    fmt: str,
    settings: Settings,
    output: str | None,
    force: bool,
    min_support: int = 1,
    min_confidence: float = 0.0,
) -> None:
    """Write one export to a file or standard output (``min_support`` filters relations,
    ``min_confidence`` events)."""
    if output and Path(output).exists() and not force:
        raise InputError("output file exists; use --force to overwrite", source=output)
    if fmt == "parquet" and not output:
        raise InputError("parquet needs an output file: add -o FILE")
    with Store(str(settings.get("run.db")), read_only=True) as store:
        if fmt in ("graphml", "gexf", "ftm"):
            from patronage.export.ftm import write_ftm
            from patronage.export.graph import write_gexf, write_graphml

            writer = {"graphml": write_graphml, "gexf": write_gexf, "ftm": write_ftm}[fmt]
            if output:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    writer(store, fh)
            else:
                writer(store, sys.stdout)
            return
        rows = rows_for(kind, store, min_support, min_confidence)
        if fmt == "parquet":
            assert output is not None
            write_parquet(rows, Path(output))
            return
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                (write_jsonl if fmt == "jsonl" else write_csv)(rows, fh)
        else:
            (write_jsonl if fmt == "jsonl" else write_csv)(rows, sys.stdout)

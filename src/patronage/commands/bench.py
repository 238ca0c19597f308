"""``patronage bench``: the full pipeline side by side with bare spaCy, in one run, on the same texts."""

from __future__ import annotations

import importlib
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from patronage.commands.context import Context, pass_ctx, warn_about_workers
from patronage.config import Settings
from patronage.errors import InputError
from patronage.model.records import RunReport

__all__ = ["bench", "default_corpus", "do_bench", "measure"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--articles", type=click.IntRange(1), default=200, show_default=True, help="Articles to time.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="JSONL corpus (default: the AllSides sample in ../shared).",
)
@pass_ctx
def bench(c: Context, as_json: bool, articles: int, workers: int, corpus: str | None) -> None:
    """Throughput of the full pipeline side by side with bare spaCy on the same texts."""
    warn_about_workers(workers)
    do_bench(c.settings, as_json, articles, workers, corpus)


def default_corpus() -> Path:
    """The AllSides sample in ``../shared`` (beside the checkout or the working directory)."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base.parent / "shared" / "corpora" / "allsides" / "articles_sample10k.jsonl"
        if candidate.exists():
            return candidate
    raise InputError(
        "no corpus given and ../shared/corpora/allsides/articles_sample10k.jsonl not found; use --corpus"
    )


def _load(corpus: Path, n: int) -> list[dict[str, str]]:
    """The first ``n`` articles with text of a JSONL corpus, read as ``run`` reads its inputs.

    Only a regular file is read, line by line, each line bounded (:mod:`patronage.ingest.files`):
    a directory, a FIFO or a link to ``/dev/zero`` is an :class:`InputError`, and lines that are
    not JSON objects are skipped.
    """
    from patronage.ingest.files import MAX_LINE_BYTES, bounded_lines, open_regular

    out: list[dict[str, str]] = []
    try:
        stream = open_regular(corpus)
    except InputError as exc:
        raise InputError(exc.message, source=str(corpus)) from None
    with stream as fh:
        for i, raw in enumerate(bounded_lines(fh, MAX_LINE_BYTES)):
            if len(out) >= n:
                break
            if isinstance(raw, InputError):
                continue
            try:
                obj = json.loads(raw.decode("utf-8", errors="replace"))
            except (json.JSONDecodeError, ValueError, RecursionError):
                continue
            if not isinstance(obj, dict):
                continue
            text = obj.get("text") or obj.get("content_original") or obj.get("content") or ""
            if isinstance(text, str) and text.strip():
                title = str(obj.get("title") or "")
                date = str(obj.get("date") or "")[:10]
                out.append({"id": f"bench-{i}", "title": title, "text": text, "date": date})
    if not out:
        raise InputError("no articles with text in the corpus", source=str(corpus))
    return out


def _bare_nlp(model: str) -> Any:
    from patronage.nlp.loader import DEFAULT_MODELS

    for name in (model,) if model else DEFAULT_MODELS:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise InputError("no spaCy model installed")


def measure(settings: Settings, n_articles: int, workers: int, corpus: Path) -> dict[str, Any]:
    """Time bare spaCy and the full pipeline on the same ``n_articles`` texts."""
    from patronage.clean import clean_text

    articles = _load(corpus, n_articles)
    texts = [clean_text(a["title"], a["text"])[1] for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = _bare_nlp(str(settings.get("nlp.model")))
    batch = int(settings.get("nlp.batch_size"))
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch, n_process=workers):
        pass
    spacy_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="patronage-bench-") as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        timings: dict[str, float] = {}
        pipe_s, report = _time_pipeline(settings, src, Path(tmp) / "bench.duckdb", workers, timings)
        scaling = {str(workers): round(words / pipe_s, 1)}
        if workers > 1:
            # the same texts with one worker, in the same run, so the speed-up is measured side by side
            one_s, _ = _time_pipeline(settings, src, Path(tmp) / "bench1.duckdb", 1, {})
            scaling["1"] = round(words / one_s, 1)
    total = sum(timings.values()) or 1.0
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {
        "articles": len(articles),
        "words": words,
        "workers": workers,
        "spacy_seconds": round(spacy_s, 3),
        "pipeline_seconds": round(pipe_s, 3),
        "spacy_words_per_s": round(words / spacy_s, 1),
        "pipeline_words_per_s": round(words / pipe_s, 1),
        "ratio": round(spacy_s / pipe_s, 3),
        "articles_per_s": round(len(articles) / pipe_s, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "stages": {k: round(v / total, 3) for k, v in sorted(timings.items())},
        "failed": report.n_failed,
        "scaling": dict(sorted(scaling.items(), key=lambda kv: int(kv[0]))),
        "speedup": round(scaling[str(workers)] / scaling["1"], 3) if "1" in scaling else 1.0,
    }


def _time_pipeline(
    settings: Settings, src: Path, db: Path, workers: int, timings: dict[str, float]
) -> tuple[float, RunReport]:
    """Seconds for a full ``patronage run`` of ``src`` into a fresh ``db`` with ``workers`` workers."""
    from patronage.runner import run

    bench_settings = settings.replace(run__db=str(db), run__workers=workers)
    t0 = time.perf_counter()
    report = run([str(src)], bench_settings, timings=timings, command="bench")
    return time.perf_counter() - t0, report


def do_bench(settings: Settings, as_json: bool, n_articles: int, workers: int, corpus: str | None) -> None:
    """Run the benchmark and print the figures."""
    result = measure(settings, n_articles, workers, Path(corpus) if corpus else default_corpus())
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{result['articles']} articles, {result['words']} words, {workers} worker(s)")
    click.echo(f"  bare spaCy      {result['spacy_words_per_s']:>10.0f} words/s")
    click.echo(
        f"  patronage run   {result['pipeline_words_per_s']:>10.0f} words/s "
        f"({result['articles_per_s']} articles/s)"
    )
    click.echo(f"  ratio pipeline/spaCy {result['ratio']:.2f}   peak RSS {result['peak_rss_mb']} MB")
    if len(result["scaling"]) > 1:
        click.echo(
            f"  {workers} workers: {result['speedup']:.2f}x the 1-worker pipeline "
            f"({result['scaling']['1']:.0f} words/s with 1)"
        )
    click.echo("  stage shares: " + ", ".join(f"{k} {v:.0%}" for k, v in result["stages"].items()))

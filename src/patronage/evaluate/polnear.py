"""Score quote/attribution extraction against the PolNeAR corpus.

A PolNeAR split directory holds ``text/<name>.txt`` articles and
``attributions/<name>_<annotator>.ann`` brat standoff files. Each attribution is
an ``E`` relation linking text-bound ``Content``, ``Cue`` and (optionally)
``Source`` spans; spans may be discontinuous (``"a b;c d"``). Brat offsets are
character offsets into the UTF-8 decoded text as read (verified on the corpus:
no BOM, no CRLF). A span text that crosses a newline continues on the next line
of the ``.ann`` file; such continuation lines are skipped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from patronage.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.language import Language

    from patronage.extract.quotes.spans import QuoteSpan

__all__ = [
    "PolnearAttribution",
    "PolnearDoc",
    "evaluate_polnear",
    "greedy_match",
    "load_polnear",
    "overlap",
    "parse_ann",
    "spans_match",
]

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PolnearAttribution:
    """One gold attribution: content fragments, and cue/source fragments when annotated."""

    content: Fragments
    cue: Fragments | None
    source: Fragments | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    """One PolNeAR article with its gold attributions."""

    name: str
    text: str
    attributions: tuple[PolnearAttribution, ...]


def _parse_fragments(spec: str, where: str) -> Fragments:
    frags: list[tuple[int, int]] = []
    for part in spec.split(";"):
        bounds = part.split()
        if len(bounds) != 2:
            raise InputError(f"bad brat span {spec!r}", source=where)
        frags.append((int(bounds[0]), int(bounds[1])))
    return tuple(frags)


def parse_ann(ann: str, where: str = "<ann>") -> tuple[PolnearAttribution, ...]:
    """Parse brat standoff text into attributions (Content plus optional Cue and Source)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.split("\n"):
        ident, _, rest = line.partition("\t")
        if not rest or not ident[:1].isalpha() or not ident[1:].isdigit():
            continue  # continuation line of a span crossing a newline, or blank
        if ident[0] == "T":
            head = rest.split("\t", 1)[0]
            kind, _, spec = head.partition(" ")
            try:
                spans[ident] = (kind, _parse_fragments(spec, where))
            except ValueError as exc:
                raise InputError(f"bad brat offsets in {ident}", source=where) from exc
        elif ident[0] == "E":
            roles: dict[str, str] = {}
            for arg in rest.split("\t", 1)[0].split():
                role, _, target = arg.partition(":")
                roles[role] = target
            relations.append(roles)
    out: list[PolnearAttribution] = []
    for roles in relations:
        content = roles.get("Content")
        if content is None or content not in spans:
            continue
        cue = roles.get("Cue")
        source = roles.get("Source")
        out.append(
            PolnearAttribution(
                content=spans[content][1],
                cue=spans[cue][1] if cue in spans else None,
                source=spans[source][1] if source in spans else None,
            )
        )
    return tuple(out)


def _text_stem(ann_stem: str, text_stems: set[str]) -> str | None:
    # attribution files carry an annotator suffix ("_ef2d") that text files lack
    if ann_stem in text_stems:
        return ann_stem
    stem = ann_stem
    while "_" in stem:
        stem = stem.rsplit("_", 1)[0]
        if stem in text_stems:
            return stem
    return None


def load_polnear(directory: Path) -> list[PolnearDoc]:
    """Load a PolNeAR split (``text/*.txt`` + ``attributions/*.ann``), one doc per text file.

    When an article was annotated by several annotators, the first ``.ann`` file
    in sorted order is used. Texts without any annotation file are skipped.
    """
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError("not a PolNeAR split (needs text/ and attributions/)", source=str(directory))
    texts = {p.stem: p for p in sorted(text_dir.glob("*.txt"))}
    chosen: dict[str, Path] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        stem = _text_stem(ann_path.stem, set(texts))
        if stem is not None and stem not in chosen:
            chosen[stem] = ann_path
    docs: list[PolnearDoc] = []
    for stem, ann_path in sorted(chosen.items()):
        try:
            text = texts[stem].read_text(encoding="utf-8").removeprefix("\ufeff")
            ann = ann_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read: {exc}", source=str(ann_path)) from exc
        docs.append(PolnearDoc(stem, text, parse_ann(ann, str(ann_path))))
    return docs


def _length(frags: Fragments) -> int:
    return sum(end - start for start, end in frags)


def overlap(a: Fragments, b: Fragments) -> int:
    """Number of characters shared by two fragment lists."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def spans_match(pred: Fragments, gold: Fragments) -> bool:
    """True when the spans overlap by at least half the length of the longer one."""
    shared = overlap(pred, gold)
    return shared > 0 and 2 * shared >= max(_length(pred), _length(gold))


def greedy_match(preds: Sequence[Fragments], golds: Sequence[Fragments]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap, largest first; returns (pred, gold) index pairs."""
    pairs = sorted(
        (
            (overlap(p, g), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if spans_match(p, g)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _predictions(quotes: Iterable[QuoteSpan]) -> list[tuple[Fragments, Fragments | None]]:
    """Group predicted quotes sharing a cue into one attribution with several content fragments."""
    grouped: dict[tuple[int, int] | int, tuple[list[tuple[int, int]], Fragments | None]] = {}
    for n, q in enumerate(quotes):
        key: tuple[int, int] | int = n
        if q.cue_start is not None and q.cue_end is not None:
            key = (q.cue_start, q.cue_end)
        speaker: Fragments | None = None
        if q.speaker_start is not None and q.speaker_end is not None:
            speaker = ((q.speaker_start, q.speaker_end),)
        if key in grouped:
            grouped[key][0].append((q.content_start, q.content_end))
        else:
            grouped[key] = ([(q.content_start, q.content_end)], speaker)
    return [(tuple(frags), speaker) for frags, speaker in grouped.values()]


def evaluate_polnear(
    directory: Path, nlp: Language | None = None, limit: int | None = None, version: str = "v2"
) -> dict[str, float | int | str]:
    """Run :func:`~patronage.extract.quotes.spans.find_quotes` on a PolNeAR split and score it.

    ``version`` is the quote finder (``v2`` the trained model, ``v1`` the rules).

    Contents: predicted quotes that share a cue are one attribution with several
    fragments (a quote split around "he said"). A prediction matches a gold
    Content when they overlap by at least half the length of the longer one,
    matched one-to-one greedily by overlap.

    Speakers: ``speaker_accuracy`` is computed among matched contents whose gold
    attribution has a Source span; the predicted speaker is right when its span
    overlaps (by at least one character) the gold Source span.
    """
    from patronage.extract.quotes.spans import find_quotes

    if nlp is None:
        from patronage.nlp.loader import load_nlp

        nlp = load_nlp()
    docs = load_polnear(directory)[:limit] if limit is not None else load_polnear(directory)
    started = time.perf_counter()
    n_gold = n_pred = n_match = n_src = n_src_ok = 0
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        preds = _predictions(find_quotes(parsed, version))
        golds = doc.attributions
        matches = greedy_match([p[0] for p in preds], [g.content for g in golds])
        n_gold += len(golds)
        n_pred += len(preds)
        n_match += len(matches)
        for i, j in matches:
            gold_source = golds[j].source
            if gold_source is None:
                continue
            n_src += 1
            speaker = preds[i][1]
            if speaker is not None and overlap(speaker, gold_source) > 0:
                n_src_ok += 1
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "quotes": f"patronage.quotes.{version}",
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_matched": n_match,
        "content_precision": round(precision, 4),
        "content_recall": round(recall, 4),
        "content_f1": round(f1, 4),
        "n_speaker_scored": n_src,
        "speaker_accuracy": round(n_src_ok / n_src, 4) if n_src else 0.0,
        "seconds": round(time.perf_counter() - started, 2),
    }

"""How often each way of finding a quote's speaker is right on a PolNeAR split (for ``SPEAKER_CONFIDENCE``).

    .venv/bin/python scripts/speaker_confidence.py ../shared/data/polnear/data/dev [v2|v1]

Among predicted contents matching a gold content whose attribution has a Source, a speaker is right
when its span overlaps the gold Source (the ``eval polnear`` rule). Prints, for each way
(``speaker_how``), the count and the share right; and for the model's own sources, the share right
per band of its probability, to check that probability reads as a confidence. Run it on dev only.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from patronage.evaluate.polnear import greedy_match, load_polnear, overlap
from patronage.extract.quotes.spans import find_quotes
from patronage.nlp.loader import load_nlp


def main(split: Path, version: str) -> None:
    """Print the share of right speakers by way found and by model probability band."""
    docs = load_polnear(split)
    by_how: dict[str, list[bool]] = defaultdict(list)
    by_band: dict[float, list[bool]] = defaultdict(list)
    for gold, parsed in zip(docs, load_nlp().pipe(d.text for d in docs), strict=True):
        quotes = find_quotes(parsed, version)
        preds = [((q.content_start, q.content_end),) for q in quotes]
        for i, j in greedy_match(preds, [a.content for a in gold.attributions]):
            source, q = gold.attributions[j].source, quotes[i]
            if source is None or q.speaker_start is None or q.speaker_end is None:
                continue
            right = overlap(((q.speaker_start, q.speaker_end),), source) > 0
            by_how[q.speaker_how or "?"].append(right)
            if q.speaker_how == "model" and q.speaker_confidence is not None:
                by_band[min(0.9, int(q.speaker_confidence * 10) / 10)].append(right)
    for how, marks in sorted(by_how.items(), key=lambda kv: -len(kv[1])):
        print(f"{how:>14}  n={len(marks):5d}  right={sum(marks) / len(marks):.3f}")
    for band, marks in sorted(by_band.items()):
        print(f"  model p>={band:.1f}  n={len(marks):5d}  right={sum(marks) / len(marks):.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "v2")

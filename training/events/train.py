"""Train the event scorer on the annotated corpus sentences, report k-fold figures, write the weights.

usage: python training/events/train.py SHARED [--folds 5] [--out PATH] [--cache FILE] [--l2 X]

The scorer is a logistic regression estimating whether a candidate event's type is right; an
isotonic map fitted on the held-out folds turns its output into the share of *fully* right
events (type, polarity, source, target). Articles never straddle folds. The shipped weights
are trained on every annotated sentence, with the calibration of the held-out folds.
Deterministic: full-batch optimisation, no sampling; the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from dataset import Sample, SentenceGold, build, build_passages, iter_folds, load_annotations  # noqa: E402

from patronage.extract.events.score import EventScorer  # noqa: E402

OUT = Path(__file__).parents[2] / "src/patronage/extract/events/data/scorer.npz"


def fit(samples: list[Sample], l2: float, steps: int = 400, min_count: int = 2) -> EventScorer:
    """Logistic regression (type right?) by full-batch Adam; identity calibration."""
    counts = Counter(f for s in samples for f in set(s.features))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows, cols = [], []
    for i, s in enumerate(samples):
        for f in set(s.features):
            if (j := vocab.get(f)) is not None:
                rows.append(i)
                cols.append(j)
    row_ids, feat_ids = np.asarray(rows), np.asarray(cols)
    dense = np.stack([s.vector for s in samples]).astype(np.float64)
    mean, std = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    x = (dense - mean) / std
    y = np.array([1.0 if s.type_right else 0.0 for s in samples])
    n, v = len(samples), len(vocab)
    w, wd = np.zeros(v), np.zeros(x.shape[1])
    m = [np.zeros(v), np.zeros(x.shape[1])]
    q = [np.zeros(v), np.zeros(x.shape[1])]
    for step in range(1, steps + 1):
        z = np.bincount(row_ids, weights=w[feat_ids], minlength=n) + x @ wd
        g = (1.0 / (1.0 + np.exp(-z)) - y) / n
        grads = (np.bincount(feat_ids, weights=g[row_ids], minlength=v) + l2 * w, x.T @ g + l2 * wd)
        for k, (param, grad) in enumerate(zip((w, wd), grads, strict=True)):
            m[k] = 0.9 * m[k] + 0.1 * grad
            q[k] = 0.999 * q[k] + 0.001 * grad * grad
            param -= 0.05 * (m[k] / (1 - 0.9**step)) / (np.sqrt(q[k] / (1 - 0.999**step)) + 1e-8)
    identity = np.array([[0.0, 1.0], [0.0, 1.0]])
    return EventScorer(
        vocab,
        w.astype(np.float32),
        wd.astype(np.float32),
        mean.astype(np.float32),
        (1.0 / std).astype(np.float32),
        identity,
    )


def isotonic(raw: np.ndarray, target: np.ndarray, bins: int = 20) -> np.ndarray:
    """Knots of a non-decreasing map from raw score to the share of ``target`` (pool adjacent violators)."""
    order = np.argsort(raw, kind="stable")
    r, t = raw[order], target[order].astype(float)
    blocks = [[float(t[i]), 1.0, float(r[i]), float(r[i])] for i in range(len(r))]  # sum, weight, lo, hi
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][0] / merged[-2][1] >= merged[-1][0] / merged[-1][1]:
            last = merged.pop()
            merged[-1] = [merged[-1][0] + last[0], merged[-1][1] + last[1], merged[-1][2], last[3]]
    xs = [0.0] + [(b[2] + b[3]) / 2 for b in merged] + [1.0]
    ys = [merged[0][0] / merged[0][1]] + [b[0] / b[1] for b in merged] + [merged[-1][0] / merged[-1][1]]
    # thin to at most ``bins`` knots, keeping the ends
    keep = np.unique(np.linspace(0, len(xs) - 1, min(len(xs), bins + 2)).round().astype(int))
    return np.array([[xs[i] for i in keep], [ys[i] for i in keep]])


def cross_validate(samples: list[Sample], passages: list[Sample], folds: int, l2: float) -> np.ndarray:
    """Held-out raw scores of every annotated sample, each from a model trained on the other folds
    (plus every labelled passage: passages never appear among the scored samples)."""
    raw = np.zeros(len(samples))
    for held in iter_folds([s.doc_id for s in samples], folds):
        scorer = fit([s for s in samples if s.doc_id not in held] + passages, l2)
        for i, s in enumerate(samples):
            if s.doc_id in held:
                raw[i] = scorer.raw(s.features, s.vector)
    return raw


def table(golds: list[SentenceGold], samples: list[Sample], conf: np.ndarray) -> list[dict[str, float]]:
    """Precision and recall (type and full) of the events kept at each confidence threshold."""
    n_gold = sum(len(g.events) for g in golds)
    rows = []
    for t in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        kept = conf >= t
        n = int(kept.sum())
        type_ok = sum(s.type_right for s, k in zip(samples, kept, strict=True) if k)
        full_ok = sum(s.full_right for s, k in zip(samples, kept, strict=True) if k)
        rows.append(
            {
                "threshold": t,
                "events": n,
                "type_precision": round(type_ok / n, 3) if n else 0.0,
                "type_recall": round(type_ok / n_gold, 3),
                "full_precision": round(full_ok / n, 3) if n else 0.0,
                "full_recall": round(full_ok / n_gold, 3),
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=None, help="reuse the parsed candidates from this pickle")
    ap.add_argument("--l2", type=float, default=1e-3)
    ns = ap.parse_args()
    if ns.cache is not None and ns.cache.exists():
        samples, golds, passages = pickle.loads(ns.cache.read_bytes())
    else:
        rows, articles = load_annotations(ns.shared)
        samples, golds = build(rows, articles)
        passages = build_passages(ns.shared / "data" / "voa_snippets" / "train.jsonl")
        if ns.cache is not None:
            ns.cache.write_bytes(pickle.dumps((samples, golds, passages)))
    print(
        json.dumps(
            {
                "sentences": len(golds),
                "gold_events": sum(len(g.events) for g in golds),
                "candidates": len(samples),
                "type_right": sum(s.type_right for s in samples),
                "full_right": sum(s.full_right for s in samples),
            }
        )
    )
    print(
        json.dumps(
            {"passages_candidates": len(passages), "passages_type_right": sum(p.type_right for p in passages)}
        )
    )
    raw = cross_validate(samples, passages, ns.folds, ns.l2)
    knots = isotonic(raw, np.array([s.full_right for s in samples]))
    conf = np.interp(raw, knots[0], knots[1])
    for row in table(golds, samples, conf):
        print(json.dumps({"cv_folds": ns.folds, **row}))
    for lo in np.arange(0.0, 1.0, 0.1):
        sel = (conf >= lo) & (conf < lo + 0.1)
        if sel.any():
            full = np.mean([s.full_right for s, k in zip(samples, sel, strict=True) if k])
            print(
                json.dumps(
                    {
                        "calibration_bin": round(float(lo), 1),
                        "events": int(sel.sum()),
                        "fully_right": round(float(full), 3),
                    }
                )
            )
    final = fit(samples + passages, ns.l2)
    scorer = EventScorer(final.vocab, final.weights, final.dense, final.mean, final.scale, knots)
    ns.out.write_bytes(scorer.save())
    print(f"wrote {ns.out} ({ns.out.stat().st_size} bytes, {len(scorer.vocab)} features)")


if __name__ == "__main__":
    main()

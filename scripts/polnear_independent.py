"""Score ``patronage export quotes`` against PolNeAR's brat gold, independently of ``patronage.evaluate``.

    .venv/bin/python scripts/polnear_independent.py ../shared/data/polnear/data/dev [--keep DIR] [--json]

Runs the public CLI as a user would: ``patronage run`` on the split's texts (a JSONL file, one
article per text, its file name as id) into a temporary store, then ``patronage export quotes``
(JSONL). The exported quotes are scored here with code of this script alone:

- gold: for each text, the first ``<name>_<annotator>.ann`` file in sorted order; every ``E``
  attribution with a ``Content`` span (fragments ``"a b;c d"``), and its ``Source`` when annotated;
- a quote record is placed in the article by finding its words (``text``; a statement's
  quotation pieces are joined by " … ", its reported pieces by a space) from its sentence
  (``evidence.start``) on, whitespace-tolerant, as one or more fragments;
- records of one article that share their cue word, their speaker's words and the sentence their
  evidence opens with (a quotation continued after its cue is evidenced from the cue's sentence
  on), and follow one another, are one attribution, as the own eval joins the pieces of one cue;
- a prediction matches a gold content when they share at least half the characters of the
  longer of the two, one-to-one, greedily by shared characters;
- a speaker is right when the speaker's words (``speaker_text``), found in the quote's evidence
  sentences outside the quote's own words (nearest the quote), overlap the gold Source; counted
  among matched contents whose gold has a Source.

Run it on dev while developing; the test split is scored once, at the end.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

Frags = list[tuple[int, int]]


def read_gold(split: Path) -> dict[str, tuple[str, list[tuple[Frags, Frags | None]]]]:
    """Each text of the split with its attributions: (content fragments, source fragments or None)."""
    texts = {p.stem: p for p in sorted((split / "text").glob("*.txt"))}
    chosen: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem
        while stem not in texts and "_" in stem:
            stem = stem.rsplit("_", 1)[0]
        if stem in texts and stem not in chosen:
            chosen[stem] = ann
    out: dict[str, tuple[str, list[tuple[Frags, Frags | None]]]] = {}
    for stem, ann in sorted(chosen.items()):
        text = texts[stem].read_text(encoding="utf-8").removeprefix("\ufeff")
        spans: dict[str, Frags] = {}
        events: list[dict[str, str]] = []
        for line in ann.read_text(encoding="utf-8").split("\n"):
            cols = line.split("\t")
            ident = cols[0]
            if len(cols) < 2 or not re.fullmatch(r"[TE]\d+", ident):
                continue  # a span text crossing a newline continues on its own line
            if ident[0] == "T":
                _kind, _, spec = cols[1].partition(" ")
                spans[ident] = [(int(a), int(b)) for a, b in (part.split() for part in spec.split(";"))]
            else:
                events.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
        atts = [
            (spans[e["Content"]], spans.get(e.get("Source", ""))) for e in events if e.get("Content") in spans
        ]
        out[stem] = (text, atts)
    return out


def patronage_cli() -> list[str]:
    """The ``patronage`` command of the running interpreter's environment."""
    beside = Path(sys.executable).parent / "patronage"
    found = str(beside) if beside.exists() else shutil.which("patronage")
    if found is None:
        sys.exit("error: no patronage command found")
    return [found]


def export_quotes(gold: dict[str, tuple[str, list[tuple[Frags, Frags | None]]]], work: Path) -> list[dict]:
    """Run the pipeline on the texts and return the exported quote records."""
    articles = work / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for stem, (text, _) in gold.items():
            out.write(json.dumps({"id": stem, "text": text}) + "\n")
    db, exported = work / "store.duckdb", work / "quotes.jsonl"
    cli = patronage_cli()
    subprocess.run([*cli, "run", str(articles), "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*cli, "export", "quotes", "--db", str(db), "-o", str(exported)], check=True)
    return [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines() if line]


def _pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def place(text: str, quote: str, hint: int) -> Frags:
    """Character fragments of ``quote``'s words in ``text``, searched from ``hint`` on: the longest
    run of words found next, then the rest after it (a statement joins pieces cut by its cue)."""
    frags: Frags = []
    at = max(0, hint - 2)
    for piece in quote.split(" … "):
        words = piece.split()
        while words:
            for k in range(len(words), 0, -1):
                found = _pattern(words[:k]).search(text, at)
                if found is not None and (frags or k == len(words) or found.start() - at < 2000):
                    frags.append((found.start(), found.end()))
                    at, words = found.end(), words[k:]
                    break
            else:
                words = words[1:]  # a word not in the text (tidied away): skip it
    return frags


def find_speaker(text: str, words: str, content: Frags, evidence: tuple[int, int]) -> Frags | None:
    """Where the speaker's ``words`` are: the occurrence in the quote's evidence (its sentences, which
    hold the speaker) outside the quote's own words, nearest the quote; else the nearest anywhere."""
    near = content[0][0]
    found = [(m.start(), m.end()) for m in _pattern(words.split()).finditer(text)]
    inside = [f for f in found if evidence[0] <= f[0] and f[1] <= evidence[1] and shared([f], content) == 0]
    best = min(inside or found, key=lambda f: abs(f[0] - near), default=None)
    return [best] if best is not None else None


def shared(a: Frags, b: Frags) -> int:
    """Characters two fragment lists have in common."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def size(a: Frags) -> int:
    """Characters of a fragment list."""
    return sum(e - s for s, e in a)


def score(gold: dict[str, tuple[str, list[tuple[Frags, Frags | None]]]], records: list[dict]) -> dict:
    """Content precision, recall and F1, and speaker accuracy, of the records against the gold."""
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["evidence"]["doc_id"], []).append(r)
    n_gold = n_pred = n_match = n_src = n_src_ok = unplaced = 0
    for stem, (text, atts) in gold.items():
        preds: list[tuple[Frags, Frags | None]] = []
        key_before = None
        for r in sorted(by_doc.get(stem, []), key=lambda r: r["evidence"]["start"]):
            frags = place(text, r["text"], r["evidence"]["start"])
            if not frags:
                unplaced += 1
                continue
            evidence = (r["evidence"]["start"], r["evidence"].get("end", len(text)))
            speaker = (
                find_speaker(text, r["speaker_text"], frags, evidence) if r.get("speaker_text") else None
            )
            key = (r.get("cue"), r.get("speaker_text"), r["evidence"]["start"])
            if key[0] is not None and key == key_before:
                preds[-1][0].extend(frags)  # the next piece of the same attribution
            else:
                preds.append((frags, speaker))
            key_before = key
        pairs = sorted(
            (
                (shared(p, g), i, j)
                for i, (p, _) in enumerate(preds)
                for j, (g, _) in enumerate(atts)
                if 2 * shared(p, g) >= max(size(p), size(g)) > 0 and shared(p, g) > 0
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            source = atts[j][1]
            if source is not None:
                n_src += 1
                speaker = preds[i][1]
                n_src_ok += speaker is not None and shared(speaker, source) > 0
        n_gold += len(atts)
        n_pred += len(preds)
        n_match += len(used_p)
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n_docs": len(gold),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_matched": n_match,
        "n_records": len(records),
        "n_unplaced": unplaced,
        "content_precision": round(precision, 4),
        "content_recall": round(recall, 4),
        "content_f1": round(f1, 4),
        "n_speaker_scored": n_src,
        "speaker_accuracy": round(n_src_ok / n_src, 4) if n_src else 0.0,
    }


def main() -> None:
    """Run, export and score one PolNeAR split."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR split directory (text/ and attributions/)")
    parser.add_argument("--keep", type=Path, help="keep the store and the export in this directory")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    gold = read_gold(args.split)
    if not gold:
        sys.exit(f"error: no annotated texts in {args.split}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        records = export_quotes(gold, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="polnear-") as work:
            records = export_quotes(gold, Path(work))
    figures = score(gold, records)
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(
        f"{args.split.name}: {figures['n_docs']} articles, {figures['n_gold']} gold, "
        f"{figures['n_pred']} predicted ({figures['n_records']} quote records, "
        f"{figures['n_unplaced']} not found in the text)"
    )
    print(
        "content P / R / F1: {content_precision:.3f} / {content_recall:.3f} / {content_f1:.3f}; "
        "speaker {speaker_accuracy:.3f} of {n_speaker_scored}".format(**figures)
    )


if __name__ == "__main__":
    main()

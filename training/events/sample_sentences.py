"""Draw sentences from the real-news corpora in ../shared/corpora for exhaustive event annotation.

The annotations (``annotations/*.jsonl``) train and cross-validate the event detector. They refer to
sentences by article id and character offsets into the corpus text, so no article text is copied into
the project: ``load_sentences`` re-reads the text from ../shared.

Articles of the real-news dev set (../shared/checks/realnews) are never drawn. Sentences are split by a
regular expression (exact substrings; fragments under 40 characters dropped), as the dev set was, and
drawn at random inside each article, not chosen for holding an event.

usage: python training/events/sample_sentences.py SHARED OUT.jsonl [--articles N] [--per-article K] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n|$)")
_INTERNATIONAL = re.compile(
    r"\b(sanction\w*|asylum|summit|treaty|embassy|ambassador|troops|missile|ceasefire|refugee\w*|"
    r"Russia\w*|China|Chinese|Iran\w*|Syria\w*|Ukrain\w*|Israel\w*|Palestin\w*|North Korea\w*|"
    r"Afghan\w*|Iraq\w*|Venezuela\w*|Cuba\w*|Mexic\w*|Turk\w*|Saudi\w*|NATO|United Nations|European Union)\b"
)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence-like run of at least 40 characters, trimmed of spaces."""
    for m in _SENT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 40:
            yield start, end


def corpus_articles(shared: Path) -> Iterator[dict[str, str]]:
    """Every article of the two corpora as {id, title, date, text, corpus}."""
    with open(shared / "corpora/allsides/articles_sample10k.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("content_original") or ""
            yield {
                "id": "as-" + row["ID"],
                "title": row.get("title") or "",
                "date": row.get("date") or "",
                "text": text,
                "corpus": "allsides",
                "topic": row.get("topic") or "",
            }
    for path in sorted((shared / "corpora/bbc/politics").glob("*.txt")):
        raw = path.read_text(encoding="latin-1")
        title, _, body = raw.partition("\n")
        yield {
            "id": "bbc-" + path.stem,
            "title": title.strip(),
            "date": "2005-01-01",
            "text": body,
            "corpus": "bbc",
            "topic": "politics",
        }


def load_sentences(shared: Path, refs: list[dict[str, object]]) -> dict[tuple[str, int], str]:
    """The sentence text of each (doc_id, start) reference, re-read from the corpora."""
    wanted = {str(r["doc_id"]) for r in refs}
    texts = {a["id"]: a["text"] for a in corpus_articles(shared) if a["id"] in wanted}
    return {
        (str(r["doc_id"]), int(r["start"])): texts[str(r["doc_id"])][int(r["start"]) : int(r["end"])]  # type: ignore[call-overload]
        for r in refs
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--per-article", type=int, default=5)
    ap.add_argument("--seed", type=int, default=2026)
    ns = ap.parse_args()
    rng = random.Random(ns.seed)
    with open(ns.shared / "checks/realnews/articles.jsonl", encoding="utf-8") as fh:
        dev = {json.loads(line)["id"] for line in fh}
    pools: dict[str, list[dict[str, str]]] = {"international": [], "domestic": [], "bbc": []}
    for art in corpus_articles(ns.shared):
        if art["id"] in dev or not 1500 <= len(art["text"]) <= 12000:
            continue
        if art["corpus"] == "bbc":
            pools["bbc"].append(art)
        elif _INTERNATIONAL.search(art["text"]):
            pools["international"].append(art)
        else:
            pools["domestic"].append(art)
    share = {"international": 0.5, "domestic": 0.25, "bbc": 0.25}
    chosen: list[dict[str, str]] = []
    for name, pool in pools.items():
        chosen += rng.sample(pool, min(len(pool), round(ns.articles * share[name])))
    rng.shuffle(chosen)
    with open(ns.out, "w", encoding="utf-8") as out:
        for art in chosen:
            spans = list(sentences(art["text"]))
            for start, end in sorted(rng.sample(spans, min(ns.per_article, len(spans)))):
                out.write(json.dumps({"doc_id": art["id"], "start": start, "end": end}) + "\n")


if __name__ == "__main__":
    main()

"""Time the project's own analysis (resolution and extraction) apart from spaCy's parse.

usage: python scripts/analysis_time.py [--articles 100] [--passes 4]

Parses the first ARTICLES articles of the AllSides sample once, then analyses the parsed documents
PASSES times and prints the process CPU seconds of each pass and the best. The best of several
passes is steadier than a single timing on a machine whose speed moves between runs; compare two
versions by running this with each one's ``src`` on PYTHONPATH, alternately.
"""

from __future__ import annotations

import argparse
import time

from patronage.analysis import Analyser
from patronage.clean import clean_text
from patronage.commands.bench import _load, default_corpus
from patronage.config import load_settings
from patronage.model.records import CleanArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--passes", type=int, default=4)
    args = parser.parse_args()
    analyser = Analyser.from_settings(load_settings())
    articles = []
    for raw in _load(default_corpus(), args.articles):
        title, text, _ = clean_text(raw["title"], raw["text"])
        articles.append(CleanArticle(raw["id"], title, text, raw["date"], None, None, "bench", raw["id"]))
    parsed = [(a, doc) for a, doc in analyser.parse(articles) if not isinstance(doc, Exception)]
    analyser.analyse_doc(*parsed[0])  # loads the lexicon, name index and models
    seconds = []
    for _ in range(args.passes):
        start = time.process_time()
        for article, doc in parsed:
            analyser.analyse_doc(article, doc)
        seconds.append(time.process_time() - start)
    print(
        f"{len(parsed)} articles: best {min(seconds):.2f} s; passes " + " ".join(f"{s:.2f}" for s in seconds)
    )


if __name__ == "__main__":
    main()

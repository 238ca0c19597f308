"""Write the annotated corpus sentences as a real-news check set (articles + gold JSONL files).

The files have the layout ``../shared/checks/realnews.py`` reads, so the same script scores
patronage on these 2,000 sentences as on the 160 of the dev set. They hold article text, so
they are written outside the project (default: a temporary folder).

usage: python training/events/check_files.py SHARED OUTDIR [BATCH,...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dataset import load_annotations  # noqa: E402


def main() -> None:
    shared, out = Path(sys.argv[1]), Path(sys.argv[2])
    batches = {int(b) for b in sys.argv[3].split(",")} if len(sys.argv) > 3 else None
    out.mkdir(parents=True, exist_ok=True)
    rows, articles = load_annotations(shared)
    rows = [r for r in rows if batches is None or r["batch"] in batches]
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fh:
        for doc_id in sorted({r["doc_id"] for r in rows}):
            art = articles[doc_id]
            fh.write(
                json.dumps(
                    {"id": doc_id, "title": art["title"], "date": art["date"] or None, "text": art["text"]},
                    ensure_ascii=False,
                )
                + "\n"
            )
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(
                json.dumps(
                    {
                        "doc_id": r["doc_id"],
                        "sentence": r["sentence"],
                        "events": r["events"],
                        "relations": r.get("relations", []),
                        "political": r.get("political", True),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


if __name__ == "__main__":
    main()

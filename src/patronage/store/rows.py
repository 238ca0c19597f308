"""The rows one analysed article writes, by table name, each a ``{column: value}`` dict."""

from __future__ import annotations

from typing import Any

from patronage.model.records import Actor, AnalysedArticle, known_to_gazetteer
from patronage.store.search import word_rows
from patronage.store.tables import EVENTS, MENTIONS, QUOTES, RELATIONS, ROLES, SENTENCES

__all__ = ["Row", "actor_origin", "article_rows"]

Row = dict[str, Any]


def actor_origin(actor: Actor) -> str:
    """Where an actor comes from: ``gazetteer`` (known roles or a Wikidata id) or ``text``."""
    return "gazetteer" if known_to_gazetteer(actor) else "text"


def article_rows(result: AnalysedArticle) -> dict[str, list[Row]]:
    """All rows of one analysed article, by table name (``articles`` and ``actors`` excluded)."""
    doc = result.article.doc_id
    lowered = [(s.idx, s.text.lower()) for s in result.sentences]
    return {
        "sentences": [SENTENCES.row(s) for s in result.sentences],
        "sentence_search": [{"doc_id": doc, "idx": idx, "text": text} for idx, text in lowered],
        # the word index of those lowercased sentences (``store.search``)
        "sentence_words_new": [row for idx, text in lowered for row in word_rows(doc, idx, text)],
        "mentions": [MENTIONS.row(m) for m in result.mentions],
        "article_actors": [{"doc_id": doc, "actor_id": a.actor_id} for a in result.actors],
        # what cleaning took out (captions, credits, link cards…), kept so it can be inspected
        "removed_lines": [
            {"doc_id": doc, "idx": i, "text": line} for i, line in enumerate(result.article.removed_lines)
        ],
        "roles": [
            ROLES.row(r, actor_id=a.actor_id, doc_id=doc)
            for a in result.actors
            for r in a.roles
            if r.origin == "text"
        ],
        "events": [EVENTS.row(e) for e in result.events],
        "quotes": [QUOTES.row(q) for q in result.quotes],
        "relations": [RELATIONS.row(r) for r in result.relations],
    }

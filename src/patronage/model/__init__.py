"""Data types shared by every stage."""

from patronage.model.records import (
    Actor,
    ActorRef,
    AnalysedArticle,
    Article,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Quote,
    Relation,
    Role,
    Sentence,
)

__all__ = [
    "Actor",
    "ActorRef",
    "AnalysedArticle",
    "Article",
    "CleanArticle",
    "DateValue",
    "Event",
    "Evidence",
    "Failure",
    "Mention",
    "Place",
    "Quote",
    "Relation",
    "Role",
    "Sentence",
]

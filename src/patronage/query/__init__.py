"""The query stage: actor profiles as of a date, paths between actors, and sentence search."""

from patronage.query.paths import shortest_path
from patronage.query.profile import actor_profile, find_actors
from patronage.query.search import SentenceHit, search_sentences

__all__ = ["SentenceHit", "actor_profile", "find_actors", "search_sentences", "shortest_path"]

"""The query stage: typed reads of the store, actor profiles as of a date, networks, paths, search.

:class:`Reader` (what ``patronage.open`` returns) gathers them over one read-only store.
"""

from patronage.query.paths import shortest_path
from patronage.query.profile import actor_profile, find_actors
from patronage.query.reader import Reader
from patronage.query.search import SentenceHit, search_sentences

__all__ = ["Reader", "SentenceHit", "actor_profile", "find_actors", "search_sentences", "shortest_path"]

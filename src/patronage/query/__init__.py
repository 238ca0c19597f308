"""The query stage: actor profiles as of a date, and paths between actors."""

from patronage.query.paths import shortest_path
from patronage.query.profile import actor_profile, find_actors

__all__ = ["actor_profile", "find_actors", "shortest_path"]

"""Relations between actors: stated outright (``statements``) or implied by events (``implied``)."""

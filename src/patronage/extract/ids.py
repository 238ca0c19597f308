"""Stable ids and the provenance name of extracted facts."""

from __future__ import annotations

import hashlib

__all__ = ["EXTRACTOR", "fact_id"]

#: provenance of facts built by the extract stage, stored with their evidence
EXTRACTOR = "patronage.extract.v1"


def fact_id(*parts: object) -> str:
    """A 16-hex-digit id that is the same whenever ``parts`` are (re-runs keep ids)."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]

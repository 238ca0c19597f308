"""Stable document ids and content hashes."""

from __future__ import annotations

import hashlib
import unicodedata

__all__ = ["content_hash", "make_doc_id"]


def content_hash(*parts: str | None) -> str:
    """A hex SHA-256 of the given parts, stable across runs and platforms."""
    h = hashlib.sha256()
    for part in parts:
        h.update(unicodedata.normalize("NFC", part or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def make_doc_id(given: object, title: str | None, body: str | None) -> str:
    """The given id as a string, or ``sha256:<16 hex>`` of the content when none is given."""
    if given is not None and str(given).strip():
        return str(given).strip()
    return "sha256:" + content_hash(title, body)[:16]

"""The ingest stage: files, directories, JSONL and stdin to :class:`Article` records."""

from patronage.ingest.readers import read_inputs

__all__ = ["read_inputs"]

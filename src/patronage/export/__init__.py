"""The export stage: JSONL, CSV and Parquet of every table, following DESIGN.md's schema."""

from patronage.export.tables import KINDS, rows_for
from patronage.export.writers import FORMATS, write_csv, write_jsonl, write_parquet

__all__ = ["FORMATS", "KINDS", "rows_for", "write_csv", "write_jsonl", "write_parquet"]

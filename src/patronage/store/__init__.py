"""The store stage: the DuckDB database and its schema."""

from patronage.store.db import Store
from patronage.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store"]

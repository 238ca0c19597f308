"""patronage: news articles in, an evidence-linked network of political actors and PLOVER/CAMEO events out."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from patronage.errors import (
    ConfigError,
    ExtractionError,
    InputError,
    ModelError,
    PatronageError,
    StoreError,
)

try:
    __version__ = version("patronage")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

__all__ = [
    "ConfigError",
    "ExtractionError",
    "InputError",
    "ModelError",
    "PatronageError",
    "StoreError",
    "__version__",
]

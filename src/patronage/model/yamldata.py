"""YAML the project ships (lexicon, vocabulary, gazetteer, name lists), read with a safe loader.

libyaml's loader is used where PyYAML was built with it (about six times faster than the
pure-Python one, which stands in otherwise); both build the same plain values.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["SAFE_LOADER", "load_yaml"]

#: the fastest safe loader this PyYAML has
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The plain values of one YAML document (raises :class:`yaml.YAMLError` when it does not parse)."""
    return yaml.load(text, Loader=SAFE_LOADER)

"""The package's shape, as STYLE.md sets it: small modules split by concept, no ``utils``."""

from __future__ import annotations

import statistics
from pathlib import Path

import patronage

SRC = Path(patronage.__file__).parent


def _modules() -> dict[str, int]:
    return {
        str(path.relative_to(SRC)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SRC.rglob("*.py")
    }


def test_no_module_is_over_500_lines() -> None:
    assert {name: n for name, n in _modules().items() if n > 500} == {}


def test_the_median_module_is_at_most_200_lines() -> None:
    assert statistics.median(_modules().values()) <= 200


def test_there_is_no_utils_module() -> None:
    assert not [name for name in _modules() if Path(name).stem in ("utils", "util", "helpers", "misc")]

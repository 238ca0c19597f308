"""The library face: ``patronage.analyse``, ``patronage.open`` and the package's exported names."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import types

import pytest

import patronage
from patronage.model.records import Event, Quote, Relation


def test_all_is_sorted_and_is_what_the_package_exports() -> None:
    exported = {
        name
        for name, value in vars(patronage).items()
        if (not name.startswith("_") or name == "__version__") and not isinstance(value, types.ModuleType)
    }
    assert patronage.__all__ == sorted(patronage.__all__)
    assert set(patronage.__all__) == exported


def test_importing_the_package_loads_neither_spacy_nor_duckdb() -> None:
    code = "import sys, patronage; print(sorted(m for m in ('spacy', 'duckdb') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyse_one_text_gives_its_events_dated_against_the_document_date() -> None:
    facts = patronage.analyse("Vladimir Putin met Bashar al-Assad in Moscow on Tuesday.", date="2015-10-21")
    assert all(isinstance(f, Event | Quote | Relation) for f in facts)
    (consult,) = [f for f in facts if isinstance(f, Event)]
    assert consult.type == "CONSULT" and consult.date.value == "2015-10-20"
    assert consult.source is not None and consult.source.name == "Vladimir Putin"
    assert consult.target is not None and consult.target.name == "Bashar al-Assad"
    assert consult.location is not None and consult.location.country == "RUS"
    assert patronage.analyse("Vladimir Putin met Bashar al-Assad in Moscow.", date=dt.date(2015, 10, 21))


def test_analyse_names_bad_input() -> None:
    with pytest.raises(patronage.InputError):
        patronage.analyse("Iran threatened Israel.", date="2015-13-01")
    with pytest.raises(patronage.InputError):
        patronage.analyse("   ")

from __future__ import annotations

import csv
import io
import json

from patronage.export.safe import safe_cell
from patronage.export.writers import flatten, write_csv, write_jsonl


def test_formula_cells_are_neutralised() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("+1") == "'+1"
    assert safe_cell("@SUM") == "'@SUM"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("plain") == "plain"
    assert safe_cell(-3) == -3


def test_flatten_nested_and_lists() -> None:
    row = {"a": 1, "source": {"name": "Russia", "country": "RUS"}, "context": ["asylum"], "target": None}
    empty_target = {f"target_{f}": None for f in ("actor_id", "name", "kind", "country", "sector", "text")}
    assert flatten(row) == {
        "a": 1,
        "source_name": "Russia",
        "source_country": "RUS",
        "context": '["asylum"]',
        **empty_target,  # a null actor keeps its columns
    }


def test_csv_header_is_union_of_columns() -> None:
    rows = [{"id": 1, "extra": None}, {"id": 2, "extra": {"name": "=cmd"}}]
    out = io.StringIO()
    assert write_csv(rows, out) == 2
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0] == ["id", "extra", "extra_name"]
    assert parsed[2] == ["2", "", "'=cmd"]


def test_jsonl_keeps_unicode() -> None:
    out = io.StringIO()
    write_jsonl([{"s": "Putin’s"}], out)
    assert json.loads(out.getvalue()) == {"s": "Putin’s"}
    assert "’" in out.getvalue()

"""An actor is a node of its article only when the article names it as more than a setting."""

from __future__ import annotations

import pytest

from tests.conftest import analyse_text


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("The senator worried about drones used in places like Afghanistan and Yemen.", set()),
        ("Barack Obama spoke on a panel at the National Press Club on Monday.", {"Barack Obama"}),
        ("Saudi Arabia bombed Yemen in 2015.", {"Saudi Arabia", "Yemen"}),
    ],
)
def test_a_state_or_body_named_only_as_a_setting_is_no_node(text: str, nodes: set[str]) -> None:
    assert {a.name for a in analyse_text(text, "2019-05-01").actors} == nodes

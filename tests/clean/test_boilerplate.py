from __future__ import annotations

import pytest

from patronage.clean.boilerplate import filter_lines, is_boilerplate, strip_glued_prefix


@pytest.mark.parametrize(
    "line",
    [
        "Click here to continue reading…",
        "Exit mobile version",
        "The New York Times",
        "Reuters",
        "Dela.",
        "Share this article",
        "Subscribe to our newsletter",
        "Advertisement",
        "© 2024 Example Media. All rights reserved.",
        "Follow us on Twitter",
        "By Jane Doe and John Roe",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The president said he would share intelligence with Kyiv.",
        "By the end of the year, the army had withdrawn from the city and the talks had resumed.",
        "Reuters reported that the talks had stalled.",
        "",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_glued_prefix_is_removed() -> None:
    assert strip_glued_prefix("Exit mobile versionLeaders Meet in Sochi") == "Leaders Meet in Sochi"
    kept, removed = filter_lines(
        ["Exit mobile versionLeaders Meet in Sochi", "Body.", "Click here to continue reading…"]
    )
    assert kept == ["Leaders Meet in Sochi", "Body."]
    assert removed == ["Exit mobile version", "Click here to continue reading…"]

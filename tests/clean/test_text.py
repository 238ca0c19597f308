from __future__ import annotations

import pytest

from patronage.clean import clean_article
from patronage.clean.text import clean_text, normalise
from patronage.errors import InputError
from patronage.model.records import Article


def test_normalise_removes_invisible_and_unifies_space() -> None:
    assert normalise("a\u200bb\u00a0c\r\nd\u202e") == "ab c\nd"


def test_clean_text_puts_title_first_and_collapses_blank_lines() -> None:
    title, text, removed = clean_text("Headline", "Para one.\n\n\n\nPara two.\nThe New York Times")
    assert title == "Headline"
    assert text == "Headline\n\nPara one.\n\nPara two."
    assert removed == ["The New York Times"]


def test_html_article_is_extracted() -> None:
    html = (
        "<html><head><title>Envoy meets minister</title></head><body><nav>Home | World</nav>"
        "<article><h1>Envoy meets minister</h1>"
        + "".join(
            f"<p>The envoy met the minister in Geneva for the {i}th round of talks on the ceasefire.</p>"
            for i in range(6)
        )
        + "</article><footer>Share this article</footer></body></html>"
    )
    clean, warnings = clean_article(Article("h1", "", html=html, origin="x.html"))
    assert clean.title == "Envoy meets minister"
    assert "round of talks" in clean.text
    assert "Share this article" not in clean.text
    assert warnings == []


def test_empty_after_cleaning_is_an_input_error() -> None:
    with pytest.raises(InputError):
        clean_article(Article("e", "", text="Click here to continue reading…\nExit mobile version"))


def test_huge_article_is_cut_at_a_paragraph_with_a_warning() -> None:
    body = "\n\n".join(f"Sentence number {i} is here." for i in range(2000))
    clean, warnings = clean_article(Article("big", "T", text=body), max_chars=5000)
    assert len(clean.text) <= 5000
    assert clean.text.endswith("is here.")
    assert warnings and "cut" in warnings[0]

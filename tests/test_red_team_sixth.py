"""Issue #20, the sixth (blind) red-team pass: its finding, through the cleaning every article passes."""

from __future__ import annotations

import re

import pytest

from patronage.clean import clean_article
from patronage.model.records import Article


@pytest.mark.parametrize("symbol", ['"', "#", "&", "“"])
def test_an_endless_run_of_one_symbol_is_cut_before_the_tokenizer(symbol: str) -> None:
    """C1: 20,000 quotation marks took 115 s in spaCy's tokenizer (time grows with the square of the run)."""
    body = symbol * 20_000 + " Emmanuel Macron met Olaf Scholz in Berlin."
    cleaned, _warnings = clean_article(Article("c", symbol * 5_000 + " Talks", text=body, origin="c"))
    runs = [len(m.group()) for m in re.finditer(r"[^\w\s]+", cleaned.text)]
    assert max(runs) == 50
    assert "Emmanuel Macron met Olaf Scholz in Berlin." in cleaned.text


def test_ordinary_punctuation_is_kept() -> None:
    body = 'He said: "Wait..." -- and left?! (Really.) #news & more: ***'
    cleaned, _warnings = clean_article(Article("p", "Talks", text=body, origin="p"))
    assert body in cleaned.text

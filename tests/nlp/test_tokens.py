"""The token table: plain lists that say what spaCy's Token objects say, read once per document."""

from __future__ import annotations

from patronage.nlp.loader import load_nlp
from patronage.nlp.tokens import token_table

TEXT = (
    "Russia granted Edward Snowden asylum in 2013, officials in Moscow said.\n\n"
    "“He will stay,” Vladimir Putin's spokesman told reporters on Tuesday."
)


def test_every_list_matches_the_tokens() -> None:
    doc = load_nlp()(TEXT)
    table = token_table(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert table.ent == [t.ent_type_ for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert "PERSON" in table.ent and "GPE" in table.ent


def test_one_table_per_document_and_positions_by_text() -> None:
    nlp = load_nlp()
    doc, other = nlp(TEXT), nlp("Putin met Assad. Putin left.")
    assert token_table(doc) is token_table(doc)
    assert token_table(other) is not token_table(doc)
    assert token_table(other).at("Putin") == [t.i for t in other if t.text == "Putin"] == [0, 4]
    assert token_table(other).at("Xi") == []

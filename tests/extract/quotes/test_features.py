"""Features of the attribution model read from the parse: subtree edges, tags, clauses set off by commas."""

from __future__ import annotations

from patronage.extract.quotes.features import (
    CUE_TEMPLATES,
    PAIR_TEMPLATES,
    DocView,
    cue_features,
    feature_name,
    hash_keys,
    hash_rows,
    pair_features,
    pair_keys,
)
from patronage.nlp.loader import load_nlp


def test_left_edges_tags_and_colons_match_the_parse() -> None:
    doc = load_nlp()("Officials said: the old bridge, which opened in 1950, was never safe.")
    view = DocView(doc)
    assert view.left_edge == [t.left_edge.i for t in doc]
    assert view.tag == [t.tag_ for t in doc]
    colon = next(t.i for t in doc if t.text == ":")
    assert view.colons[colon] == 0 and view.colons[colon + 1] == 1


def test_a_clause_set_off_by_a_comma_is_marked() -> None:
    doc = load_nlp()("He said he expects a recovery, which surprised his aides.")
    view = DocView(doc)
    cue = next(t.i for t in doc if t.text == "said")
    tokens = [next(t.i for t in doc if t.text == w) for w in ("recovery", "surprised")]
    recovery, surprised = pair_features(view, cue, tokens)
    assert len(recovery) == PAIR_TEMPLATES and len(cue_features(view, cue)) == CUE_TEMPLATES
    assert doc[tokens[1]].dep_ == "relcl"  # the pinned parser reads a relative clause
    assert "cl=R|ccomp|relcl," in surprised
    assert not any(f.startswith("cl=") and f.endswith(",") for f in recovery)


def test_the_word_opening_a_complement_is_a_cue_feature() -> None:
    doc = load_nlp()("The senator said that the vote was rigged.")
    view = DocView(doc)
    said = next(t.i for t in doc if t.text == "said")
    assert "op=say|that" in cue_features(view, said)


def test_keys_hash_as_the_feature_strings_they_name() -> None:
    doc = load_nlp()("“We will not leave,” the minister told reporters in Kyiv on Monday.")
    view = DocView(doc)
    cue = next(t.i for t in doc if t.text == "told")
    tokens = [t.i for t in doc if not t.is_punct]
    keys = pair_keys(view, cue, tokens)
    assert [[feature_name(k) for k in row] for row in keys] == pair_features(view, cue, tokens)
    assert feature_name(("cl=", "R", "ccomp", "-")) == "cl=R|ccomp|-" and feature_name(("bias",)) == "bias"
    assert (hash_keys(keys, 18) == hash_rows(pair_features(view, cue, tokens), 18)).all()

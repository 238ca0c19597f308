"""Resolving one article: namesakes kept apart by the country the text states, roles read from the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patronage.config import Settings
from patronage.runner import run
from patronage.store import Store
from tests.conftest import analyse_text

MILLER = "Polish diplomat John Miller met the envoy in Geneva on Monday."


@pytest.mark.parametrize(
    ("other", "date", "n_people"),
    [
        ("Canadian senator John Miller criticised the deal on Friday.", "2020-01-01", 2),  # apart
        ("Polish diplomat John Miller returned to Warsaw on Tuesday.", "2020-01-02", 1),  # described alike
    ],
)
def test_namesakes_of_different_countries_stay_apart_and_the_same_person_merges(
    tmp_path: Path, other: str, date: str, n_people: int
) -> None:
    rows = [
        {"id": "a", "title": "T", "date": "2020-01-01", "text": MILLER},
        {"id": "b", "title": "T", "date": date, "text": other},
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    run([str(src)], Settings().replace(run__db=str(tmp_path / "x.duckdb")))
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        ids = store.rows("SELECT DISTINCT actor_id FROM mentions WHERE actor_id LIKE 'person/john-miller%'")
    assert len(ids) == n_people, ids


def test_roles_from_apposition_and_its_relative_clause() -> None:
    text = "Alexy Pushkov, a legislator who is head of the Foreign Affairs Committee in the Duma, said the talks failed."
    result = analyse_text(text, "2015-10-21", "r")
    roles = {(r.title, r.of) for a in result.actors for r in a.roles if r.origin == "text"}
    assert any(t == "legislator" for t, _ in roles)
    assert any(t == "head" and (of or "").startswith("Foreign Affairs Committee") for t, of in roles)
    assert all(
        r.evidence is not None and r.evidence.sentence == text
        for a in result.actors
        for r in a.roles
        if r.origin == "text"
    )


def test_occupations_are_roles_and_name_people_the_tagger_missed() -> None:
    from patronage.nlp.loader import load_nlp
    from patronage.resolve.actors import resolve_entities
    from patronage.resolve.registry import load_gazetteer

    text = "Marta Quispe Huanca, a Bolivian pilot held in Peru since 2019, was flown home on Sunday."
    result = analyse_text(text, "2021-06-01", "o")
    roles = {(r.title, r.of) for a in result.actors for r in a.roles if r.origin == "text"}
    assert ("pilot", "Bolivia") in roles, roles
    # with the tagger's entities gone, the apposed role alone still shows a person is named
    bare = load_nlp()(text)
    bare.ents = []
    found = resolve_entities(bare, "o", None, load_gazetteer())
    assert [m.text for m in found.mentions if m.label == "PERSON"] == ["Marta Quispe Huanca"]
    # an organisation described by a non-role noun is left alone
    org = load_nlp()("Acme Shipping Lines, the freight company, denied it.")
    org.ents = []
    assert not [m for m in resolve_entities(org, "x", None, load_gazetteer()).mentions if m.label == "PERSON"]

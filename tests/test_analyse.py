from __future__ import annotations

import json
from pathlib import Path

from patronage.config import Settings
from patronage.runner import run
from patronage.store import Store
from tests.conftest import analyse_text


def _run(tmp_path: Path, rows: list[dict[str, str]]) -> set[str]:
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    run([str(src)], Settings().replace(run__db=str(db)))
    with Store(db, read_only=True) as store:
        return {
            str(r[0])
            for r in store.query(
                "SELECT DISTINCT actor_id FROM mentions WHERE actor_id LIKE 'person/john-miller%'"
            )
        }


def test_namesakes_of_different_countries_stay_apart(tmp_path: Path) -> None:
    ids = _run(
        tmp_path,
        [
            {
                "id": "a",
                "title": "T",
                "date": "2020-01-01",
                "text": "Polish diplomat John Miller met the envoy in Geneva on Monday.",
            },
            {
                "id": "b",
                "title": "T",
                "date": "2020-01-01",
                "text": "Canadian senator John Miller criticised the deal on Friday.",
            },
        ],
    )
    assert len(ids) == 2, ids


def test_the_same_person_described_alike_merges(tmp_path: Path) -> None:
    ids = _run(
        tmp_path,
        [
            {
                "id": "a",
                "title": "T",
                "date": "2020-01-01",
                "text": "Polish diplomat John Miller met the envoy in Geneva on Monday.",
            },
            {
                "id": "b",
                "title": "T",
                "date": "2020-01-02",
                "text": "Polish diplomat John Miller returned to Warsaw on Tuesday.",
            },
        ],
    )
    assert len(ids) == 1, ids


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


def test_a_repeated_title_case_headline_names_nobody_new() -> None:
    from spacy.tokens import Span

    from patronage.nlp.loader import load_nlp
    from patronage.resolve.actors import _headline_end, resolve_entities
    from patronage.resolve.registry import load_gazetteer

    head = "Rebels Release Video Of Handoff That Freed Castano"
    text = (
        f"{head}\n\n{head}\n\nEnlarge this image toggle caption\n\n"
        "A helicopter picked up Pedro Castano, a soldier held for two years, on Tuesday."
    )
    doc = load_nlp()(text)
    # the title and the page's own copy of it are both headline; the caption line is not
    assert _headline_end(doc) == text.index("\n\nEnlarge")
    # as if the tagger had read "Freed Castano" in the second copy as a person's full name
    start = text.index("Freed", len(head))
    freed = doc.char_span(start, start + len("Freed Castano"))
    body = doc.char_span(text.index("Pedro"), text.index("Pedro") + len("Pedro Castano"))
    assert freed is not None and body is not None
    doc.ents = [Span(doc, freed.start, freed.end, "PERSON"), Span(doc, body.start, body.end, "PERSON")]
    found = resolve_entities(doc, "h", None, load_gazetteer())
    people = {found.actors[m.actor_id].name for m in found.mentions if m.actor_id and m.label == "PERSON"}
    assert people == {"Pedro Castano"}, people

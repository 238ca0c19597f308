"""Records laid out as columns and as the public schema (DESIGN.md), read from their fields."""

from __future__ import annotations

from patronage.model.fields import from_flat, layout, public, to_flat
from patronage.model.records import ActorRef, DateValue, Event, Evidence, Place, Relation

EV = Evidence("doc-1", 10, 48, "Russia granted Bashar al-Assad asylum.", 2, "patronage.analyse.v1")
RUS = ActorRef("country/RUS", "Russia", "country", "RUS", "GOV", "Russia")
ASSAD = ActorRef("person/assad", "Bashar al-Assad", "person", "SYR", "GOV", "Bashar al-Assad")
EVENT = Event(
    "e1",
    "AID",
    "075",
    RUS,
    ASSAD,
    EV,
    context=("asylum",),
    date=DateValue("2024-12", "month", None, "in December"),
    location=Place("Moscow", "RUS"),
    confidence=0.8,
    trigger="granted",
    dyad_source="RUS",
    dyad_target="SYR",
)


def test_nested_records_flatten_into_prefixed_columns_and_back() -> None:
    flat = to_flat(EVENT)
    assert flat["source_actor_id"] == "country/RUS" and flat["target_text"] == "Bashar al-Assad"
    assert (flat["doc_id"], flat["ev_start"], flat["ev_end"], flat["sentence_idx"]) == ("doc-1", 10, 48, 2)
    assert (flat["date"], flat["date_precision"], flat["date_text"]) == ("2024-12", "month", "in December")
    assert flat["location_name"] == "Moscow" and flat["context"] == ["asylum"]
    assert from_flat(Event, flat) == EVENT


def test_a_missing_optional_record_comes_back_as_none() -> None:
    bare = Event("e2", "CONSULT", None, RUS, None, EV)
    assert from_flat(Event, to_flat(bare)) == bare


def test_the_public_event_is_the_export_schema() -> None:
    """The shape DESIGN.md publishes, keys in the order first published, hidden fields left out."""
    out = public(EVENT)
    assert list(out) == [
        "event_id", "type", "mode", "context", "cameo", "source", "target", "polarity", "modality", "date",
        "date_precision", "location", "evidence", "confidence", "trigger", "date_season", "date_text", "dyad",
    ]  # fmt: skip
    assert out["source"] == {
        "actor_id": "country/RUS", "name": "Russia", "kind": "country", "country": "RUS", "sector": "GOV",
        "text": "Russia",
    }  # fmt: skip
    assert out["evidence"] == {"doc_id": "doc-1", "start": 10, "end": 48, "sentence": EV.sentence}
    assert out["location"] == {"name": "Moscow", "country": "RUS"} and out["dyad"] == {
        "source": "RUS",
        "target": "SYR",
    }
    assert public(Event("e3", "AID", None, None, None, EV))["source"] is None


def test_fields_the_layout_declares_once() -> None:
    names = {slot.name: slot for slot in layout(Relation)}
    assert names["source"].nested and names["source"].column == "source"
    assert [c.column for c in names["date"].children] == [
        "date",
        "date_precision",
        "date_season",
        "date_text",
    ]

"""The PLOVER 2021 vocabulary, declared once (``model/schema/plover.yaml``) for every stage.

Extraction, relations, queries, exports, the web app and the CLI's choices all read the
event types, their signs, their intent recoding and the relations they imply from here,
so a type can never be cooperative in one place and neutral in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from patronage.errors import ModelError
from patronage.model.yamldata import load_yaml

__all__ = [
    "COOPERATIVE",
    "CONFLICTUAL",
    "EVENT_TYPES",
    "Family",
    "MODALITIES",
    "POLARITIES",
    "RELATIONS",
    "SIGNS",
    "Plover",
    "TypeInfo",
    "manual_type",
    "plover",
]

_SOURCE = "patronage/model/schema/plover.yaml"
SIGNS = ("positive", "negative", "neutral")


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What one PLOVER event type means for a relationship."""

    name: str
    sign: str
    intent: str | None
    relation: str | None
    strength: float


@dataclass(frozen=True, slots=True)
class Family:
    """Event types one act may be coded as, by the words a report uses (what linking compares)."""

    name: str
    types: tuple[str, ...]
    directed: bool
    """False when the act has no direction: its reports link whichever actor is the source."""


@dataclass(frozen=True, slots=True)
class Plover:
    """The validated vocabulary."""

    types: dict[str, TypeInfo]
    polarities: tuple[str, ...]
    modalities: tuple[str, ...]
    relations: dict[str, str | None]
    families: dict[str, Family]

    def family(self, type_: str) -> Family | None:
        """The family of an event type (None for a type the vocabulary does not declare)."""
        for family in self.families.values():
            if type_ in family.types:
                return family
        return None

    def with_sign(self, sign: str) -> tuple[str, ...]:
        """The event types of one sign, in declaration order."""
        return tuple(t.name for t in self.types.values() if t.sign == sign)


def _fail(message: str) -> ModelError:
    return ModelError(message, source=_SOURCE)


def _type(name: str, raw: Any, relations: dict[str, str | None]) -> TypeInfo:
    if not isinstance(raw, dict) or set(raw) != {"sign", "intent", "relation"}:
        raise _fail(f"type {name}: expected the keys sign, intent and relation")
    if raw["sign"] not in SIGNS:
        raise _fail(f"type {name}: sign must be one of {SIGNS}")
    relation, strength = None, 0.0
    if raw["relation"] is not None:
        rel = raw["relation"]
        if not isinstance(rel, dict) or rel.get("name") not in relations:
            raise _fail(f"type {name}: relation must name one of the declared relations")
        relation, strength = str(rel["name"]), float(rel.get("strength", 0.0))
        if not 0.0 < strength <= 1.0:
            raise _fail(f"type {name}: relation strength must be in (0, 1]")
    return TypeInfo(name, str(raw["sign"]), raw["intent"], relation, strength)


def parse_plover(data: Any) -> Plover:
    """Validate the parsed YAML document; :class:`ModelError` names what is wrong."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise _fail("expected a mapping with version: 1")
    relations = data.get("relations")
    if not isinstance(relations, dict) or any(v not in (*SIGNS, None) for v in relations.values()):
        raise _fail("relations must map each name to a sign or null")
    raw_types = data.get("types")
    if not isinstance(raw_types, dict) or not raw_types:
        raise _fail("types must be a non-empty mapping")
    types = {str(k): _type(str(k), v, relations) for k, v in raw_types.items()}
    for info in types.values():
        if info.intent is not None and info.intent not in types:
            raise _fail(f"type {info.name}: intent {info.intent!r} is not a declared type")
    lists = {}
    for key in ("polarities", "modalities"):
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise _fail(f"{key} must be a non-empty list of strings")
        lists[key] = tuple(value)
    return Plover(
        types,
        lists["polarities"],
        lists["modalities"],
        dict(relations),
        _families(data.get("families"), types),
    )


def _families(raw: Any, types: dict[str, TypeInfo]) -> dict[str, Family]:
    """The type families, each type in exactly one."""
    if not isinstance(raw, dict) or not raw:
        raise _fail("families must be a non-empty mapping")
    out: dict[str, Family] = {}
    seen: list[str] = []
    for name, spec in raw.items():
        if (
            not isinstance(spec, dict)
            or set(spec) != {"types", "directed"}
            or not isinstance(spec["types"], list)
            or not isinstance(spec["directed"], bool)
        ):
            raise _fail(f"family {name}: expected types (a list) and directed (true or false)")
        for type_ in spec["types"]:
            if type_ not in types:
                raise _fail(f"family {name}: {type_!r} is not a declared type")
        seen.extend(spec["types"])
        out[str(name)] = Family(str(name), tuple(spec["types"]), spec["directed"])
    if sorted(seen) != sorted(types):
        raise _fail("families must hold every declared type exactly once")
    return out


@cache
def plover() -> Plover:
    """The packaged vocabulary, loaded once."""
    text = resources.files("patronage.model").joinpath("schema", "plover.yaml").read_text(encoding="utf-8")
    return parse_plover(load_yaml(text))


_VOCAB = plover()
#: the 16 PLOVER 2021 event types, in the manual's order
EVENT_TYPES: tuple[str, ...] = tuple(_VOCAB.types)
#: types drawn as positive (cooperation) and negative (conflict) edges; the rest are neutral
COOPERATIVE: tuple[str, ...] = _VOCAB.with_sign("positive")
CONFLICTUAL: tuple[str, ...] = _VOCAB.with_sign("negative")
POLARITIES: tuple[str, ...] = _VOCAB.polarities
MODALITIES: tuple[str, ...] = _VOCAB.modalities
RELATIONS: tuple[str, ...] = tuple(_VOCAB.relations)


def manual_type(type_: str, modality: str) -> str:
    """The type the PLOVER manual codes an event as, given its type and modality.

    patronage keeps an offered or intended action's own type and records the intent in
    its modality; the manual (and CAMEO) code the intent to cooperate as AGREE and the
    intent to do harm, unless merely offered, as THREATEN.
    """
    info = plover().types.get(type_)
    if info is None or info.intent is None or modality not in ("offered", "intended", "conditional"):
        return type_
    if info.intent == "THREATEN" and modality == "offered":
        return type_
    return info.intent

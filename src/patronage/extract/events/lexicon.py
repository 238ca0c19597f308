"""The PLOVER/CAMEO trigger lexicon: loading, validation and rule matching.

The lexicon is package data (``extract/data/triggers.yaml``). It has three tables:
``codes`` (CAMEO code to PLOVER 2021 type, mode and context), ``verbs`` and
``nouns`` and ``adjectives`` (lemma to an ordered list of rules; adjectives are
predicative: "sounded dismissive of X", "is supportive of Y"). A rule may require an object noun
(``objects``), a preposition child (``preps``) or a particle (``particles``); the
first rule whose constraints all hold wins, a rule without constraints is the
default. Noun rules may say that a possessor is the recipient (``possessor:
target``, as in "Assad's asylum") and which prepositions name the actor that
grants the event (``host_preps``, as in "asylum in Russia").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from patronage.errors import ModelError
from patronage.model.plover import EVENT_TYPES
from patronage.model.yamldata import load_yaml

__all__ = [
    "PLOVER_TYPES",
    "CodeInfo",
    "Lexicon",
    "TriggerRule",
    "load_lexicon",
    "parse_lexicon",
]

PLOVER_TYPES = frozenset(EVENT_TYPES)

_SOURCE = "patronage/extract/events/data/triggers.yaml"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What one CAMEO code means in PLOVER 2021."""

    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One way a lemma triggers an event, with the constraints that must hold."""

    cameo: str
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    context: tuple[str, ...] | None = None
    possessor_is_target: bool = False
    host_preps: frozenset[str] = frozenset()

    @property
    def constrained(self) -> bool:
        """True when the rule needs an object, preposition or particle to apply."""
        return bool(self.objects or self.preps or self.particles)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The validated trigger lexicon."""

    codes: dict[str, CodeInfo]
    verbs: dict[str, tuple[TriggerRule, ...]]
    nouns: dict[str, tuple[TriggerRule, ...]]
    adjectives: dict[str, tuple[TriggerRule, ...]] = field(default_factory=dict)

    def info(self, cameo: str) -> CodeInfo:
        """The PLOVER meaning of a CAMEO code (validated at load time to exist)."""
        return self.codes[cameo]


def _strings(value: object, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"{where}: expected a list of strings", source=_SOURCE)
    return frozenset(v.lower() for v in value)


def _rule(raw: object, codes: dict[str, CodeInfo], where: str) -> TriggerRule:
    if not isinstance(raw, dict) or not isinstance(raw.get("cameo"), str):
        raise ModelError(f"{where}: a rule needs a string 'cameo'", source=_SOURCE)
    unknown = set(raw) - {"cameo", "objects", "preps", "particles", "context", "possessor", "host_preps"}
    if unknown:
        raise ModelError(f"{where}: unknown rule keys {sorted(unknown)}", source=_SOURCE)
    cameo = raw["cameo"]
    if cameo not in codes:
        raise ModelError(f"{where}: CAMEO code {cameo!r} is not in the codes table", source=_SOURCE)
    context = raw.get("context")
    possessor = raw.get("possessor", "source")
    if possessor not in ("source", "target"):
        raise ModelError(f"{where}: possessor must be 'source' or 'target'", source=_SOURCE)
    return TriggerRule(
        cameo=cameo,
        objects=_strings(raw.get("objects"), where),
        preps=_strings(raw.get("preps"), where),
        particles=_strings(raw.get("particles"), where),
        context=None if context is None else tuple(sorted(_strings(context, where))),
        possessor_is_target=possessor == "target",
        host_preps=_strings(raw.get("host_preps"), where),
    )


def _table(raw: object, codes: dict[str, CodeInfo], name: str) -> dict[str, tuple[TriggerRule, ...]]:
    if not isinstance(raw, dict):
        raise ModelError(f"'{name}' must be a mapping", source=_SOURCE)
    table: dict[str, tuple[TriggerRule, ...]] = {}
    for lemma, rules in raw.items():
        if not isinstance(rules, list) or not rules:
            raise ModelError(f"{name}.{lemma}: expected a non-empty list of rules", source=_SOURCE)
        table[str(lemma).lower()] = tuple(_rule(r, codes, f"{name}.{lemma}") for r in rules)
    return table


def parse_lexicon(data: Any) -> Lexicon:
    """Validate the parsed YAML of a lexicon; raise ``ModelError`` when it is malformed."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ModelError("lexicon must be a mapping with 'version: 1'", source=_SOURCE)
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, dict):
        raise ModelError("'codes' must be a mapping", source=_SOURCE)
    codes: dict[str, CodeInfo] = {}
    for code, info in raw_codes.items():
        if not isinstance(info, dict) or info.get("type") not in PLOVER_TYPES:
            raise ModelError(f"codes.{code}: type must be one of the 16 PLOVER 2021 types", source=_SOURCE)
        mode = info.get("mode")
        if mode is not None and not isinstance(mode, str):
            raise ModelError(f"codes.{code}: mode must be a string or null", source=_SOURCE)
        context = _strings(info.get("context") or [], f"codes.{code}")
        codes[str(code)] = CodeInfo(info["type"], mode or None, tuple(sorted(context)))
    return Lexicon(
        codes,
        _table(data.get("verbs"), codes, "verbs"),
        _table(data.get("nouns"), codes, "nouns"),
        _table(data.get("adjectives") or {}, codes, "adjectives"),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, parsed and validated once per process."""
    text = (
        resources.files("patronage.extract.events").joinpath("data/triggers.yaml").read_text(encoding="utf-8")
    )
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ModelError(f"lexicon is not valid YAML: {exc}", source=_SOURCE) from exc
    return parse_lexicon(data)

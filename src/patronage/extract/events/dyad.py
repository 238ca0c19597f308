"""The country dyad of an event, coded the way event datasets code it.

An event's actors keep the countries the text gives them: an unknown activist has
none, and a one-sided event ("the government lifted the curfew") has no target at
all. Event datasets in the CAMEO tradition still give every event a source and a
target country, and their coders follow a few conventions, which this module
applies to fill the ``dyad_source``/``dyad_target`` fields of an event:

* **location** — the place where a one-sided event happens is its recipient
  ("lifted the state of emergency in Darfur" concerns Sudan);
* **sentence** — an actor the text ties to no country ("a roadside bomb",
  "doctors from two American aid groups", "rebels in the Ivory Coast") is coded
  with the first country the sentence names;
* **domestic** — an event with no foreign recipient is done to the source's own
  country ("President Bashir shortened the curfew": Sudan to Sudan).

The conventions are switchable (:class:`DyadPolicy`) so ``patronage eval plover --cv``
can choose them on training folds and report held-out figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from patronage.model.records import ActorRef, Place

__all__ = ["DEFAULT_POLICY", "POLICIES", "DyadPolicy", "coded_dyad"]

SOURCE_FALLBACKS = ("none", "location", "sentence")
TARGET_FALLBACKS = ("none", "location", "domestic")


@dataclass(frozen=True, slots=True)
class DyadPolicy:
    """Which conventions fill a side the actors leave without a country.

    ``source``: ``none`` (leave it empty), ``location`` (the event's place) or
    ``sentence`` (the place, else the first country the sentence names).
    ``target``: ``none``, ``location`` or ``domestic`` (the place, else the
    source's country).
    """

    source: str = "sentence"
    target: str = "domestic"


DEFAULT_POLICY = DyadPolicy()

#: every combination, for choosing a policy on training data
POLICIES = tuple(DyadPolicy(s, t) for s in SOURCE_FALLBACKS for t in TARGET_FALLBACKS)


def coded_dyad(
    source: ActorRef | None,
    target: ActorRef | None,
    location: Place | None,
    countries: Sequence[str],
    policy: DyadPolicy = DEFAULT_POLICY,
) -> tuple[str | None, str | None]:
    """``(source_country, target_country)`` of an event under ``policy``.

    ``countries`` are the ISO3 codes the event's sentence names, in text order
    (countries, demonyms, places and people with a known country).
    """
    place = location.country if location is not None else None
    src = source.country if source is not None else None
    tgt = target.country if target is not None else None
    if src is None and policy.source != "none":
        src = place
        if src is None and policy.source == "sentence" and countries:
            src = countries[0]
    if tgt is None and policy.target != "none":
        tgt = place
        if tgt is None and policy.target == "domestic":
            tgt = src
    return src, tgt

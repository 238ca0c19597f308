"""Relations implied by events: who harbours, supports or opposes whom.

Statements (``statements.py``) say how actors stand directly; events are
evidence too: granting asylum is harbouring, military aid is support, an
accusation or a sanction is opposition. Only an asserted event that happened implies a
standing relation: modality ``actual``, or ``reported`` (the article's speaker says it
happened: "the UAE said it had received Ghani"); a negated event, and one only offered,
intended, conditional or hypothetical, imply nothing. The relation each event type implies,
and its sign, are declared in the PLOVER vocabulary (:mod:`patronage.model.plover`);
the relation keeps the event's direction (source to target) and its date.
"""

from __future__ import annotations

from collections.abc import Iterable

from patronage.model.plover import plover
from patronage.model.records import Event, Relation, is_described

__all__ = ["relation_for", "relations_from_events"]


#: modalities of events that happened (as the article or its speaker tells)
_HAPPENED = frozenset({"actual", "reported"})
#: CAMEO's investigations (090-094): ACCUSE in PLOVER, but whom one investigates one need not oppose
_INQUIRY = "09"
#: sectors in which a country's people act as its state (government, armed forces, police,
#: legislature, courts); its opposition, rebels, civilians, unions or firms speak for no state
_STATE_SECTORS = frozenset({None, "", "GOV", "MIL", "COP", "LEG", "JUD"})
#: CAMEO's apology (055): SUPPORT in PLOVER's table, yet saying sorry backs no one
_APOLOGY = "055"
_HARBOUR_CONTEXT = {"asylum", "refuge", "shelter", "extraction", "evacuation", "protection"}


def relation_for(event: Event) -> tuple[str, str, float] | None:
    """The relation an event implies, or None."""
    if event.polarity != "asserted" or event.modality not in _HAPPENED:
        return None
    info = plover().types.get(event.type)
    if info is None or (event.cameo or "").startswith(_INQUIRY):
        return None  # an investigation is no stand: prosecutors look into friends and foes alike
    if event.cameo == _APOLOGY:
        return None  # "Blair apologised to the two families": regret for a wrong, no support of them
    # the finer positive relations never override the type's sign: asylum refused is no harbouring
    if info.sign == "positive":
        if set(event.context) & _HARBOUR_CONTEXT or (event.cameo or "").startswith("075"):
            return ("harbours", "positive", 0.9)
        if event.cameo == "043" and event.target is not None and event.target.kind == "person":
            return ("hosts", "positive", 0.6)
        if event.type == "RETREAT" and event.mode == "release":
            return ("releases", "positive", 0.5)
    if info.relation is None:
        return None
    return (info.relation, info.sign, info.strength)


def _at_home(event: Event) -> bool:
    """A target that is only the place of an act in its source's own country (PLOVER's one-sided
    convention codes the place as the recipient; as a standing relation that would be against
    one's own country)."""
    source, target, place = event.source, event.target, event.location
    return (
        source is not None
        and target is not None
        and place is not None
        and target.kind == "country"
        and target.text == place.name
        and source.country == target.country
    )


def _own_country(event: Event) -> bool:
    """An act of a country's own person or body towards that country as a whole.

    "Boehner criticised the White House" codes the United States as the target (the White
    House stands for its government), and event data keeps that; as a standing relation,
    "Boehner opposes the United States" says something the text does not. The other way
    ("Russia jailed Navalny") is a state's stand towards one of its people and stays.
    """
    source, target = event.source, event.target
    return (
        source is not None
        and target is not None
        and target.kind == "country"
        and source.kind != "country"
        and source.country == target.country
    )


def relations_from_events(events: Iterable[Event], min_confidence: float = 0.0) -> list[Relation]:
    """One relation statement per event between two actors that implies one.

    Only events of at least ``min_confidence`` (the calibrated chance that the event is fully
    right) imply a standing relation: the network is what readers trust first.
    """
    out: list[Relation] = []
    for event in events:
        if event.source is None or event.target is None or event.confidence < min_confidence:
            continue
        if is_described(event.source.actor_id) or is_described(event.target.actor_id):
            continue  # "officials criticised protesters": no standing relation between descriptions
        if any(
            ref.kind == "country" and ref.sector not in _STATE_SECTORS for ref in (event.source, event.target)
        ):
            # "an Iraqi civilian killed by UK troops" is no stand of the UK against Iraq; "the Syrian
            # opposition accused Assad" and "Syrian rebels attacked" are no stand of Syria's
            continue
        if _at_home(event) or _own_country(event):
            continue  # "Sanders protested segregated housing in Chicago": no stand against the U.S.
        implied = relation_for(event)
        if implied is None:
            continue
        relation, polarity, strength = implied
        out.append(
            Relation(
                event.source,
                event.target,
                relation,
                event.evidence,
                polarity,
                strength * event.confidence,
                event.date,
                origin=f"event:{event.event_id}",
            )
        )
    return out

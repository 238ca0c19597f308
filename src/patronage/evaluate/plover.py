"""Score PLOVER event coding against a PLOVER gold-standard record file.

The gold file is a JSON array in the format of the PLOVER GSR (e.g.
``PLOVER_GSR_dev.json``). ``DOCUMENT`` records are skipped. Event names are
PLOVER 0.5 or 2021 names; 0.5 names are mapped to 2021 with the manual's
conversion table. A gold actor's country is the first three letters of its code
when they are an ISO 3166-1 alpha-3 code (``USAGOV`` gives ``USA``); IGO and
other codes give no country.

Scoring rules (one prediction per gold record, in order):

* ``event_type_accuracy``: predicted type equals the gold 2021 type, over all records.
* ``source_country_accuracy`` / ``target_country_accuracy``: over records whose gold
  side is *countable*. A side is countable when it lists at least one country, or
  when it is empty (no actor given). A predicted country is right when it is among
  that side's gold countries; for an empty gold side, predicting no country is
  right. A side whose actors are all non-countries (IGOs, unknown codes) is not
  countable and is left out of that side's accuracy.
* ``exact_match``: type right and both sides right, where a side that is not
  countable counts as right; over all records.
* ``no_gold_actor``: records with a side given as a bare string rather than a list of
  actors (the upstream gold standard has ``"target": "diplomatic"``). Such a side names no
  actor: it is not countable, so the record counts for event type only on that side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from patronage.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from patronage.extract.events.frames import EventFrame

__all__ = [
    "ISO3",
    "PLOVER_05_TO_2021",
    "GoldRecord",
    "Prediction",
    "country_of_code",
    "format_report",
    "load_gold",
    "predict_from_frames",
    "score",
]

PLOVER_05_TO_2021 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: ISO 3166-1 alpha-3 country codes (officially assigned), plus XKX for Kosovo
ISO3 = frozenset(
    """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
    BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
    COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
    FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
    HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
    LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
    MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
    PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
    SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
    TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM ZAF ZMB ZWE
    """.split()  # noqa: SIM905 -- a word list reads better than 250 quoted strings
)


def country_of_code(code: str) -> str | None:
    """The ISO3 country of a CAMEO-style actor code (``USAGOV`` -> ``USA``), or None."""
    head = code.strip().upper()[:3]
    return head if head in ISO3 else None


@dataclass(frozen=True)
class GoldRecord:
    """One gold event: its text and date (all the system may see) and the answers."""

    id: str
    text: str
    date: str
    type: str
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    source_countable: bool
    target_countable: bool
    no_gold_actor: bool = False
    """A side was a bare string ("diplomatic"), not a list of actors: scored for event type only."""


@dataclass(frozen=True)
class Prediction:
    """The system's answer for one gold record."""

    type: str | None
    source_country: str | None
    target_country: str | None


def _side(value: object, where: str) -> tuple[tuple[str, ...], bool] | None:
    """(countries, countable) of a gold ``source``/``target`` field; None for a bare string (no actor)."""
    if value in ("", None) or value == []:
        return (), True
    if isinstance(value, str):
        return None
    if not isinstance(value, list):
        raise InputError(f'{where}: expected "", a string or a list of actors', source=where)
    countries: list[str] = []
    for actor in value:
        if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
            raise InputError(f"{where}: an actor needs a string 'code'", source=where)
        country = country_of_code(actor["code"])
        if country is not None and country not in countries:
            countries.append(country)
    return tuple(countries), bool(countries)


def load_gold(path: Path) -> list[GoldRecord]:
    """Gold records of a PLOVER GSR JSON array, ``DOCUMENT`` records skipped."""
    from patronage.ingest.files import read_regular

    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except InputError as exc:
        raise InputError(f"cannot read PLOVER gold file: {exc.message}", source=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read PLOVER gold file: {exc}", source=str(path)) from exc
    except RecursionError:  # json nests by recursion: 100,000 brackets
        raise InputError("cannot read PLOVER gold file: JSON nested too deeply", source=str(path)) from None
    if not isinstance(data, list):
        raise InputError("a PLOVER gold file must be a JSON array", source=str(path))
    records: list[GoldRecord] = []
    for i, raw in enumerate(data):
        if not isinstance(raw, dict) or not isinstance(raw.get("event"), str):
            raise InputError(f"record {i} has no 'event' name", source=str(path))
        event = raw["event"].strip().upper()
        if event == "DOCUMENT":
            continue
        text = raw.get("text")
        if not isinstance(text, str):
            raise InputError(f"record {i} has no 'text'", source=str(path))
        rid = str(raw.get("id", i))
        source = _side(raw.get("source"), f"{path}:{rid}:source")
        target = _side(raw.get("target"), f"{path}:{rid}:target")
        sources, source_countable = source or ((), False)
        targets, target_countable = target or ((), False)
        records.append(
            GoldRecord(
                id=rid,
                text=text,
                date=str(raw.get("date", "")),
                type=PLOVER_05_TO_2021.get(event, event),
                source_countries=sources,
                target_countries=targets,
                source_countable=source_countable,
                target_countable=target_countable,
                no_gold_actor=source is None or target is None,
            )
        )
    if not records:  # scores over nothing would read as 0.000, a measurement of a system that failed
        raise InputError("the PLOVER gold file holds no event record to score", source=str(path))
    return records


def predict_from_frames(
    frames_by_record: Sequence[Sequence[EventFrame]],
    country_of_span: Callable[[int, tuple[int, int]], str | None],
) -> list[Prediction]:
    """One prediction per record from its coded frames.

    The most confident frame gives the type; its first source span with a
    country gives the source; its first target span with a country gives the
    target, else the country of its location ("lifted the curfew in X": PLOVER
    coders take the place of a one-sided event as its recipient).
    ``country_of_span(record_index, (start, end))`` resolves a span of that
    record's text to an ISO3 code or None.
    """
    out: list[Prediction] = []
    for index, frames in enumerate(frames_by_record):
        if not frames:
            out.append(Prediction(None, None, None))
            continue
        best = max(frames, key=lambda f: f.confidence)
        source = next((c for span in best.sources if (c := country_of_span(index, span))), None)
        target = next((c for span in best.targets if (c := country_of_span(index, span))), None)
        if target is None and best.location is not None:
            target = country_of_span(index, best.location)
        out.append(Prediction(best.type, source, target))
    return out


def _side_right(gold: tuple[str, ...], predicted: str | None) -> bool:
    if not gold:
        return predicted is None
    return predicted in gold


def _ratio(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0


def score(gold: list[GoldRecord], predictions: list[Prediction]) -> dict[str, object]:
    """Accuracy figures and a gold-type -> predicted-type confusion table (see the module rules)."""
    if len(gold) != len(predictions):
        raise InputError(f"{len(gold)} gold records but {len(predictions)} predictions")
    type_right = exact = 0
    src_right = src_total = tgt_right = tgt_total = 0
    confusion: dict[str, dict[str, int]] = {}
    for record, pred in zip(gold, predictions, strict=True):
        row = confusion.setdefault(record.type, {})
        key = pred.type or "NONE"
        row[key] = row.get(key, 0) + 1
        t_ok = pred.type == record.type
        type_right += t_ok
        s_ok = t_ok_side = True
        if record.source_countable:
            src_total += 1
            s_ok = _side_right(record.source_countries, pred.source_country)
            src_right += s_ok
        if record.target_countable:
            tgt_total += 1
            t_ok_side = _side_right(record.target_countries, pred.target_country)
            tgt_right += t_ok_side
        exact += t_ok and s_ok and t_ok_side
    n = len(gold)
    return {
        "n": n,
        "event_type_accuracy": _ratio(type_right, n),
        "source_country_accuracy": _ratio(src_right, src_total),
        "source_country_n": src_total,
        "target_country_accuracy": _ratio(tgt_right, tgt_total),
        "target_country_n": tgt_total,
        "exact_match": _ratio(exact, n),
        "no_gold_actor": sum(1 for r in gold if r.no_gold_actor),
        "confusion": {g: dict(sorted(r.items())) for g, r in sorted(confusion.items())},
    }


def format_report(result: dict[str, object]) -> str:
    """Human-readable report: the headline figures and a per-type confusion table."""
    lines = [
        f"records                  {result['n']}",
        f"event type accuracy      {result['event_type_accuracy']:.3f}",
        f"source country accuracy  {result['source_country_accuracy']:.3f}  (n={result.get('source_country_n', '?')})",
        f"target country accuracy  {result['target_country_accuracy']:.3f}  (n={result.get('target_country_n', '?')})",
        f"exact match              {result['exact_match']:.3f}",
    ]
    if result.get("no_gold_actor"):
        lines.append(
            f"no gold actor            {result['no_gold_actor']}  (a side given as a bare string, "
            'such as "diplomatic": scored for event type only on that side)'
        )
    cv = result.get("cv")
    if isinstance(cv, dict):
        lines.append(
            f"{cv['folds']}-fold cross-validated (dyad conventions chosen on training folds): "
            f"type {cv['event_type_accuracy']:.3f}, source {cv['source_country_accuracy']:.3f}, "
            f"target {cv['target_country_accuracy']:.3f}, exact {cv['exact_match']:.3f}"
        )
    confusion = result.get("confusion")
    if isinstance(confusion, dict) and confusion:
        predicted = sorted({p for row in confusion.values() for p in row})
        width = max(len(p) for p in [*predicted, *confusion, "gold \\ pred"]) + 1
        lines.append("")
        lines.append("gold \\ pred".ljust(width) + "".join(p[:4].rjust(5) for p in predicted) + "  right")
        for gold_type, row in confusion.items():
            total = sum(row.values())
            cells = "".join(str(row.get(p, "")).rjust(5) for p in predicted)
            lines.append(gold_type.ljust(width) + cells + f"  {row.get(gold_type, 0)}/{total}")
    return "\n".join(lines)

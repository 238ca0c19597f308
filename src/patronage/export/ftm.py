"""FollowTheMoney entities, for Aleph, OpenSanctions tooling and ``ftm`` pipelines.

Actors become ``Person``, ``Organization`` or ``PublicBody`` (a state acting
as an actor: FtM's ``Territory`` is reference data and not a ``LegalEntity``,
so it could not be involved in an ``Event`` or organise one). Events become
``Event``; aggregated relations ``UnknownLink``; a person's roles ``Position``
+ ``Occupancy``; attributed quotes ``Note`` on the speaker (``Mention`` is
FtM's generated record of a name found in a document, not of speech). Each
article behind a fact is an ``Article`` that facts cite as ``proof``.

Ids are stable: ``patronage-`` + SHA-1 of the patronage ids. The module does
not need ``followthemoney`` installed; country codes come from the table below.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any
from urllib.parse import urlsplit

from patronage.export.tables import actor_rows, event_rows, quote_rows, relation_rows
from patronage.query import facts
from patronage.store import Store

__all__ = ["ALPHA2", "SCHEMA_OF_KIND", "alpha2", "entity_id", "ftm_entities", "write_ftm"]

# ISO 3166-1 alpha-3 → alpha-2 ("ABWaw" = ABW → aw), plus XKX (Kosovo) and dissolved states in the
# four-letter ISO 3166-3 codes FtM accepts
_TABLE = """
ABWaw AFGaf AGOao AIAai ALAax ALBal ANDad AREae ARGar ARMam ASCac ASMas ATAaq ATFtf ATGag AUSau
AUTat AZEaz BDIbi BELbe BENbj BESbq BFAbf BGDbd BGRbg BHRbh BHSbs BIHba BLMbl BLRby BLZbz BMUbm
BOLbo BRAbr BRBbb BRNbn BTNbt BVTbv BWAbw CAFcf CANca CCKcc CHEch CHLcl CHNcn CIVci CMRcm CODcd
COGcg COKck COLco COMkm CPTcp CPVcv CRIcr CRQcq CUBcu CUWcw CXRcx CYMky CYPcy CZEcz DDRdd DEUde
DGAdg DJIdj DMAdm DNKdk DOMdo DZAdz ECUec EGYeg ERIer ESHeh ESPes ESTee ETHet FINfi FJIfj FLKfk
FRAfr FROfo FSMfm GABga GBRgb GEOge GGYgg GHAgh GIBgi GINgn GLPgp GMBgm GNBgw GNQgq GRCgr GRDgd
GRLgl GTMgt GUFgf GUMgu GUYgy HKGhk HMDhm HNDhn HRVhr HTIht HUNhu IDNid IMNim INDin IOTio IRLie
IRNir IRQiq ISLis ISRil ITAit JAMjm JEYje JORjo JPNjp KAZkz KENke KGZkg KHMkh KIRki KNAkn KORkr
KWTkw LAOla LBNlb LBRlr LBYly LCAlc LIEli LKAlk LSOls LTUlt LUXlu LVAlv MACmo MAFmf MARma MCOmc
MDAmd MDGmg MDVmv MEXmx MHLmh MKDmk MLIml MLTmt MMRmm MNEme MNGmn MNPmp MOZmz MRTmr MSRms MTQmq
MUSmu MWImw MYSmy MYTyt NAMna NCLnc NERne NFKnf NGAng NICni NIUnu NLDnl NORno NPLnp NRUnr NZLnz
OMNom PAKpk PANpa PCNpn PERpe PHLph PLWpw PNGpg POLpl PRIpr PRKkp PRTpt PRYpy PSEps PYFpf QATqa
REUre ROUro RUSru RWArw SAUsa SDNsd SENsn SGPsg SGSgs SHNsh SJMsj SLBsb SLEsl SLVsv SMRsm SOMso
SPMpm SRBrs SSDss STPst SURsr SVKsk SVNsi SWEse SWZsz SXMsx SYCsc SYRsy TCAtc TCDtd TGOtg THAth
TJKtj TKLtk TKMtm TLStl TONto TTOtt TUNtn TURtr TUVtv TWNtw TZAtz UGAug UKRua UMIum URYuy USAus
UZBuz VATva VCTvc VENve VGBvg VIRvi VNMvn VUTvu WLFwf WSMws XKXxk YEMye ZAFza ZARzr ZMBzm ZWEzw
"""
#: ISO 3166-1 alpha-3 code → FtM country code (ISO alpha-2, lowercase)
ALPHA2: dict[str, str] = {
    **{item[:3]: item[3:] for item in _TABLE.split()},
    "SUN": "suhh",
    "CSK": "cshh",
    "YUG": "yucs",
    "SCG": "csxx",
}

#: patronage actor kind → FtM schema; other kinds fall back to LegalEntity
SCHEMA_OF_KIND = {
    "person": "Person",
    "organization": "Organization",
    "group": "Organization",
    "country": "PublicBody",
}

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def alpha2(code: str | None) -> str | None:
    """The FtM country code of an ISO alpha-3 code (``RUS`` → ``ru``), None when unknown."""
    return ALPHA2.get(code.upper()) if code else None


def entity_id(kind: str, *parts: object) -> str:
    """A stable entity id: ``patronage-`` and the SHA-1 of ``kind`` and the patronage ids."""
    key = "\x1f".join([kind, *("" if p is None else str(p) for p in parts)])
    return "patronage-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()


def _clean(value: object) -> str:
    return _FORBIDDEN.sub("", str(value)).strip()


def _date(value: str | None) -> str | None:
    """``value`` when FtM's date type accepts it: ``YYYY[-MM[-DD]]``, a real date, years 1000 to 2999.

    Sentinels such as ``9999`` or ``0001`` (open-ended roles, misread years) are left out.
    """
    if not value or not _DATE.fullmatch(value):
        return None
    parts = [int(p) for p in value.split("-")]
    if not 1000 <= parts[0] <= 2999:
        return None
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return value


def _url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host and no spaces or controls, else None."""
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError on a malformed port
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _entity(schema: str, eid: str, props: dict[str, Any]) -> dict[str, Any]:
    """An entity dict with empty values dropped and strings cleaned, deduplicated in order."""
    properties: dict[str, list[str]] = {}
    for name, value in props.items():
        values = value if isinstance(value, list | tuple) else [value]
        cleaned = [_clean(v) for v in values if v is not None]
        kept = list(dict.fromkeys(v for v in cleaned if v))
        if kept:
            properties[name] = kept
    return {"id": eid, "schema": schema, "properties": properties}


class _Export:
    """Entity ids of actors and articles, shared by every fact's mapping."""

    def __init__(self, store: Store) -> None:
        self.actors = {row["actor_id"]: row for row in actor_rows(store)}
        self.events = list(event_rows(store))
        self.relations = list(relation_rows(store))
        self.quotes = list(quote_rows(store))
        # the public row functions carry no article metadata, so read it here
        self.articles = facts.article_sources(store)
        self.cited: set[str] = set()
        refs: list[dict[str, Any] | None] = [e[k] for e in self.events for k in ("source", "target")]
        refs += [r[k] for r in self.relations for k in ("source", "target")]
        refs += [q["speaker"] for q in self.quotes]
        for ref in refs:
            if ref is not None and ref["actor_id"] not in self.actors:
                self.actors[ref["actor_id"]] = {**ref, "aliases": [], "wikidata": None, "roles": []}

    def actor(self, ref: dict[str, Any] | None) -> str | None:
        return entity_id("actor", ref["actor_id"]) if ref is not None else None

    def sources(self, doc_ids: Iterable[str | None]) -> dict[str, list[str]]:
        """``proof`` (article entities) and ``sourceUrl``/``publisher`` of the articles behind a fact."""
        out: dict[str, list[str]] = {"proof": [], "sourceUrl": [], "publisher": []}
        for doc_id in doc_ids:
            article = self.articles.get(doc_id or "")
            if article is None:
                continue
            self.cited.add(article["doc_id"])
            out["proof"].append(entity_id("article", article["doc_id"]))
            out["sourceUrl"] += [url] if (url := _url(article["url"])) else []
            out["publisher"] += [article["source"]] if article["source"] else []
        return out


def _actor_entity(row: dict[str, Any]) -> dict[str, Any]:
    schema = SCHEMA_OF_KIND.get(row.get("kind") or "", "LegalEntity")
    return _entity(
        schema,
        entity_id("actor", row["actor_id"]),
        {
            "name": row.get("name") or row["actor_id"],
            "alias": row.get("aliases") or [],
            "country": alpha2(row.get("country")),
            "wikidataId": row.get("wikidata"),
        },
    )


def _roles(ex: _Export) -> Iterator[dict[str, Any]]:
    """Position + Occupancy for each role a person holds (other actors' roles have no FtM holder)."""
    countries = {row["country"]: row for row in ex.actors.values() if row.get("kind") == "country"}
    by_name = {row["name"]: row for row in ex.actors.values()}
    positions: set[str] = set()
    for row in ex.actors.values():
        if row.get("kind") != "person":
            continue
        for role in row.get("roles") or []:
            of = role.get("of")
            owner = ex.actors.get(of) or countries.get(of) or by_name.get(of) if of else None
            of_name = owner["name"] if owner else of
            name = f"{role['title']} of {of_name}" if of_name else role["title"]
            pid = entity_id("position", name.lower())
            if pid not in positions:
                positions.add(pid)
                is_org = owner is not None and SCHEMA_OF_KIND.get(owner.get("kind") or "") != "Person"
                yield _entity(
                    "Position",
                    pid,
                    {
                        "name": name,
                        "country": alpha2(owner["country"] if owner else of),
                        "organization": ex.actor(owner) if is_org else None,
                    },
                )
            evidence = role.get("evidence") or {}
            yield _entity(
                "Occupancy",
                entity_id(
                    "occupancy", row["actor_id"], role["title"], of, role.get("start"), role.get("end")
                ),
                {
                    "holder": ex.actor(row),
                    "post": pid,
                    "startDate": _date(role.get("start")),
                    "endDate": _date(role.get("end")),
                    "summary": evidence.get("sentence"),
                    **ex.sources([evidence.get("doc_id")]),
                },
            )


def _event_entity(ex: _Export, event: dict[str, Any]) -> dict[str, Any]:
    src, tgt = event["source"], event["target"]
    name = " → ".join(r["name"] for r in (src, tgt) if r is not None)
    name = f"{event['type']}: {name}" if name else str(event["type"])
    qualifiers = [q for q in (event["polarity"], event["modality"]) if q not in (None, "asserted", "actual")]
    if qualifiers:
        name += f" ({', '.join(qualifiers)})"
    details = [
        f"PLOVER {event['type']}",
        f"mode {event['mode']}" if event["mode"] else None,
        f"context {', '.join(event['context'])}" if event["context"] else None,
        f"CAMEO {event['cameo']}" if event["cameo"] else None,
        f"polarity {event['polarity']}",
        f"modality {event['modality']}",
        f"trigger {event['trigger']!r}" if event.get("trigger") else None,
    ]
    # FtM dates cannot say "the 2010s"; a decade would read as the year 2010
    date = None if event["date_precision"] == "decade" else _date(event["date"])
    location = event["location"] or {}
    return _entity(
        "Event",
        entity_id("event", event["event_id"]),
        {
            "name": name,
            "date": date,
            "summary": event["evidence"]["sentence"],
            "description": "; ".join(d for d in details if d),
            "keywords": [event["type"], *event["context"]],
            "involved": [ex.actor(src), ex.actor(tgt)],
            "organizer": ex.actor(src),
            "location": location.get("name"),
            "country": alpha2(location.get("country")),
            "recordId": event["event_id"],
            **ex.sources([event["evidence"]["doc_id"]]),
        },
    )


def _link_entity(ex: _Export, rel: dict[str, Any]) -> dict[str, Any]:
    src, tgt = rel["source"], rel["target"]
    role = (
        rel["relation"] if rel["polarity"] in (None, "positive") else f"{rel['relation']} ({rel['polarity']})"
    )
    sentences = list(dict.fromkeys(e["sentence"] for e in rel["evidence"] if e.get("sentence")))
    return _entity(
        "UnknownLink",
        entity_id("link", src["actor_id"], tgt["actor_id"], rel["relation"], rel["polarity"]),
        {
            "subject": ex.actor(src),
            "object": ex.actor(tgt),
            "role": role,
            "startDate": _date(rel["first_seen"]),
            "endDate": _date(rel["last_seen"]),
            "summary": sentences[:3],
            "description": f"{rel['count']} statement(s) or event(s); polarity {rel['polarity']}",
            **ex.sources(e.get("doc_id") for e in rel["evidence"]),
        },
    )


def _note_entity(ex: _Export, quote: dict[str, Any]) -> dict[str, Any]:
    cue = f" ({quote['cue']})" if quote["cue"] else ""
    return _entity(
        "Note",
        entity_id("quote", quote["quote_id"]),
        {
            "entity": ex.actor(quote["speaker"]),
            "name": f"{quote['speaker']['name']}{cue}",
            "description": quote["text"],
            "summary": quote["evidence"]["sentence"],
            **ex.sources([quote["evidence"]["doc_id"]]),
        },
    )


def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Every actor, role, event, relation and attributed quote as FtM entity dicts.

    Quotes without a resolved speaker are left out: a ``Note`` annotates an
    entity, and an anonymous source has none. Articles come last, once the
    facts have said which ones they cite.
    """
    ex = _Export(store)
    for row in ex.actors.values():
        yield _actor_entity(row)
    yield from _roles(ex)
    for event in ex.events:
        yield _event_entity(ex, event)
    for rel in ex.relations:
        if rel["source"] is not None and rel["target"] is not None:
            yield _link_entity(ex, rel)
    for quote in ex.quotes:
        if quote["speaker"] is not None:
            yield _note_entity(ex, quote)
    for doc_id in sorted(ex.cited):
        article = ex.articles[doc_id]
        yield _entity(
            "Article",
            entity_id("article", doc_id),
            {
                "title": article["title"],
                "name": article["title"],
                "publishedAt": _date(article["date"]),
                "sourceUrl": _url(article["url"]),
                "publisher": article["source"],
            },
        )


def write_ftm(store: Store, out: IO[str]) -> int:
    """Write FtM entities as NDJSON (one entity a line); returns the number of entities."""
    n = 0
    for entity in ftm_entities(store):
        out.write(json.dumps(entity, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n

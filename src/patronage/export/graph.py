"""The actor network as GraphML and GEXF, for Gephi, Cytoscape, yEd and networkx.

Nodes are actors; an edge aggregates everything that links a source to a
target under one relation: relation statements from the store and asserted
events (the PLOVER type, lowercased, is the relation). Article text is
hostile input, so every string written passes :func:`xml_text`, and the XML
is built with :mod:`xml.etree.ElementTree`, which escapes markup.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO, Any

from patronage.export.tables import actor_rows, event_rows, relation_rows
from patronage.model.plover import plover
from patronage.model.records import is_described
from patronage.store import Store

__all__ = ["GEXF_NS", "GRAPHML_NS", "gexf_date", "network", "write_gexf", "write_graphml", "xml_text"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"

_SIGN = {"positive": 1, "negative": -1}

# characters XML 1.0 forbids anywhere in a document (controls, lone surrogates, U+FFFE/U+FFFF)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: an attribute type as (GraphML type, GEXF type)
_STRING, _INT = ("string", "string"), ("int", "integer")
#: node attributes and their types
_NODE_ATTRS = {"name": _STRING, "kind": _STRING, "country": _STRING, "sector": _STRING, "mentions": _INT}
#: edge attributes besides weight, which both formats treat specially
_EDGE_ATTRS = {
    "relation": _STRING,
    "polarity": _STRING,
    "sign": _INT,
    "first_seen": _STRING,
    "last_seen": _STRING,
}


def xml_text(value: object) -> str:
    """``value`` as text that XML 1.0 can carry: forbidden characters removed, CR as LF.

    Carriage returns become line feeds because parsers normalise a raw CR in
    element text anyway; doing it here makes both formats round-trip alike.
    """
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def gexf_date(value: str | None, end: bool = False) -> str | None:
    """A partial ISO date as a full day: the period's first day, or its last with ``end``.

    ``"2012"`` → ``2012-01-01`` / ``2012-12-31``; ``"2024-12"`` → ``2024-12-01`` /
    ``2024-12-31``. None when ``value`` is not such a date.
    """
    match = _DATE.fullmatch(value or "")
    if match is None:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    mon = int(month)
    if not 1 <= mon <= 12:
        return None
    last = calendar.monthrange(year, mon)[1]
    if day is None:
        return f"{year:04d}-{mon:02d}-{last:02d}" if end else f"{year:04d}-{mon:02d}-01"
    return f"{year:04d}-{mon:02d}-{int(day):02d}" if 1 <= int(day) <= last else None


def _node(ref: dict[str, Any], mentions: int) -> dict[str, Any]:
    return {
        "id": ref["actor_id"],
        "name": ref.get("name"),
        "kind": ref.get("kind"),
        "country": ref.get("country"),
        "sector": ref.get("sector"),
        "mentions": mentions,
    }


def _event_polarity(event_type: str | None) -> str:
    info = plover().types.get(event_type or "")
    return info.sign if info is not None else "neutral"


class _Edges:
    """Accumulates statements and events into one edge per (source, target, relation)."""

    def __init__(self) -> None:
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(
        self,
        source: str,
        target: str,
        relation: str,
        polarity: str | None,
        count: int,
        first: str | None,
        last: str | None,
    ) -> None:
        edge = self.edges.setdefault(
            (source, target, relation),
            {
                "source": source,
                "target": target,
                "relation": relation,
                "weight": 0,
                "polarities": set(),
                "first_seen": None,
                "last_seen": None,
            },
        )
        edge["weight"] += count
        edge["polarities"].add(polarity or "neutral")
        if first is not None and (edge["first_seen"] is None or first < edge["first_seen"]):
            edge["first_seen"] = first
        if last is not None and (edge["last_seen"] is None or last > edge["last_seen"]):
            edge["last_seen"] = last

    def result(self) -> list[dict[str, Any]]:
        out = []
        for edge in self.edges.values():
            polarities = edge.pop("polarities")
            polarity = next(iter(polarities)) if len(polarities) == 1 else "mixed"
            out.append({**edge, "polarity": polarity, "sign": _SIGN.get(polarity, 0)})
        out.sort(key=lambda e: (-e["weight"], e["source"], e["target"], e["relation"]))
        return out


Link = tuple[dict[str, Any], dict[str, Any], str, str | None, int, str | None, str | None]


def _links(store: Store) -> Iterator[Link]:
    """``(source, target, relation, polarity, count, first_seen, last_seen)`` of every relation and
    asserted event between two actors (an event counts once, its type lowercased is its relation)."""
    for rel in relation_rows(store):
        src, tgt = rel["source"], rel["target"]
        if src is not None and tgt is not None:
            yield (
                src,
                tgt,
                rel["relation"],
                rel["polarity"],
                rel["count"],
                rel["first_seen"],
                rel["last_seen"],
            )
    for event in event_rows(store):
        src, tgt, kind = event["source"], event["target"], event["type"]
        if event["polarity"] != "asserted" or src is None or tgt is None or not kind:
            continue
        if is_described(src["actor_id"]) or is_described(tgt["actor_id"]):
            continue  # an actor the text only describes is no node of the network
        yield src, tgt, str(kind).lower(), _event_polarity(kind), 1, event["date"], event["date"]


def network(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes (actors) and edges aggregated per (source, target, relation).

    A node has ``id, name, kind, country, sector, mentions``; an actor that
    only appears in a fact (never as a resolved mention) is a node with 0
    mentions. An edge has ``source, target, relation, weight`` (number of
    statements and events), ``polarity`` (positive, negative, neutral or
    mixed), ``sign`` (1, -1, 0), ``first_seen`` and ``last_seen``.
    """
    nodes: dict[str, dict[str, Any]] = {}
    for actor in actor_rows(store):
        nodes[actor["actor_id"]] = _node(actor, actor["mentions"])
    extra: dict[str, dict[str, Any]] = {}
    edges = _Edges()
    for src, tgt, relation, polarity, count, first, last in _links(store):
        for ref in (src, tgt):
            if ref["actor_id"] not in nodes:
                extra.setdefault(ref["actor_id"], _node(ref, 0))
        edges.add(src["actor_id"], tgt["actor_id"], relation, polarity, count, first, last)
    ordered = list(nodes.values()) + [extra[k] for k in sorted(extra)]
    return ordered, edges.result()


def _write(root: ET.Element, out: IO[str]) -> None:
    # the declaration is written by hand: ElementTree would declare the locale's encoding
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ET.ElementTree(root).write(out, encoding="unicode", xml_declaration=False)
    out.write("\n")


def _graphml_value(value: Any) -> str:
    return xml_text(float(value) if isinstance(value, int) and not isinstance(value, bool) else value)


def write_graphml(store: Store, out: IO[str]) -> int:
    """Write the network as directed GraphML with typed keys; returns the number of edges."""
    nodes, edges = network(store)
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for name, (gtype, _) in _NODE_ATTRS.items():
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": gtype})
    ET.SubElement(root, "key", {"id": "n_label", "for": "node", "attr.name": "label", "attr.type": "string"})
    ET.SubElement(
        root, "key", {"id": "e_weight", "for": "edge", "attr.name": "weight", "attr.type": "double"}
    )
    for name, (gtype, _) in _EDGE_ATTRS.items():
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": gtype})
    graph = ET.SubElement(root, "graph", {"id": "patronage", "edgedefault": "directed"})
    for node in nodes:
        el = ET.SubElement(graph, "node", {"id": xml_text(node["id"])})
        if node["name"] is not None:
            ET.SubElement(el, "data", {"key": "n_label"}).text = xml_text(node["name"])
        for name in _NODE_ATTRS:
            if node[name] is not None:
                ET.SubElement(el, "data", {"key": f"n_{name}"}).text = xml_text(node[name])
    for n, edge in enumerate(edges):
        el = ET.SubElement(
            graph,
            "edge",
            {"id": f"e{n}", "source": xml_text(edge["source"]), "target": xml_text(edge["target"])},
        )
        ET.SubElement(el, "data", {"key": "e_weight"}).text = _graphml_value(edge["weight"])
        for name in _EDGE_ATTRS:
            if edge[name] is not None:
                ET.SubElement(el, "data", {"key": f"e_{name}"}).text = xml_text(edge[name])
    _write(root, out)
    return len(edges)


def _attributes(graph: ET.Element, cls: str, attrs: dict[str, tuple[str, str]]) -> None:
    block = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
    for name, (_, xtype) in attrs.items():
        ET.SubElement(block, "attribute", {"id": name, "title": name, "type": xtype})


def _attvalues(el: ET.Element, item: dict[str, Any], attrs: dict[str, tuple[str, str]]) -> None:
    values = [(name, item[name]) for name in attrs if item.get(name) is not None]
    if values:
        block = ET.SubElement(el, "attvalues")
        for name, value in values:
            ET.SubElement(block, "attvalue", {"for": name, "value": xml_text(value)})


def write_gexf(store: Store, out: IO[str]) -> int:
    """Write the network as dynamic GEXF 1.3 (edges carry start/end dates); returns the number of edges."""
    nodes, edges = network(store)
    root = ET.Element(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "patronage"
    ET.SubElement(meta, "description").text = "Political actors and what they do to each other"
    graph = ET.SubElement(
        root, "graph", {"mode": "dynamic", "defaultedgetype": "directed", "timeformat": "date"}
    )
    node_attrs = {k: v for k, v in _NODE_ATTRS.items() if k != "name"}
    _attributes(graph, "node", node_attrs)
    _attributes(graph, "edge", _EDGE_ATTRS)
    node_block = ET.SubElement(graph, "nodes")
    for node in nodes:
        label = node["name"] if node["name"] is not None else node["id"]
        el = ET.SubElement(node_block, "node", {"id": xml_text(node["id"]), "label": xml_text(label)})
        _attvalues(el, node, node_attrs)
    edge_block = ET.SubElement(graph, "edges")
    for n, edge in enumerate(edges):
        attrib = {
            "id": f"e{n}",
            "source": xml_text(edge["source"]),
            "target": xml_text(edge["target"]),
            "label": xml_text(edge["relation"]),
            "weight": str(float(edge["weight"])),
        }
        start, end = gexf_date(edge["first_seen"]), gexf_date(edge["last_seen"], end=True)
        if start is not None:
            attrib["start"] = start
        if end is not None:
            attrib["end"] = end
        el = ET.SubElement(edge_block, "edge", attrib)
        _attvalues(el, edge, _EDGE_ATTRS)
    _write(root, out)
    return len(edges)

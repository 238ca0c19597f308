"""The cited dossier written out: a :class:`~patronage.query.report.Report` laid out with templates.

Nothing is composed beyond fixed phrases filled with the store's values: each statement names its
actors, dates (with precision and the words that gave them) and counts, and is followed by its
citations (article title, date, outlet, the sentence). When a cited sentence names an actor
neither by its name nor by an alias ("he", "the Kremlin"), the citation says how it does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from patronage.errors import InputError
from patronage.export.markup import Block, Heading, Inline, Item, Para, Span, to_html, to_markdown
from patronage.model.records import ActorRef, DateValue, Event, Quote
from patronage.query.report import Citation, Cited, Report, Tie

__all__ = ["FORMATS", "VERBS", "layout", "names_in", "render_report"]

#: the formats a report is written in
FORMATS = ("md", "html")

#: how a relation reads between its source and its target
VERBS = {
    "harbours": "harbours",
    "supports": "supports",
    "allied_with": "is allied with",
    "hosts": "hosts",
    "releases": "releases",
    "engages": "engages with",
    "opposes": "opposes",
    "personal_tie": "has a personal tie with",
    "relations": "has relations with",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def when(date: DateValue) -> str:
    """A date as the dossier shows it: value, precision and the words it was read from."""
    if date.value is None:
        return "undated"
    shown = f"{date.season} {date.value}" if date.precision == "season" and date.season else date.value
    if date.text == "article date":
        return f"{shown} (the article's date)"
    if date.text == "document date":
        return f"{shown} ({date.precision}, from the article's date)"
    return f"{shown} ({date.precision}, “{date.text}”)" if date.text else f"{shown} ({date.precision})"


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


def names_in(sentence: str, names: Sequence[str]) -> bool:
    """Whether ``sentence`` contains one of ``names`` as a whole word or phrase, ignoring case."""
    return any(name and _pattern(name).search(sentence) for name in names)


def _cite(citation: Citation | None, refs: Sequence[ActorRef | None], report: Report) -> list[Inline]:
    """The citation line of a fact, with how its sentence names each of ``refs`` unless by name."""
    if citation is None:
        return []
    line: list[str | Span] = [Span(citation.title or "untitled article", "em", citation.url)]
    line.append(f", {citation.date or 'undated'}, {citation.source or 'outlet unknown'}: ")
    line.append(Span(citation.sentence, "quote"))
    notes = []
    for ref in refs:
        if ref is None or names_in(citation.sentence, report.names.get(ref.actor_id, (ref.name,))):
            continue
        if ref.text and ref.text in citation.sentence:
            notes.append(f"{ref.name} as “{ref.text}”")
        else:
            notes.append(f"{ref.name} not named in this sentence")
    if notes:
        line.append(f" ({'; '.join(notes)})")
    return [line]


def _identity(report: Report) -> list[Block]:
    actor = report.actor
    facts = [actor.kind, f"country {actor.country}" if actor.country else "country unknown"]
    if actor.sector:
        facts.append(f"sector {actor.sector}")
    facts.append(f"Wikidata {actor.wikidata}" if actor.wikidata else "no Wikidata id")
    blocks: list[Block] = [Heading(1, actor.name), Para([" · ".join(facts) + f" · id {actor.actor_id}"])]
    if actor.aliases:
        blocks.append(Para(["Also named: " + ", ".join(actor.aliases[:12])]))
    scope = "A cited dossier built from the patronage store"
    if report.relation:
        scope += (
            f": only the relation “{report.relation}”, the events of its kind and the quotes involving "
            "the actors it links"
        )
    if report.as_of:
        scope += f"; facts dated after {report.as_of} left out (undated ones kept)"
    blocks.append(
        Para([scope + ". Every statement is followed by the article and the sentence it comes from."])
    )
    return blocks


def _roles(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Roles over time")]
    for cited in report.roles:
        role = cited.fact
        of = f" ({role.of})" if role.of else ""
        if cited.citation is None:
            span = f"from {role.start or '?'}" + (f" to {role.end}" if role.end else "")
            blocks.append(
                Item([Span(role.title + of, "strong"), f", {span} (from the gazetteer, no article)"])
            )
        else:
            said: list[str | Span] = [
                Span(role.title + of, "strong"),
                f", stated in an article of {cited.date.value}"
                if cited.date.value
                else ", stated in an undated article",
            ]
            blocks.append(Item(said, _cite(cited.citation, [], report)))
    if len(blocks) == 1:
        blocks.append(Para(["No role is stored."]))
    return blocks + _left(report, "roles", "role")


def _tie(tie: Tie, report: Report) -> Item:
    seen = when(tie.first_seen)
    if tie.last_seen.value != tie.first_seen.value:
        seen = f"first {seen}, last {when(tie.last_seen)}"
    head: list[str | Span] = [
        Span(f"{tie.source.name} {VERBS.get(tie.relation, tie.relation)} {tie.target.name}", "strong")
    ]
    head.append(
        f": {seen}; {tie.polarity}; {_plural(tie.count, 'statement')} in {_plural(tie.articles, 'article')}; "
        f"strength {tie.strength:.2f}"
    )
    cites = []
    for st in tie.statements:
        for line in _cite(st.citation, [st.fact.source, st.fact.target], report):
            cites.append([f"{when(st.date)}: ", *line] if tie.count > 1 else line)
    if tie.count > len(tie.statements):
        cites.append([f"… and {_plural(tie.count - len(tie.statements), 'more statement')}"])
    return Item(head, cites)


def _relations(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Relations")]
    current = None
    for tie in report.ties:
        if tie.relation != current:
            current = tie.relation
            blocks.append(Heading(3, tie.relation.replace("_", " ").capitalize()))
        blocks.append(_tie(tie, report))
    if not report.ties:
        what = f"“{report.relation}”" if report.relation else "any relation"
        blocks.append(Para([f"The store holds no statement of {what} for {report.actor.name}."]))
    return blocks + _left(report, "ties", "tie")


def _event(cited: Cited[Event], report: Report) -> Item:
    e = cited.fact
    source = e.source.name if e.source else "(no source)"
    target = e.target.name if e.target else "(no target)"
    code = ", ".join(x for x in (f"CAMEO {e.cameo}" if e.cameo else "", e.mode or "", *e.context) if x)
    kind = e.type + (f" ({code})" if code else "")
    flags = "; negated: the text says it did not happen" if e.polarity == "negated" else ""
    if e.modality != "actual":
        flags += f"; {e.modality}"
    head: list[str | Span] = [
        f"{when(cited.date)}: ",
        Span(f"{source} → {target}", "strong"),
        f", {kind}{flags}; confidence {e.confidence:.2f}",
    ]
    return Item(head, _cite(cited.citation, [e.source, e.target], report))


def _events(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Key dated events")]
    for type_, events in report.events.items():
        blocks.append(Heading(3, type_))
        blocks += [_event(c, report) for c in events]
    if not report.events:
        blocks.append(Para(["No event of this kind is stored."]))
    return blocks + _left(report, "events", "event")


def _quote(cited: Cited[Quote], report: Report) -> Item:
    q = cited.fact
    speaker = q.speaker.name if q.speaker else "An unnamed source"
    how = "direct" if q.direct else "indirect"
    head: list[str | Span] = [
        Span(speaker, "strong"),
        f" {q.cue or 'said'} ({how}): ",
        Span(q.text, "quote"),
    ]
    return Item(head, _cite(cited.citation, [q.speaker], report))


def _quotes(report: Report) -> list[Block]:
    name = report.actor.name
    blocks: list[Block] = []
    for key, title, quotes in (
        ("quotes_by", f"Quotes by {name}", report.quotes_by),
        ("quotes_about", f"Quotes about {name}", report.quotes_about),
    ):
        blocks.append(Heading(2, title))
        blocks += [_quote(c, report) for c in quotes]
        if not quotes:
            blocks.append(
                Para(
                    [
                        "None stored"
                        + (" that involves an actor of this relation." if report.relation else ".")
                    ]
                )
            )
        blocks += _left(report, key, "quote")
    return blocks


def _left(report: Report, key: str, word: str) -> list[Block]:
    n = report.left_out.get(key, 0)
    return [Para([f"{n} more {word}{'' if n == 1 else 's'} left out by the limit."], note=True)] if n else []


def layout(report: Report) -> list[Block]:
    """The dossier as a document: identity, roles, relations, events, quotes."""
    return [*_identity(report), *_roles(report), *_relations(report), *_events(report), *_quotes(report)]


def render_report(report: Report, fmt: str = "md") -> str:
    """The dossier as Markdown (``md``) or one self-contained HTML page (``html``)."""
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {', '.join(FORMATS)}, not {fmt[:20]!r}", source="format")
    blocks = layout(report)
    if fmt == "md":
        return to_markdown(blocks)
    return to_html(blocks, f"{report.actor.name}: a cited dossier")

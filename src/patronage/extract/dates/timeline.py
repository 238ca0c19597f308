"""Date expressions resolved against the document date and the narrative.

News conventions: a bare weekday or a month without a year is the most recent
one on or before the publication date; "three years later" counts from the
narrative anchor (the last date the article established), "three years ago"
from the publication date. Every result carries the precision the text
supports and nothing finer: "last week" is a month only when the whole week
lies in one month, "in the winter of 2012" is a season, "the 1990s" a decade.

Patterns live in :mod:`patronage.extract.dates.patterns`, what each one means in
:mod:`patronage.extract.dates.rules`, calendar arithmetic in :mod:`patronage.extract.dates.calc`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from patronage.extract.dates.calc import PRECISION_RANK, day_value, year_value
from patronage.extract.dates.patterns import scan
from patronage.extract.dates.rules import RESOLVERS
from patronage.model.records import DateValue

__all__ = ["DatedSpan", "Timeline", "find_date_expressions", "resolve_each", "resolve_expression"]

_BARE_YEAR = re.compile(r"\s*((?:1[5-9]|20)\d\d)\s*")


def _as_date(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


#: words of a clause that put what it says in the future: "will meet on Wednesday"
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are|was|were) (?:due|set|expected|scheduled|slated|poised) to|"
    r"(?:is|are) to|plans? to|planning to|intends? to|(?:is|are) going to)\b",
    re.IGNORECASE,
)
#: where the clause of a date expression starts, looking back from it
_CLAUSE_START = re.compile(
    r"[,;:]|\b(?:who|which|that|what|where|how|whether|if|after|before|when|while|since)\b", re.IGNORECASE
)
#: dates stated without a year or a "last"/"next": placed on or before publication unless future
_BARE = frozenset({"weekday", "md", "dm", "month_rel"})


def _future_clause(text: str, start: int) -> bool:
    """True when the clause holding the date expression at ``start`` speaks of the future."""
    before = text[max(0, start - 80) : start]
    cuts = [m.end() for m in _CLAUSE_START.finditer(before)]
    return _FUTURE.search(before[cuts[-1] if cuts else 0 :]) is not None


def _forward(value: DateValue, rule: str, doc: dt.date | None) -> DateValue:
    """A bare date the clause puts in the future, moved to its next occurrence after ``doc``."""
    if doc is None or value.value is None or value.value >= doc.isoformat()[: len(value.value)]:
        return value
    if rule == "weekday":
        day = dt.date.fromisoformat(value.value) + dt.timedelta(days=7)
        return day_value(day, value.text or "")
    year, rest = value.value.split("-", 1)
    return replace(value, value=f"{int(year) + 1:04d}-{rest}")


def _resolve_all(text: str, doc: dt.date | None, anchor: DateValue | None) -> DateValue | None:
    """The best date of ``text``: resolve in reading order, prefer the finest.

    Adjectival years ("the 2014 annexation") rank below every other
    expression: they usually date a background event, not the sentence's own.
    A date stated without its year or week ("on Wednesday", "in March") lies on
    or before publication, unless its own clause speaks of the future ("will
    meet on Wednesday"): then it is the next such day or month.
    """
    found = resolve_each(text, doc, anchor)
    return min(found, key=lambda d: d.rank).value if found else None


@dataclass(frozen=True, slots=True)
class DatedSpan:
    """One resolved date expression of a sentence: where it is and how it ranks as the sentence's date."""

    start: int
    end: int
    value: DateValue
    #: (adjectival year, precision rank, position): the lowest is the sentence's best date
    rank: tuple[bool, int, int]


def resolve_each(text: str, doc: dt.date | None, anchor: DateValue | None) -> list[DatedSpan]:
    """Every date expression of ``text`` that resolves, in reading order, each anchoring the next."""
    out: list[DatedSpan] = []
    for match in scan(text):
        rule = match.lastgroup or ""
        value = RESOLVERS[rule](match, match.group(0), doc, anchor)
        if value is None:
            continue
        if rule in _BARE and not _has_modifier(match) and _future_clause(text, match.start()):
            value = _forward(value, rule, doc)
        anchor = value
        rank = (rule == "year_adj", PRECISION_RANK[value.precision], len(out))
        out.append(DatedSpan(match.start(), match.end(), value, rank))
    return out


def _has_modifier(match: re.Match[str]) -> bool:
    """True when the expression says which one it means ("last Tuesday", "next March")."""
    return any(name.endswith("_mod") and value for name, value in match.groupdict().items()) or bool(
        re.search(r"\b(?:last|next|this|past|coming)\b", match.group(0), re.IGNORECASE)
    )


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, text)`` of the date expressions in ``text``.

    Spans include a leading preposition when there is one ("in 2014",
    "on Oct. 20, 2015"); ``text[start:end]`` always equals the returned text.
    """
    return [(m.start(), m.end(), m.group(0)) for m in scan(text)]


def resolve_expression(
    expr: str, doc_date: dt.date | None, anchor: DateValue | None = None
) -> DateValue | None:
    """Resolve a date expression (or the best one in a sentence) to a :class:`DateValue`.

    ``doc_date`` places expressions relative to publication ("Tuesday",
    "last year", "two days ago"); ``anchor`` places narrative ones ("three
    years later", "the next day"). None when the text holds no date or it
    cannot be placed honestly ("recently", "for years", a relative expression
    without its reference point).
    """
    found = _resolve_all(expr, _as_date(doc_date), anchor)
    if found is None and (bare := _BARE_YEAR.fullmatch(expr)):
        return year_value(int(bare.group(1)), expr.strip())
    return found


class Timeline:
    """Narrative date state of one article.

    Feed every sentence, in order, to :meth:`sentence_date`; each resolved
    sentence date becomes the anchor that later relative expressions ("three
    years later", "the next day") count from.
    """

    __slots__ = ("_anchor", "_doc")

    def __init__(self, doc_date: dt.date | None) -> None:
        self._doc = _as_date(doc_date)
        self._anchor: DateValue | None = None

    @property
    def anchor(self) -> DateValue | None:
        """The current narrative anchor: the last sentence date resolved."""
        return self._anchor

    def sentence_date(self, sentence: str) -> DateValue | None:
        """The date of the sentence's main event, or None when it has no date expression."""
        found = self.sentence_dates(sentence)
        return min(found, key=lambda d: d.rank).value if found else None

    def sentence_dates(self, sentence: str) -> list[DatedSpan]:
        """Every resolved date expression of the sentence, in reading order; the best becomes the anchor."""
        found = resolve_each(sentence, self._doc, self._anchor)
        if found:
            self._anchor = min(found, key=lambda d: d.rank).value
        return found

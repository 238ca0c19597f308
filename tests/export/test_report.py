"""The cited dossier written as Markdown and as HTML: templates, citations and escaping."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from patronage.errors import InputError
from patronage.export.markup import CSP, Heading, Item, Para, Span, to_html, to_markdown
from patronage.export.report import VERBS, layout, names_in, render_report, when
from patronage.model.plover import RELATIONS
from patronage.model.records import DateValue
from patronage.query.report import Report, build_report
from patronage.store import Store
from tests.fixtures.dossier import HOSTILE_TITLE, dossier_corpus
from tests.fixtures.records import HOSTILE, IRAN, PUTIN, write_store


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    db = write_store(tmp_path_factory.mktemp("dossier") / "dossier.duckdb", dossier_corpus())
    with Store(db, read_only=True) as store:
        return build_report(store, PUTIN.actor_id)


def test_markdown_has_every_section_and_a_citation_under_each_statement(report: Report) -> None:
    text = render_report(report, "md")
    assert text.startswith("# Vladimir Putin\n\nperson · country RUS · sector GOV · Wikidata Q7747")
    for heading in ("## Roles over time", "## Relations", "### Harbours", "### Supports", "## Key dated events",
                    "### AID", "## Quotes by Vladimir Putin", "## Quotes about Vladimir Putin"):  # fmt: skip
        assert f"\n{heading}\n" in text
    lines = text.splitlines()
    statement = lines.index("- **Vladimir Putin harbours Viktor Yanukovych**: 2014 (year); positive; "
                            "1 statement in 1 article; strength 0.80")  # fmt: skip
    assert lines[statement + 1] == (
        "  - *[Moscow's guests](https://example.org/refuge)*, 2024-12-16, Example Wire: "
        "“Putin also sheltered Yanukovych in 2014.”"
    )
    # every statement (a top-level item) is followed by at least one citation, except gazetteer roles
    for at, line in enumerate(lines):
        if line.startswith("- ") and "from the gazetteer" not in line:
            assert lines[at + 1].startswith("  - "), line
    support = "- **Vladimir Putin supports Bashar al-Assad**: first 2015-10 (month), last 2016-05 (month)"
    assert support in text and "  - 2016-05 (month): *Still backing*, 2016-05-02, outlet unknown: " in text


def test_hostile_text_stays_text_in_markdown(report: Report) -> None:
    text = render_report(report, "md")
    # every "<" is escaped (no raw HTML), and the hostile link and emphasis are text (below)
    assert not re.search(r"(?<!\\)<", text) and not re.search(r"(?<!\\)\]\(javascript", text)
    assert r"\<script\>alert(1)\</script\> \[click\](javascript:alert(5)) \*\*Putin\*\* \& Iran" in text
    assert "javascript:alert(6)" not in text  # an address that is not a web one is never a link


class _Tags(HTMLParser):
    """The tags and attributes of a page, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_escaped_and_self_contained(report: Report) -> None:
    page = render_report(report, "html")
    parsed = _Tags()
    parsed.feed(page)
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "ul", "li",
                    "strong", "cite", "span", "a"}  # fmt: skip
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert not any(k.startswith("on") or k == "src" for _, attrs in parsed.tags for k in attrs)
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert links and all(str(h).startswith("https://example.org/") for h in links)
    text = "".join(parsed.text)
    assert HOSTILE_TITLE in text and f"<b>{HOSTILE}</b>" in text  # shown as written
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    meta = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert meta["content"] == CSP and "default-src 'none'" in CSP and "unsafe" not in CSP


def test_html_has_the_markdown_statements(report: Report) -> None:
    parsed = _Tags()
    parsed.feed(render_report(report, "html"))
    text = "".join(parsed.text)
    for piece in ("Vladimir Putin harbours Edward Snowden", "“Snowden has lived under the protection of Putin "
                  "since 2013.”", "Viktor Yanukovych", "Key dated events"):  # fmt: skip
        assert piece in text


def test_an_unknown_format_is_an_input_error(report: Report) -> None:
    with pytest.raises(InputError, match="format must be one of md, html"):
        render_report(report, "pdf")


def test_a_sentence_that_names_an_actor_otherwise_says_how(report: Report) -> None:
    # without its aliases "Putin" is no name of Vladimir Putin: the citation says how the sentence names him
    text = to_markdown(layout(replace(report, names={})))
    assert (
        "“Putin also sheltered Yanukovych in 2014.” (Vladimir Putin as “Putin”; Viktor Yanukovych as" in text
    )


def test_every_relation_has_a_verb_and_dates_say_how_they_were_read() -> None:
    assert set(VERBS) == set(RELATIONS)
    assert when(DateValue("2012", "season", "winter", "In the winter of 2012")) == (
        "winter 2012 (season, “In the winter of 2012”)"
    )
    assert (
        when(DateValue("2024-12", "month", None, "document date"))
        == "2024-12 (month, from the article's date)"
    )
    assert when(DateValue(None)) == "undated"
    assert names_in("Putin’s protection", ["Putin"]) and not names_in("Putinism", ["Putin"])
    assert names_in("the US said", ["US"]) and not names_in("focus", ["US"])


def test_markup_escapes_what_would_start_a_block_or_a_link() -> None:
    md = to_markdown(
        [
            Heading(1, "# x"),
            Para(["1. not a list", " <i>"]),
            Item(["- no", Span("a)b", href="https://x/(y)")]),
        ]
    )
    assert md.startswith("# \\# x\n")
    assert "1\\. not a list \\<i\\>" in md
    assert "- \\- no[a)b](https://x/%28y%29)" in md
    page = to_html([Para([Span('"><script>', href='https://x/"onmouseover=alert(1)')])], "<t>")
    assert "<script>" not in page and 'href="https://x/&quot;onmouseover=alert(1)"' in page
    assert "<title>&lt;t&gt;</title>" in page


def test_iran_is_cited_by_the_hostile_article(report: Report) -> None:
    opposes = next(t for t in report.ties if t.target.actor_id == IRAN.actor_id)
    cite = opposes.statements[0].citation
    assert cite is not None and cite.title == HOSTILE_TITLE and cite.url is None
    assert re.search(r"Putin opposes Iran <script>", cite.sentence)

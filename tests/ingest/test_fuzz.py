"""Property-based fuzzing of ingest, clean and the whole analysis.

Cheap properties (decode, JSONL ingest, clean) get thousands of examples; the full spaCy pipeline gets
a couple of hundred. Together the file generates over 10,000 inputs. The examples are derandomised so
the suite is reproducible; set ``TEST_FUZZ_RANDOM=1`` to explore new inputs on every run.
"""

from __future__ import annotations

import io
import json
import os
import string
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from patronage.analysis import analyse_articles
from patronage.clean import clean_article, html_to_text, normalise
from patronage.config import Settings
from patronage.errors import InputError
from patronage.ingest import read_inputs
from patronage.ingest.decode import decode_bytes
from patronage.model.records import AnalysedArticle, Article, CleanArticle, Failure

RANDOM = bool(os.environ.get("TEST_FUZZ_RANDOM"))
COMMON: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "derandomize": not RANDOM,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
CHEAP = settings(max_examples=2500, **COMMON)
MEDIUM = settings(max_examples=1500, **COMMON)
HTML = settings(max_examples=300, **COMMON)
PIPELINE = settings(max_examples=200, **COMMON)

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a`"
NEWLINES = "\n\r\u2028\u2029\x0b\x0c"
CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\n\r\t") + "\x7f"
SPECIAL = ZERO_WIDTH + BIDI + QUOTES + NEWLINES + CONTROLS + "\t \u00a0\u3000\u2003-\u2014\u2013.,;:!?()[]"
HEBREW_ARABIC = "\u05d0\u05d1\u05d2\u05e9\u0627\u0644\u0633\u0644\u0627\u0645"

# what clean promises to remove (see clean/text.py); C1 controls and NFC are pinned separately below
INVISIBLE = set(ZERO_WIDTH + BIDI)
C0 = {chr(c) for c in range(32) if chr(c) != "\n"} | {"\x7f"}

# --- strategies ------------------------------------------------------------------------------------

special_chars = st.sampled_from(SPECIAL + HEBREW_ARABIC)
any_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs"]), special_chars, st.sampled_from(string.printable)
    ),
    max_size=200,
)

NAMES = ["Russia", "Vladimir Putin", "Assad", "Mr. Assad", "Iran", "the Kremlin", "Turkey", "Ukraine", "he"]
VERBS = [
    "granted asylum to",
    "visited",
    "met",
    "accused",
    "threatened",
    "praised",
    "sheltered",
    "did not meet",
]
TAILS = ["on Tuesday", "in December 2024", "three years later", "in Moscow", "", "last winter"]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """One news-like sentence, sometimes quoted, sometimes salted with invisible or odd characters."""
    words = [draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(NAMES))]
    words.append(draw(st.sampled_from(TAILS)))
    text = " ".join(w for w in words if w) + draw(st.sampled_from([".", "!", "?", "", "..."]))
    if draw(st.booleans()):
        cue = draw(st.sampled_from(["said", "told reporters", "added"]))
        text = f"{draw(st.sampled_from(QUOTES))}{text}{draw(st.sampled_from(QUOTES))} {draw(st.sampled_from(NAMES))} {cue}."
    salt = draw(st.lists(st.tuples(st.integers(0, 200), special_chars), max_size=4))
    for at, ch in salt:
        at = min(at, len(text))
        text = text[:at] + ch + text[at:]
    return text


article_text = st.lists(
    st.one_of(sentence(), sentence(), any_text.map(lambda t: t[:60])), min_size=1, max_size=8
).map(lambda parts: " ".join(parts) if len(parts) % 3 else "\n\n".join(parts))

json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
FIELDS = ["id", "title", "text", "html", "date", "url", "source", "content", "body", "headline", "published"]
DATES = st.one_of(
    st.sampled_from(
        ["2021-02-30", "2024-13-01", "0000-01-01", "99999-01-01", "2020-01-01T10:00:00Z", "yesterday"]
    ),
    st.dates().map(str),
    json_scalar,
)


@st.composite
def jsonl_record(draw: st.DrawFn) -> dict[str, Any]:
    """A JSON object with article fields of right and wrong types."""
    obj: dict[str, Any] = {}
    for key in draw(st.lists(st.sampled_from(FIELDS), max_size=6, unique=True)):
        if key in ("text", "content", "body"):
            obj[key] = draw(st.one_of(article_text, json_value))
        elif key in ("date", "published"):
            obj[key] = draw(DATES)
        elif key == "html":
            obj[key] = draw(st.one_of(st.just("<p>Iran threatened Israel.</p>"), any_text, json_value))
        else:
            obj[key] = draw(st.one_of(any_text, json_value))
    return obj


def _broken(line: str, cut: int) -> str:
    return line[: cut % max(1, len(line))]


jsonl_line = st.one_of(
    jsonl_record().map(json.dumps),
    jsonl_record().map(lambda o: json.dumps(o, ensure_ascii=False)),
    st.tuples(jsonl_record().map(json.dumps), st.integers(0, 500)).map(lambda t: _broken(*t)),
    json_value.map(json.dumps),
    any_text.filter(lambda t: "\n" not in t and "\r" not in t),
)


def _is_blank_line(raw: bytes) -> bool:
    return not raw.strip()


# --- ingest and clean ---------------------------------------------------------------------------------


@CHEAP
@given(st.binary(max_size=400))
@example(b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then a lone surrogate
@example(b"\xef\xbb\xbf")
def test_decode_bytes_returns_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert exc.message and exc.source == "fuzz"
        return
    assert isinstance(text, str)


@MEDIUM
@given(st.one_of(st.binary(max_size=300), any_text.map(lambda t: t.encode("utf-8"))))
def test_stdin_blob_yields_only_records(data: bytes) -> None:
    items = list(read_inputs(["-"], "2020-01-01", io.BytesIO(data)))
    for item in items:
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.message and item.stage == "ingest" and item.level in ("error", "warning")
        else:
            # a one-line text file is all title: the title is then the text
            assert item.title.strip() or (item.text or "").strip() or (item.html or "").strip()
    if not data.strip():
        assert len(items) == 1 and isinstance(items[0], Failure)


@MEDIUM
@given(st.lists(jsonl_line, min_size=1, max_size=6), st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_gives_one_article_or_one_error_per_line(lines: list[str], eol: bytes) -> None:
    raw = [line.encode("utf-8") for line in lines]
    items = list(read_inputs(["-"], None, io.BytesIO(b"{}" + eol + eol.join(raw))))
    # the leading "{}" forces JSONL sniffing and is itself one error ("no text or html")
    assert isinstance(items[0], Failure) and items[0].doc == "<stdin>:1"
    per_line: dict[int, list[Article | Failure]] = {}
    for item in items[1:]:
        if isinstance(item, Article):
            lineno = int(item.origin.rsplit(":", 1)[1])
        elif item.level == "error":
            lineno = int(item.doc.rsplit(":", 1)[1])
        else:
            continue  # a warning goes with the article that follows it
        per_line.setdefault(lineno, []).append(item)
    expected = {i for i, line in enumerate(raw, start=2) if not _is_blank_line(line)}
    assert set(per_line) == expected
    assert all(len(v) == 1 for v in per_line.values())
    for item in items:
        if isinstance(item, Failure):
            assert item.message and "Traceback" not in item.message


def _fresh_html_state() -> None:
    """Forget what trafilatura has seen in this process (see test_html_cleaning_is_repeatable)."""
    from trafilatura import deduplication

    # only the duplicate cache: trafilatura.meta.reset_caches() also runs gc.collect(), far too slow here
    deduplication.LRU_TEST.clear()


def _check_clean(article: Article, max_chars: int) -> CleanArticle | None:
    if article.html is not None:
        _fresh_html_state()
    try:
        clean, warnings = clean_article(article, max_chars)
    except InputError as exc:
        assert exc.message
        return None
    text = clean.text
    assert text.strip() and text == text.strip()
    # the title leads the text, unless max_chars cut into the title itself
    assert text.startswith(clean.title) or (warnings and clean.title.startswith(text))
    assert not INVISIBLE & set(text) and not C0 & set(text), repr(text)
    assert "\r" not in text and "\n\n\n" not in text
    if max_chars:
        assert len(text) <= max_chars
        assert bool(warnings) == any("cut to" in w for w in warnings)
    if article.html is not None:
        _fresh_html_state()
    assert clean_article(article, max_chars)[0] == clean  # deterministic
    return clean


@CHEAP
@given(any_text, article_text, st.sampled_from([0, 40, 200]))
def test_clean_article_is_total_and_normalised(title: str, body: str, max_chars: int) -> None:
    _check_clean(Article("fuzz", title, text=body, origin="fuzz"), max_chars)


@settings(max_examples=2000, **COMMON)
@given(st.text(alphabet=st.one_of(special_chars, st.characters(exclude_categories=["Cs"])), max_size=120))
def test_normalise_removes_what_it_promises(text: str) -> None:
    out = normalise(text)
    assert not INVISIBLE & set(out)
    assert not (C0 - {"\n"}) & set(out)
    assert "\r" not in out and "\u2028" not in out and "\u2029" not in out


html_piece = st.one_of(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<script>",
            "</script>",
            "<title>",
            "</title>",
            "<h1>",
            "</h1>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<a href='javascript:x'>",
            "</a>",
            "&amp;",
            "&#0;",
            "&#x110000;",
            "&bogus;",
            "<",
            ">",
            "<?xml?>",
            "<!DOCTYPE html>",
        ]
    ),
    sentence(),
    any_text.map(lambda t: t[:40]),
)


@HTML
@given(st.lists(html_piece, max_size=30).map("".join))
@example("<html>" + "<div>" * 3000 + "<p>Iran threatened Israel on Friday.</p>" + "</div>" * 3000 + "</html>")
@example("<p>\x00\x01 Russia sent aid.</p>")
def test_html_to_text_returns_text_or_input_error(html: str) -> None:
    _fresh_html_state()
    try:
        title, body = html_to_text(html, "fuzz")
    except InputError as exc:
        assert exc.message
        return
    assert isinstance(title, str) and body.strip()
    _check_clean(Article("fuzz", "", html=html, origin="fuzz"), 0)


# --- the whole analysis -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysis_settings() -> Settings:
    return Settings()


@PIPELINE
@given(article_text, st.sampled_from([None, "2015-10-21", "2024-12-10"]))
def test_pipeline_never_fails_and_evidence_matches(
    analysis_settings: Settings, body: str, date: str | None
) -> None:
    clean = _check_clean(Article("fuzz-doc", "Fuzzed report", text=body, date=date, origin="fuzz"), 0)
    assert clean is not None  # the title alone keeps it
    (result,) = list(analyse_articles([clean], analysis_settings))
    assert isinstance(result, AnalysedArticle), result
    text = result.article.text
    for s in result.sentences:
        assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    evidence = [e.evidence for e in result.events] + [q.evidence for q in result.quotes]
    evidence += [r.evidence for r in result.relations]
    for ev in evidence:
        assert ev.doc_id == "fuzz-doc"
        assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.sentence
    assert len({e.event_id for e in result.events}) == len(result.events)
    assert len({q.quote_id for q in result.quotes}) == len(result.quotes)


# --- known bugs, pinned by exact examples -----------------------------------------------------------------


def test_normalise_output_is_nfc() -> None:
    assert unicodedata.is_normalized("NFC", normalise("Cafe\u200b\u0301 talks"))


def test_normalise_removes_c1_controls() -> None:
    out = normalise("Iran\x85threatened\x9bIsrael\x90.")
    assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in out), repr(out)


# found by test_html_to_text_returns_text_or_input_error (random mode), shrunk by Hypothesis
REPEAT_HTML = (
    '&#0;<p>&#x110000;</h1>"the Kremlin granted asylum to Russia on Tuesday." the Kremlin sa\u2028id.\u200b\x1f'
    '\u201c&amp;\u00e2G\x7f"Mr. Assad granted asylum to Russia on Tuesday." Russia said.<p>"Iran did not meet '
    "Turkey last winter?\u2039 Assad told reporters.\r\u200d"
)


def test_html_cleaning_is_repeatable() -> None:
    _fresh_html_state()
    outputs = [html_to_text(REPEAT_HTML, "fuzz")[1] for _ in range(5)]
    assert all(out == outputs[0] for out in outputs), [o[:40] for o in outputs]

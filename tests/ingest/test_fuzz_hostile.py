"""Fuzz families added after the red-team pass of issue #20.

File kinds (FIFOs, device links, dangling links, directories named like files), JSON number
literals, characters of every Unicode category, byte order marks and encodings, and pathological
HTML. Same settings as ``test_fuzz.py``: derandomised unless ``TEST_FUZZ_RANDOM=1``.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from patronage.clean import html_to_text
from patronage.errors import InputError
from patronage.ingest.chars import normalise_field, normalise_text
from patronage.ingest.decode import decode_bytes
from patronage.model.records import Article, Failure
from tests.ingest.test_files import _items
from tests.ingest.test_fuzz import COMMON

FILES = settings(max_examples=60, **COMMON)
NUMBERS = settings(max_examples=400, **COMMON)
CHARS = settings(max_examples=1500, **COMMON)
ENCODINGS = settings(max_examples=600, **COMMON)

GOOD = b"Talks\nIran threatened Israel on Friday.\n"


# --- file kinds -------------------------------------------------------------------------------------

KINDS = ["regular", "empty", "fifo", "dev-null", "dev-zero", "dangling", "directory", "link-to-regular"]
SUFFIXES = [".txt", ".html", ".jsonl", ".ndjson"]


def _make(path: Path, kind: str) -> bool:
    """Create ``path`` as ``kind``; False when this system cannot."""
    if kind == "regular":
        path.write_bytes(
            GOOD if path.suffix in (".txt", ".html") else b'{"id": "j", "text": "Iran threatened Israel."}\n'
        )
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            return False
        os.mkfifo(path)
    elif kind in ("dev-null", "dev-zero"):
        device = "/dev/null" if kind == "dev-null" else "/dev/zero"
        if not Path(device).exists():
            return False
        path.symlink_to(device)
    elif kind == "dangling":
        path.symlink_to(path.parent / "nowhere")
    elif kind == "directory":
        path.mkdir()
        (path / "inner.txt").write_bytes(GOOD)
    else:
        target = path.parent / ("target-" + path.name)
        target.write_bytes(GOOD)
        path.symlink_to(target)
    return True


@FILES
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(SUFFIXES)), min_size=1, max_size=6))
def test_any_mix_of_file_kinds_is_read_without_hanging(entries: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        made = [
            (f"f{i}{suffix}", kind)
            for i, (kind, suffix) in enumerate(entries)
            if _make(root / f"f{i}{suffix}", kind)
        ]
        items = _items([str(root)])
        for item in items:
            assert isinstance(item, Article | Failure)
            if isinstance(item, Failure):
                assert item.message and "\n" not in item.message
        docs = {i.doc for i in items if isinstance(i, Failure)}
        for name, kind in made:
            if kind in ("fifo", "dev-null", "dev-zero"):
                assert str(root / name) in docs, (name, kind)
        # each path named on the command line is read or refused in the same way
        for name, _ in made:
            assert all(isinstance(i, Article | Failure) for i in _items([str(root / name)]))


# --- JSON number literals -----------------------------------------------------------------------------

number_literal = st.one_of(
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=6000).map(lambda n: "-1" + "0" * n),
    st.sampled_from(["1e999999", "-1e-999999", "1E400", "0.1e-400", "-0", "1.7976931348623157e309"]),
    st.integers(min_value=1, max_value=5000).map(lambda n: "0." + "1" * n),
)


@NUMBERS
@given(number_literal, st.sampled_from(["id", "title", "n", "date"]))
@example("9" * 4301, "id")
def test_number_literals_are_one_record_or_one_failure(literal: str, field: str) -> None:
    line = f'{{"{field}": {literal}, "text": "Iran threatened Israel."}}'
    data = b'{"id": "first", "text": "x y."}\n' + line.encode() + b"\n"
    items = [
        i for i in _items(["-"], io.BytesIO(data)) if not (isinstance(i, Failure) and i.level == "warning")
    ]
    assert len(items) == 2 and isinstance(items[0], Article)
    if isinstance(items[1], Failure):
        assert items[1].doc == "<stdin>:2" and items[1].message


# --- characters of every category ---------------------------------------------------------------------

REMOVED = ("Cf", "Co", "Cn")
any_char = st.one_of(
    st.characters(codec=None, exclude_categories=["Cs"]),
    st.characters(categories=["Cf", "Cc", "Co", "Zs", "Zl", "Zp", "Mn"]),
    st.sampled_from("\u3164\u115f\u1160\uffa0\u00ad\u2061\u180e\U000e0041\U000e007f\ufe0f\u034f\udcff\ufffe"),
)


@CHARS
@given(st.text(alphabet=any_char, max_size=80))
def test_normalisation_by_category_is_total_and_idempotent(text: str) -> None:
    out = normalise_text(text)
    assert not any(unicodedata.category(ch) in (*REMOVED, "Cs", "Zl", "Zp") for ch in out), repr(out)
    assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in out), repr(out)
    assert unicodedata.is_normalized("NFC", out)
    assert normalise_text(out) == out
    field = normalise_field(text)
    assert "\n" not in field and field == field.strip() and normalise_field(field) == field
    field.encode("utf-8")


# --- encodings and byte order marks -------------------------------------------------------------------

CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@ENCODINGS
@given(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60),
    st.sampled_from(CODECS),
)
def test_text_with_a_byte_order_mark_decodes_to_itself(text: str, codec: str) -> None:
    data = text.encode(codec)
    if codec.endswith(("-le", "-be")):
        data = "\ufeff".encode(codec) + data
    try:
        decoded = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert codec in ("utf-8", "utf-8-sig") and exc.message  # BOM-less UTF-8 that looks binary
        return
    if codec in ("utf-8", "utf-8-sig") and text.startswith("\ufeff"):
        return  # a text starting with U+FEFF is its own BOM
    assert decoded == text or decoded.lstrip("\ufeff") == text.lstrip("\ufeff")


# --- pathological HTML ----------------------------------------------------------------------------------

UNCLOSED = [
    "<title>",
    "<script>",
    "<style>x",
    "<",
    "<!--",
    "<a ",
    "<p ",
    "<h1>",
    "<div",
    "<title>a</title",
    "</",
]


@pytest.mark.parametrize("piece", UNCLOSED)
def test_pathological_html_is_linear(piece: str) -> None:
    """280 KB of an unclosed tag took 103 s with the old patterns; linear time is well under a second."""
    html = "<p>Russia sent aid to Syria on Monday, officials said.</p>" + piece * (280_000 // len(piece))
    t0 = time.perf_counter()
    with contextlib.suppress(InputError):
        html_to_text(html, "fuzz")
    assert time.perf_counter() - t0 < 10, piece


def test_html_helpers_scale_linearly() -> None:
    from patronage.clean.html import _plain_text

    def seconds(n: int) -> float:
        html = "<title>" * n + "<script>" * n + "<" * n
        t0 = time.perf_counter()
        _plain_text(html)
        return time.perf_counter() - t0

    small, large = seconds(20_000), seconds(160_000)
    assert large < max(0.05, small) * 30, (small, large)  # 8x the input; quadratic would be 64x

"""One character normalisation by Unicode category (issue #20, items 13 and 17)."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from patronage.ingest.chars import _target, normalise_field, normalise_text

# invisible characters the old list of stripped characters missed, each of category Cf
MISSED = {
    "soft hyphen": "\u00ad",
    "function application": "\u2061",
    "invisible times": "\u2062",
    "Mongolian vowel separator": "\u180e",
    "tag letter n": "\U000e006e",
    "cancel tag": "\U000e007f",
    "Arabic letter mark": "\u061c",
    "interlinear annotation": "\ufff9",
}


@pytest.mark.parametrize("ch", list(MISSED.values()), ids=list(MISSED))
def test_format_characters_are_removed(ch: str) -> None:
    assert normalise_text(f"Smi{ch}th met Ahm{ch}ed") == "Smith met Ahmed"


@pytest.mark.parametrize("ch", ["\u3164", "\u115f", "\u1160", "\uffa0"], ids=["3164", "115f", "1160", "ffa0"])
def test_hangul_fillers_are_spaces(ch: str) -> None:
    assert normalise_text(f"Ahmed{ch}Khan") == "Ahmed Khan"


def test_categories_decide_every_code_point() -> None:
    # the rule itself, over all 1.1 million code points (normalise_text caches it per code point seen)
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        target = _target(code)
        if category in ("Cf", "Co", "Cn"):
            assert target is None, hex(code)
        elif category == "Cc" and code not in (0x0A, 0x85):
            assert target == (" " if chr(code).isspace() else None), hex(code)
        elif category == "Zs":
            assert target == " ", hex(code)
        elif category == "Cs":
            assert target == "\ufffd"


def test_private_use_and_variation_selectors_go() -> None:
    assert normalise_text("Putin\ue000\ufe0f\U000f0000 said") == "Putin said"


def test_line_and_paragraph_separators_and_controls() -> None:
    assert normalise_text("a\u2028b\u2029c\r\nd\re\x85f") == "a\nb\n\nc\nd\ne\nf"
    assert normalise_text("a\x00b\x1fc\x7fd\x9be\tf") == "ab cde f"
    # a control character that is no whitespace is dropped, not a word break (red-team pass 7, A29)
    assert normalise_text("John Sm\x01ith met Xi\x1b[0m") == "John Smith met Xi[0m"


def test_lone_surrogates_become_replacement_characters() -> None:
    assert normalise_text("a\udcffb") == "a\ufffdb"


def test_fields_are_one_line_without_controls() -> None:
    assert normalise_field("  id\x00-1\n2\u200b\t ") == "id-1 2"
    assert normalise_field("https://example.org/\x00a") == "https://example.org/a"
    assert normalise_field("\u200b\u00ad") == ""


def test_result_is_nfc() -> None:
    assert normalise_text("Cafe\u00ad\u0301") == "Caf\u00e9"

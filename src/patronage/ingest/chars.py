"""One normalisation of characters, by Unicode category, for article text and every other field.

Invisible characters are decided by category rather than listed one by one, so a new zero-width
or tag character cannot slip through and split or spoof a name:

* format characters (``Cf``: zero-width and bidi controls, soft hyphen, invisible operators,
  the Mongolian vowel separator, tag characters), private-use (``Co``) and unassigned code points
  (``Cn``) are removed, as are the default-ignorable combining marks (variation selectors, the
  combining grapheme joiner);
* control characters (``Cc``) that are whitespace (tab, form feed, the information separators)
  become a space, and the line breaks stay line breaks: ``\\n`` stays, ``\\r\\n``, ``\\r`` and NEL become
  ``\\n``; the other control characters (NUL, bell, escape, delete, C1) are removed, so
  "John Sm\\x01ith" stays one name; the line separator (``Zl``) is a line break and the paragraph
  separator (``Zp``) a blank line;
* every space separator (``Zs``) and the Hangul fillers, which render as blanks, become one space;
* a lone surrogate (``Cs``, from an undecodable file name or a JSON escape) becomes U+FFFD;
* the result is NFC;
* in a word that mixes Latin letters with Cyrillic or Greek look-alikes ("Vl\u0430dimir", "\u0420utin"),
  the look-alikes become the Latin letters they imitate, so a spoofed name is the name it imitates
  rather than a second actor that looks the same (words wholly in Cyrillic or Greek are untouched).

:func:`normalise_text` keeps line breaks (article bodies); :func:`normalise_field` makes one line
(ids, titles, URLs, sources, origins).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_field", "normalise_text"]

# letters that render as blanks: "Ahmed\u3164Khan" must read as two words, not one spoofed name
_FILLERS = frozenset({0x115F, 0x1160, 0x3164, 0xFFA0})
# combining marks that are default-ignorable: variation selectors and the grapheme joiner
_IGNORABLE_MARKS = frozenset(
    [0x034F, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F]
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)
_SPACE_RUNS = re.compile(" {2,}")
#: Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables), and the Latin letter
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04cf"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405"
    "\u03bf\u03bd\u03b9\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a7\u03a5",
    "aeopcyxijsdlABEKMHOPCTXYIJSoviABEZHIKMNOPTXY",
)
_NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_WORD = re.compile(r"\w+")


def _fold_mixed(word: re.Match[str]) -> str:
    text = word.group(0)
    if not any("a" <= ch.lower() <= "z" for ch in text) or not _NON_LATIN.search(text):
        return text
    return text.translate(_LOOKALIKES)


def _target(code: int) -> int | str | None:
    """What one code point becomes: itself, a replacement, or None (removed)."""
    if code == 0x0A:
        return code
    if code == 0x85:  # NEL, the C1 line break
        return "\n"
    category = unicodedata.category(chr(code))
    if category == "Cc":
        return " " if chr(code).isspace() else None
    if category == "Zs" or code in _FILLERS:
        return " "
    if category == "Zl":
        return "\n"
    if category == "Zp":
        return "\n\n"
    if category == "Cs":
        return "\ufffd"
    if category in ("Cf", "Co", "Cn") or code in _IGNORABLE_MARKS:
        return None
    return code


class _Table(dict[int, "int | str | None"]):
    """``str.translate`` table filled on first sight of each code point (there are 1.1 million)."""

    def __missing__(self, code: int) -> int | str | None:
        value = _target(code)
        self[code] = value
        return value


_TABLE = _Table()
for _code in range(128):
    _TABLE[_code]  # noqa: B018 -- ASCII is filled eagerly; it is most of every text


def normalise_text(text: str) -> str:
    """Text with line breaks kept: invisible and control characters handled by category, NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    if _NON_LATIN.search(text):
        text = _WORD.sub(_fold_mixed, text)
    # NFC last: removing an invisible character can leave a combining mark next to its base
    return unicodedata.normalize("NFC", text)


def normalise_field(value: str) -> str:
    """One line: :func:`normalise_text`, then every run of whitespace is one space, stripped."""
    return " ".join(normalise_text(value).split())

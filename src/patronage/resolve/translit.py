"""Latin spellings of Cyrillic and Greek letters, and of Latin letters that do not decompose.

Used by :func:`patronage.resolve.simple.slug` so that an actor id stays readable in any of these
scripts (``Петров`` → ``petrov``, ``Τσίπρας`` → ``tsipras``, ``Łukasz`` → ``lukasz``); names in
other scripts get a stable hash instead. The tables follow common news romanisation (BGN/PCGN,
simplified); they are for ids, not for display.
"""

from __future__ import annotations

__all__ = ["TRANSLIT"]

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian, Belarusian, Serbian, Macedonian
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}  # fmt: skip
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
_LATIN = {
    "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h", "ŋ": "ng", "ŧ": "t", "ĸ": "k",
}  # fmt: skip

#: lowercase letter -> ASCII spelling (looked up after ``casefold``, then again after NFKD: ``ί`` → ``ι``)
TRANSLIT: dict[str, str] = {**_CYRILLIC, **_GREEK, **_LATIN}

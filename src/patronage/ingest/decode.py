"""Bytes to text: detect binary input and the encoding of the rest."""

from __future__ import annotations

from patronage.errors import InputError

__all__ = ["decode_bytes", "looks_binary"]

_TEXT_CONTROL = {9, 10, 12, 13, 27}
# byte order marks, UTF-32 first: the UTF-32LE mark begins with the UTF-16LE one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CENTRAL = {"cp1250", "iso8859_2", "cp852", "mac_latin2", "iso8859_16", "cp1257", "iso8859_4", "iso8859_13"}
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"}
#: DOS and Mac code pages, which short Western text is often mistaken for
_DOS = {"cp437", "cp850", "cp858", "cp860", "cp863", "cp865", "mac_roman", "mac_iceland", "mac_turkish"}


#: the byte order marks of UTF-16 and UTF-32, whose line breaks are no single byte
WIDE_BOMS = tuple(bom for bom, _ in _BOMS)


def looks_binary(data: bytes) -> bool:
    """True when the bytes look like a binary file rather than text in any encoding."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(WIDE_BOMS):  # UTF-16 or UTF-32 with a BOM is text
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL)
    return controls / len(sample) > 0.05


def _western_letters(data: bytes) -> bool:
    """Whether every byte over 127 is an accented letter of Windows-1252 (À–ÿ but × and ÷)."""
    high = [b for b in data if b > 127]
    return bool(high) and all(0xC0 <= b <= 0xFF and b not in (0xD7, 0xF7) for b in high)


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with its few bad bytes replaced (U+FFFD), when it is UTF-8 with a stray byte.

    One invalid byte in a UTF-8 file must not make the whole file another code page ("Erdoğan"
    read as "Erdoƒüan"): when the file holds valid multi-byte characters and at most one bad byte
    in a thousand (and fewer bad bytes than good characters), it is UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good and bad <= max(1, len(data) // 1000) and bad < good:
        return text
    return None


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode ``data`` as UTF-8, else as the encoding charset-normalizer detects.

    Raises :class:`InputError` for binary data or undecodable text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                if codec == "utf-32":
                    continue  # UTF-16LE text whose first character is U+0000: try UTF-16
                raise InputError(f"invalid {codec.upper()} text", source=origin) from None
    if looks_binary(data):
        raise InputError("binary file, not text", source=origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("cannot detect the text encoding", source=origin)
    # a short single-byte text ("Fran\xe7ois Hollande met …") is often taken for a DOS, Mac or Central
    # European code page; when every byte over 127 is an accented Latin letter in Windows-1252, it is that
    if (best.encoding in _DOS or best.encoding in _CENTRAL) and _western_letters(data):
        return data.decode("cp1252")
    # single-byte Western text often ties with Central European code pages; news in English,
    # French, German or Spanish is far more likely, so cp1252 wins a tie
    if best.encoding in _CENTRAL:
        for match in matches:
            if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.01:
                return str(match)
    return str(best)

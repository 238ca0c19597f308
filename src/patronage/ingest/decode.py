"""Bytes to text: detect binary input and the encoding of the rest."""

from __future__ import annotations

from patronage.errors import InputError

__all__ = ["decode_bytes", "looks_binary"]

_TEXT_CONTROL = {9, 10, 12, 13, 27}
_CENTRAL = {"cp1250", "iso8859_2", "cp852", "mac_latin2", "iso8859_16", "cp1257", "iso8859_4", "iso8859_13"}
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"}


def looks_binary(data: bytes) -> bool:
    """True when the bytes look like a binary file rather than text in any encoding."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode ``data`` as UTF-8, else as the encoding charset-normalizer detects.

    Raises :class:`InputError` for binary data or undecodable text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text", source=origin) from None
    if looks_binary(data):
        raise InputError("binary file, not text", source=origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("cannot detect the text encoding", source=origin)
    # single-byte Western text often ties with Central European code pages; news in English,
    # French, German or Spanish is far more likely, so cp1252 wins a tie
    if best.encoding in _CENTRAL:
        for match in matches:
            if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.01:
                return str(match)
    return str(best)

"""Bytes to text: detect binary input and the encoding of the rest."""

from __future__ import annotations

from patronage.errors import InputError

__all__ = ["decode_bytes", "is_wide_text", "looks_binary", "wide_codec"]

_TEXT_CONTROL = {9, 10, 12, 13, 27}
#: bytes looked at to tell text from binary data and UTF-16 from single-byte text
_SAMPLE = 8192
#: a sample with a larger share of control bytes (NUL included) than this is binary
_MAX_CONTROLS = 0.05
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


#: NUL bytes in the alternating positions before unmarked text is taken for UTF-16
_MIN_NULS = 4


def _printable(byte: int) -> bool:
    """Whether ``byte``, as a Latin-1 character, is one a text holds (no C0 or C1 control but line breaks)."""
    return byte in _TEXT_CONTROL or 0x20 <= byte < 0x7F or byte >= 0xA0


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text without a byte order mark.

    Each character of a Latin script is two bytes in UTF-16, one of them NUL: NULs fill one of the
    alternating positions (at least a tenth of them, which Cyrillic or Greek with their spaces and
    digits reach too), almost none fill the other, and the byte beside each NUL is a printable one.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    units = len(sample) // 2
    if units < 8:
        return None  # a few bytes with a NUL ("{}\n\x00") are no evidence of UTF-16
    even, odd = sample[0 : 2 * units : 2], sample[1 : 2 * units : 2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        nuls = high.count(0)
        if nuls < _MIN_NULS or nuls * 10 < units or low.count(0) * 100 > units:
            continue  # a NUL or two among UTF-8 bytes ("{}\n000\x00…") are no evidence either
        latin = [b for h, b in zip(high, low, strict=True) if h == 0]
        if sum(1 for b in latin if _printable(b)) >= 0.95 * len(latin):
            return codec
    return None


def wide_codec(head: bytes) -> str | None:
    """The codec of text starting with ``head`` when it is UTF-16 or UTF-32, else None.

    A byte order mark names it (the codec then reads and drops the mark); UTF-16 without one is
    recognised by its NUL bytes (``utf-16-le`` or ``utf-16-be``).
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    return _bomless_utf16(head)


def is_wide_text(head: bytes) -> bool:
    """Whether text starting with ``head`` is UTF-16 or UTF-32 (marked, or UTF-16 unmarked), whose line
    breaks are no single byte."""
    return head.startswith(WIDE_BOMS) or _bomless_utf16(head) is not None


def looks_binary(data: bytes) -> bool:
    """True when the bytes look like a binary file rather than text in any encoding.

    A share of control bytes says so, not one NUL: a text with a stray NUL is text (the NUL is
    dropped), while compressed or machine data holds NULs and other controls throughout.
    """
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if is_wide_text(sample):  # UTF-16 or UTF-32 text
        return False
    nuls = sample.count(0)
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL)
    return nuls > max(1, len(sample) // 1000) or controls / len(sample) > _MAX_CONTROLS


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
    """Decode ``data`` as UTF-8, else as the encoding charset-normalizer detects; NULs are dropped.

    Raises :class:`InputError` for binary data or undecodable text.
    """
    return _decoded(data, origin).replace("\x00", "")


def _decoded(data: bytes, origin: str) -> str:
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
    wide = _bomless_utf16(data)
    if wide is not None:
        try:
            return data[: len(data) - len(data) % 2].decode(wide)  # an odd last byte is no character
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text", source=origin) from None
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

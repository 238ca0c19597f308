"""Encodings detected from byte order marks (issue #20, item 16)."""

from __future__ import annotations

import pytest

from patronage.errors import InputError
from patronage.ingest.decode import decode_bytes

TEXT = "Russia granted asylum to the former president on Sunday."


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_with_a_byte_order_mark_is_decoded(codec: str) -> None:
    data = TEXT.encode(codec)
    if not codec.endswith(("le", "be")):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (
            b"\xff\xfe\x00\x00",
            b"\x00\x00\xfe\xff",
        )
    else:
        bom = "\ufeff".encode(codec)
        data = bom + data
    assert decode_bytes(data, "t") == TEXT


def test_utf32_le_is_not_taken_for_utf16() -> None:
    data = b"\xff\xfe\x00\x00" + "Russia".encode("utf-32-le")
    assert decode_bytes(data, "t") == "Russia"  # not "R\x00u\x00s…" read as UTF-16


def test_invalid_utf16_after_its_mark_is_an_input_error() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(b"\xff\xfe\x00\xd8", "t")


def test_a_lone_nul_among_utf8_lines_is_no_utf16() -> None:
    """Found by the JSONL fuzz test: one NUL in a short stream made it read as UTF-16 text."""
    import io

    from patronage.ingest import read_inputs
    from patronage.model.records import Failure

    items = list(read_inputs(["-"], None, io.BytesIO(b"{}\n{}\n000\x00\xc2\x80\xc2\x80\xc2\x80")))
    assert [type(i) for i in items] == [Failure, Failure, Failure]
    assert decode_bytes("hello world, how are you".encode("utf-16-le"), "x") == "hello world, how are you"

"""Bounded reads: only regular files are opened, and no read takes more than a cap.

``st_size`` says nothing about ``/dev/zero``, a FIFO or standard input, so sizes are enforced on
the bytes actually read: a whole file is read up to its cap plus one byte, and a line up to the
line cap. A FIFO is refused before anything waits for its writer (it is opened non-blocking and
checked with ``fstat``), so no input can hang a run or take all memory.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from patronage.errors import InputError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "bounded_lines",
    "file_kind",
    "open_regular",
    "read_capped",
    "read_regular",
    "with_head",
]

#: a single text or HTML input (a file or standard input) larger than this is refused
MAX_FILE_BYTES = 64 * 1024 * 1024
#: a JSONL file is streamed and may be larger, but one line of it may not be longer than this
MAX_LINE_BYTES = 64 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for the failure message."""
    for check, name in _KINDS:
        if check(mode):
            return name
    return "not a regular file"


def open_regular(path: Path) -> IO[bytes]:
    """Open ``path`` for binary reading when it is a regular file; else an :class:`InputError`.

    Symlinks are followed, so a link to ``/dev/zero`` is refused like the device itself.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"not a regular file ({file_kind(mode)})")
    try:
        # non-blocking: if a FIFO was swapped in since the stat, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(f"not a regular file ({file_kind(mode)})")
    return os.fdopen(fd, "rb")


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (:func:`open_regular`,
    :func:`read_capped`): settings, gazetteers, dictionaries and gold files are read this way."""
    with open_regular(path) as stream:
        return read_capped(stream, limit)


def read_capped(stream: IO[bytes], limit: int = MAX_FILE_BYTES, head: bytes = b"") -> bytes:
    """``head`` and the rest of ``stream``; an :class:`InputError` when that is over ``limit`` bytes."""
    data = head + stream.read(max(0, limit + 1 - len(head)))
    if len(data) > limit:
        raise InputError(f"input too large (over {limit >> 20} MB)")
    return data


class _Prefixed(io.RawIOBase):
    """A raw stream that returns ``head`` first, then what ``stream`` gives."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._stream, "read1", None)
        data = read1(len(buffer)) if read1 is not None else self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def with_head(head: bytes, stream: IO[bytes]) -> IO[bytes]:
    """A buffered stream reading ``head`` (already taken from ``stream``) and then the rest of it."""
    return io.BufferedReader(_Prefixed(head, stream))


def wide_lines(stream: IO[bytes], codec: str, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | InputError]:
    """The lines of UTF-16 or UTF-32 text, decoded as they are read and given as UTF-8.

    Like :func:`bounded_lines`, for text whose line breaks are no single byte: a file of any size
    is read line by line (never whole), each line at most ``limit`` bytes as UTF-8, and an
    undecodable unit becomes U+FFFD.
    """
    text = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline=None)
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        if line.endswith("\n") or len(line) <= limit:
            data = line.encode("utf-8", errors="replace")
            if len(data) <= limit + 1:
                yield data
            else:
                yield InputError(f"line longer than {limit >> 20} MB")
            continue
        yield InputError(f"line longer than {limit >> 20} MB")
        skipped = 0
        while True:
            rest = text.readline(1 << 18)
            if not rest or rest.endswith("\n"):
                break
            skipped += len(rest)
            if skipped > limit:
                yield InputError("no line break within the size limit; the rest of the input is skipped")
                return


def bounded_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | InputError]:
    """The lines of ``stream``, each at most ``limit`` bytes; a longer one is an :class:`InputError`.

    After a line over the limit the rest of it is skipped up to the next line break; when that too
    runs past ``limit`` bytes (an endless stream without line breaks) reading stops with a second
    error, so neither memory nor time is unbounded.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        yield InputError(f"line longer than {limit >> 20} MB")
        skipped = 0
        while True:
            rest = stream.readline(1 << 20)
            if not rest or rest.endswith(b"\n"):
                break
            skipped += len(rest)
            if skipped > limit:
                yield InputError("no line break within the size limit; the rest of the input is skipped")
                return

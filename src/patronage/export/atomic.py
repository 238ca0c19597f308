"""Output files that appear whole or not at all.

An export is written to a hidden temporary file in the target's own directory and renamed over
the target only when complete, so a killed or failed export leaves no partial or empty file (and
needs no ``--force`` the next time). The target itself is never followed: an existing name, a
dangling symlink included, needs ``--force``, and the rename then replaces the name, not what a
link points to, and a replaced regular file keeps its permission bits (as ``cp -f`` would). A device,
FIFO or socket, or a link to one (``/dev/stdout``), is never replaced, even with ``--force``, nor is a file the command is reading (the
store given with ``--db`` and its write-ahead log), under any name or link. A termination
signal (``kill``, a closed terminal) removes the temporary file as an interrupt does. A writing
export holds a lock on its temporary file, which the system releases when the process dies, so the
next export to the same target removes one left by ``kill -9`` at once (where locks are not
available, once it has not changed for :data:`STALE_SECONDS`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from patronage.errors import InputError

__all__ = ["STALE_SECONDS", "atomic_output"]

#: a temporary file of an export to the same target untouched this long was left by a killed export
STALE_SECONDS = 600


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _entry(path: Path) -> Path:
    """The directory entry ``path`` names: its directory resolved, its last component kept as it is."""
    return Path(os.path.realpath(path.parent)) / path.name


def _is_protected(target: Path, protected: Sequence[str]) -> bool:
    """Whether replacing ``target`` would replace one of ``protected`` (or a name or link for it)."""
    for name in protected:
        kept = Path(name)
        if _entry(target) in (_entry(kept), Path(os.path.realpath(kept))):
            return True
        with contextlib.suppress(OSError):
            if os.path.samefile(target, kept):  # a hard or symbolic link to it
                return True
    return False


#: directories of the system's own files and links (``/dev/stdout`` -> ``/proc/self/fd/1``)
_SYSTEM_DIRS = ("/dev", "/proc", "/sys")


def _system_link(target: Path) -> bool:
    """Whether the link ``target`` lives in, or leads through, ``/dev``, ``/proc`` or ``/sys``.

    ``/proc/self/fd/1`` may point at a regular file (standard output sent to a file); replacing the
    link that leads there would replace ``/dev/stdout`` itself.
    """
    here = Path(os.path.realpath(target.parent)) / target.name
    for _ in range(40):
        if any(str(here) == d or str(here).startswith(d + "/") for d in _SYSTEM_DIRS):
            return True
        try:
            nxt = os.readlink(here)
        except OSError:
            return False
        here = Path(os.path.normpath(here.parent / nxt))
    return True


def _mode_for(target: Path) -> int:
    """Permission bits for the new file: an existing regular file's, else the usual ones (umask)."""
    with contextlib.suppress(OSError):
        st = os.lstat(target)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode) & 0o777  # never set-id bits on exported data
    return 0o666 & ~_umask()


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _terminations_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``SystemExit`` while the block runs, so its cleanup runs too."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    before = {s: signal.signal(s, _exit_on_signal) for s in wanted}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _lock(fd: int) -> bool:
    """Take the exclusive lock on an open file without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _remove_stale_parts(target: Path) -> None:
    """Remove temporary files of earlier exports to ``target`` whose process is gone."""
    now = time.time()
    for part in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        with contextlib.suppress(OSError):
            if not part.is_file() or part.is_symlink():
                continue
            fd = os.open(part, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            try:
                if _lock(fd) or now - part.stat().st_mtime > STALE_SECONDS:
                    part.unlink()
            finally:
                os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str, force: bool = False, protected: Sequence[str] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it becomes ``path``, on any error it is removed.

    ``protected`` names files the output must never replace, even with ``force`` (the files being read).
    """
    if not path.strip():
        raise InputError("give the output a file name (-o is empty)")
    target = Path(path)
    if _is_protected(target, protected):
        raise InputError(
            "output is a file this command reads (the database or its .wal), never replaced; "
            "choose another output file",
            source=path,
        )
    if os.path.lexists(target):
        if target.is_dir():
            raise InputError("output is a directory", source=path)
        mode = os.lstat(target).st_mode
        if stat.S_ISLNK(mode):  # a link to a device, or into /dev or /proc (/dev/stdout), is a device
            with contextlib.suppress(OSError):
                pointed = os.stat(target).st_mode
                mode = mode if stat.S_ISREG(pointed) else pointed
            if _system_link(target):
                mode = stat.S_IFCHR
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            raise InputError(
                "output is a device, pipe or socket (or a system link to one), which is never replaced; leave out -o to write to "
                "standard output",
                source=path,
            )
        if not force:
            what = "a dangling symbolic link" if not target.exists() else "output file"
            raise InputError(f"{what} exists; use --force to overwrite", source=path)
    parent = target.parent
    if not parent.is_dir():
        raise InputError("no such directory for the output file", source=str(parent))
    _remove_stale_parts(target)
    try:
        fd, name = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror or exc}", source=path) from None
    _lock(fd)  # held until the export ends: a live export's file is never taken for a leftover
    tmp = Path(name)
    try:
        with _terminations_exit():
            yield tmp
        os.chmod(tmp, _mode_for(target))  # mkstemp makes it private: the replaced file's mode, or the usual
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(f"cannot write output: {exc.strerror or exc}", source=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        os.close(fd)

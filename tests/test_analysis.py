"""The analysis stage: one analyser for run, the library and the evaluations; failures named by stage and kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from patronage import analysis
from patronage.analysis import Analyser, named
from patronage.errors import ExtractionError, ModelError
from patronage.model.records import AnalysedArticle, CleanArticle, Failure
from patronage.nlp.loader import load_nlp
from patronage.resolve.registry import load_gazetteer


def _article(doc_id: str, text: str) -> CleanArticle:
    return CleanArticle(doc_id, "", text, "2015-10-21", None, None, "test", "h-" + doc_id)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return Analyser(load_nlp(), load_gazetteer(()))


@pytest.mark.parametrize(
    ("step", "raised", "failure"),
    [
        # a bug met on one article: an ExtractionError of its stage, naming the underlying exception
        ("assemble_facts", IndexError("list index out of range"),
         ("extract", "ExtractionError", "IndexError: list index out of range")),
        # an error raised on purpose keeps its class and is given its stage
        ("resolve_document", ModelError("bad lexicon"), ("resolve", "ModelError", "bad lexicon")),
    ],
)  # fmt: skip
def test_a_failed_article_is_named_by_stage_and_kind(
    analyser: Analyser,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    raised: Exception,
    failure: tuple[str, str, str],
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise raised

    monkeypatch.setattr(analysis, step, broken)
    article = _article("a", "Russia accused Ukraine of shelling.")
    (result,) = analyser.analyse([article])
    assert result == Failure("a", *failure)
    with pytest.raises(type(raised) if isinstance(raised, ModelError) else ExtractionError) as caught:
        analyser.analyse_one(article)
    assert caught.value.stage == failure[0]


class _FailingNLP:
    """A pipeline that fails on texts containing "boom", as spaCy may on pathological input."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def pipe(self, texts: Iterator[str], batch_size: int = 64) -> Iterator[Any]:
        for text in texts:
            if "boom" in text:
                raise ValueError("[E088] text too long")
            yield self.nlp(text)


def test_spacy_failing_on_one_text_keeps_the_rest_of_the_batch() -> None:
    analyser = Analyser(_FailingNLP(load_nlp()), load_gazetteer(()))  # type: ignore[arg-type]
    texts = ["Iran threatened Israel.", "boom", "France praised Japan."]
    results = list(analyser.analyse([_article(str(i), t) for i, t in enumerate(texts)]))
    assert [type(r) for r in results] == [AnalysedArticle, Failure, AnalysedArticle]
    assert results[1] == Failure("1", "nlp", "ExtractionError", "ValueError: [E088] text too long")


def test_named_gives_a_stage_only_where_none_is_known() -> None:
    error = ModelError("x", stage="extract")
    assert named(error, "nlp", "d") is error and error.stage == "extract"
    wrapped = named(KeyError("k"), "resolve", "d")
    assert isinstance(wrapped, ExtractionError) and wrapped.stage == "resolve" and wrapped.source == "d"

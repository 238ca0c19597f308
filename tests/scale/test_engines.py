"""The process-pool engine when a worker dies (issue #20, item 19)."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from patronage.cli import main
from patronage.errors import ExtractionError
from patronage.model.records import CleanArticle
from patronage.scale.engines import PoolEngine


class _DeadPool:
    """An executor whose worker was killed: every future fails as ProcessPoolExecutor's do then."""

    def submit(self, *_: Any, **__: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("A process in the process pool was terminated abruptly"))
        return future

    def shutdown(self, **_: Any) -> None:
        pass


def _dead_engine(*_: Any, **__: Any) -> PoolEngine:
    engine = PoolEngine.__new__(PoolEngine)
    engine.values, engine.workers, engine.pool = {}, 2, _DeadPool()  # type: ignore[assignment]
    return engine


def test_a_dead_worker_is_an_extraction_error() -> None:
    article = CleanArticle("d", "", "Iran threatened Israel.", None, None, None, "t", "h")
    with pytest.raises(ExtractionError, match="worker process died"):
        list(_dead_engine().map([[article]] * 3))


def test_the_cli_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import patronage.runner as runner

    monkeypatch.setattr(runner, "make_engine", _dead_engine)
    src = tmp_path / "a.txt"
    src.write_text("Talks\nIran threatened Israel on Friday.\n", encoding="utf-8")
    assert main(["run", str(src), "--db", str(tmp_path / "x.duckdb"), "--workers", "2"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: a worker process died") and "\n" not in err, err

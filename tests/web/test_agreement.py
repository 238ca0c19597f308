"""The CLI and the web API answer the same questions the same way (issue #20, item 22)."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest

if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi (the [web] extra) is not installed", allow_module_level=True)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from patronage.cli import main
from patronage.web import create_app

ASSAD = "person/Q44329"


@pytest.fixture(scope="module")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(str(sample_db)), base_url="http://localhost")


def _cli_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 1, (args, captured.out, captured.err)
    err = captured.err.strip()
    assert err.startswith("error: ") and "\n" not in err and "internal error" not in err, err
    return err


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_actor_name_is_refused_by_both(
    sample_db: Path, client: TestClient, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for command in (["query", "actor", name], ["query", "network", name], ["query", "path", name, "Assad"]):
        assert "empty" in _cli_error(capsys, *command, "--db", str(sample_db))
    assert "empty" in _cli_error(capsys, "query", "events", "--actor", name, "--db", str(sample_db))
    assert client.get("/api/search", params={"q": name}).status_code in (400, 422)
    assert client.get("/api/network", params={"actor": name}).status_code in (400, 404, 422)


def test_from_after_to_is_an_error_in_both(
    sample_db: Path, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _cli_error(capsys, "query", "events", "--from", "2020", "--to", "2019", "--db", str(sample_db))
    assert "is after" in err
    body = client.get("/api/events", params={"from": "2020", "to": "2019"}).json()
    assert body["status"] == 400 and "is after" in body["error"]
    # overlapping precisions are no error: 2015-10 lies within 2015
    assert main(["query", "events", "--from", "2015-10", "--to", "2015", "--db", str(sample_db)]) == 0
    assert client.get("/api/events", params={"from": "2015-10", "to": "2015"}).status_code == 200


def test_a_network_window_from_after_as_of_is_an_error_in_both(
    sample_db: Path, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _cli_error(
        capsys, "query", "network", "Assad", "--from", "2020", "--as-of", "2015", "--db", str(sample_db)
    )
    assert "from (2020) is after as_of (2015)" in err
    body = client.get("/api/network", params={"actor": ASSAD, "from": "2020", "as_of": "2015"}).json()
    assert body["status"] == 400 and "is after" in body["error"]


def test_a_path_from_an_actor_to_itself_says_so(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "same actor" in _cli_error(
        capsys, "query", "path", "Assad", "Bashar al-Assad", "--db", str(sample_db)
    )

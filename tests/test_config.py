from __future__ import annotations

from pathlib import Path

import pytest

from patronage.config import HELP, Settings, load_settings
from patronage.errors import ConfigError


def test_every_default_key_is_documented_and_every_help_has_a_default() -> None:
    settings = Settings()
    keys = {f"{s}.{k}" for s, section in settings.values.items() for k in section}
    assert keys == set(HELP)
    assert all(HELP[k].strip() for k in keys)


def test_precedence_file_env_cli(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('[run]\nbatch_size = 7\ndb = "file.duckdb"\n', encoding="utf-8")
    s = load_settings(user, env={})
    assert s.get("run.batch_size") == 7
    s = load_settings(user, env={"PATRONAGE_RUN_BATCH_SIZE": "9"})
    assert s.get("run.batch_size") == 9
    assert s.get("run.db") == "file.duckdb"
    s = load_settings(user, ["run.batch_size=11"], env={"PATRONAGE_RUN_BATCH_SIZE": "9"})
    assert s.get("run.batch_size") == 11


def test_unknown_keys_and_bad_values_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(None, ["run.nope=1"], env={})
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(None, env={"PATRONAGE_BOGUS_X": "1"})
    with pytest.raises(ConfigError, match="must be an integer"):
        load_settings(None, ["run.batch_size=many"], env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("[run\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(bad, env={})


def test_replace_validates() -> None:
    s = Settings().replace(run__db="x.duckdb")
    assert s.get("run.db") == "x.duckdb"
    with pytest.raises(ConfigError):
        Settings().replace(run__missing=1)


@pytest.mark.parametrize(
    "override",
    [
        "run.max_chars=-5",  # issue #20, item 24: it cut every article to its first word
        "run.max_chars=0",
        "run.batch_size=0",
        "run.workers=1000",
        "nlp.batch_size=-1",
        "extract.min_confidence=1.5",
        "extract.min_confidence=nan",
        "web.port=0",
        "web.max_rows=0",
        "web.max_queue=-1",
        "run.engine=spark",
    ],
)
def test_values_out_of_range_are_refused_wherever_they_come_from(override: str, tmp_path: Path) -> None:
    key, _, value = override.partition("=")
    section, name = key.split(".")
    with pytest.raises(ConfigError, match=key):
        load_settings(None, [override], env={})
    with pytest.raises(ConfigError, match=key):
        load_settings(None, env={f"PATRONAGE_{section.upper()}_{name.upper()}": value})
    user = tmp_path / "u.toml"
    user.write_text(f'[{section}]\n{name} = "{value}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=key):
        load_settings(user, env={})
    with pytest.raises(ConfigError, match=key):
        Settings().replace(**{f"{section}__{name}": value})


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[run]\ndb = "caf\u00e9.duckdb"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings(bad, env={})


def test_a_config_fifo_or_directory_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    with pytest.raises(ConfigError, match="directory"):
        load_settings(tmp_path, env={})
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.toml")
        with pytest.raises(ConfigError, match="FIFO"):
            load_settings(tmp_path / "fifo.toml", env={})

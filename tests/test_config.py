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
    with pytest.raises(ConfigError, match="must be a int"):
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

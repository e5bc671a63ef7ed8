"""The run's settings: `[tool.discrepancy]` in pyproject.toml or a discrepancy.toml, then flags.

The file is looked for from the working directory upward; in each folder discrepancy.toml
wins over pyproject.toml, and a pyproject.toml without the table is passed over. Paths in
a file are relative to that file. A flag given on the command line replaces the file's
value; for the two tables (tolerance, outputs) it replaces that one entry.
"""
from __future__ import annotations

import dataclasses
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .errors import DiscrepancyError
from .rules import RuleSet

CONFIG_FILE = "discrepancy.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = {"conflict": {"conflict"}, "review": {"conflict", "different_scope", "revision"}, "never": set()}
FINDING_FORMATS = ("summary", "markdown", "json", "sarif", "github", "csv", "junit")
DEFAULT = "default"
COMMAND_LINE = "command line"
# key in the file -> Settings field; the order is the order `discrepancy config` prints.
KEYS = {"select": "select", "ignore": "ignore", "rules": "rules", "fail-on": "fail_on",
        "tolerance": "tolerance", "format": "format", "outputs": "outputs", "report": "report",
        "baseline": "baseline", "ledger": "ledger"}
BARE_KEY = regex.compile(r"[A-Za-z0-9_-]+")


class ConfigError(DiscrepancyError):
    """A configuration file or setting is wrong: `pyproject.toml:14: unknown key 'fial-on'`."""

    def __init__(self, where: str, line: int | None, problem: str):
        self.where, self.line, self.problem = where, line, problem
        super().__init__(f"{where}:{line}: {problem}" if line else f"{where}: {problem}")


@dataclass(frozen=True)
class Settings:
    """The effective configuration, and for each key where its value came from."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    fail_on: str = "conflict"
    tolerance: dict[str, float] = field(default_factory=dict)
    format: str = "summary"
    outputs: dict[str, Path] = field(default_factory=dict)
    report: Path | None = None
    baseline: Path | None = None
    ledger: Path | None = None  # the claims ledger (SQLite) a desk keeps; None: every run is stateless
    file: Path | None = None
    origins: dict[str, str] = field(default_factory=dict)  # key -> file, "command line" or "default"

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def keeps(self, quantity: str) -> bool:
        """Whether findings about `quantity` are checked under select and ignore."""
        return (not self.select or quantity in self.select) and quantity not in self.ignore


# --- finding and reading the file ----------------------------------------------------------

def find_config(start: Path) -> Path | None:
    """The nearest discrepancy.toml, or pyproject.toml with [tool.discrepancy], from `start` upward."""
    for folder in [start, *start.parents]:
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "discrepancy" in _parse(pyproject).get("tool", {}):
            return pyproject
    return None


def read_config(path: Path) -> Settings:
    """The settings one file gives, checked: an unknown key or a bad value is a ConfigError."""
    data = _parse(path)
    table = data.get("tool", {}).get("discrepancy", {}) if path.name == PYPROJECT else data
    header = "[tool.discrepancy]" if path.name == PYPROJECT else None
    text = path.read_text(encoding="utf-8")
    if not isinstance(table, dict):
        raise ConfigError(str(path), _line_of(text, "discrepancy"), "[tool.discrepancy] must be a table")
    values = {}
    for key, value in table.items():
        line = _line_of(text, key, header)
        if key not in KEYS:
            where = f" in {header}" if header else ""
            raise ConfigError(str(path), line, f"unknown key '{key}'{where}; known keys: {', '.join(KEYS)}")
        values[KEYS[key]] = _checked(key, value, path.parent, lambda problem: ConfigError(str(path), line, problem))
    return Settings(**values, file=path, origins={key: str(path) for key in table})


def _parse(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        position = regex.search(r"\(at line (\d+), column \d+\)", str(error))
        problem = regex.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(str(path), int(position.group(1)) if position else None,
                          f"not valid TOML: {problem}") from None
    except (OSError, UnicodeError) as error:
        raise ConfigError(str(path), None, f"cannot read: {error}") from None


def _line_of(text: str, key: str, header: str | None = None) -> int | None:
    """The line that sets `key` (after `header` when given); tomllib keeps no positions."""
    start = text.find(header) if header else 0
    start = max(start, 0)
    # [ \t]* rather than \s*: a match must not start on the blank line before the key
    pattern = regex.compile(rf"""^[ \t]*(?:\[[ \t]*(?:tool\.discrepancy\.)?)?["']?{regex.escape(key)}["']?[ \t]*[=\]]""",
                            regex.M)
    match = pattern.search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


# --- values --------------------------------------------------------------------------------

def _checked(key: str, value, base: Path, error):
    """The value of `key` in the Settings field's type; paths made absolute against `base`."""
    if key in ("select", "ignore"):
        return tuple(_strings(key, value, error))
    if key == "rules":
        return tuple((base / item).resolve() for item in _strings(key, value, error))
    if key == "fail-on":
        return _one_of(key, value, tuple(FAIL_ON), error)
    if key == "format":
        return _one_of(key, value, FINDING_FORMATS, error)
    if key == "tolerance":
        return {name: _share(key, name, share, error) for name, share in _table(key, value, error).items()}
    if key == "outputs":
        table = _table(key, value, error)
        for name in table:
            _one_of(f"{key}.{name}", name, FINDING_FORMATS, error)
        return {name: (base / _string(f"{key}.{name}", path, error)).resolve() for name, path in table.items()}
    return (base / _string(key, value, error)).resolve()  # report, baseline, ledger


def _strings(key: str, value, error) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise error(f"'{key}' must be a list of strings")
    return value


def _string(key: str, value, error) -> str:
    if not isinstance(value, str) or not value:
        raise error(f"'{key}' must be a non-empty string")
    return value


def _one_of(key: str, value, allowed: tuple[str, ...], error) -> str:
    if value not in allowed:
        raise error(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _table(key: str, value, error) -> dict:
    if not isinstance(value, dict):
        raise error(f"'{key}' must be a table")
    return value


def _share(key: str, name: str, value, error) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
        raise error(f"'{key}.{name}' must be a share between 0 and 1 (0.05 is 5%), not {value!r}")
    return float(value)


# --- merging with the command line ---------------------------------------------------------

def resolve(start: Path, overrides: dict, config: Path | None = None, use_files: bool = True) -> Settings:
    """The file's settings (found from `start` upward, or `config`) with the flags' `overrides` on top.

    `overrides` maps Settings fields to values already in their types; a None value is a flag not given.
    """
    path = config or (find_config(start) if use_files else None)
    if config is not None and not config.is_file():
        raise ConfigError(str(config), None, "configuration file not found")
    settings = read_config(path) if path else Settings()
    if config is not None and path.name == PYPROJECT and "discrepancy" not in _parse(path).get("tool", {}):
        raise ConfigError(str(config), None, "no [tool.discrepancy] table in this file")
    changes, origins = {}, dict(settings.origins)
    for name, value in overrides.items():
        if value is None:
            continue
        key = _key_of(name)
        if name in ("tolerance", "outputs"):
            value = getattr(settings, name) | value  # one entry replaced, the others kept
        changes[name] = value
        origins[key] = COMMAND_LINE
    return dataclasses.replace(settings, **changes, origins=origins)


def _key_of(name: str) -> str:
    return next(key for key, field_name in KEYS.items() if field_name == name)


def check_quantities(settings: Settings, rules: RuleSet) -> None:
    """Every quantity named in select, ignore and tolerance exists in the rules, or a ConfigError."""
    known = {quantity.name for quantity in rules.quantities}
    for key, names in (("select", settings.select), ("ignore", settings.ignore),
                       ("tolerance", tuple(settings.tolerance))):
        for name in names:
            if name not in known:
                raise ConfigError(_where(settings, key), _setting_line(settings, key),
                                  f"'{key}': unknown quantity '{name}'; known: {', '.join(sorted(known))}")


def _where(settings: Settings, key: str) -> str:
    origin = settings.origin(key)
    return f"--{key}" if origin == COMMAND_LINE else origin


def _setting_line(settings: Settings, key: str) -> int | None:
    if settings.origin(key) in (COMMAND_LINE, DEFAULT) or settings.file is None:
        return None
    header = "[tool.discrepancy]" if settings.file.name == PYPROJECT else None
    return _line_of(settings.file.read_text(encoding="utf-8"), key, header)


def with_tolerance(rules: RuleSet, tolerance: dict[str, float]) -> RuleSet:
    """The rules with each named quantity's `rounding` replaced by the configured share."""
    if not tolerance:
        return rules
    quantities = tuple(dataclasses.replace(q, rounding=tolerance[q.name]) if q.name in tolerance else q
                       for q in rules.quantities)
    return dataclasses.replace(rules, quantities=quantities)


# --- showing it ----------------------------------------------------------------------------

def describe(settings: Settings, start: Path) -> str:
    """The effective configuration as TOML, each line saying where its value came from."""
    if settings.file:
        table = " [tool.discrepancy]" if settings.file.name == PYPROJECT else ""
        lines = [f"# configuration file: {settings.file}{table}"]
    else:
        lines = [f"# no configuration file found from {start} upward"]
    for key, name in KEYS.items():
        value = getattr(settings, name)
        origin = settings.origin(key)
        if value is None:
            lines.append(f"# {key} is not set ({origin})")
        else:
            lines.append(f"{key} = {toml_value(value)}  # {origin}")
    return "\n".join(lines) + "\n"


def toml_value(value) -> str:
    """A TOML literal for a setting: strings, paths, lists and inline tables."""
    if isinstance(value, (str, Path)):
        return json.dumps(str(value), ensure_ascii=False)  # JSON's string escapes are TOML's too
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(key)} = {toml_value(item)}" for key, item in value.items())
        return "{ " + items + " }" if items else "{}"
    raise TypeError(f"no TOML form for {value!r}")


def _toml_key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)

"""Configuration: [tool.discrepancy] or discrepancy.toml found upward, flags on top, strict keys."""
import shutil
import tomllib
from pathlib import Path

import pytest

from discrepancy.cli import main
from discrepancy.config import Settings, find_config, read_config, toml_value

FIXTURES = Path(__file__).parent / "fixtures" / "ci"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def desk(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "desk", tmp_path / "desk")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- finding the file ----------------------------------------------------------------------------

def test_found_from_a_subfolder_upward_pyproject_without_the_table_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.discrepancy]\nfail-on = "review"\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "x"\n')
    deep = tmp_path / "desk" / "drafts"
    deep.mkdir()
    assert find_config(deep) == tmp_path / "pyproject.toml"


def test_discrepancy_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.discrepancy]\nfail-on = "review"\n')
    write(tmp_path / "discrepancy.toml", 'fail-on = "never"\n')
    assert find_config(tmp_path) == tmp_path / "discrepancy.toml"
    assert read_config(tmp_path / "discrepancy.toml").fail_on == "never"


def test_no_file_gives_the_defaults(tmp_path):
    assert find_config(tmp_path) is None
    assert Settings().fail_on == "conflict" and Settings().format == "summary"


# --- values and errors ----------------------------------------------------------------------------

def test_every_key_read_paths_relative_to_the_file(tmp_path):
    config = write(tmp_path / "pyproject.toml", """[project]
name = "desk"

[tool.discrepancy]
select = ["deaths", "arrests"]
ignore = ["camps"]
rules = ["desk-rules"]
fail-on = "review"
format = "github"
report = "out/report.md"
baseline = ".discrepancy-baseline.json"

[tool.discrepancy.tolerance]
deaths = 0.1

[tool.discrepancy.outputs]
sarif = "out/discrepancy.sarif"
""")
    settings = read_config(config)
    assert settings.select == ("deaths", "arrests") and settings.ignore == ("camps",)
    assert settings.rules == (tmp_path / "desk-rules",)
    assert (settings.fail_on, settings.format) == ("review", "github")
    assert settings.tolerance == {"deaths": 0.1}
    assert settings.outputs == {"sarif": tmp_path / "out" / "discrepancy.sarif"}
    assert settings.report == tmp_path / "out" / "report.md"
    assert settings.baseline == tmp_path / ".discrepancy-baseline.json"
    assert settings.origin("fail-on") == str(config) and settings.origin("select") == str(config)


@pytest.mark.parametrize("file, text, message", [
    ("pyproject.toml", '[tool.discrepancy]\nselect = ["deaths"]\nfial-on = "review"\n',
     "pyproject.toml:3: unknown key 'fial-on' in [tool.discrepancy]; known keys: select, ignore, rules, "
     "fail-on, tolerance, format, outputs, report, baseline, ledger"),
    ("discrepancy.toml", 'select = ["deaths"]\n\n[output]\nsarif = "x"\n',
     "discrepancy.toml:3: unknown key 'output'; known keys: select, ignore, rules, fail-on, tolerance, format, "
     "outputs, report, baseline, ledger"),
    ("discrepancy.toml", 'fail-on = "sometimes"\n',
     "discrepancy.toml:1: 'fail-on' must be one of conflict, review, never, not 'sometimes'"),
    ("discrepancy.toml", 'select = "deaths"\n', "discrepancy.toml:1: 'select' must be a list of strings"),
    ("discrepancy.toml", '[tolerance]\ndeaths = 5\n',
     "discrepancy.toml:1: 'tolerance.deaths' must be a share between 0 and 1 (0.05 is 5%), not 5"),
    ("discrepancy.toml", '[outputs]\npdf = "r.pdf"\n',
     "discrepancy.toml:1: 'outputs.pdf' must be one of summary, markdown, json, sarif, github, csv, junit, "
     "not 'pdf'"),
    ("discrepancy.toml", 'select = ["deths"]\n',
     "discrepancy.toml:1: 'select': unknown quantity 'deths'; known: arrests, camps, charged, convicted, crowd, "
     "dead_or_missing, deaths, displaced, fighters, infected, injured, kidnapped, killed_or_injured, missing, released, rescued, shot, troops"),
    ("discrepancy.toml", 'fail-on = \n', "discrepancy.toml:1: not valid TOML: Invalid value"),
])
def test_a_bad_configuration_exits_2_with_one_line_naming_file_and_key(desk, capsys, file, text, message):
    write(desk / file, text)
    status, out, err = run(capsys, "check", "desk")
    assert (status, out) == (2, "")
    assert err == f"discrepancy: {desk / message}\n"


def test_an_unknown_quantity_on_the_command_line_names_the_flag(desk, capsys):
    status, _, err = run(capsys, "check", "desk", "--ignore", "deaths,deths")
    assert status == 2
    assert err.startswith("discrepancy: --ignore: 'ignore': unknown quantity 'deths'; known: arrests,")


# --- effect on a run ------------------------------------------------------------------------------

@pytest.mark.parametrize("settings, flags, status, verdicts", [
    ("", [], 1, ["conflict", "revision", "revision"]),
    ('fail-on = "never"\n', [], 0, ["conflict", "revision", "revision"]),
    ('fail-on = "never"\n', ["--fail-on", "conflict"], 1, ["conflict", "revision", "revision"]),
    ('ignore = ["deaths"]\n', [], 0, []),
    ('select = ["arrests"]\n', [], 0, []),
    ('select = ["arrests"]\n', ["--select", "deaths"], 1, ["conflict", "revision", "revision"]),
    # rounding of half the last place, capped at the share: at 5% '40' is 38-42 and '30' 28.5-31.5;
    # at 50% they are 35-45 and 25-35, which meet: the revision from 40 to 30 is gone
    ('[tolerance]\ndeaths = 0.5\n', [], 1, ["conflict", "revision"]),
])
def test_configuration_and_flags_decide_the_run(desk, capsys, settings, flags, status, verdicts):
    write(desk / "discrepancy.toml", settings)
    got, out, _ = run(capsys, "check", "desk", *flags)
    assert got == status
    assert [line.split(": ")[1] for line in out.splitlines()] == verdicts


def test_outputs_and_report_from_the_file_are_relative_to_it(desk, capsys, monkeypatch):
    write(desk / "discrepancy.toml", 'report = "out/report.md"\n\n[outputs]\nsarif = "out/d.sarif"\n')
    (desk / "desk" / "sub").mkdir()
    monkeypatch.chdir(desk / "desk" / "sub")
    status, _, err = run(capsys, "check", "..")
    assert status == 1
    assert (desk / "out" / "report.md").is_file() and (desk / "out" / "d.sarif").is_file()
    assert err.endswith(f"report: {desk / 'out' / 'report.md'}\n")


def test_no_config_and_an_explicit_config(desk, capsys):
    write(desk / "discrepancy.toml", 'fail-on = "never"\n')
    write(desk / "strict.toml", 'fail-on = "review"\n')
    assert run(capsys, "check", "desk")[0] == 0
    assert run(capsys, "check", "desk", "--no-config")[0] == 1
    assert run(capsys, "check", "desk", "--config", "strict.toml")[0] == 1
    status, _, err = run(capsys, "check", "desk", "--config", "missing.toml")
    assert (status, err) == (2, "discrepancy: missing.toml: configuration file not found\n")


# --- discrepancy config ---------------------------------------------------------------------------

def test_config_prints_effective_settings_and_where_each_came_from(desk, capsys):
    config = write(desk / "pyproject.toml", '[tool.discrepancy]\nselect = ["deaths"]\nfail-on = "review"\n'
                                            '[tool.discrepancy.outputs]\nsarif = "out/d.sarif"\n')
    status, out, err = run(capsys, "config", "--fail-on", "never", "--output", "junit=j.xml", "--tolerance",
                           "deaths=0.1")
    assert (status, err) == (0, "")
    assert out == (
        f"# configuration file: {config} [tool.discrepancy]\n"
        f'select = ["deaths"]  # {config}\n'
        f"ignore = []  # default\n"
        f"rules = []  # default\n"
        f'fail-on = "never"  # command line\n'
        f"tolerance = {{ deaths = 0.1 }}  # command line\n"
        f'format = "summary"  # default\n'
        f'outputs = {{ sarif = "{desk / "out" / "d.sarif"}", junit = "j.xml" }}  # command line\n'
        f"# report is not set (default)\n"
        f"# baseline is not set (default)\n"
        f"# ledger is not set (default)\n")
    assert tomllib.loads(out)["outputs"]["junit"] == "j.xml"  # the printout is TOML a desk can paste


def test_config_without_a_file(desk, capsys):
    status, out, _ = run(capsys, "config")
    assert status == 0
    assert out.splitlines()[0] == f"# no configuration file found from {desk} upward"
    assert tomllib.loads(out) == {"select": [], "ignore": [], "rules": [], "fail-on": "conflict",
                                  "tolerance": {}, "format": "summary", "outputs": {}}


@pytest.mark.parametrize("value, text", [
    ("a \"quoted\" path\\", '"a \\"quoted\\" path\\\\"'),
    (("x", "y"), '["x", "y"]'),
    ({"two words": 0.5}, '{ "two words" = 0.5 }'),
    ({}, "{}"),
])
def test_toml_value(value, text):
    assert toml_value(value) == text
    assert tomllib.loads(f"v = {text}")["v"] == (list(value) if isinstance(value, tuple) else value)

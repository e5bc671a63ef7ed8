"""`rules`, `explain`, help text for every command and option, and docs that mention every command."""
import argparse
import re
from pathlib import Path

import pytest

from discrepancy.cli import build_parser, main
from discrepancy.formats import FINDING_COLUMNS
from discrepancy.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.fixture(autouse=True)
def no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


# --- rules and explain ---------------------------------------------------------------------------

def test_rules_lists_every_quantity_with_words_and_tolerance(capsys):
    status, out, err = run(capsys, "rules", "--fmt", "tsv")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [cell.strip() for cell in lines[0].split("\t")] == ["quantity", "description", "tolerance", "cumulative", "priority", "words"]
    rows = {line.split("\t")[0].strip(): [cell.strip() for cell in line.split("\t")] for line in lines[1:]}
    rules = load_rules()
    assert set(rows) == {q.name for q in rules.quantities}
    deaths = rows["deaths"]
    assert deaths[1:5] == ["People killed or dead", "5%", "yes", "10"]
    assert deaths[5].split(", ") == list(rules.quantity("deaths").words)


def test_rules_shows_a_configured_tolerance_and_extra_rule_folders(tmp_path, capsys):
    (tmp_path / "desk-rules").mkdir()
    (tmp_path / "desk-rules" / "boats.toml").write_text(
        'kind = "quantity"\nname = "boats"\ndescription = "Boats lost"\nwords = ["boats", "vessels"]\n'
        'rounding = 0.025\nexamples = [{ text = "30 boats sank", value = 30 }]\n', encoding="utf-8")
    (tmp_path / "discrepancy.toml").write_text('rules = ["desk-rules"]\n[tolerance]\ndeaths = 0.1\n')
    _, out, _ = run(capsys, "rules", "--fmt", "tsv")
    rows = {line.split("\t")[0].strip(): [c.strip() for c in line.split("\t")] for line in out.splitlines()[1:]}
    assert rows["boats"][1:3] == ["Boats lost", "2.5%"]
    assert rows["deaths"][2] == "10% (configured)"


def test_rules_default_table_wraps_long_word_lists(capsys):
    _, out, _ = run(capsys, "rules")
    assert out.splitlines()[0].split() == ["quantity", "description", "tolerance", "cumulative", "priority", "words"]
    assert max(len(line) for line in out.splitlines()) < 160


def test_explain_shows_one_quantity(capsys):
    status, out, err = run(capsys, "explain", "deaths")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "deaths: People killed or dead"
    assert lines[1].endswith("rules/quantities/deaths.toml")
    assert lines[2].startswith("tolerance: 5%: ")
    assert lines[3].startswith("cumulative: yes: ")
    assert "  'more than 160 people died in the unrest' -> 160" in lines
    assert lines[lines.index("not this quantity:") + 1] == "  '30 people were injured in the blast'"


@pytest.mark.parametrize("name", ["deths", "Deaths", ""])
def test_explain_unknown_quantity_exits_2_with_one_line(capsys, name):
    status, out, err = run(capsys, "explain", name)
    assert (status, out) == (2, "")
    assert err == (f"discrepancy: unknown quantity '{name}'; known: arrests, camps, charged, convicted, crowd, "
                   f"dead_or_missing, deaths, displaced, fighters, infected, injured, kidnapped, killed_or_injured, missing, released, rescued, shot, troops\n")


# --- help and documentation ------------------------------------------------------------------------

def test_every_command_has_help_and_a_description():
    commands = subcommands()
    assert set(commands) == {"check", "extract", "config", "rules", "explain", "ledger"}
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    for name, parser in commands.items():
        assert helps[name], name
        assert parser.description, name


@pytest.mark.parametrize("command", ["check", "extract", "config", "rules", "explain"])
def test_every_option_has_help(command):
    parser = subcommands()[command]
    for action in parser._actions:
        assert action.help, f"{command} {action.option_strings or action.dest}"


@pytest.mark.parametrize("command", ["check", "extract", "config", "rules", "explain"])
def test_help_exits_0(capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: discrepancy {command}")


def test_docs_mention_every_command():
    text = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)
    for command in subcommands():
        assert f"discrepancy {command}" in text, command


def test_docs_mention_every_check_option():
    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    for action in subcommands()["check"]._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert option in text, option


def test_formats_doc_names_every_format_and_csv_column():
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for fmt in ("summary", "markdown", "json", "sarif", "github", "csv", "junit"):
        assert f"| `{fmt}` |" in text, fmt
    for column in FINDING_COLUMNS:
        assert re.search(rf"`{column}`", text), column


# --- a crash is never exit 1 -----------------------------------------------------------------------

def test_an_internal_error_exits_2_not_1(capsys, monkeypatch):
    import shutil
    shutil.copytree(Path(__file__).parent / "fixtures" / "ci" / "desk", Path.cwd() / "desk")

    def broken(*args):
        raise RuntimeError("simulated bug")
    monkeypatch.setattr("discrepancy.cli.sarif_parts", broken)
    status, out, err = run(capsys, "check", "desk", "--format", "sarif")
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == "discrepancy: internal error: RuntimeError: simulated bug (please report this)"
    assert "Traceback" in err

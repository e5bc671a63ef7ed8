"""The CI example script on a fixture batch, the jobs in docs/ci.md, and the pre-commit hook."""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from identify.identify import ALL_TAGS, tags_from_filename
from pre_commit.clientlib import load_manifest

from discrepancy.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "ci-example.sh"
FIXTURES = Path(__file__).parent / "fixtures" / "ci"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
BIN = Path(sys.executable).parent  # where the venv put the `discrepancy` command


def run_script(cwd: Path, **env) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_STEP_SUMMARY"}
    environment |= {"PATH": f"{BIN}{os.pathsep}{environment.get('PATH', '')}"} | env
    return subprocess.run(["bash", str(SCRIPT)], cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def repo(tmp_path):
    """A desk's repository: the fixture batch under articles/."""
    assert shutil.which("discrepancy", path=str(BIN)), "the discrepancy command is not installed beside python"
    shutil.copytree(FIXTURES / "desk", tmp_path / "articles")
    return tmp_path


# --- the script -----------------------------------------------------------------------------------

def test_script_on_a_batch_with_a_conflict(repo):
    summary = repo / "summary.md"
    done = run_script(repo, ARTICLES="articles", GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 1, done.stderr
    commands = [line.split(" ", 1)[0] for line in done.stdout.splitlines()]
    assert commands == ["::error", "::warning", "::warning", "::warning"]
    out = repo / "discrepancy-out"
    assert sorted(p.name for p in out.iterdir()) == ["discrepancy.sarif", "findings.csv", "junit.xml", "report",
                                                     "report.md"]
    assert [p.suffix for p in (out / "report").iterdir()] == [".svg"]  # the flagged group's chart
    jsonschema.validate(json.loads((out / "discrepancy.sarif").read_text("utf-8")), SARIF_SCHEMA)
    assert ET.parse(out / "junit.xml").getroot().find("testsuite").get("failures") == "1"
    assert summary.read_text("utf-8") == (out / "report.md").read_text("utf-8")


def test_script_with_a_baseline_passes_until_something_new(repo):
    assert main(["check", str(repo / "articles"), "--report", str(repo / "r.md"), "--format", "json",
                 "--write-baseline", str(repo / ".discrepancy-baseline.json")]) == 0
    done = run_script(repo, ARTICLES="articles", FORMAT="summary")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    (repo / "articles" / "friday.txt").write_text(
        "Published 6 May 2024\n\nThe storm killed 90 people in Mombasa, a hospital said.\n", encoding="utf-8")
    done = run_script(repo, ARTICLES="articles", FORMAT="summary")
    assert done.returncode == 1
    assert done.stdout.startswith("articles/") and "'90'" in done.stdout


def test_script_on_a_clean_batch_and_on_a_configuration_error(repo):
    shutil.copytree(FIXTURES / "clean", repo / "clean")
    done = run_script(repo, ARTICLES="clean", FORMAT="summary")
    assert (done.returncode, done.stdout) == (0, "")
    (repo / "discrepancy.toml").write_text('fail_on = "review"\n', encoding="utf-8")
    done = run_script(repo, ARTICLES="clean")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (f"discrepancy: {repo / 'discrepancy.toml'}:1: unknown key 'fail_on'; "
                                           f"known keys: select, ignore, rules, fail-on, tolerance, format, "
                                           f"outputs, report, baseline, ledger")


# --- the jobs in docs/ci.md -----------------------------------------------------------------------

def yaml_blocks() -> list:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_the_github_workflow_runs_the_script_and_uploads_what_it_writes():
    workflow = yaml_blocks()[0]
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "bash ci/discrepancy.sh" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "discrepancy-out/discrepancy.sarif"
    assert upload["if"].startswith("always()")
    assert workflow["permissions"]["security-events"] == "write"
    assert "discrepancy-out/discrepancy.sarif" in SCRIPT.read_text().replace('$OUT', "discrepancy-out")


def test_the_gitlab_job_reads_the_junit_file_the_script_writes():
    job = yaml_blocks()[1]["discrepancy"]
    assert any("bash ci/discrepancy.sh" in line for line in job["script"])
    assert job["artifacts"]["reports"]["junit"] == "discrepancy-out/junit.xml"
    assert job["artifacts"]["when"] == "always"
    assert "junit=$OUT/junit.xml" in SCRIPT.read_text()


# --- pre-commit ----------------------------------------------------------------------------------

def test_pre_commit_manifest_is_valid_and_compares_across_files():
    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))  # pre-commit's own validation
    assert len(hooks) == 1
    hook = hooks[0]
    assert (hook["id"], hook["entry"], hook["language"]) == ("discrepancy", "discrepancy check", "python")
    assert hook["require_serial"] is True and hook["pass_filenames"] is True
    assert hook["types_or"] == ["markdown", "text"] and set(hook["types_or"]) <= ALL_TAGS


@pytest.mark.parametrize("name, checked", [
    ("drafts/storm.md", True), ("wire/reuters.txt", True), ("feed/today.jsonl", True),
    ("discrepancy/cli.py", False), ("pyproject.toml", False), ("logo.png", False),
])
def test_pre_commit_hook_selects_article_files(name, checked):
    hook = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))[0]
    tags = tags_from_filename(name) | ({"text"} if not name.endswith(".png") else {"binary"})
    by_type = bool(tags & set(hook["types_or"]))
    by_name = re.search(hook["files"], name) is not None
    assert (by_type and by_name) is checked


def test_pre_commit_entry_with_file_names_runs_as_the_hook_would(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    hook = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))[0]
    files = ["articles/monday.md", "articles/rival.txt"]
    status = main(hook["entry"].split()[1:] + ["--report", "r.md"] + files)
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("articles/monday.md:4:1: conflict: deaths: 'Exactly 40'")

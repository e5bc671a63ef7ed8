"""The command line on a small batch: exit codes, the report file, the machine formats."""
import json
from pathlib import Path

import pytest

from discrepancy.cli import main

FLOODS = str(Path(__file__).parent / "fixtures" / "floods")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_flags_the_conflict_and_exits_1(tmp_path, capsys):
    report = tmp_path / "floods.md"
    status, out, err = run(capsys, "check", FLOODS, "--report", str(report))
    assert status == 1
    assert "conflict: deaths" in out
    text = report.read_text(encoding="utf-8")
    assert "Exactly 40" in text and "75" in text
    assert "3 articles" in err or "3 articles" in text


@pytest.mark.parametrize("fail_on,status", [("never", 0), ("conflict", 1), ("review", 1)])
def test_fail_on_sets_the_exit_status(tmp_path, capsys, fail_on, status):
    assert run(capsys, "check", FLOODS, "--report", str(tmp_path / "r.md"), "--fail-on", fail_on)[0] == status


def test_verdicts_on_the_batch(tmp_path, capsys):
    status, out, _ = run(capsys, "check", FLOODS, "--report", str(tmp_path / "r.md"), "--format", "json")
    document = json.loads(out)
    verdicts = {(f["verdict"], tuple(sorted(c.split(":")[0] for c in f["claims"]))) for f in document["findings"]
                if f["quantity"] == "deaths"}
    assert ("conflict", ("early", "rival")) in verdicts          # 40 against 75, same day
    assert ("update", ("early", "later")) in verdicts            # rose to 120 two days later
    # "Nine children were among the dead": a part stated of the toll, within each article's whole
    among = {f["verdict"] for f in document["findings"] if "rival:5:1" in f["claims"]}
    assert among == {"consistent"}
    arrests = [f["verdict"] for f in document["findings"] if f["quantity"] == "arrests"]
    assert arrests == ["consistent"]                             # 12 and about 12, Kisumu within Kenya


def test_default_report_path_is_named_after_the_input(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", FLOODS, "--fail-on", "never")
    assert (tmp_path / "reports" / "floods.md").is_file()


def test_no_readable_article_exits_2_naming_the_file(tmp_path, capsys):
    status, _, err = run(capsys, "check", str(tmp_path / "missing.txt"), "--report", str(tmp_path / "r.md"))
    assert status == 2
    assert "missing.txt" in err


def test_one_bad_file_does_not_stop_the_batch(tmp_path, capsys):
    status, out, err = run(capsys, "extract", FLOODS, str(tmp_path / "missing.txt"))
    assert status == 0
    assert "missing.txt" in err
    assert len(out.splitlines()) >= 5


def test_extract_formats(capsys):
    _, jsonl, _ = run(capsys, "extract", FLOODS, "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.splitlines()]
    assert {"article", "value", "low", "high", "qualifier", "unit", "quantity", "line", "column"} <= set(records[0])
    _, csv_text, _ = run(capsys, "extract", FLOODS, "--format", "csv")
    assert csv_text.splitlines()[0].startswith("id,") and len(csv_text.splitlines()) == len(records) + 1
    _, json_text, _ = run(capsys, "extract", FLOODS, "--format", "json")
    assert len(json.loads(json_text)) == len(records)


def test_stdin_reads_json_lines(capsys, monkeypatch):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "x", "text": "At least 7 people died in Lagos."}\n'))
    _, out, _ = run(capsys, "extract", "-")
    assert json.loads(out.splitlines()[0])["quantity"] == "deaths"


def test_a_malformed_rule_file_exits_2_with_file_line_and_key(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text('kind = "quantity"\nname = "x"\ndescription = "x"\nwords = ["a"]\n'
                                       'examples = []\nqualifers = 3\n', encoding="utf-8")
    status, _, err = run(capsys, "extract", FLOODS, "--rules", str(tmp_path))
    assert status == 2
    assert "bad.toml:6: unknown key 'qualifers'" in err
    assert len(err.strip().splitlines()) == 1


def test_a_new_quantity_type_is_a_rule_file(tmp_path, capsys):
    (tmp_path / "looters.toml").write_text(
        'kind = "quantity"\nname = "boats"\ndescription = "Boats lost"\nwords = ["boats", "vessels"]\n'
        'priority = 10\nexamples = [{ text = "30 boats sank", value = 30 }]\n', encoding="utf-8")
    import io
    import sys
    sys.stdin = io.StringIO('{"id": "x", "text": "The storm sank 30 boats off the coast."}\n')
    _, out, _ = run(capsys, "extract", "-", "--rules", str(tmp_path))
    assert json.loads(out.splitlines()[0])["quantity"] == "boats"


@pytest.mark.parametrize("command", [["extract"], ["check", "--fail-on", "never", "--format", "json"]])
def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path, command):
    # `discrepancy ... | head`: the pipe closes with most of the output unwritten
    import subprocess
    import sys
    articles = tmp_path / "many.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{n}", "text": f"At least {n + 3} people died and 40 were "
                                           f"injured in Mombasa, police said."}) + "\n" for n in range(400)))
    report = ["--report", str(tmp_path / "report.md")] if command[0] == "check" else []
    process = subprocess.Popen([sys.executable, "-m", "discrepancy", *command, str(articles), "--quiet",
                                "--workers", "1", "--no-config", *report], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert (process.wait(timeout=120), stderr) == (141, "")

"""The claims ledger (issue 7): a real SQLite file in a temporary folder, real processes, no mocks."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import discrepancy
from discrepancy.cli import main
from discrepancy.ledger import SCHEMA_V1, SCHEMA_VERSION, Ledger, LedgerError, content_hash
from discrepancy.models import Article

FLOODS = Path(__file__).parent / "fixtures" / "floods"
ROOT = Path(__file__).parent.parent


def batch(tmp_path: Path, name: str, *files: str) -> str:
    """A folder holding copies of some of the floods articles."""
    folder = tmp_path / name
    folder.mkdir()
    for file in files:
        shutil.copy(FLOODS / file, folder / file)
    return str(folder)


def counts(path: Path) -> tuple[int, int, int]:
    with Ledger(path) as ledger:
        stats = ledger.stats()
    return stats["articles"], stats["claims"], stats["batches"]


def rows(path: Path) -> list[tuple]:
    """Everything the ledger holds, for comparing before and after."""
    with sqlite3.connect(path) as connection:
        return [*connection.execute("SELECT id, hash, story FROM articles ORDER BY id"),
                *connection.execute("SELECT id, record FROM claims ORDER BY id")]


# --- storing -----------------------------------------------------------------------------------

def test_a_batch_is_stored_and_running_it_again_stores_nothing_more(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    first = discrepancy.check([str(FLOODS)], ledger=ledger)
    again = discrepancy.check([str(FLOODS)], ledger=ledger)
    assert counts(ledger) == (3, 6, 2)
    assert [f.as_record() for f in again.findings] == [f.as_record() for f in first.findings]
    assert again.stored == ()  # the batch's own articles are not read back as stored ones


def test_the_ledger_is_in_wal_mode_with_the_current_schema_version(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([str(FLOODS)], ledger=ledger)
    with sqlite3.connect(ledger) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_new_claims_are_compared_with_stored_claims_of_the_same_story(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([batch(tmp_path, "monday", "early.txt", "rival.txt")], ledger=ledger)
    result = discrepancy.check([batch(tmp_path, "friday", "later.md")], ledger=ledger)
    pairs = {(f.verdict, tuple(sorted(c.split(":")[0] for c in f.claims))) for f in result.findings}
    assert ("update", ("early", "later")) in pairs and ("update", ("later", "rival")) in pairs
    assert set(result.stored) == {"early", "rival"}
    assert {s.id for s in result.stories} == {"early"}  # one story, named after its first article


def test_findings_between_two_stored_claims_are_not_reported_again(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    first = discrepancy.check([batch(tmp_path, "monday", "early.txt", "rival.txt")], ledger=ledger)
    assert any(f.verdict == "conflict" for f in first.findings)  # 40 and 75 dead, both on 1 May
    later = discrepancy.check([batch(tmp_path, "friday", "later.md")], ledger=ledger)
    new = {c.id for c in later.claims if c.article == "later"}
    assert later.findings and all(set(f.claims) & new for f in later.findings)


def test_an_edited_article_replaces_its_earlier_version(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    folder = Path(batch(tmp_path, "desk", "early.txt"))
    discrepancy.check([str(folder)], ledger=ledger)
    before = rows(ledger)
    edited = (folder / "early.txt").read_text("utf-8").replace("Exactly 40", "Exactly 44")
    (folder / "early.txt").write_text(edited, "utf-8")
    discrepancy.check([str(folder)], ledger=ledger)
    assert counts(ledger) == (1, 2, 2)
    with Ledger(ledger) as book:
        assert sorted(c.text for c in book.claims()) == ["12", "Exactly 44"]
    assert rows(ledger) != before


def test_the_same_content_under_another_name_is_not_stored_twice(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([batch(tmp_path, "desk", "early.txt")], ledger=ledger)
    copy = tmp_path / "again"
    copy.mkdir()
    shutil.copy(FLOODS / "early.txt", copy / "early-reprint.txt")
    discrepancy.check([str(copy)], ledger=ledger)
    assert counts(ledger)[:2] == (1, 2)


def test_content_hash_depends_on_text_title_and_date():
    article = Article(id="a", path="a.txt", text="12 dead", title="T")
    assert content_hash(article) == content_hash(Article(id="b", path="b.txt", text="12 dead", title="T"))
    assert content_hash(article) != content_hash(Article(id="a", path="a.txt", text="13 dead", title="T"))
    assert content_hash(article) != content_hash(Article(id="a", path="a.txt", text="12 dead", title="U"))


# --- one transaction per batch -----------------------------------------------------------------

def test_an_error_inside_the_batch_leaves_the_ledger_as_it_was(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([batch(tmp_path, "monday", "early.txt")], ledger=ledger)
    before = rows(ledger)
    extracted = discrepancy.extract([batch(tmp_path, "friday", "later.md", "rival.txt")])

    def fail_after_the_first(article):
        raise RuntimeError(f"stopped after {article.id}")

    with Ledger(ledger) as book, pytest.raises(RuntimeError, match="stopped after"):
        with book.batch():
            book.record(extracted.articles, extracted.claims, after_each=fail_after_the_first)
    assert rows(ledger) == before
    assert counts(ledger) == (1, 2, 1)


KILLED_MID_BATCH = textwrap.dedent("""
    import sys, time
    import discrepancy
    from discrepancy.ledger import Ledger
    extracted = discrepancy.extract([sys.argv[2]])
    def pause(article):
        print("wrote", article.id, flush=True)
        time.sleep(60)  # killed here, the batch half written
    with Ledger(sys.argv[1]) as book, book.batch():
        book.record(extracted.articles, extracted.claims, after_each=pause)
""")


def test_a_run_killed_mid_batch_leaves_the_ledger_as_before_the_batch(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([batch(tmp_path, "monday", "early.txt")], ledger=ledger)
    before = rows(ledger)
    process = subprocess.Popen([sys.executable, "-c", KILLED_MID_BATCH, str(ledger),
                                batch(tmp_path, "friday", "later.md", "rival.txt")],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert process.stdout.readline().startswith("wrote ")  # one article written, uncommitted
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(ledger) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert rows(ledger) == before


def test_a_run_killed_after_its_batch_leaves_the_ledger_after_the_batch(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    script = KILLED_MID_BATCH.replace("time.sleep(60)  # killed here, the batch half written", "pass") + \
        "\nprint('committed', flush=True)\ntime.sleep(60)\n"
    process = subprocess.Popen([sys.executable, "-c", script, str(ledger), batch(tmp_path, "friday", "later.md")],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert [process.stdout.readline().split()[0] for _ in range(2)] == ["wrote", "committed"]
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert counts(ledger) == (1, 1, 1)


# --- several runs at once ----------------------------------------------------------------------

def run_check(tmp_path: Path, folder: str, ledger: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "discrepancy", "check", folder, "--ledger", str(ledger),
                             "--report", str(tmp_path / f"{Path(folder).name}.md"), "--fail-on", "never"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_a_run_waits_while_another_writes_its_batch(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([batch(tmp_path, "monday", "early.txt")], ledger=ledger)
    holder = sqlite3.connect(ledger, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run in the middle of its batch
    process = run_check(tmp_path, batch(tmp_path, "friday", "later.md"), ledger)
    time.sleep(6)  # long enough to read the articles and reach the lock
    waited = process.poll() is None
    holder.execute("COMMIT")
    holder.close()
    out, err = process.communicate(timeout=120)
    assert waited, err
    assert process.returncode == 0, err
    assert counts(ledger)[:2] == (2, 3)


def test_two_runs_at_once_both_land_and_the_file_stays_sound(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    processes = [run_check(tmp_path, batch(tmp_path, "one", "early.txt", "later.md"), ledger),
                 run_check(tmp_path, batch(tmp_path, "two", "rival.txt"), ledger)]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert counts(ledger) == (3, 6, 2)
    with sqlite3.connect(ledger) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# --- schema versions ---------------------------------------------------------------------------

def test_a_version_1_ledger_is_migrated_and_keeps_what_it_held(tmp_path):
    path = tmp_path / "old.sqlite"
    record = {"id": "early:4:1", "article": "early", "text": "40", "value": 40.0, "low": 40.0, "high": 40.0,
              "qualifier": "exact", "unit": "people", "direction": None, "quantity": "deaths", "scope": None,
              "place": "Kenya", "source": None, "sentence": "40 people were killed.", "line": 4, "column": 1,
              "start": 0, "end": 2, "reading": "", "published": "2024-05-01"}
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA_V1)
        connection.execute("INSERT INTO articles VALUES ('early', 'h', 'early.txt', 'Floods', '2024-05-01', NULL, "
                           "NULL, '40 people were killed.')")
        connection.execute("INSERT INTO claims VALUES ('early:4:1', 'early', ?)", (json.dumps(record),))
        connection.execute("PRAGMA user_version = 1")
    with Ledger(path) as ledger:
        assert ledger.stats()["schema_version"] == SCHEMA_VERSION
        [claim] = ledger.claims()
        stored = ledger.stored()
    assert (claim.text, claim.quantity, claim.published.isoformat(), claim.story) == ("40", "deaths", "2024-05-01",
                                                                                         None)
    assert [a.id for a in stored.articles] == ["early"] and stored.articles[0].furniture == ()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT quantity FROM claims").fetchall() == [("deaths",)]
        assert connection.execute("SELECT count(*) FROM batches").fetchone() == (0,)


def test_a_migrated_ledger_takes_new_batches(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA_V1)
        connection.execute("PRAGMA user_version = 1")
    discrepancy.check([str(FLOODS)], ledger=path)
    assert counts(path) == (3, 6, 1)


def test_a_ledger_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(LedgerError, match="newer than this discrepancy"):
        Ledger(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("future",)]


def test_a_file_that_is_not_a_ledger_exits_2_with_one_line(tmp_path, capsys):
    path = tmp_path / "notes.sqlite"
    path.write_text("this is not a database, just notes\n" * 100, "utf-8")
    code = main(["check", str(FLOODS), "--ledger", str(path), "--report", str(tmp_path / "r.md")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith(f"discrepancy: {path}: not a usable ledger")


# --- the command line --------------------------------------------------------------------------

def test_ledger_stats_export_and_forget(tmp_path, capsys):
    ledger = tmp_path / "desk.sqlite"
    assert main(["check", str(FLOODS), "--ledger", str(ledger), "--report", str(tmp_path / "r.md"),
                 "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert main(["ledger", "stats", "--ledger", str(ledger)]) == 0
    stats = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert (stats["articles"], stats["claims"], stats["stories"], stats["schema_version"]) == ("3", "6", "1", "2")
    assert (stats["first_published"], stats["last_published"], stats["undated_articles"]) == \
        ("2024-05-01", "2024-05-03", "0")
    assert main(["ledger", "export", "--ledger", str(ledger), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 6 and {r["story"] for r in records} == {"early"}
    assert main(["ledger", "forget", "rival", "--ledger", str(ledger)]) == 0
    assert "forgot article rival" in capsys.readouterr().err
    assert counts(ledger)[:2] == (2, 3)
    assert main(["ledger", "forget", "rival", "--ledger", str(ledger)]) == 2
    assert capsys.readouterr().err.strip() == f"discrepancy: {ledger}: no article 'rival' in the ledger"


@pytest.mark.parametrize("argv,message", [
    (["ledger", "stats", "--no-config"],
     "discrepancy: no ledger: give --ledger PATH or set `ledger` in the configuration"),
    (["ledger", "stats", "--ledger", "missing.sqlite"], "discrepancy: missing.sqlite: no ledger there yet"),
])
def test_ledger_commands_without_a_ledger_exit_2(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith(message)


def test_the_configured_ledger_is_used_and_no_ledger_overrides_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "discrepancy.toml").write_text('ledger = "desk/ledger.sqlite"\nfail-on = "never"\n', "utf-8")
    (tmp_path / "desk").mkdir()
    assert main(["check", str(FLOODS), "--no-ledger"]) == 0
    assert not (tmp_path / "desk" / "ledger.sqlite").exists()
    assert main(["check", str(FLOODS)]) == 0
    assert counts(tmp_path / "desk" / "ledger.sqlite") == (3, 6, 1)
    capsys.readouterr()
    assert main(["config"]) == 0
    assert f'ledger = "{tmp_path / "desk" / "ledger.sqlite"}"  # {tmp_path / "discrepancy.toml"}' in \
        capsys.readouterr().out
    assert main(["config", "--no-ledger"]) == 0
    assert "# ledger is not set (command line)" in capsys.readouterr().out


def test_the_tally_says_how_many_articles_came_from_the_ledger(tmp_path, capsys):
    ledger = tmp_path / "desk.sqlite"
    main(["check", batch(tmp_path, "monday", "early.txt", "rival.txt"), "--ledger", str(ledger),
          "--report", str(tmp_path / "r.md"), "--fail-on", "never"])
    capsys.readouterr()
    main(["check", batch(tmp_path, "friday", "later.md"), "--ledger", str(ledger), "--report",
          str(tmp_path / "r2.md"), "--fail-on", "never"])
    assert capsys.readouterr().err.splitlines()[-1].startswith("3 articles (of them 2 from the ledger)")
    report = (tmp_path / "r2.md").read_text("utf-8")
    assert "## Stories" in report and "(2024-05-01, from the ledger)" in report


def test_a_ledger_is_not_used_without_being_asked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    discrepancy.check([str(FLOODS)])
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".sqlite", ".db")]
    assert os.listdir(tmp_path) == []


def test_stored_claims_of_other_stories_are_not_compared(tmp_path):
    mixed = Path(__file__).parent / "fixtures" / "mixed"
    ledger = tmp_path / "desk.sqlite"
    monday, tuesday, wednesday = (tmp_path / name for name in ("monday", "tuesday", "wednesday"))
    for folder, names in ((monday, ["blast-peshawar-1.txt", "blast-peshawar-2.txt"]),
                          (tuesday, ["fire-sherani-1.txt", "unrest-karachi-1.txt", "vote-punjab-1.txt"]),
                          (wednesday, ["blast-peshawar-3.txt"])):
        folder.mkdir()
        for name in names:
            shutil.copy(mixed / name, folder / name)
    discrepancy.check([str(monday)], ledger=ledger)
    other_stories = discrepancy.check([str(tuesday)], ledger=ledger)
    assert other_stories.stored == () and {c.article for c in other_stories.claims} <= \
        {"fire-sherani-1", "unrest-karachi-1", "vote-punjab-1"}
    same_story = discrepancy.check([str(wednesday)], ledger=ledger)
    assert set(same_story.stored) == {"blast-peshawar-1", "blast-peshawar-2"}
    assert all({i.split("-")[0] for i in f.claims} == {"blast"} for f in same_story.findings)
    assert any(f.verdict == "consistent" and "blast-peshawar-3" in str(f.claims) for f in same_story.findings)

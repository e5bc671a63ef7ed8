"""Story ids in a ledger (issue 7): a story keeps the id the ledger gave it whatever arrives later.

Without a ledger a story is named after its first article; with one, an article printed earlier than
the story's stored articles may arrive in a later batch, and the story must not be renamed: the ids in
earlier reports, exports and baselines would point at nothing.
"""
import json
import shutil
import sqlite3
from pathlib import Path

import discrepancy
from discrepancy.cli import main

FLOODS = Path(__file__).parent / "fixtures" / "floods"      # one story: early and rival of 1 May, later of 3 May
MIXED = Path(__file__).parent / "fixtures" / "mixed"


def folder(tmp_path: Path, name: str, *files: Path) -> str:
    path = tmp_path / name
    path.mkdir()
    for file in files:
        shutil.copy(file, path / file.name)
    return str(path)


def stored_stories(ledger: Path) -> dict[str, str]:
    with sqlite3.connect(ledger) as connection:
        return dict(connection.execute("SELECT id, story FROM articles ORDER BY id"))


def test_an_earlier_article_in_a_later_batch_joins_the_story_under_its_id(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    friday = discrepancy.check([folder(tmp_path, "friday", FLOODS / "later.md")], ledger=ledger)
    assert [s.id for s in friday.stories] == ["later"]
    monday = discrepancy.check([folder(tmp_path, "monday", FLOODS / "early.txt")], ledger=ledger)
    story, = monday.stories
    assert (story.id, story.articles, str(story.first)) == ("later", ("early", "later"), "2024-05-01")
    assert monday.findings and {f.story for f in monday.findings} == {"later"}
    assert {g.story for g in monday.groups} == {"later"} and {c.story for c in monday.claims} == {"later"}
    assert stored_stories(ledger) == {"early": "later", "later": "later"}
    # Running the whole story again, the ledger's id still holds.
    again = discrepancy.check([folder(tmp_path, "all", *FLOODS.iterdir())], ledger=ledger)
    assert [s.id for s in again.stories] == ["later"]
    assert stored_stories(ledger) == {"early": "later", "later": "later", "rival": "later"}


def test_two_stored_stories_that_join_keep_the_older_id(tmp_path):
    """Two articles of one event first seen apart (a batch each, too far apart in time to be linked) join
    when the article between them arrives: the story keeps the id given first."""
    ledger = tmp_path / "desk.sqlite"
    text = "Floods in Kenya killed {} people near Kisumu, the Kenya Red Cross said on {}.\n"
    dated = {"june": ("2024-06-25", 75), "may": ("2024-05-01", 40), "mid": ("2024-05-28", 60)}
    for name, (day, toll) in dated.items():
        (tmp_path / f"{name}.txt").write_text(f"Kenya floods\nPublished {day}\n\n{text.format(toll, day)}", "utf-8")
    june = discrepancy.check([folder(tmp_path, "b1", tmp_path / "june.txt")], ledger=ledger)
    may = discrepancy.check([folder(tmp_path, "b2", tmp_path / "may.txt")], ledger=ledger)
    assert [s.id for s in june.stories] == ["june"] and [s.id for s in may.stories] == ["may"]
    joined = discrepancy.check([folder(tmp_path, "b3", tmp_path / "mid.txt")], ledger=ledger)
    assert [(s.id, s.articles) for s in joined.stories] == [("june", ("may", "mid", "june"))]
    assert stored_stories(ledger) == {"june": "june", "may": "june", "mid": "june"}


def test_a_new_story_in_a_ledger_gets_a_new_id(tmp_path):
    ledger = tmp_path / "desk.sqlite"
    discrepancy.check([folder(tmp_path, "floods", *FLOODS.iterdir())], ledger=ledger)
    blast = discrepancy.check([folder(tmp_path, "blast", *MIXED.glob("blast-*"))], ledger=ledger)
    assert [s.id for s in blast.stories] == ["blast-peshawar-1"] and blast.stored == ()
    assert set(stored_stories(ledger).values()) == {"early", "blast-peshawar-1"}


def test_the_json_output_points_findings_and_groups_at_the_kept_id(tmp_path, capsys):
    ledger = tmp_path / "desk.sqlite"
    main(["check", folder(tmp_path, "friday", FLOODS / "later.md"), "--ledger", str(ledger), "--no-config",
          "--fail-on", "never", "--report", str(tmp_path / "r1.md")])
    capsys.readouterr()
    main(["check", folder(tmp_path, "monday", FLOODS / "early.txt", FLOODS / "rival.txt"), "--ledger", str(ledger),
          "--no-config", "--fail-on", "never", "--format", "json", "--report", str(tmp_path / "r2.md")])
    document = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in document["stories"]] == ["later"]
    assert document["findings"] and {f["story"] for f in document["findings"]} == {"later"}
    assert {g["story"] for g in document["groups"]} == {"later"}

"""discrepancy[dask] (issue 6): extraction over a Dask bag gives the figures a local run gives."""
import json
from pathlib import Path

import pytest

import discrepancy

db = pytest.importorskip("dask.bag", reason="the optional extra discrepancy[dask] is not installed")
from discrepancy.distributed import check_bag  # noqa: E402

SEEDS = Path(__file__).parent.parent / "seeds"
MIXED = Path(__file__).parent / "fixtures" / "mixed"


def figures(result):
    return [claim.as_record() for claim in result.claims]


@pytest.fixture(scope="module")
def local():
    return discrepancy.check([str(SEEDS), str(MIXED)])


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_a_bag_of_paths_gives_the_local_run_s_figures_and_findings(local, scheduler):
    result = check_bag([str(SEEDS), str(MIXED)], scheduler=scheduler)
    assert figures(result) == figures(local)
    assert result.findings == local.findings and result.stories == local.stories


def test_a_bag_of_records_gives_the_figures_of_the_same_records_read_locally(tmp_path):
    records = [{"id": path.stem, "text": path.read_text("utf-8")} for path in sorted(MIXED.iterdir())]
    records[1]["published"] = "2023-02-07"
    lines = tmp_path / "batch.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    expected = discrepancy.check([str(lines)], workers=2)
    result = check_bag(db.from_sequence(records, npartitions=3), scheduler="synchronous")
    assert figures(result) == figures(expected)
    assert result.findings == expected.findings


def test_a_bad_record_is_one_error_line_and_the_rest_is_checked():
    records = [{"id": "ok", "text": "At least 30 people were killed in Lima, police said."}, {"id": "empty", "text": ""}]
    result = check_bag(db.from_sequence(records, npartitions=2), scheduler="synchronous", path="feed")
    assert [a.id for a in result.articles] == ["ok"]
    assert result.errors == ("feed: record 'empty': record needs a non-empty 'text' string",)


def test_a_dataframe_of_articles_gives_the_figures_of_the_same_records_read_locally(tmp_path):
    dd = pytest.importorskip("dask.dataframe", reason="discrepancy[dask] installs dask's dataframe")
    import pandas as pd
    records = [{"id": path.stem, "text": path.read_text("utf-8"), "published": None}
               for path in sorted(MIXED.iterdir())]
    records[0]["published"] = "2023-02-07"
    lines = tmp_path / "batch.jsonl"
    lines.write_text("".join(json.dumps({k: v for k, v in r.items() if v}) + "\n" for r in records), "utf-8")
    expected = discrepancy.check([str(lines)])
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    result = check_bag(frame, scheduler="synchronous")
    assert figures(result) == figures(expected) and len(result.claims) > 10
    assert result.findings == expected.findings

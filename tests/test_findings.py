"""Findings kept as columns read the same as the Finding objects they stand for."""
import pickle

import pytest

from discrepancy.api import check
from discrepancy.findings import Findings
from discrepancy.models import FLAGGED


@pytest.fixture(scope="module")
def findings():
    return check(["tests/fixtures/mixed"]).findings


def test_the_columns_agree_with_the_findings_made_from_them(findings):
    made = tuple(findings)
    assert len(made) > 5 and len({f.group for f in made}) > 1
    assert findings.verdicts() == [f.verdict for f in made]
    assert findings.quantities() == [f.quantity for f in made]
    assert findings.messages() == [f.message for f in made] == Findings.of(made).messages()
    assert findings.claim_pairs() == [f.claims for f in made]
    assert findings.cited() == {i for f in made for i in f.claims} == Findings.of(made).cited()
    assert findings.flagged().cited() == {i for f in made if f.flagged for i in f.claims}
    assert findings.groups() == [f.group for f in made]
    assert findings.stories() == [f.story for f in made]
    assert findings == made == Findings.of(made)


def test_picking_out_keeps_the_order_of_the_findings(findings):
    made = tuple(findings)
    assert findings.flagged() == tuple(f for f in made if f.flagged)
    assert findings.by_severity() == tuple(sorted((f for f in made if f.flagged), key=lambda f: FLAGGED.index(f.verdict)))
    assert findings[2:5] == made[2:5] and findings[-1] == made[-1]
    assert {key: tuple(part) for key, part in findings.by_group().items()} == \
        {key: tuple(f for f in made if f.group == key) for key in {f.group for f in made}}
    assert findings.where(True for _ in made) is findings


def test_findings_travel_whole_between_processes(findings):
    assert pickle.loads(pickle.dumps(findings)) == findings

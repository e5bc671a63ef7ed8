"""Findings kept as columns read the same as the Finding objects they stand for."""
import pickle

import pytest
from hypothesis import given, settings, strategies as st

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


def _split_one_at_a_time(findings: Findings, keys: list) -> dict:
    """Findings.by as a loop over the findings: each key's findings in order, the keys in the order they first come."""
    positions: dict = {}
    for position, key in enumerate(keys):
        positions.setdefault(key, []).append(position)
    return {key: [findings[position] for position in found] for key, found in positions.items()}


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_findings_split_by_keys_numbered_at_once_are_those_split_one_at_a_time(findings, data):
    # the whole table, a slice of it and findings picked out in any order (rows given as C ints)
    picks = data.draw(st.lists(st.integers(0, len(findings) - 1), max_size=40))
    table = Findings(findings._table)  # the table's rows in its order: a range of them
    some = data.draw(st.sampled_from([findings, findings[3:-2], findings.at(picks), findings.flagged(), table,
                                      table[::-1]]))
    keys = data.draw(st.lists(st.sampled_from(["a", "b", None, 3, ("x", 1)]), min_size=len(some), max_size=len(some)))
    split = some.by(keys)
    assert list(split) == list(_split_one_at_a_time(some, keys))
    assert {key: list(part) for key, part in split.items()} == _split_one_at_a_time(some, keys)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_findings_picked_out_by_their_columns_are_those_picked_one_at_a_time(findings, data):
    picks = data.draw(st.lists(st.integers(0, len(findings) - 1), max_size=40))
    table = Findings(findings._table)  # the table's rows in its order: a range of them
    some = data.draw(st.sampled_from([findings, findings[3:-2], findings[::2], findings[::-1], findings.at(picks),
                                      Findings.of(tuple(findings)[2:9]), table, table[::-1], table[1::3]]))
    made = list(some)
    assert list(some.flagged()) == [f for f in made if f.flagged]
    assert list(some.by_severity()) == sorted((f for f in made if f.flagged), key=lambda f: FLAGGED.index(f.verdict))
    keeps = data.draw(st.lists(st.booleans(), min_size=len(made), max_size=len(made)))
    assert list(some.where(keeps)) == [f for f, kept in zip(made, keeps) if kept]

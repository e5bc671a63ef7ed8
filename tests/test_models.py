"""Claims travel between processes whole, and a batch's claims read back share their repeated values."""
import dataclasses
import datetime as dt
import pickle

import pytest

from discrepancy.models import Claim, claim_columns, claims_read_back, replaced

SENTENCE = "At least 16 people were killed and 20 injured in Almaty on Monday, police said."


def claim(text: str, start: int, published: dt.date | None) -> Claim:
    return Claim(id=f"a:1:{start}", article="a", text=text, value=16.0, low=16.0, high=None, qualifier="at_least",
                 unit="people", direction=None, quantity="deaths", scope=None, place="Almaty",
                 source="police", sentence=SENTENCE, line=1, column=start + 1, start=start, end=start + len(text),
                 reading="'at least' is an open upper bound", published=published, time_phrase="on Monday",
                 period_start=published, period_end=published, copies=("a:1:3", "b:2:5"), stated_part=True)


def test_a_claim_read_back_is_the_claim():
    original = claim("At least 16", 0, dt.date(2022, 1, 10))
    assert pickle.loads(pickle.dumps(original)) == original
    assert pickle.loads(pickle.dumps(claim("16", 9, None))) == claim("16", 9, None)


def test_claims_read_back_one_at_a_time_share_their_sentence_place_and_day():
    # Pickled apart (as two workers' batches are), so that nothing is shared on the way.
    first, second = (pickle.loads(pickle.dumps(c)) for c in (claim("At least 16", 0, dt.date(2022, 1, 10)),
                                                           claim("20", 33, dt.date(2022, 1, 10))))
    assert first.sentence is second.sentence and first.place is second.place and first.unit is second.unit
    assert first.published is second.published and first.period_end is second.period_end


def test_claims_read_back_share_their_numbers_and_keep_each_ones_type_and_sign():
    import dataclasses
    import math

    values = [16.0, 16, 1e300, math.inf, -0.0, 0.0, math.nan, 300, -7.5]
    read = [pickle.loads(pickle.dumps(dataclasses.replace(claim("16", 900, None), value=value, low=value,
                                                          high=value, start=900, end=902)))
            for value in values]
    for value, got in zip(values, read):
        for number in (got.value, got.low, got.high):
            assert type(number) is type(value) and (number == value or (math.isnan(number) and math.isnan(value)))
            assert math.copysign(1, number) == math.copysign(1, value)
    # equal numbers of one type are one object: a batch holds each value once, not once a claim
    assert read[0].value is read[0].low is read[0].high and read[2].value is read[2].low
    assert all(got.start is read[0].start and got.end is read[0].end for got in read)
    assert read[0].value is not read[1].value  # 16.0 and 16 stay apart


def test_claims_sent_as_columns_are_read_back_as_the_claims():
    claims = (claim("At least 16", 0, dt.date(2022, 1, 10)), claim("20", 33, None),
              dataclasses.replace(claim("7", 60, None), value=7, low=None, place=None, source=None, time_phrase=None))
    read = claims_read_back(pickle.loads(pickle.dumps(claim_columns(claims))))
    assert read == claims and all(type(c) is Claim for c in read)
    assert read[0].sentence is read[1].sentence and type(read[2].value) is int
    assert claims_read_back(claim_columns([])) == ()


@pytest.mark.parametrize("changes", [{}, {"story": "s1"}, {"time_phrase": None, "period_start": dt.date(2022, 1, 9),
                                                             "period_end": dt.date(2022, 1, 9), "running": True},
                                     {"copies": ("a:1:3",), "value": None, "low": -1.5, "id": "b:2:5"}])
def test_a_claim_replaced_is_the_claim_dataclasses_replace_gives(changes):
    original = claim("At least 16", 0, dt.date(2022, 1, 10))
    copy = replaced(original, **changes)
    assert copy == dataclasses.replace(original, **changes) and type(copy) is Claim
    assert original == claim("At least 16", 0, dt.date(2022, 1, 10))  # the original unchanged
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.story = "s2"  # frozen like any claim
    assert hash(copy) == hash(dataclasses.replace(original, **changes))


def test_a_claim_replaced_with_a_field_it_has_not_is_an_error():
    with pytest.raises(KeyError):
        replaced(claim("16", 9, None), storey="s1")

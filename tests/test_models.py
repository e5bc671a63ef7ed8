"""Claims travel between processes whole, and a batch's claims read back share their repeated values."""
import datetime as dt
import pickle

from discrepancy.models import Claim

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

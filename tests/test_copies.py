"""Wire copy (issue 7): one sentence printed by several articles is one witness, listed with every place."""
import datetime as dt

import pytest
from hypothesis import example, given, strategies as st

import discrepancy
from discrepancy.copies import is_witness, mark_copies
from discrepancy.models import Claim, replaced
from discrepancy.places import Gazetteer
from discrepancy.reconciler import reconcile
from discrepancy.rules import load_rules

RULES = load_rules()
GAZETTEER = Gazetteer.from_rules(RULES.places)
WIRE = "A suicide bomber blew himself up in a mosque in Peshawar on Monday, killing 32 people, officials said."


def claim(article, sentence, text="32", value=32, published=None):
    return Claim(id=f"{article}:1:1", article=article, text=text, value=value, low=value, high=value,
                 qualifier="exact", unit="people", direction=None, quantity="deaths", scope=None, place="Peshawar",
                 source=None, sentence=sentence, line=1, column=1, start=0, end=2, published=published)


# (why, the other article's sentence, copies?)
PAIRS = [
    ("reprinted word for word", WIRE, True),
    ("reprinted with a dateline and another attribution",
     "PESHAWAR - A suicide bomber blew himself up in a mosque in Peshawar on Monday, killing 32 people, officials "
     "told AP.", True),
    ("re-wrapped and re-cased", WIRE.upper().replace(" ", "\n "), True),
    ("the same figure in the reporter's own words",
     "Thirty-two worshippers died when a bomber struck a Peshawar mosque during prayers on Monday.", False),
    ("a near-copy with a different figure is another figure", WIRE.replace("32", "59"), False),
]


@pytest.mark.parametrize("why,other,copies", PAIRS, ids=[row[0] for row in PAIRS])
def test_copies_of_a_sentence(why, other, copies):
    text = "59" if "59" in other else "32"
    first, second = claim("ap", WIRE), claim("dawn", other, text=text, value=int(text))
    marked = mark_copies([first, second])
    assert (marked[0].copies == ("ap:1:1", "dawn:1:1")) is copies
    assert all(is_witness(c) for c in marked) is not copies


def test_one_article_repeating_a_sentence_is_not_a_copy():
    assert [c.copies for c in mark_copies([claim("ap", WIRE), claim("ap", WIRE).__class__(
        **{**claim("ap", WIRE).as_record(), "id": "ap:9:1", "published": None, "copies": ()})])] == [(), ()]


def test_the_earliest_printing_is_the_witness_and_lists_every_place():
    late, early, other = claim("late", WIRE, published=dt.date(2023, 2, 7)), \
        claim("early", WIRE, published=dt.date(2023, 2, 6)), claim("undated", WIRE)
    marked = mark_copies([late, early, other])
    assert {c.copies for c in marked} == {("early:1:1", "late:1:1", "undated:1:1")}
    assert [c.article for c in marked if is_witness(c)] == ["early"]


def test_copies_count_once_and_the_finding_names_where_the_sentence_appeared():
    wire = mark_copies([claim("ap", WIRE), claim("dawn", WIRE), claim("geo", WIRE)])
    rival = claim("rival", "Officials in Peshawar put the toll at 45 on Monday.", text="45", value=45)
    findings, groups = reconcile([*wire, rival], RULES, GAZETTEER.relation)
    assert [f.verdict for f in findings] == ["conflict"]  # one conflict, not three
    assert findings[0].claims == ("ap:1:1", "rival:1:1")
    assert findings[0].message.endswith("'32' (ap) printed alike in ap, dawn, geo")


def test_the_mixed_batch_reprints_count_once(mixed_result):
    copied = [c for c in mixed_result.claims if c.copies]
    assert {c.copies for c in copied} == {("blast-peshawar-1:4:145", "blast-peshawar-2:5:145")}
    compared = {i for f in mixed_result.findings for i in f.claims}
    assert "blast-peshawar-2:5:145" not in compared and "blast-peshawar-1:4:145" in compared


def test_copies_looked_for_in_two_processes_are_those_found_in_one():
    # forty stories (more than a worker takes at once), each with a wire sentence reprinted, a rewrite,
    # and a figure alone; the claims of no story among them
    claims = [replaced(claim(f"{source}{number}", sentence, text, value), story=f"story{number}" if number else None)
              for number in range(40)
              for source, sentence, text, value in [("ap", WIRE, "32", 32), ("dawn", WIRE.upper(), "32", 32),
                                                    ("geo", PAIRS[3][1], "32", 32), ("bbc", WIRE, "59", 59)]]
    one = mark_copies(claims)
    assert sum(1 for c in one if c.copies) == 80
    assert mark_copies(claims, workers=2) == one


@pytest.fixture(scope="module")
def mixed_result():
    from pathlib import Path
    return discrepancy.check([str(Path(__file__).parent / "fixtures" / "mixed")])


# --- the quick paths give what the plain reading gives ---------------------------------------------

def _normalised_plainly(text: str) -> str:
    """baseline.normalise as every text was read before ASCII text had its own path."""
    import unicodedata
    from discrepancy.baseline import NOT_WORD
    return " ".join(NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
@example("PESHAWAR - A suicide\tbomber; 32 (thirty-two) KILLED_at 6:30")
@example("")
@example("--")
@example("Ǆ ﬁ Å")
def test_normalise_reads_ascii_text_as_the_plain_reading_does(text):
    from discrepancy.baseline import normalise
    assert normalise(text) == _normalised_plainly(text)


@given(st.lists(st.sampled_from(["a", "b", "c", "32", "killed"]), max_size=12))
def test_shingles_are_each_run_of_three_words(words):
    from discrepancy.copies import SHINGLE, _shingles
    sentence = " ".join(words)
    expected = frozenset([tuple(words)]) if len(words) < SHINGLE else \
        frozenset(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    assert _shingles(sentence) == expected


@given(st.frozensets(st.integers(0, 30)), st.frozensets(st.integers(0, 30)))
def test_alike_turns_down_sets_of_unequal_size_as_the_shares_do(a, b):
    from discrepancy.copies import CONTAINED, SHARED, _alike
    shared = len(a & b)
    expected = bool(a and b) and shared / min(len(a), len(b)) >= CONTAINED and shared / len(a | b) >= SHARED
    assert _alike(a, b) == expected

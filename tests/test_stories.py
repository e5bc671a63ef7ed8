"""Stories (issue 7): a mixed batch is grouped by event, and figures are compared only within one.

tests/fixtures/mixed/ holds four stories from one country in one week, written for this test in
varied wording: a bombing in Peshawar, a forest fire in Balochistan, by-elections in Punjab and
fuel riots in Karachi. Each reports deaths and most report arrests or injuries, so without stories
their figures would be compared with each other. A file's name says its story.
"""
import dataclasses
import datetime as dt
import importlib.util
import pickle
import random
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st
from scipy import sparse

import discrepancy
from discrepancy import stories
from discrepancy.cli import main
from discrepancy.extractor import Extractor
from discrepancy.models import Article
from discrepancy.reconciler import reconcile
from discrepancy.rules import load_rules
from discrepancy.stories import (BUCKETS, DISTANCE_CELLS, Batch, Counts, KnownStories, Sketch, _counts, _Draft,
                                 as_distances, assign_stories, grouped, sketch, story_ids)
from discrepancy.text import Document

MIXED = Path(__file__).parent / "fixtures" / "mixed"
SEEDS = Path(__file__).parent.parent / "seeds"
RULES = load_rules()
GAZETTEER = Extractor(RULES).gazetteer


def gold_story(article_id: str) -> str:
    return article_id.split("-")[0]  # blast, fire, vote, unrest


@pytest.fixture(scope="module")
def mixed():
    return discrepancy.check([str(MIXED)])


def test_the_mixed_batch_forms_its_four_stories(mixed):
    grouped = sorted(sorted(story.articles) for story in mixed.stories)
    expected = sorted(sorted(a.id for a in mixed.articles if gold_story(a.id) == name)
                      for name in ("blast", "fire", "vote", "unrest"))
    assert grouped == expected


def test_no_finding_pairs_figures_of_different_stories(mixed):
    claims = {c.id: c for c in mixed.claims}
    crossing = [f for f in mixed.findings if len({gold_story(claims[i].article) for i in f.claims}) > 1]
    assert mixed.findings and crossing == []


def test_without_stories_the_same_batch_would_cross_stories(mixed):
    """The guard above can fail: the figures of the four events are comparable by quantity and place."""
    unsorted = [dataclasses.replace(c, story=None) for c in mixed.claims]
    findings, _ = reconcile(unsorted, RULES, GAZETTEER.relation)
    claims = {c.id: c for c in unsorted}
    assert [f for f in findings if len({gold_story(claims[i].article) for i in f.claims}) > 1]


def test_the_grouping_does_not_depend_on_the_order_of_the_articles(mixed):
    articles = list(discrepancy.extract([str(MIXED)]).articles)  # a check's articles keep no text
    random.Random(7).shuffle(articles)
    stories, _ = assign_stories(articles, [], GAZETTEER)
    assert sorted(sorted(s.articles) for s in stories) == sorted(sorted(s.articles) for s in mixed.stories)


def test_stories_say_when_they_ran(mixed):
    blast = next(s for s in mixed.stories if "blast-peshawar-1" in s.articles)
    assert (blast.first, blast.last, blast.undated) == (dt.date(2023, 2, 6), dt.date(2023, 2, 7), ())
    assert "Peshawar" in blast.label


# --- story ids ------------------------------------------------------------------------------------

def drafts(*stories: str) -> dict[int, _Draft]:
    """Draft stories from "id@day id@day" strings (day of February 2024; no day: undated)."""
    def sketched(name: str) -> Sketch:
        article_id, _, day = name.partition("@")
        published = dt.date(2024, 2, int(day)) if day else None
        empty = Counts(buckets=[], counts=[])
        return Sketch(Article(id=article_id, path=article_id, text="", published=published), empty,
                      Counter(), Counter(), Counter(), {}, {})
    return {label: _Draft([sketched(name) for name in story.split()]) for label, story in enumerate(stories)}


@pytest.mark.parametrize("stories, stored, since, ids", [
    # No ledger: each story is named after its first article, by date then id, undated last.
    (["b@2 a@3", "c@1", "z y@9"], {}, {}, ["b", "c", "y"]),
    # An article printed before the stored ones joins their story: the stored id stays.
    (["early@1 later@3"], {"later": "later"}, {"later": 1}, ["later"]),
    # Two stored stories joined: the id given in the earlier batch, then the smaller id.
    (["x@1 y@2"], {"x": "s2", "y": "s1"}, {"s1": 1, "s2": 2}, ["s1"]),
    (["x@1 y@2"], {"x": "s2", "y": "s1"}, {"s1": 4, "s2": 4}, ["s1"]),
    # A stored story split: the part holding most of its articles keeps the id, the other is new.
    (["x1@1", "x2@2 x3@3"], {"x1": "s", "x2": "s", "x3": "s"}, {"s": 1}, ["x1", "s"]),
    # A new story never takes an id the ledger already gave.
    (["a@5 b@6", "c@1"], {"c": "a"}, {"a": 1}, ["a~2", "a"]),
])
def test_story_ids(stories, stored, since, ids):
    named = story_ids(drafts(*stories), KnownStories(stored, since))
    assert [named[label] for label in range(len(stories))] == ids


# --- a figure about another event inside an article ------------------------------------------

def test_the_border_clash_in_an_article_on_kazakhstan_is_another_story():
    result = discrepancy.check([str(SEEDS)])
    taliban = next(c for c in result.claims if c.text == "over 11" and c.quantity == "deaths")
    toll = next(c for c in result.claims if c.text == "more than 160")
    assert taliban.story != toll.story and taliban.story.startswith(taliban.article + "/")
    aside = next(s for s in result.stories if s.id == taliban.story)
    assert set(aside.places) == {"Afghanistan", "Tajikistan"}


BORDER = Article(id="border", path="border.txt", published=dt.date(2022, 1, 10), title="Clash on the Afghan border",
                 text="Clash on the Afghan border\n\nTajik border guards said 11 Taliban fighters were killed in a "
                      "clash on the Tajik-Afghan border near Khorog, Tajikistan, on Sunday. The Taliban in "
                      "Afghanistan said 4 of its fighters died. Tajikistan closed the crossing.")
KAZAKH = Article(id="almaty", path="almaty.txt", published=dt.date(2022, 1, 10), title="Almaty counts its dead",
                 text="Almaty counts its dead\n\nKazakhstan's health ministry said 164 people were killed in the "
                      "unrest in Almaty and other cities of Kazakhstan. President Tokayev thanked the troops.\n"
                      "Meanwhile in Tajikistan, officials said 30 Taliban fighters were killed on the Tajik-Afghan "
                      "border.\nIn Almaty, residents cleared the streets. Kazakhstan's government said 9,900 people "
                      "were detained.")


def test_an_aside_joins_the_batch_story_about_its_event_and_is_compared_there():
    articles = [BORDER, KAZAKH]
    claims = [c for a in articles for c in Extractor(RULES).extract(a)]
    stories, placed = assign_stories(articles, claims, GAZETTEER)
    by_text = {c.text: c for c in placed}
    assert {s.id for s in stories} == {"almaty", "border"}
    assert by_text["30"].story == "border" and by_text["164"].story == "almaty" and by_text["11"].story == "border"
    findings, _ = reconcile(placed, RULES, GAZETTEER.relation)
    assert {frozenset(f.claims) for f in findings} >= {frozenset({by_text["11"].id, by_text["30"].id})}
    assert not [f for f in findings if by_text["164"].id in f.claims and by_text["30"].id in f.claims]


def test_an_aside_joins_no_story_of_its_countries_printed_months_away():
    months_later = dataclasses.replace(BORDER, published=dt.date(2022, 6, 10))
    articles = [months_later, KAZAKH]
    claims = [c for a in articles for c in Extractor(RULES).extract(a)]
    stories, placed = assign_stories(articles, claims, GAZETTEER)
    thirty = next(c for c in placed if c.text == "30")
    assert thirty.story == "almaty/Afghanistan-Tajikistan"
    assert {s.id for s in stories} == {"almaty", "border", "almaty/Afghanistan-Tajikistan"}


def test_articles_printed_far_apart_are_different_stories():
    text = "Floods in Kenya killed {} people near Kisumu, the Kenya Red Cross said."
    early = Article(id="may", path="may.txt", text=text.format(40), published=dt.date(2024, 5, 1))
    late = Article(id="dec", path="dec.txt", text=text.format(75), published=dt.date(2024, 12, 1))
    near = Article(id="june", path="june.txt", text=text.format(75), published=dt.date(2024, 5, 20))
    assert len(assign_stories([early, late], [], GAZETTEER)[0]) == 2
    assert len(assign_stories([early, near], [], GAZETTEER)[0]) == 1


def test_articles_naming_only_unrelated_countries_are_different_stories():
    text = "Floods killed {} people in {}, the Red Cross said on Monday, as rivers burst their banks."
    kenya = Article(id="kenya", path="k.txt", text=text.format(40, "Kenya"), published=dt.date(2024, 5, 1))
    peru = Article(id="peru", path="p.txt", text=text.format(75, "Peru"), published=dt.date(2024, 5, 1))
    assert len(assign_stories([kenya, peru], [], GAZETTEER)[0]) == 2


# --- the report -----------------------------------------------------------------------------

def test_the_report_is_organised_by_story_and_names_undated_articles(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    for path in MIXED.iterdir():
        (folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (folder / "unrest-karachi-3.txt").write_text(
        "Karachi riots: the toll\n\nThe Edhi Foundation said 11 people died in the Karachi fuel riots in Sindh, and "
        "police in Karachi said nearly 2,000 rioters were arrested.\n", "utf-8")
    main(["check", str(folder), "--report", str(tmp_path / "r.md"), "--fail-on", "never"])
    report = (tmp_path / "r.md").read_text("utf-8")
    headings = [line for line in report.splitlines() if line.startswith("## Story ")]
    assert len(headings) == 4
    karachi = report.split(next(h for h in headings if "Karachi" in h), 1)[1].split("\n## ", 1)[0]
    assert "- unrest-karachi-3: Karachi riots: the toll (undated)" in karachi
    assert "undated: unrest-karachi-3" in next(h for h in headings if "Karachi" in h)


# --- asides weighed together (issue 6) ----------------------------------------------------------

@pytest.fixture(scope="module")
def archive():
    """The stories of 600 archive articles, 150 a day (benchmarks/corpus.py), and their figures: stories
    run for days, and some paragraphs are about another event."""
    spec = importlib.util.spec_from_file_location("corpus", Path(__file__).parent.parent / "benchmarks" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.jsonl"
        corpus.write_corpus(600, path, seed=11, per_day=150)
        extracted = discrepancy.extract([str(path)])
    by_article: dict[str, list] = {}
    for claim in extracted.claims:
        by_article.setdefault(claim.article, []).append(claim)
    sketches = [sketch(a, by_article.get(a.id, ()), GAZETTEER) for a in extracted.articles]
    return grouped(sketches, KnownStories()), list(extracted.claims)


def test_asides_placed_together_are_placed_as_one_at_a_time(archive):
    asides, claims = archive
    together = asides.stories_of(claims)
    assert together == [asides.stories_of([claim])[0] for claim in claims]
    moved = [story for story in together if story is not None]
    # Both ways out are taken: another story of the batch, and a story of the aside's own.
    assert any("/" in story for story in moved) and any("/" not in story for story in moved)


def test_asides_weighed_in_two_processes_are_placed_as_in_one(archive):
    asides, claims = archive
    assert asides.stories_of(claims, workers=2) == asides.stories_of(claims)


def test_an_asides_closeness_to_stories_is_the_cosine_of_its_words(archive):
    asides, claims = archive
    paragraphs = [s.paragraphs[c] for s in asides.batch.sketches for c in s.paragraphs][:50]
    labels = sorted(asides.drafts)[:40]
    closeness = asides._closeness(paragraphs, labels)
    for row, paragraph in zip(closeness, paragraphs):
        buckets, weights = asides.batch.tfidf_row(paragraph)
        for value, label in zip(row, labels):
            # a centroid is kept as its columns in the batch's word matrix
            assert value == pytest.approx(_cosine((asides.batch.column_of[buckets], weights), asides._centroid(label)),
                                          abs=1e-12)


def _cosine(a: tuple, b: tuple) -> float:
    """The dot product of two sparse rows given as (sorted columns, weights), a column at a time."""
    weights = dict(zip(b[0].tolist(), b[1].tolist()))
    return sum(weight * weights.get(bucket, 0.0) for bucket, weight in zip(a[0].tolist(), a[1].tolist()))


def test_a_square_of_similarities_worked_out_by_country_is_the_whole_square_to_the_last_bit(archive):
    batch = archive[0].batch
    everyone = np.arange(len(batch.sketches))
    some = np.array(sorted(random.Random(4).sample(range(len(batch.sketches)), 200)))
    for group in (everyone, some):
        whole = batch.similarity(group, group)
        assert (whole == 0).mean() > 0.5  # most pairs share no country: the blocks skip them
        assert np.array_equal(batch.square_similarity(group), whole)


@pytest.mark.parametrize("cells", [1, 997, DISTANCE_CELLS])
def test_distances_written_a_few_rows_at_a_time_are_the_squares_to_the_last_bit(archive, cells):
    # every seventh article names no country: its similarity to each other article is worked out
    batch = Batch([dataclasses.replace(s, countries=Counter()) if k % 7 == 0 else s
                   for k, s in enumerate(archive[0].batch.sketches)])
    everyone = np.arange(len(batch.sketches))
    some = np.array(sorted(random.Random(5).sample(range(len(batch.sketches)), 150)))
    assert (batch.core_table[:, 1] >= 0).any()  # and some articles have several core countries
    for group in (everyone, some, everyone[:2], everyone[:1]):
        assert np.array_equal(batch.distances(group, cells), as_distances(batch.square_similarity(group)))


def test_links_found_comparing_only_the_pairs_kept_are_those_comparing_every_pair(archive, monkeypatch):
    # every seventh article names no country (its rows are compared with every article), some are undated
    batch = Batch([dataclasses.replace(s, countries=Counter()) if k % 7 == 0 else
                   dataclasses.replace(s, article=dataclasses.replace(s.article, published=None)) if k % 11 == 0 else s
                   for k, s in enumerate(archive[0].batch.sketches)])
    found = stories.links(batch)
    monkeypatch.setattr(stories, "_kept_from_rows", lambda batch, rows, columns, country: np.ones(len(columns), bool))
    every = stories.links(batch)
    assert len(found[0]) > 1000
    assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(found, every))


@pytest.mark.parametrize("dense_max", [8, stories.DENSE_MAX])
def test_articles_clustered_in_two_processes_get_the_story_numbers_one_process_gives(archive, monkeypatch, dense_max):
    # with runs of at most 8 articles clustered exactly, the larger runs (up to 21) are sliced and the slices merged
    monkeypatch.setattr(stories, "DENSE_MAX", dense_max)
    batch = archive[0].batch
    one = stories.cluster_batch(batch)
    assert len(set(one)) > 20
    assert stories.cluster_batch(batch, workers=2) == one


def test_links_found_in_two_processes_are_those_found_in_one(archive):
    # every seventh article names no country, as above: the blocks of both kinds are compared
    batch = Batch([dataclasses.replace(s, countries=Counter()) if k % 7 == 0 else s
                   for k, s in enumerate(archive[0].batch.sketches)])
    one, two = stories.links(batch), stories.links(batch, workers=2)
    assert len(one[0]) > 1000
    assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(one, two))


def test_a_sketch_keeps_the_words_of_each_figures_paragraph():
    claims = Extractor(RULES).extract(KAZAKH)
    sketched = sketch(KAZAKH, claims, GAZETTEER, keep_text=False)
    assert len(sketched.paragraphs) >= 2 and set(sketched.paragraphs) == set(sketched.near)
    for claim in claims:
        if claim.id in sketched.paragraphs:
            paragraph = Document(KAZAKH.text).paragraph_at(claim.start)
            expected = _counts([KAZAKH.text[paragraph.start:paragraph.end]])[0]
            found = sketched.paragraphs[claim.id]
            assert found.buckets.tolist() == expected.buckets.tolist()
            assert found.counts.tolist() == expected.counts.tolist()
    assert sketched.article.text == ""
    assert pickle.loads(pickle.dumps(sketched)).paragraphs[next(iter(sketched.paragraphs))].buckets.tolist() == \
        sketched.paragraphs[next(iter(sketched.paragraphs))].buckets.tolist()


def test_sketches_read_back_share_the_names_of_people_and_places():
    claims = Extractor(RULES).extract(KAZAKH)
    first, second = (pickle.loads(pickle.dumps(sketch(KAZAKH, claims, GAZETTEER, keep_text=False))) for _ in "ab")
    original = sketch(KAZAKH, claims, GAZETTEER, keep_text=False)
    assert (first.names, first.places, first.countries) == (original.names, original.places, original.countries)
    assert first.places and first.names
    for field in ("names", "places", "countries"):
        ours, theirs = getattr(first, field), getattr(second, field)
        assert all(a is b for a, b in zip(sorted(ours), sorted(theirs)))  # one string for each name


def test_a_sketch_read_back_holds_the_same_counts_of_the_same_types():
    claims = Extractor(RULES).extract(KAZAKH)
    original = sketch(KAZAKH, claims, GAZETTEER, keep_text=False)
    read = pickle.loads(pickle.dumps(original))
    assert (read.article, read.names, read.places, read.countries, read.near) == \
        (original.article, original.names, original.places, original.countries, original.near)
    pairs = [(read.words, original.words), *((read.paragraphs[key], original.paragraphs[key]) for key in original.paragraphs)]
    assert list(read.paragraphs) == list(original.paragraphs) and len(pairs) > 1
    for got, expected in pairs:
        for array, wanted in ((got.buckets, expected.buckets), (got.counts, expected.counts)):
            assert array.dtype == wanted.dtype and array.tolist() == wanted.tolist()
    for counts in (np.array([3, 70_000], np.float32), np.array([1, 300], np.uint16), np.zeros(0, np.uint8)):
        given = Counts(np.arange(len(counts), dtype=np.int32), counts)
        back = pickle.loads(pickle.dumps(given))
        assert back.counts.dtype == counts.dtype and back.counts.tolist() == counts.tolist()
        assert back.buckets.tolist() == given.buckets.tolist()
    plain = dataclasses.replace(original, paragraphs={})  # a mapping of another kind travels as it is
    assert pickle.loads(pickle.dumps(plain)).paragraphs == {}


def test_a_digest_and_its_sketch_hold_one_article():
    digester = discrepancy.api.Digester(RULES, keep_text=False, sketch=True)
    digest = pickle.loads(pickle.dumps(digester(KAZAKH)))
    assert digest.article is digest.sketch.article and digest.article.text == ""


def test_a_digest_read_back_is_the_digest():
    digester = discrepancy.api.Digester(RULES, keep_text=True, sketch=True)
    for article in (KAZAKH, dataclasses.replace(KAZAKH, id="none", text="No figure here.")):
        digest = digester(article)
        read = pickle.loads(pickle.dumps(digest))
        assert (read.article, read.claims, read.errors, read.checked, read.suppressions) == \
            (digest.article, digest.claims, digest.errors, digest.checked, digest.suppressions)
        assert type(read.claims) is tuple and (read.sketch.names, read.sketch.near) == (digest.sketch.names, digest.sketch.near)
    assert read.claims == () and digest.claims == ()


def test_a_batch_handed_over_is_compared_as_one_its_caller_keeps(mixed):
    from discrepancy.api import Digester, _collected, digested
    from discrepancy.batch import compare

    def read():
        return _collected(digested([str(MIXED)], Digester(RULES, keep_text=False, sketch=True)))

    kept, kept_sketches = read()
    given, given_sketches = read()
    by_copies = compare(kept, RULES, GAZETTEER, sketches=kept_sketches)
    in_place = compare(given, RULES, GAZETTEER, sketches=given_sketches, handed_over=True)
    assert in_place.claims == by_copies.claims == mixed.claims and in_place.stories == by_copies.stories
    assert list(in_place.findings) == list(by_copies.findings)
    assert given_sketches == [] and len(kept_sketches) == len(kept.articles)  # let go of, or left as given
    assert all(claim.story is None for claim in kept.claims)                   # copied, or placed in place
    uncopied = {id(c) for c in in_place.claims if not c.copies}                 # (wire copies are marked on copies)
    assert uncopied and uncopied <= {id(c) for c in given.claims} and any(c.story for c in given.claims)


@pytest.mark.parametrize("furniture", [(), ((0, 22),), ((150, 175),)])
def test_the_places_and_document_the_extractor_read_make_the_sketch_reading_them_again_would(furniture):
    article = dataclasses.replace(KAZAKH, furniture=furniture)
    claims, named, document = Extractor(RULES).read(article)
    assert claims == Extractor(RULES).extract(article) and named == GAZETTEER.find(article.text)
    given = sketch(article, claims, GAZETTEER, places=named, document=document)
    read_again = sketch(article, claims, GAZETTEER)
    for field in ("names", "places", "countries", "near"):
        assert getattr(given, field) == getattr(read_again, field)
    assert given.words.buckets.tolist() == read_again.words.buckets.tolist()
    assert list(given.paragraphs) == list(read_again.paragraphs) and all(
        given.paragraphs[c].buckets.tolist() == read_again.paragraphs[c].buckets.tolist() for c in given.paragraphs)


def test_the_batch_matrices_are_plain_tf_idf_with_each_rows_entries_reversed():
    articles = [*discrepancy.api.read_articles([str(SEEDS), str(MIXED)], RULES), Article("empty", "e.txt", "")]
    sketches = [sketch(a, Extractor(RULES).extract(a), GAZETTEER) for a in articles]
    batch = Batch(sketches)
    # the plain way: counts of every bucket weighed, each row divided by its length, the unused columns cut
    counts = sparse.csr_matrix((np.concatenate([s.words.counts for s in sketches]).astype(np.float32),
                                np.concatenate([s.words.buckets for s in sketches]),
                                np.cumsum([0, *(len(s.words.buckets) for s in sketches)])), shape=(len(sketches), BUCKETS))
    df = np.bincount(counts.indices, minlength=BUCKETS)
    counts.data = (1 + np.log(counts.data)) * (np.log((1 + len(sketches)) / (1 + df)) + 1)[counts.indices]
    lengths = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1
    plain = sparse.csr_matrix(counts.multiply(1 / lengths[:, None]))[:, np.flatnonzero(df)]
    plain.sort_indices()
    words = batch.words
    assert np.array_equal(words.indptr, plain.indptr) and len(words.indptr) == len(articles) + 1
    for row in range(len(articles)):
        span = slice(words.indptr[row], words.indptr[row + 1])
        # in each row the columns fall (the order every product of rows sums in), the weights are the plain ones
        assert np.all(np.diff(words.indices[span]) < 0)
        assert np.array_equal(words.indices[span][::-1], plain.indices[span])
        assert np.allclose(words.data[span][::-1], plain.data[span], rtol=1e-12, atol=0)


@pytest.mark.parametrize("seed", range(40))
def test_the_clustering_is_scikit_learns_average_linkage_numbered_alike(seed):
    from sklearn.cluster import AgglomerativeClustering

    from discrepancy.stories import LINK, cluster

    rng = np.random.default_rng(seed)
    size = int(rng.integers(2, 80))
    # similarities in few distinct values, so that ties between merges are common, and some near LINK
    values = rng.choice([0.0, 0.05, LINK - 1e-9, LINK, LINK + 1e-9, 0.3, 0.5, 0.9, 1.0], size=(size, size))
    similarity = np.triu(values, 1) + np.triu(values, 1).T
    distance = np.clip(1 - similarity, 0, 1)
    np.fill_diagonal(distance, 0)
    expected = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                       distance_threshold=1 - LINK).fit_predict(distance)
    assert cluster(similarity.copy()) == expected.tolist()


def test_the_stop_words_are_scikit_learns_english_list():
    # kept as data in rules/ so that a run need not import scikit-learn (a second of its start)
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from discrepancy.stories import STOP_WORDS

    assert STOP_WORDS == ENGLISH_STOP_WORDS


@settings(max_examples=300)
@given(st.text())
@example("Almatý’s Ñandú Ōsaka İstanbul ﬁnal Ⅻ Å")
def test_accents_come_off_words_as_scikit_learns_vectorizer_takes_them_off(text):
    from sklearn.feature_extraction.text import strip_accents_unicode

    from discrepancy.places import without_accents

    assert without_accents(text) == strip_accents_unicode(text)


PARAGRAPH_TEXT = st.text(st.sampled_from(list("ab Σσς İí Ωé\n.'’-1")), max_size=60)


@settings(max_examples=300)
@given(PARAGRAPH_TEXT, st.one_of(st.none(), PARAGRAPH_TEXT), st.lists(st.integers(0, 30)))
@example("Die Straße\n\nΟΔΟΣ ΟΔΟΣ\nİstanbul's café", "ΣΑΣ", [0, 2])
def test_an_articles_words_are_counted_as_its_title_and_text_are_read_whole(text, title, picks):
    from discrepancy.stories import _word_counts

    article = Article(id="a", path="-", text=text, title=title)
    paragraphs = Document(text).paragraphs
    spans = sorted({(paragraphs[k % len(paragraphs)].start, paragraphs[k % len(paragraphs)].end) for k in picks}
                   if paragraphs else ())
    whole, parts = _word_counts(article, f"{title or ''}\n{text}", spans)
    expected = _counts([f"{title or ''}\n{text}", *(text[start:end] for start, end in spans)])
    for got, wanted in zip([whole, *parts], expected, strict=True):
        assert got.buckets.tolist() == wanted.buckets.tolist() and got.counts.tolist() == wanted.counts.tolist()
        assert got.buckets.dtype == wanted.buckets.dtype and got.counts.dtype == wanted.counts.dtype


@settings(max_examples=500)
@given(st.text(st.characters(max_codepoint=127)))
@example("Its 3rd_day: ABC-def x1yz ok's don’t")
def test_ascii_text_is_read_into_words_as_any_text_is(text):
    from discrepancy.stories import STOP_WORDS, WORD, _words

    assert _words(text) == [word for word in WORD.findall(text.lower()) if word not in STOP_WORDS]


@settings(max_examples=500)
@given(st.text(st.sampled_from(list("ab AB1_.'\n“”’€–\u00a0\u00adéÉİſΣςⅫ²٣\u0301"))))
@example("The “café” – €5 ’tis ΣΑΣ Ⅻ x²y")
def test_text_past_ascii_is_read_into_words_as_the_plain_scan_reads_it(text):
    # a text whose characters past ASCII are no word characters is read as ASCII, those made spaces
    from discrepancy.stories import STOP_WORDS, WORD, _words
    from discrepancy.places import without_accents

    words = [word for word in WORD.findall(text.lower()) if word not in STOP_WORDS]
    plain = [word if word.isascii() else without_accents(word) for word in words]
    assert _words(text) == [word for word in plain if word not in STOP_WORDS]


@pytest.mark.parametrize("repeats, kept_as", [(1, np.uint8), (255, np.uint8), (256, np.uint16), (65_535, np.uint16),
                                              (65_536, np.float32)])
def test_word_counts_are_kept_in_the_smallest_type_that_holds_them(repeats, kept_as):
    counted = _counts(["storm " * repeats + "flood"])[0]
    assert counted.counts.dtype == kept_as and sorted(counted.counts.tolist()) == [1, repeats]
    batch = Batch([Sketch(Article("a", "-", ""), counted, Counter(), Counter(), Counter(), {}, {})])
    assert batch.words.data.dtype == np.float64 and np.isclose(np.linalg.norm(batch.words.data), 1)


def _names_trimmed_run_by_run(text: str, places: list[tuple[int, int]]) -> list[str]:
    """stories._names as it was before each run's trimming was cached: the reference it must equal."""
    import bisect
    from discrepancy.stories import NAME_RUN, NOT_NAMES, SENTENCE_END_BEFORE, _name_pieces
    found, starts, ends = [], [s for s, _ in places], [e for _, e in places]
    for start, written in _name_pieces(NAME_RUN.finditer(text)):
        words = [w.strip(".’'") for w in written.split()]
        while words and words[0].casefold() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].casefold() in NOT_NAMES:
            words.pop()
        at = bisect.bisect_right(starts, start) - 1
        if not words or (at >= 0 and start < ends[at]):
            continue
        if len(words) == 1 and (len(words[0]) < 3 or start == 0
                                or SENTENCE_END_BEFORE.search(text[max(0, start - 3):start])):
            continue
        found.append(" ".join(words))
    return found


def test_names_read_with_each_run_trimmed_once_are_the_names_trimmed_run_by_run():
    from discrepancy.stories import _names
    texts = [path.read_text(encoding="utf-8") for folder in (MIXED, SEEDS) for path in sorted(folder.glob("*.txt"))]
    texts.append("Officials said President Kassym-Jomart Tokayev and the Interior Ministry met on Monday.")
    for text in texts * 2:  # read again: each run's name from the cache
        places = [(m.start, m.end) for m in GAZETTEER.find(text)]
        assert _names(text, places) == _names_trimmed_run_by_run(text, places)
    # words capitalised for office or grammar trimmed from a run's ends, a run left with none dropped
    assert _names(texts[-1], []) == ["Kassym-Jomart Tokayev", "Interior"]

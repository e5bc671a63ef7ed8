"""Groups a batch's articles, and the figures within them, into stories: one event each.

Two articles are about the same story when they name the same places, people and organisations
and use the same words (TF-IDF cosine, weighted as scikit-learn weighs it), were published within
WINDOW_DAYS of each other, and share a country where both name one. Articles are clustered by
average linkage, so a long story can run on day after day while two events that merely share a word
stay apart.

A figure whose sentence (or, when the sentence names no place, its paragraph up to it) names only
places in countries its story does not concern is about another event: "11 Taliban fighters were
killed at the Tajik-Afghan border" in an article on Kazakhstan. It goes to the story of the batch
about those countries printed within WINDOW_DAYS of it, if there is one, and otherwise to a story of
its own.

A story is named after its first article (by date, then id), whatever order the batch came in; with
a ledger's stories (KnownStories), a story holding stored articles keeps the id the ledger gave them.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import functools
import heapq
import itertools
import math
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import regex
from scipy import sparse
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform
from scipy.sparse.csgraph import connected_components

from .memory import return_freed_memory
from .models import Article, Claim, Story, replaced, set_story
from .pool import ordered_map
from .places import Gazetteer, PlaceMention, without_accents
from .rules import BUNDLED_RULES
from .text import PARAGRAPH, Document

WINDOW_DAYS = 30          # articles printed further apart than this are not linked directly
LINK = 0.2                # the average similarity at which two groups of articles are one story
TEXT_WEIGHT = 0.5         # the share of word similarity in an article pair's similarity; names give the rest
CORE_SHARE = 0.25         # a country the story concerns: at least this share of its place mentions (or the top one)
OTHER = "other"           # the quantity of figures no rule types: never compared
ASIDE_LINK = 0.05         # the least word similarity between an aside's paragraph and a story it is moved to
DENSE_MAX = 3_000         # a run of linked articles up to this size is clustered exactly (its similarities in memory)
BLOCK_CELLS = 2_000_000   # article pairs compared at once while looking for links (memory: a few of these as floats)
DISTANCE_CELLS = 1_000_000  # similarities worked out at once while a block's distances are written
LINK_CHUNK = 2_000_000    # links of a large component summed at once
ASIDES_AT_ONCE = 8        # sets of asides weighed by a worker at once: each takes about a millisecond

# A run of capitalised words: a name of a person, organisation or place ("Kassym-Jomart Tokayev").
NAME_RUN = regex.compile(r"""
    (?<![\p{L}\p{N}])
    \p{Lu}[\p{L}\p{M}'’.-]*                        # a capitalised word
    (?:[ \t]+(?:of|de|al|bin|van|von|the)?[ \t]*     # joined by a space and maybe a particle
       \p{Lu}[\p{L}\p{M}'’.-]*)*                     # more capitalised words
    """, regex.X)
SENTENCE_END_BEFORE = regex.compile(r"[.!?\"”:\n]\s*$")
POSSESSIVE = regex.compile(r"['’]s?(?:\s+|$)")
# Words that are capitalised for grammar or office, not because they name someone.
NOT_NAMES = frozenset("""a an the in on at of for to by from with as and but or if it its he she they we i you
this that these those there their his her our us mr mrs ms dr sir president prime minister ministry government
police officials official authorities spokesman spokeswoman according said says after before during while when
where what who why how more most some many several all both about around over under between monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august september october
november december today yesterday tonight reuters afp ap related comment subscribe share""".split())


@dataclass(frozen=True)
class Profile:
    """What one article names and says, worked out once for grouping."""

    article: Article
    text: str                       # the article's words for TF-IDF (title and body, furniture left out)
    names: Counter                  # people and organisations, as written
    places: Counter                 # canonical place names
    countries: Counter              # the countries those places are or lie in
    mentions: tuple = ()            # the places as found (PlaceMention), in order: where each is named

    @property
    def core(self) -> frozenset[str]:
        return core_countries(self.countries)


def core_countries(countries: Counter) -> frozenset[str]:
    """The countries a text is about: the most named one and any with CORE_SHARE of the mentions."""
    total = sum(countries.values())
    if not total:
        return frozenset()
    top = countries.most_common(1)[0][1]
    return frozenset(c for c, n in countries.items() if n == top or n / total >= CORE_SHARE)


def profile(article: Article, gazetteer: Gazetteer, named: Sequence[PlaceMention] | None = None) -> Profile:
    """The article's words, names, places and countries (page furniture left out). `named`: what
    gazetteer.find(article.text) gives, when the caller has it already."""
    text = _without_furniture(article)
    # Furniture is blanked out of the text, where the places' words may read otherwise: found anew.
    mentions = named if named is not None and not article.furniture else gazetteer.find(text)
    places = Counter(m.name for m in mentions)
    countries = Counter(c for m in mentions for c in _countries_of(m, gazetteer))
    taken = [(m.start, m.end) for m in mentions]
    names = Counter(name for name in _names(text, taken))
    return Profile(article, f"{article.title or ''}\n{text}", names, places, countries, tuple(mentions))


def _without_furniture(article: Article) -> str:
    text = article.text
    for start, end in sorted(article.furniture, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]  # offsets kept: blanks, not cuts
    return text


def _countries_of(mention, gazetteer: Gazetteer) -> list[str]:
    """The country of a place; both countries of a border ("Tajik-Afghan border")."""
    if mention.country:
        return [mention.country]
    parts = regex.split(r"[-–]", regex.sub(r"\s+[Bb]orders?$", "", mention.name))
    return [c for c in (gazetteer.country_of(part) for part in parts) if c]


def _names(text: str, places: list[tuple[int, int]]) -> list[str]:
    """Capitalised names that are not places and not a capitalised first word of a sentence."""
    found = []
    starts, ends = [s for s, _ in places], [e for _, e in places]   # in order, not overlapping
    for start, written in _name_pieces(NAME_RUN.finditer(text)):
        name, one_word = _name_in(written)
        at = bisect.bisect_right(starts, start) - 1
        if not name or (at >= 0 and start < ends[at]):   # the run starts inside a place's name
            continue
        if one_word and (len(name) < 3 or start == 0 or SENTENCE_END_BEFORE.search(text[max(0, start - 3):start])):
            continue  # a short word, or one capitalised as a sentence's first
        found.append(name)
    return found


# A batch's articles write the same few thousand names ("Tokayev", "the Interior Ministry") again and again: each
# run's words are trimmed once a process, not once a run (two thirds of _names' time went to trimming them).
@functools.lru_cache(maxsize=1 << 15)
def _name_in(written: str) -> tuple[str, bool]:
    """The name a run of capitalised words holds once the words that name no one are trimmed from its ends ("" for
    none), and whether it is one word."""
    words = [w.strip(".’'") for w in written.split()]
    while words and words[0].casefold() in NOT_NAMES:
        words.pop(0)
    while words and words[-1].casefold() in NOT_NAMES:
        words.pop()
    return " ".join(words), len(words) == 1


def _name_pieces(runs) -> Iterator[tuple[int, str]]:
    """Each run of capitalised words as (where it starts, its text); "Balochistan's Sherani district" names
    two things: a run is cut after a possessive."""
    for run in runs:
        written = run.group()
        if "'" not in written and "’" not in written:
            yield run.start(), written  # most runs hold no possessive, and are pieces as they are
            continue
        start = 0
        for cut in POSSESSIVE.finditer(written):
            if written[start:cut.start()].strip():
                yield run.start() + start, written[start:cut.start()]
            start = cut.end()
        if written[start:].strip():
            yield run.start() + start, written[start:]


# --- one article, sketched for grouping ------------------------------------------------------

# Word counts are hashed, not looked up in a vocabulary fitted on the whole batch: each article is
# counted on its own (in a worker process, while its text is at hand) and the batch's IDF is applied
# afterwards. 2**20 buckets make a collision between two of an article's words rare. Words as
# scikit-learn's HashingVectorizer reads them (lower case, accents stripped, English stop words out),
# hashed with CRC-32: the vectorizer's own cost per call was most of a short article's.
BUCKET_BITS = 20
BUCKETS = 2 ** BUCKET_BITS
WORD = re.compile(r"\b[^\W\d_]{3,}\b")
# WORD in lower-cased ASCII text, where its letters are a-z and its boundaries ASCII ones: read twice as fast.
ASCII_WORD = re.compile(r"\b[a-z]{3,}\b", re.ASCII)
# scikit-learn's English stop words, kept as data (tests/test_stories.py checks they are still its list):
# importing scikit-learn for them took a second of every run's start, in the main process and the charts'.
STOP_WORDS = frozenset(line.strip() for line in (BUNDLED_RULES / "stop_words.txt").read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#"))


def _words(text: str) -> list[str]:
    lowered = _ascii_unless_letters(text.lower())
    if lowered.isascii():
        return [word for word in ASCII_WORD.findall(lowered) if word not in STOP_WORDS]
    words = [word for word in WORD.findall(lowered) if word not in STOP_WORDS]
    # Accents stripped word by word: the few words that have any (stripping the whole text cost more
    # than counting it). A word that loses its accents is checked against the stop words again.
    plain = [word if word.isascii() else without_accents(word) for word in words]
    return [word for word in plain if word not in STOP_WORDS]


_PAST_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_unless_letters(lowered: str) -> str:
    """The lower-cased text with its characters past ASCII made spaces where none of them is a word character
    (quotes, dashes, currency signs: most news text past ASCII holds no other), the words WORD finds kept (each
    such character is a boundary, as a space is); else the text as it is."""
    if lowered.isascii():
        return lowered
    ascii_text = lowered
    for char in set(_PAST_ASCII.findall(lowered)):
        if char.isalnum():  # a word character: Python's \w past ASCII holds no "_"
            return lowered
        ascii_text = ascii_text.replace(char, " ")
    return ascii_text


@dataclass(frozen=True)
class Counts:
    """Hashed word counts of one text: bucket numbers and how often each occurs."""

    buckets: np.ndarray
    counts: np.ndarray    # unsigned integers (see _count_type): read them as floats where a ufunc takes them

    def __reduce__(self):
        return _counts_read_back, (*_array_sent(self.buckets), *_array_sent(self.counts))


@dataclass(frozen=True)
class Sketch:
    """What grouping needs of one article, so that its text need not be kept: its words as hashed counts,
    its names, places and countries, and for each typed figure the countries named around it."""

    article: Article                             # as read, or without its text
    words: Counts
    names: Counter
    places: Counter
    countries: Counter
    near: dict[str, Counter]                     # claim id -> countries its sentence (or paragraph) names
    paragraphs: Mapping[str, Counts]             # claim id -> its paragraph's words, for the claims in `near`

    def __reduce__(self):
        # Read back from a worker, its names, places and countries share their strings with the sketches read
        # before it: a batch names a few thousand people and places, most in many articles (half of the memory
        # of those counters). They travel as their keys and counts (a Counter's own unpickling, then a copy of
        # it with its keys interned, took three times as long, in the process all the workers' results go to).
        return _read_back, (self.article, self.words, *_counter_sent(self.names), *_counter_sent(self.places),
                            *_counter_sent(self.countries), self.near, self.paragraphs)


def _read_back(article: Article, words: Counts, names: tuple, name_counts: tuple, places: tuple, place_counts: tuple,
               countries: tuple, country_counts: tuple, near: dict[str, Counter],
               paragraphs: Mapping[str, Counts]) -> Sketch:
    return Sketch(article, words, _interned(names, name_counts), _interned(places, place_counts),
                  _interned(countries, country_counts), near, paragraphs)


def _counter_sent(counted: Counter) -> tuple[tuple, tuple]:
    return tuple(counted), tuple(counted.values())


def _interned(keys: tuple, counts: tuple) -> Counter:
    counted = Counter()
    dict.update(counted, zip(map(sys.intern, keys), counts))  # Counter.update checks its argument's type first
    return counted


def _array_sent(array) -> tuple[bytes, str]:
    # An array travels as its bytes and type, read back as a view of the bytes received: numpy's own
    # unpickling took four times as long. Read-only, as a sketch's arrays are only read.
    array = np.asarray(array)
    return array.tobytes(), array.dtype.str


def _counts_read_back(buckets: bytes, bucket_type: str, counts: bytes, count_type: str) -> Counts:
    return Counts(np.frombuffer(buckets, bucket_type), np.frombuffer(counts, count_type))


class Paragraphs(Mapping):
    """Claim id -> the words of its paragraph, the paragraphs' counts kept end to end: a batch holds a
    sketch of every article, and arrays and an object for each paragraph took most of a sketch's memory."""

    def __init__(self, paragraph_of: Mapping[str, int], counted: Sequence[Counts]):
        self.paragraph_of = dict(paragraph_of)                 # claim id -> its paragraph's number
        self.bounds = np.cumsum([0, *(len(c.buckets) for c in counted)]).astype(np.int32)
        self.buckets = np.concatenate([c.buckets for c in counted]) if counted else np.zeros(0, np.int32)
        self.counts = np.concatenate([c.counts for c in counted]) if counted else np.zeros(0, np.float32)

    def __reduce__(self):
        return _paragraphs_read_back, (self.paragraph_of, *_array_sent(self.bounds), *_array_sent(self.buckets),
                                       *_array_sent(self.counts))

    def __getitem__(self, claim_id: str) -> Counts:
        at = self.paragraph_of[claim_id]
        start, end = self.bounds[at], self.bounds[at + 1]
        return Counts(self.buckets[start:end], self.counts[start:end])

    def __iter__(self):
        return iter(self.paragraph_of)

    def __len__(self) -> int:
        return len(self.paragraph_of)


def _paragraphs_read_back(paragraph_of: dict[str, int], bounds: bytes, bound_type: str, buckets: bytes,
                          bucket_type: str, counts: bytes, count_type: str) -> Paragraphs:
    paragraphs = Paragraphs.__new__(Paragraphs)  # its arrays as they were sent, not put end to end again
    paragraphs.paragraph_of, paragraphs.bounds = paragraph_of, np.frombuffer(bounds, bound_type)
    paragraphs.buckets, paragraphs.counts = np.frombuffer(buckets, bucket_type), np.frombuffer(counts, count_type)
    return paragraphs


def sketch(article: Article, claims: Sequence[Claim], gazetteer: Gazetteer, keep_text: bool = True,
           kept: Article | None = None, places: Sequence[PlaceMention] | None = None,
           document: Document | None = None) -> Sketch:
    """The article's sketch; with keep_text=False its Article keeps no text. Given `kept`, the article as
    the caller keeps it, the sketch holds that one (read back from a worker, the two stay one object);
    given `places` and `document`, the places the extractor found in its text (see profile) and the
    Document it read the text with (its figures' sentences split already)."""
    found = profile(article, gazetteer, places)
    named = _Named(found.mentions, gazetteer)
    near: dict[str, Counter] = {}
    alike: dict[frozenset, Counter] = {}
    paragraph_of: dict[str, tuple[int, int]] = {}
    for claim in claims:
        if claim.article != article.id or claim.quantity == OTHER:  # a figure never compared needs no story
            continue
        document = document or Document(article.text)
        countries = _countries_near(document, claim, named)
        if countries:
            # One Counter for the figures of one sentence (or of one paragraph, naming the same countries).
            near[claim.id] = alike.setdefault(frozenset(countries.items()), countries)
            paragraph = document.paragraph_at(claim.start)
            paragraph_of[claim.id] = (paragraph.start, paragraph.end)
    spans = sorted(set(paragraph_of.values()))
    article_words, paragraph_words = _word_counts(article, found.text, spans)
    number = {span: k for k, span in enumerate(spans)}
    kept = kept or (article if keep_text else replace(article, text=""))
    return Sketch(kept, article_words,
                  found.names, found.places, found.countries, near,
                  Paragraphs({claim_id: number[span] for claim_id, span in paragraph_of.items()}, paragraph_words))


def _word_counts(article: Article, text: str, spans: Sequence[tuple[int, int]]) -> tuple[Counts, list[Counts]]:
    """The word counts of the article (`text`: its title and text, as profiled) and of its paragraphs at `spans`.

    Without furniture, each paragraph's words are hashed once, for the article and for the paragraph: a
    text's words are its title's and its paragraphs' in turn (only line breaks lie between those, and no
    word holds one, nor does lower-casing read across one)."""
    if article.furniture:  # blanked out of `text` but not out of the paragraphs: each text read on its own
        whole, *paragraphs = _counts([text, *(article.text[start:end] for start, end in spans)])
        return whole, paragraphs
    hashed = {m.span(): _hashes(m.group()) for m in PARAGRAPH.finditer(article.text)}
    parts = [np.concatenate([_hashes(article.title or ""), *hashed.values()]),
             *(hashed[span] if span in hashed else _hashes(article.text[span[0]:span[1]]) for span in spans)]
    whole, *paragraphs = _counted(parts)
    return Counts(whole.buckets.copy(), whole.counts.copy()), paragraphs   # not a view holding the paragraphs'


def _counts(texts: Iterable[str]) -> list[Counts]:
    """Each text's hashed word counts."""
    return _counted([_hashes(text) for text in texts])


def _hashes(text: str) -> np.ndarray:
    return np.array([zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in _words(text)], dtype=np.uint32)


def _count_type(counts: np.ndarray) -> type:
    """The smallest unsigned type that holds the counts (float32 past 65,535): a batch holds every article's
    and paragraph's counts in memory, and a word seldom comes 256 times in one."""
    most = int(counts.max()) if len(counts) else 0
    return np.uint8 if most <= 0xFF else np.uint16 if most <= 0xFFFF else np.float32


def _counted(hashed: Sequence[np.ndarray]) -> list[Counts]:
    """The counts of each text's word hashes, sorted by bucket: all texts' counted at once (numpy's cost per
    call was most of a paragraph's), each keyed by its text's number above its bucket."""
    text_of = np.repeat(np.arange(len(hashed), dtype=np.int64), [len(h) for h in hashed])
    keys = (text_of << BUCKET_BITS) | (np.concatenate([*hashed, np.zeros(0, np.uint32)]) & (BUCKETS - 1))
    unique, counts = np.unique(keys, return_counts=True)
    bounds = np.searchsorted(unique >> BUCKET_BITS, np.arange(len(hashed) + 1)).tolist()
    buckets, counts = (unique & (BUCKETS - 1)).astype(np.int32), counts.astype(_count_type(counts))
    return [Counts(buckets[start:end], counts[start:end]) for start, end in zip(bounds, bounds[1:])]


class _Named:
    """An article's place mentions, looked up by span: the countries named between two offsets."""

    def __init__(self, mentions: Sequence, gazetteer: Gazetteer):
        self.mentions, self.gazetteer = mentions, gazetteer
        self.starts = [m.start for m in mentions]

    def countries_in(self, start: int, end: int) -> Counter:
        first = bisect.bisect_left(self.starts, start)
        return Counter(c for m in self.mentions[first:bisect.bisect_left(self.starts, end)] if m.end <= end
                       for c in _countries_of(m, self.gazetteer))


def _countries_near(document: Document, claim: Claim, named: _Named) -> Counter:
    """The countries the figure's sentence names, or its paragraph up to it when the sentence names none."""
    sentence = document.sentence_at(claim.start)
    countries = named.countries_in(sentence.start, sentence.end)
    if not countries:
        paragraph = document.paragraph_at(claim.start)
        countries = named.countries_in(paragraph.start, sentence.start)
    return countries


# --- articles into stories ------------------------------------------------------------------

class Batch:
    """The batch's sketches as matrices: TF-IDF rows of words and of names, dates and core countries."""

    def __init__(self, sketches: Sequence[Sketch]):
        self.sketches = list(sketches)
        n = len(self.sketches)
        self.words = self._word_matrix([s.words for s in self.sketches])
        self.entities = _entity_matrix(self.sketches)
        dates = [s.article.published for s in self.sketches]
        self.dated = np.array([d is not None for d in dates])
        self.day = np.array([d.toordinal() if d else 0 for d in dates], dtype=np.int64)
        cores = [core_countries(s.countries) for s in self.sketches]
        index = {c: i for i, c in enumerate(sorted({c for core in cores for c in core}))}
        rows = [i for i, core in enumerate(cores) for _ in core]
        columns = [index[c] for core in cores for c in core]
        self.cores = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)),
                                       shape=(n, max(len(index), 1)))
        self.has_countries = np.array([bool(s.countries) for s in self.sketches])
        # Each article's core countries as column numbers, in a row padded with -1.
        widest = max((len(core) for core in cores), default=0) or 1
        self.core_table = np.full((n, widest), -1, dtype=np.int32)
        for i, core in enumerate(cores):
            self.core_table[i, :len(core)] = sorted(index[c] for c in core)

    def _word_matrix(self, rows: Sequence[Counts]) -> sparse.csr_matrix:
        """The texts' TF-IDF rows (sublinear, L2-normalised) over the buckets the batch uses, numbered in
        order (self.column_of): a product of rows then sizes its work by the batch's vocabulary, not by
        2**20 buckets. Sets the buckets' document frequencies and IDF on the way.

        Made in one array of weights, the counts' buckets renumbered first: made as a matrix of all
        buckets, weighed, normalised and cut to the used columns, it was copied at each step (at 100,000
        articles, hundreds of megabytes at once)."""
        indptr, buckets, counts = _end_to_end(rows)
        self.df = np.bincount(buckets, minlength=BUCKETS)
        self.idf = np.log((1 + len(rows)) / (1 + self.df)) + 1        # scikit-learn's smooth IDF
        used = np.flatnonzero(self.df)
        self.column_of = np.full(BUCKETS, -1, dtype=np.int32)   # bucket -> its column in `words`
        self.column_of[used] = np.arange(len(used), dtype=np.int32)
        # (1 + log count) * IDF, worked out in place: each temporary is an array of every word of the batch.
        weights = self.idf[buckets]
        sublinear = np.log(counts)
        del counts
        sublinear += 1
        weights *= sublinear
        del sublinear
        return _unit_rows(sparse.csr_matrix((weights, self.column_of[buckets], indptr), shape=(len(rows), len(used))))

    def share_core_before(self, a: np.ndarray, b: np.ndarray, country: int) -> np.ndarray:
        """Whether each pair (a[k], b[k]) shares a core country numbered below `country`."""
        several = (self.core_table[a, 1] >= 0) & (self.core_table[b, 1] >= 0) if self.core_table.shape[1] > 1 \
            else np.zeros(len(a), dtype=bool)
        found = np.zeros(len(a), dtype=bool)
        x, y = self.core_table[a[several]], self.core_table[b[several]]
        shared = (x[:, :, None] == y[:, None, :]) & (x[:, :, None] >= 0) & (x[:, :, None] < country)
        found[several] = shared.any(axis=(1, 2))
        return found

    def tfidf_row(self, counts: Counts) -> tuple[np.ndarray, np.ndarray]:
        """One text's counts as a TF-IDF row, weighed as the rows of `words` are: (sorted buckets, weights)."""
        used = self.df[counts.buckets] > 0
        buckets = np.asarray(counts.buckets)[used]
        weights = (1 + np.log(np.asarray(counts.counts, dtype=np.float64)[used])) * self.idf[buckets]
        norm = np.sqrt(np.dot(weights, weights))
        return buckets, weights / norm if norm else weights

    def matrix_of(self, rows: Sequence[tuple[np.ndarray, np.ndarray]], columns_given: bool = False) -> sparse.csr_matrix:
        """TF-IDF rows given as (sorted buckets, weights), as a matrix with the columns of `words`; with
        `columns_given`, rows given as (their columns in `words`, weights)."""
        indptr = np.cumsum([0, *(len(buckets) for buckets, _ in rows)])
        columns = np.concatenate([buckets for buckets, _ in rows])
        weights = np.concatenate([weights for _, weights in rows])
        return sparse.csr_matrix((weights, columns if columns_given else self.column_of[columns], indptr),
                                 shape=(len(rows), self.words.shape[1]))

    def similarity(self, rows: np.ndarray, columns: np.ndarray, country: int | None = None) -> np.ndarray:
        """Story similarity of each article in `rows` to each in `columns`: words and names, gated by
        time and country (0 where two articles cannot share a story). `country`: a core country of every
        one of them, when the caller knows one (then no pair is kept apart by country). Given `columns`
        as the `rows` array itself, each article's rows are taken once."""
        # In place, one square at a time (a block of DENSE_MAX articles is 72 MB a square), in the order
        # of TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * names: the same numbers to the last bit.
        score = _products(self.words, rows, columns)
        score *= TEXT_WEIGHT
        names = _products(self.entities, rows, columns)
        names *= 1 - TEXT_WEIGHT
        score += names
        del names
        row_day, column_day = self.day[rows][:, None], self.day[columns][None, :]
        far = (row_day > column_day + WINDOW_DAYS) | (column_day > row_day + WINDOW_DAYS)  # |days apart| > WINDOW
        far &= self.dated[rows][:, None] & self.dated[columns][None, :]
        if country is None:
            far |= (_products(self.cores, rows, columns) == 0) & \
                self.has_countries[rows][:, None] & self.has_countries[columns][None, :]
        score[far] = 0.0
        return score

    def distances(self, group: np.ndarray, cells: int = DISTANCE_CELLS) -> np.ndarray:
        """as_distances(square_similarity(group)), to the last bit, written straight into the condensed
        distances a few rows at a time (at most `cells` similarities at once): the square and its blocks are
        never held (a block of DENSE_MAX articles is 72 MB a square, 36 MB condensed, and the square's
        blocks took as much again while they were worked out).

        Each pair takes the number the square held above its diagonal: its smaller article's row of the
        country block they share, unless one of them names no country; then the row of the larger one that
        names none (the square's columns of such articles were written last, with their rows' numbers)."""
        size = len(group)
        condensed = np.ones(size * (size - 1) // 2)   # a pair sharing no country: similarity 0
        cores = self.cores[group].tocsc()
        for country in np.flatnonzero(np.diff(cores.indptr)):
            members = cores.indices[cores.indptr[country]:cores.indptr[country + 1]]   # positions in `group`
            articles = group[members]
            for chunk in _row_chunks(members, len(members), cells):
                # A chunk of all the members (most countries' blocks) is given as the members themselves: their
                # rows of the matrices are then taken once, not twice (similarity's `columns` as `rows`).
                rows = articles if len(chunk) == len(members) else group[chunk]
                score = self.similarity(rows, articles, country)
                _put_distances(condensed, size, chunk, members, score, chunk[:, None] < members[None, :])
        countryless = np.flatnonzero(~self.has_countries[group])
        everyone = np.arange(size)
        for chunk in _row_chunks(countryless, size, cells):
            score = self.similarity(group[chunk], group)
            # the pairs with a larger article that names a country, and those with every smaller article
            upper = (chunk[:, None] < everyone[None, :]) & self.has_countries[group][None, :]
            _put_distances(condensed, size, chunk, everyone, score, upper | (chunk[:, None] > everyone[None, :]))
        return condensed

    def square_similarity(self, group: np.ndarray) -> np.ndarray:
        """similarity(group, group), worked out only where it may not be 0: between articles sharing a core
        country, and of an article naming no country with every other. Elsewhere two articles name
        countries but none in common, and share no story. (distances() writes this square condensed; this is
        the reference it is tested against.)

        A pair's similarity depends on its two articles alone, to the last bit (a sum over their common
        words in one order), so the blocks give the numbers the whole square gives; a slice of a country's
        run of news has dozens of countries, and most of its square is such zeros.
        """
        score = np.zeros((len(group), len(group)))
        cores = self.cores[group].tocsc()
        for country in np.flatnonzero(np.diff(cores.indptr)):
            members = cores.indices[cores.indptr[country]:cores.indptr[country + 1]]   # positions in `group`
            block = group[members]
            score[np.ix_(members, members)] = self.similarity(block, block, country)
        countryless = np.flatnonzero(~self.has_countries[group])
        if len(countryless):
            rows = self.similarity(group[countryless], group)
            score[countryless, :] = rows
            score[:, countryless] = rows.T   # the same numbers: a product of two articles' weights either way
        return score


def _row_chunks(rows: np.ndarray, width: int, cells: int) -> Iterator[np.ndarray]:
    """The rows a few at a time: at most `cells` entries of `width` columns (at least one row)."""
    step = max(1, cells // max(width, 1))
    for start in range(0, len(rows), step):
        yield rows[start:start + step]


def _put_distances(condensed: np.ndarray, size: int, rows: np.ndarray, columns: np.ndarray, score: np.ndarray,
                   taken: np.ndarray) -> None:
    """Writes 1 - score, clipped to [0, 1], into the condensed distances of `size` articles for the pairs
    (rows[i], columns[j]) where taken[i, j] (never a pair of an article with itself)."""
    i, j = np.nonzero(taken)
    # in 64 bits: a group's positions may come as 32-bit ones, whose square would overflow past 46,340 articles
    first = np.minimum(rows[i], columns[j]).astype(np.int64)
    second = np.maximum(rows[i], columns[j]).astype(np.int64)
    distance = 1 - score[i, j]
    np.clip(distance, 0, 1, out=distance)
    condensed[size * first - first * (first + 1) // 2 + second - first - 1] = distance


def _products(matrix: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """The dot products of the matrix's `rows` with its `columns` (row numbers both), as a dense array."""
    taken = matrix[rows]
    return (taken @ (taken if columns is rows else matrix[columns]).T).toarray()


def _end_to_end(rows: Sequence[Counts]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The counts of texts end to end, as a CSR matrix holds them: row starts, buckets, counts."""
    indptr = np.cumsum([0, *(len(r.buckets) for r in rows)])
    buckets = np.concatenate([r.buckets for r in rows]) if rows else np.zeros(0, np.int32)
    # as float32 whatever type each text's counts were kept in (numpy would read bytes' logarithms as float16)
    counts = np.concatenate([r.counts for r in rows]).astype(np.float32, copy=False) if rows \
        else np.zeros(0, np.float32)
    return indptr, buckets, counts


def _unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix's rows scaled to length 1, in place, each row's entries then reversed (see _reversed_rows)."""
    return _reversed_rows(_normalised(matrix))


def _reversed_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with each row's entries in reverse order, in place. A product of rows sums a pair's common
    words in the order of the first row's entries; in this order (that of the scipy product the matrices
    were once normalised with) every similarity is what it was to the last bit, and so is each story."""
    starts, ends = matrix.indptr[:-1].tolist(), matrix.indptr[1:].tolist()
    for start, end in zip(starts, ends):
        matrix.indices[start:end] = matrix.indices[start:end][::-1]
        matrix.data[start:end] = matrix.data[start:end][::-1]
    matrix.has_sorted_indices = False
    return matrix


def _normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with each row scaled to length 1, in place."""
    squares = sparse.csr_matrix((matrix.data * matrix.data, matrix.indices, matrix.indptr), shape=matrix.shape)
    norms = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    del squares
    norms[norms == 0] = 1
    matrix.data *= np.repeat(1 / norms, np.diff(matrix.indptr))
    return matrix


def _entity_matrix(sketches: Sequence[Sketch]) -> sparse.csr_matrix:
    """Names and places as TF-IDF rows (sublinear, L2-normalised), as the words are."""
    index: dict[str, int] = {}
    rows, columns, counts = [], [], []
    for i, s in enumerate(sketches):
        for token, count in [*((f"name:{n}", c) for n, c in s.names.items()),
                             *((f"place:{n}", c) for n, c in s.places.items())]:
            rows.append(i)
            columns.append(index.setdefault(token, len(index)))
            counts.append(count)
    matrix = sparse.csr_matrix((np.array(counts, dtype=np.float64), (rows, columns)),
                               shape=(len(sketches), max(len(index), 1)))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix.data = (1 + np.log(matrix.data)) * (np.log((1 + len(sketches)) / (1 + df)) + 1)[matrix.indices]
    return _unit_rows(matrix)


def links(batch: Batch, workers: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (i < j) of articles similar enough to join one story (at least LINK), with its similarity.

    Only articles that may share a story are compared: those with a core country in common (or
    naming no country) and printed within the window of each other. The cost grows with the
    articles of one country within WINDOW_DAYS, not with the square of the batch. With workers > 1 the
    blocks are compared in that many processes (forked: they read the batch's matrices where they lie).
    """
    # A block at a time: blocks of up to BLOCK_CELLS pairs take tenths of a second, and sent several at once
    # one worker could be left with the heavy ones.
    found = list(ordered_map(Linking(batch), _compared_blocks(batch), workers, chunk=1))
    if not found:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32)
    a, b, score = ([part[k] for part in found] for k in range(3))
    del found
    return _joined(a), _joined(b), _joined(score)


def _compared_blocks(batch: Batch) -> Iterator[tuple[np.ndarray, np.ndarray, int | None]]:
    """The blocks of articles compared for links, as (rows, columns, their core country or None for rows that
    name no country): each country's articles with each other, a window of days at a time."""
    n = len(batch.sketches)
    order = np.lexsort((np.arange(n), batch.day, ~batch.dated))   # undated first, then by day
    members = batch.cores.tocsc()
    for country in range(batch.cores.shape[1]):
        block = order[np.isin(order, members.indices[members.indptr[country]:members.indptr[country + 1]])
                      & batch.has_countries[order]]
        for rows, columns in _windows(batch, block, block) if len(block) > 1 else ():
            yield rows, columns, country
    countryless = order[~batch.has_countries[order]]
    if len(countryless):
        for rows, columns in _windows(batch, countryless, order):
            yield rows, columns, None


class Linking:
    """(rows, columns, country) -> _linked's pairs of them (picklable: sent to worker processes)."""

    def __init__(self, batch: Batch):
        self.batch = batch

    def __call__(self, block: tuple[np.ndarray, np.ndarray, int | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return _linked(self.batch, *block)


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    """The parts as one array, each part let go of as soon as it is copied (the list is emptied)."""
    joined = np.empty(sum(len(part) for part in parts), dtype=parts[0].dtype)
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        joined[at:at + len(part)] = part
        at += len(part)
    return joined


def _windows(batch: Batch, rows: np.ndarray, columns: np.ndarray):
    """Chunks of `rows` with the `columns` printed within the window of them (all undated ones too);
    a chunk has at most about BLOCK_CELLS pairs. `rows` come undated first, then by day."""
    undated_columns = columns[~batch.dated[columns]]
    dated_columns = columns[batch.dated[columns]]
    days = batch.day[dated_columns]

    def window(chunk: np.ndarray) -> np.ndarray:
        low = np.searchsorted(days, batch.day[chunk].min() - WINDOW_DAYS, "left")
        high = np.searchsorted(days, batch.day[chunk].max() + WINDOW_DAYS, "right")
        return np.concatenate([undated_columns, dated_columns[low:high]])

    start = 0
    while start < len(rows):
        size = max(1, min(512, BLOCK_CELLS // max(1, len(columns))))
        chunk = rows[start:start + size]
        if batch.dated[chunk].all():
            # Sized again for the narrower window, and the window taken again for the chunk so sized.
            size = max(1, min(512, BLOCK_CELLS // max(1, len(window(chunk)))))
            chunk = rows[start:start + size]
            yield chunk, window(chunk)
        else:
            yield chunk, columns
        start += len(chunk)


def _linked(batch: Batch, rows: np.ndarray, columns: np.ndarray,
            country: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of `rows` and `columns` similar enough to link, each as (smaller, larger, similarity);
    `country`: the core country whose articles these are (None: rows that name no country)."""
    columns = columns[_kept_from_rows(batch, rows, columns, country)]
    if not len(columns):
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32)
    score = batch.similarity(rows, columns, country)
    i, j = np.nonzero(score >= LINK - 1e-9)   # a little below: a superset of the pairs that can merge
    a, b = rows[i], columns[j]
    # Each pair once: found from both its articles, it is kept from the smaller; sharing two core
    # countries, it is kept in the block of the first.
    keep = (a < b) | (batch.has_countries[b] & ~batch.has_countries[a])
    if country is not None:
        keep &= ~batch.share_core_before(a, b, country)
    return (np.minimum(a, b)[keep].astype(np.int32), np.maximum(a, b)[keep].astype(np.int32),
            score[i, j][keep].astype(np.float32))


def _kept_from_rows(batch: Batch, rows: np.ndarray, columns: np.ndarray, country: int | None) -> np.ndarray:
    """Which `columns` may make a pair _linked keeps with one of `rows`: a pair of two articles naming countries
    (or two naming none) is kept from its smaller one, so a column before every row is kept from none of them.
    Those are not compared: a block's rows are its columns, and every pair was worked out twice, once from
    each article (half of the links' products). The rest keep their order, and each kept pair its score, from
    the same row."""
    later = columns > rows.min()
    if country is None:  # rows naming no country keep their pairs with those naming one, whichever is smaller
        later |= batch.has_countries[columns]
    return later


def cluster_batch(batch: Batch, workers: int = 1) -> list[int]:
    """A story number for each article: average linkage on 1 - similarity within each run of linked articles.

    Two groups merge only when their average similarity is above LINK, so one pair of their articles
    at least is that similar: no story spans two components of the graph of such pairs. Each component
    is clustered on its own, exactly, up to DENSE_MAX articles; a larger one (a country in the news
    day after day links its whole run) in DENSE_MAX slices, then the slices' stories across slices.
    With workers > 1 the components and slices are clustered in that many processes (forked: they read
    the batch's matrices where they lie), the same numbers in the same order.
    """
    n = len(batch.sketches)
    links_found = links(batch, workers)
    count, component = _components(n, *links_found[:2])
    labels = np.zeros(n, dtype=np.int64)
    members = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[members], np.arange(count + 1))
    groups = [members[bounds[c]:bounds[c + 1]] for c in range(count)]
    pieces = [_dense_pieces(group) for group in groups]
    # Taken in the order the pieces were listed, while the workers go on with the next ones; a piece at a time,
    # as a large component's slices come one after another and each takes most of a second.
    with contextlib.closing(ordered_map(DenseClustering(batch), itertools.chain.from_iterable(pieces),
                                        workers if count > 1 else 1, chunk=1)) as clustered:
        next_label = 0
        for c, (group, parts) in enumerate(zip(groups, pieces)):
            sliced = [np.asarray(next(clustered)) for _ in parts]
            local = sliced[0] if len(parts) == 1 else _sliced_average(batch, group, component, c, sliced, *links_found)
            labels[group] = local + next_label
            next_label += int(local.max()) + 1
    return [int(label) for label in labels]


def _dense_pieces(group: np.ndarray) -> list[np.ndarray]:
    """The runs of articles clustered exactly: the component itself, or its slices of DENSE_MAX articles."""
    return [group] if len(group) <= DENSE_MAX else [group[start:start + DENSE_MAX]
                                                   for start in range(0, len(group), DENSE_MAX)]


class DenseClustering:
    """A run of articles -> their story numbers, clustered exactly (picklable: sent to worker processes)."""

    def __init__(self, batch: Batch):
        self.batch = batch

    def __call__(self, piece: np.ndarray) -> list[int]:
        if len(piece) < 2:  # an article linked to none (most components): no distances to work out
            return [0] * len(piece)
        return cluster_distances(self.batch.distances(piece), len(piece))


def _components(n: int, a: np.ndarray, b: np.ndarray) -> tuple[int, np.ndarray]:
    """The connected components of the graph of links (a[k], b[k]): their count and each article's.

    Taken a chunk of links at a time, each chunk joining the components of those before it: scipy
    copies a graph into 12 bytes an edge, and a large batch has tens of millions.
    """
    component = np.arange(n)
    for start in range(0, len(a), LINK_CHUNK):
        edges = (component[a[start:start + LINK_CHUNK]], component[b[start:start + LINK_CHUNK]])
        graph = sparse.coo_matrix((np.ones(len(edges[0]), np.int8), edges), shape=(n, n))
        component = connected_components(graph, directed=False)[1][component]
    numbers, component = np.unique(component, return_inverse=True)
    return len(numbers), component


def cluster(score: np.ndarray) -> list[int]:
    """A story number for each article: average linkage on 1 - similarity, cut where groups are less
    similar than LINK; numbered as scikit-learn's AgglomerativeClustering numbers them.

    scipy's linkage is called on the condensed distances as scikit-learn calls it, without the index
    arrays it builds to take them (for a block of DENSE_MAX articles, 72 MB more at the grouping's peak).
    """
    return cluster_distances(as_distances(score), len(score))


def as_distances(score: np.ndarray) -> np.ndarray:
    """1 - similarity between each pair of a square of similarities (which is overwritten), clipped to [0, 1],
    condensed as scipy takes distances."""
    if len(score) < 2:
        return np.zeros(0)
    np.fill_diagonal(score, 1.0)
    np.subtract(1, score, out=score)  # in place: a block's square is tens of MB
    np.clip(score, 0, 1, out=score)
    return squareform(score, checks=False)


def cluster_distances(condensed: np.ndarray, size: int) -> list[int]:
    """cluster() of `size` articles given their condensed distances."""
    if size < 2:
        return [0] * size
    tree = hierarchy.linkage(condensed, method="average")
    return _cut(np.count_nonzero(tree[:, 2] >= 1 - LINK) + 1, tree[:, :2].astype(np.intp), size)


def _cut(count: int, children: np.ndarray, leaves: int) -> list[int]:
    """The leaves' numbers once the tree (`children`: the two nodes each merge joined) is cut into `count`
    groups: the last merges undone, the largest node first; as scikit-learn's _hc_cut numbers them."""
    nodes = [-(max(children[-1]) + 1)]
    for _ in range(count - 1):
        below = children[-nodes[0] - leaves]
        heapq.heappush(nodes, -below[0])
        heapq.heappushpop(nodes, -below[1])
    labels = np.zeros(leaves, dtype=np.intp)
    for number, node in enumerate(nodes):
        labels[_leaves_under(-node, children, leaves)] = number
    return labels.tolist()


def _leaves_under(node: int, children: np.ndarray, leaves: int) -> list[int]:
    under, found = [node], []
    while under:
        at = under.pop()
        if at < leaves:
            found.append(at)
        else:
            under.extend(children[at - leaves].tolist())
    return found


def _sliced_average(batch: Batch, group: np.ndarray, component: np.ndarray, number: int, sliced: list[np.ndarray],
                    a: np.ndarray, b: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Story numbers for component `number` (its articles `group`), too large to compare whole: given each slice
    of DENSE_MAX articles (in the batch's order, by date) clustered exactly (`sliced`, _dense_pieces' numbers),
    average linkage over those stories on the linked pairs (a, b, score) alone (pairs less similar than LINK
    count as 0). Time and memory grow with the component, not its square."""
    local = np.zeros(len(group), dtype=np.int64)
    offset = 0
    for start, labels in zip(range(0, len(group), DENSE_MAX), sliced):
        local[start:start + len(labels)] = labels + offset
        offset += int(labels.max()) + 1
    position = np.full(len(batch.sketches), -1, dtype=np.int64)
    position[group] = np.arange(len(group))
    local = local.astype(np.int32)
    sums = sparse.csr_matrix((offset, offset))
    for start in range(0, len(a), LINK_CHUNK):  # in chunks: a large component has tens of millions of links
        chunk = slice(start, start + LINK_CHUNK)
        inside = component[a[chunk]] == number
        first, second = local[position[a[chunk][inside]]], local[position[b[chunk][inside]]]
        apart = first != second
        low, high = np.minimum(first, second)[apart], np.maximum(first, second)[apart]
        sums = sums + sparse.csr_matrix((score[chunk][inside][apart].astype(np.float64), (low, high)),
                                        shape=(offset, offset))
    linked = sums.tocoo()
    merged = average_linkage(np.bincount(local, minlength=offset), linked.row, linked.col, linked.data)
    return np.asarray(merged)[local]


def average_linkage(size: np.ndarray, a: np.ndarray, b: np.ndarray, sums: np.ndarray) -> list[int]:
    """A number for each of the groups of `size` articles once merged by average linkage above LINK,
    given the summed similarity `sums` of each linked pair of groups (a[k], b[k]), a[k] < b[k].

    The most similar pair is merged first (ties: the pair of smallest numbers). Each group keeps its
    best pair in the heap, not all its pairs: a merge can only lower the similarity of a third group
    to the merged one below its best to either (average linkage is reducible), so only the groups
    whose best pair was one of the two merged look for another.
    """
    count = len(size)
    neighbours: list[dict[int, float]] = [{} for _ in range(count)]
    for x, y, s in zip(a.tolist(), b.tolist(), sums.tolist()):
        neighbours[x][y] = neighbours[y][x] = s
    size, alive, parent = [int(n) for n in size], [True] * count, list(range(count))

    def key(x: int, y: int) -> tuple[float, int, int]:
        """The heap's order for a pair: the most similar first, then the smallest numbers."""
        return (-neighbours[x][y] / (size[x] * size[y]), min(x, y), max(x, y))

    def best_of(x: int) -> tuple[float, int, int] | None:
        return min((key(x, y) for y in neighbours[x]), default=None)

    best = [best_of(x) for x in range(count)]
    heap = [entry for entry in best if entry is not None]
    heapq.heapify(heap)
    while heap:
        entry = heapq.heappop(heap)
        negative, x, y = entry
        if -negative <= LINK:
            break
        if not (alive[x] and alive[y] and entry in (best[x], best[y]) and y in neighbours[x] and key(x, y) == entry):
            continue  # a pair since merged away or no longer either group's best
        big, small = (x, y) if len(neighbours[x]) >= len(neighbours[y]) else (y, x)
        for k, s in neighbours[small].items():
            if k != big:
                neighbours[big][k] = neighbours[big].get(k, 0.0) + s
                neighbours[k][big] = neighbours[big][k]
                del neighbours[k][small]
        neighbours[big].pop(small, None)
        neighbours[small] = {}
        alive[small], parent[small], best[small] = False, big, None
        size[big] += size[small]
        for k in [big, *neighbours[big]]:
            merged = best[k] is None or best[k][1] in (x, y) or best[k][2] in (x, y)
            candidate = best_of(k) if k == big or merged else min(best[k], key(k, big))
            if candidate != best[k] or k == big or merged:
                best[k] = candidate
                if candidate is not None:
                    heapq.heappush(heap, candidate)

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i
    roots = [root(i) for i in range(count)]
    numbers = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    return [numbers[r] for r in roots]


# --- the stories and their figures --------------------------------------------------------------

@dataclass
class _Draft:
    sketches: list[Sketch]

    @functools.cached_property
    def countries(self) -> Counter:
        total: Counter = Counter()
        for s in self.sketches:
            total.update(s.countries)
        return total

    @functools.cached_property
    def core(self) -> frozenset[str]:
        return core_countries(self.countries)

    @functools.cached_property
    def first(self) -> tuple:
        """The date and id of its first article (undated ones last)."""
        return min(_order(s) for s in self.sketches)

    def story(self, id_: str) -> Story:
        dates = sorted(s.article.published for s in self.sketches if s.article.published)
        names, places = Counter(), Counter()
        for s in self.sketches:
            names.update(s.names)
            places.update(s.places)
        return Story(
            id=id_, label=_label(places, names),
            articles=tuple(s.article.id for s in sorted(self.sketches, key=_order)),
            places=tuple(name for name, _ in places.most_common(5)),
            names=tuple(name for name, _ in names.most_common(5)),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            undated=tuple(s.article.id for s in self.sketches if s.article.published is None))


def _order(s: Sketch) -> tuple:
    return (s.article.published or dt.date.max, s.article.id)


def _label(places: Counter, names: Counter) -> str:
    """The story's most named places, then its most named names: "Kazakhstan, Almaty; Tokayev"."""
    top_places = [p for p, _ in places.most_common(2)]
    top_names = [n for n, count in names.most_common(2) if count > 1]
    return "; ".join(part for part in (", ".join(top_places), ", ".join(top_names)) if part) or "unnamed story"


def assign_stories(articles: Sequence[Article], claims: Sequence[Claim], gazetteer: Gazetteer,
                   known: KnownStories | None = None) -> tuple[list[Story], list[Claim]]:
    """The stories of the articles, and each claim with the story it belongs to."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    return group_stories([sketch(a, by_article.get(a.id, ()), gazetteer) for a in articles], claims, known)


def group_stories(sketches: Sequence[Sketch], claims: Iterable[Claim], known: KnownStories | None = None,
                  in_place: bool = False, workers: int = 1) -> tuple[list[Story], list[Claim]]:
    """The stories of the sketched articles, and each claim with the story it belongs to.

    With `known` (a ledger's stories), a story holding stored articles keeps the id they were given.
    `in_place`: the claims are the caller's own, held nowhere else, and are given their story rather
    than copied with it. With workers > 1 the articles are clustered in that many processes (the same stories).
    """
    if not sketches:
        return [], list(claims)
    asides = grouped(sketches, known or KnownStories(), workers)
    claims = list(claims)
    stories = [aside or asides.story_of_article.get(claim.article)
               for claim, aside in zip(claims, asides.stories_of(claims, workers))]
    found = sorted([*asides.story_by_label.values(), *asides.stories.values()],
                   key=lambda s: (s.first or dt.date.max, s.id))
    if in_place:
        for claim, story in zip(claims, stories):
            set_story(claim, story)
        return found, claims
    return found, [replaced(claim, story=story) for claim, story in zip(claims, stories)]


def grouped(sketches: Sequence[Sketch], known: KnownStories, workers: int = 1) -> _Asides:
    """The sketched articles' stories (story_by_label, story_of_article), ready to place their figures."""
    # In one order whatever order the batch came in: clustering breaks ties by position.
    batch = Batch(sorted(sketches, key=_order))
    # Weighing the words freed as much memory as the matrices hold, in pieces the C library keeps: handed
    # back, it is not held through the clustering (at 30,000 articles, 40 of the 115 MB the matrices took).
    return_freed_memory()
    labels = cluster_batch(batch, workers)
    drafts: dict[int, _Draft] = {}
    for s, label in zip(batch.sketches, labels):
        drafts.setdefault(label, _Draft([])).sketches.append(s)
    ids = story_ids(drafts, known)
    return _Asides(batch, labels, drafts, {label: draft.story(ids[label]) for label, draft in drafts.items()})


# --- story ids ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KnownStories:
    """The story ids a ledger gave before: each stored article's, and when each id was first given."""

    of_article: Mapping[str, str] = field(default_factory=dict)   # article id -> story id
    since: Mapping[str, int] = field(default_factory=dict)        # story id -> the batch that first gave it

    def age(self, story: str) -> tuple:
        """Sorts the oldest id first; ids first given in one batch by the id."""
        return (self.since.get(story, math.inf), story)


def story_ids(drafts: Mapping[int, _Draft], known: KnownStories) -> dict[int, str]:
    """An id for each draft story: the oldest id its stored articles were given, else a new one.

    Ids are handed out oldest first, each to the draft holding most of that story's articles, so a
    stored story that the new batch splits keeps its id in one part only. A new story is named after
    its first article (by date, then id), which no stored story may already be called.
    """
    held: dict[str, Counter] = {}
    for label, draft in drafts.items():
        for s in draft.sketches:
            if s.article.id in known.of_article:
                held.setdefault(known.of_article[s.article.id], Counter())[label] += 1
    ids: dict[int, str] = {}
    for story in sorted(held, key=known.age):
        unnamed = [label for label in held[story] if label not in ids]
        if unnamed:
            ids[min(unnamed, key=lambda label: (-held[story][label], drafts[label].first))] = story
    taken = {*known.of_article.values(), *ids.values()}
    for label in sorted(set(drafts) - set(ids), key=lambda label: drafts[label].first):
        ids[label] = _unused(drafts[label].first[1], taken)
        taken.add(ids[label])
    return ids


def _unused(name: str, taken: set[str]) -> str:
    """The name, or the name with the first number after it ("a~2") that no story has."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}~{number}"
    return candidate


class _Asides:
    """A batch's stories, and the figures about another event than their article's: which story each belongs to."""

    def __init__(self, batch: Batch, labels: list[int], drafts: dict[int, _Draft], stories: dict[int, Story]):
        self.batch, self.drafts, self.story_by_label = batch, drafts, stories
        self.row_of = {s.article.id: i for i, s in enumerate(batch.sketches)}
        self.labels = labels
        self.story_of_article = {s.article.id: stories[label].id for s, label in zip(batch.sketches, labels)}
        self.stories: dict[str, Story] = {}
        self.has_words = bool(batch.df.any())
        # Where to look for the stories about a country printed around a day: the stories whose core it is
        # in, by WINDOW_DAYS-long stretch of days they are within the window of (undated ones: stretch None).
        self.about: dict[tuple[str, int | None], list[int]] = {}
        self.concerning: dict[str, list[int]] = {}   # country -> every story whose core it is in
        self.days: dict[int, tuple[int, int] | None] = {}
        for label, draft in drafts.items():
            days = batch.day[[self.row_of[s.article.id] for s in draft.sketches if s.article.published]]
            self.days[label] = (int(days.min()), int(days.max())) if len(days) else None
            stretches = [None] if not len(days) else \
                range((int(days.min()) - WINDOW_DAYS) // WINDOW_DAYS, (int(days.max()) + WINDOW_DAYS) // WINDOW_DAYS + 1)
            for country in draft.core:
                self.concerning.setdefault(country, []).append(label)
                for stretch in stretches:
                    self.about.setdefault((country, stretch), []).append(label)
        self.centroids: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.concerned: dict[tuple, frozenset[str]] = {}

    def stories_of(self, claims: Sequence[Claim], workers: int = 1) -> list[str | None]:
        """For each claim, the story it belongs to when it is about another event than its article's; else None.

        The asides that may join another story of the batch are weighed together, those with the same
        candidate stories in one product of their paragraphs and those stories' words: a claim at a time,
        the many small products cost most of the grouping. With workers > 1 the products are worked out in
        that many processes (forked: they read the batch's matrices where they lie).
        """
        found: list[str | None] = [None] * len(claims)
        elsewhere: dict[tuple[int, ...], list[tuple[int, Claim, Sketch, frozenset[str]]]] = {}
        for position, claim in enumerate(claims):
            aside = self._aside(claim)
            if aside is None:
                continue
            owner, label, near = aside
            candidates = self._candidates(near, owner, label)
            if candidates and self.has_words:
                elsewhere.setdefault(tuple(candidates), []).append((position, claim, owner, near))
            else:
                found[position] = self._own_story(owner.article, near)
        if workers > 1:
            # The stories' words weighed here, before the workers are forked: weighed there, each worker would touch
            # (and so copy) the pages of most of the batch's sketches.
            for label in sorted({label for candidates in elsewhere for label in candidates}):
                self._centroid(label)
        weighed = ([owner.paragraphs[claim.id] for _, claim, owner, _ in asides] for asides in elsewhere.values())
        with contextlib.closing(ordered_map(Closeness(self), zip(weighed, elsewhere),
                                            workers if len(elsewhere) > 1 else 1, chunk=ASIDES_AT_ONCE)) as products:
            for (candidates, asides), closeness in zip(elsewhere.items(), products):
                self._place(found, candidates, asides, closeness)
        return found

    def _place(self, found: list[str | None], candidates: tuple[int, ...], asides: list, closeness: np.ndarray) -> None:
        """Puts each of the asides sharing `candidates` in the closest of them (close enough), else a story of its own."""
        for (position, _, owner, near), row in zip(asides, closeness):
            best = int(np.argmax(row))  # the first of the closest, as candidates are ordered
            found[position] = self.story_by_label[candidates[best]].id if row[best] >= ASIDE_LINK \
                else self._own_story(owner.article, near)

    def _aside(self, claim: Claim) -> tuple[Sketch, int, frozenset[str]] | None:
        """The claim's article, story and the countries named around it, when it is about other countries
        than the rest of its story; else None."""
        row = self.row_of.get(claim.article)
        owner = self.batch.sketches[row] if row is not None else None
        near = owner.near.get(claim.id) if owner else None
        if not near:
            return None
        label = self.labels[row]
        # What the rest of the story is about: its countries less the mentions around the figure itself
        # (worked out once for each story and mentions: a story's countries are many, its figures more).
        key = (label, frozenset(near.items()))
        if key not in self.concerned:
            self.concerned[key] = core_countries(self.drafts[label].countries - near)
        concerned = self.concerned[key]
        if not concerned or set(near) & concerned:
            return None
        return owner, label, frozenset(near)

    def _candidates(self, near: frozenset[str], owner: Sketch, own_label: int) -> list[int]:
        """The other stories about those countries printed within the window of the article (any, undated)."""
        if owner.article.published is None:
            return sorted({label for country in near for label in self.concerning.get(country, ())} - {own_label})
        day = owner.article.published.toordinal()
        found = {label for country in near for stretch in (day // WINDOW_DAYS, None)
                 for label in self.about.get((country, stretch), ())}
        return sorted(label for label in found - {own_label}
                      if self.days[label] is None or
                      self.days[label][0] - WINDOW_DAYS <= day <= self.days[label][1] + WINDOW_DAYS)

    def _centroid(self, label: int) -> tuple[np.ndarray, np.ndarray]:
        """The story's words as one TF-IDF row, the counts of all its articles together: (its columns in the
        batch's word matrix, weights). A story is a candidate for many asides: its row is worked out once."""
        if label not in self.centroids:
            rows = [self.batch.sketches[self.row_of[s.article.id]].words for s in self.drafts[label].sketches]
            buckets, at = np.unique(np.concatenate([r.buckets for r in rows]), return_inverse=True)
            counts = np.bincount(at, weights=np.concatenate([r.counts for r in rows]))
            buckets, weights = self.batch.tfidf_row(Counts(buckets, counts))
            self.centroids[label] = self.batch.column_of[buckets], weights
        return self.centroids[label]

    def _closeness(self, paragraphs: Sequence[Counts], labels: Sequence[int]) -> np.ndarray:
        """The TF-IDF cosine of each paragraph (a row) with each story's words (a column)."""
        vectors = self.batch.matrix_of([self.batch.tfidf_row(p) for p in paragraphs])
        centroids = self.batch.matrix_of([self._centroid(label) for label in labels], columns_given=True)
        return (vectors @ centroids.T).toarray()

    def _own_story(self, article: Article, near: frozenset[str]) -> str:
        """A story of its own for the article's figures about the countries `near`."""
        key = f"{article.id}/{'-'.join(sorted(near))}"
        if key not in self.stories:
            self.stories[key] = Story(id=key, label=", ".join(sorted(near)), articles=(article.id,),
                                      places=tuple(sorted(near)), first=article.published,
                                      last=article.published,
                                      undated=() if article.published else (article.id,))
        return key


class Closeness:
    """(paragraphs, candidate stories) -> _Asides._closeness of them (picklable: sent to worker processes)."""

    def __init__(self, asides: _Asides):
        self.asides = asides

    def __call__(self, item: tuple[list[Counts], tuple[int, ...]]) -> np.ndarray:
        return self.asides._closeness(*item)

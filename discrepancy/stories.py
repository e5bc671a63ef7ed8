"""Groups a batch's articles, and the figures within them, into stories: one event each.

Two articles are about the same story when they name the same places, people and organisations
and use the same words (TF-IDF cosine, scikit-learn), were published within WINDOW_DAYS of each
other, and share a country where both name one. Articles are clustered by average linkage, so a
long story can run on day after day while two events that merely share a word stay apart.

A figure whose sentence (or, when the sentence names no place, its paragraph up to it) names only
places in countries its story does not concern is about another event: "11 Taliban fighters were
killed at the Tajik-Afghan border" in an article on Kazakhstan. It goes to the story of the batch
about those countries, if there is one, and otherwise to a story of its own.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import regex
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from .models import Article, Claim, Story
from .places import Gazetteer
from .text import Document

WINDOW_DAYS = 30          # articles printed further apart than this are not linked directly
LINK = 0.2                # the average similarity at which two groups of articles are one story
TEXT_WEIGHT = 0.5         # the share of word similarity in an article pair's similarity; names give the rest
CORE_SHARE = 0.25         # a country the story concerns: at least this share of its place mentions (or the top one)
OTHER = "other"           # the quantity of figures no rule types: never compared
ASIDE_LINK = 0.05         # the least word similarity between an aside's paragraph and a story it is moved to

# A run of capitalised words: a name of a person, organisation or place ("Kassym-Jomart Tokayev").
NAME_RUN = regex.compile(r"""
    (?<![\p{L}\p{N}])
    \p{Lu}[\p{L}\p{M}'’.-]*                        # a capitalised word
    (?:[ \t]+(?:of|de|al|bin|van|von|the)?[ \t]*     # joined by a space and maybe a particle
       \p{Lu}[\p{L}\p{M}'’.-]*)*                     # more capitalised words
    """, regex.X)
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


def profile(article: Article, gazetteer: Gazetteer) -> Profile:
    """The article's words, names, places and countries (page furniture left out)."""
    text = _without_furniture(article)
    mentions = gazetteer.find(text)
    places = Counter(m.name for m in mentions)
    countries = Counter(c for m in mentions for c in _countries_of(m, gazetteer))
    taken = [(m.start, m.end) for m in mentions]
    names = Counter(name for name in _names(text, taken))
    return Profile(article, f"{article.title or ''}\n{text}", names, places, countries)


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
    for run in _split_possessives(NAME_RUN.finditer(text)):
        words = [w.strip(".’'") for w in run.group().split()]
        while words and words[0].casefold() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].casefold() in NOT_NAMES:
            words.pop()
        if not words or any(s <= run.start() < e for s, e in places):
            continue
        before = text[max(0, run.start() - 3):run.start()]
        at_sentence_start = run.start() == 0 or regex.search(r"[.!?\"”:\n]\s*$", before)
        if len(words) == 1 and (at_sentence_start or len(words[0]) < 3):
            continue
        found.append(" ".join(words))
    return found


def _split_possessives(runs) -> list:
    """"Balochistan's Sherani district" names two things: the run is cut after the possessive."""
    pieces = []
    for run in runs:
        start = 0
        for cut in POSSESSIVE.finditer(run.group()):
            pieces.append(_Piece(run.start() + start, run.group()[start:cut.start()]))
            start = cut.end()
        pieces.append(_Piece(run.start() + start, run.group()[start:]))
    return [p for p in pieces if p.group().strip()]


@dataclass(frozen=True)
class _Piece:
    """A part of a name run, with the run's match interface (start, group)."""

    at: int
    text: str

    def start(self) -> int:
        return self.at

    def group(self) -> str:
        return self.text


# --- articles into stories ------------------------------------------------------------------

def similarity(profiles: Sequence[Profile]) -> np.ndarray:
    """Pairwise story similarity of the articles: words and names, gated by time and country."""
    n = len(profiles)
    words = TfidfVectorizer(stop_words="english", sublinear_tf=True, strip_accents="unicode",
                            token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
    text = _cosine(words, [p.text for p in profiles])
    entities = _cosine(TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True),
                       [_entity_tokens(p) for p in profiles])
    score = TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * entities
    for i in range(n):
        for j in range(i + 1, n):
            if not _may_share_story(profiles[i], profiles[j]):
                score[i, j] = score[j, i] = 0.0
    np.fill_diagonal(score, 1.0)
    return score


def _cosine(vectorizer: TfidfVectorizer, documents: list) -> np.ndarray:
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # no usable word at all (empty articles)
        return np.zeros((len(documents), len(documents)))
    return (matrix @ matrix.T).toarray()


def _entity_tokens(p: Profile) -> list[str]:
    tokens = [f"name:{n}" for n, count in p.names.items() for _ in range(count)]
    return tokens + [f"place:{n}" for n, count in p.places.items() for _ in range(count)]


def _may_share_story(a: Profile, b: Profile) -> bool:
    """Printed within the window (when both are dated) and, when both name countries, about one in common."""
    if a.article.published and b.article.published and \
            abs((a.article.published - b.article.published).days) > WINDOW_DAYS:
        return False
    if a.countries and b.countries and not a.core & b.core:
        return False
    return True


def cluster(score: np.ndarray) -> list[int]:
    """A story number for each article (average linkage on 1 - similarity)."""
    if len(score) < 2:
        return [0] * len(score)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1 - LINK)
    return [int(label) for label in model.fit_predict(np.clip(1 - score, 0, 1))]


# --- the stories and their figures --------------------------------------------------------------

@dataclass
class _Draft:
    profiles: list[Profile]

    @property
    def countries(self) -> Counter:
        return sum((p.countries for p in self.profiles), Counter())

    def story(self, id_: str | None = None, label: str | None = None) -> Story:
        dates = sorted(p.article.published for p in self.profiles if p.article.published)
        names = sum((p.names for p in self.profiles), Counter())
        places = sum((p.places for p in self.profiles), Counter())
        return Story(
            id=id_ or _first(self.profiles).article.id, label=label or _label(places, names),
            articles=tuple(p.article.id for p in sorted(self.profiles, key=_order)),
            places=tuple(name for name, _ in places.most_common(5)),
            names=tuple(name for name, _ in names.most_common(5)),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            undated=tuple(p.article.id for p in self.profiles if p.article.published is None))


def _order(p: Profile) -> tuple:
    return (p.article.published or dt.date.max, p.article.id)


def _first(profiles: list[Profile]) -> Profile:
    return min(profiles, key=_order)


def _label(places: Counter, names: Counter) -> str:
    """The story's most named places, then its most named names: "Kazakhstan, Almaty; Tokayev"."""
    top_places = [p for p, _ in places.most_common(2)]
    top_names = [n for n, count in names.most_common(2) if count > 1]
    return "; ".join(part for part in (", ".join(top_places), ", ".join(top_names)) if part) or "unnamed story"


def assign_stories(articles: Sequence[Article], claims: Sequence[Claim],
                   gazetteer: Gazetteer) -> tuple[list[Story], list[Claim]]:
    """The stories of the articles, and each claim with the story it belongs to."""
    if not articles:
        return [], list(claims)
    profiles = [profile(article, gazetteer) for article in articles]
    labels = cluster(similarity(profiles))
    drafts: dict[int, _Draft] = {}
    for p, label in zip(profiles, labels):
        drafts.setdefault(label, _Draft([])).profiles.append(p)
    stories = {label: draft.story() for label, draft in drafts.items()}
    story_of = {p.article.id: stories[label].id for p, label in zip(profiles, labels)}
    asides = _Asides(profiles, drafts, stories, gazetteer)
    placed = [replace(claim, story=asides.story_of(claim) or story_of.get(claim.article)) for claim in claims]
    found = sorted([*stories.values(), *asides.stories.values()], key=lambda s: (s.first or dt.date.max, s.id))
    return found, placed


class _Asides:
    """Figures about another event than their article's: which story each belongs to."""

    def __init__(self, profiles: list[Profile], drafts: dict[int, _Draft], stories: dict[int, Story],
                 gazetteer: Gazetteer):
        self.by_article = {p.article.id: p for p in profiles}
        self.label_of = {p.article.id: label for label, d in drafts.items() for p in d.profiles}
        self.drafts, self.story_by_label, self.gazetteer = drafts, stories, gazetteer
        self.documents: dict[str, Document] = {}
        self.stories: dict[str, Story] = {}
        self.words = TfidfVectorizer(stop_words="english", sublinear_tf=True, strip_accents="unicode",
                                     token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
        texts = [d_profile.text for d in drafts.values() for d_profile in d.profiles]
        self.fitted = bool(texts) and self._fit(texts)

    def _fit(self, texts: list[str]) -> bool:
        try:
            self.words.fit(texts)
        except ValueError:
            return False
        self.centroids = {label: self._vector(" ".join(p.text for p in d.profiles))
                          for label, d in self.drafts.items()}
        return True

    def _vector(self, text: str) -> np.ndarray:
        return self.words.transform([text]).toarray()[0]

    def story_of(self, claim: Claim) -> str | None:
        """The story the claim belongs to when it is about another event than its article's; else None."""
        owner = self.by_article.get(claim.article)
        if owner is None or claim.quantity == OTHER:  # a figure never compared needs no story of its own
            return None
        label = self.label_of[claim.article]
        near = self._countries_near(owner.article, claim)
        # What the rest of the story is about: its countries less the mentions around the figure itself.
        concerned = core_countries(self.drafts[label].countries - near)
        if not near or not concerned or set(near) & concerned:
            return None
        return self._other_story(claim, owner, label, frozenset(near))

    def _countries_near(self, article: Article, claim: Claim) -> Counter:
        """The countries the figure's sentence names, or its paragraph up to it when the sentence names none."""
        document = self.documents.setdefault(article.id, Document(article.text))
        sentence = document.sentence_at(claim.start)
        countries = self._countries_in(article.text, sentence.start, sentence.end)
        if not countries:
            paragraph = document.paragraph_at(claim.start)
            countries = self._countries_in(article.text, paragraph.start, sentence.start)
        return countries

    def _countries_in(self, text: str, start: int, end: int) -> Counter:
        mentions = self.gazetteer.find(text[start:end])
        return Counter(c for m in mentions for c in _countries_of(m, self.gazetteer))

    def _other_story(self, claim: Claim, owner: Profile, own_label: int, near: frozenset[str]) -> str:
        """The batch's story about those countries that reads most like the figure's paragraph, else a new one."""
        paragraph = Document(owner.article.text).paragraph_at(claim.start)
        text = owner.article.text[paragraph.start:paragraph.end]
        candidates = [label for label, d in self.drafts.items()
                      if label != own_label and near & core_countries(d.countries)]
        if candidates and self.fitted:
            vector = self._vector(text)
            best = max(candidates, key=lambda label: float(vector @ self.centroids[label]))
            if float(vector @ self.centroids[best]) >= ASIDE_LINK:
                return self.story_by_label[best].id
        key = f"{owner.article.id}/{'-'.join(sorted(near))}"
        if key not in self.stories:
            self.stories[key] = Story(id=key, label=", ".join(sorted(near)), articles=(owner.article.id,),
                                      places=tuple(sorted(near)), first=owner.article.published,
                                      last=owner.article.published,
                                      undated=() if owner.article.published else (owner.article.id,))
        return key

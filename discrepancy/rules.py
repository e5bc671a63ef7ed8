"""Loads rules/ (TOML data files) into a RuleSet; a malformed file is a RuleError naming file, line and key.

Each file says which kind it is (`kind = "quantity"`); the kinds are a closed set written
here, with the keys each allows. Adding a quantity type, a qualifier phrase or a scope
word is a data change, never a code change.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from .errors import RuleError

BUNDLED_RULES = Path(__file__).resolve().parent.parent / "rules"

# "closes" makes the bound before it inclusive: "less than 5000 or equal" is at most 5000.
INTERVALS = ("exact", "around", "just_below", "just_above", "above", "at_least", "below", "at_most", "closes")

# kind -> {key: (type, required)}; tables of tables are described by their own entries.
SCHEMAS: dict[str, dict[str, tuple[type | tuple, bool]]] = {
    "quantity": {
        "kind": (str, True), "name": (str, True), "description": (str, True),
        "words": (list, True), "priority": (int, False), "cumulative": (bool, False),
        "rounding": (float, False), "examples": (list, True), "counter_examples": (list, False),
        "negated_words": (list, False), "group_words": (list, False), "groups": (list, False),
        "not_after": (list, False), "excluded_groups": (list, False), "after_only": (bool, False),
        "words_before_figure": (list, False), "days_before_article": (int, False),
        "lower_bound_units": (list, False), "only_before_figure": (list, False), "group_words_after": (list, False),
        "topic_nouns": (list, False), "topic_words": (list, False), "ends": (list, False),
        "agent_words": (list, False), "agents": (list, False), "agent_groups": (list, False),
        "words_before_topic": (list, False),
    },
    "qualifiers": {"kind": (str, True), "approx_margin": (float, True), "qualifier": (list, True)},
    "qualifier": {
        "phrases": (list, True), "position": (str, True), "qualifier": (str, True),
        "interval": (str, True), "examples": (list, True),
    },
    "scopes": {"kind": (str, True), "root": (str, True), "people_words": (list, True), "scope": (list, True),
               "people_suffixes": (list, False)},
    "scope": {"name": (str, True), "words": (list, True), "within": (str, True), "examples": (list, False)},
    "numbers": {
        "kind": (str, True), "units": (dict, True), "tens": (dict, True), "scales": (dict, True),
        "suffix_scales": (dict, True), "vague": (list, True), "fractions": (dict, False),
        "ordinals": (dict, True), "compound_only_ordinals": (list, True),
        "identifier_labels": (list, True), "age_words": (list, False), "glued_units": (list, True),
        "age_bound_words": (list, False), "age_bound_limit": (int, False), "age_group_nouns": (list, False),
        "age_bound_verbs": (list, False), "age_words_before": (list, False),
        "year_range": (list, True), "rises": (list, True), "falls": (list, True), "phrase_stops": (list, True),
        "street_words": (list, True), "particle_verbs": (list, False),
        "plurals_without_s": (list, False), "model_words": (list, False),
        "identifier_labels_after": (list, False), "street_words_first": (list, False),
        "year_nouns": (list, False), "gathering_verbs": (list, False), "durations": (list, False),
        "level_verbs": (list, False), "irregular_participles": (list, False),
        "moving_verbs": (list, False), "handing_over_verbs": (list, False), "projection_words": (list, False),
        "hedges": (list, False),
        "passing_verbs": (list, False), "count_nouns": (list, False),
        "projection_verbs": (list, False), "verb_labels": (list, False), "before_verb_labels": (list, False),
        "change_from_verbs": (list, False), "comparatives": (list, False),
        "format_codes": (list, False),
        "span_year_low": (int, False), "multiplier_verbs": (dict, False), "fraction_slashes": (list, False),
        "dated_year_range": (list, False), "year_prepositions": (list, False),
        "count_words_after_noun": (list, False), "total_words": (list, False),
        "sum_verbs": (list, False), "restating_verbs": (list, False), "figure_nouns": (list, False),
        "account_verbs": (list, False),
        "increment_before": (list, False), "increment_after": (list, False), "rest_before": (list, False),
        "share_words": (list, False),
        "window_words": (list, False), "window_units": (list, False),
        "rate_phrases": (list, False),
        "still_phrases": (list, False),
    },
    "vague": {"phrase": (str, True), "value": ((int, float), True), "qualifier": (str, True),
              "words_before": (list, False), "words_after": (list, False),
              "examples": (list, False)},
    "sources": {"kind": (str, True), "verbs": (list, True), "markers": (list, True), "common": (list, True),
                "addressing_verbs": (list, False), "between_speaker_and_verb": (list, False),
                "earlier_words": (list, False), "earlier_adjectives": (list, False), "report_nouns": (list, False),
                "earlier_report_verbs": (list, False),
                "not_describing_speakers": (list, False), "never_nouns": (list, False), "agent_verbs": (list, False),
                "put_at_nouns": (list, False),
                "examples": (list, False)},
    "furniture": {
        "kind": (str, True), "block_headings": (list, True), "line_patterns": (list, True),
        "examples": (list, False),
    },
    "units": {"kind": (str, True), "symbols": (list, True), "surfaces": (list, True)},
    "places": {"kind": (str, True), "min_city_population": (int, True), "place": (list, False),
               "min_located_city_population": (int, False),
               "not_places": (list, False), "kind_nouns": (list, False), "capitalised_kind_nouns": (list, False),
               "kind_nouns_before_name": (list, False), "facility_nouns": (list, False),
               "variant_prefix_letters": (int, False),
               "reference_words": (list, False), "outside_words": (list, False), "attribute_suffixes": (list, False),
               "namesake_population_share": (float, False), "place_count_nouns": (list, False),
               "whole_country_words": (list, False), "attacker_nouns": (list, False),
               "destination_verbs": (list, False), "destination_quantities": (list, False),
               "sent_to_quantities": (list, False),
               "superlatives": (list, False),
               "variant_length_difference": (int, False)},
    "place": {"name": (str, True), "words": (list, True), "within": (str, False), "region": (str, False)},
}
QUALIFIER_NAMES = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@dataclass(frozen=True)
class QuantityRule:
    """A quantity type: the words that say a figure counts it, and how much rounding it tolerates."""

    name: str
    description: str
    words: tuple[str, ...]
    priority: int
    cumulative: bool
    rounding: float
    examples: tuple[dict, ...]
    counter_examples: tuple[str, ...]
    path: str
    negated_words: tuple[str, ...] = ()  # after "none of the N ...": "survived"
    group_words: tuple[str, ...] = ()  # right before a count of one of `groups`: "lost 14 soldiers"
    groups: tuple[str, ...] = ()  # scopes, each with the scopes within it
    not_after: tuple[str, ...] = ()  # right before a figure, words after which it counts none of this: "sentenced"
    excluded_groups: tuple[str, ...] = ()  # scopes (with those within them) never counted as this: fighters who fled
    after_only: bool = False  # its words type only a figure before them: "3,000 gathered", not "gathered 12 samples"
    words_before_figure: tuple[str, ...] = ()  # with after_only, the words that type a figure after them: "a crowd of"
    only_before_figure: tuple[str, ...] = ()  # words that type only a figure after them: "searching for 8 people"
    group_words_after: tuple[str, ...] = ()  # words after a count of one of `groups` only: "150 police were sent"
    days_before_article: int = 0  # dated by nothing but its article, a figure may hold this many days before it
    lower_bound_units: tuple[str, ...] = ()  # a figure counting these bounds the quantity from below: "12 bodies"
    topic_nouns: tuple[str, ...] = ()  # counted nouns that count this in an article about it only: "24,000 cases"
    topic_words: tuple[str, ...] = ()  # the words that make an article about it: "outbreak", "cholera"
    ends: tuple[str, ...] = ()  # quantities it ends, whose words in its clause yield: "rescued 12 people trapped"
    agent_words: tuple[str, ...] = ()  # words that type it only where one of its agents does it: "Police booked 35"
    agents: tuple[str, ...] = ()  # the nouns of those agents: "court", "rescuers"
    agent_groups: tuple[str, ...] = ()  # scopes whose words (and those within) are agents too: "security forces"
    words_before_topic: tuple[str, ...] = ()  # words that type it before one of its topic_words: "hospitalised with"


@dataclass(frozen=True)
class QualifierRule:
    """Phrases such as 'more than' and the interval they give the number they qualify."""

    phrases: tuple[str, ...]
    position: str  # before | after the number
    qualifier: str
    interval: str
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class ScopeRule:
    name: str
    words: tuple[str, ...]
    within: str
    examples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """Every rule the extractor and reconciler read, loaded once per run."""

    quantities: tuple[QuantityRule, ...]
    qualifiers: tuple[QualifierRule, ...]
    approx_margin: float
    scopes: tuple[ScopeRule, ...]
    scope_root: str
    people_words: tuple[str, ...]
    numbers: dict
    sources: dict
    furniture: dict
    places: dict
    units: dict
    people_suffixes: tuple[str, ...] = ()  # endings of nouns that count people ("partygoers")

    def quantity(self, name: str) -> QuantityRule | None:
        return next((q for q in self.quantities if q.name == name), None)


def _line_of(text: str, key: str) -> int | None:
    """The first line that sets or opens `key`, for error messages (tomllib keeps no positions)."""
    pattern = regex.compile(rf"^\s*(?:\[\[?\s*)?{regex.escape(key)}\s*(?:=|\]|\.)", regex.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _check_table(table: dict, schema_name: str, path: str, text: str) -> None:
    schema = SCHEMAS[schema_name]
    for key, value in table.items():
        if key not in schema:
            raise RuleError(path, _line_of(text, key), f"unknown key '{key}' in {schema_name}")
        wanted = schema[key][0]
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise RuleError(path, _line_of(text, key), f"key '{key}' has the wrong type ({type(value).__name__})")
    for key, (_, required) in schema.items():
        if required and key not in table:
            raise RuleError(path, _line_of(text, schema_name), f"missing key '{key}' in {schema_name}")


def _check_subtables(items: list, schema_name: str, path: str, text: str) -> None:
    for item in items:
        if not isinstance(item, dict):
            raise RuleError(path, _line_of(text, schema_name), f"'{schema_name}' entries must be tables")
        _check_table(item, schema_name, path, text)


def read_rule_file(path: Path) -> dict:
    """One rule file, parsed and checked against its kind's schema."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts the position in its message only: "Invalid value (at line 2, column 8)".
        position = regex.search(r"\(at line (\d+), column \d+\)", str(error))
        problem = regex.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise RuleError(str(path), int(position.group(1)) if position else None, f"not valid TOML: {problem}") from None
    kind = data.get("kind")
    if kind not in ("quantity", "qualifiers", "scopes", "numbers", "sources", "furniture", "places", "units"):
        raise RuleError(str(path), _line_of(text, "kind"), f"unknown or missing kind {kind!r}")
    _check_table(data, kind, str(path), text)
    for sub in ("qualifier", "scope", "vague", "place"):
        if sub in data and sub in SCHEMAS and kind != "quantity":
            _check_subtables(data[sub], sub, str(path), text)
    _check_values(data, kind, str(path), text)
    return data


def _check_values(data: dict, kind: str, path: str, text: str) -> None:
    if kind == "qualifiers":
        for item in data["qualifier"]:
            if item["qualifier"] not in QUALIFIER_NAMES:
                raise RuleError(path, _line_of(text, "qualifier"), f"unknown qualifier '{item['qualifier']}'")
            if item["interval"] not in INTERVALS:
                raise RuleError(path, _line_of(text, "interval"), f"unknown interval '{item['interval']}'")
            if item["position"] not in ("before", "after"):
                raise RuleError(path, _line_of(text, "position"), "position must be 'before' or 'after'")
    if kind == "numbers":
        for character, parts in data.get("fractions", {}).items():
            if len(character) != 1 or not isinstance(parts, list) or len(parts) != 2 \
                    or not all(isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in parts):
                raise RuleError(path, _line_of(text, "fractions"),
                                f"fraction '{character}' must be one character and [numerator, denominator]")
        for item in data["vague"]:
            if ("words_before" in item) != ("words_after" in item):
                raise RuleError(path, _line_of(text, "words_before" if "words_before" in item else "words_after"),
                                "'words_before' and 'words_after' go together")
            if item["qualifier"] not in QUALIFIER_NAMES:
                raise RuleError(path, _line_of(text, "qualifier"), f"unknown qualifier '{item['qualifier']}'")
    if kind == "quantity":
        if bool(data.get("group_words") or data.get("group_words_after")) != bool(data.get("groups")):
            raise RuleError(path, _line_of(text, "groups" if "groups" in data else "group_words"),
                            "'group_words' or 'group_words_after' and 'groups' go together")
        if bool(data.get("agent_words")) != bool(data.get("agents") or data.get("agent_groups")):
            raise RuleError(path, _line_of(text, "agent_words" if "agent_words" in data else "agents"),
                            "'agent_words' and 'agents' or 'agent_groups' go together")
        if bool(data.get("topic_nouns")) != bool(data.get("topic_words")):
            raise RuleError(path, _line_of(text, "topic_nouns" if "topic_nouns" in data else "topic_words"),
                            "'topic_nouns' and 'topic_words' go together")
        if data.get("words_before_topic") and not data.get("topic_words"):
            raise RuleError(path, _line_of(text, "words_before_topic"), "'words_before_topic' needs 'topic_words'")
        for example in data["examples"]:
            if not isinstance(example, dict) or "text" not in example:
                raise RuleError(path, _line_of(text, "examples"), "each example needs a 'text'")


def rule_files(directories: list[Path]) -> list[Path]:
    """Every .toml file under the rule directories, in a stable order."""
    files: list[Path] = []
    for directory in directories:
        if not directory.is_dir():
            raise RuleError(str(directory), None, "rules directory not found")
        files.extend(sorted(directory.rglob("*.toml")))
    return files


def load_rules(extra: list[Path] | None = None) -> RuleSet:
    """The bundled rules plus any extra directories (later files add quantity types)."""
    singles: dict[str, dict] = {}
    quantities: dict[str, QuantityRule] = {}
    for path in rule_files([BUNDLED_RULES, *(extra or [])]):
        data = read_rule_file(path)
        if data["kind"] == "quantity":
            quantities[data["name"]] = _quantity_rule(data, path)
        elif data["kind"] == "places":
            _merge_places(singles, data)  # desks add their own places beside the bundled ones
        elif data["kind"] in singles:
            raise RuleError(str(path), None, f"a second '{data['kind']}' file; only one is read")
        else:
            singles[data["kind"]] = data
    for quantity in quantities.values():
        unknown = [name for name in quantity.ends if name not in quantities]
        if unknown:
            raise RuleError(quantity.path, None, f"unknown quantity '{unknown[0]}' in 'ends'")
    for needed in ("qualifiers", "scopes", "numbers", "sources", "furniture", "places", "units"):
        if needed not in singles:
            raise RuleError(str(BUNDLED_RULES), None, f"no rule file of kind '{needed}'")
    scopes = {scope["name"] for scope in singles["scopes"]["scope"]} | {singles["scopes"]["root"]}
    for quantity in quantities.values():
        unknown = [name for name in quantity.agent_groups if name not in scopes]
        if unknown:
            raise RuleError(quantity.path, None, f"unknown scope '{unknown[0]}' in 'agent_groups'")
    return _rule_set(singles, quantities)


def _merge_places(singles: dict, data: dict) -> None:
    places = singles.setdefault("places", {"place": [], "not_places": [], "kind_nouns": [], "min_city_population": 0})
    places["place"] = places["place"] + data.get("place", [])
    places["not_places"] = places["not_places"] + data.get("not_places", [])
    places["kind_nouns"] = places["kind_nouns"] + data.get("kind_nouns", [])
    for words in ("reference_words", "outside_words", "attribute_suffixes", "place_count_nouns", "whole_country_words",
                  "attacker_nouns", "capitalised_kind_nouns", "kind_nouns_before_name", "facility_nouns",
                  "destination_verbs", "destination_quantities", "sent_to_quantities", "superlatives"):
        places[words] = places.get(words, []) + data.get(words, [])
    if "namesake_population_share" in data:
        places["namesake_population_share"] = data["namesake_population_share"]
    places["min_city_population"] = data["min_city_population"]
    for setting in ("variant_prefix_letters", "variant_length_difference", "min_located_city_population"):
        if setting in data:
            places[setting] = data[setting]


def _quantity_rule(data: dict, path: Path) -> QuantityRule:
    return QuantityRule(
        name=data["name"], description=data["description"],
        words=tuple(w.lower() for w in data["words"]), priority=data.get("priority", 1),
        cumulative=data.get("cumulative", False), rounding=float(data.get("rounding", 0.05)),
        examples=tuple(data["examples"]), counter_examples=tuple(data.get("counter_examples", ())),
        path=str(path), negated_words=tuple(w.lower() for w in data.get("negated_words", ())),
        group_words=tuple(w.lower() for w in data.get("group_words", ())), groups=tuple(data.get("groups", ())),
        not_after=tuple(w.lower() for w in data.get("not_after", ())),
        excluded_groups=tuple(data.get("excluded_groups", ())), after_only=data.get("after_only", False),
        words_before_figure=tuple(w.lower() for w in data.get("words_before_figure", ())),
        only_before_figure=tuple(w.lower() for w in data.get("only_before_figure", ())),
        group_words_after=tuple(w.lower() for w in data.get("group_words_after", ())),
        days_before_article=data.get("days_before_article", 0),
        lower_bound_units=tuple(w.lower() for w in data.get("lower_bound_units", ())),
        topic_nouns=tuple(w.lower() for w in data.get("topic_nouns", ())),
        topic_words=tuple(w.lower() for w in data.get("topic_words", ())),
        ends=tuple(data.get("ends", ())),
        agent_words=tuple(w.lower() for w in data.get("agent_words", ())),
        agents=tuple(w.lower() for w in data.get("agents", ())), agent_groups=tuple(data.get("agent_groups", ())),
        words_before_topic=tuple(w.lower() for w in data.get("words_before_topic", ())),
    )


def _rule_set(singles: dict, quantities: dict[str, QuantityRule]) -> RuleSet:
    qualifiers = singles["qualifiers"]
    scopes = singles["scopes"]
    return RuleSet(
        quantities=tuple(quantities.values()),
        qualifiers=tuple(
            QualifierRule(tuple(q["phrases"]), q["position"], q["qualifier"], q["interval"], tuple(q["examples"]))
            for q in qualifiers["qualifier"]
        ),
        approx_margin=float(qualifiers["approx_margin"]),
        scopes=tuple(ScopeRule(s["name"], tuple(s["words"]), s["within"], tuple(s.get("examples", ())))
                     for s in scopes["scope"]),
        scope_root=scopes["root"], people_words=tuple(scopes["people_words"]),
        people_suffixes=tuple(scopes.get("people_suffixes", ())),
        numbers=singles["numbers"], sources=singles["sources"],
        furniture=singles["furniture"], places=singles["places"], units=singles["units"],
    )

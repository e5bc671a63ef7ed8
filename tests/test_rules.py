"""The rule loader: strict, each error one line naming the file, the line and the key."""
import re

import pytest

from discrepancy.errors import RuleError
from discrepancy.rules import BUNDLED_RULES, load_rules, read_rule_file

GOOD_QUANTITY = 'kind = "quantity"\nname = "x"\ndescription = "d"\nwords = ["w"]\nexamples = [{ text = "3 w" }]\n'

BROKEN = [
    (GOOD_QUANTITY + "qualifers = 1\n", "x.toml:6: unknown key 'qualifers' in quantity"),
    ('kind = "quantity"\nname = "x"\nwords = ["w"]\nexamples = []\n', "missing key 'description'"),
    (GOOD_QUANTITY.replace('words = ["w"]', 'words = "w"'), "x.toml:4: key 'words' has the wrong type"),
    ('kind = "quantitty"\n', "x.toml:1: unknown or missing kind 'quantitty'"),
    ('kind = "quantity"\nname = \n', "x.toml:2: not valid TOML"),
    (GOOD_QUANTITY.replace('examples = [{ text = "3 w" }]', 'examples = ["3 w"]'), "each example needs a 'text'"),
    (GOOD_QUANTITY + 'group_words = ["lost"]\n', "x.toml:6: 'group_words' or 'group_words_after' and 'groups' go together"),
    (GOOD_QUANTITY + 'groups = ["police"]\n', "x.toml:6: 'group_words' or 'group_words_after' and 'groups' go together"),
    (GOOD_QUANTITY + 'topic_nouns = ["cases"]\n', "x.toml:6: 'topic_nouns' and 'topic_words' go together"),
    (GOOD_QUANTITY + 'words_before_topic = ["ill with"]\n', "x.toml:6: 'words_before_topic' needs 'topic_words'"),
    (GOOD_QUANTITY + 'agent_words = ["held"]\n', "x.toml:6: 'agent_words' and 'agents' or 'agent_groups' go together"),
    (re.sub(r"\nwords_after = \[[^\]]*\]", "", (BUNDLED_RULES / "numbers.toml").read_text(encoding="utf-8")),
     "'words_before' and 'words_after' go together"),
    ((BUNDLED_RULES / "numbers.toml").read_text(encoding="utf-8").replace('"½" = [1, 2]', '"½" = 0.5'),
     "fraction '½' must be one character and [numerator, denominator]"),
]


@pytest.mark.parametrize("text,message", BROKEN, ids=[b[1] for b in BROKEN])
def test_broken_rule_file_names_file_line_and_key(tmp_path, text, message):
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        read_rule_file(path)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_bundled_rules_load_and_declare_the_required_quantities():
    names = {q.name for q in load_rules().quantities}
    assert {"deaths", "injured", "arrests", "troops", "fighters", "camps"} <= names


def test_every_quantity_rule_has_examples():
    assert all(q.examples for q in load_rules().quantities)


def test_every_qualifier_example_reads_as_declared():
    from discrepancy.numbers import NumberGrammar
    rules = load_rules()
    grammar = NumberGrammar(rules)
    for qualifier in rules.qualifiers:
        for example in qualifier.examples:
            mention = grammar.find(example["text"])[0]
            assert mention.qualifier == qualifier.qualifier, example
            for bound in ("low", "high"):
                if bound in example:
                    assert getattr(mention, bound) == pytest.approx(example[bound]), example


def test_a_quantity_that_ends_an_unknown_one_is_an_error(tmp_path):
    (tmp_path / "x.toml").write_text(GOOD_QUANTITY + 'ends = ["trappedd"]\n', encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules([tmp_path])
    assert "x.toml: unknown quantity 'trappedd' in 'ends'" in str(error.value)


def test_an_agent_group_that_is_no_scope_is_an_error(tmp_path):
    (tmp_path / "x.toml").write_text(GOOD_QUANTITY + 'agent_words = ["held"]\nagent_groups = ["polise"]\n',
                                     encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules([tmp_path])
    assert "x.toml: unknown scope 'polise' in 'agent_groups'" in str(error.value)


def test_a_missing_rules_directory_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="not found"):
        load_rules([tmp_path / "nope"])

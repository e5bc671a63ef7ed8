"""Turns an article into claims: each figure with what it counts, for whom, where and per whom.

The Extractor is built once per rule set (patterns compiled, gazetteer loaded) and is a
pure function from an Article to its claims, so it can run in worker processes.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

import regex

from .models import UNNAMED_PART, Article, Claim, new_claim
from .numbers import CURRENCY_SIGNS, FUNCTION_WORDS, NumberGrammar, NumberMention
from .places import OWNED_GAP, PLACES_JOINED, Gazetteer, PlaceMention
from .rules import RuleSet
from .patterns import (LAST_WORD, alternation, compiled, folded, folded_word_starts, match_start, matches_at,
                       single_spaced, version1)
from .text import Document, Span

WORD = regex.compile(r"[\p{L}][\p{L}'’-]*|\d[\d,.]*")
# WORD on ASCII text, for the stdlib engine (a third faster there): no letter or digit past ASCII to read.
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[0-9][0-9,.]*")
# Before a participle after a figure and its noun: "20 were freed", "30 have been released".
AUXILIARY_VERBS = frozenset("were was are is have has had been".split())
# Adjectives of a state that end a clause as a participle would: "left 14 people dead and 30 others wounded".
STATE_ADJECTIVES = frozenset("dead hurt missing homeless alive".split())
# The words of a verb group before its participle besides the auxiliaries (and adverbs in -ly): "12 are still being
# held", "20 were later released", "20 were not hurt", and the copulas of a state ("40 lakh remain stranded").
VERB_GROUP_WORDS = AUXILIARY_VERBS | frozenset("be being not never still also already later now then all remain "
                                               "remains remained".split())
NEGATIONS = frozenset(("not", "never"))
# Right before a trigger after a figure: a negation that denies it ("20 were not hurt", "30 weren't arrested").
# Read backwards from the trigger, in one try.
NEGATION_LAST = regex.compile(r"(?:(?<![\p{L}])(?:not|never)|n[’']t)\s+(?:(?:been|be|being)\s+)?\Z",
                              regex.I | regex.REVERSE)
AUXILIARIES = frozenset("""were was are is be been being have has had will would could should may might must did do
does said says reported according up down""".split())
# and denied: "40 weren't hurt" counts no "weren't"
AUXILIARIES |= {f"{verb}n{mark}t" for verb in "were was are is have has had did do does could would should".split()
                for mark in "'’"} | {"won't", "won’t", "can't", "can’t", "cannot"}
PREPOSITIONS = frozenset("""near among amongst across around into over under after before during since inside
outside between against through ago each last next along behind beyond toward towards within without
onto upon via amid off""".split())
SUBORDINATE_WORDS = "after before when whenever while because since although though until unless whereas if".split()
# (but "since" after an auxiliary is an adverb: "12 have since been charged", "the toll has since risen to 40")
SUBORDINATE = regex.compile(rf"\b(?:{'|'.join(SUBORDINATE_WORDS)})\b(?<!\b(?:has|have|had|having|'ve)\s+since)",
                            regex.I)
# A part tied to a whole: "14 of them", "six of whom", "eight of those killed", "14 Australians and seven others";
# "including 14 Australians", "among them 3".
STATED_PART_AFTER = regex.compile(r"\s+(?:\p{L}+\s+)?(?:(?:of|among)\s+(?:them|whom|those)\b"
                                  r"|(?:\p{L}+\s+)?(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the|those)\b"  # "Eleven children were among the dead"
                                  # (past an aside that names a part of it: "Some 40 civilians, including 12
                                  # children, were among the 70 killed")
                                  r"|(?:[\p{L}-]+s|people|men|women|children),\s+(?:including|among\s+them)\b[^,.;:]{1,80},\s+(?:were|was|are|is)\s+(?:also\s+)?"
                                  r"among\s+(?:the|those)\b"
                                  r"|(?P<between>(?:\p{L}+\s+){0,2})and\s+\S+\s+others?\b)", regex.I)  # "14 Australians and seven others"
# What every match of STATED_PART_AFTER holds, in lower case (no letter outside ASCII folds to one of
# theirs): most figures are followed by none of them before the sentence ends.
STATED_PART_AFTER_WORDS = ("them", "whom", "those", "other", "among")
# Past this many characters to the sentence's end, the pattern is tried without looking for those words
# first: copying and lowering the rest of a long sentence for each of its figures would cost its square.
STATED_PART_AFTER_REACH = 300
# A whole its figures are parts of, opening a clause: "Of those arrested,", "Of the 43 dead,", "Among the injured,".
_OPENING_SHARE = r"(?:of|among)\s+(?:those|the(?:\s+\d[\d,.]*)?)(?:\s+[\p{L}-]+){1,3},"
STATED_PART_BEFORE = regex.compile(r"\b(?:including|includes|include|included|among\s+(?:them|whom|those)|of\s+(?:whom|them)"
                                   # a clause that opens so: "Of those arrested, 1,200 remain held", "Of the 43 dead,
                                   # 12 were police officers", "police said that of those" (not "Most of those
                                   # killed were soldiers, 40 in all")
                                   rf"|(?:(?<=\bthat\s)|(?<!\p{{L}}\s)){_OPENING_SHARE}"
                                   r"|among\s+(?:the|those)(?:\s+[\p{L}-]+){1,2}\s+(?:were|was|are|is))\s+"  # "Among the dead were"
                                   r"(?:the\s+|(?:at\s+least|more\s+than|about|some|nearly|over)\s+)?\Z", regex.I)  # "including the two attackers"
# How far before a figure the words that make it a part may start: "Among the 300 people arrested, 40".
PART_LEAD = 40
# What every match of STATED_PART_BEFORE holds, in lower case: most leads hold neither, and a search
# tries every position of the lead.
STATED_PART_WORDS = ("includ", "among", "whom", "them", "those", "of the")
# What every match of the among pattern ("among the children", "all of them women") holds.
AMONG_WORDS = ("among", "them", "whom")
RELATIVE_WORDS = "which who whom whose that where".split()  # "in Zahedan, where security forces killed dozens"
RELATIVE = regex.compile(rf"\b(?:{'|'.join(RELATIVE_WORDS)})\b", regex.I)
# Either, in one scan: both are whole words, so no match of one lies inside one of the other.
CLAUSE_WORD = regex.compile(rf"(?P<subordinate>{SUBORDINATE.pattern})|(?P<relative>{RELATIVE.pattern})", regex.I)
# Where either may start, in folded text: most windows after a figure hold neither, which this scan tells faster.
CLAUSE_WORD_STARTS = folded_word_starts([*SUBORDINATE_WORDS, *RELATIVE_WORDS])
# After a bare figure: who gave it, in lower case ("and 3,000 by police", "by the ministry"; not "by Friday").
ANOTHER_AGENT = regex.compile(r"\s+by\s+(?:the\s+)?\p{Ll}")
# Where a figure's agent may stand with its verb left out: "... and 3,000 by police".
GAPPED_AGENT = re.compile(r"\d\sby\s")
# Before a relative clause that says what the whole a figure is among or of counts: "two children were among those
# who drowned", "four of those who died": its verb types the figure too.
WHOLE_OF_RELATIVE = regex.compile(r"\b(?:among|of)\s+those\s+\Z", regex.I)
# A relative clause that is part of the noun phrase a figure opens, and the verb of the figure's clause past it:
# "40 people who had been trapped under the rubble were rescued".
RELATIVE_OF_NOUN_WORDS = ("who", "that", "which")
RELATIVE_OF_NOUN = regex.compile(rf"\b(?:{'|'.join(RELATIVE_OF_NOUN_WORDS)})\b", regex.I)
RELATIVE_OF_NOUN_CHARS = 80  # how far after the figure such a clause may start
NOUN_PHRASE_EXTRA_WORDS = 4  # words after the counted noun before it: "aboard the plane that"
MAIN_VERB_REACH = 16  # words of the relative clause and the verb after it that are read
MAIN_VERB_WORDS = 4  # words from the auxiliary of that verb in which its trigger is: "are now confirmed dead"
MAIN_VERB_CHARS = 60
# Words that end the search for that verb: another clause, or a predicate joined to the relative clause's own
# (not the subordinate words that news uses as prepositions: "who had gone missing after the landslide")
MAIN_VERB_STOPS = frozenset([*SUBORDINATE_WORDS, *RELATIVE_WORDS, "and", "or", "but", "as", "to"]) \
    - {"after", "before", "since", "until"}
# A figure that restates the one before it in other terms. In brackets after a measure: "more than
# 100 km (60 miles)", "7.5m crowns (US$1.1m)", and the next one inside those brackets: "(224 kW / 300 PS)".
CONVERSION_GAP = regex.compile(r"\A\s*(?:[\p{L}°]+\.?\s*){0,3}\(\s*(?:\p{L}{1,3}\s?)?\Z")
IN_BRACKETS_GAP = regex.compile(r"\A\s*(?:[\p{L}°]+\.?\s*){0,2}[/,;]\s*\Z")
# After a change: "lost 190 points, or 0.6%", "grew by 5,000 jobs or 2 per cent".
OR_GAP = regex.compile(r"\A\s*(?:%|per\s?cent|percent|[\p{L}]+)?(?:\s+[\p{L}]+)?,?\s+or\s+\Z", regex.I)
# The same change for the next name, its verb left out: "Apple rose 3%, Microsoft 2%", "were down 2%, Ford by 1%".
GAPPED = regex.compile(r"\A\s*(?:%|per\s?cent|percent|[\p{L}]+)?(?:\s*,\s+(?:and\s+)?|\s+and\s+)(?:\p{Lu}[\p{L}&.'’-]*\s+){1,3}"
                       r"(?:by\s+)?\Z")
# The word before a figure, perhaps before "by" ("rose 5%", "fell by 2"), or the verb before its object and
# "by" ("grew sales by 35%"); LAST_WORD the word a text ends in. Each match starts a run of letters:
# the leftmost match of each pattern starts where its letters do, so the look-behind changes no match
# and spares the tries inside words, and the atomic letters the backtracking through them. Every match ends
# where the text does: each is read backwards from there (`match`), in one try where a search forwards tries
# every position. Read backwards, the optional words are tried first, as the leftmost match holds them.
VERB_OBJECT_BY = regex.compile(r"(?<!\p{L})((?>[\p{L}]+))\s+(?:(?:its|their|the|his|her|our|your)\s+)?[\p{L}]+\s+by\s*\Z",
                               regex.REVERSE)
# a verb and its object before a figure, with no "by": "hiked rates 75 bps"
VERB_OBJECT = regex.compile(r"(?<!\p{L})((?>[\p{L}]+))\s+(?:(?:its|their|the|his|her|our|your)\s+)?[\p{L}]+\s*\Z",
                            regex.REVERSE)
_DIGIT = re.compile(r"\d")
_TRAILING_LETTERS = re.compile(r"[A-Za-z]+\Z")
_UNITS_OF_CHANGE = frozenset(("percentage", "basis", "points", "point", "times"))  # read past for a direction after
_CHANGE_UNIT_FIRST = frozenset("%bBpP")  # what CHANGE_UNIT reads first after a space
_NOT_OBJECTS = FUNCTION_WORDS | PREPOSITIONS  # words that are no object of a verb
# what only a change is counted in: "75 bps", "10%", "2 percentage points"
CHANGE_UNIT = regex.compile(r"\s*(?:%|bps?\b|basis\s+points?\b|percentage\s+points?\b|per\s?cent\b|percent\b)",
                            regex.I)
WORD_BEFORE = regex.compile(r"(?<!\p{L})((?>[\p{L}]+))(?:\s+by)?\s*\Z", regex.REVERSE)
# A noun of change before "of" and the figure: "a drop of 3%", "a rise of 12 per cent", "gains of 4 points".
NOUN_OF = regex.compile(r"(?<!\p{L})((?>[\p{L}]+))\s+of\s*\Z", regex.REVERSE)
# A word after a figure's number or the word before it, past spaces and hyphens.
_NEXT_WORD = regex.compile(r"[\s-]*([\p{L}][\p{L}'’-]*)")
# What a percentage after a figure starts with (after spaces), in either case; the currency signs.
_PERCENT_FIRST = frozenset("%pP")
_SIGNS = frozenset(CURRENCY_SIGNS)
# Between a trigger before a figure and the figure: a conjunction that starts another clause, or a relative
# clause of place or time set off by a comma ("the deaths were in Sylhet, where 40 lakh people remain stranded").
# Between a trigger before a figure and the figure: a conjunction or a subordinate clause's start ("the toll is
# expected to rise as 3,000 people remain trapped"; not "killed as many as 35", "such as", "as well as").
CONJUNCTION = regex.compile(r"""\b(?:and|but|while|whereas|because|although|though|unless|until)\b|;
                                |(?<!\bsuch\s)\bas\b(?!\s+(?:many|much|few|little|high|low|long|far|well|of|part|a\s+result)\b)
                                |,\s*(?:where|whence|when|after|before|since)\b""", regex.I | regex.X)
# Between a figure and a speaker after it: the start of another clause, whose speaker is not the figure's
# (", while organisers said", ", but police say", "; the ministry said").
CLAUSE_OPENING = regex.compile(r",\s*(?:while|but|whereas|although|though)\b|;", regex.I)
# Right before a place that opens a clause as its subject: ", and Spain sent", "; Kenya reported", "while Texas".
CLAUSE_SUBJECT_BEFORE = regex.compile(r"(?:,\s*(?:and|but|while|whereas)|;|\b(?:while|whereas))\s+(?:the\s+)?\Z",
                                      regex.I)
# Right before a trigger after a figure: a conjunction that starts another predicate ("and killed 47"),
# perhaps with an adverb ("and subsequently died"). Read backwards from the trigger, in one try.
CONJUNCTION_LAST = regex.compile(r"(?:(?<![\p{L}])(?:and|but|while|whereas|then)|;)\s+(?:\p{L}+ly\s+)?\Z",
                                 regex.I | regex.REVERSE)
# Between the next figure, joined to one with a noun of its own, and that figure's own noun: "312 new cases and 4
# deaths", "1,200 cases and 40 more deaths" (not its verb: "5 soldiers and 3 civilians killed").
JOINED_NOUN_GAP = regex.compile(r"\s+(?:(?:more|new|further|other|additional|confirmed|suspected)\s+)?", regex.I)
# Between two triggers after a figure: "and" or "or" alone, joining two participles of one verb ("were shot and
# killed", "beaten or arrested")
JOINED_PARTICIPLE = regex.compile(r"\s+(?:and|or)\s+", regex.I)
# What the words tying a counted noun to its group start with: "members of the police", "were all civilians".
_SCOPE_AFTER_NOUN_STARTS = (" of ", " were ", " are ", " was ", " is ")
# Before a figure whose every member a denied verb after it concerns: "none of the 62 passengers survived".
NONE_OF = regex.compile(r"\b(?:none|not\s+one|not\s+a\s+single\s+one|neither)\s+of\s+"
                        r"(?:the|those|its|their|his|her)\s+\Z", regex.I)
_WHOLE_DETERMINERS = ("the ", "those ", "its ", "their ", "his ", "her ")  # what every match of NONE_OF ends in
# Before a figure that is the whole a part before it was taken from: "two-thirds of the 300 dead".
OF_THE = regex.compile(r"\bof\s+(?:the|those)\s+\Z", regex.I)
# Before a figure that is the whole a figure before it belongs to: "were among the 15 dead".
AMONG_THE = regex.compile(r"\bamong\s+(?:the|those|)\s*\Z", regex.I)
# Before a trigger after a figure: a preposition and up to two words, which make the trigger a place
# ("people living in makeshift camps"), not what the figure counts.
PLACE_BEFORE = regex.compile(r"(?<![\p{L}])(?:in|at|into|inside|near|outside|within)\s+"
                             r"(?:(?:the|a|an|their|its|his|her)\s+)?(?:[\p{L}-]+\s+){0,2}\Z", regex.I | regex.REVERSE)
# Any of its prepositions, found by the stdlib engine: most triggers have none before them, and this says so faster.
PLACE_WORD = re.compile(r"\b(?:in|at|into|inside|near|outside|within)\s", re.I)
# Right before a figure with a noun of its own: a preposition that makes that noun a place ("taken shelter in 743
# relief camps"), not what the verb before counts.
PLACE_PREPOSITIONS = frozenset(("in", "at", "into", "inside", "within", "across", "from"))
# Words in -ing that work as prepositions before a figure ("including 5 children", "numbering 4,000"), no verb
# whose object it is.
PREPOSITION_LIKE_PARTICIPLES = frozenset(("including", "excluding", "numbering", "according", "during", "following",
                                          "regarding", "concerning", "involving", "counting", "totalling", "totaling"))
# Between two coordinated figures, once the first one's counted noun is left out: "5 soldiers and 3", "12, 14".
# Between two figures of one change: "% on the month and ", " in May and ", "% year-on-year, and "
AND_GAP = regex.compile(r"\s*(?:%|per\s?cent|percent)?(?:\s*[\p{L}][\p{L}-]*){0,3},?\s+and\s+", regex.I)
COORDINATION_GAP = regex.compile(r"\A\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\Z", regex.I)
# After the place of a dateline: "COLOMBO -", "ANKARA (Reuters) -", "KYIV, March 3 (AP) —".
# After a figure another speaker gives: the end of its clause ("while police said 19.").
ACCOUNT_END = regex.compile(r"\s*(?:[.,;)]|\Z)")
# Between places named in one list ("Turkey and Syria", "Kabul, Herat and Kandahar"), and what such a list holds.
PLACES_LISTED = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|[-–/])", regex.I)  # "the Turkey-Syria quake"
PLACES_AND = regex.compile(r"\band\b|[&/–-]", regex.I)
EACH_OR_BOTH = regex.compile(r"\b(?:each|both|apiece)\b", regex.I)
DATELINE_CITY = regex.compile(r"\p{Lu}[\p{Lu} .'’-]*,\s*")  # "KADUNA, " before a dateline's country
DATELINE_AFTER = regex.compile(r"(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}?(?=[,(\s]))?"  # its country: "LAGOS, Nigeria (Reuters) -"
                               r"(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]\s")
# Between a figure and the place it happened in: "six in Paris", "16 people died in Almaty".
# (not past a conjunction: "3,000 died and in Syria 1,600 died" names the next clause's place)
# Between a count of those sent and where they were sent: "sent 2,000 troops to Kazakhstan", "100 soldiers into Mali".
SENT_TO = regex.compile(r"(?:\s+[\p{L}'’-]+){0,3}?\s+(?:to|into)\s+(?:the\s+)?", regex.I)
PLACE_OF_FIGURE = regex.compile(r"(?:\s+(?!(?:and|but|while|whereas)\b)[\p{L}'’-]+){0,3}?\s+"
                                r"(?:in|at|near|off|outside|across)\s+(?:the\s+)?", regex.I)
# An aside between dashes after a figure and its noun: "1.9 million Gazans - about 85% of the population - have".
DASH_ASIDE = regex.compile(r"(?:\s+[\p{L}'’-]+){0,3}?\s+(?P<aside>[-–—]\s+[^-–—.;:]{1,150}?\s+[-–—])\s+")
_DASHES_SCAN = re.compile(r" [-–—] ")
# What opens a list's item that a place names before its figure: "33 deaths, South Carolina 36 and Virginia 2".
_ITEM_OPENERS = (", ", " and ", "; ")
# A verb of being and a noun that ends the clause after a figure: "4 were soldiers", "12 were police officers and".
GROUP_PREDICATE = regex.compile(r"\s+(?:were|was|are|is)\s+(?:(?:all|mostly|also)\s+)?(?P<noun>[\p{L}-]+(?:\s+[\p{L}-]+)?)"
                                r"(?=\s*(?:[,.;:]|\Z)|\s+(?:and|while|but)\b)", regex.I)
# Between two figures whose clauses "and" joins, no mark between: "killed 4 [people] and [injured] 11".
JOINED_CLAUSES = regex.compile(r"(?:\s+[\p{L}'’-]+){0,3}?\s+and\s+(?P<after>(?:[\p{L}'’-]+\s+){0,2})", regex.I)
# A verb of a figure's own clause: a participle or past tense, or an auxiliary ("injured 11", "11 were hurt").
OWN_VERB = regex.compile(r"\b(?:\p{L}+(?:ed|en)|were|was|are|is|have|has|had|hurt|left)\b", regex.I)
# Between a passive verb and the figure that is its agent: "was shot dead by two policemen".
PASSIVE_AGENT = regex.compile(r"\s+by\s+(?:the\s+|some\s+)?")
# A figure's number, then the preposition that says where it was counted: "103 in Almaty", "nine of them in Lyon".
COUNTED_IN = regex.compile(r"\d\s+(?:[\p{L}'’-]+\s+){0,3}?(?:in|at|near)\s+(?:the\s+)?\Z")
# How far after a figure the window of time it counts over may be said: "14 deaths were recorded in the last 24 hours"
WINDOW_REACH = 60
# Right before a place, where something happened: "in Helmand", "near the northern city of Kandahar".
# (read backwards from the place: its match ends there, and a forward search would try every position before it)
LOCATED = regex.compile(r"\b(?:in|at|near|off|outside|across|inside)\s+(?:the\s+)?"
                        r"(?-i:\p{Ll}[\p{Ll}-]*\s+(?:of\s+)?){0,3}\Z", regex.I | regex.REVERSE)
# A list that leaves out the verb and noun of its first item: "Six people died in Texas, four in Oklahoma and
# one in Kansas". Between an item and the next: a few words (no figure, no clause of their own) and a comma
# or "and"; after the next: where or when it was, a capitalised name after a preposition. (The first item may be an
# aside, its comma closing it: "Most of the deaths, 1,293, were in Al Haouz, followed by 452 in Taroudant".)
LIST_GAP = regex.compile(r"(?:,(?=\s))?(?:\s+[\p{L}'’-]++){0,6}?(?:\s*,\s*(?:and\s+|followed\s+by\s+|with\s+)?|\s+and\s+)\Z", regex.I)
# A list's item named before its figure: the gap after the item before ("deaths, South Carolina "), and what ends the
# item after its figure ("South Carolina 36," "Virginia 2.").
NAMED_ITEM_GAP = regex.compile(r"(?:\s+[\p{L}'’-]++){0,3}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\Z")
# between a country that speaks and a figure, the words that make it the agent: "says it has killed", "said its
# forces had captured"
SPEAKER_AS_AGENT = regex.compile(r"\s+\p{Ll}+\s+(?:that\s+)?(?:it|its\s+[\p{L}-]+)\s+(?:(?:has|had|have|had\s+been)\s+)?"
                                 r"\p{Ll}+ed\s+(?:\p{Ll}+\s+){0,2}")
# between a list's place and its figure: "and Bihar for 31", "with Uttar Pradesh accounting for 54" (a share's words)
ITEM_LINK = re.compile(r" (?:(?P<share>accounting for|accounted for|making up|with) |for |at )")
NAMED_ITEM_END = regex.compile(r"\s*(?:[,.;]|and\b|\Z)")
ELIDED_ITEM = regex.compile(r"\s+(?:each\s+)?(?:(?:in|on|at|off|across|from)\s+(?:the\s+)?\p{Lu}"
                            r"|at\s+(?:the\s+|a\s+)?\p{Ll}[\p{L}-]+(?:\s+\p{Ll}[\p{L}-]+)?\s*(?:[,.;]|and\b))")  # "eight at the restaurant"
# After a reporting clause set as an aside, the comma that closes it and the verb of the clause it interrupts: "Twelve
# people, police said, died", "200 protesters, the ministry said, were detained".
ASIDE_THEN_VERB = regex.compile(r",\s+(?:(?:had|have|has|were|was|are|is)(?:\s+been)?\s+\p{Ll}+|\p{Ll}+ed)\b")
# What parts a figure from the whole after it: "Fourteen of the 20 injured", "240 of the 543 seats".
# Right before a trigger past a figure's noun: a preposition and a determiner, which make the trigger a noun of other
# people than the figure counts ("attended the vigil for the victims", "a memorial to the dead")
OBJECT_OF_PREPOSITION = regex.compile(r"(?<![\p{L}])(?:for|to|with|about|honou?r(?:ing)?|mourn(?:ing)?|remember(?:ing)?|commemorat(?:e|ing))\s+"
                                      r"(?:the|those|their|its|his|her)\s+\Z", regex.I | regex.REVERSE)
# Ahead of a participle after a counted noun: the clause's own verb, which makes the participle part of the noun
# phrase ("the 12 people arrested were released")
AUXILIARY_AHEAD = regex.compile(r"\b(?:were|was|are|is|have|has|had|remain|remains|remained)\b", regex.I)
# An aside after a figure's noun that names a part of what it counts, between commas: ", including the paramilitary
# Basij,", ", most of them civilians,"
INCLUDED_ASIDE = regex.compile(r",\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|mostly)\b[^,.;:]{1,80},",
                               regex.I)
# How many sentences back a pronoun that speaks ("he said") may find whom it stands for.
PRONOUN_REACH = 3
# A person's name as a speaker: capitalised words, perhaps after a title ("Ali Khan", "Mr Ward", "Tokayev").
# (not a day: "released on Monday says" names no one)
PERSON_NAME = regex.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?!(?:The|A|An|But|And|Monday|Tuesday|Wednesday|Thursday|"
                            r"Friday|Saturday|Sunday)\b)\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}")
# Right before a bare figure set against the count before it: "far more than the 76 the ministry acknowledged".
COMPARED_ACCOUNT = regex.compile(r"\b(?:more|fewer|less|higher|lower|greater)\s+than\s+the\s+\Z", regex.I)
# Right before a part that "including" names after its whole: "killed 12 people, including three children".
INCLUDED_BEFORE = regex.compile(r"\binclud(?:ing|es|e|ed)\s+(?:the\s+)?\Z", regex.I)
# The count a level reached is of, and the noun phrase that says of whom: "the number of soldiers killed", "the
# toll of dead police officers" (what LEVEL_COUNT_WORDS every match holds, in lower case).
LEVEL_SUBJECT = regex.compile(r"\b(?:number|toll|tally|count)\s+of\s+(?:the\s+)?(?:dead|killed|wounded|injured)?\s*"
                              r"(?P<noun>[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)(?=\s+(?:killed|dead|injured|wounded|arrested|"
                              r"detained|displaced|missing|has|had|have|is|was|rose|climbed|reached|stands|stood|now|"
                              r"jumped|increased|topped|passed|hit)\b)", regex.I)
LEVEL_COUNT_WORDS = ("number", "toll", "tally", "count")
# Before a whole that opens its sentence, the parts after it ("Of the 157 people on board, 149 were killed").
OPENING_WHOLE = regex.compile(r"(?:of|among)\s+(?:the|those|all)\s+", regex.I)
# Right before the earlier level a count is compared with: "rose to 57, up from 42", "up from an earlier estimate of
# 120", "compared with 120 a day earlier".
# (or "from" right after the level reached: "rose to 45 from 40", "climbed to 63 from an earlier figure of 57")
# (or the figure a correction sets aside: "the number abducted was 137, not 287 as initially reported")
EARLIER_LEVEL = regex.compile(r"\b(?:(?:(?:up|down)\s+|(?<=\bto\s+\d[\d,.]*\s+))from"
                              r"(?:\s+(?:an?|the|its)\s+(?:(?:earlier|previous|initial|first)\s+)?"
                              r"(?:estimate|figure|toll|count|tally|total)\s+of)?|compared\s+(?:with|to)"
                              r"|(?<=\d(?:\s+\p{L}+){0,3},\s+)not|(?<=\d\s+)(?:rather\s+than|instead\s+of))\s+\Z", regex.I)
# A whole that opens its sentence, its parts after it: "Of the dead, 112 were women", "Among those arrested, ".
OPENING_SHARE = regex.compile(_OPENING_SHARE, regex.I)
# Before a part that opens its sentence, the whole after it ("Including the six attackers, 33 people died").
OPENING_PART = regex.compile(r"including\s+(?:the\s+)?", regex.I)
PART_OF_NEXT = regex.compile(r"\s+of\s+(?:the|its|their|those)\s+", regex.I)
# What names the whole a part is of, its noun next: "two of the wounded", "four of those arrested".
# between a share and a figure that restates it, the share's noun: "Nearly half of the cases, 5,900, were ..."
# (a noun phrase with no verb: "Most of those killed were soldiers, 40 in all" restates no share)
SHARE_APPOSITIVE = regex.compile(r"\s+of\s+(?:the|those|all)\s+(?:(?!(?:were|was|are|is|had|have|has)\s)[\p{L}-]+\s+){0,2}?"
                                 r"(?P<noun>[\p{L}-]+),\s+", regex.I)
SHARE_OF = regex.compile(r"\s+of\s+(?:the|those)\s+", regex.I)
# The agent of a verb: its subject right before it, past auxiliaries, adverbs and a place or a day ("Police in
# Meerut have booked", "Police in the district have so far booked", "Rescuers on Monday freed"), or after it in the passive ("were freed by rescuers")
AGENT_BEFORE = (r"(?<![\p{{L}}])(?i:{agents})(?:['’]s)?\s+"
                r"(?:(?:(?i:have|has|had|also|later|then|so\s+far|\p{{L}}+ly)|(?i:on|in|at)\s+(?i:the\s+)?[\p{{L}}-]+)\s+){{0,3}}\Z")
AGENT_AFTER = r"\s+by\s+(?:the\s+)?(?:[\p{{L}}-]+\s+)?(?i:{agents})(?![\p{{L}}])"
AGENT_REACH = 60  # characters before a verb in which its agent is read
WINDOW_AFTER = 10  # words after a figure in which a trigger says what it counts
WINDOW_BEFORE = 10
WINDOW_BEFORE_LEVEL = 25  # before a level reached: "the toll from two days of violence in the north rose to nine"
FARTHEST = -max(WINDOW_AFTER, WINDOW_BEFORE_LEVEL) - 1  # the nearness of a trigger that yields to any other
OTHER = "other"


_SUM_ENDINGS = ("to ", "past ", "at ")  # the word before a sum's figure: "bringing the toll to 55"


class _Typing(NamedTuple):
    """What a figure counts and how it stands to the figures around it."""

    quantity: str
    stated_part: bool  # said to be a part of a whole: "including 12 children", "14 of them", a breakdown's item
    rest_of_whole: bool  # the rest of a whole it is joined to: "14 Australians and seven others"
    part_before: bool  # a part by the words before it: "including", "of whom"
    lists_next: bool  # followed by the next item of a breakdown that leaves out what its items count
    part_of_sum: bool = False  # a part of a whole it names no group of: "six died, bringing the toll to 55",
    # "two of the wounded died"
    restates: bool = False  # another account of the figure before it: "the ministry put the figure at 850"
    earlier_level: bool = False  # the earlier level the count before it is compared with: "57, up from 42"


class _PeopleWords:
    """The nouns that count people, as `word in people_words` asks: the rules' list, and the words that end as nouns
    of people do (scopes.toml people_suffixes: "partygoers", "co-workers", "physicians")."""

    __slots__ = ("words", "suffixes", "shortest")

    def __init__(self, words: frozenset[str], suffixes: Sequence[str]):
        self.words, self.suffixes = words, tuple(suffixes)
        self.shortest = min(map(len, self.suffixes), default=0) + 2  # ("goers" alone is no noun)

    def __contains__(self, word: str) -> bool:
        return word in self.words or bool(self.suffixes) and len(word) >= self.shortest and word.endswith(self.suffixes)


class _Candidate(NamedTuple):
    """A quantity a trigger offers a figure, ordered as the choice among them goes: a trigger in the figure's own
    clause first, then of higher priority, then nearer, then after the figure before one before it."""

    own: bool
    priority: int
    nearness: int  # minus the distance in words
    after: int  # 1 after the figure, 0 before it (or shared with the figure before)
    quantity: str
    at: int | None  # where the trigger is; None for a type shared with the figure before


def _phrase_pattern(phrases) -> regex.Pattern:
    phrases = [p.lower() for p in phrases]
    # Where every phrase starts with a letter, a word boundary says the same as the look-behind
    # alone, and lets the engine skip from word to word: twice as fast.
    start = r"\b(?<!-)" if all(regex.match(r"\w", p) for p in phrases) else r"(?<![\w-])"
    return regex.compile(rf"{start}{alternation(phrases)}(?![\w-])", regex.I)


class Reading(NamedTuple):
    """What Extractor.read finds in one article."""

    claims: list[Claim]
    places: list[PlaceMention]   # every place its text names
    document: Document


class Extractor:
    """Finds every figure of an article and types it with the rules."""

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.grammar = NumberGrammar(rules)
        self.gazetteer = Gazetteer.from_rules(rules.places)
        self.quantity_of_word: dict[str, list[str]] = {}
        for quantity in rules.quantities:
            # (a word before a topic word, with it: "hospitalised with cholera" is an outbreak's case, not a wound)
            topical = [f"{word} {topic}" for word in quantity.words_before_topic for topic in quantity.topic_words]
            for word in (*quantity.words, *quantity.group_words_after, *topical):
                self.quantity_of_word.setdefault(_normal(word), []).append(quantity.name)
        # the triggers: those words and the words that type a quantity where its agent does it ("Police held 50"),
        # which are no vocabulary of ours where no agent is named ("12 are still being held" has its own verb)
        self.trigger_quantities = {word: list(quantities) for word, quantities in self.quantity_of_word.items()}
        for quantity in rules.quantities:
            for word in quantity.agent_words:
                self.trigger_quantities.setdefault(_normal(word), []).append(quantity.name)
        # words that type a figure after them only where it counts one of the quantity's groups ("150 police officers
        # were sent", not "12 people were sent to hospital")
        self.group_words_after = {(_normal(word), q.name): frozenset(q.groups) for q in rules.quantities
                                  for word in q.group_words_after}
        self.priority = {q.name: q.priority for q in rules.quantities}
        # by quantity: those that end it, whose words in a figure's clause outrank its own ("rescued 12 people trapped")
        self.ended_by: dict[str, frozenset[str]] = {}
        for quantity in rules.quantities:
            for ended in quantity.ends:
                self.ended_by[ended] = self.ended_by.get(ended, frozenset()) | {quantity.name}
        self.trigger_pattern = _phrase_pattern(self.trigger_quantities)
        # by word: the quantities it types only where one of their agents does it ("Police booked 35 people", not "a
        # hotel booked 40 guests"), each with where its agent stands (before the verb, or after it: "freed by rescuers")
        self.agent_readings: dict[str, list[tuple[str, regex.Pattern, regex.Pattern]]] = {}
        for quantity in rules.quantities:
            if quantity.agent_words:
                agents = alternation(_agent_nouns(quantity, rules.scopes))
                for word in quantity.agent_words:
                    self.agent_readings.setdefault(_normal(word), []).append(
                        (quantity.name, version1(AGENT_BEFORE.format(agents=agents), regex.REVERSE),
                         version1(AGENT_AFTER.format(agents=agents))))
        # Where a trigger may start, in folded text: most windows around a figure hold none, and this scan
        # says so faster than the trigger pattern's (whose tries at words also need the words read first).
        self.trigger_starts = folded_word_starts(self.trigger_quantities)
        self.scope_of_word = {_normal(w): s.name for s in rules.scopes for w in s.words}
        self.scope_pattern = _phrase_pattern(self.scope_of_word)
        # The words of a narrower scope that end in a wider one's word, by that word in the singular ("police
        # officers" and "officers"): the bare word stands for the compound the article named before it ("Police
        # officers clashed with the crowd ... 50 officers were hurt", "a police officer was shot ... three officers":
        # police)
        compounds: dict[str, list[str]] = {}
        for word, scope in self.scope_of_word.items():
            head = word.split()[-1]
            if " " in word and self.scope_of_word.get(head, scope) != scope:
                compounds.setdefault(head.removesuffix("s"), []).append(word)
        self.compounds_of_head = {head: _phrase_pattern(words) for head, words in compounds.items()}
        self.people_words = _PeopleWords(frozenset(_normal(w) for w in rules.people_words), rules.people_suffixes)
        # "none of the 62 passengers survived": words of survival, denied, say what the figure counts
        self.quantity_of_negated = {_normal(w): q.name for q in rules.quantities for w in q.negated_words}
        self.negated_pattern = _phrase_pattern(self.quantity_of_negated) if self.quantity_of_negated else None
        # "the brigade lost 14 soldiers": a word that types a count only of some groups, right before it
        self.group_words: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for quantity in rules.quantities:
            for word in quantity.group_words:
                self.group_words.setdefault(_normal(word), []).append((quantity.name, frozenset(quantity.groups)))
        self.scope_within = {s.name: s.within for s in rules.scopes}
        self.scope_root = rules.scope_root
        self.excluded_groups = {q.name: frozenset(q.excluded_groups) for q in rules.quantities if q.excluded_groups}
        # quantities whose words type only a figure before them, each with the few that type one after them
        self.after_only = {q.name: frozenset(q.words_before_figure) for q in rules.quantities if q.after_only}
        # (and the words that type only a figure after them: "still searching for 8 people", not "32,000 people
        # searching for work")
        self.before_only = {q.name: frozenset(q.only_before_figure) for q in rules.quantities if q.only_before_figure}
        self.lower_bound_units = {q.name: frozenset(q.lower_bound_units) for q in rules.quantities if q.lower_bound_units}
        # by counted noun: the quantities it counts in an article about them, each with the words that say so
        self.topic_nouns: dict[str, list[tuple[str, regex.Pattern]]] = {}
        for quantity in rules.quantities:
            if quantity.topic_nouns:
                about = regex.compile(rf"\b(?:{alternation(quantity.topic_words)})\b", regex.I)
                for noun in quantity.topic_nouns:
                    self.topic_nouns.setdefault(_normal(noun), []).append((quantity.name, about))
        self.group_word_endings = tuple(f"{word} " for word in self.group_words)  # what the text before ends in
        # "sentenced 12 men to death": words right before a figure after which it counts none of a quantity
        self.not_after: dict[str, set[str]] = {}
        for quantity in rules.quantities:
            for word in quantity.not_after:
                self.not_after.setdefault(_normal(word), set()).add(quantity.name)
        self.not_after_endings = tuple(f"{word} " for word in self.not_after)
        total_words = rules.numbers.get("total_words", ())
        # what every total phrase after a figure starts with: a space (or a comma and a space) and its first letter
        self.total_starts = tuple({f"{gap}{w[0]}" for w in total_words for gap in (" ", ", ")})
        self.total_after = regex.compile(rf",?\s+{alternation(total_words)}\b", regex.I)
        # "were all civilians": only a group said of all of them ("most of those killed were soldiers, 40 in
        # all" counts more than soldiers)
        self.group_named = regex.compile(rf"\b(?:were|are)\s+all\s+({self.scope_pattern.pattern})", regex.I)
        count_words = rules.numbers.get("count_words_after_noun", ())
        self.count_word_endings = tuple(f"{word} " for word in count_words)
        self.noun_before_count_word = regex.compile(
            rf"(?<![\p{{L}}])(\p{{L}}+)\s+{alternation(count_words)}\s+\Z",
            regex.I | regex.REVERSE) if count_words else None
        # The group a whole figure counts: "16 dead among the security forces", "24 people, all of them civilians".
        # "including police officers", "among them children", "most of them women" name a part, not the whole.
        self.among_pattern = regex.compile(
            rf"\b(?:among|amongst|all\s+of\s+them|all\s+of\s+whom)\s+(?:the\s+)?({self.scope_pattern.pattern})",
            regex.I)
        self.scope_after_noun = regex.compile(
            rf"\s+(?:of\s+(?:(?:the|its|their)\s+)?|(?:were|are|was|is)\s+(?:all\s+)?)({self.scope_pattern.pattern})",
            regex.I)
        # (a reported clause may open with a number word: "Hospital sources said three people were injured")
        self.source_pattern = _source_pattern(rules.sources, self.grammar.word_starters,
                                              rules.places.get("kind_nouns", ()))
        self.source_starts = _source_starts(rules.sources)
        # a pronoun that speaks, and the common nouns that are no person's name ("Police said")
        self.pronoun_speaker = regex.compile(
            rf"\b((?i:it|they|he|she))\s+(?:(?:{alternation(rules.sources.get('between_speaker_and_verb', ()))})\s+)?"
            rf"(?:{alternation(rules.sources['verbs'])}|{alternation(rules.sources.get('addressing_verbs', ()))})\b")
        self.common_speakers = frozenset(word.lower() for word in rules.sources["common"])
        self.source_before_verb_starts = _source_before_verb_starts(rules.sources["common"])
        # where source_starts may match, in folded text: a scan for its verbs and markers, confirmed by it
        self.source_start_scan = folded_word_starts(
            [*rules.sources["verbs"], *rules.sources.get("addressing_verbs", ()), *rules.sources.get("agent_verbs", ()),
             *rules.sources["markers"]])
        self.rises = frozenset(rules.numbers["rises"])
        self.unit_words = frozenset(rules.units["surfaces"])
        self.phrase_stops = frozenset(rules.numbers["phrase_stops"])
        self.irregular_participles = frozenset(rules.numbers.get("irregular_participles", ()))
        # after a counted noun, a participle that ends it: "the 19 people killed were all foreigners", "the 14
        # people taken were all foreigners"
        irregular = alternation(self.irregular_participles) if self.irregular_participles else "(?!)"
        self.participle_after = regex.compile(rf"\s+(?:\p{{L}}+ed|{irregular})(?=\s)", regex.I)
        # "14 of them Australians", "six of whom", "eight of those killed were children", "12 of those held were
        # minors": a part of a group named before, and the noun that says who
        self.of_them = regex.compile(rf"\s+of\s+(?:them|whom|those(?:\s+(?:\p{{Ll}}+ed|{irregular}))?)\b"
                                     r"(?:,?\s+(?:were\s+|are\s+)?(?P<noun>\p{Lu}\p{L}+|\p{Ll}+)\b)?")
        # plural nouns without an s ("staff", "police"), which end a counted noun's phrase as an -s plural does
        self.plurals_without_s = frozenset(rules.numbers.get("plurals_without_s", ()))
        # the words a counted noun stops before, in one set: one look-up a word where there were four
        self.noun_stops = FUNCTION_WORDS | AUXILIARIES | PREPOSITIONS | self.phrase_stops
        self.unit_symbols = frozenset(rules.units["symbols"]) | frozenset(rules.numbers["glued_units"])
        self.falls = frozenset(rules.numbers["falls"])
        self.change_words = self.rises | self.falls
        self.particle_verbs = frozenset(rules.numbers.get("particle_verbs", ()))
        self.gathering_verbs = frozenset(rules.numbers.get("gathering_verbs", ()))
        self.comparatives = frozenset(rules.numbers.get("comparatives", ()))
        self.durations = frozenset(rules.numbers.get("durations", ()))
        moved = alternation([*rules.numbers["rises"], *rules.numbers["falls"]])
        levels = rules.numbers.get("level_verbs", ())
        # right before a figure: the level a count reached, whose noun may stand further back (and past how far it
        # moved: "has risen by 14 to 57")
        self.level_endings = tuple({f"{word.split()[-1].lower()} " for word in [*levels, "to"]})
        self.level_reached = version1(rf"(?<![\p{{L}}])(?:(?:{moved})\s+(?:by\s+\d[\d,.]*\s+)?to|{alternation(levels)})\s+\Z",
                                      regex.I | regex.REVERSE) if levels else None
        # and a verb of moving right before a bound, or in it: "the toll rose above 2,000", "has climbed past 300"
        # (verbs only: "more than 500" is no move)
        moving = alternation([w for w in [*rules.numbers["rises"], *rules.numbers["falls"]] if w not in self.comparatives])
        self.moved_past = version1(rf"(?<![\p{{L}}])(?:{moving})\s+\Z", regex.I | regex.REVERSE)
        self.moving_bound = version1(rf"(?:{moving})\s", regex.I)
        # after a figure: a clause that says who reported it ("nine, a police official said, as the army ..."):
        # the words after it are another clause's
        reporting = alternation([*rules.sources["verbs"], *rules.sources.get("addressing_verbs", ())])
        self.reporting_clause = version1(rf",\s+(?:[\p{{L}}.'’-]+\s+){{0,5}}(?:{reporting})\b")
        # after a figure, in a few words: those of a count still in a state ("10 people remain in hospital", "three in
        # critical condition"), a part of all who were ever in it
        still = rules.numbers.get("still_phrases", ())
        self.still_after = version1(rf"(?:[\s,]+[\p{{L}}'’-]+){{0,3}}?\s+(?:{alternation(still)})\b", regex.I) \
            if still else None
        self.still_last_words = tuple({phrase.split()[-1].lower() for phrase in still})  # what each match ends with
        # in a figure's clause: a rate, no count of one event ("40,000 die each year"; not "a year ago")
        rates = rules.numbers.get("rate_phrases", ())
        # (not "in a week", "within a day", "once a year": a span; not "a year ago", "a day after": a time)
        self.rate = version1(rf"(?<![\p{{L}}])(?<!\b(?:in|within|for|over|than|of|once|twice|about|after|under|inside)\s)"
                             rf"(?:{alternation(rates)})(?![\p{{L}}])"
                             r"(?!\s+(?:ago|earlier|later|before|after|of|since|on|from|when|or|and)\b)", regex.I) \
            if rates else None
        # Where a rate phrase may end, in folded text: its last word, after no letter (a space, or nothing but the
        # phrase's own start). Most figures have none near, which this scan tells faster than the pattern's search.
        rate_ends = sorted({phrase.split()[-1].lower() for phrase in rates})
        self.rate_end_scan = re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, rate_ends))})") \
            if rates and all(word.isascii() for word in rate_ends) else None
        # around a figure: an increment of a count said elsewhere ("another 12", "Five more people died")
        before, after = rules.numbers.get("increment_before", ()), rules.numbers.get("increment_after", ())
        self.increment_before = version1(rf"(?<![\p{{L}}])(?:{alternation(before)})\s+\Z", regex.I | regex.REVERSE) \
            if before else None
        self.increment_after = version1(rf"\s+(?:{alternation(after)})\b(?!\s+than\b)") if after else None
        self.increment_endings = tuple({f"{word.split()[-1].lower()} " for word in before})  # what the text before ends in
        windows, time_units = rules.numbers.get("window_words", ()), rules.numbers.get("window_units", ())
        # ("24 hours" is a figure of its own, and "three days" may be: the window's count is read as words here)
        self.window = regex.compile(rf"\b(?:{alternation(windows)})\s+(?:[\p{{L}}\d-]+\s+)?"
                                    rf"(?:{alternation(time_units)})\b", regex.I) if windows and time_units else None
        # (asked only where a window's last word is written, " past ", " last ": most figures have none near them;
        # and at a sentence's start only where it opens as one does)
        self.window_words = tuple({f" {w.split()[-1].lower()} " for w in windows})
        self.window_openings = tuple({w.split()[0].lower() + " " for w in windows})
        shares = rules.numbers.get("share_words", ())  # "Most of the dead, 212, were in Sindh"
        self.opening_share_words = regex.compile(rf"(?:{alternation(shares)}){SHARE_APPOSITIVE.pattern}", regex.I) \
            if shares else None
        rest = rules.numbers.get("rest_before", ())  # "the last two", "the remaining 12"
        self.rest_before = version1(rf"(?<![\p{{L}}])(?:{alternation(rest)})\s+\Z", regex.I | regex.REVERSE) \
            if rest else None
        # right before a figure: another account of the figure said before it ("put the figure at 850")
        verbs, nouns = rules.numbers.get("restating_verbs", ()), rules.numbers.get("figure_nouns", ())
        # (or corrected: "later revised it to 14", "revised the figure to 25")
        # (the noun perhaps owned: "put the army's losses at", "put Russian losses at")
        self.restating = version1(rf"(?<![\p{{L}}])(?:{alternation(verbs)})\s+(?:(?:(?:the|that|this|its|their|his|her)\s+"
                                  rf"(?:[\p{{L}}-]+['’]s\s+)?|[\p{{L}}-]+['’]s\s+|\p{{Lu}}[\p{{L}}-]+\s+)"
                                  rf"(?:{alternation(nouns)})|it)\s+(?:at|to)\s+\Z", regex.I | regex.REVERSE) \
            if verbs and nouns else None
        # right before a figure's number: a count to come ("the toll could exceed 1,000", "is expected to rise to 50")
        may, reaching = rules.numbers.get("projection_words", ()), rules.numbers.get("projection_verbs", ())
        self.projection = version1(rf"(?<![\p{{L}}])(?:{alternation(may)})\s+(?:\p{{L}}+ly\s+)?(?:{alternation(reaching)})"
                                   rf"(?![\p{{L}}])(?:\s+[\p{{L}}-]+){{0,3}}\s+\Z", regex.I | regex.REVERSE) \
            if may and reaching else None
        # the first words of its words of what may be: most figures follow none
        self.projection_starts = tuple({f"{w.split()[0].lower()} " for w in may})
        # right before a figure: the level a count named before it is put at ("put the number of foreigners killed
        # at 15"), whose noun phrase names the group it counts
        self.level_put = version1(rf"(?<![\p{{L}}])(?:{alternation(verbs)})\s+(?:the\s+)?(?:{'|'.join(LEVEL_COUNT_WORDS)})"
                                  rf"\s+of\s+(?:[\p{{L}}-]+\s+){{1,4}}at\s+\Z", regex.I | regex.REVERSE) if verbs else None
        # a bare figure that another speaker gives in a clause of its own: "the hospital put the toll at 27, while
        # police said 19"
        speech = rules.numbers.get("account_verbs", ())
        self.account_said = version1(rf"(?:\b(?:while|but|whereas|although|though|and)|[;,])\s+(?:[\p{{L}}'’.-]+\s+){{1,4}}"
                                     rf"(?:{alternation(speech)})\s+\Z", regex.I | regex.REVERSE) if speech else None
        # between a figure and the next: the sum the first adds to ("six died, bringing the state's toll to 55")
        summing = rules.numbers.get("sum_verbs", ())
        # right before a figure: the sum a count was brought to, its noun perhaps far before ("brings the death toll
        # of 15 months of the uprising to 1,121")
        self.sum_level = version1(rf"(?<![\p{{L}}])(?:{alternation(summing)})\s+(?:the|its|their|this|[\p{{L}}]+['’]s)\s+"
                                  rf"(?:[^\s.;:]+\s+){{0,3}}?(?:{'|'.join(LEVEL_COUNT_WORDS)})\b"
                                  rf"(?:\s+[^\s.;:]+){{0,16}}?\s+to\s+\Z",
                                  regex.I | regex.REVERSE) if summing else None
        self.sum_after = version1(rf",\s+(?:{alternation(summing)})\s+(?:the|its|their|this|[\p{{L}}]+['’]s)\s+"
                                  rf"(?:[^\s,;:.]+\s+){{0,10}}?(?:to|past|at)\s+\Z", regex.I) if summing else None
        # before a place: words that make it a point of reference ("20 km south of Kabul", "outside Kabul")
        self.reference_point = _reference_point_pattern(rules.places)
        # the first words of its words of direction and of outside, of which every match holds one: most places
        # follow none
        self.reference_words = tuple({w.lower().split()[0] for w in (*rules.places.get("reference_words", ()),
                                                                     *rules.places.get("outside_words", ()))})
        self.place_words = _place_words(rules.places, self.irregular_participles)
        self.carried = frozenset(rules.places.get("destination_quantities", ()))
        self.sent = frozenset(rules.places.get("sent_to_quantities", ()))
        # after a place: a hyphen and a word that make it an attribute ("a UK-based monitor", "Saudi-led")
        suffixes = rules.places.get("attribute_suffixes", ())
        self.attribute_place = version1(rf"[{_ATTRIBUTE_DASHES}](?i:{alternation(suffixes)})(?![\p{{L}}])") \
            if suffixes else None
        # after a country: a noun of an armed force that makes it the attacker's ("Israeli strikes killed 24")
        attackers = rules.places.get("attacker_nouns", ())
        self.attacker_place = version1(rf"(?:['’]s)?\s+(?i:{alternation(attackers)})(?![\p{{L}}])") \
            if attackers else None
        # after a place: the capitalised noun of a facility named after it ("Riverside Park", "Victoria Station")
        facilities = rules.places.get("facility_nouns", ())
        self.facility_after = re.compile(rf" (?:{alternation(facilities)})\b") if facilities else None
        # around a figure: words that make it an earlier report ("had earlier confirmed", "initial reports said")
        self.earlier_report = _earlier_report_pattern(rules.sources)
        # the first words of its earlier words and adjectives, of which every match holds one: most figures have none near
        self.earlier_report_words = tuple({w.lower().split()[0] for w in (*rules.sources.get("earlier_words", ()),
                                                                         *rules.sources.get("earlier_adjectives", ()))})
        # What depends on a unit or a word alone, worked out once: news text repeats its counted nouns.
        self._typed_units: dict[str, bool] = {}
        self._unit_scopes: dict[str, str | None] = {}
        self._noun_like_words: dict[str, bool] = {}
        # the speakers of a sentence, by its words: an archive prints a wire's sentences again and again
        self._speakers_of_words: dict[str, tuple[tuple[int, int, str, int, int], ...]] = {}
        # the triggers of a window of words, by its words, reach and side
        self._triggers_of_windows: dict[tuple[str, int, bool], tuple[tuple, ...]] = {}

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article, in text order."""
        return self.read(article).claims

    def read(self, article: Article, mentions: list[NumberMention] | None = None,
             named: list[PlaceMention] | None = None) -> Reading:
        """The claims of one article, with what reading them found that the article's sketch needs too: the
        places its whole text names (`gazetteer.find(article.text)`, page furniture included) and its Document
        (its paragraphs, and the sentences of those with a figure, split once). `mentions` and `named`, where
        given, are what `grammar.find` and `gazetteer.find` give of its text (found for a batch, a step at a
        time: api.extract_articles)."""
        document = Document(article.text)
        mentions = self.grammar.find(article.text) if mentions is None else mentions
        named = self.gazetteer.find(article.text) if named is None else named
        places = named
        if article.furniture:  # most articles have none to leave out
            mentions = [m for m in mentions if not _in_spans(m.start, article.furniture)]
            places = [p for p in places if not _in_spans(p.start, article.furniture)]
        places = self.gazetteer.in_context(places)  # "floods in Spain ... in Valencia": Spain's Valencia
        if self.attribute_place is not None and places:
            # the pattern only where a dash follows the place: most places are followed by a space or a mark
            places = [p for p in places if article.text[p.end:p.end + 1] not in _ATTRIBUTE_DASHES
                      or not self.attribute_place.match(article.text, p.end)]
        if self.attacker_place is not None and places:
            places = [p for p in places if p.country != p.name or not self.attacker_place.match(article.text, p.end)]
        if self.facility_after is not None and places:
            # (only where a space and a capital follow the place: most are followed by a mark or a lower-case word)
            places = [p for p in places if not article.text[p.end + 1:p.end + 2].isupper()
                      or not self.facility_after.match(article.text, p.end)]
        if self.reference_point is not None and places:
            places = [p for p in map(self._beyond_reference, places, itertools.repeat(article.text)) if p]
        main_place = _main_place(places, self.gazetteer, article.text)
        context = _ArticleContext(article, document, mentions, places, main_place)
        self._find_speakers(context, dict.fromkeys(document.sentence_at(m.start) for m in mentions))
        claims = [self._claim(context, mention) for mention in mentions]
        numbered = context.numbered_names()
        if numbered:  # "France 24 said": the number is the speaker's name's, no figure
            claims = [claim for claim, mention in zip(claims, mentions) if not _in_spans(mention.start, numbered)]
        return Reading(_superseded(claims, context.reported_earlier) if context.reported_earlier else claims,
                       named, document)

    def _claim(self, context: "_ArticleContext", mention: NumberMention) -> Claim:
        """The claim of one figure, read in its sentence beside the figures before it (which leave in the context
        what the figures after them need: a type shared, a breakdown's scope, a unit and a direction)."""
        article, original = context.article, mention
        sentence = context.document.sentence_at(mention.start)
        previous_end, next_start = context.neighbours(mention, sentence, self.durations)
        unit, noun_before = self._unit(article.text, mention, sentence, next_start)
        speakers = self._sentence_speakers(context, sentence)
        typing = self._typing(context, mention, sentence, previous_end, next_start, unit, noun_before, speakers)
        mention, restated = self._as_compared(context, mention, sentence, unit, typing.quantity)
        direction = self._direction_in_context(context, original, mention, sentence, unit, restated)
        if direction is not None and typing.quantity != OTHER and unit \
                and self._group_word_before(article.text, original, unit) == typing.quantity:
            direction = None  # "the army lost four soldiers": its verb says they died, not that a count fell
        context.units[id(original)], context.directions[id(original)] = unit, direction
        if typing.stated_part and not typing.part_of_sum and typing.quantity != OTHER:
            # (an item of a breakdown, "417 of them": where it was counted is the part's alone; not a share or an
            # increment, "one of the best sailors was killed in Brazil", "four more died in Buenos Aires", whose
            # place may be the event's)
            context.parts.add(id(original))
        scope = self._claim_scope(context, original, sentence, unit, typing)
        if typing.quantity != OTHER and not typing.stated_part:
            context.last_account = (typing.quantity, scope)
        if typing.lists_next:  # "120 protesters in Minsk and 40 in Grodno": the next item counts protesters too
            context.listed[id(context.following(original))] = scope
        line, column = context.document.line_column(mention.start)
        # (before the place: a speaker's name is no place of it; with the sentence's next figure, if any, which
        # another clause's speaker may give)
        source = _source(speakers, mention, article.text, next_start if next_start < sentence.end else None)
        if source is None and not speakers:
            source = self._pronoun_source(context, sentence)  # "Some 40 officers were injured, it said"
        if typing.quantity != OTHER and (typing.earlier_level
                                         or self._reported_earlier(article.text, previous_end, original, next_start)):
            context.reported_earlier.add(f"{article.id}:{line}:{column}")
        return new_claim(
            id=f"{article.id}:{line}:{column}", article=article.id, text=article.text[mention.start:mention.end],
            value=mention.value, low=mention.low, high=mention.high, qualifier=mention.qualifier, unit=unit,
            direction=direction,
            quantity=typing.quantity, scope=scope,
            source=source, place=context.place_for(original, sentence, self.gazetteer, self.place_words,
                                                   typing.quantity != OTHER, typing.quantity in self.carried,
                                                   typing.quantity in self.sent),
            sentence=article.text[sentence.start:sentence.end],
            line=line, column=column, start=mention.start, end=mention.end, reading=mention.reading,
            stated_part=typing.stated_part,
            published=article.published, projection=self._projected(article.text, mention, sentence),
        )

    def _projected(self, text: str, mention: NumberMention, sentence: Span) -> bool:
        """Whether the words right before the figure's number give it as a count to come: "the toll could exceed
        1,000", "is expected to rise to at least 50" (not "up to 300 people may have died")."""
        if self.projection is None:
            return False
        lead = text[max(sentence.start, mention.number_start - 60):mention.number_start].lower()
        return any(map(lead.__contains__, self.projection_starts)) \
            and self.projection.search(text, max(sentence.start, mention.number_start - 60),
                                       mention.number_start) is not None

    def _beyond_reference(self, place: PlaceMention, text: str) -> PlaceMention | None:
        """The place a figure near a point of reference is in: the country round it ("struck south of Marrakech":
        Morocco); a country, kept as the nearest known ("north of the Indian capital"); none where the point lies
        in no known country; else the place itself."""
        if place.country == place.name:
            return place
        lead = folded(text[max(0, place.start - 40):place.start])
        if not any(map(lead.__contains__, self.reference_words)) \
                or not self.reference_point.search(text, max(0, place.start - 40), place.start):
            return place
        return place._replace(name=place.country) if place.country is not None else None

    def _reported_earlier(self, text: str, previous_end: int, mention: NumberMention, next_start: int) -> bool:
        """Whether the words between the figure before and this one give it as an earlier report ("police had
        earlier said 12", "an earlier toll of 42"), or a verb of saying after it does ("30 died, police said
        earlier"; not "57, up from an earlier toll of 42": that toll is the next figure's)."""
        if self.earlier_report is None:
            return False
        words = folded(text[previous_end:max(mention.start, next_start)])
        if not any(map(words.__contains__, self.earlier_report_words)):
            return False
        before, after = self.earlier_report
        return before.search(text, previous_end, mention.start) is not None \
            or after is not None and after.search(text, mention.end, next_start) is not None

    def _unit(self, text: str, mention: NumberMention, sentence: Span, next_start: int) -> tuple[str, str]:
        """The figure's unit or counted noun, and the noun before it where that one says it ("Troops numbering
        4,000": a figure with no noun after it), else ''."""
        unit = mention.unit or self._counted_noun(text, mention.end, next_start)
        if " " in unit and next_start < sentence.end and not mention.unit:
            unit = self._subject_noun(text, mention, unit, next_start)
        # "Protesters numbering about 600 marched": a past tense after the figure is its verb, not its noun
        verb_read_as_noun = bool(unit) and not mention.unit and " " not in unit and self._participle(unit.lower())
        noun_before = self._noun_counted_before(text, mention.start, sentence.start) \
            if (not unit or verb_read_as_noun) and text.endswith(self.count_word_endings, 0, mention.start) else ""
        return noun_before or unit, noun_before

    def _item_start(self, text: str, mention: NumberMention, next_start: int) -> int:
        """Where the next item of a breakdown starts: before the words that add it to the one before ("20,000
        marched in Athens and a further 5,000 in Thessaloniki"), else at its figure."""
        if not text.endswith(self.increment_endings, 0, next_start):
            return next_start
        increment = self.increment_before.match(text, max(mention.end, next_start - 20), next_start)
        return increment.start() if increment else next_start

    def _subject_noun(self, text: str, mention: NumberMention, unit: str, next_start: int) -> str:
        """A counted noun without the verb that takes the next figure as its object: "One bomb killed 30 people",
        "a magnitude 7.8 quake injured 40" (a past tense after a noun with no plural's -s is read into the phrase,
        as "one soldier killed" is)."""
        noun, _, verb = unit.rpartition(" ")
        if self._participle(verb.lower()) and text[mention.end:next_start].rstrip().endswith(verb):
            return noun
        return unit

    def _typing(self, context: "_ArticleContext", mention: NumberMention, sentence: Span, previous_end: int,
                next_start: int, unit: str, noun_before: str, speakers: list) -> "_Typing":
        """What the figure counts and how it stands to the figures around it (`speakers`: the sentence's, as
        _sentence_speakers gives them). Tells the context what the next
        figure, joined to this one, counts, and the quantity this sentence's parts count."""
        text = context.article.text
        shared = context.shared.get(id(mention))  # the quantity of the figure before, joined to this one
        if shared is not None and id(mention) in context.shared_by_noun and unit \
                and self._quantity_of_noun(unit) not in (OTHER, shared) \
                and _remembered(self._unit_scopes, unit, self._scope_of_unit) is None:
            # "pulled out 6 bodies and 17 survivors": where a noun, no verb, says what the first counts, a noun
            # that says what befell the next says its own (but "6 bodies and 17 soldiers": soldiers say who)
            shared = None
        # "Six people died in Texas, four in Oklahoma": each item of a breakdown is a part of a whole said elsewhere
        lists_next = next_start < sentence.end and _lists_next(text, mention.end, self._item_start(text, mention, next_start),
                                                               context.following(mention), context.names_item)
        # "Of the 157 people on board, 149 were killed": a whole that opens its sentence, whose parts' verb follows
        opening_whole = previous_end <= sentence.start and OPENING_WHOLE.fullmatch(text, sentence.start, mention.start)
        # "Including the six attackers, 33 people died": a part that opens its sentence, before its whole
        opening_part = previous_end <= sentence.start and OPENING_PART.fullmatch(text, sentence.start, mention.start)
        # (not to a next figure that opens a clause of its own: "rescued 14 people and 3 remain unaccounted for")
        joined = lists_next or bool(unit) and next_start < sentence.end and not opening_whole and not opening_part \
            and _joined(text[mention.end:next_start], unit) and not _opens_clause(text, context.following(mention))
        # "Eight members of one family were killed": the next figure is in this one's noun phrase, which the verb
        # after it ends
        complemented = bool(unit) and next_start < sentence.end and _complement_gap(text[mention.end:next_start], unit)
        # a figure joined to the next, or with the next in its noun phrase, reads its verb past the next one's words:
        # "Three US troops and five members of the Afghan opposition were killed"
        reads_past_next = joined or complemented or bool(opening_part)
        reach = WINDOW_AFTER + len(text[mention.end:context.following(mention).end].split()) if reads_past_next \
            else WINDOW_AFTER
        # "Three of the 40 wounded soldiers died": the whole's type is its noun's, the verb after it the part's
        whole_of_part = previous_end > sentence.start and PART_OF_NEXT.fullmatch(text, previous_end, mention.start)
        trigger_end = self._whole_noun_end(text, mention.end, unit, sentence.end) if whole_of_part \
            else next_start if opening_whole else _trigger_end(text, mention.end, next_start, sentence, reads_past_next)
        # "50 members of the security forces, including the paramilitary Basij, had been killed": the verb is read
        # past an aside that names a part
        aside = INCLUDED_ASIDE.search(text, mention.end, min(trigger_end, mention.end + 200)) \
            if text.find(", ", mention.end, trigger_end) >= 0 else None
        reach += len(aside.group().split()) if aside else 0
        if trigger_end == next_start < sentence.end and _DASHES_SCAN.search(text, mention.end, next_start):
            # "Around 1.9 million Gazans - about 85% of the population - have been displaced": the verb is read past
            # an aside between dashes, and past the figures in it
            past = self._past_dash_aside(context, mention, next_start, sentence)
            if past is not None:
                trigger_end, reach = past[0], reach + past[1]
        complement = id(mention) in context.complements
        words_start = self._count_words_start(context, mention, previous_end, sentence, unit)
        following = context.following(mention) if joined else None
        # "Survivors told aid workers that 100 children were in the hold": who says it is not what it counts
        saying = [(start, end) for *_, start, end in speakers if end <= mention.start] if speakers else ()
        figure_after = next_start if next_start < sentence.end else None
        quantity = OTHER if complement else self._quantity(text, mention, unit, words_start, trigger_end, shared,
                                                           reach, sentence.end, following.end if following else None,
                                                           saying, figure_after)
        if quantity == OTHER and not complement and unit in self.topic_nouns:
            quantity = context.topic_quantity(self.topic_nouns[unit])  # "24,000 cases" in a story of an outbreak
        # "Nearly half of the cases, 5,900, were in the capital": a figure that restates a share, a part of its whole
        restated_share = self._restated_share(context, mention, previous_end, sentence) \
            if not unit and text.endswith(", ", 0, mention.start) else None
        if quantity == OTHER and restated_share is not None:
            quantity = self._quantity_of_share_noun(context, restated_share)
        opening_end = _opening_share_end(text, mention, sentence) if quantity != OTHER else None
        if opening_end is not None and words_start < opening_end:
            # "Of those detained, 11 were injured": a verb of the part's own says what befell it, over the whole's
            # noun (which still types it where it has none: "Of the dead, 112 were women")
            own = self._quantity(text, mention, unit, opening_end, trigger_end, shared, reach, sentence.end,
                                 following.end if following else None, saying, figure_after)
            quantity = own if own != OTHER else quantity
        part_of_next = _part_of_next(text, mention, unit, next_start, sentence)
        if quantity == OTHER and _among_next(text, mention.end, next_start, sentence):
            # what the words after the whole say, its relative clause's too ("among the 7 people who died")
            quantity = self._strongest_trigger(text, context.following(mention).end, sentence.end)
        share_of_next = part_of_next and not _whole(mention)  # a share is no count: "two-thirds of the 300 dead"
        if part_of_next and quantity == OTHER and not share_of_next:
            quantity = self._predicate_of_part(text, context.following(mention), unit, sentence)
        if (part_of_next or noun_before) and quantity == OTHER and not share_of_next:
            quantity = self._quantity_of_noun(unit)
        part_after = _states_part_after(text, mention.end, sentence.end)
        # "the deaths of 14 Australians and seven others", "18 tourists and three guides": each count joined to
        # another is a part of their sum; one that names no group of its own counts the rest of that whole (but
        # "killed 20 people, and eight of those killed were children" is a part of the first, said to be children)
        rest_of_whole = part_of_next and quantity != OTHER or shared == quantity and bool(unit) and not part_after \
            and (unit.split()[-1:] in (["others"], ["other"])
                 or _remembered(self._unit_scopes, unit, self._scope_of_unit) is None)
        part_before = _states_part_before(text[max(sentence.start, mention.start - PART_LEAD):mention.start]) \
            or _after_opening_share(text, mention, sentence)
        # "Five more died on Thursday, taking the toll to 57": the five are a part of the 57, not a toll of their own
        part_of_sum = self.sum_after is not None and next_start < sentence.end \
            and text.endswith(_SUM_ENDINGS, 0, next_start) and self.sum_after.search(text, mention.end, next_start) is not None
        if self.still_after is not None and not part_of_sum and not whole_of_part:
            # "Twelve people remain hospitalized": a part of the injured, who may have gone home since
            reach = min(next_start, mention.end + 60)
            window = text[mention.end:reach].lower()
            part_of_sum = any(map(window.__contains__, self.still_last_words)) \
                and self.still_after.match(text, mention.end, reach) is not None
        # "two of the wounded died": a part of the whole its noun names
        share = bool(unit) and not mention.unit and text.startswith(" of ", mention.end) \
            and _named_share(text, mention, unit) is not None
        whole = context.last_typed.get(sentence)
        part_of_sum = part_of_sum or self._increment(text, mention, quantity, whole, previous_end > sentence.start) \
            or self._over_window(text, mention, quantity, sentence, next_start)
        # (a figure joined to a part is a part where it counts what that part does: not "among them seven
        # children, and 45 wounded")
        stated_part = bool(rest_of_whole or lists_next or id(mention) in context.listed or part_before
                           or restated_share is not None
                           or id(mention) in context.joined_parts and quantity == shared or part_after
                           or part_of_sum or share or _among_next(text, mention.end, next_start, sentence))
        if stated_part and whole is not None and quantity not in (OTHER, whole) and not unit \
                and self._group_predicate(text, mention):
            quantity = whole  # "Of the dead, 12 were police and 4 were soldiers": who the four were, not a count of troops
        if part_before and whole is not None and quantity not in (OTHER, whole) \
                and _included_then_closed(text, mention, unit, sentence):
            quantity = whole  # "killed 12 people, including three children, and injured 40": the three died
        if quantity == OTHER and stated_part and whole and _whole(mention) and not self._things(unit):
            quantity = whole  # "killed 30 people, including nine children": the part counts what the whole does
            # (not "half of them children", a share, nor "2,030 troops and 250 pieces", what no rule counts)
        # (typed by a word of its own or not: "More than 1,700 suspected cases have been recorded, up from 1,300")
        earlier_level = context.last_account is not None and quantity in (OTHER, context.last_account[0]) \
            and self._earlier_level(text, mention, unit, sentence, context)
        # (no amount: "the company put its losses at $5 billion" restates no count of people; a bare figure put at
        # restates whatever the words before its verb say: "while the rebels put the army's losses at more than 200")
        restating = text.endswith(("at ", "to "), 0, mention.start) and self.restating is not None \
            and self.restating.match(text, max(0, mention.start - 40), mention.start) is not None
        restates = earlier_level or context.last_account is not None and not mention.unit and (
            restating and (quantity == OTHER or not unit)
            or quantity == OTHER and (self._account_said(text, mention, unit, sentence)
                                      or _compared_account(text, mention, unit, sentence)))
        if restates:
            quantity = context.last_account[0]  # "1,200 were detained, while the ministry put the figure at 850"
        elif quantity == OTHER and whole and not unit and _another_agents(text, mention):
            quantity = whole  # "The crowd, estimated at 10,000 by organisers and 3,000 by police": another's count
        if quantity != OTHER and self._rate(text, mention, sentence, next_start):
            quantity = OTHER  # "More than 40,000 people die from gun-related injuries each year"
        if complemented:
            context.complements.add(id(context.following(mention)))
        if quantity != OTHER:
            context.last_typed[sentence] = quantity
            if joined:
                context.share_with_next(mention, quantity, stated_part,
                                        bool(unit) and self._quantity_of_noun(unit) == quantity)
        return _Typing(quantity, stated_part, rest_of_whole, part_before, lists_next, part_of_sum or share,
                       bool(restates), earlier_level)

    def _restated_share(self, context: "_ArticleContext", mention: NumberMention, previous_end: int,
                        sentence: Span) -> regex.Match | None:
        """The words from a share to a bare figure set off by commas after it, which restates it: after a share's
        figure ("Nearly half of the cases, 5,900,") or the words of one that open the sentence ("Most of the dead,
        212,"); else None."""
        text = context.article.text
        if text.startswith(self.total_starts, mention.end) and self.total_after.match(text, mention.end):
            return None  # "Most of the protesters, 200 in all, were arrested": the whole's count, not the share's
        if previous_end > sentence.start:
            share = context.preceding(mention)
            return SHARE_APPOSITIVE.fullmatch(text, previous_end, mention.start) \
                if share is not None and not _whole(share) else None
        return self.opening_share_words.fullmatch(text, sentence.start, mention.start) \
            if self.opening_share_words is not None else None

    def _quantity_of_share_noun(self, context: "_ArticleContext", restated: regex.Match) -> str:
        """What the noun of a share a figure restates counts, which no trigger may say: "cases" in a story of an
        outbreak."""
        noun = _normal(restated.group("noun"))
        if noun in self.topic_nouns:
            return context.topic_quantity(self.topic_nouns[noun])
        return self._quantity_of_noun(noun)

    @staticmethod
    def _earlier_level(text: str, mention: NumberMention, unit: str, sentence: Span,
                       context: "_ArticleContext") -> bool:
        """Whether a bare figure is the earlier level of the count its sentence gave before it: "The toll rose to
        57, up from 42", "150 civilians were killed, up from an earlier estimate of 120"."""
        return not unit and text.endswith(" ", 0, mention.start) and mention.start > sentence.start \
            and context.last_typed.get(sentence) == context.last_account[0] \
            and EARLIER_LEVEL.search(text, max(sentence.start, mention.start - 60), mention.start) is not None

    @staticmethod
    def _past_dash_aside(context: "_ArticleContext", mention: NumberMention, next_start: int,
                         sentence: Span) -> tuple[int, int] | None:
        """Where the words that say what a figure counts end when an aside between dashes, which holds the next
        figure, follows its noun: at the first figure after the aside (or the sentence's end); with the aside's
        words, to add to their reach. None where no such aside follows."""
        aside = DASH_ASIDE.match(context.article.text, mention.end, sentence.end)
        if aside is None or not aside.start("aside") < next_start < aside.end("aside"):
            return None
        after = context.following(mention)
        while after is not None and after.start < aside.end():
            after = context.following(after)
        end = after.start if after is not None and after.start < sentence.end else sentence.end
        return end, len(aside.group("aside").split())

    def _verb_after_noun(self, text: str, end: int) -> bool:
        """Whether a trigger word comes right after a counted noun of one participle, which makes it the clause's verb
        and the participle a noun: "Two wounded died", "Two wounded die" (a noun there would have been read into it)."""
        verb = _word_after(text, end)
        return verb is not None and _normal(verb) in self.quantity_of_word

    def _group_predicate(self, text: str, mention: NumberMention) -> bool:
        """Whether a verb of being and a noun of a group, ending the figure's clause, follow it: "4 were soldiers"."""
        predicate = GROUP_PREDICATE.match(text, mention.end)
        return predicate is not None and (_normal(predicate.group("noun")) in self.scope_of_word
                                          or self._nationals(predicate.group("noun")))

    def _count_words_start(self, context: "_ArticleContext", mention: NumberMention, previous_end: int,
                           sentence: Span, unit: str) -> int:
        """Where the words that may say what a figure counts start: after the figure before it and its counted
        noun, where this one has a noun of its own ("freed 13 hostages in exchange for 39 prisoners": the hostages
        are the 13), but for one that says how this count moved ("The death toll has doubled to 600") or one in an
        aside before a level this count reached ("The death toll, which stood at 45 on Monday, rose to 62", "The
        toll, initially put at 45, was later revised to 32"): the words before that one are this one's too."""
        previous = context.preceding(mention)
        if previous is None or previous_end <= sentence.start or previous.end != previous_end:
            return previous_end  # the sentence's first figure, or one past a duration already
        between = context.article.text[previous_end:mention.start]
        previous_unit = context.units.get(id(previous))
        # (not a part of it, which its noun types: "19 people dead, among them seven children")
        if unit and previous_unit and between.startswith(" " + previous_unit) and not _states_part_before(between):
            return previous_end + 1 + len(previous_unit)
        # (how far it moved: "has doubled to 600", "has risen by 14 to 57")
        moved = between == " to " and (previous_unit == "fold"
                                       or context.article.text.endswith(" by ", 0, previous.start))
        aside = ", " in between and self.level_reached is not None \
            and context.article.text.rfind(", ", sentence.start, previous.start) >= 0 \
            and self.level_reached.match(context.article.text, max(previous_end, mention.start - 40),
                                         mention.start) is not None
        if not (moved or aside):
            return previous_end
        before = context.preceding(previous)
        return max(sentence.start, before.end if before is not None else sentence.start)

    def _object_of_word_before(self, text: str, mention: NumberMention, unit: str, previous_end: int) -> bool:
        """Whether the word right before the figure makes it its own object, so that no trigger before says what it
        counts: a participle that types nothing ("killing 45 soldiers and capturing 12"; not a level reached: "the
        toll rose, reaching 52"), or, before a noun of the figure's own, a preposition of place ("have taken
        shelter in 743 relief camps")."""
        found = LAST_WORD.match(text, max(previous_end, mention.start - 20), mention.start)
        word = found.group(1).lower() if found else ""
        if unit and word in PLACE_PREPOSITIONS:
            return True
        return word.endswith("ing") and len(word) > 4 and word not in self.quantity_of_word \
            and word not in PREPOSITION_LIKE_PARTICIPLES \
            and not (self.level_reached is not None and self.level_reached.match(text, max(0, mention.start - 40),
                                                                                 mention.start))

    def _things(self, unit: str) -> bool:
        """Whether a counted noun counts things no rule types ("250 pieces", "90 armoured vehicles"); not a participle
        read as the noun ("nine of those taken")."""
        last = unit.rsplit(None, 1)[-1].lower() if unit else ""
        return bool(last) and not (last.endswith("ed") or last in self.irregular_participles) \
            and not _remembered(self._typed_units, unit, self._counts_people_or_things_typed)

    def _rate(self, text: str, mention: NumberMention, sentence: Span, next_start: int) -> bool:
        """Whether the figure's words say it is a rate: after it, up to the next figure ("40,000 die each year"), or
        right before it ("Every day, 12 migrants drown"; not "more complicated every day: there are 6,000")."""
        if self.rate is None:
            return False
        lead_start, end = max(sentence.start, mention.start - 30), min(next_start, sentence.end)
        around = folded(text[min(lead_start, mention.start):max(mention.end, end)])  # the lead and the words after
        if self.rate_end_scan is not None and not self.rate_end_scan.search(around):
            return False
        if self.rate.search(text, mention.end, end) is not None:
            return True
        lead = text[lead_start:mention.start]
        before = None
        for before in self.rate.finditer(lead):
            pass  # the last one
        return before is not None and not lead[before.end():].strip(" ,")

    def _whole_noun_end(self, text: str, end: int, unit: str, limit: int) -> int:
        """Where a whole's noun phrase ends after its figure: its counted noun, and a participle after that where the
        clause's own verb comes after it ("the 12 people arrested were released"; not "the 40 soldiers died")."""
        if not unit or not text.startswith(unit, end + 1):
            return end
        end += 1 + len(unit)
        participle = self.participle_after.match(text, end, limit)
        if participle and AUXILIARY_AHEAD.search(text, participle.end(), min(limit, participle.end() + 60)):
            return participle.end()
        return end

    def _predicate_of_part(self, text: str, whole: NumberMention, unit: str, sentence: Span) -> str:
        """The quantity the verb after a whole's noun gives the part named before it ("Three of the 40 wounded
        soldiers died" counts deaths), else OTHER."""
        start = self._whole_noun_end(text, whole.end, unit, sentence.end)
        # the verb's, else the whole's noun phrase's ("Five of the 12 people arrested were later released")
        verb = self._strongest_trigger(text, start, _clause_end(text, start, sentence.end, ""))
        return verb if verb != OTHER else self._strongest_trigger(text, whole.end, start)

    def _strongest_trigger(self, text: str, start: int, end: int) -> str:
        """Of the triggers from start to end that nothing denies, the quantity of highest priority, then the
        nearest; else OTHER."""
        found = [(self.priority[q], -distance, q) for distance, quantities, word, at in
                 self._triggers(text, start, end, WINDOW_AFTER)
                 if not NEGATION_LAST.match(text, max(start, at - 20), at)
                 for q in self._readings(text, word, at, at + len(word), quantities, subject_before=False)]
        return max(found)[2] if found else OTHER

    def _increment(self, text: str, mention: NumberMention, quantity: str, earlier: str | None,
                   after_figure: bool) -> bool:
        """'Five more people died', 'another 12 were arrested': an increment of a count said elsewhere, a part of
        it; not 'died and dozens more were injured' nor 'Two bombs went off, and scores more were hurt', more than
        a figure of something else before it in the sentence."""
        if quantity == OTHER:
            return False
        if self.rest_before is not None and self.rest_before.match(text, max(0, mention.start - 20), mention.start):
            return True  # "after the last two bodies were recovered": the rest of a count
        if text.startswith(" to ", mention.end) and text.endswith(" by ", 0, mention.start):
            verb = LAST_WORD.match(text, max(0, mention.start - 24), mention.start - 3)
            if verb and verb.group(1).lower() in self.change_words:
                return True  # "has risen by 14 to 57": how far the count moved, a part of the level it reached
        if earlier != quantity if after_figure else earlier is not None:
            return False
        return self.increment_after is not None and self.increment_after.match(text, mention.end) is not None \
            or self.increment_before is not None \
            and self.increment_before.match(text, max(0, mention.start - 20), mention.start) is not None

    def _over_window(self, text: str, mention: NumberMention, quantity: str, sentence: Span, next_start: int) -> bool:
        """Whether a typed figure counts over a rolling window of time, an increment of the toll: said after it,
        before the next figure (which may be the window's own: "14 deaths in the last 24 hours"; not "rose to 300,
        including 14 in the last 24 hours", the 14's), or opening its sentence ("Over the past week, nine people
        died"); not "three days of clashes left 25 dead", an event's whole toll."""
        if quantity == OTHER or self.window is None:
            return False
        if text[sentence.start:sentence.start + 12].lower().startswith(self.window_openings) \
                and self.window.match(text, sentence.start, mention.start) \
                and "," in text[sentence.start:mention.start]:
            return True
        end = min(sentence.end, mention.end + WINDOW_REACH)
        after = text[mention.end:end].lower()
        window = self.window.search(text, mention.end, end) if any(map(after.__contains__, self.window_words)) else None
        return window is not None and window.start() < next_start \
            and not any(map(text[mention.end:window.start()].__contains__, ",;:"))

    def _quantity_of_noun(self, unit: str) -> str:
        """The quantity of highest priority a word of the counted noun names ("the 20 injured"), else OTHER."""
        return max((q for w in unit.split() for q in self.quantity_of_word.get(_normal(w), ())),
                   key=self.priority.get, default=OTHER)

    def _as_compared(self, context: "_ArticleContext", mention: NumberMention, sentence: Span, unit: str,
                     quantity: str) -> tuple[NumberMention, NumberMention | None]:
        """The figure as it is compared, and the figure before it that it restates, if any: a typed change is
        the level it reached ("rose from 44 to 164"); a conversion in brackets is bounded as the figure it
        restates ("more than 100 km (60 miles)")."""
        original = mention
        if mention.change_from and quantity != OTHER:
            mention = _final_level(mention)
        if mention.high is not None and quantity in self.lower_bound_units and unit \
                and unit.split()[-1].lower() in self.lower_bound_units[quantity]:
            mention = _lower_bound(mention, unit.split()[-1].lower())
        restated, in_brackets = context.restated(original, sentence)
        if in_brackets and mention.qualifier == "exact" and restated.qualifier not in ("exact", "range") \
                and self._measure(unit) and self._measure(context.units.get(id(restated), "")):
            mention = _same_qualifier(mention, restated)  # "more than 100 km (60 miles)": both are bounds
        return mention, restated

    def _direction_in_context(self, context: "_ArticleContext", original: NumberMention, mention: NumberMention,
                              sentence: Span, unit: str, restated: NumberMention | None) -> str | None:
        """The direction of the figure's change: its own words', else that of the figure it restates ("lost
        190 points, or 0.6%") or of the change in the same unit joined to it by "and" ("rose 0.5% on the month
        and 3% on the year")."""
        text = context.article.text
        direction = self._direction(text, mention, sentence)
        if direction is None and restated is not None:
            direction = context.directions.get(id(restated))  # "lost 190 points, or 0.6%"
        if direction is None and restated is None and unit and text.endswith("and ", 0, mention.start):
            joined_to = context.coordinated(original, sentence)
            if joined_to is not None and context.units.get(id(joined_to)) == unit:
                direction = context.directions.get(id(joined_to))
        return direction

    def _claim_scope(self, context: "_ArticleContext", mention: NumberMention, sentence: Span, unit: str,
                     typing: "_Typing") -> str | None:
        """Who a typed figure counts: the rest of a whole ('seven others'), else the group its words or its
        breakdown's first item name; a part with no noun of its own ('of whom 90') an unnamed part."""
        if typing.quantity == OTHER:
            return None
        scope = UNNAMED_PART if typing.rest_of_whole else self._scope(context, mention, unit, sentence) \
            or context.listed.get(id(mention))
        if scope is None and typing.part_before and not unit and not context.placed(mention, sentence):
            scope = UNNAMED_PART  # "1,050 injured, of whom 90 remain in intensive care" (not "103 in Almaty")
        if scope is None and typing.part_of_sum:
            scope = UNNAMED_PART  # "21 bodies recovered overnight, bringing the toll to 68"
        if scope is None and typing.restates:
            scope = context.last_account[1]  # "1,200 protesters were detained; police put the figure at 850"
        if scope is None and context.article.text.endswith(("the ", "The "), 0, mention.start):
            # "Three US soldiers were killed ... The three died when ...": the figure said again, of the same group
            scope = context.scopes_said.get((typing.quantity, mention.value))
        elif scope is not None and not typing.stated_part:
            context.scopes_said[(typing.quantity, mention.value)] = scope
        return scope

    # --- what is counted ------------------------------------------------------------------

    def _counted_noun(self, text: str, end: int, limit: int) -> str:
        """The noun phrase after the figure ('people', 'Taliban fighters', 'percent', '€'), up to three words;
        after 'of the' for a share ('one of the best speakers', '35m of its devices')."""
        rest = text[end:min(limit, end + 80)]
        # each pattern wants its first character after any spaces (Python's spaces hold the pattern's):
        # most figures are followed by a word that none starts with
        first = rest.lstrip()[:1]
        percent = compiled(r"\s*(%|per\s?cent|percent|pct|percentage\s+points?)(?!\w)", regex.I).match(rest) \
            if first in _PERCENT_FIRST else None
        if percent:
            written = percent.group(1)
            return "%" if written == "%" else "percentage points" if written[-1:] in "tsTS" and written[:8].lower() \
                == "percenta" else "percent"
        sign = compiled(rf"\s?([{CURRENCY_SIGNS}])").match(rest) if rest[:1] in _SIGNS or rest[1:2] in _SIGNS else None
        if sign:
            return sign.group(1)  # "1,200€"
        # "a quarter of respondents": a determiner may be left out before a plural
        share = compiled(r"\s+of\s+(?:(?:the|its|his|her|their|our|these|those|a|an)\s+|[\p{Lu}][\p{L}]*['’]s\s+"
                         r"|(?=\p{L}+(?<![siau'’])s\b))").match(rest) if first == "o" else None
        words = []
        # each word right after the one before (a match there is the one a scan from there finds first)
        at, most = 0, 3
        if share:
            at = share.end()
            if at == len(rest) and end + len(rest) < len(text):
                rest = text[end:end + 80]  # the whole is the next figure: "240 of the 543 seats"
            whole = compiled(r"\d[\d,.]*\s+(?=\p{L})").match(rest, at)
            at = whole.end() if whole else at  # "240 of the 543 seats": the part counts what the whole does
        elif first == "-":
            dash = rest.index("-")
            if dash and rest[dash + 1:dash + 2].isspace():
                return ""  # a dash between spaces ends the phrase: "rises to 45 - police" is the police's word
            # "a 5,000-strong force": the size of what the noun after names; "a 300-page report", "a one-bedroom
            # flat": the word hyphened to the figure is what it counts, the noun after what that describes
            strong = compiled(r"\s*-\s*strong\b", regex.I).match(rest)
            at, most = (strong.end(), 3) if strong else (0, 1)
        elif first and first in "mfMF" and rest.lstrip()[:4].lower() in ("more", "fewe"):
            # "20,000 more police officers", "two fewer seats": what is counted comes after the comparison
            added = compiled(r"\s+(?:more|fewer)(?=\s+\p{L})", regex.I).match(rest)
            at = added.end() if added else at
        last = ""  # the last word read, in lower case
        while len(words) < most:
            match = _NEXT_WORD.match(rest, at)
            if not match:
                break
            written, word_end = match.group(1), match.end()
            # a string comparison, not a call, for most words (followed by a space)
            after = rest[word_end:word_end + 1]
            code = compiled(r"-?\d[\p{L}\d-]*(?![^\s,.;:)])").match(rest, word_end) \
                if written[-1] == "-" or "0" <= after <= "9" or after > "\x7f" and after.isdigit() else None
            if code:
                # "24 F-35 jets", "two MiG-29 fighters", "4 million PS5 consoles": a model's name, kept with
                # the noun after it (machines, not people)
                words.append(written + code.group())
                last = words[-1].lower()  # the word a plural's test reads next is this one, not the one before
                at = code.end()
                continue
            word = written.lower()
            if word in self.noun_stops and not (not words and word in self.unit_words and self._scaled(text, end)):
                break  # (but a currency that is a verb too is the unit right after a scale: "2.3 trillion won")
            if words and (_plural(last) and (not self._known_word(word) or self._participle(word))
                          or last in self.plurals_without_s and self._participle(word)):
                # a compound's plural is its last word: "doctors recommend", "people lack water", "others
                # wounded north of the city"; a plural with no s ("militia gang members") may be a modifier, and
                # ends the phrase only before a participle ("12 staff taken hostage")
                break
            words.append(written)
            last = word
            at = word_end
            if len(words) == 1 and not share and (word in self.unit_words or written in self.unit_symbols):
                per = compiled(r"/\p{L}+\b").match(rest, at)
                if per:
                    words[-1] += per.group()  # "300 km/h", "5 m/s"
                break  # "a 6.1-inch display" counts inches
        # The phrase ends at its head noun: drop trailing verbs and adverbs ("people died" -> "people");
        # a lone word that is no noun ("come", "cheaper") is no counted noun.
        while words and not _remembered(self._noun_like_words, words[-1], self._noun_like):
            words.pop()
        return " ".join(words)

    def _scaled(self, text: str, end: int) -> bool:
        """Whether the number ending at `end` ends in a scale word or suffix: "2.3 trillion", "$1.2bn"."""
        letters = _TRAILING_LETTERS.search(text, max(0, end - 12), end)
        return bool(letters) and (letters.group().lower() in self.grammar.scale_words
                                  or letters.group() in self.grammar.suffix_scales)

    def _noun_counted_before(self, text: str, start: int, sentence_start: int) -> str:
        """The noun before a word such as 'numbering' right before the figure ('Troops numbering 4,000'), else ''."""
        noun = self.noun_before_count_word.match(text, max(sentence_start, start - 40), start)
        return noun.group(1) if noun and noun.group(1).lower() not in self.noun_stops else ""

    def _known_word(self, word: str) -> bool:
        """Whether our vocabulary knows a word after a counted noun: "19 people killed", "civilians dead"."""
        lower = _normal(word)
        return lower in self.people_words or lower in self.scope_of_word or lower in self.quantity_of_word \
            or lower in self.unit_words

    def _noun_like(self, word: str) -> bool:
        """Whether a word after a figure can be what it counts: any word but an adverb ('decently'),
        a participle ('raising', 'combined') or a comparative verb form, unless our vocabulary knows it
        ('injured', 'dead', 'wounded')."""
        lower = _normal(word)
        if lower in self.people_words or lower in self.scope_of_word or lower in self.quantity_of_word \
                or lower in self.unit_words or word in self.unit_symbols:
            return True
        return not compiled(r"(?:ly|ing|ed)\Z").search(lower)

    def _measure(self, unit: str) -> bool:
        """Whether a figure's unit measures (km, US$, PS, Danish crowns) rather than counts people."""
        words = [_normal(w) for w in unit.split()]
        return bool(words) and not any(w in self.people_words or w in self.quantity_of_word
                                       or w in self.scope_of_word for w in words) \
            and not self.trigger_pattern.search(" ".join(words))

    def _quantity(self, text: str, mention: NumberMention, unit: str, previous_end: int, next_start: int,
                  shared: str | None = None, reach: int = WINDOW_AFTER, sentence_end: int | None = None,
                  joined_end: int | None = None, saying: Sequence[tuple[int, int]] = (),
                  figure_after: int | None = None) -> str:
        """The quantity a figure counts: of the triggers in its own clause, the one of highest priority, then
        the nearest (after before before). A trigger that a conjunction parts from the figure belongs to another
        clause ("23 died and dozens more were injured") and yields to one in the figure's own; a noun before it
        that names a group ("gunmen kidnapped 80 students") is who acted, not what the figure counts, nor is
        one after the figure's own counted noun ("300 schoolgirls kidnapped by gunmen"), nor a place after a
        preposition ("30,000 people living in camps"). A figure coordinated with the one before ("killed 5
        soldiers and 3 civilians") shares its type, unless a trigger of its own says otherwise ("12 dead and
        dozens injured"). A figure that states no whole number counts nothing. `saying`: the spans of the words
        before the figure that say who reports it, whose nouns count nothing; `figure_after`: where the next figure
        of the sentence starts, if any."""
        if unit and not _remembered(self._typed_units, unit, self._counts_people_or_things_typed) \
                or mention.unit and self._measure(mention.unit):
            return OTHER  # "30 years ago", "250 pieces", "Rs 4 lakh": a count of something no rule types, an amount
        # asked only where the text before the figure ends as the pattern's words do: most figures do not
        denied_whole = text.endswith(_WHOLE_DETERMINERS, 0, mention.start) \
            and NONE_OF.search(text, max(0, mention.start - 30), mention.start) is not None
        if denied_whole:
            denied = self._denied(text, mention, next_start)
            if denied:
                return denied
            # "None of the 12 miners was hurt": the verb after the whole is denied and says nothing of what it
            # counts, nor does a trigger before it; only its own noun phrase does ("none of the 40 people
            # killed were Britons")
            next_start = self._predicate_start(text, mention.end, next_start, unit)
        if unit and text.endswith(self.group_word_endings, 0, mention.start):
            grouped = self._group_word_before(text, mention, unit)
            if grouped:
                # "the army lost 300,000 soldiers killed or wounded", "shot 5 protesters dead": a trigger right after
                # the noun (which may have taken it in) says which loss; not a participle clause's ("shot eight
                # children, killing one": the one are those killed)
                after = self._triggers_after(text, mention, unit, next_start, reach, sentence_end)
                words = len(unit.split())
                # (but not a state the verb ends: "saved 31 people trapped under the rubble" were rescued)
                return next((quantities[0] for distance, quantities, _, at in after
                             if 1 < distance <= words + 1 and "," not in text[mention.end:at]
                             and grouped not in self.ended_by.get(quantities[0], ())), grouped)
        after = self._triggers_after(text, mention, unit, next_start, reach, sentence_end)
        if joined_end is not None and unit and after:
            # "312 new cases and 4 deaths": the noun of the figure joined to this one counts that one only
            after = [t for t in after if not JOINED_NOUN_GAP.fullmatch(text, joined_end, t[3])]
        before = [] if shared is not None or denied_whole or self._object_of_word_before(text, mention, unit, previous_end) \
            else self._triggers_before(text, mention, previous_end)
        if saying and before:  # a speaker's noun says who spoke: "Rescuers said", "Survivors told aid workers"
            before = [t for t in before if not any(start < t[3] <= end for start, end in saying)]  # (where it ends)
        # which clause a trigger is in matters only where there is a choice: most figures have one trigger or none
        several = len(after) + len(before) + (shared is not None) > 1
        candidates = self._candidates_after(text, mention, unit, after, several, next_start, figure_after)
        # a figure whose own verb or adjective comes right after it says what it counts: "3 dead, 2,000 evacuated",
        # "12 dead and 400 homeless" (not a noun: "killed 5 soldiers and 3 refugees")
        if shared is not None and not (after and after[0][0] == 1 and self._state_word(after[0][2])):
            candidates.append(_Candidate(True, self.priority[shared], -WINDOW_BEFORE - 1, 0, shared, None))
        candidates += self._candidates_before(text, mention, unit, before, several)
        if several and unit and text.startswith(" of ", mention.end):
            candidates = _past_whole(text, mention, unit, candidates)
        return self._best_quantity(text, mention, unit, candidates, several)

    def _triggers_after(self, text: str, mention: NumberMention, unit: str, next_start: int,
                        reach: int = WINDOW_AFTER, sentence_end: int | None = None) -> list[tuple]:
        """The triggers after a figure in its own clause: up to a subordinate or relative clause that is not
        its noun's, and to a clause that says who reported it ("nine, a police official said, as ...")."""
        after_end = _clause_end(text, mention.end, next_start, unit)
        if text.find(",", mention.end, after_end) >= 0:
            reported = self.reporting_clause.search(text, mention.end, after_end)
            # (but not an aside whose comma the figure's own verb follows: "Twelve people, police said, died")
            after_end = reported.start() if reported and not ASIDE_THEN_VERB.match(text, reported.end()) \
                else after_end
        found = self._triggers(text, mention.end, after_end, reach)
        # (the relative clause may hold a figure of its own: "40 miners who were trapped for three days")
        limit = next_start if sentence_end is None else max(next_start, sentence_end)
        relative = _relative_of_noun(text, mention.end, limit, unit)
        main = self._main_verb_triggers(text, mention.end, relative, limit) if relative else []
        # "40 people who had been trapped under the rubble were rescued": what the clause's own verb says befell
        # them outranks what the relative clause says (but "the 12 men who were arrested have been freed" are
        # still counted as arrested: the verb after it says nothing of them)
        return [t for t in found if t[3] < relative.start()] + main if main else found

    def _main_verb_triggers(self, text: str, end: int, relative: regex.Match, limit: int) -> list[tuple]:
        """The triggers of the verb of a figure's clause past a relative clause in its noun phrase, with their
        distance from the figure: from its auxiliary ("... in the flooded shaft have been rescued", "... are now
        confirmed dead"), else the first trigger past the relative clause's own verb ("Two soldiers who had been
        wounded in the attack died in hospital"). None where a conjunction, a comma or another clause comes
        first: "12 men who attacked the convoy and were later released" is another predicate of theirs."""
        words = list(itertools.islice(_words(text[relative.end():limit]), MAIN_VERB_REACH))
        first = next((i for i, w in enumerate(words) if w.group().lower() not in VERB_GROUP_WORDS
                      and not w.group().endswith("ly")), None)  # the relative clause's own verb
        if first is None:
            return []
        base = relative.end()
        for index, word in enumerate(words[first + 1:], first + 1):
            lowered = word.group().lower()
            gap = text[base + words[first].end():base + word.start()]
            if lowered in MAIN_VERB_STOPS or any(map(gap.__contains__, ",;:()")):
                return []
            if index == first + 1 and lowered not in AUXILIARY_VERBS:
                continue  # that verb's own complement: "who had gone missing", "who were found dead"
            start = base + word.start()
            stop = min(limit, start + MAIN_VERB_CHARS)
            if lowered in AUXILIARY_VERBS:
                triggers = self._triggers(text, start, stop, MAIN_VERB_WORDS)
            else:
                triggers = [t for t in self._triggers(text, start, stop, 1) if t[3] == start]
            if triggers or lowered in AUXILIARY_VERBS:
                offset = len(list(_words(text[end:start])))
                return [(distance + offset, *rest) for distance, *rest in triggers]
        return []

    def _triggers_before(self, text: str, mention: NumberMention, previous_end: int) -> list[tuple]:
        """The triggers before a figure, from further back before a level reached ("the toll from two days of
        violence in the north rose to nine")."""
        # the pattern only where the words before end as its words do: most figures follow none of them
        level = self.level_reached is not None \
            and text[max(previous_end, mention.start - 16):mention.start].lower().endswith(self.level_endings) \
            and self.level_reached.match(text, max(previous_end, mention.start - 40), mention.start) is not None
        # or the sum a count was brought to: "The killing brings the death toll of 15 months of the uprising to 1,121"
        level = level or mention.qualifier not in ("exact", "range") \
            and (self.moved_past.match(text, max(previous_end, mention.start - 20), mention.start) is not None
                 or self.moving_bound.match(text, mention.start) is not None)
        level = level or self.sum_level is not None and text.endswith(" to ", 0, mention.start) \
            and self.sum_level.match(text, max(previous_end, mention.start - 200), mention.start) is not None
        reach = WINDOW_BEFORE_LEVEL if level else WINDOW_BEFORE
        return self._triggers(text, previous_end, mention.start, reach, before=True)

    def _account_said(self, text: str, mention: NumberMention, unit: str, sentence: Span) -> bool:
        """Whether a bare figure ends a clause in which another speaker says it: "..., while police said 19." """
        return self.account_said is not None and not unit and mention.start > sentence.start \
            and ACCOUNT_END.match(text, mention.end) is not None \
            and self.account_said.match(text, max(sentence.start, mention.start - 60), mention.start) is not None

    def _candidates_after(self, text: str, mention: NumberMention, unit: str, after: list[tuple],
                          several: bool, next_start: int, figure_after: int | None = None) -> list[_Candidate]:
        """The quantities the triggers after a figure offer, but for a group past its own counted noun ("300
        schoolgirls kidnapped by gunmen"), a trigger that names where they are ("living in camps") and the verb of
        a participle clause whose object is the next figure ("shot 14 people, killing six")."""
        candidates = []
        words = len(unit.split())
        own_end = -1  # where the last trigger of the figure's own clause ends
        in_noun: list[int] = []  # the candidates of a state said in the figure's noun phrase ("wounded soldiers")
        verb_after = False  # whether a trigger of the figure's own clause comes after its noun phrase
        for distance, quantities, word, at in after:
            beyond = distance - words if unit else 0
            if word.endswith(("ing", "s")) and not word.endswith("ss") and next_start < len(text) \
                    and not text[at + len(word):next_start].strip() and not (unit and beyond <= 0):
                continue  # "shot 14 people, killing six", "Blast kills 12, injures 30": the verb of the next figure
            if unit and beyond == 1 and figure_after is not None and self._participle(word) \
                    and not text[at + len(word):figure_after].strip():
                continue  # "Two gunmen killed 12 people": the verb right after the noun takes the next figure
            if beyond > 2 and word in self.scope_of_word:
                continue  # "300 schoolgirls kidnapped by gunmen" (but "100 police and soldiers" counts both)
            if beyond > 0 and not self._participle(word) and PLACE_WORD.search(text, max(mention.end, at - 40), at) \
                    and _place_before(text, mention.end, at):
                continue  # "30,000 people living in makeshift camps": where they are (not "near the plant died")
            if NEGATION_LAST.match(text, max(mention.end, at - 20), at):
                continue  # "20 were not hurt": denied, it says nothing of what they count
            if beyond > 0 and OBJECT_OF_PREPOSITION.match(text, max(mention.end, at - 20), at):
                continue  # "3,000 people attended the vigil for the victims": other people, the object of "for"
            # "were shot and killed": a participle joined to one of the figure's own verb shares its auxiliary
            own = not (several and CONJUNCTION_LAST.match(text, mention.end, at)) \
                or own_end >= 0 and JOINED_PARTICIPLE.fullmatch(text, own_end, at) is not None
            # (a verb's: the figure's own noun joins no participle, "freed 12 hostages and arrested 4")
            own_end = at + len(word) if own and not (unit and beyond <= 0) else own_end
            # a group the figure counts, named by its own noun, yields to a verb of equal rank: "five detainees
            # were injured" (but "12 dead and dozens injured": "dead" says what befell them)
            grouped = unit and beyond <= 0 and word in self.scope_of_word
            nearness = FARTHEST if grouped else -distance
            # (a lone verb read as the counted noun is the clause's verb: "12 died in hospital"; but not one that
            # another verb follows, which is a noun: "Two wounded died in hospital")
            readings = self._readings(text, word, at, at + len(word), quantities, subject_before=False)
            offered = [_Candidate(own, self.priority[q], nearness, 1, q, at) for q in readings
                       if (q not in self.before_only or word not in self.before_only[q])
                       and ((word, q) not in self.group_words_after or self._counts_group(unit, (word, q)))]
            if unit and beyond <= 0 and not grouped and not (words == 1 and self._participle(word)
                                                             and not self._verb_after_noun(text, at + len(word))):
                in_noun += range(len(candidates), len(candidates) + len(offered))
            verb_after = verb_after or own and beyond > 0 and bool(in_noun) and _predicate_of(text, mention.end, unit, at)
            candidates += offered
        if verb_after and in_noun:
            # "Two wounded soldiers died in hospital": a state said in the noun phrase yields to the clause's verb
            for i in in_noun:
                candidates[i] = candidates[i]._replace(nearness=FARTHEST)
        return candidates

    def _candidates_before(self, text: str, mention: NumberMention, unit: str, before: list[tuple],
                           several: bool) -> list[_Candidate]:
        """The quantities the triggers before a figure offer, but for a group that acted on its counted noun."""
        candidates = []
        for distance, quantities, word, at in before:
            if unit and word in self.scope_of_word:
                continue  # "Gunmen kidnapped 80 students": who acted
            if PASSIVE_AGENT.fullmatch(text, at, mention.start):
                continue  # "was shot dead by two policemen": who acted, the agent of the verb
            own = not (several and CONJUNCTION.search(text, at, mention.start))
            # (a word said of a quantity's groups only, before a figure as after it: "sent 500 police", not "sent
            # 56 rescuers")
            readings = self._readings(text, word, at - len(word), at, quantities)
            candidates += [_Candidate(own, self.priority[q], -distance, 0, q, at) for q in readings
                           if (q not in self.after_only or word in self.after_only[q])
                           and ((word, q) not in self.group_words_after or self._counts_group(unit, (word, q)))]
        return candidates

    def _readings(self, text: str, word: str, start: int, end: int, quantities: list[str],
                  subject_before: bool = True) -> list[str]:
        """The quantities a trigger word from start to end types: where one of a quantity's agents does what it
        says, that quantity alone ("Rescuers freed 9 miners" were rescued, not released); else those that need no
        agent ("A hotel booked 40 guests" were charged by no one). After a figure the subject before the verb is the
        figure's own noun, who acted ("Five soldiers have held talks"): only an agent after the verb counts then
        ("12 people were freed by rescuers")."""
        agented = self.agent_readings.get(word)
        if agented is None:
            return quantities
        acted = [q for q, before, after in agented if after.match(text, end)
                 or subject_before and before.match(text, max(0, start - AGENT_REACH), start)]
        if acted:
            return acted
        return [q for q in quantities if all(q != quantity for quantity, _, _ in agented)]

    def _best_quantity(self, text: str, mention: NumberMention, unit: str, candidates: list[_Candidate],
                       several: bool) -> str:
        """The quantity of the best candidate (its own clause's, then of highest priority, then the nearest),
        once those the words before the figure rule out and those that never count its group are dropped."""
        if candidates and text.endswith(self.not_after_endings, 0, mention.start):
            verb = LAST_WORD.match(text, max(0, mention.start - 30), mention.start)
            ruled_out = self.not_after.get(verb.group(1).lower(), ()) if verb else ()
            candidates = [c for c in candidates if c.quantity not in ruled_out]  # "sentenced 12 men to death"
        if not candidates or not _whole(mention):
            return OTHER  # "the 9/11 attacks", "a 7.8-magnitude quake": no count of people or things
        best = max(candidates)
        while best.quantity in self.excluded_groups and unit \
                and self._counts_excluded(unit, self.excluded_groups[best.quantity]):
            # "hundreds of militants who have fled": a group this quantity never counts; the next trigger says (if
            # its quantity counts them: "searched for three gunmen who fled" are neither missing nor displaced)
            candidates = [c for c in candidates if c.quantity != best.quantity]
            if not candidates:
                return OTHER
            best = max(candidates)
        if best.own and best.quantity in self.ended_by:
            # "Firefighters rescued 12 people trapped in the building": a state the clause's other word ends
            enders = [c for c in candidates if c.own and c.quantity in self.ended_by[best.quantity]]
            best = max(enders) if enders else best
        # "Five people died but 20 survived": a trigger a conjunction parts from the figure, and a verb of its own
        if _parted(text, mention, best, several) and self._has_own_verb(text, mention.end, unit):
            return OTHER
        return best.quantity

    def _denied(self, text: str, mention: NumberMention, next_start: int) -> str | None:
        """The quantity a denied word of survival after 'none of the N' counts ('None of the 62 passengers
        survived' counts deaths), else None."""
        if self.negated_pattern is None:
            return None
        found = self.negated_pattern.search(text, mention.end, min(next_start, mention.end + 80))
        return self.quantity_of_negated[_normal(found.group())] if found else None

    @staticmethod
    def _predicate_start(text: str, end: int, limit: int, unit: str) -> int:
        """Where the verb of a whole's clause starts ('none of the N ...'): at its first auxiliary ('none of the
        12 miners was hurt'), else right after its counted noun ('none of the 40 passengers died')."""
        for word in _words(text[end:limit]):
            if word.group().lower() in AUXILIARY_VERBS:
                return end + word.start()
        at = text.find(unit, end, limit) if unit else -1
        return at + len(unit) if at >= 0 else end

    def _group_word_before(self, text: str, mention: NumberMention, unit: str) -> str | None:
        """The quantity a word right before a count of a group it types names ('lost 14 soldiers'; 'shot 14
        people', where the group is everyone: any count of people), else None."""
        scope = _remembered(self._unit_scopes, unit, self._scope_of_unit)
        people = scope is not None or _normal(unit.split()[-1]) in self.people_words
        verb = LAST_WORD.match(text, max(0, mention.start - 30), mention.start) if people else None
        for quantity, groups in self.group_words.get(verb.group(1).lower(), ()) if verb else ():
            if self._within(scope, groups) or self.scope_root in groups:
                return quantity
        return None

    def _counts_group(self, unit: str, word_of: tuple[str, str]) -> bool:
        """Whether a figure's noun counts one of the groups a quantity's word after it is said of."""
        scope = _remembered(self._unit_scopes, unit, self._scope_of_unit) if unit else None
        return scope is not None and self._within(scope, self.group_words_after[word_of])

    def _counts_excluded(self, unit: str, groups: frozenset[str]) -> bool:
        """Whether a counted noun names a group a quantity never counts: one of `groups` or within one, or any people
        where the groups hold everyone ("the Zamzam camp, home to half a million people" counts no camps)."""
        scope = _remembered(self._unit_scopes, unit, self._scope_of_unit)
        if scope is None:
            return self.scope_root in groups and _normal(unit.split()[-1]) in self.people_words
        return self._within(scope, groups) or self.scope_root in groups

    def _within(self, scope: str | None, groups: frozenset[str]) -> bool:
        """Whether a scope is one of the groups or lies within one ('soldiers' within 'security forces')."""
        while scope is not None:
            if scope in groups:
                return True
            scope = self.scope_within.get(scope)
        return False

    def _has_own_verb(self, text: str, end: int, unit: str) -> bool:
        """Whether a figure's own clause goes on, past its counted noun, with a verb of its own ('20
        survived', '30 were released'; not '9 were women'): a trigger in another clause then says nothing
        of what it counts."""
        rest = text[end:end + 60].lstrip()  # past the next figure, which may be what a participle takes ("aged 13")
        if unit and rest.startswith(unit):
            rest = rest[len(unit):]
        verb = _NEXT_WORD.match(rest)
        negated = False
        while verb and _in_verb_group(verb.group(1).lower()):
            negated = negated or _negation(verb.group(1).lower())
            verb = _NEXT_WORD.match(rest, verb.end())
        word = verb.group(1).lower() if verb else ""
        if negated and word:
            return True  # "Five died but 20 were not hurt": a verb of its own, denied
        if not self._participle(word) or self._known_word(word):
            return False
        # "two boys aged three and 13 died": a participle before a number describes the noun, no clause of its own
        after = rest[verb.end():].lstrip()
        number_word = _NEXT_WORD.match(after)
        # (an ordinal is no age: "20 were given first aid")
        kind = self.grammar.spelled.words.get(number_word.group(1).lower(), ("ordinal",))[0] if number_word else ""
        return not (after[:1].isdigit() or kind != "ordinal" and bool(number_word))

    def _state_word(self, word: str) -> bool:
        """Whether a trigger word says what befell those counted, as a verb form or an adjective ("evacuated",
        "homeless", "dead"), not as a noun that names them ("refugees", "hostages")."""
        return self._participle(word) or not _plural(word)

    def _participle(self, word: str) -> bool:
        """Whether a word after a plural noun is a verb form that ends its phrase: "people died", "others wounded",
        "14 were brought out alive" (an irregular participle, from the rules)."""
        return word.endswith("ed") or word in self.irregular_participles

    def _counts_people_or_things_typed(self, unit: str) -> bool:
        if _DIGIT.search(unit):  # "20 COVID-19 deaths": a name before the noun types nothing
            unit = " ".join(w for w in unit.split() if not any(ch.isdigit() for ch in w))
            if not unit:
                return False
        words = [_normal(w) for w in unit.split()]
        phrase = " ".join(words)
        return (any(w in self.people_words or w in self.quantity_of_word or w in self.scope_of_word for w in words)
                or bool(self.trigger_pattern.search(phrase)) or bool(self.scope_pattern.search(phrase))
                or all(w[:1].isupper() for w in unit.split())
                or self._nationals(unit.split()[-1])  # "two teenage Israelis"
                or len(words) > 1 and words[-1] == "forces")  # "three US forces", "five Kurdish forces"

    def _triggers(self, text: str, start: int, end: int, limit: int, before: bool = False):
        """(distance in words, quantities, trigger word, where) of each trigger between start and end: where
        in the text it starts, or before the figure where it ends."""
        # read on the window alone, they depend on its words alone: most windows come back ("people were killed",
        # "", " died"), nine in ten over an archive
        found = _remembered(self._triggers_of_windows, (text[start:end], limit, before), self._window_triggers,
                            _SENTENCES_REMEMBERED)
        return [(distance, quantities, word, start + at) for distance, quantities, word, at in found]

    def _window_triggers(self, key: tuple[str, int, bool]) -> tuple[tuple, ...]:
        """_triggers of a window (read within its first `limit` words, or its last where `before`), with where each
        is in the window."""
        window, limit, before = key
        lowered = folded(window)
        if self.trigger_starts is not None and not self.trigger_starts.search(lowered):
            return ()
        # words come in text order, so the count of words between a trigger and the figure is a bisection
        if before:
            starts = [w.start() for w in _last_words(window, limit)]
            found = self.trigger_pattern.finditer(window, starts[0] if starts else len(window))
            return tuple((len(starts) - bisect.bisect_left(starts, m.end()) + 1, self.trigger_quantities[word], word,
                          m.end()) for m in found for word in (_normal(m.group()),))
        ends = [w.end() for w in itertools.islice(_words(window), limit)]
        return tuple((bisect.bisect_right(ends, m.start()) + 1, self.trigger_quantities[word], word, m.start())
                     for m in self._trigger_matches(window, lowered, ends[-1] if ends else 0)
                     for word in (_normal(m.group()),))

    def _trigger_matches(self, window: str, lowered: str, end: int):
        """What trigger_pattern.finditer(window, 0, end) gives, tried only where the folded scan finds that a
        trigger may start: the scan reads the window faster than the pattern's tries at every word."""
        if self.trigger_starts is None:
            return self.trigger_pattern.finditer(window, 0, end)
        starts = map(match_start, self.trigger_starts.finditer(lowered, 0, end))
        return matches_at(self.trigger_pattern, window, starts, end)

    # --- who, where, per whom -------------------------------------------------------------

    def _scope(self, context: "_ArticleContext", mention: NumberMention, unit: str, sentence: Span) -> str | None:
        of_unit = _remembered(self._unit_scopes, unit, self._scope_of_unit)
        if of_unit:
            head = _normal(unit.rsplit(None, 1)[-1])
            compounds = self.compounds_of_head.get(head.removesuffix("s"))
            if compounds is not None and self.scope_of_word.get(head) == of_unit:  # "officers" after "police officers"
                return self._compound_named_before(context.article.text, mention, compounds) or of_unit
            return of_unit
        named_after = self._scope_after_noun(context.article.text, mention, unit, sentence)
        if named_after:
            return named_after
        if not unit and self.level_reached is not None:
            of_level = self._scope_of_level(context.article.text, mention, sentence)
            if of_level:
                return of_level
        if not unit and context.article.text.startswith(self.total_starts, mention.end):
            named_before = self._group_named_before(context.article.text, mention, sentence)
            if named_before:
                return named_before
        part = self.of_them.match(context.article.text, mention.end, sentence.end)
        if part:
            named = part.group("noun")
            return named if named and self._nationals(named) else (
                self.scope_of_word.get(_normal(named or ""), UNNAMED_PART))
        if sentence not in context.among_scope:  # once per sentence, shared by its figures
            lowered = folded(context.article.text[sentence.start:sentence.end])
            # most sentences hold none of the words every match holds, and need no search
            among = self.among_pattern.search(context.article.text, sentence.start, sentence.end) \
                if any(map(lowered.__contains__, AMONG_WORDS)) else None
            context.among_scope[sentence] = self.scope_of_word[_normal(among.group(1))] if among else None
        return context.among_scope[sentence]

    def _compound_named_before(self, text: str, mention: NumberMention, compounds: regex.Pattern) -> str | None:
        """The scope of the last of the compounds the article names before the figure, if any."""
        named = None
        for named in compounds.finditer(text, 0, mention.start):
            pass
        return self.scope_of_word[_normal(named.group())] if named else None

    def _scope_of_level(self, text: str, mention: NumberMention, sentence: Span) -> str | None:
        """The group a level reached counts, named in the noun phrase of its count before it: "The number of
        soldiers killed rose to 12", "the toll of dead police officers stands at 14"; None where none is named."""
        start = max(sentence.start, mention.start - WINDOW_BEFORE_LEVEL * 8)  # the level's reach, at 8 characters a word
        if not any(word in text[start:mention.start].lower() for word in LEVEL_COUNT_WORDS) \
                or not self.level_reached.match(text, max(start, mention.start - 40), mention.start) \
                and not (self.level_put is not None and text.endswith("at ", 0, mention.start)
                         and self.level_put.match(text, max(start, mention.start - 80), mention.start)):
            return None
        counted = None
        for counted in LEVEL_SUBJECT.finditer(text, start, mention.start):
            pass  # the last count named before the figure
        if counted is None:
            return None
        words = counted.group("noun").split()
        while words and _normal(words[-1]) in self.quantity_of_word and _normal(words[-1]) not in self.scope_of_word:
            words.pop()  # "soldiers killed": the trigger after the noun
        return _remembered(self._unit_scopes, " ".join(words), self._scope_of_unit) if words else None

    def _group_named_before(self, text: str, mention: NumberMention, sentence: Span) -> str | None:
        """The group a sum with no noun ('17 in total') is of, said of all of them before it in its sentence: 'The
        victims were all civilians, 17 in total'; None where no group is said so."""
        if not self.total_after.match(text, mention.end, sentence.end):
            return None
        named = list(self.group_named.finditer(text, sentence.start, mention.start))
        return self.scope_of_word[_normal(named[-1].group(1))] if named else None

    def _scope_after_noun(self, text: str, mention: NumberMention, unit: str, sentence: Span) -> str | None:
        """The scope a noun that counts people without narrowing who is tied to after it: "16 members of
        the security forces", "eight of the dead were children", "the 12 victims were all civilians"; not
        for a whole a part was taken from ("two-thirds of the 300 dead were women")."""
        # a figure with no noun ("Of the 48 dead, 30 were civilians") is tied to its group straight after it
        at = text.find(unit, mention.end, sentence.end) if unit else mention.end
        if at < 0:
            return None
        at += len(unit)
        participle = self.participle_after.match(text, at, sentence.end) if unit else None
        at = participle.end() if participle else at  # "the 19 people killed were all foreigners"
        # most counted nouns are followed by none of the words the pattern starts with
        if not text.startswith(_SCOPE_AFTER_NOUN_STARTS, at):
            return None
        head = _normal(unit.split()[-1]) if unit else ""
        if unit and head not in self.people_words and head not in self.quantity_of_word \
                or OF_THE.search(text, max(sentence.start, mention.start - 12), mention.start):
            return None
        found = self.scope_after_noun.match(text, at, sentence.end)
        if found:
            return self.scope_of_word[_normal(found.group(1))]
        # a nationality: "Of the 104 survivors, 43 were Egyptians"
        predicate = GROUP_PREDICATE.match(text, at, sentence.end)
        noun = predicate.group("noun") if predicate is not None else ""
        return noun if " " not in noun and self._nationals(noun) else None

    def _scope_of_unit(self, unit: str) -> str | None:
        """The scope the counted noun itself names: 'children', 'Australians'."""
        in_noun = self.scope_pattern.search(unit) if unit else None
        if in_noun:
            return self.scope_of_word[_normal(in_noun.group())]
        if unit.endswith(" forces") and self._state_forces(unit):
            return self.scope_of_word.get("soldiers")  # (a desk's rules may name no soldiers)
        # "dozens of Israelis", "14 Australians": within everyone, apart from others
        return next((w for w in unit.split() if self._nationals(w)), None)

    def _state_forces(self, unit: str) -> bool:
        """Whether "forces" are a state's soldiers, named by its country or demonym: "US forces", "Russian forces"
        (not "Kurdish forces", "rebel forces": no state's)."""
        words = unit.split()
        if len(words) < 2:
            return False
        found = self.gazetteer.find(words[-2])
        return bool(found) and found[0].country is not None and found[0].end == len(words[-2])

    def _nationals(self, word: str) -> bool:
        """'Australians', 'Israelis': a plural demonym names a group of people by nationality."""
        if not (word[:1].isupper() and word.endswith("s") and len(word) > 4):
            return False
        # (a demonym, not the place's own name: "Hamas" is no people of Hama)
        found = self.gazetteer.find(word[:-1])
        return bool(found) and found[0].start == 0 and found[0].end == len(word) - 1 and found[0].name != word[:-1]

    def _find_speakers(self, context: "_ArticleContext", sentences: Iterable[Span]) -> None:
        """Find the speakers of the sentences (those of the article's figures, in text order), and whom a pronoun that
        speaks stands for where a sentence names none, before any figure is read: one sentence after another, the
        source pattern (the largest) is read while its code is still in the processor's caches, where read between
        each figure's other steps it cost about twice as much."""
        for sentence in sentences:
            if not self._sentence_speakers(context, sentence):
                self._pronoun_source(context, sentence)

    def _sentence_speakers(self, context: "_ArticleContext", sentence: Span) -> list[tuple[int, int, str, int, int]]:
        """The speakers a sentence names, each with the span in the article's text of the words that say so
        ("Health officials put the toll at") and of its name ("Health officials"): found once per sentence, shared
        by its figures."""
        if sentence not in context.speakers:
            words = context.article.text[sentence.start:sentence.end]
            found = _remembered(self._speakers_of_words, words, self._speakers_in, _SENTENCES_REMEMBERED)
            context.speakers[sentence] = [(sentence.start + start, sentence.start + end, speaker,
                                           sentence.start + name_start, sentence.start + name_end)
                                          for start, end, speaker, name_start, name_end in found]
        return context.speakers[sentence]

    def _pronoun_source(self, context: "_ArticleContext", sentence: Span) -> str | None:
        """Whom a pronoun that speaks in a sentence with no named speaker stands for: found once per sentence,
        shared by its figures."""
        if sentence not in context.pronoun_sources:
            said = self.pronoun_speaker.search(context.article.text, sentence.start, sentence.end)
            context.pronoun_sources[sentence] = self._speaker_before(context, sentence, said.group(1).lower()) \
                if said else None
        return context.pronoun_sources[sentence]

    def _speaker_before(self, context: "_ArticleContext", sentence: Span, pronoun: str) -> str | None:
        """Whom a pronoun that speaks ("he said", "it added", "they told AFP") stands for: the last speaker of
        the sentences before, up to PRONOUN_REACH of them, that it can name ("he" a person, "it" one body, "they"
        several), else None."""
        earlier = sentence
        for _ in range(PRONOUN_REACH):
            if earlier.start == 0:
                break
            earlier = context.document.sentence_at(earlier.start - 1)
            named = [name for *_, name, _, _ in self._sentence_speakers(context, earlier) if name]
            for name in reversed(named):
                if self._pronoun_names(pronoun, name):
                    return name
        return None

    def _pronoun_names(self, pronoun: str, name: str) -> bool:
        """Whether a pronoun can stand for a speaker: "he" or "she" for a person's name ("Ali Khan", "Mr Ward"),
        "it" for one body ("the interior ministry"), "they" for several ("police", "rights groups")."""
        last = name.split()[-1].lower()
        # (a place that spoke is a body: "Australia said"; but "US Vice-President Dick Cheney" is a person)
        person = PERSON_NAME.fullmatch(name) is not None and last not in self.common_speakers \
            and not any(place.start == 0 and place.end == len(name) for place in self.gazetteer.find(name))
        if pronoun in ("he", "she"):
            return person
        several = last.endswith("s") or last in self.plurals_without_s
        return not person and (several if pronoun == "they" else not several)

    def _speakers_in(self, words: str) -> tuple[tuple[int, int, str, int, int], ...]:
        """The speakers a sentence names, each with where it is said in the sentence and where its name is. Read
        on the sentence alone, so that no look-behind reaches into the sentence before: they depend on its words
        alone."""
        speakers = ((m, _speaker(m)) for m in self._source_matches(words))
        return tuple((m.start(), m.end(), speaker, *_name_span(m)) for m, speaker in speakers if speaker)

    def _source_matches(self, words: str):
        """What source_pattern.finditer(words) gives, tried only where a match can start: at a verb or a
        marker, or in the run of letters, dots, hyphens and spaces before one (a name or 'police' before
        'said', the run's first word). Elsewhere the pattern's name branches cost a try at every character, and most of a
        sentence is elsewhere."""
        lowered = folded(words)
        verbs = self._verb_starts(words, lowered)
        if not verbs:
            return
        starts: set[int] = set()
        covered = 0  # runs before verbs are read once, however many verbs share one ("said said said")
        for verb in verbs:
            run = _RUN_BEFORE.match(words, covered, verb).start()
            starts.add(verb)
            # the run's first word, which a clause's speaker may start with in lower case (", security sources said")
            starts.add(run + len(words[run:verb]) - len(words[run:verb].lstrip()))
            # where a name or a common noun may start: a scan each, where a test of each character cost more
            starts.update(map(match_start, _CAPITAL_OR_NOT_ASCII.finditer(words, run, verb)))
            starts.update(map(match_start, self.source_before_verb_starts.finditer(lowered, run, verb)))
            numbered = NUMBER_ENDING_NAME.search(words, max(covered, run - 40), run) \
                if words[run - 1:run].isdigit() else None
            if numbered:  # "Channel 4 reported": a name that ends in a number, the run of letters before it
                before = _RUN_BEFORE.match(words, covered, numbered.start()).start()
                starts.update(map(match_start, _CAPITAL_OR_NOT_ASCII.finditer(words, before, numbered.start())))
            aside = APPOSITIVE_BEFORE.search(words, max(covered, run - 140), run) if words[run - 1:run] == "," else None
            if aside:  # "The Syrian Observatory for Human Rights, a Britain-based war monitor, said": the name before
                before = _RUN_BEFORE.match(words, covered, aside.start()).start()
                starts.add(before + len(words[before:aside.start()]) - len(words[before:aside.start()].lstrip()))
                starts.update(map(match_start, _CAPITAL_OR_NOT_ASCII.finditer(words, before, aside.start())))
            covered = verb
        if " by " in words:  # a figure's agent, its verb left out (the pattern's last branch)
            starts.update(m.start() + 2 for m in GAPPED_AGENT.finditer(words))
        yield from matches_at(self.source_pattern, words, sorted(starts))

    def _verb_starts(self, words: str, lowered: str) -> list[int]:
        """Where source_starts matches, overlapping: tried only where its fast scan of the folded words finds
        a verb or a marker may start."""
        if self.source_start_scan is None:
            return [found.start() for found in self.source_starts.finditer(words, overlapped=True)]
        return [found.start() for found in self.source_start_scan.finditer(lowered)
                if self.source_starts.match(words, found.start())]

    def _direction(self, text: str, mention: NumberMention, sentence: Span) -> str | None:
        """'up' or 'down' for a figure stated as a change: 'rose 5%', 'fell by 2 points', 'a 3 percent drop',
        '-1.3%'. Only the words next to the figure count: 'rose 6.5% to 164p' changes by 6.5%, not by 164p."""
        written = text[mention.start:mention.end]
        if mention.change_from or written[:1] in ("f", "F") and compiled(r"from\b", regex.I).match(written):
            return None  # "rose from 44 to 164": where a change began and ended, not its size
        multiple = self.grammar.multiplier_verbs.get(written.rsplit(None, 1)[-1].lower()) if written[-1:] in "dg" else None
        if multiple:
            return "up" if multiple > 1 else "down"  # "doubled", "more than tripled", "halved": the verb says it
        # a sign says the direction of a percentage; most figures have none, and need no look for one
        falls, rises = written.startswith(("-", "−")), text[mention.start - 1:mention.start] == "+"
        percent = (falls or rises) and compiled(r"\s*(?:%|per\s?cent|percent)", regex.I).match(
            text[mention.end:mention.end + 10])
        if falls and percent:
            return "down"
        if rises and percent:
            return "up"  # "Dow +0.2%"
        lead = text[max(sentence.start, mention.start - 40):mention.start]
        # the verb, or the verb before its object and "by": "grew sales by 35%", "cut its workforce by 300"
        # most leads hold no "by": the search, which tries every position, is then spared
        before = VERB_OBJECT_BY.match(lead) if "by" in lead else None
        if not before or before.group(1).lower() not in self.change_words:
            before = WORD_BEFORE.match(lead)
        word = before.group(1).lower() if before else ""  # read once, for each test below
        if word == "of":
            # "a drop of 3%", "an increase of 4 points": the noun of change before "of" (not a comparison: "the
            # lower of 5% or $100", "made up of 30 members")
            noun = NOUN_OF.match(lead)
            word = noun.group(1).lower() if noun else ""
            word = word if word in self.change_words and word not in self.comparatives else ""
        if word in self.gathering_verbs and self._gathers(lead, before):
            word = ""  # "the campaign raised $2 million": money gathered, not a rise
        if word in ("up", "down"):
            verb = LAST_WORD.match(lead, 0, before.start())
            if verb and verb.group(1).lower() in self.particle_verbs:
                word = ""  # "made up 40% of staff", "shot down 12 drones": no change
        if word in self.rises:
            return "up"
        if word in self.falls:
            return "down"
        if word and word not in _NOT_OBJECTS and text[mention.end:mention.end + 2].lstrip()[:1] in _CHANGE_UNIT_FIRST \
                and CHANGE_UNIT.match(text, mention.end, min(sentence.end, mention.end + 20)):
            # "hiked rates 75 bps", "cut prices 10%": the verb before its object, an amount of change after it
            # (not "more people 20%", nor "rising at 6%")
            object_before = VERB_OBJECT.match(lead)
            verb = object_before.group(1).lower() if object_before else ""
            if verb and verb not in self.comparatives \
                    and lead[object_before.end(1):].split()[-1].lower() not in _NOT_OBJECTS:
                if verb in self.rises:
                    return "up"
                if verb in self.falls:
                    return "down"
        # the word after, where the one before says nothing ("a 3 percent drop"); 'up' or 'down' after a
        # figure says where it stands, not how it changed
        # past the unit: "0.5 percentage points lower", "three times higher"
        after = compiled(r"\s*(?:(?:%|per\s?cent|percent)(?![\p{L}]))?\s*([\p{L}]+)", regex.I).match(
            text[mention.end:min(sentence.end, mention.end + 30)])
        word = after.group(1).lower() if after else ""
        if word in _UNITS_OF_CHANGE or text[mention.end:mention.end + 1] == "-":
            after = compiled(r"\s*(?:-?(?:%|(?:percentage\s+|basis\s+)?points?|per\s?cent|percent|times))?\s*([\p{L}]+)",
                             regex.I).match(text[mention.end:min(sentence.end, mention.end + 40)])
            word = after.group(1).lower() if after else ""
        if word in ("up", "down"):
            return None
        return "up" if word in self.rises else "down" if word in self.falls else None

    def _gathers(self, lead: str, verb: regex.Match) -> bool:
        """'raised $2 million', 'raising 280 million of the 1.5 billion': a verb that, right before an
        amount with no 'by' and not in the passive ('prices were raised 5%'), collects that amount."""
        if verb.group(1).lower() not in self.gathering_verbs or compiled(r"\bby\s*\Z").search(verb.group()):
            return False
        return not compiled(r"\b(?:was|were|be|been|being|is|are|get|got)\s+\Z", regex.I).search(lead, 0, verb.start())


class _ArticleContext:
    """What one article's claims share: its document, figures and the places it names."""

    def __init__(self, article: Article, document: Document, mentions: list[NumberMention],
                 places: list[PlaceMention], main_place: str | None):
        self.article, self.document, self.mentions = article, document, mentions
        self.places, self.main_place = places, main_place
        self._place_starts = [p.start for p in places]
        self._listed_with_next: dict[int, bool] = {}  # by place: whether it and the next are named in one list
        self._mention_starts = [m.start for m in mentions]
        self._order = {id(m): i for i, m in enumerate(mentions)}
        self.speakers: dict[Span, list[tuple[int, int, str, int, int]]] = {}
        self.pronoun_sources: dict[Span, str | None] = {}  # by sentence: whom its pronoun that speaks stands for
        self.among_scope: dict[Span, str | None] = {}
        self.last_typed: dict[Span, str] = {}  # the quantity of the last typed figure in each sentence
        # the quantity and scope of the article's last typed figure that is no part: what "the figure" restates
        self.last_account: tuple[str, str | None] | None = None
        # by id of a mention: the quantity of the figure before it, where the two are joined ("5 soldiers and 3
        # civilians" were killed)
        self.shared: dict[int, str] = {}
        self.shared_by_noun: set[int] = set()  # by id of a mention: what it shares is the noun's of the one before
        self.joined_parts: set[int] = set()  # by id of a mention: joined so to a stated part, a stated part too
        self.complements: set[int] = set()  # by id of a mention: in the noun phrase of the figure before ("of one family")
        # by id of a mention: an item of a breakdown after its first ("four in Oklahoma"), and the scope of the
        # item before it
        self.listed: dict[int, str | None] = {}
        self.parts: set[int] = set()  # by id of a mention: a typed stated part ("417 of them in Paris", "976 in Taroudant")
        self.units: dict[int, str] = {}  # by id of a mention: its unit or counted noun, once read
        self.scopes_said: dict[tuple[str, float | None], str] = {}  # by quantity and value: the group last said
        self.directions: dict[int, str | None] = {}
        self.reported_earlier: set[str] = set()  # ids of the typed claims given as an earlier report
        self.bracketed: dict[int, NumberMention] = {}  # by id of a mention in brackets: the figure it restates
        self._topics: dict[str, bool] = {}  # by quantity: whether the article is about it, once asked

    def topic_quantity(self, candidates: list[tuple[str, regex.Pattern]]) -> str:
        """Of the quantities a counted noun counts in an article about them, the first this article is about."""
        for quantity, about in candidates:
            if quantity not in self._topics:
                self._topics[quantity] = about.search(self.article.text) is not None
            if self._topics[quantity]:
                return quantity
        return OTHER

    def restated(self, mention: NumberMention, sentence: Span) -> tuple[NumberMention | None, bool]:
        """The figure this one restates in other terms, and whether it does so in brackets: "100 km
        (60 miles)", "(224 kW / 300 PS)", "190 points, or 0.6%"."""
        index = self._order[id(mention)]
        previous = self.mentions[index - 1] if index > 0 else None
        if previous is None or previous.end <= sentence.start:
            return None, False
        gap = self.article.text[previous.end:mention.start]
        # each pattern asked only where the gap holds what every match of it does: most gaps hold none
        restated = previous if "(" in gap and CONVERSION_GAP.match(gap) else (
            self.bracketed.get(id(previous)) if id(previous) in self.bracketed and IN_BRACKETS_GAP.match(gap) else None)
        if restated is not None:
            self.bracketed[id(mention)] = restated
            return restated, True
        or_gap = gap.rstrip()[-2:].lower() == "or" and OR_GAP.match(gap)
        return (previous, False) if or_gap or ("," in gap or "and" in gap) and GAPPED.match(gap) else (None, False)

    def coordinated(self, mention: NumberMention, sentence: Span) -> NumberMention | None:
        """The figure before this one in its sentence where a few words and 'and' part them ("0.5% on the
        month and 3%")."""
        index = self._order[id(mention)]
        previous = self.mentions[index - 1] if index > 0 else None
        if previous is None or previous.end <= sentence.start or mention.start - previous.end > 40:
            return None
        return previous if AND_GAP.fullmatch(self.article.text, previous.end, mention.start) else None

    def preceding(self, mention: NumberMention) -> NumberMention | None:
        """The figure before this one in the article, if any."""
        index = self._order[id(mention)] - 1
        return self.mentions[index] if index >= 0 else None

    def following(self, mention: NumberMention) -> NumberMention | None:
        """The figure after this one in the article, if any."""
        index = self._order[id(mention)] + 1
        return self.mentions[index] if index < len(self.mentions) else None

    def share_with_next(self, mention: NumberMention, quantity: str, part: bool, by_noun: bool) -> None:
        """Let the figure after this one, joined to it by this one's counted noun and a conjunction ("killed 5
        soldiers and 3 civilians", "five children and two women"), count what this one does, and be a part
        where this one is ("including 865 Palestinians and 234 Israelis"). `by_noun`: this one's own noun says
        what it counts ("6 bodies"), no verb said of both."""
        following = id(self.following(mention))
        self.shared[following] = quantity
        if by_noun:
            self.shared_by_noun.add(following)
        if part:
            self.joined_parts.add(following)

    def neighbours(self, mention: NumberMention, sentence: Span, durations: frozenset[str]) -> tuple[int, int]:
        """Where the previous figure ends and the next begins, bounded by the sentence. A duration before the
        figure is passed over: "the toll of 15 months of fighting rose to 1,121" is a toll of 1,121."""
        index = before = self._order[id(mention)]
        while before > 0 and self.units.get(id(self.mentions[before - 1])) in durations:
            before -= 1
        previous_end = self.mentions[before - 1].end if before > 0 else sentence.start
        next_start = self.mentions[index + 1].start if index + 1 < len(self.mentions) else sentence.end
        return max(previous_end, sentence.start), min(next_start, sentence.end)

    def place_for(self, mention: NumberMention, sentence: Span, gazetteer: Gazetteer,
                  words: "_PlaceWords", counts_people: bool = False, carried: bool = False,
                  sent: bool = False) -> str | None:
        """The place a preposition after the figure names ("nine in Lyon, six in Paris": it binds closer than
        a comma); else the nearest in the sentence that no other figure's preposition names ("164 killed,
        including 103 in Almaty": Almaty is the part's; but "in 50 cities across Russia" names the place of the
        figure before too); else the country, where the sentence says the whole country ("nationwide"); else the
        last one named earlier in the paragraph; else the article's. Of a figure that counts people
        (`counts_people`: a typed one), a nationality said of those counted yields to where the sentence says it
        was. Of a figure of those who are `carried` to hospital (the hurt, the dead), where they were taken is
        none; of those `sent` (troops), where they were sent is theirs ("Russia sent 2,000 troops to Kazakhstan")."""
        in_sentence = self._places_between(sentence.start, sentence.end)
        text = self.article.text
        if in_sentence:  # most sentences name no place
            own = self._own_place(mention, sentence) or (self._sent_to(mention, sentence) if sent else None)
            if own is not None and not self._elsewhere(own, sentence, words, carried):
                return self._named_with(own, gazetteer, mention)
            free = [p for p in in_sentence if p.start < mention.start or self._free_after(p, mention, words)]
            # "France 24 said": a place that opens a speaker's name with a number after it names a station
            free = [p for p in free if not self._opens_numbered_name(p, sentence)]
            # "16 people were flown to hospitals in Kathmandu": where they were taken, not where it happened;
            # "making it the deadliest U.S. wildfire": what it is compared within
            free = [p for p in free if not self._elsewhere(p, sentence, words, carried)]
            # "COLOMBO (Reuters) - At least eight people have been killed across Sri Lanka": where the report
            # was filed from, not where its figures happened, unless the sentence names no other place
            free = [p for p in free if not self._dateline(p)] or free
            # "in Nigeria's northwestern Kaduna state": the possessor says where the place it owns is
            free = [p for p in free if not self._possessor(p)] or free
            # "has risen to 62 in Borno, the Nigeria Centre for Disease Control said": a place in the speaker's name
            # that holds another place of the sentence says who spoke, the other where ("the Gaza health ministry
            # said 24 died" is Gaza's, "Police in Karachi say ... targeting India" Karachi's)
            free = [p for p in free if not self._speakers_wider(p, free, sentence, gazetteer)] or free
            # "deployed 3,000 soldiers, and Spain sent 56 rescuers": a place that opens the next clause as its
            # subject acts there, and is no place of the figure before it
            free = [p for p in free if p.start < mention.end or not self._opens_next_clause(p, words.past_verbs)]
            # "24 hostages were freed, including 10 Thai nationals, Qatar said": a country that speaks is no place
            if self.speakers.get(sentence):
                # (but not one that says it did it: "Israel says it has killed 10,000 militants" names the attacker)
                free = [p for p in free if not self._speaks_as_agent(p, mention, sentence)]
                free = [p for p in free if p.country != p.name or not self._speaks(p, sentence)] or free
            if counts_people and free:
                free = self._where_counted(free, mention, gazetteer)
            if free:
                return self._named_with(min(free, key=lambda p: abs(p.start - mention.start)), gazetteer, mention)
        if words.whole_country is not None and self.main_place is not None \
                and words.whole_country_starts.search(folded(text[sentence.start:sentence.end])) \
                and words.whole_country.search(text, sentence.start, sentence.end):
            return gazetteer.country_of(self.main_place) or self.main_place
        paragraph = self.document.paragraph_at(mention.start)
        # (not the place of a part said before: "..., 417 of them in Paris. A total of 79 officers were hurt" is no
        # count in Paris)
        earlier = [p for p in self._places_between(paragraph.start, sentence.start) if not self._part_placed(p)]
        return self._named_with(earlier[-1], gazetteer, mention) if earlier else self.main_place

    def _part_placed(self, place: PlaceMention) -> bool:
        """Whether the place follows a figure stated as a part in its sentence ("417 of them in Paris", "1,643 were
        in Al Haouz, followed by 976 in Taroudant"): where the part was counted."""
        if not self.parts:
            return False
        before = bisect.bisect_right(self._mention_starts, place.start) - 1
        figure = self.mentions[before] if before >= 0 else None
        return figure is not None and id(figure) in self.parts \
            and figure.start >= self.document.sentence_at(place.start).start

    def _where_counted(self, free: list[PlaceMention], mention: NumberMention,
                       gazetteer: Gazetteer) -> list[PlaceMention]:
        """Of the places a figure that counts people may take, those that say where they were counted: a country
        said of who was counted or who acted yields to a place a preposition says it happened in ("Two British
        soldiers were killed in Helmand", "Israeli troops shot eight children near Rafah"), but not to a wider
        region ("since Kazakhstan's independence ... in Central Asia" stays Kazakhstan's); the nationality of
        another figure's noun is none ("24 hostages were freed, including 10 Thai nationals")."""
        if len(free) == 1 and not self._nationality_of_another(free[0], mention):
            return free  # most sentences name one place, of the figure's
        unlocated = [p for p in free if p.country == p.name and not self._located(p)]
        if not unlocated:
            return free
        located = [p for p in free if p not in unlocated and self._located(p)]
        if located:
            return [p for p in free if p not in unlocated
                    or any(gazetteer.relation(p.name, wider.name) == "within" for wider in located)]
        return [p for p in free if p not in unlocated or not self._nationality_of_another(p, mention)]

    def _opens_next_clause(self, place: PlaceMention, past_verbs: frozenset[str]) -> bool:
        """Whether a place is the subject that opens a clause after a conjunction, its verb in the past next:
        ", and Spain sent", "; Kenya reported" (not a speaker's description: ", but Pretoria emergency spokesman
        Johan Pieterse said")."""
        text = self.article.text
        if CLAUSE_SUBJECT_BEFORE.search(text, max(0, place.start - 16), place.start) is None:
            return False
        verb = _word_after(text, place.end)
        return verb is not None and verb.islower() and (verb.endswith("ed") or verb in past_verbs)

    def _sent_to(self, mention: NumberMention, sentence: Span) -> PlaceMention | None:
        """The place right after the figure where "to" says they were sent ("2,000 troops to Kazakhstan")."""
        after = self._places_between(mention.end, sentence.end)[:1]
        return after[0] if after and SENT_TO.fullmatch(self.article.text, mention.end, after[0].start) else None

    def _elsewhere(self, place: PlaceMention, sentence: Span, words: "_PlaceWords", carried: bool) -> bool:
        """Whether the words before a place name it as no place of a figure: where those counted were taken
        (`carried`: "airlifted to Nairobi"), or the class a superlative compares within ("the deadliest U.S.
        wildfire")."""
        text = self.article.text
        if not text.endswith(" ", 0, place.start):
            return False
        if text.endswith(", ", 0, place.start):  # "to a hospital in Fort Wayne, Indiana": the city's state
            named = self._places_between(place.start - 80, place.start - 2)[-1:]
            return bool(named) and named[0].end == place.start - 2 \
                and self._elsewhere(named[0], sentence, words, carried)
        start = max(sentence.start, place.start - 80)
        return carried and words.destination is not None and words.destination.search(text, start, place.start) \
            is not None \
            or words.compared_within is not None and words.compared_within.search(text, start, place.start) is not None

    def numbered_names(self) -> list[tuple[int, int]]:
        """The spans of the speakers' names that end in a number ("France 24", "Rustavi 2"), found so far."""
        text = self.article.text
        return [(start, end) for found in self.speakers.values() for *_, start, end in found
                if start < end and text[end - 1].isdigit()]

    def _opens_numbered_name(self, place: PlaceMention, sentence: Span) -> bool:
        """Whether a place opens a speaker's name that goes on with a number alone ("France 24 said")."""
        text = self.article.text
        return any(start == place.start and end > place.end and text[place.end:end].strip().isdigit()
                   for *_, start, end in self.speakers.get(sentence, ()))

    def _speaks(self, place: PlaceMention, sentence: Span) -> bool:
        """Whether a place is the whole name of one of the sentence's speakers ("Qatar said", "Russia says")."""
        return any(start == place.start and end == place.end for *_, start, end in self.speakers.get(sentence, ()))

    def _speaks_as_agent(self, place: PlaceMention, mention: NumberMention, sentence: Span) -> bool:
        """Whether a country speaks of what it did to those the figure counts: "Israel says it has killed", "Russia
        said its forces had destroyed"."""
        return place.end < mention.start and place.country == place.name \
            and SPEAKER_AS_AGENT.fullmatch(self.article.text, place.end, mention.start) is not None \
            and self._speaks(place, sentence)

    def _nationality_of_another(self, place: PlaceMention, mention: NumberMention) -> bool:
        """Whether a country is named right after another figure's number, the nationality of those it counts
        ("including 10 Thai nationals")."""
        before = bisect.bisect_right(self._mention_starts, place.start) - 1
        figure = self.mentions[before] if before >= 0 else None
        return figure is not None and figure is not mention and figure.end < place.start \
            and not self.article.text[figure.end:place.start].strip()

    def _located(self, place: PlaceMention) -> bool:
        """Whether a preposition of place comes right before the place: "in Helmand", "near the northern Kandahar"."""
        return LOCATED.search(self.article.text, max(0, place.start - 40), place.start) is not None

    def _speakers_wider(self, place: PlaceMention, others: list[PlaceMention], sentence: Span,
                        gazetteer: Gazetteer) -> bool:
        """Whether a place is in the words that name the sentence's speaker and holds another of its places."""
        return any(start <= place.start and place.end <= end for start, end, *_ in self.speakers.get(sentence, ())) \
            and any(gazetteer.relation(other.name, place.name) == "within" for other in others if other is not place)

    def _free_after(self, place: PlaceMention, mention: NumberMention, words: "_PlaceWords") -> bool:
        """Whether a place after the figure may be its: bound to no other figure by a preposition, or to a count of
        places ("1,400 detained in 50 cities across Russia")."""
        bound = self._bound_to(place)
        return bound is None or bound is mention \
            or words.counted_places is not None and words.counted_places.match(self.article.text, bound.end) is not None \
            or bound.start > mention.end and self._joined_clauses_place(mention, bound, place)

    def _joined_clauses_place(self, mention: NumberMention, later: NumberMention, place: PlaceMention) -> bool:
        """Whether a place a later figure's preposition names is said of both figures' clauses, which "and" joins,
        each with a verb of its own: "killed 4 and injured 11 in Gujarat", "killed 4 and 11 were hurt in Kerala"
        (not a breakdown's part, whose verb is left out: "six died in Texas and four in Oklahoma")."""
        text = self.article.text
        joined = JOINED_CLAUSES.fullmatch(text, mention.end, later.start)
        return joined is not None and (OWN_VERB.search(joined.group("after")) is not None
                                       or OWN_VERB.search(text, later.end, place.start) is not None)

    def _named_with(self, place: PlaceMention, gazetteer: Gazetteer, mention: NumberMention) -> str:
        """The place, or with the places named together with it ("in Turkey and Syria", "Kabul, Herat and
        Kandahar"), all of them as one: a figure of that sentence counts in them all. Not a place and the one it
        lies in ("Almaty, Kazakhstan"), nor a list with no "and" ("Paris, Texas"), nor one the figure counts in
        each of ("two each in Western Australia and South Australia", "eight in both Queensland and Victoria")."""
        at = bisect.bisect_left(self._place_starts, place.start)
        first = last = at
        while first > 0 and self._listed(first - 1):
            first -= 1
        while last + 1 < len(self.places) and self._listed(last):
            last += 1
        if first == last:  # most places are named alone
            return place.name
        listed = self.places[first:last + 1]
        if mention.end <= listed[0].start and EACH_OR_BOTH.search(self.article.text, mention.end, listed[0].start):
            return place.name
        gaps = [self.article.text[a.end:b.start] for a, b in zip(listed, listed[1:])]
        names = list(dict.fromkeys(p.name for p in listed))
        if not any(PLACES_AND.search(gap) for gap in gaps) or len(names) < 2 or any(
                gazetteer.relation(a, b) != "unrelated" for a, b in itertools.combinations(names, 2)):
            return place.name
        return PLACES_JOINED.join(names)

    def _listed(self, index: int) -> bool:
        """Whether the place at index and the next are named in one list: "Turkey and Syria", "Kabul, Herat" (asked
        for each figure near them: worked out once)."""
        listed = self._listed_with_next.get(index)
        if listed is None:
            listed = self._listed_with_next[index] = PLACES_LISTED.fullmatch(
                self.article.text, self.places[index].end, self.places[index + 1].start) is not None
        return listed

    def _possessor(self, place: PlaceMention) -> bool:
        """Whether the place owns the next place named: "Nigeria's Kaduna state", "Nigeria's northwestern Kaduna"."""
        at = bisect.bisect_right(self._place_starts, place.start)
        return at < len(self.places) and OWNED_GAP.fullmatch(self.article.text, place.end, self.places[at].start) is not None

    def _dateline(self, place: PlaceMention) -> bool:
        return _in_dateline(self.article.text, place)

    def placed(self, mention: NumberMention, sentence: Span) -> bool:
        """Whether a preposition after the figure ties it to a place ("103 in Almaty")."""
        return self._own_place(mention, sentence) is not None

    def _own_place(self, mention: NumberMention, sentence: Span) -> PlaceMention | None:
        """The first place after the figure in its sentence, where a preposition ties the two ("six in Paris"); or the
        place that names a list's item right before it ("33 deaths, South Carolina 36, Tennessee 17")."""
        item = self._item_place(mention)
        if item is not None:
            return item
        after = self._places_between(mention.end, sentence.end)[:2]
        if not after or self._bound_to(after[0]) is not mention:
            return None
        # "12 people in Nigeria's Zamfara state": the place the possessive's owns, within it
        if len(after) > 1 and self._possessor(after[0]):
            return after[1]
        return after[0]

    def _bound_to(self, place: PlaceMention) -> NumberMention | None:
        """The figure a preposition ties the place to ("six in Paris", "16 people died in Almaty"), or the list's
        item the place names right before it ("South Carolina 36"), if any."""
        before = bisect.bisect_right(self._mention_starts, place.start) - 1
        figure = self.mentions[before] if before >= 0 else None
        if figure is None or figure.end > place.start \
                or not PLACE_OF_FIGURE.fullmatch(self.article.text, figure.end, place.start):
            return self._item_named_by(place)
        return figure

    def names_item(self, mention: NumberMention) -> bool:
        """Whether a place right before the figure names it as a list's item ("..., South Carolina 36")."""
        return self._item_place(mention) is not None

    def _item_place(self, mention: NumberMention) -> PlaceMention | None:
        """The place right before the figure that names it as a list's item, if any."""
        before = self._places_between(max(0, mention.start - 80), mention.start)[-1:]
        return before[0] if before and self._item_named_by(before[0]) is mention else None

    def _item_named_by(self, place: PlaceMention) -> NumberMention | None:
        """The figure right after a place that opens a list's item, after a comma or "and": "..., South Carolina 36",
        "and Bihar for 31"; or after "with" where words of a share tie them: "with Uttar Pradesh accounting for 54".
        (Not a list's first item, "Georgia reported 33": a place before its verb may be who speaks.)"""
        text = self.article.text
        if text[place.end:place.end + 1] != " ":
            return None
        link = ITEM_LINK.match(text, place.end)
        if not (text.endswith(_ITEM_OPENERS, 0, place.start)
                or link is not None and link.group("share") and text.endswith(" with ", 0, place.start)):
            return None
        start = link.end() if link is not None else place.end + 1
        after = bisect.bisect_left(self._mention_starts, start)
        figure = self.mentions[after] if after < len(self.mentions) else None
        return figure if figure is not None and figure.start == start else None

    def _places_between(self, start: int, end: int) -> list[PlaceMention]:
        """The places named from start to end, in text order (places come in text order: a bisection)."""
        return self.places[bisect.bisect_left(self._place_starts, start):bisect.bisect_left(self._place_starts, end)]


def _clause_end(text: str, start: int, end: int, unit: str) -> int:
    """Where the words that can say what a figure counts stop: at a subordinate clause ('... guilty
    after the tragedy which killed 21'), or at a relative clause that follows another noun. A relative
    clause right after the figure's own noun is the figure's ('30 people who died')."""
    window = text[start:end]
    if not CLAUSE_WORD_STARTS.search(folded(window)):
        return start + len(window)
    for found in CLAUSE_WORD.finditer(window):  # the words in text order, up to the first subordinate
        if found.group("subordinate"):
            return start + found.start()
        between = [w for w in WORD.findall(window[:found.start()]) if w.lower() not in FUNCTION_WORDS]
        if len(between) > len(unit.split()) and not WHOLE_OF_RELATIVE.search(window, 0, found.start()):
            return start + found.start()
    return start + len(window)


def _relative_of_noun(text: str, end: int, limit: int, unit: str) -> regex.Match | None:
    """A relative clause in the noun phrase a figure opens, right after its counted noun or a short phrase that
    follows it ("40 people who had been trapped", "All 72 people aboard the plane that crashed"); None where a
    verb, a conjunction or a comma comes first."""
    if not unit:
        return None
    window_end = min(limit, end + RELATIVE_OF_NOUN_CHARS)
    # a look for the words first: most windows hold none
    if not any(map(text[end:window_end].lower().__contains__, RELATIVE_OF_NOUN_WORDS)):
        return None
    relative = RELATIVE_OF_NOUN.search(text, end, window_end)
    if relative is None:
        return None
    between = text[end:relative.start()]
    if any(map(between.__contains__, ";:()")) or "," in between.rstrip().rstrip(","):
        return None
    words = [w.group().lower() for w in _words(between)]
    if len(words) > len(unit.split()) + NOUN_PHRASE_EXTRA_WORDS \
            or any(w in AUXILIARIES or w in MAIN_VERB_STOPS for w in words):
        return None
    return relative


def _trigger_end(text: str, end: int, next_start: int, sentence: Span, joined: bool) -> int:
    """Where the words that say what a figure counts may reach: the next figure, unless that figure is
    joined to this one ("12 protesters and 4 journalists were detained"), a part set inside this one ("At
    least four people, including two policemen, were killed") or a whole this one is among ("Two Britons
    were among the 15 dead"), whose verb or noun then tells what both count."""
    if next_start >= sentence.end:
        return next_start
    if joined or _states_part_before(text[max(sentence.start, next_start - PART_LEAD):next_start]):
        return sentence.end
    return sentence.end if _among_next(text, end, next_start, sentence) else next_start


def _among_next(text: str, end: int, next_start: int, sentence: Span) -> bool:
    """Whether the next figure is a whole this one is among: "Eight children were among the 27 dead"."""
    lead = max(end, next_start - 14)
    return next_start < sentence.end and text.rfind("among", lead, next_start) >= 0 \
        and AMONG_THE.search(text, lead, next_start) is not None


def _place_before(text: str, start: int, at: int) -> bool:
    """Whether the words before a trigger make it the noun of a place ("living in makeshift camps"), not a verb
    after one ("children playing in the yard were injured")."""
    place = PLACE_BEFORE.match(text, start, at)
    return place is not None and not any(word.lower() in AUXILIARY_VERBS for word in place.group().split())


def _complement_gap(gap: str, unit: str) -> bool:
    """Whether the text between two figures puts the second in the first one's noun phrase: its counted noun and
    "of" ("Eight members of one family", "residents of 12 villages")."""
    gap = gap.lstrip()
    return gap.startswith(unit) and gap[len(unit):].strip().lower() == "of"


def _joined(gap: str, unit: str) -> bool:
    """Whether the text between two figures joins them as two counts of one kind: the first one's counted
    noun and a conjunction ("5 soldiers and 3 civilians", "30 soldiers, 12 policemen"). Without a counted
    noun a comma joins nothing ("stands at 45, eight fewer than last year")."""
    gap = gap.lstrip()
    if not unit or not gap.startswith(unit):
        return False
    return bool(COORDINATION_GAP.match(gap[len(unit):]))


def _opens_clause(text: str, mention: NumberMention) -> bool:
    """Whether a figure with no noun of its own is its clause's subject, its verb right after it ("and 3 remain
    missing", "and 12 were injured")."""
    verb = _word_after(text, mention.end)
    return verb is not None and verb.lower() in VERB_GROUP_WORDS


def _word_after(text: str, end: int) -> str | None:
    """The word after a space at `end`, if one comes there."""
    word = WORD.match(text, end + 1) if text.startswith(" ", end) else None
    return word.group() if word is not None else None


def _named_share(text: str, mention: NumberMention, unit: str) -> int | None:
    """Where the whole's noun ends when the figure's counted noun is the whole it is a part of ("two of the
    wounded", "four of those killed"), else None."""
    share = SHARE_OF.match(text, mention.end)
    return share.end() + len(unit) if share is not None and text.startswith(unit, share.end()) else None


def _past_whole(text: str, mention: NumberMention, unit: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates of a part named by its whole ("two of the wounded died"), but for the whole's noun where
    the part's own verb after it says what happened to that part: two of the wounded died, which is deaths."""
    noun_end = _named_share(text, mention, unit)
    if noun_end is None:
        return candidates
    if not any(c.after and c.at is not None and c.at >= noun_end and c.own for c in candidates):
        return candidates
    return [c for c in candidates if not (c.after and c.at is not None and c.at < noun_end)]


def _parted(text: str, mention: NumberMention, candidate: _Candidate, several: bool) -> bool:
    """Whether a conjunction parts the candidate's trigger from the figure. A shared type is the figure's own;
    with several triggers, the candidate's `own` says it already."""
    own, _, _, after, _, at = candidate
    if at is None:
        return False
    if several:
        return not own
    return bool(CONJUNCTION_LAST.match(text, mention.end, at) if after else CONJUNCTION.search(text, at, mention.start))


def _part_of_next(text: str, mention: NumberMention, unit: str, next_start: int, sentence: Span) -> bool:
    """Whether the figure is a part of the next figure's whole, counting what its noun does: "Fourteen of the 20
    injured", "240 of the 543 seats"."""
    return bool(unit) and not mention.unit and next_start < sentence.end \
        and text.startswith(" of ", mention.end) and PART_OF_NEXT.fullmatch(text, mention.end, next_start) is not None


def _predicate_of(text: str, end: int, unit: str, at: int) -> bool:
    """Whether the trigger at `at` is the verb of the figure's clause, right after its noun phrase but for
    auxiliaries and adverbs ("Two wounded soldiers later died"; not "12 dead and dozens injured")."""
    noun_end = text.find(unit, end, at)
    if noun_end < 0:
        return False
    return all(_in_verb_group(word.group().lower()) for word in _words(text[noun_end + len(unit):at]))


def _in_verb_group(word: str) -> bool:
    """Whether a lower-case word may stand in a verb group before its participle: an auxiliary ("were", "weren't"),
    a negation or an adverb ("still", "reportedly")."""
    return word in VERB_GROUP_WORDS or word.endswith("ly") or _negation(word)


def _negation(word: str) -> bool:
    """Whether a lower-case word denies the verb it stands before: "not", "never", "weren't"."""
    return word in NEGATIONS or word.endswith(("n't", "n’t"))


def _another_agents(text: str, mention: NumberMention) -> bool:
    """Whether a bare figure joined to the one before is another's count of the same, its verb left out: "estimated
    at 10,000 by organisers and 3,000 by police" (not "and 12 by Friday")."""
    return text.endswith(("and ", ", "), 0, mention.start) and ANOTHER_AGENT.match(text, mention.end) is not None


def _lists_next(text: str, end: int, next_start: int, following: NumberMention | None,
                names_item: Callable[[NumberMention], bool]) -> bool:
    """Whether the next figure is the next item of a list that leaves out what its items count: "Six people
    died in Texas, four in Oklahoma" (but not "six in Texas, four were injured in Ohio"), or names the item by a
    place before its figure (`names_item`): "33 deaths, South Carolina 36, Tennessee 17" (not "Kills 43, Wounds 55")."""
    if following is None or following.unit:
        return False
    # every match ends in a comma, "and", ", followed by" or ", with", which most gaps do not: "1,293 were in Al
    # Haouz, followed by 452 in Taroudant", "with 12 in Herat"
    ending = text[end:next_start].rstrip()
    if not (ending[-1:] == "," or ending[-3:].lower() == "and" or ending.endswith((", followed by", ", with"))):
        return ending[-1:].isalpha() and NAMED_ITEM_GAP.match(text, end, next_start) is not None \
            and NAMED_ITEM_END.match(text, following.end) is not None and names_item(following)
    return LIST_GAP.match(text, end, next_start) is not None and ELIDED_ITEM.match(text, following.end) is not None


def _states_part_after(text: str, end: int, sentence_end: int) -> bool:
    """Whether the words after a figure state it as a part: '14 of them', 'six of whom', '14 Australians
    and seven others'."""
    if sentence_end - end <= STATED_PART_AFTER_REACH:
        rest = text[end:sentence_end].lower()
        if not any(map(rest.__contains__, STATED_PART_AFTER_WORDS)):
            return False
    found = STATED_PART_AFTER.match(text, end, sentence_end)
    return found is not None and not _verb_between(found)


def _verb_between(part_after: regex.Match) -> bool:
    """Whether a verb parts a figure from "and N others" after it: "Two soldiers were killed and 12 others injured"
    (the others are no more dead), not "14 Australians and seven others"."""
    return any(word in AUXILIARY_VERBS or word in STATE_ADJECTIVES or word.endswith("ed")
               for word in (part_after.group("between") or "").lower().split())


def _after_opening_share(text: str, mention: NumberMention, sentence: Span) -> bool:
    """Whether the sentence opens with the whole its figures are parts of, and the figure comes after it: "Of the
    dead, 112 were women and seven were children" (the seven too)."""
    return _opening_share_end(text, mention, sentence) is not None


def _opening_share_end(text: str, mention: NumberMention, sentence: Span) -> int | None:
    """Where the whole that opens the sentence ends, if the figure comes after it ("Of the dead, "), else None."""
    if not text.startswith(("Of ", "Among "), sentence.start):  # as most sentences do not
        return None
    opening = OPENING_SHARE.match(text, sentence.start)
    return opening.end() if opening is not None and opening.end() <= mention.start else None


def _compared_account(text: str, mention: NumberMention, unit: str, sentence: Span) -> bool:
    """Whether a bare figure is another account the one before it is set against: "133 people had been detained,
    far more than the 76 the interior ministry acknowledged"."""
    return not unit and text.endswith("the ", 0, mention.start) \
        and COMPARED_ACCOUNT.search(text, max(sentence.start, mention.start - 30), mention.start) is not None


def _included_then_closed(text: str, mention: NumberMention, unit: str, sentence: Span) -> bool:
    """Whether a part named by "including" ends at a comma right after its noun: what follows the comma is said
    of the whole, or of others ("including three minors, and 11 officers were hurt"), not of the part."""
    if not INCLUDED_BEFORE.search(text, max(sentence.start, mention.start - 20), mention.start):
        return False
    rest = text[mention.end:sentence.end].lstrip()
    return rest[len(unit):].lstrip().startswith(",") if rest.startswith(unit) else False


def _states_part_before(lead: str) -> bool:
    """Whether the lead ends as a part does: 'including', 'among them', 'of whom' (and perhaps 'at least')."""
    lowered = lead.lower()
    return any(map(lowered.__contains__, STATED_PART_WORDS)) and bool(STATED_PART_BEFORE.search(lead))


def _words(window: str):
    """WORD.finditer(window): by the stdlib engine where the window is ASCII, as most are."""
    return ASCII_WORD.finditer(window) if window.isascii() else WORD.finditer(window)


def _last_words(window: str, count: int) -> list[regex.Match]:
    """The last `count` words of the window (all if it holds fewer), read from a space near its end:
    no word holds a space, so the words after one are those a reading from the start finds."""
    reach = len(window) - 20 * count
    space = window.find(" ", reach) if reach > 0 else -1  # a short window is read once, from its start
    if space >= 0:
        words = list(WORD.finditer(window, space + 1))
        if len(words) >= count:
            return words[-count:]
    return list(WORD.finditer(window))[-count:]


def _plural(word: str) -> bool:
    """Whether a lower-case word is a plural noun, which ends the noun phrase a figure counts ("eligible voters
    cast a ballot"): an -s plural ("gas", "bus", "crisis", "glass" are none) or "people"."""
    return word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS) or word == "people"


_NOT_PLURAL_ENDINGS = ("ss", "is", "us", "as", "'s", "’s")


def _remembered(cache: dict, key, compute, bound: int = 0):
    """compute(key), kept in cache (of at most `bound` keys, _REMEMBERED by default): for what depends on a word,
    a unit or a sentence alone."""
    value = cache.get(key, _UNKNOWN)
    if value is _UNKNOWN:
        if len(cache) >= (bound or _REMEMBERED):
            cache.clear()  # a bound on memory over a long batch; the common words return at once
        value = cache[key] = compute(key)
    return value


_UNKNOWN = object()
_REMEMBERED = 50_000
# Sentences are longer than words: fewer are kept (some 3 MB), as many as an archive's wire copies repeat within
# a few days of news.
_SENTENCES_REMEMBERED = 10_000


def _whole(mention: NumberMention) -> bool:
    """Whether a figure states whole numbers: the ends of a range, else its value."""
    if mention.value is not None:
        return mention.value % 1 == 0
    return all(v is None or v % 1 == 0 for v in (mention.low, mention.high))


def _agent_nouns(quantity, scopes) -> list[str]:
    """The nouns of a quantity's agents: its own, and the words of its agent groups and of the scopes within them."""
    within = {scope.name: scope.within for scope in scopes}
    nouns = list(quantity.agents)
    for scope in scopes:
        name = scope.name
        while name is not None and name not in quantity.agent_groups:
            name = within.get(name)
        nouns += scope.words if name is not None else ()
    return nouns


def _reference_point_pattern(places: dict) -> regex.Pattern | None:
    """What a text before a place ends in when the place is a point of reference: a word of direction and "of",
    not after "the" ("south of Marrakech"; "the south of France" is in it), or a word of outside."""
    directions, outside = places.get("reference_words", ()), places.get("outside_words", ())
    forms = [rf"(?<!\bthe\s)(?:{alternation(directions)})\s+of\s+(?:the\s+)?"] if directions else []
    forms += [rf"(?:{alternation(outside)})\s+(?:of\s+)?(?:the\s+)?"] if outside else []
    return version1(rf"(?<![\p{{L}}-])(?:{'|'.join(forms)})\Z", regex.I) if forms else None


def _earlier_report_pattern(sources: dict) -> tuple[regex.Pattern, regex.Pattern | None] | None:
    """Words that give what is said as an earlier report, before a figure and after it: an earlier word next to
    a verb of saying ("had earlier confirmed"; after the figure only "said earlier"), or before the figure an
    earlier adjective before a noun of a report ("initial reports", "an earlier toll of")."""
    words, adjectives = sources.get("earlier_words", ()), sources.get("earlier_adjectives", ())
    nouns = sources.get("report_nouns", ())
    if not (words or adjectives and nouns):
        return None
    verbs = alternation([*sources["verbs"], *sources.get("earlier_report_verbs", ())])
    before, after = [], None
    if words:
        earlier = alternation(words)
        before += [rf"(?:{earlier})\s+(?:(?:had|have|has|was|were|been)\s+)?(?:{verbs})", rf"(?:{verbs})\s+(?:{earlier})"]
        after = _word_pattern(rf"(?:{verbs})\s+(?:{earlier})")
    if adjectives and nouns:
        before.append(rf"(?:{alternation(adjectives)})\s+(?:{alternation(nouns)})")
    return _word_pattern("|".join(before)), after


def _word_pattern(words: str) -> regex.Pattern:
    """A case-blind pattern of these alternatives, each whole words."""
    return version1(rf"(?<![\p{{L}}])(?:{words})(?![\p{{L}}])", regex.I)


def _superseded(claims: list[Claim], reported_earlier: set[str]) -> list[Claim]:
    """The claims, those given as an earlier report marked superseded where the article states another figure of
    the same count ("had earlier confirmed that two soldiers were killed ... the number killed is now three")."""
    current = {(c.quantity, c.scope) for c in claims if c.quantity != OTHER and c.id not in reported_earlier}
    return [replace(c, superseded=True) if c.id in reported_earlier and (c.quantity, c.scope) in current else c
            for c in claims]


def _final_level(mention: NumberMention) -> NumberMention:
    """'The toll rose from 44 to 164' (or fell from 164 to 44): a count compared across articles is the level
    it reached."""
    level = mention.low if mention.fell else mention.high
    return mention._replace(value=level, low=level, high=level, qualifier="exact",
                            reading=f"a change ending at {level:,.0f}: the figure is the level it reached")


def _lower_bound(mention: NumberMention, noun: str) -> NumberMention:
    """'Rescuers pulled 12 bodies from the wreckage': what was found of the dead, at least that many died."""
    return mention._replace(qualifier="at_least", high=None,
                            reading=f"{mention.reading}; {noun} found: at least as many")


def _same_qualifier(mention: NumberMention, restated: NumberMention) -> NumberMention:
    """A conversion bounded as the figure it restates: "over 100 km (60 miles)" is over 60 miles."""
    ratio = mention.value / restated.value if restated.value else None
    if ratio is None:
        return mention
    return mention._replace(qualifier=restated.qualifier,
                            low=None if restated.low is None else restated.low * ratio,
                            high=None if restated.high is None else restated.high * ratio,
                            reading=f"{restated.reading}, restated in other units")


class _PlaceWords(NamedTuple):
    """Words around a figure that say its place: a count of places after it, and the whole country."""

    counted_places: regex.Pattern | None   # after a figure: "50 cities (across Russia)"
    whole_country: regex.Pattern | None    # anywhere in its sentence: "nationwide", "across the country"
    # where whole_country may match, in the folded sentence: most sentences hold none of its words, which this
    # scan tells five times faster than the pattern's search
    whole_country_starts: re.Pattern | None
    past_verbs: frozenset[str] = frozenset()  # past forms with no -ed ending: "sent", "lost" (numbers.toml)
    # before a place: a verb that carries those counted to it, "flown to hospitals in Kathmandu"
    destination: regex.Pattern | None = None
    # before a place: a superlative it is the class of, "the deadliest U.S. wildfire", "the worst attack in Europe"
    compared_within: regex.Pattern | None = None


def _place_words(places: dict, past_verbs: frozenset[str]) -> _PlaceWords:
    nouns, whole = places.get("place_count_nouns", ()), places.get("whole_country_words", ())
    carrying = places.get("destination_verbs", ())
    # (a few words between the verb and "to": "flown by helicopter to"; and the place may be a hospital's: "to
    # hospitals in Kathmandu", "to a hospital in the capital, Nairobi")
    destination = version1(rf"\b(?i:{alternation(carrying)})(?:\s+[\p{{L}}-]+){{0,3}}?\s+to\s+(?:(?:a|the)\s+)?"
                           rf"(?:[\p{{L}}-]+\s+){{0,3}}?(?:(?:in|at)\s+)?(?:the\s+)?\Z", regex.REVERSE) \
        if carrying else None
    superlatives = places.get("superlatives", ())
    compared_within = version1(rf"\b(?i:{alternation(superlatives)})(?:\s+[\p{{L}}-]+){{0,2}}?\s+(?:in\s+(?:the\s+)?)?\Z",
                               regex.REVERSE) if superlatives else None
    return _PlaceWords(
        version1(rf"\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?i:{alternation(nouns)})\b") if nouns else None,
        version1(rf"\b(?i:{alternation(whole)})\b") if whole else None,
        (folded_word_starts(whole) or _ANYWHERE) if whole else None, past_verbs, destination, compared_within)


def _in_dateline(text: str, place: PlaceMention) -> bool:
    """Whether the place opens a paragraph as a dateline does: "COLOMBO -", "ANKARA (Reuters) -"."""
    line_start = text.rfind("\n", 0, place.start) + 1
    # the place opens the line, or follows the dateline's city there: "KADUNA, Nigeria, March 8 (Reuters) -"
    opens = place.start == line_start or DATELINE_CITY.fullmatch(text, line_start, place.start) is not None
    return opens and DATELINE_AFTER.match(text, place.end) is not None


def _main_place(places: list[PlaceMention], gazetteer: Gazetteer, text: str) -> str | None:
    """The country the article names most (a city counts for its country); or the one place in it the article
    names more often than the country itself and than any other place in it, or the only one it names in a country
    it never names itself (an Ohio shooting, floods in Assam:
    a figure of such an article with no place of its own is no figure of the whole country, which a state's
    figures would be set beside as its parts). A dateline's city is where the report was filed from, which says
    the country but not the place in it where the article names another ("KATHMANDU (Reuters) - A plane crashed
    near Pokhara"; but "OAKDALE, Ohio (AP) - ... in suburban Ohio")."""
    # (a place GeoNames lacks, named by its kind, lies in no country it knows: the article's country, or its place,
    # is one it knows where it names one: "residents in the Christian town of Tentena" in a story on Sulawesi)
    places = [p for p in places if p.country is not None or p.name in gazetteer.countries] or places
    counts = Counter(p.country or p.name for p in places)
    if not counts:
        return None
    country = counts.most_common(1)[0][0]
    within = [(p.name, _in_dateline(text, p)) for p in places if p.country == country and p.name != country]
    named = {name for name, dateline in within if not dateline}
    mentions = Counter(name for name, dateline in within if not (dateline and named - {name}))
    # a region is named by its cities too ("floods in Borno ... in Maiduguri"), where the article names it
    inside = Counter(mentions)
    for name, count in mentions.items():
        for region in gazetteer.ancestors(name):
            if region in mentions:
                inside[region] += count
    inside = inside.most_common(2)
    # (the country as the owner of a place in it is no mention of the country itself: "Nigeria's Borno state")
    country_itself = sum(p.name == country and not OWNED_GAP.match(text, p.end) for p in places)
    if inside and inside[0][1] >= 2 and (len(inside) == 1 or inside[0][1] > inside[1][1]) \
            and inside[0][1] > country_itself:
        return inside[0][0]
    # (or the one place it names in a country it never names: "The death toll from the floods in central Texas")
    # (not a dateline's: "AUSTIN (AP) - At least 82 people have been killed in the floods"; nor one a part of a
    # figure is counted in: "164 people were killed, including 103 in Almaty")
    if len(inside) == 1 and not country_itself and inside[0][0] in named \
            and not any(p.name == inside[0][0] and COUNTED_IN.search(text, max(0, p.start - 40), p.start)
                        for p in places):
        return inside[0][0]
    return country


# A scan that finds a place everywhere: where a fast scan cannot be built (words past ASCII), the pattern is asked.
_ANYWHERE = re.compile("")
# The dashes that join an attribute to a place before it ("UK-based"), as a character class's body.
_ATTRIBUTE_DASHES = "-‐‑–"

# Sources named by a common noun: "police said", "according to the health ministry". As a prefix tree,
# which the engine drops after a letter at most of the positions it tries.
# Where a source named before its verb can start: at a capital, or where the folded text starts as 'the',
# 'local', 'state' or a common noun does (their first three letters). Any character outside ASCII may
# start one too, so that no capital or case folding the engine knows is missed.
_CAPITAL_OR_NOT_ASCII = re.compile(r"[A-Z\x80-\U0010ffff]")
# An aside between a speaker and its verb of saying: ", a Britain-based war monitor,", ", speaking on condition of
# anonymity,", ", who spoke on condition of anonymity because they were not authorised to brief reporters,".
APPOSITIVE = r",\s+(?:(?:a|an|the|who|which)\s+|\p{Ll}+ing\s+)[^,;:()\"“”]{1,120}?,"
# (its opening, where it ends right before the verb)
APPOSITIVE_BEFORE = regex.compile(APPOSITIVE + r"\Z")
# The number a name ends in, right before its verb, after a capitalised word: "Channel 4 reported", "France 24 said".
NUMBER_ENDING_NAME = regex.compile(r"(?<=\p{Lu}[\p{L}.-]*\s+)\d{1,2}\Z")
# After a speaker's common noun: the place it speaks in or for, which stays with it ("officials in Sindh said"), or the
# place alone would be the speaker.
def _speakers_place(kind_nouns: Sequence[str]) -> str:
    """A place after a speaker's common noun, which stays with it ("officials in Sindh said"), or the place alone
    would be the speaker: named, or named with the noun of its kind ("police in the town of Bor", "health officials
    in the northern province of Helmand", "officials in Borno state"; up to two words before the kind), or by its
    kind alone ("officials in the region")."""
    name = r"\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*"
    if not kind_nouns:
        return rf"(?:\s+(?:in|of|from)\s+(?:the\s+)?{name})?"
    kind = alternation(kind_nouns)
    # (or by its kind alone, after "the": "officials in the region", "police in the northern province")
    return rf"(?:\s+(?:in|of|from)\s+(?:the\s+)?(?:(?:\p{{Ll}}[\p{{Ll}}-]*\s+){{0,2}}(?i:{kind})\s+of\s+)?{name}" \
           rf"(?:\s+(?i:{kind})(?![\p{{L}}]))?" \
           rf"|\s+(?:in|of|from)\s+the\s+(?:\p{{Ll}}[\p{{Ll}}-]*\s+)?(?:{kind})(?![\p{{L}}]))?"
# The letters, dots, hyphens, apostrophes, brackets and spaces before a verb: what a name, 'the police', "Gaza's
# health ministry" or "Iran Human Rights (IHR)" before it is written in.
_RUN_BEFORE = regex.compile(r"[\p{L}.\s'’()-]*", regex.REVERSE)


# A capitalised word that may open a speaker's name before another ("Sri Lankan police"): no word that opens a
# sentence or a clause ("In Kenya police said", "After Tuesday officials said").
_NAME_WORD_BEFORE = "(?:(?!" + alternation(w.capitalize() for w in (*FUNCTION_WORDS, *PREPOSITIONS, *SUBORDINATE_WORDS)) \
    + r"\s)\p{Lu}\p{Ll}+\s+)"


def _common_source(common: list[str], place: str, lower_case: bool = False, described: str = "",
                   describing: str = "") -> str:
    """A speaker named by a common noun. After 'the' or 'a', up to two lower-case words say which one ("the
    health ministry", "the state news agency", "a senior official"); without 'the' only a capitalised word may
    ("Rights groups"), with a word that `describing` lets describe it ("Israeli military sources"), or "people
    killed police said" would name "people killed police", but for where `described` says such a word may open
    it. A place after it (`place`: _speakers_place) stays with it."""
    lower = r"(?:\s+\p{Ll}[\p{Ll}-]*){0,2}"
    # "the UN refugee agency", "an AFP tally", "Gaza's health ministry": a name before the lower-case words
    named = r"\p{Lu}[\p{L}.-]*"
    # "hospital sources", "security officials": a word that says which, no verb's participle
    word = rf"{describing}(?!\p{{Ll}}+(?:ing|ed)\s)\p{{Ll}}[\p{{Ll}}-]*\s+"
    # (or an acronym: "US officials", "U.N. officials"; or joined to a word by a hyphen: "Houthi-run media")
    # (after a place's first word: "Sri Lankan police", "South Korean officials"; not "In Kenya police said")
    capitalised = rf"{_NAME_WORD_BEFORE}?\p{{Lu}}(?:\p{{Ll}}+|[\p{{Lu}}.]+)(?:-\p{{Ll}}+)?\s+(?:{word})?" if describing \
        else rf"{_NAME_WORD_BEFORE}?\p{{Lu}}(?:\p{{Ll}}+|[\p{{Lu}}.]+)(?:-\p{{Ll}}+)?\s+"
    # ("the governor's office", "the interior ministry's spokesman": an owner in lower case after 'the'; "the Sri
    # Lanka government", "the New York fire department": a name of up to three words after it)
    determiner = rf"(?i:the|an?)(?:\s+{named}){{0,3}}{lower}\s+" \
                 rf"|(?i:the)(?:\s+\p{{Ll}}[\p{{Ll}}-]*)?\s+\p{{Ll}}[\p{{Ll}}-]*['’]s{lower}\s+" \
                 rf"|(?i:local|state){lower}\s+|{named}['’]s{lower}\s+|{capitalised}"
    if described:  # (one or two: ", hospital sources said", ", regional health officials said")
        determiner += rf"|{described}(?:{word}){{1,2}}"
    if lower_case:  # a name, then the common noun as written in lower case
        return rf"(?<![\p{{L}}\p{{N}}_])(?>(?:(?i:the|an?)\s+)?{named}(?:['’]s)?{lower}\s+{alternation(common)}{place})"
    # (a common noun that owns another is no speaker: "the governor's office"; nor one a figure of hundreds or more
    # counts, "Ford, which has 13000 workers in the UK, has estimated", but for a year, "In 2019 police said", or a
    # day, "On May 5 police said")
    return rf"(?<![\p{{L}}\p{{N}}_])(?:(?<!\d\d\d\s)|(?<=\b(?:1[89]|20)\d\d\s))(?>(?:{determiner})?(?i:{alternation(common)})(?!['’]s\b){place})"


def _source_before_verb_starts(common: list[str]) -> re.Pattern:
    """Where a source named before its verb can start, in folded text: where 'the', 'a', 'local', 'state' or
    a common noun does."""
    return folded_word_starts(["the", "a", "an", "local", "state", *common])


def _source_pattern(sources: dict, number_words: Sequence[str] = (), kind_nouns: Sequence[str] = ()) -> regex.Pattern:
    # Prefix trees, where a flat list of some fifty phrases was tried phrase by phrase at every start (a verb's
    # phrase keeps its one space: "put the toll at")
    verbs = alternation(sources["verbs"], space=" ")
    markers = alternation(sources["markers"])
    never_nouns = alternation(sources.get("never_nouns", ())) or "(?!)"
    # a count put at a figure, its noun perhaps owned: "Moscow put Ukrainian losses at 300", "put the army's toll at"
    put_nouns = sources.get("put_at_nouns", ())
    # and what it counts said after it: "put the number of wounded at 200", "put the toll from the quake at 2,300";
    # and beside another's: "put the death toll higher, at 55"
    put_at = rf"put(?:s|ting)?\s+(?:(?:the|its|their)\s+)?(?:[\p{{L}}-]+['’]s\s+|\p{{Lu}}[\p{{L}}-]+\s+)?" \
             rf"(?i:{alternation(put_nouns)})(?:\s+(?:of|for|from|among|in)(?:\s+[\p{{L}}'’-]+){{1,4}}?)?" \
             rf"(?:\s+(?:(?:even|much|far|slightly)\s+)?(?:higher|lower),?)?\s+at\b" \
        if put_nouns else "(?!)"
    # a passive verb's agent, a few words on: "estimated at 10,000 by organisers" (not past a clause's end)
    agents = alternation(sources.get("agent_verbs", ()))
    by_agent = rf"\b(?:{agents})\s+(?:[^\s;:]+\s+){{0,5}}?(?<![,]\s)by" if agents else "(?!)"
    # Atomic, so that a possessive ("the Tajik's knowledge") is no name rather than a clipped one.
    # "the International Organization for Migration", "the Office for the Coordination of Humanitarian Affairs"
    # and its acronym in brackets after it: "Iran Human Rights (IHR) said"
    # (not on into a day, nor past "on" into a month: "said Ben Ito on Monday", "said Ben Ito on May 5"; but
    # "said Elsie May")
    weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    # (and joined by "and": "the Australian Institute of Health and Welfare", "Russia and Ukraine said"; a plural
    # owner inside it: "the National Police Chiefs' Council")
    word = r"\p{Lu}[\p{L}.-]*(?:['’](?<=s.)(?=\s+\p{Lu}))?"
    # (and by "to": "the Committee to Protect Journalists"; but after its verb "said Ali Khan to Reuters" is Ali Khan)
    words, words_after_verb = (rf"{word}(?:\s+(?:(?:{joiners}|on(?!\s+{month}))\s+(?:the\s+)?)?(?!{weekday}){word})*"
                               rf"(?:\s*\(\p{{Lu}}[\p{{L}}.-]{{1,10}}\))?" for joiners in ("of|for|and|to", "of|for|and"))
    name = rf"(?>(?:the\s+)?{words})(?!['’]s\b)"
    name_after_verb = rf"(?>(?:the\s+)?{words_after_verb})(?!['’]s\b)"
    # A name before the verb does not start inside a run of capitalised words: the run's first word
    # was tried and read to the same end, so the name would fail again. Without this, a long
    # capitalised sentence costs the square of its length.
    # (nor a day: "The report released on Monday said" names no "Monday"; a name may end in a number right before
    # its verb: "Channel 4 reported", "France 24 said")
    name_before = r"(?>(?:the\s+|(?=\p{Lu})(?<!\p{Lu}[\p{L}.-]*\s+(?:(?:of|for|and|to|on)\s+(?:the\s+)?)?))" \
        + rf"(?!{weekday}\s)" + words + r"(?:\s+\d{1,2}(?=\s))?)(?!['’]s\b)"
    not_describing = sources.get("not_describing_speakers", ())
    describing = rf"(?!(?i:{alternation(not_describing)})\s)" if not_describing else ""
    place = _speakers_place(kind_nouns)
    common = _common_source(sources["common"], place, describing=describing)
    # A clause of its own names its speaker with a word before the common noun (", hospital sources said", ", but
    # opposition groups say"), as does a verb's subject after it ("said hospital officials in Kabul"); elsewhere a
    # lower-case word before the noun is another clause's ("people killed police said").
    clause_common = _common_source(sources["common"], place, describing=describing,
                                   described=r"(?<=[,;:]\s+(?:(?:and|but|while|whereas|though|although)\s+)?)")
    after_verb_common = _common_source(sources["common"], place, described=r"(?<=\s)", describing=describing)
    # after a verb or a marker, a speaker's title before the name: "said rescue chief Ali Khan", "according to police
    # spokesman Ben Ito"
    title = rf"(?:(?:\p{{Ll}}[\p{{Ll}}-]*\s+){{0,2}}(?:{alternation(sources['common'])})\s+(?=\p{{Lu}}))"
    titled = f"{title}?"
    # after a marker, a name that lower-case words go on from is the common noun's ("according to British
    # intelligence", "the UN refugee agency"), not a name cut short; "the Interior Ministry" is a name
    named_common = _common_source(sources["common"], place, lower_case=True)
    # after a marker, lower-case words before it are the common noun's too: "according to provincial officials"
    # (and the place after it, as after any common noun: "according to the provincial government of Khyber
    # Pakhtunkhwa")
    # (and a common noun after it that it describes: "according to the latest official figures")
    commons = alternation(sources['common'])
    # (and an acronym among its words: "according to the latest UN figures")
    described_common = rf"(?<![\p{{L}}])(?:\p{{Ll}}[\p{{Ll}}-]*\s+){{1,2}}(?:\p{{Lu}}{{2,6}}\s+)?(?i:{commons})" \
                       rf"(?:\s+(?i:{commons}))?(?![\p{{L}}])" \
                       + place
    addressing = alternation(sources.get("addressing_verbs", ())) or "(?!)"
    # between a speaker and its verb, up to two adverbs or auxiliaries: "police also said", "officials have since
    # confirmed", "Mr Williams later told reporters"
    adverbs = sources.get("between_speaker_and_verb", ())
    between = rf"(?:(?:{alternation(adverbs)})\s+){{0,2}}" if adverbs else ""
    # and a time between them, wire copy's habit: "Police on Monday said", "officials late on Tuesday confirmed",
    # "the ministry yesterday put the toll at 45"
    between += rf"(?:(?:(?:late|early)\s+)?on\s+{weekday}(?:\s+(?:night|morning|afternoon|evening))?\s+" \
               rf"|(?:yesterday|today|tonight|last\s+night)\s+)?"
    # "the ministry said on Monday", "Tokayev said:", "police said 40 people": a verb that reports
    # speech is followed by punctuation, a time, a preposition, 'that' or the reported clause itself, which may
    # open with a speaker's noun or a subject before its auxiliary or a past tense ("Johan Pieterse said police had
    # rescued four", "said gunmen had stormed", "said troops killed 30"; not "Initial reports spoke of").
    reports = r"\s*(?:[,.;:\"“”']|$|\s(?:that|on|in|at|during|late|earlier|today|yesterday|last|this|after|" \
              r"before|via|when|as|while|\d|the|a|an|some|about|more|nearly|up|over|only|just|roughly|around|" \
              r"almost|approximately|between|no|fewer|under|there|it|its|they|their|he|his|she|her|reporters|" \
              r"journalists|(?-i:\p{Lu})" + (rf"|{alternation(number_words)}\b" if number_words else "") \
        + rf"|(?:{alternation(sources['common'])}|\p{{Ll}}+\s+(?:had|have|has|were|was|are|is|will|would|\p{{Ll}}+ed))\b))"
    # after a verb, a common noun is its speaker where its clause ends there or goes on to say which one ("said
    # officials in Kabul", "said police, who ..."); else it starts the reported clause ("union leaders say workers
    # and the government ...", "claims maintenance workers earn")
    speaker_end = r"(?=\s*(?:[,.;:!?\"”’)]|$|\s(?:in|on|at|from|with|who|of|for|to|during|late|earlier|today|" \
                  r"yesterday|last|this)\b))"
    # before a verb: whom a speaker speaks for ("a spokesman for the fire service said"), and an aside between the
    # speaker and the verb ("The Syrian Observatory for Human Rights, a Britain-based war monitor, said")
    for_whom = r"(?:\s+for\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2}?)?"
    # (or a relative clause with no commas, no figure in it: "A hospital source who asked not to be named said")
    appositive = rf"(?:{APPOSITIVE}|\s+who\s+[^,;:()\"“”\d]{{1,80}}?)?"
    # "fighting between Muslims and Christians has claimed hundreds of lives": a toll, no speaker's claim
    not_a_toll = r"(?<!claim(?:s|ed)?\b(?=\s+(?:[\p{L}\d,.-]+\s+){1,3}?(?:lives|victims)\b))"
    return version1(
        rf"(?:(?:\b(?i:{markers})|{by_agent})\s+(?:{title}(?P<after_marker>{name})"
        rf"|(?P<after_marker>{named_common}|{name}|{described_common}|{common}))"
        # the next figure's agent, its verb left out: "estimated at 10,000 by organisers and 3,000 by police"
        rf"|(?<=\band\s+\d[\d,.]*\s+)by\s+(?P<after_marker>{described_common}|{common})"
        rf"|(?P<before_verb>(?:{name_before}|{clause_common}){for_whom}){appositive}\s+{between}"
        rf"(?:(?:{verbs})\b(?={reports}){not_a_toll}"
        rf"|(?:{never_nouns})\b(?=\s+\p{{Ll}}){not_a_toll}"
        rf"|{put_at}"
        rf"|(?:{addressing})\b)"
        # (not a name that describes a plural noun after it, the reported clause's subject: "says Australian firms
        # could")
        rf"|\b(?:{verbs})\s+{titled}(?P<after_verb>{name_after_verb}(?!\s+\p{{Ll}}[\p{{Ll}}-]*s\b)"
        rf"|{after_verb_common}{speaker_end}))")



def _source_starts(sources: dict) -> regex.Pattern:
    """A reporting verb or a marker, where every match of the source pattern starts or (after a name) ends.
    Most sentences hold neither, and this finds that ten times faster than the full pattern."""
    verbs = [*sources["verbs"], *sources.get("addressing_verbs", ()), *sources.get("agent_verbs", ())]
    return version1(rf"\b(?:{alternation(verbs)}|(?i:{alternation(sources['markers'])}))")



# A speaker named by whom it speaks for: "a spokesman for the ministry", "an official for the agency".
SPOKEN_FOR = regex.compile(r"(?:(?i:an?|the)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:spokes(?:man|woman|person)|official)\s+for\s+(.+)\Z")


def _speaker(match: regex.Match) -> str | None:
    # the pattern's three groups, read in one call (the regex module looks a group read by name up anew)
    after_marker, before_verb, after_verb = match.groups()
    name = after_marker or before_verb or after_verb
    # "a spokesman for the fire service": the speaker speaks for the fire service
    spoken_for = SPOKEN_FOR.match(name) if name else None
    name = spoken_for.group(1) if spoken_for else name
    # a pronoun or a determiner is no name: "An estimated 3,000 ..." is no report by "An"
    if not name or name.split()[-1].lower() in ("he", "she", "they", "it", "we", "i", "the", "a", "an", "this",
                                                "that", "these", "those", "some", "another"):
        return None
    return single_spaced(name).strip(" .,'’")


def _source(speakers: list[tuple[int, int, str, int, int]], mention: NumberMention, text: str,
            next_start: int | None) -> str | None:
    """Who gives the figure: of its sentence's speakers, the nearest; but not one after it in a clause of its own
    where one speaks before it ("Police estimated the crowd at 15,000, while organisers said 50,000": the 15,000 is
    the police's, however near the organisers stand) or where that clause gives a figure of its own ("Turkey's
    toll rose to 44,218, while Syria reported 5,914 deaths": the 44,218 is no word of Syria's)."""
    if speakers and speakers[0][3] <= mention.start < speakers[0][4] or len(speakers) > 1:
        # a figure in a speaker's name is who spoke, not what they said: "Forty injured told reporters"
        speakers = [s for s in speakers if not s[3] <= mention.start < s[4]]
    if not speakers:
        return None
    speaks_before = any(end <= mention.start for _, end, *_ in speakers)
    if speaks_before or next_start is not None and speakers[-1][1] <= next_start:
        speakers = [s for s in speakers if s[0] < mention.end
                    or not (speaks_before or next_start is not None and s[1] <= next_start)
                    or not CLAUSE_OPENING.search(text, mention.end, s[0])]
    if len(speakers) < 2:  # most sentences name one speaker or none: nothing to choose between
        return speakers[0][2] if speakers else None
    return min(speakers, key=lambda s: min(abs(s[0] - mention.start), abs(s[1] - mention.end)))[2]


def _name_span(match: regex.Match) -> tuple[int, int]:
    """Where the name _speaker reads stands in the source pattern's match: its first group that matched."""
    return next(match.span(group) for group in (1, 2, 3) if match.start(group) >= 0)


def _in_spans(offset: int, spans) -> bool:
    return any(start <= offset < end for start, end in spans)


def _normal(word: str) -> str:
    return _remembered(_NORMAL_FORMS, word, _normal_form)


def _normal_form(word: str) -> str:
    # folded as the patterns fold case: a trigger matched as "ſhot dead" is "shot dead"
    return single_spaced(folded(word).replace("’", "'"))


_NORMAL_FORMS: dict[str, str] = {}  # the same trigger words and units come back in every article

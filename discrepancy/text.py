"""Position bookkeeping for one document: line/column of an offset, sentences and paragraphs.

Computed once per article and shared by every step that needs positions.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import regex

# A sentence ends at . ! or ? (with closing quotes or brackets) before a space and a capital,
# a digit or an opening quote, unless the word before the stop is an abbreviation.
SENTENCE_END = regex.compile(
    r"""(?<=[.!?\"'”’)\]])(?=\s)         # one character each side first: most positions fail it at once
        (?<=[.!?][\"'”’)\]]*)          # the stop and any closing quote or bracket
        \s+                            # the space between sentences
        (?=[\"'“‘(\[]?[\p{Lu}\d])      # the next sentence opens with a capital or digit
    """, regex.X)
ABBREVIATION = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Cmdr|Prof|Sen|Rep|Gov|Jr|Sr|vs|etc|No|Inc|Ltd|Co|Corp|Ave|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|[Aa]pprox|ca|[Ee]st|Fig|Vol|pp)"
    r"|\b\p{Lu}|\b(?:U\.S|U\.K|U\.N|E\.U))\.[\"'”’)\]]*\Z")


class Span(NamedTuple):
    """A stretch of the text, text[start:end]. A tuple: each claim keys its sentence's shared results by
    its Span, and a tuple hashes in C where a frozen dataclass hashes in Python."""

    start: int
    end: int


# Where SENTENCE_END may match: right after a stop or a closing mark, before a space (Python's spaces hold the
# regex module's). The regex module's scan tried its look-behind at every character, a third slower.
SENTENCE_END_STARTS = re.compile(r"[.!?\"'”’)\]](?=\s)")
LINE_BREAK = regex.compile(r"\n")
PARAGRAPH = regex.compile(r"[^\n]+")


class Document:
    """One text's line starts and paragraphs, computed once; a paragraph's sentences when first asked for
    (most paragraphs hold no figure, and splitting them all was a tenth of the extraction time)."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        self.paragraphs = [Span(*m.span()) for m in PARAGRAPH.finditer(text)]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._sentences: dict[int, tuple[list[Span], list[int]]] = {}  # paragraph index -> sentences, starts

    def _sentences_of(self, index: int) -> tuple[list[Span], list[int]]:
        if index not in self._sentences:
            sentences = self._split(self.paragraphs[index])
            self._sentences[index] = sentences, [s.start for s in sentences]
        return self._sentences[index]

    def _split(self, paragraph: Span) -> list[Span]:
        spans, start = [], paragraph.start
        for gap in _sentence_ends(self.text, paragraph):
            if ABBREVIATION.search(self.text, max(start, gap.start() - 8), gap.start()):
                continue
            spans.append(Span(start, gap.start()))
            start = gap.end()
        spans.append(Span(start, paragraph.end))
        return [s for s in spans if s.end > s.start]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def sentence_at(self, offset: int) -> Span:
        """The last sentence that starts at or before `offset` (the first one for an offset before it).
        A paragraph's first sentence starts where it does, so that sentence is in the paragraph at `offset`."""
        if not self.paragraphs:
            return Span(0, len(self.text))
        paragraph = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        sentences, starts = self._sentences_of(paragraph)
        return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]

    def paragraph_at(self, offset: int) -> Span:
        index = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index] if self.paragraphs else Span(0, len(self.text))


def _sentence_ends(text: str, paragraph: Span):
    """What SENTENCE_END.finditer(text, paragraph.start, paragraph.end) gives, tried only where a stop stands
    before a space (one before the paragraph may stand right before its start): each match starts at one such
    place, and holds none."""
    for stop in SENTENCE_END_STARTS.finditer(text, max(0, paragraph.start - 1), paragraph.end):
        gap = SENTENCE_END.match(text, stop.end(), paragraph.end)
        if gap:
            yield gap

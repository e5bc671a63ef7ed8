"""Position bookkeeping for one document: line/column of an offset, sentences and paragraphs.

Computed once per article and shared by every step that needs positions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

# A sentence ends at . ! or ? (with closing quotes or brackets) before a space and a capital,
# a digit or an opening quote, unless the word before the stop is an abbreviation.
SENTENCE_END = regex.compile(
    r"""(?<=[.!?][\"'”’)\]]*)          # the stop and any closing quote or bracket
        \s+                            # the space between sentences
        (?=[\"'“‘(\[]?[\p{Lu}\d])      # the next sentence opens with a capital or digit
    """, regex.X)
ABBREVIATION = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Cmdr|Prof|Sen|Rep|Gov|Jr|Sr|vs|etc|No|Inc|Ltd|Co|Corp|Ave|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|approx|ca|est|Fig|Vol|pp)"
    r"|\b\p{Lu}|\b(?:U\.S|U\.K|U\.N|E\.U))\.[\"'”’)\]]*\Z")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class Document:
    """One text's line starts, paragraphs and sentences, computed once."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        self.paragraphs = [Span(m.start(), m.end()) for m in regex.finditer(r"[^\n]+", text)]
        self.sentences = [s for p in self.paragraphs for s in self._split(p)]
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def _split(self, paragraph: Span) -> list[Span]:
        spans, start = [], paragraph.start
        for gap in SENTENCE_END.finditer(self.text, paragraph.start, paragraph.end):
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
        index = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[index] if self.sentences else Span(0, len(self.text))

    def paragraph_at(self, offset: int) -> Span:
        index = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index] if self.paragraphs else Span(0, len(self.text))

"""The findings of a run, kept as columns and each made into a Finding only when read.

A batch of 100,000 articles has millions of findings; as objects, each with its sentence, they took
about a gigabyte. The reconciler stores each as two claim positions and a few small codes instead,
and a Finding (its message written from its two claims) is made when a report or format reads it.
Most readers want only some of them (the flagged ones, one group's, one story's): the columns
(verdicts, groups, stories, ...) pick those out without making the rest.
"""
from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from .models import FLAGGED, VERDICTS, Claim, Finding

# The type of the findings table's columns of positions and codes: a C int (32 bits), which holds any batch's
# claim and finding numbers; a long would double the millions of entries of a large batch's table.
POSITION = "i"
# Verdict code -> 1 where the verdict is flagged, else 0 (bytes.translate's table).
_FLAGGED_CODES = bytes(VERDICTS[code] in FLAGGED if code < len(VERDICTS) else 0 for code in range(256))

# verdict, first claim, second claim, extent -> the finding's message (the reconciler's wording)
Describe = Callable[[str, Claim, Claim, str], str]


class FindingTable:
    """The reconciler's findings as columns: claim positions, interned codes and names."""

    def __init__(self, claims: Sequence[Claim], describe: Describe, extents: Sequence[str]):
        self.claims, self.describe, self.extents = claims, describe, tuple(extents)
        self.first, self.second = array(POSITION), array(POSITION)  # positions in `claims`
        self.verdict, self.extent = bytearray(), bytearray()         # positions in VERDICTS, `extents`
        self.group, self.story = array(POSITION), array(POSITION)   # positions in the two name lists
        self.group_names: list[str] = []
        self.story_names: list[str | None] = []

    def __len__(self) -> int:
        return len(self.first)

    def finding(self, row: int) -> Finding:
        first, second = self.claims[self.first[row]], self.claims[self.second[row]]
        return Finding(first.quantity, VERDICTS[self.verdict[row]], (first.id, second.id), self._message(row),
                       self.group_names[self.group[row]], self.story_names[self.story[row]])

    def _message(self, row: int) -> str:
        return self.describe(VERDICTS[self.verdict[row]], self.claims[self.first[row]], self.claims[self.second[row]],
                             self.extents[self.extent[row]])

    # Columns of many rows at once: maps of C lookups, not a Python call a row (a large report reads the
    # verdicts and stories of millions of findings, once for each story).
    def verdicts_of(self, rows: Iterable[int]) -> list[str]:
        return list(map(VERDICTS.__getitem__, map(self.verdict.__getitem__, rows)))

    def quantities_of(self, rows: Iterable[int]) -> list[str]:
        return [claim.quantity for claim in map(self.claims.__getitem__, map(self.first.__getitem__, rows))]

    def flags_of(self, rows: Iterable[int]) -> bytes:
        # The verdict codes of the rows (a slice of the column where the rows run forward in steps), each made 1
        # where flagged by a table of bytes: no verdict's name is looked up.
        codes = self.verdict[rows.start:rows.stop:rows.step] if isinstance(rows, range) and rows.step > 0 else \
            bytes(map(self.verdict.__getitem__, rows))
        return codes.translate(_FLAGGED_CODES)

    def messages_of(self, rows: Iterable[int]) -> list[str]:
        # Written without the rest of each Finding: a report's brief groups read the messages of a batch's
        # flagged findings and nothing else of them (and the summary a line for each: the columns are looked
        # up once here, not once a row as _message does).
        describe, claims, first, second = self.describe, self.claims, self.first, self.second
        verdict, extent, extents = self.verdict, self.extent, self.extents
        return [describe(VERDICTS[verdict[row]], claims[first[row]], claims[second[row]], extents[extent[row]])
                for row in rows]

    def claim_pairs_of(self, rows: Iterable[int]) -> list[tuple[str, str]]:
        claims, first, second = self.claims, self.first, self.second
        return [(claims[first[row]].id, claims[second[row]].id) for row in rows]

    def first_claims_of(self, rows: Iterable[int], claims: Sequence[Claim]) -> list[Claim | None]:
        # The table's own claims, which a result's claims hold (the figures its findings compare).
        return list(map(self.claims.__getitem__, map(self.first.__getitem__, rows)))

    def cited(self, rows: Sequence[int]) -> set[str]:
        # Each figure looked up once: a figure is in many findings.
        positions = set(map(self.first.__getitem__, rows)) | set(map(self.second.__getitem__, rows))
        return {self.claims[position].id for position in positions}

    def groups_of(self, rows: Iterable[int]) -> list[str]:
        return list(map(self.group_names.__getitem__, map(self.group.__getitem__, rows)))

    def stories_of(self, rows: Iterable[int]) -> list[str | None]:
        return list(map(self.story_names.__getitem__, map(self.story.__getitem__, rows)))


class ListedTable:
    """Findings already made (a test's, a filtered copy's): the same reading, from the objects."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings = tuple(findings)

    def __len__(self) -> int:
        return len(self.findings)

    def finding(self, row: int) -> Finding:
        return self.findings[row]

    def verdicts_of(self, rows: Iterable[int]) -> list[str]:
        return [self.findings[row].verdict for row in rows]

    def quantities_of(self, rows: Iterable[int]) -> list[str]:
        return [self.findings[row].quantity for row in rows]

    def flags_of(self, rows: Iterable[int]) -> bytes:
        return bytes(self.findings[row].verdict in FLAGGED for row in rows)

    def messages_of(self, rows: Iterable[int]) -> list[str]:
        return [self.findings[row].message for row in rows]

    def claim_pairs_of(self, rows: Iterable[int]) -> list[tuple[str, str]]:
        return [self.findings[row].claims for row in rows]

    def first_claims_of(self, rows: Iterable[int], claims: Sequence[Claim]) -> list[Claim | None]:
        by_id = {claim.id: claim for claim in claims}
        return [by_id.get(self.findings[row].claims[0]) for row in rows]

    def cited(self, rows: Sequence[int]) -> set[str]:
        return {claim_id for row in rows for claim_id in self.findings[row].claims}

    def groups_of(self, rows: Iterable[int]) -> list[str]:
        return [self.findings[row].group for row in rows]

    def stories_of(self, rows: Iterable[int]) -> list[str | None]:
        return [self.findings[row].story for row in rows]


class Findings(Sequence):
    """A read-only sequence of Finding, made one at a time from a table's rows."""

    __slots__ = ("_table", "_rows")

    def __init__(self, table: FindingTable | ListedTable, rows: Sequence[int] | None = None):
        self._table = table
        self._rows = range(len(table)) if rows is None else rows

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Findings:
        """`findings` as a Findings (itself when it already is one)."""
        return findings if isinstance(findings, Findings) else cls(ListedTable(findings))

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Findings(self._table, self._rows[index])
        return self._table.finding(self._rows[index])

    def __iter__(self) -> Iterator[Finding]:
        return map(self._table.finding, self._rows)

    def __eq__(self, other) -> bool:
        if isinstance(other, (Findings, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Findings({list(self)!r})"

    def __reduce__(self):
        # Sent whole (Dask, worker processes) as the findings themselves.
        return Findings.of, (tuple(self),)

    # --- columns: what picking findings out reads, without making them -------------------------

    def verdicts(self) -> list[str]:
        return self._table.verdicts_of(self._rows)

    def quantities(self) -> list[str]:
        return self._table.quantities_of(self._rows)

    def messages(self) -> list[str]:
        return self._table.messages_of(self._rows)

    def claim_pairs(self) -> list[tuple[str, str]]:
        return self._table.claim_pairs_of(self._rows)

    def groups(self) -> list[str]:
        return self._table.groups_of(self._rows)

    def first_claims(self, claims: Sequence[Claim]) -> list[Claim | None]:
        """Each finding's first figure, as one of `claims` (the result's); None where they do not hold it."""
        return self._table.first_claims_of(self._rows, claims)

    def cited(self) -> set[str]:
        """The ids of the figures the findings compare."""
        return self._table.cited(self._rows)

    def stories(self) -> list[str | None]:
        return self._table.stories_of(self._rows)

    # --- picking out ----------------------------------------------------------------------------

    def at(self, positions: Iterable[int]) -> Findings:
        """The findings at `positions` (in this sequence), in that order."""
        return Findings(self._table, array(POSITION, map(self._rows.__getitem__, positions)))

    def where(self, keeps: Iterable[bool]) -> Findings:
        """The findings whose entry in `keeps` (one a finding) is true; itself when all are."""
        # A byte a finding, not a list of positions: a batch's millions of findings are mostly all kept, and
        # their positions as Python ints held a hundred megabytes to find that out.
        kept = bytearray(map(bool, itertools.islice(keeps, len(self))))
        return self._kept(kept)

    def _kept(self, kept: bytes | bytearray) -> Findings:
        """The findings whose byte in `kept` (one a finding, at most) is not 0; itself when all are kept."""
        if len(kept) == len(self) and 0 not in kept:
            return self
        positions = np.flatnonzero(np.frombuffer(kept, dtype=np.uint8))
        return Findings(self._table, array(POSITION, self._row_numbers()[positions].tobytes()))

    def flagged(self) -> Findings:
        """The conflicts, revisions and different scopes, in order."""
        return self._kept(self._table.flags_of(self._rows))

    def by_severity(self) -> Findings:
        """The flagged findings, conflicts first, then revisions, then different scopes (each kept in order)."""
        flagged = self.flagged()
        ranks = np.fromiter(map(FLAGGED.index, flagged.verdicts()), dtype=np.int8, count=len(flagged))
        order = np.argsort(ranks, kind="stable")
        return Findings(self._table, array(POSITION, flagged._row_numbers()[order].tobytes()))

    def by(self, keys: Iterable) -> dict:
        """The findings split by `keys` (one a finding), each part in order."""
        # Each key numbered by the position it first comes at (a map of C calls, not a Python loop over a batch's
        # millions of findings), the positions sorted by that number, stably: each key's in order, the keys in the
        # order they first come.
        numbers: dict = {}
        numbered = np.fromiter(map(numbers.setdefault, keys, itertools.count()), dtype=np.int64)
        order = np.argsort(numbered, kind="stable")
        rows = self._row_numbers()[order]
        parts = np.split(rows, np.flatnonzero(np.diff(numbered[order])) + 1) if len(rows) else []
        return {key: Findings(self._table, array(POSITION, part.tobytes())) for key, part in zip(numbers, parts)}

    def _row_numbers(self) -> np.ndarray:
        """The table rows of the findings, as C ints."""
        rows = self._rows
        if isinstance(rows, range):
            return np.arange(rows.start, rows.stop, rows.step, dtype=np.intc)
        if isinstance(rows, array) and rows.typecode == POSITION:
            return np.frombuffer(rows, dtype=np.intc)
        return np.fromiter(rows, dtype=np.intc, count=len(rows))

    def by_group(self) -> dict[str, Findings]:
        return self.by(self.groups())

    def by_story(self) -> dict[str | None, Findings]:
        return self.by(self.stories())


NO_FINDINGS = Findings(ListedTable(()))

"""The findings of a run, kept as columns and each made into a Finding only when read.

A batch of 100,000 articles has millions of findings; as objects, each with its sentence, they took
about a gigabyte. The reconciler stores each as two claim positions and a few small codes instead,
and a Finding (its message written from its two claims) is made when a report or format reads it.
Most readers want only some of them (the flagged ones, one group's, one story's): the columns
(verdicts, groups, stories, ...) pick those out without making the rest.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from .models import FLAGGED, VERDICTS, Claim, Finding

# verdict, first claim, second claim, extent -> the finding's message (the reconciler's wording)
Describe = Callable[[str, Claim, Claim, str], str]


class FindingTable:
    """The reconciler's findings as columns: claim positions, interned codes and names."""

    def __init__(self, claims: Sequence[Claim], describe: Describe, extents: Sequence[str]):
        self.claims, self.describe, self.extents = claims, describe, tuple(extents)
        self.first, self.second = array("l"), array("l")            # positions in `claims`
        self.verdict, self.extent = bytearray(), bytearray()         # positions in VERDICTS, `extents`
        self.group, self.story = array("l"), array("l")              # positions in the two name lists
        self.group_names: list[str] = []
        self.story_names: list[str | None] = []

    def __len__(self) -> int:
        return len(self.first)

    def finding(self, row: int) -> Finding:
        first, second = self.claims[self.first[row]], self.claims[self.second[row]]
        verdict = VERDICTS[self.verdict[row]]
        message = self.describe(verdict, first, second, self.extents[self.extent[row]])
        return Finding(first.quantity, verdict, (first.id, second.id), message, self.group_names[self.group[row]],
                       self.story_names[self.story[row]])

    def verdict_of(self, row: int) -> str:
        return VERDICTS[self.verdict[row]]

    def quantity_of(self, row: int) -> str:
        return self.claims[self.first[row]].quantity

    def claims_of(self, row: int) -> tuple[str, str]:
        return self.claims[self.first[row]].id, self.claims[self.second[row]].id

    def cited(self, rows: Sequence[int]) -> set[str]:
        # Each figure looked up once: a figure is in many findings.
        positions = set(map(self.first.__getitem__, rows)) | set(map(self.second.__getitem__, rows))
        return {self.claims[position].id for position in positions}

    def group_of(self, row: int) -> str:
        return self.group_names[self.group[row]]

    def story_of(self, row: int) -> str | None:
        return self.story_names[self.story[row]]


class ListedTable:
    """Findings already made (a test's, a filtered copy's): the same reading, from the objects."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings = tuple(findings)

    def __len__(self) -> int:
        return len(self.findings)

    def finding(self, row: int) -> Finding:
        return self.findings[row]

    def verdict_of(self, row: int) -> str:
        return self.findings[row].verdict

    def quantity_of(self, row: int) -> str:
        return self.findings[row].quantity

    def claims_of(self, row: int) -> tuple[str, str]:
        return self.findings[row].claims

    def cited(self, rows: Sequence[int]) -> set[str]:
        return {claim_id for row in rows for claim_id in self.findings[row].claims}

    def group_of(self, row: int) -> str:
        return self.findings[row].group

    def story_of(self, row: int) -> str | None:
        return self.findings[row].story


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
        return [self._table.verdict_of(row) for row in self._rows]

    def quantities(self) -> list[str]:
        return [self._table.quantity_of(row) for row in self._rows]

    def claim_pairs(self) -> list[tuple[str, str]]:
        return [self._table.claims_of(row) for row in self._rows]

    def groups(self) -> list[str]:
        return [self._table.group_of(row) for row in self._rows]

    def cited(self) -> set[str]:
        """The ids of the figures the findings compare."""
        return self._table.cited(self._rows)

    def stories(self) -> list[str | None]:
        return [self._table.story_of(row) for row in self._rows]

    # --- picking out ----------------------------------------------------------------------------

    def at(self, positions: Iterable[int]) -> Findings:
        """The findings at `positions` (in this sequence), in that order."""
        return Findings(self._table, array("l", (self._rows[p] for p in positions)))

    def where(self, keeps: Iterable[bool]) -> Findings:
        """The findings whose entry in `keeps` (one a finding) is true; itself when all are."""
        positions = [p for p, kept in enumerate(keeps) if kept]
        return self if len(positions) == len(self) else self.at(positions)

    def flagged(self) -> Findings:
        """The conflicts, revisions and different scopes, in order."""
        return self.where(verdict in FLAGGED for verdict in self.verdicts())

    def by_severity(self) -> Findings:
        """The flagged findings, conflicts first, then revisions, then different scopes (each kept in order)."""
        flagged = self.flagged()
        ranks = [FLAGGED.index(verdict) for verdict in flagged.verdicts()]
        return flagged.at(sorted(range(len(flagged)), key=ranks.__getitem__))

    def by(self, keys: Iterable) -> dict:
        """The findings split by `keys` (one a finding), each part in order."""
        positions: dict = {}
        for position, key in enumerate(keys):
            positions.setdefault(key, []).append(position)
        return {key: self.at(found) for key, found in positions.items()}

    def by_group(self) -> dict[str, Findings]:
        return self.by(self.groups())

    def by_story(self) -> dict[str | None, Findings]:
        return self.by(self.stories())


NO_FINDINGS = Findings(ListedTable(()))

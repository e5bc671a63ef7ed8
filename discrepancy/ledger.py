"""The claims ledger: every article and figure a desk has checked, in one SQLite file.

A run with a ledger compares its batch with the stored figures of the same stories, then stores
the batch. The whole of it, from reading what is stored to writing the batch, is one transaction
(BEGIN IMMEDIATE, WAL journal): a run killed at any point leaves the ledger as it was before the
batch or as it is after it, and a second run started meanwhile waits (busy timeout) instead of
reading a half-written batch. An article is known by its content hash: the same text again is
not stored twice, and an article whose id comes back with another text replaces its old version.

The schema is versioned with PRAGMA user_version; `migrate` brings an older file up to date in
one transaction, and a file from a newer discrepancy is refused rather than damaged.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import DiscrepancyError
from .models import Article, Claim

SCHEMA_VERSION = 2
BUSY_SECONDS = 60.0  # how long a run waits for another run's batch to be written

# Version 1: articles and their claims, each claim as its JSON record.
SCHEMA_V1 = """
CREATE TABLE articles (id TEXT PRIMARY KEY, hash TEXT NOT NULL, path TEXT NOT NULL, title TEXT,
                       published TEXT, source TEXT, url TEXT, text TEXT NOT NULL);
CREATE TABLE claims (id TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                     record TEXT NOT NULL);
"""


def _to_v2(connection: sqlite3.Connection) -> None:
    """Version 2: page furniture kept, each article's story and batch, the claims' quantity and story
    as columns, a table of batches, and an index to find an article by its hash."""
    _script(connection, """
        ALTER TABLE articles ADD COLUMN furniture TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN story TEXT;
        ALTER TABLE articles ADD COLUMN batch INTEGER;
        ALTER TABLE claims ADD COLUMN quantity TEXT;
        ALTER TABLE claims ADD COLUMN story TEXT;
        UPDATE claims SET quantity = json_extract(record, '$.quantity');
        CREATE TABLE batches (id INTEGER PRIMARY KEY, recorded TEXT NOT NULL, articles INTEGER NOT NULL,
                              claims INTEGER NOT NULL);
        CREATE INDEX articles_hash ON articles(hash);
        CREATE INDEX claims_article ON claims(article);
    """)


# Each step takes the file from the version before it to its own.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: lambda connection: _script(connection, SCHEMA_V1),
    2: _to_v2,
}


def _script(connection: sqlite3.Connection, script: str) -> None:
    """Runs each statement inside the open transaction (executescript would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


class LedgerError(DiscrepancyError):
    """The ledger file cannot be used: not a database, from a newer version, or locked too long."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")


def content_hash(article: Article) -> str:
    """What identifies an article's content: its text, title and date."""
    payload = json.dumps([article.text, article.title, article.published.isoformat() if article.published else None],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Stored:
    """What the ledger holds that a batch is compared with."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    # The story each stored article was last given, the batch's own articles included (by id or content),
    # and the batch that first gave each story id: a story keeps its id as articles join it.
    story_of: dict[str, str] = field(default_factory=dict)
    story_since: dict[str, int] = field(default_factory=dict)


def migrate(connection: sqlite3.Connection, path: Path | str = "ledger") -> int:
    """Brings the file to SCHEMA_VERSION, all steps in one transaction; gives the version it was at."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise LedgerError(path, f"ledger schema version {version} is newer than this discrepancy's "
                                f"({SCHEMA_VERSION}); upgrade discrepancy to use it")
    if version == SCHEMA_VERSION:
        return version
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another run may have migrated the file while this one waited for the lock.
        current = connection.execute("PRAGMA user_version").fetchone()[0]
        for step in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step](connection)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return version


class Ledger:
    """An open ledger file. Use as a context manager; `batch()` is the one transaction of a run."""

    def __init__(self, path: Path | str, busy_seconds: float = BUSY_SECONDS):
        self.path = Path(path)
        try:
            # isolation_level=None: transactions are begun and ended here, not by the sqlite3 module.
            self.connection = sqlite3.connect(self.path, timeout=busy_seconds, isolation_level=None)
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA foreign_keys = ON")
            migrate(self.connection, self.path)
        except sqlite3.DatabaseError as error:
            raise LedgerError(self.path, f"not a usable ledger: {error}") from None

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[Ledger]:
        """One transaction: everything read and written inside it is one batch, committed whole or not at all."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LedgerError(self.path, f"could not lock the ledger: {error}") from None
        try:
            yield self
            self.connection.execute("COMMIT")
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise

    # --- reading -------------------------------------------------------------------------------

    def stored(self, batch: Sequence[Article] = ()) -> Stored:
        """The stored articles and claims, less those the batch brings again (same id or same content)."""
        ids = {a.id for a in batch}
        hashes = {content_hash(a) for a in batch}
        rows = self.connection.execute(
            "SELECT id, hash, path, title, published, source, url, text, furniture FROM articles ORDER BY id")
        articles = [_article(row) for row in rows if row[0] not in ids and row[1] not in hashes]
        kept = {a.id for a in articles}
        claims = [_claim(record) for article, record in
                  self.connection.execute("SELECT article, record FROM claims ORDER BY article, id")
                  if article in kept]
        return Stored(tuple(articles), tuple(claims), *self._stories(batch))

    def _stories(self, batch: Sequence[Article]) -> tuple[dict[str, str], dict[str, int]]:
        """Article id -> its stored story (a batch article by its id, else by its content), and story id ->
        the first batch that gave it."""
        by_id, by_hash, since = {}, {}, {}
        for id_, digest, story, batch_number in self.connection.execute(
                "SELECT id, hash, story, batch FROM articles WHERE story IS NOT NULL ORDER BY id"):
            by_id[id_] = by_hash[digest] = story
            since[story] = min(since.get(story, batch_number or 0), batch_number or 0)
        for article in batch:
            story = by_id.get(article.id) or by_hash.get(content_hash(article))
            if story:
                by_id[article.id] = story
        return by_id, since

    def stats(self) -> dict:
        """Counts and dates of what the ledger holds."""
        one = lambda sql: self.connection.execute(sql).fetchone()  # noqa: E731
        first, last = one("SELECT min(published), max(published) FROM articles")
        return {
            "file": str(self.path), "schema_version": one("PRAGMA user_version")[0],
            "articles": one("SELECT count(*) FROM articles")[0],
            "undated_articles": one("SELECT count(*) FROM articles WHERE published IS NULL")[0],
            "claims": one("SELECT count(*) FROM claims")[0],
            "stories": one("SELECT count(DISTINCT story) FROM claims WHERE story IS NOT NULL")[0],
            "batches": one("SELECT count(*) FROM batches")[0],
            "first_published": first, "last_published": last,
            "last_batch": one("SELECT max(recorded) FROM batches")[0],
        }

    def articles(self) -> list[tuple[Article, str | None]]:
        """Every stored article with its story as last grouped."""
        rows = self.connection.execute(
            "SELECT id, hash, path, title, published, source, url, text, furniture, story FROM articles ORDER BY id")
        return [(_article(row), row[9]) for row in rows]

    def claims(self) -> list[Claim]:
        return [_claim(record) for (record,) in
                self.connection.execute("SELECT record FROM claims ORDER BY article, id")]

    # --- writing -------------------------------------------------------------------------------

    def record(self, articles: Sequence[Article], claims: Sequence[Claim], story_of: dict[str, str] | None = None,
               after_each: Callable[[Article], None] | None = None) -> int:
        """Stores the batch (inside `batch()`): new articles added, edited ones replaced, repeats left alone.

        Gives how many articles were written. `after_each` is called after each article is written.
        """
        story_of = story_of or {}
        by_article: dict[str, list[Claim]] = {}
        for claim in claims:
            by_article.setdefault(claim.article, []).append(claim)
        cursor = self.connection.execute(
            "INSERT INTO batches (recorded, articles, claims) VALUES (?, 0, 0)",
            (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),))
        batch, written, claim_count = cursor.lastrowid, 0, 0
        for article in articles:
            digest = content_hash(article)
            known = self.connection.execute("SELECT 1 FROM articles WHERE hash = ?", (digest,)).fetchone()
            if known is None:
                self.connection.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # an edited article
                self._insert(article, digest, story_of.get(article.id), batch, by_article.get(article.id, []))
                written += 1
                claim_count += len(by_article.get(article.id, []))
            else:  # the same content again: its story may have changed with the new batch
                self.connection.execute("UPDATE articles SET story = ? WHERE hash = ?",
                                        (story_of.get(article.id), digest))
            if after_each:
                after_each(article)
        self.connection.execute("UPDATE batches SET articles = ?, claims = ? WHERE id = ?",
                                (written, claim_count, batch))
        return written

    def restory(self, claims: Sequence[Claim], story_of: dict[str, str | None] | None = None) -> None:
        """Records the story each stored claim, and each stored article in `story_of`, now belongs to
        (inside `batch()`)."""
        self.connection.executemany("UPDATE claims SET story = ? WHERE id = ?", [(c.story, c.id) for c in claims])
        self.connection.executemany("UPDATE articles SET story = ? WHERE id = ?",
                                    [(story, article) for article, story in (story_of or {}).items()])

    def _insert(self, article: Article, digest: str, story: str | None, batch: int, claims: list[Claim]) -> None:
        self.connection.execute(
            "INSERT INTO articles (id, hash, path, title, published, source, url, text, furniture, story, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, digest, article.path, article.title,
             article.published.isoformat() if article.published else None, article.source, article.url,
             article.text, json.dumps([list(span) for span in article.furniture]), story, batch))
        self.connection.executemany(
            "INSERT OR REPLACE INTO claims (id, article, quantity, story, record) VALUES (?, ?, ?, ?, ?)",
            [(c.id, article.id, c.quantity, c.story, json.dumps(_record(c), ensure_ascii=False)) for c in claims])

    def forget(self, article_id: str) -> int:
        """Removes an article and its claims; gives how many articles were removed (0 or 1)."""
        with self.batch():
            return self.connection.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount


# --- rows to values --------------------------------------------------------------------------------

_DATES = ("published", "period_start", "period_end")


def _record(claim: Claim) -> dict:
    """The claim as stored: its record, less what is recomputed with every batch (copies)."""
    record = claim.as_record()
    record["copies"] = []
    return record


def _claim(text: str) -> Claim:
    record = json.loads(text)
    known = {f.name for f in fields(Claim)}
    values = {key: value for key, value in record.items() if key in known}
    for name in _DATES:
        if values.get(name):
            values[name] = dt.date.fromisoformat(values[name])
    values["copies"] = tuple(values.get("copies") or ())
    return Claim(**values)


def _article(row) -> Article:
    id_, _hash, path, title, published, source, url, text, furniture = row[:9]
    return Article(id=id_, path=path, text=text, title=title,
                   published=dt.date.fromisoformat(published) if published else None, source=source, url=url,
                   furniture=tuple(tuple(span) for span in json.loads(furniture or "[]")))

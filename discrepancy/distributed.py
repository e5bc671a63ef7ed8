"""Beyond one machine: extraction over a Dask bag or dataframe, the collected figures compared here.

    pip install 'discrepancy[dask]'

    import dask.bag as db
    from discrepancy.distributed import check_bag

    result = check_bag(["archive/2023/", "archive/2024/"])            # paths: one task per path
    records = db.read_text("s3://desk/archive/*.jsonl").map(json.loads)
    result = check_bag(records)                                       # records: id, text, title, published, ...
    result = check_bag(frame)                                         # a Dask dataframe with those columns

Each article's figures are read where Dask runs the task (Digester: a pure function of the article,
picklable with its rules); only the figures and a sketch of each article (no text) come back, and
stories, wire copies and findings are worked out here, as `discrepancy.check` does. Dask's own
scheduler runs the tasks: its default, a `dask.distributed.Client`, or `scheduler="synchronous"`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .api import Digest, Digester, Limits, _collected
from .articles import Furniture, build_article, compile_furniture, parse_date, read_articles, record_problem
from .batch import compare
from .errors import InputError
from .models import Article, Result
from .pool import ordered_chunks
from .rules import RuleSet, load_rules

RECORD_FIELDS = ("title", "source", "url")


def check_bag(source, rules: RuleSet | None = None, rule_dirs: Sequence[Path] = (), limits: Limits = Limits(),
              scheduler=None, path: str = "dask") -> Result:
    """Figures, stories, findings and groups for the articles of `source`: a Dask bag of article records
    (dicts with `id` and `text`, optional `title`, `published`, `source`, `url`), a Dask dataframe of
    such rows, or a list of paths (files or folders, as `check` reads them).

    `scheduler` is passed to Dask's compute (None: Dask's default); `path` names the source of records
    in error lines and reports.
    """
    import dask.bag as db  # the optional extra: discrepancy[dask]

    rules = rules or load_rules(list(rule_dirs))
    digester = Digester(rules, limits, keep_text=False, sketch=True)
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    if isinstance(source, (list, tuple)):
        bag = db.from_sequence([os.fspath(p) for p in source], npartitions=max(1, len(source)))
        digests = bag.map_partitions(_digest_paths, digester)
    else:
        if not isinstance(source, db.Bag):
            source = source.to_bag(format="dict")  # a Dask dataframe
        digests = source.map_partitions(_digest_records, digester, path)
    extracted, sketches = _collected(digests.compute(scheduler=scheduler))
    gazetteer = digester.extractor.gazetteer if extracted.articles else None
    return compare(extracted, rules, gazetteer, sketches=sketches, handed_over=True)


def _digest_paths(paths: Iterable[str], digester: Digester) -> list[Digest]:
    """One partition of paths: every article they hold, digested (a read error as its line)."""
    items = (Digest(None, (), (str(item),), checked=False) if isinstance(item, InputError) else item
             for item in read_articles(list(paths), digester.rules, max_article_bytes=digester.limits.article_bytes))
    return list(ordered_chunks(digester.many, items))


def _digest_records(records: Iterable[dict], digester: Digester, path: str) -> list[Digest]:
    """One partition of records, each checked and digested as a line of a JSON Lines file would be."""
    return list(ordered_chunks(digester.many, _record_articles(records, compile_furniture(digester.rules.furniture),
                                                                path)))


def _record_articles(records: Iterable[dict], furniture: Furniture, path: str) -> Iterator[Article | Digest]:
    """Each record's article, or its problem as a Digest."""
    for record in records:
        record = {name: None if _missing(value) else value for name, value in dict(record).items()}
        problem = record_problem(record)
        published = parse_date(record["published"]) if not problem and record.get("published") else None
        if not problem and record.get("published") and published is None:
            problem = f"'published' is not a date: {record['published']!r}"
        if problem:
            which = f"record {record['id']!r}" if record.get("id") not in (None, "") else "a record without an id"
            yield Digest(None, (), (str(InputError(path, f"{which}: {problem}")),), checked=False)
            continue
        fields = {name: record.get(name) or None for name in RECORD_FIELDS}
        yield build_article(str(record["id"]), path, record["text"].replace("\r\n", "\n"), furniture,
                            published=published, **fields)


def _missing(value) -> bool:
    """A dataframe's empty cell (NaN, NA, NaT) is a missing field."""
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False

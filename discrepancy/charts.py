"""A chart of each flagged group: every figure as an interval on one axis, as deterministic SVG.

Rows run down in publication order (undated last). A closed interval is a bar, a single figure a
dot, an open bound ("more than 160") an arrow running off the axis from a hollow or filled dot
(strict or not); the shaded band around a round figure stated exactly is the rounding the
reconciler allowed it. Figures in a conflict are red, thick and on a tinted row.

Same result in, same bytes out: matplotlib's defaults (not the user's matplotlibrc), a fixed
hash salt for the SVG's ids, text kept as <text> in one bundled font, and no date in the metadata.
"""
from __future__ import annotations

import functools
import hashlib
import io
import itertools
import math
import re
import threading
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.style
from matplotlib import font_manager, ft2font
from matplotlib.font_manager import FontProperties
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter
from matplotlib.transforms import blended_transform_factory

from .models import FLAGGED, Article, Claim, Finding, Group, Result
from .output import write_atomic
from .pool import ordered_map
# The band drawn must be the tolerance the verdict was reached with, so it comes from the one place
# that computes it rather than a copy that could drift.
from .reconciler import _rounding_tolerance
from .report import CONTROL_CHARACTER, WHITESPACE_RUN, format_number

RC = {
    "svg.hashsalt": "discrepancy",   # ids from content, not uuid4
    "svg.fonttype": "none",          # text stays text: diffable, searchable, no glyph paths
    "font.family": "DejaVu Sans",    # bundled with matplotlib: the same metrics on every machine
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
METADATA = {"Date": None, "Creator": "discrepancy"}  # the default Creator names matplotlib's version

# verdict -> (colour, words on the chart); a figure takes the colour of its most severe verdict.
STYLES = {
    "conflict": ("#c62828", "conflict"),
    "revision": ("#e65100", "revision"),
    "different_scope": ("#6a1b9a", "different scope"),
}
PLAIN = ("#37474f", "")
CONFLICT_ROW = "#fdecea"
KEY = ("dot: the figure · hollow dot: that bound not included · bar: a range\n"
       "arrow: no limit that way · shaded: the rounding a round figure allows")
LABEL_CHARACTERS = 36
SLUG_CHARACTERS = 40
# Each chart takes matplotlib a few tenths of a second: a batch of 100,000 articles has thousands of flagged
# groups, and a desk looks at the first few. Groups past this have their table and sentences, no chart.
MAX_CHARTS = 100
CHARTS_FOR_WORKERS = 20  # fewer charts than this are drawn in this process: a chart takes ~0.15 s, workers ~3 s to start
# A chart taller than this many rows is read by no one and costs seconds to draw: the flagged figures
# are kept first (the most severe first), then the earliest published.
MAX_ROWS = 40
WIDTH = 9              # inches
EDGE = 6               # points of blank paper round the chart
TICK_PAD = 3.5         # points between a tick and its label (matplotlib's default)
TITLE_PAD = 6          # points between the axes and the title (matplotlib's default)
LABEL_PAD = 4          # points between the tick labels and the axis label (matplotlib's default)
WIDTH_SLACK = 1.06
LAST_TICK_OVERHANG = 24  # points a right-hand tick label ("1,000,000") may stand past the axes
UNSAFE_IN_NAME = re.compile(r"[^a-z0-9]+")
CHART_FILE = re.compile(r"[a-z0-9-]+-[0-9a-f]{10}(-[0-9]+)?\.svg")  # what chart_name and _unique give


@dataclass(frozen=True)
class Chart:
    """One group's chart: the file name it goes under and the SVG text."""

    group: str
    name: str
    svg: str


def chart_folder(report: Path) -> Path:
    """Where a report's charts go: reports/seeds.md -> reports/seeds/."""
    report = Path(report)
    return report.with_suffix("") if report.suffix else report.with_name(report.name + "-charts")


def write_charts(result: Result, folder: Path, rounding: Mapping[str, float], workers: int = 1) -> dict[str, str]:
    """Writes each flagged group's chart into `folder`; gives group key -> path relative to its parent.

    Charts left from an earlier run are removed, so the folder holds this report's charts only and a
    diff shows a group that is no longer flagged; files this module would not have named are kept.
    """
    return ChartDrawing(result, folder, rounding, workers).write()


class ChartDrawing:
    """The charts of a result, drawn in worker processes while the caller goes on (the report is written
    meanwhile: its links are known before any chart is drawn); `write()` waits for them and writes them."""

    def __init__(self, result: Result, folder: Path, rounding: Mapping[str, float], workers: int = 1):
        self.folder = Path(folder)
        self.planned = _planned(result, rounding)
        self.links = {task.group.key: f"{self.folder.name}/{name}" for task, name in self.planned}
        self._charts: list[Chart] = []
        self._error: BaseException | None = None
        # Starting the worker processes (matplotlib imported in their server) takes seconds: a few charts are
        # drawn here sooner.
        workers = workers if len(self.planned) >= CHARTS_FOR_WORKERS else 1
        self._drawing = threading.Thread(target=self._draw, args=(workers,), daemon=True)
        self._drawing.start()

    def _draw(self, workers: int) -> None:
        try:
            self._charts = _drawn(self.planned, workers)
        except BaseException as error:  # noqa: BLE001 - raised in the caller's thread, by write()
            self._error = error

    def write(self) -> dict[str, str]:
        """Writes the charts once drawn (removing stale ones) and gives group key -> path; raises what drawing raised."""
        self._drawing.join()
        if self._error is not None:
            raise self._error
        for chart in self._charts:
            write_atomic(self.folder / chart.name, chart.svg)
        current = {chart.name for chart in self._charts}
        if self.folder.is_dir():
            for stale in sorted(self.folder.iterdir()):
                if CHART_FILE.fullmatch(stale.name) and stale.name not in current and stale.is_file():
                    stale.unlink()
        return self.links


def group_charts(result: Result, rounding: Mapping[str, float], workers: int = 1) -> tuple[Chart, ...]:
    """A chart for each flagged group that has a figure to draw, in the groups' order (the first MAX_CHARTS).

    `rounding` maps a quantity to the share of a round figure it tolerates (its rule's `rounding`). With
    workers > 1 the charts are drawn in that many processes (matplotlib takes most of a second a chart).
    """
    return tuple(_drawn(_planned(result, rounding), workers))


def _drawn(planned: list[tuple[_ChartTask, str]], workers: int) -> list[Chart]:
    """Each planned chart drawn (in `workers` processes started from a small server) under its name."""
    drawn = ordered_map(_draw_task, [task for task, _ in planned], workers, chunk=1, fresh=True)
    return [Chart(group.key, name, svg) for (_, name), (group, svg) in zip(planned, drawn)]


def _planned(result: Result, rounding: Mapping[str, float]) -> list[tuple[_ChartTask, str]]:
    """What each chart to draw needs and the file name it goes under: the first MAX_CHARTS flagged groups
    with a figure to draw (chart_svg draws every such group), in the groups' order."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    by_group = result.findings.by_group()  # once: a large batch has thousands of groups, millions of findings
    tasks = (_ChartTask(group, {i: claims[i] for i in group.claims if i in claims},
                        tuple(by_group.get(group.key, ())),
                        {claims[i].article: articles[claims[i].article] for i in group.claims
                         if i in claims and claims[i].article in articles},
                        rounding.get(group.quantity, 0.0))
             for group in result.groups if group.flagged)
    # Only groups with a figure to draw, and no more than are kept: a chart drawn and dropped costs as
    # much as one kept.
    planned, names = [], set()
    for task in itertools.islice((task for task in tasks if _has_chart(task)), MAX_CHARTS):
        name = _unique(chart_name(task.group), names)
        names.add(name)
        planned.append((task, name))
    return planned


@dataclass(frozen=True)
class _ChartTask:
    """What drawing one group's chart needs, small enough to send to a worker process."""

    group: Group
    claims: dict[str, Claim]
    findings: tuple[Finding, ...]
    articles: dict[str, Article]
    rounding: float


def _has_chart(task: _ChartTask) -> bool:
    """Whether chart_svg draws the group (the cheap part of it, before matplotlib)."""
    return _rows_and_limits(task.group, task.claims, task.findings, task.articles, task.rounding) is not None


def _draw_task(task: _ChartTask) -> tuple[Group, str | None]:
    return task.group, chart_svg(task.group, task.claims, task.findings, task.articles, task.rounding)


def chart_name(group: Group) -> str:
    """A safe file name for the group's chart: the quantity slugified and a digest of the group's key.

    The key holds scope and place words read from articles; only its digest reaches the file system.
    """
    slug = UNSAFE_IN_NAME.sub("-", group.quantity.lower()).strip("-")[:SLUG_CHARACTERS].strip("-") or "group"
    digest = hashlib.sha256(group.key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}-{digest}.svg"


def _unique(name: str, taken: set[str]) -> str:
    stem, number = name.removesuffix(".svg"), 2
    while name in taken:
        name, number = f"{stem}-{number}.svg", number + 1
    return name


def chart_svg(group: Group, claims: Mapping[str, Claim], findings: tuple[Finding, ...],
              articles: Mapping[str, Article], rounding: float) -> str | None:
    """The group's figures as SVG, or None when none of them has a bound to draw (or one too big to)."""
    planned = _rows_and_limits(group, claims, findings, articles, rounding)
    if planned is None:
        return None
    drawable, severity, rows, bands, limits = planned
    with warnings.catch_warnings(), matplotlib.style.context("default"), matplotlib.rc_context(RC):
        warnings.simplefilter("ignore")  # a glyph DejaVu lacks is drawn by the viewer's font anyway
        figure = Figure(figsize=(WIDTH, 1.4 + 0.55 * len(rows)))
        FigureCanvasSVG(figure)
        dates = {claim.id: _published(claim, articles) for claim in rows}
        axes = figure.add_subplot()
        _draw(axes, group, rows, bands, limits, dates, severity, len(drawable) - len(rows))
        _fit(figure, axes, [STYLES[severity[c.id]][1] for c in rows if severity.get(c.id) in STYLES])
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata=METADATA | {"Title": plain_label(_heading(group), 200)})
    return buffer.getvalue()


# --- what to draw ----------------------------------------------------------------------------

def _rows_and_limits(group: Group, claims: Mapping[str, Claim], findings: tuple[Finding, ...],
                     articles: Mapping[str, Article], rounding: float) -> tuple | None:
    """The group's drawable figures, their severity, the rows kept with their bands, and the axis
    limits; None when there is nothing to draw."""
    drawable = [claim for claim in _in_publication_order(group, claims, articles) if _bounds(claim) != (None, None)]
    severity = _severity(group, findings)
    rows = _kept_rows(drawable, severity)
    bands = [_band(claim, rounding) for claim in rows]
    limits = _limits([_bounds(claim) for claim in rows], bands) if rows else None
    return None if limits is None else (drawable, severity, rows, bands, limits)


def _in_publication_order(group: Group, claims: Mapping[str, Claim],
                          articles: Mapping[str, Article]) -> list[Claim]:
    members = [claims[claim_id] for claim_id in group.claims if claim_id in claims]
    return sorted(members, key=lambda claim: (_published(claim, articles) is None,
                                              _published(claim, articles) or "", claim.article,
                                              claim.line, claim.column, claim.id))


def _kept_rows(rows: list[Claim], severity: dict[str, str]) -> list[Claim]:
    """At most MAX_ROWS of the rows, still in publication order: the flagged (most severe first), then the rest."""
    if len(rows) <= MAX_ROWS:
        return rows
    rank = {verdict: number for number, verdict in enumerate(FLAGGED)}
    position = {claim.id: number for number, claim in enumerate(rows)}
    kept = sorted(rows, key=lambda claim: (rank.get(severity.get(claim.id), len(FLAGGED)), position[claim.id]))
    return sorted(kept[:MAX_ROWS], key=lambda claim: position[claim.id])


def _published(claim: Claim, articles: Mapping[str, Article]) -> str | None:
    article = articles.get(claim.article)
    date = claim.published or (article.published if article else None)
    return date.isoformat() if date else None


def _severity(group: Group, findings: tuple[Finding, ...]) -> dict[str, str]:
    """Each claim's most severe flagged verdict within the group."""
    severity: dict[str, str] = {}
    for verdict in reversed(FLAGGED):  # the most severe is written last and wins
        for finding in findings:
            if finding.group == group.key and finding.verdict == verdict:
                severity.update(dict.fromkeys(finding.claims, verdict))
    return severity


def _bounds(claim: Claim) -> tuple[float | None, float | None]:
    """The claim's interval with anything not finite read as open; a lone value as a point."""
    low, high = (_finite(claim.low), _finite(claim.high))
    if low is None and high is None and _finite(claim.value) is not None:
        return claim.value, claim.value
    return low, high


def _finite(number: float | None) -> float | None:
    return float(number) if number is not None and math.isfinite(number) else None


def _band(claim: Claim, rounding: float) -> tuple[float, float] | None:
    tolerance = _rounding_tolerance(claim, rounding) if _finite(claim.value) is not None else 0.0
    return (claim.value - tolerance, claim.value + tolerance) if tolerance > 0 else None


# --- drawing ---------------------------------------------------------------------------------

def _draw(axes, group: Group, rows: list[Claim], bands: list[tuple[float, float] | None],
          limits: tuple[float, float, bool], dates: dict[str, str | None], severity: dict[str, str],
          left_out: int = 0) -> None:
    left, right, log = limits
    axes.set_xscale("log" if log else "linear")
    axes.set_xlim(left, right)
    axes.set_ylim(len(rows) - 0.5, -0.5)  # first published at the top
    for y, (claim, band) in enumerate(zip(rows, bands)):
        _draw_row(axes, y, claim, band, severity.get(claim.id), (left, right))
    axes.set_yticks(range(len(rows)), [_row_label(claim, dates[claim.id], group) for claim in rows],
                    parse_math=False)
    for label, claim in zip(axes.get_yticklabels(), rows):
        label.set_color(STYLES.get(severity.get(claim.id), PLAIN)[0])
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value)))
    axes.xaxis.set_minor_formatter(NullFormatter())
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(axis="y", length=0)
    # y=1.0 is where matplotlib would place the title anyway (the x axis has no ticks on top, the y axis no
    # offset text); given, it spares measuring every row label once more only to find that out.
    axes.set_title(plain_label(_heading(group), 120), loc="left", fontsize=10, fontweight="bold",
                   parse_math=False, y=1.0)
    # The y axis has no label (it is never drawn), so where it goes need not be worked out from the row labels.
    axes.yaxis.set_label_coords(0.0, 0.5)
    not_drawn = f"\n{left_out:,} more figures of the group not drawn (see the report's table)" if left_out else ""
    axes.set_xlabel(f"{plain_label(group.quantity, 40)}\n{KEY}{not_drawn}", fontsize=8, color="#546e7a",
                    parse_math=False)


def _draw_row(axes, y: int, claim: Claim, band: tuple[float, float] | None, verdict: str | None,
              limits: tuple[float, float]) -> None:
    colour, words = STYLES.get(verdict, PLAIN)
    conflict = verdict == "conflict"
    width = 5 if conflict else 3
    # Each mark's id says what it is (the SVG keeps it), so a test or a reader can find it.
    if conflict:
        axes.axhspan(y - 0.5, y + 0.5, color=CONFLICT_ROW, linewidth=0, zorder=0, gid=f"conflict-row-{y}")
    if band is not None:
        axes.barh(y, band[1] - band[0], left=band[0], height=0.5, color=colour, alpha=0.18, linewidth=0, zorder=1,
                  gid=f"rounding-{y}")
    low, high = _bounds(claim)
    strict = claim.qualifier in ("more_than", "less_than")
    if low is not None and high is not None and low != high:
        axes.hlines(y, low, high, color=colour, linewidth=width, zorder=2, gid=f"range-{y}")
        axes.plot([low, high], [y, y], marker="|", markersize=10, color=colour, linestyle="none", zorder=3)
        anchor, align = (low + high) / 2, "center"
    elif low is not None and high is not None:
        axes.plot([low], [y], marker="o", markersize=9 if conflict else 7, color=colour, zorder=3, gid=f"point-{y}")
        anchor, align = low, "center"
    else:
        start, end = (low, limits[1]) if low is not None else (high, limits[0])
        direction = "above" if low is not None else "below"
        arrow = axes.annotate("", xy=(end, y), xytext=(start, y), zorder=2,
                              arrowprops=dict(arrowstyle="-|>", color=colour, linewidth=width - 1,
                                              mutation_scale=14, shrinkA=0, shrinkB=0))
        arrow.arrow_patch.set_gid(f"open-{direction}-{y}")  # an empty annotation writes no group of its own
        axes.plot([start], [y], marker="o", markersize=8, color=colour, zorder=3, gid=f"bound-{y}",
                  markerfacecolor="white" if strict else colour, markeredgewidth=2)
        anchor, align = start, "left" if low is not None else "right"
    axes.annotate(plain_label(claim.text, LABEL_CHARACTERS), (anchor, y), xytext=(0, 7),
                  textcoords="offset points", ha=align, va="bottom", fontsize=8, color=colour,
                  fontweight="bold" if conflict else "normal", parse_math=False, annotation_clip=False)
    if words:
        axes.text(1.02, y, words, transform=blended_transform_factory(axes.transAxes, axes.transData),
                  va="center", fontsize=8, color=colour, fontweight="bold" if conflict else "normal")


def _fit(figure: Figure, axes, words_on_right: list[str]) -> None:
    """Margins that hold the row labels, the title, the verdict words and the axis key.

    Worked out from the labels' widths in the chart's font rather than by matplotlib's constrained
    layout, which draws the chart twice more to measure it: half of each chart's time.
    """
    width, height = (inches * 72 for inches in figure.get_size_inches())
    labels = [line for label in axes.get_yticklabels() for line in label.get_text().split("\n")]
    left = max(map(_text_width, labels), default=0.0) + TICK_PAD + EDGE
    widest_words = max((_text_width(words, 8, bold=True) for words in set(words_on_right)), default=0.0)
    right = EDGE + max(widest_words + 0.02 * (width - left), LAST_TICK_OVERHANG)
    top = 1.2 * 10 + TITLE_PAD + EDGE
    key_lines = axes.get_xlabel().count("\n") + 1
    bottom = 2 * TICK_PAD + 1.2 * 9 + LABEL_PAD + 1.2 * 8 * key_lines + EDGE
    figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)


@functools.cache
def _font(bold: bool) -> ft2font.FT2Font:
    return ft2font.FT2Font(font_manager.findfont(FontProperties(family=RC["font.family"],
                                                                 weight="bold" if bold else "normal")))


# Setting a line in the font takes most of a millisecond, and two of five lines measured recur from chart to
# chart (a source, "source not stated", the verdict words): each is measured once a process.
@functools.lru_cache(maxsize=4096)
def _text_width(text: str, size: float = RC["font.size"], bold: bool = False) -> float:
    """How wide `text` is set in the chart's font, in points, with some slack: the width is read hinted, at
    72 dpi, and a viewer sets the SVG's text unhinted at its own size (a few per cent either way)."""
    font = _font(bold)
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    return font.get_width_height()[0] / 64 * WIDTH_SLACK  # 26.6 fixed point


def _limits(bounds: list[tuple[float | None, float | None]],
            bands: list[tuple[float, float] | None]) -> tuple[float, float, bool] | None:
    """The axis: every bound and band in view, room for arrows, log scale when figures span decades.

    None when the figures are too near the largest float to pad (an axis cannot end at infinity).
    """
    values = [value for pair in bounds + [band for band in bands if band] for value in pair if value is not None]
    low, high = min(values), max(values)
    if low > 0 and high / low > 100:
        left, right, log = low / 2, high * 3, True
    else:
        span = high - low or max(abs(high), 1.0)
        left, right, log = low - 0.15 * span, high + 0.25 * span, False
        left = max(left, 0.0) if low > 0 else left
    drawable = math.isfinite(left) and math.isfinite(right) and left < right and (left > 0 or not log)
    return (left, right, log) if drawable else None


def _row_label(claim: Claim, published: str | None, group: Group) -> str:
    """Whose figure and where it stands; who or where it counts when that is not the group's."""
    differs = [text for text, own in [(claim.scope or "everyone", claim.scope != group.scope),
                                      (claim.place or "no place stated", claim.place != group.place)] if own]
    source = plain_label(" · ".join([claim.source or "source not stated", *differs]), LABEL_CHARACTERS + 16)
    return f"{source}\n{plain_label(claim.article, LABEL_CHARACTERS)}, line {claim.line} ({published or 'undated'})"


def _heading(group: Group) -> str:
    return " · ".join([group.quantity, group.scope or "everyone", group.place or "no place stated"])


def plain_label(text: str, limit: int) -> str:
    """Text for a chart: one line, no control characters, cut to `limit` characters with an ellipsis."""
    line = WHITESPACE_RUN.sub(" ", CONTROL_CHARACTER.sub("", text)).strip()
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"

"""Charts of flagged groups: what each mark means, row order, safe file names, byte-identical SVG."""
from __future__ import annotations

import datetime as dt
import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from discrepancy.charts import CHART_FILE, MAX_ROWS, ChartDrawing, chart_folder, chart_name, chart_svg, group_charts, write_charts
from discrepancy.models import Article, Claim, Finding, Group, Result

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent
MAY = {day: dt.date(2024, 5, day) for day in (1, 3)}


def claim(claim_id: str, article: str, text: str, low: float | None, high: float | None, qualifier: str = "exact",
          published: dt.date | None = None, source: str | None = None, line: int = 4, **fields) -> Claim:
    value = fields.pop("value", low if low is not None else high)
    sentence = fields.pop("sentence", f"They said {text} people died.")
    return Claim(id=claim_id, article=article, text=text, value=value, low=low, high=high, qualifier=qualifier,
                 unit="people", direction=None, quantity=fields.pop("quantity", "deaths"),
                 scope=fields.pop("scope", None),
                 place=fields.pop("place", "Kenya"), source=source, sentence=sentence, line=line, column=1,
                 start=0, end=len(text), published=published, **fields)


# Given out of publication order on purpose: the chart sorts them.
UNDATED_BELOW_50 = claim("u", "undated-blog", "fewer than 50", None, 50, "less_than", source="a blogger")
LATER_ABOVE_100 = claim("l", "later", "more than 100", 100, None, "more_than", MAY[3], "officials")
RIVAL_75 = claim("r", "rival", "75", 75, 75, published=MAY[1], source="the Kenya Red Cross")
EARLY_40 = claim("e", "early", "Exactly 40", 40, 40, published=MAY[1], source="the Interior Ministry", line=3)
RANGE_60_70 = claim("g", "rival", "between 60 and 70", 60, 70, "range", MAY[1], line=9, value=None)
AT_LEAST_24 = claim("d", "later", "dozens", 24, None, "at_least", MAY[3], line=7)
MEMBERS = (UNDATED_BELOW_50, LATER_ABOVE_100, RIVAL_75, EARLY_40, RANGE_60_70, AT_LEAST_24)
KEY = "deaths / everyone / Kenya"
GROUP = Group(KEY, "deaths", None, "Kenya", tuple(c.id for c in MEMBERS), 24, None, "d", "l", flagged=True)
FINDINGS = (Finding("deaths", "conflict", ("e", "r"), "40 and 75 cannot both be right", KEY),
            Finding("deaths", "different_scope", ("r", "u"), "a part and its whole", KEY),
            Finding("deaths", "update", ("e", "l"), "a toll that rose", KEY))
ARTICLES = tuple(Article(id=name, path=f"{name}.txt", text="", published=date)
                 for name, date in [("early", MAY[1]), ("rival", MAY[1]), ("later", MAY[3]), ("undated-blog", None)])
RESULT = Result(articles=ARTICLES, claims=MEMBERS, findings=FINDINGS, groups=(GROUP,))
ROUNDING = {"deaths": 0.05}
# Row of each figure, top to bottom: publication date, then article, then line; undated last.
ROWS = {"e": 0, "r": 1, "g": 2, "l": 3, "d": 4, "u": 5}


def draw(group: Group = GROUP, claims=MEMBERS, findings=FINDINGS, rounding: float = 0.05) -> str | None:
    return chart_svg(group, {c.id: c for c in claims}, findings, {a.id: a for a in ARTICLES}, rounding)


@pytest.fixture(scope="module")
def svg() -> ET.Element:
    return ET.fromstring(draw())


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def mark(root: ET.Element, gid: str) -> ET.Element | None:
    return next((g for g in root.iter(f"{SVG}g") if g.get("id") == gid), None)


def style_of(group: ET.Element) -> str:
    return " ".join(element.get("style", "") for element in group.iter())


# --- what is drawn -------------------------------------------------------------------------

def test_rows_run_in_publication_order_with_undated_last(svg):
    labels = [text for text in texts(svg) if re.search(r", line \d+ \(", text)]
    assert labels == ["early, line 3 (2024-05-01)", "rival, line 4 (2024-05-01)", "rival, line 9 (2024-05-01)",
                      "later, line 4 (2024-05-03)", "later, line 7 (2024-05-03)", "undated-blog, line 4 (undated)"]


def test_each_row_is_labelled_with_its_source_and_the_figure_as_written(svg):
    shown = texts(svg)
    for source in ("the Interior Ministry", "the Kenya Red Cross", "officials", "a blogger", "source not stated"):
        assert source in shown
    for written in ("Exactly 40", "75", "between 60 and 70", "dozens", "more than 100", "fewer than 50"):
        assert written in shown


def test_a_figure_counting_a_part_says_which():
    children = claim("c", "rival", "Nine", 9, 9, published=MAY[1], scope="children", line=5)
    almaty = claim("a", "later", "more than 100", 100, None, "more_than", MAY[3], "officials", place="Almaty")
    shown = texts(ET.fromstring(draw(replace(GROUP, claims=("e", "c", "a")), (EARLY_40, children, almaty))))
    assert "the Interior Ministry" in shown  # the group's own scope and place go without saying
    assert "source not stated · children" in shown and "officials · Almaty" in shown


@pytest.mark.parametrize("gid", ["point-0", "point-1", "range-2", "open-above-3", "open-above-4", "open-below-5"])
def test_each_figure_is_drawn_as_its_interval(svg, gid):
    assert mark(svg, gid) is not None, gid


def test_open_bounds_point_away_and_strict_bounds_are_hollow(svg):
    # "dozens" is at least 24 (the dot belongs); "more than 100" and "fewer than 50" exclude theirs.
    assert "fill: #ffffff" not in style_of(mark(svg, f"bound-{ROWS['d']}"))
    assert "fill: #ffffff" in style_of(mark(svg, f"bound-{ROWS['l']}"))
    assert "fill: #ffffff" in style_of(mark(svg, f"bound-{ROWS['u']}"))
    assert mark(svg, "open-below-4") is None and mark(svg, "open-above-5") is None


def test_round_figures_stated_exactly_get_the_rounding_band(svg):
    bands = sorted(g.get("id") for g in svg.iter(f"{SVG}g") if g.get("id", "").startswith("rounding-"))
    assert bands == [f"rounding-{ROWS['e']}"]  # 40 may be 38 to 42; 75's last digit is significant


def test_no_rounding_band_when_the_quantity_allows_none():
    assert "rounding-" not in draw(rounding=0.0)


def test_conflicting_figures_stand_out(svg):
    tinted = sorted(g.get("id") for g in svg.iter(f"{SVG}g") if g.get("id", "").startswith("conflict-row-"))
    assert tinted == [f"conflict-row-{ROWS['e']}", f"conflict-row-{ROWS['r']}"]
    assert "#c62828" in style_of(mark(svg, f"point-{ROWS['e']}"))
    assert "#c62828" in style_of(mark(svg, f"point-{ROWS['r']}"))
    assert "#c62828" not in style_of(mark(svg, f"range-{ROWS['g']}"))
    assert texts(svg).count("conflict") == 2 and texts(svg).count("different scope") == 1


def test_figures_spanning_decades_get_a_log_axis():
    wide = (claim("a", "early", "12", 12, 12, published=MAY[1]), claim("b", "later", "50,000", 50e3, 50e3))
    group = Group("k", "deaths", None, "Kenya", ("a", "b"), 12, 50e3, "a", "a", True)
    shown = texts(ET.fromstring(draw(group, wide, ())))
    assert {"100", "1,000", "10,000"} <= set(shown)
    assert "20,000" not in shown


def test_no_chart_when_there_is_nothing_to_draw():
    unbounded = claim("n", "early", "many", None, None, value=None)
    group = Group("k", "deaths", None, "Kenya", ("n", "missing"), None, None, None, None, True)
    assert draw(group, (unbounded,), ()) is None


def test_a_tall_group_draws_its_flagged_figures_first_and_says_how_many_are_left_out():
    many = tuple(claim(f"m{i:03}", "early", str(40 + i % 3), 40 + i % 3, 40 + i % 3, published=MAY[1], line=i + 1)
                 for i in range(MAX_ROWS + 25))
    late = claim("z", "later", "90", 90, 90, published=MAY[3])   # the last row published, in conflict
    group = Group("k", "deaths", None, "Kenya", tuple(c.id for c in (*many, late)), 40, 90, "m000", "z", True)
    svg = ET.fromstring(draw(group, (*many, late), (Finding("deaths", "conflict", ("m010", "z"), "m", "k"),)))
    rows = {g.get("id") for g in svg.iter(f"{SVG}g") if re.fullmatch(r"point-\d+", g.get("id") or "")}
    assert len(rows) == MAX_ROWS
    assert f"point-{MAX_ROWS - 1}" in rows and mark(svg, f"conflict-row-{MAX_ROWS - 1}") is not None  # kept, last
    assert any("26 more figures of the group not drawn" in text for text in texts(svg))


def test_a_group_within_the_row_limit_draws_every_figure_and_no_note(svg):
    assert not any("not drawn" in text for text in texts(svg))


def test_charts_drawn_in_worker_processes_are_the_ones_drawn_in_this_one():
    other = Group("deaths / children / Kenya", "deaths", "children", "Kenya", ("e", "r", "l"), 40, 100, "e", "l", True)
    result = Result(ARTICLES, MEMBERS, FINDINGS, (GROUP, other))
    assert group_charts(result, ROUNDING, workers=2) == group_charts(result, ROUNDING, workers=1)
    assert len(group_charts(result, ROUNDING, workers=2)) == 2


BOUND = st.none() | st.floats() | st.integers(-10**6, 10**6).map(float)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(BOUND, BOUND, st.sampled_from(["exact", "approx", "more_than", "less_than", "range"])),
                min_size=1, max_size=4))
@example([(1.7e308, 1.7e308, "exact"), (-1.7e308, -1.7e308, "exact")])  # no padding fits: no chart, no crash
@example([(1e300, 1e300, "exact"), (1e308, None, "more_than")])
def test_any_figures_give_well_formed_svg_or_no_chart(intervals):
    claims = tuple(claim(f"c{i}", "early", "x", low, high, qualifier, published=MAY[1])
                   for i, (low, high, qualifier) in enumerate(intervals))
    group = Group("k", "deaths", None, "Kenya", tuple(c.id for c in claims), None, None, None, None, True)
    svg = draw(group, claims, (Finding("deaths", "conflict", ("c0", "c1"), "m", "k"),))
    assert svg is None or ET.fromstring(svg).tag == f"{SVG}svg"
    bounds = [number for low, high, _ in intervals for number in (low, high) if number is not None]
    if any(math.isfinite(number) for number in bounds) and all(abs(n) < 1e12 for n in bounds if math.isfinite(n)):
        assert svg is not None  # None only with nothing to draw or figures near the float limit


def test_only_flagged_groups_get_charts():
    quiet = Group("quiet", "deaths", "children", "Kenya", ("e", "r"), 40, 75, "e", "r", flagged=False)
    charts = group_charts(Result(ARTICLES, MEMBERS, FINDINGS, (quiet, GROUP)), ROUNDING)
    assert [chart.group for chart in charts] == [KEY]


def text_extents(root: ET.Element) -> list[tuple[str, float, float, float]]:
    """Each <text> line with its left and right edge and its baseline, measured unhinted in the chart's font
    (matplotlib's own text-to-path widths: not the measure the chart's layout used)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath
    measure, extents = TextToPath(), []
    for element in root.iter(f"{SVG}text"):
        style = dict(part.split(": ", 1) for part in element.get("style", "").split("; ") if ": " in part)
        font = FontProperties(family="DejaVu Sans", size=float(style["font-size"].removesuffix("px")),
                              weight=style.get("font-weight", "normal"))
        lines = [element.text or "", *(span.text or "" for span in element.iter(f"{SVG}tspan"))]
        for line in filter(None, lines):
            width = measure.get_text_width_height_descent(line, font, ismath=False)[0]
            # A one-line text is placed by x and y; each line of a longer one by a translation, from its left.
            moved = re.search(r"translate\(([-\d.e]+) ([-\d.e]+)\)", element.get("transform", ""))
            x, y = (float(element.get("x")), float(element.get("y"))) if element.get("x") else map(float, moved.groups())
            left = {"end": x - width, "middle": x - width / 2}.get(style.get("text-anchor"), x)
            extents.append((line, left, left + width, y))
    return extents


@pytest.mark.parametrize("source, scope", [
    ("the Ministry of Internal Affairs of the Republic", "security forces and their families"),
    ("a", None),
    (None, "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"),
])
def test_every_label_stands_inside_the_chart(source, scope):
    long_rows = (replace(EARLY_40, source=source, scope=scope), replace(RIVAL_75, text="1,000,000", low=1e6,
                                                                       high=1e6, value=1e6), *MEMBERS[2:])
    root = ET.fromstring(draw(claims=long_rows))
    width, height = (float(number) for number in root.get("viewBox").split()[2:])
    outside = [(line, round(left), round(right)) for line, left, right, y in text_extents(root)
               if left < 0 or right > width or not 0 < y < height]
    assert not outside


# --- article text in the picture -----------------------------------------------------------

def test_hostile_article_text_is_plain_text_in_well_formed_svg():
    hostile = claim("h", "<b>x</b>", "$5 and $6", 5, 5, source="<script>alert(1)</script>\x07 says\u202e $1 $2",
                    scope="a\nb")
    group = Group("k", "deaths", "a\nb", "]]>", ("h", "e"), 5, 40, "h", "h", True)
    root = ET.fromstring(draw(group, (hostile, EARLY_40), ()))  # parses: no control character, no stray tag
    shown = texts(root)
    assert "$5 and $6" in shown  # not typeset as mathematics
    assert "<script>alert(1)</script> says $1 $2 · Kenya" in shown
    assert not [element for element in root.iter() if "script" in element.tag]


# --- file names ----------------------------------------------------------------------------

@pytest.mark.parametrize("quantity, key", [
    ("deaths", "deaths / everyone / Kenya"),
    ("Death toll/../../etc", "../../etc/passwd <script> / everyone / C:\\x"),
    ("", "\x00"),
    ("émeutes", "émeutes / manifestants / Almaty"),
])
def test_chart_names_are_slugs_without_article_text(quantity, key):
    name = chart_name(Group(key, quantity, None, None, (), None, None, None, None, True))
    assert CHART_FILE.fullmatch(name) and name == Path(name).name
    assert not re.search(r"everyone|kenya|passwd|script|manifestants|almaty", name)


def test_chart_names_differ_by_group_and_stay_put():
    names = {chart_name(Group(key, "deaths", None, None, (), None, None, None, None, True))
             for key in ("deaths / everyone / Kenya", "deaths / children / Kenya", "deaths / everyone / Kenya")}
    assert len(names) == 2
    assert chart_name(GROUP) == "deaths-46e9390d79.svg"  # a name that moves makes every diff noisy


def test_two_groups_with_one_key_get_two_files():
    charts = group_charts(Result(ARTICLES, MEMBERS, FINDINGS, (GROUP, GROUP)), ROUNDING)
    assert [chart.name for chart in charts] == ["deaths-46e9390d79.svg", "deaths-46e9390d79-2.svg"]
    assert all(CHART_FILE.fullmatch(chart.name) for chart in charts)


@pytest.mark.parametrize("report, folder", [
    ("reports/seeds.md", "reports/seeds"), ("out/report.v2.md", "out/report.v2"), ("out/report", "out/report-charts"),
])
def test_charts_go_in_a_folder_beside_the_report(report, folder):
    assert chart_folder(Path(report)) == Path(folder)


def test_write_charts_links_relative_to_the_report_and_clears_stale_charts(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for kept in ("notes.svg", "keep.txt", "deaths-0123456789.svg.bak"):
        (folder / kept).write_text("mine", encoding="utf-8")
    (folder / "deaths-0123456789.svg").write_text("stale", encoding="utf-8")
    links = write_charts(RESULT, folder, ROUNDING)
    assert links == {KEY: "seeds/deaths-46e9390d79.svg"}
    assert sorted(p.name for p in folder.iterdir()) == ["deaths-0123456789.svg.bak", "deaths-46e9390d79.svg",
                                                       "keep.txt", "notes.svg"]
    assert write_charts(Result(ARTICLES, MEMBERS, ()), folder, ROUNDING) == {}
    assert not (folder / "deaths-46e9390d79.svg").exists() and (folder / "notes.svg").exists()


@pytest.mark.parametrize("workers", [1, 2])
def test_chart_links_are_known_before_the_charts_are_drawn(tmp_path, monkeypatch, workers):
    monkeypatch.setattr("discrepancy.charts.CHARTS_FOR_WORKERS", 1)  # two charts drawn by workers all the same
    other = Group("deaths / children / Kenya", "deaths", "children", "Kenya", ("e", "r", "l"), 40, 100, "e", "l", True)
    drawing = ChartDrawing(Result(ARTICLES, MEMBERS, FINDINGS, (GROUP, other)), tmp_path / "seeds", ROUNDING, workers)
    links = dict(drawing.links)
    assert drawing.write() == links and len(links) == 2
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == sorted(link.split("/")[1] for link in links.values())


def test_a_chart_that_fails_to_draw_fails_the_write_and_writes_nothing(tmp_path, monkeypatch):
    def broken(*args):
        raise ValueError("a figure matplotlib cannot place")
    monkeypatch.setattr("discrepancy.charts.chart_svg", broken)
    drawing = ChartDrawing(RESULT, tmp_path / "seeds", ROUNDING, workers=1)
    with pytest.raises(ValueError, match="cannot place"):
        drawing.write()
    assert not (tmp_path / "seeds").exists()


def test_nothing_flagged_writes_no_folder(tmp_path):
    assert write_charts(Result(ARTICLES, MEMBERS, ()), tmp_path / "seeds", ROUNDING) == {}
    assert not (tmp_path / "seeds").exists()


# --- determinism ---------------------------------------------------------------------------

def test_same_input_gives_the_same_bytes_without_a_date():
    first, second = draw(), draw()
    assert first == second
    assert "<dc:date>" not in first and "Matplotlib v" not in first
    assert dt.date.today().isoformat() not in first


DRAW_IN_SUBPROCESS = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import test_charts
sys.stdout.write(test_charts.draw())
"""


def test_same_bytes_in_another_process_whatever_the_hash_seed_and_matplotlibrc(tmp_path):
    # A desk's own matplotlibrc, a date for reproducible builds and another hash seed change nothing.
    (tmp_path / "matplotlibrc").write_text("axes.facecolor: black\nfont.size: 20\nsvg.hashsalt: other\n"
                                           "svg.fonttype: path\nlines.linewidth: 9\n", encoding="utf-8")
    env = os.environ | {"PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": "0"}  # ./matplotlibrc is read first
    done = subprocess.run([sys.executable, "-c", DRAW_IN_SUBPROCESS, str(ROOT), str(ROOT / "tests")], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == draw()

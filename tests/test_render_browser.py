"""The report as a person sees it: the Markdown rendered to HTML and opened in headless Chromium.

Runs where Debian's chromium is installed (.ci/run installs it); skips with the reason elsewhere.
"""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from PIL import Image

from discrepancy.cli import main

CHROMIUM = Path("/usr/bin/chromium")
FLOODS = Path(__file__).parent / "fixtures" / "floods"
WINDOW = (1200, 2000)
CONFLICT_RED = (198, 40, 40)  # charts.STYLES["conflict"]: nothing else on the page is red
CONFLICT_ROW = (253, 236, 234)

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(),
                                reason=f"{CHROMIUM} not installed (Debian: apt-get install chromium; .ci/run does)")

# What a code host adds around the Markdown: table borders and images no wider than the page. The
# script records, once everything has loaded, whether each image was drawn.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; font-size: 14px; max-width: 1100px; margin: 16px auto; }}
table {{ border-collapse: collapse; margin: 8px 0; }}
th, td {{ border: 1px solid #d0d7de; padding: 3px 8px; }}
img {{ max-width: 100%; }}
</style>
<script>
window.addEventListener("load", () => {{
  document.body.dataset.images = Array.from(document.images,
    image => image.complete && image.naturalWidth > 0 ? "shown" : "broken").join(" ");
}});
</script>
</head><body>
{body}</body></html>
"""


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def named(self, name: str) -> list[dict]:
        return [attrs for tag, attrs in self.tags if tag == name]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """The floods batch checked, its report rendered to reports/floods.html beside reports/floods.md."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(FLOODS, root / "floods")
    report = root / "reports" / "floods.md"
    assert main(["check", str(root / "floods"), "--report", str(report), "--no-config", "--format", "json"]) == 1
    body = MarkdownIt("commonmark").enable("table").render(report.read_text(encoding="utf-8"))
    html = report.with_suffix(".html")
    html.write_text(PAGE.format(title="floods", body=body), encoding="utf-8")
    return html


def chromium(page: Path, *options: str) -> subprocess.CompletedProcess:
    profile = page.parent / ".chromium-profile"
    done = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-first-run", f"--user-data-dir={profile}", *options, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_html_has_the_tables_and_an_image_for_each_chart(page):
    tags = Tags(page.read_text(encoding="utf-8"))
    assert len(tags.named("table")) >= 4  # the flagged group, the consistent groups, each article's figures
    sources = [attrs["src"] for attrs in tags.named("img")]
    charts = sorted(page.with_suffix("").glob("*.svg"))
    assert charts and sorted(page.parent / source for source in sources) == charts
    assert all(attrs["alt"].startswith("Chart of deaths") for attrs in tags.named("img"))
    assert not tags.named("script")[1:] and not tags.named("a")  # only the page's own script; no links


def test_chromium_draws_every_image(page):
    dom = chromium(page, "--virtual-time-budget=10000", "--dump-dom").stdout
    assert 'data-images="shown"' in dom  # one image, loaded and drawn


def test_screenshot_shows_the_report_and_the_chart(page):
    screenshot = page.with_suffix(".png")
    chromium(page, f"--screenshot={screenshot}", f"--window-size={WINDOW[0]},{WINDOW[1]}")
    print(f"screenshot: {screenshot}")
    image = Image.open(screenshot).convert("RGB")
    assert image.size == WINDOW
    colours = image.getcolors(maxcolors=WINDOW[0] * WINDOW[1])
    assert len(colours) > 50, "the page is blank or a single block of colour"
    counts = {colour: count for count, colour in colours}
    assert sum(count for colour, count in counts.items() if max(colour) < 90) > 5000  # text and table rules
    assert counts.get(CONFLICT_RED, 0) > 100  # the chart's conflicting figures
    assert counts.get(CONFLICT_ROW, 0) > 10_000  # and their tinted rows

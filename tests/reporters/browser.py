"""Load an HTML report in Debian's headless chromium (through playwright) and record what it does.

Used by test_html_browser.py, and as a script to make the screenshot in docs/report.md:

    python tests/reporters/browser.py docs/images/report.png

The browser is never downloaded (no `playwright install`): the tests need /usr/bin/chromium, which
.ci/run installs, and fail with a clear message without it.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass
class Visit:
    """What the page did while loading: every request it made, dialogs it opened, its text and DOM facts."""

    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    text: str = ""
    svg_charts: int = 0
    scripts: int = 0
    title: str = ""
    # Layout, measured with every <details> opened: each chart's width and its container's, the text of
    # every SVG text element whose box leaves its chart's box, each zoomed chart's plot and claim boxes
    # (left, top, right, bottom), and the text and cue of every marked number in a quote.
    chart_widths: list[tuple[float, float]] = field(default_factory=list)
    overflowing: list[str] = field(default_factory=list)
    zooms: dict[str, dict] = field(default_factory=dict)
    marks: list[dict] = field(default_factory=list)
    # Every finding's row in document order (a dataset's finding, or an article figure with one): its id,
    # whether it blocks, and its top edge on the page; every link in the banner and whether its target exists.
    finding_rows: list[dict] = field(default_factory=list)
    banner_links: list[dict] = field(default_factory=list)


# Runs in the page through the DevTools protocol (the page's own policy allows no script).
_MEASURE = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const box = r => [r.left, r.top, r.right, r.bottom];
  const out = {widths: [], overflowing: [], zooms: {}, marks: []};
  for (const svg of document.querySelectorAll('svg[role=img]')) {
    const s = svg.getBoundingClientRect();
    out.widths.push([s.width, svg.parentElement.getBoundingClientRect().width
      - parseFloat(getComputedStyle(svg.parentElement).paddingLeft)
      - parseFloat(getComputedStyle(svg.parentElement).paddingRight)]);
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBoundingClientRect();
      if (b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5)
        out.overflowing.push(t.textContent);
    }
    const figure = svg.closest('figure[id^="zoom-"]');
    if (figure) {
      const claims = {};
      for (const g of svg.querySelectorAll('g.claim')) claims[g.dataset.claim] = box(g.getBoundingClientRect());
      out.zooms[figure.id] = {plot: box(svg.querySelector('rect.plot').getBoundingClientRect()), claims};
    }
  }
  for (const m of document.querySelectorAll('mark.differs')) {
    const style = getComputedStyle(m);
    out.marks.push({text: m.textContent, cue: m.nextElementSibling ? m.nextElementSibling.textContent : '',
                    bold: [...m.querySelectorAll('b.digit')].map(b => b.textContent), background: style.backgroundColor});
  }
  const rows = document.querySelectorAll(
    'table.findings > tbody > tr:not(.zoom):not(.rest), table.figures > tbody > tr:not(.backed):not(.ignored)');
  out.rows = [...rows].map(r => ({id: r.id, blocking: !!r.querySelector('.badge.blocking, .blocks'),
                                   top: r.getBoundingClientRect().top + window.scrollY}));
  out.links = [...document.querySelectorAll('header.banner a')].map(a => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    return {href: a.getAttribute('href'), text: a.textContent, target: target ? target.tagName.toLowerCase() : null,
            top: target ? target.getBoundingClientRect().top + window.scrollY : null};
  });
  return out;
}"""


def chromium_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return (
            f"chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does"
        )
    return None


def visit(path: Path, screenshot: Path | None = None, width: int = 1200, height: int = 1400) -> Visit:
    """Open `path` as a file:// page, wait for it to load, and report what happened."""
    from playwright.sync_api import sync_playwright

    result = Visit()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("request", lambda request: result.requests.append(request.url))
            page.on("dialog", lambda dialog: (result.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda msg: msg.type == "error" and result.console_errors.append(msg.text))
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_timeout(200)  # give an injected script (there must be none) the chance to run
            result.title = page.title()
            result.text = page.inner_text("body")
            result.svg_charts = page.locator("svg[role=img]").count()
            result.scripts = page.locator("script").count()
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=False)
            measured = page.evaluate(_MEASURE)
            result.chart_widths = [tuple(w) for w in measured["widths"]]
            result.overflowing = measured["overflowing"]
            result.zooms = measured["zooms"]
            result.marks = measured["marks"]
            result.finding_rows = measured["rows"]
            result.banner_links = measured["links"]
        finally:
            browser.close()
    return result


def hovered(path: Path, selector: str, note: str, width: int = 1200, height: int = 900) -> dict:
    """Open `path`, and show what the first `selector` element's `note` (a selector inside it) shows: whether it
    is visible before anything happens, once the mouse is over the element, and once the element has the
    keyboard focus instead (Tab), with the note's text and box and the viewport's width."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(path.resolve().as_uri(), wait_until="load")
            element = page.locator(selector).first
            shown = element.locator(note)
            element.scroll_into_view_if_needed()
            before = shown.is_visible()
            element.hover()
            on_hover = shown.is_visible()
            text, box = shown.inner_text(), shown.bounding_box()
            page.mouse.move(0, 0)
            away = shown.is_visible()
            element.focus()
            on_focus = shown.is_visible()
        finally:
            browser.close()
    return {"before": before, "hover": on_hover, "away": away, "focus": on_focus, "text": text, "box": box,
            "width": width}  # fmt: skip


def _make_docs_screenshot(target: Path) -> None:
    """Render the tests' fixture report and photograph it for docs/report.md."""
    import tempfile

    sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]
    from report_fixture import fixture_report, rendered

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(rendered(fixture_report(), "html"), encoding="utf-8")
        visit(page, screenshot=target, width=1100, height=1500)


if __name__ == "__main__":
    _make_docs_screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images/report.png"))

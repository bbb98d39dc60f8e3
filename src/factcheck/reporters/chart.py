"""The HTML report's chart of one series: an inline SVG of its claims over time, built in Python.

A chart holds up to `POINTS_PER_CHART` claims, each a few elements with computed coordinates: in a template
loop every one of those numbers would go through the template's escaping; here only the texts (captions,
figures, dates) go through `e`, and the chart reaches the template as `Markup`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from markupsafe import Markup

from factcheck.figures import bounds, format_number
from factcheck.models import Claim
from factcheck.reporters.markup import e

POINTS_PER_CHART = 1500

_W, _H = 760, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 86, 24, 18, 46
# A figure near the largest float (1e308, a finding of its own) would make the axis overflow.
_LARGEST_AXIS = 1e300


def sample(claims: list[Claim], keep: set[str]) -> list[Claim]:
    """At most `POINTS_PER_CHART` of `claims`: every one in `keep`, evenly spaced others for the rest."""
    if len(claims) <= POINTS_PER_CHART:
        return claims
    others = [c for c in claims if c.id not in keep]
    room = max(POINTS_PER_CHART - (len(claims) - len(others)), 0)
    step = len(others) / room if room else math.inf
    chosen = {others[int(i * step)].id for i in range(room)} if room else set()
    return [c for c in claims if c.id in keep or c.id in chosen]


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _date_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    days = (last - first).days
    ticks: list[tuple[dt.date, str]] = []
    if days > 3 * 366:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if days / 365.25 / s <= 8)
        year = first.year + (1 if first > dt.date(first.year, 1, 1) else 0)
        year += (-year) % step
        while year <= last.year:
            ticks.append((dt.date(year, 1, 1), str(year)))
            year += step
    elif days > 62:
        step = next(s for s in (1, 2, 3, 6, 12) if days / 30.4 / s <= 8)
        month = first.year * 12 + first.month - 1 + (1 if first.day > 1 else 0)
        month += (-month) % step
        while True:
            day = dt.date(month // 12, month % 12 + 1, 1)
            if day > last:
                break
            ticks.append((day, day.strftime("%Y-%m")))
            month += step
    else:
        step = next(s for s in (1, 2, 7, 14, 31) if days / s <= 8)
        day = first
        while day <= last:
            ticks.append((day, day.isoformat()))
            day += dt.timedelta(days=step)
    return ticks


def _fmt(value: float, unit: str) -> str:
    text = format_number(round(value, 6))
    return text + "%" if unit == "percent" else text


def svg(anchor: str, claims: list[Claim], offending: set[str], related: set[str], unit: str, caption: str,
        figure: Callable[[Claim], str]) -> Markup:  # fmt: skip
    """The chart: claims with a finding (`offending`) in red, those they were compared with (`related`) in
    orange, the others in blue; `anchor` prefixes its ids, `figure` words a claim's value."""
    spans = [bounds(c.value, c.qualifier, c.low, c.high) for c in claims]
    finite = [v for lower, upper in spans for v in (lower, upper) if math.isfinite(v)]
    top = min(max(finite + [c.value for c in claims] + [1.0]), _LARGEST_AXIS) * 1.08
    step = _nice_step(top)
    top = math.ceil(top / step) * step
    x_first = min(c.date.start for c in claims)
    x_last = max(c.date.end for c in claims) + dt.timedelta(days=1)
    pad = max((x_last - x_first).days // 30, 1)
    x_first -= dt.timedelta(days=pad)
    x_last += dt.timedelta(days=pad)
    x0, x1 = x_first.toordinal(), x_last.toordinal()
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(day: dt.date) -> float:
        return _LEFT + (day.toordinal() - x0) / (x1 - x0) * plot_w

    def y(value: float) -> float:
        return _TOP + plot_h - min(value, top) / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
        f'role="img" aria-labelledby="{anchor}-t"><title id="{anchor}-t">{e(caption)}</title>',
        f'<defs><linearGradient id="{anchor}-fade" x1="0" y1="1" x2="0" y2="0">'
        '<stop offset="0" stop-color="#4c6a8a" stop-opacity="0.6"/>'
        '<stop offset="1" stop-color="#4c6a8a" stop-opacity="0"/></linearGradient></defs>',
    ]
    # Axes, grid and labels.
    value = 0.0
    while value <= top + step / 2:
        yy = y(value)
        parts.append(f'<line class="grid" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{e(_fmt(value, unit))}</text>'
        )
        value += step
    for day, label in _date_ticks(x_first, x_last):
        xx = x(day)
        parts.append(f'<line class="axis" x1="{xx:.1f}" x2="{xx:.1f}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h + 5}"/>')
        parts.append(f'<text class="tick" x="{xx:.1f}" y="{_TOP + plot_h + 18}" text-anchor="middle">{e(label)}</text>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}"/>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}"/>')
    parts.append(
        f'<text class="label" x="{_LEFT + plot_w / 2:.1f}" y="{_H - 6}" text-anchor="middle">date the figure counts to</text>'
    )
    parts.append(
        f'<text class="label" transform="translate(14 {_TOP + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">'
        f"{e(unit or 'value')}</text>"
    )
    # Claims: normal ones first, so that claims with findings are drawn on top. The hundreds of bars of a
    # chart are the bulk of a large page: `x` and `y` are written out here, with the same arithmetic.
    order = sorted(range(len(claims)), key=lambda i: (claims[i].id in offending, claims[i].id in related))
    days, bottom = x1 - x0, _TOP + plot_h
    many = len(claims) > 40
    for i in order:
        claim = claims[i]
        lower, upper = spans[i]
        cls = "bad" if claim.id in offending else "rel" if claim.id in related else "ok"
        left = _LEFT + (claim.date.start.toordinal() - x0) / days * plot_w
        right = _LEFT + (claim.date.end.toordinal() + 1 - x0) / days * plot_w
        width = max(right - left, 3.0)
        if width == 3.0:
            left = (left + right) / 2 - 1.5
        shown = figure(claim)
        parts.append(f'<g class="claim {cls}"><title>{e(f"{claim.id}: {shown} ({claim.date.text})")}</title>')
        open_ended = math.isinf(upper)
        if open_ended:
            y_low = bottom - min(lower, top) / top * plot_h
            cx = left + width / 2
            parts.append(
                f'<rect x="{left:.1f}" y="{_TOP}" width="{width:.1f}" height="{max(y_low - _TOP, 1):.1f}" '
                f'fill="url(#{anchor}-fade)" stroke="none"/>'
                f'<line x1="{left:.1f}" x2="{left + width:.1f}" y1="{y_low:.1f}" y2="{y_low:.1f}" class="edge"/>'
                f'<path class="arrow" d="M{cx - 5:.1f} {_TOP + 9} L{cx:.1f} {_TOP} L{cx + 5:.1f} {_TOP + 9} Z"/>'
            )
        else:
            y_top, y_low = bottom - min(upper, top) / top * plot_h, bottom - min(lower, top) / top * plot_h
            height = max(y_low - y_top, 3.0)
            if height == 3.0:
                y_top = (y_top + y_low) / 2 - 1.5
            parts.append(f'<rect x="{left:.1f}" y="{y_top:.1f}" width="{width:.1f}" height="{height:.1f}"/>')
        if cls == "bad":
            parts.append(
                f'<circle cx="{left + width / 2:.1f}" cy="{bottom - min(claim.value, top) / top * plot_h:.1f}" r="5"/>'
            )
        if cls != "ok" or (open_ended and not many):
            # Label the claims a reader must find; the others keep their figure in the hover title.
            label_y = (_TOP + 24) if open_ended else max(y(upper) - 8, _TOP + 10)
            anchor_at = "end" if left + width / 2 > _LEFT + plot_w * 0.8 else "start"
            label_x = left + width + 4 if anchor_at == "start" else left - 4
            parts.append(
                f'<text class="val" x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor_at}">{e(shown)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))

"""The HTML report's charts of a series: inline SVGs of its claims over time, built in Python.

Two kinds: `svg`, the whole series (values from 0), and `zoom`, the window around the claims one finding
names (their dates and values, with a margin), where a fall of 10 on a total of 37,842 is as tall as the
chart rather than a hair on an axis to 60,000; a zoomed chart says so on itself, as its value axis does
not start at 0, and clips what lies outside its window. Both scale with the page (a `viewBox`, no fixed
size: the style sheet gives them the width of their container), and keep every label inside the drawing:
a label is placed on whichever side of its bar it fits, from an estimate of its width.

A chart holds up to `POINTS_PER_CHART` claims (`ZOOM_POINTS` zoomed), each a few elements with computed
coordinates: in a template loop every one of those numbers would go through the template's escaping; here
only the texts (captions, figures, dates) go through `e`, and the chart reaches the template as `Markup`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from factcheck.floor.numbers import bounds, format_number
from factcheck.reporters.markup import e

if TYPE_CHECKING:
    from factcheck.model.format import Claim

POINTS_PER_CHART = 1500
ZOOM_POINTS = 300  # a zoomed window shows the claims around a finding, not a whole daily series

_W, _H = 760, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 86, 24, 18, 46
_ZOOM_H, _ZOOM_TOP = 250, 34  # a zoomed chart: room above the plot for the line that says it is zoomed
_EDGE = 3  # no label comes nearer the drawing's edge than this
# The widest a character of the charts' 12-pixel labels draws (bold digits and capitals in the usual
# sans-serif faces are 7 to 8 pixels): an estimate on the safe side, the browser test measures the result.
_CHAR_W = 8.0
# A figure near the largest float (1e308, a finding of its own) would make the axis overflow.
_LARGEST_AXIS = 1e300


def sample(claims: list[Claim], keep: set[str], limit: int = POINTS_PER_CHART) -> list[Claim]:
    """At most `limit` of `claims`: every one in `keep`, evenly spaced others for the rest."""
    if len(claims) <= limit:
        return claims
    others = [c for c in claims if c.id not in keep]
    room = max(limit - (len(claims) - len(others)), 0)
    step = len(others) / room if room else math.inf
    chosen = {others[int(i * step)].id for i in range(room)} if room else set()
    return [c for c in claims if c.id in keep or c.id in chosen]


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target if span / target > 0 else 1.0  # a span of the smallest float divides to 0
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _date_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    days = (last - first).days
    ticks: list[tuple[dt.date, str]] = []
    if days > 3 * 366:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000) if days / 365.25 / s <= 8)
        year = first.year + (1 if first > dt.date(first.year, 1, 1) else 0)
        year += (-year) % step
        while year <= last.year:
            ticks.append((dt.date(year, 1, 1), str(year)))
            year += step
    elif days > 62:
        step = next(s for s in (1, 2, 3, 6, 12) if days / 30.4 / s <= 8)
        month = first.year * 12 + first.month - 1 + (1 if first.day > 1 else 0)
        month += (-month) % step
        while month // 12 <= dt.MAXYEAR:
            day = dt.date(month // 12, month % 12 + 1, 1)
            if day > last:
                break
            ticks.append((day, day.strftime("%Y-%m")))
            month += step
    else:
        step = next(s for s in (1, 2, 7, 14, 31) if days / s <= 8)
        for ordinal in range(first.toordinal(), last.toordinal() + 1, step):
            day = dt.date.fromordinal(ordinal)
            ticks.append((day, day.isoformat()))
    return ticks


def _shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held within the calendar's years 1 to 9999: a claim may be dated at either
    end of it (a date in the future is a finding, and its chart is drawn)."""
    return dt.date.fromordinal(min(max(day.toordinal() + days, 1), dt.date.max.toordinal()))


def axis_figure(value: float, unit: str) -> str:
    """A value as the value axis writes it: `55,000`, `12.5%`; a figure too long for the axis as `1e+300`."""
    text = format_number(round(value, 6))
    if len(text) > 12:  # a figure near 1e300 (a finding of its own) would run off the axis
        text = f"{value:.3g}"
    return text + "%" if unit == "percent" else text


def _width(text: str) -> float:
    return len(text) * _CHAR_W


def _beside(left: float, right: float, text: str) -> tuple[float, str]:
    """Where a bar's label goes: right of the bar if it fits, else left of it, else as far in as it fits."""
    width = _width(text)
    if right + 4 + width <= _W - _EDGE:
        return right + 4, "start"
    if left - 4 - width >= _EDGE:
        return left - 4, "end"
    return max(_EDGE, _W - _EDGE - width), "start"


def _centred(x: float, text: str) -> tuple[float, str]:
    """A tick label centred on `x`, moved in where it would cross the drawing's edge."""
    half = _width(text) / 2
    if x + half > _W - _EDGE:
        return _W - _EDGE, "end"
    if x - half < _EDGE:
        return _EDGE, "start"
    return x, "middle"


@dataclass(frozen=True)
class Window:
    """What a chart shows: the days `first` to `last` (exclusive) and the values `low` to `high`."""

    first: dt.date
    last: dt.date
    low: float
    high: float
    step: float  # between two value ticks

    @property
    def end(self) -> dt.date:
        """The last day shown."""
        return _shifted(self.last, -1)


def _values(low: float, high: float, from_zero: bool) -> tuple[float, float, float]:
    """Nice value ticks: the axis bounds on multiples of the step."""
    step = float(_nice_step(high - low))
    bottom = 0.0 if from_zero else math.floor(low / step) * step
    top = math.ceil(high / step) * step
    # Far from 0, a division rounds: the bounds still hold what they must.
    return (bottom - step if bottom > low else bottom), (top + step if top < high else top), step


def _spans(claims: list[Claim]) -> list[tuple[float, float]]:
    return [bounds(c.value, c.qualifier, c.low, c.high) for c in claims]


def _whole(claims: list[Claim], spans: list[tuple[float, float]]) -> Window:
    """The whole series: every date, and values from 0 (or the lowest, below 0) to above the highest."""
    finite = [v for lower, upper in spans for v in (lower, upper) if math.isfinite(v)]
    top = min(max(finite + [c.value for c in claims] + [1.0]), _LARGEST_AXIS) * 1.08
    bottom = max(min([*finite, 0.0]), -_LARGEST_AXIS)
    low, high, step = _values(bottom, top, from_zero=bottom >= 0)
    x_first = min(c.date.start for c in claims)
    x_last = _shifted(max(c.date.end for c in claims), 1)
    pad = max((x_last - x_first).days // 30, 1)
    return Window(_shifted(x_first, -pad), _shifted(x_last, pad), low, high, step)


def zoom_window(named: list[Claim]) -> Window:
    """The window around the claims a finding names: their dates and the values they allow, with a margin
    (a quarter of each span, at least three days and 2% of the figure), never below 0 for figures that
    are not."""
    ends = [v for lower, upper in _spans(named) for v in (lower, upper) if math.isfinite(v)]
    low, high = max(min(ends), -_LARGEST_AXIS), min(max(ends), _LARGEST_AXIS)
    # A margin of a quarter of the span; for one figure, 2% of it; never below what floats can tell apart.
    pad = max((high - low) * 0.25 if high > low else max(abs(high) * 0.02, 1.0), max(abs(low), abs(high)) * 1e-9)
    bottom = max(low - pad, 0.0) if low >= 0 else low - pad
    low, high, step = _values(bottom, high + pad, from_zero=False)
    first = min(c.date.start for c in named)
    last = _shifted(max(c.date.end for c in named), 1)
    margin = max((last - first).days // 4, 3)
    return Window(_shifted(first, -margin), _shifted(last, margin), low, high, step)


def svg(anchor: str, claims: list[Claim], offending: set[str], related: set[str], unit: str, caption: str,
        figure: Callable[[Claim], str]) -> Markup:  # fmt: skip
    """The chart of a whole series: claims with a finding (`offending`) in red, those they were compared
    with (`related`) in orange, the others in blue; `anchor` prefixes its ids, `figure` words a value."""
    spans = _spans(claims)
    return _draw(anchor, claims, spans, offending, related, unit, caption, figure, _whole(claims, spans), "")


def zoom(anchor: str, series: list[Claim], named: list[Claim], offending: set[str], related: set[str], unit: str,
         caption: str, figure: Callable[[Claim], str]) -> tuple[Markup, Window]:  # fmt: skip
    """The window of `series` around the claims one finding names (`named`), and the window: the claims
    of the series whose dates fall in it, sampled to `ZOOM_POINTS` (every named one kept)."""
    window = zoom_window(named)
    keep = {c.id for c in named}
    # The named ones even at the calendar's last day, which a window ending the day after cannot hold.
    inside = [c for c in series if c.id in keep or (c.date.start < window.last and c.date.end >= window.first)]
    drawn = sample(inside, keep, ZOOM_POINTS)
    axis = "" if window.low == 0 else f" · the value axis starts at {axis_figure(window.low, unit)}, not 0"
    note = f"Zoomed in: {window.first.isoformat()} to {window.end.isoformat()}{axis}"
    return _draw(anchor, drawn, _spans(drawn), offending, related, unit, caption, figure, window, note), window


def _draw(anchor: str, claims: list[Claim], spans: list[tuple[float, float]], offending: set[str], related: set[str],
          unit: str, caption: str, figure: Callable[[Claim], str], window: Window, note: str) -> Markup:  # fmt: skip
    """A chart of `claims` in `window`; with a `note` (a zoomed window) the note is written above the
    plot, and bars are clipped to the plot."""
    height, top_edge = (_ZOOM_H, _ZOOM_TOP) if note else (_H, _TOP)
    low, high, step = window.low, window.high, window.step
    x0, x1 = window.first.toordinal(), window.last.toordinal()
    plot_w, plot_h = _W - _LEFT - _RIGHT, height - top_edge - _BOTTOM
    bottom = top_edge + plot_h
    days, rise = x1 - x0, (high - low) or 1.0

    def x(day: dt.date) -> float:
        return _LEFT + (day.toordinal() - x0) / days * plot_w

    def y(value: float) -> float:
        return bottom - (min(max(value, low), high) - low) / rise * plot_h

    clip = f' clip-path="url(#{anchor}-plot)"' if note else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {height}" class="{"zoomed" if note else "whole"}" '
        f'role="img" aria-labelledby="{anchor}-t"><title id="{anchor}-t">{e(caption)}</title>',
        f'<defs><linearGradient id="{anchor}-fade" x1="0" y1="1" x2="0" y2="0">'
        '<stop offset="0" stop-color="#4c6a8a" stop-opacity="0.6"/>'
        '<stop offset="1" stop-color="#4c6a8a" stop-opacity="0"/></linearGradient>',
    ]
    plot = f'x="{_LEFT}" y="{top_edge}" width="{plot_w}" height="{plot_h}"'
    if note:  # the window clips the bars; its note says it is zoomed
        parts += [f'<clipPath id="{anchor}-plot"><rect {plot}/></clipPath></defs><rect class="plot" {plot}/>',
                  f'<text class="zoomnote" x="{_EDGE}" y="16">{e(note)}</text>']  # fmt: skip
    else:
        parts.append("</defs>")
    # Axes, grid and labels.
    n = 0
    while low + n * step <= high + step / 2:
        value = low + n * step
        yy = y(value)
        parts.append(f'<line class="grid" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        parts.append(
            f'<text class="tick" x="{_LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{e(axis_figure(value, unit))}</text>'
        )
        n += 1
    taken = -math.inf  # where the last date label ends: a label that would overlap it is left out
    for day, label in _date_ticks(window.first, window.last):
        xx = x(day)
        tx, along = _centred(xx, label)
        start = tx - {"start": 0, "middle": 0.5, "end": 1}[along] * _width(label)
        parts.append(f'<line class="axis" x1="{xx:.1f}" x2="{xx:.1f}" y1="{bottom}" y2="{bottom + 5}"/>')
        if start >= taken + 6:
            parts.append(f'<text class="tick" x="{tx:.1f}" y="{bottom + 18}" text-anchor="{along}">{e(label)}</text>')
            taken = start + _width(label)
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{bottom}" y2="{bottom}"/>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_LEFT}" y1="{top_edge}" y2="{bottom}"/>')
    parts.append(
        f'<text class="label" x="{_LEFT + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">date the figure counts to</text>'
    )
    parts.append(
        f'<text class="label" transform="translate(14 {top_edge + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">'
        f"{e(unit or 'value')}</text>"
    )
    # Claims: normal ones first, so that claims with findings are drawn on top. The hundreds of bars of a
    # chart are the bulk of a large page: `x` and `y` are written out here, with the same arithmetic.
    order = sorted(range(len(claims)), key=lambda i: (claims[i].id in offending, claims[i].id in related))
    many = len(claims) > 40
    labels = []
    for i in order:
        claim = claims[i]
        lower, upper = spans[i]
        cls = "bad" if claim.id in offending else "rel" if claim.id in related else "ok"
        left = max(_LEFT + (claim.date.start.toordinal() - x0) / days * plot_w, _LEFT - 2.0)
        right = min(_LEFT + (claim.date.end.toordinal() + 1 - x0) / days * plot_w, _W - _RIGHT + 2.0)
        width = max(right - left, 3.0)
        if width == 3.0:
            left = (left + right) / 2 - 1.5
        shown = figure(claim)
        parts.append(
            f'<g class="claim {cls}" data-claim="{e(claim.id)}"{clip}><title>{e(f"{claim.id}: {shown} ({claim.date.text})")}</title>'
        )
        open_ended = math.isinf(upper)
        outside = "above" if lower > high else "below" if upper < low else ""
        if outside:
            # Out of a zoomed window's values: a triangle on that edge, not a bar that would read as a value.
            cx = left + width / 2
            tip, base = (top_edge, top_edge + 8) if outside == "above" else (bottom, bottom - 8)
            parts.append(f'<path class="beyond" d="M{cx - 4:.1f} {base} L{cx:.1f} {tip} L{cx + 4:.1f} {base} Z">'
                         f"<title>{e(f'{shown}: {outside} this window')}</title></path>")  # fmt: skip
        elif open_ended:
            y_low = y(lower)
            cx = left + width / 2
            parts.append(
                f'<rect x="{left:.1f}" y="{top_edge}" width="{width:.1f}" height="{max(y_low - top_edge, 1):.1f}" '
                f'fill="url(#{anchor}-fade)" stroke="none"/>'
                f'<line x1="{left:.1f}" x2="{left + width:.1f}" y1="{y_low:.1f}" y2="{y_low:.1f}" class="edge"/>'
                f'<path class="arrow" d="M{cx - 5:.1f} {top_edge + 9} L{cx:.1f} {top_edge} L{cx + 5:.1f} {top_edge + 9} Z"/>'
            )
        else:
            y_top, y_low = y(upper), y(lower)
            height_ = max(y_low - y_top, 3.0)
            if height_ == 3.0:
                y_top = (y_top + y_low) / 2 - 1.5
            parts.append(f'<rect x="{left:.1f}" y="{y_top:.1f}" width="{width:.1f}" height="{height_:.1f}"/>')
        if cls == "bad" and not outside:
            parts.append(f'<circle cx="{left + width / 2:.1f}" cy="{y(claim.value):.1f}" r="5"/>')
        parts.append("</g>")
        if cls != "ok" or (open_ended and not many and not outside):
            # Label the claims a reader must find; the others keep their figure in the hover title. Labels
            # are drawn after every bar, unclipped, inside the drawing.
            label_y = (top_edge + 24) if open_ended else min(max(y(upper) - 8, top_edge + 10), bottom - 4)
            label_x, along = _beside(left, left + width, shown)
            labels.append(
                f'<text class="val {cls}" x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{along}">{e(shown)}</text>'
            )
    parts += labels
    parts.append("</svg>")
    return Markup("".join(parts))

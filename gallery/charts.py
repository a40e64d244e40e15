"""Charts: every series kind, stacking and curve, and a metrics dashboard.

Chart is defined by openai-chatkit (Python) only; ChatKit.js's published types lack it, so
`validate(..., runtime="js")` warns about these widgets. That is expected.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel

from widgetkit import (
    AreaSeries,
    Badge,
    BarSeries,
    Button,
    Caption,
    Card,
    Chart,
    Col,
    CurveType,
    LineSeries,
    Row,
    Spacer,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def monthly(points: int) -> list[dict[str, str | float]]:
    """Smooth made-up figures, the same on every run so snapshots stay put."""
    return [
        {
            "month": MONTHS[i % len(MONTHS)] + ("" if i < len(MONTHS) else f" {i // 6 + 1}"),
            "web": round(40 + 20 * math.sin(i / 2), 1),
            "mobile": round(30 + 12 * math.cos(i / 3), 1),
            "api": round(10 + 2 * i, 1),
        }
        for i in range(points)
    ]


@widget(
    samples={
        "six months": {"points": 6, "stacked": False},
        "stacked year": {"points": 12, "stacked": True},
    },
    title="Chart kinds",
)
def chart_kinds(points: int, stacked: bool) -> Card:
    """Bar, line and area series, stacked or side by side, with curves, legend and axes."""
    data = monthly(points)
    bars: list[BarSeries] = [
        {"type": "bar", "dataKey": "web", "label": "Web", "color": "blue"},
        {"type": "bar", "dataKey": "mobile", "label": "Mobile", "color": "purple"},
        {"type": "bar", "dataKey": "api", "label": "API", "color": "orange"},
    ]
    curves: list[CurveType] = ["monotone", "step", "linear"]
    lines: list[LineSeries] = [
        {"type": "line", "dataKey": key, "label": key, "color": color, "curveType": curve}
        for key, color, curve in zip(
            ("web", "mobile", "api"), ("green", "red", "yellow"), curves, strict=True
        )
    ]
    areas: list[AreaSeries] = [
        {"type": "area", "dataKey": "web", "color": "pink", "curveType": "natural"},
        {
            "type": "area",
            "dataKey": "mobile",
            "color": {"light": "#0EA5E9", "dark": "#7DD3FC"},
            "curveType": "natural",
        },
    ]
    if stacked:  # series sharing a stack id are drawn on top of each other
        for series in (*bars, *areas):
            series["stack"] = "traffic"
    return Card(
        Title("Bars" + (" (stacked)" if stacked else ""), size="sm"),
        Chart(
            data=data,
            series=bars,
            xAxis="month",
            showLegend=True,
            barGap=2,
            barCategoryGap=8,
            height=180,
        ),
        Title("Lines: monotone, step, linear", size="sm"),
        Chart(
            data=data,
            series=lines,
            xAxis={"dataKey": "month"},
            showYAxis=True,
            showTooltip=True,
            height=160,
        ),
        Title("Areas", size="sm"),
        Chart(
            data=data,
            series=areas,
            xAxis={"dataKey": "month", "hide": True},
            showYAxis=False,
            aspectRatio=3,
            width="100%",
        ),
        size="lg",
    )


Range = Literal["7d", "30d", "90d"]
RANGES: dict[Range, int] = {"7d": 7, "30d": 30, "90d": 90}


class Metric(BaseModel):
    label: str
    value: str
    change: float  # percent against the previous period


def metrics_for(period: Range) -> tuple[list[Metric], list[dict[str, str | float]]]:
    days = RANGES[period]
    scale = days / 7
    metrics = [
        Metric(label="Revenue", value=f"${12.4 * scale:,.1f}k", change=8.2 if days < 90 else 14.0),
        Metric(label="Orders", value=f"{int(310 * scale):,}", change=3.1),
        Metric(label="Refunds", value=f"{int(9 * scale)}", change=-1.5),
    ]
    step = max(1, days // 7)
    rows: list[dict[str, str | float]] = [
        {
            "day": f"D{d + 1}",
            "revenue": round(1.6 + math.sin(d / 3), 2),
            "orders": 40 + (d * 7) % 23,
        }
        for d in range(0, days, step)
    ]
    return metrics, rows


class RangePick(BaseModel):
    period: Range


@actions.on("metrics.range")
def pick_range(payload: RangePick) -> Card:
    """Redraw the dashboard for the range the user picked."""
    return metrics_dashboard(period=payload.period)


@widget(samples={"week": {"period": "7d"}, "quarter": {"period": "90d"}}, title="Metrics dashboard")
def metrics_dashboard(period: Range) -> Card:
    """KPI tiles with their change, a revenue area chart and an orders bar chart."""
    metrics, rows = metrics_for(period)
    tiles = [
        Col(
            Caption(m.label),
            Title(m.value, size="lg"),
            Badge(
                f"{m.change:+.1f}%",
                color="success" if m.change >= 0 else "danger",
                variant="soft",
                size="sm",
            ),
            gap=1,
            flex=1,
            padding=3,
            radius="lg",
            background="surface-secondary",
        )
        for m in metrics
    ]
    picker = Row(
        *(
            Button(
                r,
                size="xs",
                variant="solid" if r == period else "ghost",
                color="secondary",
                onClickAction=action("metrics.range", {"period": r}, loading_behavior="container"),
            )
            for r in RANGES
        ),
        gap=1,
    )
    return Card(
        Row(Title("Store metrics", size="md"), Spacer(), picker, align="center"),
        Row(*tiles, gap=2),
        Text("Revenue ($k)", weight="semibold", size="sm"),
        Chart(
            data=rows,
            series=[
                {"type": "area", "dataKey": "revenue", "color": "green", "curveType": "monotone"}
            ],
            xAxis="day",
            height=140,
        ),
        Text("Orders", weight="semibold", size="sm"),
        Chart(
            data=rows,
            series=[{"type": "bar", "dataKey": "orders", "color": "blue"}],
            xAxis="day",
            height=120,
            showTooltip=True,
        ),
        size="lg",
        status={"text": f"Last {RANGES[period]} days", "icon": "analytics"},
    )

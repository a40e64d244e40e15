"""Layout side by side: Box, Row, Col, Spacer, Divider, Transition, and the three roots
(Card sizes, statuses and themes; ListView limits; Basic)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel

from widgetkit import (
    Alignment,
    Badge,
    Basic,
    Border,
    Borders,
    Box,
    Button,
    Caption,
    Card,
    CardSize,
    Col,
    Direction,
    Divider,
    Icon,
    Justification,
    ListLimit,
    ListView,
    ListViewItem,
    Row,
    Spacer,
    Text,
    Theme,
    Title,
    Transition,
    WidgetStatus,
    action,
    widget,
)
from widgetkit.handlers import ActionRouter

actions = ActionRouter()


def swatch(label: str) -> Box:
    return Box(Caption(label), padding={"x": 2, "y": 1}, background="surface-tertiary", radius="sm")


@widget(
    samples={"row": {"direction": "row"}, "col": {"direction": "col"}},
    title="Boxes, alignment and spacing",
)
def layout_boxes(direction: Direction) -> Card:
    """Box direction, every align and justify value, wrap, gap, padding objects and borders."""
    aligns = [
        Box(
            swatch("a"),
            swatch("b"),
            swatch(align),
            direction=direction,
            align=align,
            gap=1,
            height=72 if direction == "row" else None,
            padding=1,
            border=1,
            radius="sm",
        )
        for align in get_args(Alignment)
    ]
    justifies = [
        Row(
            swatch("1"),
            swatch("2"),
            Caption(justify),
            justify=justify,
            padding=1,
            border={"size": 1, "color": "subtle", "style": "dotted"},
            radius="sm",
        )
        for justify in get_args(Justification)
    ]
    edge: Border = {"size": 2, "color": {"light": "#2563EB", "dark": "#93C5FD"}, "style": "solid"}
    edges: Borders = {"left": edge, "bottom": {"size": 1, "color": "strong", "style": "dashed"}}
    return Card(
        Title(f"align (direction={direction})", size="sm"),
        Row(*aligns, gap=2, wrap="wrap"),
        Title("justify", size="sm"),
        Col(*justifies, gap=1),
        Title("wrap, gap, padding, borders, backgrounds", size="sm"),
        Row(*(swatch(f"item {i}") for i in range(8)), wrap="wrap", gap=1, maxWidth=260),
        Row(*(swatch(f"item {i}") for i in range(8)), wrap="nowrap", gap="4px"),
        Row(*(swatch(f"item {i}") for i in range(3)), wrap="wrap-reverse", gap=1),
        Box(
            Text("padding {top: 4, x: 2}, a blue left border and a dashed bottom one"),
            padding={"top": 4, "x": 2, "bottom": 1},
            border=edges,
            margin={"y": 1},
        ),
        Box(
            Text("background surface-secondary, radius xl"),
            background="surface-secondary",
            padding=3,
            radius="xl",
            minHeight=48,
            flex=1,
        ),
        Box(
            Text("background as a light/dark pair", color={"light": "#0F172A", "dark": "#F8FAFC"}),
            background={"light": "#E0F2FE", "dark": "#0C4A6E"},
            padding=3,
            radius="full",
        ),
        size="lg",
    )


@widget(
    samples={"default": {"spacing": 2}, "roomy": {"spacing": 6}},
    title="Dividers and spacers",
)
def dividers_spacers(spacing: int) -> Card:
    """Divider colours, thickness, spacing and flush; Spacer pushing siblings apart."""
    return Card(
        Row(Text("Left"), Spacer(), Text("Spacer pushes me right")),
        Divider(spacing=spacing),
        Row(Text("Min size"), Spacer(minSize=48), Text("keeps 48px")),
        Divider(color="strong", size=2, spacing=spacing),
        Text("strong, 2px"),
        Divider(color={"light": "#F59E0B", "dark": "#FCD34D"}, spacing=spacing),
        Text("theme pair colour"),
        Divider(color="subtle", flush=True, spacing=spacing),
        Text("flush: runs to the card's edges"),
        size="sm",
    )


@widget(
    samples={"light": {"theme": "light"}, "dark": {"theme": "dark"}},
    title="Card sizes, statuses and themes",
)
def card_variants(theme: Theme) -> Basic:
    """A Basic root holding a card of every size, with status headers, padding and borders."""
    statuses: list[WidgetStatus] = [
        {"text": "Icon status", "icon": "sparkle"},
        {"text": "Favicon status", "favicon": "/gallery-assets/logo-skyline.svg", "frame": True},
        {"text": "Done", "icon": "check-circle-filled"},
        {"text": "Plain status"},
    ]
    cards = [
        Card(
            Title(f"Card size {size}", size="sm"),
            Caption(f"theme {theme}"),
            size=size,
            status=status,
            theme=theme,
            padding={"x": 4, "y": 3} if size == "full" else None,
        )
        for size, status in zip(get_args(CardSize), statuses, strict=True)
    ]
    return Basic(
        *cards,
        Card(
            Text("background surface-elevated, a 2px border"),
            background="surface-elevated",
            border={"size": 2, "color": "strong"},
            theme=theme,
        ),
        Card(
            Text("Collapsed cards hide their body"),
            Text("hidden"),
            collapsed=True,
            status={"text": "Collapsed", "icon": "check"},
        ),
        direction="col",
        gap=3,
        padding=2,
        align="stretch",
        justify="start",
        theme=theme,
    )


@widget(
    samples={
        "limit 3": {"count": 8, "limit": 3},
        "auto": {"count": 5, "limit": "auto"},
        "empty": {"count": 0, "limit": 3},
    },
    title="ListView limits",
)
def list_limits(count: int, limit: int | ListLimit) -> ListView:
    """A ListView showing `limit` items at first, with a status header and clickable rows."""
    items = [
        ListViewItem(
            Icon("document", color="secondary"),
            Text(f"Document {i + 1}"),
            Spacer(),
            Badge("new", color="info") if i < 2 else Caption(f"{i + 1} days ago"),
            onClickAction=action("gallery.click", {"label": f"Document {i + 1}"}),
            gap=3,
            align="center",
        )
        for i in range(count)
    ] or [ListViewItem(Text("Nothing here yet", color="tertiary"))]
    return ListView(*items, limit=limit, status={"text": f"{count} documents", "icon": "book-open"})


class Details(BaseModel):
    open: bool


@actions.on("layout.details")
def toggle_details(payload: Details) -> Card:
    """Flip the details open or shut; Transition animates the change in height."""
    return transition_demo(open=not payload.open)


@widget(samples={"closed": {"open": False}, "open": {"open": True}}, title="Transition")
def transition_demo(open: bool) -> Card:
    """Transition animates its one child when the handler swaps it for a taller or shorter one."""
    body: Col | Caption = (
        Col(Text("Transition wraps exactly one child."), Text("ChatKit animates its size."), gap=1)
        if open
        else Caption("Details are hidden.")
    )
    label: Literal["Hide details", "Show details"] = "Hide details" if open else "Show details"
    return Card(
        Title("Shipping details", size="sm"),
        Transition(body, key="details-open" if open else "details-closed"),
        Button(label, variant="outline", onClickAction=action("layout.details", {"open": open})),
        size="sm",
    )

"""Badges, icons and images side by side.

Images use the gallery's own SVG art under `/gallery-assets/` (served by the preview), so they
draw without a network.
"""

from __future__ import annotations

from typing import get_args

from widgetkit import (
    Badge,
    BadgeColor,
    BadgeSize,
    BadgeVariant,
    Box,
    Caption,
    Card,
    Col,
    Icon,
    IconName,
    IconSize,
    Image,
    ImageFit,
    ImagePosition,
    Row,
    TextColorToken,
    Title,
    widget,
)
from widgetkit.handlers import ActionRouter

from ._common import asset

actions = ActionRouter()  # nothing here is clickable


@widget(
    samples={"default": {"pill": False}, "pill": {"pill": True}},
    title="Badges",
)
def badges(pill: bool) -> Card:
    """Every Badge colour in every variant, then the sizes."""
    rows = [
        Row(
            *(
                Badge(color, color=color, variant=variant, pill=pill)
                for color in get_args(BadgeColor)
            ),
            gap=2,
            wrap="wrap",
        )
        for variant in get_args(BadgeVariant)
    ]
    sizes = Row(*(Badge(f"size {s}", size=s, pill=pill) for s in get_args(BadgeSize)), gap=2)
    return Card(
        Title("Badge colours × variants", size="sm"),
        Col(*rows, gap=2),
        Title("Sizes", size="sm"),
        sizes,
        size="md",
    )


@widget(
    samples={
        "common": {"names": ["star", "check-circle", "calendar", "mail", "globe", "bolt"]},
        "all": {"names": list(get_args(IconName))},
    },
    title="Icons",
)
def icons(names: list[str]) -> Card:
    """Icons by name, then one icon in every size and every text colour."""
    grid = Row(
        *(
            Col(Icon(name, size="lg"), Caption(name, size="sm"), align="center", width=72)
            for name in names
        ),
        gap=2,
        wrap="wrap",
    )
    sample = names[0] if names else "star"
    sizes = Row(*(Icon(sample, size=size) for size in get_args(IconSize)), gap=3, align="end")
    colors = Row(
        *(Icon(sample, color=color, size="lg") for color in get_args(TextColorToken)),
        Icon(sample, color={"light": "#DB2777", "dark": "#F9A8D4"}, size="lg"),
        gap=3,
    )
    return Card(
        Title("Names", size="sm"),
        grid,
        Title("Sizes", size="sm"),
        sizes,
        Title("Colours (tokens, then a light/dark pair)", size="sm"),
        colors,
        size="lg",
    )


@widget(
    samples={
        "hotel": {"file": "hotel-harbor.svg", "alt": "A harbour hotel by the water"},
        "product": {"file": "product-headphones.svg", "alt": "Dark over-ear headphones"},
        "city": {"file": "city-lisbon.svg", "alt": "Lisbon rooftops and a yellow tram"},
        "landmark": {"file": "city-kyoto.svg", "alt": "A red torii gate in Kyoto"},
    },
    title="Images",
)
def images(file: str, alt: str) -> Card:
    """The same image in each fit, at a few focal points, radii, and with a frame."""
    src = asset(file)
    fits = [
        Col(
            Image(src, alt=alt, fit=fit, width=96, height=64, background="surface-secondary"),
            Caption(fit),
            align="center",
        )
        for fit in get_args(ImageFit)
    ]
    positions: list[ImagePosition] = ["top left", "center", "bottom right"]
    return Card(
        Image(src, alt=alt, aspectRatio=16 / 9, fit="cover", radius="lg", flush=True),
        Title("Fit", size="sm"),
        Row(*fits, gap=2, wrap="wrap"),
        Title("Position, radius, frame", size="sm"),
        Row(
            *(Image(src, alt=alt, fit="none", position=p, size=64, radius="md") for p in positions),
            Image(src, alt=alt, size=64, radius="full", frame=True),
            Box(
                Image(src, alt=alt, fit="contain", flex=1),
                width=64,
                height=64,
                padding=1,
                border={"size": 1, "color": "subtle", "style": "dashed"},
                radius="sm",
            ),
            gap=2,
        ),
        size="md",
    )

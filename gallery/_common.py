"""Small helpers the gallery modules share.

Images are SVG files in `gallery/assets/`, referenced by the URL path `/gallery-assets/<file>`;
the preview server serves that folder at that path, so the gallery works with no network.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from widgetkit import (
    Badge,
    Caption,
    Card,
    Col,
    Node,
    Row,
    Spacer,
    Text,
    Title,
    WidgetStatus,
)

ASSETS_URL = "/gallery-assets"


def asset(file: str) -> str:
    """The URL of one of the gallery's own images, e.g. `asset("avatar-ada.svg")`."""
    return f"{ASSETS_URL}/{file}"


def shown(value: Any) -> str:
    """A submitted form value as a person would read it."""
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) or "—"
    return str(value)


def flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted field names nest when ChatKit gathers a form; flatten them back for display."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def values_card(title: str, values: Mapping[str, Any], *, note: str | None = None) -> Card:
    """What mock handlers answer a form submit with: the values the server received."""
    rows = flatten(values)
    status: WidgetStatus = {"text": "Submitted", "icon": "check-circle"}
    lines: list[Node] = [
        Row(Caption(name), Spacer(), Text(shown(value), size="sm", weight="medium"))
        for name, value in rows.items()
    ]
    return Card(
        Row(Title(title, size="sm"), Spacer(), Badge(f"{len(rows)} fields", color="success")),
        Col(*lines or [Text("No values were sent.", color="secondary")], gap=1),
        *([Caption(note)] if note else []),
        status=status,
        size="md",
    )

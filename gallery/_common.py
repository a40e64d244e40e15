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
    Transition,
    WidgetError,
    WidgetStatus,
)
from widgetkit.builders import make

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


def transition(child: Node, *, key: str) -> Transition:
    """`Transition(child, key=key)`, working around a builder bug in widgetkit 0.1.0.

    The generated `Transition` builder passes its positional `child` on as a prop, so every call
    fails with 'Transition has no prop "child"'. Until that is fixed in builders.make, fill the
    node the way the builder would, minus that stray prop; once fixed, the real builder is used.
    """
    try:
        return Transition(child, key=key)
    except WidgetError:
        node = Transition.__new__(Transition)
        make(node, "Transition", child, {"key": key})
        return node

"""Per-snapshot cost of widgetkit's snapshot check vs syrupy's JSON extension, side by side.

    .venv/bin/python bench/snapshots.py

Both sides start from the same widget payloads and the stored snapshot text in memory (file reads
and pytest's own per-test overhead are the same for both and left out). widgetkit's path also
validates the widget strictly; syrupy's does not.
- match:    canonicalise + compare (the common case)
- mismatch: the same, plus the failure text (widgetkit: pointers + unified diff; syrupy: diff lines)
"""

from __future__ import annotations

import json
import timeit
from collections.abc import Callable
from typing import Any

from syrupy.extensions.json import JSONSnapshotExtension

from widgetkit import (
    Badge,
    Button,
    Caption,
    Card,
    Col,
    Divider,
    ListView,
    ListViewItem,
    Row,
    Spacer,
    Text,
    Title,
    action,
)
from widgetkit.builders import Node
from widgetkit.testing.snapshot import canonical, checked, explain_mismatch, pretty, same


def inbox(n: int) -> Node:
    return ListView(
        *[
            ListViewItem(
                Col(Text(f"Message {i}", weight="semibold"), Caption(f"from user{i}@example.com")),
                Spacer(),
                Badge("new" if i % 3 else "read", color="info"),
                onClickAction=action("inbox.open", {"id": i}),
            )
            for i in range(n)
        ]
    )


def order(n: int) -> Node:
    rows = [
        Row(Text(f"Item {i}"), Spacer(), Text(f"${i * 1.5:.2f}", weight="semibold"))
        for i in range(n)
    ]
    return Card(
        Title("Order A-17"),
        Divider(),
        Col(*rows, gap=2),
        Divider(),
        Row(Text("Total"), Spacer(), Text("$99.00")),
        Button("Pay now", onClickAction=action("order.pay", {"id": "A-17"})),
        size="md",
    )


def count(node: object) -> int:
    if isinstance(node, dict):
        kids = node.get("children")
        items = kids if isinstance(kids, list) else [kids] if isinstance(kids, dict) else []
        return 1 + sum(count(k) for k in items)
    return 0


def per_call(fn: Callable[[], object], budget: float = 0.5) -> float:
    """Best-of-5 seconds per call."""
    number, _ = timeit.Timer(fn).autorange()
    number = max(1, int(number * budget / 0.2))
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def changed(payload: dict[str, Any]) -> dict[str, Any]:
    # One text edited deep in the tree: the usual way a snapshot goes stale.
    edited: dict[str, Any] = json.loads(json.dumps(payload).replace(' 3"', ' 3!"', 1))
    assert edited != payload
    return edited


def row(label: str, widget: Node, syrupy: JSONSnapshotExtension) -> None:
    payload = widget.to_dict()
    stored = canonical(payload)
    syrupy_stored = syrupy.serialize(payload)
    other = changed(payload)

    # widgetkit's side is the plugin's own path (WidgetSnapshot._check without the file read).
    def ours_match() -> None:
        assert same(checked(payload)[1], stored)

    def theirs_match() -> None:
        data = syrupy.serialize(payload)
        assert syrupy.matches(serialized_data=data, snapshot_data=syrupy_stored)

    def ours_mismatch() -> None:
        data, compact_text = checked(other)
        assert not same(compact_text, stored)
        explain_mismatch(stored, pretty(data), "x.json")

    def theirs_mismatch() -> None:
        data = syrupy.serialize(other)
        assert not syrupy.matches(serialized_data=data, snapshot_data=syrupy_stored)
        list(syrupy.diff_lines(data, syrupy_stored))

    for case, ours, theirs in [
        ("match", ours_match, theirs_match),
        ("mismatch", ours_mismatch, theirs_mismatch),
    ]:
        a, b = per_call(ours) * 1e6, per_call(theirs) * 1e6
        print(f"{label:<12}{count(payload):>6}  {case:<9}{a:>14.1f}{b:>12.1f}{a / b:>8.2f}")


def main() -> None:
    syrupy = JSONSnapshotExtension()
    print(
        f"{'widget':<12}{'nodes':>6}  {'case':<9}{'widgetkit µs':>14}{'syrupy µs':>12}{'ratio':>8}"
    )
    for label, widget in [
        ("order-12", order(12)),
        ("inbox-25", inbox(25)),
        ("order-45", order(45)),
        ("inbox-30", inbox(30)),
    ]:
        row(label, widget, syrupy)
    print("ratio = widgetkit / syrupy (below 1: widgetkit is faster)")


if __name__ == "__main__":
    main()

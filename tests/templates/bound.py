"""Builders written with the binding helpers, exported in the tests."""

from __future__ import annotations

from typing import Literal, TypedDict

from widgetkit import (
    Badge,
    Button,
    Card,
    Icon,
    ListView,
    ListViewItem,
    Row,
    Spacer,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.binding import each, join, not_, when


class Line(TypedDict):
    id: str
    label: str
    color: Literal["blue-500", "orange-500", "purple-500"]


@widget(
    samples={
        "none": {
            "items": [{"id": "blue", "label": "Blue <line>", "color": "blue-500"}],
            "selected": None,
        },
        "chosen": {"items": [{"id": "a", "label": "A", "color": "orange-500"}], "selected": "a"},
    }
)
def line_select(items: list[Line], selected: str | None) -> ListView:
    return ListView(
        *each(
            items,
            lambda item: ListViewItem(
                Text(item["label"], color=when(item["id"] == selected, "gray-900", "gray-300")),
                *when(item["id"] == selected, [Icon("check")]),
                key=item["id"],
                onClickAction=when(
                    not_(selected), action("line.select", {"id": item["id"]}, handler="server")
                ),
            ),
        )
    )


@widget(samples={"paid": {"order": "A-17", "total": 42.5, "paid": True, "tags": ["x", "{{y}}"]}})
def order_summary(order: str, total: float, paid: bool, tags: list[str]) -> Card:
    return Card(
        Row(
            Title(join("Order ", order)),
            Spacer(),
            Badge(when(paid, "Paid", "Due"), color=when(paid, "success", "warning")),
        ),
        Row(*each(tags, lambda tag: Badge(tag))),
        Text(join("Total: ", total), weight="semibold"),
        Button(
            "Pay now {{ not a tag }}",
            onClickAction=action("order.pay", {"id": order}),
            disabled=paid,
        ),
        size="md",
    )


@widget(samples={"one": {"name": "Ada"}})
def fstring_card(name: str) -> Card:
    return Card(Text(f"Hello {name}"))


@widget(samples={"one": {"paid": True}})
def if_card(paid: bool) -> Card:
    return Card(Text("Paid" if paid else "Due"))


@widget(samples={"one": {"names": ["a"]}})
def loop_card(names: list[str]) -> Card:
    return Card(*[Text(n) for n in names])

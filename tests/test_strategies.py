"""The hypothesis strategies themselves: what they draw, and fuzzing a builder with them."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, Literal, TypedDict

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from widgetkit import Badge, Card, Col, DatePicker, Row, Spacer, Text, Title, validate, widget
from widgetkit.catalog import BY_NAME
from widgetkit.catalog import shapes as s
from widgetkit.testing.strategies import MUTATIONS, builder_data, for_type, mutations, widgets

FAST = settings(max_examples=100, deadline=None, derandomize=True)


def kinds(payload: dict[str, Any]) -> set[str]:
    found = {payload["type"]}
    kids = payload.get("children")
    for kid in [kids] if isinstance(kids, dict) else kids or []:
        found |= kinds(kid)
    return found


@FAST
@given(widgets(components={"Card", "Row", "Text", "Badge"}, max_depth=2, max_children=2))
def test_components_limits_the_tree(payload: dict[str, Any]) -> None:
    assert kinds(payload) <= {"Card", "Row", "Text", "Badge"}
    assert payload["type"] == "Card"


def test_an_unknown_component_name_is_refused() -> None:
    with pytest.raises(ValueError, match="Txt"):
        widgets(components={"Card", "Txt"})


def test_widgets_reach_every_component_and_deep_forms() -> None:
    # Coverage accumulates across examples, so it is collected with @given, not asserted through
    # find(): a predicate with memory makes hypothesis's replay of the found case flaky.
    seen: set[str] = set()

    @settings(max_examples=2000, database=None, derandomize=True, deadline=None)
    @given(widgets())
    def collect(payload: dict[str, Any]) -> None:
        if not seen >= set(BY_NAME):
            seen.update(kinds(payload))

    collect()
    assert not set(BY_NAME) - seen
    form = find(
        widgets(),
        lambda p: "Form" in kinds(p) and "Label" in kinds(p) and "Input" in kinds(p),
        settings=settings(max_examples=2000, database=None),
    )
    assert not [d for d in validate(form) if d.severity == "error"]


@FAST
@given(for_type(s.Series))
def test_for_type_draws_valid_values_of_nested_shapes(series: dict[str, Any]) -> None:
    chart = {"type": "Chart", "data": [], "series": [series], "xAxis": "x"}
    assert validate({"type": "Card", "children": [chart]}) == []


def test_mutations_leave_the_widget_unchanged_and_cover_every_kind() -> None:
    payload = find(widgets(), lambda p: {"Transition", "Text", "ListView"} <= kinds(p))
    before = copy.deepcopy(payload)
    for kind in MUTATIONS:
        mutated, where, code = find(mutations(payload, kinds={kind}), lambda _: True)
        assert (where, code) in {(d.path, d.code) for d in validate(mutated)}, kind
    assert payload == before


def test_an_unknown_mutation_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="typo"):
        mutations({"type": "Card", "children": []}, kinds={"typo"})


# -- builder data ------------------------------------------------------------------------------


class Customer(BaseModel):
    name: str
    vip: bool = False


class Line(TypedDict):
    sku: str
    qty: int


@widget
def invoice(
    number: int,
    customer: Customer,
    lines: list[Line],
    status: Literal["draft", "sent", "paid"],
    total: float,
    due: dt.date | None,
    tags: dict[str, str],
    note: str | None = None,
    urgent: bool = False,
) -> Card:
    return Card(
        Row(Title(f"Invoice {number}"), Spacer(), Badge(status, color="success")),
        Text(customer.name + (" (VIP)" if customer.vip else "")),
        Col(*(Text(f"{line['qty']} x {line['sku']}") for line in lines)),
        Text(f"{total:.2f}", weight="bold" if urgent else "normal"),
        *([DatePicker(name="due", defaultValue=due, placeholder="Due")] if due else []),
        *(Badge(f"{k}={v}") for k, v in tags.items()),
        *([Text(note)] if note is not None else []),
    )


@FAST
@given(builder_data(invoice))
def test_builder_data_fuzzes_a_builder(kwargs: dict[str, Any]) -> None:
    assert {"number", "customer", "lines", "status", "total", "due", "tags"} <= set(kwargs)
    assert isinstance(kwargs["customer"], Customer)
    assert kwargs["status"] in ("draft", "sent", "paid")
    assert all(set(line) == {"sku", "qty"} for line in kwargs["lines"])
    card = invoice(**kwargs)
    assert [d for d in validate(card.to_dict()) if d.severity == "error"] == []


@FAST
@given(builder_data(invoice, number=st.just(7)))
def test_builder_data_takes_overrides(kwargs: dict[str, Any]) -> None:
    assert kwargs["number"] == 7

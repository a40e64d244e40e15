"""The builders: call syntax, build-time errors, JSON and openai-chatkit output."""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings

import pytest

from widgetkit import (
    Badge,
    Basic,
    Box,
    Button,
    Caption,
    Card,
    Chart,
    Col,
    DatePicker,
    Form,
    Icon,
    Image,
    Input,
    Label,
    ListView,
    ListViewItem,
    Markdown,
    Node,
    Row,
    Spacer,
    Table,
    Text,
    Title,
    Transition,
    WidgetError,
    action,
    validate,
    widget,
)


def test_main_text_is_positional_and_props_are_keywords() -> None:
    assert Text("Hi", weight="bold").to_dict() == {"type": "Text", "value": "Hi", "weight": "bold"}
    assert Title("T", size="lg").to_dict() == {"type": "Title", "value": "T", "size": "lg"}
    assert Caption("c").to_dict() == {"type": "Caption", "value": "c"}
    assert Markdown("**m**").to_dict() == {"type": "Markdown", "value": "**m**"}
    assert Badge("New", color="info").to_dict() == {
        "type": "Badge",
        "label": "New",
        "color": "info",
    }
    assert Icon("star").to_dict() == {"type": "Icon", "name": "star"}
    assert Image("a.png", alt="A").to_dict() == {"type": "Image", "src": "a.png", "alt": "A"}
    assert Button("Go").to_dict() == {"type": "Button", "label": "Go"}
    assert Text(value="by name").to_dict() == {"type": "Text", "value": "by name"}


def test_containers_take_children_positionally() -> None:
    card = Card(Row(Text("a"), Spacer()), Col(), size="sm")
    assert card.to_dict() == {
        "type": "Card",
        "size": "sm",
        "children": [
            {"type": "Row", "children": [{"type": "Text", "value": "a"}, {"type": "Spacer"}]},
            {"type": "Col"},  # an empty optional list is left out, as ChatKit serialises it
        ],
    }
    assert ListView().to_dict() == {"type": "ListView", "children": []}  # required: kept


def test_transition_takes_one_child_and_table_parts_nest() -> None:
    assert Transition(Text("x")).to_dict() == {
        "type": "Transition",
        "children": {"type": "Text", "value": "x"},
    }
    table = Table(Table.Row(Table.Cell(Text("h")), header=True))
    assert table.to_dict()["children"][0] == {
        "type": "Table.Row",
        "header": True,
        "children": [{"type": "Table.Cell", "children": [{"type": "Text", "value": "h"}]}],
    }


def test_dates_and_actions_become_json() -> None:
    picker = DatePicker(name="d", min=dt.date(2025, 3, 14), placeholder="Due")
    assert picker.to_dict()["min"] == "2025-03-14"
    button = Button("Pay", onClickAction=action("pay", {"id": 1}, loading_behavior="self"))
    assert button.to_dict()["onClickAction"] == {
        "type": "pay",
        "payload": {"id": 1},
        "loadingBehavior": "self",
    }
    full = action("a", handler="client", streaming=False)
    assert full == {"type": "a", "handler": "client", "streaming": False}


# -- errors at build time ----------------------------------------------------------------------


def test_a_bad_token_raises_with_the_validators_diagnostics() -> None:
    with pytest.raises(WidgetError) as info:
        Title("x", size="6xl")  # type: ignore[arg-type]
    expected = validate(
        {"type": "Card", "children": [{"type": "Title", "value": "x", "size": "6xl"}]}
    )
    [d] = info.value.diagnostics
    [e] = expected
    assert (d.path, d.code, d.message, d.hint) == ("/size", e.code, e.message, e.hint)
    assert '"6xl" is not a TitleSize token' in str(info.value)


def test_every_prop_problem_are_all_reported_at_build_time() -> None:
    with pytest.raises(WidgetError) as info:
        Text(1, size="huge", maxLines=1.5)  # type: ignore[arg-type]
    assert {(d.path, d.code) for d in info.value.diagnostics} == {
        ("/value", "wrong-type"),
        ("/size", "bad-token"),
        ("/maxLines", "wrong-type"),
    }


def test_a_bad_child_raises_at_build_time() -> None:
    with pytest.raises(WidgetError) as info:
        ListView(Text("x"))  # type: ignore[arg-type]
    [d] = [d for d in info.value.diagnostics if d.severity == "error"]
    assert (d.path, d.code) == ("/children/0", "bad-child")
    with pytest.raises(WidgetError) as info:
        Row("not a node")  # type: ignore[arg-type]
    assert info.value.diagnostics[0].code == "wrong-type"


def test_tree_rules_are_checked_when_the_root_is_made() -> None:
    # A Label naming a missing field is fine on its own: its field may come later, even outside
    # this root (a Card can sit inside a Basic), so that rule waits until the JSON is asked for.
    label = Label("Email", fieldName="emial")
    fields = Form(
        label, Input(name="email"), Button("Send", submit=True), onSubmitAction=action("s")
    )
    card = Card(fields)
    for output in (card.to_json, card.to_chatkit):
        with pytest.raises(WidgetError) as info:
            output()
        codes = {(d.path, d.code) for d in info.value.diagnostics if d.severity == "error"}
        assert codes == {("/children/0/children/0/fieldName", "label-field")}
    with pytest.raises(WidgetError) as info:
        Card(Form(Input(name="a"), Input(name="a"), onSubmitAction=action("s")))
    assert "duplicate-field" in {d.code for d in info.value.diagnostics}
    with pytest.raises(WidgetError) as info:
        Card(Text("a", id="x"), Text("b", id="x"))
    assert [d.code for d in info.value.diagnostics] == ["duplicate-id"]


def test_warnings_do_not_raise() -> None:
    card = Card(Image("a.png"))
    assert [d.code for d in validate(card.to_dict())] == ["a11y-alt"]


# -- output ------------------------------------------------------------------------------------


def test_to_json_is_compact_has_no_nulls_and_keeps_unicode() -> None:
    card = Card(Text("Grüße", color=None), Badge("x", size=None))
    text = card.to_json()
    assert text == (
        '{"type":"Card","children":[{"type":"Text","value":"Grüße"},{"type":"Badge","label":"x"}]}'
    )
    assert "null" not in text
    assert json.loads(card.to_json(indent=2)) == card.to_dict()


def test_nan_is_refused_where_it_is_made() -> None:
    # JSON cannot carry NaN or Infinity: the builder call fails, not a later to_json().
    with pytest.raises(WidgetError) as info:
        Box(height=math.nan)
    assert [(d.path, d.code) for d in info.value.diagnostics] == [("/height", "not-finite")]
    with pytest.raises(WidgetError):
        Chart(data=[{"x": "a", "v": math.inf}], series=[{"type": "bar", "dataKey": "v"}], xAxis="x")


def test_nodes_compare_by_value() -> None:
    assert Text("a") == Text("a")
    assert Text("a") != Text("b")
    assert repr(Card(Text("a"), size="md")) == "Card(size='md', <1 children>)"


def test_to_chatkit_returns_a_widget_root_usable_in_a_widget_item() -> None:
    from chatkit.types import WidgetItem
    from chatkit.widgets import DynamicWidgetRoot

    card = Card(Row(Title("Hi"), Spacer(), Button("Go", onClickAction=action("go"))), size="md")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        root = card.to_chatkit()
    assert [str(w.message) for w in caught] == []
    assert isinstance(root, DynamicWidgetRoot)
    assert root.model_dump(exclude_none=True) == card.to_dict()
    item = WidgetItem(id="i", thread_id="t", created_at=dt.datetime.now(dt.UTC), widget=root)
    assert item.widget is root
    assert json.loads(item.model_dump_json(exclude_none=True))["widget"] == card.to_dict()


def test_to_chatkit_wants_a_root() -> None:
    with pytest.raises(TypeError, match="not a widget root"):
        Text("x").to_chatkit()


def test_list_views_build_and_convert() -> None:
    lv = ListView(ListViewItem(Text("a"), onClickAction=action("open")), limit="auto")
    assert lv.to_chatkit().model_dump(exclude_none=True) == lv.to_dict()


def test_chart_round_trips_through_openai_chatkit() -> None:
    chart = Chart(
        data=[{"m": "Jan", "v": 1}],
        series=[{"type": "bar", "dataKey": "v", "color": "blue"}],
        xAxis={"dataKey": "m"},
        height=200,
    )
    card = Card(chart)
    assert card.to_chatkit().model_dump(exclude_none=True) == card.to_dict()


# -- the README's example, verbatim -----------------------------------------------------------


@widget(samples={"paid": {"id": "A-17", "total": 42.0, "paid": True}})
def order_summary(id: str, total: float, paid: bool) -> Card:
    return Card(
        Row(Title(f"Order {id}"), Spacer(), Badge("Paid" if paid else "Due", color="success" if paid else "warning")),
        Row(Text("Total"), Spacer(), Text(f"${total:.2f}", weight="semibold")),
        Button("Pay now", onClickAction=action("order.pay", {"id": id}), disabled=paid),
        size="md",
    )  # fmt: skip


def test_the_design_example_builds_validates_and_converts() -> None:
    card = order_summary.build("paid")
    assert isinstance(card, Node)
    assert validate(card.to_dict()) == []
    assert card.to_dict() == {
        "type": "Card",
        "size": "md",
        "children": [
            {
                "type": "Row",
                "children": [
                    {"type": "Title", "value": "Order A-17"},
                    {"type": "Spacer"},
                    {"type": "Badge", "label": "Paid", "color": "success"},
                ],
            },
            {
                "type": "Row",
                "children": [
                    {"type": "Text", "value": "Total"},
                    {"type": "Spacer"},
                    {"type": "Text", "value": "$42.00", "weight": "semibold"},
                ],
            },
            {
                "type": "Button",
                "label": "Pay now",
                "onClickAction": {"type": "order.pay", "payload": {"id": "A-17"}},
                "disabled": True,
            },
        ],
    }
    due = order_summary(id="B-2", total=1, paid=False).to_dict()
    assert due["children"][0]["children"][2] == {
        "type": "Badge",
        "label": "Due",
        "color": "warning",
    }
    assert card.to_chatkit().model_dump(exclude_none=True) == card.to_dict()
    assert order_summary.samples == {"paid": {"id": "A-17", "total": 42.0, "paid": True}}
    assert order_summary.title == "Order summary"


def test_a_root_nested_in_basic_is_judged_with_the_whole_tree() -> None:
    # The Label inside the nested ListView names a field that lives beside it in the Basic:
    # the whole widget is valid, so building it must not raise.
    inner = ListView(ListViewItem(Label("Name", fieldName="name")))
    outer = Basic(inner, Input(name="name", placeholder="Name"))
    assert validate(outer.to_dict()) == []

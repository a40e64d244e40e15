"""Unit tests for `widgetkit.validate`: one or more per diagnostic code, with path, severity,
code, and a message that quotes the value and a hint that names the fix."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from widgetkit import Diagnostic, validate
from widgetkit.validate import MAX_DIAGNOSTICS

Payload = dict[str, Any]


def card(*children: Payload, **props: Any) -> Payload:
    return {"type": "Card", "children": list(children), **props}


def text(value: Any = "Hi", **props: Any) -> Payload:
    return {"type": "Text", "value": value, **props}


def chart(**props: Any) -> Payload:
    return {
        "type": "Chart",
        "data": [{"m": "Jan", "v": 1}],
        "series": [{"type": "bar", "dataKey": "v"}],
        "xAxis": "m",
        **props,
    }


def find(payload: object, code: str, **kw: Any) -> Diagnostic:
    """The one diagnostic with `code`; fails listing all of them otherwise."""
    found = [d for d in validate(payload, **kw) if d.code == code]
    assert len(found) == 1, validate(payload, **kw)
    return found[0]


def errors(payload: object, **kw: Any) -> list[Diagnostic]:
    return [d for d in validate(payload, **kw) if d.severity == "error"]


# -- valid input -------------------------------------------------------------------------------


def test_a_valid_widget_has_no_diagnostics() -> None:
    payload = card(
        {"type": "Row", "children": [{"type": "Title", "value": "Order", "size": "lg"}]},
        text("Total", weight="semibold", color="secondary"),
        {"type": "Button", "label": "Pay", "onClickAction": {"type": "pay", "payload": {"x": 1}}},
        size="md",
        padding={"x": 4, "y": "8px"},
        background={"light": "white", "dark": "black"},
    )
    assert validate(payload) == []


def test_validate_does_not_change_the_payload() -> None:
    payload = card(text(1, size="huge"), {"type": "Txt"})
    before = copy.deepcopy(payload)
    validate(payload)
    assert payload == before


def test_null_props_are_ignored_but_null_required_props_are_missing() -> None:
    assert validate(card(text("x", size=None, color=None))) == []
    d = find(card(text(None)), "missing-prop")
    assert d.path == "/children/0/value"


# -- the root ----------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", [[], None, "Card", 3])
def test_a_non_object_payload_is_not_object(payload: object) -> None:
    d = find(payload, "not-object")
    assert (d.path, d.severity) == ("", "error")
    assert d.message.startswith(("[]", "null", '"Card"', "3"))
    assert "Card, ListView or Basic" in d.hint


def test_a_non_root_component_at_the_root_is_bad_root() -> None:
    d = find(text(), "bad-root")
    assert (d.path, d.severity) == ("", "error")
    assert '"Text"' in d.message
    assert "Card, ListView or Basic" in d.hint


@pytest.mark.parametrize("root", ["Card", "ListView", "Basic"])
def test_every_root_is_accepted(root: str) -> None:
    assert validate({"type": root, "children": []}) == []


# -- unknown components and props ---------------------------------------------------------------


def test_a_misspelled_component_is_unknown_with_did_you_mean() -> None:
    d = find(card({"type": "Txt", "value": "x"}), "unknown-component")
    assert (d.path, d.severity) == ("/children/0/type", "error")
    assert '"Txt"' in d.message
    assert d.hint == 'did you mean "Text"?'


@pytest.mark.parametrize(
    ("node", "words"), [({"value": "x"}, "has no type"), ({"type": 5}, "has type 5")]
)
def test_a_node_without_a_string_type_is_unknown(node: Payload, words: str) -> None:
    d = find(card(node), "unknown-component")
    assert d.path == "/children/0"
    assert words in d.message
    assert '"type"' in d.hint


def test_children_of_an_unknown_component_are_still_checked() -> None:
    payload = card({"type": "Grid", "children": [text(1)]})
    codes = {(d.path, d.code) for d in validate(payload)}
    assert codes == {
        ("/children/0/type", "unknown-component"),
        ("/children/0/children/0/value", "wrong-type"),
    }


def test_an_unknown_prop_suggests_the_nearest_one() -> None:
    d = find(card(text(colour="primary")), "unknown-prop")
    assert (d.path, d.severity) == ("/children/0/colour", "error")
    assert d.message == 'Text has no prop "colour"'
    assert d.hint == 'did you mean "color"?'


def test_an_unknown_prop_with_nothing_close_lists_the_known_props() -> None:
    d = find(card({"type": "Spacer", "zzz": 1}), "unknown-prop")
    assert d.hint == "known props: key, id, minSize"


def test_an_unknown_key_in_a_nested_shape_names_the_shape() -> None:
    d = find(card(padding={"top": 1, "botom": 2}), "unknown-prop")
    assert d.path == "/padding/botom"
    assert "Spacing" in d.message and '"botom"' in d.message
    assert d.hint == 'did you mean "bottom"?'


# -- missing props -----------------------------------------------------------------------------


def test_a_missing_required_prop_is_reported_at_its_own_pointer() -> None:
    d = find(card({"type": "Title"}), "missing-prop")
    assert (d.path, d.severity) == ("/children/0/value", "error")
    assert "Title" in d.message and "'value'" in d.message
    assert d.hint == "add 'value'"


def test_missing_required_children_are_reported() -> None:
    d = find({"type": "Card"}, "missing-prop")
    assert d.path == "/children"


def test_a_transition_without_its_child_animates_it_away() -> None:
    # openai-chatkit types it `children: WidgetComponent | None`; its own example widgets leave
    # the child out (`... if not done else None`) to animate it away.
    assert validate(card({"type": "Transition"}), runtime="js") == []
    assert validate(card({"type": "Transition", "children": None})) == []


def test_optional_children_may_be_left_out() -> None:
    assert validate(card({"type": "Row"}, {"type": "Box"}, {"type": "Col"})) == []


def test_a_missing_required_key_in_a_nested_shape() -> None:
    d = find(card({"type": "Button", "label": "x", "onClickAction": {}}), "missing-prop")
    assert d.path == "/children/0/onClickAction/type"
    assert "ActionConfig" in d.message


def test_a_series_without_its_tag_or_data_key_is_missing_them() -> None:
    d = find(card(chart(series=[{"dataKey": "v"}])), "missing-prop")
    assert d.path == "/children/0/series/0/type"
    d = find(card(chart(series=[{"type": "line"}])), "missing-prop")
    assert d.path == "/children/0/series/0/dataKey"


# -- wrong types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("node", "prop", "shown", "expected"),
    [
        (text(1), "value", "1", "a string"),
        (text(truncate="yes"), "truncate", '"yes"', "true or false"),
        (text(maxLines=2.5), "maxLines", "2.5", "an integer"),
        (text(maxLines=True), "maxLines", "true", "an integer"),
        ({"type": "Spacer", "minSize": [1]}, "minSize", "[1]", "a number or a string"),
        ({"type": "ListView", "children": [], "limit": True}, "limit", "true", "an integer"),
        (text(editable=True), "editable", "true", "false"),
    ],
)
def test_a_value_of_the_wrong_kind_is_wrong_type(
    node: Payload, prop: str, shown: str, expected: str
) -> None:
    payload = node if node["type"] == "ListView" else card(node)
    where = f"/{prop}" if node["type"] == "ListView" else f"/children/0/{prop}"
    d = find(payload, "wrong-type")
    assert (d.path, d.severity) == (where, "error")
    assert d.message.startswith(f"{shown} is not ")
    assert expected in d.message
    assert d.hint.startswith("use ")


def test_an_integral_float_is_an_integer_and_numbers_take_floats() -> None:
    assert validate(card(text(maxLines=2.0), {"type": "Box", "height": 1.5})) == []


def test_a_long_value_is_cut_in_the_message() -> None:
    d = find(card(text("x" * 500, truncate="y" * 500)), "wrong-type")
    assert len(d.message) < 120 and "…" in d.message


def test_children_that_are_not_a_list_are_wrong_type() -> None:
    d = find(card({"type": "Row", "children": "x"}), "wrong-type")
    assert d.path == "/children/0/children"
    assert '"x"' in d.message and d.hint == "wrap the child in a list"


def test_a_child_that_is_not_an_object_is_wrong_type() -> None:
    d = find(card(text(), 7), "wrong-type")
    assert d.path == "/children/1"
    assert d.message.startswith("7 ")
    assert '"type"' in d.hint


# -- tokens, icons, colours, dates, patterns ---------------------------------------------------


def test_a_bad_token_quotes_the_value_and_lists_the_valid_ones() -> None:
    d = find(card({"type": "Title", "value": "x", "size": "6xl"}), "bad-token")
    assert (d.path, d.severity) == ("/children/0/size", "error")
    assert d.message == '"6xl" is not a TitleSize token'
    assert d.hint.endswith("use one of sm, md, lg, xl, 2xl, 3xl, 4xl, 5xl")


def test_a_near_miss_token_gets_did_you_mean() -> None:
    d = find(card(text(weight="semi-bold")), "bad-token")
    assert d.hint.startswith('did you mean "semibold"? use one of normal')


def test_a_bad_token_inside_a_union_and_a_shape() -> None:
    d = find({"type": "ListView", "children": [], "limit": "all"}, "bad-token")
    assert d.path == "/limit" and '"all"' in d.message and "auto" in d.hint
    button = {"type": "Button", "label": "x", "onClickAction": {"type": "a", "handler": "browser"}}
    d = find(card(button), "bad-token")
    assert d.path == "/children/0/onClickAction/handler"
    assert d.hint.endswith("use one of client, server")


def test_a_bad_series_tag_lists_the_kinds() -> None:
    d = find(card(chart(series=[{"type": "pie", "dataKey": "v"}])), "bad-token")
    assert d.path == "/children/0/series/0/type"
    assert '"pie"' in d.message
    assert d.hint == "use one of bar, line, area"


def test_an_unknown_icon_is_a_bad_token_with_did_you_mean() -> None:
    d = find(card({"type": "Icon", "name": "stra"}), "bad-token")
    assert (d.path, d.severity) == ("/children/0/name", "error")
    assert '"stra"' in d.message
    assert d.hint.startswith('did you mean "star"?')
    assert "vendor:/lucide:" in d.hint


def test_prefixed_icons_are_icons() -> None:
    assert validate(card({"type": "Icon", "name": "lucide:alarm-clock"})) == []


@pytest.mark.parametrize("colour", ["secondary", "red-100", "#fff", "rgb(0 0 0)", "Teal"])
def test_colours_accept_tokens_primitives_and_css(colour: str) -> None:
    assert validate(card(text(color=colour))) == []


def test_an_unknown_colour_is_a_warning_with_did_you_mean() -> None:
    d = find(card(background="surfce"), "bad-color")
    assert (d.path, d.severity) == ("/background", "warning")
    assert '"surfce"' in d.message
    assert d.hint.startswith('did you mean "surface"? use one of surface')


@pytest.mark.parametrize("value", ["2025-03-14", "2025-03-14T09:30:00Z", "2025-03-14T09:30"])
def test_iso_dates_are_accepted(value: str) -> None:
    assert (
        validate(card({"type": "DatePicker", "name": "d", "min": value, "placeholder": "d"})) == []
    )


def test_a_bad_date_is_reported_with_an_example() -> None:
    d = find(card({"type": "DatePicker", "name": "d", "defaultValue": "14/03/2025"}), "bad-date")
    assert (d.path, d.severity) == ("/children/0/defaultValue", "error")
    assert '"14/03/2025"' in d.message
    assert "2025-03-14" in d.hint


def test_a_bad_regex_pattern_is_a_warning() -> None:
    d = find(
        card({"type": "Input", "name": "n", "pattern": "([a-z", "placeholder": "n"}), "bad-pattern"
    )
    assert (d.path, d.severity) == ("/children/0/pattern", "warning")
    assert '"([a-z"' in d.message
    assert "fix the pattern" in d.hint


# -- children ----------------------------------------------------------------------------------


def test_a_leaf_with_children_is_an_error() -> None:
    d = find(card(text(children=[text()])), "leaf-children")
    assert (d.path, d.severity) == ("/children/0/children", "error")
    assert "Text" in d.message
    assert "Row, Col or Box" in d.hint


@pytest.mark.parametrize("empty", [[], None])
def test_empty_children_on_a_leaf_are_tolerated(empty: object) -> None:
    assert validate(card(text(children=empty), {"type": "Divider", "children": empty})) == []


def test_transition_holds_one_child_not_a_list() -> None:
    d = find(card({"type": "Transition", "children": [text()]}), "child-count")
    assert (d.path, d.severity) == ("/children/0/children", "error")
    assert "exactly one" in d.message
    assert '"children": {' in d.hint
    assert validate(card({"type": "Transition", "children": text()})) == []


def test_transition_checks_its_single_child() -> None:
    d = find(
        card({"type": "Transition", "children": {"type": "ListViewItem", "children": []}}),
        "bad-child",
    )
    assert d.path == "/children/0/children"


def test_a_listview_holds_only_listviewitems() -> None:
    d = find({"type": "ListView", "children": [text()]}, "bad-child")
    assert (d.path, d.severity) == ("/children/0", "error")
    assert d.message == "a Text cannot be a child of ListView"
    assert d.hint == "ListView holds only ListViewItem children"


def test_a_listviewitem_outside_a_listview_is_a_bad_child() -> None:
    d = find(card({"type": "ListViewItem", "children": []}), "bad-child")
    assert d.hint == "a ListViewItem lives only directly inside a ListView"


def test_table_parts_hold_only_their_own_parts() -> None:
    table = {
        "type": "Table",
        "children": [{"type": "Table.Row", "children": [text(), {"type": "Table.Cell"}]}],
    }
    d = find(card(table), "bad-child")
    assert d.path == "/children/0/children/0/children/0"
    assert d.hint == "Table.Row holds only Table.Cell children"
    d = find(card({"type": "Table", "children": [{"type": "Table.Cell"}]}), "bad-child")
    assert d.hint == "Table holds only Table.Row children"


def test_only_basic_nests_roots() -> None:
    d = find(card(card()), "bad-child")
    assert d.path == "/children/0"
    assert d.hint.startswith("ChatKit's docs make Card a root-level container")
    assert "only a Basic can hold" in d.hint and "use a Col or Box here" in d.hint
    # Widget Studio's builder writes a ListView inside a Card; ChatKit documents it as a root.
    items = [{"type": "ListViewItem", "children": [text()]}]
    d = find(card({"type": "ListView", "children": items}), "bad-child")
    assert d.message == "a ListView cannot be a child of Card"
    assert d.hint == (
        "ChatKit's docs make ListView a root-level container, which only a Basic can hold: make "
        "it the widget's root, put it beside the rest in a Basic, or use a Col of Rows for a "
        "list here"
    )
    nested = {"type": "Basic", "children": [card(text()), {"type": "ListView", "children": []}]}
    assert validate(nested) == []


# -- runtime drift -----------------------------------------------------------------------------


def test_no_runtime_accepts_what_either_runtime_defines() -> None:
    payload = card(
        chart(),
        {"type": "Table", "children": []},
        {"type": "Icon", "name": "clock"},
        border=1,
    )
    assert validate(payload) == []


def test_runtime_js_warns_about_python_only_components_props_and_icons() -> None:
    image = {"type": "Image", "src": "a.png", "alt": "a", "background": "surface"}
    select = {
        "type": "Select",
        "name": "s",
        "placeholder": "s",
        "options": [{"value": "a", "label": "A", "disabled": True}],
    }
    icons = [{"type": "Icon", "name": "clock"}, {"type": "Icon", "name": "vendor:x"}]
    payload = card(chart(), image, select, *icons)
    drift = {d.path: d for d in validate(payload, runtime="js") if d.code == "runtime-drift"}
    assert set(drift) == {
        "/children/1/background",
        "/children/2/options/0/disabled",
        "/children/4/name",
    }
    assert all(d.severity == "warning" for d in drift.values())
    assert "prop 'background'" in drift["/children/1/background"].message
    assert "openai-chatkit (Python)" in drift["/children/1/background"].message
    assert "drop it" in drift["/children/1/background"].hint
    assert not errors(payload, runtime="js")


def test_runtime_python_warns_about_js_only_components_and_props() -> None:
    payload = card({"type": "Table", "children": []}, border=2)
    drift = {d.path: d for d in validate(payload, runtime="python") if d.code == "runtime-drift"}
    assert set(drift) == {"/children/0", "/border"}
    assert "prop 'border'" in drift["/border"].message
    assert "ChatKit.js" in drift["/border"].message
    assert all(d.severity == "warning" for d in drift.values())


# -- the whole report --------------------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    payload = card(
        {"type": "Title", "value": "x", "size": "6xl"},
        text(colour="red"),
        {"type": "Badge"},
        {"type": "Txt"},
        text(children=[text()]),
    )
    assert {(d.path, d.code) for d in validate(payload)} == {
        ("/children/0/size", "bad-token"),
        ("/children/1/colour", "unknown-prop"),
        ("/children/2/label", "missing-prop"),
        ("/children/3/type", "unknown-component"),
        ("/children/4/children", "leaf-children"),
    }


def test_pointers_escape_tilde_and_slash() -> None:
    payload = card(chart(xAxis={"dataKey": "m", "labels": {"a/b~c": 1}}), text(**{"x/y": 1}))
    paths = {d.path for d in validate(payload)}
    assert paths == {"/children/0/xAxis/labels/a~1b~0c", "/children/1/x~1y"}


def test_a_diagnostic_reads_as_path_severity_message_hint() -> None:
    d = find(card({"type": "Title", "value": "x", "size": "6xl"}), "bad-token")
    assert str(d) == f"/children/0/size: error: {d.message} ({d.hint})"
    assert d.to_dict()["code"] == "bad-token"


def test_deep_values_in_props_get_diagnostics_not_exceptions() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    found = validate(card(text(deep), {"type": "Row", "children": {"a": deep}}, deep))
    assert {(d.path, d.code) for d in found} == {
        ("/children/0/value", "wrong-type"),
        ("/children/1/children", "wrong-type"),
        ("/children/2", "wrong-type"),
    }


def test_nan_and_infinity_are_not_json() -> None:
    payload = {
        "type": "Card",
        "padding": float("nan"),
        "children": [{"type": "Box", "width": float("-inf"), "flex": 1.5}],
    }
    found = validate(payload)
    assert [(d.path, d.code) for d in found] == [
        ("/padding", "not-finite"),
        ("/children/0/width", "not-finite"),
    ]
    assert "NaN" in found[0].message and "finite" in found[0].hint


def test_a_hostile_tree_stops_after_a_thousand_problems() -> None:
    # One fault per level, 3,000 levels: each pointer is as long as its depth, so reporting all
    # of them would cost time and memory quadratic in the depth.
    root: dict[str, Any] = {"type": "Card", "children": []}
    node = root
    for _ in range(3000):
        child: dict[str, Any] = {"type": "Col", "bogus": 1, "children": []}
        node["children"].append(child)
        node = child
    found = validate(root)
    assert len(found) == MAX_DIAGNOSTICS + 1
    assert found[-1].code == "too-many"
    assert all(d.code == "unknown-prop" for d in found[:-1])

"""widget_schema is sound: what it accepts validates after from_structured, and it accepts every
gallery widget put in that form."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from strict_instances import instances

from widgetkit import validate
from widgetkit.gallery import WIDGETS
from widgetkit.llm import from_structured, to_structured, widget_schema

# The rules over the whole tree (widgetkit/rules.py) relate one node to others: ids unique in
# the widget, field names unique in a form, a Label naming a field elsewhere, a form whose submit
# action sits on an enclosing node. A JSON Schema describes each node by itself and cannot say
# these; validate() reports them and feedback() sends them back to the model.
TREE_RULES = {"duplicate-id", "duplicate-field", "label-field", "no-submit", "duplicate-key",
              "confirm-not-form"}  # fmt: skip
# Rules relating a node's own props (a defaultValue among the options, min before max) or
# values the strict subset has no keyword for (a list limit of at least 1, a non-empty src).
TREE_RULES |= {"bad-option", "bad-value"}

SOUND = settings(max_examples=300, deadline=None, derandomize=True)
GALLERY = [(f"{w.name}[{state}]", w.build(state).to_dict()) for w in WIDGETS for state in w.samples]

DEFAULT = widget_schema()
UNROLLED = widget_schema(max_depth=4)


def _any_of(validator: Any, any_of: list[Any], instance: Any, schema: Any) -> Any:
    # jsonschema's own anyOf gathers every error of every branch, which walks each wrong
    # component's whole subtree; stopping at a branch's first error decides the same, at once.
    for index, branch in enumerate(any_of):
        if next(validator.descend(instance, branch, schema_path=index), None) is None:
            return
    yield jsonschema.ValidationError(f"{instance!r} is not valid under any of the given schemas")


Accepts = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"anyOf": _any_of})
ACCEPTS_DEFAULT = Accepts(DEFAULT)
ACCEPTS_UNROLLED = Accepts(UNROLLED)
ACCEPTS_SEVEN = Accepts(widget_schema(max_depth=7))
FEW = widget_schema(components=["ListView", "ListViewItem", "Row", "Text", "Icon", "Button"])


def node_errors(obj: Any) -> list[str]:
    return [
        str(d)
        for d in validate(from_structured(obj))
        if d.severity == "error" and d.code not in TREE_RULES and not _payload_text(d.path)
    ]


def _payload_text(path: str) -> bool:
    # An action payload must be a JSON object (ChatKit merges form values into it); the strict
    # subset carries it as JSON text, and no pattern can say "text of a JSON object".
    return path.endswith("/payload")


@SOUND
@given(instances(DEFAULT))
def test_every_instance_of_the_schema_validates_after_from_structured(obj: Any) -> None:
    ACCEPTS_DEFAULT.validate(obj)  # the strategy draws only what the schema accepts
    assert node_errors(obj) == []


@SOUND
@given(instances(UNROLLED, depth=12))
def test_every_instance_of_an_unrolled_schema_validates(obj: Any) -> None:
    ACCEPTS_UNROLLED.validate(obj)
    assert node_errors(obj) == []


@settings(max_examples=100, deadline=None, derandomize=True)
@given(instances(FEW))
def test_a_schema_of_a_few_components_holds_only_those(obj: Any) -> None:
    kinds = set()
    stack = [from_structured(obj)]
    while stack:
        node = stack.pop()
        kinds.add(node["type"])
        stack += node.get("children", [])
    assert kinds <= {"ListView", "ListViewItem", "Row", "Text", "Icon", "Button"}
    assert node_errors(obj) == []


@pytest.mark.parametrize(("case", "payload"), GALLERY, ids=[c for c, _ in GALLERY])
def test_every_gallery_widget_in_the_strict_form_is_accepted_and_comes_back_unchanged(
    case: str, payload: dict[str, Any]
) -> None:
    structured = to_structured(payload)
    ACCEPTS_DEFAULT.validate(structured)
    ACCEPTS_SEVEN.validate(structured)
    assert from_structured(structured) == payload


@settings(max_examples=50, deadline=None, derandomize=True)
@given(instances(FEW, depth=8))
def test_the_quick_any_of_decides_as_jsonschemas_own(obj: Any) -> None:
    plain, quick = jsonschema.Draft202012Validator(FEW), Accepts(FEW)
    wrong = {"widget": {**obj["widget"], "limit": "many"}}  # not an int or "auto"
    assert plain.is_valid(obj) and quick.is_valid(obj)
    assert not plain.is_valid(wrong) and not quick.is_valid(wrong)


def test_the_tree_rules_left_out_are_exactly_the_ones_relating_nodes() -> None:
    # Each code in TREE_RULES does come from the tree rules, and instances hit them.
    two_ids = {"type": "Card", "children": [{"type": "Text", "value": "a", "id": "x"}] * 2}
    assert {d.code for d in validate(two_ids)} == {"duplicate-id"}


def test_from_structured_drops_nulls_and_decodes_payloads_and_maps() -> None:
    answer = {
        "widget": {
            "type": "Card",
            "key": None,
            "children": [
                {
                    "type": "Button",
                    "label": "Pay",
                    "onClickAction": {"type": "pay", "payload": '{"id": "A-17"}', "handler": None},
                },
                {"type": "Button", "onClickAction": {"type": "go", "payload": "not json"}},
                {"type": "Button", "onClickAction": {"type": "go", "payload": "NaN"}},
                {
                    "type": "Chart",
                    "data": [[{"key": "m", "value": "Jan"}, {"key": "n", "value": 3}]],
                    "series": [{"type": "bar", "dataKey": "n", "label": None}],
                    "xAxis": {"dataKey": "m", "labels": [{"key": "Jan", "value": "January"}]},
                },
            ],
        }
    }
    assert from_structured(answer) == {
        "type": "Card",
        "children": [
            {
                "type": "Button",
                "label": "Pay",
                "onClickAction": {"type": "pay", "payload": {"id": "A-17"}},
            },
            {"type": "Button", "onClickAction": {"type": "go", "payload": "not json"}},
            {"type": "Button", "onClickAction": {"type": "go", "payload": "NaN"}},
            {
                "type": "Chart",
                "data": [{"m": "Jan", "n": 3}],
                "series": [{"type": "bar", "dataKey": "n"}],
                "xAxis": {"dataKey": "m", "labels": {"Jan": "January"}},
            },
        ],
    }


def test_from_structured_passes_through_what_it_does_not_know() -> None:
    odd = {
        "type": "Heading",
        "text": None,
        "value": "x",
        "children": [{"type": "Text", "value": 1}],
    }
    assert from_structured(odd) == {
        "type": "Heading",
        "value": "x",
        "children": [{"type": "Text", "value": 1}],
    }
    assert from_structured("not a widget") == "not a widget"
    assert from_structured({"widget": [1, 2]}) == [1, 2]


def test_components_are_checked_by_name() -> None:
    with pytest.raises(ValueError, match='did you mean "Text"'):
        widget_schema(components=["Card", "Tex"])
    with pytest.raises(ValueError, match="components must include a root"):
        widget_schema(components=["Text"])
    with pytest.raises(ValueError, match="max_depth must be at least 2"):
        widget_schema(max_depth=1)


def test_a_container_with_nothing_to_hold_is_left_out() -> None:
    # A ListView holds ListViewItems only; without them it cannot be offered.
    schema = widget_schema(components=["Card", "ListView", "Text"])
    assert "ListView" not in schema["$defs"] and "Card" in schema["$defs"]
    # Unrolled, the last level holds only leaves.
    last = widget_schema(max_depth=3)["$defs"]
    assert "Text_3" in last and "Row_3" not in last and "Row_2" in last

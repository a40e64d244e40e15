"""The catalog's JSON Schema agrees with `validate` on every error a schema can express."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgetkit import validate
from widgetkit.catalog import BY_NAME
from widgetkit.cli import main
from widgetkit.schema import widget_schema
from widgetkit.testing.strategies import widgets

# Errors that need the whole tree (ids, forms), which a JSON Schema cannot express.
TREE_ONLY = {"duplicate-id", "duplicate-field", "label-field", "no-submit"}
VALIDATOR = jsonschema.Draft202012Validator(widget_schema())


def schema_accepts(payload: Any) -> bool:
    return VALIDATOR.is_valid(payload)


def validate_accepts(payload: Any) -> bool:
    return not [d for d in validate(payload) if d.severity == "error" and d.code not in TREE_ONLY]


def nodes(payload: Any) -> list[dict[str, Any]]:
    out, stack = [], [payload]
    while stack:
        node = stack.pop()
        out.append(node)
        kids = node.get("children")
        stack += kids if isinstance(kids, list) else [kids] if isinstance(kids, dict) else []
    return out


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(widget_schema())
    assert set(BY_NAME) <= set(widget_schema()["$defs"])


@settings(max_examples=60, deadline=None)
@given(widgets())
def test_the_schema_accepts_every_valid_widget(payload: dict[str, Any]) -> None:
    assert schema_accepts(payload), [e.message[:200] for e in VALIDATOR.iter_errors(payload)]


def _break(node: dict[str, Any], how: str) -> bool:
    """Break `node` one way; False when that way does not apply to it."""
    spec = BY_NAME[node["type"]]
    if how == "unknown-prop":
        node["colour"] = "red"
    elif how == "unknown-component":
        node["type"] = "Txt"
    elif how == "missing-prop":
        if not spec.required:
            return False
        del node[spec.required[0]]
    elif how == "wrong-type":
        node["key"] = 17
    elif how == "leaf-children":
        if spec.children is not None:
            return False
        node["children"] = [{"type": "Spacer"}]
    elif how == "bad-child":
        if spec.children is None or spec.children.single:
            return False
        # A ListViewItem lives only in a ListView, which holds nothing else.
        stray = (
            {"type": "Text", "value": "x"}
            if node["type"] == "ListView"
            else {"type": "ListViewItem", "children": []}
        )
        node["children"] = [*(node.get("children") or []), stray]
    return True


HOW = [
    "unknown-prop",
    "unknown-component",
    "missing-prop",
    "wrong-type",
    "leaf-children",
    "bad-child",
]


@settings(max_examples=60, deadline=None)
@given(widgets(max_depth=3), st.sampled_from(HOW), st.integers(min_value=0))
def test_schema_and_validate_agree_on_broken_widgets(
    payload: dict[str, Any], how: str, pick: int
) -> None:
    broken = copy.deepcopy(payload)
    found = nodes(broken)
    if not _break(found[pick % len(found)], how):
        return
    assert schema_accepts(broken) == validate_accepts(broken)
    assert not validate_accepts(broken)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (
            {"type": "Card", "children": [{"type": "Title", "value": "Hi", "size": "6xl"}]},
            "bad-token",
        ),
        ({"type": "Card", "children": [{"type": "Text"}]}, "missing-prop"),
        ({"type": "Card", "children": [{"type": "Text", "value": 3}]}, "wrong-type"),
        ({"type": "Card", "childs": []}, "unknown-prop"),
        ({"type": "ListView", "children": [{"type": "Text", "value": "x"}]}, "bad-child"),
        ({"type": "Card", "children": [{"type": "Icon", "name": "no-such-icon"}]}, "bad-token"),
        ({"type": "Card", "children": [{"type": "Transition", "children": []}]}, "child-count"),
        ({"type": "Text", "value": "x"}, "bad-root"),
        (
            {
                "type": "Card",
                "children": [{"type": "DatePicker", "name": "d", "defaultValue": "soon"}],
            },
            "bad-date",
        ),
        (
            {
                "type": "Card",
                "children": [{"type": "Badge", "label": "x", "children": [{"type": "Spacer"}]}],
            },
            "leaf-children",
        ),
        ([], "not-object"),
    ],
)
def test_schema_rejects_what_validate_reports(payload: Any, code: str) -> None:
    assert code in {d.code for d in validate(payload)}
    assert not schema_accepts(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "Card", "children": [{"type": "Text", "value": "x", "color": "#ff0000"}]},
        {"type": "Card", "children": [{"type": "Box", "background": "linear-gradient(red, blue)"}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "children": []}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "size": None}]},
        {"type": "Card", "children": [{"type": "Icon", "name": "lucide:cat"}]},
    ],
)
def test_schema_accepts_what_validate_only_warns_about(payload: Any) -> None:
    assert validate_accepts(payload)
    assert schema_accepts(payload)


def test_widgetkit_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == widget_schema()

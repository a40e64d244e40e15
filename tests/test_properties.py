"""Property tests: valid trees validate and round-trip, mutations are caught, any JSON is safe."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from widgetkit import Node, validate
from widgetkit import components as builders
from widgetkit.catalog import BY_NAME
from widgetkit.testing.strategies import mutations, widgets

FAST = settings(max_examples=150, deadline=None, derandomize=True)


def errors(payload: object) -> list[Any]:
    return [d for d in validate(payload) if d.severity == "error"]


def build(payload: dict[str, Any]) -> Node:
    """The builder calls that make `payload`, bottom-up."""
    props = {k: v for k, v in payload.items() if k not in ("type", "children")}
    cls = getattr(builders, payload["type"].replace(".", ""))
    kids = payload.get("children")
    if isinstance(kids, dict):
        node: Node = cls(build(kids), **props)
    elif isinstance(kids, list):
        node = cls(*(build(k) for k in kids), **props)
    else:
        node = cls(**props)
    return node


@FAST
@given(widgets())
def test_random_valid_trees_have_no_errors(payload: dict[str, Any]) -> None:
    assert errors(payload) == []


@FAST
@given(widgets())
def test_valid_trees_round_trip_through_openai_chatkit(payload: dict[str, Any]) -> None:
    from chatkit.widgets import DynamicWidgetRoot

    model = DynamicWidgetRoot.model_validate(payload)
    assert model.model_dump(exclude_none=True) == payload
    assert json.loads(model.model_dump_json(exclude_none=True)) == payload


@FAST
@given(widgets())
def test_builders_round_trip_through_json_and_openai_chatkit(payload: dict[str, Any]) -> None:
    node = build(payload)
    wire = node.to_dict()
    assert wire == with_children(payload)
    assert json.loads(node.to_json()) == wire
    assert node.to_chatkit().model_dump(exclude_none=True) == wire


def with_children(payload: dict[str, Any]) -> dict[str, Any]:
    """`payload` as a builder writes it: a container whose children are required always has its
    list; an optional one is left out when empty."""
    out = dict(payload)
    kids = payload.get("children")
    spec = BY_NAME[payload["type"]].children
    if isinstance(kids, dict):
        out["children"] = with_children(kids)
    elif kids:
        out["children"] = [with_children(k) for k in kids]
    elif spec is not None and spec.required:
        out["children"] = []
    else:
        out.pop("children", None)
    return out


@FAST
@given(st.data())
def test_each_mutation_is_reported_at_its_pointer(data: st.DataObject) -> None:
    payload = data.draw(widgets(max_depth=3))
    mutated, where, code = data.draw(mutations(payload))
    found = {(d.path, d.code) for d in validate(mutated) if d.severity == "error"}
    assert (where, code) in found


_NAMES = st.sampled_from(sorted(BY_NAME))
_KEYS = st.sampled_from(["type", "children", "value", "size", "name", "id", "label"]) | st.text(
    max_size=4
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6) | _NAMES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=4)
        | st.fixed_dictionaries({"type": _NAMES}, optional={"children": inner, "value": inner})
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_JSON)
def test_any_json_gets_diagnostics_never_an_exception(payload: object) -> None:
    found = validate(payload)
    assert all(d.path == "" or d.path.startswith("/") for d in found)
    validate(payload, runtime="js")
    validate(payload, runtime="python")


def test_a_100000_deep_tree_is_checked_without_recursion() -> None:
    root: dict[str, Any] = {"type": "Card", "children": []}
    node = root
    for i in range(100_000):
        child: dict[str, Any] = {"type": "Col" if i % 2 else "Transition"}
        if node["type"] == "Transition":
            node["children"] = child
        else:
            node["children"] = [child]
        node = child
    node["children"] = (
        {"type": "Text", "value": 1}
        if node["type"] == "Transition"
        else [{"type": "Text", "value": 1}]
    )
    [d] = validate(root)
    assert d.code == "wrong-type"
    assert d.path.count("/children") == 100_001


def test_a_100000_deep_json_value_is_checked_without_recursion() -> None:
    deep: Any = {}
    for _ in range(100_000):
        deep = {"type": "Box", "children": [deep]}
    found = validate({"type": "Card", "children": [deep]})
    assert found and all(d.severity in ("error", "warning") for d in found)

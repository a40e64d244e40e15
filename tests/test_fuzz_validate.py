"""`validate` fuzzed with hostile JSON (widgetkit.testing.hostile): real component names holding
wrong values, deep nesting, huge strings, unicode, NaN and infinities, big ints, non-string keys.
It answers with diagnostics, never an exception. `bench/fuzz_validate.py` runs 10,000 and more."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings

from widgetkit import validate
from widgetkit.diagnostics import Diagnostic
from widgetkit.testing.hostile import hostile_json

# A fixed seed (derandomize) keeps CI reproducible; the bench script draws fresh values.
CI = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@CI
@given(hostile_json())
def test_hostile_json_gets_diagnostics_never_an_exception(value: object) -> None:
    for runtime in (None, "js", "python"):
        found = validate(value, runtime=runtime)  # type: ignore[arg-type]
        assert all(isinstance(d, Diagnostic) for d in found)
        assert all(d.path == "" or d.path.startswith("/") for d in found)
        assert all(d.severity in ("error", "warning") and d.code and d.message for d in found)


def test_the_edges_the_strategy_aims_at_are_answered() -> None:
    edges: list[object] = [
        {"type": "Card", "children": [{"type": "Text", "value": math.nan}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "size": math.inf}]},
        {"type": "Card", "children": [{"type": "Image", "src": "x", "width": 10**400}]},
        {"type": "Card", "children": [{"type": "Text", 3: "x", None: 1, (1,): 2}]},
        {"type": "Card", "children": [{"type": "Text", "value": "\ud800" * 100_000}]},
        {"type": "\ud800", "children": [{"type": "Text" * 50_000}]},
        {1: {"type": "Card"}},
    ]
    for value in edges:
        for runtime in (None, "js", "python"):
            found = validate(value, runtime=runtime)  # type: ignore[arg-type]
            assert all(isinstance(d, Diagnostic) for d in found)


# -- issue 20: what an attack run found --------------------------------------------------------


class Hostile:
    """Not JSON, and every method a validator might call on it raises."""

    def __repr__(self) -> str:
        raise RuntimeError("repr called")

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        raise RuntimeError("format called")

    def __hash__(self) -> int:
        raise RuntimeError("hash called")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq called")


def test_a_deeply_nested_pattern_gets_a_diagnostic_not_a_recursion_error() -> None:
    for depth in (500, 5_000, 100_000):
        field = {
            "type": "Input",
            "name": "q",
            "placeholder": "Q",
            "pattern": "(" * depth + ")" * depth,
        }
        [d] = validate({"type": "Card", "children": [field]})
        assert (d.code, d.path, d.severity) == ("bad-pattern", "/children/0/pattern", "warning")
        assert "too deeply nested" in d.message


def test_a_structure_that_contains_itself_is_reported_at_its_pointer() -> None:
    box: dict[str, Any] = {"type": "Box", "children": []}
    card = {"type": "Card", "children": [{"type": "Text", "value": "a"}, box]}
    box["children"].append(box)
    [d] = [d for d in validate(card) if d.code == "cycle"]
    assert d.path == "/children/1/children/0"
    assert "the one at /children/1" in d.message
    card["children"].append(card)  # the root inside itself, and an unknown node in a loop
    odd: dict[str, Any] = {"type": "Nope", "children": []}
    odd["children"].append(odd)
    card["children"].append(odd)
    paths = {d.path for d in validate(card) if d.code == "cycle"}
    assert paths == {"/children/1/children/0", "/children/2", "/children/3/children/0"}


def test_a_payload_that_contains_itself_or_holds_python_objects_is_answered() -> None:
    # An action's payload is the app's own JSON: it must be an object, its values are not walked,
    # so neither a payload holding itself nor an object in it can stop or break the check.
    payload: dict[str, Any] = {"id": 1, "when": Hostile()}
    payload["self"] = payload
    button = {"type": "Button", "label": "Go", "onClickAction": {"type": "go", "payload": payload}}
    assert validate({"type": "Card", "children": [button]}) == []
    button["onClickAction"] = {"type": "go", "payload": [payload]}
    [d] = validate({"type": "Card", "children": [button]})
    assert (d.code, d.path) == ("wrong-type", "/children/0/onClickAction/payload")


def test_objects_that_are_not_json_are_named_without_calling_their_methods() -> None:
    hostile = Hostile()
    values: list[object] = [
        hostile,
        {"type": "Card", "children": [hostile]},
        {"type": "Card", "children": [{"type": "Text", "value": hostile}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "color": hostile}]},
        {"type": "Card", "children": [{"type": "Chart", "data": [{"v": hostile}], "series": [], "xAxis": "v"}]},
    ]  # fmt: skip
    for value in values:
        found = validate(value)
        assert [d.code for d in found if d.code == "not-json"] == ["not-json"], found
        assert all("Hostile" in d.message for d in found if d.code == "not-json")


def test_catastrophic_patterns_get_a_warning_with_a_pointer() -> None:
    for pattern in ("(((a+)+)+)+$", "(a+)+b", "(\\w+\\s?)*$", "(.*a){12}"):
        field = {"type": "Input", "name": "q", "placeholder": "Q", "pattern": pattern}
        [d] = validate({"type": "Card", "children": [field]})
        assert (d.code, d.path, d.severity) == ("slow-pattern", "/children/0/pattern", "warning")
    for pattern in ("[a-z]+", "\\d{3}-\\d{4}", "(ab)+", "\\p{L}+", "(?<y>\\d{4})-\\d{2}"):
        field = {"type": "Input", "name": "q", "placeholder": "Q", "pattern": pattern}
        assert validate({"type": "Card", "children": [field]}) == [], pattern


def test_a_type_or_key_that_is_not_json_is_named_without_calling_it() -> None:
    class Key:
        def __str__(self) -> str:
            raise RuntimeError("str called")

    [d] = validate({"type": "Card", "children": [{"type": Hostile()}]})
    assert d.code == "unknown-component" and "a Python Hostile" in d.message
    [d] = validate({"type": "Card", "children": [{"type": "Text", "value": "x", Key(): 1}]})
    assert d.code == "not-json" and "Key" in d.message
    chart = {"type": "Chart", "data": [{Key(): 1}], "series": [], "xAxis": "v"}
    assert [d.code for d in validate({"type": "Card", "children": [chart]})] == ["not-json"]


def test_a_wrapper_whose_inner_type_is_not_a_string_is_answered() -> None:
    [d] = validate({"": {"type": []}})
    assert d.code == "unknown-component"

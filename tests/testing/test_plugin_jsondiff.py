"""The pointer diff behind snapshot mismatch messages."""

from __future__ import annotations

from widgetkit.testing.jsondiff import changes


def pointers(old: object, new: object) -> list[str]:
    return [str(c) for c in changes(old, new)]


def test_changed_added_removed_props() -> None:
    old = {"type": "Text", "value": "a", "size": "sm"}
    new = {"type": "Text", "value": "b", "weight": "bold"}
    assert pointers(old, new) == ["- /size (removed)", "~ /value (changed)", "+ /weight (added)"]


def test_an_inserted_child_is_one_addition() -> None:
    kids = [{"type": "Text", "value": str(i)} for i in range(4)]
    new = {"type": "Col", "children": [*kids[:1], {"type": "Divider"}, *kids[1:]]}
    assert pointers({"type": "Col", "children": kids}, new) == ["+ /children/1 (added)"]


def test_a_different_component_is_one_change() -> None:
    old = {"type": "Card", "children": [{"type": "Text", "value": "x"}]}
    new = {"type": "Card", "children": [{"type": "Title", "value": "x", "size": "lg"}]}
    assert pointers(old, new) == ["~ /children/0 (changed)"]


def test_json_types_are_exact_and_keys_are_escaped() -> None:
    assert pointers({"a/b": 1, "c~": True}, {"a/b": 1.0, "c~": 1}) == [
        "~ /a~1b (changed)",
        "~ /c~0 (changed)",
    ]

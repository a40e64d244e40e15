"""repair: safe, meaning-preserving fixes only, each one recorded; what it cannot fix it leaves."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

from hypothesis import given, settings

from widgetkit import validate
from widgetkit.llm import repair
from widgetkit.testing.strategies import widgets

CARD = {"type": "Card", "children": [{"type": "Text", "value": "Hi"}]}


def changes_of(payload: Any) -> list[str]:
    return [str(c) for c in repair(payload)[1]]


def test_json_text_code_fences_and_wrappers_are_unwrapped() -> None:
    fenced = "Here it is:\n```json\n" + json.dumps(CARD) + "\n```"
    assert repair(fenced)[0] == fenced  # prose around the fence: not ours to cut
    fixed, changes = repair("```json\n" + json.dumps(CARD) + "\n```")
    assert fixed == CARD and [str(c) for c in changes] == ["/: took the JSON out of a code fence"]
    assert changes_of(json.dumps({"card": CARD})) == [
        "/: parsed JSON text",
        '/: took the widget out of its "card" wrapper',
    ]
    assert repair({"widget": CARD}) == (CARD, [])  # the strict schema's own wrapper is no fix


def test_names_in_the_wrong_case_become_the_catalogs() -> None:
    fixed, changes = repair(
        {"type": "card", "Children": None, "children": [{"type": "TEXT", "Value": "Hi", "size": "LG"}]}
    )
    assert fixed == {"type": "Card", "Children": None, "children": [{"type": "Text", "value": "Hi", "size": "lg"}]}
    assert [str(c) for c in changes] == [
        '/type: "card" → "Card" (the catalog\'s spelling)',
        '/children/0/type: "TEXT" → "Text" (the catalog\'s spelling)',
        '/children/0/Value: "Value" → "value" (prop name case)',
        '/children/0/size: "LG" → "lg" (a TextSize token)',
    ]


def test_a_bare_action_or_status_string_is_the_field_it_can_only_mean() -> None:
    fixed, changes = repair(
        {
            "type": "Card",
            "status": "Checking",
            "confirm": {"label": "OK", "action": "order.ok"},
            "children": [{"type": "Button", "label": "Pay", "onClickAction": "order.pay"}],
        }
    )
    assert fixed["status"] == {"text": "Checking"}
    assert fixed["confirm"] == {"label": "OK", "action": {"type": "order.ok"}}
    assert fixed["children"][0]["onClickAction"] == {"type": "order.pay"}
    assert len(changes) == 3 and validate(fixed) == []


def test_children_are_put_right_where_the_meaning_is_plain() -> None:
    fixed, changes = repair({"type": "Card", "children": {"type": "Text", "value": "x", "children": []}})
    assert fixed == {"type": "Card", "children": [{"type": "Text", "value": "x"}]}
    assert [c.path for c in changes] == ["/children", "/children/0/children"]


def test_what_it_cannot_fix_safely_is_left_for_validate() -> None:
    odd = {
        "type": "Card",
        "children": [
            {"type": "Title", "value": "x", "size": "6xl"},  # no such size: which one was meant?
            {"type": "Txt", "value": "y"},  # a misspelling, not a case slip
            {"type": "Text", "value": 3},  # a number where text goes
        ],
    }
    before = copy.deepcopy(odd)
    assert repair(odd) == (odd, [])
    assert odd == before  # the input is never changed


@settings(max_examples=150, deadline=None, derandomize=True)
@given(widgets(max_depth=3))
def test_a_valid_widget_needs_no_repair(payload: dict[str, Any]) -> None:
    assert repair(payload) == (payload, [])


def test_any_json_at_all_is_answered_without_an_exception() -> None:
    deep: Any = {"type": "Text", "value": "x"}
    for _ in range(5000):
        deep = {"type": "Box", "children": [deep]}
    for hostile in (None, 3, "```", "{", [], {"type": None}, {"type": "Card", "children": "x"}, deep):
        repair(hostile)


def test_importing_widgetkit_llm_does_not_import_the_chatkit_server_or_the_agents_sdk() -> None:
    code = (
        "import sys, widgetkit, widgetkit.llm; "
        "print(sorted(m for m in sys.modules if m.startswith(('chatkit.server', 'agents', "
        "'widgetkit.agents'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

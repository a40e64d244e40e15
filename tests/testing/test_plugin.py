"""The widget_snapshot fixture: create, compare, mismatch diff, missing, invalid widgets."""

from __future__ import annotations

import json

import pytest

pytest_plugins = ["pytester"]

CARD = """
from widgetkit import Card, Text, Title

def card(greeting="Hello"):
    return Card(Title("Hi"), Text(greeting))
"""


@pytest.fixture(autouse=True)
def _ini(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")


def stored(pytester: pytest.Pytester, name: str, module: str = "test_w") -> str:
    return (pytester.path / "__widget_snapshots__" / module / name).read_text(encoding="utf-8")


def test_missing_snapshot_fails_and_says_how_to_create_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w=CARD + "def test_a(widget_snapshot):\n    widget_snapshot.assert_match(card())\n"
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*widget snapshot __widget_snapshots__/test_w/test_a[[]0].json does not exist.",
            "*Re-run pytest with --widget-snapshot-update to create it.",
        ]
    )
    assert not (pytester.path / "__widget_snapshots__").exists()


def test_created_snapshot_is_canonical_json_and_then_matches(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w=CARD
        + "def test_a(widget_snapshot):\n"
        + "    widget_snapshot.assert_match(card('Grüße'))\n"
        + "    assert widget_snapshot == {'type': 'Card', 'children': []}\n"
        + "    widget_snapshot.assert_match(card(), name='plain')\n"
    )
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=1)
    text = stored(pytester, "test_a[0].json")
    assert (
        text
        == json.dumps(
            {
                "type": "Card",
                "children": [{"type": "Title", "value": "Hi"}, {"type": "Text", "value": "Grüße"}],
            },
            sort_keys=True,
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    assert json.loads(stored(pytester, "test_a[1].json")) == {"type": "Card", "children": []}
    assert "Hello" in stored(pytester, "test_a[plain].json")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["widget snapshots: 3 passed"])


def test_mismatch_shows_pointers_and_a_unified_diff(pytester: pytest.Pytester) -> None:
    body = "def test_a(widget_snapshot):\n    widget_snapshot.assert_match(card({greeting!r}))\n"
    pytester.makepyfile(test_w=CARD + body.format(greeting="Hello"))
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=1)
    pytester.makepyfile(test_w=CARD + body.format(greeting="Bye"))
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*widget differs from its snapshot __widget_snapshots__/test_w/test_a[[]0].json",
            "*~ /children/1/value (changed)",
            "*--- snapshot",
            "*+++ widget",
            '*-      "value": "Hello"',
            '*+      "value": "Bye"',
            "*Re-run pytest with --widget-snapshot-update to accept the new widget.",
        ]
    )
    assert "Hello" in stored(pytester, "test_a[0].json")  # a failing run writes nothing


def test_equality_form_explains_the_mismatch(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w=CARD + "def test_a(widget_snapshot):\n    assert widget_snapshot == card()\n"
    )
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=1)
    pytester.makepyfile(
        test_w=CARD + "def test_a(widget_snapshot):\n    assert widget_snapshot == card('Yo')\n"
    )
    result = pytester.runpytest("-vv")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*assert <widget_snapshot test_a> == widget", "*~ /children/1/value (changed)"]
    )


def test_invalid_widget_is_refused_and_never_stored(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w="def test_a(widget_snapshot):\n"
        "    widget_snapshot.assert_match({'type': 'Card', 'children': [{'type': 'Title', 'value': 'x', 'size': '6xl'}]})\n"
    )
    result = pytester.runpytest("--widget-snapshot-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*refusing to snapshot an invalid widget (__widget_snapshots__/test_w/test_a[[]0].json)*",
            "*/children/0/size: error:*6xl*",
        ]
    )
    assert not (pytester.path / "__widget_snapshots__").exists()


def test_parametrized_ids_become_safe_file_names(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w=CARD
        + "import pytest\n"
        + "@pytest.mark.parametrize('g', ['a/b', 'c:d'])\n"
        + "class TestCards:\n"
        + "    def test_a(self, widget_snapshot, g):\n"
        + "        widget_snapshot.assert_match(card(g), name='x/y')\n"
    )
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=2)
    names = sorted(p.name for p in (pytester.path / "__widget_snapshots__" / "test_w").iterdir())
    assert names == ["TestCards.test_a[a_b][x_y].json", "TestCards.test_a[c_d][x_y].json"]
    pytester.runpytest().assert_outcomes(passed=2)


def test_a_snapshot_name_used_twice_in_one_test_is_an_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_w=CARD
        + "def test_a(widget_snapshot):\n"
        + "    widget_snapshot.assert_match(card(), name='n')\n"
        + "    widget_snapshot.assert_match(card(), name='n')\n"
    )
    result = pytester.runpytest("--widget-snapshot-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snapshot 'n' is asserted twice in test_a*"])


def test_options_live_in_the_widgetkit_group(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(
        [
            "widgetkit widget snapshots:",
            "*--widget-snapshot-update*",
            "*--widget-snapshot-warn-unused*",
        ]
    )

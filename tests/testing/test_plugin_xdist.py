"""pytest-xdist: workers write their own tests' files; the controller reports and judges unused."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

TESTS = """
import pytest
from widgetkit import Card, Text

@pytest.mark.parametrize("i", range(8))
def test_many(widget_snapshot, i):
    widget_snapshot.assert_match(Card(Text("named")), name="n")
    widget_snapshot.assert_match(Card(Text(f"card {{i}}{suffix}")))
"""


def test_parallel_update_then_compare_then_delete_unused(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_w=TESTS.format(suffix=""))
    result = pytester.runpytest_subprocess(
        "-n", "2", "-p", "no:cacheprovider", "--widget-snapshot-update"
    )
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["16 widget snapshot(s) written:"])
    root = pytester.path / "__widget_snapshots__" / "test_w"
    assert len(list(root.iterdir())) == 16

    stale = root / "test_removed[0].json"
    stale.write_text((root / "test_many[0][0].json").read_text())
    pytester.makepyfile(test_w=TESTS.format(suffix="!"))
    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=8)
    result.stdout.fnmatch_lines(
        [
            "widget snapshots: 8 passed, 8 failed",
            "1 widget snapshot(s) unused:",
            "*test_removed[[]0].json",
        ]
    )

    result = pytester.runpytest_subprocess(
        "-n", "2", "-p", "no:cacheprovider", "--widget-snapshot-update", "-k", "many"
    )
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(
        ["8 widget snapshot(s) updated:", "Unused snapshots were not checked*(-k*"]
    )
    assert stale.exists()

    result = pytester.runpytest_subprocess(
        "-n", "2", "-p", "no:cacheprovider", "--widget-snapshot-update"
    )
    result.assert_outcomes(passed=8)
    result.stdout.fnmatch_lines(["1 widget snapshot(s) deleted:", "*test_removed[[]0].json"])
    assert not stale.exists()
    assert len(list(root.iterdir())) == 16

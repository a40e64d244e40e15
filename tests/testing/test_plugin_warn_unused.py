"""--widget-snapshot-warn-unused: unused snapshots are reported but do not fail the run."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def test_warn_unused_reports_without_failing(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    stale = pytester.path / "__widget_snapshots__" / "test_w" / "test_gone[0].json"
    stale.parent.mkdir(parents=True)
    stale.write_text('{\n  "children": [],\n  "type": "Card"\n}\n')
    pytester.makepyfile(test_w="def test_a():\n    pass\n")
    result = pytester.runpytest("--widget-snapshot-warn-unused")
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(
        [
            "1 widget snapshot(s) unused:",
            "  __widget_snapshots__/test_w/test_gone[[]0].json",
            "Re-run pytest with --widget-snapshot-update to delete unused snapshots.",
        ]
    )
    assert stale.exists()

"""--widget-snapshot-update: writes new and changed snapshots, deletes unused ones (whole suite only)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

TESTS = """
from widgetkit import Card, Text

def test_a(widget_snapshot):
    widget_snapshot.assert_match(Card(Text({a!r})))

def test_b(widget_snapshot):
    widget_snapshot.assert_match(Card(Text("b")))
"""


@pytest.fixture(autouse=True)
def _ini(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")


def snapshots(pytester: pytest.Pytester) -> list[str]:
    root = pytester.path / "__widget_snapshots__"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.json")) if root.exists() else []


def test_update_writes_changes_and_deletes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a"))
    result = pytester.runpytest("--widget-snapshot-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        [
            "*= widgetkit snapshots =*",
            "2 widget snapshot(s) written:",
            "  __widget_snapshots__/test_w/test_a[[]0].json",
            "  __widget_snapshots__/test_w/test_b[[]0].json",
        ]
    )
    # test_b is renamed and test_a changes: one update, one write, one deletion.
    pytester.makepyfile(test_w=TESTS.format(a="A").replace("def test_b", "def test_c"))
    result = pytester.runpytest("--widget-snapshot-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        [
            "1 widget snapshot(s) written:",
            "  __widget_snapshots__/test_w/test_c[[]0].json",
            "1 widget snapshot(s) updated:",
            "  __widget_snapshots__/test_w/test_a[[]0].json",
            "1 widget snapshot(s) deleted:",
            "  __widget_snapshots__/test_w/test_b[[]0].json",
        ]
    )
    assert snapshots(pytester) == ["test_w/test_a[0].json", "test_w/test_c[0].json"]
    assert '"A"' in (pytester.path / "__widget_snapshots__/test_w/test_a[0].json").read_text()


def test_unused_snapshots_fail_the_run_and_name_the_fix(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a"))
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=2)
    pytester.makepyfile(test_w=TESTS.format(a="a").replace("def test_b", "def test_c"))
    (pytester.path / "__widget_snapshots__/test_w/test_c[0].json").write_text(
        (pytester.path / "__widget_snapshots__/test_w/test_b[0].json").read_text()
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "1 widget snapshot(s) unused:",
            "  __widget_snapshots__/test_w/test_b[[]0].json",
            "Re-run pytest with --widget-snapshot-update to delete unused snapshots.",
        ]
    )


def test_a_deleted_test_module_leaves_unused_snapshots(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a"), test_v=TESTS.format(a="v"))
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=4)
    Path(pytester.path / "test_v.py").unlink()
    result = pytester.runpytest("--widget-snapshot-update")
    result.stdout.fnmatch_lines(["2 widget snapshot(s) deleted:"])
    assert snapshots(pytester) == ["test_w/test_a[0].json", "test_w/test_b[0].json"]


@pytest.mark.parametrize(
    ("args", "reason", "ran"),
    [
        (["-k", "test_a"], "-k", 1),
        (["test_w.py::test_a"], "node ids", 1),
        # A marker expression that happens to select everything still counts as a selection.
        (["-m", "not slow"], "-m", 2),
    ],
)
def test_a_partial_run_judges_no_snapshot_unused(
    pytester: pytest.Pytester, args: list[str], reason: str, ran: int
) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a"))
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=2)
    result = pytester.runpytest("--widget-snapshot-update", *args)
    result.assert_outcomes(passed=ran)
    assert result.ret == pytest.ExitCode.OK
    assert "deleted" not in result.stdout.str()
    result.stdout.fnmatch_lines(
        [f"Unused snapshots were not checked: only part of the suite ran ({reason}*"]
    )
    assert snapshots(pytester) == ["test_w/test_a[0].json", "test_w/test_b[0].json"]


def test_last_failed_run_judges_no_snapshot_unused(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a") + "\ndef test_fails():\n    assert False\n")
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=2, failed=1)
    result = pytester.runpytest("--widget-snapshot-update", "--lf")
    result.assert_outcomes(failed=1)
    assert snapshots(pytester) == ["test_w/test_a[0].json", "test_w/test_b[0].json"]


def test_a_failing_or_skipped_test_keeps_its_snapshots(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_w=TESTS.format(a="a"))
    pytester.runpytest("--widget-snapshot-update").assert_outcomes(passed=2)
    pytester.makepyfile(
        test_w=TESTS.format(a="a")
        .replace(
            "def test_a(widget_snapshot):\n", "def test_a(widget_snapshot):\n    assert False\n"
        )
        .replace("def test_b", "import pytest\n@pytest.mark.skip\ndef test_b")
    )
    result = pytester.runpytest("--widget-snapshot-update")
    result.assert_outcomes(failed=1, skipped=1)
    assert snapshots(pytester) == ["test_w/test_a[0].json", "test_w/test_b[0].json"]

"""The widget_image fixture as a user meets it, in a pytest run of its own: a missing image says how
to make it, the update flag writes it, a changed widget fails with a diff image beside the stored
one, a change within the tolerance passes, and an image no test asserts any more is unused."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

CARD = """
from widgetkit import Card, Text, Title

def card(greeting="Hello"):
    return Card(Title("Hi"), Text(greeting))
"""
IMAGES = "__widget_snapshots__/test_w"


@pytest.fixture(autouse=True)
def _ini(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")


def write_test(pytester: pytest.Pytester, body: str) -> None:
    pytester.makepyfile(test_w=CARD + "def test_a(widget_image):\n" + body)


def test_missing_then_written_then_passing(pytester: pytest.Pytester) -> None:
    write_test(pytester, "    widget_image.assert_match(card(), theme='dark')\n")
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            f"*widget image {IMAGES}/test_a[[]0].png does not exist.",
            "*Re-run pytest with --widget-snapshot-update to create it.",
        ]
    )
    assert not (pytester.path / "__widget_snapshots__").exists()

    pytester.runpytest_subprocess("--widget-snapshot-update").assert_outcomes(passed=1)
    png = (pytester.path / IMAGES / "test_a[0].png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000

    pytester.runpytest_subprocess().assert_outcomes(passed=1)

    # No test asserts it any more: it is unused, which fails the run as for JSON snapshots.
    write_test(pytester, "    pass\n")
    result = pytester.runpytest_subprocess()
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*1 widget snapshot(s) unused:", f"*{IMAGES}/test_a[[]0].png"])


def test_a_change_fails_with_a_diff_image_beside_the_stored_one(pytester: pytest.Pytester) -> None:
    write_test(pytester, "    widget_image.assert_match(card(), name='card')\n")
    pytester.runpytest_subprocess("--widget-snapshot-update").assert_outcomes(passed=1)
    stored = pytester.path / IMAGES / "test_a[card].png"
    before = stored.read_bytes()

    write_test(
        pytester, "    widget_image.assert_match(card('A much longer greeting'), name='card')\n"
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            f"*widget image differs from {IMAGES}/test_a[[]card].png: *% of its pixels changed*",
            f"*what changed, in red: {IMAGES}/test_a[[]card].diff.png",
            f"*the drawing now:      {IMAGES}/test_a[[]card].new.png",
            "*Re-run pytest with --widget-snapshot-update to accept the new drawing.",
        ]
    )
    diff = stored.with_name("test_a[card].diff.png")
    new = stored.with_name("test_a[card].new.png")
    assert diff.read_bytes().startswith(b"\x89PNG")
    now = new.read_bytes()
    assert now != before and stored.read_bytes() == before  # a failure changes nothing stored

    # The diff and new images are not snapshots: accepting the change removes them and reports
    # no unused file.
    result = pytester.runpytest_subprocess("--widget-snapshot-update")
    result.assert_outcomes(passed=1)
    assert "unused" not in result.stdout.str()
    assert stored.read_bytes() != before
    assert not diff.exists() and not new.exists()


def test_a_change_within_the_tolerance_passes(pytester: pytest.Pytester) -> None:
    # The change that fails the default tolerance above (about 2% of the pixels) ...
    write_test(pytester, "    widget_image.assert_match(card(), name='card')\n")
    pytester.runpytest_subprocess("--widget-snapshot-update").assert_outcomes(passed=1)
    # ... passes a looser one.
    longer = "card('A much longer greeting')"
    write_test(pytester, f"    widget_image.assert_match({longer}, name='card', tolerance=0.5)\n")
    pytester.runpytest_subprocess().assert_outcomes(passed=1)

"""The external `.widget` conformance corpus runs as an extra suite.

Its tests are marked `corpus`. When the corpus is absent (a fresh clone with no shared/ beside
it) they are skipped, all for one reason the run's summary shows in one line (not deselected: that
would keep the snapshot plugin from checking for unused snapshots); when CI is set, its absence
fails the run, because CI always has it.
"""

from __future__ import annotations

import os

import pytest

from tests.templates.conftest import CORPUS


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def pytest_configure(config: pytest.Config) -> None:
    if not CORPUS.is_dir() and _in_ci():
        raise pytest.UsageError(
            f"The external .widget corpus is missing at {CORPUS}, and CI (CI is set) always "
            "runs it: put it there, or name its folder in WIDGETKIT_CORPUS."
        )


# One reason raised from one place: pytest's summary folds these skips into a single line.
ABSENT = (
    f"the external .widget corpus is not at {CORPUS}, so its tests do not run "
    "(name its folder in WIDGETKIT_CORPUS to run them)"
)


@pytest.hookimpl(tryfirst=True)  # before pytest's own skip marks (an empty parameter set)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("corpus") and not CORPUS.is_dir():
        pytest.skip(ABSENT)

"""The external `.widget` conformance corpus runs as an extra suite.

Its tests are marked `corpus`. When the corpus is absent (a fresh clone with no shared/ beside
it) they are deselected and the run says so in one line; when CI is set, its absence fails the
run, because CI always has it.
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


def pytest_report_header(config: pytest.Config) -> str:
    if CORPUS.is_dir():
        return f"external corpus: {CORPUS}"
    return (
        f"external corpus: not found at {CORPUS}, so its tests (marked corpus) do not run; "
        "set WIDGETKIT_CORPUS to its folder to run them"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CORPUS.is_dir():
        return
    absent = [item for item in items if item.get_closest_marker("corpus")]
    if absent:
        config.hook.pytest_deselected(items=absent)
        items[:] = [item for item in items if not item.get_closest_marker("corpus")]

"""pytest hooks for widget snapshots (registered through the `pytest11` entry point).

The hooks only wire pytest to `snapshot.py` (comparison) and `session.py` (state); see
docs/testing.md for the user guide. widgetkit itself is imported on the first snapshot, so the
plugin costs nothing in test runs that never use it.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from .session import WIRE_KEY, SnapshotSession
from .snapshot import SNAPSHOT_DIR, TestId, WidgetSnapshot, sanitise

if TYPE_CHECKING:
    from widgetkit.screenshot import Camera

    from .image import WidgetImage

_SESSION = pytest.StashKey[SnapshotSession]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("widgetkit", "widgetkit widget snapshots")
    group.addoption(
        "--widget-snapshot-update",
        action="store_true",
        default=False,
        dest="widget_snapshot_update",
        help="Write new and changed widget snapshots; delete unused ones (whole-suite runs only).",
    )
    group.addoption(
        "--widget-snapshot-warn-unused",
        action="store_true",
        default=False,
        dest="widget_snapshot_warn_unused",
        help="Report unused widget snapshots without failing the session.",
    )


def pytest_configure(config: pytest.Config) -> None:
    session = SnapshotSession(
        config.rootpath,
        update=config.getoption("widget_snapshot_update"),
        warn_unused=config.getoption("widget_snapshot_warn_unused"),
    )
    # A selection means some snapshots' tests were not collected, so none can be called unused.
    option = config.option
    for flag, reason in (
        ("keyword", "-k"),
        ("markexpr", "-m"),
        ("lf", "--lf"),
        ("deselect", "--deselect"),
        ("stepwise", "--sw"),
        ("collectonly", "--collect-only"),
    ):
        if getattr(option, flag, None):
            session.not_whole_suite(reason)
    if any("::" in str(arg) for arg in config.args):
        session.not_whole_suite("node ids")
    config.stash[_SESSION] = session


def _test_id(item: pytest.Item) -> TestId | None:
    names: list[str] = []
    node: Any = item
    while node is not None and not isinstance(node, pytest.Module):
        names.append(node.name)
        node = node.parent
    if node is None:
        return None  # not a Python test function (a doctest, a YAML item, ...)
    path = node.path
    return TestId(path.parent / SNAPSHOT_DIR / path.stem, sanitise(".".join(reversed(names))))


def pytest_deselected(items: list[pytest.Item]) -> None:
    if items:
        items[0].config.stash[_SESSION].not_whole_suite("deselected tests")


def pytest_collection_finish(session: pytest.Session) -> None:
    state = session.config.stash[_SESSION]
    for item in session.items:
        test = _test_id(item)
        if test is not None:
            state.collected(item.path, test.directory, test.name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    test = _test_id(item)
    if test is not None:
        item.config.stash[_SESSION].outcome(
            test.directory, test.name, when=report.when, passed=report.passed
        )
    return report


@pytest.fixture
def widget_snapshot(request: pytest.FixtureRequest) -> WidgetSnapshot:
    """Compare a widget with its stored snapshot: `widget_snapshot.assert_match(widget)`."""
    test = _test_id(request.node)
    if test is None:
        raise pytest.UsageError("widget_snapshot works in Python test functions only")
    return WidgetSnapshot(request.config.stash[_SESSION], test)


@pytest.fixture(scope="session")
def widget_camera() -> Iterator[Camera]:
    """One Chromium for the session's `widget_image` checks, started at the first drawing."""
    from widgetkit.screenshot import Camera

    camera = Camera()
    yield camera
    camera.close()


@pytest.fixture
def widget_image(request: pytest.FixtureRequest, widget_camera: Camera) -> WidgetImage:
    """Compare a widget's drawing with its stored PNG: `widget_image.assert_match(widget)`."""
    from .image import WidgetImage

    test = _test_id(request.node)
    if test is None:
        raise pytest.UsageError("widget_image works in Python test functions only")
    return WidgetImage(request.config.stash[_SESSION], test, widget_camera)


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> list[str] | None:
    snap = left if isinstance(left, WidgetSnapshot) else right
    if op == "==" and isinstance(snap, WidgetSnapshot) and snap.failure:
        return [f"{snap!r} == widget", *snap.failure.splitlines()]
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """xdist controller: merge what a worker did."""
    state = node.config.stash[_SESSION]
    wire = getattr(node, "workeroutput", {}).get(WIRE_KEY)
    if wire is None or error:
        state.not_whole_suite("a worker crashed")
    if wire is not None:
        state.merge(wire)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    state = config.stash[_SESSION]
    state.flush()
    workeroutput = getattr(config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller decides the rest
        workeroutput[WIRE_KEY] = state.to_wire()
        return
    if exitstatus == pytest.ExitCode.INTERRUPTED or session.shouldstop or session.shouldfail:
        state.not_whole_suite("interrupted")
    state.judge_unused()
    if state.unused and not state.warn_unused and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    lines = config.stash[_SESSION].summary()
    if lines:
        terminalreporter.section("widgetkit snapshots")
        for line in lines:
            terminalreporter.write_line(line)

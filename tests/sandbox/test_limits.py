"""The sandbox's limits beyond time: memory, and processes a builder forks."""

from __future__ import annotations

import asyncio
import os
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from widgetkit.sandbox import Builder, FileResult


def write(path: Path, source: str) -> Path:
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def text_of(result: FileResult) -> str:
    [widget] = result.widgets
    [state] = widget.states
    assert state.payload is not None, state
    value: str = state.payload["children"][0]["value"]
    return value


@pytest.fixture
async def builder(tmp_path: Path) -> AsyncIterator[Builder]:
    b = Builder([tmp_path], timeout=5.0)
    await b.start()
    try:
        yield b
    finally:
        await b.close()


async def test_a_builder_cannot_take_the_machines_memory(builder: Builder, tmp_path: Path) -> None:
    file = write(
        tmp_path / "big.py",
        """
        from widgetkit import Card, Text, widget

        @widget
        def big() -> Card:
            hoard = bytearray(2 * 1024**3)
            return Card(Text(str(len(hoard))))
        """,
    )
    [result] = await builder.build([file])
    [state] = result.widgets[0].states
    assert state.payload is None
    assert [d["message"] for d in state.diagnostics] == ["MemoryError: "]
    assert builder.restarts == 0  # an answer like any exception: the worker carries on


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status  # a zombie has ended; only its parent has not reaped it


def alive(pid: int) -> bool:
    """Whether `pid` still runs once a kill sent to it has had time to land (signals are
    delivered asynchronously; a generous bound, left at once when it has ended)."""
    deadline = time.monotonic() + 30
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    return running(pid)


FORKS = """
import os
from widgetkit import Card, Text, widget

@widget
def forks() -> Card:
    if os.fork() == 0:  # the copy goes on as if it were the worker
        with open({pidfile!r}, "a") as out:  # one line a copy: a later copy never erases it
            out.write(f"{{os.getpid()}}\\n")
    return Card(Text({text!r}))
"""


async def test_a_builder_that_forks_leaves_no_second_worker(tmp_path: Path) -> None:
    pidfile = tmp_path / "forked.pid"
    file = write(tmp_path / "forks.py", FORKS.format(pidfile=str(pidfile), text="first"))
    builder = Builder([tmp_path], timeout=5.0)
    await builder.start()
    try:
        assert text_of((await builder.build([file]))[0]) == "first"
        # The next saves are built by the worker itself, not answered by the forked copy.
        for text in ("second", "third"):
            write(tmp_path / "forks.py", FORKS.format(pidfile=str(pidfile), text=text))
            assert text_of((await builder.build([file], changed=[file]))[0]) == text
        # The copies run on their own; wait (generously) until the first has said who it is.
        deadline = time.monotonic() + 30
        while (
            not (pidfile.exists() and pidfile.read_text().strip()) and time.monotonic() < deadline
        ):
            await asyncio.sleep(0.01)
    finally:
        await builder.close()  # returns: nothing forked holds the worker's pipes open
    forked = [int(line) for line in pidfile.read_text().splitlines() if line.strip()]
    assert forked and not any(alive(pid) for pid in forked)


async def test_a_forked_process_that_lingers_is_ended_with_its_worker(tmp_path: Path) -> None:
    pidfile = tmp_path / "forked.pid"
    file = write(
        tmp_path / "lingers.py",
        f"""
        import os, time
        from pathlib import Path
        from widgetkit import Card, Text, widget

        @widget
        def lingers() -> Card:
            if os.fork() == 0:
                Path({str(pidfile)!r}).write_text(str(os.getpid()))
                time.sleep(600)
                os._exit(0)
            return Card(Text("here"))
        """,
    )
    builder = Builder([tmp_path], timeout=5.0)
    await builder.start()
    try:
        assert text_of((await builder.build([file]))[0]) == "here"
    finally:
        await builder.close()
    pid = int(pidfile.read_text())
    gone = not alive(pid)
    if not gone:  # pragma: no cover - the failure below; don't leave it behind
        os.kill(pid, 9)
    assert gone

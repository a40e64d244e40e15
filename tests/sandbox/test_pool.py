"""The worker pool: closing it ends every process it started, whatever each was doing."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import textwrap
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from widgetkit.handlers import ActionContext
from widgetkit.preview.calls import Calls
from widgetkit.sandbox import Pool, WorkerDied
from widgetkit.sandbox.pool import Worker

SPIN = """\
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

@actions.on("spin")
def spin(payload: dict) -> None:
    while True:
        pass
"""


def children() -> set[int]:
    """This process's child processes, zombies (exited but never waited for) included."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # it ended while we looked
            continue
        if int(fields[1]) == os.getpid():
            out.add(int(stat.parent.name))
    return out


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


def resource_warnings() -> list[str]:
    """What collecting the garbage warns about: unclosed transports, processes still running."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        gc.collect()
    return [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)]


async def test_close_ends_a_worker_in_use_and_a_spare_still_starting(tmp_path: Path) -> None:
    resource_warnings()  # what earlier tests left is theirs
    before = children()
    pool = Pool([tmp_path])
    busy = await pool.take()  # out for a use, never given back; a spare starts meanwhile
    assert busy.proc.pid in children()
    # Close while the spare's process exists but has not said it is ready.
    await until(lambda: len(children() - before) == 2)
    await pool.close()
    assert children() - before == set()
    with pytest.raises(WorkerDied):
        await busy.receive()
    del busy
    assert resource_warnings() == []


async def test_close_right_after_start_leaves_no_process(tmp_path: Path) -> None:
    # The spare's spawn is cancelled wherever it is: before its process, or inside
    # create_subprocess_exec while the pipes connect.
    resource_warnings()
    before = children()
    for ticks in range(0, 40, 4):
        pool = Pool([tmp_path])
        pool.start()
        for _ in range(ticks):
            await asyncio.sleep(0)
        await pool.close()
        assert children() - before == set(), ticks
    assert resource_warnings() == []


async def test_closing_the_calls_ends_a_call_in_progress(tmp_path: Path) -> None:
    (tmp_path / "spin.py").write_text(textwrap.dedent(SPIN), encoding="utf-8")
    resource_warnings()
    before = children()
    calls = Calls([tmp_path], timeout=60.0)
    calls.start()
    call = asyncio.create_task(
        calls.action("spin", {}, ActionContext(type="spin"), near=None, timeout=60.0)
    )
    await until(lambda: len(children() - before) == 2)
    await asyncio.sleep(0.2)  # the handler spins in its worker
    await calls.close()  # as the server shuts down: the call's task may never run again
    assert children() - before == set()
    call.cancel()
    with pytest.raises((WorkerDied, asyncio.CancelledError)):
        await call
    del call
    assert resource_warnings() == []


async def test_a_kill_cancelled_while_it_waits_still_reaps_the_process(tmp_path: Path) -> None:
    # A server shutting down cancels the wait; the process must not be left for the garbage
    # collector, whose Popen warns "subprocess still running" in whatever runs next.
    worker = await Worker.spawn([tmp_path])
    killing = asyncio.create_task(worker.kill())
    await asyncio.sleep(0)  # the SIGKILL is sent, the wait has begun
    killing.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await killing
    popen = worker.proc._transport.get_extra_info("subprocess")  # type: ignore[attr-defined]
    assert popen.returncode is not None

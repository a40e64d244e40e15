"""The sandbox's worker processes: one child running user code, spoken to in JSON lines, and the
pool that keeps them warm.

A worker runs in a process group of its own, so killing it also ends whatever its user code
forked; its memory is capped in the child (`child.limit_memory`). A `Pool` hands out workers for
one use each and keeps a spare starting, so that a worker killed after a timeout is replaced at
once; both the builder (`builder.py`) and the preview's interactive calls use one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_TIMEOUT", "Pool", "Prepare", "Worker", "WorkerDied"]

DEFAULT_TIMEOUT = 3.0
_STREAM_LIMIT = 64 * 1024 * 1024  # one line holds every payload of a file
_START_TIMEOUT = 30.0


def _null(constant: str) -> None:
    return None


class WorkerDied(Exception):
    """The worker stopped answering: killed after a timeout, or it crashed."""


class Worker:
    """One child process and its JSON-lines pipes."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def spawn(cls, roots: list[Path]) -> Worker:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "widgetkit.sandbox.child",
            *map(str, roots),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=env,
            limit=_STREAM_LIMIT,
            start_new_session=True,  # its own process group: see kill()
        )
        worker = cls(proc)
        try:
            ready = await asyncio.wait_for(worker.receive(), _START_TIMEOUT)
        except BaseException:  # it never started, or its owner closed meanwhile (cancelled)
            await worker.kill()
            raise
        if ready.get("t") != "ready":  # pragma: no cover - protocol guard
            await worker.kill()
            raise WorkerDied(f"the worker said {ready!r} instead of ready")
        return worker

    async def send(self, msg: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(msg).encode() + b"\n")
        try:
            await self.proc.stdin.drain()
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise WorkerDied(str(exc)) from exc

    async def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = await self.proc.stdout.readline()
        if not line:
            code = await self.proc.wait()
            raise WorkerDied(f"the worker exited with code {code}")
        # The one door from user code into the server: a NaN or an infinity (which the child's
        # json.dumps writes, and which the child's diagnostics name) arrives as null, so
        # nothing the server sends on (pages, /api, the event stream) holds one.
        msg: dict[str, Any] = json.loads(line, parse_constant=_null)
        return msg

    async def kill(self) -> None:
        """End the worker and every process its user code forked (they share its group)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        try:
            await self.proc.wait()
        finally:
            transport = self.proc._transport  # type: ignore[attr-defined]  # no public way
            if self.proc.returncode is None:
                # The wait was cancelled: reap the process here (it was sent SIGKILL, so this
                # is at once), or its Popen, collected later, warns "subprocess still running".
                with contextlib.suppress(subprocess.TimeoutExpired):
                    transport.get_extra_info("subprocess").wait(5)
            # Closed here even when the wait is cancelled (a server shutting down): asyncio closes
            # it itself only once the loop has run the callbacks of the exit and the pipe's end,
            # and a loop that stops first leaves the transport to the garbage collector, which
            # warns "unclosed transport" (and "subprocess still running" before the exit).
            transport.close()


Prepare = Callable[[Worker], Awaitable[None]]


class Pool:
    """Worker processes for one kind of work: idle ones between uses, and a spare starting in the
    background, so that taking a worker rarely waits for a process to start.

    `take()` hands out a worker for one use (an idle one, else the spare, and a new spare starts);
    `give()` puts it back once its answer was read to the end; `replace()` kills one that ran past
    its limit, died, or was left mid-answer. At most `size` workers are out at once. `close()`
    kills every worker the pool started and still holds, those out for a use included, and
    cancels the spawns under way; the pool may be used again after it.

    The builder and the interactive calls each keep a pool of their own (two of this class, not
    one shared spare): the calls' workers are prepared by importing every module under the paths
    (`prepare`), which takes seconds in a large project and up to `WARM_TIMEOUT` for a module
    that loops at import, and a rebuild after a timeout must not wait for that, nor for a spare
    a burst of clicks has just taken. Each kind gets its replacement at once, and a click never
    queues behind a rebuild.
    """

    def __init__(
        self, roots: Iterable[Path], *, size: int = 1, prepare: Prepare | None = None
    ) -> None:
        self.roots = [Path(r).resolve() for r in roots]
        self.restarts = 0  # workers stopped by replace(); for tests and the log
        self._prepare = prepare
        self._workers: set[Worker] = set()  # every live worker started here: idle, out, spare
        self._idle: list[Worker] = []
        self._spare: asyncio.Task[Worker] | None = None
        self._spawning: set[asyncio.Task[Worker]] = set()
        self._slots = asyncio.Semaphore(size)

    def start(self) -> None:
        """Start warming a spare (from inside the running event loop)."""
        if self._spare is None:
            self._spare = self._task()

    @property
    def pid(self) -> int | None:
        """The process id of the idle worker the next `take()` gets, if any."""
        return self._idle[-1].proc.pid if self._idle else None

    async def take(self) -> Worker:
        """A worker for one use; waits while `size` workers are out."""
        await self._slots.acquire()
        try:
            while self._idle:
                worker = self._idle.pop()
                if worker.proc.returncode is None:
                    return worker
                await self._drop(worker)  # it died while idle
            spare, self._spare = self._spare, self._task()
            if spare is not None:
                with contextlib.suppress(TimeoutError, WorkerDied, OSError):
                    return await spare
            return await self._task()
        except BaseException:
            self._slots.release()
            raise

    def give(self, worker: Worker) -> None:
        """Put back a worker that finished its use; it waits idle for the next."""
        self._slots.release()
        if worker in self._workers:  # else close() ended it meanwhile
            self._idle.append(worker)

    async def replace(self, worker: Worker) -> None:
        """Kill a worker that cannot be used again; the spare (already starting) takes over."""
        self._slots.release()
        self.restarts += 1
        await self._drop(worker)

    async def close(self) -> None:
        """Kill every worker this pool started and still holds, and the spawns under way."""
        spawning, self._spare = list(self._spawning), None
        for task in spawning:
            task.cancel()
        await asyncio.gather(*spawning, return_exceptions=True)  # each kills its own process
        workers, self._idle = list(self._workers), []
        self._workers.clear()
        await asyncio.gather(*(worker.kill() for worker in workers))

    def _task(self) -> asyncio.Task[Worker]:
        task = asyncio.create_task(self._spawn())
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)
        return task

    async def _spawn(self) -> Worker:
        worker = await self._new()
        if self._prepare is None:
            return worker
        try:
            await self._prepare(worker)
        except (TimeoutError, WorkerDied, ValueError):
            # A module that loops at import: a cold worker imports on its first use instead,
            # where that use's own limit stops it.
            await self._drop(worker)
            return await self._new()
        except BaseException:  # cancelled (the pool closed, or its taker gave up)
            await self._drop(worker)
            raise
        return worker

    async def _new(self) -> Worker:
        worker = await Worker.spawn(self.roots)
        self._workers.add(worker)
        return worker

    async def _drop(self, worker: Worker) -> None:
        self._workers.discard(worker)
        await worker.kill()

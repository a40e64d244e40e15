"""The sandbox's worker processes: one child running user code, spoken to in JSON lines.

A worker runs in a process group of its own, so killing it also ends whatever its user code
forked; its memory is capped in the child (`child.limit_memory`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_TIMEOUT", "Worker", "WorkerDied"]

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
        await self.proc.wait()

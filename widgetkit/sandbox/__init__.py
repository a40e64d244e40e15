"""The one door to user code: builders, handlers and data-editor renders run in worker processes.

The preview and the command line (`widgetkit validate`, `export`) never import a user's module
themselves. They ask the sandbox, whose workers (`child.py`) import it fresh from source
(`loader.py`), build and validate, and answer in JSON lines; a worker that outlives its time
limit, runs out of memory or dies is killed with whatever it forked, and a warm spare takes over.

```python
from widgetkit.sandbox import build_files

for result in build_files([Path("gallery")], timeout=3.0):
    ...
```
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from .builder import Builder, FileResult, Listing, StateResult, WidgetResult
from .failure import Failure, Frame
from .pool import DEFAULT_TIMEOUT, Pool, Worker, WorkerDied

__all__ = [
    "DEFAULT_TIMEOUT",
    "Builder",
    "Failure",
    "FileResult",
    "Frame",
    "Listing",
    "Pool",
    "StateResult",
    "Stopped",
    "WidgetResult",
    "Worker",
    "WorkerDied",
    "ask",
    "build_files",
]


T = TypeVar("T")


class Stopped(Exception):
    """User code ran past its limit or killed its worker; the message says which and where."""


def build_files(
    paths: Sequence[Path],
    files: Sequence[Path],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    runtime: str | None = None,
) -> list[FileResult]:
    """Build and validate `files` (found under `paths`) in a worker, from synchronous code."""

    async def go() -> list[FileResult]:
        builder = Builder(paths, timeout=timeout)
        await builder.start()
        try:
            return await builder.build(files, explicit=paths, runtime=runtime)
        finally:
            await builder.close()

    return _run(go())


def ask(
    paths: Sequence[Path], request: dict[str, Any], *, timeout: float, what: str
) -> dict[str, Any]:
    """One call in a fresh worker, from synchronous code: the answer's last line before `done`.
    Raises `Stopped` when `what` (e.g. "exporting cards.py:hello") takes longer than `timeout`
    seconds or the worker dies."""

    async def go() -> dict[str, Any]:
        worker = await Worker.spawn(list(paths))
        answer: dict[str, Any] = {}
        try:
            await worker.send(request)
            while (msg := await asyncio.wait_for(worker.receive(), timeout))["t"] != "done":
                answer = msg
        except TimeoutError:
            raise Stopped(f"{what} took longer than {timeout:g} s and was stopped") from None
        except WorkerDied as exc:
            raise Stopped(f"{what} stopped its worker ({exc})") from None
        finally:
            await worker.kill()
        return answer

    return _run(go())


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coro)`, also from a thread whose own loop is running (a notebook, a test
    holding Playwright's sync API): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()

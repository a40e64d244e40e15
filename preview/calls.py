"""Run the preview's interactive user code (data-editor renders, schemas, action handlers) in a
warm worker process, so a handler that loops without awaiting cannot block the server.

`Calls` owns workers of its own beside the hot reloader's `Builder`: an action must not queue
behind a rebuild, nor a rebuild behind a slow handler, nor one click behind another that is
stuck. Each call runs in a worker of its own (idle ones are reused, and one spare is kept warm);
a call whose worker stays silent past its time limit kills that worker and raises
`CallTimeout`. A new worker imports every module under the paths first (the `warm` request), so
a click does not pay for the imports. The worker's side is `widgetkit/sandbox/calls.py`.

Example::

    calls = Calls([Path("gallery")])
    calls.start()                                   # inside the running event loop
    rendered = await calls.render(entry, {"id": "A-1"})
    outcome = await calls.action(action, ctx, near=entry.file, timeout=5.0)
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from pathlib import Path
from typing import Any

from widgetkit.diagnostics import Diagnostic
from widgetkit.handlers import ActionContext, ActionFailed, Outcome
from widgetkit.sandbox import DEFAULT_TIMEOUT, Worker, WorkerDied
from widgetkit.sandbox.loader import stamp_of
from widgetkit.sandbox.render import PAYLOAD_SCHEMA, Rendered, render_payload

from .library import Entry

__all__ = ["CallTimeout", "Calls", "HandlerError"]

WARM_TIMEOUT = 20.0  # importing a large project; a module that loops at import is given up on
POOL_SIZE = 8  # calls at once: each stuck click holds one worker until its limit


class HandlerError(Exception):
    """User code in the worker raised; `cause` is what the action log shows (with traceback
    lines), `payload` says the payload did not fit the handler's model."""

    def __init__(self, cause: dict[str, Any], *, payload: bool = False) -> None:
        super().__init__(f"{cause.get('type')}: {cause.get('message')}")
        self.cause = cause
        self.payload = payload


class CallTimeout(TimeoutError):
    """The worker said nothing for longer than the call's limit; it was stopped and replaced."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.cause = {"type": "Timeout", "message": message, "where": "", "traceback": []}


class Calls:
    """The interactive calls, each in a worker of its own while it runs.

    Workers wait idle between calls, and one more is kept warm as a spare; a call takes an idle
    worker (or the spare) and gives it back when it ends, so a handler stuck until its limit holds
    up only its own click. At most `size` calls run at once.
    """

    def __init__(
        self, paths: list[Path], *, timeout: float = DEFAULT_TIMEOUT, size: int = POOL_SIZE
    ) -> None:
        self.paths = [Path(p).resolve() for p in paths]
        self.timeout = timeout  # renders; actions pass the action service's own
        self.restarts = 0
        self.types: list[str] = []  # the action types the routers handle, as last seen
        self._idle: list[Worker] = []
        self._spare: asyncio.Task[Worker] | None = None
        self._slots = asyncio.Semaphore(size)
        self._started = False
        # (file, builder) -> (the file's stamp, its schema): a page view asks no worker again
        self._schemas: dict[tuple[Path, str], tuple[tuple[int, int], dict[str, Any]]] = {}

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._spare = asyncio.create_task(self._spawn())

    async def close(self) -> None:
        spare, self._spare = self._spare, None
        if spare is not None:
            spare.cancel()
            with contextlib.suppress(BaseException):
                await (await spare).kill()
        idle, self._idle = self._idle, []
        for worker in idle:
            await worker.kill()

    @property
    def pid(self) -> int | None:
        """An idle worker's process id (the one the next call takes), if any."""
        return self._idle[-1].proc.pid if self._idle else None

    # ---- the calls ---------------------------------------------------------------------------

    async def render(self, entry: Entry, data: Any) -> Rendered:
        """`Library.render`, with the builder run in the worker, fresh from its source."""
        if entry.kind != "builder":
            return render_payload(data)
        request = {"t": "render", "file": str(entry.file), "name": entry.name, "data": data}
        try:
            for msg in await self.collect(request):
                if msg["t"] == "result":
                    return Rendered.from_dict(msg)
        except (CallTimeout, WorkerDied) as exc:
            what = "timeout" if isinstance(exc, CallTimeout) else "crash"
            hint = "make the builder return sooner" if what == "timeout" else ""
            problem = Diagnostic("", "error", f"builder-{what}", f"{entry.name}: {exc}", hint)
            return Rendered(None, [problem])
        return Rendered(
            None, [Diagnostic("", "error", "no-answer", "The worker answered nothing.")]
        )

    async def schema(self, entry: Entry) -> dict[str, Any]:
        """The builder's parameter schema, asked of the sandbox once per stamp of its file."""
        if entry.kind != "builder":
            return PAYLOAD_SCHEMA
        key, stamp = (entry.file, entry.name), stamp_of(entry.file)
        kept = self._schemas.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        request = {"t": "schema", "file": str(entry.file), "name": entry.name}
        try:
            for msg in await self.collect(request):
                if msg["t"] == "result":
                    schema: dict[str, Any] = msg["schema"]
                    if stamp is not None:
                        self._schemas[key] = (stamp, schema)
                    return schema
        except (CallTimeout, WorkerDied) as exc:
            return {"type": "object", "description": f"No schema: {exc}"}
        return {"type": "object"}

    async def action(
        self, action_type: str, payload: Any, ctx: ActionContext, *, near: Path | None,
        timeout: float,
    ) -> Outcome:  # fmt: skip
        """Dispatch in the worker. A stream's states keep arriving from the worker as the
        returned outcome's `states` are read; each step has `timeout` seconds. Raises
        `HandlerError` (the handler raised), `CallTimeout` and `WorkerDied`."""
        from widgetkit.serve import outcome_from_json

        ctx_json = {"type": ctx.type, "payload": ctx.payload, "widget": ctx.widget,
                    "form": ctx.form, "item_id": ctx.item_id, "handler": ctx.handler,
                    "sync": ctx.sync}  # fmt: skip
        request = {"t": "action", "type": action_type, "payload": payload, "ctx": ctx_json,
                   "near": str(near) if near else None}  # fmt: skip
        lines = self.call(request, timeout=timeout, what=f"the handler of {action_type}")
        error: HandlerError | None = None
        try:
            async for msg in lines:
                if msg["t"] == "error":
                    error = HandlerError(msg["error"], payload=bool(msg.get("payload")))
                elif msg["t"] == "outcome" and msg["kind"] == "stream":
                    return outcome_from_json(msg, _states(lines))
                elif msg["t"] == "outcome":
                    async for _ in lines:  # read up to `done`, so the worker is free again
                        pass
                    return outcome_from_json(msg)
        except BaseException:
            await lines.aclose()
            raise
        if error is not None:
            raise error
        raise WorkerDied("the worker ended the action without an outcome")

    async def collect(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        """Every line of one call's answer, within `self.timeout` a line."""
        return [msg async for msg in self.call(request, timeout=self.timeout)]

    async def call(
        self, request: dict[str, Any], *, timeout: float, what: str = ""
    ) -> AsyncGenerator[dict[str, Any], None]:
        """Send `request` and yield its answer's lines until `done`. The worker is stopped and
        replaced when a line takes longer than `timeout`, when it dies, and when the reader stops
        early (the worker would still be busy with the abandoned call)."""
        what = what or f"the {request['t']} call"
        async with self._slots:
            worker = await self._take()
            finished = False
            try:
                await worker.send(request)
                while True:
                    try:
                        msg = await asyncio.wait_for(worker.receive(), timeout)
                    except TimeoutError:
                        raise CallTimeout(
                            f"{what} took longer than {timeout:g} s and was stopped; "
                            "a fresh worker took over"
                        ) from None
                    if msg["t"] == "done":
                        finished = True
                        self.types = msg.get("types", self.types)
                        return
                    yield msg
            finally:
                if finished:
                    self._idle.append(worker)
                else:  # stopped, dead, or abandoned mid-answer: it may still be busy
                    self.restarts += 1
                    await worker.kill()

    # ---- the workers -------------------------------------------------------------------------

    async def _spawn(self) -> Worker:
        worker = await Worker.spawn(self.paths)
        try:
            await worker.send({"t": "warm"})
            while (msg := await asyncio.wait_for(worker.receive(), WARM_TIMEOUT))["t"] != "done":
                pass
            self.types = msg.get("types", self.types)
        except (TimeoutError, WorkerDied, ValueError):
            # A module that loops at import: a cold worker imports on the first call instead,
            # where that call's own limit stops it.
            await worker.kill()
            worker = await Worker.spawn(self.paths)
        except BaseException:  # close() cancelled the warm-up: no one else knows this worker
            await worker.kill()
            raise
        return worker

    async def _take(self) -> Worker:
        """An idle worker, else the spare (usually warm already; a new spare starts)."""
        self.start()
        while self._idle:
            worker = self._idle.pop()
            if worker.proc.returncode is None:
                return worker
        spare, self._spare = self._spare, asyncio.create_task(self._spawn())
        if spare is not None:
            with contextlib.suppress(TimeoutError, WorkerDied, OSError):
                return await spare
        return await self._spawn()


async def _states(lines: AsyncGenerator[dict[str, Any], None]) -> AsyncIterator[dict[str, Any]]:
    """A stream's states as the worker sends them; its end line says whether it failed. The
    answer is read to its `done` line before failing, so the worker is free again."""
    failure: Exception | None = None
    try:
        async for msg in lines:
            if msg["t"] == "state":
                yield msg["widget"]
            elif msg["t"] == "end" and msg.get("failed") is not None:
                failure = ActionFailed(msg["failed"])
            elif msg["t"] == "error":
                failure = HandlerError(msg["error"])
    finally:
        await lines.aclose()
    if failure is not None:
        raise failure

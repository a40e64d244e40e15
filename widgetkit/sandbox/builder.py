"""Build widgets in a warm worker process, so user code that crashes or loops can be stopped.

Neither the preview nor the command line runs a builder itself: they ask a `Builder`, which
speaks JSON lines to a worker (`child.py`) from its `Pool`, which keeps a second one warm as a
spare. A build that outlives `timeout` seconds is stopped by killing its worker; the spare takes
over at once and a new spare starts in the background.

Example::

    builder = Builder([Path("gallery")])
    await builder.start()
    results = await builder.build([Path("gallery/commerce.py")], changed=[...])
    await builder.close()
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .failure import Failure
from .pool import DEFAULT_TIMEOUT, Pool, WorkerDied

__all__ = ["DEFAULT_TIMEOUT", "Builder", "FileResult", "Listing", "StateResult", "WidgetResult"]


@dataclass
class StateResult:
    name: str
    data: dict[str, Any] | None
    payload: dict[str, Any] | None
    diagnostics: list[dict[str, str]]
    line: int = 0
    error: Failure | None = None  # an exception or a timeout, with user frames
    where: str = ""  # the call that raised a WidgetError, e.g. "Title(…)"
    pending: bool = False  # listed, not built yet (`Builder.build`'s `on_listing`)

    @property
    def ok(self) -> bool:
        return self.payload is not None and not any(
            d["severity"] == "error" for d in self.diagnostics
        )


@dataclass
class WidgetResult:
    name: str
    title: str
    doc: str
    line: int
    states: list[StateResult]


@dataclass
class FileResult:
    """What building one file produced. `error` is set when the file itself failed (a syntax
    error, an exception at import, a timeout while importing): then `widgets` is empty."""

    file: Path
    kind: str  # "builder" for .py, "payload" for .json and .widget
    error: Failure | None = None
    deps: set[Path] = field(default_factory=set)  # user files it imports, transitively
    widgets: list[WidgetResult] = field(default_factory=list)

    @classmethod
    def from_json(cls, msg: dict[str, Any]) -> FileResult:
        widgets = [
            WidgetResult(
                w["name"], w["title"], w["doc"], w["line"], [_state(s) for s in w["states"]]
            )
            for w in msg["widgets"]
        ]
        deps = {Path(d) for d in msg["deps"]}
        return cls(Path(msg["file"]), msg["kind"], _failure(msg["error"]), deps, widgets)


# What `Builder.build` awaits with the worker's listing: every file, its states still pending.
Listing = Callable[[list[FileResult]], Awaitable[None]]


class Builder:
    """Builds widget files in a warm worker, stopping builds that run longer than `timeout`.

    `build()` answers one `FileResult` per file asked for, in order; it never raises for what
    user code does. Calls are serialised: one build at a time, as the watcher asks for them.
    """

    def __init__(self, roots: Iterable[Path], *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.pool = Pool(roots)  # one worker at a time, and its spare
        self.roots = self.pool.roots
        self.timeout = timeout
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        """Start the worker and its spare; both import widgetkit before the first build."""
        self.pool.give(await self.pool.take())

    async def close(self) -> None:
        await self.pool.close()

    @property
    def restarts(self) -> int:
        """How many workers were stopped; for tests and the log."""
        return self.pool.restarts

    @property
    def pid(self) -> int | None:
        return self.pool.pid

    async def build(
        self,
        files: Iterable[Path],
        *,
        changed: Iterable[Path] = (),
        explicit: Iterable[Path] = (),
        runtime: str | None = None,
        on_listing: Listing | None = None,
    ) -> list[FileResult]:
        """Build `files` after dropping the modules of `changed` files (and their importers).

        `explicit` files are the ones named on the command line: a `.json` there is taken as a
        widget whatever it holds. `runtime` is `validate()`'s. With `on_listing`, the worker
        first imports every file and names its widgets, their states `pending`; that listing
        is awaited as it arrives, before any state is built. (If the worker is stopped while
        listing, the retry builds without one.)
        """
        todo = [Path(f).resolve() for f in files]
        request: dict[str, Any] = {
            "t": "build",
            "changed": [str(Path(f).resolve()) for f in changed],
            "explicit": [str(Path(f).resolve()) for f in explicit],
            "skip": {},
            "runtime": runtime,
            "list": on_listing is not None,
        }
        async with self._lock:
            done: dict[Path, FileResult] = {}
            stopped: dict[Path, dict[str, Failure]] = {}  # file -> label -> error
            while True:
                rest = [f for f in todo if f not in done]
                if not rest:
                    break
                request["files"] = [str(f) for f in rest]
                request["skip"] = {str(f): list(s) for f, s in stopped.items()}
                failure = await self._run(request, done, on_listing)
                request["list"] = False
                if failure is None:
                    continue
                file, label, _line, error = failure
                if file is None:  # the worker died outside any file: give up on the rest
                    for f in rest:
                        done.setdefault(f, FileResult(f, _kind(f), error))
                    break
                if not label:  # stopped while importing: the file fails as a whole
                    done[file] = FileResult(file, _kind(file), error)
                else:
                    stopped.setdefault(file, {})[label] = error
                # The same request goes to the fresh worker; it skips what was stopped.
                request["changed"] = []
            for file, errors in stopped.items():
                _fill_stopped(done[file], errors)
            return [done[f] for f in todo]

    async def _run(
        self, request: dict[str, Any], done: dict[Path, FileResult], on_listing: Listing | None
    ) -> tuple[Path | None, str, int, Failure] | None:
        """Send one request; None when it finished, else where it stopped and why."""
        worker = await self.pool.take()
        current: tuple[Path | None, str, int] = (None, "", 0)
        try:
            await worker.send(request)
            deadline = time.monotonic() + self.timeout
            while True:
                msg = await asyncio.wait_for(worker.receive(), deadline - time.monotonic())
                if msg["t"] == "begin":
                    current = (Path(msg["file"]), msg["label"], msg["line"])
                    deadline = time.monotonic() + self.timeout
                elif msg["t"] == "file":
                    result = FileResult.from_json(msg)
                    done[result.file] = result
                    # Lines already read would be handled back to back: let the loop breathe.
                    await asyncio.sleep(0)
                elif msg["t"] == "listing" and on_listing is not None:
                    await on_listing([FileResult.from_json(f) for f in msg["files"]])
                    deadline = time.monotonic() + self.timeout  # the worker went on meanwhile
                elif msg["t"] == "done":
                    self.pool.give(worker)
                    return None
        except BaseException as exc:
            await self.pool.replace(worker)
            if not isinstance(exc, TimeoutError | WorkerDied | json.JSONDecodeError):
                raise  # cancelled: the worker may be busy still, so it went too
            file, label, line = current
            what = f"builder {label}" if label else f"importing {file.name if file else 'a file'}"
            if isinstance(exc, TimeoutError):
                message = f"{what} took longer than {self.timeout:g} s and was stopped"
                kind = "Timeout"
            else:
                message = f"{what} stopped the worker ({exc}); a fresh worker took over"
                kind = "WorkerCrash"
            return file, label, line, Failure(kind, message, str(file or ""), line, label)


def _kind(file: Path) -> str:
    return "builder" if file.suffix == ".py" else "payload"


def _state(msg: dict[str, Any]) -> StateResult:
    return StateResult(**{**msg, "error": _failure(msg["error"])})


def _failure(msg: dict[str, Any] | None) -> Failure | None:
    return Failure.from_dict(msg) if msg is not None else None


def _fill_stopped(result: FileResult, errors: dict[str, Failure]) -> None:
    """Put the stopped states back in the result, each failing with its timeout error."""
    for label, error in errors.items():
        name, _, state = label.partition("[")
        state = state.removesuffix("]")
        for w in result.widgets:
            if w.name == name:
                diag = {"path": "", "severity": "error", "code": "builder-timeout",
                        "message": error.message, "hint": "make the builder return sooner"}  # fmt: skip
                stopped = StateResult(state, None, None, [diag], error.line, error)
                w.states = [stopped if s.name == state else s for s in w.states]
                if not any(s.name == state for s in w.states):
                    w.states.append(stopped)

"""The preview's mock action handlers: the `ActionRouter`s found in the previewed modules, served
through `widgetkit.serve` exactly as a production `ChatKitServer` would, and logged.

`ActionService(preview)` fills the `on_action` / `on_sync_action` that `PreviewServer` is built
with (unless the caller gave its own) and serves the action log under `/api/actions`.

Handlers are found in every `.py` file under the preview's paths (module-level `ActionRouter`
instances; the gallery's per-module routers and its merged one). A router in the sending widget's
own file answers first. When a file changes on disk its routers are re-read from source into a
fresh module object, so a saved handler answers the next click without a restart.

With hot reload (the default), `calls` is set (app.py) and handlers run in the preview's calls
worker process (calls.py): a handler that loops without ever awaiting is stopped after `timeout`
seconds by killing that worker (a warm spare takes over) and the server stays responsive.
Without it, handlers run in the server process, each step under `timeout` seconds
(`asyncio.wait_for`): an exception or a handler awaiting forever is stopped and logged, but a
loop that never awaits would block the event loop.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from widgetkit import discover
from widgetkit.handlers import ActionContext, ActionRouter, Outcome, PayloadError
from widgetkit.sandbox.calls import NO_HANDLER, routers_in

from .action_log import ActionLog, Entry, cause
from .calls import HandlerError

if TYPE_CHECKING:
    from chatkit.actions import Action
    from chatkit.types import (
        SyncCustomActionResponse,
        ThreadMetadata,
        ThreadStreamEvent,
        WidgetItem,
    )

    from .app import Preview
    from .calls import Calls

__all__ = ["DEFAULT_TIMEOUT", "ActionService", "HandlerRegistry", "routers_in"]

DEFAULT_TIMEOUT = 5.0
WALK_EVERY = 1.0
MAX_CLIENT_BODY = 256 * 1024


class HandlerRegistry:
    """Which router answers an action type, re-read from source when its file changes."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self._files: dict[Path, tuple[int, int]] = {}  # file -> (mtime_ns, size) when read
        self._routers: dict[Path, list[ActionRouter]] = {}
        self.errors: dict[Path, str] = {}  # files whose handlers failed to load, and why
        self._known: list[Path] = []
        self._walked = -WALK_EVERY

    def refresh(self) -> None:
        """Read the routers of new or changed files: a stat per known file, and a walk of the
        folders for new ones at most every `WALK_EVERY` seconds (a walk costs milliseconds)."""
        now = time.monotonic()
        if now - self._walked >= WALK_EVERY:
            self._walked = now
            self._known = [f.resolve() for f in discover.files(self.paths) if f.suffix == ".py"]
        files = self._known
        for file in files:
            try:
                st = file.stat()
            except OSError:  # deleted since the last walk
                self._walked = -WALK_EVERY
                continue
            key = (st.st_mtime_ns, st.st_size)
            if self._files.get(file) == key:
                continue
            first = file not in self._files
            self._files[file] = key
            try:
                module = _load(file, fresh=not first)
            except Exception as exc:  # user code: its import may fail in any way
                self.errors[file] = f"{type(exc).__name__}: {exc}"
                continue
            self.errors.pop(file, None)
            self._routers[file] = routers_in(module)
        for gone in set(self._files) - set(files):
            self._files.pop(gone, None)
            self._routers.pop(gone, None)
            self.errors.pop(gone, None)

    def find(self, action_type: str, near: Path | None = None) -> ActionRouter | None:
        """The router handling `action_type`: one in `near` (the sender's file) first."""
        order = sorted(self._routers, key=lambda f: (f != near, f.name == "__init__.py", str(f)))
        for file in order:
            for router in self._routers[file]:
                if action_type in router:
                    return router
        return None

    @property
    def types(self) -> list[str]:
        return sorted({t for rs in self._routers.values() for r in rs for t in r.types})


def _load(file: Path, *, fresh: bool) -> ModuleType:
    """The module of `file`: as imported (first time), or compiled anew from its source text
    into a new module object (after a change) so no stale bytecode or state survives, without
    replacing what `sys.modules` holds for everyone else."""
    if not fresh:
        return discover.load_module(file)
    first = _imported(file) or discover.load_module(file)
    module = ModuleType(first.__name__)
    module.__file__ = str(file)
    module.__package__ = first.__package__
    if file.name == "__init__.py":
        module.__path__ = [str(file.parent)]
    source = file.read_text(encoding="utf-8")
    exec(compile(source, str(file), "exec", dont_inherit=True), module.__dict__)
    return module


def _imported(file: Path) -> ModuleType | None:
    for module in list(sys.modules.values()):
        origin = getattr(module, "__file__", None)
        if origin and Path(origin).resolve() == file:
            return module
    return None


class ActionService:
    """The mock handlers of one preview, its action log, and the log's HTTP routes."""

    def __init__(self, preview: Preview, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.preview = preview
        self.timeout = timeout
        self.log = ActionLog()
        self.registry = HandlerRegistry(preview.library.paths)
        self.calls: Calls | None = None  # set when handlers run in the worker (with hot reload)
        # The caller's own handlers win; a copy, so the caller's dict is left as it was.
        preview.server_options = {
            "on_action": self.on_action,
            "on_sync_action": self.on_sync_action,
            **preview.server_options,
        }

    # ---- what PreviewServer calls ------------------------------------------------------------

    def _begin(
        self, thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, mode: str
    ) -> tuple[Entry, ActionContext, ActionRouter | None]:
        from widgetkit.serve import action_context

        ctx = action_context(action, sender, sync=mode == "sync")
        entry = self.log.begin(
            mode=mode, handler=ctx.handler, type=action.type, payload=action.payload,
            form=ctx.form, thread_id=thread.id, item_id=ctx.item_id,
            item_index=self._index(thread.id, ctx.item_id),
        )  # fmt: skip
        if self.calls is not None:  # the worker finds the router; the server imports nothing
            return entry, ctx, None
        self.registry.refresh()
        return entry, ctx, self.registry.find(action.type, self._file_of(thread.id))

    async def _outcome(
        self,
        router: ActionRouter | None,
        action: Action[str, Any],
        ctx: ActionContext,
        thread_id: str,
    ) -> Outcome:
        if self.calls is None:
            return await self._dispatch(router, action, ctx)
        near = self._file_of(thread_id)
        return await self.calls.action(
            action.type, action.payload, ctx, near=near, timeout=self.timeout
        )

    async def on_action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Any,
    ) -> AsyncIterator[ThreadStreamEvent]:
        from chatkit.errors import CustomStreamError
        from chatkit.types import ErrorEvent

        from widgetkit.serve import outcome_events

        entry, ctx, router = self._begin(thread, action, sender, "stream")
        outcome: Outcome | None = None
        # The worker limits each of its steps itself; in-process, each step is limited here.
        step = None if self.calls is not None else self.timeout
        try:
            outcome = await self._outcome(router, action, ctx, thread.id)
            events = outcome_events(outcome, thread, sender, generate_id=self._ids(thread))
            while True:
                try:
                    event = await asyncio.wait_for(anext(events), step)
                except StopAsyncIteration:
                    break
                entry["events"].append(event.model_dump(mode="json", exclude_none=True))
                yield event
        except (PayloadError, HandlerError) as exc:
            if isinstance(exc, HandlerError) and not exc.payload:
                self._failed(entry, exc, action.type)
                raise
            message = exc.cause["message"] if isinstance(exc, HandlerError) else str(exc)
            event = ErrorEvent(code="custom", message=message, allow_retry=False)
            entry["events"].append(event.model_dump(mode="json", exclude_none=True))
            entry["error"] = _cause(exc)
            self.log.finish(entry, "error", "The payload does not fit the handler's model.")
            yield event
            return
        except Exception as exc:
            self._failed(entry, exc, action.type)
            if isinstance(exc, TimeoutError):
                raise CustomStreamError(
                    f"The handler of {action.type} took longer than {self.timeout:g} s."
                ) from None
            raise
        finally:
            if outcome is not None and outcome.states is not None:
                await outcome.states.aclose()  # type: ignore[attr-defined]  # frees the worker
        self.log.finish(entry, outcome.kind, _note(outcome))

    def _failed(self, entry: Entry, exc: Exception, action_type: str) -> None:
        """Log a handler that raised or was stopped. openai-chatkit answers the page with an
        error event that has no message; the log keeps the cause, and the page sees it there."""
        entry["error"] = _cause(exc)
        timed_out = isinstance(exc, TimeoutError)
        note = f"Stopped after {self.timeout:g} s." if timed_out else "The handler raised."
        self.log.finish(entry, "timeout" if timed_out else "error", note)

    async def on_sync_action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Any,
    ) -> SyncCustomActionResponse:
        from widgetkit.serve import sync_action_response, sync_outcome_response

        entry, ctx, router = self._begin(thread, action, sender, "sync")
        store = self.preview.server.store if self.preview.server else None
        try:
            if self.calls is not None:
                outcome = await self._outcome(router, action, ctx, thread.id)
                response = await sync_outcome_response(
                    outcome, thread, action, sender, context, store=store
                )
                unhandled = outcome.kind == "unhandled"
            else:
                fallback = ActionRouter()  # no handler: the default answer, widget unchanged
                response = await asyncio.wait_for(
                    sync_action_response(
                        router or fallback, thread, action, sender, context, store=store
                    ),
                    self.timeout,
                )
                unhandled = router is None
        except Exception as exc:
            entry["error"] = _cause(exc)
            self.log.finish(entry, "error", "The handler raised; nothing was updated.")
            raise
        entry["events"].append(response.model_dump(mode="json", exclude_none=True))
        kind = "update" if response.updated_item is not None else "unchanged"
        if unhandled:
            kind = "unhandled"
        self.log.finish(entry, kind, _NO_HANDLER.format(action.type) if unhandled else "")
        return response

    async def _dispatch(
        self, router: ActionRouter | None, action: Action[str, Any], ctx: ActionContext
    ) -> Outcome:
        if router is None:
            message = _NO_HANDLER.format(action.type)
            if self.registry.errors:  # the handler may be in a file that does not import
                broken = "; ".join(f"{f.name}: {e}" for f, e in self.registry.errors.items())
                message += f" Handlers failed to load from {broken}."
            return Outcome("unhandled", action.type, message=message)
        return await asyncio.wait_for(
            router.dispatch(action.type, action.payload, ctx), self.timeout
        )

    def _ids(self, thread: ThreadMetadata) -> Any:
        store = self.preview.server.store
        return lambda kind: store.generate_item_id(kind, thread, {})

    def _index(self, thread_id: str, item_id: str | None) -> int | None:
        server = self.preview.server
        if server is None or item_id is None:
            return None
        try:
            ids: list[str] = server.store.item_ids(thread_id)
            return ids.index(item_id)
        except Exception:  # an unknown thread or item: the entry simply has no index
            return None

    def _file_of(self, thread_id: str) -> Path | None:
        for entry, state in self.preview.library.states():
            if state.thread_id == thread_id:
                return entry.file.resolve()
        return None

    # ---- the log's routes --------------------------------------------------------------------

    def routes(self) -> list[Route]:
        return [
            Route("/api/actions", self.api_list, methods=["GET"]),
            Route("/api/actions", self.api_client, methods=["POST"]),
            Route("/api/actions", self.api_clear, methods=["DELETE"]),
            Route("/api/actions/export", self.api_export, methods=["GET"]),
        ]

    async def api_list(self, request: Request) -> Response:
        after = request.query_params.get("after", "0")
        entries = self.log.entries(int(after) if after.isdigit() else 0)
        types = self.calls.types if self.calls is not None else self.registry.types
        return JSONResponse({"entries": entries, "handlers": types})

    async def api_export(self, request: Request) -> Response:
        headers = {"Content-Disposition": 'attachment; filename="widgetkit-actions.json"'}
        return JSONResponse(self.log.export(), headers=headers)

    async def api_clear(self, request: Request) -> Response:
        self.log.clear()
        return JSONResponse({"entries": []})

    async def api_client(self, request: Request) -> Response:
        """Record a client action (`handler: "client"`): the page's `widgets.onAction` got it."""
        body = await request.body()
        try:
            sent = json.loads(body) if len(body) <= MAX_CLIENT_BODY else None
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):  # deep nesting too
            sent = None
        action = sent.get("action") if isinstance(sent, dict) else None
        if not isinstance(action, dict) or not isinstance(action.get("type"), str):
            message = 'Send {"action": {"type", "payload"}, "thread_id", "item_id", "form"}.'
            return JSONResponse({"error": {"code": "invalid_request", "message": message}}, 400)
        assert isinstance(sent, dict)
        form = sent.get("form")
        entry = self.log.begin(
            mode="client", handler="client", type=action["type"],
            payload=action.get("payload"), form=form if isinstance(form, dict) else {},
            thread_id=sent.get("thread_id"), item_id=sent.get("item_id"),
        )  # fmt: skip
        note = "Handled by the page's widgets.onAction; forward it to send it to the server."
        self.log.finish(entry, "client", note)
        return JSONResponse({"entry": entry})


_NO_HANDLER = NO_HANDLER


def _cause(exc: BaseException) -> dict[str, Any]:
    """The log's cause: the worker's, with the user's traceback lines, or this process's own."""
    found = getattr(exc, "cause", None)
    return found if isinstance(found, dict) else cause(exc)


def _note(outcome: Outcome) -> str:
    match outcome.kind:
        case "unhandled":
            return outcome.message or ""
        case "unchanged":
            return "The handler returned None; the widget is left as it is."
        case "failed":
            return f"ActionFailed: {outcome.message}"
        case "notice":
            return outcome.notice.text if outcome.notice else ""
        case "reply":
            return "A new widget item after the sender."
        case "stream":
            return "Streamed states of the sender."
    return "The sender's new state."

"""The preview's mock action handlers: the `ActionRouter`s found in the previewed modules, served
through `widgetkit.serve` exactly as a production `ChatKitServer` would, and logged.

`ActionService(preview)` fills the `on_action` / `on_sync_action` that `PreviewServer` is built
with (unless the caller gave its own) and serves the action log under `/api/actions`.

Handlers are found in every `.py` file under the preview's paths (module-level `ActionRouter`
instances; the gallery's per-module routers and its merged one), in the sandbox: the server never
imports them. A router in the sending widget's own file answers first; a saved handler answers
the next click without a restart (the sandbox reloads what changed). A handler that raises, or
runs past `timeout` seconds (its worker is killed; the others carry on), is logged with its cause.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from widgetkit.builders import Node, diagnose
from widgetkit.handlers import ActionContext, Outcome, PayloadError
from widgetkit.sandbox import Failure
from widgetkit.sandbox.calls import NO_HANDLER

from .action_log import ActionLog, Entry, cause
from .calls import HandlerError
from .wire import Problem, read_json

if TYPE_CHECKING:
    from chatkit.actions import Action
    from chatkit.types import (
        SyncCustomActionResponse,
        ThreadMetadata,
        ThreadStreamEvent,
        WidgetItem,
    )

    from .state import Preview

__all__ = ["DEFAULT_TIMEOUT", "ActionService"]

DEFAULT_TIMEOUT = 5.0
MAX_CLIENT_BODY = 256 * 1024


class ActionService:
    """The mock handlers of one preview, its action log, and the log's HTTP routes."""

    def __init__(self, preview: Preview, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.preview = preview
        self.timeout = timeout
        self.log = ActionLog()
        self.calls = preview.calls  # handlers run in the sandbox; the server imports no user code
        # The caller's own handlers win; a copy, so the caller's dict is left as it was.
        preview.server_options = {
            "on_action": self.on_action,
            "on_sync_action": self.on_sync_action,
            **preview.server_options,
        }

    # ---- what PreviewServer calls ------------------------------------------------------------

    def _begin(
        self, thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, mode: str
    ) -> tuple[Entry, ActionContext]:
        from widgetkit.serve import action_context

        ctx = action_context(action, sender, sync=mode == "sync")
        entry = self.log.begin(
            mode=mode, handler=ctx.handler, type=action.type, payload=action.payload,
            form=ctx.form, thread_id=thread.id, item_id=ctx.item_id,
            item_index=self._index(thread.id, ctx.item_id),
        )  # fmt: skip
        return entry, ctx

    async def _outcome(
        self, action: Action[str, Any], ctx: ActionContext, thread_id: str
    ) -> Outcome:
        """The handler's outcome, from the sandbox (which finds the router: the sender's file's
        first); each step of it within the service's limit."""
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

        entry, ctx = self._begin(thread, action, sender, "stream")
        outcome: Outcome | None = None
        try:
            outcome = await self._outcome(action, ctx, thread.id)
            entry["diagnostics"] = _diagnostics(outcome)
            async for event in outcome_events(
                outcome, thread, sender, generate_id=self._ids(thread)
            ):
                entry["events"].append(event.model_dump(mode="json", exclude_none=True))
                yield event
        except (PayloadError, HandlerError) as exc:
            if isinstance(exc, HandlerError) and not exc.payload:
                self._failed(entry, exc, action.type)
                raise
            message = exc.cause.message if isinstance(exc, HandlerError) else str(exc)
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
        from widgetkit.serve import sync_outcome_response

        entry, ctx = self._begin(thread, action, sender, "sync")
        store = self.preview.server.store if self.preview.server else None
        try:
            outcome = await self._outcome(action, ctx, thread.id)
            entry["diagnostics"] = _diagnostics(outcome)
            response = await sync_outcome_response(
                outcome, thread, action, sender, context, store=store
            )
            unhandled = outcome.kind == "unhandled"
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
        try:
            entries = self.log.entries(int(after))
        except ValueError:  # int() also refuses "²" and numbers of more than 4,300 digits
            return Problem(
                400, "invalid_request", f'"after" must be an entry id, not {after[:40]!r}.'
            ).response()
        types = self.calls.types
        return JSONResponse({"entries": entries, "handlers": types})

    async def api_export(self, request: Request) -> Response:
        headers = {"Content-Disposition": 'attachment; filename="widgetkit-actions.json"'}
        return JSONResponse(self.log.export(), headers=headers)

    async def api_clear(self, request: Request) -> Response:
        self.log.clear()
        return JSONResponse({"entries": []})

    async def api_client(self, request: Request) -> Response:
        """Record a client action (`handler: "client"`): the page's `widgets.onAction` got it."""
        try:
            sent = await read_json(request, MAX_CLIENT_BODY)
        except Problem as refused:
            return refused.response()
        action = sent.get("action") if isinstance(sent, dict) else None
        if not isinstance(action, dict) or not isinstance(action.get("type"), str):
            message = 'Send {"action": {"type", "payload"}, "thread_id", "item_id", "form"}.'
            return Problem(400, "invalid_request", message).response()
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
    """The log's cause: the worker's, with the user's frames, or this process's own."""
    found = getattr(exc, "cause", None)
    return (found if isinstance(found, Failure) else cause(exc)).to_dict()


def _diagnostics(outcome: Outcome) -> list[dict[str, str]]:
    """The warnings of the handler's widget as the sandbox found them (it is not validated
    again: the worker sent them beside it)."""
    if not isinstance(outcome.widget, Node):
        return []
    return [d.to_dict() for d in diagnose(outcome.widget.to_dict())]


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

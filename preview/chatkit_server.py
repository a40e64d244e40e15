"""The preview's `/chatkit` backend: a real openai-chatkit `ChatKitServer` over `MemoryStore`.

Importing this module imports `chatkit.server`, which pulls in the OpenAI Agents SDK and takes
2-4 s. Nothing on the path to the preview's first page may import it: load it off the event loop
at startup and mount the endpoint once it is there, e.g.::

    module = await asyncio.to_thread(importlib.import_module, "widgetkit.preview.chatkit_server")
    server = module.PreviewServer()
    thread_id = server.seed({"type": "Card", "children": [{"type": "Text", "value": "Hi"}]})
    app.router.routes.append(Route("/chatkit", module.chatkit_endpoint(server), methods=["POST"]))
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chatkit.actions import Action
from chatkit.logger import logger
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult, stream_widget
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    AttachmentsCreateReq,
    AttachmentsDeleteReq,
    ChatKitReq,
    ClientToolCallItem,
    InputTranscribeReq,
    ItemsFeedbackReq,
    ItemsListReq,
    StructuredInputItem,
    SyncCustomActionResponse,
    ThreadItem,
    ThreadItemDoneEvent,
    ThreadMetadata,
    ThreadsAddClientToolOutputReq,
    ThreadsAddStructuredInputReq,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsCustomActionReq,
    ThreadsListReq,
    ThreadsRetryAfterItemReq,
    ThreadsSyncCustomActionReq,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
    is_streaming_req,
)
from chatkit.widgets import DynamicWidgetRoot
from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from .store import Context, MemoryStore, NotFoundError
from .wire import Problem, parse_json, read_body

__all__ = [
    "MAX_BODY_BYTES",
    "PREVIEW_QUERY_PARAM",
    "ActionHandler",
    "PreviewServer",
    "SyncActionHandler",
    "chatkit_endpoint",
    "leave_widget_as_is",
    "leave_widget_as_is_sync",
    "parse_request",
]

MAX_BODY_BYTES = 5 * 1024 * 1024
# ChatKit.js pointed at /chatkit?thread=<id> previews that thread's widget in threads it creates.
PREVIEW_QUERY_PARAM = "thread"

# ChatKitServer.action() / sync_action()'s arguments: a production server delegates alike (serve.py).
ActionHandler = Callable[
    [ThreadMetadata, Action[str, Any], WidgetItem | None, Context], AsyncIterator[ThreadStreamEvent]
]
SyncActionHandler = Callable[
    [ThreadMetadata, Action[str, Any], WidgetItem | None, Context],
    Awaitable[SyncCustomActionResponse],
]

# `ChatKitServer.process()` builds this adapter on every request (~4-11 ms): pydantic regenerates
# the core schema of all 16 request models each time, because chatkit.types declares them with
# forward references to params classes defined further down. Built once here, parsing is ~µs.
_REQUEST_ADAPTER: TypeAdapter[ChatKitReq] = TypeAdapter(ChatKitReq)

_NO_PREVIEW = (
    "No widget is under preview in this thread. Open one from the preview's index, "
    f"or point ChatKit at /chatkit?{PREVIEW_QUERY_PARAM}=<thread id>."
)


def parse_request(body: str | bytes | bytearray) -> ChatKitReq:
    """Parse a ChatKit.js request body; raises pydantic's `ValidationError`."""
    return _REQUEST_ADAPTER.validate_json(body)


async def leave_widget_as_is(
    thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, context: Context
) -> AsyncIterator[ThreadStreamEvent]:
    """The default action handler: no events, so the widget stays as it is."""
    return
    yield


async def leave_widget_as_is_sync(
    thread: ThreadMetadata, action: Action[str, Any], sender: WidgetItem | None, context: Context
) -> SyncCustomActionResponse:
    """The default sync action handler: no updated item, so the widget stays as it is."""
    return SyncCustomActionResponse()


@dataclass
class _Preview:
    item_id: str
    widget: DynamicWidgetRoot
    title: str | None


class PreviewServer(ChatKitServer[Context]):
    """A ChatKit server whose threads each preview one widget.

    Example::

        server = PreviewServer(on_action=my_handler)
        thread_id = server.seed(widget_json, title="Order summary")
        server.update(thread_id, edited_widget_json)  # after a hot reload
    """

    store: MemoryStore

    def __init__(
        self,
        store: MemoryStore | None = None,
        *,
        on_action: ActionHandler = leave_widget_as_is,
        on_sync_action: SyncActionHandler = leave_widget_as_is_sync,
    ) -> None:
        super().__init__(store if store is not None else MemoryStore())
        self.on_action = on_action
        self.on_sync_action = on_sync_action
        self._previews: dict[str, _Preview] = {}

    def seed(
        self, widget: dict[str, Any], *, thread_id: str | None = None, title: str | None = None
    ) -> str:
        """Create (or reset) a thread holding one assistant `WidgetItem`; return its id.

        Raises pydantic's `ValidationError` when `widget` is not a Card, ListView or Basic root.
        """
        root = DynamicWidgetRoot.model_validate(widget)
        context: Context = {}
        thread = ThreadMetadata(
            id=thread_id or self.store.generate_thread_id(context),
            title=title,
            created_at=datetime.now(),
        )
        self.store.put_thread(thread)
        self.store.clear_items(thread.id)
        item = WidgetItem(
            id=self.store.generate_item_id("message", thread, context),
            thread_id=thread.id,
            created_at=datetime.now(),
            widget=root,
        )
        self.store.put_item(thread.id, item)
        self._previews[thread.id] = _Preview(item.id, root, title)
        return thread.id

    def update(self, thread_id: str, widget: dict[str, Any]) -> None:
        """Replace the widget a seeded thread previews, in its seed item and in later replies."""
        preview = self._previews.get(thread_id)
        if preview is None:
            raise KeyError(f'Thread "{thread_id}" was never seeded; call seed() first.')
        root = DynamicWidgetRoot.model_validate(widget)
        try:
            item = self.store.get_item(thread_id, preview.item_id)
        except NotFoundError:
            # Someone deleted the thread from ChatKit.js's history; a hot reload brings it back.
            self.seed(widget, thread_id=thread_id, title=preview.title)
            return
        self.store.put_item(thread_id, item.model_copy(update={"widget": root}))
        preview.widget = root

    def previewed_widget(self, thread_id: str) -> DynamicWidgetRoot | None:
        preview = self._previews.get(thread_id)
        return preview.widget if preview else None

    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: Context
    ) -> AsyncIterator[ThreadStreamEvent]:
        fallback = context.get("preview_thread_id")
        widget = self.previewed_widget(thread.id)
        if widget is None and isinstance(fallback, str):
            widget = self.previewed_widget(fallback)
        if widget is None:
            yield ThreadItemDoneEvent(
                item=AssistantMessageItem(
                    id=self.store.generate_item_id("message", thread, context),
                    thread_id=thread.id,
                    created_at=datetime.now(),
                    content=[AssistantMessageContent(text=_NO_PREVIEW)],
                )
            )
            return
        events = stream_widget(
            thread,
            widget,
            generate_id=lambda kind: self.store.generate_item_id(kind, thread, context),
        )
        async for event in events:
            yield event

    def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Context,
    ) -> AsyncIterator[ThreadStreamEvent]:
        return self.on_action(thread, action, sender, context)

    async def sync_action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: Context,
    ) -> SyncCustomActionResponse:
        return await self.on_sync_action(thread, action, sender, context)

    async def process(
        self, request: str | bytes | bytearray, context: Context
    ) -> StreamingResult | NonStreamingResult:
        # The base class's process() with the parser built once (see _REQUEST_ADAPTER). The two
        # private methods it routes to are stable across openai-chatkit 1.6.x; a test checks that
        # both versions answer alike.
        parsed = parse_request(request)
        logger.info(f"Received request op: {parsed.type}")
        if is_streaming_req(parsed):
            return StreamingResult(self._process_streaming(parsed, context))
        return NonStreamingResult(await self._process_non_streaming(parsed, context))


def _parse_problem(error: ValidationError) -> Problem:
    first = error.errors(include_url=False)[0]
    kind, ctx = first["type"], first.get("ctx") or {}
    if kind == "json_invalid":
        return Problem(400, "invalid_json", f"The body is not valid JSON: {ctx.get('error')}.")
    if kind == "dict_type":
        return Problem(400, "invalid_request", "The body must be a JSON object with a type.")
    # A missing or unknown tag deeper in (a content part's "type", say) is a malformed param.
    if kind == "union_tag_not_found" and not first["loc"]:
        return Problem(400, "invalid_request", 'The body has no "type", such as "threads.list".')
    if kind == "union_tag_invalid" and not first["loc"]:
        known = str(ctx.get("expected_tags", "")).replace("'", "")
        message = f'"{ctx.get("tag")}" is not a ChatKit request type; use one of {known}.'
        return Problem(400, "unknown_request_type", message)
    request_type = str(first["loc"][0])
    details = [
        {"path": ".".join(str(part) for part in e["loc"][1:]), "message": e["msg"]}
        for e in error.errors(include_url=False)
    ]
    listed = "; ".join(f"{d['path']}: {d['message']}" for d in details)
    return Problem(
        422, "invalid_params", f"The {request_type} request is malformed: {listed}.", details
    )


def _item(store: MemoryStore, thread_id: str, item_id: str) -> ThreadItem:
    try:
        return store.get_item(thread_id, item_id)
    except NotFoundError as error:
        raise Problem(404, "item_not_found", str(error)) from None


def _check_references(server: PreviewServer, request: ChatKitReq) -> None:
    """Refuse requests naming what does not exist, before a 200 has gone out.

    openai-chatkit looks threads and items up inside the event stream, after the response has
    begun, so a bad id there would end a 200 stream with a broken connection.
    """
    store, params = server.store, request.params
    thread_id = getattr(params, "thread_id", None)
    if thread_id is not None and not store.has_thread(thread_id):
        raise Problem(404, "thread_not_found", f'Thread "{thread_id}" does not exist.')
    limit = getattr(params, "limit", None)
    if limit is not None and limit < 0:
        raise Problem(400, "invalid_params", f"limit {limit} is negative; use 0 or more.")
    match request:
        case ThreadsListReq(params=p) if p.after is not None:
            if not store.has_thread(p.after):
                raise Problem(404, "thread_not_found", f'Cursor thread "{p.after}" does not exist.')
        case ItemsListReq(params=p) if p.after is not None:
            _item(store, p.thread_id, p.after)
        case ThreadsCreateReq(params=p) | ThreadsAddUserMessageReq(params=p):
            for attachment_id in p.input.attachments:
                if not store.has_attachment(attachment_id):
                    message = f'Attachment "{attachment_id}" does not exist.'
                    raise Problem(404, "attachment_not_found", message)
        case ThreadsCustomActionReq(params=p) | ThreadsSyncCustomActionReq(params=p):
            # openai-chatkit's Action defaults a missing type to its TypeVar, which then reaches
            # the handlers and the log as if it were a name (and no JSON encoder takes it).
            if not isinstance(p.action.type, str):
                message = (
                    'The action has no "type"; send {"type": "<action name>", "payload": ...}.'
                )
                raise Problem(422, "invalid_params", message)
            if p.item_id is not None and not isinstance(
                _item(store, p.thread_id, p.item_id), WidgetItem
            ):
                raise Problem(400, "invalid_params", f'Item "{p.item_id}" is not a widget.')
        case ThreadsRetryAfterItemReq(params=p):
            if not isinstance(_item(store, p.thread_id, p.item_id), UserMessageItem):
                raise Problem(400, "invalid_params", f'Item "{p.item_id}" is not a user message.')
        case ThreadsAddStructuredInputReq(params=p):
            item = _item(store, p.thread_id, p.item_id)
            if not isinstance(item, StructuredInputItem) or item.status != "pending":
                message = f'Item "{p.item_id}" is not a pending structured input.'
                raise Problem(400, "invalid_params", message)
        case ThreadsAddClientToolOutputReq(params=p):
            ids = store.item_ids(p.thread_id)
            last = store.get_item(p.thread_id, ids[-1]) if ids else None
            if not (isinstance(last, ClientToolCallItem) and last.status == "pending"):
                message = f'Thread "{p.thread_id}" is not waiting for a client tool call.'
                raise Problem(400, "invalid_params", message)
        case ItemsFeedbackReq(params=p):
            for item_id in p.item_ids:
                _item(store, p.thread_id, item_id)
        case AttachmentsCreateReq() | AttachmentsDeleteReq() if server.attachment_store is None:
            raise Problem(501, "unsupported", "The preview server does not take attachments.")
        case InputTranscribeReq() if type(server).transcribe is ChatKitServer.transcribe:
            raise Problem(501, "unsupported", "The preview server does not transcribe audio.")


def chatkit_endpoint(
    server: PreviewServer,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
    on_thread: Callable[[str], None] | None = None,
) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint answering ChatKit.js's POSTs for `server`.

    Mount it with `Route("/chatkit", chatkit_endpoint(server), methods=["POST"])`. Streaming
    requests answer `text/event-stream`; the others JSON. A body that is too large, not JSON, of
    an unknown type, with wrong fields or naming an unknown thread or item answers 4xx with
    `{"error": {"code", "message"}}` and changes nothing. `on_thread` is called with the thread
    id a request names before it is looked up, so a thread can be made when first asked for.
    """

    async def endpoint(request: Request) -> Response:
        try:
            body = await read_body(request, max_body_bytes)
            parse_json(body)  # strict JSON: NaN, huge numbers and deep nesting are refused
            try:
                parsed = parse_request(body)
            except ValidationError as error:
                raise _parse_problem(error) from None
            thread_id = getattr(parsed.params, "thread_id", None)
            if on_thread is not None and isinstance(thread_id, str):
                on_thread(thread_id)
            _check_references(server, parsed)
            context: Context = {
                "request": request,
                "preview_thread_id": request.query_params.get(PREVIEW_QUERY_PARAM),
            }
            try:
                result = await server.process(body, context)
            except Exception as e:  # streams report in-band; a sync action: JSON, not a bare 500
                if isinstance(parsed, ThreadsSyncCustomActionReq):
                    raise Problem(500, "action_failed", f"The handler failed: {e!r}") from None
                raise
        except Problem as problem:
            return problem.response()
        except NotFoundError as error:
            return Problem(404, "not_found", str(error)).response()
        if isinstance(result, StreamingResult):
            return StreamingResponse(
                result, media_type="text/event-stream", headers={"Cache-Control": "no-store"}
            )
        return Response(result.json, media_type="application/json")

    return endpoint

"""Serve widgetkit handlers and builders from a real openai-chatkit `ChatKitServer`.

A production server delegates to an `ActionRouter` in one line each:

```python
from widgetkit.serve import action_events, stream_builder, sync_action_response

class MyServer(ChatKitServer[dict]):
    def action(self, thread, action, sender, context):
        return action_events(actions, thread, action, sender, context)

    async def sync_action(self, thread, action, sender, context):
        return await sync_action_response(actions, thread, action, sender, context, store=self.store)

    async def respond(self, thread, item, context):
        async for event in stream_builder(thread, my_streaming_builder()):
            yield event
```

Outcomes become the events a hand-written server would send: a new state of the sending widget
replaces its item (`thread.item.replaced`, which the server persists); a `Reply` is a new
`WidgetItem`; a stream goes out as openai-chatkit's own `diff_widget` updates (text deltas for
`Text` / `Markdown` with an `id`, root updates otherwise) and ends with the final state replacing
the item; a `Notice` is a `notice` event and `ActionFailed` an `error` event carrying its message.
A handler's other exceptions propagate, so openai-chatkit logs them and sends its generic error.

ChatKit.js sends a form's values merged into the action payload (keyed by field name, dotted
names nested); handlers see that merged payload, and `ctx.form` holds the part of it that came
from the sending widget's fields.

`chatkit.*` is imported inside the functions: `import widgetkit` must stay light
(`chatkit.server` takes seconds to import).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from .builders import Node, _from_checked, remember
from .catalog import FIELDS
from .diagnostics import Diagnostic
from .handlers import ActionContext, ActionFailed, ActionRouter, Notice, Outcome, PayloadError

if TYPE_CHECKING:
    from chatkit.actions import Action
    from chatkit.store import Store
    from chatkit.types import (
        SyncCustomActionResponse,
        ThreadItemUpdate,
        ThreadMetadata,
        ThreadStreamEvent,
        WidgetItem,
    )
    from chatkit.widgets import WidgetRoot

__all__ = [
    "FIELD_TYPES",
    "IdFactory",
    "States",
    "action_context",
    "action_events",
    "form_fields",
    "outcome_events",
    "outcome_from_json",
    "stream_builder",
    "sync_action_response",
    "sync_outcome_response",
    "widget_states",
]

# kind ("message", ...) -> a new id, e.g. `lambda kind: store.generate_item_id(kind, thread, ctx)`
IdFactory = Callable[[Any], str]
States = Node | Iterable[Node] | AsyncIterable[Node]

# The components whose values ChatKit gathers into a form's values, from the catalog: the
# controls' `name` and an editable Text's `editable.name`.
FIELD_TYPES = frozenset(FIELDS)


def form_fields(widget: Any) -> set[str]:
    """The top-level payload keys a form in `widget` (JSON) would send: `address.city` → `address`."""
    names: set[str] = set()
    stack = [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            kind = node.get("type")
            path = FIELDS.get(kind) if isinstance(kind, str) else None
            name: Any = node
            for key in path or ("",):
                name = name.get(key) if isinstance(name, dict) else None
            if path and isinstance(name, str) and name:
                names.add(name.split(".", 1)[0])
            stack.extend(v for k, v in node.items() if k == "children")
    return names


def _action_config(widget: Any, action_type: str) -> dict[str, Any]:
    """The first action config in `widget` of `action_type`: where its handler and streaming live,
    since the wire action carries only type and payload."""
    stack = [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            for key, value in node.items():
                is_config = key == "action" or key.endswith(
                    "Action"
                )  # onClickAction, confirm.action
                if is_config and isinstance(value, dict) and value.get("type") == action_type:
                    return value
            stack.extend(reversed(list(node.values())))
    return {}


def action_context(
    action: Action[str, Any], sender: WidgetItem | None, *, sync: bool = False
) -> ActionContext:
    """What a handler learns of an action: its payload, the sender's JSON and its form values."""
    widget = sender.widget.model_dump(mode="json", exclude_none=True) if sender else None
    payload = action.payload
    form: dict[str, Any] = {}
    if widget is not None and isinstance(payload, dict):
        fields = form_fields(widget)
        form = {k: v for k, v in payload.items() if k in fields}
    config = _action_config(widget, action.type) if widget is not None else {}
    handler: Literal["server", "client"] = (
        "client" if config.get("handler") == "client" else "server"
    )
    return ActionContext(
        type=action.type,
        payload=payload,
        widget=widget,
        form=form,
        item_id=sender.id if sender else None,
        handler=handler,
        sync=sync,
    )


def _ids(generate_id: IdFactory | None) -> IdFactory:
    if generate_id is not None:
        return generate_id
    from chatkit.store import default_generate_id

    return default_generate_id


def _diff(before: WidgetRoot, after: WidgetRoot) -> list[ThreadItemUpdate]:
    from chatkit.server import diff_widget
    from chatkit.types import WidgetRootUpdated

    try:
        return list(diff_widget(before, after))
    except ValueError:
        # diff_widget refuses a state whose id'd text is not a prefix of the last one (a stream
        # that starts over); the client can still take the whole root.
        return [WidgetRootUpdated(widget=after)]


def _new_item(thread: ThreadMetadata, root: WidgetRoot, ids: IdFactory) -> WidgetItem:
    from chatkit.types import WidgetItem

    return WidgetItem(
        id=ids("message"), thread_id=thread.id, created_at=datetime.now(), widget=root
    )


async def outcome_events(
    outcome: Outcome,
    thread: ThreadMetadata,
    sender: WidgetItem | None,
    *,
    generate_id: IdFactory | None = None,
) -> AsyncIterator[ThreadStreamEvent]:
    """The ChatKit events for one `Outcome` (see the module docstring for the mapping)."""
    from chatkit.types import (
        ErrorEvent,
        NoticeEvent,
        ThreadItemDoneEvent,
        ThreadItemReplacedEvent,
        ThreadItemUpdatedEvent,
    )

    ids = _ids(generate_id)
    match outcome.kind:
        case "notice":
            assert outcome.notice is not None
            yield NoticeEvent(level=outcome.notice.level, message=outcome.notice.text)
        case "failed":
            yield ErrorEvent(code="custom", message=outcome.message, allow_retry=False)
        case "reply":
            assert outcome.widget is not None
            yield ThreadItemDoneEvent(item=_new_item(thread, outcome.widget.to_chatkit(), ids))
        case "update":
            assert outcome.widget is not None
            root = outcome.widget.to_chatkit()
            if sender is None:  # an action sent from outside a widget: its answer is a new item
                yield ThreadItemDoneEvent(item=_new_item(thread, root, ids))
            else:
                yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": root}))
        case "stream":
            assert outcome.states is not None
            if sender is None:
                async for event in stream_builder(thread, outcome.states, generate_id=ids):
                    yield event
                return
            last = sender.widget
            try:
                async for state in outcome.states:
                    root = state.to_chatkit()
                    for update in _diff(last, root):
                        yield ThreadItemUpdatedEvent(item_id=sender.id, update=update)
                    last = root
            except ActionFailed as exc:
                failed: str | None = exc.message
            else:
                failed = None
            # Updates are not persisted by ChatKitServer; the replaced item is, so a reload (and
            # the next action) sees the state the stream ended on.
            if last is not sender.widget:
                yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": last}))
            if failed is not None:
                yield ErrorEvent(code="custom", message=failed, allow_retry=False)
        case "unchanged" | "unhandled":
            return


async def action_events(
    router: ActionRouter,
    thread: ThreadMetadata,
    action: Action[str, Any],
    sender: WidgetItem | None,
    context: Any = None,
    *,
    generate_id: IdFactory | None = None,
) -> AsyncIterator[ThreadStreamEvent]:
    """`ChatKitServer.action()` answered by `router`; returns the events to stream.

    A payload that does not fit the handler's model answers an `error` event saying which field
    is wrong; an action type with no handler answers nothing (the widget stays as it is).
    """
    from chatkit.types import ErrorEvent

    ctx = action_context(action, sender)
    try:
        outcome = await router.dispatch(action.type, action.payload, ctx)
    except PayloadError as exc:
        yield ErrorEvent(code="custom", message=str(exc), allow_retry=False)
        return
    async for event in outcome_events(outcome, thread, sender, generate_id=generate_id):
        yield event


async def sync_action_response(
    router: ActionRouter,
    thread: ThreadMetadata,
    action: Action[str, Any],
    sender: WidgetItem | None,
    context: Any = None,
    *,
    store: Store[Any] | None = None,
) -> SyncCustomActionResponse:
    """`ChatKitServer.sync_action()` answered by `router`: the sender's new state, if any.

    A stream answers its last state. Pass `store=self.store` to persist the new state:
    ChatKitServer does not save what `sync_action()` returns. Raises `ActionFailed` (the
    handler's, or for a `Reply`, which a sync answer cannot carry) and `PayloadError`.
    """

    ctx = action_context(action, sender, sync=True)
    outcome = await router.dispatch(action.type, action.payload, ctx)
    return await sync_outcome_response(outcome, thread, action, sender, context, store=store)


async def sync_outcome_response(
    outcome: Outcome,
    thread: ThreadMetadata,
    action: Action[str, Any],
    sender: WidgetItem | None,
    context: Any = None,
    *,
    store: Store[Any] | None = None,
) -> SyncCustomActionResponse:
    """`sync_action_response` for an outcome already in hand (e.g. from a worker process)."""
    from chatkit.types import SyncCustomActionResponse

    widget = outcome.widget
    if outcome.kind == "failed":
        raise ActionFailed(outcome.message or f"the handler of {action.type} failed")
    if outcome.kind == "reply":
        raise ActionFailed(
            f"the handler of {action.type} answered a Reply, but a sync action (streaming: false) "
            "can only update its sending widget; return the new state, or drop streaming=False"
        )
    if outcome.states is not None:
        async for state in outcome.states:
            widget = state
    if widget is None or sender is None:
        return SyncCustomActionResponse()
    item = sender.model_copy(update={"widget": widget.to_chatkit()})
    if store is not None:
        await store.save_item(thread.id, item, context=context)
    return SyncCustomActionResponse(updated_item=item)


def outcome_from_json(
    outcome: dict[str, Any], states: AsyncIterator[dict[str, Any]] | None = None
) -> Outcome:
    """An `Outcome` from its JSON form (`kind`, `type`, `widget`, `notice`, `message`), as a
    process that ran the handler elsewhere sends it; `states` are a stream's widget JSON, in
    order. The widgets were checked where they were built, so they are not validated again here:
    the `diagnostics` sent beside the widget are remembered as its own (`builders.remember`).
    """
    widget = outcome.get("widget")
    notice = outcome.get("notice")
    if isinstance(widget, dict):
        remember(widget, [Diagnostic.from_dict(d) for d in outcome.get("diagnostics", ())])
    return Outcome(
        outcome["kind"],
        outcome["type"],
        widget=_from_checked(widget) if isinstance(widget, dict) else None,
        notice=Notice(notice["text"], notice.get("level", "info")) if notice else None,
        message=outcome.get("message"),
        states=_nodes(states) if states is not None else None,
    )


async def _nodes(states: AsyncIterator[dict[str, Any]]) -> AsyncIterator[Node]:
    try:
        async for state in states:
            yield _from_checked(state)
    finally:
        # Closing this stream early closes its source too (a worker waiting to be freed).
        aclose = getattr(states, "aclose", None)
        if aclose is not None:
            await aclose()


async def widget_states(states: States) -> AsyncGenerator[WidgetRoot, None]:
    """A builder's states (a Node, or a sync or async iterable of Nodes) as openai-chatkit roots:
    what `AgentContext.stream_widget(widget_states(gen))` takes."""
    if isinstance(states, Node):
        yield states.to_chatkit()
    elif isinstance(states, AsyncIterable):
        async for state in states:
            yield state.to_chatkit()
    else:
        for state in states:
            yield state.to_chatkit()


def stream_builder(
    thread: ThreadMetadata,
    states: States,
    *,
    copy_text: str | None = None,
    generate_id: IdFactory | None = None,
) -> AsyncIterator[ThreadStreamEvent]:
    """Stream a builder's states as a new widget item, with openai-chatkit's `stream_widget`.

    In `respond()`: `async for event in stream_builder(thread, summary_states(topic)): yield event`.
    """
    from chatkit.server import stream_widget

    root: WidgetRoot | AsyncGenerator[WidgetRoot, None] = (
        states.to_chatkit() if isinstance(states, Node) else widget_states(states)
    )
    return stream_widget(thread, root, copy_text, _ids(generate_id))

"""widgetkit.serve: router outcomes as the ChatKit events a real ChatKitServer sends."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import pytest
from chatkit.actions import Action
from chatkit.types import (
    ErrorEvent,
    NoticeEvent,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemReplacedEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    WidgetItem,
    WidgetRootUpdated,
    WidgetStreamingTextValueDelta,
)
from pydantic import BaseModel

from widgetkit import Button, Card, Form, Input, Markdown, Text, action
from widgetkit.handlers import ActionContext, ActionFailed, ActionRouter, Notice, Reply
from widgetkit.preview.store import MemoryStore
from widgetkit.serve import (
    action_context,
    action_events,
    stream_builder,
    sync_action_response,
    widget_states,
)


class Pick(BaseModel):
    n: int


router = ActionRouter()


@router.on("update")
def update(payload: Pick) -> Card:
    return Card(Text(f"picked {payload.n}"))


@router.on("reply")
def reply(payload: Any) -> Reply:
    return Reply(Card(Text("a new item")))


@router.on("notice")
def notice(payload: Any) -> Notice:
    return Notice("saved", level="warning")


@router.on("fail")
def fail(payload: Any) -> None:
    raise ActionFailed("the card is gone")


@router.on("crash")
def crash(payload: Any) -> None:
    raise RuntimeError("boom")


@router.on("none")
def nothing(payload: Any) -> None:
    return None


@router.on("form")
def form(payload: dict[str, Any], ctx: ActionContext) -> Card:
    return Card(Text(f"{sorted(ctx.form)} {ctx.payload['id']} {ctx.handler}"))


@router.on("stream")
async def stream(payload: Any) -> AsyncIterator[Card]:
    for text in ("Hel", "Hello", "Hello world"):
        yield summary(text, streaming=True)
    yield summary("Hello world", streaming=False)


def summary(text: str, *, streaming: bool) -> Card:
    return Card(Markdown(text, id="body", streaming=streaming))


THREAD = ThreadMetadata(id="thr_1", created_at=datetime(2025, 1, 1))


def sender(card: Card) -> WidgetItem:
    return WidgetItem(id="msg_sender", thread_id=THREAD.id, created_at=datetime(2025, 1, 1),
                      widget=card.to_chatkit())  # fmt: skip


async def events(
    action_type: str, payload: Any = None, item: WidgetItem | None = None
) -> list[ThreadStreamEvent]:
    act: Action[str, Any] = Action(type=action_type, payload=payload)
    return [e async for e in action_events(router, THREAD, act, item, {})]


async def test_an_update_replaces_the_sending_item() -> None:
    item = sender(Card(Text("before")))
    (event,) = await events("update", {"n": 3}, item)
    assert isinstance(event, ThreadItemReplacedEvent)
    assert event.item.id == item.id
    assert event.item.widget.model_dump(exclude_none=True)["children"][0]["value"] == "picked 3"


async def test_an_update_without_a_sender_is_a_new_item() -> None:
    (event,) = await events("update", {"n": 1})
    assert isinstance(event, ThreadItemDoneEvent)
    assert isinstance(event.item, WidgetItem)


async def test_a_reply_is_a_new_item_after_the_sender() -> None:
    item = sender(Card(Text("before")))
    (event,) = await events("reply", None, item)
    assert isinstance(event, ThreadItemDoneEvent)
    assert event.item.id != item.id and event.item.thread_id == THREAD.id


async def test_a_notice_is_a_notice_event() -> None:
    assert await events("notice") == [NoticeEvent(level="warning", message="saved")]


async def test_action_failed_is_an_error_event_with_its_message() -> None:
    (event,) = await events("fail")
    assert isinstance(event, ErrorEvent)
    assert event.message == "the card is gone" and event.code == "custom"


async def test_a_payload_that_does_not_fit_names_the_field() -> None:
    (event,) = await events("update", {"n": "three"})
    assert isinstance(event, ErrorEvent)
    assert event.message is not None and 'field "n"' in event.message


async def test_other_exceptions_propagate_for_chatkit_to_log() -> None:
    with pytest.raises(RuntimeError, match="boom"):
        await events("crash")


async def test_unchanged_and_unhandled_send_nothing() -> None:
    assert await events("none") == []
    assert await events("no.such.type") == []


async def test_a_stream_diffs_each_state_and_ends_with_the_item_replaced() -> None:
    item = sender(summary("Hel", streaming=True))
    got = await events("stream", None, item)
    updates = [e.update for e in got if isinstance(e, ThreadItemUpdatedEvent)]
    assert [u.delta for u in updates if isinstance(u, WidgetStreamingTextValueDelta)] == [
        "lo",
        " world",
    ]
    assert isinstance(updates[-1], WidgetRootUpdated)  # streaming=False changes a prop
    assert isinstance(got[-1], ThreadItemReplacedEvent) and got[-1].item.id == item.id


async def test_a_stream_that_starts_over_sends_the_whole_root() -> None:
    item = sender(summary("Something else entirely", streaming=False))
    got = await events("stream", None, item)
    first = got[0]
    assert isinstance(first, ThreadItemUpdatedEvent)
    assert isinstance(first.update, WidgetRootUpdated)


async def test_form_values_in_the_payload_are_the_contexts_form() -> None:
    card = Card(
        Form(
            Input(name="guest.name"),
            Input(name="note"),
            Button("Send", submit=True),
            onSubmitAction=action("form", {"id": 7}),
        ),
    )
    item = sender(card)
    payload = {"id": 7, "guest": {"name": "Ada"}, "note": "hi"}
    (event,) = await events("form", payload, item)
    assert isinstance(event, ThreadItemReplacedEvent)
    assert "['guest', 'note'] 7 server" in event.item.widget.model_dump_json()


def test_the_context_knows_a_client_action_from_its_config() -> None:
    card = Card(Button("Copy", onClickAction=action("copy", {"x": 1}, handler="client")))
    ctx = action_context(Action(type="copy", payload={"x": 1}), sender(card))
    assert ctx.handler == "client" and ctx.item_id == "msg_sender" and ctx.form == {}


async def test_a_sync_action_answers_the_new_state_and_saves_it() -> None:
    store, thread = MemoryStore(), THREAD
    store.put_thread(thread)
    item = sender(Card(Text("before")))
    store.put_item(thread.id, item)
    act: Action[str, Any] = Action(type="update", payload={"n": 5})
    response = await sync_action_response(router, thread, act, item, {}, store=store)
    assert response.updated_item is not None and response.updated_item.id == item.id
    assert "picked 5" in store.get_item(thread.id, item.id).model_dump_json()


async def test_a_sync_stream_answers_its_last_state() -> None:
    item = sender(summary("Hel", streaming=True))
    act: Action[str, Any] = Action(type="stream")
    response = await sync_action_response(router, THREAD, act, item)
    assert response.updated_item is not None
    assert '"streaming":false' in response.updated_item.model_dump_json()


async def test_a_sync_reply_or_failure_raises_action_failed() -> None:
    item = sender(Card(Text("x")))
    with pytest.raises(ActionFailed, match="only update its sending widget"):
        await sync_action_response(router, THREAD, Action(type="reply"), item)
    with pytest.raises(ActionFailed, match="the card is gone"):
        await sync_action_response(router, THREAD, Action(type="fail"), item)


def numbers() -> Iterator[Card]:
    for n in range(3):
        yield Card(Text(f"{n}"))


async def test_stream_builder_streams_a_sync_generator_as_one_new_item() -> None:
    got = [e async for e in stream_builder(THREAD, numbers())]
    assert isinstance(got[0], ThreadItemAddedEvent)
    assert isinstance(got[-1], ThreadItemDoneEvent)
    assert got[0].item.id == got[-1].item.id
    assert len([e for e in got if isinstance(e, ThreadItemUpdatedEvent)]) == 2


async def test_stream_builder_sends_a_single_node_as_a_done_item() -> None:
    (event,) = [e async for e in stream_builder(THREAD, Card(Text("one")))]
    assert isinstance(event, ThreadItemDoneEvent)


async def test_widget_states_feed_agent_context_stream_widget() -> None:
    async def gen() -> AsyncIterator[Card]:
        yield Card(Text("a"))

    roots = [r async for r in widget_states(gen())]
    assert [type(r).__name__ for r in roots] == ["DynamicWidgetRoot"]


def test_importing_serve_leaves_chatkit_server_unloaded() -> None:
    code = "import sys, widgetkit.serve; print('chatkit.server' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

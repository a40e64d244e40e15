from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import pytest
from chatkit.actions import Action
from chatkit.server import ChatKitServer, NonStreamingResult
from chatkit.types import (
    SyncCustomActionResponse,
    ThreadItemReplacedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    WidgetItem,
)
from chatkit.widgets import DynamicWidgetRoot

from widgetkit.preview.chatkit_server import PreviewServer

if TYPE_CHECKING:
    from conftest import ChatKit

PAID = {"type": "Card", "children": [{"type": "Text", "value": "Paid, thank you."}]}


def test_threads_list_returns_seeded_threads_newest_first_in_pages(chatkit: ChatKit) -> None:
    second = chatkit.server.seed(PAID, title="Paid")
    third = chatkit.server.seed(PAID, thread_id="thr_fixed", title="Fixed")
    assert third == "thr_fixed"

    body = {"type": "threads.list", "params": {"limit": 2, "order": "desc"}, "metadata": {}}
    page = chatkit.post(body).json()
    assert [t["id"] for t in page["data"]] == [third, second]
    assert [t["title"] for t in page["data"]] == ["Fixed", "Paid"]
    assert page["has_more"] is True
    body["params"]["after"] = page["after"]
    rest = chatkit.post(body).json()
    assert [t["id"] for t in rest["data"]] == [chatkit.thread_id]
    assert rest["has_more"] is False


def test_threads_get_by_id_returns_the_widget_item(chatkit: ChatKit) -> None:
    body = {"type": "threads.get_by_id", "params": {"thread_id": chatkit.thread_id}}
    thread = chatkit.post(body).json()
    assert thread["id"] == chatkit.thread_id and thread["title"] == "Order summary"
    (item,) = thread["items"]["data"]
    assert item["type"] == "widget" and item["thread_id"] == chatkit.thread_id
    assert item["widget"] == chatkit.widget


def test_add_user_message_streams_the_widget_again_and_stores_it(chatkit: ChatKit) -> None:
    events = chatkit.say("show it again")
    assert [e["type"] for e in events] == ["thread.item.done", "stream_options", "thread.item.done"]
    user, reply = events[0]["item"], events[2]["item"]
    assert user["type"] == "user_message" and user["content"][0]["text"] == "show it again"
    assert reply["type"] == "widget" and reply["widget"] == chatkit.widget

    stored = [i["id"] for i in chatkit.items(order="asc")["data"]]
    assert stored == [chatkit.seed_item_id, user["id"], reply["id"]]


def test_items_list_pages_through_a_long_thread(chatkit: ChatKit) -> None:
    for n in range(3):
        chatkit.say(f"again {n}")
    every = [i["id"] for i in chatkit.items(order="asc", limit=50)["data"]]
    assert len(every) == 7

    newest = chatkit.items(limit=4)
    assert [i["id"] for i in newest["data"]] == every[::-1][:4]
    assert newest["has_more"] is True
    older = chatkit.items(limit=4, after=newest["after"])
    assert [i["id"] for i in older["data"]] == every[::-1][4:]
    assert older["has_more"] is False
    assert older["data"][-1]["widget"] == chatkit.widget


def test_threads_create_previews_the_thread_named_in_the_url(chatkit: ChatKit) -> None:
    body = {"type": "threads.create", "params": {"input": chatkit.user_input("hello")}}
    events = chatkit.events(body, url=f"/chatkit?thread={chatkit.thread_id}")
    assert [e["type"] for e in events] == [
        "thread.created",
        "thread.item.done",
        "stream_options",
        "thread.item.done",
    ]
    created = events[0]["thread"]["id"]
    assert created != chatkit.thread_id
    assert events[3]["item"]["thread_id"] == created
    assert events[3]["item"]["widget"] == chatkit.widget
    kinds = [i["type"] for i in chatkit.items(created, order="asc")["data"]]
    assert kinds == ["user_message", "widget"]


def test_threads_create_without_a_preview_says_so(chatkit: ChatKit) -> None:
    body = {"type": "threads.create", "params": {"input": chatkit.user_input("hello")}}
    reply = chatkit.events(body)[-1]["item"]
    assert reply["type"] == "assistant_message"
    assert "No widget is under preview" in reply["content"][0]["text"]


def test_custom_action_by_default_leaves_the_widget_as_it_is(chatkit: ChatKit) -> None:
    action = {"type": "order.pay", "payload": {"id": "A-17"}}
    params = {"thread_id": chatkit.thread_id, "item_id": chatkit.seed_item_id, "action": action}
    events = chatkit.events({"type": "threads.custom_action", "params": params})
    assert [e["type"] for e in events] == ["stream_options"]
    assert chatkit.items()["data"][0]["widget"] == chatkit.widget


def test_custom_action_reaches_the_handler_which_can_replace_the_widget(
    start_chatkit: Callable[..., ChatKit],
) -> None:
    seen: list[tuple[str, str, Any, str | None]] = []

    async def pay(
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: dict[str, Any],
    ) -> AsyncIterator[ThreadStreamEvent]:
        seen.append((thread.id, action.type, action.payload, sender.id if sender else None))
        assert sender is not None
        paid = DynamicWidgetRoot.model_validate(PAID)
        yield ThreadItemReplacedEvent(item=sender.model_copy(update={"widget": paid}))

    chatkit = start_chatkit(PreviewServer(on_action=pay))
    action = {"type": "order.pay", "payload": {"id": "A-17"}}
    params = {"thread_id": chatkit.thread_id, "item_id": chatkit.seed_item_id, "action": action}
    events = chatkit.events({"type": "threads.custom_action", "params": params})

    assert seen == [(chatkit.thread_id, "order.pay", {"id": "A-17"}, chatkit.seed_item_id)]
    assert events[-1]["type"] == "thread.item.replaced"
    assert events[-1]["item"]["id"] == chatkit.seed_item_id
    assert events[-1]["item"]["widget"] == PAID
    assert chatkit.items()["data"][0]["widget"] == PAID


def test_sync_custom_action_answers_json_from_the_handler(chatkit: ChatKit) -> None:
    params = {
        "thread_id": chatkit.thread_id,
        "item_id": chatkit.seed_item_id,
        "action": {"type": "order.pay"},
    }
    body = {"type": "threads.sync_custom_action", "params": params}
    default = chatkit.post(body)
    assert default.status_code == 200 and default.json() == {}

    async def paid(
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: dict[str, Any],
    ) -> SyncCustomActionResponse:
        assert sender is not None and action.type == "order.pay"
        widget = DynamicWidgetRoot.model_validate(PAID)
        return SyncCustomActionResponse(updated_item=sender.model_copy(update={"widget": widget}))

    chatkit.server.on_sync_action = paid
    answer = chatkit.post(body).json()
    assert answer["updated_item"]["id"] == chatkit.seed_item_id
    assert answer["updated_item"]["widget"] == PAID


def test_update_replaces_the_seeded_widget_and_later_replies(chatkit: ChatKit) -> None:
    chatkit.server.update(chatkit.thread_id, PAID)
    assert chatkit.items()["data"][0]["widget"] == PAID
    assert chatkit.say("again")[-1]["item"]["widget"] == PAID


def test_update_brings_back_a_deleted_thread(chatkit: ChatKit) -> None:
    params = {"thread_id": chatkit.thread_id}
    assert chatkit.post({"type": "threads.delete", "params": params}).status_code == 200
    assert chatkit.post({"type": "threads.get_by_id", "params": params}).status_code == 404
    chatkit.server.update(chatkit.thread_id, PAID)
    thread = chatkit.post({"type": "threads.get_by_id", "params": params}).json()
    assert thread["title"] == "Order summary"
    assert [i["widget"] for i in thread["items"]["data"]] == [PAID]


def test_update_of_an_unseeded_thread_names_the_fix() -> None:
    with pytest.raises(KeyError, match="call seed"):
        PreviewServer().update("thr_never", PAID)


def test_reseeding_a_thread_resets_it(chatkit: ChatKit) -> None:
    chatkit.say("again")
    assert chatkit.server.seed(PAID, thread_id=chatkit.thread_id) == chatkit.thread_id
    assert [i["widget"] for i in chatkit.items()["data"]] == [PAID]


def test_seed_refuses_a_widget_that_is_not_a_root() -> None:
    with pytest.raises(ValueError, match="Card"):
        PreviewServer().seed({"type": "Text", "value": "not a root"})


async def test_process_answers_like_the_stock_process() -> None:
    server = PreviewServer()
    thread_id = server.seed(PAID, title="Paid")
    for request in (
        {"type": "threads.get_by_id", "params": {"thread_id": thread_id}},
        {"type": "items.list", "params": {"thread_id": thread_id, "limit": 5}},
        {"type": "threads.list", "params": {"limit": 5}},
        {"type": "threads.update", "params": {"thread_id": thread_id, "title": "Renamed"}},
    ):
        body = json.dumps(request)
        ours = await server.process(body, {})
        stock = await ChatKitServer.process(server, body, {})
        assert isinstance(ours, NonStreamingResult) and isinstance(stock, NonStreamingResult)
        assert ours.json == stock.json

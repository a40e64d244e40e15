from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    FileAttachment,
    ThreadMetadata,
)

from widgetkit.preview.store import MemoryStore, NotFoundError

CTX: dict[str, object] = {}
T0 = datetime(2025, 1, 1, 12, 0)


def _thread(store: MemoryStore, title: str | None = None) -> ThreadMetadata:
    thread = ThreadMetadata(id=store.generate_thread_id(CTX), title=title, created_at=T0)
    store.put_thread(thread)
    return thread


def _message(store: MemoryStore, thread: ThreadMetadata, text: str) -> AssistantMessageItem:
    return AssistantMessageItem(
        id=store.generate_item_id("message", thread, CTX),
        thread_id=thread.id,
        created_at=T0 + timedelta(seconds=len(store.item_ids(thread.id))),
        content=[AssistantMessageContent(text=text)],
    )


async def _fill(store: MemoryStore, thread: ThreadMetadata, count: int) -> list[str]:
    for n in range(count):
        await store.add_thread_item(thread.id, _message(store, thread, f"m{n}"), CTX)
    return store.item_ids(thread.id)


def _texts(items: list[object]) -> list[str]:
    return [item.content[0].text for item in items if isinstance(item, AssistantMessageItem)]


def test_ids_carry_chatkit_prefixes_and_are_unique() -> None:
    store = MemoryStore()
    thread = _thread(store)
    thread_ids = {store.generate_thread_id(CTX) for _ in range(200)}
    item_ids = {store.generate_item_id("message", thread, CTX) for _ in range(200)}
    assert len(thread_ids) == 200 and all(i.startswith("thr_") for i in thread_ids)
    assert len(item_ids) == 200 and all(i.startswith("msg_") for i in item_ids)
    assert store.generate_item_id("tool_call", thread, CTX).startswith("tc_")


async def test_threads_round_trip_and_are_isolated_from_callers() -> None:
    store = MemoryStore()
    thread = _thread(store, "first")
    loaded = await store.load_thread(thread.id, CTX)
    assert loaded == thread
    loaded.title = "changed behind the store's back"
    assert (await store.load_thread(thread.id, CTX)).title == "first"
    loaded.title = "saved"
    await store.save_thread(loaded, CTX)
    assert (await store.load_thread(thread.id, CTX)).title == "saved"


async def test_missing_thread_raises_not_found() -> None:
    store = MemoryStore()
    with pytest.raises(NotFoundError, match='Thread "thr_nope" does not exist'):
        await store.load_thread("thr_nope", CTX)
    with pytest.raises(NotFoundError):
        await store.load_thread_items("thr_nope", None, 20, "asc", CTX)
    with pytest.raises(NotFoundError):
        await store.add_thread_item("thr_nope", _message(store, _thread(store), "x"), CTX)


async def test_thread_pages_follow_order_and_cursor() -> None:
    store = MemoryStore()
    ids = [_thread(store, f"t{n}").id for n in range(5)]

    page = await store.load_threads(2, None, "desc", CTX)
    assert [t.id for t in page.data] == ids[::-1][:2]
    assert page.has_more and page.after == ids[3]
    page = await store.load_threads(2, page.after, "desc", CTX)
    assert [t.id for t in page.data] == [ids[2], ids[1]]
    page = await store.load_threads(2, page.after, "desc", CTX)
    assert [t.id for t in page.data] == [ids[0]]
    assert not page.has_more and page.after is None

    page = await store.load_threads(10, ids[1], "asc", CTX)
    assert [t.id for t in page.data] == ids[2:]
    assert not page.has_more


async def test_item_pages_walk_every_item_once_in_both_orders() -> None:
    store = MemoryStore()
    thread = _thread(store)
    ids = await _fill(store, thread, 7)
    for order, expected in (("asc", ids), ("desc", ids[::-1])):
        seen: list[str] = []
        after = None
        while True:
            page = await store.load_thread_items(thread.id, after, 3, order, CTX)
            seen += [item.id for item in page.data]
            if not page.has_more:
                break
            after = page.after
        assert seen == expected


async def test_exact_page_boundary_reports_no_more() -> None:
    store = MemoryStore()
    thread = _thread(store)
    ids = await _fill(store, thread, 4)
    page = await store.load_thread_items(thread.id, ids[1], 2, "asc", CTX)
    assert [item.id for item in page.data] == ids[2:]
    assert not page.has_more and page.after is None
    empty = await store.load_thread_items(thread.id, ids[-1], 2, "asc", CTX)
    assert empty.data == [] and not empty.has_more


async def test_bad_paging_arguments_are_refused() -> None:
    store = MemoryStore()
    thread = _thread(store)
    await _fill(store, thread, 2)
    with pytest.raises(NotFoundError, match='Cursor "msg_gone"'):
        await store.load_thread_items(thread.id, "msg_gone", 2, "asc", CTX)
    with pytest.raises(ValueError, match='Order "sideways"'):
        await store.load_thread_items(thread.id, None, 2, "sideways", CTX)
    with pytest.raises(ValueError, match="negative"):
        await store.load_threads(-1, None, "asc", CTX)


async def test_save_item_replaces_in_place_and_adds_when_new() -> None:
    store = MemoryStore()
    thread = _thread(store)
    ids = await _fill(store, thread, 3)
    middle = await store.load_item(thread.id, ids[1], CTX)
    assert isinstance(middle, AssistantMessageItem)
    middle.content[0].text = "edited"
    await store.save_item(thread.id, middle, CTX)
    page = await store.load_thread_items(thread.id, None, 10, "asc", CTX)
    assert _texts(page.data) == ["m0", "edited", "m2"]

    await store.save_item(thread.id, _message(store, thread, "new"), CTX)
    page = await store.load_thread_items(thread.id, None, 10, "asc", CTX)
    assert _texts(page.data) == ["m0", "edited", "m2", "new"]


async def test_items_belong_to_their_thread() -> None:
    store = MemoryStore()
    first, second = _thread(store), _thread(store)
    (item_id,) = await _fill(store, first, 1)
    with pytest.raises(NotFoundError, match=f'Item "{item_id}" does not exist in thread'):
        await store.load_item(second.id, item_id, CTX)


async def test_deletes_remove_items_and_threads_and_tolerate_repeats() -> None:
    store = MemoryStore()
    thread = _thread(store)
    ids = await _fill(store, thread, 3)
    await store.delete_thread_item(thread.id, ids[0], CTX)
    await store.delete_thread_item(thread.id, ids[0], CTX)
    assert store.item_ids(thread.id) == ids[1:]
    await store.delete_thread(thread.id, CTX)
    await store.delete_thread(thread.id, CTX)
    assert store.thread_ids() == []
    with pytest.raises(NotFoundError):
        await store.load_item(thread.id, ids[1], CTX)


async def test_saving_a_thread_keeps_its_items() -> None:
    store = MemoryStore()
    thread = _thread(store)
    ids = await _fill(store, thread, 2)
    await store.save_thread(thread.model_copy(update={"title": "renamed"}), CTX)
    assert store.item_ids(thread.id) == ids


async def test_attachments_round_trip() -> None:
    store = MemoryStore()
    attachment = FileAttachment(id="atc_1", name="a.txt", mime_type="text/plain")
    await store.save_attachment(attachment, CTX)
    assert await store.load_attachment("atc_1", CTX) == attachment
    await store.delete_attachment("atc_1", CTX)
    with pytest.raises(NotFoundError, match='Attachment "atc_1" does not exist'):
        await store.load_attachment("atc_1", CTX)


def test_importing_the_store_leaves_chatkit_server_unloaded() -> None:
    code = (
        "import sys, warnings; warnings.simplefilter('ignore'); "
        "import widgetkit.preview.store; "
        "print('chatkit.server' in sys.modules, 'agents' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


async def test_an_item_is_held_once_its_fields_isolated_its_widget_tree_shared() -> None:
    from widgetkit.preview.chatkit_server import PreviewServer

    server = PreviewServer()
    card = {"type": "Card", "children": [{"type": "Text", "value": "one"}]}
    thread_id = server.seed(card, thread_id="thr_once")
    [item_id] = server.store.item_ids(thread_id)
    first = await server.store.load_item(thread_id, item_id, CTX)
    again = await server.store.load_item(thread_id, item_id, CTX)
    assert first is not again and first.widget is again.widget  # no tree copied per load
    first.widget = None  # a caller assigning a field changes only its own copy
    assert (await server.store.load_item(thread_id, item_id, CTX)).widget is again.widget
    server.update(thread_id, {"type": "Card", "children": [{"type": "Text", "value": "two"}]})
    [page] = (await server.store.load_thread_items(thread_id, None, 5, "asc", CTX)).data
    assert page.widget.children[0].value == "two"
    assert again.widget.children[0].value == "one"  # a loaded item keeps what it was

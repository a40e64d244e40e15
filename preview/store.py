"""An in-memory openai-chatkit `Store` for the preview server.

openai-chatkit ships only the abstract `chatkit.store.Store`; the preview needs a real one that
keeps threads, items and attachments for as long as the process lives.

Importing this module costs what `chatkit.store` costs (~0.35 s: pydantic and `chatkit.types`), and
never imports `chatkit.server`, which pulls in the Agents SDK (~2-4 s).

Example::

    store = MemoryStore()
    thread = ThreadMetadata(id=store.generate_thread_id({}), created_at=datetime.now())
    store.put_thread(thread)
    page = await store.load_thread_items(thread.id, None, 20, "asc", {})
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from chatkit.store import NotFoundError, Store, StoreItemType
from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata

__all__ = ["MemoryStore", "NotFoundError", "Order"]

Order = Literal["asc", "desc"]
Context = dict[str, Any]

_T = TypeVar("_T")

# The same prefixes openai-chatkit's default ids use, so ids look the same in the browser's
# devtools whether a thread came from this store or a production one.
_PREFIXES: dict[StoreItemType, str] = {
    "thread": "thr",
    "message": "msg",
    "tool_call": "tc",
    "workflow": "wf",
    "task": "tsk",
    "attachment": "atc",
    "sdk_hidden_context": "shcx",
}


@dataclass
class _ThreadRecord:
    thread: ThreadMetadata
    # dicts keep insertion order, which is the thread's item order; an upsert keeps an item's place.
    items: dict[str, ThreadItem] = field(default_factory=dict)


def _page(records: list[_T], ids: list[str], after: str | None, limit: int, order: str) -> Page[_T]:
    """Cut one page out of `records` (oldest first) the way ChatKit.js pages through them.

    `after` is the id of the last record of the previous page, in the requested order; the page
    returned holds up to `limit` records that follow it, and its own `after` is the cursor for
    the next page (None when there is none).
    """
    if order not in ("asc", "desc"):
        raise ValueError(f'Order "{order}" is not supported; use "asc" or "desc".')
    if limit < 0:
        raise ValueError(f"Page limit {limit} is negative; use 0 or more.")
    if order == "desc":
        records, ids = records[::-1], ids[::-1]
    start = 0
    if after is not None:
        try:
            start = ids.index(after) + 1
        except ValueError:
            raise NotFoundError(f'Cursor "{after}" names no record on this list.') from None
    data = records[start : start + limit]
    has_more = start + limit < len(records)
    return Page(data=data, has_more=has_more, after=ids[start + limit - 1] if has_more else None)


class MemoryStore(Store[Context]):
    """Threads, items and attachments held in memory, one copy of each.

    What a caller may change is copied: thread metadata (small; `ChatKitServer` mutates a loaded
    thread before `save_thread`) deeply, items and attachments on their top level only, so a
    caller assigning a field (`item.widget = ...`) never changes the stored one behind the
    store's back. An item's widget tree is shared, never copied: widget roots are replaced
    whole (`PreviewServer.update` builds a new one), which keeps a hot reload of thousands of
    states from copying every tree twice.

    Beside the async `Store` API there is a small synchronous one (`put_thread`, `put_item`,
    `get_thread`, `get_item`, `thread_ids`, `item_ids`, ...) for code that seeds or inspects the store outside an
    event loop; the context argument is ignored, as the preview has one user.
    """

    def __init__(self) -> None:
        self._threads: dict[str, _ThreadRecord] = {}
        self._attachments: dict[str, Attachment] = {}

    # Ids: openai-chatkit's default is 8 random hex digits; collisions are unlikely but the store
    # can rule them out, so it does.

    def _new_id(self, item_type: StoreItemType, taken: Any) -> str:
        while True:
            candidate = f"{_PREFIXES[item_type]}_{uuid.uuid4().hex[:8]}"
            if candidate not in taken:
                return candidate

    def generate_thread_id(self, context: Context) -> str:
        return self._new_id("thread", self._threads)

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: Context
    ) -> str:
        if item_type == "attachment":
            return self._new_id(item_type, self._attachments)
        record = self._threads.get(thread.id)
        return self._new_id(item_type, record.items if record else ())

    # Synchronous API.

    def thread_ids(self) -> list[str]:
        """The ids of every thread, oldest first."""
        return list(self._threads)

    def has_thread(self, thread_id: str) -> bool:
        return thread_id in self._threads

    def get_thread(self, thread_id: str) -> ThreadMetadata:
        return self._record(thread_id).thread.model_copy(deep=True)

    def put_thread(self, thread: ThreadMetadata) -> None:
        """Insert or replace a thread's metadata, keeping its items."""
        # A `Thread` (metadata plus items) is narrowed to metadata: items live in the record.
        metadata = ThreadMetadata.model_validate(thread.model_dump(exclude={"items"}))
        record = self._threads.get(thread.id)
        if record is None:
            self._threads[thread.id] = _ThreadRecord(metadata)
        else:
            record.thread = metadata

    def item_ids(self, thread_id: str) -> list[str]:
        """The ids of a thread's items, oldest first."""
        return list(self._record(thread_id).items)

    def get_item(self, thread_id: str, item_id: str) -> ThreadItem:
        items = self._record(thread_id).items
        if item_id not in items:
            raise NotFoundError(f'Item "{item_id}" does not exist in thread "{thread_id}".')
        return items[item_id].model_copy()

    def put_item(self, thread_id: str, item: ThreadItem) -> None:
        """Insert an item at the end of a thread, or replace it in place if its id is known."""
        self._record(thread_id).items[item.id] = item.model_copy()

    def clear_items(self, thread_id: str) -> None:
        self._record(thread_id).items.clear()

    def has_attachment(self, attachment_id: str) -> bool:
        return attachment_id in self._attachments

    def _record(self, thread_id: str) -> _ThreadRecord:
        record = self._threads.get(thread_id)
        if record is None:
            raise NotFoundError(f'Thread "{thread_id}" does not exist.')
        return record

    # openai-chatkit's Store API.

    async def load_thread(self, thread_id: str, context: Context) -> ThreadMetadata:
        return self.get_thread(thread_id)

    async def save_thread(self, thread: ThreadMetadata, context: Context) -> None:
        self.put_thread(thread)

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: Context
    ) -> Page[ThreadMetadata]:
        ids = list(self._threads)
        threads = [self._threads[thread_id].thread for thread_id in ids]
        page = _page(threads, ids, after, limit, order)
        page.data = [thread.model_copy(deep=True) for thread in page.data]
        return page

    async def delete_thread(self, thread_id: str, context: Context) -> None:
        # Deleting what is already gone is not an error: ChatKit.js may retry a delete.
        self._threads.pop(thread_id, None)

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: Context
    ) -> Page[ThreadItem]:
        items = self._record(thread_id).items
        page = _page(list(items.values()), list(items), after, limit, order)
        page.data = [item.model_copy() for item in page.data]
        return page

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: Context) -> None:
        self.put_item(thread_id, item)

    async def save_item(self, thread_id: str, item: ThreadItem, context: Context) -> None:
        self.put_item(thread_id, item)

    async def load_item(self, thread_id: str, item_id: str, context: Context) -> ThreadItem:
        return self.get_item(thread_id, item_id)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: Context) -> None:
        self._record(thread_id).items.pop(item_id, None)

    async def save_attachment(self, attachment: Attachment, context: Context) -> None:
        self._attachments[attachment.id] = attachment.model_copy()

    async def load_attachment(self, attachment_id: str, context: Context) -> Attachment:
        attachment = self._attachments.get(attachment_id)
        if attachment is None:
            raise NotFoundError(f'Attachment "{attachment_id}" does not exist.')
        return attachment.model_copy()

    async def delete_attachment(self, attachment_id: str, context: Context) -> None:
        self._attachments.pop(attachment_id, None)

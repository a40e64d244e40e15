"""The SSE stream of one page, driven directly (a TestClient would buffer an endless stream)."""

from __future__ import annotations

import asyncio
import json

import pytest
from starlette.requests import Request

from widgetkit.preview.broadcast import Broadcast, Topic, sse_endpoint, sse_events


def others() -> set[asyncio.Task[object]]:
    return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}


async def test_a_page_that_goes_away_leaves_no_task_behind() -> None:
    broadcast = Broadcast()

    async def read() -> None:
        async for _ in sse_events(broadcast, keepalive=60):
            pass

    page = asyncio.create_task(read())
    while len(others()) < 2:  # the page's task, and the stream waiting on its queue
        await asyncio.sleep(0)
    page.cancel()  # what Starlette does when the page closes
    with pytest.raises(asyncio.CancelledError):
        await page
    for _ in range(3):  # let cancelled tasks finish
        await asyncio.sleep(0)
    assert others() == set()
    assert broadcast.subscribers == 0


# ---- per-page subscriptions, coalescing, catching up ------------------------------------------


def render(entry: str, state: str, n: int) -> dict[str, object]:
    payload = {"type": "Card", "children": [{"type": "Text", "value": f"{entry} {n}"}]}
    return {"kind": "widget", "id": entry, "state": state, "payload": payload}


def parse(event: str) -> tuple[str | None, dict[str, object]]:
    """An SSE event's id and JSON (None for a keep-alive comment)."""
    event_id = None
    for line in event.splitlines():
        if line.startswith("id: "):
            event_id = line[4:]
        if line.startswith("data: "):
            return event_id, json.loads(line[6:])
    return event_id, {}


class Page:
    """A page reading its event stream as a browser would, `pause` seconds per message."""

    def __init__(self, broadcast: Broadcast, topic: Topic, pause: float, stop: asyncio.Event):
        self.topic = topic
        self.shown: dict[tuple[object, object], object] = {}  # (id, state) -> payload
        self.other: list[dict[str, object]] = []  # messages for what the page does not show
        self.index: object = None  # the last index message's widgets
        self.last_id: str | None = None
        self.stream = sse_events(broadcast, topic=topic, keepalive=0.05, stop=stop)
        self.pause = pause
        self.hello = asyncio.Event()

    async def read(self) -> None:
        async for event in self.stream:
            event_id, msg = parse(event)
            self.last_id = event_id or self.last_id
            if msg.get("kind") == "hello":
                self.hello.set()
            elif msg.get("kind") == "index":
                self.index = msg["widgets"]
                if self.topic not in (None, ("index",)):
                    self.other.append(msg)
            elif msg:
                if self.topic not in (None, ("index",), ("widget", msg["id"])):
                    self.other.append(msg)
                self.shown[msg["id"], msg["state"]] = msg["payload"]
            await asyncio.sleep(self.pause)


async def test_a_flood_leaves_every_page_on_its_widgets_current_render() -> None:
    broadcast = Broadcast()
    stop = asyncio.Event()
    entries = [f"cards:w{i}" for i in range(40)]
    topics: list[Topic] = [("widget", e) for e in entries[:20]] + [("index",), None]
    # Some pages read at once, some slowly, some stall through the whole burst.
    pages = [Page(broadcast, t, pause, stop) for t in topics for pause in (0, 0.001, 0.02)]
    readers = [asyncio.create_task(p.read()) for p in pages]
    for page in pages:
        await page.hello.wait()
    last: dict[tuple[object, object], object] = {}
    for n in range(30):  # thousands of messages, far more than any queue would hold
        for entry in entries:
            for state in ("a", "b", "c"):
                message = render(entry, state, n)
                broadcast.publish(message)
                last[entry, state] = message["payload"]
        final_index = [{"id": e, "n": n} for e in entries]
        broadcast.publish({"kind": "index", "widgets": final_index})
        if n % 10 == 0:
            await asyncio.sleep(0)  # let the fast pages read part of it
    for page in pages:  # until each holds the last render of what it shows
        want = {k: v for k, v in last.items() if page.topic in (None, ("index",), ("widget", k[0]))}
        index = final_index if page.topic in (None, ("index",)) else None
        async with asyncio.timeout(30):
            while {k: page.shown.get(k) for k in want} != want or page.index != index:
                await asyncio.sleep(0.01)
        assert page.other == []
    # A page that stalled was sent each state once, not every render it slept through (the
    # index's thumbnails follow every widget's renders).
    slow = next(p for p in pages if p.pause == 0.02 and p.topic == ("widget", entries[0]))
    assert len(slow.shown) == 3
    stop.set()
    await asyncio.gather(*readers)
    assert broadcast.subscribers == 0


async def test_a_page_that_stops_reading_holds_one_message_per_state_the_latest() -> None:
    broadcast = Broadcast()
    with broadcast.subscribe(("widget", "cards:w")) as inbox:
        for n in range(300):
            broadcast.publish(render("cards:w", "a", n))
            broadcast.publish(render("cards:w", "b", n))
            broadcast.publish(render("cards:other", "a", n))
        assert inbox.qsize() == 2
        assert inbox.get_nowait() == render("cards:w", "a", 299)
        assert inbox.get_nowait() == render("cards:w", "b", 299)
        assert inbox.empty()
    assert broadcast.subscribers == 0


async def test_a_file_error_and_a_removal_reach_the_pages_of_its_widgets() -> None:
    broadcast = Broadcast()
    with (
        broadcast.subscribe(("widget", "cards:w")) as mine,
        broadcast.subscribe(("index",)) as index,
    ):
        broadcast.publish({"kind": "error", "file": "cards.py", "ids": ["cards:w"], "error": {}})
        broadcast.publish({"kind": "error", "file": "other.py", "ids": ["other:x"], "error": {}})
        broadcast.publish({"kind": "removed", "id": "cards:w"})
        assert [m["kind"] for m in (mine.get_nowait(), mine.get_nowait())] == ["error", "removed"]
        assert mine.empty() and index.empty()


async def test_a_removed_widgets_renders_are_let_go_even_those_a_page_had_not_read() -> None:
    broadcast = Broadcast()
    with broadcast.subscribe(("widget", "cards:w")) as page:
        broadcast.publish(render("cards:w", "a", 1))
        broadcast.publish({"kind": "removed", "id": "cards:w"})
        assert await page.get() == {"kind": "removed", "id": "cards:w"}
        assert page.empty()
    assert [k for k in broadcast.latest if "cards:w" in k] == [("removed", "cards:w")]


async def test_a_page_that_reconnects_is_sent_what_it_missed_and_a_restart_says_stale() -> None:
    broadcast = Broadcast()
    stop = asyncio.Event()
    stream = sse_events(broadcast, topic=("widget", "cards:w"), stop=stop)
    await anext(stream)
    broadcast.publish(render("cards:w", "a", 1))
    last_id, _ = parse(await anext(stream))
    await stream.aclose()  # the page lost its connection
    broadcast.publish(render("cards:w", "a", 2))
    broadcast.publish(render("cards:w", "b", 2))
    broadcast.publish(render("cards:other", "a", 2))
    broadcast.publish(render("cards:w", "a", 3))
    again = sse_events(broadcast, topic=("widget", "cards:w"), last_event_id=last_id, stop=stop)
    assert parse(await anext(again))[1]["stale"] is False
    assert parse(await anext(again))[1] == render("cards:w", "b", 2)
    assert parse(await anext(again))[1] == render("cards:w", "a", 3)
    await again.aclose()
    other = sse_events(broadcast, topic=("widget", "cards:w"), last_event_id="0ther:9", stop=stop)
    assert parse(await anext(other))[1]["stale"] is True
    await other.aclose()


@pytest.mark.parametrize("query", [b"widget=", b"widget=a&index"])
async def test_a_stream_that_names_no_widget_or_two_things_is_refused(query: bytes) -> None:
    endpoint = sse_endpoint(Broadcast())
    request = Request({"type": "http", "method": "GET", "query_string": query, "headers": []})
    response = await endpoint(request)
    assert response.status_code == 400
    assert b"widget" in bytes(response.body)

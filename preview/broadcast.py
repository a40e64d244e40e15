"""Hot reload's messages to the pages: an in-memory broadcast and a Server-Sent Events stream.

A page subscribes to what it shows: `/events?widget=<id>` gets that widget's messages (its states'
renders and errors, its file's errors, its removal), `/events?index` gets the index's and every
state's render (its thumbnails); a bare `/events` gets everything. Messages are coalesced per key, latest wins: a page that reads slowly
through a burst (a shared helper saved, thousands of states rebuilt) skips the renders that were
replaced before it read them, and never loses the last one. What a page holds is therefore bounded
by what it shows, not by how much happened.

Each event carries an SSE id, `<boot>:<generation>`. The broadcast remembers the latest message of
every key, so a page that reconnects (the browser sends the id back as `Last-Event-ID`) is sent
what it missed; after a server restart (another boot) its `hello` says `stale` and it reloads.

Example::

    broadcast = Broadcast()
    app.routes.append(Route("/events", sse_endpoint(broadcast)))
    broadcast.publish({"kind": "widget", "id": "cards:order", "state": "paid", "payload": {...}})
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from .wire import Problem

__all__ = [
    "KEEPALIVE_SECONDS",
    "Broadcast",
    "Inbox",
    "Topic",
    "encode",
    "key_of",
    "sse_endpoint",
    "sse_events",
]

KEEPALIVE_SECONDS = 15.0
# A page that lost the connection tries again this soon; the server restarting is the usual cause.
RETRY_MS = 500

# What a page follows: None for everything, ("index",), or ("widget", <entry id>).
Topic = tuple[str, ...] | None
Message = dict[str, Any]
Key = tuple[Any, ...]


def key_of(message: Message) -> Key:
    """Messages with the same key replace one another: a later one makes an earlier one moot."""
    if "state" in message and "id" in message:
        return ("state", message["id"], message["state"])
    if "ids" in message:
        return ("file", message.get("file"))
    if message.get("kind") == "removed":
        return ("removed", message.get("id"))
    return (message.get("kind"),)


def matches(topic: Topic, message: Message) -> bool:
    if topic is None:
        return True
    if topic[0] == "index":  # the list, and the renders its thumbnails show
        return message.get("kind") == "index" or "state" in message
    entry_id = topic[1]
    return message.get("id") == entry_id or entry_id in message.get("ids", ())


class Inbox:
    """One page's pending messages: at most one per key, in the order they were last published."""

    def __init__(self, broadcast: Broadcast, topic: Topic) -> None:
        self.topic = topic
        self._broadcast = broadcast
        self._keys: dict[Key, None] = {}
        self._ready = asyncio.Event()

    def add(self, key: Key) -> None:
        self._keys.pop(key, None)  # to the end: it is now the newest
        self._keys[key] = None
        self._ready.set()

    def empty(self) -> bool:
        return not self._keys

    def qsize(self) -> int:
        return len(self._keys)

    def get_nowait(self) -> Message:
        """The oldest pending message, in its latest version. Raises `asyncio.QueueEmpty`."""
        return self.get_with_id()[1]

    def get_with_id(self) -> tuple[str, Message]:
        while self._keys:
            key = next(iter(self._keys))
            del self._keys[key]
            latest = self._broadcast.latest.get(key)  # None: its widget was removed since
            if latest is not None:
                if not self._keys:
                    self._ready.clear()
                return self._broadcast.event_id(latest[0]), latest[1]
        self._ready.clear()
        raise asyncio.QueueEmpty

    async def get(self) -> Message:
        while True:
            await self.wait()
            with contextlib.suppress(asyncio.QueueEmpty):
                return self.get_nowait()

    async def wait(self) -> None:
        while self.empty():
            await self._ready.wait()


class Broadcast:
    def __init__(self) -> None:
        self._inboxes: set[Inbox] = set()
        self.generation = 0  # how many messages were published
        self.boot = uuid.uuid4().hex[:8]  # which server process: a reconnect to another reloads
        # The latest message of every key, with its generation: what a reconnecting page missed.
        self.latest: dict[Key, tuple[int, Message]] = {}

    @contextlib.contextmanager
    def subscribe(self, topic: Topic = None, *, since: str | None = None) -> Iterator[Inbox]:
        """An inbox for `topic`; `since` (a `Last-Event-ID`) fills it with what came after."""
        inbox = Inbox(self, topic)
        seen = self.seen(since)
        if seen is not None:
            missed = [(g, k) for k, (g, m) in self.latest.items() if g > seen and matches(topic, m)]
            for _, key in sorted(missed, key=lambda pair: pair[0]):
                inbox.add(key)
        self._inboxes.add(inbox)
        try:
            yield inbox
        finally:
            self._inboxes.discard(inbox)

    @property
    def subscribers(self) -> int:
        return len(self._inboxes)

    def publish(self, message: Message) -> None:
        self.generation += 1
        key = key_of(message)
        if message.get("kind") == "removed":  # its states' renders are moot: let them go
            for gone in [k for k in self.latest if k[:2] == ("state", message.get("id"))]:
                del self.latest[gone]
        self.latest.pop(key, None)
        self.latest[key] = (self.generation, message)
        for inbox in self._inboxes:
            if matches(inbox.topic, message):
                inbox.add(key)

    def event_id(self, generation: int) -> str:
        return f"{self.boot}:{generation}"

    def seen(self, last_event_id: str | None) -> int | None:
        """The generation a page had reached, if `last_event_id` is one of this server's."""
        boot, _, generation = (last_event_id or "").partition(":")
        if boot != self.boot or not generation.isdigit():
            return None
        return int(generation)


def encode(message: Message, event_id: str | None = None) -> str:
    """One SSE event. Compact JSON on one `data:` line; NaN is refused, as on the wire."""
    data = f"data: {json.dumps(message, separators=(',', ':'), allow_nan=False)}\n\n"
    return f"id: {event_id}\n{data}" if event_id else data


async def sse_events(
    broadcast: Broadcast,
    *,
    topic: Topic = None,
    last_event_id: str | None = None,
    keepalive: float = KEEPALIVE_SECONDS,
    stop: asyncio.Event | None = None,
) -> AsyncIterator[str]:
    """The event stream of one page: a `hello`, then the messages of `topic` as they come, with
    keep-alive comments while nothing happens (so proxies and the browser keep the connection open).

    The `hello` says `stale` when `last_event_id` names another server process: the page's picture
    is older than anything this one can replay. It ends when `stop` is set (the server shutting
    down; tests use it to keep streams finite).
    """
    stale = bool(last_event_id) and broadcast.seen(last_event_id) is None
    with broadcast.subscribe(topic, since=last_event_id) as inbox:
        hello = {"kind": "hello", "generation": broadcast.generation, "stale": stale}
        yield f"retry: {RETRY_MS}\n" + encode(hello, broadcast.event_id(broadcast.generation))
        stopping = asyncio.ensure_future(stop.wait()) if stop is not None else None
        waiting: asyncio.Future[None] | None = None
        try:
            while stopping is None or not stopping.done():
                waiting = asyncio.ensure_future(inbox.wait())
                waits: set[asyncio.Future[Any]] = {waiting}
                if stopping is not None:
                    waits.add(stopping)
                done, _ = await asyncio.wait(
                    waits, timeout=keepalive, return_when="FIRST_COMPLETED"
                )
                if waiting in done:
                    while True:  # one burst, one write each, without waiting
                        try:
                            event_id, message = inbox.get_with_id()
                        except asyncio.QueueEmpty:
                            break
                        yield encode(message, event_id)
                    continue
                waiting.cancel()
                if not done:
                    yield ": keep-alive\n\n"
        finally:
            # A page that goes away cancels this generator inside the wait: its wait must not be
            # left pending (one task per closed page, each reported at shutdown).
            for pending in (waiting, stopping):
                if pending is not None:
                    pending.cancel()


def topic_of(request: Request) -> Topic:
    """`?widget=<id>`, `?index` or nothing; raises ValueError for anything else."""
    params = request.query_params
    if "widget" in params and "index" in params:
        raise ValueError("Follow one thing: ?widget=<id> or ?index, not both.")
    if "widget" in params:
        if not params["widget"]:
            raise ValueError("?widget= needs a widget id.")
        return ("widget", params["widget"])
    return ("index",) if "index" in params else None


def sse_endpoint(
    broadcast: Broadcast, *, stop: asyncio.Event | None = None
) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint streaming `sse_events`; Starlette ends it when the page goes away."""

    async def events(request: Request) -> Response:
        try:
            topic = topic_of(request)
        except ValueError as exc:
            return Problem(400, "invalid_request", str(exc)).response()
        return StreamingResponse(
            sse_events(
                broadcast,
                topic=topic,
                last_event_id=request.headers.get("last-event-id"),
                stop=stop,
            ),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return events

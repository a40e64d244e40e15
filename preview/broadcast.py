"""Hot reload's messages to the pages: an in-memory broadcast and a Server-Sent Events stream.

Every open page subscribes with one `asyncio.Queue`; `publish` puts a message in each. A page that
stops reading loses its oldest messages rather than holding memory without bound; the reload that
follows a reconnect (the `hello` message) makes it whole again.

Example::

    broadcast = Broadcast()
    app.routes.append(Route("/events", sse_endpoint(broadcast)))
    broadcast.publish({"kind": "widget", "id": "cards:order", "state": "paid", "payload": {...}})
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

__all__ = ["KEEPALIVE_SECONDS", "Broadcast", "encode", "sse_endpoint", "sse_events"]

KEEPALIVE_SECONDS = 15.0
QUEUE_SIZE = 256
# A page that lost the connection tries again this soon; the server restarting is the usual cause.
RETRY_MS = 500


class Broadcast:
    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[dict[str, Any]]] = set()
        self.generation = 0  # how many messages were published: pages compare it on reconnect

    @contextlib.contextmanager
    def subscribe(self) -> Iterator[asyncio.Queue[dict[str, Any]]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    def publish(self, message: dict[str, Any]) -> None:
        self.generation += 1
        for queue in self._queues:
            if queue.full():
                queue.get_nowait()  # a stalled page loses its oldest message, not the newest
            queue.put_nowait(message)


def encode(message: dict[str, Any]) -> str:
    """One SSE event. Compact JSON on one `data:` line; NaN is refused, as on the wire."""
    return f"data: {json.dumps(message, separators=(',', ':'), allow_nan=False)}\n\n"


async def sse_events(
    broadcast: Broadcast,
    *,
    keepalive: float = KEEPALIVE_SECONDS,
    stop: asyncio.Event | None = None,
) -> AsyncIterator[str]:
    """The event stream of one page: a `hello`, then every published message, with keep-alive
    comments while nothing happens (so proxies and the browser keep the connection open).

    It ends when `stop` is set (the server shutting down; tests use it to keep streams finite).
    """
    with broadcast.subscribe() as queue:
        yield f"retry: {RETRY_MS}\n" + encode({"kind": "hello", "generation": broadcast.generation})
        stopping = asyncio.ensure_future(stop.wait()) if stop is not None else None
        getting: asyncio.Future[dict[str, Any]] | None = None
        try:
            while stopping is None or not stopping.done():
                getting = asyncio.ensure_future(queue.get())
                waits: set[asyncio.Future[Any]] = {getting}
                if stopping is not None:
                    waits.add(stopping)
                done, _ = await asyncio.wait(
                    waits, timeout=keepalive, return_when="FIRST_COMPLETED"
                )
                if getting in done:
                    yield encode(getting.result())
                    # Drain what queued meanwhile without waiting: one burst, one write each.
                    while not queue.empty():
                        yield encode(queue.get_nowait())
                    continue
                getting.cancel()
                if not done:
                    yield ": keep-alive\n\n"
        finally:
            # A page that goes away cancels this generator inside the wait: its get must not be
            # left pending (one task per closed page, each reported at shutdown).
            for waiting in (getting, stopping):
                if waiting is not None:
                    waiting.cancel()


def sse_endpoint(
    broadcast: Broadcast, *, stop: asyncio.Event | None = None
) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint streaming `sse_events`; Starlette ends it when the page goes away."""

    async def events(request: Request) -> Response:
        return StreamingResponse(
            sse_events(broadcast, stop=stop),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    return events

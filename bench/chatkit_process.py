"""ChatKitServer.process() as openai-chatkit ships it against PreviewServer.process().

openai-chatkit builds a pydantic TypeAdapter for its request union on every call; PreviewServer
builds it once. Both run side by side in one process, alternating, on the requests ChatKit.js
sends most: threads.get_by_id and items.list (JSON), threads.add_user_message (a stream, read to
the end). Prints milliseconds per request and the ratio.

    .venv/bin/python bench/chatkit_process.py
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

# openai-chatkit deprecates its own named widget classes at import; not what is measured here.
warnings.filterwarnings("ignore", category=DeprecationWarning)

from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult  # noqa: E402

from widgetkit.preview.chatkit_server import PreviewServer  # noqa: E402

ROUNDS = 300
WIDGET = {
    "type": "Card",
    "children": [
        {"type": "Title", "value": "Order A-17"},
        {"type": "Text", "value": "Total $42.00"},
        {"type": "Button", "label": "Pay", "onClickAction": {"type": "order.pay"}},
    ],
}


async def _drain(result: StreamingResult | NonStreamingResult) -> int:
    if isinstance(result, NonStreamingResult):
        return len(result.json)
    return sum([len(chunk) async for chunk in result])


async def _time(run: Callable[[PreviewServer, bytes], Awaitable[int]], *args: Any) -> float:
    start = time.perf_counter()
    await run(*args)
    return (time.perf_counter() - start) * 1000


async def main() -> None:
    server = PreviewServer()
    thread_id = server.seed(WIDGET, title="bench")
    message = {
        "content": [{"type": "input_text", "text": "again"}],
        "attachments": [],
        "inference_options": {},
    }
    requests = {
        "threads.get_by_id": {"type": "threads.get_by_id", "params": {"thread_id": thread_id}},
        "items.list": {"type": "items.list", "params": {"thread_id": thread_id, "limit": 20}},
        "threads.add_user_message": {
            "type": "threads.add_user_message",
            "params": {"thread_id": thread_id, "input": message},
        },
    }
    print(f"{'request':28} {'stock ms':>9} {'cached ms':>10} {'ratio':>6}")
    for name, request in requests.items():
        body = json.dumps(request).encode()
        stock: list[float] = []
        cached: list[float] = []
        for _ in range(ROUNDS):
            # Alternate so drift on a shared machine hits both sides alike.
            stock.append(await _time(_stock, server, body))
            cached.append(await _time(_cached, server, body))
        s, c = statistics.median(stock), statistics.median(cached)
        print(f"{name:28} {s:9.3f} {c:10.3f} {s / c:5.1f}x")


async def _stock(server: PreviewServer, body: bytes) -> int:
    return await _drain(await ChatKitServer.process(server, body, {}))


async def _cached(server: PreviewServer, body: bytes) -> int:
    return await _drain(await server.process(body, {}))


if __name__ == "__main__":
    asyncio.run(main())

"""Load: 200 actions sent at once to a real uvicorn server on 127.0.0.1 are all answered and all
logged (none lost), and the server keeps answering afterwards."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from widgetkit.preview.app import create_app
from widgetkit.preview.library import thread_id_for
from widgetkit.preview.threaded import serve_in_thread

CONCURRENT = 200
HANDLERS = """
from widgetkit import Button, Card, Text, action, widget
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

@widget(samples={"one": {"n": 1}})
def counter(n: int) -> Card:
    return Card(
        Text(f"count {n}"),
        Button("Add", onClickAction=action("count.add", {"n": n})),
        Button("Sync", onClickAction=action("count.add", {"n": n}, streaming=False)),
    )

@actions.on("count.add")
def add(payload: dict) -> Card:
    return counter(payload["n"] + 1)
"""
THREAD = thread_id_for("counter:counter", "one")


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "counter.py").write_text(HANDLERS)
    app = create_app([tmp_path], renderer="local")  # with hot reload: handlers in the worker
    with serve_in_thread(app) as url:
        yield url


async def _burst(base_url: str) -> tuple[list[int], int, bool]:
    # A connection each: a kept-alive one left idle past uvicorn's keep-alive timeout (a
    # moment on a loaded machine) may be closed by the server as the next request goes out,
    # which is HTTP's own race (a client retries), not the preview losing a request.
    limits = httpx.Limits(max_connections=CONCURRENT, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        listing = {"type": "items.list", "params": {"thread_id": THREAD, "limit": 1}}
        for _ in range(300):  # the ChatKit server loads in the background: wait for it
            answer = await client.post("/chatkit", json=listing)
            if answer.status_code != 503:
                break
            await asyncio.sleep(0.1)
        assert answer.status_code == 200, answer.text
        item_id = answer.json()["data"][0]["id"]
        await client.delete("/api/actions")

        async def one(i: int) -> int:
            # Half stream their answer, half are sync actions: both paths are logged.
            kind = "threads.custom_action" if i % 2 else "threads.sync_custom_action"
            action = {"type": "count.add", "payload": {"n": i}}
            params = {"thread_id": THREAD, "item_id": item_id, "action": action}
            response = await client.post("/chatkit", json={"type": kind, "params": params})
            await response.aread()
            return response.status_code

        statuses = await asyncio.gather(*(one(i) for i in range(CONCURRENT)))
        # The log is written as each answer ends; give the last ones a moment.
        entries: list[dict[str, object]] = []
        for _ in range(100):
            entries = (await client.get("/api/actions")).json()["entries"]
            if len(entries) >= CONCURRENT:
                break
            await asyncio.sleep(0.05)
        alive = (await client.get("/api/widgets")).status_code == 200
        seen = {e["payload"]["n"] for e in entries if isinstance(e.get("payload"), dict)}  # type: ignore[index]
        assert seen == set(range(CONCURRENT)), sorted(set(range(CONCURRENT)) - seen)[:10]
        return statuses, len(entries), alive


def test_200_concurrent_actions_are_all_answered_and_logged(base_url: str) -> None:
    statuses, logged, alive = asyncio.run(_burst(base_url))
    assert statuses == [200] * CONCURRENT
    assert logged == CONCURRENT
    assert alive

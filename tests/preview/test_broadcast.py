"""The SSE stream of one page, driven directly (a TestClient would buffer an endless stream)."""

from __future__ import annotations

import asyncio

import pytest

from widgetkit.preview.broadcast import Broadcast, sse_events


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

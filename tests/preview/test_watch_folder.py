"""The real watchfiles reloader outlives its folder: renamed away and back, or deleted and made
again, a save afterwards still reaches the pages."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from widgetkit.preview.broadcast import Broadcast
from widgetkit.preview.library import Library
from widgetkit.preview.watch import Reloader
from widgetkit.sandbox import Builder

CARD = '{{"type": "Card", "children": [{{"type": "Text", "value": "{text}"}}]}}'


class Preview:
    def __init__(self, root: Path) -> None:
        self.library = Library([root])
        self.server: Any = None


@contextlib.asynccontextmanager
async def watching(root: Path) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
    broadcast = Broadcast()
    reloader = Reloader(Preview(root), broadcast, builder=Builder([root], timeout=5.0))
    stop = asyncio.Event()
    with broadcast.subscribe() as inbox:
        task = asyncio.create_task(reloader.run(stop))
        try:
            async with asyncio.timeout(20):
                await reloader.watching.wait()
            yield inbox
        finally:
            stop.set()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 10)


async def saved(root: Path, inbox: asyncio.Queue[dict[str, Any]], text: str) -> None:
    """Save `text` into root/card.json until the page hears of it (a watch being re-armed may
    miss a first save made in the same instant; a designer would save again, so may the test)."""
    async with asyncio.timeout(15):
        while True:
            (root / "card.json").write_text(CARD.format(text=text))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    while True:
                        m = await inbox.get()
                        if (
                            m.get("kind") == "widget"
                            and m["payload"]["children"][0]["value"] == text
                        ):
                            return


async def test_a_folder_renamed_away_and_back_is_still_watched(tmp_path: Path) -> None:
    root = tmp_path / "widgets"
    root.mkdir()
    (root / "card.json").write_text(CARD.format(text="v0"))
    async with watching(root) as inbox:
        await saved(root, inbox, "v1")
        root.rename(tmp_path / "elsewhere")
        await asyncio.sleep(0.3)
        (tmp_path / "elsewhere").rename(root)
        await asyncio.sleep(0.3)
        await saved(root, inbox, "v2")


async def test_a_folder_deleted_and_made_again_is_still_watched(tmp_path: Path) -> None:
    root = tmp_path / "widgets"
    root.mkdir()
    (root / "card.json").write_text(CARD.format(text="v0"))
    async with watching(root) as inbox:
        shutil.rmtree(root)
        async with asyncio.timeout(10):  # its widgets leave the index; no phantom takes their place
            while (m := await inbox.get())["kind"] != "index":
                assert m["kind"] != "error", m
        assert m["widgets"] == []
        root.mkdir()
        await saved(root, inbox, "v1")
        shutil.rmtree(root)
        await asyncio.sleep(0.3)
        root.mkdir()
        await saved(root, inbox, "v2")

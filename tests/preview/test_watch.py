"""The reloader: which files a change rebuilds, what the pages are told, and real watchfiles
events (atomic saves, bursts, deletes, new files) on a tmp folder."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import watchfiles.main
from watchfiles import Change

from widgetkit.preview import watch as watch_module
from widgetkit.preview.broadcast import Broadcast, encode, sse_events
from widgetkit.preview.library import Library, thread_id_for
from widgetkit.preview.watch import Reloader, _sliced, relevant
from widgetkit.sandbox import Builder

CARD = """\
from widgetkit import Card, Text, widget

@widget(samples={{"a": {{"n": 1}}, "b": {{"n": 2}}}})
def hello(n: int) -> Card:
    return Card(Text(f"{text} {{n}}"))
"""
Message = dict[str, Any]


@dataclass
class Server:
    """Records what the reloader puts in the ChatKit store."""

    threads: dict[str, Any] = field(default_factory=dict)

    def seed(self, widget: Any, *, thread_id: str, title: str) -> str:
        self.threads[thread_id] = widget
        return thread_id

    def update(self, thread_id: str, widget: Any) -> None:
        if thread_id not in self.threads:
            raise KeyError(thread_id)
        self.threads[thread_id] = widget


@dataclass
class Preview:
    library: Library
    server: Server = field(default_factory=Server)


class Scripted:
    """A watcher the test drives: each `change(...)` is one batch of changed paths."""

    def __init__(self) -> None:
        self.batches: asyncio.Queue[set[Path]] = asyncio.Queue()

    def change(self, *paths: Path) -> None:
        self.batches.put_nowait(set(paths))

    async def __call__(
        self, paths: Sequence[Path], stop: asyncio.Event
    ) -> AsyncIterator[set[Path]]:
        while not stop.is_set():
            yield await self.batches.get()


@dataclass
class Running:
    reloader: Reloader
    preview: Preview
    inbox: asyncio.Queue[Message]

    async def next(self, match: Callable[[Message], bool], timeout: float = 10.0) -> Message:
        """The next message `match` accepts; those before it are dropped."""
        async with asyncio.timeout(timeout):
            while True:
                message = await self.inbox.get()
                if match(message):
                    return message

    def drain(self) -> list[Message]:
        out = []
        while not self.inbox.empty():
            out.append(self.inbox.get_nowait())
        return out


@contextlib.asynccontextmanager
async def running(root: Path, watch: Any = None) -> AsyncIterator[Running]:
    broadcast = Broadcast()
    preview = Preview(Library([root]))
    options = {"watch": watch} if watch is not None else {}
    reloader = Reloader(preview, broadcast, builder=Builder([root], timeout=1.0), **options)
    stop = asyncio.Event()
    with broadcast.subscribe() as inbox:
        task = asyncio.create_task(reloader.run(stop))
        try:
            async with asyncio.timeout(20):
                await reloader.ready.wait()
            yield Running(reloader, preview, inbox)
        finally:
            stop.set()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, 10)


async def watcher_up(r: Running) -> None:
    async with asyncio.timeout(20):
        await r.reloader.watching.wait()


def card(path: Path, text: str) -> Path:
    path.write_text(CARD.format(text=text), encoding="utf-8")
    return path


def widget_text(message: Message) -> str:
    value: str = message["payload"]["children"][0]["value"]
    return value


def is_widget(entry_id: str, state: str = "a") -> Callable[[Message], bool]:
    return lambda m: m["kind"] == "widget" and m["id"] == entry_id and m["state"] == state


def is_index(m: Message) -> bool:
    return m["kind"] == "index"


def test_the_filter_takes_widget_sources_and_folders_but_not_editor_droppings() -> None:
    assert relevant(Change.modified, "/p/cards/order.py")
    assert relevant(Change.added, "/p/cards/order.widget")
    assert relevant(Change.deleted, "/p/cards/old")  # maybe a folder
    for dropping in ("/p/.order.py.swp", "/p/order.py~", "/p/order.py.tmp.123", "/p/__pycache__/o.py",
                     "/p/.git/x.py", "/p/node_modules/x.json"):  # fmt: skip
        assert not relevant(Change.added, dropping), dropping
    # A project under a hidden folder is still watched; only what is below the root counts.
    assert relevant(Change.modified, "/home/u/.work/p/cards.py", [Path("/home/u/.work/p")])
    assert not relevant(Change.modified, "/home/u/.work/p/.cache/x.py", [Path("/home/u/.work/p")])


async def test_a_save_sends_each_state_with_its_payload_and_updates_threads_asked_for(
    tmp_path: Path,
) -> None:
    file = card(tmp_path / "cards.py", "v1")
    watch = Scripted()
    async with running(tmp_path, watch) as r:
        assert r.preview.library.get("cards:hello") is not None
        asked = thread_id_for("cards:hello", "a")  # a page asked for this thread, not for b's
        r.preview.server.seed({"old": True}, thread_id=asked, title="Hello · a")
        card(file, "v2")
        watch.change(file)
        a = await r.next(is_widget("cards:hello", "a"))
        b = await r.next(is_widget("cards:hello", "b"))
        assert (widget_text(a), widget_text(b)) == ("v2 1", "v2 2")
        assert r.preview.server.threads == {asked: a["payload"]}
        assert gc.isenabled()  # held only while a build came in
        state = r.preview.library.entries["cards:hello"].states["a"]
        assert state.payload == a["payload"] and state.thread_id == a["thread_id"]


async def test_only_widgets_that_depend_on_the_change_are_rebuilt(tmp_path: Path) -> None:
    helper = tmp_path / "words.py"
    helper.write_text("WORD = 'one'\n")
    user = tmp_path / "user.py"
    user.write_text(
        CARD.format(text="{words.WORD}").replace("from widgetkit", "import words\nfrom widgetkit")
    )
    card(tmp_path / "loner.py", "alone")
    watch = Scripted()
    async with running(tmp_path, watch) as r:
        helper.write_text("WORD = 'two'\n")
        watch.change(helper)
        message = await r.next(is_widget("user:hello"))
        assert widget_text(message) == "two 1"
        await asyncio.sleep(0.2)
        assert not [m for m in r.drain() if m.get("id") == "loner:hello"]
        assert r.reloader.builds == 2


async def test_a_syntax_error_keeps_the_last_good_states_and_the_fix_clears_it(
    tmp_path: Path,
) -> None:
    file = card(tmp_path / "cards.py", "good")
    watch = Scripted()
    async with running(tmp_path, watch) as r:
        file.write_text("def broken(:\n")
        watch.change(file)
        error = await r.next(lambda m: m["kind"] == "error")
        assert error["file"] == "cards.py" and error["ids"] == ["cards:hello"]
        assert (error["error"]["type"], error["error"]["line"]) == ("SyntaxError", 1)
        entry = r.preview.library.entries["cards:hello"]
        assert entry.states["a"].payload is not None  # the last good render
        assert entry.problems[0].code == "import-error"
        card(file, "fixed")
        watch.change(file)
        assert widget_text(await r.next(is_widget("cards:hello"))) == "fixed 1"
        assert r.preview.library.entries["cards:hello"].problems == []


async def test_a_new_and_a_deleted_file_change_the_index(tmp_path: Path) -> None:
    first = card(tmp_path / "first.py", "first")
    watch = Scripted()
    async with running(tmp_path, watch) as r:
        second = card(tmp_path / "second.py", "second")
        watch.change(second)
        index = await r.next(is_index)
        assert [w["id"] for w in index["widgets"]] == ["first:hello", "second:hello"]
        first.unlink()
        watch.change(first)
        index = await r.next(is_index)
        assert [w["id"] for w in index["widgets"]] == ["second:hello"]
        assert list(r.preview.library.entries) == ["second:hello"]


async def test_taking_in_a_build_lets_the_loop_run_between_slices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(watch_module, "SLICE_SECONDS", -1.0)  # every item is a slice of its own
    ticks = 0

    async def other_task() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(other_task())
    await asyncio.sleep(0)
    seen = []
    async for item in _sliced(list(range(5))):
        seen.append((item, ticks))
    task.cancel()
    assert [item for item, _ in seen] == [0, 1, 2, 3, 4]
    assert len({t for _, t in seen}) == 5, "the other task ran between every two items"


# ---- real watchfiles on a tmp folder ---------------------------------------------------------


async def test_real_events_an_atomic_save_arrives_with_the_new_content(tmp_path: Path) -> None:
    file = card(tmp_path / "cards.py", "before")
    async with running(tmp_path) as r:
        await watcher_up(r)
        temp = tmp_path / ".cards.py.tmp42"
        temp.write_text(CARD.format(text="after"))
        os.replace(temp, file)  # what editors do on save
        assert widget_text(await r.next(is_widget("cards:hello"))) == "after 1"


async def test_real_events_the_watcher_is_made_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Making it walks every folder below the paths (130 ms for a virtualenv): not in the loop.
    made_in = []
    real = watchfiles.main.RustNotify

    def making(*args: Any) -> Any:
        made_in.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(watchfiles.main, "RustNotify", making)
    card(tmp_path / "cards.py", "before")
    async with running(tmp_path) as r:
        await watcher_up(r)
        card(tmp_path / "cards.py", "after")
        assert widget_text(await r.next(is_widget("cards:hello"))) == "after 1"
    assert len(made_in) == 1
    assert made_in[0] is not threading.current_thread()


async def test_real_events_a_burst_of_saves_ends_on_the_last_content(tmp_path: Path) -> None:
    file = card(tmp_path / "cards.py", "v0")
    async with running(tmp_path) as r:
        await watcher_up(r)
        for i in range(1, 21):
            card(file, f"v{i}")
            await asyncio.sleep(0.003)
        last = await r.next(lambda m: is_widget("cards:hello")(m) and widget_text(m) == "v20 1")
        await asyncio.sleep(0.3)
        later = [m for m in r.drain() if is_widget("cards:hello")(m)]
        assert [widget_text(m) for m in later] in ([], ["v20 1"])
        assert last["payload"] == r.preview.library.entries["cards:hello"].states["a"].payload


async def test_real_events_new_files_deletes_and_new_folders(tmp_path: Path) -> None:
    card(tmp_path / "first.py", "first")
    async with running(tmp_path) as r:
        await watcher_up(r)
        (tmp_path / "more").mkdir()
        (tmp_path / "more" / "panel.json").write_text('{"type": "Card", "children": []}')
        index = await r.next(lambda m: is_index(m) and len(m["widgets"]) == 2)
        assert [w["id"] for w in index["widgets"]] == ["first:hello", "more/panel.json"]
        (tmp_path / "first.py").unlink()
        index = await r.next(lambda m: is_index(m) and len(m["widgets"]) == 1)
        assert [w["id"] for w in index["widgets"]] == ["more/panel.json"]


# ---- broadcast and the event stream -----------------------------------------------------------


async def test_the_event_stream_says_hello_relays_messages_keeps_alive_and_unsubscribes() -> None:
    broadcast = Broadcast()
    stop = asyncio.Event()
    stream = sse_events(broadcast, keepalive=0.05, stop=stop)
    hello = await anext(stream)
    boot = broadcast.boot
    hello_message = {"kind": "hello", "generation": 0, "stale": False}
    assert hello == "retry: 500\n" + encode(hello_message, f"{boot}:0")
    assert broadcast.subscribers == 1
    broadcast.publish({"kind": "index", "widgets": []})
    broadcast.publish({"kind": "widget", "id": "x", "state": "a", "payload": {"type": "Card"}})
    assert await anext(stream) == f'id: {boot}:1\ndata: {{"kind":"index","widgets":[]}}\n\n'
    widget = '{"kind":"widget","id":"x","state":"a","payload":{"type":"Card"}}'
    assert await anext(stream) == f"id: {boot}:2\ndata: {widget}\n\n"
    assert await anext(stream) == ": keep-alive\n\n"
    stop.set()
    with pytest.raises(StopAsyncIteration):
        await anext(stream)
    assert broadcast.subscribers == 0

"""Hot reload: watch the preview's paths, rebuild what a save touched, tell the pages.

`Reloader.run()` is the one task the app's lifespan owns. It watches every PATH with watchfiles
(tuned for latency: watchfiles' default 1.6 s debounce is far too slow for a save-and-look loop),
asks the sandbox's warm worker (`widgetkit.sandbox.Builder`) to rebuild only the files that depend on what changed,
puts the results in the library and the ChatKit store, and publishes one message per widget
state on the broadcast, carrying the new payload so no page has to refetch:

    {"kind": "widget", "id", "file", "state", "thread_id", "payload", "diagnostics"}
    {"kind": "error", "id", "file", "state", "error", "diagnostics"}   # a state failed
    {"kind": "error", "file", "ids", "error"}                          # the file failed
    {"kind": "removed", "id"}                                          # a widget went
    {"kind": "index", "widgets": [summary, ...]}                       # the index changed

A page follows only what it shows (see broadcast.py): a widget page its widget, the index page
the index.

Example::

    reloader = Reloader(preview, broadcast)        # preview: app.Preview
    task = asyncio.create_task(reloader.run(stop))  # stop: an asyncio.Event set at shutdown
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from watchfiles import Change, watch

from widgetkit import discover
from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox import Builder, FileResult, Listing

from . import collector
from .broadcast import Broadcast
from .library import Entry, Library, State, thread_id_for

__all__ = ["DEBOUNCE_MS", "STEP_MS", "Reloader", "WatchFn", "relevant", "watch_paths"]

# watchfiles waits for a quiet `STEP_MS` before it answers, and at most `DEBOUNCE_MS` in a burst;
# an editor's save lands in one batch and a designer sees it about 10 ms later.
DEBOUNCE_MS = 16
STEP_MS = 5
# How long the watching thread blocks before looking at the stop event again (it also looks
# every step, so this only bounds shutdown when nothing changes).
RUST_TIMEOUT_MS = 1000

# The longest the reloader holds the event loop while it takes in a build's results.
SLICE_SECONDS = 0.01

T = TypeVar("T")
WatchFn = Callable[[Sequence[Path], asyncio.Event], AsyncIterator[set[Path]]]


def relevant(change: Change, path: str, roots: Sequence[Path] = ()) -> bool:
    """Widget sources, and suffix-less names that may be folders (a folder moved or deleted).
    Editors' temp files (`.x.py.swp`, `x.py~`, `x.py.tmp123`) and caches are not. Only the part
    below a watched root is looked at: a project may itself live under a hidden folder."""
    p = Path(path)
    below = next((p.relative_to(r) for r in roots if p.is_relative_to(r)), p.relative_to(p.anchor))
    if any(part.startswith(".") or part in discover.SKIP_DIRS for part in below.parts):
        return False
    return p.suffix in discover.SUFFIXES or not p.suffix


async def watch_paths(paths: Sequence[Path], stop: asyncio.Event) -> AsyncIterator[set[Path]]:
    """The paths that changed, one set per batch, until `stop` is set; an empty set each time
    the watcher is (again) up, so that a change made from then on is seen.

    A watched folder can be deleted and made again, or renamed away and another put in its
    place (a `git checkout`, a tool regenerating it). The OS watch stays on the old folder, or
    dies with it, so the folders are re-watched whenever one of them is no longer the folder
    the watch began on; its path is reported so the reloader looks at everything again.
    """
    roots = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    folders = [p for p in paths if p.is_dir()]
    seen = {p: _identity(p) for p in folders}
    while not stop.is_set():
        now = {p: _identity(p) for p in folders}
        moved = {p for p in folders if now[p] != seen[p]}
        seen = now
        if moved:
            yield moved  # gone, back or replaced: the reloader rediscovers what is there now
        present = [p for p in paths if p.exists()]
        if not present:
            await _pause(stop)
            continue
        try:
            async for changes in _batches(present, roots, stop):
                if changes is None:
                    yield set()  # the watcher is up
                elif changes:
                    yield {Path(p) for _, p in changes}
                if any(_identity(p) != seen[p] for p in folders):
                    break
        except FileNotFoundError:  # a path went between the look and the watch
            await _pause(stop)


class _Stop:
    """`stop` as the watching thread asks after it, every step; its first question says that the
    watcher is made and waiting (`up`)."""

    def __init__(self, stop: asyncio.Event) -> None:
        self.stop = stop
        self.up = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        self._asked = False

    def is_set(self) -> bool:
        if not self._asked:
            self._asked = True
            self._loop.call_soon_threadsafe(self.up.set)
        return self.stop.is_set()


async def _batches(
    paths: list[Path], roots: list[Path], stop: asyncio.Event
) -> AsyncIterator[set[tuple[Change, str]] | None]:
    """watchfiles' changes under `paths`, a batch at a time (empty after a quiet second), until
    `stop` is set; first None, once the watcher is up.

    Its `watch` runs in a thread of its own, the making of its watcher included: that walks
    every folder below the paths to watch each one (130 ms for a virtualenv, 350 ms for a
    repository with node_modules), and `awatch` makes it in the event loop. Its own thread, so
    it never takes one from the pool that pages are encoded in; and the generator is closed in
    that thread too, after the wait under way, which ends at the next `stop` or quiet second.
    """
    asked = _Stop(stop)
    batches = watch(
        *paths,
        watch_filter=lambda change, path: relevant(change, path, roots),
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        rust_timeout=RUST_TIMEOUT_MS,
        yield_on_timeout=True,  # a quiet second still looks at the folders
        stop_event=asked,
        raise_interrupt=False,  # Ctrl-C is the server's to handle, not a watching thread's
    )
    loop = asyncio.get_running_loop()
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="widgetkit-watch")
    batch = loop.run_in_executor(thread, next, batches, None)
    up = asyncio.ensure_future(asked.up.wait())
    try:
        first: set[asyncio.Future[Any]] = {batch, up}
        await asyncio.wait(first, return_when=asyncio.FIRST_COMPLETED)
        if asked.up.is_set():
            yield None
        while (changes := await batch) is not None:
            yield changes
            batch = loop.run_in_executor(thread, next, batches, None)
    finally:
        up.cancel()
        batch.cancel()  # a wait cut short: what it brings (or raises) goes unread
        thread.submit(batches.close)
        thread.shutdown(wait=False)


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        st = folder.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


async def _pause(stop: asyncio.Event, seconds: float = 0.1) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _sliced(items: list[T]) -> AsyncIterator[T]:
    """`items` one by one, letting the event loop run whenever `SLICE_SECONDS` have gone by:
    at thousands of states, applying, publishing or summing up a build in one go held the loop
    for tens of milliseconds each."""
    slice_end = time.monotonic() + SLICE_SECONDS
    for item in items:
        yield item
        if time.monotonic() > slice_end:
            await asyncio.sleep(0)
            slice_end = time.monotonic() + SLICE_SECONDS


class PreviewLike(Protocol):
    """What the reloader needs of `app.Preview`: its library and, once loaded, its ChatKit server."""

    library: Library
    server: Any


class Reloader:
    def __init__(
        self,
        preview: PreviewLike,
        broadcast: Broadcast,
        *,
        builder: Builder | None = None,
        watch: WatchFn = watch_paths,
        follow: bool = True,
    ) -> None:
        self.preview = preview
        self.library = preview.library
        self.broadcast = broadcast
        self.roots = [p.resolve() for p in self.library.paths]
        self.builder = builder or Builder(self.roots)
        self.watch = watch
        self.follow = follow  # False: build once and stop (`widgetkit preview --no-reload`)
        self.files: list[Path] = []
        self.deps: dict[Path, set[Path]] = {}
        self.broken: set[Path] = set()  # files that failed as a whole: retried on any new file
        self.by_file: dict[Path, list[Entry]] = {}
        self.ready = asyncio.Event()  # set once the first full build is in
        self.watching = asyncio.Event()  # and once the watcher is up after it
        self.builds = 0

    async def run(self, stop: asyncio.Event) -> None:
        """Build everything once (which warms the worker and learns the imports), then follow
        the changes until `stop` is set.

        This first build is the preview's library: the user's modules are imported only in the
        sandbox, and the preview's `scanned` is set once it is in (or if the worker cannot start
        at all).
        """
        scanned = getattr(self.preview, "scanned", None)
        ours = scanned is not None
        try:
            await self.builder.start()
            for entry in self.library.entries.values():
                self.by_file.setdefault(entry.file.resolve(), []).append(entry)
            self.files = self._discover()
            await self._rebuild(self.files, changed=set(), quiet=True, listing=self._listed)
            if ours:
                assert scanned is not None
                self._set_listed()
                scanned.set()
                # Pages served while the build was going show "building": now they fill in.
                self.broadcast.publish({"kind": "index", "widgets": await self._summaries()})
            self.ready.set()
            if not self.follow:
                await self.builder.close()  # no rebuilds: its workers are not needed
                await stop.wait()
                return
            async for changed in self.watch(self.library.paths, stop):
                if changed:
                    await self.changed(changed)
                else:
                    self.watching.set()
        finally:
            if ours:
                assert scanned is not None
                self._set_listed()
                scanned.set()  # never leave the pages waiting for a build that will not come
            await self.builder.close()

    async def _listed(self, results: list[FileResult]) -> None:
        """The first build's listing: every widget goes in the library with its states pending,
        so the index lists them all while the worker builds them (a few seconds at thousands)."""
        await self._apply_all(results)
        if self._set_listed():  # pages served meanwhile show "building": now they list them
            self.broadcast.publish({"kind": "index", "widgets": await self._summaries()})

    async def _summaries(self) -> list[dict[str, Any]]:
        """`library.summaries()`, made in slices: after a build, every entry's is made anew."""
        return [e.summary() async for e in _sliced(list(self.library.entries.values()))]

    def _set_listed(self) -> bool:
        """Say the listing is in, if the preview waits for it; whether it does."""
        listed: asyncio.Event | None = getattr(self.preview, "listed", None)
        if listed is not None:
            listed.set()
        return listed is not None

    async def changed(self, paths: set[Path]) -> None:
        """Rebuild after `paths` changed on disk (written, created, renamed or deleted)."""
        changed = {p.resolve() for p in paths}
        known = set(self.files)
        structural = any(p not in known or not p.is_file() for p in changed)
        removed: set[Path] = set()
        if structural:
            current = self._discover()
            removed = known - set(current)
            added = set(current) - known
            self.files = current
        else:
            added = set()
        todo = [
            f
            for f in self.files
            if f in changed or f in added or self.deps.get(f, set()) & changed
            or (structural and f in self.broken)
        ]  # fmt: skip
        for file in removed:
            self.by_file.pop(file, None)
            self.deps.pop(file, None)
            self.broken.discard(file)
        await self._rebuild(todo, changed=changed | removed, quiet=False, index=bool(removed))

    async def _rebuild(
        self,
        files: list[Path],
        *,
        changed: set[Path],
        quiet: bool,
        index: bool = False,
        listing: Listing | None = None,
    ) -> None:
        before = self.library.summaries()
        explicit = [p for p in self.roots if p.is_file()]
        with collector.held():
            results = await self.builder.build(
                files, changed=changed, explicit=explicit, on_listing=listing
            )
            self.builds += 1
            messages = await self._apply_all(results)
        if quiet:
            return
        async for message in _sliced(messages):
            self.broadcast.publish(message)
        after = await self._summaries()
        for gone in {e["id"] for e in before} - {e["id"] for e in after}:
            self.broadcast.publish({"kind": "removed", "id": gone})
        if index or after != before:
            self.broadcast.publish({"kind": "index", "widgets": after})

    async def _apply_all(self, results: list[FileResult]) -> list[dict[str, Any]]:
        """Put `results` in the library, in slices (thousands of states: pages answer
        meanwhile); the messages that tell the pages."""
        messages: list[dict[str, Any]] = []
        async for result in _sliced(results):
            messages += self._apply(result)
        self.library.entries = {e.id: e for f in self.files for e in self.by_file.get(f, [])}
        return messages

    def _apply(self, result: FileResult) -> list[dict[str, Any]]:
        file = result.file
        rel = self._rel(file)
        old = {e.id: e for e in self.by_file.get(file, [])}
        self.deps[file] = result.deps
        if result.error is not None:
            self.broken.add(file)
            err = result.error
            where = f"at {rel}:{err.line}" if err.line else f"in {rel}"
            problem = Diagnostic("", "error", "import-error", str(err), where)
            # A listing's entries have no states to keep: the file's error stands alone.
            entries = [e for e in old.values() if not e.building]
            if not entries:
                stem = rel.removesuffix(".py")
                entries = [Entry(stem, file, rel, file.name, file.name, "", result.kind,  # type: ignore[arg-type]
                                 err.line)]  # fmt: skip
            for entry in entries:
                entry.problems = [problem]  # the last good states stay, with the file's error
                entry.changed()
            self.by_file[file] = entries
            ids = [e.id for e in entries]
            return [{"kind": "error", "file": rel, "ids": ids, "error": err.to_dict()}]
        self.broken.discard(file)
        entries, messages = [], []
        for w in result.widgets:
            entry_id = f"{rel.removesuffix('.py')}:{w.name}" if result.kind == "builder" else rel
            entry = Entry(entry_id, file, rel, w.name, w.title, w.doc, result.kind, w.line)  # type: ignore[arg-type]
            for s in w.states:
                diagnostics = [Diagnostic(**d) for d in s.diagnostics]  # type: ignore[arg-type]
                thread_id = thread_id_for(entry_id, s.name)
                entry.states[s.name] = State(
                    s.name, s.data, s.payload, diagnostics, thread_id, s.line, s.pending
                )
                base = {"id": entry_id, "file": rel, "state": s.name, "thread_id": thread_id,
                        "data": s.data, "diagnostics": s.diagnostics}  # fmt: skip
                if s.ok:
                    self._store(thread_id, s.payload)
                    messages.append({"kind": "widget", **base, "payload": s.payload})
                else:
                    error = s.error.to_dict() if s.error else None
                    messages.append({"kind": "error", **base, "error": error})
            entries.append(entry)
        self.by_file[file] = entries
        return messages

    def _store(self, thread_id: str, payload: Any) -> None:
        """The same widget in its ChatKit thread, if something asked for that thread already
        (the others are made from the library when first asked for: `Preview.thread`)."""
        server = getattr(self.preview, "server", None)
        if server is None:
            return
        # KeyError: never asked for. Else pydantic refuses a root ChatKit cannot hold; the
        # page still shows it.
        with contextlib.suppress(Exception):
            server.update(thread_id, payload)

    def _discover(self) -> list[Path]:
        # A watched folder deleted for now holds no widgets; discover would take it for a file.
        present = [p for p in self.library.paths if p.exists()]
        return [f.resolve() for f in discover.files(present)]

    def _rel(self, file: Path) -> str:
        """The file as the library names it (and so as its entry ids begin)."""
        many = len(self.roots) > 1
        for root in self.roots:
            base = root if root.is_dir() else root.parent
            if file.is_relative_to(base):
                rel = file.relative_to(base).as_posix()
                return f"{base.name}/{rel}" if many else rel
        return file.name

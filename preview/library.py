"""The widgets a preview shows: each entry one `@widget` builder, one `.json` payload or one
`.widget` file, with its sample states as the sandbox built and validated them.

The library is plain data with no server and no user code in it, so the pages, the JSON API and
the hot reloader share one picture of what is on disk. Each state carries a deterministic ChatKit
thread id, so a page can name its thread before the ChatKit server has finished loading, and a
rebuild after a save keeps the same thread.

Example::

    library = Library([Path("gallery")])          # filled by watch.Reloader
    entry = library.get("commerce:order_summary")
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from widgetkit.diagnostics import Diagnostic

Kind = Literal["builder", "payload"]


def thread_id_for(entry_id: str, state: str) -> str:
    """A stable thread id per widget state: the same after a rebuild or a server restart."""
    digest = hashlib.sha1(f"{entry_id}[{state}]".encode()).hexdigest()[:12]
    return f"thr_{digest}"


@dataclass
class State:
    name: str
    data: dict[str, Any] | None  # the builder's sample arguments, JSON-safe
    payload: dict[str, Any] | None
    diagnostics: list[Diagnostic]
    thread_id: str
    line: int = 0
    pending: bool = False  # listed by the first build, not built yet

    @property
    def failed(self) -> bool:
        if self.pending:
            return False
        return self.payload is None or any(d.severity == "error" for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": self.data,
            "payload": self.payload,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "thread_id": self.thread_id,
            "line": self.line,
            "pending": self.pending,
        }


@dataclass
class Entry:
    id: str
    file: Path
    rel: str  # the file as the index groups it
    name: str
    title: str
    doc: str
    kind: Kind
    line: int = 0
    states: dict[str, State] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)  # the file failed before any state
    _summary: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def search_text(self) -> str:
        """What the index's filter looks in, lower-cased; read once the entry is built (the
        reloader makes a new entry for each build, so its names never change after)."""
        return " ".join([self.title, self.name, self.rel, self.id, *self.states]).lower()

    @property
    def building(self) -> bool:
        """Listed with its states still to build (the first build lists every widget first)."""
        return any(s.pending for s in self.states.values())

    @property
    def errors(self) -> int:
        """How many states (or the file itself) fail: the index's error badge."""
        return len(self.problems) + sum(s.failed for s in self.states.values())

    def changed(self) -> None:
        """Say that the entry changed in place (its problems, a state's diagnostics)."""
        self._summary = None

    def summary(self) -> dict[str, Any]:
        """What the index shows of the entry; made once, until `changed()`."""
        if self._summary is None:
            self._summary = self._summarize()
        return self._summary

    def _summarize(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "name": self.name,
            "file": self.rel,
            "kind": self.kind,
            "line": self.line,
            "doc": self.doc,
            "states": list(self.states),
            "errors": self.errors,
            "building": self.building,
            "problems": [d.to_dict() for d in self.problems],
        }


class Library:
    """The index of what the preview shows: entries by id. Its one writer is the hot reloader
    (`watch.Reloader`), which fills it from the sandbox's builds; pages and routes only read."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.entries: dict[str, Entry] = {}

    def summaries(self) -> list[dict[str, Any]]:
        """Every entry's `summary()`: `/api/widgets`, the index message and the reloader's
        before-and-after comparison read it, thousands of entries each time."""
        return [e.summary() for e in self.entries.values()]

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def select(self, q: str = "", *, errors: bool = False) -> list[Entry]:
        """The entries the index shows for a filter, in index order: those whose title, name,
        file, id or a state name holds every word of `q` (ignoring case), and with `errors`
        only those that fail."""
        words = q.lower().split()
        return [
            e
            for e in self.entries.values()
            if (not errors or e.errors) and all(w in e.search_text for w in words)
        ]

    def thread(self, thread_id: str) -> tuple[Entry, State] | None:
        """The widget state whose thread id is `thread_id`, if any."""
        return next(((e, s) for e, s in self.states() if s.thread_id == thread_id), None)

    def states(self) -> Iterator[tuple[Entry, State]]:
        for entry in self.entries.values():
            for state in entry.states.values():
                yield entry, state


def grouped(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """`entries` by file (as the index groups them), keeping their order."""
    out: dict[str, list[Entry]] = {}
    for entry in entries:
        out.setdefault(entry.rel, []).append(entry)
    return out

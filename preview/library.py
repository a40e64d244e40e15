"""The widgets a preview shows: found on disk, built in every sample state, validated.

The library is plain Python with no server in it, so the pages, the JSON API and (next) the hot
reloader share one picture of what is on disk. Each entry is one `@widget` builder, one `.json`
payload or one `.widget` file; each of its states carries a deterministic ChatKit thread id, so a
page can name its thread before the ChatKit server has finished loading, and a rebuild after a
save keeps the same thread.

Example::

    library = Library([Path("gallery")])
    library.scan()
    entry = library.get("commerce:order_summary")
    result = library.render(entry, {"id": "A-1", "total": 3.5, "paid": False})
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic_core import to_jsonable_python

from widgetkit import discover
from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox.render import (
    PAYLOAD_SCHEMA,
    Rendered,
    render_payload,
    render_widget,
    widget_schema,
)
from widgetkit.validate import validate
from widgetkit.widget import Widget

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

    @property
    def failed(self) -> bool:
        return self.payload is None or any(d.severity == "error" for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": self.data,
            "payload": self.payload,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "thread_id": self.thread_id,
            "line": self.line,
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
    widget: Widget[Any, Any] | None = None

    @property
    def errors(self) -> int:
        """How many states (or the file itself) fail: the index's error badge."""
        return len(self.problems) + sum(s.failed for s in self.states.values())

    def summary(self) -> dict[str, Any]:
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
            "problems": [d.to_dict() for d in self.problems],
        }


class Library:
    def __init__(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.entries: dict[str, Entry] = {}

    def scan(self) -> None:
        """Find and build every widget under the paths, replacing what was known."""
        entries: dict[str, Entry] = {}
        for file, rel in self._files():
            for entry in self._load(file, rel):
                entry.id = _unique(entry.id, entries)
                entry.states = {
                    name: _with_thread(state, entry.id) for name, state in entry.states.items()
                }
                entries[entry.id] = entry
        self.entries = entries

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def groups(self) -> dict[str, list[Entry]]:
        """Entries by file, in file order then source order."""
        out: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            out.setdefault(entry.rel, []).append(entry)
        return out

    def states(self) -> Iterator[tuple[Entry, State]]:
        for entry in self.entries.values():
            for state in entry.states.values():
                yield entry, state

    def schema(self, entry: Entry) -> dict[str, Any]:
        """The JSON Schema of what the data editor may send: the builder's parameters."""
        if entry.widget is None:
            return PAYLOAD_SCHEMA
        return widget_schema(entry.widget)

    def render(self, entry: Entry, data: Any) -> Rendered:
        """Build `entry` with `data` (builder arguments, or a payload for payload entries)."""
        if entry.widget is None:
            return render_payload(data)
        return render_widget(entry.widget, data, entry.file)

    def _files(self) -> Iterator[tuple[Path, str]]:
        many = len(self.paths) > 1
        for root in self.paths:
            base = root if root.is_dir() else root.parent
            for file in discover.files([root]):
                rel = file.relative_to(base).as_posix()
                yield file, f"{base.name}/{rel}" if many else rel

    def _load(self, file: Path, rel: str) -> list[Entry]:
        stem = rel.removesuffix(".py")
        if file.suffix != ".py":
            entry = self._payload_entry(file, rel)
            # In a folder walk, JSON that is plainly not a widget (package.json) is not ours.
            return [entry] if entry.states or entry.problems or file in self.paths else []
        try:
            module = discover.load_module(file)
        except Exception as exc:  # a user's module may fail to import in any way
            line, text = discover._where(exc, file)
            entry = Entry(stem, file, rel, file.name, file.name, "", "builder", line)
            entry.problems = [_problem("", "import-error", text)]
            return [entry]
        entries = []
        for w in discover.widgets_in(module):
            entry = Entry(
                f"{stem}:{w.name}", file, rel, w.name, w.title, w.doc, "builder", w.source[1]
            )
            entry.widget = w
            for found in discover.build_states(w, file):
                # The label reads "name[state]", or "name[state] Title(…)" for a WidgetError.
                state = found.label[len(w.name) + 1 :].split("]", 1)[0]
                sample = w.samples.get(state, {}) if w.samples else {}
                entry.states[state] = _state(state, _jsonable(sample), found)
            entries.append(entry)
        return entries

    def _payload_entry(self, file: Path, rel: str) -> Entry:
        entry = Entry(rel, file, rel, file.name, file.stem.replace("_", " ").capitalize(), "",
                      "payload")  # fmt: skip
        try:
            founds = list(discover.find([file]) if file.suffix != ".json" else [])
            if file.suffix == ".json":
                founds = list(discover._from_json(file, explicit=file in self.paths))
        except Exception as exc:  # e.g. .widget support not installed yet
            entry.problems = [_problem("", "load-error", f"{type(exc).__name__}: {exc}")]
            return entry
        for i, found in enumerate(founds):
            name = found.label or ("default" if i == 0 else f"state {i + 1}")
            entry.states[name] = _state(name, None, found)
        return entry


def _state(name: str, data: dict[str, Any] | None, found: discover.Found) -> State:
    diagnostics = list(found.diagnostics)
    if found.payload is not None:
        diagnostics += validate(found.payload)
    return State(name, data, found.payload, diagnostics, "", found.line)


def _with_thread(state: State, entry_id: str) -> State:
    state.thread_id = thread_id_for(entry_id, state.name)
    return state


def _unique(entry_id: str, taken: dict[str, Entry]) -> str:
    candidate, n = entry_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{entry_id}~{n}"
    return candidate


def _problem(path: str, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, "error", code, message, hint)


def _jsonable(value: Any) -> dict[str, Any]:
    result: dict[str, Any] = to_jsonable_python(value, fallback=str)
    return result

"""The sandbox's worker process: imports user modules fresh from source, builds and validates
their widgets, answers the interactive calls (`calls.py`), and speaks JSON lines on its pipes.
Run as `python -m widgetkit.sandbox.child PATH...`; it reads one request a line on stdin (see
`serve`).

It imports widgetkit's builders, validator and templates once (that is what makes it warm) and
never chatkit.server, whose import takes seconds. It caps its own memory (`MEMORY_LIMIT`), and
a builder that forks cannot leave a child behind answering in its place (`serve`).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic_core import to_jsonable_python

from widgetkit import discover
from widgetkit.builders import diagnose
from widgetkit.diagnostics import Diagnostic, WidgetError
from widgetkit.validate import validate
from widgetkit.widget import Widget

from . import explain, loader


def _imported(file: Path, say: Any) -> tuple[dict[str, Any], ModuleType | None]:
    """A builder module's answer so far and the module (None when its import failed, with the
    error in the answer)."""
    say({"t": "begin", "file": str(file), "label": "", "line": 0})
    out: dict[str, Any] = {"file": str(file), "kind": "builder", "error": None, "deps": [],
                           "widgets": []}  # fmt: skip
    try:
        module = loader.load(file)
    except BaseException as exc:  # user code may raise anything, SystemExit included
        out["error"] = explain.import_error(exc, file).to_dict()
        return out, None
    out["deps"] = loader.deps(module.__name__)
    return out, module


def _widget(w: Widget[Any, Any], states: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": w.name, "title": w.title, "doc": w.doc, "line": w.source[1], "states": states}


def _list_module(file: Path, say: Any) -> dict[str, Any]:
    """The module imported and its widgets named, with their states still to build (each
    `pending`): what the index lists before `_build_module` builds them."""
    out, module = _imported(file, say)
    for w in discover.widgets_in(module) if module else ():
        states: list[dict[str, Any]] = [
            {"name": state, "data": None, "payload": None, "diagnostics": [], "line": w.source[1],
             "error": None, "where": "", "pending": True}
            for state in w.samples or {"default": {}}
        ]  # fmt: skip
        out["widgets"].append(_widget(w, states))
    return out


def _build_module(file: Path, skip: set[str], runtime: Any, say: Any) -> dict[str, Any]:
    out, module = _imported(file, say)
    for w in discover.widgets_in(module) if module else ():
        line = w.source[1]
        states = []
        for state in w.samples or {"default": {}}:
            label = f"{w.name}[{state}]"
            if label in skip:
                continue
            say({"t": "begin", "file": str(file), "label": label, "line": line})
            data = to_jsonable_python(w.samples.get(state, {}), fallback=str)
            payload, diags, error, where, at = None, [], None, "", line
            try:
                payload = w.build(state if w.samples else None).to_dict()
                diags = [d.to_dict() for d in _diagnose(payload, runtime)]
            except WidgetError as exc:
                diags = [d.to_dict() for d in exc.diagnostics]
                where, at = exc.where, loader.error_of(exc).line or line
            except BaseException as exc:
                failure = loader.error_of(exc, label)
                diags = [d.to_dict() for d in explain.builder_error(exc, w, failure)]
                error, at = failure.to_dict(), failure.line or line
            diags += [d.to_dict() for d in explain.not_finite(data, what="sample data")]
            states.append({"name": state, "data": data, "payload": payload,
                           "diagnostics": diags, "line": at, "error": error,
                           "where": where})  # fmt: skip
        out["widgets"].append(_widget(w, states))
    return out


def _build_payload(file: Path, explicit: bool, runtime: Any, say: Any) -> dict[str, Any]:
    say({"t": "begin", "file": str(file), "label": "", "line": 0})
    out: dict[str, Any] = {"file": str(file), "kind": "payload", "error": None, "deps": [],
                           "widgets": []}  # fmt: skip
    if file.suffix == ".json":
        try:
            payload = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            line = getattr(exc, "lineno", 0)
            out["error"] = replace(loader.error_of(exc), file=str(file), line=line).to_dict()
            return out
        # In a folder walk, JSON that is plainly not a widget (package.json) is not ours.
        founds = [discover.Found(file, "", payload)]
        if not explicit and not (isinstance(payload, dict) and "type" in payload):
            return out
    else:
        founds = list(discover.find([file]))
    states = []
    for i, found in enumerate(founds):
        name = found.label or ("default" if i == 0 else f"state {i + 1}")
        diags = [d.to_dict() for d in found.diagnostics]
        if found.payload is not None:
            diags += [d.to_dict() for d in _diagnose(found.payload, runtime)]
        states.append({"name": name, "data": None, "payload": found.payload,
                       "diagnostics": diags, "line": found.line, "error": None,
                       "where": ""})  # fmt: skip
    title = file.stem.replace("_", " ").capitalize()
    out["widgets"] = [{"name": file.name, "title": title, "doc": "", "line": 0, "states": states}]
    return out


def _diagnose(payload: Any, runtime: Any) -> list[Diagnostic]:
    """Every diagnostic of a state, warnings included. The root's builder call validated the
    tree already (`builders.diagnose` remembers it); a runtime's rules are checked apart."""
    found = diagnose(payload) if runtime is None else validate(payload, runtime=runtime)
    return found + explain.not_finite(payload, found)


def serve(paths: list[Path]) -> None:
    """The worker's loop: one JSON request a line on stdin, answers as JSON lines."""
    # The protocol keeps private copies of stdin and stdout; user code's print() goes to stderr
    # and its input() reads /dev/null, so neither can corrupt the pipe.
    proto_in = os.fdopen(os.dup(0), "rb")
    proto_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    limit_memory()
    loader.install(paths)
    me = os.getpid()

    def say(msg: dict[str, Any]) -> None:
        if os.getpid() != me:  # a builder forked: only the worker itself answers
            os._exit(0)
        try:
            proto_out.write(json.dumps(msg, default=str) + "\n")
            proto_out.flush()
        except BrokenPipeError:  # the server has gone (shut down, or replaced this worker)
            os._exit(0)

    say({"t": "ready"})
    for line in proto_in:
        req = json.loads(line)
        if req.get("t", "build") != "build":
            # The interactive calls (render, schema, action, warm), imported by the calls' workers
            # only, on their warm-up: a builder's worker is ready 50 ms sooner without them.
            from . import calls

            calls.handle(req, say)
            say({"t": "done", **calls.done_extra()})
            continue
        files = [Path(f) for f in req["files"]]
        explicit = set(req["explicit"])
        runtime = req.get("runtime")
        loader.drop(set(req["changed"]) | {str(f) for f in files})
        finished: dict[str, dict[str, Any]] = {}  # files the listing built already
        if req.get("list"):  # every file imported and its widgets listed, then their states built
            listing = [
                _list_module(f, say) if f.suffix == ".py"
                else _build_payload(f, str(f) in explicit, runtime, say)
                for f in files
            ]  # fmt: skip
            say({"t": "listing", "files": listing})
            finished = {o["file"]: o for o in listing if o["error"] or o["kind"] == "payload"}
        for file in files:
            skip = set(req["skip"].get(str(file), ()))
            if str(file) in finished:  # a payload, or a module that failed to import: once
                say({"t": "file", **finished[str(file)]})
            elif file.suffix == ".py":
                say({"t": "file", **_build_module(file, skip, runtime, say)})
            else:
                say({"t": "file", **_build_payload(file, str(file) in explicit, runtime, say)})
        say({"t": "done"})
    if os.getpid() != me:  # a forked copy that got here (its stdin closed): it must not linger
        os._exit(0)


# A worker may use this much memory; a builder that tries for more gets a MemoryError (which it
# reports like any exception) rather than the machine's memory.
MEMORY_LIMIT = 2 * 1024**3


def limit_memory() -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no setrlimit
        return
    limit = int(os.environ.get("WIDGETKIT_WORKER_MEMORY", MEMORY_LIMIT))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    # Run the module under its package name, so calls.py shares the loader's state rather than a
    # second copy of this file imported beside __main__.
    importlib.import_module("widgetkit.sandbox.child").serve([Path(p) for p in sys.argv[1:]])

"""The worker's interactive calls: what the preview's pages ask of user code besides hot reload.

The server (the preview's `calls.Calls`) sends one JSON request a line; `child.serve` hands every request
that is not a build to `handle`, and ends each answer with `{"t": "done", "types": [...]}`:

    {"t": "warm"}                                   import every module under the paths
    {"t": "render", "file", "name", "data"}     ->  {"t": "result", "payload", "diagnostics",
                                                     "data_errors"}
    {"t": "schema", "file", "name"}             ->  {"t": "result", "schema"}
    {"t": "export", "spec"}                     ->  {"t": "result", "doc"} or {"t": "error", ...}
    {"t": "action", "type", "payload", "ctx", "near"}
        ->  {"t": "begin"}                          modules loaded; the handler starts
            {"t": "outcome", "kind", "type", "widget", "diagnostics", "notice", "message"}
            {"t": "state", "widget", "diagnostics"} ...   a stream: a line per state, as produced
            {"t": "end", "failed"}                  the stream ended (`failed`: ActionFailed's text)
        or  {"t": "error", "error": cause, "payload": bool}   the handler raised

A cause is a `Failure`'s dict (`failure.py`), with only the user's frames. This worker is not the build worker, so no save tells it what changed: each
call first forgets the user modules whose source changed since they were compiled (`refresh`).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from widgetkit import discover
from widgetkit.builders import Node, check_whole, diagnose
from widgetkit.diagnostics import Diagnostic, WidgetError
from widgetkit.handlers import ActionContext, ActionFailed, ActionRouter, Outcome, PayloadError
from widgetkit.widget import Widget

from . import loader
from .failure import Failure
from .render import Rendered, render_widget, widget_schema

__all__ = ["NO_HANDLER", "done_extra", "handle", "refresh", "routers_in"]

Say = Callable[[dict[str, Any]], None]

NO_HANDLER = "No handler for {}; the widget is left as it is."
WALK_EVERY = 1.0  # new files are looked for at most this often (a walk costs milliseconds)

_loops: list[asyncio.AbstractEventLoop] = []  # one loop for every handler: no set-up per click
_walk: dict[str, Any] = {"at": -WALK_EVERY, "files": []}
_modules: dict[Path, ModuleType] = {}
_failed: dict[Path, tuple[tuple[int, int] | None, str]] = {}  # file -> (stamp, why)
_types: list[str] = []


def _loop() -> asyncio.AbstractEventLoop:
    # Made on first use: the server imports this module (for routers_in) and needs no loop of it.
    if not _loops:
        _loops.append(asyncio.new_event_loop())
    return _loops[0]


def routers_in(module: ModuleType) -> list[ActionRouter]:
    """The module-level `ActionRouter`s of `module`, each once."""
    found: dict[int, ActionRouter] = {}
    for value in vars(module).values():
        if isinstance(value, ActionRouter):
            found.setdefault(id(value), value)
    return list(found.values())


def handle(req: dict[str, Any], say: Say) -> None:
    refresh()
    kind = req["t"]
    if kind == "warm":
        _routers(None)
    elif kind == "render":
        say({"t": "result", **_render(Path(req["file"]), req["name"], req.get("data")).to_dict()})
    elif kind == "schema":
        say({"t": "result", "schema": _schema(Path(req["file"]), req["name"])})
    elif kind == "action":
        _action(req, say)
    elif kind == "export":
        _export(req["spec"], say)
    else:
        say(
            {"t": "error", "error": Failure("ProtocolError", f"unknown request {kind!r}").to_dict()}
        )


def done_extra() -> dict[str, Any]:
    return {"types": _types}


def refresh() -> None:
    """Forget the user modules whose file changed (or went) since it was compiled, and the
    modules importing them; the next call imports them fresh from source."""
    changed = loader.changed_since_compiled()
    if changed:
        loader.drop(changed)
        for file in [f for f, m in _modules.items() if _gone(m)]:
            del _modules[file]


def _gone(module: ModuleType) -> bool:
    return sys.modules.get(module.__name__) is not module


def _module(file: Path) -> ModuleType:
    """The module of `file`, imported once and kept until its source (or a dependency) changes.
    A file that failed to import is tried again only once it changes."""
    module = _modules.get(file)
    if module is not None and not _gone(module):
        return module
    stamp = loader.stamp_of(file)
    failed = _failed.get(file)
    if failed is not None and failed[0] == stamp:
        raise ImportError(failed[1])
    try:
        module = loader.load(file)
    except BaseException as exc:  # user code may raise anything at import, SystemExit included
        _failed[file] = (stamp, f"{type(exc).__name__}: {exc}")
        raise ImportError(_failed[file][1]) from exc
    _failed.pop(file, None)
    _modules[file] = module
    return module


def _files() -> list[Path]:
    now = time.monotonic()
    if now - _walk["at"] >= WALK_EVERY:
        _walk["at"] = now
        _walk["files"] = [f.resolve() for f in discover.files(loader.paths()) if f.suffix == ".py"]
    files: list[Path] = _walk["files"]
    return files


def _routers(near: str | None) -> tuple[list[ActionRouter], dict[str, str]]:
    """Every router under the paths, the sender's own file first (then `__init__.py` last, as a
    merged router there repeats the modules' own), and the files that failed to import."""
    order = sorted(_files(), key=lambda f: (str(f) != near, f.name == "__init__.py", str(f)))
    routers: list[ActionRouter] = []
    errors: dict[str, str] = {}
    for file in order:
        try:
            routers += routers_in(_module(file))
        except ImportError as exc:
            errors[file.name] = str(exc)
    _types[:] = sorted({t for r in routers for t in r.types})
    return routers, errors


def _widget(file: Path, name: str) -> Widget[Any, Any]:
    for w in discover.widgets_in(_module(file)):
        if w.name == name:
            return w
    raise LookupError(f"{file.name} no longer defines the builder {name}")


def _problem(code: str, message: str) -> Diagnostic:
    return Diagnostic("", "error", code, message, "")


def _render(file: Path, name: str, data: Any) -> Rendered:
    try:
        w = _widget(file, name)
    except (ImportError, LookupError) as exc:
        return Rendered(None, [_problem("import-error", str(exc))])
    try:
        return render_widget(w, data, file)
    except BaseException as exc:  # render_widget catches Exception; SystemExit and the like too
        return Rendered(None, [_problem("builder-error", f"{type(exc).__name__}: {exc}")])


def _schema(file: Path, name: str) -> dict[str, Any]:
    try:
        return widget_schema(_widget(file, name))
    except (ImportError, LookupError) as exc:
        return {"type": "object", "description": f"No schema: {exc}"}


def _export(spec: str, say: Say) -> None:
    """`widgetkit export`'s work: import the builder, export it, and answer the document."""
    from widgetkit.export import ExportError, export_widget, load_builder

    say({"t": "begin"})
    try:
        say({"t": "result", "doc": export_widget(load_builder(spec))})
    except (ExportError, WidgetError, ImportError) as exc:
        say({"t": "error", "error": Failure(type(exc).__name__, str(exc)).to_dict()})
    except BaseException as exc:  # the builder is user code
        say({"t": "error", "error": _cause(exc)})


def _action(req: dict[str, Any], say: Say) -> None:
    action_type: str = req["type"]
    routers, errors = _routers(req.get("near"))
    say({"t": "begin"})  # imports are done: the handler's own time limit starts now
    router = next((r for r in routers if action_type in r), None)
    if router is None:
        message = NO_HANDLER.format(action_type)
        if errors:  # the handler may be in a file that does not import
            message += " Handlers failed to load from " + "; ".join(
                f"{f}: {e}" for f, e in errors.items()
            )
            message += "."
        say({"t": "outcome", "kind": "unhandled", "type": action_type, "message": message})
        return
    ctx = ActionContext(**req["ctx"])
    try:
        outcome = _loop().run_until_complete(router.dispatch(action_type, req.get("payload"), ctx))
        say(_outcome_json(outcome))
    except PayloadError as exc:
        say({"t": "error", "error": _cause(exc), "payload": True})
        return
    except BaseException as exc:  # the handler is user code
        say({"t": "error", "error": _cause(exc), "payload": False})
        return
    if outcome.states is not None:
        _stream(outcome, say)


def _stream(outcome: Outcome, say: Say) -> None:
    """Each state goes out as soon as the handler yields it, so the page sees the steps."""
    assert outcome.states is not None
    states = outcome.states
    try:
        while True:
            try:
                state = _loop().run_until_complete(anext(states))
            except StopAsyncIteration:
                break
            say({"t": "state", **_widget_json(state)})
    except ActionFailed as exc:
        say({"t": "end", "failed": exc.message})
        return
    except BaseException as exc:  # the handler is user code
        say({"t": "error", "error": _cause(exc), "payload": False})
        return
    say({"t": "end", "failed": None})


def _widget_json(node: Node) -> dict[str, Any]:
    """A handler's widget and its diagnostics (warnings: it has no errors), checked once: by
    the builder call that made its root (`check_whole` finds that remembered)."""
    widget = check_whole(node)
    return {"widget": widget, "diagnostics": [d.to_dict() for d in diagnose(widget)]}


def _outcome_json(outcome: Outcome) -> dict[str, Any]:
    widget = _widget_json(outcome.widget) if isinstance(outcome.widget, Node) else {}
    notice = outcome.notice
    return {
        "t": "outcome",
        "kind": outcome.kind,
        "type": outcome.type,
        "widget": None,
        **widget,
        "notice": {"text": notice.text, "level": notice.level} if notice else None,
        "message": outcome.message,
    }


def _cause(exc: BaseException) -> dict[str, Any]:
    """An exception as the action log shows it: type, message, the user's frames."""
    return loader.error_of(exc).to_dict()

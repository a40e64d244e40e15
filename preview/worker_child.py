"""The worker process of `worker.Builder`: imports user modules fresh from source, builds and
validates their widgets, and answers as JSON lines. Run as `python -m widgetkit.preview.worker_child
ROOT...`; it reads one request a line on stdin (see `serve`).

It imports widgetkit's builders, validator and templates once (that is what makes it warm) and
never chatkit.server, whose import takes seconds.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import traceback
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic_core import to_jsonable_python

from widgetkit import discover
from widgetkit.diagnostics import WidgetError
from widgetkit.validate import validate


class _FreshLoader(importlib.machinery.SourceFileLoader):
    """Compiles user modules from their source text on every import: bytecode cached by mtime and
    size is stale when a file is rewritten twice within a second at the same size. It also notes
    which modules each one imports, so a change rebuilds exactly the widgets that depend on it."""

    def get_code(self, fullname: str) -> Any:
        # Stat before reading: a save landing in between then shows as a change next time.
        st = os.stat(self.path)
        _STAMPS[self.path] = (st.st_mtime_ns, st.st_size)
        tree = ast.parse(self.get_data(self.path), self.path)
        _IMPORTS[fullname] = _imported_names(tree, fullname, self.is_package(fullname))
        return compile(tree, self.path, "exec", dont_inherit=True)


class _FreshFinder(importlib.abc.MetaPathFinder):
    """Put first on sys.meta_path: lets the usual finders find a module, then loads the ones under
    the watched folders with `_FreshLoader`."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec: ModuleSpec | None = finder.find_spec(name, path, target)
                if spec is not None:
                    break
        else:
            return None
        if isinstance(spec.loader, importlib.machinery.SourceFileLoader) and _ours(spec.origin):
            spec.loader = _FreshLoader(name, str(spec.origin))
        return spec


# module -> what its import statements name: (module, None), or (package, name) for
# `from package import name`, which is an edge to the submodule when `name` is one.
_IMPORTS: dict[str, set[tuple[str, str | None]]] = {}
_ROOTS: list[Path] = []
_PATHS: list[Path] = []  # the paths as given: a named file is not its whole folder
# file -> (mtime_ns, size) when its source was compiled: the calls worker gets no build requests,
# so it finds its stale modules by these (worker_calls.refresh).
_STAMPS: dict[str, tuple[int, int]] = {}


def _ours(file: str | None) -> bool:
    return bool(file) and any(Path(str(file)).resolve().is_relative_to(r) for r in _ROOTS)


def _imported_names(tree: ast.AST, fullname: str, is_package: bool) -> set[tuple[str, str | None]]:
    # Parent packages are not edges: `from ._common import x` runs the package's __init__, but a
    # gallery-style __init__ that imports every module would make each module depend on all.
    package = fullname if is_package else fullname.rpartition(".")[0]
    names: set[tuple[str, str | None]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.name, None) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            try:
                base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            except (ImportError, ValueError):
                continue
            names.update((base, None if a.name == "*" else a.name) for a in node.names)
    return names


def _edges(name: str) -> set[str]:
    """The loaded user modules `name` imports directly."""
    out = set()
    for base, sub in _IMPORTS.get(name, set()):
        target = f"{base}.{sub}" if sub and _fresh(f"{base}.{sub}") else base
        if target != name and _fresh(target):
            out.add(target)
    return out


def _fresh(name: str) -> bool:
    return isinstance(getattr(sys.modules.get(name), "__loader__", None), _FreshLoader)


def _drop(files: set[str]) -> None:
    """Forget the modules of `files` and, transitively, every user module importing them."""
    drop = {n for n in list(sys.modules) if _fresh(n) and sys.modules[n].__file__ in files}
    grew = True
    while grew:
        more = {n for n in list(sys.modules) if _fresh(n) and _edges(n) & drop}
        grew = bool(more - drop)
        drop |= more
    for name in drop:
        sys.modules.pop(name, None)
    importlib.invalidate_caches()  # directory listings are cached: a new file must be seen


def _deps(name: str) -> list[str]:
    seen: set[str] = set()
    stack = [name]
    while stack:
        for dep in _edges(stack.pop()):
            if dep not in seen and dep != name:
                seen.add(dep)
                stack.append(dep)
    return sorted(str(sys.modules[d].__file__) for d in seen)


def _load(file: Path) -> ModuleType:
    if (file.parent / "__init__.py").exists():
        return discover.load_module(file)  # imported by package name, through _FreshFinder
    name = f"widgetkit_user.{file.stem}_{hashlib.sha1(str(file).encode()).hexdigest()[:8]}"
    if name in sys.modules:
        return sys.modules[name]
    loader = _FreshLoader(name, str(file))
    spec = importlib.util.spec_from_file_location(name, file, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    sys.path.insert(0, str(file.parent))  # so the file's sibling imports work
    try:
        loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    finally:
        sys.path.remove(str(file.parent))
    return module


def _error(exc: BaseException, label: str = "") -> dict[str, Any]:
    """An exception as the overlay shows it: where in the user's files, and only their frames."""
    frames = [
        {"file": f.filename, "line": f.lineno, "name": f.name, "code": (f.line or "").strip()}
        for f in traceback.extract_tb(exc.__traceback__)
        if _ours(f.filename)
    ]
    if isinstance(exc, SyntaxError) and exc.filename:
        code = (exc.text or "").rstrip("\n")
        frames.append({"file": exc.filename, "line": exc.lineno, "name": "<module>",
                       "code": code.strip(), "column": exc.offset})  # fmt: skip
    last = frames[-1] if frames else {"file": "", "line": 0}
    message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    return {"type": type(exc).__name__, "message": message, "file": last["file"],
            "line": last["line"], "label": label, "traceback": frames}  # fmt: skip


def _diag(code: str, message: str) -> dict[str, str]:
    return {"path": "", "severity": "error", "code": code, "message": message, "hint": ""}


def _build_module(file: Path, skip: set[str], say: Any) -> dict[str, Any]:
    say({"t": "begin", "file": str(file), "label": "", "line": 0})
    out: dict[str, Any] = {"file": str(file), "kind": "builder", "error": None, "deps": [],
                           "widgets": []}  # fmt: skip
    try:
        module = _load(file)
    except BaseException as exc:  # user code may raise anything, SystemExit included
        out["error"] = _error(exc)
        return out
    out["deps"] = _deps(module.__name__)
    for w in discover.widgets_in(module):
        line = w.source[1]
        states = []
        for state in w.samples or {"default": {}}:
            label = f"{w.name}[{state}]"
            if label in skip:
                continue
            say({"t": "begin", "file": str(file), "label": label, "line": line})
            data = to_jsonable_python(w.samples.get(state, {}), fallback=str)
            payload, diags, error = None, [], None
            try:
                payload = w.build(state if w.samples else None).to_dict()
                diags = [d.to_dict() for d in validate(payload)]
            except WidgetError as exc:
                diags = [d.to_dict() for d in exc.diagnostics]
            except BaseException as exc:
                error = _error(exc, label)
                diags = [_diag("builder-error", f"{error['type']}: {error['message']}")]
            states.append({"name": state, "data": data, "payload": payload,
                           "diagnostics": diags, "line": error["line"] if error else line,
                           "error": error})  # fmt: skip
        out["widgets"].append({"name": w.name, "title": w.title, "doc": w.doc, "line": line,
                               "states": states})  # fmt: skip
    return out


def _build_payload(file: Path, explicit: bool, say: Any) -> dict[str, Any]:
    say({"t": "begin", "file": str(file), "label": "", "line": 0})
    out: dict[str, Any] = {"file": str(file), "kind": "payload", "error": None, "deps": [],
                           "widgets": []}  # fmt: skip
    if file.suffix == ".json":
        try:
            payload = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            out["error"] = {**_error(exc), "file": str(file), "line": getattr(exc, "lineno", 0)}
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
            diags += [d.to_dict() for d in validate(found.payload)]
        states.append({"name": name, "data": None, "payload": found.payload,
                       "diagnostics": diags, "line": found.line, "error": None})  # fmt: skip
    title = file.stem.replace("_", " ").capitalize()
    out["widgets"] = [{"name": file.name, "title": title, "doc": "", "line": 0, "states": states}]
    return out


def serve(roots: list[Path]) -> None:
    """The worker's loop: one JSON request a line on stdin, answers as JSON lines."""
    # The protocol keeps private copies of stdin and stdout; user code's print() goes to stderr
    # and its input() reads /dev/null, so neither can corrupt the pipe.
    proto_in = os.fdopen(os.dup(0), "rb")
    proto_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    _PATHS[:] = [p.resolve() for p in roots]
    _ROOTS[:] = [r if r.is_dir() else r.parent for r in _PATHS]
    sys.meta_path.insert(0, _FreshFinder())

    def say(msg: dict[str, Any]) -> None:
        try:
            proto_out.write(json.dumps(msg, default=str) + "\n")
            proto_out.flush()
        except BrokenPipeError:  # the server has gone (shut down, or replaced this worker)
            os._exit(0)

    from . import worker_calls  # the interactive calls: render, schema, action, warm

    say({"t": "ready"})
    for line in proto_in:
        req = json.loads(line)
        if req.get("t", "build") != "build":
            worker_calls.handle(req, say)
            say({"t": "done", **worker_calls.done_extra()})
            continue
        files = [Path(f) for f in req["files"]]
        explicit = set(req["explicit"])
        _drop(set(req["changed"]) | {str(f) for f in files})
        for file in files:
            skip = set(req["skip"].get(str(file), ()))
            if file.suffix == ".py":
                say({"t": "file", **_build_module(file, skip, say)})
            else:
                say({"t": "file", **_build_payload(file, str(file) in explicit, say)})
        say({"t": "done"})


if __name__ == "__main__":
    # Run the module under its package name, so worker_calls shares its globals (_ROOTS, ...)
    # rather than a second copy of this file imported beside __main__.
    importlib.import_module("widgetkit.preview.worker_child").serve([Path(p) for p in sys.argv[1:]])

"""The sandbox's one way to import user modules: fresh from source, with their imports noted.

Runs only in a worker process (`child.py`). Bytecode cached by mtime and size is stale when a file
is rewritten twice within a second at the same size, so user modules are compiled from their
source text on every import; each module's import statements are noted, so a change forgets
exactly the modules that depend on it (`drop`) and a build says which files it read (`deps`).
"""

from __future__ import annotations

import ast
import dis
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import traceback
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from widgetkit import discover

from .failure import Failure, Frame

__all__ = [
    "changed_since_compiled",
    "deps",
    "drop",
    "error_of",
    "install",
    "load",
    "ours",
    "paths",
    "stamp_of",
]

# module -> what its import statements name: (module, None), or (package, name) for
# `from package import name`, which is an edge to the submodule when `name` is one.
_imports: dict[str, set[tuple[str, str | None]]] = {}
_roots: list[Path] = []
_paths: list[Path] = []  # the paths as given: a named file is not its whole folder
# file -> (mtime_ns, size) when its source was compiled: a worker that gets no build requests
# finds its stale modules by these (`changed_since_compiled`).
_stamps: dict[str, tuple[int, int]] = {}


class FreshLoader(importlib.machinery.SourceFileLoader):
    """Compiles a user module from its source text and notes what it imports."""

    def get_code(self, fullname: str) -> Any:
        # Stat before reading: a save landing in between then shows as a change next time.
        st = os.stat(self.path)
        _stamps[self.path] = (st.st_mtime_ns, st.st_size)
        source = self.get_data(self.path)
        code = compile(source, self.path, "exec", dont_inherit=True)
        # Parent packages are not edges: `from ._common import x` runs the package's __init__,
        # but a gallery-style __init__ that imports every module would make each depend on all.
        package = fullname if self.is_package(fullname) else fullname.rpartition(".")[0]
        found = _compiled_imports(code, package)
        _imports[fullname] = found if found is not None else _imported_names(source, package)
        return code


class FreshFinder(importlib.abc.MetaPathFinder):
    """Put first on sys.meta_path: lets the usual finders find a module, then loads the ones under
    the watched folders with `FreshLoader`."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec: ModuleSpec | None = finder.find_spec(name, path, target)
                if spec is not None:
                    break
        else:
            return None
        if isinstance(spec.loader, importlib.machinery.SourceFileLoader) and ours(spec.origin):
            spec.loader = FreshLoader(name, str(spec.origin))
        return spec


def install(given: list[Path]) -> None:
    """Load the modules under `given` (files or folders) fresh from source from now on."""
    _paths[:] = [p.resolve() for p in given]
    _roots[:] = [r if r.is_dir() else r.parent for r in _paths]
    sys.meta_path.insert(0, FreshFinder())


def paths() -> list[Path]:
    return list(_paths)


def ours(file: str | None) -> bool:
    return bool(file) and any(Path(str(file)).resolve().is_relative_to(r) for r in _roots)


def _imported_names(source: bytes, package: str) -> set[tuple[str, str | None]]:
    """What the import statements of `source` name, read from its syntax tree."""
    names: set[tuple[str, str | None]] = set()
    for node in _statements([ast.parse(source)]):
        if isinstance(node, ast.Import):
            names.update((a.name, None) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            found = _resolved(node.module or "", node.level, package)
            if found is not None:
                names.update((found, None if a.name == "*" else a.name) for a in node.names)
    return names


def _statements(nodes: list[Any]) -> Iterator[ast.AST]:
    """Every statement in `nodes` and in their blocks (a function's, an `if`'s, a `try`'s
    handlers…): an import is a statement, so the expressions, most of a tree, are not walked."""
    for node in nodes:
        yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, block, None)
            if isinstance(inner, list):
                yield from _statements(inner)


_IMPORT_NAME = dis.opmap["IMPORT_NAME"]
_EXTENDED_ARG = dis.opmap["EXTENDED_ARG"]
_LOAD_CONST = dis.opmap["LOAD_CONST"]
_LOAD_SMALL_INT = dis.opmap.get("LOAD_SMALL_INT")  # Python 3.14 loads the level with it


def _compiled_imports(code: CodeType, package: str) -> set[tuple[str, str | None]] | None:
    """What the import statements compiled into `code` (and the functions and classes in it)
    name, as `_imported_names` reads them from the tree (less what the compiler drops as dead,
    `if False:`); None when the bytecode is not laid out as expected (another Python), and the
    tree is read instead.

    Every import statement compiles to the level and the from-list, each loaded just before
    `IMPORT_NAME` names the module. Reading them here spares building the module's syntax tree in
    Python objects, which cost twice the compile itself: at thousands of modules that was the
    biggest part of the preview's first listing.
    """
    if sys.version_info >= (3, 15):  # lazy imports may mark IMPORT_NAME: not read until checked
        return None
    names: set[tuple[str, str | None]] = set()
    ops = code.co_code
    at = ops.find(_IMPORT_NAME)
    while at != -1:
        if at % 2 == 0:  # an opcode, not an argument that happens to hold the same byte
            if at < 4 or ops[at - 2] == _EXTENDED_ARG or ops[at + 1] >= len(code.co_names):
                return None
            level, fromlist = _constant(code, ops, at - 4), _constant(code, ops, at - 2)
            if not isinstance(level, int) or not (fromlist is None or isinstance(fromlist, tuple)):
                return None
            base = _resolved(code.co_names[ops[at + 1]], level, package)
            if base is not None:
                if fromlist is None:
                    names.add((base, None))
                names.update((base, None if n == "*" else n) for n in fromlist or ())
        at = ops.find(_IMPORT_NAME, at + 1)
    for inner in code.co_consts:
        if isinstance(inner, CodeType):
            more = _compiled_imports(inner, package)
            if more is None:
                return None
            names |= more
    return names


_UNREAD = object()


def _constant(code: CodeType, ops: bytes, at: int) -> Any:
    """The value the instruction at `at` loads, if it loads a constant; else `_UNREAD` (also
    when an `EXTENDED_ARG` widens its index past a byte, which is not worth reading)."""
    if at >= 2 and ops[at - 2] == _EXTENDED_ARG:
        return _UNREAD
    if ops[at] == _LOAD_CONST:
        return code.co_consts[ops[at + 1]]
    if ops[at] == _LOAD_SMALL_INT:
        return ops[at + 1]
    return _UNREAD


def _resolved(module: str, level: int, package: str) -> str | None:
    """The absolute name of `from <level dots><module> import …` in `package`; None where
    Python itself would fail it (beyond the top package)."""
    try:
        return importlib.util.resolve_name("." * level + module, package)
    except (ImportError, ValueError):
        return None


def _edges(name: str) -> set[str]:
    """The loaded user modules `name` imports directly."""
    out = set()
    for base, sub in _imports.get(name, set()):
        target = f"{base}.{sub}" if sub and _fresh(f"{base}.{sub}") else base
        if target != name and _fresh(target):
            out.add(target)
    return out


def _fresh(name: str) -> bool:
    return isinstance(getattr(sys.modules.get(name), "__loader__", None), FreshLoader)


def drop(files: set[str]) -> None:
    """Forget the modules of `files` and, transitively, every user module importing them."""
    gone = {n for n in list(sys.modules) if _fresh(n) and sys.modules[n].__file__ in files}
    grew = True
    while grew:
        more = {n for n in list(sys.modules) if _fresh(n) and _edges(n) & gone}
        grew = bool(more - gone)
        gone |= more
    for name in gone:
        sys.modules.pop(name, None)
    importlib.invalidate_caches()  # directory listings are cached: a new file must be seen


def changed_since_compiled() -> set[str]:
    """The user files whose source changed (or went) since they were compiled; each is reported
    once."""
    changed = set()
    for path, stamp in list(_stamps.items()):
        if stamp_of(Path(path)) != stamp:
            changed.add(path)
            del _stamps[path]
    return changed


def stamp_of(file: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(file)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def deps(name: str) -> list[str]:
    """The user files module `name` imports, transitively."""
    seen: set[str] = set()
    stack = [name]
    while stack:
        for dep in _edges(stack.pop()):
            if dep not in seen and dep != name:
                seen.add(dep)
                stack.append(dep)
    return sorted(str(sys.modules[d].__file__) for d in seen)


def load(file: Path) -> ModuleType:
    """The module of `file`: by its package's name when its folder is a package, else under a
    name of its own (with no dot, so a relative import fails as Python says it does)."""
    if (file.parent / "__init__.py").exists():
        return discover.load_module(file)  # imported by package name, through FreshFinder
    name = f"widgetkit_user_{file.stem}_{hashlib.sha1(str(file).encode()).hexdigest()[:8]}"
    if name in sys.modules:
        return sys.modules[name]
    loader = FreshLoader(name, str(file))
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


def error_of(exc: BaseException, label: str = "") -> Failure:
    """An exception as every answer carries it: where in the user's files, and only their
    frames."""
    frames = [
        Frame(f.filename, f.lineno or 0, f.name, (f.line or "").strip())
        for f in traceback.extract_tb(exc.__traceback__)
        if ours(f.filename)
    ]
    if isinstance(exc, SyntaxError) and exc.filename:
        code = (exc.text or "").rstrip("\n")
        # The column counts in the code as shown, without its indentation (a caret goes there).
        column = (exc.offset or 0) - (len(code) - len(code.lstrip())) or None
        frames.append(Frame(exc.filename, exc.lineno or 0, "<module>", code.strip(), column))
    file, line = (frames[-1].file, frames[-1].line) if frames else ("", 0)
    message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    return Failure(type(exc).__name__, message, file, line, label, tuple(frames))

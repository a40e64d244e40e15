"""Finding widgets on disk: `@widget` builders in `.py` modules, `.json` payloads, `.widget` files.

`widgetkit validate` and the preview both start here. Each widget state found is a `Found`: its
payload, or the diagnostics that explain why there is none.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .diagnostics import Diagnostic, WidgetError
from .widget import Widget

SUFFIXES = (".py", ".json", ".widget")
SKIP_DIRS = {"__pycache__", "node_modules", "__snapshots__", ".git", ".venv", "venv"}


@dataclass
class Found:
    """One widget state found on disk."""

    file: Path
    label: str  # "builder[state]" for builders, "" for a payload file
    payload: dict[str, Any] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.file}:{self.label}" if self.label else str(self.file)


def files(paths: list[Path]) -> Iterator[Path]:
    """Every widget source under `paths`; a named file is taken whatever its suffix."""
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                rel = p.relative_to(path).parts
                if p.suffix in SUFFIXES and p.is_file() and not SKIP_DIRS.intersection(rel):
                    if not any(part.startswith(".") for part in rel):
                        yield p
        else:
            yield path


def find(paths: list[Path]) -> Iterator[Found]:
    for path in files(paths):
        explicit = path in paths
        if path.suffix == ".py":
            yield from _from_module(path)
        elif path.suffix == ".widget":
            from .templates import discover_widget_file

            yield from discover_widget_file(path)
        else:
            yield from _from_json(path, explicit)


def _from_json(path: Path, explicit: bool) -> Iterator[Found]:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Found(path, "", None, [_error("load-error", f"cannot read {path.name}: {exc}")])
        return
    # In a folder walk, JSON that is plainly not a widget (package.json, configs) is not ours.
    if explicit or (isinstance(payload, dict) and "type" in payload):
        yield Found(path, "", payload)


def load_module(path: Path) -> ModuleType:
    """Import a Python file, as its package's module when it sits in a package."""
    path = path.resolve()
    dotted, top = _package_name(path)
    if dotted is not None and top is not None:
        mapped = _installed_name(top)
        if mapped is not None:
            return importlib.import_module(mapped + dotted[len(top.name) :])
        if str(top.parent) not in sys.path:
            sys.path.insert(0, str(top.parent))
        return importlib.import_module(dotted)
    name = f"widgetkit_user.{path.stem}_{abs(hash(str(path))):x}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # so the file's sibling imports work
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def _package_name(path: Path) -> tuple[str | None, Path | None]:
    parts = [] if path.name == "__init__.py" else [path.stem]
    folder = path.parent
    top = None
    while (folder / "__init__.py").exists():
        parts.insert(0, folder.name)
        top = folder
        folder = folder.parent
    return (".".join(parts), top) if top is not None else (None, None)


def _installed_name(top: Path) -> str | None:
    """The import name of a folder that installs under another name (gallery/ is
    widgetkit.gallery)."""
    for name in ("widgetkit.gallery", "widgetkit.preview"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - both ship with widgetkit
            continue
        if any(Path(p).resolve() == top for p in getattr(module, "__path__", ())):
            return name
    return None


def widgets_in(module: ModuleType) -> list[Widget[Any, Any]]:
    seen: dict[int, Widget[Any, Any]] = {}
    for value in vars(module).values():
        if isinstance(value, Widget) and value.__module__ == module.__name__:
            seen.setdefault(id(value), value)
    return sorted(seen.values(), key=lambda w: w.source[1])


def _from_module(path: Path) -> Iterator[Found]:
    try:
        module = load_module(path)
    except Exception as exc:  # a user's module may fail to import in any way
        line, text = _where(exc, path)
        yield Found(path, "", None, [_error("import-error", text)], line)
        return
    for w in widgets_in(module):
        yield from build_states(w, path)


def build_states(w: Widget[Any, Any], path: Path) -> Iterator[Found]:
    line = w.source[1]
    for state in w.samples or {"default": {}}:
        label = f"{w.name}[{state}]"
        try:
            node = w.build(state if w.samples else None)
        except WidgetError as exc:
            at, _ = _where(exc, path)
            inside = f"{label} {exc.where}" if exc.where else label
            yield Found(path, inside, None, exc.diagnostics, at or line)
            continue
        except Exception as exc:  # the builder is user code
            at, text = _where(exc, path)
            yield Found(path, label, None, [_error("builder-error", text)], at or line)
            continue
        yield Found(path, label, node.to_dict(), [], line)


def _where(exc: BaseException, path: Path) -> tuple[int, str]:
    """The line of `path` the exception passed through, and a one-line account of it."""
    line = getattr(exc, "lineno", 0) if isinstance(exc, SyntaxError) else 0
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = frame.lineno or line
    return line, f"{type(exc).__name__}: {exc}"


def _error(code: str, message: str) -> Diagnostic:
    return Diagnostic("", "error", code, message, "")

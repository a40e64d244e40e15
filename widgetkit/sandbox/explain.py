"""What user code's failures mean, said as the designer would fix them.

Python's own messages name the machinery (`hello() missing 1 required positional argument`,
`Input.__init__() got an unexpected keyword argument 'label'`, `No module named
'widgetkit_user'`); these functions turn the common ones into the diagnostics a widget's author
acts on. They run in the worker, on the exception as raised.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from widgetkit.catalog import COMPONENTS
from widgetkit.diagnostics import Diagnostic, pointer, show
from widgetkit.diagnostics import Path as Pointer
from widgetkit.validate import validate
from widgetkit.widget import Widget

__all__ = ["builder_error", "file_problem", "import_error", "not_finite"]

_UNEXPECTED = re.compile(r"^(\w+)\.__init__\(\) got an unexpected keyword argument '(\w+)'$")
_NAMES = frozenset(c.name for c in COMPONENTS)
_RELATIVE = "attempted relative import with no known parent package"


def file_problem(file: Path, error: dict[str, Any]) -> tuple[int, Diagnostic]:
    """The line and diagnostic of a file that failed as a whole (`FileResult.error`): it did not
    import, or its import was stopped. For `widgetkit validate` and `widgetkit build` alike."""
    line = int(error.get("line") or 0) if Path(str(error.get("file") or file)) == file else 0
    kind = str(error.get("type", "Error"))
    code = {"Timeout": "builder-timeout", "WorkerCrash": "builder-crash"}.get(kind, "import-error")
    if kind in ("Timeout", "WorkerCrash"):
        message = str(error.get("message", ""))
    else:
        message = f"{kind}: {error.get('message', '')}"
    hint = "make the module import sooner" if kind == "Timeout" else ""
    if kind == "SystemExit":
        hint = "a module must not call sys.exit() when imported"
    return line, Diagnostic("", "error", code, message, hint)


def builder_error(
    exc: BaseException, w: Widget[Any, Any], error: dict[str, Any]
) -> list[Diagnostic]:
    """The diagnostics for a builder that raised (`error` is `loader.error_of(exc)`)."""
    if isinstance(exc, TypeError):
        match = _UNEXPECTED.match(str(exc))
        if match and match[1] in _NAMES:
            return [_unknown_prop(match[1], match[2])]
        if not w.samples and "() missing " in str(exc) and _required(w):
            names = ", ".join(_required(w))
            example = ", ".join(f'"{n}": …' for n in _required(w))
            return [
                Diagnostic(
                    "",
                    "error",
                    "builder-error",
                    f"{w.name} needs {names} but has no sample states to call it with",
                    f'add samples={{"default": {{{example}}}}} to @widget',
                )
            ]
    return [Diagnostic("", "error", "builder-error", f"{error['type']}: {error['message']}", "")]


def import_error(exc: BaseException, file: Path) -> dict[str, Any]:
    """The error of a module that failed to import, with a relative import named as such."""
    from .loader import error_of

    error = error_of(exc)
    if isinstance(exc, ImportError) and str(exc) == _RELATIVE:
        error["message"] = (
            f"{file.name} uses a relative import (line {error['line']}) but {file.parent.name}/ "
            "is not a package: add an __init__.py beside it, or import by absolute name"
        )
    return error


def _unknown_prop(component: str, prop: str) -> Diagnostic:
    """The diagnostic widget JSON with this prop gets (the caller knows the line)."""
    for d in validate({"type": component, prop: None}):
        if d.code == "unknown-prop" and d.path == f"/{prop}":
            return Diagnostic("", "error", d.code, d.message, d.hint)
    return Diagnostic("", "error", "unknown-prop", f'{component} has no prop "{prop}"', "")


def _required(w: Widget[Any, Any]) -> list[str]:
    try:
        params = inspect.signature(w.fn).parameters.values()
    except (TypeError, ValueError):  # pragma: no cover - a builder is a plain function
        return []
    empty = inspect.Parameter.empty
    kinds = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return [p.name for p in params if p.default is empty and p.kind not in kinds]


def not_finite(
    value: Any, reported: Iterable[Diagnostic] = (), *, what: str = ""
) -> list[Diagnostic]:
    """An error for each NaN or infinity in `value` that `reported` does not already name.

    JSON cannot carry them, so the server reads them as null (`pool.Worker.receive`); this says
    where they were. The validator names them in number props; an action's payload and a
    builder's sample data (`what="sample data"`, whose pointers are the data's) are not walked
    by it. Each container is looked at once, so a structure that contains itself ends.
    """
    said = {d.path for d in reported}
    found: list[Diagnostic] = []
    seen: set[int] = set()
    todo: list[tuple[Any, Pointer]] = [(value, None)]
    while todo:
        v, path = todo.pop()
        if type(v) is float and not math.isfinite(v):
            at = pointer(path)
            if at not in said:
                where = f"{what} {at}".strip() if what else ""
                message = f"{where + ': ' if where else ''}{show(v)} is not a finite number, and JSON cannot carry it"
                hint = "use a finite number or None (the preview shows it as null)"
                found.append(Diagnostic("" if what else at, "error", "not-finite", message, hint))
        elif type(v) in (dict, list) and id(v) not in seen:
            seen.add(id(v))
            items = v.items() if type(v) is dict else enumerate(v)
            todo += reversed([(x, (path, k)) for k, x in items])  # popped in order
    return found

"""Building one widget with given data (the data editor's), or checking edited widget JSON.

Runs user code: only in the worker (`calls.py`); the server reads the answer as `Rendered`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from widgetkit.diagnostics import Diagnostic, WidgetError
from widgetkit.params import params_model, params_schema, parse_params
from widgetkit.validate import validate
from widgetkit.widget import Widget

from . import explain, loader

__all__ = ["PAYLOAD_SCHEMA", "Rendered", "render_payload", "render_widget", "widget_schema"]


@dataclass
class Rendered:
    """What one build produced: a payload, or diagnostics explaining why there is none."""

    payload: dict[str, Any] | None
    diagnostics: list[Diagnostic]
    data_errors: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.payload is not None and not self.data_errors

    def to_dict(self) -> dict[str, Any]:
        """As JSON, for the worker's answer."""
        return {
            "payload": self.payload,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "data_errors": [d.to_dict() for d in self.data_errors],
        }

    @classmethod
    def from_dict(cls, msg: dict[str, Any]) -> Rendered:
        return cls(
            msg.get("payload"),
            [Diagnostic(**d) for d in msg.get("diagnostics", [])],
            [Diagnostic(**d) for d in msg.get("data_errors", [])],
        )


PAYLOAD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Any widget JSON (a Card, ListView or Basic).",
}


def widget_schema(w: Widget[Any, Any]) -> dict[str, Any]:
    """The JSON Schema of a builder's parameters (what the data editor may send)."""
    try:
        return params_schema(w)
    except Exception as exc:  # an annotation pydantic cannot describe
        return {"type": "object", "description": f"No schema: {type(exc).__name__}: {exc}"}


def render_payload(data: Any) -> Rendered:
    """Check edited widget JSON (a `.json` or `.widget` entry): no user code runs."""
    if not isinstance(data, dict):
        problem = _problem("", "not-an-object", "The widget JSON must be an object.")
        return Rendered(None, [], [problem])
    return Rendered(data, validate(data))


def render_widget(w: Widget[Any, Any], data: Any, file: Path) -> Rendered:
    """Build `w` with `data` checked against its parameters, and validate the result. Runs user
    code: the preview calls it in its worker process (worker_calls.py) when it hot reloads."""
    if not isinstance(data, dict):
        got = type(data).__name__
        problem = _problem("", "not-an-object", f"The data must be a JSON object, not {got}.")
        return Rendered(None, [], [problem])
    try:
        params_model(w)
    except Exception:
        kwargs = data  # annotations pydantic cannot model: pass the JSON through as is
    else:
        parsed = parse_params(w, data)
        if isinstance(parsed, list):
            return Rendered(None, [], parsed)
        kwargs = parsed
    return _build(w, kwargs, file)


def _build(w: Widget[Any, Any], kwargs: dict[str, Any], file: Path) -> Rendered:
    try:
        node = w.fn(**kwargs)
    except WidgetError as exc:
        return Rendered(None, list(exc.diagnostics))
    except Exception as exc:  # the builder is user code
        error = loader.error_of(exc)
        if not error["line"]:  # a file outside the watched paths: name its line all the same
            error["line"] = next((ln for f, ln in _frames(exc) if f == file), 0)
        first, *rest = explain.builder_error(exc, w, error)
        if error["line"]:
            first = replace(first, message=f"{first.message} (line {error['line']})")
        return Rendered(None, [first, *rest])
    payload = node.to_dict()
    found = validate(payload)
    return Rendered(payload, found + explain.not_finite(payload, found))


def _problem(path: str, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, "error", code, message, hint)


def _frames(exc: BaseException) -> list[tuple[Path, int]]:
    import traceback

    return [(Path(f.filename), f.lineno or 0) for f in traceback.extract_tb(exc.__traceback__)]

"""A builder's parameters: one pydantic model, its JSON Schema, and checked arguments.

The preview's data editor and `widgetkit.agents.widget_tool` both ask "what may be passed to this
builder?" and both get their answer here, so a builder's arguments are described once:

```python
schema = params_schema(order_summary)        # JSON Schema of the keyword arguments
kwargs = parse_params(order_summary, {"id": "A-17", "total": 42.0, "paid": False})
# a dict of keyword arguments, or a list of Diagnostics when the data does not fit
```
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, ValidationError, create_model
from pydantic_core import to_jsonable_python

from .diagnostics import Diagnostic

_MODELS: dict[int, tuple[Callable[..., Any], type[BaseModel]]] = {}


def params_model(fn: Callable[..., Any]) -> type[BaseModel]:
    """A pydantic model of the builder's keyword parameters (cached per builder).

    `fn` is a builder function or a `@widget` (whose function is used). Raises whatever pydantic
    raises for an annotation it cannot model.
    """
    cached = _MODELS.get(id(fn))
    if cached is not None and cached[0] is fn:
        return cached[1]
    target = getattr(fn, "fn", fn)
    hints = get_type_hints(target)
    fields: dict[str, Any] = {}
    for name, param in inspect.signature(target).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        default = ... if param.default is param.empty else param.default
        fields[name] = (hints.get(name, Any), default)
    config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    model: type[BaseModel] = create_model(target.__name__, __config__=config, **fields)
    _MODELS[id(fn)] = (fn, model)
    return model


def params_schema(fn: Callable[..., Any]) -> dict[str, Any]:
    """The JSON Schema of the builder's keyword parameters (pydantic's, from its type hints)."""
    schema: dict[str, Any] = params_model(fn).model_json_schema()
    return schema


def parse_params(fn: Callable[..., Any], data: Any) -> dict[str, Any] | list[Diagnostic]:
    """`data` checked against the builder's parameters: keyword arguments ready for the call
    (pydantic models built, defaults filled), or the problems, one Diagnostic each."""
    if not isinstance(data, dict):
        got = type(data).__name__
        return [_problem("", "not-an-object", f"The data must be a JSON object, not {got}.")]
    try:
        parsed = params_model(fn).model_validate(data)
    except ValidationError as exc:
        return data_problems(exc)
    return {name: getattr(parsed, name) for name in type(parsed).model_fields}


def data_problems(exc: ValidationError) -> list[Diagnostic]:
    """pydantic's errors as Diagnostics whose paths point into the data."""
    out = []
    for err in exc.errors(include_url=False):
        pointer = "".join(
            "/" + str(p).replace("~", "~0").replace("/", "~1") for p in err["loc"]
        )  # fmt: skip
        got = json.dumps(to_jsonable_python(err.get("input"), fallback=repr))[:50]
        hint = "remove it" if err["type"] == "extra_forbidden" else f"got {got}"
        message = f"data{pointer}: {err['msg']}"
        out.append(_problem(pointer, f"data-{err['type']}", message, hint))
    return out


def _problem(path: str, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, "error", code, message, hint)

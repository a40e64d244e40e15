"""The strict schema's answers and widget JSON, each turned into the other.

```python
payload = from_structured({"widget": {"type": "Card", "key": None, "children": [...]}})
to_structured(payload)   # {"widget": {...every prop, null when unset...}}
```
A strict answer holds every prop (null when unset), an action payload as JSON text and a map as a
list of `{"key", "value"}` entries (see `widgetkit.llm.schema`); widget JSON holds none of that.
Both walks follow the catalog's types.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..catalog import BY_NAME
from ..catalog.types import Const, ListOf, MapOf, Scalar, Shape, Tagged, Type, Union


def from_structured(obj: Any) -> Any:
    """A strict-mode answer as widget JSON: unwrapped from `{"widget": …}`, nulls dropped, JSON
    text payloads and entry lists turned back into JSON values and maps.

    Anything it does not recognise is passed through as it is, for `validate` to report.
    """
    if isinstance(obj, dict) and list(obj) == ["widget"]:
        obj = obj["widget"]
    return _node_from(obj)


def _node_from(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    comp = BY_NAME.get(kind) if isinstance(kind, str) else None
    out: dict[str, Any] = {}
    for key, value in node.items():
        if value is None:
            continue
        if key == "children":
            out[key] = (
                [_node_from(c) for c in value] if isinstance(value, list) else _node_from(value)
            )
        elif comp is not None and key in comp.by_name:
            out[key] = _value_from(value, comp.by_name[key].type)
        else:
            out[key] = value
    return out


def _value_from(value: Any, t: Type) -> Any:
    match t:
        case Scalar("any") | MapOf(Scalar("any")) if isinstance(value, str):
            return _json_text(value)  # an action payload (a JSON object) comes as JSON text
        case ListOf(item) if isinstance(value, list):
            return [_value_from(v, item) for v in value]
        case MapOf(item) if isinstance(value, list) and all(_is_entry(e) for e in value):
            return {e["key"]: _value_from(e["value"], item) for e in value}
        case Shape() if isinstance(value, dict):
            return {
                k: _value_from(v, t.by_name[k].type) if k in t.by_name else v
                for k, v in value.items()
                if v is not None
            }
        case Tagged(_, key, variants) if isinstance(value, dict):
            shape = _variant(variants, key, value.get(key))
            return _value_from(value, shape) if shape else value
        case Union(options) if isinstance(value, dict | list):
            option = _option_for(value, options)
            return _value_from(value, option) if option else value
    return value


def _variant(variants: tuple[Shape, ...], key: str, tag: Any) -> Shape | None:
    """The variant of a tagged union whose `key` is the constant `tag`."""
    for v in variants:
        t = v.by_name[key].type
        if isinstance(t, Const) and t.value == tag:
            return v
    return None


def _json_text(text: str) -> Any:
    """JSON text as its value; text that is not JSON (or holds NaN/Infinity) stays a string."""

    def finite(number: str) -> float:
        parsed = float(number)
        if not math.isfinite(parsed):
            raise ValueError(number)
        return parsed

    def refuse(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(text, parse_float=finite, parse_constant=refuse)
    except (ValueError, RecursionError):
        return text


def _is_entry(e: Any) -> bool:
    return isinstance(e, dict) and set(e) == {"key", "value"} and isinstance(e["key"], str)


def _option_for(value: dict[str, Any] | list[Any], options: tuple[Type, ...]) -> Type | None:
    """The union member an object or list belongs to: the first shape holding all its keys."""
    for option in options:
        if isinstance(value, list) and isinstance(option, ListOf | MapOf):
            return option
        if (
            isinstance(value, dict)
            and isinstance(option, Shape)
            and value.keys() <= option.by_name.keys()
        ):
            return option
        if isinstance(value, dict) and isinstance(option, Tagged | MapOf):
            return option
    return None


def to_structured(payload: dict[str, Any]) -> dict[str, Any]:
    """Valid widget JSON in the strict form: `{"widget": …}` with every prop present (null when
    unset), payloads as JSON text and maps as entry lists. The inverse of `from_structured`."""
    return {"widget": _node_to(payload)}


def _node_to(node: dict[str, Any]) -> dict[str, Any]:
    comp = BY_NAME[node["type"]]
    out: dict[str, Any] = {"type": comp.name}
    for f in comp.props:
        value = node.get(f.name)
        out[f.name] = None if value is None else _value_to(value, f.type)
    kids = node.get("children")
    if comp.children is not None:
        if isinstance(kids, dict):
            out["children"] = _node_to(kids)
        else:
            out["children"] = None if kids is None else [_node_to(k) for k in kids]
    return out


def _value_to(value: Any, t: Type) -> Any:
    match t:
        case Scalar("any") | MapOf(Scalar("any")):
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        case ListOf(item):
            return [_value_to(v, item) for v in value]
        case MapOf(item):
            return [{"key": k, "value": _value_to(v, item)} for k, v in value.items()]
        case Shape(_, _, fields):
            return {
                f.name: None if value.get(f.name) is None else _value_to(value[f.name], f.type)
                for f in fields
            }
        case Tagged(_, key, variants):
            shape = _variant(variants, key, value[key])
            return _value_to(value, shape) if shape else value
        case Union(options) if isinstance(value, dict | list):
            option = _option_for(value, options)
            return _value_to(value, option) if option else value
    return value

"""Safe fixes for widget JSON a model wrote: only what keeps its meaning, each one recorded.

```python
fixed, changes = repair('```json\\n{"type": "card", "children": []}\\n```')
# fixed == {"type": "Card", "children": []}
# [str(c) for c in changes] == ['/: took the JSON out of a code fence',
#                               '/type: "card" → "Card" (the catalog\\'s spelling)']
```

What it fixes: JSON sent as text or inside a Markdown code fence, a root wrapped in a one-key
object (`{"widget": {...}}`), the case of component, prop and token names, an action (or a
status) given as a bare string, one child given where a list is expected, and empty children on
a leaf. What it cannot fix safely it leaves for `validate` and `feedback`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..catalog import BY_NAME, ROOTS, Component
from ..catalog.types import STR, Const, ListOf, MapOf, Scalar, Shape, Tagged, Tokens, Type, Union
from ..diagnostics import show

_FENCE = re.compile(r"^\s*```[\w-]*\s*\n(.*?)\n?\s*```\s*$", re.DOTALL)
_DEEPEST = 200  # nodes nested deeper than this are left as they are (validate still sees them)
_COMPONENTS = {name.lower(): name for name in BY_NAME}


@dataclass(frozen=True)
class Change:
    """One fix `repair` made: where (an RFC 6901 pointer into the payload) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


def repair(payload: Any) -> tuple[Any, list[Change]]:
    """`payload` with the safe fixes made (a new object; the input is not changed), and what
    was changed. Never raises: anything it does not understand is passed through."""
    changes: list[Change] = []
    root = _unwrap(payload, changes)
    return _Repair(changes).node(root, "", 0), changes


def _unwrap(payload: Any, changes: list[Change]) -> Any:
    for _ in range(3):  # JSON text in a code fence, holding a wrapper, holding …
        if isinstance(payload, str):
            text, fenced = payload, _FENCE.match(payload)
            if fenced:
                text = fenced.group(1)
            try:
                parsed = json.loads(text)
            except (ValueError, RecursionError):
                return payload
            changes.append(
                Change("", "took the JSON out of a code fence" if fenced else "parsed JSON text")
            )
            payload = parsed
        elif isinstance(payload, dict) and "type" not in payload and len(payload) == 1:
            ((key, inner),) = payload.items()
            if not (isinstance(inner, dict | str) and _looks_like_root(inner)):
                return payload
            if key != "widget" or not isinstance(inner, dict):  # the strict schema's own wrapper
                changes.append(Change("", f"took the widget out of its {show(key)} wrapper"))
            payload = inner
        else:
            return payload
    return payload


def _looks_like_root(value: dict[str, Any] | str) -> bool:
    if isinstance(value, str):
        return value.lstrip().startswith(("{", "```"))
    kind = value.get("type")
    return isinstance(kind, str) and _COMPONENTS.get(kind.lower()) in ROOTS


class _Repair:
    def __init__(self, changes: list[Change]) -> None:
        self.changes = changes

    def note(self, path: str, message: str) -> None:
        self.changes.append(Change(path, message))

    def node(self, node: Any, path: str, depth: int) -> Any:
        if not isinstance(node, dict) or depth > _DEEPEST:
            return node
        kind = node.get("type")
        comp = BY_NAME.get(kind) if isinstance(kind, str) else None
        if comp is None and isinstance(kind, str) and kind.lower() in _COMPONENTS:
            comp = BY_NAME[_COMPONENTS[kind.lower()]]
            self.note(f"{path}/type", f"{show(kind)} → {show(comp.name)} (the catalog's spelling)")
        if comp is None:
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "type":
                out[key] = comp.name
            elif key == "children":
                kids = self.children(comp, value, f"{path}/children", depth)
                if kids is not _DROP:
                    out[key] = kids
            else:
                name = self.prop_name(comp, key, node, path)
                field = comp.by_name.get(name)
                where = f"{path}/{_escape(name)}"
                out[name] = value if field is None else self.value(value, field.type, where)
        return out

    def prop_name(self, comp: Component, key: str, node: dict[str, Any], path: str) -> str:
        if key in comp.by_name:
            return key
        same = [f.name for f in comp.props if f.name.lower() == key.lower()]
        if len(same) == 1 and node.get(same[0]) is None:
            self.note(f"{path}/{_escape(key)}", f"{show(key)} → {show(same[0])} (prop name case)")
            return same[0]
        return key

    def children(self, comp: Component, value: Any, path: str, depth: int) -> Any:
        kids = comp.children
        if kids is None:
            if value is None or value == []:
                self.note(path, f"dropped empty children on the {comp.name} leaf")
                return _DROP
            return value
        if isinstance(value, dict) and not kids.single:
            self.note(path, "one child given where a list is expected; put it in a list")
            value = [value]
        if isinstance(value, list):
            return [self.node(k, f"{path}/{i}", depth + 1) for i, k in enumerate(value)]
        return self.node(value, path, depth + 1)

    def value(self, value: Any, t: Type, path: str) -> Any:
        if value is None:
            return value
        match t:
            case Tokens(name, values) if isinstance(value, str) and value not in values:
                same = [v for v in values if v.lower() == value.strip().lower()]
                if same:
                    self.note(path, f"{show(value)} → {show(same[0])} (a {name} token)")
                    return same[0]
            case Shape() if isinstance(value, str) and _wraps_text(t):
                (key,) = [f.name for f in t.fields if f.required]
                self.note(
                    path,
                    f"{show(value)} → {{{show(key)}: …}}: a bare string is the {t.name}'s {key}",
                )
                return {key: value}
            case Shape() if isinstance(value, dict):
                return {
                    k: self.value(v, t.by_name[k].type, f"{path}/{_escape(k)}")
                    if k in t.by_name
                    else v
                    for k, v in value.items()
                }
            case ListOf(item) if isinstance(value, list):
                return [self.value(v, item, f"{path}/{i}") for i, v in enumerate(value)]
            case Union(options) if isinstance(value, str):
                if not any(_takes_str(o) for o in options):
                    shape = next(
                        (o for o in options if isinstance(o, Shape) and _wraps_text(o)), None
                    )
                    if shape is not None:
                        return self.value(value, shape, path)
            case Union(options) if isinstance(value, dict):
                shape = next(
                    (
                        o
                        for o in options
                        if isinstance(o, Shape) and value.keys() <= o.by_name.keys()
                    ),
                    None,
                )
                if shape is not None:
                    return self.value(value, shape, path)
        return value


_DROP = object()


def _wraps_text(shape: Shape) -> bool:
    """A shape with exactly one required field, a string (ActionConfig's `type`, a status's
    `text`): a bare string can only mean that field."""
    required = [f for f in shape.fields if f.required]
    return len(required) == 1 and required[0].type == STR


def _takes_str(t: Type) -> bool:
    match t:
        case Scalar(kind):
            return kind in ("str", "any")
        case Const(value):
            return isinstance(value, str)
        case Union(options):
            return any(_takes_str(o) for o in options)
        case Shape() | ListOf() | MapOf() | Tagged():
            return False
    return True  # tokens, colours, dates, icons, patterns


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")

"""Safe fixes for widget JSON a model wrote: only what keeps its meaning, each one recorded.

```python
fixed, changes = repair('```json\\n{"type": "card", "children": []}\\n```')
# fixed == {"type": "Card", "children": []}
# [str(c) for c in changes] == ['/: took the JSON out of a code fence',
#                               '/type: "card" → "Card" (ChatKit\'s spelling)']
```

What it fixes: JSON sent as text or inside a Markdown code fence, a root wrapped in a one-key
object (`{"widget": {...}}`), the catalog's synonyms for components, props and tokens (another
case or spelling, `Heading` → `Title`, `fontWeight` → `weight`, `medium` → `md`: see
`widgetkit.catalog.aliases`), an action (or a status) given as a bare string, one child given
where a list is expected, and empty children on a leaf. The catalog's guesses (`6xl` → `5xl`,
`top` → `start`, `Link` → `Button`) and what it cannot fix safely it leaves for `validate` and
`feedback`, whose hints offer them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..catalog import BY_NAME, ROOTS, Component
from ..catalog.aliases import component_alias, prop_alias, token_alias
from ..catalog.types import STR, Const, ListOf, MapOf, Scalar, Shape, Tagged, Tokens, Type, Union
from ..diagnostics import show

_FENCE = re.compile(r"^\s*```[\w-]*\s*\n(.*?)\n?\s*```\s*$", re.DOTALL)
_DEEPEST = 200  # nodes nested deeper than this are left as they are (validate still sees them)


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
    """JSON text in a code fence, holding a wrapper, holding …: the widget inside, if there is
    one. Text is parsed whatever it holds (it is the same JSON); a wrapper is taken off only
    when a widget root is inside it, so nothing else is lost."""
    chain: list[_Step] = []
    value = payload
    while (step := _step_in(value)) is not None:  # each step is smaller: it ends
        chain.append(step)
        value = step.value
    if not _is_root(value):
        chain = chain[: next((i for i, s in enumerate(chain) if s.wrapper), len(chain))]
    changes.extend(Change("", s.note) for s in chain if s.note)
    return chain[-1].value if chain else payload


@dataclass(frozen=True)
class _Step:
    value: Any  # what the step gives
    note: str  # the change to record ("" for none)
    wrapper: bool = False


def _step_in(value: Any) -> _Step | None:
    if isinstance(value, str):
        fenced = _FENCE.match(value)
        try:
            parsed = json.loads(fenced.group(1) if fenced else value)
        except (ValueError, RecursionError):
            return None
        if not isinstance(parsed, dict | list | str):
            return None  # "3" is no widget as text or as a number
        return _Step(parsed, "took the JSON out of a code fence" if fenced else "parsed JSON text")
    if isinstance(value, dict) and "type" not in value and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(inner, dict | str):
            if key == "widget" and isinstance(inner, dict):
                return _Step(inner, "", wrapper=True)  # the strict schema's own: no fix
            return _Step(inner, f"took the widget out of its {show(key)} wrapper", wrapper=True)
    return None


def _is_root(value: Any) -> bool:
    kind = value.get("type") if isinstance(value, dict) else None
    return isinstance(kind, str) and (kind in ROOTS or component_alias(kind, safe=True) in ROOTS)


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
        if comp is None and isinstance(kind, str):
            real = component_alias(kind, safe=True)
            if real is None:
                return node
            comp = BY_NAME[real]
            self.note(f"{path}/type", f"{show(kind)} → {show(real)} {_why(kind, real)}")
        if comp is None:
            return node
        names = self.prop_names(comp, node, path)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "type":
                out[key] = comp.name
            elif key == "children":
                kids = self.children(comp, value, f"{path}/children", depth)
                if kids is not _DROP:
                    out[key] = kids
            else:
                name = names[key] if key in names else key
                field = comp.by_name.get(name)
                where = f"{path}/{_escape(name)}"
                out[name] = value if field is None else self.value(value, field.type, where)
        return out

    def prop_names(self, comp: Component, node: dict[str, Any], path: str) -> dict[str, str]:
        """The keys of `node` to rename to the catalog's synonym: only where the prop is not
        there already and no other key means it too (which one would win?)."""
        wanted = {
            key: real
            for key in node
            if isinstance(key, str) and key not in ("type", "children")
            for real in [prop_alias(comp.name, key, safe=True)]
            if real is not None and real not in node
        }
        targets = list(wanted.values())
        renames = {k: v for k, v in wanted.items() if targets.count(v) == 1}
        for key, real in renames.items():
            self.note(f"{path}/{_escape(key)}", f"{show(key)} → {show(real)} {_why(key, real)}")
        return renames

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
            case Tokens(name) if isinstance(value, str):
                real = token_alias(t, value, safe=True)
                if real is not None:
                    self.note(path, f"{show(value)} → {show(real)} (a {name} token)")
                    return real
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
                tokens = [o for o in options if isinstance(o, Tokens)]
                others = [o for o in options if not isinstance(o, Tokens)]
                if tokens and not any(_takes_str(o) for o in others):
                    for o in tokens:  # `"AUTO"` for ListView's `limit`, an int or "auto"
                        fixed = self.value(value, o, path)
                        if fixed is not value:
                            return fixed
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


def _why(word: str, real: str) -> str:
    same = word.replace("_", "").replace("-", "").lower() == real.replace(".", "").lower()
    return "(ChatKit's spelling)" if same else "(ChatKit's name for it)"


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")

"""Whole widget trees from a model: a JSON Schema in OpenAI Structured Outputs' strict subset.

```python
from widgetkit.llm import from_structured, widget_schema

schema = widget_schema()                      # pass as a json_schema response format, strict
payload = from_structured(json.loads(answer)) # the wire JSON validate() and ChatKit take
```

Strict mode (https://developers.openai.com/api/docs/guides/structured-outputs#supported-schemas)
shapes the schema: the root is an object, not `anyOf`, so the tree sits under `"widget"`; every
key is required and an optional prop is nullable; every object says `additionalProperties:
false`, so what JSON Schema would write as an open object takes another form here:

- an action `payload` (any JSON) is JSON text, e.g. `"{\\"id\\": \\"A-17\\"}"`;
- a map (a chart row, axis labels) is a list of `{"key": …, "value": …}` entries.

`widgetkit.llm.structured.from_structured` undoes both and drops the nulls. Everything comes from
the catalog.

By default children refer back to the component definitions (the docs: "Recursive schemas are
supported"), which keeps the schema small. `max_depth=N` unrolls the tree to N levels of
components instead, for a bounded tree or a consumer that cannot follow recursion; up to
`MAX_DEPTH` (7) it stays within the documented 10 levels of object nesting even counted through
every reference: the `widget` wrapper, 7 levels of components and 2 of props (a Card's `confirm`
holds a CardAction holding an ActionConfig).

What needs the whole tree (unique ids, unique field names in a form, a Label naming a field, a
form's submit action) a schema cannot say; `validate` reports it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, ROOTS, Component
from ..catalog import shapes as s
from ..catalog.components import ChildGroup
from ..catalog.types import (
    ColorStr,
    Const,
    Field,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)
from ..diagnostics import nearest
from ..schema import ISO_DATE

Schema = dict[str, Any]

MAX_DEPTH = 7  # the deepest unrolled tree within 10 levels of object nesting (see above)
NULL: Schema = {"type": "null"}
_SCALARS = {"str": "string", "bool": "boolean", "int": "integer", "number": "number"}
_GROUP_NAMES: dict[ChildGroup, str] = {
    "component": "Component",
    "component-or-root": "ComponentOrRoot",
    "ListViewItem": "ListViewItem",
    "Table.Row": "TableRow",
    "Table.Cell": "TableCell",
}
_JSON_TEXT = 'JSON text of the value (any JSON), e.g. {"id": "A-17"}'


def widget_schema(
    *,
    strict: bool = True,
    components: Iterable[str] | None = None,
    max_depth: int | None = None,
) -> Schema:
    """A JSON Schema of widget trees `{"widget": <root>}` for a model to fill in.

    `components` limits the tree to those catalog components (at least one root among them);
    `max_depth` unrolls the tree to that many levels of components instead of recursing. `strict=False` keeps the same
    shape but lets optional props be left out, for modes that do not need every key.
    """
    allowed = _allowed(components)
    if max_depth is not None and max_depth < 2:
        raise ValueError(f"max_depth must be at least 2 (a root and its children), not {max_depth}")
    return copy.deepcopy(_schema(strict, allowed, max_depth))  # the cached one stays as it is


def _allowed(components: Iterable[str] | None) -> frozenset[str]:
    if components is None:
        return frozenset(BY_NAME)
    names = frozenset(components)
    for name in sorted(names - BY_NAME.keys()):
        close = nearest(name, BY_NAME)
        hint = f' (did you mean "{close}"?)' if close else ""
        raise ValueError(f"{name!r} is not a catalog component{hint}")
    if not names & ROOTS:
        raise ValueError("components must include a root: " + ", ".join(sorted(ROOTS)))
    return names


@cache
def _schema(strict: bool, allowed: frozenset[str], max_depth: int | None) -> Schema:
    return _Writer(strict, allowed, max_depth).document()


class _Writer:
    def __init__(self, strict: bool, allowed: frozenset[str], max_depth: int | None) -> None:
        self.strict = strict
        self.defs: dict[str, Schema] = {}
        self.described: set[str] = set()
        self.max_depth = max_depth
        # offered[k]: the components a tree may hold at level k (1 is the root); a container is
        # offered only where something it may hold is offered one level down. A recursive
        # schema has one level, which holds itself.
        self.offered: dict[int, list[str]] = {}
        below: set[str] = set()
        for level in range(max_depth or 1, 0, -1):
            while True:
                here = [
                    c.name
                    for c in COMPONENTS
                    if c.name in allowed and (c.children is None or _kids(c) & below)
                ]
                if max_depth is not None or set(here) == below:
                    break
                below = set(here)
            self.offered[level] = here
            below = set(here)

    def name(self, name: str, level: int) -> str:
        return name if self.max_depth is None else f"{name}_{level}"

    def below(self, level: int) -> int:
        return level if self.max_depth is None else level + 1

    def document(self) -> Schema:
        roots = [n for n in self.offered[1] if n in ROOTS]
        if not roots:
            raise ValueError("no widget root can be made of " + ", ".join(sorted(self.offered[1])))
        return {
            "type": "object",
            "description": "A ChatKit widget.",
            "properties": {"widget": {"anyOf": [self.component(n, 1) for n in roots]}},
            "required": ["widget"],
            "additionalProperties": False,
            "$defs": self.defs,
        }

    def component(self, name: str, level: int) -> Schema:
        key = self.name(name, level)
        if key not in self.defs:
            self.defs[key] = {}  # reserved first: the order of $defs follows the tree
            comp = BY_NAME[name]
            props: Schema = {"type": {"type": "string", "const": name}}
            # Each prop is described once, where its component first appears: the copies one
            # level down would only repeat it.
            described = name not in self.described
            self.described.add(name)
            for f in comp.props:
                props[f.name] = self.field(f, described)
            required = ["type", *comp.required]
            kids = comp.children
            if kids is not None:
                one = self.children(kids.group, self.below(level))
                listed = one if kids.single else {"type": "array", "items": one}
                props["children"] = listed if kids.required else _nullable(listed)
                if kids.required:
                    required.append("children")
            self.defs[key] = self.obj(props, required, comp.doc)
        return {"$ref": f"#/$defs/{key}"}

    def children(self, group: ChildGroup, level: int) -> Schema:
        """What a container at `level - 1` holds: one component def, or a def naming several."""
        offered = [n for n in self.offered[level] if n in ALLOWED_CHILDREN[group]]
        if len(offered) == 1:
            return self.component(offered[0], level)
        key = self.name(_GROUP_NAMES[group], level)
        if key not in self.defs:
            self.defs[key] = {"anyOf": [self.component(n, level) for n in offered]}
        return {"$ref": f"#/$defs/{key}"}

    def obj(self, props: Schema, required: list[str], doc: str) -> Schema:
        return {
            "type": "object",
            "description": doc,
            "properties": props,
            "required": list(props) if self.strict else required,
            "additionalProperties": False,
        }

    def field(self, f: Field, described: bool = True) -> Schema:
        schema = self.type(f.type)
        if not f.required:
            schema = _nullable(schema)
        return {**schema, "description": f.doc} if described and "$ref" not in schema else schema

    def type(self, t: Type) -> Schema:
        match t:
            case Scalar("any") | MapOf(Scalar("any")):  # an action payload: JSON text
                return {"type": "string", "description": _JSON_TEXT}
            case Scalar(kind):
                return {"type": _SCALARS[kind]}
            case Tokens(name, values):
                return self.named(name, {"type": "string", "enum": list(values)})
            case Const(value):
                return {"type": "boolean" if isinstance(value, bool) else "string", "const": value}
            case ColorStr(name, tokens):
                # Any string: a colour outside the tokens is only a warning in validate.
                tokens_or_css = [{"type": "string", "enum": list(tokens)}, {"type": "string"}]
                return self.named(name, {"anyOf": tokens_or_css})
            case IsoDate():
                return {"type": "string", "pattern": ISO_DATE}
            case IconRef():
                prefixed = "^(" + "|".join(s.ICON_PREFIXES) + ")"
                names = [
                    {"type": "string", "enum": list(s.ICONS)},
                    {"type": "string", "pattern": prefixed},
                ]
                return self.named("IconName", {"anyOf": names})
            case Regex():
                return {"type": "string"}  # an invalid pattern is only a warning in validate
            case Union(options):
                return _any_of([x for o in options for x in _branches(self.type(o))])
            case ListOf(item):
                return {"type": "array", "items": self.type(item)}
            case MapOf(value):
                entry = {"key": {"type": "string"}, "value": self.type(value)}
                return {"type": "array", "items": self.obj(entry, ["key", "value"], "An entry.")}
            case Shape(name, doc, fields):
                if name not in self.defs:
                    self.defs[name] = {}  # reserved first: a shape may refer to itself
                    props = {f.name: self.field(f) for f in fields}
                    self.defs[name] = self.obj(props, [f.name for f in fields if f.required], doc)
                return {"$ref": f"#/$defs/{name}"}
            case Tagged(name, _, variants):
                return self.named(name, {"anyOf": [self.type(v) for v in variants]})
        raise TypeError(f"no schema for {t!r}")  # pragma: no cover - the match is exhaustive

    def named(self, name: str, schema: Schema) -> Schema:
        self.defs.setdefault(name, schema)
        return {"$ref": f"#/$defs/{name}"}


def _kids(comp: Component) -> frozenset[str]:
    return ALLOWED_CHILDREN[comp.children.group] if comp.children else frozenset()


def _branches(schema: Schema) -> list[Schema]:
    return schema["anyOf"] if list(schema) == ["anyOf"] else [schema]


def _any_of(branches: list[Schema]) -> Schema:
    """`anyOf` the branches; bare types merge into one list (`"type": ["number", "null"]`, as
    the strict-mode docs write an optional field), which keeps the schema small."""
    if all(list(b) == ["type"] for b in branches):
        types: list[str] = []
        for b in branches:
            types += b["type"] if isinstance(b["type"], list) else [b["type"]]
        return {"type": types}
    return {"anyOf": branches}


def _nullable(schema: Schema) -> Schema:
    return _any_of([*_branches(schema), NULL])

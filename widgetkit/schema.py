"""A draft 2020-12 JSON Schema for widget payloads, derived from the catalog.

```python
from widgetkit.schema import widget_schema

schema = widget_schema()   # {"$schema": ..., "anyOf": [Card, ListView, Basic], "$defs": {...}}
```
Editors use it to complete and check widget JSON files (`widgetkit schema > widget.schema.json`).
It expresses what a schema can: components, props, tokens, types, required props and child kinds.
What needs the whole tree (unique ids, form rules) or is only a warning (CSS colours, runtime
drift) stays with `validate`.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from typing import Any

from .catalog import ALLOWED_CHILDREN, COMPONENTS, ROOTS, Component
from .catalog import shapes as s
from .catalog.types import (
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

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
NULL: Schema = {"type": "null"}
# The dates validate accepts (what JavaScript's Date and openai-chatkit both read: YYYY-MM-DD, then
# THH:mm[:ss[.fff]] and Z or ±HH:mm); exact on the calendar (month lengths, Gregorian leap years)
# and the clock, so a string this pattern accepts never fails validate's date check. [0-9], not
# \d: Python's \d takes any Unicode digit.
_YEAR = r"([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
_LEAP_DAY = r"([0-9][0-9](0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29"
_HOUR = r"([01][0-9]|2[0-3])"
_TIME = rf"(T{_HOUR}:[0-5][0-9](:[0-5][0-9](\.[0-9]{{1,9}})?)?(Z|[+-]{_HOUR}:[0-5][0-9])?)?"
ISO_DATE = rf"^({_YEAR}-{_MONTH_DAY}|{_LEAP_DAY}){_TIME}$"
_SCALARS: dict[str, Schema] = {
    "str": {"type": "string"},
    "bool": {"type": "boolean"},
    # JSON Schema's integer is any number with no fractional part, as validate's int is.
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "any": {},
}


@cache
def widget_schema() -> Schema:
    """The schema of a widget root (Card, ListView or Basic), with a `$defs` entry per component
    and per named type of the catalog."""
    defs: dict[str, Schema] = {}
    for comp in COMPONENTS:
        defs[comp.name] = _component(comp, defs)
    return {
        "$schema": DRAFT,
        "$id": "https://widgetkit.dev/schema/widget.json",
        "title": "ChatKit widget",
        "description": "A ChatKit widget root, as widgetkit's catalog describes it.",
        "anyOf": [_ref(name) for name in _ordered(ROOTS)],
        "$defs": defs,
    }


def _component(comp: Component, defs: dict[str, Schema]) -> Schema:
    props: dict[str, Schema] = {"type": {"const": comp.name}}
    for f in comp.props:
        props[f.name] = _field(f, defs)
    required = ["type", *comp.required]
    kids = comp.children
    if kids is None:
        # Older Studio exports write "children": [] (or null) on leaves; validate tolerates it.
        props["children"] = {"anyOf": [NULL, {"type": "array", "maxItems": 0}]}
    else:
        allowed = {"anyOf": [_ref(n) for n in _ordered(ALLOWED_CHILDREN[kids.group])]}
        child = allowed if kids.single else {"type": "array", "items": allowed}
        props["children"] = child if kids.required else {"anyOf": [child, NULL]}
        if kids.required:
            required.append("children")
    return {
        "type": "object",
        "description": comp.doc,
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def _field(f: Field, defs: dict[str, Schema]) -> Schema:
    schema = {**_type(f.type, defs), "description": f.doc} if f.doc else _type(f.type, defs)
    # validate skips null-valued props (chatkit's serializer drops them); required ones must
    # hold a value.
    return schema if f.required else {"anyOf": [schema, NULL], "description": f.doc}


def _type(t: Type, defs: dict[str, Schema]) -> Schema:
    match t:
        case Scalar(kind):
            return dict(_SCALARS[kind])
        case Tokens(name, values):
            return _named(name, {"enum": list(values)}, defs)
        case Const(value):
            return {"const": value}
        case ColorStr(name, tokens):
            # Any string is accepted: a colour outside the tokens is only a warning in validate.
            return _named(name, {"anyOf": [{"enum": list(tokens)}, {"type": "string"}]}, defs)
        case IsoDate():
            return {"type": "string", "pattern": ISO_DATE, "format": "date-time"}
        case IconRef():
            prefixed = "^(" + "|".join(s.ICON_PREFIXES) + ")"
            icons = {"anyOf": [{"enum": list(s.ICONS)}, {"type": "string", "pattern": prefixed}]}
            return _named("IconName", icons, defs)
        case Regex():
            return {"type": "string", "format": "regex"}
        case Union(options):
            return {"anyOf": [_type(o, defs) for o in options]}
        case ListOf(item):
            return {"type": "array", "items": _type(item, defs)}
        case MapOf(value):
            return {"type": "object", "additionalProperties": _type(value, defs)}
        case Shape(name, doc, fields):
            if name not in defs:
                defs[name] = {}  # reserved first: a shape may refer to itself
                defs[name] = {
                    "type": "object",
                    "description": doc,
                    "properties": {f.name: _field(f, defs) for f in fields},
                    "required": [f.name for f in fields if f.required],
                    "additionalProperties": False,
                }
            return _ref(name)
        case Tagged(name, _, variants):
            return _named(name, {"anyOf": [_type(v, defs) for v in variants]}, defs)
    raise TypeError(f"no schema for {t!r}")  # pragma: no cover - the match is exhaustive


def _named(name: str, schema: Schema, defs: dict[str, Schema]) -> Schema:
    defs.setdefault(name, schema)
    return _ref(name)


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _ordered(names: frozenset[str]) -> list[str]:
    return [c.name for c in COMPONENTS if c.name in names]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--indent", type=int, default=2, help="JSON indent (0 for compact)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="the schema a model fills in: OpenAI Structured Outputs' strict subset "
        "(widgetkit.llm.widget_schema; read answers with widgetkit.llm.from_structured)",
    )
    parser.add_argument("--components", help="with --strict: only these, comma-separated")
    parser.add_argument("--max-depth", type=int, help="with --strict: unroll to N levels")


def run(args: argparse.Namespace) -> int:
    indent = args.indent or None
    schema = widget_schema()
    if args.strict:
        from .llm import widget_schema as strict_schema

        names = args.components.split(",") if args.components else None
        try:
            schema = strict_schema(components=names, max_depth=args.max_depth)
        except ValueError as exc:
            print(f"widgetkit schema: {exc}", file=sys.stderr)
            return 2
    elif args.components or args.max_depth:
        print("widgetkit schema: --components and --max-depth go with --strict", file=sys.stderr)
        return 2
    print(json.dumps(schema, indent=indent, ensure_ascii=False))
    return 0

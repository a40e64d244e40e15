"""A compact reference of the catalog for a model's system prompt, generated from the catalog.

```python
instructions = "You answer with ChatKit widgets.\\n\\n" + catalog_prompt()
len(catalog_prompt())                            # about 10,500 characters (~2,700 tokens)
len(catalog_prompt(["Card", "Row", "Text"]))     # only what those need
```
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog import BY_NAME, COMPONENTS, Component
from ..catalog.types import (
    BOTH,
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

_SCALARS = {"str": "str", "bool": "bool", "int": "int", "number": "num", "any": "json"}
_GROUPS = {
    "component": "components",
    "component-or-root": "components or roots",
    "ListViewItem": "ListViewItems",
    "Table.Row": "Table.Rows",
    "Table.Cell": "Table.Cells",
}


def catalog_prompt(components: Iterable[str] | None = None) -> str:
    """The components (with their props, types and docs), token lists, colours and shapes
    they use, as plain text; `components` limits it to those."""
    wanted = set(BY_NAME if components is None else components)
    unknown = sorted(wanted - BY_NAME.keys())
    if unknown or not wanted:
        raise ValueError(f"not catalog components: {unknown}" if unknown else "no components")
    chosen = [c for c in COMPONENTS if c.name in wanted]
    names = _Names()
    common = [f for f in chosen[0].props if all(f in c.props for c in chosen)]
    lines = [
        "ChatKit widget JSON: a tree of components, each an object "
        '{"type": <component>, <prop>: <value>, …, "children": [...]}. The root is a '
        + ", ".join(c.name for c in chosen if c.root)
        + ". `name*` marks a required prop; leave out what you do not need; `a|b` is either; "
        "`T[]` a list; `{str: T}` an object of T. Tokens are exact as written.",
        "Every component takes " + _props(common, names) + ".",
        "",
        "Components:",
    ]
    shown: list[tuple[str, list[Field]]] = []
    for comp in chosen:
        props = [f for f in comp.props if f not in common]
        # "like Row, plus …" when an earlier component's props are all among these.
        like = max(
            (prev for prev in shown if len(prev[1]) >= 5 and all(f in props for f in prev[1])),
            key=lambda prev: len(prev[1]),
            default=None,
        )
        lines.append(_component(comp, props, names, like))
        shown.append((comp.name, props))
    if names.shapes:
        lines += ["", "Objects:"]
        done: set[str] = set()
        while len(done) < len(names.shapes):  # a shape may name further shapes
            for shape in list(names.shapes.values()):
                if shape.name not in done:
                    done.add(shape.name)
                    lines.append(f"{shape.name} {{{_props(shape.fields, names)}}}: {shape.doc}")
    if names.tokens:
        lines += ["", "Tokens:"]
        lines += [f"{name}: {'|'.join(values)}" for name, values in names.tokens.items()]
    if names.colors:
        lines += ["", "Colours (a token, a primitive like red-100, any CSS colour, or "
                  '{"light": …, "dark": …}):']  # fmt: skip
        lines += [f"{name}: {'|'.join(values)}" for name, values in names.colors.items()]
    if names.icons:
        from ..catalog import shapes

        prefixed = ", ".join(
            f"{p}…" + ("" if rt == BOTH else f" in {'/'.join(sorted(rt))}")
            for p, rt in shapes.ICON_PREFIX_RUNTIMES.items()
        )
        lines += ["", "icon: " + "|".join(shapes.ICONS) + f" (or {prefixed})"]
    return "\n".join(lines) + "\n"


class _Names:
    """The named types a prompt mentions, gathered as it is written, listed once at the end."""

    def __init__(self) -> None:
        self.tokens: dict[str, tuple[str, ...]] = {}
        self.colors: dict[str, tuple[str, ...]] = {}
        self.shapes: dict[str, Shape] = {}
        self.icons = False

    def type(self, t: Type) -> str:
        match t:
            case Scalar(kind):
                return _SCALARS[kind]
            case Tokens(name, values):
                if len(values) <= 2:
                    return "|".join(f'"{v}"' for v in values)
                self.tokens[name] = values
                return name
            case Const(value):
                return "false" if value is False else "true" if value is True else f'"{value}"'
            case ColorStr(name, tokens):
                self.colors[name] = tokens
                return name
            case IsoDate():
                return "date"  # ISO 8601
            case IconRef():
                self.icons = True
                return "icon"
            case Regex():
                return "regex"
            case Union(options):
                # A colour's theme pair is said once, in the colours' heading.
                shown = [
                    o for o in options if not (isinstance(o, Shape) and o.name == "ThemeColor")
                ]
                return "|".join(self.type(o) for o in shown)
            case ListOf(item):
                inner = self.type(item)
                return f"({inner})[]" if "|" in inner else f"{inner}[]"
            case MapOf(value):
                return f"{{str: {self.type(value)}}}"
            case Shape(name):
                self.shapes.setdefault(name, t)
                return name
            case Tagged(name, _, variants):
                return "|".join(self.type(v) for v in variants)
        raise TypeError(f"no prompt text for {t!r}")  # pragma: no cover - exhaustive


def _props(fields: Iterable[Field], names: _Names) -> str:
    out = []
    for f in fields:
        star = "*" if f.required else ""
        only = "" if f.runtimes == BOTH else f" ({'/'.join(sorted(f.runtimes))} only)"
        out.append(f"{f.name}{star}:{names.type(f.type)}{only}")
    return " ".join(out)


def _component(
    comp: Component, props: list[Field], names: _Names, like: tuple[str, list[Field]] | None
) -> str:
    notes = []
    if comp.root:
        notes.append("root")
    if comp.runtimes != BOTH:
        notes.append(f"{'/'.join(sorted(comp.runtimes))} only")
    kids = comp.children
    if kids is not None:
        held = _GROUPS[kids.group]
        notes.append(f"children: one of {held}" if kids.single else f"children: {held}")
    note = f" ({'; '.join(notes)})" if notes else ""
    head = f"- {comp.name}{note}: {comp.doc}"
    if like is not None:
        rest = [f for f in props if f not in like[1]]
        return f"{head} Props: {like[0]}'s" + (f", and {_props(rest, names)}" if rest else "")
    return f"{head} Props: {_props(props, names)}" if props else head

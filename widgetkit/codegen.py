"""Generates, from the catalog, `widgetkit/components.py` (the typed builder classes) and
`preview/static/catalog.js` (the tokens, defaults and icon names the offline renderer draws from).

Run `python -m widgetkit.codegen` after changing the catalog; `tests/test_codegen.py` fails while
a generated file is stale. Editors and type checkers read the generated signatures, so a wrong
token such as `Title("x", size="6xl")` is a type error before it is a runtime one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .catalog import COMPONENTS, Component
from .catalog import shapes as s
from .catalog.data import renderer
from .catalog.types import (
    ColorStr,
    Const,
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

TARGET = Path(__file__).with_name("components.py")
# The preview is a sibling folder in the source tree (installed as widgetkit.preview).
JS_TARGET = Path(__file__).resolve().parent.parent / "preview" / "static" / "catalog.js"

_SCALARS = {"str": "str", "bool": "bool", "int": "int", "number": "float", "any": "Any"}


class _Gen:
    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}  # name -> definition, in first-use order
        self.shapes: dict[str, str] = {}

    def ann(self, t: Type) -> str:
        match t:
            case Scalar(kind):
                return _SCALARS[kind]
            case Tokens(name, values):
                self.aliases[name] = _literal(values)
                return name
            case Const(value):
                return f"Literal[{value!r}]".replace("'", '"')
            case ColorStr(name, tokens):
                self.aliases[f"{name}Token"] = _literal(tokens)
                return f"{name}Token | str"
            case IsoDate():
                return "str | date"
            case IconRef():
                self.aliases["IconName"] = _literal(s.ICONS)
                return "IconName | str"
            case Regex():
                return "str"
            case Union(options):
                return " | ".join(self.ann(o) for o in options)
            case ListOf(item):
                return f"Sequence[{self.ann(item)}]"
            case MapOf(value):
                return f"Mapping[str, {self.ann(value)}]"
            case Shape():
                self.shape(t)
                return t.name
            case Tagged(_, _, variants):
                return " | ".join(self.ann(v) for v in variants)

    def shape(self, shape: Shape) -> None:
        if shape.name in self.shapes:
            return
        self.shapes[shape.name] = ""  # reserve the slot so nested shapes come first
        lines = [f"class {shape.name}(TypedDict, total=False):", f'    """{shape.doc}"""', ""]
        for f in shape.fields:
            ann = self.ann(f.type)
            lines.append(f"    {f.name}: Required[{ann}]" if f.required else f"    {f.name}: {ann}")
            lines.append(f'    """{f.doc}"""')
        del self.shapes[shape.name]
        self.shapes[shape.name] = "\n".join(lines)

    def component(self, c: Component) -> str:
        cls = c.name.replace(".", "")
        params: list[str] = []
        main = c.by_name.get(c.main) if c.main else None
        if c.children is not None and not c.children.single:
            params.append(f"*children: {_child_type(c)}")  # everything after is keyword-only
        else:
            if c.children is not None:
                params += [f"child: {_child_type(c)}", "/"]
            elif main is not None:  # positional, or by its ChatKit name: Text(value="…")
                default = "" if main.required else " | None = None"
                params.append(f"{main.name}: {self.ann(main.type)}{default}")
            params.append("*")
        for f in c.props:
            if f is main:
                continue
            ann = self.ann(f.type)
            params.append(f"{f.name}: {ann}" if f.required else f"{f.name}: {ann} | None = None")
        signature = ",\n        ".join(["self", *params])
        children = "child" if c.children and c.children.single else "children"
        children = children if c.children is not None else "None"
        doc = c.doc
        if c.runtimes != frozenset({"python", "js"}):
            only = "openai-chatkit (Python)" if "python" in c.runtimes else "ChatKit.js"
            doc += f" Only {only} defines it."
        nested = ""
        if c.name == "Table":
            nested = "\n    Row = TableRow\n    Cell = TableCell\n"
        return (
            f"class {cls}(Node):\n"
            f'    """{doc}"""\n'
            f"{nested}\n"
            f"    def __init__(\n        {signature},\n    ) -> None:\n"
            f'        make(self, "{c.name}", {children}, locals())\n'
        )


def _child_type(c: Component) -> str:
    assert c.children is not None
    return {
        "component": "Node",
        "component-or-root": "Node",
        "ListViewItem": "ListViewItem",
        "Table.Row": "TableRow",
        "Table.Cell": "TableCell",
    }[c.children.group]


def _literal(values: tuple[str, ...]) -> str:
    return "Literal[" + ", ".join(f'"{v}"' for v in values) + "]"


def _ordered() -> list[Component]:
    # A class must exist before another names it as its child type or nested attribute.
    first = {"ListViewItem": 0, "Table.Cell": 1, "Table.Row": 2}
    return sorted(COMPONENTS, key=lambda c: first.get(c.name, 3))


def generate() -> str:
    gen = _Gen()
    classes = [gen.component(c) for c in _ordered()]
    gen.shape(s.ActionConfig)
    aliases = [f"{name} = {value}" for name, value in gen.aliases.items()]
    names = sorted([*gen.aliases, *gen.shapes, *(c.name.replace(".", "") for c in COMPONENTS)])
    exports = "".join(f'    "{n}",\n' for n in names)
    source = (
        '"""Typed builders for every ChatKit component.\n\n'
        "Generated from widgetkit/catalog by `python -m widgetkit.codegen`; do not edit.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from collections.abc import Mapping, Sequence\n"
        "from datetime import date\n"
        "from typing import Any, Literal, Required, TypedDict\n\n"
        "from .builders import Node, make\n\n"
        f"__all__ = [\n{exports}]\n\n"
        + "\n".join(aliases)
        + "\n\n\n"
        + "\n\n\n".join(gen.shapes.values())
        + "\n\n\n"
        + "\n\n".join(classes)
    )
    return _format(source)


def _format(source: str) -> str:
    """Run ruff's formatter so the generated file reads like hand-written code."""
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def generate_js() -> str:
    """The renderer's catalog module: `renderer()`'s data, every object without a prototype (a
    widget's `"type": "constructor"` or icon `"__proto__"` finds nothing) and frozen."""
    # JSON is a JavaScript literal; the catalog's own keys hold no "__proto__".
    data = json.dumps(renderer(), indent=2, ensure_ascii=False)
    # A list of tokens on one line.
    data = re.sub(r"\[[^\[\]{}]*\]", lambda m: " ".join(m.group().split()), data)
    return (
        "// What the offline renderer draws from: per component its defaults and the tokens of\n"
        "// each prop that takes tokens; colour tokens by kind; ChatKit's icon names.\n"
        "// Generated from widgetkit/catalog by `python -m widgetkit.codegen`; do not edit.\n"
        "// Objects have no prototype, so a look-up by a widget-supplied name (a component type,\n"
        '// an icon name, "constructor", "__proto__") finds only what the catalog holds.\n'
        "const bare = (v) => Object.freeze(Array.isArray(v) ? v.map(bare)\n"
        '  : v && typeof v === "object" ? Object.assign(Object.create(null), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bare(x)])))\n'
        "  : v);\n\n"
        f"export const CATALOG = bare({data});\n"
        "export const ICON_NAMES = CATALOG.icons;\n"
    )


if __name__ == "__main__":
    TARGET.write_text(generate(), encoding="utf-8")
    JS_TARGET.write_text(generate_js(), encoding="utf-8")
    print(f"wrote {TARGET} and {JS_TARGET}")

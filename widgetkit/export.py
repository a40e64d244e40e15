"""`widgetkit export MODULE:BUILDER -o FILE.widget`: a builder as a Widget Studio file.

```python
from widgetkit.export import export_widget

doc = export_widget(my_builder)   # {"version": "1.0", "name", "template", "jsonSchema", ...}
```
The builder is called with template placeholders (see `widgetkit.binding`) instead of data, and
the tree it returns compiles to Jinja that `chatkit.widgets.WidgetTemplate` renders to what the
builder returns for the same data. The export renders its first sample through the template and
checks that against the builder's own output before writing anything.
"""

from __future__ import annotations

import argparse
import base64
import importlib
import json
import sys
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from . import builders
from .binding import Branch, Expr, Loop, NotATemplate, Var, has_placeholder
from .builders import Node
from .catalog import BY_NAME
from .diagnostics import Diagnostic, WidgetError, errors
from .templates import TemplateError, render_template
from .validate import validate
from .widget import Widget

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class ExportError(ValueError):
    """A builder that cannot become a `.widget` template; the message says what and how."""


def export_widget(w: Widget[Any, Any]) -> dict[str, Any]:
    """The `.widget` document for a builder written with `widgetkit.binding` helpers."""
    if not w.samples:
        raise ExportError(f"{w.name} has no samples; add @widget(samples=...) to export it.")
    hints = _hints(w)
    template = compile_template(build_template_tree(w, hints))
    state = next(iter(w.samples.values()))
    expected = w.fn(**state).to_dict()
    try:
        preview = render_template(template, state, label=w.name)
    except TemplateError as exc:
        raise ExportError(
            f"The template exported from {w.name} fails on its sample: {exc}"
        ) from None
    if preview != expected:
        raise ExportError(
            f"The template exported from {w.name} renders its sample differently from the "
            f"builder ({_first_difference(expected, preview)}); this is a widgetkit bug, please "
            "report it with the builder."
        )
    found = errors(validate(preview))
    if found:
        raise WidgetError(found, where=w.name)
    editor = {"name": w.title, "defaultState": state, "jsonSchema": json_schema(hints)}
    encoded = base64.urlsafe_b64encode(json.dumps(editor).encode()).decode().rstrip("=")
    return {
        "version": "1.0",
        "name": w.title,
        "template": template,
        "jsonSchema": json_schema(hints),
        "outputJsonPreview": preview,
        "encodedWidget": encoded,
    }


def build_template_tree(w: Widget[Any, Any], hints: dict[str, Any] | None = None) -> Node:
    """The builder's tree with placeholders where its data goes."""
    hints = _hints(w) if hints is None else hints
    args = {name: Var(name, *_fields(tp)) for name, tp in hints.items()}
    try:
        with deferred_checks():
            node = w.fn(**args)
    except NotATemplate as exc:
        raise ExportError(f"{w.name} cannot become a template: {exc}") from None
    except (AttributeError, TypeError) as exc:
        raise ExportError(
            f"{w.name} cannot become a template: it did {type(exc).__name__}: {exc} with a "
            "template variable. Write it with widgetkit.binding's var/each/when/join helpers."
        ) from None
    if not isinstance(node, Node):
        raise ExportError(f"{w.name} returned {node!r}, not a widget.")
    return node


@contextmanager
def deferred_checks() -> Iterator[None]:
    """Builders check props when called; placeholders are not values yet, so while exporting,
    props holding one are left out of that check (the rendered sample is validated instead)."""
    token = builders.node_checks.set((_check_known_parts, False))
    try:
        yield
    finally:
        builders.node_checks.reset(token)


def _check_known_parts(node: Node) -> list[Diagnostic]:
    standin = Node.__new__(Node)
    standin.type = node.type
    standin.props = {k: v for k, v in node.props.items() if not has_placeholder(v)}
    kids = node.children
    standin.children = [_standin(k) for k in kids] if isinstance(kids, list) else kids
    held = set(node.props) - set(standin.props)
    found = builders.check_node(standin)
    return [d for d in found if not (d.code == "missing-prop" and d.path[1:] in held)]


def _standin(child: Node) -> Node:
    return child.body if isinstance(child, Loop) else child


def compile_template(node: Node) -> str:
    """The Jinja template text for a tree with placeholders."""
    return _Compiler().node(node)


class _Compiler:
    def __init__(self) -> None:
        self.captures = 0

    def node(self, node: Node) -> str:
        parts = [f'"type":{json.dumps(node.type)}']
        parts += [f"{json.dumps(k)}:{self.value(v)}" for k, v in node.props.items()]
        kids = node.children
        tail = ""
        if isinstance(kids, Node):
            parts.append(f'"children":{self.node(kids)}')
        elif kids is not None:
            spec = BY_NAME[node.type].children
            if spec is not None and spec.required:
                parts.append(f'"children":{self.items(list(kids))}')
            elif kids and not any(isinstance(k, Loop | Branch) for k in kids):
                parts.append(f'"children":{self.items(list(kids))}')
            elif kids:
                # Builders leave out an empty optional children list (as ChatKit serialises
                # it), so the template writes the key only when the loops produced something.
                self.captures += 1
                c = f"_c{self.captures}"
                tail = (
                    f"{{% set {c} %}}{self.elements(list(kids))}{{% endset %}}"
                    f'{{% if {c} %}},"children":[{{{{ {c}[1:] }}}}]{{% endif %}}'
                )
        return "{" + ",".join(parts) + tail + "}"

    def value(self, value: Any) -> str:
        if isinstance(value, Expr):
            return "{{ (" + value.jinja() + ") | tojson }}"
        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, dict):
            inner = ",".join(f"{json.dumps(str(k))}:{self.value(v)}" for k, v in value.items())
            return "{" + inner + "}"
        if isinstance(value, list | tuple):
            return self.items(list(value))
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        if "{{" in text or "{%" in text or "{#" in text:
            # Literal text that Jinja would read as a tag is passed through as a raw block.
            return "{% raw %}" + text + "{% endraw %}"
        return text

    def items(self, items: list[Any]) -> str:
        if not any(isinstance(i, Loop | Branch) for i in items):
            return "[" + ",".join(self.value(i) for i in items) + "]"
        # Each element is written with a leading comma and the first comma is cut after
        # rendering, as Studio's exports do, so loops and branches may emit nothing.
        self.captures += 1
        c = f"_c{self.captures}"
        body = self.elements(items)
        return (
            f"[{{% set {c} %}}{body}{{% endset %}}"
            f"{{{{ ({c}[1:] if {c} and {c}[0] == ',' else {c}) }}}}]"
        )

    def elements(self, items: list[Any]) -> str:
        out = []
        for item in items:
            if isinstance(item, Loop):
                body = self.elements([item.body])
                out.append(
                    f"{{% for {item.target.name} in {item.items.jinja()} %}}{body}{{% endfor %}}"
                )
            elif isinstance(item, Branch):
                then, else_ = self.elements(item.then), self.elements(item.else_)
                tail = f"{{% else %}}{else_}" if else_ else ""
                out.append(f"{{% if {item.cond.jinja()} %}}{then}{tail}{{% endif %}}")
            else:
                out.append("," + self.value(item))
        return "".join(out)


def json_schema(hints: dict[str, Any]) -> dict[str, Any]:
    """The data's JSON Schema from the builder's parameter types."""
    props = {name: type_schema(tp) for name, tp in hints.items()}
    return {
        "$schema": DRAFT,
        "type": "object",
        "properties": props,
        "required": list(hints),
        "additionalProperties": False,
    }


def type_schema(tp: Any) -> dict[str, Any]:
    origin, args = get_origin(tp), get_args(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is Any or tp is object:
        return {}
    if tp is type(None):
        return {"type": "null"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (list, typing.Sequence, tuple) or tp in (list,):
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [type_schema(a) for a in args]}
    if origin is dict:
        return {"type": "object", "additionalProperties": type_schema(args[1]) if args else {}}
    if typing.is_typeddict(tp):
        fields = get_type_hints(tp)
        required = sorted(getattr(tp, "__required_keys__", fields))
        return {
            "type": "object",
            "properties": {k: type_schema(v) for k, v in fields.items()},
            "required": [k for k in fields if k in required],
            "additionalProperties": False,
        }
    raise ExportError(
        f"The parameter type {tp!r} has no JSON Schema; use str, int, float, bool, Literal, "
        "list[...], a TypedDict or X | None."
    )


def _fields(tp: Any) -> tuple[dict[str, Any] | None, Any]:
    """What a Var of this type may be subscripted with: (object keys, list item info)."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (types.UnionType, typing.Union):
        real = [a for a in args if a is not type(None)]
        return _fields(real[0]) if len(real) == 1 else (None, None)
    if typing.is_typeddict(tp):
        return {k: _fields(v) for k, v in get_type_hints(tp).items()}, None
    if origin in (list, typing.Sequence, tuple) and args:
        return None, _fields(args[0])
    return None, None


def _hints(w: Widget[Any, Any]) -> dict[str, Any]:
    hints = get_type_hints(w.fn)
    hints.pop("return", None)
    return hints


def _first_difference(a: Any, b: Any, at: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in {**a, **b}:
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{at}/{k}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{at}/{i}")
    return f"at {at or '/'}: {json.dumps(a)[:60]} vs {json.dumps(b)[:60]}"


def load_builder(spec: str) -> Widget[Any, Any]:
    """`package.module:builder` or `path/to/file.py:builder`."""
    module_name, _, attr = spec.rpartition(":")
    if not module_name or not attr:
        raise ExportError(f"{spec!r} is not MODULE:BUILDER; write e.g. gallery.lists:line_select.")
    if module_name.endswith(".py"):
        from .discover import load_module

        module = load_module(Path(module_name))
    else:
        module = importlib.import_module(module_name)
    found = getattr(module, attr, None)
    if not isinstance(found, Widget):
        raise ExportError(f"{spec} is {found!r}, not a @widget builder; decorate it with @widget.")
    return found


def configure(parser: argparse.ArgumentParser) -> None:
    from .sandbox import DEFAULT_TIMEOUT

    parser.add_argument("builder", help="MODULE:BUILDER, e.g. gallery.lists:line_select")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .widget file")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"stop the builder's import and calls after S seconds (default {DEFAULT_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    """Export in the sandbox: the builder's module is user code, which may loop or exit."""
    from .sandbox import Stopped, ask

    module_name = args.builder.rpartition(":")[0]
    near = Path(module_name) if module_name.endswith(".py") else Path.cwd()
    request = {"t": "export", "spec": args.builder}
    try:
        answer = ask([near], request, timeout=args.timeout, what=f"exporting {args.builder}")
    except Stopped as exc:
        print(f"widgetkit export: {exc}", file=sys.stderr)
        return 1
    if answer.get("t") != "result":
        cause = answer.get("error") or {"message": "the worker answered nothing"}
        where = f" ({cause['where']})" if cause.get("where") else ""
        kind = cause.get("type", "")
        known = kind in ("ExportError", "WidgetError", "ImportError", "")
        print(f"widgetkit export: {'' if known else kind + ': '}{cause['message']}{where}",
              file=sys.stderr)  # fmt: skip
        return 1
    doc = answer["doc"]
    args.output.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0

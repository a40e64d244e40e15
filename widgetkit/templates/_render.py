"""Rendering a `.widget` template exactly as `chatkit.widgets.WidgetTemplate.build` does, and
explaining a failed render: the missing variable, where the template reads it, what the data holds."""

from __future__ import annotations

import contextvars
import copy
import json
import re
from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..catalog import ROOTS
from ..diagnostics import Diagnostic, WidgetError, nearest, show

_SEEN: contextvars.ContextVar[list[jinja2.Undefined] | None] = contextvars.ContextVar(
    "widgetkit_undefined", default=None
)


class _RecordingUndefined(jinja2.StrictUndefined):
    """StrictUndefined that remembers each instance made, so a failed render can name the read
    that failed. It behaves exactly like StrictUndefined otherwise (chatkit's semantics)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seen = _SEEN.get()
        if seen is not None:
            seen.append(self)


# chatkit.widgets._jinja_env is a plain `Environment(undefined=StrictUndefined)`: a template there
# can reach Python's globals (`cycler.__init__.__globals__.os`) and run code. A `.widget` file is
# shared like a document, so widgetkit renders it in jinja2's sandbox, which refuses private and
# internal attributes, unsafe callables and `str.format` tricks. Not the *immutable* sandbox: real
# exports build lists with `ns.children.append(item)` (the advanced samples' news-guide event
# list), which it refuses; instead each render gets its own deep copy of the data, so a template
# can change nothing its caller holds. Only the Undefined differs otherwise, and only in what it
# records.
ENV = SandboxedEnvironment(undefined=_RecordingUndefined)


class TemplateError(WidgetError):
    """A `.widget` file that cannot be loaded or rendered; `diagnostics` says why."""


def render_template(template: str, data: Mapping[str, Any], *, label: str = "template") -> Any:
    """Render like `WidgetTemplate.build`: Jinja with StrictUndefined, parse, drop nulls."""
    try:
        compiled = ENV.from_string(template)
    except jinja2.TemplateSyntaxError as exc:
        msg = f"the template does not parse at line {exc.lineno}: {exc.message}"
        diag = Diagnostic("", "error", "template-syntax", msg, "fix the Jinja syntax")
        raise TemplateError([diag], where=label) from None
    seen: list[jinja2.Undefined] = []
    token = _SEEN.set(seen)
    try:
        text = compiled.render(**copy.deepcopy(dict(data)))
    except SecurityError as exc:
        raise TemplateError([_refused(str(exc))], where=label) from None
    except Exception as exc:  # the template's own expressions may fail in any way
        raise TemplateError([_render_failure(exc, seen, template, data)], where=label) from None
    finally:
        _SEEN.reset(token)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = (
            f"the template renders text that is not JSON ({exc.msg} at character {exc.pos}): "
            f"{_around(text, exc.pos, exc.pos + 1)}"
        )
        hint = "insert values with {{ (x) | tojson }} so they are quoted and escaped"
        raise TemplateError(
            [Diagnostic("", "error", "render-json", msg, hint)], where=label
        ) from None
    payload = drop_nulls(payload)
    if not isinstance(payload, dict) or payload.get("type") not in ROOTS:
        kind = payload.get("type") if isinstance(payload, dict) else payload
        msg = f"the template renders {show(kind)}, but a widget root is a Card, ListView or Basic"
        diag = Diagnostic("", "error", "not-a-root", msg, "wrap the widget in a Card")
        raise TemplateError([diag], where=label)
    return payload


def drop_nulls(value: Any) -> Any:
    """What chatkit's widget serializer writes: null object values and null list items go."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value if v is not None]
    return value


def _render_failure(
    exc: Exception, seen: list[jinja2.Undefined], template: str, data: Mapping[str, Any]
) -> Diagnostic:
    undefined_failed = isinstance(exc, jinja2.UndefinedError) or "Undefined" in str(exc)
    hidden = next((u for u in seen if _unsafe_read(u)), None) if undefined_failed else None
    if hidden is not None:  # later reads fail only because this one was hidden
        return _refused(f"access to attribute {show(hidden._undefined_name)} is unsafe")
    if not (undefined_failed and seen):
        msg = f"the template fails to render: {type(exc).__name__}: {_cut(str(exc), 200)}"
        return Diagnostic("", "error", "render-error", msg, "check the data against the template")
    return _missing(seen[-1], template, data)


def _unsafe_read(undef: jinja2.Undefined) -> bool:
    """Whether this undefined stands for an attribute the sandbox hid (`x.__class__`, or through
    the `attr` filter), rather than a key the data lacks."""
    if getattr(undef, "_undefined_exception", None) is SecurityError:
        return True
    obj = getattr(undef, "_undefined_obj", jinja2.utils.missing)
    name = getattr(undef, "_undefined_name", None)
    if obj is jinja2.utils.missing or not isinstance(name, str) or isinstance(obj, Mapping):
        return False
    try:
        value = getattr(obj, name)
    except Exception:
        return False
    return not ENV.is_safe_attribute(obj, name, value)


def _refused(reason: str) -> Diagnostic:
    msg = (
        f"the template was refused: {_cut(reason, 200)}; templates are rendered in a sandbox: "
        "they may read their data, not Python's internals"
    )
    hint = "remove the expression that reaches into Python objects; read only the data"
    return Diagnostic("", "error", "template-unsafe", msg, hint)


def _missing(undef: jinja2.Undefined, template: str, data: Mapping[str, Any]) -> Diagnostic:
    name = str(getattr(undef, "_undefined_name", None) or "?")
    obj = getattr(undef, "_undefined_obj", jinja2.utils.missing)
    top = obj is jinja2.utils.missing
    expr = _find_expression(template, name, top)
    base = expr.rsplit(".", 1)[0] if (expr and not top and "." in expr) else None
    if top:
        held, keys = "the data", list(data)
    else:
        held = f"`{base}`" if base else "the value read from"
        keys = list(obj) if isinstance(obj, Mapping) else []
    if isinstance(obj, Mapping) or top:
        holds = f"{held} holds the keys {', '.join(map(str, keys))}" if keys else f"{held} is empty"
    else:
        holds = f"{held} is {show(obj)}, which has no `{name}`"
    shown = expr or name
    where = _locate(template, shown)
    msg = f"the template reads `{shown}`, but the data has no `{name}` there: {holds}{where}"
    guess = nearest(name, [str(k) for k in keys])
    fix = f"did you mean `{guess}`? " if guess else ""
    hint = f"{fix}add `{name}` to the data, or change the template to read a key it has"
    if top and name == "undefined":
        # Widget Studio exports leftovers of the editor's JSX: JavaScript's `undefined`.
        hint = (
            "`undefined` is JavaScript left by the export: in Jinja write `none` (or drop the prop)"
        )
    elif top and _loop_index(template, name):
        hint = (
            f"`{name}` is the index of the JSX map() the template was exported from: inside a Jinja "
            "for loop write `loop.index0` (or `loop.index` to count from 1)"
        )
    return Diagnostic("", "error", "missing-variable", msg, hint)


_INDEX_NAMES = frozenset({"index", "idx", "i", "j", "k", "n", "index0", "rowIndex", "itemIndex"})


def _loop_index(template: str, name: str) -> bool:
    """Whether `name` is read inside a for loop that does not bind it, and is named like a
    map()'s index: what an export of `items.map((item, index) => …)` leaves behind."""
    if name not in _INDEX_NAMES and not name.lower().endswith("index"):
        return False
    try:
        tree = ENV.parse(template)
    except jinja2.TemplateSyntaxError:
        return False
    for loop in tree.find_all(nodes.For):
        bound = {n.name for n in loop.target.find_all(nodes.Name)}
        if name in bound:
            continue
        for body in loop.body:
            if any(n.name == name and n.ctx == "load" for n in body.find_all(nodes.Name)):
                return True
    return False


def _find_expression(template: str, name: str, top: bool) -> str | None:
    """The source text of the first read of `name` in the template (`item.name`, `items`)."""
    try:
        tree = ENV.parse(template)
    except jinja2.TemplateSyntaxError:
        return None
    kinds = nodes.Name if top else (nodes.Getattr, nodes.Getitem)
    for node in tree.find_all(kinds):
        if isinstance(node, nodes.Name) and node.name == name and node.ctx == "load":
            return name
        if isinstance(node, nodes.Getattr) and node.attr == name:
            text = _expr_text(node)
            if text:
                return text
        if (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and node.arg.value == name
        ):
            text = _expr_text(node)
            if text:
                return text
    return None


def _expr_text(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.Getattr):
        base = _expr_text(node.node)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _expr_text(node.node)
        return f"{base}[{node.arg.value!r}]" if base else None
    return None


def _locate(template: str, expr: str) -> str:
    """`at line L, column C: …surrounding text…` for the first place `expr` appears in a tag."""
    parts = re.split(r"\.|\[", expr)
    pattern = r"\s*(?:\.|\[\s*['\"]?)\s*".join(re.escape(p.strip("]'\"")) for p in parts)
    for match in re.finditer(r"(?<![\w.])" + pattern + r"(?!\w)", template):
        opened = max(template.rfind("{{", 0, match.start()), template.rfind("{%", 0, match.start()))
        closed = max(template.rfind("}}", 0, match.start()), template.rfind("%}", 0, match.start()))
        if opened > closed:  # inside a Jinja tag, not in literal JSON text
            line = template.count("\n", 0, match.start()) + 1
            col = match.start() - (template.rfind("\n", 0, match.start()) + 1) + 1
            return (
                f"; it is read at template line {line}, column {col}: "
                f"{_around(template, match.start(), match.end())}"
            )
    return ""


def _around(text: str, start: int, end: int, width: int = 70) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    before = ("…" if lo else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return " ".join(f"{before}»{text[start:end]}«{after}".split())


def _cut(text: str, limit: int) -> str:
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1] + "…"

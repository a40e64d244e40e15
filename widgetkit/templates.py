"""`.widget` files: OpenAI Widget Studio exports, loaded and rendered as openai-chatkit does.

```python
from widgetkit.templates import load_widget

wf = load_widget("order.widget")
payload = wf.render()              # the wire JSON for the file's sample data
payload = wf.render({"id": "A-1"}) # or for given data; raises TemplateError with diagnostics
```
Rendering follows `chatkit.widgets.WidgetTemplate.build` exactly (jinja2 with StrictUndefined, the
result parsed as JSON, null-valued props dropped as chatkit's serializer drops them); on top of it the
data is checked against the file's `jsonSchema` first, and a variable the data lacks is named with
the template text around it instead of a traceback.
"""

from __future__ import annotations

import base64
import binascii
import contextvars
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes

from .catalog import ROOTS
from .diagnostics import Diagnostic, WidgetError, nearest, show

if TYPE_CHECKING:
    from .discover import Found

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


# The same configuration as chatkit.widgets._jinja_env: only the Undefined differs, and only in
# what it records.
ENV = jinja2.Environment(undefined=_RecordingUndefined)


class TemplateError(WidgetError):
    """A `.widget` file that cannot be loaded or rendered; `diagnostics` says why."""


@dataclass(frozen=True)
class WidgetFile:
    """A loaded `.widget` file. `editor` is the decoded `encodedWidget` (None when it holds no
    editor state, as in hand-written files)."""

    path: Path | None
    version: str
    name: str
    template: str
    json_schema: dict[str, Any] | None
    preview: Any
    editor: dict[str, Any] | None

    @property
    def sample(self) -> dict[str, Any] | None:
        """The author's sample data (`defaultState`), if the file carries one."""
        state = (self.editor or {}).get("defaultState")
        return state if isinstance(state, dict) else None

    @property
    def view(self) -> str | None:
        """The editor's JSX source."""
        view = (self.editor or {}).get("view")
        return view if isinstance(view, str) else None

    def check_data(self, data: Mapping[str, Any]) -> list[Diagnostic]:
        """Errors, each with a pointer into the data, for data that breaks the `jsonSchema`."""
        if not self.json_schema:
            return []
        import jsonschema  # type: ignore[import-untyped, unused-ignore]

        cls = jsonschema.validators.validator_for(self.json_schema, jsonschema.Draft202012Validator)
        out = []
        for err in sorted(cls(self.json_schema).iter_errors(data), key=lambda e: list(e.path)):
            where = _pointer(err.absolute_path)
            out.append(
                Diagnostic(
                    where,
                    "error",
                    "data-schema",
                    f"The data at {where or 'the top level'} breaks the file's jsonSchema: "
                    f"{_cut(err.message, 200)}.",
                    "fix the data to match jsonSchema, or render anyway with --no-schema",
                )
            )
        return out

    def render(self, data: Mapping[str, Any] | None = None, *, schema: bool = True) -> Any:
        """The wire JSON for `data` (the sample data when None); raises TemplateError."""
        if data is None:
            data = self.sample
            if data is None:
                raise TemplateError([_no_sample(self)], where=self.label)
        if schema:
            problems = self.check_data(data)
            if problems:
                raise TemplateError(problems, where=self.label)
        return render_template(self.template, data, label=self.label)

    def drift(self, payload: Any) -> list[Diagnostic]:
        """Warnings for each place `payload` differs from the file's `outputJsonPreview`."""
        if self.preview is None:
            return []
        return list(_drift(drop_nulls(self.preview), payload, ""))

    @property
    def label(self) -> str:
        return self.path.name if self.path is not None else self.name


def load_widget(path: str | Path) -> WidgetFile:
    """Load a `.widget` file; raises TemplateError when it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError([_load_error(f"Cannot read {path}: {exc}.")], where=path.name) from None
    return loads_widget(text, path)


def loads_widget(text: str, path: Path | None = None) -> WidgetFile:
    """Parse the text of a `.widget` file."""
    where = path.name if path else "<widget>"
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError([_load_error(f"{where} is not JSON: {exc}.")], where=where) from None
    if not isinstance(doc, dict):
        raise TemplateError([_load_error(f"{where} holds {show(doc)}, not a JSON object.")])
    problems = []
    if doc.get("version") != "1.0":
        problems.append(
            _load_error(
                f"The version is {show(doc.get('version'))}; openai-chatkit reads only version "
                '"1.0" files.'
            )
        )
    if not isinstance(doc.get("template"), str):
        problems.append(_load_error(f"{where} has no template string; re-export it from Studio."))
    schema = doc.get("jsonSchema")
    if problems:
        raise TemplateError(problems, where=where)
    return WidgetFile(
        path=path,
        version=doc["version"],
        name=str(doc.get("name", "")),
        template=doc["template"],
        json_schema=schema if isinstance(schema, dict) else None,
        preview=doc.get("outputJsonPreview"),
        editor=decode_editor(doc.get("encodedWidget")),
    )


def decode_editor(encoded: Any) -> dict[str, Any] | None:
    """The editor state in `encodedWidget` (base64url JSON), or None when it holds none."""
    if not isinstance(encoded, str):
        return None
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        state = json.loads(raw)
    except (binascii.Error, ValueError):
        # Hand-written files carry base64 of the template here, which is not editor state.
        return None
    return state if isinstance(state, dict) else None


def render_template(template: str, data: Mapping[str, Any], *, label: str = "template") -> Any:
    """Render like `WidgetTemplate.build`: Jinja with StrictUndefined, parse, drop nulls."""
    try:
        compiled = ENV.from_string(template)
    except jinja2.TemplateSyntaxError as exc:
        msg = f"The template does not parse at line {exc.lineno}: {exc.message}."
        diag = Diagnostic("", "error", "template-syntax", msg, "fix the Jinja syntax")
        raise TemplateError([diag], where=label) from None
    seen: list[jinja2.Undefined] = []
    token = _SEEN.set(seen)
    try:
        text = compiled.render(**data)
    except Exception as exc:  # the template's own expressions may fail in any way
        raise TemplateError([_render_failure(exc, seen, template, data)], where=label) from None
    finally:
        _SEEN.reset(token)
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = (
            f"The template renders text that is not JSON ({exc.msg} at character {exc.pos}): "
            f"{_around(text, exc.pos, exc.pos + 1)}."
        )
        hint = "insert values with {{ (x) | tojson }} so they are quoted and escaped"
        raise TemplateError(
            [Diagnostic("", "error", "render-json", msg, hint)], where=label
        ) from None
    payload = drop_nulls(payload)
    if not isinstance(payload, dict) or payload.get("type") not in ROOTS:
        kind = payload.get("type") if isinstance(payload, dict) else payload
        msg = f"The template renders {show(kind)}, but a widget root is a Card, ListView or Basic."
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


def discover_widget_file(path: Path) -> Iterator[Found]:
    """The `.widget` file rendered with its sample data, for `widgetkit validate` and the preview.

    The payload is not validated here (the caller does); its diagnostics are load, data-schema
    and missing-variable errors, and warnings for a missing sample or drift from the preview."""
    from .discover import Found

    try:
        wf = load_widget(path)
    except TemplateError as exc:
        yield Found(path, "", None, exc.diagnostics)
        return
    data = wf.sample
    if data is None:
        yield Found(path, "", None, [_no_sample(wf)])
        return
    diags = wf.check_data(data)
    try:
        payload = wf.render(data, schema=False)
    except TemplateError as exc:
        yield Found(path, "", None, diags + exc.diagnostics)
        return
    yield Found(path, "", payload, diags + wf.drift(payload))


def _render_failure(
    exc: Exception, seen: list[jinja2.Undefined], template: str, data: Mapping[str, Any]
) -> Diagnostic:
    undefined_failed = isinstance(exc, jinja2.UndefinedError) or "Undefined" in str(exc)
    if not (undefined_failed and seen):
        msg = f"The template fails to render: {type(exc).__name__}: {_cut(str(exc), 200)}."
        return Diagnostic("", "error", "render-error", msg, "check the data against the template")
    return _missing(seen[-1], template, data)


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
    msg = f"The template reads `{shown}`, but the data has no `{name}` there: {holds}.{where}"
    guess = nearest(name, [str(k) for k in keys])
    fix = f"did you mean `{guess}`? " if guess else ""
    hint = f"{fix}add `{name}` to the data, or change the template to read a key it has"
    return Diagnostic("", "error", "missing-variable", msg, hint)


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
                f" It is read at template line {line}, column {col}: "
                f"{_around(template, match.start(), match.end())}"
            )
    return ""


def _around(text: str, start: int, end: int, width: int = 70) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    before = ("…" if lo else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return " ".join(f"{before}»{text[start:end]}«{after}".split())


def _drift(preview: Any, got: Any, at: str) -> Iterator[Diagnostic]:
    if isinstance(preview, dict) and isinstance(got, dict):
        for key in {**preview, **got}:
            where = f"{at}/{str(key).replace('~', '~0').replace('/', '~1')}"
            if key not in got:
                yield _drift_diag(where, f"is missing; the preview has {show(preview[key])}")
            elif key not in preview:
                yield _drift_diag(where, f"renders {show(got[key])}, which the preview lacks")
            else:
                yield from _drift(preview[key], got[key], where)
    elif isinstance(preview, list) and isinstance(got, list):
        for i, (p, g) in enumerate(zip(preview, got, strict=False)):
            yield from _drift(p, g, f"{at}/{i}")
        if len(preview) != len(got):
            yield _drift_diag(
                at, f"renders {len(got)} item(s) where the preview has {len(preview)}"
            )
    elif preview != got or type(preview) is not type(got):
        yield _drift_diag(at, f"renders {show(got)} where the preview has {show(preview)}")


def _drift_diag(where: str, what: str) -> Diagnostic:
    return Diagnostic(
        where,
        "warning",
        "preview-drift",
        f"The widget {what}.",
        "the exported template and the editor's preview disagree; re-export from Studio",
    )


def _no_sample(wf: WidgetFile) -> Diagnostic:
    return Diagnostic(
        "",
        "warning",
        "no-sample",
        f"{wf.label} has no sample data (no defaultState in encodedWidget), so it was not "
        "rendered.",
        "render it with data: widgetkit render FILE.widget --data data.json",
    )


def _load_error(message: str) -> Diagnostic:
    return Diagnostic("", "error", "load-error", message, "")


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _cut(text: str, limit: int) -> str:
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1] + "…"

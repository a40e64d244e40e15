"""`widgetkit convert FILE.widget -o module.py`: a Widget Studio export as a Python builder.

```python
from widgetkit.convert import convert_widget

result = convert_widget("cat_profile.widget")
print(result.source)     # a module with TypedDicts for the data and one @widget builder
print(result.warnings)   # where the builder and the template may part ways
```
The file's `jsonSchema` becomes the builder's typed keyword parameters; its template's JSON text
becomes builder calls (`Card(Row(...), size="md")`), its `{{ (x) | tojson }}` holes Python
expressions, its loops list comprehensions or `for` statements (namespace patterns), its
conditionals conditional expressions or conditional unpacking. The sample data (`defaultState`)
becomes `samples={"sample": ...}`. For data the template renders, the builder returns the same
widget; a construct with no faithful translation raises `ConvertError` naming it and its line.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..templates import TemplateError, WidgetFile, load_widget
from ._emit import Emitter
from ._tree import Parser
from ._types import ConvertError

__all__ = ["Conversion", "ConvertError", "convert_widget"]


@dataclass(frozen=True)
class Conversion:
    """The generated module's source, its builder's name, and warnings about its fidelity."""

    source: str
    builder: str
    warnings: list[str]


def convert_widget(
    source: str | Path | WidgetFile, *, name: str | None = None, output: Path | None = None
) -> Conversion:
    """Convert a `.widget` file (or a loaded one) into a builder module's source.

    `name` is the builder's name (by default from the file name); `output` is where the module
    will be written, so that `ruff format` applies that project's settings."""
    wf = source if isinstance(source, WidgetFile) else load_widget(source)
    builder = name or builder_name(wf)
    try:
        tree = jinja2.Environment().parse(wf.template)
    except jinja2.TemplateSyntaxError as exc:
        raise ConvertError(
            f"{wf.label}'s template does not parse at line {exc.lineno}: {exc.message}; fix the "
            "Jinja syntax first."
        ) from None
    emitter = Emitter(wf)
    emitter.signature()
    body, returns = emitter.builder(Parser(wf.template, tree.body).template_tree())
    if wf.sample is None:
        emitter.warnings.append(
            f"{wf.label} has no sample data (no defaultState in encodedWidget), so the builder "
            "has no samples; add @widget(samples={...}) to preview and test it."
        )
    text = _module(wf, emitter, builder, body, returns)
    return Conversion(format_source(text, output), builder, emitter.warnings)


def builder_name(wf: WidgetFile) -> str:
    """`news-guide__event_list.widget` -> `event_list`; otherwise from the widget's name."""
    stem = wf.path.stem.rsplit("__", 1)[-1] if wf.path is not None else wf.name
    name = re.sub(r"\W+", "_", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", stem)).strip("_").lower()
    if not name:
        name = "converted_widget"
    return name if name[0].isalpha() or name[0] == "_" else "widget_" + name


def _module(wf: WidgetFile, em: Emitter, builder: str, body: str, returns: str) -> str:
    lines = [
        f'"""{builder}: converted from {wf.label} ({wf.name!r}) by `widgetkit convert`.',
        "",
        "Widget Studio exported the template; this module builds the same widget in Python for",
        "the data its jsonSchema describes. Edit it freely: it is no longer tied to the file.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    typing = em.types.imports()
    if typing:
        lines.append(f"from typing import {', '.join(sorted(typing))}")
        lines.append("")
    names = [*sorted(em.used | ({"Node"} if em.need_node else set())), "widget"]
    lines += [f"from widgetkit import {', '.join(names)}", "", ""]
    for cls in em.types.classes:
        lines += [cls.source(), "", ""]
    options = []
    if wf.sample is not None:
        options.append(f"samples={{'sample': {wf.sample!r}}}")
    options.append(f"title={wf.name!r}")
    params = ", ".join(["*", *em.params]) if em.params else ""
    lines += [
        f"@widget({', '.join(options)})",
        f"def {builder}({params}) -> {returns}:",
        body,
        "",
    ]
    return "\n".join(lines)


def format_source(text: str, output: Path | None = None) -> str:
    """The module through `ruff format` (run with this interpreter, so its ruff is used)."""
    try:
        compile(text, "<converted>", "exec")
    except SyntaxError as exc:  # pragma: no cover - a bug in the emitter, not in the template
        raise ConvertError(
            f"widgetkit convert wrote invalid Python ({exc.msg} at line {exc.lineno}); this is "
            "a widgetkit bug, please report it with the .widget file."
        ) from None
    stdin_name = str(output) if output is not None else "converted_widget.py"
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", stdin_name, "-"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ConvertError(
            f"ruff format failed on the converted module: {done.stderr.strip()[:300]}; install "
            "ruff in this environment (pip install ruff)."
        )
    return done.stdout


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("widget", type=Path, help="the .widget file exported by Widget Studio")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .py module to write")
    parser.add_argument("--name", help="the builder function's name (default: from the file)")


def run(args: argparse.Namespace) -> int:
    try:
        result = convert_widget(args.widget, name=args.name, output=args.output)
    except (ConvertError, TemplateError) as exc:
        print(f"widgetkit convert: {exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"widgetkit convert: warning: {warning}", file=sys.stderr)
    args.output.write_text(result.source, encoding="utf-8")
    print(f"wrote {args.output} (builder {result.builder})")
    return 0

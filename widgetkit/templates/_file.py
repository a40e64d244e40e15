"""A loaded `.widget` file: its parts, its sample data, the data check and preview drift."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, show
from ._render import TemplateError, _cut, drop_nulls, render_template


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
                    f"the data at {where or 'the top level'} breaks the file's jsonSchema: "
                    f"{_cut(err.message, 200)}",
                    "fix the data to match jsonSchema, or render anyway with --no-schema",
                )
            )
        return out

    def render(self, data: Mapping[str, Any] | None = None, *, schema: bool = True) -> Any:
        """The wire JSON for `data` (the sample data when None); raises TemplateError."""
        if data is None:
            data = self.sample
            if data is None:
                # An error here (discovery only warns): there is nothing to render.
                missing = dataclasses.replace(no_sample(self), severity="error")
                raise TemplateError([missing], where=self.label)
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
        raise TemplateError([_load_error(f"cannot read {path}: {exc}")], where=path.name) from None
    return loads_widget(text, path)


def loads_widget(text: str, path: Path | None = None) -> WidgetFile:
    """Parse the text of a `.widget` file."""
    where = path.name if path else "<widget>"
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError([_load_error(f"{where} is not JSON: {exc}")], where=where) from None
    if not isinstance(doc, dict):
        raise TemplateError([_load_error(f"{where} holds {show(doc)}, not a JSON object")])
    problems = []
    if doc.get("version") != "1.0":
        problems.append(
            _load_error(
                f"the version is {show(doc.get('version'))}; openai-chatkit reads only version "
                '"1.0" files'
            )
        )
    if not isinstance(doc.get("template"), str):
        problems.append(_load_error(f"{where} has no template string; re-export it from Studio"))
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


def _drift(preview: Any, got: Any, at: str) -> Iterator[Diagnostic]:
    if isinstance(preview, dict) and isinstance(got, dict):
        for key in {**preview, **got}:
            if key == "children" and not preview.get(key) and not got.get(key):
                continue  # `"children": []` or null (older Studio exports) means no children
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
        f"the widget {what}",
        "the exported template and the editor's preview disagree; re-export from Studio",
    )


def no_sample(wf: WidgetFile) -> Diagnostic:
    return Diagnostic(
        "",
        "warning",
        "no-sample",
        f"{wf.label} has no sample data (no defaultState in encodedWidget), so it was not rendered",
        "render it with data: widgetkit render FILE.widget --data data.json",
    )


def _load_error(message: str) -> Diagnostic:
    return Diagnostic("", "error", "load-error", message, "")


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)

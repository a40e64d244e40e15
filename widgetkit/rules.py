"""Rules over the whole tree: forms, labels, ids and accessibility.

The validator calls `visit` for every component as it walks, and `finish` once at the end, so the
tree is walked only once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import BY_NAME, FORM_CONTROLS
from .diagnostics import Diagnostic, Path, nearest, pointer, show

# Fields that need an accessible name, and the props that give one besides a Label naming them.
_NAMED_BY = {c.name: c.label_by for c in BY_NAME.values() if c.label_by is not None}


@dataclass
class FormScope:
    """A Form, or a Card with `asForm`: the fields inside it are submitted together."""

    path: Path
    kind: str
    has_action: bool
    outer: FormScope | None
    names: dict[str, Path] = field(default_factory=dict)
    has_submit: bool = False


@dataclass
class _Control:
    kind: str
    name: str
    path: Path
    node: dict[str, Any]
    scope: FormScope | None


class TreeRules:
    top: FormScope | None = None

    def __init__(self) -> None:
        self.ids: dict[str, Path] = {}
        self.scopes: list[FormScope] = []
        self.controls: list[_Control] = []
        self.labels: list[tuple[str, Path]] = []
        self.loose_submits: list[Path] = []
        self.out: list[Diagnostic] = []

    def visit(self, kind: str, node: dict[str, Any], path: Path, scope: object) -> FormScope | None:
        """Record what the tree rules need from one node; return the form scope of its children."""
        current = scope if isinstance(scope, FormScope) else None
        out = self.out
        ident = node.get("id")
        if type(ident) is str:
            first = self.ids.setdefault(ident, path)
            if first is not path:
                out.append(
                    Diagnostic(
                        pointer((path, "id")),
                        "error",
                        "duplicate-id",
                        f"id {show(ident)} is already used at {pointer(first) or '/'}",
                        "give every id in a widget its own value",
                    )
                )
        if kind in FORM_CONTROLS:
            name = node.get("name")
            if type(name) is str:
                self._field(kind, name, path, node, current)
        elif kind == "Text":
            editable = node.get("editable")
            if type(editable) is dict and type(editable.get("name")) is str:
                self._field(kind, editable["name"], path, node, current)
        elif kind == "Label":
            target = node.get("fieldName")
            if type(target) is str:
                self.labels.append((target, path))
        elif kind == "Button":
            self._button(node, path, current)
        elif kind == "Image" and node.get("alt") is None:  # alt="" marks a decoration
            out.append(
                Diagnostic(
                    pointer(path),
                    "warning",
                    "a11y-alt",
                    "this Image has no alt text",
                    'describe it with alt="…" (or alt="" only if it is decoration)',
                )
            )
        if kind == "Form" or (kind == "Card" and node.get("asForm") is True):
            action = node.get("onSubmitAction") if kind == "Form" else node.get("confirm")
            inner = FormScope(path, kind, action is not None, current)
            self.scopes.append(inner)
            return inner
        return current

    def _field(
        self, kind: str, name: str, path: Path, node: dict[str, Any], scope: FormScope | None
    ) -> None:
        self.controls.append(_Control(kind, name, path, node, scope))
        if scope is None:
            return
        first = scope.names.setdefault(name, path)
        if first is not path:
            self.out.append(
                Diagnostic(
                    pointer(path),
                    "error",
                    "duplicate-field",
                    f"field name {show(name)} is already used in this form at {pointer(first)}",
                    "give each field of a form its own name (dotted names nest: address.city)",
                )
            )

    def _button(self, node: dict[str, Any], path: Path, scope: FormScope | None) -> None:
        if node.get("submit") is True:
            if scope is None:
                self.loose_submits.append(path)
            else:
                scope.has_submit = True
        if not node.get("label"):
            icon_only = node.get("iconStart") or node.get("iconEnd")
            self.out.append(
                Diagnostic(
                    pointer(path),
                    "warning",
                    "a11y-label",
                    "this icon-only Button has no label for screen readers"
                    if icon_only
                    else "this Button has neither a label nor an icon",
                    'add label="…"',
                )
            )

    def finish(self, out: list[Diagnostic]) -> None:
        out.extend(self.out)
        names = {c.name for c in self.controls}
        labelled = set()
        for target, path in self.labels:
            labelled.add(target)
            if target not in names:
                close = nearest(target, names)
                out.append(
                    Diagnostic(
                        pointer((path, "fieldName")),
                        "error",
                        "label-field",
                        f"Label names field {show(target)}, but no field has that name",
                        f'did you mean "{close}"?' if close else "name a field of this widget",
                    )
                )
        for scope in self.scopes:
            self._check_scope(scope, out)
        for path in self.loose_submits:
            out.append(
                Diagnostic(
                    pointer((path, "submit")),
                    "warning",
                    "no-submit",
                    "this submit Button is not inside a Form or an asForm Card",
                    "wrap the fields and the button in a Form, or use onClickAction",
                )
            )
        for c in self.controls:
            self._check_control(c, labelled, out)

    def _check_scope(self, scope: FormScope, out: list[Diagnostic]) -> None:
        where = pointer(scope.path)
        if scope.kind == "Card":
            if not scope.has_action:
                out.append(
                    Diagnostic(
                        where,
                        "error",
                        "no-submit",
                        "this asForm Card has no confirm action, so its values are never sent",
                        'add confirm={"label": "…", "action": action("…")}',
                    )
                )
        elif not scope.has_action:
            if scope.outer is None or not scope.outer.has_action:
                out.append(
                    Diagnostic(
                        where,
                        "error",
                        "no-submit",
                        "this Form has no onSubmitAction, so its values are never sent",
                        'add onSubmitAction=action("…")',
                    )
                )
        elif not scope.has_submit and scope.names:
            out.append(
                Diagnostic(
                    where,
                    "warning",
                    "no-submit",
                    "nothing submits this Form: it has no submit Button",
                    'add Button("Submit", submit=True) inside it',
                )
            )

    def _check_control(self, c: _Control, labelled: set[str], out: list[Diagnostic]) -> None:
        node = c.node
        if c.name in labelled:
            return
        props = _NAMED_BY.get(c.kind)
        if props is None or any(node.get(p) for p in props):
            return
        message = f"this {c.kind} has neither a Label nor " + " nor ".join(map(_a, props))
        out.append(
            Diagnostic(
                pointer(c.path),
                "warning",
                "a11y-label",
                message,
                f'add Label("…", fieldName="{c.name}") or ' + " or ".join(map(_a, props)),
            )
        )


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"

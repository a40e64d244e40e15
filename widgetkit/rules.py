"""Rules over the whole tree: forms, labels, ids and keys, options, dates and accessibility.

The validator calls `visit` for the components these rules read (and for every node inside a
form), and `finish` once at the end, so the tree is walked only once. Each rule follows what
ChatKit documents; `catalog/sources.py` quotes the docs, named in the comments below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import BY_NAME, FIELDS, FORMS
from .catalog.types import Shape, Union
from .checks import is_script_url, iso_date, unsafe_url
from .diagnostics import Diagnostic, Path, nearest, pointer, show

# Fields that need an accessible name, and the props that give one besides a Label naming them.
_NAMED_BY = {c.name: c.label_by for c in BY_NAME.values() if c.label_by is not None}


def _carries_actions(t: object) -> bool:
    """Whether a prop of this type holds an action (ActionConfig, or a CardAction around one)."""
    from .catalog import shapes as s

    if t is s.ActionConfig:
        return True
    if isinstance(t, Union):
        return any(_carries_actions(o) for o in t.options)
    return isinstance(t, Shape) and any(f.type is s.ActionConfig for f in t.fields)


# The props of each component that send an action: onClickAction, onChangeAction, confirm, ...
ACTION_PROPS: dict[str, tuple[str, ...]] = {
    c.name: tuple(f.name for f in c.props if _carries_actions(f.type)) for c in BY_NAME.values()
}


@dataclass
class FormScope:
    """A Form or an `asForm` Card (`form`), or a Card with `confirm` but no `asForm`, whose
    fields would be lost: the fields inside it are gathered together."""

    path: Path
    kind: str
    node: dict[str, Any]
    carried: bool  # an action inside it (or its own submit action) receives its values
    outer: FormScope | None
    form: bool = True
    names: dict[str, Path] = field(default_factory=dict)
    stray: list[Path] = field(default_factory=list)  # fields in a confirm Card that isn't a form

    def carry(self) -> None:
        scope: FormScope | None = self
        while scope is not None and not scope.carried:
            scope.carried = True
            scope = scope.outer


@dataclass
class _Control:
    kind: str
    name: str
    path: Path
    node: dict[str, Any]


def _name_of(kind: str, node: dict[str, Any]) -> object:
    value: object = node
    for key in FIELDS[kind]:
        value = value.get(key) if isinstance(value, dict) else None
    return value


class TreeRules:
    top: FormScope | None = None

    def __init__(self) -> None:
        self.ids: dict[str, Path] = {}
        self.keys: dict[tuple[int, str], Path] = {}
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
        key = node.get("key")
        if type(key) is str and path is not None and type(path[1]) is int:
            self._key(key, path)
        if current is not None and any(
            isinstance(node.get(p), dict) for p in ACTION_PROPS.get(kind, ())
        ):
            if current.form:
                current.carry()  # docs-forms: values go with every action inside the form
            elif current.outer is not None:
                current.outer.carry()
        if kind in FIELDS:
            name = _name_of(kind, node)
            if type(name) is str:
                self._field(kind, name, path, node, current)
        if kind == "Label":
            target = node.get("fieldName")
            if type(target) is str:
                self.labels.append((target, path))
        elif kind == "Button":
            self._button(node, path, current)
        elif kind == "Image":
            self._image(node, path)
        elif kind in ("Select", "RadioGroup"):
            self._options(node, path)
        elif kind == "DatePicker":
            self._dates(node, path)
        elif kind == "ListView":
            limit = node.get("limit")
            if type(limit) is int and limit <= 0:
                out.append(
                    Diagnostic(
                        pointer((path, "limit")),
                        "error",
                        "bad-value",
                        f"limit {limit} shows no items before the list's “show more”",
                        'use a positive number of items, or "auto"',
                    )
                )
        behaviour = FORMS.get(kind)
        if behaviour is not None:
            if behaviour.when is None or node.get(behaviour.when) is True:
                action: object = node
                for step in behaviour.action:
                    action = action.get(step) if isinstance(action, dict) else None
                inner = FormScope(path, kind, node, isinstance(action, dict), current)
                self.scopes.append(inner)
                return inner
            if kind == "Card" and isinstance(node.get("confirm"), dict):
                # docs-card-as-form: only an asForm Card passes its fields to `confirm`.
                inner = FormScope(path, kind, node, True, current, form=False)
                self.scopes.append(inner)
                return inner
        return current

    def _key(self, key: str, path: Path) -> None:
        assert path is not None
        siblings = path[0]
        first = self.keys.setdefault((id(siblings), key), path)
        if first is not path:
            self.out.append(
                Diagnostic(
                    pointer((path, "key")),
                    "error",
                    "duplicate-key",
                    f"key {show(key)} is already used by a sibling at {pointer(first)}",
                    "give siblings their own keys (ChatKit tells nodes apart by key in updates)",
                )
            )

    def _field(
        self, kind: str, name: str, path: Path, node: dict[str, Any], scope: FormScope | None
    ) -> None:
        self.controls.append(_Control(kind, name, path, node))
        form = scope
        while form is not None and not form.form:
            form = form.outer
        if (
            scope is not None
            and not scope.form
            and not isinstance(node.get("onChangeAction"), dict)
        ):
            scope.stray.append(path)
        if form is None:
            return
        first = form.names.setdefault(name, path)
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
        if node.get("submit") is True and (scope is None or not scope.form):
            self.loose_submits.append(path)
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

    def _image(self, node: dict[str, Any], path: Path) -> None:
        src = node.get("src")
        if type(src) is str:
            if not src.strip():
                self.out.append(
                    Diagnostic(
                        pointer((path, "src")),
                        "error",
                        "bad-value",
                        "this Image's src is empty, so it draws nothing",
                        "give the image's URL, or leave the Image out",
                    )
                )
            elif is_script_url(src):
                self.out.append(unsafe_url((path, "src"), src))
        if node.get("alt") is None:  # alt="" marks a decoration
            self.out.append(
                Diagnostic(
                    pointer(path),
                    "warning",
                    "a11y-alt",
                    "this Image has no alt text",
                    'describe it with alt="…" (or alt="" only if it is decoration)',
                )
            )

    def _options(self, node: dict[str, Any], path: Path) -> None:
        options = node.get("options")
        if type(options) is not list:
            return
        values: dict[str, int] = {}
        for i, option in enumerate(options):
            value = option.get("value") if type(option) is dict else None
            if type(value) is not str:
                continue
            first = values.setdefault(value, i)
            if first != i:
                self.out.append(
                    Diagnostic(
                        pointer((((path, "options"), i), "value")),
                        "error",
                        "bad-option",
                        f"option value {show(value)} is already used by option {first}",
                        "give every option its own value: the form sends only the value",
                    )
                )
        default = node.get("defaultValue")
        if type(default) is str and default not in values:
            close = nearest(default, values)
            listed = ", ".join(show(v) for v in list(values)[:8]) or "none"
            self.out.append(
                Diagnostic(
                    pointer((path, "defaultValue")),
                    "error",
                    "bad-option",
                    f"defaultValue {show(default)} is not the value of any option "
                    f"(the values are {listed})",
                    (f'did you mean "{close}"? ' if close else "")
                    + "use an option's value (not its label), or add the option",
                )
            )

    def _dates(self, node: dict[str, Any], path: Path) -> None:
        lo, hi, default = (iso_date(node.get(k)) for k in ("min", "max", "defaultValue"))
        if lo is not None and hi is not None and lo > hi:
            self.out.append(
                Diagnostic(
                    pointer((path, "min")),
                    "error",
                    "bad-value",
                    f"min {show(node['min'])} is after max {show(node['max'])}, so no date "
                    "can be picked",
                    "swap min and max",
                )
            )
        elif default is not None and (
            (lo is not None and default < lo) or (hi is not None and default > hi)
        ):
            self.out.append(
                Diagnostic(
                    pointer((path, "defaultValue")),
                    "error",
                    "bad-value",
                    f"defaultValue {show(node['defaultValue'])} is outside "
                    f"{show(node.get('min'))} .. {show(node.get('max'))}",
                    "pick a default between min and max, or widen them",
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
        if not scope.form:
            if scope.stray:
                fields = ", ".join(pointer(p) for p in scope.stray[:5])
                out.append(
                    Diagnostic(
                        where or "",
                        "error",
                        "confirm-not-form",
                        f"this Card's confirm action never receives its fields' values "
                        f"({fields}): only an asForm Card passes them to confirm",
                        'add "asForm": true to the Card',
                    )
                )
            return
        # docs-forms: values reach every action inside the form; a form without fields, or a
        # collapsed card (sent, its body folded away), has nothing to send.
        outer: FormScope | None = scope
        while outer is not None and not outer.carried:
            outer = outer.outer  # a nested form's values go with its outer form's actions too
        if outer is not None or not scope.names or scope.node.get("collapsed") is True:
            return
        if scope.kind == "Card":
            message = "the fields of this asForm Card reach no action: it has no confirm"
            hint = 'add confirm={"label": "…", "action": action("…")}'
        else:
            message = "the fields of this Form reach no action: it has no onSubmitAction"
            hint = 'add onSubmitAction=action("…")'
        out.append(
            Diagnostic(
                where,
                "warning",
                "no-submit",
                message + " and nothing inside it sends one",
                hint + ", or give a Button inside it an onClickAction",
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

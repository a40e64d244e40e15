"""Strict validation of widget JSON, compiled from the catalog.

Each catalog type is compiled once (per runtime) into a small checking closure, and each component
into a table of them, so checking a node is a dict walk with one call per prop. The tree is walked
with an explicit stack: any JSON, however deep, gets diagnostics and never an exception.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

import webcolors

from .catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, FORM_CONTROLS, ROOTS, Component
from .catalog import shapes as s
from .catalog.types import (
    NUMBER,
    STR,
    ColorStr,
    Const,
    Field,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Runtime,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)
from .diagnostics import Diagnostic, Path, nearest, one_of, pointer, show
from .rules import TreeRules

Out = list[Diagnostic]
Check = Callable[[Any, Path, Out], None]

_PRIMITIVE = re.compile(r"^[a-z]+-\d{1,3}$")
# CSS colour functions, and gradients: a `background` string is passed through to CSS as is.
_CSS_FUNCTION = re.compile(
    r"^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|var"
    r"|(repeating-)?(linear|radial|conic)-gradient)\(.*\)$"
)
_HEX = re.compile(r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_CSS_KEYWORDS = frozenset({"transparent", "currentcolor", "inherit", "initial", "unset"})
_CSS_NAMES = frozenset(webcolors.names("css3"))


def _kind(v: object) -> str:
    t = type(v)
    if t is bool:
        return "bool"
    if t is int:
        return "int"
    if t is float:
        return "float"
    if t is str:
        return "str"
    if t is dict:
        return "dict"
    if t is list:
        return "list"
    return "null" if v is None else "other"


def describe(t: Type) -> str:
    """How a message names what a type accepts."""
    match t:
        case Scalar("str"):
            return "a string"
        case Scalar("bool"):
            return "true or false"
        case Scalar("int"):
            return "an integer"
        case Scalar("number"):
            return "a number"
        case Scalar():
            return "any JSON value"
        case Tokens(name, values):
            return f"{_a(name)} ({', '.join(values)})"
        case Const(value):
            return show(value)
        case ColorStr(name):
            return f"{_a(name)} string"
        case IsoDate():
            return "an ISO 8601 date string"
        case IconRef():
            return "an icon name"
        case Regex():
            return "a regular expression string"
        case Union(options):
            return " or ".join(describe(o) for o in options)
        case ListOf(item):
            return f"a list of {describe(item)}"
        case MapOf():
            return "an object"
        case Shape(name) | Tagged(name):
            return f"{_a(name)} object"


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _accepts(t: Type) -> frozenset[str]:
    """The JSON kinds a type can accept, so a union can dispatch on the value's kind."""
    match t:
        case Scalar("str") | Tokens() | ColorStr() | IsoDate() | IconRef() | Regex():
            return frozenset({"str"})
        case Scalar("bool"):
            return frozenset({"bool"})
        case Scalar("int"):
            return frozenset({"int", "float"})
        case Scalar("number"):
            return frozenset({"int", "float"})
        case Scalar():
            return frozenset({"bool", "int", "float", "str", "dict", "list", "null"})
        case Const(value):
            return frozenset({_kind(value)})
        case Union(options):
            return frozenset().union(*(_accepts(o) for o in options))
        case ListOf():
            return frozenset({"list"})
        case MapOf() | Shape() | Tagged():
            return frozenset({"dict"})


def _wrong_type(t: Type) -> Check:
    expected = describe(t)

    def report(v: Any, path: Path, out: Out) -> None:
        out.append(
            Diagnostic(
                pointer(path),
                "error",
                "wrong-type",
                f"{show(v)} is not {expected}",
                f"use {expected}",
            )
        )

    return report


def _compile(t: Type, rt: Runtime | None) -> Check:
    wrong = _wrong_type(t)
    match t:
        case Scalar("any"):
            return lambda v, path, out: None
        case Scalar("str"):

            def check_str(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)

            return check_str
        case Scalar("bool"):

            def check_bool(v: Any, path: Path, out: Out) -> None:
                if type(v) is not bool:
                    wrong(v, path, out)

            return check_bool
        case Scalar("int"):

            def check_int(v: Any, path: Path, out: Out) -> None:
                if type(v) is not int and not (type(v) is float and v.is_integer()):
                    wrong(v, path, out)

            return check_int
        case Scalar("number"):

            def check_number(v: Any, path: Path, out: Out) -> None:
                if type(v) is float and not math.isfinite(v):
                    out.append(
                        Diagnostic(
                            pointer(path),
                            "error",
                            "not-finite",
                            f"{show(v)} is not a finite number, and JSON cannot carry it",
                            "use a finite number (NaN and Infinity make to_json() fail)",
                        )
                    )
                elif type(v) is not int and type(v) is not float:
                    wrong(v, path, out)

            return check_number
        case Tokens(name, values):
            allowed = frozenset(values)
            hint = one_of(values)

            def check_tokens(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)
                elif v not in allowed:
                    close = nearest(v, values)
                    out.append(
                        Diagnostic(
                            pointer(path),
                            "error",
                            "bad-token",
                            f"{show(v)} is not {_a(name)} token",
                            (f'did you mean "{close}"? ' if close else "") + hint,
                        )
                    )

            return check_tokens
        case Const(value):

            def check_const(v: Any, path: Path, out: Out) -> None:
                if v != value or type(v) is not type(value):
                    wrong(v, path, out)

            return check_const
        case ColorStr(name, tokens):
            return _color_check(name, tokens, wrong)
        case IsoDate():
            return _date_check(wrong)
        case IconRef():
            return _icon_check(rt, wrong)
        case Regex():

            def check_regex(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)
                    return
                try:
                    re.compile(v)
                except re.error as exc:
                    out.append(
                        Diagnostic(
                            pointer(path),
                            "warning",
                            "bad-pattern",
                            f"{show(v)} is not a valid regular expression: {exc}",
                            "fix the pattern; browsers ignore an invalid one",
                        )
                    )

            return check_regex
        case Union(options):
            return _union_check(options, rt, wrong)
        case ListOf(item):
            item_check = _compile(item, rt)

            def check_list(v: Any, path: Path, out: Out) -> None:
                if type(v) is not list:
                    wrong(v, path, out)
                    return
                for i, x in enumerate(v):
                    item_check(x, (path, i), out)

            return check_list
        case MapOf(value_type):
            value_check = _compile(value_type, rt)

            def check_map(v: Any, path: Path, out: Out) -> None:
                if type(v) is not dict:
                    wrong(v, path, out)
                    return
                for k, x in v.items():
                    value_check(x, (path, k), out)

            return check_map
        case Shape():
            return _shape_check(t, rt, wrong)
        case Tagged(name, key, variants):
            return _tagged_check(name, key, variants, rt, wrong)
    raise TypeError(f"no checker for {t!r}")  # pragma: no cover - the match is exhaustive


def _color_check(name: str, tokens: tuple[str, ...], wrong: Check) -> Check:
    allowed = frozenset(tokens)

    def check_color(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
            return
        if v in allowed or _PRIMITIVE.match(v) or _HEX.match(v) or _CSS_FUNCTION.match(v):
            return
        if v.lower() in _CSS_NAMES or v.lower() in _CSS_KEYWORDS:
            return
        close = nearest(v, tokens)
        out.append(
            Diagnostic(
                pointer(path),
                "warning",
                "bad-color",
                f"{show(v)} is not a {name} token, a primitive like red-100, or a CSS colour",
                (f'did you mean "{close}"? ' if close else "") + one_of(tokens),
            )
        )

    return check_color


def _date_check(wrong: Check) -> Check:
    def check_date(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
            return
        try:
            datetime.fromisoformat(v)
        except ValueError:
            try:
                date.fromisoformat(v)
            except ValueError:
                out.append(
                    Diagnostic(
                        pointer(path),
                        "error",
                        "bad-date",
                        f"{show(v)} is not an ISO 8601 date",
                        'write it like "2025-03-14" or "2025-03-14T09:30:00Z"',
                    )
                )

    return check_date


def _icon_check(rt: Runtime | None, wrong: Check) -> Check:
    names = frozenset(s.ICONS)

    def check_icon(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
        elif v in names:
            if rt == "js" and v in s.ICONS_PY_ONLY:
                out.append(_drift(path, f'icon "{v}"', "js"))
        elif v.startswith(s.ICON_PREFIXES):
            if rt == "js":
                out.append(_drift(path, f"the prefixed icon {show(v)}", "js"))
        else:
            close = nearest(v, s.ICONS)
            out.append(
                Diagnostic(
                    pointer(path),
                    "error",
                    "bad-token",
                    f"{show(v)} is not an icon name",
                    (f'did you mean "{close}"? ' if close else "")
                    + "use a built-in name (`widgetkit schema` lists them) or vendor:/lucide:",
                )
            )

    return check_icon


def _union_check(options: tuple[Type, ...], rt: Runtime | None, wrong: Check) -> Check:
    by_kind: dict[str, list[Check]] = {}
    for option in options:
        check = _compile(option, rt)
        for kind in _accepts(option):
            by_kind.setdefault(kind, []).append(check)

    def check_union(v: Any, path: Path, out: Out) -> None:
        candidates = by_kind.get(_kind(v))
        if not candidates:
            wrong(v, path, out)
        elif len(candidates) == 1:
            trial: Out = []
            candidates[0](v, path, trial)
            if len(trial) == 1 and trial[0].code == "wrong-type" and trial[0].path == pointer(path):
                wrong(v, path, out)  # name every option, not only the one of the same JSON kind
            else:
                out.extend(trial)
        else:
            best: Out | None = None
            for check in candidates:
                trial = []
                check(v, path, trial)
                if not any(d.severity == "error" for d in trial):
                    out.extend(trial)
                    return
                if best is None or len(trial) < len(best):
                    best = trial
            out.extend(best or ())

    return check_union


def _drift(path: Path, what: str, rt: Runtime) -> Diagnostic:
    other = "openai-chatkit (Python)" if rt == "js" else "ChatKit.js"
    here = "ChatKit.js" if rt == "js" else "openai-chatkit (Python)"
    return Diagnostic(
        pointer(path),
        "warning",
        "runtime-drift",
        f"{what} is defined by {other} but not by {here}",
        f"drop it, or accept that {here} ignores or rejects it",
    )


def _field_checks(fields: tuple[Field, ...], rt: Runtime | None) -> dict[str, Check]:
    checks: dict[str, Check] = {}
    for f in fields:
        check = _compile(f.type, rt)
        if rt is not None and rt not in f.runtimes:
            check = _with_drift(check, f"prop {f.name!r}", rt)
        checks[f.name] = check
    return checks


def _with_drift(check: Check, what: str, rt: Runtime) -> Check:
    def drifting(v: Any, path: Path, out: Out) -> None:
        out.append(_drift(path, what, rt))
        check(v, path, out)

    return drifting


# Fast paths: the walk checks these kinds inline and calls the full checker only to report.
_CALL, _STR, _BOOL, _TOKENS, _NUMBER, _ANY, _NUMBER_OR_STR = range(7)
_FAST_SCALARS = {"str": _STR, "bool": _BOOL, "number": _NUMBER, "any": _ANY}
Entry = tuple[int, frozenset[str], Check]


def _fast(f: Field, check: Check, rt: Runtime | None) -> Entry:
    if rt is None or rt in f.runtimes:
        match f.type:
            case Scalar(kind) if kind in _FAST_SCALARS:
                return _FAST_SCALARS[kind], frozenset(), check
            case Tokens(_, values):
                return _TOKENS, frozenset(values), check
            case IconRef():  # prefixed and runtime-specific names take the full check
                names = frozenset(s.ICONS) - (s.ICONS_PY_ONLY if rt == "js" else frozenset())
                return _TOKENS, names, check
            case Union((ColorStr(_, tokens), Shape())):  # a colour: tokens are the common case
                return _TOKENS, frozenset(tokens), check
            case Union(options) if all(o in (NUMBER, STR) for o in options):
                return _NUMBER_OR_STR, frozenset(), check
    return _CALL, frozenset(), check


def _entries(fields: tuple[Field, ...], rt: Runtime | None) -> dict[str, Entry]:
    checks = _field_checks(fields, rt)
    return {f.name: _fast(f, checks[f.name], rt) for f in fields}


def _shape_check(shape: Shape, rt: Runtime | None, wrong: Check) -> Check:
    entries = _entries(shape.fields, rt)
    required = tuple(f.name for f in shape.fields if f.required)

    def check_shape(v: Any, path: Path, out: Out) -> None:
        if type(v) is not dict:
            wrong(v, path, out)
            return
        for k, x in v.items():
            entry = entries.get(k)
            if entry is None:
                out.append(_unknown(path, k, shape.name, entries))
                continue
            if x is None:
                continue
            # The same inline fast paths as check_tree's prop loop (see there).
            fast, tokens, check = entry
            t = type(x)
            if fast == _STR:
                ok = t is str
            elif fast == _TOKENS:
                ok = t is str and x in tokens
            elif fast == _ANY:
                ok = True
            elif fast == _BOOL:
                ok = t is bool
            elif fast == _NUMBER:
                ok = t is int or (t is float and x - x == 0.0)  # x - x is NaN for NaN and ±inf
            elif fast == _NUMBER_OR_STR:
                ok = t is str or t is int or (t is float and x - x == 0.0)
            else:
                ok = False
            if not ok:
                check(x, (path, k), out)
        for k in required:
            if v.get(k) is None:
                out.append(_missing(path, k, shape.name))

    return check_shape


def _tagged_check(
    name: str, key: str, variants: tuple[Shape, ...], rt: Runtime | None, wrong: Check
) -> Check:
    tags: dict[str, Check] = {}
    for variant in variants:
        tag = variant.by_name[key].type
        assert isinstance(tag, Const) and isinstance(tag.value, str)
        tags[tag.value] = _shape_check(variant, rt, wrong)

    def check_tagged(v: Any, path: Path, out: Out) -> None:
        if type(v) is not dict:
            wrong(v, path, out)
            return
        tag = v.get(key)
        check = tags.get(tag) if type(tag) is str else None
        if check is not None:
            check(v, path, out)
        elif tag is None:
            out.append(_missing(path, key, name))
        else:
            out.append(
                Diagnostic(
                    pointer((path, key)),
                    "error",
                    "bad-token",
                    f"{show(tag)} is not a {name} {key}",
                    one_of(tags),
                )
            )

    return check_tagged


def _unknown(path: Path, key: object, owner: str, known: dict[str, Any]) -> Diagnostic:
    close = nearest(str(key), known)
    return Diagnostic(
        pointer((path, str(key))),
        "error",
        "unknown-prop",
        f"{owner} has no prop {show(key)}",
        f'did you mean "{close}"?' if close else "known props: " + ", ".join(known),
    )


def _missing(path: Path, key: str, owner: str) -> Diagnostic:
    return Diagnostic(
        pointer((path, key)),
        "error",
        "missing-prop",
        f"{owner} needs {key!r}",
        f"add {key!r}",
    )


# Components the tree rules must see even without an id (forms, labels, a11y); Text only when it
# is editable and Card only when it is a form.
_RULES_ALWAYS = FORM_CONTROLS | {"Label", "Form"}
_RULES_WHEN_PRESENT = {"Text": "editable", "Card": "asForm", "Button": "submit"}
_NEVER = object()  # never a key of a JSON object
_RULES_WHEN_EMPTY = {"Button": "label", "Image": "alt"}  # the a11y rules look at these


class CompiledComponent:
    __slots__ = (
        "allowed",
        "checks",
        "children",
        "drift",
        "empty",
        "required",
        "rules",
        "spec",
        "walk",
        "when",
    )

    def __init__(self, spec: Component, rt: Runtime | None) -> None:
        self.spec = spec
        self.checks = _entries(spec.props, rt)
        self.required = spec.required
        self.children = spec.children
        self.allowed = ALLOWED_CHILDREN[spec.children.group] if spec.children else frozenset()
        self.drift = rt is not None and rt not in spec.runtimes
        self.rules = spec.name in _RULES_ALWAYS
        self.when: object = _RULES_WHEN_PRESENT.get(spec.name, _NEVER)
        self.empty = _RULES_WHEN_EMPTY.get(spec.name, "")
        # What the walk needs, unpacked in one step per node.
        self.walk = (
            self.checks,
            self.required,
            self.children,
            self.children is not None and self.children.required,
            self.rules,
            self.when,
            self.empty,
            rt if self.drift else None,
        )


@cache
def compiled(rt: Runtime | None) -> dict[str, CompiledComponent]:
    return {c.name: CompiledComponent(c, rt) for c in COMPONENTS}


_ROOT_HINT = "make the root a Card, ListView or Basic"


def validate(payload: object, *, runtime: Runtime | None = None) -> list[Diagnostic]:
    """Check widget JSON against the catalog and return every problem found.

    >>> validate({"type": "Card", "children": [{"type": "Title", "value": "Hi", "size": "6xl"}]})
    ... # doctest: +ELLIPSIS
    [Diagnostic(path='/children/0/size', severity='error', code='bad-token', ...)]

    With `runtime="js"` or `"python"`, a component or prop the other runtime alone defines is
    reported as a warning.
    """
    out: Out = []
    table = compiled(runtime)
    rules = TreeRules()
    if type(payload) is not dict:
        out.append(
            Diagnostic(
                "", "error", "not-object", f"{show(payload)} is not a widget object", _ROOT_HINT
            )
        )
        return out
    kind = payload.get("type")
    if type(kind) is str and kind in BY_NAME and kind not in ROOTS:
        out.append(
            Diagnostic("", "error", "bad-root", f"{show(kind)} cannot be a widget root", _ROOT_HINT)
        )
    check_tree(payload, None, table, rules, out, runtime)
    rules.finish(out)
    return out


def check_tree(
    root: dict[str, Any],
    root_path: Path,
    table: dict[str, CompiledComponent],
    rules: TreeRules,
    out: Out,
    runtime: Runtime | None,
    *,
    descend: bool = True,
) -> None:
    """Check `root` and (with `descend`) everything below it; tree rules go to `rules`.

    This loop is the validator's hot path: the common case (a known component whose props pass
    their inline checks) touches no path, allocates nothing and calls nothing; everything rarer
    goes to helpers below.
    """
    # Each stack entry is a list of sibling nodes, walked by the inner loop, so a leaf never
    # costs a push and a pop. A list's nodes sit at (base, i); a lone child (root, Transition's
    # child) at base itself.
    stack: list[tuple[list[Any], Path, frozenset[str], str, object, bool]] = [
        ([root], root_path, _ANYWHERE, "", rules.top, False)
    ]
    while stack:
        if len(out) >= MAX_DIAGNOSTICS:
            out.append(_too_many())
            return
        items, base, allowed, parent, scope, indexed = stack.pop()
        i = -1
        for node in items:
            i += 1
            try:
                kind = node["type"]
                comp = table[kind]
            except (KeyError, TypeError, IndexError):  # not a dict, no type, unknown type
                path: Path = (base, i) if indexed else base
                _odd_node(node, path, out, stack if descend else None, scope)
                continue
            if kind not in allowed:
                path = (base, i) if indexed else base
                out.append(_bad_child(path, kind, parent, allowed))
            (checks, required, spec, needs_kids, rules_always, rules_when, rules_empty, drift) = (
                comp.walk
            )
            if drift:
                out.append(_drift((base, i) if indexed else base, f"the {kind} component", drift))
            for k, v in node.items():
                entry = checks.get(k)
                if entry is None:
                    if k != "type" and k != "children":
                        out.append(_unknown((base, i) if indexed else base, k, kind, checks))
                    continue
                if v is None:  # null props are dropped on the wire: absent, unless required
                    if k in required:
                        out.append(_missing((base, i) if indexed else base, k, kind))
                    continue
                fast, tokens, check = entry
                if fast == _STR:
                    if type(v) is str:
                        continue
                elif fast == _TOKENS:
                    if type(v) is str and v in tokens:
                        continue
                elif fast == _ANY:
                    continue
                elif fast == _BOOL:
                    if type(v) is bool:
                        continue
                elif fast == _NUMBER_OR_STR:
                    if type(v) is str or type(v) is int or (type(v) is float and v - v == 0.0):
                        continue
                elif fast == _NUMBER:  # v - v is NaN for NaN and ±inf, which JSON cannot carry
                    if type(v) is int or (type(v) is float and v - v == 0.0):
                        continue
                check(v, ((base, i) if indexed else base, k), out)
            for k in required:  # usually one: Text's value, Button's label
                if k not in node:
                    _missing_props(node, (base, i) if indexed else base, comp, out)
                    break
            if needs_kids and node.get("children") is None:
                out.append(_missing((base, i) if indexed else base, "children", kind))
            if (
                rules_always
                or "id" in node
                or rules_when in node
                or (rules_empty and not node.get(rules_empty))
            ):
                inner: object = rules.visit(kind, node, (base, i) if indexed else base, scope)
            else:
                inner = scope
            if spec is None:
                if "children" in node and node["children"] is not None and node["children"] != []:
                    _leaf_children(kind, (base, i) if indexed else base, out)
                continue
            children = node.get("children")
            if type(children) is list:
                if spec.single:
                    _single_child_list(kind, (base, i) if indexed else base, out)
                elif descend:
                    path = ((base, i) if indexed else base, "children")
                    stack.append((children, path, comp.allowed, kind, inner, True))
            elif children is None:
                pass  # reported above when required
            elif spec.single and descend:
                path = ((base, i) if indexed else base, "children")
                stack.append(([children], path, comp.allowed, kind, inner, False))
            elif not spec.single:
                _children_not_list(kind, children, (base, i) if indexed else base, out)


# Enough to fix anything real; a hostile payload thousands of levels deep with a fault at every
# level would otherwise produce output quadratic in its depth (each pointer is as long as it).
MAX_DIAGNOSTICS = 1000


def _too_many() -> Diagnostic:
    return Diagnostic(
        "",
        "error",
        "too-many",
        f"more than {MAX_DIAGNOSTICS} problems; the check stopped here",
        "fix these first, then validate again",
    )


_ANYWHERE: frozenset[str] = frozenset(c.name for c in COMPONENTS)


def _odd_node(
    node: object,
    path: Path,
    out: Out,
    stack: list[tuple[list[Any], Path, frozenset[str], str, object, bool]] | None,
    scope: object,
) -> None:
    if type(node) is not dict:
        out.append(
            Diagnostic(
                pointer(path),
                "error",
                "wrong-type",
                f"{show(node)} is not a component object",
                'children must be objects like {"type": "Text", "value": "…"}',
            )
        )
        return
    out.append(_unknown_component(path, node.get("type")))
    children = node.get("children")
    if stack is not None and type(children) is list:
        stack.append((children, (path, "children"), _ANYWHERE, "?", scope, True))


def _missing_props(node: dict[str, Any], path: Path, comp: CompiledComponent, out: Out) -> None:
    for k in comp.spec.required:
        if k not in node:  # a null one is reported by the prop loop
            out.append(_missing(path, k, comp.spec.name))


def _leaf_children(kind: str, path: Path, out: Out) -> None:
    out.append(
        Diagnostic(
            pointer((path, "children")),
            "error",
            "leaf-children",
            f"{kind} cannot hold children",
            f"move them into a Row, Col or Box beside the {kind}",
        )
    )


def _single_child_list(kind: str, path: Path, out: Out) -> None:
    out.append(
        Diagnostic(
            pointer((path, "children")),
            "error",
            "child-count",
            f"{kind} holds exactly one child object, not a list",
            'write "children": {…} with a single component',
        )
    )


def _children_not_list(kind: str, children: object, path: Path, out: Out) -> None:
    out.append(
        Diagnostic(
            pointer((path, "children")),
            "error",
            "wrong-type",
            f"{kind} children must be a list, not {show(children)}",
            "wrap the child in a list",
        )
    )


def _unknown_component(path: Path, kind: object) -> Diagnostic:
    if type(kind) is not str:
        what = "has no type" if kind is None else f"has type {show(kind)}, not a string"
        return Diagnostic(
            pointer(path),
            "error",
            "unknown-component",
            f"this node {what}",
            'every component needs "type", e.g. "Text"',
        )
    close = nearest(kind, BY_NAME)
    return Diagnostic(
        pointer((path, "type")),
        "error",
        "unknown-component",
        f"{show(kind)} is not a ChatKit component",
        f'did you mean "{close}"?' if close else "see `widgetkit schema` for the components",
    )


def _bad_child(path: Path, kind: str, parent: str, allowed: frozenset[str]) -> Diagnostic:
    if kind in ROOTS:
        hint = f"a {kind} is a root: only Basic can nest it; use a Col or Box here"
    elif kind == "ListViewItem":
        hint = "a ListViewItem lives only directly inside a ListView"
    elif len(allowed) == 1:
        hint = f"{parent} holds only {next(iter(allowed))} children"
    else:
        hint = "use a layout component such as Row, Col or Box"
    return Diagnostic(
        pointer(path),
        "error",
        "bad-child",
        f"a {kind} cannot be a child of {parent}",
        hint,
    )

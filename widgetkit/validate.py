"""Strict validation of widget JSON, compiled from the catalog.

Each catalog type is compiled once (per runtime) into a small checking closure (`checks.py`), and
each component into a table of them, so checking a node is a dict walk with the common props
checked inline. The tree is walked with an explicit stack: any JSON, however deep, gets
diagnostics and never an exception.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from .catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, FORM_CONTROLS, FORMS, ROOTS, Component
from .catalog.aliases import component_alias
from .catalog.types import Runtime
from .checks import (
    FAST_ANY,
    FAST_BOOL,
    FAST_MARK,
    FAST_NUMBER,
    FAST_NUMBER_OR_STR,
    FAST_STR,
    FAST_TOKENS,
    JSON_TYPES,
    Out,
    drift,
    entries,
    missing_prop,
    not_json,
    unknown_prop,
)
from .diagnostics import Diagnostic, Path, nearest, pointer, show
from .rules import TreeRules

# Components the tree rules must see even without an id or key (forms, labels, options, images,
# list limits); Text only when it is editable. Inside a form the rules see every node (its
# actions carry the form's values).
_RULES_ALWAYS = FORM_CONTROLS | set(FORMS) | {"Label", "Image", "ListView"}
_RULES_WHEN_PRESENT = {"Text": "editable", "Button": "submit"}
_NEVER = object()  # never a key of a JSON object
_RULES_WHEN_EMPTY = {"Button": "label"}  # the a11y rules look at these


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
        self.checks = entries(spec.props, rt)
        for name in ("id", "key"):  # the tree rules read these: the prop loop marks the node
            fast, tokens, check = self.checks[name]
            self.checks[name] = (FAST_MARK if fast == FAST_STR else fast, tokens, check)
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
# Keys a wrapper object puts a widget under (`{"widget": {...}}`, a model's `{"card": ...}`).
_WRAPPERS = ("widget", "card", "root", "payload", "output", "result", "data", "response")


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
        out.append(_not_object(payload))
        return out
    wrapped = _wrapped(payload)
    if wrapped is not None:
        out.append(wrapped)
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
    # child) at base itself. `above` links the nodes above the list (node, its path, above), so
    # a Python structure that contains itself is found: at each power-of-two depth from 8 (real
    # widgets seldom reach it), which costs a walk up of that depth, twice the tree's depth in all.
    stack: list[Entry] = [([root], root_path, _ANYWHERE, "", rules.top, False, 0, None)]
    while stack:
        if len(out) >= MAX_DIAGNOSTICS:
            out.append(_too_many())
            return
        items, base, allowed, parent, scope, indexed, depth, above = stack.pop()
        if depth & (depth - 1) == 0 and depth >= 8 and _cycle(above, out):
            continue
        i = -1
        for node in items:
            i += 1
            try:
                kind = node["type"]
                comp = table[kind]
            except Exception:  # not a dict, no type, an unknown or unhashable type
                path: Path = (base, i) if indexed else base
                _odd_node(node, path, out, stack if descend else None, scope, depth, above)
                continue
            if kind not in allowed:
                path = (base, i) if indexed else base
                out.append(_bad_child(path, kind, parent, allowed))
            (checks, required, spec, needs_kids, rules_always, rules_when, rules_empty, other) = (
                comp.walk
            )
            if other:  # the runtime asked for lacks this component
                out.append(drift((base, i) if indexed else base, f"the {kind} component", other))
            marked = False
            for k, v in node.items():
                entry = checks.get(k)
                if entry is None:
                    if k != "type" and k != "children":
                        out.append(unknown_prop((base, i) if indexed else base, k, kind, checks))
                    continue
                if v is None:  # null props are dropped on the wire: absent, unless required
                    if k in required:
                        out.append(missing_prop((base, i) if indexed else base, k, kind))
                    continue
                fast, tokens, check = entry
                if fast == FAST_STR:
                    if type(v) is str:
                        continue
                elif fast == FAST_TOKENS:
                    if type(v) is str and v in tokens:
                        continue
                elif fast == FAST_ANY:
                    continue
                elif fast == FAST_BOOL:
                    if type(v) is bool:
                        continue
                elif fast == FAST_NUMBER_OR_STR:
                    if type(v) is str or type(v) is int or (type(v) is float and v - v == 0.0):
                        continue
                elif fast == FAST_NUMBER:  # v - v is NaN for NaN and ±inf, which JSON cannot carry
                    if type(v) is int or (type(v) is float and v - v == 0.0):
                        continue
                elif fast == FAST_MARK:  # an id or a key: the tree rules look at this node
                    if type(v) is str:
                        marked = True
                        continue
                check(v, ((base, i) if indexed else base, k), out)
            for k in required:  # usually one: Text's value, Button's label
                if k not in node:
                    _missing_props(node, (base, i) if indexed else base, comp, out)
                    break
            if needs_kids and node.get("children") is None:
                out.append(missing_prop((base, i) if indexed else base, "children", kind))
            if (
                rules_always
                or marked
                or scope is not None
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
                    at = (base, i) if indexed else base
                    up = (node, at, above)
                    stack.append((children, (at, "children"), comp.allowed, kind, inner, True,
                                  depth + 1, up))  # fmt: skip
            elif children is None:
                pass  # reported above when required
            elif spec.single and descend:
                at = (base, i) if indexed else base
                up = (node, at, above)
                stack.append(([children], (at, "children"), comp.allowed, kind, inner, False,
                              depth + 1, up))  # fmt: skip
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


# The nodes above a list of siblings: (node, its path, the nodes above it), or None at the top.
Above = tuple[Any, Path, "Above"] | None
Entry = tuple[list[Any], Path, frozenset[str], str, object, bool, int, Above]


def _cycle(above: Above, out: Out) -> bool:
    """Whether the chain of nodes above holds one node twice; if so, report where it first
    comes back (the structure contains itself, so the walk would never end)."""
    chain: list[tuple[Any, Path]] = []
    while above is not None:
        node, at, above = above
        chain.append((node, at))
    seen: dict[int, Path] = {}
    for node, at in reversed(chain):  # from the top down: the first repeat is the shortest
        first = seen.setdefault(id(node), at)
        if first is not at:
            out.append(
                Diagnostic(
                    pointer(at),
                    "error",
                    "cycle",
                    f"this node is the one at {pointer(first) or '/'}: the structure contains "
                    "itself, which JSON cannot hold",
                    "build the widget as a tree: no node may be inside itself",
                )
            )
            return True
    return False


def _odd_node(
    node: object,
    path: Path,
    out: Out,
    stack: list[Entry] | None,
    scope: object,
    depth: int = 0,
    above: Above = None,
) -> None:
    if not isinstance(node, JSON_TYPES):
        out.append(not_json(path, node))
        return
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
        up = (node, path, above)
        stack.append((children, (path, "children"), _ANYWHERE, "?", scope, True, depth + 1, up))


def _missing_props(node: dict[str, Any], path: Path, comp: CompiledComponent, out: Out) -> None:
    for k in comp.spec.required:
        if k not in node:  # a null one is reported by the prop loop
            out.append(missing_prop(path, k, comp.spec.name))


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
    close = component_alias(kind) or nearest(kind, BY_NAME)
    return Diagnostic(
        pointer((path, "type")),
        "error",
        "unknown-component",
        f"{show(kind)} is not a ChatKit component",
        f'did you mean "{close}"?' if close else "see `widgetkit schema` for the components",
    )


def _bad_child(path: Path, kind: str, parent: str, allowed: frozenset[str]) -> Diagnostic:
    if kind in ROOTS:  # the catalog's docs-roots and js-roots
        instead = "a Col of Rows for a list" if kind == "ListView" else "a Col or Box"
        hint = (
            f"ChatKit's docs make {kind} a root-level container, which only a Basic can hold: "
            f"make it the widget's root, put it beside the rest in a Basic, or use {instead} here"
        )
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


def _not_object(payload: object) -> Diagnostic:
    """The root is not a dict: say what it is and how to get the widget out of it."""
    if not isinstance(payload, JSON_TYPES):
        return not_json(None, payload)
    hint = _ROOT_HINT
    if type(payload) is str:
        text = payload.strip()
        fenced = re.fullmatch(r"```[\w-]*\s*\n?(.*?)\n?\s*```", text, re.DOTALL)
        if fenced is not None:
            hint = "strip the Markdown code fence (```json … ```) and parse the JSON inside it"
        elif text[:1] in "{[":
            hint = "this is a string holding JSON: parse it first (json.loads) and pass the object"
    elif type(payload) is list and payload and all(type(x) is dict for x in payload):
        hint = "pass one widget object, not a list; wrap the components in a Card"
    return Diagnostic("", "error", "not-object", f"{show(payload)} is not a widget object", hint)


def _wrapped(payload: dict[Any, Any]) -> Diagnostic | None:
    """A widget under a wrapper key (`{"widget": {"type": "Card", ...}}`): say to unwrap it."""
    if "type" in payload:
        return None
    for key, value in payload.items():
        if key in _WRAPPERS or len(payload) == 1:
            inner = value
            if type(inner) is str and inner.strip()[:1] == "{":
                try:
                    inner = json.loads(inner)
                except ValueError:
                    continue
            if type(inner) is dict and type(inner.get("type")) is str and inner["type"] in ROOTS:
                return Diagnostic(
                    "",
                    "error",
                    "not-object",
                    f"this object wraps the widget under {show(key)}; it is not a widget itself",
                    f"unwrap it: validate and send payload[{show(key)}], the {inner['type']}",
                )
    return None

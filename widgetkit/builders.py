"""The runtime behind the builder classes generated into `widgetkit/components.py`.

A builder call checks its own props and children at once (so the traceback points at the line
that made the bad node); a root also checks the tree rules (forms, ids) over the whole tree.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date
from typing import TYPE_CHECKING, Any

from .catalog import COMPONENTS, ROOTS
from .diagnostics import Diagnostic, WidgetError, errors
from .rules import TreeRules
from .validate import check_tree, compiled, validate

if TYPE_CHECKING:
    from chatkit.widgets import DynamicWidgetRoot


class Node:
    """A widget component. Make one with its builder, e.g. `Text("Hello", weight="bold")`."""

    __slots__ = ("children", "props", "type")

    type: str
    props: dict[str, Any]
    children: list[Node] | Node | None

    def to_dict(self) -> dict[str, Any]:
        """The wire JSON as a dict (null-valued props are never written)."""
        out: dict[str, Any] = {"type": self.type, **self.props}
        children = self.children
        if isinstance(children, Node):
            out["children"] = children.to_dict()
        elif children or (children is not None and self.type in _CHILDREN_REQUIRED):
            # `Row()` writes no children key, as ChatKit's own serializer and Widget Studio do;
            # a Card or ListView always has its list, even an empty one.
            out["children"] = [c.to_dict() for c in children]
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """The wire JSON text: compact by default, never NaN.

        A root is checked whole first (raising `WidgetError`), for the one rule a builder call
        cannot judge alone: a Label naming a field elsewhere in an enclosing Basic.
        """
        separators = (",", ":") if indent is None else None
        return json.dumps(
            check_whole(self),
            ensure_ascii=False,
            allow_nan=False,
            indent=indent,
            separators=separators,
        )

    def to_chatkit(self) -> DynamicWidgetRoot:
        """An openai-chatkit widget root for `WidgetItem(widget=...)` and `stream_widget`."""
        from chatkit.widgets import DynamicWidgetRoot

        if self.type not in ROOTS:
            raise TypeError(
                f"{self.type} is not a widget root; wrap it in a Card, ListView or Basic first"
            )
        return DynamicWidgetRoot.model_validate(check_whole(self))

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> Node:
        """A node tree from widget JSON, checked like a builder call (raises `WidgetError`).

        Handy for editing a widget a client sent back, e.g. an action's sending widget.
        """
        found = diagnose(payload)
        if errors(found):
            raise WidgetError(found, where="Node.from_dict(…)")
        return _from_checked(payload)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        props = ", ".join(f"{k}={v!r}" for k, v in self.props.items())
        kids = self.children
        n = 0 if kids is None else 1 if isinstance(kids, Node) else len(kids)
        more = f", <{n} children>" if n else ""
        return f"{self.type}({props}{more})"


def _from_checked(payload: dict[str, Any]) -> Node:
    from . import components  # the generated classes, so isinstance(node, Card) holds

    cls: type[Node] = getattr(components, str(payload["type"]).replace(".", ""))
    node = cls.__new__(cls)
    node.type = payload["type"]
    node.props = {
        k: v for k, v in payload.items() if k not in ("type", "children") and v is not None
    }
    kids = payload.get("children")
    if isinstance(kids, dict):
        node.children = _from_checked(kids)
    elif isinstance(kids, list):
        node.children = [_from_checked(k) for k in kids]
    else:
        node.children = None
    return node


def plain(value: Any) -> Any:
    """A prop value as JSON: dates become ISO strings, tuples lists, nodes dicts."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Node):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "model_dump"):  # a pydantic model, e.g. a typed action payload
        return plain(value.model_dump(mode="json", exclude_none=True))
    return value  # left for the validator to report as a wrong type


_CHILDREN_REQUIRED = frozenset(c.name for c in COMPONENTS if c.children and c.children.required)

# Builder parameters that are not props: the node itself and its children (`child` for a
# Transition, whose JSON `children` is a single object).
_NOT_PROPS = frozenset({"self", "children", "child"})


NodeCheck = Callable[[Node], list[Diagnostic]]

# How a builder call checks the node it made. `widgetkit.export` swaps in a check that skips
# template placeholders (not values yet) and the tree rules, for the calls inside one export.
node_checks: ContextVar[tuple[NodeCheck, bool] | None] = ContextVar(
    "widgetkit_node_checks", default=None
)


def make(node: Node, kind: str, children: Any, params: dict[str, Any]) -> None:
    """Fill `node` from a generated builder's parameters, then check it."""
    node.type = kind
    node.props = {k: plain(v) for k, v in params.items() if v is not None and k not in _NOT_PROPS}
    node.children = children if children is None or isinstance(children, Node) else list(children)
    check, tree_rules = node_checks.get() or (check_node, True)
    found = check(node)
    if tree_rules and kind in ROOTS and not errors(found):
        # A root may still end up inside a Basic, whose other children may hold the field a
        # Label names; that one rule waits for to_json()/to_chatkit(), when the tree is whole.
        found = [d for d in diagnose(node.to_dict()) if d.code != "label-field"]
    if errors(found):
        raise WidgetError(found, where=f"{kind}(…)")


def check_whole(node: Node) -> dict[str, Any]:
    """The node's wire dict; a root is checked whole first (raising `WidgetError`)."""
    payload = node.to_dict()
    if node.type in ROOTS:
        found = errors(diagnose(payload))
        if found:
            raise WidgetError(found, where=f"{node.type}(…)")
    return payload


# A root's JSON text -> its diagnostics, warnings included (`validate()` with no runtime), for the
# last few roots: on its way to the page one tree is asked for by its builder call (`make`), the
# sandbox's answer, and `to_json()` / `to_chatkit()`; it is validated once.
_DIAGNOSED: dict[str, list[Diagnostic]] = {}
_DIAGNOSED_KEEP = 64


def diagnose(payload: Any) -> list[Diagnostic]:
    """`validate(payload)`, validating each distinct tree once (the last few are remembered)."""
    key = _text(payload)
    found = _DIAGNOSED.get(key) if key is not None else None
    if found is None:
        found = validate(payload)
        if key is not None:
            _keep(key, found)
    return list(found)


def remember(payload: Any, diagnostics: list[Diagnostic]) -> None:
    """Note `payload`'s diagnostics, found by `validate(payload)` here or in another process (a
    sandbox worker sends them with the widget), so `diagnose` does not validate it again."""
    key = _text(payload)
    if key is not None:
        _keep(key, list(diagnostics))


def _keep(key: str, diagnostics: list[Diagnostic]) -> None:
    _DIAGNOSED.pop(key, None)
    _DIAGNOSED[key] = diagnostics
    while len(_DIAGNOSED) > _DIAGNOSED_KEEP:
        del _DIAGNOSED[next(iter(_DIAGNOSED))]


def _text(payload: Any) -> str | None:
    """The payload as JSON text: a key that a later change to the tree (or a list inside a prop,
    shared with a node) cannot go stale behind. None for values JSON has no text for."""
    try:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return None


def check_node_json(shallow: dict[str, Any]) -> list[Diagnostic]:
    """Props and tokens of one component's JSON, children aside, tree rules about it alone."""
    out: list[Diagnostic] = []
    check_tree(shallow, None, compiled(None), TreeRules(), out, None, descend=False)
    return [d for d in out if d.code not in _TREE_CODES]


def check_node(node: Node) -> list[Diagnostic]:
    """Props, tokens and child kinds of one node; its children were checked when made."""
    out: list[Diagnostic] = []
    table = compiled(None)
    kids = node.children
    shallow: dict[str, Any] = {"type": node.type, **node.props}
    if kids is not None:  # stand-ins: the children themselves were checked when made
        shallow["children"] = {} if isinstance(kids, Node) else [None] * len(kids)
    check_tree(shallow, None, table, TreeRules(), out, None, descend=False)
    allowed = table[node.type].allowed
    items = [] if kids is None else [kids] if isinstance(kids, Node) else kids
    for i, child in enumerate(items):
        where = "/children" if isinstance(kids, Node) else f"/children/{i}"
        if not isinstance(child, Node):
            out.append(
                Diagnostic(
                    where,
                    "error",
                    "wrong-type",
                    f"{child!r} is not a component",
                    "pass builder results such as Text('…') as children",
                )
            )
        elif child.type not in allowed:
            out.append(
                Diagnostic(
                    where,
                    "error",
                    "bad-child",
                    f"a {child.type} cannot be a child of {node.type}",
                    f"{node.type} holds " + ", ".join(sorted(allowed)),
                )
            )
    return [d for d in out if d.code not in _TREE_CODES]


# Tree rules need the whole tree; on a lone node they would misfire (a Label's field elsewhere).
_TREE_CODES = frozenset({"label-field", "no-submit", "duplicate-field", "a11y-label"})

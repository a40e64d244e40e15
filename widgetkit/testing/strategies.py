"""Hypothesis strategies for ChatKit widgets, derived from the catalog.

```python
from hypothesis import given
from widgetkit import validate
from widgetkit.testing.strategies import widgets

@given(widgets())
def test_my_renderer_draws_any_widget(payload):
    assert not validate(payload)  # valid by construction
    render(payload)
```

Every prop value is drawn from its catalog type, so a prop added to the catalog is fuzzed without
touching this module. Trees are drawn freely and then repaired so the tree rules hold (unique ids,
unique field names per form, labels naming real fields, forms that can submit).
"""

from __future__ import annotations

import collections.abc as abc
import copy
import datetime as dt
import enum
import inspect
import types
import typing
from collections.abc import Callable, Collection, Iterator
from functools import cache
from typing import Any

import typing_extensions
from hypothesis import strategies as st

from ..catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, FORM_CONTROLS, ROOTS, Component
from ..catalog import shapes as s
from ..catalog.types import (
    ColorStr,
    Const,
    Field,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)
from ..checks import is_script_url, iso_date

__all__ = ["MUTATIONS", "builder_data", "for_type", "mutations", "widgets"]

Payload = dict[str, Any]

# Text without lone surrogates: those cannot be encoded, so no real payload carries them.
_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
_KEY = st.text(st.characters(codec="utf-8"), min_size=1, max_size=8)
_FLOAT = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
# JSON without null: openai-chatkit's serializer drops nulls everywhere, even inside an action's
# payload, so a null would not survive the round trip through its models.
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.booleans() | st.integers(-(10**6), 10**6) | _FLOAT | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEY, inner, max_size=3),
    max_leaves=6,
)
_PATTERNS = ("^[a-z]+$", r"\d{3}-\d{4}", ".*", "[A-Z][a-z]*", r"^\S+@\S+$")
_CSS_COLORS = ("red", "rebeccapurple", "transparent", "#fff", "#1a2b3c", "rgb(0 0 0 / 50%)")
_PRIMITIVES = ("red-100", "blue-500", "gray-900", "green-50")


@cache
def for_type(t: Type) -> st.SearchStrategy[Any]:
    """Valid JSON values of one catalog type (walked from `widgetkit.catalog.types`)."""
    match t:
        case Scalar("str"):
            return _TEXT
        case Scalar("bool"):
            return st.booleans()
        case Scalar("int"):
            return st.integers(-1000, 10**6)
        case Scalar("number"):
            return st.integers(-1000, 10**6) | _FLOAT
        case Scalar():
            return _JSON
        case Tokens(_, values):
            return st.sampled_from(values)
        case Const(value):
            return st.just(value)
        case ColorStr(_, tokens):
            return st.sampled_from(tokens) | st.sampled_from(_PRIMITIVES + _CSS_COLORS)
        case IsoDate():
            dates = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
            stamps = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 12, 31))
            return dates.map(dt.date.isoformat) | stamps.map(lambda d: d.isoformat())
        case IconRef():
            prefixed = st.tuples(st.sampled_from(s.ICON_PREFIXES), _KEY).map("".join)
            return st.sampled_from(s.ICONS) | prefixed
        case Regex():
            return st.sampled_from(_PATTERNS)
        case Union(options):
            return st.one_of([for_type(o) for o in options])
        case ListOf(item):
            return st.lists(for_type(item), max_size=3)
        case MapOf(value):
            return st.dictionaries(_KEY, for_type(value), max_size=3)
        case Shape():
            return _fields(t.fields)
        case Tagged(_, _, variants):
            return st.one_of([for_type(v) for v in variants])
    raise TypeError(f"no strategy for {t!r}")  # pragma: no cover - the match is exhaustive


def _fields(fields: tuple[Field, ...], skip: Collection[str] = ()) -> st.SearchStrategy[Payload]:
    required = {f.name: for_type(f.type) for f in fields if f.required and f.name not in skip}
    optional = {f.name: for_type(f.type) for f in fields if not f.required and f.name not in skip}
    return st.fixed_dictionaries(required, optional=optional)


@cache
def _props(name: str) -> st.SearchStrategy[Payload]:
    return _fields(BY_NAME[name].props)


_LEAVES = frozenset(c.name for c in COMPONENTS if c.children is None)


def widgets(
    *,
    max_depth: int = 4,
    max_children: int = 4,
    components: Collection[str] | None = None,
) -> st.SearchStrategy[Payload]:
    """Valid widget roots: `validate()` reports no error for any of them.

    `components` limits the component names the tree may use (its roots too: a Card when none of
    them is a root). Containers hold at most `max_children` children and nest `max_depth` deep.
    """
    usable = frozenset(BY_NAME) if components is None else frozenset(components)
    unknown = usable - BY_NAME.keys()
    if unknown:
        raise ValueError(f"not ChatKit components: {', '.join(sorted(unknown))}")
    roots = sorted(usable & ROOTS) or ["Card"]
    return _widget(roots, usable, max_depth, max_children)


@st.composite
def _widget(
    draw: st.DrawFn, roots: list[str], usable: frozenset[str], max_depth: int, max_children: int
) -> Payload:
    def node(kind: str, depth: int) -> Payload:
        out: Payload = {"type": kind, **draw(_props(kind))}
        spec = BY_NAME[kind].children
        if spec is None:
            return out
        choices = sorted(ALLOWED_CHILDREN[spec.group] & usable)
        if depth >= max_depth:  # only leaves below the last level
            choices = [c for c in choices if c in _LEAVES]
        if spec.single:
            # Transition is only ever offered where a child can be drawn (see `pick`).
            out["children"] = node(pick(choices, depth + 1), depth + 1)
            return out
        if not spec.required and not draw(st.booleans()):
            return out
        count = draw(st.integers(0, max_children)) if choices else 0
        out["children"] = [node(pick(choices, depth + 1), depth + 1) for _ in range(count)]
        return out

    def pick(choices: list[str], depth: int) -> str:
        # A Transition (at `depth`) needs one child: offer it only where that child can exist.
        ok = [
            c for c in choices if c != "Transition" or _can_hold_one(usable, depth + 1, max_depth)
        ]
        return draw(st.sampled_from(ok or ["Spacer"]))

    root = node(draw(st.sampled_from(roots)), 0)
    _repair(draw, root)
    return root


def _can_hold_one(usable: frozenset[str], depth: int, max_depth: int) -> bool:
    choices = ALLOWED_CHILDREN["component"] & usable
    return bool(choices & _LEAVES) if depth >= max_depth else bool(choices)


def _walk(root: Payload, ptr: str = "") -> Iterator[tuple[Payload, str]]:
    """Every component node with its JSON pointer, parents before children, left to right."""
    stack = [(root, ptr)]
    while stack:
        node, where = stack.pop()
        yield node, where
        kids = node.get("children")
        if isinstance(kids, dict):
            stack.append((kids, where + "/children"))
        elif isinstance(kids, list):
            stack.extend((k, f"{where}/children/{i}") for i, k in reversed(list(enumerate(kids))))


def _unique(name: str, taken: set[str]) -> str:
    n, candidate = 2, name
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _repair_values(kind: str, node: Payload) -> None:
    """The rules over one node's own values: options, dates, image sources, limits, sibling
    keys, and a Card whose confirm must receive its fields."""
    kids = node.get("children")
    if isinstance(kids, list):
        keys: set[str] = set()
        for kid in kids:
            if isinstance(kid.get("key"), str):
                kid["key"] = _unique(kid["key"], keys)
    if kind == "Card" and "confirm" in node:
        node["asForm"] = True
    if kind in ("Select", "RadioGroup") and isinstance(node.get("options"), list):
        values: set[str] = set()
        for option in node["options"]:
            option["value"] = _unique(option["value"], values)
        if node.get("defaultValue") is not None and node["defaultValue"] not in values:
            del node["defaultValue"]
    if kind == "DatePicker":
        lo, hi = iso_date(node.get("min")), iso_date(node.get("max"))
        if lo is not None and hi is not None and lo > hi:
            node["min"], node["max"] = node["max"], node["min"]
            lo, hi = hi, lo
        default = iso_date(node.get("defaultValue"))
        if default is not None and ((lo and default < lo) or (hi and default > hi)):
            del node["defaultValue"]
    if kind == "Image" and (not node["src"].strip() or is_script_url(node["src"])):
        node["src"] = "https://example.com/image.png"
    if kind == "ListView" and isinstance(node.get("limit"), int) and node["limit"] < 1:
        node["limit"] = 1 - node["limit"]


def _repair(draw: st.DrawFn, root: Payload) -> None:
    """Make a freely drawn tree satisfy the tree rules (`widgetkit.rules`)."""
    ids: set[str] = set()
    fields: set[str] = set()
    labels: list[Payload] = []
    # Walk with the form scope of each node, as the validator does: (node, scope names, form).
    stack: list[tuple[Payload, set[str] | None, Payload | None]] = [(root, None, None)]
    forms: list[tuple[Payload, list[bool]]] = []
    submits: dict[int, list[bool]] = {}
    while stack:
        node, names, form = stack.pop()
        kind = node["type"]
        if isinstance(node.get("id"), str):
            node["id"] = _unique(node["id"], ids)
        _repair_values(kind, node)
        field_owner: Payload | None = None
        if kind in FORM_CONTROLS:
            field_owner = node
        elif kind == "Text" and isinstance(node.get("editable"), dict):
            field_owner = node["editable"]
        if field_owner is not None:
            if names is not None:
                field_owner["name"] = _unique(field_owner["name"], names)
            fields.add(field_owner["name"])
        if kind == "Label":
            labels.append(node)
        if kind == "Button" and node.get("submit") is True and form is not None:
            submits[id(form)][0] = True
        if kind == "Form" or (kind == "Card" and node.get("asForm") is True):
            names, form = set(), node
            submits[id(node)] = [False]
            forms.append((node, submits[id(node)]))
        kids = node.get("children")
        if isinstance(kids, dict):
            stack.append((kids, names, form))
        elif isinstance(kids, list):
            stack.extend((k, names, form) for k in reversed(kids))
    for form, has_submit in forms:
        if form["type"] == "Card":
            if "confirm" not in form:
                form["confirm"] = draw(for_type(s.CardAction))
        else:
            if "onSubmitAction" not in form:
                form["onSubmitAction"] = draw(for_type(s.ActionConfig))
            if not has_submit[0]:
                form.setdefault("children", []).append(
                    {"type": "Button", "label": "Submit", "submit": True}
                )
    for label in labels:
        if fields:
            label["fieldName"] = draw(st.sampled_from(sorted(fields)))
        else:  # nothing to name: a Label without a field is a Text
            del label["fieldName"]
            label["type"] = "Text"


# -- mutations ---------------------------------------------------------------------------------

MUTATIONS = (
    "unknown-prop",
    "bad-token",
    "missing-prop",
    "wrong-type",
    "bad-child",
    "leaf-children",
    "unknown-component",
    "transition-list",
)
"""The kinds of always-invalid single mutation `mutations()` applies."""

_EXPECTED_CODE = {"transition-list": "child-count"}


def _takes_list(t: Type) -> bool:
    match t:
        case Scalar("any") | ListOf():
            return True
        case Union(options):
            return any(_takes_list(o) for o in options)
    return False


def _token_props(c: Component) -> list[Field]:
    return [f for f in c.props if isinstance(f.type, Tokens)]


def _allowed(c: Component) -> frozenset[str]:
    return ALLOWED_CHILDREN[c.children.group] if c.children else frozenset()


def _bad_child_for(group: str) -> Payload:
    if group in ("component", "component-or-root"):
        return {"type": "ListViewItem", "children": [{"type": "Text", "value": "stray"}]}
    return {"type": "Text", "value": "stray"}


def mutations(
    widget: Payload, *, kinds: Collection[str] = MUTATIONS
) -> st.SearchStrategy[tuple[Payload, str, str]]:
    """One always-invalid mutation of a valid `widget`, at a random place.

    Draws `(mutated_payload, expected_pointer, expected_code)`: `validate(mutated_payload)` must
    report an error with that code at that pointer. `widget` itself is left unchanged.
    """
    unknown = set(kinds) - set(MUTATIONS)
    if unknown:
        raise ValueError(f"unknown mutation kinds: {', '.join(sorted(unknown))}")
    return _mutation(widget, tuple(k for k in MUTATIONS if k in kinds))


@st.composite
def _mutation(draw: st.DrawFn, widget: Payload, kinds: tuple[str, ...]) -> tuple[Payload, str, str]:
    tree = copy.deepcopy(widget)
    nodes = list(_walk(tree))
    options: dict[str, Callable[[], str]] = {}

    def choose(candidates: list[tuple[Payload, str]]) -> tuple[Payload, str]:
        return candidates[draw(st.integers(0, len(candidates) - 1))]

    def unknown_prop() -> str:
        node, ptr = choose(nodes)
        known = BY_NAME[node["type"]].by_name
        name = draw(st.sampled_from(["colour", "onClick", "textSize", "fontWeight", "hidden"]))
        name = _unique(name, set(known) | {"type", "children"})
        node[name] = draw(for_type(Scalar("any")))
        return f"{ptr}/{name}"

    with_tokens = [(n, p) for n, p in nodes if _token_props(BY_NAME[n["type"]])]

    def bad_token() -> str:
        node, ptr = choose(with_tokens)
        prop = draw(st.sampled_from(_token_props(BY_NAME[node["type"]])))
        node[prop.name] = draw(st.sampled_from(["huge", "6xl", "primary-ish", "XL", ""]))
        return f"{ptr}/{prop.name}"

    with_required = [(n, p) for n, p in nodes if BY_NAME[n["type"]].required]

    def missing_prop() -> str:
        node, ptr = choose(with_required)
        name = draw(st.sampled_from(BY_NAME[node["type"]].required))
        del node[name]
        return f"{ptr}/{name}"

    def typed(c: Component) -> list[Field]:
        return [f for f in c.props if not _takes_list(f.type)]

    def wrong_type() -> str:
        node, ptr = choose(nodes)
        prop = draw(st.sampled_from(typed(BY_NAME[node["type"]])))
        node[prop.name] = draw(st.sampled_from([[1], ["a", "b"], []]))
        return f"{ptr}/{prop.name}"

    lists = [(n, p) for n, p in nodes if isinstance(n.get("children"), list)]

    def bad_child() -> str:
        node, ptr = choose(lists)
        spec = BY_NAME[node["type"]].children
        assert spec is not None
        i = draw(st.integers(0, len(node["children"])))
        node["children"].insert(i, _bad_child_for(spec.group))
        return f"{ptr}/children/{i}"

    leaves = [(n, p) for n, p in nodes if BY_NAME[n["type"]].children is None]

    def leaf_children() -> str:
        node, ptr = choose(leaves)
        node["children"] = [{"type": "Text", "value": "inside a leaf"}]
        return f"{ptr}/children"

    def unknown_component() -> str:
        node, ptr = choose(nodes)
        node["type"] = draw(st.sampled_from(["Txt", "Heading", "Grid", "Buttn", "row"]))
        return f"{ptr}/type"

    general = [(n, p) for n, p in lists if "Transition" in _allowed(BY_NAME[n["type"]])]

    def transition_list() -> str:
        node, ptr = choose(general)
        i = draw(st.integers(0, len(node["children"])))
        wrapped = [{"type": "Text", "value": "animated"}]
        node["children"].insert(i, {"type": "Transition", "children": wrapped})
        return f"{ptr}/children/{i}/children"

    available = {
        "unknown-prop": (unknown_prop, nodes),
        "bad-token": (bad_token, with_tokens),
        "missing-prop": (missing_prop, with_required),
        "wrong-type": (wrong_type, nodes),
        "bad-child": (bad_child, lists),
        "leaf-children": (leaf_children, leaves),
        "unknown-component": (unknown_component, nodes),
        "transition-list": (transition_list, general),
    }
    for kind in kinds:
        apply, candidates = available[kind]
        if candidates:
            options[kind] = apply
    if not options:
        raise ValueError("none of the requested mutations applies to this widget")
    kind = draw(st.sampled_from(sorted(options)))
    where = options[kind]()
    return tree, where, _EXPECTED_CODE.get(kind, kind)


# -- builder data ------------------------------------------------------------------------------


def builder_data(
    fn: Callable[..., Any], **overrides: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for a builder (or `@widget`), drawn from its parameter annotations.

    Understands str, int, float, bool, date/datetime, Literal, Enum, list/tuple/set, dict, Optional
    and other unions, pydantic models, TypedDicts and dataclasses; anything else goes to
    `hypothesis.strategies.from_type`. `overrides` replace the strategy of named parameters.
    Parameters with a default are sometimes left out.

    ```python
    @given(builder_data(order_summary))
    def test_order_summary_always_validates(kwargs):
        assert not errors(validate(order_summary(**kwargs).to_dict()))
    ```
    """
    target = inspect.unwrap(fn)
    hints = typing.get_type_hints(target, include_extras=True)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, param in inspect.signature(target).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name in overrides:
            strategy = overrides[name]
        elif name in hints:
            strategy = from_annotation(hints[name])
        elif param.default is not param.empty:
            continue
        else:
            raise TypeError(f"parameter {name!r} of {target.__name__} has no annotation")
        (required if param.default is param.empty else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def from_annotation(ann: Any) -> st.SearchStrategy[Any]:
    """Values of one Python annotation, as `builder_data` draws them."""
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin is typing.Annotated:
        return from_annotation(args[0])
    if ann is str:
        return _TEXT
    if ann is bool:
        return st.booleans()
    if ann is int:
        return st.integers(-(10**6), 10**6)
    if ann is float:
        return _FLOAT
    if ann is type(None) or ann is None:
        return st.none()
    if ann is Any:
        return _JSON
    if ann is dt.datetime:
        return st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 12, 31))
    if ann is dt.date:
        return st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([from_annotation(a) for a in args])
    if origin in (list, abc.Sequence, abc.Iterable, abc.Collection):
        return st.lists(from_annotation(args[0] if args else Any), max_size=4)
    if origin in (set, frozenset):
        return st.frozensets(from_annotation(args[0]), max_size=4).map(origin)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(from_annotation(args[0]), max_size=4).map(tuple)
        return st.tuples(*(from_annotation(a) for a in args))
    if origin in (dict, abc.Mapping):
        key, value = args if args else (str, Any)
        return st.dictionaries(from_annotation(key), from_annotation(value), max_size=4)
    if isinstance(ann, type):
        if issubclass(ann, enum.Enum):
            return st.sampled_from(list(ann))
        if typing_extensions.is_typeddict(ann):
            hints = typing_extensions.get_type_hints(ann)
            req: frozenset[str] = getattr(ann, "__required_keys__", frozenset())
            return st.fixed_dictionaries(
                {k: from_annotation(v) for k, v in hints.items() if k in req},
                optional={k: from_annotation(v) for k, v in hints.items() if k not in req},
            )
        fields = getattr(ann, "model_fields", None)
        if isinstance(fields, dict):  # a pydantic model
            return _pydantic(ann, fields)
    return st.from_type(ann)


def _pydantic(model: type[Any], fields: dict[str, Any]) -> st.SearchStrategy[Any]:
    required = {
        n: from_annotation(f.rebuild_annotation()) for n, f in fields.items() if f.is_required()
    }
    optional = {
        n: from_annotation(f.rebuild_annotation()) for n, f in fields.items() if not f.is_required()
    }
    return st.fixed_dictionaries(required, optional=optional).map(
        lambda kw: model.model_validate(kw)
    )

"""Data binding in builders, so one builder is both Python and a `.widget` template.

```python
from widgetkit import Card, ListView, ListViewItem, Text, Badge, widget
from widgetkit.binding import each, join, when

@widget(samples={"demo": {"title": "Lines", "items": [{"id": "a", "label": "A"}], "open": True}})
def lines(title: str, items: list[Line], open: bool) -> ListView:
    return ListView(
        *each(items, lambda item: ListViewItem(Text(join(title, ": ", item["label"])), key=item["id"])),
        *when(open, [], [ListViewItem(Badge("closed"))]),
    )
```
Called with data, the helpers act as plain Python (`each` is a list comprehension, `when` an `if`).
`widgetkit export` calls the builder with placeholders instead (`Expr` objects), and the helpers
record what to loop over and what to test, which compile to Jinja with `WidgetTemplate`'s
semantics. Python's own `if`, `for`, f-strings and `str()` cannot see a placeholder's value, so
they raise `NotATemplate`, naming the variable and the helper to use instead.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, overload

from .builders import Node

T = TypeVar("T")
U = TypeVar("U")


class NotATemplate(TypeError):
    """A builder does something with a template variable that a template cannot express."""


class Expr:
    """A template expression standing for data that is only known when the template renders."""

    __slots__ = ("fields", "item")

    # `fields`: the keys an object variable has (None: any key); `item`: a list's item fields.
    def __init__(self, fields: dict[str, Any] | None = None, item: Any = None) -> None:
        self.fields = fields
        self.item = item

    def jinja(self) -> str:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Expr:
        if self.fields is not None and key not in self.fields:
            known = ", ".join(self.fields) or "no keys"
            raise NotATemplate(f"`{self.jinja()}` has no key {key!r}; its type declares {known}.")
        sub = self.fields.get(key) if self.fields is not None else None
        fields, item = sub if isinstance(sub, tuple) else (None, None)
        return Item(self, key, fields, item)

    def __eq__(self, other: object) -> Expr:  # type: ignore[override]
        return Compare(self, "==", other)

    def __ne__(self, other: object) -> Expr:  # type: ignore[override]
        return Compare(self, "!=", other)

    def __add__(self, other: object) -> Expr:
        return Concat((self, other))

    def __radd__(self, other: object) -> Expr:
        return Concat((other, self))

    __hash__ = None  # type: ignore[assignment]

    def _refuse(self, what: str, fix: str) -> NotATemplate:
        return NotATemplate(
            f"{what} on the template variable `{self.jinja()}` cannot become a template: Python "
            f"would need its value, which only exists when the template renders; {fix}."
        )

    def __bool__(self) -> bool:
        raise self._refuse("`if`, `and`, `or` or `not`", "use when(cond, then, else_)")

    def __iter__(self) -> Any:
        raise self._refuse("a `for` loop or comprehension", "use each(items, lambda item: ...)")

    def __len__(self) -> int:
        raise self._refuse("len()", "test the list itself with when(items, ...)")

    def __contains__(self, item: object) -> bool:
        raise self._refuse("`in`", "compare with == inside when(...)")

    def __str__(self) -> str:
        raise self._refuse("str(), an f-string or %-formatting", "use join(...) or +")

    def __format__(self, spec: str) -> str:
        raise self._refuse("an f-string or str.format()", 'use join("Order ", id) or "Order " + id')

    def __repr__(self) -> str:
        return f"<template expression {self.jinja()}>"


class Var(Expr):
    __slots__ = ("name",)

    def __init__(self, name: str, fields: dict[str, Any] | None = None, item: Any = None) -> None:
        super().__init__(fields, item)
        self.name = name

    def jinja(self) -> str:
        return self.name


class Item(Expr):
    __slots__ = ("base", "key")

    def __init__(self, base: Expr, key: str, fields: Any = None, item: Any = None) -> None:
        super().__init__(fields, item)
        self.base, self.key = base, key

    def jinja(self) -> str:
        # `x.items` would find the dict method in Jinja, so keys dicts have as attributes are
        # written as subscripts.
        if self.key.isidentifier() and not hasattr(dict, self.key):
            return f"{self.base.jinja()}.{self.key}"
        return f"{self.base.jinja()}[{literal(self.key)}]"


class Compare(Expr):
    __slots__ = ("left", "op", "right")

    def __init__(self, left: object, op: str, right: object) -> None:
        super().__init__()
        self.left, self.op, self.right = left, op, right

    def jinja(self) -> str:
        return f"({operand(self.left)} {self.op} {operand(self.right)})"


class Not(Expr):
    __slots__ = ("inner",)

    def __init__(self, inner: object) -> None:
        super().__init__()
        self.inner = inner

    def jinja(self) -> str:
        return f"(not {operand(self.inner)})"


class Concat(Expr):
    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[object]) -> None:
        super().__init__()
        self.parts = tuple(parts)

    def jinja(self) -> str:
        return "(" + " ~ ".join(operand(p) for p in self.parts) + ")"


class Chosen(Expr):
    """`when(cond, a, b)` for a prop value: rendered as an `{% if %}` block."""

    __slots__ = ("cond", "else_", "then")

    def __init__(self, cond: Expr, then: object, else_: object) -> None:
        super().__init__()
        self.cond, self.then, self.else_ = cond, then, else_

    def jinja(self) -> str:
        return f"({operand(self.then)} if {self.cond.jinja()} else {operand(self.else_)})"


class Loop(Node):
    """`each(items, fn)` among a container's children: the body once per item."""

    __slots__ = ("body", "items", "target")

    def __init__(self, items: Expr, target: Var, body: Node) -> None:
        self.items, self.target, self.body = items, target, body
        self.type, self.props, self.children = body.type, {}, None

    def to_dict(self) -> dict[str, Any]:
        return self.body.to_dict()


class Branch(Node):
    """`when(cond, [...], [...])` among a container's children."""

    __slots__ = ("cond", "else_", "then")

    def __init__(self, cond: Expr, then: list[Node], else_: list[Node]) -> None:
        self.cond, self.then, self.else_ = cond, then, else_
        shown = then or else_
        self.type = shown[0].type if shown else "Spacer"
        self.props, self.children = {}, None

    def to_dict(self) -> dict[str, Any]:
        return (self.then or self.else_)[0].to_dict() if (self.then or self.else_) else {}


def var(name: str) -> Any:
    """A template variable by name, for data a builder does not take as a parameter."""
    return Var(name)


def each(items: Sequence[T], fn: Callable[[T], U]) -> list[U]:
    """`[fn(item) for item in items]`; in a template, a `{% for %}` loop. Unpack it among
    children: `ListView(*each(items, lambda item: ListViewItem(...)))`."""
    if not isinstance(items, Expr):
        return [fn(item) for item in items]
    params = list(inspect.signature(fn).parameters)
    name = params[0] if params else "item"
    fields, item = items.item if isinstance(items.item, tuple) else (None, None)
    target = Var(name, fields, item)
    body = fn(target)
    if not isinstance(body, Node):
        raise NotATemplate(
            f"each({items.jinja()}, ...) returned {body!r}; in a template a loop can only "
            "repeat a component, so return one from the lambda."
        )
    return [Loop(items, target, body)]


@overload
def when(cond: Any, then: list[T], else_: list[T] | None = None) -> list[T]: ...
@overload
def when(cond: Any, then: T, else_: T | None = None) -> T | None: ...
def when(cond: Any, then: Any, else_: Any = None) -> Any:
    """`then if cond else else_`; in a template, an `{% if %}`. For children pass lists and
    unpack: `Row(Title(t), *when(paid, [Badge("Paid")]))`."""
    if not isinstance(cond, Expr):
        return then if cond else (else_ if else_ is not None or not isinstance(then, list) else [])
    if isinstance(then, list):
        return [Branch(cond, then, list(else_ or []))]
    return Chosen(cond, then, else_)


def join(*parts: Any) -> Any:
    """The parts as one string (`str()` of each, as Jinja's `~` does)."""
    if any(isinstance(p, Expr) for p in parts):
        return Concat(parts)
    return "".join(p if isinstance(p, str) else _py_str(p) for p in parts)


def not_(value: Any) -> Any:
    """`not value`; in a template, Jinja's `not`."""
    return Not(value) if isinstance(value, Expr) else not value


def _py_str(value: Any) -> str:
    return str(value)


def literal(value: object) -> str:
    """A Python value as a Jinja literal. Jinja reads string escapes like Python's, so JSON's
    escaping (with non-ASCII left as is) reads back unchanged."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(operand(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(str(k))}: {operand(v)}" for k, v in value.items()) + "}"
    raise NotATemplate(f"{value!r} cannot be written into a template expression.")


def operand(value: object) -> str:
    return value.jinja() if isinstance(value, Expr) else literal(value)


def has_placeholder(value: object) -> bool:
    """Whether a prop value holds template expressions anywhere inside."""
    if isinstance(value, Expr | Loop | Branch):
        return True
    if isinstance(value, dict):
        return any(has_placeholder(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(has_placeholder(v) for v in value)
    return False

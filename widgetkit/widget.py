"""`@widget`: marks a builder function and attaches its named sample states."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, Generic, ParamSpec, TypeVar, overload

from .builders import Node

P = ParamSpec("P")
R = TypeVar("R", bound=Node)


class Widget(Generic[P, R]):
    """A builder with sample states. Calling it calls the builder unchanged."""

    def __init__(
        self,
        fn: Callable[P, R],
        samples: Mapping[str, Mapping[str, Any]],
        title: str | None,
    ) -> None:
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.name: str = fn.__name__
        self.title = title or fn.__name__.replace("_", " ").capitalize()
        self.samples: dict[str, dict[str, Any]] = {k: dict(v) for k, v in samples.items()}
        self.doc = inspect.getdoc(fn) or ""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.fn(*args, **kwargs)

    def build(self, state: str | None = None) -> R:
        """The widget for one sample state (the first one by default)."""
        fn: Callable[..., R] = self.fn
        if not self.samples:
            return fn()  # a builder without parameters
        data = self.samples[state] if state is not None else next(iter(self.samples.values()))
        return fn(**data)

    @property
    def source(self) -> tuple[str, int]:
        """File and line of the builder, for messages that point at it."""
        code = getattr(inspect.unwrap(self.fn), "__code__", None)
        return (code.co_filename, code.co_firstlineno) if code else ("?", 0)

    def __repr__(self) -> str:
        return f"<widget {self.name} samples={list(self.samples)}>"


@overload
def widget(fn: Callable[P, R], /) -> Widget[P, R]: ...


@overload
def widget(
    *, samples: Mapping[str, Mapping[str, Any]] | None = None, title: str | None = None
) -> Callable[[Callable[P, R]], Widget[P, R]]: ...


def widget(
    fn: Callable[P, R] | None = None,
    /,
    *,
    samples: Mapping[str, Mapping[str, Any]] | None = None,
    title: str | None = None,
) -> Widget[P, R] | Callable[[Callable[P, R]], Widget[P, R]]:
    """Mark a builder so `widgetkit validate`, the preview and the tests find it.

    ```python
    @widget(samples={"paid": {"id": "A-17", "total": 42.0, "paid": True}})
    def order_summary(id: str, total: float, paid: bool) -> Card: ...
    ```
    Each sample is a named state: keyword arguments for the builder.
    """

    def wrap(f: Callable[P, R]) -> Widget[P, R]:
        return Widget(f, samples or {}, title)

    return wrap(fn) if fn is not None else wrap

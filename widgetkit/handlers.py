"""Typed action handlers: action type → payload model → handler.

A router maps each action type to a function whose first parameter's annotation is the payload
model (a pydantic model, a TypedDict — from `typing_extensions` before Python 3.12, as pydantic
requires — a dataclass, or `dict` / `Any` for the raw payload):

```python
from pydantic import BaseModel
from widgetkit import Card, Text
from widgetkit.handlers import ActionContext, ActionRouter, Notice

actions = ActionRouter()

class ToggleTask(BaseModel):
    task_id: str

@actions.on("tasks.toggle")
def toggle(payload: ToggleTask, ctx: ActionContext) -> Card | None:
    return Card(Text(f"Toggled {payload.task_id}"))

outcome = await actions.dispatch("tasks.toggle", {"task_id": "t1"})
outcome.kind  # "update"
```

This module knows nothing of openai-chatkit's server (importing `chatkit.server` costs seconds);
the glue that turns an `Outcome` into ChatKit events lives beside the ChatKitServer, so a
production server and the preview share the same handlers.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, TypeVar, get_type_hints

from pydantic import PydanticSchemaGenerationError, PydanticUserError, TypeAdapter, ValidationError

from .builders import Node
from .catalog import ROOTS
from .diagnostics import show

Level = Literal["info", "warning", "danger"]
OutcomeKind = Literal["update", "reply", "notice", "unchanged", "stream", "failed", "unhandled"]


@dataclass(frozen=True)
class ActionContext:
    """What the client sent along with an action, besides its type and payload.

    `widget` is the sending widget's current JSON (None when the action came from elsewhere),
    `form` the form values the client gathered (often empty), `item_id` the sending thread item,
    `handler` where the action config said to handle it, and `sync` whether it arrived through
    `sync_action()` (`streaming: false`).
    """

    type: str
    payload: Any = None
    widget: dict[str, Any] | None = None
    form: dict[str, Any] = field(default_factory=dict)
    item_id: str | None = None
    handler: Literal["server", "client"] = "server"
    sync: bool = False


@dataclass(frozen=True)
class Reply:
    """A new widget item added after the sending one (the sender stays as it is)."""

    node: Node


@dataclass(frozen=True)
class Notice:
    """A short message shown to the user; the widget stays as it is."""

    text: str
    level: Level = "info"


class ActionFailed(Exception):
    """Raise from a handler to show `message` as an error; the widget stays as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PayloadError(ValueError):
    """A payload that does not fit its handler's payload model."""

    def __init__(self, action_type: str, problems: list[tuple[str, str]], payload: Any) -> None:
        self.action_type = action_type
        self.problems = problems  # (field path, what is wrong)
        lines = "; ".join(f"field {show(where)}: {what}" for where, what in problems)
        super().__init__(
            f"the payload of action {show(action_type)} does not fit its handler: {lines} "
            f"(payload was {show(payload)})"
        )


@dataclass(frozen=True)
class Outcome:
    """What a handler answered, in a form the ChatKit glue turns into events.

    - `update`: `widget` replaces the sending widget (its new state);
    - `reply`: `widget` is a new item after the sending one;
    - `notice`: `notice` is shown, the widget is unchanged;
    - `unchanged`: the handler returned None;
    - `stream`: `states` yields successive states of the sending widget;
    - `failed`: the handler raised `ActionFailed`; `message` says why;
    - `unhandled`: no handler for the type; `message` says so and the widget is left as it is.
    """

    kind: OutcomeKind
    type: str
    widget: Node | None = None
    notice: Notice | None = None
    message: str | None = None
    states: AsyncIterator[Node] | None = None


HandlerResult: TypeAlias = Node | Reply | Notice | None
Handler: TypeAlias = Callable[..., Any]
F = TypeVar("F", bound=Handler)


@dataclass(frozen=True)
class Route:
    """One registered handler and the adapter that checks its payload."""

    type: str
    fn: Handler
    model: Any
    adapter: TypeAdapter[Any] | None  # None: the raw payload is passed as it is
    wants_context: bool

    def parse(self, payload: Any) -> Any:
        if self.adapter is None:
            return payload
        # A button without a payload still means "no fields", not "null", to a model.
        raw = {} if payload is None else payload
        try:
            return self.adapter.validate_python(raw)
        except ValidationError as exc:
            problems = [
                (".".join(str(p) for p in err["loc"]) or "(payload)", err["msg"])
                for err in exc.errors()
            ]
            raise PayloadError(self.type, problems, payload) from None


class ActionRouter:
    """Action handlers by action type; `dispatch` runs one and normalises its answer."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}

    @property
    def types(self) -> tuple[str, ...]:
        """The action types this router handles, in registration order."""
        return tuple(self._routes)

    def __contains__(self, action_type: object) -> bool:
        return action_type in self._routes

    def route(self, action_type: str) -> Route | None:
        return self._routes.get(action_type)

    def on(self, action_type: str) -> Callable[[F], F]:
        """Register the decorated function as the handler of `action_type`; returns it unchanged.

        The handler takes the payload (parsed into its first parameter's annotation) and,
        optionally, an `ActionContext`. It may be sync, async, or an async generator of states.
        """

        def register(fn: F) -> F:
            self._add(_route(action_type, fn))
            return fn

        return register

    def include(self, other: ActionRouter) -> None:
        """Take every handler of `other` (e.g. one router per module merged into one)."""
        for route in other._routes.values():
            self._add(route)

    def _add(self, route: Route) -> None:
        if route.type in self._routes:
            existing = self._routes[route.type].fn
            raise ValueError(
                f"action {show(route.type)} already has a handler, "
                f"{existing.__module__}.{existing.__qualname__}; register each type once"
            )
        self._routes[route.type] = route

    async def dispatch(
        self, type: str, payload: Any = None, ctx: ActionContext | None = None
    ) -> Outcome:
        """Run the handler of `type` and say what it answered.

        Raises `PayloadError` when the payload does not fit the handler's model. An unknown type
        is not an error: the outcome is `unhandled` and the widget is left as it is.
        """
        route = self._routes.get(type)
        if route is None:
            return Outcome(
                "unhandled", type, message=f"no handler for {type}; the widget is left as it is"
            )
        context = ctx if ctx is not None else ActionContext(type=type, payload=payload)
        args: list[Any] = [route.parse(payload)]
        if route.wants_context:
            args.append(context)
        try:
            result = route.fn(*args)
            if inspect.isawaitable(result):
                result = await _awaited(result)
        except ActionFailed as exc:
            return Outcome("failed", type, message=exc.message)
        if isinstance(result, AsyncIterator):
            return Outcome("stream", type, states=_checked_states(type, result))
        if isinstance(result, Iterator):
            return Outcome("stream", type, states=_from_sync(type, result))
        return _outcome(type, result)

    async def outcomes(
        self, type: str, payload: Any = None, ctx: ActionContext | None = None
    ) -> AsyncIterator[Outcome]:
        """`dispatch`, with a stream flattened into one `update` outcome per state.

        An `ActionFailed` raised while streaming ends the stream with a `failed` outcome.
        """
        outcome = await self.dispatch(type, payload, ctx)
        if outcome.states is None:
            yield outcome
            return
        try:
            async for state in outcome.states:
                yield Outcome("update", type, widget=state)
        except ActionFailed as exc:
            yield Outcome("failed", type, message=exc.message)


async def _awaited(result: Awaitable[Any]) -> Any:
    return await result


def _route(action_type: str, fn: Handler) -> Route:
    params = list(inspect.signature(fn).parameters.values())
    if not params:
        raise TypeError(
            f"the handler of {show(action_type)}, {fn.__qualname__}, takes no parameters; "
            "it needs at least the payload: def handler(payload: Model, ctx: ActionContext)"
        )
    try:
        hints = get_type_hints(fn)
    except NameError as exc:
        raise TypeError(
            f"cannot resolve the annotations of {fn.__qualname__} (handler of "
            f"{show(action_type)}): {exc}; define its payload model at module level"
        ) from None
    model = hints.get(params[0].name, Any)
    raw = model is Any or model is object or model is dict
    try:
        adapter = None if raw else TypeAdapter(model)
    except (PydanticUserError, PydanticSchemaGenerationError) as exc:
        raise TypeError(
            f"the payload annotation of {fn.__qualname__} (handler of {show(action_type)}) "
            f"is not a type pydantic can check: {exc}"
        ) from None
    return Route(action_type, fn, model, adapter, wants_context=len(params) > 1)


def _outcome(action_type: str, result: Any) -> Outcome:
    if result is None:
        return Outcome("unchanged", action_type)
    if isinstance(result, Notice):
        return Outcome("notice", action_type, notice=result)
    if isinstance(result, Reply):
        return Outcome("reply", action_type, widget=_root(action_type, result.node))
    if isinstance(result, Node):
        return Outcome("update", action_type, widget=_root(action_type, result))
    raise TypeError(
        f"the handler of {show(action_type)} returned {show(repr(result))}; return a widget "
        "root (Card, ListView, Basic), Reply(node), Notice(text), None, or yield widget states"
    )


def _root(action_type: str, node: Any) -> Node:
    if not isinstance(node, Node) or node.type not in ROOTS:
        raise TypeError(
            f"the handler of {show(action_type)} returned {show(repr(node))}, which is not a "
            "widget root; wrap it in a Card, ListView or Basic"
        )
    return node


async def _checked_states(action_type: str, states: AsyncIterator[Any]) -> AsyncIterator[Node]:
    async for state in states:
        yield _root(action_type, state)


async def _from_sync(action_type: str, states: Iterator[Any]) -> AsyncIterator[Node]:
    for state in states:
        yield _root(action_type, state)

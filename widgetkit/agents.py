"""Builders as OpenAI Agents SDK tools: the model fills in the data, the builder draws.

```python
from agents import Agent, Runner
from chatkit.agents import AgentContext, stream_agent_response
from widgetkit.agents import widget_tool

agent = Agent(name="shop", instructions="…", tools=[widget_tool(order_summary)])

class MyServer(ChatKitServer[dict]):
    async def respond(self, thread, item, context):
        ctx = AgentContext(thread=thread, store=self.store, request_context=context)
        result = Runner.run_streamed(agent, await simple_to_agent_input(item), context=ctx)
        async for event in stream_agent_response(ctx, result):
            yield event
```

The tool's parameters are the builder's arguments (`widgetkit.params`: the schema the preview's
data editor edits, made strict by the SDK's own `ensure_strict_json_schema`). When the model calls
it, the tool checks the arguments, builds the widget, checks it whole, and only then streams it
into the thread through the run's `AgentContext` (openai-chatkit's `stream_widget`); the model is
told briefly what was shown. Arguments that do not fit, or a widget that breaks the catalog's
rules, are answered with the problems (`widgetkit.llm.feedback`) so the model can try again:
nothing half-built reaches the user. A builder that yields states streams them through the same
tool; a state that fails midway ends the stream at the last good one.

This module imports the Agents SDK and openai-chatkit's agents module (seconds): import it only
where a server needs it; `import widgetkit` never does.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from typing import Any, cast

from agents import FunctionTool, RunContextWrapper
from agents.exceptions import UserError
from agents.strict_schema import ensure_strict_json_schema
from chatkit.agents import AgentContext
from chatkit.widgets import WidgetRoot
from pydantic_core import to_jsonable_python

from .builders import Node
from .diagnostics import Diagnostic, WidgetError, errors
from .llm.feedback import feedback
from .params import params_schema, parse_params
from .validate import validate

__all__ = ["widget_json_tool", "widget_tool"]

_SUMMARY = 240  # characters of the widget's text the model is told about
_SAMPLE = 400  # characters of a sample's arguments in the description
_TEXT_PROPS = ("value", "label")  # what a reader sees of a node: Text/Title value, Button label
_CHANGES = 5  # repairs listed to the model
_WHOLE_WIDGET = (
    "Shows a widget to the user in the chat: write the whole ChatKit widget tree under "
    '"widget" (a Card, ListView or Basic root). An action payload is JSON text; a map is a list '
    'of {"key", "value"} entries; null leaves a prop unset.'
)


def widget_tool(
    builder: Callable[..., Any], *, name: str | None = None, description: str | None = None
) -> FunctionTool:
    """An Agents SDK function tool that shows `builder`'s widget in the ChatKit thread.

    `builder` is a `@widget` or a plain builder function returning a root, or yielding roots
    (sync or async) to stream states. `name` defaults to the function's name, `description` to
    its docstring and first sample.
    """
    fn = getattr(builder, "fn", builder)
    tool_name = name or fn.__name__
    try:
        schema, defaulted = _strict_params(builder)
    except (UserError, TypeError, ValueError) as exc:
        raise TypeError(
            f"{tool_name}: its parameters have no strict JSON schema ({exc}); use str, int, "
            "float, bool, Literal, lists, TypedDicts or pydantic models"
        ) from exc

    async def invoke(ctx: RunContextWrapper[Any], arguments: str) -> str:
        agent_context = _agent_context(ctx, tool_name)
        return await _show(builder, tool_name, arguments, defaulted, agent_context)

    return FunctionTool(
        name=tool_name,
        description=description or _description(builder, tool_name),
        params_json_schema=schema,
        on_invoke_tool=invoke,
        strict_json_schema=True,
    )


def widget_json_tool(
    *,
    name: str = "show_widget",
    description: str | None = None,
    components: Iterable[str] | None = None,
    strict: bool = True,
) -> FunctionTool:
    """A tool whose argument is a whole widget the model writes (`widgetkit.llm.widget_schema`).

    The tool repairs what it safely can (`widgetkit.llm.repair`), validates, and streams the widget
    only when no error is left; otherwise the model is told what was repaired and what is still
    wrong, and tries again. `strict=False` sends the relaxed schema for models without strict mode
    (their arguments may then be anything, which is what the repairs are for).
    """
    from .llm import from_structured, repair, widget_schema

    schema = widget_schema(strict=strict, components=components)

    async def invoke(ctx: RunContextWrapper[Any], arguments: str) -> str:
        agent_context = _agent_context(ctx, name)
        try:
            data: Any = json.loads(arguments)
        except ValueError:
            data = arguments  # repair may still find the JSON in it
        fixed, changes = repair(data)
        payload = from_structured(fixed)
        problems = validate(payload)
        repaired = ""
        if changes:
            listed = "; ".join(map(str, changes[:_CHANGES]))
            more = f" and {len(changes) - _CHANGES} more" if len(changes) > _CHANGES else ""
            repaired = f"Repaired {len(changes)} thing(s) for you: {listed}{more}. "
        if errors(problems):
            return _refused(name, problems, "the widget", repaired + "Still wrong: ")
        root = Node.from_dict(payload).to_chatkit()
        await agent_context.stream_widget(root)
        return repaired + _shown(name, root)

    return FunctionTool(
        name=name,
        description=description or _WHOLE_WIDGET,
        params_json_schema=schema,
        on_invoke_tool=invoke,
        strict_json_schema=strict,
    )


def _agent_context(ctx: RunContextWrapper[Any], name: str) -> AgentContext[Any]:
    agent_context = ctx.context
    if not isinstance(agent_context, AgentContext):
        raise TypeError(
            f"{name} streams into a ChatKit thread: run the agent with "
            "context=AgentContext(thread=…, store=…, request_context=…)"
        )
    return agent_context


def _strict_params(builder: Callable[..., Any]) -> tuple[dict[str, Any], frozenset[str]]:
    """The builder's parameter schema in strict mode, and the parameters that may be null to
    mean "use the default" (strict mode requires every key)."""
    schema = params_schema(builder)
    required = set(schema.get("required", []))
    defaulted = set()
    for key, prop in schema.get("properties", {}).items():
        if key not in required and not _takes_null(prop, schema):
            schema["properties"][key] = {"anyOf": [prop, {"type": "null"}]}
            defaulted.add(key)
    return ensure_strict_json_schema(schema), frozenset(defaulted)


def _takes_null(prop: dict[str, Any], root: dict[str, Any]) -> bool:
    if "$ref" in prop:
        prop = root.get("$defs", {}).get(prop["$ref"].rsplit("/", 1)[1], {})
    if prop.get("type") == "null" or (
        isinstance(prop.get("type"), list) and "null" in prop["type"]
    ):
        return True
    return any(_takes_null(p, root) for p in prop.get("anyOf", []))


def _description(builder: Callable[..., Any], name: str) -> str:
    fn = getattr(builder, "fn", builder)
    doc = inspect.getdoc(fn) or f"Show the {name.replace('_', ' ')} widget."
    text = f"Shows a widget to the user in the chat. {doc}"
    samples: dict[str, Any] = getattr(builder, "samples", {}) or {}
    if samples:
        state, data = next(iter(samples.items()))
        shown = json.dumps(to_jsonable_python(data, fallback=str), ensure_ascii=False)
        if len(shown) > _SAMPLE:
            shown = shown[: _SAMPLE - 1] + "…"
        text += f"\nExample arguments ({state}): {shown}"
    return text


async def _show(
    builder: Callable[..., Any],
    name: str,
    arguments: str,
    defaulted: frozenset[str],
    ctx: AgentContext[Any],
) -> str:
    try:
        data = json.loads(arguments or "{}")
    except ValueError as exc:
        return f"The arguments are not JSON ({exc}); call {name} again with a JSON object."
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if not (v is None and k in defaulted)}
    kwargs = parse_params(builder, data)
    if isinstance(kwargs, list):
        return _refused(name, kwargs, "the arguments")
    try:
        states = builder(**kwargs)
        if isinstance(states, Node):
            root = states.to_chatkit()  # checks the whole tree before anything is shown
            await ctx.stream_widget(root)
            return _shown(name, root)
        stream = _aiter(states)
        first = (await anext(stream)).to_chatkit()
    except WidgetError as exc:
        return _refused(name, exc.diagnostics, "the widget it built")
    except StopAsyncIteration:
        return f"{name} built no widget from these arguments; nothing was shown."
    failed: list[Diagnostic] = []
    last: list[WidgetRoot] = [first]
    await ctx.stream_widget(_states(first, stream, failed, last))
    reply = _shown(name, last[-1])
    if failed:
        reply += " Its updates stopped early: " + feedback(failed, subject="the next state")
    return reply


async def _aiter(states: Iterable[Node] | AsyncIterator[Node]) -> AsyncIterator[Node]:
    if isinstance(states, AsyncIterator):
        async for state in states:
            yield state
    else:
        for state in states:
            yield state


async def _states(
    first: WidgetRoot,
    rest: AsyncIterator[Node],
    failed: list[Diagnostic],
    last: list[WidgetRoot],
) -> AsyncGenerator[WidgetRoot, None]:
    yield first
    try:
        async for node in rest:
            root = node.to_chatkit()
            last.append(root)
            yield root
    except WidgetError as exc:  # the item keeps the last good state
        failed.extend(exc.diagnostics)


def _refused(name: str, problems: list[Diagnostic], what: str, before: str = "") -> str:
    return f"Nothing was shown. {before}{feedback(problems, subject=what)}\nCall {name} again."


def _shown(name: str, root: WidgetRoot) -> str:
    payload = root.model_dump(mode="json", exclude_none=True)
    texts: list[str] = []
    stack = [payload]
    while stack and sum(map(len, texts)) < _SUMMARY:
        node = stack.pop()
        for key in _TEXT_PROPS:
            if isinstance(node.get(key), str) and node[key]:
                texts.append(json.dumps(node[key], ensure_ascii=False))
        kids = node.get("children")
        stack.extend(reversed(kids) if isinstance(kids, list) else [kids] if kids else [])
    said = ", ".join(texts)
    if len(said) > _SUMMARY:
        said = said[: _SUMMARY - 1] + "…"
    kind = cast(str, payload.get("type", "widget"))
    return (
        f"Shown to the user: the {name} widget ({kind}: {said or 'no text'}). "
        "They can see it; do not repeat its content."
    )

"""widgetkit.agents: builders as Agents SDK tools, in scripted conversations through a real
ChatKitServer.respond(), Runner.run_streamed and openai-chatkit's stream_agent_response."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from agents import Agent, RunConfig, Runner
from agents.testing import ScriptedModel, assistant_message, function_call
from chatkit.agents import AgentContext, simple_to_agent_input, stream_agent_response
from chatkit.server import ChatKitServer, StreamingResult
from chatkit.types import (
    AssistantMessageItem,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
)
from chatkit.widgets import WidgetRoot
from pydantic import BaseModel, TypeAdapter

from widgetkit import Badge, Button, Card, Markdown, Row, Spacer, Text, Title, action, widget
from widgetkit.agents import widget_json_tool, widget_tool
from widgetkit.preview.store import MemoryStore

EVENTS: TypeAdapter[ThreadStreamEvent] = TypeAdapter(ThreadStreamEvent)
ROOTS: TypeAdapter[WidgetRoot] = TypeAdapter(WidgetRoot)


@widget(samples={"paid": {"id": "A-17", "total": 42.0, "paid": True}})
def order_summary(id: str, total: float, paid: bool, color: str = "success") -> Card:
    """An order's total, and a button to pay it while it is due."""
    return Card(
        Row(Title(f"Order {id}"), Spacer(), Badge("Paid" if paid else "Due", color=color)),  # type: ignore[arg-type]
        Row(Text("Total"), Spacer(), Text(f"${total:.2f}", weight="semibold")),
        Button("Pay now", onClickAction=action("order.pay", {"id": id}), disabled=paid),
    )


class Section(BaseModel):
    heading: str
    body: str


async def report(title: str, sections: list[Section]) -> AsyncIterator[Card]:
    """A report written section by section: one state per section."""
    text = ""
    for section in sections:
        text += f"## {section.heading}\n\n{section.body}\n\n"
        yield Card(Title(title), Markdown(text.strip(), id="report"))


class Server(ChatKitServer[dict[str, Any]]):
    """The README's respond(): an agent whose tools stream widgets into the thread."""

    def __init__(self, agent: Agent[AgentContext[dict[str, Any]]]) -> None:
        super().__init__(MemoryStore())
        self.agent = agent

    async def respond(
        self, thread: ThreadMetadata, item: UserMessageItem | None, context: dict[str, Any]
    ) -> AsyncIterator[ThreadStreamEvent]:
        ctx = AgentContext(thread=thread, store=self.store, request_context=context)
        agent_input = await simple_to_agent_input(item) if item else []
        result = Runner.run_streamed(
            self.agent, agent_input, context=ctx, run_config=RunConfig(tracing_disabled=True)
        )
        async for event in stream_agent_response(ctx, result):
            yield event


async def say(server: Server, text: str) -> list[ThreadStreamEvent]:
    """Start a thread with one user message, as ChatKit.js does, and read every event."""
    request = {
        "type": "threads.create",
        "params": {
            "input": {
                "content": [{"type": "input_text", "text": text}],
                "attachments": [],
                "inference_options": {},
            }
        },
    }
    result = await server.process(json.dumps(request), {})
    assert isinstance(result, StreamingResult)
    events = []
    async for chunk in result:
        for line in chunk.decode().splitlines():
            if line.startswith("data: "):
                events.append(EVENTS.validate_json(line.removeprefix("data: ")))
    return events


def widgets(events: list[ThreadStreamEvent]) -> Iterator[dict[str, Any]]:
    """The widget items the user was shown (each done event's widget JSON)."""
    for e in events:
        if isinstance(e, ThreadItemDoneEvent) and isinstance(e.item, WidgetItem):
            yield e.item.widget.model_dump(mode="json", exclude_none=True)


def as_shown(payload: dict[str, Any]) -> dict[str, Any]:
    """Widget JSON as a WidgetItem carries it (openai-chatkit fills in its action defaults)."""
    shown: dict[str, Any] = ROOTS.validate_python(payload).model_dump(
        mode="json", exclude_none=True
    )
    return shown


def said(events: list[ThreadStreamEvent]) -> list[str]:
    return [
        part.text
        for e in events
        if isinstance(e, ThreadItemDoneEvent) and isinstance(e.item, AssistantMessageItem)
        for part in e.item.content
    ]


def tool_outputs(model: ScriptedModel) -> list[str]:
    """What the tool answered the model, in call order (read from the model's later inputs)."""
    last = model.calls[-1].input
    return [
        i["output"] for i in last if isinstance(i, dict) and i.get("type") == "function_call_output"
    ]


def agent(model: ScriptedModel, *tools: Any) -> Agent[AgentContext[dict[str, Any]]]:
    return Agent(
        name="shop", instructions="Show orders as widgets.", model=model, tools=list(tools)
    )


# -- 1. a tool call that shows a widget ---------------------------------------------------------


async def test_a_tool_call_shows_the_builders_widget_and_answers_briefly() -> None:
    model = ScriptedModel(
        [
            [
                function_call(
                    "order_summary",
                    {"id": "A-17", "total": 42.0, "paid": False, "color": None},
                    call_id="c1",
                )
            ],
            [assistant_message("Here is your order.")],
        ]
    )
    events = await say(Server(agent(model, widget_tool(order_summary))), "where is my order?")

    (shown,) = widgets(events)
    assert shown == as_shown(order_summary("A-17", 42.0, paid=False).to_dict())
    assert said(events) == ["Here is your order."]
    (answer,) = tool_outputs(model)
    assert answer.startswith("Shown to the user: the order_summary widget (Card: ")
    assert '"Order A-17"' in answer and '"Pay now"' in answer
    assert len(answer) < 400 and '"type"' not in answer  # a summary, not the widget JSON
    model.assert_complete()


def test_the_tool_schema_is_the_data_editors_made_strict() -> None:
    from widgetkit.sandbox.render import widget_schema

    tool = widget_tool(order_summary)
    editor = widget_schema(order_summary)
    schema = tool.params_json_schema
    assert tool.name == "order_summary" and tool.strict_json_schema
    assert list(schema["properties"]) == list(editor["properties"])
    assert schema["required"] == ["id", "total", "paid", "color"]  # strict: every key
    assert schema["additionalProperties"] is False
    # A parameter with a default may be null, which means "use the default".
    assert schema["properties"]["color"]["anyOf"][-1] == {"type": "null"}
    assert schema["properties"]["total"] == editor["properties"]["total"]
    assert tool.description.startswith("Shows a widget to the user in the chat. An order's total")
    assert (
        'Example arguments (paid): {"id": "A-17", "total": 42.0, "paid": true}' in tool.description
    )


def test_a_builder_whose_parameters_cannot_be_strict_is_refused_at_once() -> None:
    def loose(data: dict[str, Any]) -> Card:
        return Card(Text(str(data)))

    with pytest.raises(TypeError, match="loose: its parameters have no strict JSON schema"):
        widget_tool(loose)


# -- 2. bad arguments are answered with the problems; the retry succeeds -----------------------


async def test_bad_arguments_are_answered_with_the_problems_and_the_retry_shows_the_widget() -> (
    None
):
    model = ScriptedModel(
        [
            # Wrong type: nothing is built.
            [
                function_call(
                    "order_summary",
                    {"id": "A-17", "total": "forty-two", "paid": False, "color": None},
                    call_id="c1",
                )
            ],
            # Fits the types, but the builder makes a Badge with a colour ChatKit lacks.
            [
                function_call(
                    "order_summary",
                    {"id": "A-17", "total": 42, "paid": False, "color": "green"},
                    call_id="c2",
                )
            ],
            [
                function_call(
                    "order_summary",
                    {"id": "A-17", "total": 42, "paid": False, "color": "warning"},
                    call_id="c3",
                )
            ],
            [assistant_message("Done.")],
        ]
    )
    events = await say(Server(agent(model, widget_tool(order_summary))), "show my order")

    # Nothing half-built reached the user: one widget, the good one.
    assert list(widgets(events)) == [
        as_shown(order_summary("A-17", 42, paid=False, color="warning").to_dict())
    ]
    first, second, third = tool_outputs(model)
    assert first.startswith("Nothing was shown. 1 error in the arguments")
    assert "- /total: data/total: Input should be a valid number" in first
    assert 'fix: got "forty-two"' in first and first.endswith("Call order_summary again.")
    assert second.startswith("Nothing was shown. 1 error in the widget it built")
    assert '"green" is not a BadgeColor token' in second
    assert "secondary, success, danger, warning, info, discovery" in second
    assert third.startswith("Shown to the user")


# -- builders that yield states stream through the same tool -----------------------------------


async def test_a_builder_that_yields_states_streams_them_as_updates_of_one_item() -> None:
    sections = [{"heading": "Revenue", "body": "Up 14%."}, {"heading": "Next", "body": "Hire."}]
    model = ScriptedModel(
        [
            [function_call("report", {"title": "Q1", "sections": sections}, call_id="c1")],
            [assistant_message("Report ready.")],
        ]
    )
    events = await say(Server(agent(model, widget_tool(report))), "write the Q1 report")

    added = [
        e for e in events if isinstance(e, ThreadItemAddedEvent) and isinstance(e.item, WidgetItem)
    ]
    (item,) = (e.item for e in added)
    updates = [e for e in events if isinstance(e, ThreadItemUpdatedEvent) and e.item_id == item.id]
    (final,) = widgets(events)
    assert item.widget.model_dump(mode="json", exclude_none=True)["children"][1]["value"] == (
        "## Revenue\n\nUp 14%."
    )
    assert updates  # the second section arrived as an update of the same item
    assert final["children"][1]["value"] == "## Revenue\n\nUp 14%.\n\n## Next\n\nHire."
    (answer,) = tool_outputs(model)
    assert answer.startswith('Shown to the user: the report widget (Card: "Q1"')


async def test_a_state_that_fails_midway_ends_the_stream_at_the_last_good_one() -> None:
    async def countdown(start: int) -> AsyncIterator[Card]:
        for n in range(start, -1, -1):
            yield Card(Text(f"{n}…", size="lg" if n else "huge"))  # type: ignore[arg-type]

    model = ScriptedModel(
        [[function_call("countdown", {"start": 2}, call_id="c1")], [assistant_message("Hm.")]]
    )
    events = await say(Server(agent(model, widget_tool(countdown))), "count down")

    (final,) = widgets(events)
    assert final["children"][0]["value"] == "1…"
    (answer,) = tool_outputs(model)
    assert "Its updates stopped early: 1 error in the next state" in answer
    assert '"huge" is not a TextSize token' in answer


# -- 3. a whole widget with mistakes: repaired, fed back, until it validates -------------------

MISTAKES = {
    "type": "card",  # case: repaired
    "children": [
        {"type": "Title", "value": "Your order", "size": "LG", "children": []},  # repaired twice
        {"type": "Text", "value": "Total: $42", "weight": "heavy"},  # not a token: fed back
        {"type": "Button", "label": "Pay", "onClickAction": "order.pay"},  # a bare action: repaired
    ],
}


async def test_a_model_that_writes_a_whole_widget_is_repaired_and_fed_back_until_it_validates() -> (
    None
):
    fixed = json.loads(json.dumps(MISTAKES).replace('"heavy"', '"bold"'))
    model = ScriptedModel(
        [
            [function_call("show_widget", {"widget": MISTAKES}, call_id="c1")],
            [function_call("show_widget", {"widget": fixed}, call_id="c2")],
            [assistant_message("There you go.")],
        ]
    )
    events = await say(Server(agent(model, widget_json_tool(strict=False))), "show my order")

    (shown,) = widgets(events)
    assert shown == as_shown(
        {
            "type": "Card",
            "children": [
                {"type": "Title", "value": "Your order", "size": "lg"},
                {"type": "Text", "value": "Total: $42", "weight": "bold"},
                {"type": "Button", "label": "Pay", "onClickAction": {"type": "order.pay"}},
            ],
        }
    )
    first, second = tool_outputs(model)
    assert first.startswith("Nothing was shown. Repaired 4 thing(s) for you: /type: ")
    assert (
        'Still wrong: 1 error in the widget; fix it and send it again:\n- /children/1/weight: "heavy" is not a FontWeight token'
        in first
    )
    assert second.startswith("Repaired 4 thing(s)") and "Shown to the user" in second


async def test_a_strict_answer_is_turned_back_into_widget_json_before_it_is_shown() -> None:
    from widgetkit.llm import to_structured

    card = order_summary("B-2", 7.5, paid=False).to_dict()
    model = ScriptedModel(
        [
            [function_call("show_widget", to_structured(card), call_id="c1")],
            [assistant_message("ok")],
        ]
    )
    tool = widget_json_tool(
        components=["Card", "Row", "Title", "Spacer", "Badge", "Text", "Button"]
    )
    events = await say(Server(agent(model, tool)), "show B-2")

    assert list(widgets(events)) == [as_shown(card)]
    assert tool.strict_json_schema and tool.params_json_schema["required"] == ["widget"]


def test_the_tool_needs_a_chatkit_agent_context() -> None:
    import asyncio

    from agents import RunContextWrapper

    tool = widget_tool(order_summary)
    with pytest.raises(TypeError, match="run the agent with context=AgentContext"):
        asyncio.run(tool.on_invoke_tool(RunContextWrapper(context=None), "{}"))  # type: ignore[arg-type]

"""widgetkit.handlers: typed action handlers and the outcomes the ChatKit glue turns into events."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import BaseModel
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

from widgetkit import Card, Text
from widgetkit.handlers import (
    ActionContext,
    ActionFailed,
    ActionRouter,
    Notice,
    PayloadError,
    Reply,
)


class ToggleTask(BaseModel):
    task_id: str
    done: bool = False


class Rename(TypedDict):
    title: str


def card(text: str) -> Card:
    return Card(Text(text))


def make_router() -> ActionRouter:
    router = ActionRouter()

    @router.on("tasks.toggle")
    def toggle(payload: ToggleTask, ctx: ActionContext) -> Card:
        return card(f"{payload.task_id} {'open' if payload.done else 'done'} from {ctx.item_id}")

    @router.on("tasks.rename")
    async def rename(payload: Rename) -> Reply:
        return Reply(card(payload["title"]))

    @router.on("tasks.raw")
    def raw(payload: dict[str, Any], ctx: ActionContext) -> Notice:
        return Notice(f"{sorted(payload)} form={ctx.form}", level="warning")

    @router.on("tasks.nothing")
    def nothing(payload: Any) -> None:
        return None

    @router.on("tasks.fail")
    def fail(payload: Any) -> Card:
        raise ActionFailed("The task list is locked.")

    @router.on("tasks.stream")
    async def stream(payload: Any) -> AsyncIterator[Card]:
        for n in range(3):
            yield card(f"step {n}")

    return router


async def test_a_node_replaces_the_sending_widget() -> None:
    ctx = ActionContext(type="tasks.toggle", payload={"task_id": "t1"}, item_id="item_9")
    outcome = await make_router().dispatch("tasks.toggle", {"task_id": "t1"}, ctx)
    assert outcome.kind == "update"
    assert outcome.widget == card("t1 done from item_9")


async def test_typed_dict_payload_and_reply() -> None:
    outcome = await make_router().dispatch("tasks.rename", {"title": "Shop"})
    assert outcome.kind == "reply" and outcome.widget == card("Shop")


async def test_raw_payload_and_notice_with_form_values() -> None:
    ctx = ActionContext(type="tasks.raw", payload={"b": 1, "a": 2}, form={"email": "a@b.c"})
    outcome = await make_router().dispatch("tasks.raw", {"b": 1, "a": 2}, ctx)
    assert outcome.kind == "notice"
    assert outcome.notice == Notice("['a', 'b'] form={'email': 'a@b.c'}", level="warning")


async def test_none_leaves_the_widget_unchanged() -> None:
    assert (await make_router().dispatch("tasks.nothing")).kind == "unchanged"


async def test_action_failed_becomes_a_failed_outcome() -> None:
    outcome = await make_router().dispatch("tasks.fail")
    assert (outcome.kind, outcome.message) == ("failed", "The task list is locked.")


async def test_async_generator_streams_states() -> None:
    router = make_router()
    outcome = await router.dispatch("tasks.stream")
    assert outcome.kind == "stream" and outcome.states is not None
    assert [n async for n in outcome.states] == [card(f"step {n}") for n in range(3)]
    flat = [o async for o in router.outcomes("tasks.stream")]
    assert [o.kind for o in flat] == ["update"] * 3


async def test_outcomes_of_a_plain_handler_is_one_outcome() -> None:
    flat = [o async for o in make_router().outcomes("tasks.rename", {"title": "x"})]
    assert [o.kind for o in flat] == ["reply"]


async def test_unknown_type_is_left_alone_not_an_error() -> None:
    outcome = await make_router().dispatch("tasks.unknown", {"x": 1})
    assert outcome.kind == "unhandled"
    assert outcome.message == "no handler for tasks.unknown; the widget is left as it is"


async def test_bad_payload_names_the_action_and_the_field() -> None:
    with pytest.raises(PayloadError) as caught:
        await make_router().dispatch("tasks.toggle", {"task_id": 5, "done": "maybe"})
    message = str(caught.value)
    assert '"tasks.toggle"' in message and '"task_id"' in message and '"done"' in message
    assert caught.value.action_type == "tasks.toggle"
    assert [where for where, _ in caught.value.problems] == ["task_id", "done"]


async def test_missing_payload_reports_the_required_field() -> None:
    with pytest.raises(PayloadError, match='field "task_id": Field required'):
        await make_router().dispatch("tasks.toggle")


async def test_a_handler_returning_a_non_root_is_a_programming_error() -> None:
    router = ActionRouter()
    router.on("bad")(lambda payload: Text("not a root"))
    with pytest.raises(TypeError, match="not a widget root"):
        await router.dispatch("bad")


def test_include_merges_and_types_lists_them() -> None:
    a, b = ActionRouter(), ActionRouter()
    a.on("one")(lambda payload: None)
    b.on("two")(lambda payload: None)
    a.include(b)
    assert a.types == ("one", "two") and "two" in a and "three" not in a


def test_a_type_is_registered_once() -> None:
    router = make_router()
    with pytest.raises(ValueError, match=r'action "tasks\.toggle" already has a handler'):
        router.include(make_router())


def test_a_handler_needs_a_payload_parameter() -> None:
    with pytest.raises(TypeError, match="takes no parameters"):
        ActionRouter().on("x")(lambda: None)


def test_the_decorator_returns_the_function_unchanged() -> None:
    router = ActionRouter()

    def handler(payload: ToggleTask) -> None:
        return None

    assert router.on("x")(handler) is handler


def test_handlers_do_not_import_the_chatkit_server() -> None:
    # chatkit.server takes seconds to import; the router must stay usable without it.
    code = "import sys, widgetkit.handlers; print('chatkit.server' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

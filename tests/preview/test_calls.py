"""The calls worker: renders with given data, parameter schemas and action dispatch run in a warm
worker process, fresh from source, and a call that never ends is stopped without the server."""

from __future__ import annotations

import asyncio
import textwrap
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from widgetkit.handlers import ActionContext, ActionFailed
from widgetkit.preview.calls import Calls, CallTimeout, HandlerError
from widgetkit.preview.library import Entry

MODULE = """\
import asyncio
from widgetkit import Card, Text, widget
from widgetkit.handlers import ActionFailed, ActionRouter, Notice

actions = ActionRouter()

@widget(samples={{"one": {{"n": 1}}}})
def counter(n: int, label: str = "count") -> Card:
    return Card(Text(f"{{label}} {{n}}{suffix}"))

@widget
def endless() -> Card:
    while True:
        pass

@actions.on("count.add")
def add(payload: dict) -> Card:
    return counter(payload["n"] + 1)

@actions.on("count.notice")
def notice(payload: dict) -> Notice:
    return Notice("hello", level="warning")

@actions.on("count.crash")
def crash(payload: dict) -> Card:
    raise KeyError("no such counter")

@actions.on("count.spin")
def spin(payload: dict) -> Card:
    while True:
        pass

@actions.on("count.stream")
async def stream(payload: dict):
    for n in range(3):
        yield counter(n)
        await asyncio.sleep(0.05)
    if payload.get("fail"):
        raise ActionFailed("ran out")
"""


def write(path: Path, suffix: str = "") -> Path:
    path.write_text(textwrap.dedent(MODULE.format(suffix=suffix)), encoding="utf-8")
    return path


def entry(file: Path, name: str) -> Entry:
    return Entry(f"counter:{name}", file, file.name, name, name, "", "builder")


@pytest.fixture
async def calls(tmp_path: Path) -> AsyncIterator[Calls]:
    write(tmp_path / "counter.py")
    c = Calls([tmp_path], timeout=1.0)
    c.start()
    try:
        yield c
    finally:
        await c.close()


def ctx(action_type: str) -> ActionContext:
    return ActionContext(type=action_type)


async def test_render_checks_data_builds_and_validates(calls: Calls, tmp_path: Path) -> None:
    e = entry(tmp_path / "counter.py", "counter")
    ok = await calls.render(e, {"n": 4, "label": "total"})
    assert ok.ok and ok.payload is not None
    assert ok.payload["children"][0]["value"] == "total 4"
    bad = await calls.render(e, {"n": "four", "colour": 1})
    assert bad.payload is None
    assert {d.path for d in bad.data_errors} == {"/n", "/colour"}
    schema = await calls.schema(e)
    assert schema["required"] == ["n"] and set(schema["properties"]) == {"n", "label"}


async def test_render_sees_the_source_as_saved_since(calls: Calls, tmp_path: Path) -> None:
    e = entry(tmp_path / "counter.py", "counter")
    assert (await calls.render(e, {"n": 1})).payload is not None
    write(tmp_path / "counter.py", suffix="!")
    rendered = await calls.render(e, {"n": 1})
    assert rendered.payload is not None
    assert rendered.payload["children"][0]["value"] == "count 1!"
    # A builder in a file the server never scanned renders too.
    (tmp_path / "extra.py").write_text(MODULE.format(suffix="?").replace("counter", "other"))
    other = await calls.render(entry(tmp_path / "extra.py", "other"), {"n": 2})
    assert other.payload is not None and other.payload["children"][0]["value"] == "count 2?"


async def test_an_endless_builder_is_stopped_and_the_next_render_works(
    calls: Calls, tmp_path: Path
) -> None:
    file = tmp_path / "counter.py"
    started = time.monotonic()
    stopped = await calls.render(entry(file, "endless"), {})
    assert time.monotonic() - started < 5
    assert stopped.payload is None
    assert stopped.diagnostics[0].code == "builder-timeout"
    assert "took longer than 1 s" in stopped.diagnostics[0].message
    assert calls.restarts == 1
    assert (await calls.render(entry(file, "counter"), {"n": 2})).ok


async def test_actions_answer_outcomes_as_json(calls: Calls, tmp_path: Path) -> None:
    near = tmp_path / "counter.py"
    update = await calls.action("count.add", {"n": 1}, ctx("count.add"), near=near, timeout=1)
    assert update.kind == "update" and update.widget is not None
    assert update.widget.to_dict()["children"][0]["value"] == "count 2"
    notice = await calls.action("count.notice", None, ctx("count.notice"), near=near, timeout=1)
    assert notice.kind == "notice" and notice.notice is not None
    assert (notice.notice.text, notice.notice.level) == ("hello", "warning")
    none = await calls.action("count.nothing", None, ctx("count.nothing"), near=near, timeout=1)
    assert none.kind == "unhandled" and "No handler for count.nothing" in (none.message or "")
    assert "count.add" in calls.types


async def test_a_handlers_exception_carries_its_cause(calls: Calls, tmp_path: Path) -> None:
    with pytest.raises(HandlerError) as raised:
        await calls.action("count.crash", {}, ctx("count.crash"), near=None, timeout=1)
    cause = raised.value.cause
    assert cause.type == "KeyError" and "no such counter" in cause.message
    assert cause.where.startswith(str(tmp_path / "counter.py"))
    assert any("raise KeyError" in frame.code for frame in cause.traceback)
    assert calls.restarts == 0  # an exception is an answer: the worker stays


async def test_a_stream_arrives_state_by_state(calls: Calls) -> None:
    outcome = await calls.action("count.stream", {}, ctx("count.stream"), near=None, timeout=1)
    assert outcome.kind == "stream" and outcome.states is not None
    seen = []
    async for state in outcome.states:
        seen.append((state.to_dict()["children"][0]["value"], time.monotonic()))
    assert [v for v, _ in seen] == ["count 0", "count 1", "count 2"]
    assert seen[-1][1] - seen[0][1] > 0.08  # each state came as produced, not all at the end
    failing = await calls.action(
        "count.stream", {"fail": True}, ctx("count.stream"), near=None, timeout=1
    )
    assert failing.states is not None
    with pytest.raises(ActionFailed, match="ran out"):
        async for _ in failing.states:
            pass
    assert calls.restarts == 0


async def test_a_spinning_handler_is_stopped_and_the_loop_stays_free(calls: Calls) -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    try:
        with pytest.raises(CallTimeout, match=r"took longer than 0\.5 s"):
            await calls.action("count.spin", {}, ctx("count.spin"), near=None, timeout=0.5)
    finally:
        ticker.cancel()
    assert ticks > 20  # the event loop kept running while the handler spun
    again = await calls.action("count.add", {"n": 5}, ctx("count.add"), near=None, timeout=1)
    assert again.kind == "update" and calls.restarts == 1


async def test_a_stuck_handler_holds_up_only_its_own_call(calls: Calls, tmp_path: Path) -> None:
    # A handler spinning until its (long) limit, then a data-editor render and another click:
    # each gets a worker of its own and answers while the stuck one still runs.
    near = tmp_path / "counter.py"
    stuck = asyncio.create_task(calls.action("count.spin", {}, ctx("count.spin"), near=near,
                                             timeout=120.0))  # fmt: skip
    await asyncio.sleep(0)  # the stuck call takes its worker first
    render = asyncio.create_task(calls.render(entry(near, "counter"), {"n": 3}))
    click = asyncio.create_task(
        calls.action("count.add", {"n": 1}, ctx("count.add"), near=near, timeout=120.0)
    )
    done, _ = await asyncio.wait({stuck, asyncio.gather(render, click)},
                                 return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
    assert stuck not in done
    assert render.result().ok and click.result().kind == "update"
    stuck.cancel()
    with pytest.raises(asyncio.CancelledError):
        await stuck


async def test_the_parameter_schema_is_asked_once_per_save(
    calls: Calls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    collect = calls.collect

    async def counting(request: dict[str, Any]) -> list[dict[str, Any]]:
        asked.append(request["t"])
        return await collect(request)

    monkeypatch.setattr(calls, "collect", counting)
    e = entry(tmp_path / "counter.py", "counter")
    first = await calls.schema(e)
    assert await calls.schema(e) == first  # a second page view
    assert asked == ["schema"]
    source = (tmp_path / "counter.py").read_text().replace('label: str = "count"', "label: int = 0")
    (tmp_path / "counter.py").write_text(source)
    changed = await calls.schema(e)
    assert asked == ["schema", "schema"]
    assert changed["properties"]["label"]["type"] == "integer"

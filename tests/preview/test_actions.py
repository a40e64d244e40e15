"""The preview's mock action handlers and action log, through /chatkit as a page sends actions."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from widgetkit.preview.action_log import replay
from widgetkit.preview.app import create_app
from widgetkit.preview.library import thread_id_for

# The preview serves loopback hosts only (preview/security.py); tests speak as one.
LOCAL = "http://127.0.0.1"


HANDLERS = """
import asyncio
from widgetkit import Button, Card, Image, Text, action, widget
from widgetkit.handlers import ActionRouter, Notice

actions = ActionRouter()

@widget(samples={"one": {"n": 1}})
def counter(n: int) -> Card:
    return Card(
        Text(f"count {n}"),
        Button("Add", onClickAction=action("count.add", {"n": n})),
        Button("Crash", onClickAction=action("count.crash")),
        Button("Slow", onClickAction=action("count.slow")),
        Button("Sync", onClickAction=action("count.add", {"n": n}, streaming=False)),
    )

@actions.on("count.add")
def add(payload: dict) -> Card:
    return counter(payload["n"] + STEP)

@actions.on("count.crash")
def crash(payload: dict) -> Card:
    raise KeyError("no such counter")

@actions.on("count.picture")
def picture(payload: dict) -> Card:
    return Card(Image(src="https://example.com/count.png"))  # no alt: a warning, not an error

@actions.on("count.slow")
async def slow(payload: dict) -> Notice:
    await asyncio.sleep(30)
    return Notice("never")

STEP = 1
"""


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    (tmp_path / "counter.py").write_text(HANDLERS)
    return tmp_path


@pytest.fixture
def client(app_dir: Path) -> Iterator[TestClient]:
    app = create_app([app_dir], renderer="local", reload=False)
    app.state.actions.timeout = 0.3
    with TestClient(app, base_url=LOCAL) as c:
        assert c.get("/api/widgets").status_code == 200
        c.post("/chatkit", json={"type": "threads.list", "params": {}})  # waits for the server
        yield c


THREAD = thread_id_for("counter:counter", "one")


def sender_id(client: TestClient) -> str:
    body = {"type": "items.list", "params": {"thread_id": THREAD, "limit": 10, "order": "asc"}}
    return str(client.post("/chatkit", json=body).json()["data"][0]["id"])


def act(client: TestClient, action_type: str, payload: Any = None, *, sync: bool = False) -> Any:
    params = {"thread_id": THREAD, "item_id": sender_id(client),
              "action": {"type": action_type, "payload": payload}}  # fmt: skip
    kind = "threads.sync_custom_action" if sync else "threads.custom_action"
    return client.post("/chatkit", json={"type": kind, "params": params})


def sse(response: Any) -> list[dict[str, Any]]:
    return [json.loads(line[6:]) for line in response.text.splitlines() if line.startswith("data:")]


def log(client: TestClient) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = client.get("/api/actions").json()["entries"]
    return entries


def test_a_server_action_is_answered_by_the_modules_router_and_logged(client: TestClient) -> None:
    events = sse(act(client, "count.add", {"n": 1}))
    assert [e["type"] for e in events] == ["stream_options", "thread.item.replaced"]
    (entry,) = log(client)
    assert entry["type"] == "count.add" and entry["outcome"] == "update"
    assert entry["mode"] == "stream" and entry["handler"] == "server"
    assert entry["item_id"] == sender_id(client) and entry["item_index"] == 0
    assert "count 2" in json.dumps(entry["events"])
    assert isinstance(entry["ms"], float)


def test_the_warnings_of_a_handlers_widget_are_kept_in_its_log_entry(client: TestClient) -> None:
    # The widget was validated once, in the worker; the server keeps what it found.
    assert [e["type"] for e in sse(act(client, "count.picture"))][-1] == "thread.item.replaced"
    assert act(client, "count.picture", sync=True).status_code == 200
    for entry in log(client):
        assert entry["outcome"] in ("update", "unchanged") and entry["error"] is None
        assert [(d["severity"], d["code"]) for d in entry["diagnostics"]] == [
            ("warning", "a11y-alt")
        ]


def test_a_handlers_exception_is_logged_with_its_cause(client: TestClient, app_dir: Path) -> None:
    events = sse(act(client, "count.crash"))
    assert events[-1]["type"] == "error"  # chatkit's own error event, with no message
    (entry,) = log(client)
    assert entry["outcome"] == "error"
    assert entry["error"]["type"] == "KeyError"
    assert "no such counter" in entry["error"]["message"]
    assert f"{app_dir / 'counter.py'}:" in entry["error"]["where"]


def test_a_handler_that_runs_too_long_is_stopped(client: TestClient) -> None:
    events = sse(act(client, "count.slow"))
    assert events[-1] == {"type": "error", "code": "custom", "allow_retry": False,
                          "message": "The handler of count.slow took longer than 0.3 s."}  # fmt: skip
    (entry,) = log(client)
    assert entry["outcome"] == "timeout" and entry["error"]["type"] == "Timeout"
    # The server is still there and answers the next action.
    assert sse(act(client, "count.add", {"n": 1}))[-1]["type"] == "thread.item.replaced"


def test_an_action_with_no_handler_leaves_the_widget_and_says_so(client: TestClient) -> None:
    events = sse(act(client, "count.unknown"))
    assert [e["type"] for e in events] == ["stream_options"]
    (entry,) = log(client)
    assert entry["outcome"] == "unhandled"
    assert entry["note"] == "No handler for count.unknown; the widget is left as it is."


def test_a_sync_action_answers_the_updated_item(client: TestClient) -> None:
    answer = act(client, "count.add", {"n": 4}, sync=True).json()
    assert "count 5" in json.dumps(answer["updated_item"])
    (entry,) = log(client)
    assert entry["mode"] == "sync" and entry["outcome"] == "update"


def test_a_sync_handlers_exception_answers_json_and_is_logged(client: TestClient) -> None:
    answer = act(client, "count.crash", sync=True)
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "action_failed"
    assert "KeyError" in answer.json()["error"]["message"]
    (entry,) = log(client)
    assert entry["mode"] == "sync" and entry["error"]["type"] == "KeyError"


def test_a_saved_handler_answers_the_next_action(client: TestClient, app_dir: Path) -> None:
    file = app_dir / "counter.py"
    file.write_text(HANDLERS.replace("STEP = 1", "STEP = 10"))
    # Same size and mtime tick as a fast editor's second save would be: force a newer mtime.
    st = file.stat()
    os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert "count 11" in json.dumps(sse(act(client, "count.add", {"n": 1})))


def test_client_actions_are_logged_by_the_page(client: TestClient) -> None:
    body = {"action": {"type": "copy", "payload": {"x": 1}}, "thread_id": THREAD,
            "item_id": "msg_1", "form": {}}  # fmt: skip
    assert client.post("/api/actions", json=body).status_code == 200
    (entry,) = log(client)
    assert entry["mode"] == "client" and entry["outcome"] == "client"
    assert client.post("/api/actions", json={"nope": 1}).status_code == 400


def test_an_exported_log_replays_the_same_on_a_fresh_preview(app_dir: Path) -> None:
    def fresh() -> TestClient:
        return TestClient(create_app([app_dir], renderer="local", reload=False), base_url=LOCAL)

    with fresh() as first:
        first.get("/api/widgets")
        act(first, "count.add", {"n": 1})
        act(first, "count.add", {"n": 2}, sync=True)
        act(first, "count.unknown")
        exported = first.get("/api/actions/export").json()
    assert len(exported["entries"]) == 3
    with fresh() as second:
        second.get("/api/widgets")
        assert replay(exported, second) == []
    (app_dir / "counter.py").write_text(HANDLERS.replace("STEP = 1", "STEP = 2"))
    with fresh() as third:
        third.get("/api/widgets")
        problems = replay(exported, third)
    assert len(problems) == 2 and "count.add" in problems[0]


def test_clearing_the_log(client: TestClient) -> None:
    act(client, "count.add", {"n": 1})
    client.delete("/api/actions")
    assert log(client) == []
    act(client, "count.add", {"n": 1})
    assert [e["id"] for e in log(client)] == [2]  # ids keep counting: pages ask for newer ones

"""With hot reload (the default), the preview runs user code in worker processes: a handler that
spins without awaiting and a builder that never returns are stopped, and the server answers other
requests meanwhile and after."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from widgetkit.preview.app import create_app
from widgetkit.preview.library import thread_id_for

# The preview serves loopback hosts only (preview/security.py); tests speak as one.
LOCAL = "http://127.0.0.1"


MODULE = """
from widgetkit import Button, Card, Text, action, widget
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

@widget(samples={"one": {"n": 1}})
def counter(n: int) -> Card:
    return Card(
        Text(f"count {n}"),
        Button("Add", onClickAction=action("count.add", {"n": n})),
        Button("Spin", onClickAction=action("count.spin")),
    )

@widget
def endless() -> Card:
    while FOREVER:
        pass
    return Card(Text("done"))

FOREVER = False  # the first build ends; the data editor's build is asked to spin below

@actions.on("count.add")
def add(payload: dict) -> Card:
    return counter(payload["n"] + STEP)

@actions.on("count.spin")
def spin(payload: dict) -> Card:
    while True:
        pass

STEP = 1
"""

THREAD = thread_id_for("counter:counter", "one")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    (tmp_path / "counter.py").write_text(MODULE)
    app = create_app([tmp_path], renderer="local")  # reload on: the default
    # Limits short enough to wait out, long enough that a good call on a loaded machine ends
    # within them; the tests below look at the order of answers, not at how long they took.
    app.state.actions.timeout = 3.0
    app.state.preview.calls.timeout = 3.0
    with TestClient(app, base_url=LOCAL) as c:
        assert c.get("/api/widgets").status_code == 200
        c.post("/chatkit", json={"type": "threads.list", "params": {}})  # waits for the server
        yield c


def act(client: TestClient, action_type: str, payload: Any = None, *, sync: bool = False) -> Any:
    body = {"type": "items.list", "params": {"thread_id": THREAD, "limit": 10, "order": "asc"}}
    item_id = client.post("/chatkit", json=body).json()["data"][0]["id"]
    params = {"thread_id": THREAD, "item_id": item_id,
              "action": {"type": action_type, "payload": payload}}  # fmt: skip
    kind = "threads.sync_custom_action" if sync else "threads.custom_action"
    return client.post("/chatkit", json={"type": kind, "params": params})


def events(response: Any) -> list[dict[str, Any]]:
    return [json.loads(line[6:]) for line in response.text.splitlines() if line.startswith("data:")]


def test_a_spinning_sync_handler_does_not_block_the_server(client: TestClient) -> None:
    answers: dict[str, Any] = {}
    spinning = threading.Thread(target=lambda: answers.update(spin=act(client, "count.spin")))
    spinning.start()
    time.sleep(0.15)  # the handler is spinning in the worker now
    assert client.get("/api/widgets").status_code == 200
    assert spinning.is_alive()  # answered while the handler still spins
    spinning.join(60)
    assert not spinning.is_alive()  # and the handler was stopped at its limit
    assert any(e["type"] == "error" for e in events(answers["spin"]))
    entry = client.get("/api/actions").json()["entries"][-1]
    assert (entry["type"], entry["outcome"]) == ("count.spin", "timeout")
    assert entry["error"]["type"] == "Timeout" and "3 s" in entry["error"]["message"]
    # The next action is answered by the fresh worker.
    update = [
        e for e in events(act(client, "count.add", {"n": 1})) if e["type"] == "thread.item.replaced"
    ]
    assert update[0]["item"]["widget"]["children"][0]["value"] == "count 2"
    sync = act(client, "count.spin", sync=True)
    assert sync.status_code == 500 and "3 s" in sync.json()["error"]["message"]
    assert act(client, "count.add", {"n": 2}, sync=True).status_code == 200


def test_a_handlers_cause_keeps_its_traceback_lines(client: TestClient, tmp_path: Path) -> None:
    source = MODULE.replace(
        'return counter(payload["n"] + STEP)', "return counter(payload['missing'])"
    )
    (tmp_path / "counter.py").write_text(source)
    act(client, "count.add", {"n": 1})
    entry = client.get("/api/actions").json()["entries"][-1]
    assert entry["outcome"] == "error" and entry["error"]["type"] == "KeyError"
    assert entry["error"]["where"].startswith(str(tmp_path / "counter.py"))
    assert any("payload['missing']" in f["code"] for f in entry["error"]["traceback"])


def test_the_data_editor_builds_in_the_worker_from_the_saved_source(
    client: TestClient, tmp_path: Path
) -> None:
    file = tmp_path / "counter.py"
    file.write_text(
        MODULE.replace('f"count {n}"', 'f"total {n}"').replace("FOREVER = False", "FOREVER = True")
    )
    stopped = client.post("/api/render", json={"id": "counter:endless", "data": {}})
    assert stopped.status_code == 422
    assert stopped.json()["diagnostics"][0]["code"] == "builder-timeout"
    ok = client.post("/api/render", json={"id": "counter:counter", "data": {"n": 7}})
    assert ok.status_code == 200, ok.text
    assert ok.json()["payload"]["children"][0]["value"] == "total 7"  # the saved source
    bad = client.post("/api/render", json={"id": "counter:counter", "data": {"n": "x"}})
    assert bad.status_code == 422 and bad.json()["diagnostics"][0]["path"] == "/n"
    schema = client.get("/api/widget/counter:counter").json()["schema"]
    assert schema["required"] == ["n"]


GOOD = """
from widgetkit import Card, Text, widget

@widget
def hello() -> Card:
    return Card(Text("hello"))
"""


def wait_built(client: TestClient, limit: float = 20) -> dict[str, Any]:
    """`/api/widgets` once the worker's first build is in (each answer comes promptly)."""
    started = time.monotonic()
    while True:
        answer = client.get("/api/widgets")
        assert answer.status_code == 200
        body: dict[str, Any] = answer.json()
        if not body["pending"]:
            return body
        assert time.monotonic() - started < limit
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("source", "error"),
    [("while True:\n    pass\n", "Timeout"), ("import os\nos._exit(1)\n", "WorkerCrash")],
    ids=["loops", "exits"],
)
def test_a_module_that_loops_or_exits_at_import_does_not_stop_the_start(
    tmp_path: Path, source: str, error: str
) -> None:
    (tmp_path / "a_bad.py").write_text(source)  # built first: the good one comes after it
    (tmp_path / "good.py").write_text(GOOD)
    app = create_app([tmp_path], renderer="local")
    with TestClient(app, base_url=LOCAL) as c:
        first = c.get("/api/widgets")
        assert first.status_code == 200
        if error == "Timeout":  # answered while the module still loops, not after its limit
            assert first.json()["building"]
        widgets = {w["id"]: w for w in wait_built(c)["widgets"]}
        assert widgets["good:hello"]["errors"] == 0
        (problem,) = widgets["a_bad"]["problems"]
        assert problem["code"] == "import-error" and problem["message"].startswith(error)
        if error == "Timeout":
            assert "took longer than" in problem["message"]
        assert "good:hello" in c.get("/").text
        state = c.get("/api/widget/good:hello").json()["states"]["default"]
        assert state["payload"]["children"][0]["value"] == "hello"
    # The server never imported the user's modules: the worker did.
    assert not any(
        getattr(m, "__file__", None) and str(tmp_path) in str(m.__file__)
        for m in list(sys.modules.values())
    )

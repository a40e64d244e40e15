"""The first build lists every widget before it builds their states: the index is there while
the states are still being built, and a widget's page asked for meanwhile waits for its states."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from widgetkit.preview.app import create_app

LOCAL = "http://127.0.0.1"

# Each builder waits until the test makes the gate file: until then no state can be built.
GATED = """\
import os, time
from widgetkit import Card, Text, widget

GATE = {gate!r}


def wait() -> None:
    while not os.path.exists(GATE):
        time.sleep(0.02)


@widget(samples={{"a": {{}}, "b": {{}}}})
def first_{n}() -> Card:
    wait()
    return Card(Text(value="first {n}"))


@widget
def second_{n}() -> Card:
    wait()
    return Card(Text(value="second {n}"))
"""


def listed(client: TestClient, limit: float = 30) -> dict[str, Any]:
    """`/api/widgets` once it no longer says "building"."""
    started = time.monotonic()
    while True:
        body: dict[str, Any] = client.get("/api/widgets").json()
        if not body["building"]:
            return body
        assert time.monotonic() - started < limit, "the listing never came in"
        time.sleep(0.05)


def test_every_widget_is_listed_before_its_states_are_built(tmp_path: Path) -> None:
    gate = tmp_path.parent / f"{tmp_path.name}-gate"
    for n in range(3):
        (tmp_path / f"mod_{n}.py").write_text(GATED.format(gate=str(gate), n=n))
    app = create_app([tmp_path], renderer="local")
    with TestClient(app, base_url=LOCAL) as c:
        # Set before the worker (still starting) builds a state: the gate, not the limit,
        # ends each build.
        app.state.reloader.builder.timeout = 60.0
        body = listed(c)
        # The gate is shut: nothing is built, yet every widget and state name is there.
        assert body["pending"]
        widgets = {w["id"]: w for w in body["widgets"]}
        assert sorted(widgets) == sorted(
            f"mod_{n}:{name}_{n}" for n in range(3) for name in ("first", "second")
        )
        assert widgets["mod_2:first_2"]["states"] == ["a", "b"]
        assert widgets["mod_2:second_2"]["states"] == ["default"]
        assert all(w["building"] and w["errors"] == 0 for w in widgets.values())
        index = c.get("/").text
        assert 'href="/widget/mod_2:second_2"' in index and "Building their states" in index

        # A widget's page and API asked for now wait for its states, then show them.
        answers: dict[str, Any] = {}

        def ask() -> None:
            answers["api"] = c.get("/api/widget/mod_2:first_2")
            answers["page"] = c.get("/widget/mod_2:first_2")

        asker = threading.Thread(target=ask)
        asker.start()
        asker.join(0.5)
        assert not answers  # still waiting: the gate is shut
        gate.write_text("open")
        asker.join(60)
        assert answers["api"].status_code == 200 and answers["page"].status_code == 200
        states = answers["api"].json()["states"]
        assert [states[s]["payload"]["children"][0]["value"] for s in ("a", "b")] == [
            "first 2",
            "first 2",
        ]
        assert not any(s["pending"] for s in states.values())
        assert "first 2" in answers["page"].text
        body = c.get("/api/widgets").json()
        assert not body["pending"]
        assert not any(w["building"] for w in body["widgets"])

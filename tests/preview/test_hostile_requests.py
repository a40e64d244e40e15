"""Hostile requests: paths that climb out of a served folder (encoded, absolute, through
symlinks), bodies nested past Python's recursion limit, and tens of megabytes posted to
/chatkit. Each is refused with a 4xx and a message, never a 500, and nothing is read or changed."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import urllib.parse
from collections.abc import AsyncIterator, Callable, Iterator
from html import unescape as html_unescape
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from starlette.testclient import TestClient

from widgetkit.preview.app import create_app
from widgetkit.preview.broadcast import Broadcast, sse_events
from widgetkit.preview.library import Library, thread_id_for
from widgetkit.preview.watch import Reloader
from widgetkit.sandbox import Builder

# The preview serves loopback hosts only (preview/security.py); tests speak as one.
LOCAL = "http://127.0.0.1"


if TYPE_CHECKING:
    from conftest import ChatKit

SECRET = "top secret: outside every root"
CARD = {"type": "Card", "children": [{"type": "Text", "value": "hi"}]}


@pytest.fixture
def roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Static files and gallery assets served from tmp folders that hold symlinks pointing out."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    static = tmp_path / "static"
    static.mkdir()
    (static / "app.js").write_text("// ok")
    (static / "leak.txt").symlink_to(outside / "secret.txt")
    (static / "linked").symlink_to(outside, target_is_directory=True)
    assets = tmp_path / "gallery" / "assets"
    assets.mkdir(parents=True)
    (assets / "ok.svg").write_text("<svg/>")
    (assets / "leak.svg").symlink_to(outside / "secret.txt")
    (tmp_path / "widgets").mkdir()
    (tmp_path / "widgets" / "hello.json").write_text(json.dumps(CARD))
    monkeypatch.setattr("widgetkit.preview.app.STATIC", static)
    monkeypatch.setattr("widgetkit.preview.app.gallery_path", lambda: tmp_path / "gallery")
    return tmp_path


@pytest.fixture
def client(roots: Path) -> Iterator[TestClient]:
    app = create_app([roots / "widgets"], renderer="local", reload=False)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


def test_no_route_reads_outside_its_root(client: TestClient, roots: Path) -> None:
    assert client.get("/static/app.js").text == "// ok"
    assert client.get("/gallery-assets/ok.svg").status_code == 200
    secret = roots / "outside" / "secret.txt"
    for url in (
        "/static/leak.txt",  # a symlink pointing out
        "/static/linked/secret.txt",  # through a symlinked folder
        "/gallery-assets/leak.svg",
        "/static/../outside/secret.txt",
        "/static/%2e%2e/outside/secret.txt",
        "/static/%2e%2e%2foutside%2fsecret.txt",
        "/static/..%5coutside%5csecret.txt",
        f"/static/{secret}",  # an absolute path
        f"/static/%2f{str(secret).lstrip('/')}",
        f"/static//{secret}",
        f"/gallery-assets/{secret}",
        "/gallery-assets/%2e%2e%2f%2e%2e%2foutside%2fsecret.txt",
        "/static/app.js%00.txt",
    ):
        response = client.get(url)
        assert response.status_code in (400, 404), url
        assert SECRET not in response.text, url


def test_widget_ids_are_names_not_paths(client: TestClient, roots: Path) -> None:
    secret = roots / "outside" / "secret.txt"
    for name in (
        "../outside/secret.txt",
        "%2e%2e%2foutside%2fsecret.txt",
        str(secret),
        "hello.json/../../outside/secret.txt",
    ):
        for url in (f"/widget/{name}", f"/api/widget/{name}"):
            response = client.get(url)
            assert response.status_code == 404, url
            assert SECRET not in response.text, url
        response = client.post("/api/render", json={"id": name, "data": {}})
        assert response.status_code == 404 and SECRET not in response.text, name


def test_bodies_nested_past_the_recursion_limit_are_refused(client: TestClient) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for url, body, status in (
        ("/api/render", b'{"payload": ' + deep + b"}", 400),
        ("/api/actions", b'{"action": ' + deep + b"}", 400),
        ("/chatkit", b'{"type": "threads.list", "params": {}, "metadata": ' + deep + b"}", 400),
    ):
        response = client.post(url, content=body)
        assert response.status_code == status, (url, response.text)
        assert response.json()["error"]["message"], url
    assert client.get("/api/widgets").status_code == 200


class Flood:
    """A JSON body of 40 MB after `head`, sent in 1 MB chunks; `sent` counts those pulled."""

    def __init__(self, head: bytes) -> None:
        self.head = head
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        for _ in range(40):
            self.sent += 1
            yield b"x" * 1_000_000
        yield b'"}}'


async def post_streamed(app: Any, url: str, body: Flood) -> httpx.Response:
    # httpx's ASGI transport hands the body over chunk by chunk, as a socket would
    # (TestClient reads it all first), so what the endpoint pulled can be counted.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=LOCAL) as client:
        return await client.post(url, content=body)


async def test_forty_megabytes_are_refused_before_they_are_all_read(chatkit: ChatKit) -> None:
    flood = Flood(b'{"type": "threads.list", "params": {}, "metadata": {"pad": "')
    response = await post_streamed(chatkit.client.app, "/chatkit", flood)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]["message"]
    assert flood.sent <= 6, f"the endpoint read {flood.sent} MB before refusing the body"
    chatkit.assert_intact()


def test_a_declared_forty_megabytes_are_refused_unread(
    start_chatkit: Callable[..., ChatKit],
) -> None:
    chatkit = start_chatkit()
    body = b'{"type": "threads.list", "params": {}, "metadata": {"pad": "' + b"x" * 40_000_000
    response = chatkit.client.post("/chatkit", content=body + b'"}}')
    assert response.status_code == 413
    chatkit.assert_intact()


def test_numbers_json_cannot_carry_are_refused_with_a_message(client: TestClient) -> None:
    for bad, said in (
        (b"NaN", "NaN and Infinity are not JSON"),
        (b"Infinity", "NaN and Infinity are not JSON"),
        (b"-Infinity", "NaN and Infinity are not JSON"),
        (b"1e999", "too large for a double"),
        (b"9" * 4301, "more than 4,300 digits"),
    ):
        for url, body in (
            ("/api/render", b'{"payload": {"type": "Card", "padding": ' + bad + b"}}"),
            ("/api/actions", b'{"action": {"type": "a", "payload": ' + bad + b"}}"),
            (
                "/chatkit",
                b'{"type": "threads.list", "params": {}, "metadata": {"x": ' + bad + b"}}",
            ),
        ):
            response = client.post(url, content=body)
            assert response.status_code == 400, (url, bad[:10], response.text)
            assert said in response.json()["error"]["message"], (url, bad[:10])
    # Big but ordinary numbers are JSON.
    ok = b'{"payload": {"type": "Card", "children": [], "padding": 1e300, "key": ' + b"9" * 300
    assert client.post("/api/render", content=ok + b"}}").status_code == 200


@pytest.mark.parametrize("url", ["/api/render", "/api/actions"])
async def test_a_large_body_is_refused_while_it_arrives(client: TestClient, url: str) -> None:
    flood = Flood(b'{"payload": {"pad": "')
    response = await post_streamed(client.app, url, flood)
    assert response.status_code == 413, response.text
    assert "larger than" in response.json()["error"]["message"]
    assert flood.sent <= 2, f"{url} read {flood.sent} MB before refusing the body"
    declared = client.post(url, content=b"x" * 2_000_000)
    assert declared.status_code == 413


def test_an_action_without_a_type_is_refused_and_the_log_keeps_working(
    client: TestClient,
) -> None:
    client.post("/chatkit", json={"type": "threads.list", "params": {}})  # waits for the server
    thread_id = thread_id_for("hello.json", "default")
    for request_type in ("threads.custom_action", "threads.sync_custom_action"):
        for action in ({}, {"payload": {"x": 1}}):
            params = {"thread_id": thread_id, "item_id": None, "action": action}
            response = client.post("/chatkit", json={"type": request_type, "params": params})
            assert response.status_code == 422, (request_type, action, response.text)
            assert 'no "type"' in response.json()["error"]["message"]
    for url in ("/api/actions", "/api/actions/export"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.text)
        assert response.json()["entries"] == []
    for after in ("²", "9" * 5000, "x"):
        response = client.get("/api/actions", params={"after": after})
        assert response.status_code == 400 and "entry id" in response.json()["error"]["message"]
    # The client-action log route refuses one too, with a message.
    response = client.post("/api/actions", json={"action": {"payload": 1}})
    assert response.status_code == 400 and response.json()["error"]["message"]


ODD = """
from widgetkit import Button, Card, Text, action, widget

@widget(samples={"odd": {"n": float("nan"), "limit": float("-inf")}})
def odd(n: float, limit: float) -> Card:
    return Card(Text("odd"), Button("Go", onClickAction=action("go", {"n": n, "limit": limit})))
"""
RAW = b'{"type": "Card", "children": [{"type": "Button", "label": "x", "onClickAction": {"type": "a", "payload": {"x": Infinity}}}], "padding": NaN}'


def not_finite_at(state: dict[str, Any]) -> list[str]:
    found = [d for d in state["diagnostics"] if d["code"] == "not-finite"]
    assert all(d["severity"] == "error" for d in found)
    return [d["path"] or d["message"].partition(":")[0] for d in found]


def test_nan_in_a_builders_payload_or_data_is_an_error_and_travels_as_null(
    tmp_path: Path,
) -> None:
    (tmp_path / "odd.py").write_text(ODD)
    (tmp_path / "raw.json").write_bytes(RAW)  # json.loads reads NaN and Infinity
    app = create_app([tmp_path], renderer="local", reload=False)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        response = client.get("/api/widget/odd:odd")  # waits for the first build
        assert response.status_code == 200, response.text
        widgets = {w["id"]: w for w in client.get("/api/widgets").json()["widgets"]}
        assert widgets["odd:odd"]["errors"] == widgets["raw.json"]["errors"] == 1
        state = response.json()["states"]["odd"]
        assert state["data"] == {"n": None, "limit": None}
        assert state["payload"]["children"][1]["onClickAction"]["payload"] == {
            "n": None,
            "limit": None,
        }
        assert not_finite_at(state) == [
            "/children/1/onClickAction/payload/n",
            "/children/1/onClickAction/payload/limit",
            "sample data /n",
            "sample data /limit",
        ]
        response = client.get("/api/widget/raw.json")
        assert response.status_code == 200, response.text
        state = response.json()["states"]["default"]
        assert state["payload"]["padding"] is None
        assert not_finite_at(state) == ["/padding", "/children/0/onClickAction/payload/x"]


def data_of(event: str) -> Any:
    """The JSON of one SSE event (after its `id:` line)."""
    return json.loads(event.split("data: ", 1)[1])


async def test_nan_saved_in_a_builder_keeps_every_event_stream_up(tmp_path: Path) -> None:
    file = tmp_path / "odd.py"
    file.write_text(ODD.replace('float("nan")', "1").replace('float("-inf")', "2"))
    broadcast, stop, saves = Broadcast(), asyncio.Event(), asyncio.Queue[set[Path]]()

    async def watch(paths: Any, stop: asyncio.Event) -> AsyncIterator[set[Path]]:
        while True:
            yield await saves.get()

    preview = SimpleNamespace(library=Library([tmp_path]), server=None)
    reloader = Reloader(preview, broadcast, builder=Builder([tmp_path]), watch=watch)
    streams = [sse_events(broadcast, stop=stop) for _ in range(2)]
    for stream in streams:
        assert '"hello"' in await anext(stream)
    task = asyncio.create_task(reloader.run(stop))
    try:
        async with asyncio.timeout(60):
            await reloader.ready.wait()
            file.write_text(ODD)
            saves.put_nowait({file})
            for stream in streams:  # each page gets the state, as an error, and its stream goes on
                while (message := data_of(await anext(stream)))["kind"] != "error":
                    pass
                assert message["id"] == "odd:odd" and message["data"] == {"n": None, "limit": None}
                assert "not-finite" in {d["code"] for d in message["diagnostics"]}
            broadcast.publish({"kind": "index", "widgets": []})
            for stream in streams:
                while data_of(await anext(stream))["kind"] != "index":
                    pass
    finally:
        stop.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        for stream in streams:
            await stream.aclose()


def test_index_links_reach_widgets_whose_names_hold_url_characters(tmp_path: Path) -> None:
    names = ["a?b#c.json", "100% sure.json", "x&state=y.json", "plus+sign.json"]
    for name in names:
        (tmp_path / name).write_text(json.dumps(CARD))
    (tmp_path / "odd?.py").write_text(
        ODD.replace('float("nan")', "1").replace('float("-inf")', "2")
    )
    app = create_app([tmp_path], renderer="local", reload=False)
    with TestClient(app, base_url=LOCAL) as client:
        assert client.get("/api/widget/odd%3F:odd").status_code == 200  # waits for the build
        html = client.get("/").text
        hrefs = re.findall(r'href="(/widget/[^"]*)"', html)
        for entry_id in [*names, "odd?:odd"]:
            linked = [
                h
                for h in hrefs
                if urllib.parse.unquote(h.partition("?")[0]) == f"/widget/{entry_id}"
            ]
            assert linked, (entry_id, hrefs)
            for href in linked:
                response = client.get(html_unescape(href))
                assert response.status_code == 200, (href, response.text[:200])  # not "missing"
            api = linked[0].replace("/widget/", "/api/widget/", 1)
            assert client.get(html_unescape(api)).json()["id"] == entry_id

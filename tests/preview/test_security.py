"""Who may talk to the preview: Hosts other than the bound one (DNS rebinding) are refused, and so
are state-changing requests from other origins; the CLI binds loopback and warns otherwise."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from widgetkit.preview import cli
from widgetkit.preview.app import create_app
from widgetkit.preview.security import HostGuard, split_host
from widgetkit.preview.threaded import serve_in_thread

CARD = {"type": "Card", "children": [{"type": "Text", "value": "hi"}]}
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("widgets")
    (root / "hello.json").write_text(json.dumps(CARD))
    app = create_app([root], renderer="local", reload=False)
    with TestClient(app, base_url=BASE) as c:
        yield c


def guarded(**options: Any) -> TestClient:
    async def ok(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    routes = [Route("/{p:path}", ok, methods=["GET", "POST", "DELETE"])]
    app = Starlette(routes=routes, middleware=[Middleware(HostGuard, **options)])
    return TestClient(app, base_url=BASE)


def test_host_headers_are_parsed_with_ports_and_ipv6_brackets() -> None:
    assert split_host("LocalHost:8000") == ("localhost", 8000)
    assert split_host("[::1]:8000") == ("::1", 8000)
    assert split_host("[::1]") == ("::1", None)
    assert split_host("::1") == ("::1", None)
    assert split_host("127.0.0.1") == ("127.0.0.1", None)
    for bad in ("", "[::1", "[::1]x", "a:b", "a:99999", ":80"):
        assert split_host(bad) is None, bad


def test_bound_to_loopback_only_loopback_names_on_our_port_are_served(client: TestClient) -> None:
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "127.0.0.1", "LOCALHOST:8000"):
        assert client.get("/api/widgets", headers={"Host": host}).status_code == 200, host
    for host in (
        "evil.example:8000",  # a rebinding attacker's name resolving to 127.0.0.1
        "127.0.0.1.evil.example:8000",
        "localhost.:8000",
        "localhost:9999",  # another port: not us
        "192.168.1.4:8000",
        "",
        "[::1",
    ):
        response = client.get("/api/widgets", headers={"Host": host})
        assert response.status_code == 421, host
        error = response.json()["error"]
        assert error["code"] == "wrong_host"
        assert "--allow-host NAME" in error["message"]
        assert "127.0.0.1" in error["message"]


def test_every_route_is_guarded_not_only_the_api(client: TestClient) -> None:
    bad = {"Host": "evil.example:8000"}
    for method, url in (
        ("GET", "/"),
        ("GET", "/widget/hello.json"),
        ("GET", "/static/app.js"),
        ("GET", "/events"),
        ("POST", "/chatkit"),
        ("DELETE", "/api/actions"),
    ):
        assert client.request(method, url, headers=bad).status_code == 421, url


def test_bound_to_every_interface_ip_literals_localhost_and_allowed_names_are_served() -> None:
    c = guarded(bind="0.0.0.0", allow_hosts=["devbox.lan"])
    for host in ("192.168.1.4:8000", "[fe80::1]:8000", "localhost:8000", "DevBox.lan:8000"):
        assert c.get("/", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example:8000", "devbox.lan.evil.example:8000", "192.168.1.4:9000"):
        assert c.get("/", headers={"Host": host}).status_code == 421, host
    six = guarded(bind="::")
    assert six.get("/", headers={"Host": "[2001:db8::1]:8000"}).status_code == 200
    assert "or any IP address" in six.get("/", headers={"Host": "x:8000"}).text


def test_bound_to_one_address_only_that_address_and_allowed_names_are_served() -> None:
    c = guarded(bind="192.168.1.4", allow_hosts=["devbox.lan"])
    assert c.get("/", headers={"Host": "192.168.1.4:8000"}).status_code == 200
    assert c.get("/", headers={"Host": "devbox.lan:8000"}).status_code == 200
    for host in ("127.0.0.1:8000", "10.0.0.1:8000", "evil.example:8000"):
        assert c.get("/", headers={"Host": host}).status_code == 421, host


def test_state_changing_requests_from_other_origins_are_refused(client: TestClient) -> None:
    client.post("/api/actions", json={"action": {"type": "kept"}})
    before = client.get("/api/actions").json()["entries"]
    assert before
    hostile = [
        {"Origin": "http://evil.example"},
        {"Origin": "http://localhost:3000"},  # same site, other port: another origin
        {"Origin": "https://127.0.0.1:8000"},
        {"Origin": "null"},  # sandboxed iframes and file:// pages
        {"Sec-Fetch-Site": "cross-site"},
    ]
    for headers in hostile:
        for method, url, body in (
            ("POST", "/chatkit", {"type": "threads.list", "params": {}}),
            ("POST", "/api/actions", {"action": {"type": "forged"}}),
            ("POST", "/api/render", {"payload": CARD}),
            ("DELETE", "/api/actions", None),
        ):
            response = client.request(method, url, json=body, headers=headers)
            assert response.status_code == 403, (headers, url)
            error = response.json()["error"]
            assert error["code"] == "cross_origin"
            assert "only pages served by this preview" in error["message"]
    assert client.get("/api/actions").json()["entries"] == before


def test_same_origin_pages_and_scripts_without_an_origin_pass(client: TestClient) -> None:
    for headers in (
        {"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
        {"Origin": "http://localhost:8000", "Host": "localhost:8000"},
        {},  # curl, scripts, tests
        {"Sec-Fetch-Site": "none"},  # typed in the address bar
    ):
        response = client.post("/api/render", json={"payload": CARD}, headers=headers)
        assert response.status_code == 200, headers
    # Reading is not changing: a cross-origin GET is answered (CORS keeps the body from the page).
    assert client.get("/api/widgets", headers={"Origin": "http://evil.example"}).status_code == 200


def test_a_header_the_guard_decides_on_must_come_once(client: TestClient) -> None:
    before = client.get("/api/actions").json()["entries"]
    for headers, status in (
        # Starlette reads the last Origin: a forged first one must not slip through.
        ([("Origin", "http://evil.example"), ("Origin", BASE)], 403),
        ([("Origin", BASE), ("Origin", "http://evil.example")], 403),
        ([("Origin", BASE), ("Origin", BASE)], 403),
        ([("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-origin")], 403),
        ([("Host", "evil.example:8000"), ("Host", "127.0.0.1:8000")], 400),
    ):
        response = client.post("/api/actions", json={"action": {"type": "forged"}}, headers=headers)
        assert response.status_code == status, headers
        assert "more than one" in response.json()["error"]["message"], headers
    assert client.get("/api/actions").json()["entries"] == before
    # One matching Origin, or none, still passes.
    assert client.post("/api/render", json={"payload": CARD}, headers={"Origin": BASE}).is_success


def test_a_real_server_refuses_a_rebound_host(tmp_path: Path) -> None:
    (tmp_path / "hello.json").write_text(json.dumps(CARD))
    app = create_app([tmp_path], renderer="local", reload=False)
    with serve_in_thread(app) as base:
        port = int(base.rsplit(":", 1)[1])
        url = f"http://127.0.0.1:{port}/api/widgets"
        assert httpx.get(url, timeout=10).status_code == 200
        assert httpx.get(url, headers={"Host": f"localhost:{port}"}, timeout=10).status_code == 200
        rebound = httpx.get(url, headers={"Host": f"evil.example:{port}"}, timeout=10)
        assert rebound.status_code == 421
        assert "evil.example" in rebound.json()["error"]["message"]


def test_the_cli_binds_loopback_warns_elsewhere_and_passes_allowed_hosts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    cli.configure(parser)
    assert parser.parse_args([]).host == "127.0.0.1"
    made: list[dict[str, Any]] = []

    def fake_create_app(paths: Any, **options: Any) -> Starlette:
        made.append(options)
        return Starlette()

    async def no_serve(self: uvicorn.Server, sockets: Any = None) -> None:
        self.should_exit = True  # never listen: the test needs only what run() did before

    monkeypatch.setattr("widgetkit.preview.app.create_app", fake_create_app)
    monkeypatch.setattr(uvicorn.Server, "serve", no_serve)
    args = ["--host", "0.0.0.0", "--allow-host", "devbox.lan", "--no-browser", "--port", "0"]
    cli.run(parser.parse_args(args))
    assert made[-1]["host"] == "0.0.0.0" and made[-1]["allow_hosts"] == ["devbox.lan"]
    assert "warning: binding 0.0.0.0 exposes the preview" in capsys.readouterr().err
    cli.run(parser.parse_args(["--no-browser", "--port", "0"]))
    assert made[-1]["host"] == "127.0.0.1" and made[-1]["allow_hosts"] == []
    assert "warning" not in capsys.readouterr().err

"""The preview app's pages and JSON API, driven through Starlette's TestClient."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from widgetkit.catalog import COMPONENTS
from widgetkit.preview.app import CHATKIT_JS, DEFAULT_DOMAIN_KEY, Preview, create_app
from widgetkit.preview.library import thread_id_for
from widgetkit.preview.pages import minimal_example
from widgetkit.validate import validate

# The preview serves loopback hosts only (preview/security.py); tests speak as one.
LOCAL = "http://127.0.0.1"


BUILDERS = '''
from widgetkit import Card, Text, Title, widget



@widget(samples={"paid": {"id": "A-17", "total": 42.0}, "due": {"id": "B-2", "total": 3.5}})
def order(id: str, total: float) -> Card:
    """An order and its total."""
    return Card(Title(f"Order {id}"), Text(f"${total:.2f}"))


@widget(title="<script>alert(1)</script>")
def shouty() -> Card:
    return Card(Text("hi"))


@widget(samples={"boom": {"n": 0}})
def broken(n: int) -> Card:
    return Card(Text(str(1 / n)))
'''


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("widgets")
    (root / "orders.py").write_text(textwrap.dedent(BUILDERS))
    (root / "syntax.py").write_text("def oops(:\n")
    payload = {"type": "Card", "children": [{"type": "Title", "value": "Hi", "size": "6xl"}]}
    (root / "cards").mkdir()
    (root / "cards" / "hello.json").write_text(json.dumps(payload))
    (root / "package.json").write_text('{"name": "not a widget"}')
    return root


def built(client: TestClient) -> TestClient:
    """With hot reload the worker's first build fills the index; until its states are built it
    says they are "pending"."""
    deadline = time.monotonic() + 30
    while client.get("/api/widgets").json()["pending"]:
        assert time.monotonic() < deadline, "the first build never came in"
        time.sleep(0.05)
    return client


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[TestClient]:
    with TestClient(create_app([folder], renderer="local"), base_url=LOCAL) as c:
        yield built(c)


@pytest.fixture(scope="module")
def gallery() -> Iterator[TestClient]:
    with TestClient(create_app(), base_url=LOCAL) as c:
        yield built(c)


def test_index_groups_widgets_by_file_with_error_badges(client: TestClient) -> None:
    html = client.get("/").text
    assert html.index("cards/hello.json") < html.index("orders.py") < html.index("syntax.py")
    for widget_id in ("orders:order", "orders:broken", "orders:shouty", "cards/hello.json"):
        assert f'href="/widget/{widget_id}"' in html
    assert "package.json" not in html
    assert "SyntaxError" in html  # the module that fails to import is listed, with why
    assert html.count('class="card has-error"') == 3  # broken, syntax.py, the 6xl Title
    assert 'href="/widget/orders:order?state=due"' in html
    assert 'id="filter"' in html


def test_pages_escape_what_widgets_say(client: TestClient) -> None:
    for url in ("/", "/widget/orders:shouty"):
        html = client.get(url).text
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)" in html


def test_widget_page_carries_states_threads_and_view_choices(client: TestClient) -> None:
    response = client.get("/widget/orders:order?state=due&theme=dark&width=lg")
    assert response.status_code == 200
    page = _page_data(response.text)
    assert page["state"] == "due" and page["theme"] == "dark" and page["width"] == "lg"
    assert page["renderer"] == "local"
    states = page["widget"]["states"]
    assert list(states) == ["paid", "due"]
    assert states["due"]["data"] == {"id": "B-2", "total": 3.5}
    assert states["due"]["thread_id"] == thread_id_for("orders:order", "due")
    assert states["due"]["payload"]["children"][0]["value"] == "Order B-2"
    assert page["widget"]["schema"]["required"] == ["id", "total"]
    assert page["chatkit"] == {
        "script": CHATKIT_JS,
        "url": "/chatkit",
        "domainKey": DEFAULT_DOMAIN_KEY,
    }
    assert '<html lang="en" data-theme="dark">' in response.text


def test_widget_page_falls_back_on_unknown_choices(client: TestClient) -> None:
    page = _page_data(client.get("/widget/orders:order?state=nope&theme=neon&width=9xl").text)
    assert (page["state"], page["theme"], page["width"]) == ("paid", "light", "md")
    page = _page_data(client.get("/widget/orders:order?renderer=chatkit").text)
    assert page["renderer"] == "chatkit"


def test_unknown_widget_is_a_404_page(client: TestClient) -> None:
    response = client.get("/widget/orders:nope")
    assert response.status_code == 404
    assert "No widget has the id" in response.text


def test_api_lists_widgets_and_details(client: TestClient) -> None:
    listing = client.get("/api/widgets").json()
    by_id = {w["id"]: w for w in listing["widgets"]}
    assert by_id["orders:order"]["states"] == ["paid", "due"]
    assert by_id["orders:broken"]["errors"] == 1
    assert by_id["syntax"]["problems"][0]["code"] == "import-error"
    detail = client.get("/api/widget/cards/hello.json").json()
    diagnostics = detail["states"]["default"]["diagnostics"]
    assert [d["path"] for d in diagnostics] == ["/children/0/size"]
    assert client.get("/api/widget/none").status_code == 404


def test_render_runs_the_builder_with_edited_data(client: TestClient) -> None:
    answer = client.post(
        "/api/render", json={"id": "orders:order", "data": {"id": "Z", "total": 1}}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["payload"]["children"][1]["value"] == "$1.00"
    assert body["diagnostics"] == []


def test_render_checks_data_against_the_parameter_schema(client: TestClient) -> None:
    answer = client.post(
        "/api/render", json={"id": "orders:order", "data": {"id": "Z", "total": "lots", "x": 1}}
    )
    assert answer.status_code == 422
    pointers = {d["path"]: d for d in answer.json()["diagnostics"]}
    assert set(pointers) == {"/total", "/x"}
    assert pointers["/x"]["hint"] == "remove it"
    assert answer.json()["error"]["message"].startswith("data/")


def test_render_reports_builder_failures_and_bad_widgets(client: TestClient) -> None:
    answer = client.post("/api/render", json={"id": "orders:broken", "data": {"n": 0}})
    assert answer.status_code == 422
    assert answer.json()["diagnostics"][0]["code"] == "builder-error"
    assert "ZeroDivisionError" in answer.json()["diagnostics"][0]["message"]
    bad = {"type": "Card", "children": [{"type": "Txt"}]}
    answer = client.post("/api/render", json={"id": "cards/hello.json", "data": bad})
    assert answer.status_code == 200
    assert answer.json()["diagnostics"][0]["path"] == "/children/0/type"


def test_render_refuses_bad_requests_with_a_message(client: TestClient) -> None:
    cases = [
        (b"{nope", 400, "invalid_json"),
        (b"[1]", 400, "invalid_request"),
        (b'{"id": "orders:order"}', 400, "invalid_request"),
        (b'{"id": "missing", "data": {}}', 404, "widget_not_found"),
        (b'{"id": "orders:order", "data": [1]}', 422, "render_failed"),
        (b" " * (1024 * 1024 + 1), 413, "body_too_large"),
    ]
    for body, status, code in cases:
        answer = client.post("/api/render", content=body)
        assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), body[:40]
        assert answer.json()["error"]["message"]


def test_render_checks_any_payload(client: TestClient) -> None:
    answer = client.post("/api/render", json={"payload": {"type": "Card", "children": 3}})
    assert answer.status_code == 200
    assert answer.json()["diagnostics"][0]["path"] == "/children"


def test_each_state_is_a_thread_served_through_chatkit(client: TestClient) -> None:
    thread_id = thread_id_for("orders:order", "due")
    request = {"type": "items.list", "params": {"thread_id": thread_id}}
    answer = client.post("/chatkit", json=request)
    assert answer.status_code == 200
    [item] = answer.json()["data"]
    assert item["type"] == "widget"
    assert item["widget"]["children"][0]["value"] == "Order B-2"
    threads = client.post("/chatkit", json={"type": "threads.list", "params": {}}).json()
    assert "Order · due" in {t["title"] for t in threads["data"]}


def thread_ids(client: TestClient) -> set[str]:
    page = client.post("/chatkit", json={"type": "threads.list", "params": {"limit": 9999}})
    return {t["id"] for t in page.json()["data"]}


def until(check: object, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_a_thread_is_made_when_asked_for_even_for_a_widget_fixed_after_start(
    tmp_path: Path,
) -> None:
    """Issue 20: a widget with errors added after start never got a thread, so its buttons
    failed once fixed. Threads are made when asked for, not all at start."""
    (tmp_path / "first.py").write_text(textwrap.dedent(BUILDERS))
    with TestClient(create_app([tmp_path], renderer="local"), base_url=LOCAL) as client:
        built(client)
        due = thread_id_for("first:order", "due")
        assert due not in thread_ids(client)  # nothing asked for it yet
        later = tmp_path / "later.py"
        later.write_text(
            BUILDERS.replace("def order", "def late").replace("Title(", "Title(1 / 0, ")
        )
        widgets = lambda: {w["id"]: w for w in client.get("/api/widgets").json()["widgets"]}  # noqa: E731
        until(lambda: widgets().get("later:late", {}).get("errors") == 2, "the broken widget")
        later.write_text(BUILDERS.replace("def order", "def late"))
        until(lambda: widgets()["later:late"]["errors"] == 0, "the fix")
        fixed = thread_id_for("later:late", "paid")
        request = {"type": "items.list", "params": {"thread_id": fixed}}
        answer = client.post("/chatkit", json=request)
        assert answer.status_code == 200, answer.text
        [item] = answer.json()["data"]
        assert item["widget"]["children"][0]["value"] == "Order A-17"
        assert fixed in thread_ids(client) and due not in thread_ids(client)
        unknown = {"type": "items.list", "params": {"thread_id": "thr_000000000000"}}
        assert client.post("/chatkit", json=unknown).status_code == 404


def test_edited_data_gets_a_thread_of_its_own(client: TestClient) -> None:
    data = {"id": "E-1", "total": 2}
    body = client.post("/api/render", json={"id": "orders:order", "data": data, "state": "paid"})
    thread_id = body.json()["thread_id"]
    assert thread_id and thread_id != thread_id_for("orders:order", "paid")
    items = client.post("/chatkit", json={"type": "items.list", "params": {"thread_id": thread_id}})
    assert items.json()["data"][0]["widget"]["children"][0]["value"] == "Order E-1"
    sample = {"type": "items.list", "params": {"thread_id": thread_id_for("orders:order", "paid")}}
    sample_items = client.post("/chatkit", json=sample).json()["data"]
    assert sample_items[0]["widget"]["children"][0]["value"] == "Order A-17"


async def test_chatkit_answers_503_while_warming_up(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("widgetkit.preview.state.WARMUP_WAIT", 0.01)
    preview = Preview([folder])
    response = await preview.chatkit(None)  # type: ignore[arg-type]
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert b"warming up" in response.body


def test_static_routes_stay_inside_their_roots(client: TestClient) -> None:
    assert client.get("/static/app.js").status_code == 200
    asset = client.get("/gallery-assets/avatar-ada.svg")
    assert asset.status_code == 200 and asset.headers["content-type"].startswith("image/svg")
    for url in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/gallery-assets/../__init__.py",
        "/gallery-assets/%2e%2e/__init__.py",
        "/gallery-assets/..%2f..%2fpyproject.toml",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "import" not in response.text


def test_component_reference_covers_the_catalog(gallery: TestClient) -> None:
    response = gallery.get("/components")
    assert response.status_code == 200
    page = _page_data(response.text)
    names = [c["name"] for c in page["components"]]
    assert names == [c.name for c in COMPONENTS]
    for component, item in zip(COMPONENTS, page["components"], strict=True):
        assert f'id="c-{component.name}"' in response.text
        assert [p["name"] for p in item["props"]] == [p.name for p in component.props]
        assert validate(item["example"]) == [] or item["example_from"], component.name
    title = next(c for c in page["components"] if c["name"] == "Title")
    size = next(p for p in title["props"] if p["name"] == "size")
    assert "5xl" in size["tokens"]
    assert sum(bool(c["example_from"]) for c in page["components"]) >= len(COMPONENTS) // 2


def test_minimal_examples_are_valid_widgets() -> None:
    failing = {
        c.name: errors
        for c in COMPONENTS
        if (errors := [d for d in validate(minimal_example(c)) if d.severity == "error"])
    }
    assert failing == {}


def test_gallery_index_lists_every_gallery_widget(gallery: TestClient) -> None:
    widgets = gallery.get("/api/widgets").json()["widgets"]
    assert len(widgets) >= 20
    html = gallery.get("/").text
    for w in widgets:
        assert f'href="/widget/{w["id"]}"' in html


def test_first_page_path_does_not_import_the_chatkit_server() -> None:
    code = (
        "import sys, widgetkit.preview.app, widgetkit.preview.pages, widgetkit.preview.cli;"
        "print('chatkit.server' in sys.modules, 'agents' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_create_app_refuses_an_unknown_renderer() -> None:
    with pytest.raises(ValueError, match='Renderer "fancy" is not one of auto, chatkit, local'):
        create_app(renderer="fancy")  # type: ignore[arg-type]


def _page_data(html: str) -> dict:  # type: ignore[type-arg]
    start = html.index('<script type="application/json" id="wk-page">') + 45
    return json.loads(html[start : html.index("</script>", start)])

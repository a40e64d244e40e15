"""The ChatKit.js stage in real Chromium (preview/static/chatkit-stage.js), with a stand-in for
ChatKit.js: ChatKit.js loads only from OpenAI's CDN, which this machine cannot reach. The stand-in
records each call the page makes of the element and lets a test fire ChatKit.js's documented
events; that the calls and events have ChatKit.js's published names and shapes is what the type
check (tsconfig.json, tests/preview/test_chatkit_stage_types.py) holds the page to."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from widgetkit.preview.app import CHATKIT_JS, DEFAULT_DOMAIN_KEY, create_app
from widgetkit.preview.library import thread_id_for

# Records every call as [method, ...JSON-safe arguments]; window.__chatkitThrows makes the next
# call throw, as ChatKit.js does on options it refuses.
STAND_IN = """
customElements.define("openai-chatkit", class extends HTMLElement {
  constructor() { super(); this.calls = []; window.__chatkit = this; }
  record(...call) {
    this.calls.push(JSON.parse(JSON.stringify(call)));
    const message = window.__chatkitThrows;
    if (message) { window.__chatkitThrows = null; throw new Error(message); }
  }
  setOptions(options) { this.options = options; this.record("setOptions", options); }
  setThreadId(threadId) { this.record("setThreadId", threadId); return Promise.resolve(); }
  fetchUpdates() { this.record("fetchUpdates"); return Promise.resolve(); }
  sendCustomAction(action, itemId) { this.record("sendCustomAction", action, itemId ?? null); return Promise.resolve(); }
});
"""

ORDERS = """
from widgetkit import Card, Text, Title, widget

@widget(samples={"paid": {"id": "A-17", "total": 42.0}, "due": {"id": "B-2", "total": 3.5}})
def order(id: str, total: float) -> Card:
    return Card(Title(f"Order {id}"), Text(f"${total:.2f}"))
"""


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, serve_preview: Callable[[Any], Any]
) -> Iterator[str]:
    root: Path = tmp_path_factory.mktemp("chatkit-page")
    (root / "orders.py").write_text(textwrap.dedent(ORDERS))
    with serve_preview(create_app([root])) as url:
        yield url


class Console:
    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))


@pytest.fixture
def page(browser: Browser, served: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.route(CHATKIT_JS, lambda route: route.fulfill(body=STAND_IN, content_type="text/javascript"))
    p.goto(f"{served}/widget/orders:order?state=paid&renderer=chatkit&theme=dark")
    p.wait_for_selector("#stage[data-drawn=chatkit]", timeout=30_000)
    yield p
    context.close()


def calls(page: Page) -> list[list[Any]]:
    return page.evaluate("window.__chatkit.calls")


def fire(page: Page, name: str, detail: str = "undefined") -> None:
    """Dispatches ChatKit.js's event `name` on the element; `detail` is a JS expression."""
    page.evaluate(
        f"window.__chatkit.dispatchEvent(new CustomEvent({name!r}, {{detail: {detail}}}))"
    )


def test_chatkit_errors_show_in_the_page_not_the_console(page: Page) -> None:
    console = Console(page)
    fire(page, "chatkit.error", "{error: new Error('Domain key is not registered')}")
    expect(page.locator("#notice")).to_have_text(
        "ChatKit.js reported an error: Domain key is not registered"
    )
    line = page.locator('#chatkit-log li[data-event="chatkit.error"]')
    expect(line).to_have_text("error: Domain key is not registered")
    expect(page.locator("#chatkit-log summary")).to_contain_text("1 error")
    assert console.errors == []


def test_the_log_follows_threads_responses_and_log_events(page: Page) -> None:
    summary = page.locator("#chatkit-log summary")
    first = thread_id_for("orders:order", "paid")
    expect(summary).to_contain_text(f"thread {first}")
    fire(page, "chatkit.thread.change", "{threadId: 'thr_new'}")
    fire(page, "chatkit.response.start")
    expect(summary).to_contain_text("thread thr_new · responding…")
    assert page.get_attribute("#stage", "data-responding") == ""
    fire(page, "chatkit.log", "{name: 'composer.submit', data: {length: 2}}")
    fire(page, "chatkit.response.end")
    expect(summary).not_to_contain_text("responding")
    lines = page.locator("#chatkit-log li").all_text_contents()  # folded: no inner text
    assert lines == [
        "thread thr_new",
        "response started",
        'log composer.submit {"length":2}',
        "response ended",
    ]
    fire(page, "chatkit.ready")
    expect(page.locator("#stage")).to_have_attribute("data-chatkit", "ready")


def test_the_page_loads_chatkit_and_points_it_at_the_preview(page: Page) -> None:
    assert page.locator(f'script[src="{CHATKIT_JS}"]').count() == 1
    assert page.locator("#stage openai-chatkit").count() == 1
    assert page.inner_text("#renderer-badge") == "ChatKit.js"
    assert page.locator("#notice").is_hidden()
    ((method, options),) = calls(page)
    assert method == "setOptions"
    assert options["api"] == {"url": "/chatkit", "domainKey": DEFAULT_DOMAIN_KEY}
    assert options["initialThread"] == thread_id_for("orders:order", "paid")
    assert options["theme"] == {"colorScheme": "dark"}
    assert options["history"] == {"enabled": False}
    # ChatKit.js's requests go through the page's own fetch, so they are same-origin and pass
    # the preview's Origin check (preview/security.py).
    status = page.evaluate(
        """async () => (await window.__chatkit.options.api.fetch("/chatkit", {
            method: "POST", headers: {"content-type": "application/json"},
            body: JSON.stringify({type: "threads.list", params: {}}),
        })).status"""
    )
    assert status == 200
    assert page.evaluate("typeof window.__chatkit.options.widgets.onAction") == "function"


def test_the_page_drives_chatkit_as_its_docs_say(page: Page) -> None:
    due = thread_id_for("orders:order", "due")
    first = calls(page)[0]
    # initialThread applies only when ChatKit mounts: another thread is set with setThreadId.
    page.click('[data-control=state] button[data-value="due"]')
    page.wait_for_function("window.__chatkit.calls.some((c) => c[0] === 'setThreadId')")
    assert calls(page)[-1] == ["setThreadId", due]
    # setOptions does not merge: a new theme sends every option again, with the thread shown.
    page.click('[data-control=theme] button[data-value="light"]')
    page.wait_for_function("window.__chatkit.calls.at(-1)[0] === 'fetchUpdates'")
    options = [c for c in calls(page) if c[0] == "setOptions"][-1][1]
    assert options == {**first[1], "theme": {"colorScheme": "light"}, "initialThread": due}


def test_a_call_chatkit_refuses_shows_in_the_page(page: Page) -> None:
    console = Console(page)
    page.evaluate("window.__chatkitThrows = 'Invalid frame params: api'")
    page.click('[data-control=theme] button[data-value="light"]')
    expect(page.locator("#notice")).to_have_text(
        "ChatKit.js setOptions failed: Invalid frame params: api"
    )
    expect(page.locator('#chatkit-log li[data-event="chatkit.error"]')).to_have_text(
        "error: setOptions: Invalid frame params: api"
    )
    assert console.errors == []


def test_a_client_action_from_chatkit_is_logged_and_forwarded_with_send_custom_action(
    page: Page,
) -> None:
    item_id = "msg_shown_by_chatkit"  # the item ChatKit.js drew the widget from
    # What ChatKit.js does with a widget's client action: widgets.onAction(action, widgetItem).
    page.evaluate(
        """(itemId) => window.__chatkit.options.widgets.onAction(
            {type: "order.remind", payload: {id: "A-17"}},
            {id: itemId, widget: {type: "Card", children: []}})""",
        item_id,
    )
    logged = page.locator('#action-log li[data-type="order.remind"][data-mode="client"]')
    logged.wait_for()
    logged.get_by_role("button", name="Forward to server").click()
    page.wait_for_function("window.__chatkit.calls.some((c) => c[0] === 'sendCustomAction')")
    sent = [c for c in calls(page) if c[0] == "sendCustomAction"]
    assert sent == [
        ["sendCustomAction", {"type": "order.remind", "payload": {"id": "A-17"}}, item_id]
    ]

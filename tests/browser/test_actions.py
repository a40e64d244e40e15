"""Widget actions in real Chromium: gallery clicks answered by the gallery's handlers through
/chatkit, forms, client and sync actions on their own paths, streaming, and the action log."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request

from widgetkit.preview.app import create_app


@pytest.fixture(scope="module")
def gallery_url(serve_preview: Callable[[Any], Any]) -> Iterator[str]:
    with serve_preview(create_app(renderer="local", reload=False)) as url:
        yield url


class Sent:
    """The /chatkit and /api/actions requests a page made, by request type."""

    def __init__(self, page: Page) -> None:
        self.kinds: list[str] = []
        page.on("request", self._seen)

    def _seen(self, request: Request) -> None:
        if request.method != "POST":
            return
        if request.url.endswith("/chatkit"):
            self.kinds.append(json.loads(request.post_data or "{}").get("type", "?"))
        elif request.url.endswith("/api/actions"):
            self.kinds.append("client-log")


@pytest.fixture
def page(browser: Browser, gallery_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.request.delete(f"{gallery_url}/api/actions")  # each test reads its own entries
    yield p
    context.close()
    assert errors == []


def open_widget(page: Page, url: str, entry: str, state: str) -> Sent:
    sent = Sent(page)
    page.goto(f"{url}/widget/{entry}?state={state}&renderer=local")
    page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
    page.wait_for_selector("#panel-actions")
    return sent


def stage_text(page: Page) -> str:
    return str(page.locator("#stage").inner_text())


def entry(page: Page, action_type: str) -> Any:
    return page.locator(f'#action-log li[data-type="{action_type}"]').first


def test_click_logs_the_action_and_shows_the_handlers_new_state(
    page: Page, gallery_url: str
) -> None:
    sent = open_widget(page, gallery_url, "content:profile_card", "ada")
    # Showing a state puts its thread back to the sample, so every test sees Ada unfollowed.
    label, other = "Follow", "Following"
    page.locator("#stage button", has_text=label).first.click()
    shows_other = (
        "(other) => [...document.querySelectorAll('#stage[data-drawn] button')]"
        ".some((x) => x.innerText.trim() === other)"
    )
    page.wait_for_function(shows_other, arg=other)
    logged = entry(page, "profile.follow")
    logged.wait_for()
    assert logged.get_attribute("data-outcome") == "update"
    assert logged.get_attribute("data-mode") == "stream"
    assert sent.kinds.count("threads.custom_action") == 1
    # The answer is in the log: the replaced sender item, as ChatKit events.
    logged.locator("summary").click()
    assert "thread.item.replaced" in logged.inner_text()
    # The action's result lasts until a state is shown: a reload shows the sample again.
    page.reload()
    page.wait_for_selector("#stage[data-drawn=thread]")
    page.wait_for_function(shows_other, arg=label)
    entry(page, "profile.follow").wait_for()  # the log survived the reload


def test_a_notice_answer_shows_and_the_widget_stays(page: Page, gallery_url: str) -> None:
    open_widget(page, gallery_url, "buttons:buttons", "enabled")
    before = stage_text(page)
    page.locator("#stage button", has_text="primary").first.click()
    entry(page, "gallery.click").wait_for()
    page.wait_for_function("document.querySelector('#notice').innerText.includes('You clicked')")
    assert stage_text(page) == before
    assert entry(page, "gallery.click").get_attribute("data-outcome") == "notice"


def test_form_submit_logs_its_values_and_the_handler_sees_them(
    page: Page, gallery_url: str
) -> None:
    open_widget(page, gallery_url, "travel:booking_form", "prefilled")
    page.get_by_label("I accept the cancellation policy").check()
    page.locator("#stage button", has_text="Request booking").click()
    page.wait_for_function("document.querySelector('#stage').innerText.includes('Booking request')")
    logged = entry(page, "booking.submit")
    logged.wait_for()
    log = page.request.get(f"{gallery_url}/api/actions").json()["entries"]
    (booked,) = [e for e in log if e["type"] == "booking.submit"]
    assert booked["form"]["guest"] == {"name": "Ada Lovelace", "email": "ada@example.com"}
    assert booked["form"]["terms"] is True
    assert booked["form"]["stay"]["check_in"] == "2025-06-12"
    assert booked["payload"]["hotel"] == "Garden Court"  # the config's payload, merged
    assert "ada@example.com" in stage_text(page)


def test_a_required_field_blocks_the_submit(page: Page, gallery_url: str) -> None:
    sent = open_widget(page, gallery_url, "travel:booking_form", "blank")
    page.locator("#stage button", has_text="Request booking").click()
    page.wait_for_selector("#stage .wk-field-error")
    page.wait_for_timeout(200)
    assert sent.kinds.count("threads.custom_action") == 0
    assert page.locator("#action-log li").count() == 0


def test_a_client_action_stays_on_the_page_and_can_be_forwarded(
    page: Page, gallery_url: str
) -> None:
    sent = open_widget(page, gallery_url, "content:profile_card", "ada")
    seen = page.evaluate_handle(
        "() => { const got = []; window.addEventListener('wk:action', (e) => got.push(e.detail));"
        " return got; }"
    )
    page.locator("#stage button", has_text="Email").first.click()
    logged = entry(page, "profile.copy_email")
    logged.wait_for()
    assert logged.get_attribute("data-mode") == "client"
    assert "threads.custom_action" not in sent.kinds
    assert "client-log" in sent.kinds
    assert page.evaluate("(got) => got.map((d) => d.action.handler)", seen) == ["client"]
    # Forwarding sends it as ChatKit.js's sendCustomAction would: a custom action with the item.
    logged.get_by_role("button", name="Forward to server").click()
    page.locator('#action-log li[data-type="profile.copy_email"][data-mode="stream"]').wait_for()
    assert sent.kinds.count("threads.custom_action") == 1
    page.wait_for_function("document.querySelector('#notice').innerText.includes('Copied')")


def test_a_sync_action_takes_the_sync_path(page: Page, gallery_url: str) -> None:
    sent = open_widget(page, gallery_url, "productivity:task_list", "typical")
    assert "1/3" in stage_text(page)
    page.get_by_label("Send the invitations").check()
    page.wait_for_function("document.querySelector('#stage').innerText.includes('2/3')")
    logged = entry(page, "tasks.toggle")
    logged.wait_for()
    assert logged.get_attribute("data-mode") == "sync"
    assert logged.get_attribute("data-outcome") == "update"
    assert sent.kinds.count("threads.sync_custom_action") == 1
    assert "threads.custom_action" not in sent.kinds


def test_a_streaming_handler_arrives_in_several_steps(page: Page, gallery_url: str) -> None:
    open_widget(page, gallery_url, "content:streaming_summary", "done")
    page.evaluate(
        "() => { window.__texts = []; window.addEventListener('wk:items', (e) => {"
        " window.__texts.push(document.querySelector('#stage').innerText); }); }"
    )
    page.locator("#stage button", has_text="Regenerate").click()
    page.locator('#action-log li[data-type="summary.regenerate"]').wait_for()
    page.wait_for_function(
        "document.querySelector('#stage').innerText.includes('Launch the annual')"
    )
    texts: list[str] = page.evaluate("window.__texts")
    assert len(set(texts)) >= 3, texts  # a first state, growing text, the final state
    assert "Writing" in texts[0] and "Done" in texts[-1]
    log = page.request.get(f"{gallery_url}/api/actions").json()["entries"]
    kinds = [ev.get("update", {}).get("type") for ev in log[-1]["events"]]
    assert "widget.streaming_text.value_delta" in kinds


def test_the_log_filters_clears_and_exports(page: Page, gallery_url: str) -> None:
    open_widget(page, gallery_url, "buttons:buttons", "enabled")
    for n, label in enumerate(("primary", "secondary"), 1):
        page.locator("#stage button", has_text=label).first.click()
        # One at a time, so the log's order is the clicks' whatever each answer takes.
        page.wait_for_function(f"document.querySelectorAll('#action-log li').length === {n}")
    page.fill("#action-filter", "secondary")
    assert page.locator("#action-log li").count() == 1
    exported = page.request.get(f"{gallery_url}/api/actions/export").json()
    assert [e["payload"]["label"] for e in exported["entries"]] == [
        "primary solid",
        "secondary solid",
    ]
    page.fill("#action-filter", "")
    page.click("#action-clear")
    page.wait_for_function("document.querySelectorAll('#action-log li').length === 0")
    assert page.request.get(f"{gallery_url}/api/actions").json()["entries"] == []


def test_the_loading_behavior_shows_while_the_handler_runs(page: Page, gallery_url: str) -> None:
    open_widget(page, gallery_url, "content:profile_card", "ada")
    # Hold the /chatkit answer back, as a slow handler would.
    page.evaluate(
        "() => { const real = window.fetch; window.fetch = async (url, init) => {"
        " if (String(init?.body).includes('custom_action')) await new Promise((r) => setTimeout(r, 400));"
        " return real(url, init); }; }"
    )
    # The state persists between tests (the store keeps it): toggle whichever label shows.
    label = "Following" if "Following" in stage_text(page) else "Follow"
    other = "Follow" if label == "Following" else "Following"
    busy = page.evaluate(
        "(label) => { const b = [...document.querySelectorAll('#stage button')]"
        ".find((x) => x.innerText.trim() === label); b.click();"
        " return [b.getAttribute('aria-busy'), b.disabled]; }",
        label,
    )
    assert busy == ["true", True]  # loadingBehavior auto on a click: the button itself
    page.wait_for_function(
        "(other) => [...document.querySelectorAll('#stage button')]"
        ".some((x) => x.innerText.trim() === other)",
        arg=other,
    )
    assert page.locator("#stage [aria-busy]").count() == 0

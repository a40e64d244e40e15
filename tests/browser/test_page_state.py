"""What the widget page shows as a designer uses it, in real Chromium over a hot-reloading preview
(user code in the sandbox): an action's result lasts until a state is shown, the panels follow
the stage, the action log is this widget's, errors read as errors, and choices hold."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from widgetkit.preview.app import create_app

CARDS = """
from widgetkit import Button, Card, Input, Text, Title, action, widget
from widgetkit.handlers import ActionRouter

actions = ActionRouter()

@widget(samples={"one": {"n": 1}, "two": {"n": 2}})
def counter(n: int) -> Card:
    return Card(Title(f"Count {n}"), Button("Add", onClickAction=action("count.add", {"n": n})))

@actions.on("count.add")
def add(payload: dict) -> Card:
    return counter(payload["n"] + 100)

@widget
def other() -> Card:
    return Card(Button("Other", onClickAction=action("other.click")),
                Button("Break", onClickAction=action("other.break")))

@actions.on("other.click")
def click(payload: dict) -> Card:
    return other()

@actions.on("other.break")
def broken(payload: dict) -> Card:
    raise KeyError("no such thing")

@widget
def tall() -> Card:
    return Card(*[Text(f"line {i}") for i in range(60)],
                Input(name="q", placeholder="Search", autoFocus=True))
"""

FRAGILE = """
from widgetkit import Card, Title, widget

@widget(samples={{"a": {{}}, "b": {{}}}})
def fragile() -> Card:
{body}
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("widgets")
    (root / "cards.py").write_text(textwrap.dedent(CARDS))
    (root / "fragile.py").write_text(FRAGILE.format(body='    return Card(Title("fine"))'))
    return root


@pytest.fixture(scope="module")
def url(root: Path, serve_preview: Callable[[Any], Any]) -> Iterator[str]:
    with serve_preview(create_app([root], renderer="local")) as url:
        yield url


@pytest.fixture
def page(browser: Browser, url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 700})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.request.delete(f"{url}/api/actions")
    yield p
    context.close()
    assert errors == []


def open_widget(page: Page, url: str, entry: str, state: str = "") -> None:
    page.goto(f"{url}/widget/{entry}" + (f"?state={state}" if state else ""))
    page.wait_for_selector("#stage[data-drawn=thread]")
    page.wait_for_selector("#panel-actions")


def title(page: Page) -> Any:
    return page.locator("#stage h1, #stage h2, #stage h3, #stage [data-wk-type=Title]").first


def test_an_actions_result_lasts_until_a_state_is_shown(
    page: Page, url: str, browser: Browser
) -> None:
    open_widget(page, url, "cards:counter", "one")
    expect(title(page)).to_have_text("Count 1")
    page.locator("#stage button", has_text="Add").click()
    expect(title(page)).to_have_text("Count 101")
    # The Payload panel shows what the stage shows.
    expect(page.locator("#payload")).to_contain_text('"value": "Count 101"')
    page.locator('[data-control="state"] button[data-value="two"]').click()
    expect(title(page)).to_have_text("Count 2")
    page.locator('[data-control="state"] button[data-value="one"]').click()
    page.wait_for_selector("#stage[data-drawn=thread]")
    expect(title(page)).to_have_text("Count 1")
    expect(page.locator("#payload")).to_contain_text('"value": "Count 1"')
    # Reset, a reload and a new browser each show the sample again.
    page.locator("#stage button", has_text="Add").click()
    expect(title(page)).to_have_text("Count 101")
    page.locator("#data-reset").click()
    expect(title(page)).to_have_text("Count 1")
    page.locator("#stage button", has_text="Add").click()
    expect(title(page)).to_have_text("Count 101")
    page.reload()
    page.wait_for_selector("#stage[data-drawn=thread]")
    expect(title(page)).to_have_text("Count 1")
    page.locator("#stage button", has_text="Add").click()
    expect(title(page)).to_have_text("Count 101")
    other = browser.new_context().new_page()
    try:
        open_widget(other, url, "cards:counter", "one")
        expect(title(other)).to_have_text("Count 1")
    finally:
        other.context.close()


def test_the_data_panel_names_a_builders_arguments(url: str) -> None:
    html = httpx.get(f"{url}/widget/cards:counter").text
    assert "Arguments of <code>counter()</code>" in html
    assert "The widget JSON itself" not in html


def test_the_action_log_shows_this_widgets_actions_unless_asked_for_all(
    page: Page, url: str
) -> None:
    open_widget(page, url, "cards:counter", "one")
    page.locator("#stage button", has_text="Add").click()
    page.locator('#action-log li[data-type="count.add"][data-entry-id]').first.wait_for()
    open_widget(page, url, "cards:other")
    page.locator("#stage button", has_text="Other").click()
    log = page.locator("#action-log li")
    expect(log.filter(has_text="other.click").first).to_be_visible()
    expect(log.filter(has_text="count.add")).to_have_count(0)
    page.locator("#action-all").check()
    expect(log.filter(has_text="count.add").first).to_be_visible()
    # The log scrolls within a bounded panel, after the data editor.
    assert page.evaluate(
        "() => document.querySelector('#panel-data').compareDocumentPosition("
        "document.querySelector('#panel-actions')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('#action-log')).maxHeight")
        != "none"
    )


def test_a_failed_action_reads_as_an_error(page: Page, url: str) -> None:
    open_widget(page, url, "cards:other")
    page.locator("#stage button", has_text="Break").click()
    notice = page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("data-level", "error")
    bad = page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--bad').trim()")
    colour = notice.evaluate("(n) => getComputedStyle(n).color")
    probe = page.evaluate(
        "(c) => { const s = document.createElement('span'); s.style.color = c; "
        "document.body.append(s); const v = getComputedStyle(s).color; s.remove(); return v; }",
        bad,
    )
    assert colour == probe
    failed = page.locator('#action-log li[data-outcome="error"][data-entry-id]').first
    failed.wait_for()
    # Only the error line is monospace; the entry itself reads as the others do.
    assert "monospace" not in failed.evaluate("(li) => getComputedStyle(li).fontFamily")
    assert "monospace" in failed.locator(".wk-log-error").evaluate(
        "(e) => getComputedStyle(e).fontFamily"
    )


def test_autofocus_does_not_scroll_the_page(page: Page, url: str) -> None:
    open_widget(page, url, "cards:tall")
    page.wait_for_function("() => document.activeElement?.matches('#stage input')")
    assert page.evaluate("() => document.scrollingElement.scrollTop") == 0


def test_the_theme_chosen_on_the_index_holds_on_widget_pages(page: Page, url: str) -> None:
    page.goto(url)
    page.locator('[data-control="theme"] button[data-value="dark"]').click()
    open_widget(page, url, "cards:counter")
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    expect(page.locator('[data-control="theme"] button[data-value="dark"]')).to_have_attribute(
        "aria-pressed", "true"
    )


def test_an_error_shows_on_a_panel_in_the_diagnostics_and_on_the_state_tabs(
    page: Page, url: str, root: Path
) -> None:
    open_widget(page, url, "fragile:fragile", "a")
    try:
        (root / "fragile.py").write_text(FRAGILE.format(body="    return Card(Title(1 +))"))
        overlay = page.locator(".wk-overlay")
        expect(overlay).to_be_visible()
        panel = overlay.locator(".wk-overlay-panel")
        assert panel.evaluate("(p) => getComputedStyle(p).backgroundColor") != "rgba(0, 0, 0, 0)"
        text = panel.inner_text()
        assert text.count("fragile.py:6") == 1  # the place, said once
        assert "^" in panel.locator(".wk-overlay-trace").inner_text()  # a caret under the column
        assert "column" not in text
        expect(page.locator("#diagnostics")).not_to_contain_text("No problems found")
        expect(page.locator("#diagnostics")).to_contain_text("SyntaxError")
        for state in ("a", "b"):
            button = page.locator(f'[data-control="state"] button[data-value="{state}"]')
            expect(button).to_have_class("has-error")
    finally:
        (root / "fragile.py").write_text(FRAGILE.format(body='    return Card(Title("fine"))'))
    expect(page.locator(".wk-overlay")).to_have_count(0)


def test_invalid_json_in_the_data_editor_replaces_the_last_inputs_diagnostics(
    page: Page, url: str
) -> None:
    open_widget(page, url, "cards:counter", "one")
    editor = page.locator("#data-editor")
    editor.fill('{"n": "many"}')
    expect(page.locator("#diagnostics")).to_contain_text("/n")
    editor.fill('{"n": ')
    expect(page.locator("#data-status")).to_contain_text("Not JSON")
    expect(page.locator("#diagnostics li")).to_have_count(1)
    expect(page.locator("#diagnostics")).to_contain_text("not JSON")
    expect(page.locator("#diagnostics")).not_to_contain_text("/n")


def test_the_first_page_view_draws_the_widget_once(page: Page, url: str) -> None:
    open_widget(page, url, "cards:counter", "one")
    expect(title(page)).to_have_text("Count 1")
    assert page.locator("#stage").get_attribute("data-draws") == "1"

"""The preview in real Chromium: every gallery widget drawn from its ChatKit thread, the page's
controls, and the fallback when ChatKit.js cannot load (the ChatKit.js stage itself is
test_chatkit_page.py's; what widgets look like, test_gallery_images.py's).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from widgetkit.preview.app import CHATKIT_JS, create_app


class Served:
    def __init__(self, url: str) -> None:
        self.url = url


@pytest.fixture(scope="module")
def gallery(serve_preview: Callable[[Any], Any]) -> Iterator[Served]:
    with serve_preview(create_app()) as url:
        yield Served(url)


@pytest.fixture(scope="module")
def folder(
    tmp_path_factory: pytest.TempPathFactory, serve_preview: Callable[[Any], Any]
) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("widgets")
    (root / "orders.py").write_text(
        textwrap.dedent(
            """
            from widgetkit import Card, Text, Title, widget

            @widget(samples={"paid": {"id": "A-17", "total": 42.0}, "due": {"id": "B-2", "total": 3.5}})
            def order(id: str, total: float) -> Card:
                return Card(Title(f"Order {id}"), Text(f"${total:.2f}"))
            """
        )
    )
    bad = {"type": "Card", "children": [{"type": "Title", "value": "Hi", "size": "6xl"}]}
    (root / "bad.json").write_text(json.dumps(bad))
    with serve_preview(create_app([root], renderer="local")) as url:
        yield Served(url)


class Console:
    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def _open(page: Page, url: str, drawn: str = "thread") -> None:
    page.goto(url)
    page.wait_for_selector(f"#stage[data-drawn={drawn}]", timeout=30_000)


def test_every_gallery_widget_draws_from_its_thread_without_errors(
    gallery: Served, page: Page
) -> None:
    console = Console(page)
    widgets = page.request.get(f"{gallery.url}/api/widgets").json()["widgets"]
    assert len(widgets) >= 20
    drawn = 0
    for w in widgets:
        assert w["errors"] == 0, w["id"]
        for state in w["states"]:
            _open(page, f"{gallery.url}/widget/{w['id']}?state={quote(state)}&renderer=local")
            where = f"{w['id']}[{state}]"
            assert page.locator('#stage [data-wk-path=""]').count() == 1, where
            assert page.locator("#stage .wk-unknown").count() == 0, where
            assert page.locator("#notice").is_hidden(), (where, page.inner_text("#notice"))
            assert console.errors == [], (where, console.errors)
            drawn += 1
    assert drawn >= 40


def test_auto_falls_back_to_the_local_renderer_with_a_notice(gallery: Served, page: Page) -> None:
    page.route(CHATKIT_JS, lambda route: route.abort("internetdisconnected"))
    _open(page, f"{gallery.url}/widget/commerce:product_card")
    banner = page.locator(".offline-banner")
    notice = banner.inner_text()
    assert "ChatKit.js could not be fetched from cdn.platform.openai.com" in notice
    assert "offline renderer" in notice
    assert "stand-in" not in notice  # the icons are the design system's
    assert page.inner_text("#renderer-badge") == "local renderer (fallback)"
    # Small, and it can be dismissed: it stays away on the next page of the session.
    assert banner.bounding_box()["height"] <= 40  # type: ignore[index]
    banner.get_by_role("button", name="Dismiss").click()
    assert banner.count() == 0
    _open(page, f"{gallery.url}/widget/commerce:product_card")
    assert page.locator(".offline-banner").count() == 0


def test_full_width_widens_a_full_card_past_a_large_one(gallery: Served, page: Page) -> None:
    page.set_viewport_size({"width": 1100, "height": 900})
    _open(page, f"{gallery.url}/widget/layout:card_variants?renderer=local&width=full")
    cards = page.locator("#stage .wk-card")
    widths = {
        cards.nth(i).locator(".wk-card-box").inner_text().split("\n")[0]: cards.nth(
            i
        ).bounding_box()["width"]  # type: ignore[index]
        for i in range(cards.count())
    }
    assert widths["Card size full"] > widths["Card size lg"] + 100, widths


def test_choices_live_in_the_url_and_survive_a_reload(folder: Served, page: Page) -> None:
    _open(page, f"{folder.url}/widget/orders:order")
    assert "Order A-17" in page.inner_text("#stage")
    page.click('[data-control=state] button[data-value="due"]')
    page.wait_for_function("document.querySelector('#stage').innerText.includes('Order B-2')")
    page.click('[data-control=theme] button[data-value="dark"]')
    page.click('[data-control=width] button[data-value="lg"]')
    assert "state=due" in page.url and "theme=dark" in page.url and "width=lg" in page.url
    page.reload()
    page.wait_for_selector("#stage[data-drawn=thread]")
    assert "Order B-2" in page.inner_text("#stage")
    assert page.get_attribute("html", "data-theme") == "dark"
    assert page.get_attribute("#stage-frame", "data-width") == "lg"
    assert page.locator("#stage .wk-root.wk-theme-dark").count() == 1
    pressed = page.get_attribute('[data-control=width] button[data-value="lg"]', "aria-pressed")
    assert pressed == "true"


def test_data_editor_rerenders_and_keeps_the_last_good_render(folder: Served, page: Page) -> None:
    _open(page, f"{folder.url}/widget/orders:order")
    page.fill("#data-editor", '{"id": "Z-9", "total": 7}')
    page.wait_for_function("document.querySelector('#stage').innerText.includes('Order Z-9')")
    assert "$7.00" in page.inner_text("#stage")
    assert page.inner_text("#data-status") == "edited"
    page.fill("#data-editor", '{"id": "Z-9", "total": "lots"}')
    page.wait_for_selector("#diagnostics li[data-path='/total']")
    assert "Order Z-9" in page.inner_text("#stage")  # the last good render stays
    page.fill("#data-editor", '{"id": ')
    page.wait_for_function(
        "document.querySelector('#data-status').textContent.startsWith('Not JSON')"
    )
    page.click("#data-reset")
    page.wait_for_function("document.querySelector('#stage').innerText.includes('Order A-17')")


def test_clicking_a_diagnostic_highlights_its_element(folder: Served, page: Page) -> None:
    _open(page, f"{folder.url}/widget/bad.json")
    item = page.locator("#diagnostics li[data-path='/children/0/size']")
    assert "6xl" in item.inner_text()
    item.click()
    highlighted = page.locator("#stage .wk-highlight")
    assert highlighted.count() == 1
    assert highlighted.get_attribute("data-wk-path") == "/children/0"
    assert highlighted.get_attribute("data-wk-type") == "Title"


def test_index_filter_and_component_reference(gallery: Served, page: Page) -> None:
    console = Console(page)
    page.goto(f"{gallery.url}/")
    page.fill("#filter", "order confirmation")  # the server filters: wait for its answer
    visible = page.locator(".card:visible")
    expect(visible).to_have_count(1)
    assert "Order confirmation" in visible.inner_text()
    page.fill("#filter", "zzz-nothing")
    expect(page.locator("#no-match")).to_be_visible()
    page.goto(f"{gallery.url}/components")
    page.wait_for_selector("html[data-wk-ready]")
    examples = page.locator(".example-stage")
    for i in range(examples.count()):
        assert examples.nth(i).locator('[data-wk-path=""]').count() == 1
        kind = examples.nth(i).get_attribute("data-type")
        assert examples.nth(i).locator(f'[data-wk-type="{kind}"]').count() >= 1, kind
    assert console.errors == []

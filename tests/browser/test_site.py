"""The static site (`widgetkit build`) opened from disk (file://) in Chromium, as someone with
nothing installed would: the index and its thumbnails, a widget page, a state switch, the theme,
the width, an action logged, every gallery page drawn without errors, and hostile widget content
as inert as in the preview."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from widgetkit.cli import main
from widgetkit.gallery import WIDGETS

# Beside this file, like chromium.py (pytest puts this folder on sys.path).
from test_hostile_page import FORBIDDEN, HOSTILE, HOSTILE_NAME, IMG, PWN, text  # isort: skip

ORDER = next(w for w in WIDGETS if w.name == "order_confirmation")

READY = "html[data-wk-site=ready]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "gallery-site"
    assert main(["build", "-o", str(out)]) == 0  # `widgetkit build` on the gallery, as CI runs it
    return out


class Visit:
    """A page that records what went wrong: errors, failed loads, any request off the disk."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda exc: self.problems.append(f"pageerror: {exc}"))
        page.on(
            "console",
            lambda m: self.problems.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url[:120]}"))
        page.on("request", self._request)
        page.on("dialog", self._dialog)
        page.add_init_script(
            "Object.defineProperty(window, '__pwned', {value: undefined, writable: true})"
        )

    def _request(self, request: Any) -> None:
        if not request.url.startswith(("file://", "data:", "blob:")):
            self.problems.append(f"off disk: {request.url[:120]}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, file: Path) -> None:
        self.page.goto(file.as_uri())
        self.page.wait_for_selector(READY, state="attached")


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    v = Visit(context.new_page())
    yield v
    assert v.problems == []
    assert v.dialogs == []
    context.close()


def test_click_through_the_index_a_state_switch_and_the_theme(site: Path, visit: Visit) -> None:
    page = visit.page
    visit.open(site / "index.html")
    # A thumbnail per widget, drawn by the renderer.
    expect(page.locator(".card")).to_have_count(len(WIDGETS))
    expect(page.locator(".thumb .wk-root")).to_have_count(len(WIDGETS))

    page.locator("[data-control=theme] button[data-value=dark]").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    expect(page.locator(".thumb .wk-root.wk-theme-dark")).to_have_count(len(WIDGETS))

    page.fill("#filter", "order confirmation")
    expect(page.locator(".card:visible")).to_have_count(1)
    page.locator(".card:visible .card-link").click()
    page.wait_for_selector(READY, state="attached")
    assert page.url.endswith("widgets/commerce.order_confirmation.html#theme=dark")
    # The theme came along; the first state is drawn.
    expect(page.locator("#stage .wk-root.wk-theme-dark")).to_have_count(1)
    assert json.loads(page.inner_text("#payload")) == ORDER.build("pending").to_dict()
    expect(page.locator("#stage")).to_contain_text("Pending")

    page.locator("[data-control=state] button[data-value=cancelled]").click()
    expect(page.locator("#stage")).to_contain_text("Cancelled")
    assert "state=cancelled" in page.url
    assert json.loads(page.inner_text("#payload")) == ORDER.build("cancelled").to_dict()
    expect(page.locator("#diagnostics")).to_contain_text("No problems")

    page.locator("[data-control=theme] button[data-value=light]").click()
    expect(page.locator("#stage .wk-root.wk-theme-light")).to_have_count(1)
    page.locator("[data-control=width] button[data-value=sm]").click()
    page.wait_for_function("document.querySelector('#stage').getBoundingClientRect().width === 360")

    # The state and theme live in the URL: a reload comes back to them.
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(page.locator("#stage")).to_contain_text("Cancelled")
    expect(page.locator("[data-control=state] button[aria-pressed=true]")).to_have_text("cancelled")


def test_an_action_is_logged_with_its_payload(site: Path, visit: Visit) -> None:
    page = visit.page
    visit.open(site / "widgets" / "commerce.order_confirmation.html")
    expect(page.locator("#panel-actions")).to_contain_text("runs no action handler")
    page.locator("#stage button", has_text="Place order").click()
    entry = page.locator("#actions li").first
    logged = json.loads(entry.locator("pre").inner_text())
    confirm = ORDER.build("pending").to_dict()["confirm"]["action"]
    expect(entry.locator("code")).to_have_text(confirm["type"])
    assert logged["payload"] == confirm["payload"]
    expect(page.locator("#action-count")).to_have_text("1 logged")


def test_every_gallery_page_draws_without_errors(site: Path, visit: Visit) -> None:
    manifest = json.loads((site / "widgetkit-site.json").read_text())
    for widget_id, href in manifest["widgets"].items():
        visit.open(site / href)
        assert visit.page.locator("#stage .wk-root").count() == 1, widget_id
        assert visit.page.locator("#stage .wk-unknown").count() == 0, widget_id


def test_hostile_widget_content_never_runs(
    tmp_path: Path, visit: Visit, settle: Callable[[Page], None]
) -> None:
    (tmp_path / "hostile.json").write_text(json.dumps(HOSTILE))
    (tmp_path / HOSTILE_NAME).write_text(json.dumps({"type": "Card", "children": [text(IMG)]}))
    out = tmp_path / "site"
    assert main(["build", str(tmp_path), "-o", str(out)]) == 0
    page = visit.page
    for file in [out / "index.html", *sorted((out / "widgets").iterdir())]:
        visit.open(file)
        for button in page.locator("#stage button").all():
            button.click()
        settle(page)
        assert page.evaluate("window.__pwned") is None, file.name
        assert page.locator(FORBIDDEN).count() == 0, file.name
        # The widget's strings are data (the JSON blob), never a script's code.
        code = "ss => ss.filter(s => s.type !== 'application/json').map(s => s.textContent)"
        scripts = page.locator("script").evaluate_all(code)
        assert not any(PWN in s for s in scripts), file.name

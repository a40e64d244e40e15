"""The index at a few hundred widgets in real Chromium: the first page of groups, the next ones as
it scrolls, the server's search finding what no page has shown yet, thumbnails drawn only near
the screen and again when their widget rebuilds, an odd file name's link, and the theme."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from widgetkit.preview.app import create_app

import chromium  # isort: skip  (beside this file, as conftest.py imports it)
from chromium import ServePreview  # isort: skip

MODULES, PER_MODULE = 60, 5  # 300 builders, a .json file with an odd name and a failing one
ODD = "odd #1 100%.json"
TOTAL = MODULES * PER_MODULE + 2
TIMEOUT_MS = 60_000
DRAWN = ".card[data-thumb=drawn]"


def module(m: int, text: str = "hello") -> str:
    lines = ["from widgetkit import Card, Text, Title, widget", ""]
    for w in range(PER_MODULE):
        lines += [
            "",
            f'@widget(title="Module {m} widget {w}")',
            f"def w{w}() -> Card:",
            f'    """Widget {w} of module {m}."""',
            f'    return Card(Title("Module {m} widget {w}"), Text("{text} {m}.{w}"))',
            "",
        ]
    return "\n".join(lines)


@dataclass
class Served:
    root: Path
    url: str


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, serve_preview: ServePreview
) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("many")
    for m in range(MODULES):
        (root / f"mod_{m:03}.py").write_text(module(m))
    odd = {"type": "Card", "children": [{"type": "Text", "value": "The odd one"}]}
    (root / ODD).write_text(json.dumps(odd))
    bad = {"type": "Card", "children": [{"type": "Title", "value": "Too big", "size": "6xl"}]}
    (root / "bad.json").write_text(json.dumps(bad))
    app = create_app([root], renderer="local")
    with serve_preview(app) as url:
        yield Served(root, url)


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.add_init_script(chromium.MARK_EVENTS_OPEN)
    yield p
    context.close()
    assert errors == []


def open_index(page: Page, served: Served, query: str = "") -> None:
    page.goto(f"{served.url}/{query}")
    page.wait_for_selector("html[data-wk-ready=true]", timeout=TIMEOUT_MS)
    page.wait_for_selector("html[data-test-events=open]", timeout=TIMEOUT_MS)


def drawn(page: Page) -> int:
    return page.locator(DRAWN).count()


def scroll_until(page: Page, cards: int) -> None:
    """Scrolls to the end, again as each page comes, until `cards` cards are in."""
    page.wait_for_function(
        """(n) => {
            window.scrollTo(0, document.scrollingElement.scrollHeight);
            return document.querySelectorAll(".card").length >= n;
        }""",
        arg=cards,
        polling=250,
        timeout=TIMEOUT_MS,
    )


def test_the_first_groups_then_more_as_it_scrolls_with_lazy_thumbnails(
    page: Page, served: Served
) -> None:
    open_index(page, served)
    cards = page.locator(".card")
    expect(cards).to_have_count(100)
    groups = page.locator(".group")
    expect(groups.first).to_have_attribute("data-file", "bad.json")
    expect(groups.nth(1)).to_have_attribute("data-file", "mod_000.py")
    expect(groups).to_have_count(1 + 100 // PER_MODULE)  # the last one cut short
    # The thumbnails near the screen are drawn, the others not.
    expect(page.locator(DRAWN).first).to_be_visible()
    page.wait_for_function(f"document.querySelectorAll('{DRAWN}').length >= 4")
    before = drawn(page)
    assert before < 40
    expect(page.locator(".card").nth(99).locator(".thumb .wk-root")).to_have_count(0)

    scroll_until(page, TOTAL)
    expect(cards).to_have_count(TOTAL)
    expect(page.locator("#more")).to_contain_text(f"1–{TOTAL} of {TOTAL}")
    expect(page.locator("#more a")).to_have_count(0)
    # Drawn as they came near the screen: the last ones now, not every one scrolled past.
    expect(page.locator(".card").last.locator(".thumb .wk-root")).to_have_count(1)
    after = drawn(page)
    assert before < after < 150
    # A file's widgets stay in one group across the pages they came in.
    files = page.locator(".group").evaluate_all("gs => gs.map((g) => g.dataset.file)")
    assert len(files) == len(set(files)) == MODULES + 2 and files[-1] == ODD
    assert page.locator(".group[data-file='mod_019.py'] .card").count() == PER_MODULE


def test_search_finds_a_widget_no_page_has_shown_yet(page: Page, served: Served) -> None:
    open_index(page, served)
    expect(page.locator(".card")).to_have_count(100)
    assert page.locator(".card[data-id='mod_055:w3']").count() == 0
    page.fill("#filter", "module 55 widget 3")
    card = page.locator(".card")
    expect(card).to_have_count(1)
    expect(card.locator(".card-title")).to_have_text("Module 55 widget 3")
    expect(card.locator(".thumb [data-wk-type=Text]")).to_have_text("hello 55.3")  # drawn
    assert "q=module+55+widget+3" in page.url
    page.fill("#filter", "zzz-nothing")
    expect(page.locator("#no-match")).to_be_visible()
    page.fill("#filter", "")
    expect(page.locator(".card")).to_have_count(100)
    # The filter in the URL holds on a reload.
    open_index(page, served, "?q=mod_041")
    expect(page.locator(".card")).to_have_count(PER_MODULE)
    assert page.locator("#filter").input_value() == "mod_041"


def test_the_failing_badge_shows_only_the_failing_widgets(page: Page, served: Served) -> None:
    open_index(page, served)
    badge = page.locator("#errors-only")
    expect(badge).to_have_text("1 failing")
    badge.click()
    expect(page.locator(".card")).to_have_count(1)
    expect(page.locator(".card.has-error .card-title")).to_have_text("Bad")
    assert "errors=1" in page.url
    expect(page.locator("#errors-only")).to_have_attribute("aria-pressed", "true")
    page.locator("#errors-only").click()
    expect(page.locator(".card")).to_have_count(100)
    assert "errors" not in page.url


def test_an_odd_file_name_links_to_its_page(page: Page, served: Served) -> None:
    open_index(page, served, "?q=odd")
    link = page.locator(".card .card-link")
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_selector("#stage[data-drawn]", timeout=TIMEOUT_MS)
    expect(page.locator("#stage")).to_contain_text("The odd one")


def test_a_drawn_thumbnail_is_drawn_again_when_its_widget_rebuilds(
    page: Page, served: Served
) -> None:
    open_index(page, served, "?q=mod_001")
    text = page.locator(".card[data-id='mod_001:w2'] .thumb [data-wk-type=Text]")
    expect(text).to_have_text("hello 1.2")
    page.evaluate("window.__sameDocument = true")
    temp = served.root / ".mod_001.py.tmp"
    temp.write_text(module(1, "rebuilt"))
    os.replace(temp, served.root / "mod_001.py")
    try:
        expect(text).to_have_text("rebuilt 1.2", timeout=TIMEOUT_MS)
        assert page.evaluate("window.__sameDocument") is True
    finally:
        (served.root / "mod_001.py").write_text(module(1))


def test_the_theme_redraws_the_thumbnails(page: Page, served: Served, tmp_path: Path) -> None:
    open_index(page, served)
    page.wait_for_function(f"document.querySelectorAll('{DRAWN}').length >= 4")
    page.screenshot(path=str(tmp_path / "index-light.png"))
    page.locator('[data-control="theme"] button[data-value="dark"]').click()
    expect(page.locator(".thumb .wk-root.wk-theme-light")).to_have_count(0)
    assert page.locator(".thumb .wk-root.wk-theme-dark").count() == drawn(page) > 0
    page.screenshot(path=str(tmp_path / "index-dark.png"))
    shots = os.environ.get("WK_INDEX_SHOTS")  # where to keep the screenshots, to look at them
    if shots:
        for name in ("index-light.png", "index-dark.png"):
            (Path(shots) / name).write_bytes((tmp_path / name).read_bytes())

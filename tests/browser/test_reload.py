"""Hot reload in real Chromium: saves of each file kind reach the page in place, failures show an
overlay over the last good render and clear on the fix, the index follows new and deleted files."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from widgetkit.preview.app import create_app

import chromium  # isort: skip  (beside this file, as conftest.py imports it)
from chromium import ServePreview  # isort: skip

BUILDER = """\
from widgetkit import Card, Text, widget

@widget(samples={{"a": {{"n": 1}}, "b": {{"n": 2}}}})
def note(n: int) -> Card:
    return Card(Text(f"{text} #{{n}}"))
"""
# Generous: a save reaches the page in well under a second alone, but this machine runs other
# suites too. Waits end as soon as the page shows what they wait for.
TIMEOUT_MS = 60_000


def builder_source(text: str, body: str = "") -> str:
    source = BUILDER.format(text=text)
    return source.replace("    return", f"{body}    return") if body else source


def payload(text: str) -> str:
    return json.dumps({"type": "Card", "children": [{"type": "Text", "value": text}]})


def widget_file(text: str) -> str:
    editor = json.dumps({"defaultState": {"text": text}}).encode()
    template = '{"type":"Card","children":[{"type":"Text","value":{{ text | tojson }}}]}'
    return json.dumps({
        "version": "1.0",
        "name": "Memo",
        "template": template,
        "jsonSchema": {"type": "object", "properties": {"text": {"type": "string"}}},
        "encodedWidget": base64.urlsafe_b64encode(editor).decode(),
    })  # fmt: skip


@dataclass
class Live:
    root: Path
    url: str
    browser: Browser
    contexts: list[BrowserContext] = field(default_factory=list)

    def page(self, path: str, height: int = 500) -> Page:
        context = self.browser.new_context(viewport={"width": 900, "height": height})
        self.contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.add_init_script(chromium.MARK_EVENTS_OPEN)
        page.goto(self.url + path)
        page.wait_for_selector("html[data-wk-ready=true]", timeout=TIMEOUT_MS)
        page.wait_for_selector("html[data-test-events=open]", timeout=TIMEOUT_MS)
        return page

    def save(self, name: str, text: str) -> None:
        """An editor's atomic save: a temp file renamed over the real one."""
        temp = self.root / f".{name}.tmp{time.monotonic_ns()}"
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, self.root / name)


@pytest.fixture
def live(tmp_path: Path, browser: Browser, serve_preview: ServePreview) -> Iterator[Live]:
    (tmp_path / "cards.py").write_text(builder_source("first"))
    (tmp_path / "panel.json").write_text(payload("panel one"))
    (tmp_path / "memo.widget").write_text(widget_file("memo one"))
    app = create_app([tmp_path], renderer="local")
    with serve_preview(app) as url:
        running = Live(tmp_path, url, browser)
        yield running
        for context in running.contexts:
            context.close()


def stage_text(page: Page) -> object:
    return expect(page.locator('#stage [data-wk-type="Text"]').first)


def overlay(page: Page) -> object:
    return page.locator("[data-wk-overlay]")


def test_saves_of_each_file_kind_reach_the_page_in_place(live: Live) -> None:
    page = live.page("/widget/cards:note?state=b&theme=dark&width=sm")
    stage_text(page).to_have_text("first #2", timeout=TIMEOUT_MS)
    page.evaluate("window.__sameDocument = true")
    live.save("cards.py", builder_source("second"))
    stage_text(page).to_have_text("second #2", timeout=TIMEOUT_MS)
    # Not a reload: the same document, the same state, theme and width.
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.locator("#stage-frame").get_attribute("data-width") == "sm"
    assert "second #2" in page.locator("#payload").inner_text()

    for path, name, make, before, after in (
        ("/widget/panel.json", "panel.json", payload, "panel one", "panel two"),
        ("/widget/memo.widget", "memo.widget", widget_file, "memo one", "memo two"),
    ):
        page = live.page(path)
        stage_text(page).to_have_text(before, timeout=TIMEOUT_MS)
        live.save(name, make(after))
        stage_text(page).to_have_text(after, timeout=TIMEOUT_MS)


def test_the_scroll_position_survives_a_reload(live: Live) -> None:
    page = live.page("/widget/cards:note?state=a", height=240)
    stage_text(page).to_have_text("first #1", timeout=TIMEOUT_MS)
    where = "[scrollY, document.querySelector('.panels').scrollTop]"
    page.evaluate("window.scrollTo(0, 60); document.querySelector('.panels').scrollTop = 80")
    before = page.evaluate(where)
    assert before[0] > 0 and before[1] > 0
    live.save("cards.py", builder_source("scrolled"))
    stage_text(page).to_have_text("scrolled #1", timeout=TIMEOUT_MS)
    assert page.evaluate(where) == before


def test_failures_show_an_overlay_over_the_last_good_render_and_recover(live: Live) -> None:
    page = live.page("/widget/cards:note?state=a")
    stage_text(page).to_have_text("first #1", timeout=TIMEOUT_MS)
    failures = [
        ("def note(:\n", "SyntaxError", "cards.py:1"),
        (builder_source("x", "    1 / 0\n"), "ZeroDivisionError", "cards.py:5"),
        (
            builder_source("x", "    import time; time.sleep(30)\n"),
            "Timeout",
            "took longer than 3 s",
        ),
        (builder_source("x").replace('Text(f"', 'Text(size="6xl", value=f"'), "invalid", "size"),
    ]
    for i, (source, kind, says) in enumerate(failures):
        live.save("cards.py", source)
        box = overlay(page)
        expect(box).to_have_attribute("data-wk-overlay", kind, timeout=TIMEOUT_MS)
        expect(box).to_contain_text(says)
        stage_text(page).to_have_text(f"{'first' if i == 0 else f'fixed {i}'} #1")  # still there
        live.save("cards.py", builder_source(f"fixed {i + 1}"))
        stage_text(page).to_have_text(f"fixed {i + 1} #1", timeout=TIMEOUT_MS)
        expect(overlay(page)).to_have_count(0)

    page = live.page("/widget/panel.json")
    live.save("panel.json", '{"type": "Card", "children": [{"type": "Txet", "value": "typo"}]}')
    expect(overlay(page)).to_contain_text("/children/0/type", timeout=TIMEOUT_MS)
    stage_text(page).to_have_text("panel one")
    live.save("panel.json", payload("panel fixed"))
    stage_text(page).to_have_text("panel fixed", timeout=TIMEOUT_MS)
    expect(overlay(page)).to_have_count(0)


def test_an_atomic_save_and_a_burst_end_on_the_last_content(live: Live) -> None:
    page = live.page("/widget/cards:note?state=a")
    stage_text(page).to_have_text("first #1", timeout=TIMEOUT_MS)
    for i in range(15):
        (live.root / "cards.py").write_text(builder_source(f"burst {i}"))
        time.sleep(0.004)
    live.save("cards.py", builder_source("last"))
    stage_text(page).to_have_text("last #1", timeout=TIMEOUT_MS)
    page.wait_for_timeout(400)
    stage_text(page).to_have_text("last #1")


def test_the_index_shows_new_files_and_drops_deleted_ones(live: Live) -> None:
    page = live.page("/?q=note")
    cards = page.locator(".card:not([hidden]) .card-title")
    expect(cards).to_have_count(1, timeout=TIMEOUT_MS)
    page.evaluate("window.__sameDocument = true")
    (live.root / "extra.py").write_text(builder_source("extra"))
    expect(cards).to_have_count(2, timeout=TIMEOUT_MS)
    assert page.locator("#filter").input_value() == "note"  # the filter stays applied
    expect(page.locator('a[href="/widget/extra:note"]').first).to_be_visible()
    (live.root / "cards.py").unlink()
    expect(page.locator('a[href="/widget/cards:note"]')).to_have_count(0, timeout=TIMEOUT_MS)
    assert page.evaluate("window.__sameDocument") is True


def test_a_state_that_arrives_by_hot_reload_gets_a_button(live: Live) -> None:
    page = live.page("/widget/cards:note?state=a")
    stage_text(page).to_have_text("first #1", timeout=TIMEOUT_MS)
    more = builder_source("more").replace('"b": {"n": 2}}', '"b": {"n": 2}, "c": {"n": 3}}')
    live.save("cards.py", more)
    states = page.locator('[data-control="state"] button')
    expect(states).to_have_text(["a", "b", "c"], timeout=TIMEOUT_MS)
    stage_text(page).to_have_text("more #1", timeout=TIMEOUT_MS)
    states.last.click()
    stage_text(page).to_have_text("more #3", timeout=TIMEOUT_MS)

    # A page with one state has no switcher: the second state makes one.
    live.save(
        "solo.py", builder_source("solo").replace(', "b": {"n": 2}', "").replace("note", "solo")
    )
    expect(live.page("/").locator("body")).to_contain_text("Solo", timeout=TIMEOUT_MS)
    page = live.page("/widget/solo:solo?state=a")
    stage_text(page).to_have_text("solo #1", timeout=TIMEOUT_MS)
    assert page.locator('[data-control="state"]').count() == 0
    live.save("solo.py", builder_source("duo").replace("note", "solo"))
    expect(states_of(page)).to_have_text(["a", "b"], timeout=TIMEOUT_MS)
    expect(page.locator(".state-one")).to_have_count(0)
    states_of(page).last.click()
    stage_text(page).to_have_text("duo #2", timeout=TIMEOUT_MS)
    assert "state=b" in page.url


def states_of(page: Page) -> object:
    return page.locator('[data-control="state"] button')


SHARED = """\
from widgetkit import Caption

MARK = {mark!r}

def footer() -> Caption:
    return Caption(MARK)
"""

USES_SHARED = """\
from widgetkit import Card, Text, widget

from shared import footer

SAMPLES = {{"a": {{"n": 1}}, "b": {{"n": 2}}, "c": {{"n": 3}}}}
""" + "".join(
    f"""
@widget(samples=SAMPLES)
def card_{i}(n: int) -> Card:
    return Card(footer(), Text(f"{{{{n}}}}"))
"""
    for i in range(3)
)


def test_two_open_pages_end_on_the_current_render_after_a_burst(
    tmp_path: Path, browser: Browser, serve_preview: ServePreview
) -> None:
    """A save of a helper every module imports rebuilds more states than a page's stream once
    held (it dropped the oldest): each open page must still end on its widget's current render."""
    root = tmp_path / "many"
    root.mkdir()
    (root / "shared.py").write_text(SHARED.format(mark="mark 0"))
    for m in range(64):  # 64 modules x 3 builders x 3 states: 576 renders a save
        (root / f"mod_{m:02d}.py").write_text(USES_SHARED.format())
    app = create_app([root], renderer="local")
    with serve_preview(app) as url:
        live = Live(root, url, browser)
        first = live.page("/widget/mod_00:card_0?state=a")
        last = live.page("/widget/mod_31:card_2?state=c")
        for page in (first, last):
            expect(page.locator('#stage [data-wk-type="Caption"]')).to_have_text(
                "mark 0", timeout=TIMEOUT_MS
            )
            page.evaluate("window.__sameDocument = true")  # a reload would hide a lost update
        (root / "shared.py").write_text(SHARED.format(mark="mark 1"))  # a burst of 576 renders
        for page in (first, last):
            expect(page.locator('#stage [data-wk-type="Caption"]')).to_have_text(
                "mark 1", timeout=TIMEOUT_MS
            )
            assert page.evaluate("window.__sameDocument") is True
        for context in live.contexts:
            context.close()


def test_a_page_whose_widget_is_deleted_says_it_is_gone(live: Live) -> None:
    page = live.page("/widget/panel.json")
    stage_text(page).to_have_text("panel one", timeout=TIMEOUT_MS)
    (live.root / "panel.json").unlink()
    expect(overlay(page)).to_contain_text('"panel.json" is gone', timeout=TIMEOUT_MS)

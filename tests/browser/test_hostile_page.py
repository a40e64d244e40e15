"""Hostile widget strings through the real preview: a `.json` widget file full of markup, script
and `javascript:` / `data:` URLs is served by `create_app`, drawn from its ChatKit thread on the
widget page (with its payload, diagnostics and data panels), and listed on the index. Nothing may
run: a `window.__pwned` trap and a dialog listener would notice."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from widgetkit.preview.app import create_app

PWN = "window.__pwned=1;alert(1)"
IMG = f'<img src=x onerror="{PWN}">'
SCRIPT = f"<script>{PWN}</script>"
ACTION = {"type": "noop"}
# A file name is a string the page shows too: one that is markup (no "/" in it, so it is legal).
HOSTILE_NAME = "<img src=x onerror=window.__pwned=1>.json"


def text(value: str) -> dict[str, Any]:
    return {"type": "Text", "value": value}


HOSTILE = {
    "type": "Card",
    "children": [
        text(IMG),
        text(f"javascript:{PWN}"),
        {"type": "Title", "value": SCRIPT},
        {"type": "Caption", "value": f"<svg onload='{PWN}'>"},
        {"type": "Badge", "label": IMG},
        {"type": "Badge", "label": f'" onmouseover="{PWN}'},
        {"type": "Button", "label": IMG, "onClickAction": ACTION},
        {"type": "Button", "label": SCRIPT, "onClickAction": ACTION},
        {
            "type": "Markdown",
            "value": "\n\n".join(
                [
                    IMG,
                    SCRIPT,
                    f"[js](javascript:{PWN}) [JS](JaVaScRiPt:{PWN}) [ok](https://example.com)",
                    f"[data](data:text/html,{SCRIPT}) [vb](vbscript:msgbox(1))",
                    f"![i](javascript:{PWN}) ![d](data:text/html;base64,PHNjcmlwdD4=)",
                    f"![svg](data:image/svg+xml,<svg onload='{PWN}'/>)",
                    f'<a href="javascript:{PWN}">raw</a> <iframe src="javascript:{PWN}"></iframe>',
                    f'<object data="javascript:{PWN}"></object><embed src="javascript:{PWN}">',
                    f'<form action="javascript:{PWN}"><button>go</button></form>',
                    f'<details open ontoggle="{PWN}">x</details><style>*{{color:red}}</style>',
                ]
            ),
        },
        {"type": "Image", "src": f"javascript:{PWN}", "alt": f'" onerror="{PWN}'},
        {"type": "Image", "src": f"data:text/html,{SCRIPT}", "alt": IMG},
        {"type": "Image", "src": f"data:image/svg+xml,<svg onload='{PWN}'/>", "alt": "svg"},
        {
            "type": "Select",
            "name": "pick",
            "placeholder": IMG,
            "options": [
                {"value": IMG, "label": f"</option>{SCRIPT}"},
                {"value": "b", "label": IMG},
            ],
        },
        {
            "type": "Chart",
            "data": [{"x": IMG, "v": 1}, {"x": SCRIPT, "v": 2}],
            "xAxis": {"dataKey": "x", "labels": {SCRIPT: IMG}},
            "series": [{"type": "bar", "dataKey": "v", "label": IMG}],
            "showTooltip": True,
        },
    ],
}
# Markup that only the page's own code may put in the document.
FORBIDDEN = (
    "#stage script, iframe, object, embed, form:not(.wk-form), style:not([data-page]), "
    "[onerror], [onload], [onmouseover], [ontoggle], [onbegin], [onclick]"
)


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, serve_preview: Callable[[Any], Any]
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "hostile.json").write_text(json.dumps(HOSTILE))
    (root / HOSTILE_NAME).write_text(json.dumps({"type": "Card", "children": [text(IMG)]}))
    app = create_app([Path(root)], renderer="local", reload=False)
    with serve_preview(app) as url:
        yield url


class Watched:
    """A page with the trap set before any script of the page runs."""

    def __init__(self, page: Page, settle: Callable[[Page], None]) -> None:
        self.page = page
        self.settle = settle
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.add_init_script(
            "Object.defineProperty(window, '__pwned', {value: undefined, writable: true})"
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_nothing_ran(self) -> None:
        self.settle(self.page)  # an onerror would fire once its broken image has failed
        assert self.page.evaluate("window.__pwned") is None
        assert self.dialogs == []
        assert self.errors == []
        scripts = self.page.locator("script").evaluate_all(
            "ss => ss.map(s => s.getAttribute('src') || 'inline:' + s.textContent.slice(0, 40))"
        )
        assert not any(PWN in s or "__pwned" in s for s in scripts), scripts


@pytest.fixture
def watched(browser: Browser, settle: Callable[[Page], None]) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    yield Watched(context.new_page(), settle)
    context.close()


def test_hostile_strings_on_the_widget_page_never_execute(served: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{served}/widget/hostile.json")
    page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
    stage = page.locator("#stage")
    # Poke what a designer would: hover the chart (tooltip), click the buttons, open the select.
    page.locator("#stage canvas").first.hover()
    for button in stage.locator("[data-wk-type=Button]").all():
        button.click()
    watched.assert_nothing_ran()
    assert page.locator(FORBIDDEN).count() == 0
    # Strings are shown as text, exactly as written.
    assert page.locator('[data-wk-path="/children/0"]').inner_text() == IMG
    assert page.locator('[data-wk-path="/children/2"]').inner_text() == SCRIPT
    assert IMG in page.locator('[data-wk-path="/children/4"]').inner_text()
    assert IMG in page.locator('[data-wk-path="/children/6"]').inner_text()
    options = page.locator('[data-wk-path="/children/12"] option').all_inner_texts()
    assert f"</option>{SCRIPT}" in options and IMG in options
    # Links: only http(s), opened in a new tab that cannot reach back to this page.
    links = stage.locator("a").evaluate_all(
        "as => as.map(a => [a.getAttribute('href'), a.target, a.rel])"
    )
    assert links, "the Markdown's safe link should be drawn"
    for href, target, rel in links:
        assert href is None or href.startswith("https://"), href
        if href:
            assert (target, rel) == ("_blank", "noopener noreferrer")
    # Images: no script URL and no non-image data: URL reaches an <img>. (An SVG data: image
    # may: inside <img> a browser runs no script of an SVG, which the trap above confirms.)
    for src in stage.locator("img").evaluate_all("is => is.map(i => i.getAttribute('src'))"):
        low = (src or "").strip().lower()
        assert not low.startswith(("javascript:", "vbscript:")), src
        assert not low.startswith("data:") or low.startswith("data:image/"), src


def test_hostile_names_and_strings_on_the_index_never_execute(
    served: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(f"{served}/")
    page.wait_for_selector(f'a[href="/widget/{HOSTILE_NAME}"], a[href*="onerror"]')
    watched.assert_nothing_ran()
    assert page.locator(FORBIDDEN).count() == 0
    assert HOSTILE_NAME in page.inner_text("body")
    page.goto(f"{served}/widget/{quote(HOSTILE_NAME)}")
    page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
    watched.assert_nothing_ran()
    assert page.locator(FORBIDDEN).count() == 0
    assert page.locator('[data-wk-path="/children/0"]').inner_text() == IMG

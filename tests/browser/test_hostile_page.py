"""Hostile widget strings through the real preview: a `.json` widget file full of markup, script
and `javascript:` / `data:` URLs is served by `create_app`, drawn from its ChatKit thread on the
widget page (with its payload, diagnostics and data panels), and listed on the index. Nothing may
run: a `window.__pwned` trap and a dialog listener would notice."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from widgetkit.preview.app import create_app

if TYPE_CHECKING:  # conftest is not importable by name when several test folders run
    from conftest import Harness

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


# Markdown whose element ids are the page's own panels' (DOM clobbering).
CLOBBER = {
    "type": "Card",
    "children": [
        {
            "type": "Markdown",
            "value": '<div id="payload">hijacked</div><ul id="diagnostics"></ul>'
            '<span id="diag-count"></span><p id="footnote">x</p><b name="payload">n</b>',
        }
    ],
}


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, serve_preview: Callable[[Any], Any]
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "hostile.json").write_text(json.dumps(HOSTILE))
    (root / HOSTILE_NAME).write_text(json.dumps({"type": "Card", "children": [text(IMG)]}))
    (root / "clobber.json").write_text(json.dumps(CLOBBER))
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


# Names a widget (or a model writing one) may put where the renderer looks things up by name.
PROTO_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]


def test_prototype_names_in_a_widget_never_break_the_page(harness: Harness) -> None:
    widget = {
        "type": "Card",
        "children": [
            *({"type": name} for name in PROTO_NAMES),
            *({"type": "Icon", "name": name} for name in PROTO_NAMES),
            *({"type": "Text", "value": "c", "color": f"{name}-100"} for name in PROTO_NAMES),
            *({"type": "Badge", "label": "b", "color": name, "size": name} for name in PROTO_NAMES),
            {
                "type": "Box",
                "background": "__proto__",
                "radius": "constructor",
                "align": "toString",
                "children": [],
            },
            {"type": "Text", "value": {"toString": 1}},
            {"type": "Button", "label": {"valueOf": 1}, "iconStart": "__proto__"},
            {
                "type": "Table",
                "children": [
                    {
                        "type": "Table.Row",
                        "children": [
                            {
                                "type": "Table.Cell",
                                "colSize": "constructor",
                                "align": "__proto__",
                                "vAlign": "toString",
                            }
                        ],
                    }
                ],
            },
            {
                "type": "Chart",
                "data": [{"x": "constructor", "v": 1}, {"x": "__proto__", "v": 2}],
                "xAxis": {"dataKey": "x", "labels": {"a": "b"}},
                "series": [
                    {"type": "bar", "dataKey": "__proto__"},
                    {"type": "line", "dataKey": "constructor"},
                ],
            },
        ],
    }
    harness.render(widget)
    assert harness.errors == []
    # Each unknown type is a visible placeholder; the rest draws.
    assert harness.page.locator(".wk-unknown").count() == len(PROTO_NAMES)
    assert harness.at("/children/0").inner_text() == 'Unknown component "constructor"'
    icons = harness.page.locator("[data-wk-type=Icon] svg").evaluate_all(
        "(s) => s.map((e) => e.dataset.wkIcon)"
    )
    assert icons == ["stand-in"] * len(PROTO_NAMES)
    # The page keeps drawing (hot reload renders again into the same container).
    harness.render({"type": "Card", "children": [{"type": "Text", "value": "next"}]})
    assert harness.at("/children/0").inner_text() == "next"
    assert harness.errors == []


def test_form_field_names_never_reach_a_prototype(harness: Harness) -> None:
    harness.render(
        {
            "type": "Form",
            "onSubmitAction": {"type": "send"},
            "children": [
                {
                    "type": "Checkbox",
                    "name": "__proto__.disabled",
                    "defaultChecked": True,
                    "label": "x",
                },
                {"type": "Input", "name": "constructor.prototype.polluted", "defaultValue": "yes"},
                {"type": "Input", "name": "a.__proto__.b", "defaultValue": "c"},
                {"type": "Button", "label": "Send", "submit": True},
                {"type": "Button", "label": "Other", "onClickAction": {"type": "other"}},
            ],
        }
    )
    harness.at("/children/3").click()
    harness.page.wait_for_function("window.__wkActions.length === 1")
    polluted = harness.page.evaluate(
        "[({}).disabled, ({}).polluted, ({}).b, Object.prototype.hasOwnProperty('disabled')]"
    )
    assert polluted == [None, None, None, False]
    # The values went with the action, under the names as written.
    sent = json.loads(harness.page.evaluate("JSON.stringify(window.__wkActions[0].formValues)"))
    assert sent == {
        "__proto__": {"disabled": True},
        "constructor": {"prototype": {"polluted": "yes"}},
        "a": {"__proto__": {"b": "c"}},
    }
    # Every other button still works.
    harness.at("/children/4").click()
    harness.page.wait_for_function("window.__wkActions.length === 2")


def test_a_catastrophic_input_pattern_cannot_freeze_the_tab(harness: Harness) -> None:
    harness.render(
        {
            "type": "Form",
            "onSubmitAction": {"type": "send"},
            "children": [
                {
                    "type": "Input",
                    "name": "x",
                    "pattern": "(((a+)+)+)+$",
                    "defaultValue": "a" * 40 + "!",
                },
                {"type": "Input", "name": "y", "pattern": "[0-9]+", "defaultValue": "12"},
                {"type": "Button", "label": "Send", "submit": True},
            ],
        }
    )
    harness.at("/children/2").click()
    # The check is stopped: the tab answers, and the field says why it was not sent.
    error = harness.page.locator(".wk-field-error")
    error.wait_for(timeout=20_000)
    assert "took too long" in error.inner_text()
    assert error.count() == 1  # the other pattern was checked, and matched
    assert harness.actions() == []
    assert harness.page.evaluate("1 + 1") == 2


def test_markdown_ids_cannot_stand_in_for_the_pages_panels(served: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{served}/widget/clobber.json")
    page.wait_for_selector("#stage[data-drawn=thread]", timeout=30_000)
    watched.assert_nothing_ran()
    # The payload panel shows the payload; the widget's element with that id is not written to.
    assert '"type": "Card"' in page.locator(".panels #payload").inner_text()
    assert page.locator("#stage").get_by_text("hijacked").count() == 1
    assert (
        page.locator("#stage [id=payload], #stage [id=diagnostics], #stage [name=payload]").count()
        == 0
    )


REMOTE = "http://tracker.test"
FETCHING_MARKDOWN = "\n\n".join(
    [
        f'<img src="{REMOTE}/img.png" alt="plain">',
        f'<img src="{REMOTE}/a.png" srcset="{REMOTE}/srcset.png 2x" alt="s">',
        f'<svg><image href="{REMOTE}/svg-image.png" width="10" height="10"></image></svg>',
        f'<video poster="{REMOTE}/poster.png" src="{REMOTE}/video.mp4"><source src="{REMOTE}/source.mp4"></video>',
        f'<audio src="{REMOTE}/audio.mp3" autoplay></audio>',
        f'<table background="{REMOTE}/table.png"><tr><td background="{REMOTE}/td.png">x</td></tr></table>',
    ]
)


def test_markdown_fetches_nothing_that_carries_a_referrer(harness: Harness) -> None:
    seen: list[tuple[str, str | None]] = []

    def record(route: Any) -> None:
        seen.append((route.request.url, route.request.headers.get("referer")))
        route.fulfill(status=404, body="")

    harness.page.route(f"{REMOTE}/**", record)
    harness.render({"type": "Card", "children": [{"type": "Markdown", "value": FETCHING_MARKDOWN}]})
    harness.settle()
    md = harness.at("/children/0")
    # Only a plain <img> fetches, with no referrer; every other fetching form is gone.
    assert (
        md.locator("img").evaluate_all("(is) => is.map((i) => i.referrerPolicy)")
        == ["no-referrer"] * 2
    )
    fetching = "[srcset], [poster], [background], video, audio, source, image, use, feImage"
    assert md.locator(fetching).count() == 0
    assert (f"{REMOTE}/img.png", None) in seen
    assert [url for url, referer in seen if referer is not None] == []

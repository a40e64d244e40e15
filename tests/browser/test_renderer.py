"""The offline renderer (preview/static/renderer.js) in real Chromium: every component draws with
its JSON pointer, hostile strings never execute, forms gather and validate, actions show loading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from playwright.sync_api import expect

from widgetkit.catalog import COMPONENTS

if TYPE_CHECKING:  # conftest is not importable by name when several test folders run
    from conftest import Harness

ACTION = {"type": "demo.click", "payload": {"id": 1}}


def catalog_component_types() -> set[str]:
    """Every component the catalog describes, of both runtimes."""
    return {c.name for c in COMPONENTS}


def nodes(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(pointer, type) of every component in a widget tree."""
    yield path, node["type"]
    children = node.get("children")
    if isinstance(children, dict):
        yield from nodes(children, f"{path}/children")
    elif isinstance(children, list):
        for i, child in enumerate(children):
            yield from nodes(child, f"{path}/children/{i}")


def text(value: str, **props: Any) -> dict[str, Any]:
    return {"type": "Text", "value": value, **props}


EVERYTHING = {
    "type": "Basic",
    "gap": 4,
    "children": [
        {
            "type": "Card",
            "status": {"text": "All components", "icon": "sparkle"},
            "children": [
                {
                    "type": "Row",
                    "children": [
                        {"type": "Title", "value": "Title", "size": "lg"},
                        {"type": "Spacer"},
                        {"type": "Badge", "label": "Badge", "color": "info"},
                        {"type": "Icon", "name": "star-filled", "color": "warning"},
                    ],
                },
                {"type": "Caption", "value": "Caption"},
                text("Text", weight="semibold", color={"light": "blue-600", "dark": "blue-300"}),
                {
                    "type": "Markdown",
                    "value": "Some **markdown** with a [link](https://example.com).",
                },
                {"type": "Divider"},
                {
                    "type": "Box",
                    "direction": "row",
                    "gap": 2,
                    "children": [
                        {
                            "type": "Image",
                            "src": "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
                            "size": 40,
                            "radius": "md",
                        },
                        {
                            "type": "Col",
                            "children": [text("In a Col"), {"type": "Caption", "value": "below"}],
                        },
                    ],
                },
                {"type": "Transition", "children": text("Inside a Transition")},
                {
                    "type": "Form",
                    "onSubmitAction": ACTION,
                    "children": [
                        {"type": "Label", "value": "Name", "fieldName": "name"},
                        {"type": "Input", "name": "name"},
                        {"type": "Textarea", "name": "notes"},
                        {
                            "type": "Select",
                            "name": "plan",
                            "options": [{"value": "a", "label": "A"}],
                        },
                        {
                            "type": "DatePicker",
                            "name": "day",
                            "defaultValue": "2025-01-02T00:00:00Z",
                        },
                        {"type": "Checkbox", "name": "ok", "label": "OK"},
                        {
                            "type": "RadioGroup",
                            "name": "size",
                            "options": [{"value": "s", "label": "S"}],
                        },
                        {"type": "Button", "label": "Send", "submit": True},
                    ],
                },
                {
                    "type": "Chart",
                    "data": [{"m": "Jan", "v": 1}, {"m": "Feb", "v": 3}],
                    "series": [{"type": "bar", "dataKey": "v", "label": "V"}],
                    "xAxis": "m",
                },
                {
                    "type": "Table",
                    "children": [
                        {
                            "type": "Table.Row",
                            "header": True,
                            "children": [{"type": "Table.Cell", "children": [text("Head")]}],
                        },
                        {
                            "type": "Table.Row",
                            "children": [{"type": "Table.Cell", "children": [text("Cell")]}],
                        },
                    ],
                },
            ],
        },
        {
            "type": "ListView",
            "children": [
                {"type": "ListViewItem", "onClickAction": ACTION, "children": [text("Item")]},
            ],
        },
    ],
}


def test_renderer_draws_every_catalog_component(harness: Harness) -> None:
    components = set(harness.page.evaluate("import('./renderer.js').then(m => m.COMPONENTS)"))
    expected = catalog_component_types()
    assert expected - components == set(), "components without a drawing"
    assert {t for _, t in nodes(EVERYTHING)} == components, "the sample must use every component"


def test_every_node_carries_its_type_and_json_pointer(harness: Harness) -> None:
    harness.render(EVERYTHING)
    for pointer, kind in nodes(EVERYTHING):
        assert harness.at(pointer).get_attribute("data-wk-type") == kind, pointer
    assert harness.at("").get_attribute("data-wk-type") == "Basic"
    assert harness.at("/children/0/children/6").get_attribute("data-wk-type") == "Transition"
    assert harness.at("/children/0/children/6/children").inner_text() == "Inside a Transition"
    assert harness.page.locator("[data-wk-type=Chart][data-wk-ready]").count() == 1
    assert harness.errors == []


def test_unknown_and_malformed_nodes_draw_a_placeholder_without_errors(harness: Harness) -> None:
    harness.render(
        {
            "type": "Card",
            "children": [{"type": "Nope"}, "text", None, {"type": "Row", "children": 3}],
        }
    )
    assert "Unknown component" in harness.at("/children/0").inner_text()
    assert harness.at("/children/1").get_attribute("data-wk-type") == "invalid"
    assert harness.errors == []


# ---- security -------------------------------------------------------------------------------------

PWN = "window.__pwned=1;alert(1)"
IMG = f'<img src=x onerror="{PWN}">'
HOSTILE = {
    "type": "Card",
    "status": {"text": IMG, "favicon": f"javascript:{PWN}"},
    "confirm": {"label": IMG, "action": ACTION},
    "children": [
        text(IMG),
        {"type": "Title", "value": f"<script>{PWN}</script>"},
        {"type": "Caption", "value": f"<svg onload='{PWN}'>"},
        {"type": "Badge", "label": IMG},
        {"type": "Button", "label": IMG, "onClickAction": ACTION},
        {
            "type": "Markdown",
            "value": "\n\n".join(
                [
                    IMG,
                    f"<script>{PWN}</script>",
                    f"[js](javascript:{PWN}) [data](data:text/html,<script>{PWN}</script>) [ok](https://example.com)",
                    f"![i](javascript:{PWN}) ![d](data:text/html;base64,PHNjcmlwdD4=)",
                    f'<a href="javascript:{PWN}">raw</a> <iframe src="javascript:{PWN}"></iframe>',
                    f'<svg><animate onbegin="{PWN}" attributeName="x"/></svg><math><mi xlink:href="javascript:{PWN}">m</mi></math>',
                    f'<form action="javascript:{PWN}"><button>go</button></form><details open ontoggle="{PWN}">x</details>',
                ]
            ),
        },
        {"type": "Image", "src": f"javascript:{PWN}", "alt": f'" onerror="{PWN}'},
        {"type": "Image", "src": f"data:text/html,<script>{PWN}</script>"},
        {
            "type": "Select",
            "name": "s",
            "placeholder": IMG,
            "options": [{"value": IMG, "label": f"</option><script>{PWN}</script>"}],
        },
        {"type": "RadioGroup", "name": "r", "options": [{"value": "1", "label": IMG}]},
        {"type": "Checkbox", "name": "c", "label": IMG},
        {
            "type": "Input",
            "name": "i",
            "placeholder": IMG,
            "defaultValue": f'"><script>{PWN}</script>',
        },
        {"type": "Label", "value": IMG, "fieldName": "i"},
        {
            "type": "Chart",
            "data": [{"x": IMG, "v": 1}, {"x": "<b>b</b>", "v": 2}],
            "xAxis": {"dataKey": "x", "labels": {"<b>b</b>": IMG}},
            "series": [
                {"type": "line", "dataKey": "v", "label": IMG, "color": "url(javascript:alert(1))"}
            ],
            "showTooltip": True,
        },
        {
            "type": "Table",
            "children": [
                {"type": "Table.Row", "children": [{"type": "Table.Cell", "children": [text(IMG)]}]}
            ],
        },
        {"type": "Box", "background": f"url(javascript:{PWN})", "children": [text("styled")]},
    ],
}


def test_hostile_widget_strings_never_execute(harness: Harness) -> None:
    harness.render(HOSTILE)
    page = harness.page
    # Poke everything a user might: hover the chart (tooltip), click buttons, the label.
    page.locator("canvas").hover()
    page.get_by_role("button").first.click()
    page.locator("[data-wk-type=Label]").click()
    harness.settle()
    assert page.evaluate("window.__pwned") is None
    assert harness.dialogs == []
    stage = page.locator("#stage")
    assert (
        stage.locator(
            "script, iframe, form:not(.wk-form), [onerror], [onload], [onbegin], [ontoggle]"
        ).count()
        == 0
    )
    for href in stage.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))"):
        assert href is None or href.startswith("https://"), href
    for link in stage.locator("a[href]").all():
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"
    for src in stage.locator("img").evaluate_all("is => is.map(i => i.getAttribute('src'))"):
        assert src is None or not src.lower().startswith(("javascript:", "data:text")), src
    assert harness.at("/children/6").get_attribute("class") == "wk-image wk-image-refused"
    assert harness.at("/children/7").get_attribute("class") == "wk-image wk-image-refused"
    # Strings are shown as text, exactly as written.
    assert harness.at("/children/0").inner_text() == IMG
    assert page.locator(".wk-status-favicon").count() == 0
    assert "url(" not in (harness.at("/children/15").get_attribute("style") or "")
    # The only errors allowed are the sanitised <img src=x> asking the server for "x".
    assert [e for e in harness.errors if "Failed to load resource" not in e] == []


# ---- forms and actions --------------------------------------------------------------------------

FORM_CARD = {
    "type": "Card",
    "asForm": True,
    "confirm": {"label": "Save", "action": {"type": "profile.save"}},
    "cancel": {"label": "Cancel", "action": {"type": "profile.cancel"}},
    "children": [
        {"type": "Label", "value": "Name", "fieldName": "contact.name"},
        {"type": "Input", "name": "contact.name", "required": True},
        {"type": "Input", "name": "contact.zip", "pattern": "[0-9]{5}"},
        {"type": "Checkbox", "name": "prefs.news", "label": "News"},
        {
            "type": "Select",
            "name": "prefs.plan",
            "defaultValue": "pro",
            "options": [{"value": "free", "label": "Free"}, {"value": "pro", "label": "Pro"}],
        },
        {
            "type": "RadioGroup",
            "name": "size",
            "required": True,
            "options": [{"value": "s", "label": "Small"}, {"value": "l", "label": "Large"}],
        },
        {"type": "DatePicker", "name": "when", "defaultValue": "2025-03-04"},
        {"type": "Text", "value": "Note", "editable": {"name": "note"}},
        {
            "type": "Form",
            "onSubmitAction": {"type": "inner.go"},
            "children": [
                {"type": "Input", "name": "inner"},
                {"type": "Button", "label": "Go", "submit": True},
            ],
        },
    ],
}


def test_confirm_validates_then_sends_nested_form_values(harness: Harness) -> None:
    harness.render(FORM_CARD)
    page = harness.page
    save = page.locator("[data-wk-part=confirm]")
    save.click()
    assert harness.actions() == []
    assert harness.at("/children/1").get_attribute("aria-invalid") == "true"
    assert page.locator(".wk-field-error").count() == 2  # name and the radio group
    page.fill('[data-wk-path="/children/1"]', "Ada")
    page.fill('[data-wk-path="/children/2"]', "12a")
    page.get_by_label("Large").check()
    save.click()
    # A pattern is checked in a worker (it can be stopped): the answer comes a moment later.
    expect(harness.at("/children/2")).to_have_attribute("aria-invalid", "true")
    assert harness.actions() == []
    page.fill('[data-wk-path="/children/2"]', "12345")
    page.get_by_label("News").check()
    save.click()
    page.wait_for_function("window.__wkActions.length > 0")
    [sent] = harness.actions()
    assert sent["kind"] == "confirm"
    assert sent["action"] == {"type": "profile.save"}
    assert sent["formValues"] == {
        "contact": {"name": "Ada", "zip": "12345"},
        "prefs": {"news": True, "plan": "pro"},
        "size": "l",
        "when": "2025-03-04",
        "note": "Note",
    }
    assert page.locator(".wk-field-error").count() == 0


def test_label_focuses_its_field_and_cancel_skips_validation(harness: Harness) -> None:
    harness.render(FORM_CARD)
    harness.page.get_by_text("Name", exact=True).click()
    assert harness.page.evaluate("document.activeElement.dataset.wkName") == "contact.name"
    harness.page.locator("[data-wk-part=cancel]").click()
    [sent] = harness.actions()
    assert (sent["kind"], sent["action"]["type"]) == ("cancel", "profile.cancel")


def test_nested_form_submits_only_its_own_fields(harness: Harness) -> None:
    harness.render(FORM_CARD)
    harness.page.fill('[data-wk-name="inner"]', "x")
    harness.page.press('[data-wk-name="inner"]', "Enter")
    [sent] = harness.actions()
    assert sent == {
        "action": {"type": "inner.go"},
        "formValues": {"inner": "x"},
        "kind": "submit",
        "sender": "/children/8/children/1",
    }


def test_change_and_click_actions(harness: Harness) -> None:
    harness.render(
        {
            "type": "ListView",
            "children": [
                {
                    "type": "ListViewItem",
                    "onClickAction": {"type": "open", "payload": {"n": 1}},
                    "children": [text("Row")],
                },
                {
                    "type": "ListViewItem",
                    "children": [
                        {
                            "type": "Select",
                            "name": "pick",
                            "onChangeAction": {"type": "picked"},
                            "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
                        }
                    ],
                },
            ],
        }
    )
    harness.at("/children/0").click()
    harness.page.select_option("select", "b")
    assert [(a["kind"], a["action"]["type"]) for a in harness.actions()] == [
        ("click", "open"),
        ("change", "picked"),
    ]


def loading_widget(behavior: str | None) -> dict[str, Any]:
    action: dict[str, Any] = {"type": "slow"}
    if behavior:
        action["loadingBehavior"] = behavior
    return {
        "type": "Card",
        "children": [
            {"type": "Button", "label": "Click", "onClickAction": action},
            {
                "type": "Form",
                "onSubmitAction": action,
                "children": [{"type": "Button", "label": "Send", "submit": True}],
            },
        ],
    }


def test_loading_behavior_self_container_auto_none(harness: Harness) -> None:
    page = harness.page
    page.evaluate("window.__wkHold = true")
    cases = [
        ("self", "/children/0", "self"),
        ("container", "/children/0", "container"),
        ("none", "/children/0", "none"),
        (None, "/children/0", "self"),
        (None, "/children/1/children/0", "container"),
    ]
    for behavior, clicked, shown in cases:
        harness.render(loading_widget(behavior))
        harness.at(clicked).click()
        button, root = harness.at(clicked), harness.at("")
        assert ("wk-loading" in (button.get_attribute("class") or "")) == (shown == "self"), (
            behavior
        )
        assert button.is_disabled() == (shown == "self"), behavior
        assert ("wk-busy" in (root.get_attribute("class") or "")) == (shown == "container"), (
            behavior
        )
        page.evaluate("window.__wkRelease()")
        expect(button).not_to_have_class(re.compile(r"\bwk-loading\b"))
        expect(root).not_to_have_class(re.compile(r"\bwk-busy\b"))
        expect(button).to_be_enabled()
    assert len(harness.actions()) == len(cases)


def test_listview_limit_shows_more_on_demand(harness: Harness) -> None:
    items = [{"type": "ListViewItem", "children": [text(f"Item {i}")]} for i in range(5)]
    harness.render({"type": "ListView", "limit": 2, "children": items})
    assert harness.page.locator(".wk-lvi:visible").count() == 2
    harness.page.get_by_role("button", name="Show 3 more").click()
    assert harness.page.locator(".wk-lvi:visible").count() == 5


def test_rerender_keeps_the_focused_field_and_its_value(harness: Harness) -> None:
    def widget(status: str) -> dict[str, Any]:
        return {
            "type": "Card",
            "children": [text(status, streaming=True), {"type": "Input", "name": "q"}],
        }

    harness.render(widget("Thinking"))
    harness.page.fill("[data-wk-name=q]", "hello")
    harness.render(widget("Thinking harder"))
    assert harness.at("/children/0").inner_text() == "Thinking harder"
    assert harness.page.evaluate(
        "[document.activeElement.dataset.wkName, document.activeElement.value]"
    ) == ["q", "hello"]


# ---- themes -------------------------------------------------------------------------------------


def bg(harness: Harness, pointer: str) -> str:
    return (
        harness.at(pointer)
        .locator(".wk-card-box")
        .first.evaluate("e => getComputedStyle(e).backgroundColor")
    )


def test_light_dark_and_forced_subtree_themes(harness: Harness) -> None:
    themed_text = text("Tinted", color={"light": "rgb(1, 2, 3)", "dark": "rgb(4, 5, 6)"})
    widget = {
        "type": "Basic",
        "children": [
            {"type": "Card", "children": [themed_text]},
            {"type": "Card", "theme": "dark", "children": [themed_text]},
        ],
    }
    harness.render(widget, theme="light")
    assert bg(harness, "/children/0") == "rgb(255, 255, 255)"
    assert bg(harness, "/children/1") != "rgb(255, 255, 255)"
    color = "e => getComputedStyle(e).color"
    assert harness.at("/children/0/children/0").evaluate(color) == "rgb(1, 2, 3)"
    assert harness.at("/children/1/children/0").evaluate(color) == "rgb(4, 5, 6)"
    harness.render(widget, theme="dark")
    assert bg(harness, "/children/0") == bg(harness, "/children/1")
    assert harness.at("/children/0/children/0").evaluate(color) == "rgb(4, 5, 6)"
    assert harness.errors == []

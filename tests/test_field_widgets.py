"""Rules written from ChatKit's documented semantics, tried on widgets like the ones found in the
field (OpenAI's sample apps, the SDK's own helpers, model output): what ChatKit renders as meant
passes clean; the real mistakes are caught with a pointer and a fix.

The docs quoted (widgetkit/catalog/sources.py): form values "are automatically injected into every
action triggered inside that form"; an asForm Card passes "collected fields to the Card's
`confirm` action"; forms use "basic native form validation".
"""

from __future__ import annotations

from typing import Any

import pytest

from widgetkit import Diagnostic, validate

Payload = dict[str, Any]


def codes(payload: object, **kw: Any) -> list[tuple[str, str]]:
    return [(d.code, d.path) for d in validate(payload, **kw)]


def only(payload: object, code: str) -> Diagnostic:
    found = [d for d in validate(payload) if d.code == code]
    assert len(found) == 1, validate(payload)
    return found[0]


def act(kind: str, **payload: Any) -> Payload:
    return {"type": kind, "payload": payload} if payload else {"type": kind}


# -- real-looking widgets that must pass clean -------------------------------------------------


TODO_FORM: Payload = {
    # The docs' own form: editable Texts and a submit Button inside a Form.
    "type": "Card",
    "children": [
        {
            "type": "Form",
            "direction": "col",
            "onSubmitAction": act("update_todo", id="t-1"),
            "children": [
                {"type": "Title", "value": "Edit Todo"},
                {"type": "Text", "value": "Title", "color": "secondary", "size": "sm"},
                {
                    "type": "Text",
                    "value": "Buy milk",
                    "editable": {"name": "title", "required": True},
                },
                {"type": "Text", "value": "Description", "color": "secondary", "size": "sm"},
                {"type": "Text", "value": "2 litres", "editable": {"name": "description"}},
                {"type": "Button", "label": "Save", "submit": True},
            ],
        }
    ],
}

BOOKING_FORM: Payload = {
    # No onSubmitAction: the button's own action carries the form's values.
    "type": "Card",
    "size": "md",
    "children": [
        {
            "type": "Form",
            "children": [
                {"type": "Label", "value": "Guests", "fieldName": "booking.guests"},
                {
                    "type": "Select",
                    "name": "booking.guests",
                    "defaultValue": "2",
                    "options": [{"value": str(n), "label": f"{n} guests"} for n in (1, 2, 3, 4)],
                },
                {"type": "Label", "value": "Date", "fieldName": "booking.date"},
                {
                    "type": "DatePicker",
                    "name": "booking.date",
                    "min": "2025-03-01",
                    "max": "2025-03-31",
                    "defaultValue": "2025-03-14T19:30:00Z",
                },
                {
                    "type": "RadioGroup",
                    "name": "booking.seating",
                    "ariaLabel": "Seating",
                    "defaultValue": "inside",
                    "options": [
                        {"value": "inside", "label": "Inside"},
                        {"value": "terrace", "label": "Terrace"},
                    ],
                },
                {
                    "type": "Row",
                    "children": [
                        {"type": "Button", "label": "Book", "onClickAction": act("booking.create")},
                        {"type": "Button", "label": "Later", "variant": "outline",
                         "onClickAction": act("booking.remind", after="1d")},
                    ],
                },
            ],
        }
    ],
}  # fmt: skip

DRAFT_CARD: Payload = {
    # An asForm Card whose confirm receives the fields.
    "type": "Card",
    "asForm": True,
    "status": {"text": "Draft", "icon": "write"},
    "confirm": {"label": "Send", "action": act("email.send", draft="d-9")},
    "cancel": {"label": "Discard", "action": act("email.discard", draft="d-9")},
    "children": [
        {
            "type": "Input",
            "name": "to",
            "inputType": "email",
            "placeholder": "To",
            "required": True,
        },
        {"type": "Input", "name": "subject", "placeholder": "Subject", "pattern": "[^\\n]{1,120}"},
        {"type": "Textarea", "name": "body", "placeholder": "Message", "rows": 6},
    ],
}

SENT_CARD: Payload = {
    # The same card once sent: collapsed, no confirm (the SDK's own sample states look so).
    "type": "Card",
    "asForm": True,
    "collapsed": True,
    "status": {"text": "Sent", "icon": "check-circle"},
    "children": [
        {"type": "Input", "name": "to", "placeholder": "To", "defaultValue": "ada@example.com"},
        {"type": "Textarea", "name": "body", "placeholder": "Message", "defaultValue": "Hi"},
    ],
}

TASK_LIST: Payload = {
    "type": "ListView",
    "limit": 3,
    "status": {"text": "Tasks", "favicon": "https://example.com/favicon.png"},
    "children": [
        {
            "type": "ListViewItem",
            "key": f"task-{i}",
            "onClickAction": act("task.open", id=i),
            "children": [
                {"type": "Text", "value": f"Task {i}", "weight": "medium"},
                # Done tasks animate their due date away by leaving the child out.
                {"type": "Transition"}
                if i % 2
                else {"type": "Transition", "children": {"type": "Caption", "value": "Due today"}},
            ],
        }
        for i in range(5)
    ],
}

STYLED_CARD: Payload = {
    # Backgrounds go to CSS as they are: images, every CSS Color 4 form.
    "type": "Card",
    "background": "center / cover no-repeat url(https://example.com/hero.jpg)",
    "children": [
        {"type": "Box", "background": "linear-gradient(135deg, #fff6d9 0%, #ceb0fb 100%)",
         "children": [{"type": "Title", "value": "Hello", "color": "rebeccapurple"}]},
        {"type": "Box", "background": "oklch(70% 0.1 250)",
         "children": [{"type": "Text", "value": "a", "color": "hsl(210 40% 50%)"}]},
        {"type": "Box", "background": "color-mix(in srgb, red 40%, white)",
         "children": [{"type": "Icon", "name": "lucide:alarm-clock", "color": "CanvasText"}]},
        {"type": "Image", "src": "https://example.com/a.png", "alt": "A cat", "key": "a"},
        {"type": "Image", "src": "/b.png", "alt": "", "key": "b"},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    "widget", [TODO_FORM, BOOKING_FORM, DRAFT_CARD, SENT_CARD, TASK_LIST],
    ids=["todo", "booking", "draft", "sent", "tasks"],
)  # fmt: skip
def test_real_looking_widgets_pass_clean(widget: Payload) -> None:
    for runtime in (None, "js", "python"):
        assert validate(widget, runtime=runtime) == [], runtime  # type: ignore[arg-type]


def test_css_backgrounds_and_colour_4_forms_pass() -> None:
    # CanvasText is a CSS system colour: a warning (not an error) is all it may get.
    assert [d.code for d in validate(STYLED_CARD)] == ["bad-color"]


# -- forms -------------------------------------------------------------------------------------


def test_a_form_with_no_fields_is_nothing_to_report() -> None:
    payload = {"type": "Card", "children": [{"type": "Form", "children": []}], "asForm": True}
    assert validate(payload) == []


def test_fields_that_no_action_carries_are_a_warning() -> None:
    payload = {
        "type": "Card",
        "children": [{"type": "Form", "children": [{"type": "Input", "name": "q", "placeholder": "Q"}]}],
    }  # fmt: skip
    d = only(payload, "no-submit")
    assert (d.path, d.severity) == ("/children/0", "warning")
    assert "onSubmitAction" in d.hint and "onClickAction" in d.hint


def test_a_control_action_inside_the_form_carries_its_values() -> None:
    select = {"type": "Select", "name": "sort", "placeholder": "Sort", "options": [],
              "onChangeAction": act("list.sort")}  # fmt: skip
    assert validate({"type": "Card", "asForm": True, "children": [select]}) == []


def test_fields_in_a_card_with_confirm_but_no_as_form_are_an_error() -> None:
    payload = {
        "type": "Card",
        "confirm": {"label": "Save", "action": act("save")},
        "children": [
            {"type": "Input", "name": "title", "placeholder": "Title"},
            {"type": "Text", "value": "x", "editable": {"name": "note"}},
        ],
    }
    d = only(payload, "confirm-not-form")
    assert (d.path, d.severity) == ("", "error")
    assert "/children/0" in d.message and "/children/1" in d.message
    assert d.hint == 'add "asForm": true to the Card'
    payload["asForm"] = True
    assert validate(payload) == []


def test_a_form_inside_a_confirm_card_keeps_its_own_fields() -> None:
    form = {"type": "Form", "onSubmitAction": act("go"),
            "children": [{"type": "Input", "name": "q", "placeholder": "Q"}]}  # fmt: skip
    payload = {"type": "Card", "confirm": {"label": "OK", "action": act("ok")}, "children": [form]}
    assert validate(payload) == []


# -- options and dates -------------------------------------------------------------------------


def _select(**props: Any) -> Payload:
    options = [{"value": "s", "label": "Small"}, {"value": "m", "label": "Medium"}]
    return {"type": "Card", "children": [
        {"type": "Select", "name": "size", "placeholder": "Size", "options": options, **props}]}  # fmt: skip


def test_a_default_value_must_be_an_options_value() -> None:
    d = only(_select(defaultValue="Medium"), "bad-option")
    assert (d.path, d.severity) == ("/children/0/defaultValue", "error")
    assert '"Medium"' in d.message and '"s", "m"' in d.message
    assert "value (not its label)" in d.hint
    d = only(_select(defaultValue="mm"), "bad-option")
    assert d.hint.startswith('did you mean "m"?')


def test_duplicate_option_values_are_an_error() -> None:
    radio = {"type": "RadioGroup", "name": "r", "ariaLabel": "R",
             "options": [{"value": "a", "label": "A"}, {"value": "a", "label": "B"}]}  # fmt: skip
    d = only({"type": "Card", "children": [radio]}, "bad-option")
    assert d.path == "/children/0/options/1/value"
    assert "option 0" in d.message


def _picker(**props: Any) -> Payload:
    return {"type": "Card", "children": [{"type": "DatePicker", "name": "d", "placeholder": "D", **props}]}  # fmt: skip


def test_date_picker_min_after_max_and_a_default_outside_them() -> None:
    d = only(_picker(min="2025-04-01", max="2025-03-01"), "bad-value")
    assert (d.path, d.severity) == ("/children/0/min", "error")
    assert d.hint == "swap min and max"
    d = only(_picker(min="2025-03-01", max="2025-03-31", defaultValue="2025-04-02"), "bad-value")
    assert d.path == "/children/0/defaultValue"
    assert (
        validate(_picker(min="2025-03-01", max="2025-03-31T23:59", defaultValue="2025-03-31T12:00"))
        == []
    )


@pytest.mark.parametrize(
    "value", ["20250314", "2025-W11-5", "2025-073", "2025-03-14 09:30", "2025-02-30"]
)
def test_dates_javascripts_date_cannot_read_are_bad_dates(value: str) -> None:
    d = only(_picker(defaultValue=value), "bad-date")
    assert d.path == "/children/0/defaultValue"
    assert "compact or week dates" in d.hint


# -- keys, payloads, images, lists -------------------------------------------------------------


def test_duplicate_keys_among_siblings() -> None:
    payload = {"type": "ListView", "children": [
        {"type": "ListViewItem", "key": "a", "children": [{"type": "Text", "value": "1"}]},
        {"type": "ListViewItem", "key": "a", "children": [{"type": "Text", "value": "2"}]}]}  # fmt: skip
    d = only(payload, "duplicate-key")
    assert (d.path, d.severity) == ("/children/1/key", "error")
    assert "/children/0" in d.message


@pytest.mark.parametrize("payload", [["a", "b"], "id-7", 7])
def test_an_action_payload_must_be_an_object(payload: object) -> None:
    button = {"type": "Button", "label": "Go", "onClickAction": {"type": "go", "payload": payload}}
    d = only({"type": "Card", "children": [button]}, "wrong-type")
    assert d.path == "/children/0/onClickAction/payload"
    assert "merges the form's values into it" in d.hint


def test_an_action_written_as_a_bare_string_shows_the_object() -> None:
    button = {"type": "Button", "label": "Order", "onClickAction": "submit_order"}
    d = only({"type": "Card", "children": [button]}, "wrong-type")
    assert d.hint == 'write the action as an object: {"type": "submit_order"}'


@pytest.mark.parametrize("src", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x"])
def test_a_script_url_is_an_error(src: str) -> None:
    d = only({"type": "Card", "children": [{"type": "Image", "src": src, "alt": ""}]}, "unsafe-url")
    assert (d.path, d.severity) == ("/children/0/src", "error")
    bg = {"type": "Card", "background": f"url('{src}')", "children": []}
    assert only(bg, "unsafe-url").path == "/background"


def test_an_empty_image_src_is_an_error() -> None:
    d = only({"type": "Card", "children": [{"type": "Image", "src": " ", "alt": ""}]}, "bad-value")
    assert d.path == "/children/0/src"


@pytest.mark.parametrize("limit", [0, -2])
def test_a_list_limit_below_one_is_an_error(limit: int) -> None:
    d = only({"type": "ListView", "limit": limit, "children": []}, "bad-value")
    assert d.path == "/limit"


# -- hints a person or a model can follow ------------------------------------------------------


CARD = '{"type": "Card", "children": [{"type": "Text", "value": "Hi"}]}'


@pytest.mark.parametrize(
    ("payload", "hint"),
    [
        (CARD, "this is a string holding JSON: parse it first"),
        (f"```json\n{CARD}\n```", "strip the Markdown code fence"),
        ({"widget": {"type": "Card", "children": []}}, 'unwrap it: validate and send payload["widget"]'),
        ({"card": CARD}, 'unwrap it: validate and send payload["card"]'),
        ([{"type": "Text", "value": "a"}], "pass one widget object, not a list"),
    ],
)  # fmt: skip
def test_the_root_says_how_to_get_at_the_widget(payload: object, hint: str) -> None:
    [d] = validate(payload)
    assert (d.code, d.path, d.severity) == ("not-object", "", "error")
    assert d.hint.startswith(hint)


@pytest.mark.parametrize(
    ("node", "path", "hint"),
    [
        ({"type": "Heading", "value": "x"}, "/children/0/type", 'did you mean "Title"?'),
        ({"type": "Text", "content": "x", "value": "x"}, "/children/0/content", 'did you mean "value"?'),
        ({"type": "Button", "text": "Go"}, "/children/0/text", 'did you mean "label"?'),
        ({"type": "Text", "value": "x", "size": "medium"}, "/children/0/size", 'did you mean "md"?'),
        ({"type": "Title", "value": "x", "size": "6xl"}, "/children/0/size", 'did you mean "5xl"?'),
        ({"type": "Button", "label": "x", "variant": "filled"}, "/children/0/variant", 'did you mean "solid"?'),
        ({"type": "Image", "src": "a.png", "alt": "", "fit": "object-cover"}, "/children/0/fit", 'did you mean "cover"?'),
        ({"type": "Row", "align": "top"}, "/children/0/align", 'did you mean "start"?'),
        ({"type": "Icon", "name": "gear"}, "/children/0/name", 'did you mean "settings-slider"?'),
    ],
)  # fmt: skip
def test_did_you_mean_goes_by_meaning(node: Payload, path: str, hint: str) -> None:
    found = [d for d in validate({"type": "Card", "children": [node]}) if d.severity == "error"]
    assert [d.path for d in found] == [path], found
    assert found[0].hint.startswith(hint)

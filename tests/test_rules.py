"""Unit tests for the tree rules (`widgetkit.rules`): ids, forms, labels, accessibility."""

from __future__ import annotations

from typing import Any

from widgetkit import Diagnostic, validate

Payload = dict[str, Any]
SUBMIT = {"type": "Button", "label": "Save", "submit": True}
ACTION = {"type": "save"}


def card(*children: Payload, **props: Any) -> Payload:
    return {"type": "Card", "children": list(children), **props}


def form(*children: Payload, **props: Any) -> Payload:
    return {"type": "Form", "children": list(children), **props}


def field(name: str, kind: str = "Input", **props: Any) -> Payload:
    extra: dict[str, Any] = {"placeholder": name} if kind in ("Input", "Textarea") else {}
    if kind == "Select":
        extra = {"options": [{"value": "a", "label": "A"}], "placeholder": name}
    return {"type": kind, "name": name, **extra, **props}


def found(payload: Payload, code: str) -> list[Diagnostic]:
    return [d for d in validate(payload) if d.code == code]


def test_a_well_formed_form_has_no_diagnostics() -> None:
    payload = card(
        form(
            {"type": "Label", "value": "Email", "fieldName": "email"},
            field("email"),
            field("note", "Textarea"),
            {"type": "Checkbox", "name": "agree", "label": "I agree"},
            SUBMIT,
            onSubmitAction=ACTION,
        )
    )
    assert validate(payload) == []


# -- ids ---------------------------------------------------------------------------------------


def test_a_duplicate_id_points_at_the_second_use_and_names_the_first() -> None:
    payload = card(
        {"type": "Text", "value": "a", "id": "t"}, {"type": "Text", "value": "b", "id": "t"}
    )
    [d] = found(payload, "duplicate-id")
    assert (d.path, d.severity) == ("/children/1/id", "error")
    assert '"t"' in d.message and "/children/0" in d.message
    assert "its own value" in d.hint


def test_the_root_id_is_named_as_slash() -> None:
    payload = card({"type": "Text", "value": "a", "id": "x"}, id="x")
    [d] = found(payload, "duplicate-id")
    assert d.path == "/children/0/id"
    assert "already used at /" in d.message


def test_unique_ids_and_equal_keys_in_different_parents_are_fine() -> None:
    payload = card(
        {"type": "Row", "children": [{"type": "Text", "value": "a", "id": "a", "key": "k"}]},
        {"type": "Row", "children": [{"type": "Text", "value": "b", "id": "b", "key": "k"}]},
    )
    assert validate(payload) == []


# -- field names -------------------------------------------------------------------------------


def test_duplicate_field_names_in_a_form() -> None:
    payload = card(form(field("email"), field("email", "Textarea"), SUBMIT, onSubmitAction=ACTION))
    [d] = found(payload, "duplicate-field")
    assert (d.path, d.severity) == ("/children/0/children/1", "error")
    assert '"email"' in d.message and "/children/0/children/0" in d.message
    assert "its own name" in d.hint


def test_duplicate_field_names_in_an_as_form_card_include_editable_text() -> None:
    editable = {"type": "Text", "value": "x", "editable": {"name": "title"}}
    payload = card(field("title"), editable, asForm=True, confirm={"label": "OK", "action": ACTION})
    [d] = found(payload, "duplicate-field")
    assert d.path == "/children/1"


def test_the_same_field_name_in_two_forms_or_outside_forms_is_fine() -> None:
    payload = card(
        form(field("q"), SUBMIT, onSubmitAction=ACTION),
        form(field("q"), SUBMIT, onSubmitAction=ACTION),
        field("q"),
        field("q"),
    )
    assert found(payload, "duplicate-field") == []


def test_an_icons_name_is_not_a_field() -> None:
    payload = card(
        form(
            {"type": "Icon", "name": "star"},
            {"type": "Icon", "name": "star"},
            onSubmitAction=ACTION,
        )
    )
    assert validate(payload) == []


# -- labels ------------------------------------------------------------------------------------


def test_a_label_must_name_a_field_with_did_you_mean() -> None:
    payload = card(
        form(
            {"type": "Label", "value": "Email", "fieldName": "emial"},
            field("email"),
            SUBMIT,
            onSubmitAction=ACTION,
        )
    )
    [d] = found(payload, "label-field")
    assert (d.path, d.severity) == ("/children/0/children/0/fieldName", "error")
    assert '"emial"' in d.message
    assert d.hint == 'did you mean "email"?'


def test_a_label_naming_nothing_close_asks_for_a_field() -> None:
    [d] = found(card({"type": "Label", "value": "X", "fieldName": "zzz"}), "label-field")
    assert d.hint == "name a field of this widget"


def test_a_label_may_name_a_field_defined_after_it_or_an_editable_text() -> None:
    payload = card(
        {"type": "Label", "value": "T", "fieldName": "title"},
        {"type": "Label", "value": "D", "fieldName": "due"},
        {"type": "Text", "value": "x", "editable": {"name": "title"}},
        {"type": "DatePicker", "name": "due"},
    )
    assert found(payload, "label-field") == []


# -- submitting --------------------------------------------------------------------------------


def test_fields_in_a_form_with_no_action_anywhere_are_a_warning() -> None:
    # docs-forms: values go with every action inside the form; none here, so they go nowhere.
    [d] = found(card(form(field("q"), SUBMIT)), "no-submit")
    assert (d.path, d.severity) == ("/children/0", "warning")
    assert "onSubmitAction" in d.message
    assert "onSubmitAction=action(" in d.hint


def test_a_form_nested_in_a_form_with_an_action_may_omit_its_own() -> None:
    payload = card(form(form(field("q")), SUBMIT, onSubmitAction=ACTION))
    assert found(payload, "no-submit") == []


def test_an_as_form_card_without_confirm_or_any_action_is_a_warning() -> None:
    [d] = found(card(field("q"), asForm=True), "no-submit")
    assert (d.path, d.severity) == ("", "warning")
    assert "confirm" in d.message and "confirm=" in d.hint


def test_a_form_whose_button_sends_the_action_needs_no_submit() -> None:
    button = {"type": "Button", "label": "Go", "onClickAction": ACTION}
    assert validate(card(form(field("q"), button))) == []
    assert validate(card(form(field("q"), onSubmitAction=ACTION))) == []


def test_a_submit_button_outside_any_form_is_a_warning() -> None:
    [d] = found(card(SUBMIT), "no-submit")
    assert (d.path, d.severity) == ("/children/0/submit", "warning")
    assert "Form" in d.hint


# -- accessibility -----------------------------------------------------------------------------


def test_an_image_without_alt_is_a_warning() -> None:
    [d] = found(card({"type": "Image", "src": "a.png"}), "a11y-alt")
    assert (d.path, d.severity) == ("/children/0", "warning")
    assert 'alt="' in d.hint
    assert found(card({"type": "Image", "src": "a.png", "alt": "A cat"}), "a11y-alt") == []


def test_an_icon_only_or_empty_button_is_a_warning() -> None:
    payload = card({"type": "Button", "iconStart": "star"}, {"type": "Button"})
    icon, empty = found(payload, "a11y-label")
    assert (icon.path, icon.severity) == ("/children/0", "warning")
    assert "icon-only" in icon.message
    assert empty.path == "/children/1" and "neither a label nor an icon" in empty.message
    assert icon.hint == 'add label="…"'


def test_controls_need_a_label_a_placeholder_or_their_own_text() -> None:
    payload = card(
        {"type": "Input", "name": "a"},
        {"type": "Checkbox", "name": "b"},
        {"type": "RadioGroup", "name": "c"},
        {"type": "DatePicker", "name": "d"},
    )
    by_path = {d.path: d for d in found(payload, "a11y-label")}
    assert set(by_path) == {"/children/0", "/children/1", "/children/2", "/children/3"}
    assert all(d.severity == "warning" for d in by_path.values())
    assert "Input has neither a Label nor a placeholder" in by_path["/children/0"].message
    assert by_path["/children/0"].hint == 'add Label("…", fieldName="a") or a placeholder'
    assert "Checkbox has neither a Label nor a label" in by_path["/children/1"].message
    assert "ariaLabel" in by_path["/children/2"].message


def test_a_label_placeholder_or_aria_label_satisfies_the_lint() -> None:
    payload = card(
        {"type": "Label", "value": "A", "fieldName": "a"},
        {"type": "Input", "name": "a"},
        {"type": "Input", "name": "b", "placeholder": "B"},
        {"type": "Checkbox", "name": "c", "label": "C"},
        {"type": "RadioGroup", "name": "d", "ariaLabel": "D"},
    )
    assert found(payload, "a11y-label") == []

"""`.widget` files written the way an older Widget Studio exporter wrote them: `"children": []` on
every leaf, bare `{{ x | tojson }}`, loops with trailing commas, and leftovers of the editor's JSX
(`undefined`, a map() index). ChatKit reads `"children": []` on a leaf as no children, so these
render, validate and convert clean, and the leftovers get hints that name the Jinja fix."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.templates.conftest import strip_empty_children
from tests.templates.test_convert import load_builder
from widgetkit import validate
from widgetkit.convert import ConvertError, convert_widget
from widgetkit.templates import TemplateError, discover_widget_file, loads_widget

ORDER = """{
  "type": "Card",
  "size": "md",
  "children": [
    {"type": "Row", "children": [
      {"type": "Title", "value": {{ title | tojson }}, "children": []},
      {"type": "Spacer", "children": []},
      {"type": "Badge", "label": {{ status | tojson }}, "color": "success", "children": []}
    ]},
    {%- for item in items %}
    {"type": "Row", "key": {{ item.id | tojson }}, "children": [
      {"type": "Text", "value": {{ item.name | tojson }}, "children": []},
      {"type": "Spacer", "children": []},
      {"type": "Text", "value": {{ item.price | tojson }}, "weight": "semibold", "children": []}
    ]},
    {%- endfor %}
    {"type": "Divider", "children": []},
    {"type": "Button", "label": "Pay", "style": "primary",
     "onClickAction": {"type": "order.pay", "payload": {"id": {{ id | tojson }}}}, "children": []}
  ]
}"""
ORDER_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "price": {"type": "string"},
                },
                "required": ["id", "name", "price"],
            },
        },
    },
    "required": ["id", "title", "status", "items"],
}
ORDER_DATA = {
    "id": "A-17",
    "title": "Order A-17",
    "status": "Paid",
    "items": [
        {"id": "i1", "name": "Coffee beans", "price": "$18.00"},
        {"id": "i2", "name": "Filter papers", "price": "$4.50"},
    ],
}

RSVP = """{
  "type": "Card",
  "asForm": true,
  "confirm": {"label": "Reply", "action": {"type": "rsvp.send", "payload": {"event": {{ event | tojson }}}}},
  "cancel": {"label": "Not now", "action": {"type": "rsvp.dismiss"}},
  "children": [
    {"type": "Title", "value": {{ ("RSVP: " ~ event) | tojson }}, "size": "sm", "children": []},
    {"type": "Label", "value": "Your name", "fieldName": "guest.name", "children": []},
    {"type": "Input", "name": "guest.name", "placeholder": "Ada Lovelace", "required": true, "children": []},
    {"type": "Select", "name": "guest.count", "placeholder": "Guests", "defaultValue": "1",
     "options": [{%- for n in counts %}{"value": {{ (n | string) | tojson }}, "label": {{ (n ~ " guests") | tojson }}}{% if not loop.last %},{% endif %}{%- endfor %}],
     "children": []},
    {"type": "Checkbox", "name": "guest.vegetarian", "label": "Vegetarian", "children": []}
  ]
}"""
RSVP_SCHEMA = {
    "type": "object",
    "properties": {
        "event": {"type": "string"},
        "counts": {"type": "array", "items": {"type": "integer"}},
    },
    "required": ["event", "counts"],
}
RSVP_DATA = {"event": "Launch party", "counts": [1, 2, 3]}

FILES = {"order": (ORDER, ORDER_SCHEMA, ORDER_DATA), "rsvp": (RSVP, RSVP_SCHEMA, RSVP_DATA)}


def older_export(template: str, schema: dict[str, Any], data: Any, preview: Any) -> str:
    editor = {"defaultState": data, "view": "<Card>…</Card>", "schema": "z.object({})"}
    encoded = base64.urlsafe_b64encode(json.dumps(editor).encode()).decode().rstrip("=")
    doc = {
        "version": "1.0",
        "name": "Older export",
        "template": template,
        "jsonSchema": {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
        "outputJsonPreview": preview,
        "encodedWidget": encoded,
    }
    return json.dumps(doc)


def write(tmp_path: Path, name: str, *, preview_has_empty_children: bool) -> Path:
    template, schema, data = FILES[name]
    rendered = loads_widget(older_export(template, schema, data, None)).render()
    preview = rendered if preview_has_empty_children else strip_empty_children(rendered)
    path = tmp_path / f"{name}.widget"
    path.write_text(older_export(template, schema, data, preview), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("preview_has_empty_children", [True, False])
def test_older_exports_render_validate_and_match_their_preview_clean(
    name: str, preview_has_empty_children: bool, tmp_path: Path
) -> None:
    path = write(tmp_path, name, preview_has_empty_children=preview_has_empty_children)
    [found] = discover_widget_file(path)
    assert found.diagnostics == []  # no preview drift for `"children": []` on a leaf
    assert '"children": []' in json.dumps(found.payload)  # kept as rendered, as chatkit does
    assert validate(found.payload) == []
    assert validate(found.payload, runtime="js") == []


@pytest.mark.parametrize("name", FILES)
def test_convert_accepts_them_and_the_builder_reproduces_the_render(
    name: str, tmp_path: Path
) -> None:
    path = write(tmp_path, name, preview_has_empty_children=True)
    result = convert_widget(path)
    assert '"children"' not in result.source
    builder = load_builder(result.source, tmp_path, result.builder)
    template, schema, data = FILES[name]
    rendered = loads_widget(older_export(template, schema, data, None)).render(data)
    assert builder(**data).to_dict() == strip_empty_children(rendered)


def _render_error(template: str, data: dict[str, Any]) -> str:
    wf = loads_widget(older_export(template, {"type": "object"}, data, None))
    with pytest.raises(TemplateError) as raised:
        wf.render(data)
    [d] = raised.value.diagnostics
    assert d.code == "missing-variable"
    return d.hint


def test_a_template_reading_javascripts_undefined_is_told_to_use_none() -> None:
    template = '{"type": "Card", "children": [{"type": "Text", "value": "x", "color": {{ undefined | tojson }}}]}'
    assert "in Jinja write `none`" in _render_error(template, {})


def test_a_jsx_map_index_is_told_to_use_loop_index0() -> None:
    template = (
        '{"type": "ListView", "children": [{% for item in items %}'
        '{"type": "ListViewItem", "key": {{ ("row-" ~ index) | tojson }}, "children": '
        '[{"type": "Text", "value": {{ item | tojson }}}]}{% if not loop.last %},{% endif %}'
        "{% endfor %}]}"
    )
    assert "write `loop.index0`" in _render_error(template, {"items": ["a", "b"]})
    # A variable of the data that is merely absent keeps the ordinary hint.
    plain = '{"type": "Card", "children": [{"type": "Text", "value": {{ title | tojson }}}]}'
    assert _render_error(plain, {}).startswith("add `title` to the data")


def test_convert_refuses_a_constant_part_that_can_never_validate() -> None:
    template = """{"type": "Card", "children": [
      {"type": "Title", "value": {{ title | tojson }}, "size": "6xl"}
    ]}"""
    schema = {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}
    wf = loads_widget(older_export(template, schema, {"title": "x"}, None))
    with pytest.raises(ConvertError) as raised:
        convert_widget(wf)
    message = str(raised.value)
    assert "The Title at template line 2 can never validate" in message
    assert '"6xl" is not a TitleSize token' in message and 'did you mean "5xl"' in message
    missing = '{"type": "Card", "children": [{"type": "Badge", "color": "info"}]}'
    with pytest.raises(ConvertError, match="Badge needs 'label'"):
        convert_widget(loads_widget(older_export(missing, {"type": "object"}, {}, None)))

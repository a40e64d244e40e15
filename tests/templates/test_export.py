"""Builders export to `.widget` files that openai-chatkit renders exactly as the builder does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.templates import bound
from widgetkit.cli import main
from widgetkit.export import ExportError, export_widget
from widgetkit.templates import load_widget
from widgetkit.widget import Widget

TEXT = st.text(max_size=8)


def chatkit_build(doc: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    from chatkit.widgets import WidgetTemplate

    out: dict[str, Any] = WidgetTemplate(doc).build(data).model_dump(exclude_none=True)
    return out


def check(w: Widget[Any, Any], doc: dict[str, Any], data: dict[str, Any]) -> None:
    assert chatkit_build(doc, data) == w(**data).to_dict()


LINE = st.fixed_dictionaries(
    {"id": TEXT, "label": TEXT, "color": st.sampled_from(["blue-500", "orange-500", "purple-500"])}
)
LINE_DOC = export_widget(bound.line_select)
ORDER_DOC = export_widget(bound.order_summary)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=4, unique_by=lambda d: d["id"]), st.none() | TEXT)
def test_exported_loops_and_conditions_render_as_the_builder(
    items: list[Any], selected: str | None
) -> None:
    check(bound.line_select, LINE_DOC, {"items": items, "selected": selected})


@settings(max_examples=80, deadline=None)
@given(
    TEXT,
    st.floats(allow_nan=False, allow_infinity=False) | st.integers(),
    st.booleans(),
    st.lists(TEXT, max_size=3),
)
def test_exported_text_joins_and_values_render_as_the_builder(
    order: str, total: float, paid: bool, tags: list[str]
) -> None:
    check(
        bound.order_summary, ORDER_DOC, {"order": order, "total": total, "paid": paid, "tags": tags}
    )


def test_the_export_holds_version_schema_preview_and_sample() -> None:
    doc = LINE_DOC
    assert doc["version"] == "1.0"
    assert doc["jsonSchema"]["properties"]["selected"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}]
    }
    item = doc["jsonSchema"]["properties"]["items"]["items"]
    assert item["properties"]["color"] == {"enum": ["blue-500", "orange-500", "purple-500"]}
    assert item["required"] == ["id", "label", "color"]
    sample = bound.line_select.samples["none"]
    assert doc["outputJsonPreview"] == bound.line_select(**sample).to_dict()
    assert "{% for item in items %}" in doc["template"]


def test_the_exported_file_loads_back_with_its_sample(tmp_path: Path) -> None:
    out = tmp_path / "order.widget"
    assert main(["export", "tests.templates.bound:order_summary", "-o", str(out)]) == 0
    wf = load_widget(out)
    assert wf.sample == bound.order_summary.samples["paid"]
    assert wf.render() == wf.preview
    assert wf.drift(wf.render()) == []
    from chatkit.widgets import WidgetTemplate

    built = WidgetTemplate.from_file(str(out)).build(wf.sample).model_dump(exclude_none=True)
    assert built == json.loads(out.read_text())["outputJsonPreview"]


@pytest.mark.parametrize(
    ("builder", "words"),
    [
        (bound.fstring_card, ["`name`", "f-string", "join("]),
        (bound.if_card, ["`paid`", "`if`", "when("]),
        (bound.loop_card, ["`names`", "loop", "each("]),
    ],
)
def test_builders_without_binding_helpers_get_a_clear_error(
    builder: Widget[Any, Any], words: list[str]
) -> None:
    with pytest.raises(ExportError) as caught:
        export_widget(builder)
    for word in words:
        assert word in str(caught.value)


def test_export_reports_errors_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.widget"
    assert main(["export", "tests.templates.bound:if_card", "-o", str(out)]) == 1
    assert "cannot become a template" in capsys.readouterr().err
    assert not out.exists()

"""`widgetkit convert`: a `.widget` file becomes a builder whose output equals the template's."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from mypy import api

from tests.templates.conftest import CORPUS, OWN_CORPUS, strip_empty_children
from tests.templates.test_corpus import HAND_WRITTEN_DATA, PYTHON_TEST_DATA
from tests.templates.test_own_corpus import data_for
from widgetkit import WidgetError, validate
from widgetkit.cli import main
from widgetkit.convert import ConvertError, convert_widget
from widgetkit.templates import TemplateError, WidgetFile, load_widget, loads_widget
from widgetkit.widget import Widget

ADVANCED = CORPUS / "chatkit-advanced-samples"
METRO = ADVANCED / "metro-map__line_select.widget"
EVENTS = ADVANCED / "news-guide__event_list.widget"
# The own corpus's files but one, which convert refuses (tested below), then the external ones.
OWN = {p.stem: p for p in sorted(OWN_CORPUS.glob("*.widget"))}
REFUSED = {"missing_variable"}
CONVERTIBLE = [p for stem, p in OWN.items() if stem not in REFUSED] + sorted(
    p for p in CORPUS.glob("*/*.widget") if p != METRO
)


def external(path: Path, *values: Any) -> Any:
    """A test case, marked `corpus` when it reads the external corpus."""
    marks = [pytest.mark.corpus] if path.is_relative_to(CORPUS) else []
    return pytest.param(path, *values, marks=marks, id="-".join([path.name, *values[:1]]))


def data_sets(path: Path) -> list[tuple[str, dict[str, Any] | None]]:
    if path.parent == OWN_CORPUS:
        return [("sample" if load_widget(path).sample else "hand-written", data_for(path))]
    return [
        ("sample", load_widget(path).sample),
        ("hand-written", HAND_WRITTEN_DATA.get(path.name)),
        ("chatkit-python", PYTHON_TEST_DATA.get(path.name)),
    ]


# Every corpus file with every data set it renders: its sample, the hand-written files' data and
# the data chatkit-python's own test passes.
CASES = [
    external(path, label, data)
    for path in CONVERTIBLE
    for label, data in data_sets(path)
    if data is not None
]


def load_builder(source: str, where: Path, name: str) -> Widget[Any, Any]:
    path = where / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"converted_{name}_{id(where)}", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    builder = getattr(module, name)
    assert isinstance(builder, Widget)
    return builder


def convert_and_load(wf: WidgetFile | Path, where: Path) -> Widget[Any, Any]:
    result = convert_widget(wf)
    return load_builder(result.source, where, result.builder)


@pytest.mark.parametrize(("path", "label", "data"), CASES)
def test_converted_builder_builds_what_the_template_renders(
    path: Path, label: str, data: dict[str, Any], tmp_path: Path
) -> None:
    builder = convert_and_load(path, tmp_path)
    node = builder(**data)  # the builder checks every node as it makes it
    payload = json.loads(node.to_json())  # and the whole tree here
    assert [d for d in validate(payload) if d.severity == "error"] == []
    # Equal up to the older exporter's `"children": []` on leaves, which a builder leaves out.
    assert payload == strip_empty_children(load_widget(path).render(data))


@pytest.mark.parametrize("path", [external(p) for p in CONVERTIBLE])
def test_the_sample_data_becomes_the_builders_sample(path: Path, tmp_path: Path) -> None:
    wf = load_widget(path)
    result = convert_widget(path)
    builder = load_builder(result.source, tmp_path, result.builder)
    assert result.source.startswith(f'"""{result.builder}: converted from {path.name}')
    assert builder.title == wf.name
    if wf.sample is None:
        assert builder.samples == {}
        assert any("has no sample data" in w for w in result.warnings)
    else:
        assert builder.samples == {"sample": wf.sample}
        assert not any("has no sample data" in w for w in result.warnings)


@pytest.mark.corpus
def test_hand_written_files_convert_with_a_warning_and_no_samples() -> None:
    for name in ("customer-support__flight_options", "customer-support__meal_preferences"):
        result = convert_widget(ADVANCED / f"{name}.widget")
        assert "samples=" not in result.source
        (warning,) = result.warnings
        assert warning.startswith(f"{name}.widget has no sample data")


@pytest.mark.corpus
def test_metro_map_fails_naming_the_key_its_schema_lacks() -> None:
    with pytest.raises(ConvertError) as caught:
        convert_widget(METRO)
    message = str(caught.value)
    assert "`item.name`" in message
    assert "it allows id, label, color" in message
    assert "line 1" in message


def test_empty_children_on_a_leaf_convert() -> None:
    # ChatKit reads `"children": []` on a leaf as no children, so the older exporter's files
    # convert; the builder leaves the empty lists out.
    result = convert_widget(OWN["legacy_children"])
    assert '"children"' not in result.source


@pytest.mark.corpus
def test_event_list_namespace_becomes_a_loop_that_appends(tmp_path: Path) -> None:
    result = convert_widget(EVENTS)
    assert "children: list[ListViewItem] = []" in result.source
    assert "for group in groups:" in result.source
    assert "children.append(item)" in result.source
    assert "return ListView(*children, limit=6)" in result.source
    # The template reads a key its schema forbids; the builder keeps the default and says so.
    assert any("`selectedEventDescription`" in w for w in result.warnings)
    builder = load_builder(result.source, tmp_path, result.builder)
    wf = load_widget(EVENTS)
    assert builder.build().to_dict() == wf.render()


def test_converted_modules_type_check_under_mypy_strict(tmp_path: Path) -> None:
    files = []
    for path in (OWN["team_directory"], OWN["task_list"], OWN["order_status"]):
        result = convert_widget(path)
        out = tmp_path / f"{result.builder}.py"
        out.write_text(result.source, encoding="utf-8")
        files.append(str(out))
    report, errors, status = api.run(["--strict", "--no-incremental", *files])
    assert status == 0, report + errors


def test_a_value_passed_whole_to_a_typed_prop_type_checks(tmp_path: Path) -> None:
    # mypy takes the schema's own TypedDict for Sequence[SelectOption] only if it extends it.
    result = convert_widget(OWN["booking_form"])  # `"options": {{ (rooms) | tojson }}`
    assert "class Room(SelectOption):" in result.source and result.warnings == []
    out = tmp_path / f"{result.builder}.py"
    out.write_text(result.source, encoding="utf-8")
    report, errors, status = api.run(["--strict", "--no-incremental", str(out)])
    assert status == 0, report + errors


def _options_schema(item: dict[str, Any]) -> dict[str, Any]:
    props = {"choices": {"type": "array", "items": {"type": "object", **item}}}
    return {"properties": props, "required": ["choices"]}


OPTIONS = (
    '{"type":"Card","children":[{"type":"Select","name":"pick",'
    '"options":{{ (choices) | tojson }}},{"type":"Text","value":{{ (choices[0].label) | tojson }}}]}'
)


def test_data_with_the_shapes_keys_passed_whole_type_checks(tmp_path: Path) -> None:
    item = {
        "properties": {
            "value": {"type": "string"},
            "label": {"type": "string"},
            "description": {"type": "string"},  # optional, as in a SelectOption
        },
        "required": ["value", "label"],
    }
    wf = widget_file(OPTIONS, _options_schema(item))
    result = convert_widget(wf)
    assert "class Choice(SelectOption):" in result.source
    assert not any("passed whole" in w for w in result.warnings)
    out = tmp_path / "inline.py"
    out.write_text(result.source, encoding="utf-8")
    report, errors, status = api.run(["--strict", "--no-incremental", str(out)])
    assert status == 0, report + errors
    data = {"choices": [{"value": "a", "label": "A", "description": "first"}]}
    builder = load_builder(result.source, tmp_path, result.builder)
    assert builder(**data).to_dict() == wf.render(data)


@pytest.mark.parametrize(
    ("item", "why"),
    [
        ({"properties": {"value": {"type": "integer"}, "label": {"type": "string"}},
          "required": ["value", "label"]}, "its `value` is not a required str, as a SelectOption's is"),
        ({"properties": {"value": {"type": "string"}, "label": {"type": "string"}}},
         "its `value` is not a required str, as a SelectOption's is"),
        ({"properties": {"label": {"type": "string"}}, "required": ["label"]},
         "it lacks `value`, which a SelectOption has"),
        ({"properties": {"value": {"type": "string"}, "label": {"type": "string"},
                         "price": {"type": "number"}}, "required": ["value", "label"]},
         "it has `price`, which a SelectOption has not"),
    ],
)  # fmt: skip
def test_data_whose_keys_are_not_the_shapes_is_named_in_a_warning(
    item: dict[str, Any], why: str
) -> None:
    result = convert_widget(widget_file(OPTIONS, _options_schema(item)))
    assert "class Choice(TypedDict):" in result.source
    (warning,) = [w for w in result.warnings if "passed whole" in w]
    assert warning.startswith("`choices` is passed whole to Select.options")
    assert why in warning


def test_converted_source_is_ruff_formatted_and_lint_clean(tmp_path: Path) -> None:
    import subprocess

    result = convert_widget(OWN["meal_choice"])
    out = tmp_path / "meal_choice.py"
    out.write_text(result.source, encoding="utf-8")
    ruff = [sys.executable, "-m", "ruff"]
    fmt = subprocess.run([*ruff, "format", "--check", str(out)], capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
    lint = subprocess.run(
        [*ruff, "check", "--select", "E,F,W,I,B,UP,RUF", "--ignore", "E501", str(out)],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout


# --- the command -----------------------------------------------------------------------------


def test_convert_command_writes_the_module(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "order.py"
    assert main(["convert", str(OWN["order_status"]), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    builder = load_builder(out.read_text(encoding="utf-8"), tmp_path, "order_status")
    assert builder.build().type == "Card"


def test_convert_command_reports_failures_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stops.py"
    assert main(["convert", str(OWN["missing_variable"]), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("widgetkit convert: ") and "`stop.name`" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_convert_command_prints_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meals.py"
    path = OWN["meal_choice"]
    assert main(["convert", str(path), "-o", str(out), "--name", "meals"]) == 0
    assert "warning: meal_choice.widget has no sample" in capsys.readouterr().err
    assert "def meals(" in out.read_text(encoding="utf-8")


# --- property: generated data renders alike --------------------------------------------------


def from_schema(schema: Any) -> st.SearchStrategy[Any]:
    """Data for the small JSON Schema subset Studio exports (types, enums, anyOf, objects)."""
    if not isinstance(schema, dict) or not schema:
        return st.none()
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(s) for s in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "string":
        return st.text(min_size=schema.get("minLength", 0), max_size=12)
    if kind == "integer":
        return st.integers(
            schema.get("minimum", -(10**6)), min(schema.get("maximum", 10**6), 10**6)
        )
    if kind == "number":
        return st.floats(-1e6, 1e6, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(schema.get("items")), max_size=3)
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    # Optional keys are usually present: Studio templates often read them bare, and a missing
    # one then fails the template (so the example is discarded).
    return st.fixed_dictionaries(
        {k: from_schema(v) for k, v in props.items() if k in required},
        optional={k: from_schema(v) for k, v in props.items() if k not in required},
    )


PROPERTY_FILES = [
    OWN["order_status"],
    OWN["task_list"],
    OWN["team_directory"],
    OWN["meal_choice"],
    CORPUS / "chatkit-python" / "list_view_with_data.widget",
    ADVANCED / "cat-lounge__cat_name_suggestions.widget",
    ADVANCED / "customer-support__flight_options.widget",
    ADVANCED / "customer-support__meal_preferences.widget",
    ADVANCED / "news-guide__author_preview.widget",
    EVENTS,
]


@pytest.mark.parametrize("path", [external(p) for p in PROPERTY_FILES])
def test_converted_builder_matches_the_template_for_generated_data(
    path: Path, tmp_path: Path
) -> None:
    wf = load_widget(path)
    builder = convert_and_load(path, tmp_path)
    assert wf.json_schema is not None

    @settings(max_examples=60, deadline=None)
    @given(from_schema(wf.json_schema))
    def check(data: dict[str, Any]) -> None:
        try:
            expected = wf.render(data)
        except TemplateError:
            assume(False)  # data the template itself cannot render says nothing
            return
        problems = {d.code for d in validate(expected) if d.severity == "error"}
        if problems:  # e.g. an empty image URL: the builder refuses what validate calls an error
            with pytest.raises(WidgetError) as raised:
                builder(**data)
            assert {d.code for d in raised.value.diagnostics if d.severity == "error"} <= problems
            return
        assert builder(**data).to_dict() == expected

    check()


# --- constructs, one template each -----------------------------------------------------------


def widget_file(template: str, schema: dict[str, Any], sample: Any = None) -> WidgetFile:
    doc = {
        "version": "1.0",
        "name": "inline",
        "template": template,
        "jsonSchema": {"type": "object", **schema, "additionalProperties": False},
    }
    return loads_widget(json.dumps(doc))


ITEMS = {
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"label": {"type": "string"}, "n": {"type": "number"}},
                "required": ["label", "n"],
            },
        },
        "title": {"type": "string"},
    },
    "required": ["items", "title"],
}

LOOP_VARS = (
    '{"type":"Card","children":[{% for it in items %}{"type":"Text","value":'
    '{{ (loop.index ~ "/" ~ loop.length ~ " " ~ it.label | upper) | tojson }},'
    '"weight":{% if loop.first %}"bold"{% elif loop.last %}"semibold"{% else %}"normal"{% endif %}}'
    "{% if not loop.last %},{% endif %}{% endfor %}]}"
)
FILTERS = (
    '{"type":"Card","children":[{"type":"Title","value":'
    '{{ (title | default("x") | trim | capitalize) | tojson }}},'
    '{"type":"Text","value":{{ ("%s items" | format(items | length)) | tojson }}}]}'
)
ROUNDING = (
    '{"type":"Card","children":[{%- set _c -%}{% for it in items %},{"type":"Text","value":'
    '{{ ((it.n | round(1)) ~ "") | tojson }},"maxLines":{{ (loop.index0 + 1) | tojson }}}'
    "{% endfor %}{%- endset -%}{{ (_c[1:] if _c and _c[0] == ',' else _c) }}]}"
)


@pytest.mark.parametrize(
    "template", [LOOP_VARS, ROUNDING, FILTERS], ids=["loop-vars", "round-capture", "filters"]
)
def test_loop_variables_filters_and_captures_translate(template: str, tmp_path: Path) -> None:
    wf = widget_file(template, ITEMS)
    builder = convert_and_load(wf, tmp_path)
    item = st.fixed_dictionaries({"label": st.text(max_size=5), "n": st.floats(-1e3, 1e3)})

    @settings(max_examples=40, deadline=None)
    @given(st.lists(item, max_size=4), st.text(max_size=5))
    def check(items: list[dict[str, Any]], title: str) -> None:
        data = {"items": items, "title": title}
        assert builder(**data).to_dict() == wf.render(data)

    check()


def test_loop_index_becomes_enumerate(tmp_path: Path) -> None:
    source = convert_widget(widget_file(LOOP_VARS, ITEMS)).source
    assert "for i, it in enumerate(items)" in source
    assert "i == len(items) - 1" in source


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            '{"type":"Card","children":[{"type":"Text","value":"Hi {{ title }}"}]}',
            "is cut by a Jinja tag",
        ),
        (
            '{"type":"Card","children":[{"type":"Text","value":{{ title }}}]}',
            "without `| tojson`",
        ),
        (
            '{"type":"Card","children":[{"type":"Text","value":{{ (title | wordcount) | tojson }}}]}',
            "uses the filter `wordcount`",
        ),
        (
            '{"type":"Card","children":[{% for it in items %}{"type":"Text","value":'
            "{{ (it.label) | tojson }}},{% endfor %}]}",
            "some data renders broken JSON",
        ),
        (
            '{"type":"Card","children":[{% for it in items %}{"type":"Text","value":'
            "{{ (it.items) | tojson }}}{% if not loop.last %},{% endif %}{% endfor %}]}",
            "Jinja resolves to the dict method",
        ),
        (
            '{"type":"Card","children":[{"type":"Text","value":"a","color":'
            '{% if title %}"red-500"{% endif %}}]}',
            "has no {% else %}",
        ),
        (
            "{% set n = 0 %}{% for it in items %}{% set n = n + 1 %}{% endfor %}"
            '{"type":"Card","children":[{"type":"Text","value":{{ (n ~ "") | tojson }}}]}',
            "hides the outer `n`",
        ),
        (
            '{"type":"Card","children":[{"type":"Text","value":{{ (missing) | tojson }}}]}',
            "neither a jsonSchema property nor set in the template",
        ),
        (
            '{"type":"Card","children":[{{ (items[0]) | tojson }}]}',
            "where a component belongs",
        ),
        (
            '{"type":"Row","children":[]}',
            "a widget root is a Card, ListView or Basic",
        ),
        (
            '{"type":"Card","colour":"red","children":[]}',
            "the prop `colour`",
        ),
    ],
    ids=[
        "hole-in-string",
        "no-tojson",
        "unknown-filter",
        "trailing-comma",
        "dict-method",
        "if-without-else",
        "loop-scoped-set",
        "unknown-name",
        "data-as-component",
        "not-a-root",
        "unknown-prop",
    ],
)
def test_untranslatable_constructs_fail_with_their_place(template: str, expected: str) -> None:
    with pytest.raises(ConvertError) as caught:
        convert_widget(widget_file(template, ITEMS))
    assert expected in str(caught.value)

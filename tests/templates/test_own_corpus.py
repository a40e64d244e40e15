"""The project's own `.widget` corpus (tests/templates/corpus/): each file renders to its expected
output, as openai-chatkit renders it, and each case the format holds is reported as it should be.
It runs on any clone; the external corpus (test_corpus.py) is the extra conformance suite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.templates.conftest import OWN_CORPUS
from tests.templates.test_corpus import chatkit_build
from widgetkit import validate
from widgetkit.templates import TemplateError, discover_widget_file, load_widget

FILES = sorted(OWN_CORPUS.glob("*.widget"))
EXPECTED = [p for p in FILES if p.with_suffix(".json").is_file()]


def data_for(path: Path) -> dict[str, Any]:
    """The file's sample data, or for a hand-written file the data beside it."""
    sample = load_widget(path).sample
    if sample is not None:
        return sample
    data: dict[str, Any] = json.loads(
        path.with_name(f"{path.stem}.data.json").read_text(encoding="utf-8")
    )
    return data


def expected(path: Path) -> Any:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def test_the_corpus_holds_every_case_of_the_format() -> None:
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in FILES}
    templates = "\n".join(d["template"] for d in docs.values())
    with_samples = {
        stem for stem, d in docs.items() if load_widget(OWN_CORPUS / f"{stem}.widget").sample
    }
    assert len(with_samples) >= 5  # encodedWidget with defaultState (sample data)
    assert "meal_choice" not in with_samples  # a hand-written file: no editor state
    assert all(d["jsonSchema"]["$schema"].endswith("2020-12/schema") for d in docs.values())
    for construct in (
        "{%-for ",  # Studio's loop, with its comma capture (`set _c`)
        "{%- for ",  # a hand-written loop with `if not loop.last` commas
        "loop.index",
        "loop.last",
        "{% if ",
        "{% elif ",
        "namespace(",
        '"children":[]',  # the older exporter's empty children on leaves
    ):
        assert construct in templates, construct
    for used in ("upper", "capitalize", "default", "length", "join", "format", "string", "first"):
        assert f"| {used}" in templates, used
    assert set(EXPECTED) == set(FILES) - {OWN_CORPUS / "missing_variable.widget"}


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_each_file_renders_to_its_expected_output_as_chatkit_does(path: Path) -> None:
    data = data_for(path)
    payload = load_widget(path).render(data)
    assert payload == expected(path)
    assert payload == chatkit_build(path, data)
    assert [d for d in validate(payload) if d.severity == "error"] == []


@pytest.mark.parametrize(
    "path",
    [p for p in EXPECTED if load_widget(p).sample is not None and p.stem != "preview_drift"],
    ids=lambda p: p.stem,
)
def test_an_exported_file_renders_its_sample_to_exactly_its_preview(path: Path) -> None:
    (found,) = discover_widget_file(path)
    assert found.diagnostics == []
    assert found.payload == load_widget(path).preview == expected(path)


def test_empty_children_on_leaves_are_kept_and_tolerated() -> None:
    path = OWN_CORPUS / "legacy_children.widget"
    payload = load_widget(path).render()
    leaves = [payload["children"][i] for i in range(4)] + payload["children"][4]["children"]
    assert [leaf["type"] for leaf in leaves] == [
        "Image",
        "Title",
        "Text",
        "Divider",
        "Spacer",
        "Button",
    ]
    assert all(leaf["children"] == [] for leaf in leaves)  # as chatkit keeps them
    assert validate(payload) == []
    nonempty = {
        **payload,
        "children": [{"type": "Text", "value": "x", "children": [{"type": "Text", "value": "y"}]}],
    }
    assert [d.path for d in validate(nonempty) if d.severity == "error"] == ["/children/0/children"]


def test_a_hand_written_file_has_no_sample_and_renders_given_data() -> None:
    path = OWN_CORPUS / "meal_choice.widget"
    wf = load_widget(path)
    assert wf.editor is None  # its encodedWidget is base64 of the template, not editor state
    (found,) = discover_widget_file(path)
    assert found.payload is None
    assert [d.code for d in found.diagnostics] == ["no-sample"]
    with pytest.raises(TemplateError, match="no sample data"):
        wf.render()


def test_data_that_breaks_the_json_schema_is_refused_at_its_pointer() -> None:
    wf = load_widget(OWN_CORPUS / "order_status.widget")
    assert wf.sample is not None
    bad = {**wf.sample, "status": "lost", "total": -1}
    with pytest.raises(TemplateError) as caught:
        wf.render(bad)
    found = {(d.path, d.code) for d in caught.value.diagnostics}
    assert found == {("/status", "data-schema"), ("/total", "data-schema")}
    assert "'lost' is not one of" in str(caught.value)
    assert wf.render(bad, schema=False)["children"][0]["children"][2]["label"] == "LOST"


def test_a_missing_variable_is_named_with_what_the_data_holds_there() -> None:
    path = OWN_CORPUS / "missing_variable.widget"
    with pytest.raises(TemplateError) as caught:
        load_widget(path).render()
    (diag,) = caught.value.diagnostics
    assert diag.code == "missing-variable"
    assert "`stop.name`" in diag.message
    assert "id, label" in diag.message  # what `stop` holds instead
    assert '"value":{{ (»stop.name«) | tojson }}' in diag.message
    assert "Traceback" not in str(caught.value)
    (found,) = discover_widget_file(path)
    assert found.payload is None
    assert [d.code for d in found.diagnostics] == ["missing-variable"]


def test_drift_from_the_preview_is_reported_at_its_pointer() -> None:
    path = OWN_CORPUS / "preview_drift.widget"
    (found,) = discover_widget_file(path)
    (drift,) = found.diagnostics
    assert (drift.severity, drift.code) == ("warning", "preview-drift")
    assert drift.path == "/children/0/children/0/color"
    assert '"secondary"' in drift.message and '"info"' in drift.message
    assert found.payload == chatkit_build(path, data_for(path))  # the drift is chatkit's too

"""The catalog's behaviour data (defaults, form fields, labels, placement, runtime marks) is
complete, backed by a named source, and what the rest of widgetkit derives from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from chatkit.actions import Action
from chatkit.types import WidgetItem

from widgetkit import Button, Card, Checkbox, Form, Input, Text, action, validate
from widgetkit.catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, FIELDS, FORMS, SOURCES
from widgetkit.catalog import shapes as s
from widgetkit.catalog.types import Field, Shape
from widgetkit.checks import entries
from widgetkit.serve import FIELD_TYPES, action_context, form_fields


def _all_fields() -> list[tuple[str, Field]]:
    out = [(f"{c.name}.{f.name}", f) for c in COMPONENTS for f in c.props]
    shapes = [v for v in vars(s).values() if isinstance(v, Shape)]
    return out + [(f"{sh.name}.{f.name}", f) for sh in shapes for f in sh.fields]


def test_every_default_is_a_valid_value_backed_by_a_source() -> None:
    found = 0
    for where, f in _all_fields():
        if f.default is None:
            assert not f.default_source, where
            continue
        found += 1
        assert f.default_source in SOURCES, where
        check = entries((f,), None)[f.name][2]
        problems: list[Any] = []
        check(f.default, None, problems)
        assert problems == [], (where, problems)
    assert found >= 20  # the offline renderer reads these; it must not guess them


def test_the_documented_defaults() -> None:
    assert BY_NAME["Card"].defaults["size"] == "md"
    assert BY_NAME["Card"].by_name["size"].default_source == "docs-card-size"
    action_defaults = {f.name: f.default for f in s.ActionConfig.fields if f.default is not None}
    assert action_defaults == {"handler": "server", "loadingBehavior": "auto", "streaming": True}
    assert BY_NAME["Badge"].defaults == {"color": "secondary", "variant": "soft", "size": "sm"}


def test_every_runtime_mark_names_its_evidence() -> None:
    for where, f in _all_fields():
        if f.runtimes != frozenset({"python", "js"}):
            assert f.runtime_source in SOURCES, where
    for c in COMPONENTS:
        if c.runtimes != frozenset({"python", "js"}):
            assert c.runtime_source in SOURCES, c.name
        if c.form is not None:
            assert c.form.source in SOURCES, c.name


def test_where_each_root_and_part_may_stand_names_its_source() -> None:
    for c in COMPONENTS:
        if c.root or c.only_in is not None:
            assert c.place_source in SOURCES, c.name
        else:
            assert not c.place_source, c.name
    roots = SOURCES[BY_NAME["ListView"].place_source].quote
    assert "Every widget must be wrapped in a root-level container element" in roots
    assert "use `<ListView>`" in roots
    assert "Card: children: WidgetComponent[]" in SOURCES["js-roots"].quote


def test_every_source_quotes_what_it_says() -> None:
    for key, source in SOURCES.items():
        assert source.title and source.quote, key


def test_form_fields_come_from_the_catalog() -> None:
    assert FIELDS["Text"] == ("editable", "name")
    assert all(FIELDS[n] == ("name",) for n in FIELDS if n != "Text")
    for name, path in FIELDS.items():
        assert path[0] in BY_NAME[name].by_name, name
    assert FIELD_TYPES == set(FIELDS)
    assert FIELD_TYPES <= set(BY_NAME)  # no component that does not exist (there was a Toggle)


def test_an_editable_text_is_a_form_field_in_ctx_form() -> None:
    card = Card(
        Form(
            Text("Buy milk", editable={"name": "title"}),
            Checkbox(name="done", label="Done"),
            Input(name="note", placeholder="Note"),
            Button("Save", submit=True),
            onSubmitAction=action("todo.save", {"id": 3}),
        )
    )
    assert form_fields(card.to_dict()) == {"title", "done", "note"}
    payload = {"id": 3, "title": "Buy oat milk", "done": True, "note": ""}
    item = WidgetItem(
        id="msg_1", thread_id="thr_1", created_at=datetime(2025, 1, 1), widget=card.to_chatkit()
    )
    ctx = action_context(Action(type="todo.save", payload=payload), item)
    assert ctx.form == {"title": "Buy oat milk", "done": True, "note": ""}


def test_labels_placement_and_forms_are_consistent() -> None:
    for c in COMPONENTS:
        for prop in c.label_by or ():
            assert prop in c.by_name, (c.name, prop)
        if c.only_in is not None:
            parent = BY_NAME[c.only_in]
            assert parent.children is not None
            assert ALLOWED_CHILDREN[parent.children.group] == {c.name}, c.name
            assert all(
                c.name not in ALLOWED_CHILDREN[g] for g in ("component", "component-or-root")
            )
    assert BY_NAME["ListViewItem"].only_in == "ListView"
    assert FORMS["Form"].action == ("onSubmitAction",) and FORMS["Form"].when is None
    assert FORMS["Card"].action == ("confirm", "action") and FORMS["Card"].when == "asForm"


def test_charts_clock_and_lucide_icons_are_not_drift_for_chatkit_js() -> None:
    chart = {
        "type": "Chart",
        "data": [{"m": "Jan", "v": 1}],
        "series": [{"type": "bar", "dataKey": "v"}],
        "xAxis": "m",
    }
    icons = [{"type": "Icon", "name": n} for n in ("clock", "lucide:alarm-clock")]
    payload = {"type": "Card", "children": [chart, *icons]}
    assert validate(payload, runtime="js") == []
    assert validate(payload, runtime="python") == []
    [d] = validate(
        {"type": "Card", "children": [{"type": "Icon", "name": "vendor:x"}]}, runtime="js"
    )
    assert (d.code, d.path) == ("runtime-drift", "/children/0/name")

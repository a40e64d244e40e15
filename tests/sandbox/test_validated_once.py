"""Each state and each action answer is validated once on its way to the page, and its warnings
are kept: the root's builder call validates the tree, and the worker's answer, the server's
`to_chatkit()` and the action log reuse what it found."""

from __future__ import annotations

import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest

from widgetkit import builders
from widgetkit.diagnostics import Diagnostic
from widgetkit.sandbox import child, loader
from widgetkit.sandbox.render import render_widget
from widgetkit.serve import outcome_from_json

MODULE = """\
from widgetkit import Card, Image, Text, widget

@widget(samples={{"one": {{"n": 1}}, "two": {{"n": 2}}}})
def picture(n: int) -> Card:
    return Card(Text("{tag} " + str(n)), Image(src="https://example.com/a.png"))
"""


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every payload the validator is asked to check, in this process."""
    seen: list[Any] = []
    real = builders.validate

    def spy(payload: Any, **options: Any) -> list[Diagnostic]:
        seen.append(payload)
        return real(payload, **options)

    monkeypatch.setattr(builders, "validate", spy)
    monkeypatch.setattr(child, "validate", spy)
    return seen


def test_a_builders_state_is_validated_once_with_its_warnings(
    tmp_path: Path, validations: list[Any]
) -> None:
    file = tmp_path / "pictures.py"
    file.write_text(textwrap.dedent(MODULE.format(tag=uuid.uuid4().hex)), encoding="utf-8")
    built = child._build_module(file, set(), None, lambda msg: None)  # the worker's build
    states = built["widgets"][0]["states"]
    assert [s["payload"]["children"][0]["value"].split()[1] for s in states] == ["1", "2"]
    assert len(validations) == 2  # one per state: its root's builder call
    for state in states:
        assert [(d["severity"], d["code"]) for d in state["diagnostics"]] == [
            ("warning", "a11y-alt")
        ]
    # The data editor's render of the same builder and data asks the validator nothing new.
    module = loader.load(file)
    rendered = render_widget(module.picture, {"n": 1}, file)
    assert [d.code for d in rendered.diagnostics] == ["a11y-alt"]
    assert len(validations) == 2


def test_an_action_answer_from_the_worker_is_not_validated_again(validations: list[Any]) -> None:
    # What the worker sent: a widget it validated, with the warning it found.
    widget = {"type": "Card", "children": [
        {"type": "Text", "value": uuid.uuid4().hex},
        {"type": "Image", "src": "https://example.com/a.png"},
    ]}  # fmt: skip
    warning = Diagnostic("/children/1", "warning", "a11y-alt", "this Image has no alt text")
    sent = {"kind": "update", "type": "x", "widget": widget, "diagnostics": [warning.to_dict()]}
    outcome = outcome_from_json(sent)
    assert outcome.widget is not None
    root = outcome.widget.to_chatkit()  # what outcome_events sends to the page
    assert (
        root.model_dump(exclude_none=True)["children"][0]["value"] == widget["children"][0]["value"]
    )
    assert outcome.widget.to_json()
    assert builders.diagnose(outcome.widget.to_dict()) == [warning]  # kept, for the action log
    assert validations == []

"""What a model is told: feedback on its mistakes, the catalog prompt, `widgetkit schema --strict`."""

from __future__ import annotations

import json

import pytest

from widgetkit import validate
from widgetkit.catalog import COMPONENTS
from widgetkit.catalog import shapes as s
from widgetkit.cli import main
from widgetkit.diagnostics import Diagnostic
from widgetkit.llm import catalog_prompt, feedback, widget_schema

# -- feedback -----------------------------------------------------------------------------------


def test_feedback_gives_each_problem_its_pointer_what_is_wrong_and_the_fix() -> None:
    payload = {
        "type": "Card",
        "children": [
            {"type": "Title", "value": "A", "size": "6xl"},
            {"type": "Title", "value": "B", "size": "6xl"},
            {"type": "Title", "value": "C", "size": "6xl"},
            {"type": "Title", "value": "D", "size": "6xl"},
            {"type": "Txt", "value": "x"},
        ],
    }
    text = feedback(validate(payload))
    lines = text.splitlines()
    assert lines[0] == "5 errors in the widget; fix them and send it again:"
    # The same mistake at four places is one line naming three and counting the rest.
    assert lines[1].startswith(
        '- /children/0/size, /children/1/size, /children/2/size (and 1 more): "6xl" is not a '
        "TitleSize token; fix: "
    )
    assert "5xl" in lines[1]
    assert (
        lines[2]
        == '- /children/4/type: "Txt" is not a ChatKit component; fix: did you mean "Text"?'
    )
    assert len(lines) == 3


def test_feedback_puts_errors_first_and_says_when_all_is_well() -> None:
    warn = Diagnostic("/a", "warning", "w", "a warning", "do w")
    err = Diagnostic("/b", "error", "e", "an error", "do e")
    assert feedback([warn, err]).splitlines() == [
        "1 error and 1 warning in the widget; fix them and send it again:",
        "- /b: an error; fix: do e",
        "- /a: warning: a warning; fix: do w",
    ]
    assert feedback([]) == "No problems: the widget is valid."


def test_feedback_keeps_within_its_budget_and_counts_what_it_left_out() -> None:
    many = [
        Diagnostic(f"/children/{i}", "error", f"c{i}", f"problem number {i} " * 3)
        for i in range(200)
    ]
    text = feedback(many, budget=800)
    assert len(text) <= 800 + 40
    assert text.endswith("more; fix these first.")
    shown = text.count("\n- /children/")
    left = int(text.rsplit("… and ", 1)[1].split()[0])
    assert shown + left == 200


# -- the catalog prompt -------------------------------------------------------------------------

PROMPT_BUDGET = 12_000  # characters; catalog_prompt's docstring states its size


def test_the_prompt_names_every_component_prop_and_token_of_the_catalog() -> None:
    text = catalog_prompt()
    assert len(text) <= PROMPT_BUDGET
    for comp in COMPONENTS:
        line = next(
            ln
            for ln in text.splitlines()
            if ln.startswith(f"- {comp.name} ") or ln.startswith(f"- {comp.name}:")
        )
        assert comp.doc in line
    for tokens in (s.TitleSize, s.ButtonColor, s.ImagePosition, s.CurveType):
        assert f"{tokens.name}: {'|'.join(tokens.values)}" in text
    for icon in s.ICONS:
        assert icon in text
    assert "value*:str" in text and "fieldName*:str" in text  # required props are marked
    # ChatKit.js draws Charts too (the catalog's charts-in-js source); Table is js-only.
    assert "- Chart (python only)" not in text
    assert "- Table (js only;" in text


def test_a_prompt_for_a_few_components_holds_only_what_they_use() -> None:
    text = catalog_prompt(["Card", "Text", "Button"])
    assert len(text) < len(catalog_prompt()) / 2
    assert "- Card (root;" in text and "- Row" not in text
    assert "ButtonColor:" in text and "CurveType:" not in text
    assert "ActionConfig {type*:str" in text and "BarSeries" not in text
    with pytest.raises(ValueError, match="not catalog components"):
        catalog_prompt(["Card", "Heading"])


def test_the_prompt_size_is_the_one_its_docstring_states() -> None:
    from widgetkit.llm import prompt

    stated = int(prompt.__doc__.split("about ")[1].split(" characters")[0].replace(",", ""))  # type: ignore[union-attr]
    assert abs(len(catalog_prompt()) - stated) <= 500


# -- widgetkit schema --strict ------------------------------------------------------------------


def test_schema_strict_prints_the_strict_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--strict", "--indent", "0"]) == 0
    assert json.loads(capsys.readouterr().out) == widget_schema()
    assert main(["schema", "--strict", "--components", "Card,Text", "--max-depth", "3"]) == 0
    assert json.loads(capsys.readouterr().out) == widget_schema(
        components=["Card", "Text"], max_depth=3
    )


def test_schema_strict_refuses_what_it_cannot_make(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--strict", "--components", "Card,Texx"]) == 2
    assert 'did you mean "Text"?' in capsys.readouterr().err
    assert main(["schema", "--max-depth", "3"]) == 2
    assert "go with --strict" in capsys.readouterr().err

"""The catalog's alias tables: every alias names something the catalog defines, and the
look-ups answer the words people and models write (widgetkit.llm builds its repairs on them)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from widgetkit.catalog import BY_NAME, COMPONENTS
from widgetkit.catalog import shapes as s
from widgetkit.catalog.aliases import (
    COMPONENT_ALIASES,
    COMPONENT_GUESSES,
    COMPONENT_SYNONYMS,
    ICON_ALIASES,
    PROP_ALIASES,
    PROP_GUESSES,
    PROP_SYNONYMS,
    TOKEN_ALIASES,
    TOKEN_GUESSES,
    TOKEN_LISTS,
    TOKEN_SYNONYMS,
    component_alias,
    prop_alias,
    token_alias,
)
from widgetkit.catalog.data import behaviour


def test_every_alias_names_what_the_catalog_defines() -> None:
    assert set(COMPONENT_ALIASES.values()) <= set(BY_NAME)
    assert not set(COMPONENT_ALIASES) & set(BY_NAME)
    for comp, table in PROP_ALIASES.items():
        assert set(table.values()) <= set(BY_NAME[comp].by_name), comp
        assert not set(table) & set(BY_NAME[comp].by_name), comp
    for name, table in TOKEN_ALIASES.items():
        values = TOKEN_LISTS[name].values
        assert set(table.values()) <= set(values), name
    assert set(ICON_ALIASES.values()) <= set(s.ICONS)


@pytest.mark.parametrize(
    ("word", "real"),
    [("Heading", "Title"), ("heading", "Title"), ("Column", "Col"), ("text", "Text"),
     ("Toggle", "Checkbox"), ("Dropdown", "Select"), ("Nothing", None), ("Card", None)],
)  # fmt: skip
def test_component_aliases(word: str, real: str | None) -> None:
    assert component_alias(word) == real


@pytest.mark.parametrize(
    ("comp", "word", "real"),
    [("Text", "text", "value"), ("Text", "content", "value"), ("Title", "text", "value"),
     ("Button", "text", "label"), ("Button", "title", "label"), ("Button", "onClick", "onClickAction"),
     ("Markdown", "content", "value"), ("Badge", "text", "label"), ("Icon", "icon", "name"),
     ("Image", "url", "src"), ("Text", "fontWeight", "weight"), ("Text", "align", "textAlign"),
     ("Input", "value", "defaultValue"), ("Select", "items", "options"),
     ("Form", "onSubmit", "onSubmitAction"), ("Text", "maxlines", "maxLines"),
     ("Text", "value", None), ("Card", "title", None), ("Nothing", "x", None)],
)  # fmt: skip
def test_prop_aliases(comp: str, word: str, real: str | None) -> None:
    assert prop_alias(comp, word) == real


@pytest.mark.parametrize(
    ("tokens", "word", "real"),
    [("TextSize", "medium", "md"), ("ControlVariant", "filled", "solid"),
     ("Alignment", "top", "start"), ("ImageFit", "object-cover", "cover"),
     ("TitleSize", "6xl", "5xl"), ("TitleSize", "9xl", "5xl"), ("TextSize", "2xl", "xl"),
     ("TextSize", "xxs", "xs"), ("IconSize", "xxl", "2xl"), ("CardSize", "huge", "lg"),
     ("Justification", "space-between", "between"), ("FontWeight", "600", "semibold"),
     ("TextAlign", "left", "start"), ("TextSize", "LG", "lg"), ("ButtonColor", "error", "danger"),
     ("TextSize", "md", None), ("TextSize", "banana", None), ("Nothing", "md", None)],
)  # fmt: skip
def test_token_aliases_and_the_nearest_step_on_a_scale(
    tokens: str, word: str, real: str | None
) -> None:
    assert token_alias(tokens, word) == real


def test_each_word_is_a_synonym_or_a_guess_never_both() -> None:
    assert not COMPONENT_SYNONYMS.keys() & COMPONENT_GUESSES.keys()
    assert COMPONENT_ALIASES == {**COMPONENT_SYNONYMS, **COMPONENT_GUESSES}
    for comp in BY_NAME:
        assert not PROP_SYNONYMS[comp].keys() & PROP_GUESSES[comp].keys(), comp
        assert PROP_ALIASES[comp] == {**PROP_SYNONYMS[comp], **PROP_GUESSES[comp]}
    for name in TOKEN_ALIASES:
        synonyms, guesses = TOKEN_SYNONYMS.get(name, {}), TOKEN_GUESSES.get(name, {})
        assert not synonyms.keys() & guesses.keys(), name
        assert TOKEN_ALIASES[name] == {**synonyms, **guesses}


@pytest.mark.parametrize(
    ("look_up", "hint", "safe"),
    [(lambda s: component_alias("H1", safe=s), "Title", "Title"),
     (lambda s: component_alias("Link", safe=s), "Button", None),
     (lambda s: component_alias("textarea", safe=s), "Textarea", "Textarea"),
     (lambda s: prop_alias("Button", "title", safe=s), "label", "label"),
     (lambda s: prop_alias("Text", "fontWeight", safe=s), "weight", "weight"),
     (lambda s: prop_alias("Button", "textColor", safe=s), "color", None),  # the fill, not text
     (lambda s: prop_alias("Image", "href", safe=s), "src", None),
     (lambda s: prop_alias("Text", "max_lines", safe=s), "maxLines", "maxLines"),
     (lambda s: token_alias("TextSize", "medium", safe=s), "md", "md"),
     (lambda s: token_alias("TitleSize", "6xl", safe=s), "5xl", None),
     (lambda s: token_alias("TextSize", "xxl", safe=s), "xl", None),  # no 2xl on TextSize
     (lambda s: token_alias("IconSize", "xxl", safe=s), "2xl", "2xl"),
     (lambda s: token_alias("Alignment", "top", safe=s), "start", None),
     (lambda s: token_alias("Justification", "space-between", safe=s), "between", "between"),
     (lambda s: token_alias("FontWeight", "heavy", safe=s), "bold", None)],
)  # fmt: skip
def test_a_safe_look_up_answers_only_synonyms(look_up: Any, hint: str, safe: str | None) -> None:
    assert look_up(False) == hint
    assert look_up(True) == safe


def test_the_behaviour_data_is_json_and_covers_every_component() -> None:
    data = behaviour()
    assert json.loads(json.dumps(data)) == data
    assert set(data["components"]) == {c.name for c in COMPONENTS}
    assert data["components"]["Text"]["field"] == ["editable", "name"]
    assert data["components"]["ListViewItem"]["only_in"] == "ListView"
    assert data["components"]["Card"]["form"] == {
        "action": ["confirm", "action"],
        "when": "asForm",
        "source": "docs-card-as-form",
    }
    assert data["aliases"]["tokens"]["ImageFit"]["object-cover"] == "cover"

"""repair: safe, meaning-preserving fixes only, each one recorded; what it cannot fix it leaves."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from widgetkit import validate
from widgetkit.catalog import BY_NAME, COMPONENTS
from widgetkit.catalog.aliases import (
    COMPONENT_GUESSES,
    COMPONENT_SYNONYMS,
    PROP_GUESSES,
    PROP_SYNONYMS,
    TOKEN_GUESSES,
    TOKEN_LISTS,
    TOKEN_SYNONYMS,
    component_alias,
    prop_alias,
    token_alias,
)
from widgetkit.catalog.types import ListOf, Shape, Tokens, Type, Union
from widgetkit.diagnostics import errors
from widgetkit.llm import repair
from widgetkit.testing.strategies import widgets

CARD = {"type": "Card", "children": [{"type": "Text", "value": "Hi"}]}


def changes_of(payload: Any) -> list[str]:
    return [str(c) for c in repair(payload)[1]]


def test_json_text_code_fences_and_wrappers_are_unwrapped() -> None:
    fenced = "Here it is:\n```json\n" + json.dumps(CARD) + "\n```"
    assert repair(fenced)[0] == fenced  # prose around the fence: not ours to cut
    fixed, changes = repair("```json\n" + json.dumps(CARD) + "\n```")
    assert fixed == CARD and [str(c) for c in changes] == ["/: took the JSON out of a code fence"]
    assert changes_of(json.dumps({"card": CARD})) == [
        "/: parsed JSON text",
        '/: took the widget out of its "card" wrapper',
    ]
    assert repair({"widget": CARD}) == (CARD, [])  # the strict schema's own wrapper is no fix


def test_names_in_the_wrong_case_become_the_catalogs() -> None:
    fixed, changes = repair(
        {
            "type": "card",
            "Children": None,
            "children": [{"type": "TEXT", "Value": "Hi", "size": "LG"}],
        }
    )
    assert fixed == {
        "type": "Card",
        "Children": None,
        "children": [{"type": "Text", "value": "Hi", "size": "lg"}],
    }
    assert [str(c) for c in changes] == [
        '/type: "card" → "Card" (ChatKit\'s spelling)',
        '/children/0/type: "TEXT" → "Text" (ChatKit\'s spelling)',
        '/children/0/Value: "Value" → "value" (ChatKit\'s spelling)',
        '/children/0/size: "LG" → "lg" (a TextSize token)',
    ]


def test_a_bare_action_or_status_string_is_the_field_it_can_only_mean() -> None:
    fixed, changes = repair(
        {
            "type": "Card",
            "status": "Checking",
            "confirm": {"label": "OK", "action": "order.ok"},
            "children": [{"type": "Button", "label": "Pay", "onClickAction": "order.pay"}],
        }
    )
    assert fixed["status"] == {"text": "Checking"}
    assert fixed["confirm"] == {"label": "OK", "action": {"type": "order.ok"}}
    assert fixed["children"][0]["onClickAction"] == {"type": "order.pay"}
    assert len(changes) == 3 and validate(fixed) == []


def test_children_are_put_right_where_the_meaning_is_plain() -> None:
    fixed, changes = repair(
        {"type": "Card", "children": {"type": "Text", "value": "x", "children": []}}
    )
    assert fixed == {"type": "Card", "children": [{"type": "Text", "value": "x"}]}
    assert [c.path for c in changes] == ["/children", "/children/0/children"]


def test_what_it_cannot_fix_safely_is_left_for_validate() -> None:
    odd = {
        "type": "Card",
        "children": [
            {"type": "Title", "value": "x", "size": "6xl"},  # no such size: which one was meant?
            {"type": "Txt", "value": "y"},  # a misspelling, not a case slip
            {"type": "Text", "value": 3},  # a number where text goes
        ],
    }
    before = copy.deepcopy(odd)
    assert repair(odd) == (odd, [])
    assert odd == before  # the input is never changed


@settings(max_examples=150, deadline=None, derandomize=True)
@given(widgets(max_depth=3))
def test_a_valid_widget_needs_no_repair(payload: dict[str, Any]) -> None:
    assert repair(payload) == (payload, [])


def test_any_json_at_all_is_answered_without_an_exception() -> None:
    deep: Any = {"type": "Text", "value": "x"}
    for _ in range(5000):
        deep = {"type": "Box", "children": [deep]}
    for hostile in (
        None,
        3,
        "```",
        "{",
        [],
        {"type": None},
        {"type": "Card", "children": "x"},
        deep,
    ):
        repair(hostile)


def test_importing_widgetkit_llm_does_not_import_the_chatkit_server_or_the_agents_sdk() -> None:
    code = (
        "import sys, widgetkit, widgetkit.llm; "
        "print(sorted(m for m in sys.modules if m.startswith(('chatkit.server', 'agents', "
        "'widgetkit.agents'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- the catalog's aliases: synonyms are applied, guesses are left -----------------------------


def placed(t: Type, tokens: Tokens, word: str) -> Any:
    """A value of type `t` holding `word` where the token list `tokens` goes (None: nowhere)."""
    match t:
        case Tokens() if t == tokens:
            return word
        case Union(options):
            return next((v for o in options if (v := placed(o, tokens, word)) is not None), None)
        case ListOf(item):
            inner = placed(item, tokens, word)
            return None if inner is None else [inner]
        case Shape(_, _, fields):
            return next(
                ({f.name: v} for f in fields if (v := placed(f.type, tokens, word)) is not None),
                None,
            )
    return None


def token_node(name: str, word: str) -> dict[str, Any]:
    """The first component prop that holds the token list `name`, holding `word` there."""
    tokens = TOKEN_LISTS[name]
    for c in COMPONENTS:
        for f in c.props:
            value = placed(f.type, tokens, word)
            if value is not None:
                return {"type": c.name, f.name: value}
    raise AssertionError(f"no component prop holds {name}")


def test_every_synonym_in_the_catalog_is_applied() -> None:
    for word, real in COMPONENT_SYNONYMS.items():
        fixed, changes = repair({"type": word})
        assert fixed == {"type": real} and len(changes) == 1, word
        assert str(changes[0]).startswith(f'/type: "{word}" → "{real}" (ChatKit'), word
    for comp, table in PROP_SYNONYMS.items():
        for word, real in table.items():
            fixed, changes = repair({"type": comp, word: 1})
            assert fixed == {"type": comp, real: 1} and len(changes) == 1, (comp, word)
    for name, table in TOKEN_SYNONYMS.items():
        for word, real in table.items():
            fixed, changes = repair(token_node(name, word))
            assert fixed == token_node(name, real) and len(changes) == 1, (name, word)
            assert str(changes[0]).endswith(f'"{word}" → "{real}" (a {name} token)')


def test_every_guess_in_the_catalog_is_left_for_the_hints() -> None:
    for word, real in COMPONENT_GUESSES.items():
        assert repair({"type": word}) == ({"type": word}, []), word
        assert component_alias(word) == real  # validate's hint still offers it
    for comp, table in PROP_GUESSES.items():
        for word, real in table.items():
            node = {"type": comp, word: 1}
            assert repair(node) == (node, []), (comp, word)
            assert prop_alias(comp, word) == real
    for name, table in TOKEN_GUESSES.items():
        for word, real in table.items():
            node = token_node(name, word)
            assert repair(node) == (node, []), (name, word)
            assert token_alias(name, word) == real


def test_a_size_word_is_a_synonym_only_where_the_scale_has_that_step() -> None:
    def size(comp: str, word: str) -> Any:
        return repair({"type": comp, "value": "x", "size": word})[0]["size"]

    assert size("Text", "medium") == "md" and size("Text", " LG ") == "lg"
    assert size("Title", "xxl") == "2xl"  # TitleSize has 2xl
    assert size("Text", "xxl") == "xxl"  # TextSize stops at xl: the nearest step is a guess
    assert size("Title", "6xl") == "6xl" and size("Text", "huge") == "huge"
    assert size("Caption", "small") == "sm"
    limit = repair({"type": "ListView", "limit": "AUTO", "children": []})[0]
    assert limit["limit"] == "auto"  # a token inside a union (an int or "auto")


def test_other_spellings_of_a_prop_and_keys_that_would_collide() -> None:
    assert repair({"type": "Text", "max_lines": 2, "value": "x"})[0] == {
        "type": "Text",
        "maxLines": 2,
        "value": "x",
    }
    both = {"type": "Text", "value": "a", "text": "b"}  # the prop is there: which one is meant?
    assert repair(both) == (both, [])
    two = {"type": "Text", "text": "a", "content": "b"}  # two words for one prop
    assert repair(two) == (two, [])
    null = {"type": "Text", "Value": "a", "value": None}
    assert repair(null) == (null, [])  # renaming would lose one of them


def test_a_wrapper_is_taken_off_only_when_a_widget_is_inside() -> None:
    for odd in ({"note": "{"}, {"note": '{"a": 1}'}, {"data": {"rows": [1]}}, {"a": {"b": CARD}}):
        fixed, changes = repair(odd)
        if odd == {"a": {"b": CARD}}:
            assert fixed == CARD and len(changes) == 2
        else:
            assert (fixed, changes) == (odd, []), odd
    deep: Any = json.dumps(CARD)
    for _ in range(6):  # text in text in text ...: every level is taken off, not only three
        deep = json.dumps({"widget": deep})
    assert repair(deep)[0] == CARD


# -- properties --------------------------------------------------------------------------------

_SIZE_WORDS = ("small", "s", "medium", "m", "large", "l", "x-small", "xlarge", "xxl", "xxs")


def _nodes(root: dict[str, Any]) -> Iterator[dict[str, Any]]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        kids = node.get("children")
        stack.extend([kids] if isinstance(kids, dict) else kids if isinstance(kids, list) else [])


def _words(real: str, words: Iterable[str], means: Callable[[str], str | None]) -> list[str]:
    """Other words that `means` takes for `real`: the catalog's, and `real` in other cases."""
    found = {w for w in (*words, real.upper(), real.lower()) if w != real and means(w) == real}
    return sorted(found)


@st.composite
def damaged(draw: st.DrawFn, *, guesses: bool = False) -> tuple[Any, Any, int]:
    """(a valid widget, the same widget with component, prop and token names swapped for
    synonyms (and with `guesses`, guesses too), how many were swapped)."""
    original = draw(widgets(max_depth=3))
    out = copy.deepcopy(original)
    count = 0

    def swap(words: list[str], others: Iterable[str] = ()) -> str | None:
        pool = words + (sorted(others) if guesses else [])
        return draw(st.sampled_from(pool)) if pool and draw(st.booleans()) else None

    for node in list(_nodes(out)):
        comp = BY_NAME[node["type"]]
        for key in [k for k in node if k not in ("type", "children")]:
            t, value = comp.by_name[key].type, node[key]
            if isinstance(t, Tokens) and isinstance(value, str):
                words = [*TOKEN_SYNONYMS.get(t.name, {}), *_SIZE_WORDS]
                word = swap(
                    _words(value, words, lambda w, t=t: token_alias(t, w, safe=True)),
                    {w for w, r in TOKEN_GUESSES.get(t.name, {}).items() if r == value},
                )
                if word is not None:
                    node[key], count = word, count + 1
            words = _words(
                key, PROP_SYNONYMS[comp.name], lambda w, c=comp.name: prop_alias(c, w, safe=True)
            )
            word = swap(words, {w for w, r in PROP_GUESSES[comp.name].items() if r == key})
            if word is not None and word not in node:
                node[word], count = node.pop(key), count + 1
        words = _words(comp.name, COMPONENT_SYNONYMS, lambda w: component_alias(w, safe=True))
        word = swap(words, {w for w, r in COMPONENT_GUESSES.items() if r == comp.name})
        if word is not None:
            node["type"], count = word, count + 1
    return original, out, count


@settings(max_examples=150, deadline=None, derandomize=True)
@given(damaged())
def test_names_swapped_for_synonyms_are_all_put_back(case: tuple[Any, Any, int]) -> None:
    original, swapped, count = case
    fixed, changes = repair(swapped)
    assert fixed == original
    assert len(changes) == count


_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.sampled_from(["card", "Heading", "Link", "LG", "medium", "children", "type", "{"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["type", "children", "value", "Value", "text", "size", "widget", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


def _as_text(payload: Any) -> st.SearchStrategy[Any]:
    """`payload` as a model might send it: as it is, in a wrapper, as JSON text, in a fence."""
    text = json.dumps(payload)
    return st.sampled_from(
        [payload, {"card": payload}, text, f"```json\n{text}\n```", json.dumps({"w": text})]
    )


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.one_of(
        damaged(guesses=True).map(lambda case: case[1]).flatmap(_as_text),
        _JSON,
        _JSON.flatmap(_as_text),
    )
)
def test_repair_is_idempotent(payload: Any) -> None:
    fixed, _ = repair(payload)
    assert repair(fixed) == (fixed, [])


@st.composite
def with_empty_leaf_children(draw: st.DrawFn) -> Any:
    """A valid widget whose leaves may carry `"children": []` or null (older Studio exports)."""
    payload = draw(widgets(max_depth=3))
    for node in _nodes(payload):
        if BY_NAME[node["type"]].children is None and draw(st.booleans()):
            node["children"] = draw(st.sampled_from([[], None]))
    return payload


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.one_of(
        with_empty_leaf_children(),
        damaged(guesses=True).map(lambda case: case[1]),
        _JSON,
    )
)
def test_repair_never_turns_a_widget_without_errors_into_one_with_errors(payload: Any) -> None:
    before = errors(validate(payload))
    after = errors(validate(repair(payload)[0]))
    assert before or not after  # clean stays clean (a widget with errors may keep some)

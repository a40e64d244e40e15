"""A hypothesis strategy for JSON (and JSON-ish Python values) built to break a validator.

`validate()` promises diagnostics, never an exception, for any JSON at all: LLM output, a
hand-edited file, a payload a client posted. `hostile_json()` draws values around that promise's
edges: real component and prop names holding wrong values, deep nesting, huge strings, unicode
(lone surrogates included), NaN and infinities, integers past float range, and dict keys that
are not strings (Python callers can pass those even though JSON cannot)::

    from hypothesis import given
    from widgetkit import validate
    from widgetkit.testing.hostile import hostile_json

    @given(hostile_json())
    def test_validate_never_raises(value):
        validate(value)
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ..catalog import BY_NAME

__all__ = ["hostile_json"]

_NAMES = sorted(BY_NAME)
_PROPS = sorted({field for c in BY_NAME.values() for field in c.by_name} | {"type", "children"})
# Strings that look meaningful to some layer: tokens, pointers, markup, URLs, and names that are
# almost components.
_LOOKALIKES = [
    *(n.lower() for n in _NAMES),
    *(n + "s" for n in _NAMES),
    "Table.Row.Cell",
    "",
    " ",
    "/children/0",
    "~1~0",
    "%s%n",
    "{{ x }}",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "data:text/html,<b>x</b>",
    "2025-02-30",
    "9999-99-99T99:99",
    "#zzz",
    "xl",
    "6xl",
    "__proto__",
    "constructor",
    # Patterns: nested past any recursion limit, catastrophic backtracking, another dialect.
    "(" * 600 + ")" * 600,
    "(" * 5000,
    "(((a+)+)+)+$",
    "(\\w+\\s?)*$",
    "\\p{L}+",
    "(?P<x>a)",
    "url(javascript:alert(1))",
    " javascript:alert(1)",
    "20250314",
    "2025-W11-5",
]

_UNICODE = st.text(st.characters(codec=None, exclude_categories=()), max_size=16)
_STRINGS = (
    _UNICODE | st.sampled_from(_NAMES) | st.sampled_from(_PROPS) | st.sampled_from(_LOOKALIKES)
)


def _repeat(chunk: str, length: int) -> str:
    # About `length` characters whatever the chunk: chunk × length would reach 3 M characters,
    # and a value holding thirty of them exhausted memory over a 10,000-value run.
    chunk = chunk or "x"
    return chunk * max(1, length // len(chunk))


# Drawing a megabyte character by character would be slow; repeating a drawn chunk is not.
_HUGE_STRINGS = st.builds(_repeat, _UNICODE, st.integers(10_000, 200_000))
_INTS = st.integers() | st.sampled_from([2**53 + 1, -(2**63), 2**64, 10**400, -(10**400)])
_FLOATS = st.floats() | st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.0, 5e-324])
_SCALARS = st.none() | st.booleans() | _INTS | _FLOATS | _STRINGS
_ODD_KEYS = (
    st.integers(-3, 3) | st.none() | st.booleans() | st.floats() | st.tuples(st.integers(0, 2))
)
_KEYS: st.SearchStrategy[Any] = st.sampled_from(_PROPS) | _UNICODE | _ODD_KEYS


def _node(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[Any, Any]]:
    """A dict that claims to be a component: a real (or almost real) type, and some of that
    component's own prop names holding whatever `inner` draws."""

    def build(name: str) -> st.SearchStrategy[dict[Any, Any]]:
        props = sorted(BY_NAME[name].by_name) if name in BY_NAME else _PROPS
        return st.fixed_dictionaries(
            {"type": st.just(name)},
            optional={"children": inner, **dict.fromkeys(props[:12], inner)},
        )

    return (st.sampled_from(_NAMES) | st.sampled_from(_LOOKALIKES)).flatmap(build)


def _nest(leaf: Any, depth: int, how: str) -> Any:
    """`leaf` wrapped `depth` times, without recursion (the point is to be deeper than it)."""
    value = leaf
    for i in range(depth):
        if how == "list":
            value = [value]
        elif how == "dict":
            value = {"children": value}
        elif how == "transition":
            value = {"type": "Transition", "children": value}
        else:
            # A valid sibling at each level: a problem on every level would make the answer
            # itself quadratic (each pointer is as long as the depth), which is not the point.
            sibling = {"type": "Text", "value": "ok"}
            value = {"type": "Col" if i % 2 else "Box", "children": [value, sibling]}
    return value


def hostile_json(*, max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Values a widget validator must answer with diagnostics, never with an exception."""
    leaves = _SCALARS | _HUGE_STRINGS
    tree: st.SearchStrategy[Any] = st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=5) | st.dictionaries(_KEYS, inner, max_size=5) | _node(inner)
        ),
        max_leaves=max_leaves,
    )
    deep = st.builds(
        _nest,
        tree,
        st.integers(50, 3_000),
        st.sampled_from(["list", "dict", "transition", "children"]),
    )
    rooted = _node(tree).map(lambda n: {**n, "type": "Card", "children": [n]})
    return tree | deep | rooted

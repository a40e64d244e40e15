"""Hypothesis strategies for the instances a strict-mode JSON Schema accepts (not a test module).

hypothesis-jsonschema would do this, but its last release (0.23.1) fails on current hypothesis
(`'many' object has no attribute 'more'`), and the strict subset is small: objects with every key
required, arrays, `anyOf`, type lists, `enum`, `const`, `pattern`, `$ref` into `$defs`.

A recursive schema would draw trees without end, so past `depth` levels every `anyOf` keeps only
its shallowest branches (the ones that need the fewest levels of objects) and arrays are empty.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

Schema = dict[str, Any]


def instances(schema: Schema, *, depth: int = 6) -> st.SearchStrategy[Any]:
    defs: dict[str, Schema] = schema.get("$defs", {})
    height = _heights(schema, defs)

    def resolve(s: Schema) -> Schema:
        while "$ref" in s:
            s = defs[s["$ref"].rsplit("/", 1)[1]]
        return s

    def draw(s: Schema, level: int) -> st.SearchStrategy[Any]:
        s = resolve(s)
        if "anyOf" in s:
            branches = s["anyOf"]
            if level > depth:
                low = min(height(b) for b in branches)
                branches = [b for b in branches if height(b) == low]
            return st.one_of([st.deferred(lambda b=b: draw(b, level)) for b in branches])
        if "const" in s:
            return st.just(s["const"])
        if "enum" in s:
            return st.sampled_from(s["enum"])
        types = s["type"] if isinstance(s["type"], list) else [s["type"]]
        return st.one_of([by_type(t, s, level) for t in types])

    def by_type(t: str, s: Schema, level: int) -> st.SearchStrategy[Any]:
        if t == "null":
            return st.none()
        if t == "boolean":
            return st.booleans()
        if t == "integer":
            return st.integers()
        if t == "number":
            return st.integers() | st.floats(allow_nan=False, allow_infinity=False)
        if t == "string":
            if "pattern" in s:
                # JSON Schema's `$` is ECMA 262's: the end of the string, Python's \Z.
                return st.from_regex(s["pattern"].replace("$", r"\Z"))
            return st.text(max_size=20)
        if t == "array":
            if level > depth:
                return st.just([])
            return st.lists(st.deferred(lambda: draw(s["items"], level + 1)), max_size=3)
        if t == "object":
            props = s["properties"]
            required = set(s.get("required", []))
            return st.fixed_dictionaries(
                {k: draw(v, level + 1) for k, v in props.items() if k in required},
                optional={k: draw(v, level + 1) for k, v in props.items() if k not in required},
            )
        raise ValueError(f"not in the strict subset: type {t!r}")

    return draw(schema, 0)


def _heights(schema: Schema, defs: dict[str, Schema]) -> Any:
    """height(s): the fewest levels of objects an instance of `s` needs, from a fixpoint over the
    definitions (a definition that only recurses stays infinite)."""
    known: dict[str, float] = dict.fromkeys(defs, math.inf)

    def height(s: Schema) -> float:
        if "$ref" in s:
            return known[s["$ref"].rsplit("/", 1)[1]]
        if "anyOf" in s:
            return min(height(b) for b in s["anyOf"])
        types = s.get("type")
        if types == "object" or (isinstance(types, list) and types == ["object"]):
            required = set(s.get("required", []))
            kids = [height(v) for k, v in s["properties"].items() if k in required]
            return 1 + max(kids, default=0)
        return 0  # scalars, null, and arrays (which may be empty)

    changed = True
    while changed:
        changed = False
        for name, d in defs.items():
            h = height(d)
            if h < known[name]:
                known[name], changed = h, True
    return height

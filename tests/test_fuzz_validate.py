"""`validate` fuzzed with hostile JSON (widgetkit.testing.hostile): real component names holding
wrong values, deep nesting, huge strings, unicode, NaN and infinities, big ints, non-string keys.
It answers with diagnostics, never an exception. `bench/fuzz_validate.py` runs 10,000 and more."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings

from widgetkit import validate
from widgetkit.diagnostics import Diagnostic
from widgetkit.testing.hostile import hostile_json

# A fixed seed (derandomize) keeps CI reproducible; the bench script draws fresh values.
CI = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@CI
@given(hostile_json())
def test_hostile_json_gets_diagnostics_never_an_exception(value: object) -> None:
    for runtime in (None, "js", "python"):
        found = validate(value, runtime=runtime)  # type: ignore[arg-type]
        assert all(isinstance(d, Diagnostic) for d in found)
        assert all(d.path == "" or d.path.startswith("/") for d in found)
        assert all(d.severity in ("error", "warning") and d.code and d.message for d in found)


def test_the_edges_the_strategy_aims_at_are_answered() -> None:
    edges: list[object] = [
        {"type": "Card", "children": [{"type": "Text", "value": math.nan}]},
        {"type": "Card", "children": [{"type": "Text", "value": "x", "size": math.inf}]},
        {"type": "Card", "children": [{"type": "Image", "src": "x", "width": 10**400}]},
        {"type": "Card", "children": [{"type": "Text", 3: "x", None: 1, (1,): 2}]},
        {"type": "Card", "children": [{"type": "Text", "value": "\ud800" * 100_000}]},
        {"type": "\ud800", "children": [{"type": "Text" * 50_000}]},
        {1: {"type": "Card"}},
    ]
    for value in edges:
        for runtime in (None, "js", "python"):
            found = validate(value, runtime=runtime)  # type: ignore[arg-type]
            assert all(isinstance(d, Diagnostic) for d in found)

"""Every gallery widget in every sample state, shared by the gallery tests (not a test module)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from widgetkit.gallery import WIDGETS
from widgetkit.widget import Widget

CASES: list[tuple[Widget[..., Any], str]] = [(w, state) for w in WIDGETS for state in w.samples]
IDS = [f"{w.name}[{state}]" for w, state in CASES]


def build_all() -> dict[str, dict[str, Any]]:
    """`"widget[state]"` → the widget's wire JSON."""
    return {
        case_id: w.build(state).to_dict() for case_id, (w, state) in zip(IDS, CASES, strict=True)
    }


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every component in a widget's JSON, depth first."""
    if isinstance(node, dict) and "type" in node:
        yield node
        kids = node.get("children")
        for kid in kids if isinstance(kids, list) else [kids] if kids else []:
            yield from walk(kid)

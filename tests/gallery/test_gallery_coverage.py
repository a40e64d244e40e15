"""The gallery shows every catalog component and every token of the main visual props.

The expected lists come from the catalog (`widgetkit.catalog.COMPONENTS`), never from a copy, so
a component or token added to the catalog fails here until the gallery shows it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from gallery_cases import walk

from widgetkit.catalog import COMPONENTS
from widgetkit.catalog.types import Tokens, Type, Union

MAIN_VISUAL_PROPS = ("size", "color", "variant", "style")


def token_lists(t: Type) -> list[Tokens]:
    """The token lists a prop type accepts (a Union such as `int | "auto"` counts its tokens)."""
    if isinstance(t, Tokens):
        return [t]
    if isinstance(t, Union):
        return [tokens for option in t.options for tokens in token_lists(option)]
    return []


def expected_tokens() -> dict[tuple[str, str], set[str]]:
    """(component, prop) → every token of that prop, from the catalog."""
    out: dict[tuple[str, str], set[str]] = {}
    for component in COMPONENTS:
        for prop in component.props:
            if prop.name in MAIN_VISUAL_PROPS:
                values = {v for tokens in token_lists(prop.type) for v in tokens.values}
                if values:
                    out[component.name, prop.name] = values
    return out


def used(gallery_output: dict[str, dict[str, Any]]) -> dict[tuple[str, str], set[Any]]:
    seen: dict[tuple[str, str], set[Any]] = defaultdict(set)
    for payload in gallery_output.values():
        for node in walk(payload):
            seen[node["type"], "type"].add(node["type"])
            for prop in MAIN_VISUAL_PROPS:
                value = node.get(prop)
                if isinstance(value, str):
                    seen[node["type"], prop].add(value)
    return seen


def test_the_catalog_has_visual_tokens_to_cover() -> None:
    # Guards the derivation itself: if the catalog's shape changed, this must not pass vacuously.
    expected = expected_tokens()
    assert ("Button", "color") in expected and ("Title", "size") in expected
    assert len(expected) >= 15


def test_every_component_appears(gallery_output: dict[str, dict[str, Any]]) -> None:
    seen = used(gallery_output)
    missing = [c.name for c in COMPONENTS if (c.name, "type") not in seen]
    assert missing == [], f"no gallery widget shows {', '.join(missing)}"


def test_every_visual_token_appears(gallery_output: dict[str, dict[str, Any]]) -> None:
    seen = used(gallery_output)
    missing = {
        f"{component}.{prop}": sorted(tokens - seen.get((component, prop), set()))
        for (component, prop), tokens in expected_tokens().items()
        if tokens - seen.get((component, prop), set())
    }
    assert missing == {}, f"tokens no gallery widget shows: {missing}"

"""Every gallery widget in every state builds and validates with zero errors, on both runtimes."""

from __future__ import annotations

from typing import Any

import pytest
from gallery_cases import CASES, IDS, walk

from widgetkit import validate
from widgetkit.gallery import ASSETS_DIR, ASSETS_URL, WIDGETS, actions
from widgetkit.widget import Widget


def test_the_gallery_is_big_enough() -> None:
    assert len(WIDGETS) >= 30
    assert all(len(w.samples) >= 2 for w in WIDGETS), [
        w.name for w in WIDGETS if len(w.samples) < 2
    ]
    assert len({w.name for w in WIDGETS}) == len(WIDGETS), "widget names must be unique"


@pytest.mark.parametrize(("widget", "state"), CASES, ids=IDS)
@pytest.mark.parametrize("runtime", [None, "js", "python"])
def test_validates_without_errors(widget: Widget[..., Any], state: str, runtime: Any) -> None:
    problems = [
        d for d in validate(widget.build(state).to_dict(), runtime=runtime) if d.severity == "error"
    ]
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(("widget", "state"), CASES, ids=IDS)
def test_no_warnings_either(widget: Widget[..., Any], state: str) -> None:
    # Runtime drift is only reported when a runtime is named; without one, any warning
    # (a missing label, alt text, a submit path) is a mistake in the example.
    warnings = validate(widget.build(state).to_dict())
    assert warnings == [], "\n".join(map(str, warnings))


def test_images_are_the_gallerys_own_files(gallery_output: dict[str, dict[str, Any]]) -> None:
    sources = {
        source
        for payload in gallery_output.values()
        for node in walk(payload)
        for source in (node.get("src"), (node.get("status") or {}).get("favicon"))
        if source
    }
    assert sources
    for src in sorted(sources):
        assert src.startswith(ASSETS_URL + "/"), f"{src} is not served by the preview offline"
        assert (ASSETS_DIR / src.removeprefix(ASSETS_URL + "/")).is_file(), src


def test_every_svg_asset_is_used(gallery_output: dict[str, dict[str, Any]]) -> None:
    text = "\n".join(str(p) for p in gallery_output.values())
    unused = [f.name for f in ASSETS_DIR.glob("*.svg") if f"/{f.name}" not in text]
    assert unused == []


def test_gallery_router_merges_every_module() -> None:
    assert len(actions.types) == len(set(actions.types)) >= 10

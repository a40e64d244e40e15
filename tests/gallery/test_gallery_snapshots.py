"""Snapshots of every gallery widget in every state: a change to a builder or to the catalog that
alters a widget's JSON shows up here as a diff (`--widget-snapshot-update` accepts it)."""

from __future__ import annotations

from typing import Any

import pytest

from widgetkit.gallery import WIDGETS
from widgetkit.widget import Widget


@pytest.mark.parametrize("widget", WIDGETS, ids=[w.name for w in WIDGETS])
def test_snapshot(widget_snapshot: Any, widget: Widget[..., Any]) -> None:
    for state in widget.samples:
        widget_snapshot.assert_match(widget.build(state), name=state)

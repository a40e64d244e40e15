"""What a few gallery widgets look like, pinned as PNGs with the `widget_image` fixture (the one
users get): a card with images, a chart, a form, a list and a table, in light and dark.

After a deliberate change to the renderer or the gallery, rerun with `--widget-snapshot-update`
and look at the new images before committing; a failure leaves a `.diff.png` beside the image.
"""

from __future__ import annotations

from typing import Any

import pytest

from widgetkit.gallery import WIDGETS

BY_NAME = {w.name: w for w in WIDGETS}
# (builder, state)
PINNED = [
    ("order_confirmation", "pending"),
    ("metrics_dashboard", "week"),
    ("text_fields", "filled"),
    ("task_list", "typical"),
    ("invoice", "due"),
    ("flight_options", "typical"),
]


@pytest.mark.parametrize(("builder", "state"), PINNED, ids=[b for b, _ in PINNED])
def test_gallery_image(widget_image: Any, builder: str, state: str) -> None:
    for theme in ("light", "dark"):
        widget_image.assert_match(BY_NAME[builder].build(state), name=theme, theme=theme)

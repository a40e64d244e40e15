"""The widgetkit gallery: every ChatKit component, and widgets people really build in chat.

Each theme module holds `@widget` builders with named sample states, and a module-level
`actions = ActionRouter()` with mock handlers for every action its widgets send. This package
merges them: `WIDGETS` lists every widget, `actions` handles every action type.

Images are SVG files in `gallery/assets/` (`ASSETS_DIR`), referenced from widgets by the URL path
`/gallery-assets/<file>.svg`; the preview server serves that folder at that path, so the gallery
works offline. Installed, this package is `widgetkit.gallery`.

```python
from widgetkit.gallery import WIDGETS, actions
card = WIDGETS[0].build()                       # first sample state
outcome = await actions.dispatch("gallery.click", {"label": "Hi"})
```
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from widgetkit import Node
from widgetkit.handlers import ActionRouter
from widgetkit.widget import Widget

from . import (
    buttons,
    charts,
    commerce,
    content,
    controls,
    layout,
    media,
    productivity,
    status,
    tables,
    travel,
    typography,
)
from ._common import ASSETS_URL as ASSETS_URL

ASSETS_DIR = Path(__file__).parent / "assets"

# Component families first (the catalog's living documentation), then compositions.
MODULES: tuple[ModuleType, ...] = (
    typography,
    media,
    buttons,
    layout,
    controls,
    charts,
    tables,
    commerce,
    travel,
    productivity,
    content,
    status,
)


def _widgets() -> list[Widget[..., Node]]:
    found: dict[int, Widget[..., Node]] = {}  # by identity: a module may import another's widget
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, Widget):
                found.setdefault(id(value), value)
    return list(found.values())


WIDGETS = _widgets()

actions = ActionRouter()
for _module in MODULES:
    actions.include(_module.actions)

"""`.widget` files: OpenAI Widget Studio exports, loaded and rendered as openai-chatkit does.

```python
from widgetkit.templates import load_widget

wf = load_widget("order.widget")
payload = wf.render()              # the wire JSON for the file's sample data
payload = wf.render({"id": "A-1"}) # or for given data; raises TemplateError with diagnostics
```
Rendering follows `chatkit.widgets.WidgetTemplate.build` exactly (jinja2 with StrictUndefined, the
result parsed as JSON, null-valued props dropped as chatkit's serializer drops them); on top of it the
data is checked against the file's `jsonSchema` first, and a variable the data lacks is named with
the template text around it instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ._file import WidgetFile as WidgetFile
from ._file import decode_editor as decode_editor
from ._file import load_widget as load_widget
from ._file import loads_widget as loads_widget
from ._file import no_sample
from ._render import ENV as ENV
from ._render import TemplateError as TemplateError
from ._render import drop_nulls as drop_nulls
from ._render import render_template as render_template

if TYPE_CHECKING:
    from ..discover import Found


def discover_widget_file(path: Path) -> Iterator[Found]:
    """The `.widget` file rendered with its sample data, for `widgetkit validate` and the preview.

    The payload is not validated here (the caller does); its diagnostics are load, data-schema
    and missing-variable errors, and warnings for a missing sample or drift from the preview."""
    from ..discover import Found

    try:
        wf = load_widget(path)
    except TemplateError as exc:
        yield Found(path, "", None, exc.diagnostics)
        return
    data = wf.sample
    if data is None:
        yield Found(path, "", None, [no_sample(wf)])
        return
    diags = wf.check_data(data)
    try:
        payload = wf.render(data, schema=False)
    except TemplateError as exc:
        yield Found(path, "", None, diags + exc.diagnostics)
        return
    yield Found(path, "", payload, diags + wf.drift(payload))

"""The component catalog: the one place a ChatKit widget component is described.

`components.py` holds the components, `shapes.py` the shared token lists and shapes, `types.py`
the small type language they are written in, `sources.py` the docs each rule rests on, and
`aliases.py` the words people and models write for them (for hints).
"""

from __future__ import annotations

from .components import ALLOWED_CHILDREN as ALLOWED_CHILDREN
from .components import BY_NAME as BY_NAME
from .components import COMPONENTS as COMPONENTS
from .components import FIELDS as FIELDS
from .components import FORM_CONTROLS as FORM_CONTROLS
from .components import FORMS as FORMS
from .components import ROOTS as ROOTS
from .components import Children as Children
from .components import Component as Component
from .components import FormBehaviour as FormBehaviour
from .sources import SOURCES as SOURCES
from .sources import Source as Source

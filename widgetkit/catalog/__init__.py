"""The component catalog: the one place a ChatKit widget component is described."""

from __future__ import annotations

from .components import (
    ALLOWED_CHILDREN as ALLOWED_CHILDREN,
)
from .components import (
    BY_NAME as BY_NAME,
)
from .components import (
    COMPONENTS as COMPONENTS,
)
from .components import (
    FORM_CONTROLS as FORM_CONTROLS,
)
from .components import (
    ROOTS as ROOTS,
)
from .components import (
    Children as Children,
)
from .components import (
    Component as Component,
)

"""The small type language the catalog is written in.

Every consumer (the validator, the builder code generator, the JSON Schema export, the hypothesis
strategies) walks these same nodes, so a prop's type is stated exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

Runtime = Literal["python", "js"]
BOTH: frozenset[Runtime] = frozenset({"python", "js"})
PY: frozenset[Runtime] = frozenset({"python"})
JS: frozenset[Runtime] = frozenset({"js"})


@dataclass(frozen=True)
class Scalar:
    """A JSON scalar: `str`, `bool`, `int`, `number` (int or float, never bool) or `any` JSON."""

    kind: Literal["str", "bool", "int", "number", "any"]


@dataclass(frozen=True)
class Tokens:
    """A named set of string tokens, e.g. `TitleSize`."""

    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Const:
    """Exactly one JSON value (`editable: false`, a series `type`)."""

    value: str | bool


@dataclass(frozen=True)
class ColorStr:
    """A colour string: one of `tokens`, a primitive token like `red-100`, or any CSS colour.

    `css` is what ChatKit passes the string to: a `"color"`, or a `"background"`, which also
    takes images (`url(...)`, gradients) and the background shorthand."""

    name: str
    tokens: tuple[str, ...]
    css: Literal["color", "background"] = "color"


@dataclass(frozen=True)
class IsoDate:
    """An ISO 8601 date or datetime string."""


@dataclass(frozen=True)
class IconRef:
    """An icon name: a built-in name, or `vendor:` / `lucide:` prefixed (Python runtime only)."""


@dataclass(frozen=True)
class Regex:
    """A regular expression string (an HTML `pattern` attribute)."""


@dataclass(frozen=True)
class Union:
    options: tuple[Type, ...]


@dataclass(frozen=True)
class ListOf:
    item: Type


@dataclass(frozen=True)
class MapOf:
    """A JSON object with arbitrary string keys; `why` says why it must be one (for hints)."""

    value: Type
    why: str = ""


# A prop's default: the JSON value ChatKit uses when the prop is absent (None: no default).
Default: TypeAlias = str | int | float | bool | None


@dataclass(frozen=True)
class Field:
    """A prop or shape key. `default` is what the runtime uses when it is absent, backed by the
    source named `default_source` (a key of `catalog.sources.SOURCES`); a field only one runtime
    defines names the evidence in `runtime_source`."""

    name: str
    type: Type
    doc: str
    required: bool = False
    runtimes: frozenset[Runtime] = BOTH
    default: Default = None
    default_source: str = ""
    runtime_source: str = ""


@dataclass(frozen=True)
class Shape:
    """A JSON object with known keys (a TypedDict in the builders)."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


@dataclass(frozen=True)
class Tagged:
    """One of several shapes told apart by the constant value of `key` (chart series)."""

    name: str
    key: str
    variants: tuple[Shape, ...]


Type: TypeAlias = (
    Scalar
    | Tokens
    | Const
    | ColorStr
    | IsoDate
    | IconRef
    | Regex
    | Union
    | ListOf
    | MapOf
    | Shape
    | Tagged
)

STR = Scalar("str")
BOOL = Scalar("bool")
INT = Scalar("int")
NUMBER = Scalar("number")
ANY = Scalar("any")

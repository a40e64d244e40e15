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
    """A colour string: one of `tokens`, a primitive token like `red-100`, or any CSS colour."""

    name: str
    tokens: tuple[str, ...]


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
    """A JSON object with arbitrary string keys."""

    value: Type


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    doc: str
    required: bool = False
    runtimes: frozenset[Runtime] = BOTH


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

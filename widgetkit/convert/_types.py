"""Python annotations, and the TypedDicts they name, for a `.widget` file's `jsonSchema`."""

from __future__ import annotations

import keyword
import re
import typing
from dataclasses import dataclass, field
from typing import Any

from .. import components
from ..components import __all__ as COMPONENT_NAMES


class ConvertError(ValueError):
    """A `.widget` file that cannot become a faithful Python builder; the message says why."""


# Names the generated module imports or uses; a TypedDict must not take one of them.
RESERVED = frozenset(COMPONENT_NAMES) | {
    "widget",
    "Any",
    "Literal",
    "NotRequired",
    "TypedDict",
    "Node",
}


@dataclass
class TypedDictClass:
    """A TypedDict for an object schema: its keys as (annotation, required); or, when a value
    of it is passed whole to a prop of a shape, the widgetkit TypedDict of that shape, its base."""

    name: str
    doc: str | None
    keys: dict[str, tuple[str, bool]]
    base: str | None = None

    def source(self) -> str:
        lines = [f"class {self.name}({self.base or 'TypedDict'}):"]
        if self.doc:
            lines.append(f"    {_docstring(self.doc)}")
        for key, (ann, required) in self.keys.items():
            lines.append(f"    {key}: {ann}" if required else f"    {key}: NotRequired[{ann}]")
        return "\n".join(lines if len(lines) > 1 else [*lines, "    pass"])


@dataclass
class Types:
    """The TypedDict classes made so far (in dependency order) and typing imports."""

    classes: list[TypedDictClass] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)
    # the class made for each object schema, by the identity of its `properties`
    by_props: dict[int, TypedDictClass] = field(default_factory=dict)

    def imports(self) -> set[str]:
        """The names to import from `typing`."""
        used = set(self.typing)
        if any(c.base is None for c in self.classes):
            used.add("TypedDict")
        if any(not req for c in self.classes for _, req in c.keys.values()):
            used.add("NotRequired")
        return used

    def extend(self, schema: Any, shape: str) -> str | None:
        """Make the class typed for the object `schema` extend widgetkit's TypedDict `shape`
        (`SelectOption`), so that a value of it passes whole to a prop typed with that shape:
        mypy takes one TypedDict for another only when it has each of the other's keys, of the
        same type and as required. None when done; else why not, as a clause."""
        props = schema.get("properties") if isinstance(schema, dict) else None
        cls = self.by_props.get(id(props))
        base = getattr(components, shape, None)
        if cls is None or base is None or not typing.is_typeddict(base):
            return "its schema is not an object schema with properties"
        if cls.base == shape:
            return None
        if cls.base is not None:
            return f"it already extends {cls.base}"
        # `Required[...]` is read from the hints: under `from __future__ import annotations`
        # Python 3.11 leaves `__required_keys__` empty.
        hints = typing.get_type_hints(base, include_extras=True)
        for key, hint in hints.items():
            required = typing.get_origin(hint) is typing.Required or (
                base.__total__ and typing.get_origin(hint) is not typing.NotRequired
            )
            if typing.get_origin(hint) in (typing.Required, typing.NotRequired):
                (hint,) = typing.get_args(hint)
            kind = getattr(hint, "__name__", str(hint))
            if key not in cls.keys:
                if required:
                    return f"it lacks `{key}`, which a {shape} has"
            elif cls.keys[key] != (kind, required):
                how = "required" if required else "optional"
                return f"its `{key}` is not a {how} {kind}, as a {shape}'s is"
        extra = [k for k in cls.keys if k not in hints]
        if extra:  # the widget would carry them, and no validator takes them
            return f"it has `{extra[0]}`, which a {shape} has not"
        cls.base, cls.keys = shape, {}
        return None

    def annotation(self, schema: Any, hint: str, where: str) -> str:
        """The annotation for `schema`; objects become TypedDicts named after `hint`."""
        if not isinstance(schema, dict) or not schema:
            self.typing.add("Any")
            return "Any"
        if "$ref" in schema:
            raise ConvertError(
                f"The jsonSchema at {where} uses $ref, which convert does not follow; inline the "
                "referenced schema and convert again."
            )
        if "const" in schema:
            return self._literal([schema["const"]], where)
        if "enum" in schema:
            return self._literal(list(schema["enum"]), where)
        parts = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(parts, list):
            return union(self.annotation(p, hint, where) for p in parts)
        kind = schema.get("type")
        if isinstance(kind, list):
            return union(self.annotation({**schema, "type": k}, hint, where) for k in kind)
        simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
        if kind in simple:
            return simple[kind]
        if kind == "null":
            return "None"
        if kind == "array":
            return f"list[{self.annotation(schema.get('items'), singular(hint), where + '/items')}]"
        if kind == "object" or "properties" in schema:
            props = schema.get("properties")
            if not isinstance(props, dict) or not props:
                self.typing.add("Any")
                return "dict[str, Any]"
            return self._typeddict(schema, props, hint, where)
        self.typing.add("Any")
        return "Any"

    def _literal(self, values: list[Any], where: str) -> str:
        if not values or not all(v is None or isinstance(v, str | int | bool) for v in values):
            raise ConvertError(
                f"The jsonSchema at {where} lists values {values!r} that a Literal cannot hold; "
                "use strings, numbers or booleans."
            )
        self.typing.add("Literal")
        kept = [repr(v) for v in values if v is not None]
        out = f"Literal[{', '.join(kept)}]" if kept else "None"
        return f"{out} | None" if None in values and kept else out

    def _typeddict(
        self, schema: dict[str, Any], props: dict[str, Any], hint: str, where: str
    ) -> str:
        name = self._class_name(hint)
        self.names.add(name)
        required = set(schema.get("required") or [])
        doc = schema.get("description")
        cls = TypedDictClass(name, doc if isinstance(doc, str) and doc.strip() else None, {})
        for key, sub in props.items():
            if not key.isidentifier() or keyword.iskeyword(key):
                raise ConvertError(
                    f"The jsonSchema property {where}/properties/{key} is not a Python name, so "
                    "a TypedDict cannot declare it; rename it in the schema and the template."
                )
            cls.keys[key] = (
                self.annotation(sub, key, f"{where}/properties/{key}"),
                key in required,
            )
        self.classes.append(cls)
        self.by_props[id(props)] = cls
        return name

    def _class_name(self, hint: str) -> str:
        words = re.split(r"[^0-9A-Za-z]+|(?<=[a-z0-9])(?=[A-Z])", hint)
        base = "".join(w[:1].upper() + w[1:] for w in words if w) or "Data"
        if base[0].isdigit():
            base = "Data" + base
        name, n = base, 1
        while name in self.names or name in RESERVED:
            n += 1
            name = f"{base}Data" if n == 2 else f"{base}Data{n - 1}"
        return name


def union(parts: Any) -> str:
    seen: list[str] = []
    for part in parts:
        for p in part.split(" | "):
            if p not in seen:
                seen.append(p)
    if "Any" in seen:
        return "Any"
    # `None` last, as people write `str | None`.
    seen.sort(key=lambda p: p == "None")
    return " | ".join(seen)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 1:
        return word[:-1]
    return word + "_item"


def unwrap(schema: Any) -> Any:
    """The non-null part of a nullable schema (for looking up keys and items)."""
    if not isinstance(schema, dict):
        return None
    parts = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(parts, list):
        real = [p for p in parts if not (isinstance(p, dict) and p.get("type") == "null")]
        return unwrap(real[0]) if len(real) == 1 else None
    kind = schema.get("type")
    if isinstance(kind, list):
        real = [k for k in kind if k != "null"]
        return {**schema, "type": real[0]} if len(real) == 1 else None
    return schema


def nullable(schema: Any) -> bool:
    """Whether data may hold null where this schema applies (unknown schemas may)."""
    if not isinstance(schema, dict) or not schema:
        return True
    parts = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(parts, list):
        return any(nullable(p) for p in parts)
    kind = schema.get("type")
    if "enum" in schema:
        return None in schema["enum"]
    if "const" in schema:
        return schema["const"] is None
    if isinstance(kind, list):
        return "null" in kind
    return kind is None or kind == "null"


def _docstring(text: str) -> str:
    text = " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{text}"""'

"""Python annotations, and the TypedDicts they name, for a `.widget` file's `jsonSchema`."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

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
class Types:
    """The TypedDict classes made so far (source text, in dependency order) and typing imports."""

    classes: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)

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
        lines = [f"class {name}(TypedDict):"]
        doc = schema.get("description")
        if isinstance(doc, str) and doc.strip():
            lines.append(f"    {_docstring(doc)}")
        for key, sub in props.items():
            if not key.isidentifier() or keyword.iskeyword(key):
                raise ConvertError(
                    f"The jsonSchema property {where}/properties/{key} is not a Python name, so "
                    "a TypedDict cannot declare it; rename it in the schema and the template."
                )
            ann = self.annotation(sub, key, f"{where}/properties/{key}")
            if key not in required:
                self.typing.add("NotRequired")
                ann = f"NotRequired[{ann}]"
            lines.append(f"    {key}: {ann}")
        self.typing.add("TypedDict")
        self.classes.append("\n".join(lines))
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

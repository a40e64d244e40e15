"""widget_schema() keeps OpenAI Structured Outputs' strict-mode rules and limits.

Source: OpenAI, "Structured model outputs", section "Supported schemas",
https://developers.openai.com/api/docs/guides/structured-outputs#supported-schemas
(formerly https://platform.openai.com/docs/guides/structured-outputs). Quoted as each rule is
checked below. The limits were raised in 2025 (from 100 properties, 5 levels, 15,000 characters
and 500 enum values); these are the current ones.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from agents.strict_schema import ensure_strict_json_schema

from widgetkit.llm import widget_schema
from widgetkit.llm.schema import MAX_DEPTH

SOURCE = "https://developers.openai.com/api/docs/guides/structured-outputs#supported-schemas"

# "A schema may have up to 5000 object properties total, with up to 10 levels of nesting."
MAX_PROPERTIES = 5000
MAX_NESTING = 10
# "In a schema, total string length of all property names, definition names, enum values, and
# const values cannot exceed 120,000 characters."
MAX_STRING_SIZE = 120_000
# "A schema may have up to 1000 enum values across all enum properties."
MAX_ENUM_VALUES = 1000
# "For a single enum property with string values, the total string length of all enum values
# cannot exceed 15,000 characters when there are more than 250 enum values."
LARGE_ENUM, MAX_LARGE_ENUM_SIZE = 250, 15_000

# "Supported types": String, Number, Boolean, Integer, Object, Array, Enum, anyOf (and null, as
# the docs' own optional fields write `"type": ["string", "null"]`).
TYPES = {"string", "number", "boolean", "integer", "object", "array", "null"}
# "Supported properties": string `pattern` and `format`, number `multipleOf`, `maximum`,
# `exclusiveMaximum`, `minimum`, `exclusiveMinimum`, array `minItems`, `maxItems`; with the
# structural keywords the section's examples use (definitions, `$ref`, `const`, `description`).
KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "anyOf", "enum", "const",
    "$ref", "$defs", "description", "pattern", "format", "multipleOf", "maximum",
    "exclusiveMaximum", "minimum", "exclusiveMinimum", "minItems", "maxItems", "title",
}  # fmt: skip
# "format — Predefined formats for strings. Currently supported: ..."
FORMATS = {"date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"}
# "Some type-specific keywords are not yet supported. Composition: allOf, not,
# dependentRequired, dependentSchemas, if, then, else"
UNSUPPORTED = {"allOf", "not", "dependentRequired", "dependentSchemas", "if", "then", "else"}

SCHEMAS = {
    "default (recursive)": widget_schema(),
    f"max_depth={MAX_DEPTH}": widget_schema(max_depth=MAX_DEPTH),
    "a few components": widget_schema(components=["Card", "Row", "Col", "Text", "Button"]),
}


@dataclass
class Size:
    properties: int = 0
    enum_values: int = 0
    string_size: int = 0
    largest_enum: int = 0


def subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """Every schema object in the document (definitions included), depth first."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield node
        stack += node.get("properties", {}).values()
        stack += node.get("$defs", {}).values()
        stack += node.get("anyOf", [])
        if isinstance(node.get("items"), dict):
            stack.append(node["items"])


def measure(schema: dict[str, Any]) -> Size:
    size = Size(string_size=sum(map(len, schema.get("$defs", {}))))
    for node in subschemas(schema):
        props = node.get("properties", {})
        size.properties += len(props)
        size.string_size += sum(map(len, props))
        enum = node.get("enum", [])
        size.enum_values += len(enum)
        size.string_size += sum(len(str(v)) for v in enum)
        if len(enum) > LARGE_ENUM:
            size.largest_enum = max(size.largest_enum, sum(len(str(v)) for v in enum))
        if "const" in node:
            size.string_size += len(str(node["const"]))
    return size


def nesting(schema: dict[str, Any], *, through_refs: bool) -> int:
    """Levels of objects nested in objects. Through references: how deep an instance can go (a
    recursive schema has no such bound). Without: each definition counted from the document's
    root, where it stands."""
    defs = schema.get("$defs", {})
    memo: dict[str, int] = {}

    def depth(node: Any) -> int:
        if not isinstance(node, dict):
            return 0
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            if not through_refs:
                return 0
            if name not in memo:
                memo[name] = -1  # on the path: a cycle
                memo[name] = depth(defs[name])
            assert memo[name] >= 0, f"{name} refers to itself: no bound through references"
            return memo[name]
        here = 1 if node.get("type") == "object" else 0
        inner = [*node.get("properties", {}).values(), *node.get("anyOf", [])]
        if isinstance(node.get("items"), dict):
            inner.append(node["items"])
        return here + max((depth(n) for n in inner), default=0)

    levels = depth(schema)
    if not through_refs:
        levels = max([levels, *(1 + depth(d) for d in defs.values())])
    return levels


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_schema_keeps_the_strict_mode_rules(name: str) -> None:
    schema = SCHEMAS[name]
    # "Root objects must not be anyOf and must be an object"
    assert schema["type"] == "object" and "anyOf" not in schema
    for node in subschemas(schema):
        assert set(node) <= KEYWORDS | {"$schema"}, f"unsupported keyword in {node} ({SOURCE})"
        assert not set(node) & UNSUPPORTED
        types = node.get("type", [])
        assert set(types if isinstance(types, list) else [types]) <= TYPES
        if "format" in node:
            assert node["format"] in FORMATS
        if "$ref" in node:
            # local definitions only ("Definitions are supported"), and nothing beside a $ref
            assert node["$ref"].startswith("#/$defs/") and node["$ref"][8:] in schema["$defs"]
            assert set(node) == {"$ref"}
        if node.get("type") == "object":
            # "additionalProperties: false must always be set in objects"
            assert node["additionalProperties"] is False
            # "all fields or function parameters must be specified as required"
            assert node["required"] == list(node["properties"])
        for prop in node.get("properties", {}).values():
            # "For anyOf, the nested schemas must each be a valid JSON Schema per this subset"
            assert prop.get("anyOf", [None]) != []


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_schema_is_within_the_documented_limits(name: str) -> None:
    schema = SCHEMAS[name]
    size = measure(schema)
    assert size.properties <= MAX_PROPERTIES
    assert size.enum_values <= MAX_ENUM_VALUES
    assert size.string_size <= MAX_STRING_SIZE
    assert size.largest_enum <= MAX_LARGE_ENUM_SIZE
    assert nesting(schema, through_refs=False) <= MAX_NESTING


def test_an_unrolled_tree_stays_within_10_levels_even_counted_through_every_reference() -> None:
    assert nesting(widget_schema(max_depth=MAX_DEPTH), through_refs=True) == MAX_NESTING
    assert nesting(widget_schema(max_depth=MAX_DEPTH + 1), through_refs=True) > MAX_NESTING


def test_the_agents_sdk_takes_the_schema_as_strict_without_changing_it() -> None:
    for schema in SCHEMAS.values():
        assert ensure_strict_json_schema(copy.deepcopy(schema)) == schema


def test_strict_false_requires_only_what_the_catalog_requires() -> None:
    loose = widget_schema(strict=False)
    text = loose["$defs"]["Text"]
    assert text["required"] == ["type", "value"]
    assert list(text["properties"]) == list(widget_schema()["$defs"]["Text"]["properties"])

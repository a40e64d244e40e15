"""Jinja expressions as Python expressions over the builder's parameters, with the semantics
`WidgetTemplate` gives them: `item.name` reads a key, `~` joins text, filters and tests become
their Python equivalents. What has no faithful translation is refused with its place."""

from __future__ import annotations

import json
import keyword
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import nodes

from ._text import jinja_text
from ._types import ConvertError, nullable, unwrap

# Python precedence, lowest first (only the levels the translation produces).
COND, OR, AND, NOT, CMP, ADD, MUL, UNARY, POW, ATOM = 1, 2, 3, 4, 5, 10, 11, 12, 13, 16


@dataclass
class Py:
    """A translated expression: its code, its precedence, and what is known of its value."""

    code: str
    prec: int = ATOM
    schema: Any = None
    node: str | None = None  # the component it builds, when it builds one
    nodes: str | None = None  # the component of each element, for a list of components
    text: bool = False  # known to be a string
    lit: str | None = None  # the string, for a string constant


@dataclass
class LoopInfo:
    """The `loop` variable of the innermost `{% for %}`: which of its fields the body reads."""

    index: str
    items: str
    filtered: bool
    used: bool = False


@dataclass
class Binding:
    py: str
    schema: Any = None
    param: bool = False
    optional: bool = False  # may be absent from the data (a parameter that is not required)
    node: str | None = None
    nodes: str | None = None
    namespace: dict[str, Binding] | None = None
    loop: LoopInfo | None = None


@dataclass
class Scope:
    parent: Scope | None = None
    names: dict[str, Binding] = field(default_factory=dict)

    def lookup(self, name: str) -> Binding | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None

    def child(self) -> Scope:
        return Scope(self)


_FILTERS_PLAIN = {"upper", "lower", "capitalize"}
_DICT_METHODS = frozenset(dir(dict))


class Translator:
    def __init__(self, scope: Scope, warn: Callable[[str], None]) -> None:
        self.scope = scope
        self.warn = warn
        self.builtins: set[str] = set()

    def fail(self, node: nodes.Node, what: str, fix: str) -> ConvertError:
        return ConvertError(
            f"The template's `{jinja_text(node)}` at line {node.lineno} {what}; {fix}."
        )

    # ---------------------------------------------------------------------------------------

    def expr(self, node: nodes.Node) -> Py:
        method = getattr(self, "_" + type(node).__name__.lower(), None)
        if method is None:
            raise self.fail(
                node,
                f"is a Jinja {type(node).__name__} expression, which convert does not translate",
                "rewrite it with names, keys, comparisons, and/or/not, ~, if/else and common "
                "filters",
            )
        result: Py = method(node)
        return result

    def _name(self, node: nodes.Name) -> Py:
        b = self.scope.lookup(node.name)
        if b is None:
            raise self.fail(
                node,
                "reads a variable that is neither a jsonSchema property nor set in the template, "
                "so every render fails there",
                f"add `{node.name}` to jsonSchema or set it in the template",
            )
        if b.namespace is not None or b.loop is not None:
            raise self.fail(
                node,
                "uses a namespace or `loop` as a value",
                "read one of its attributes (ns.items, loop.index) instead",
            )
        kind = unwrap(b.schema)
        text = isinstance(kind, dict) and kind.get("type") == "string"
        return Py(b.py, ATOM, b.schema, b.node, b.nodes, text)

    def _const(self, node: nodes.Const) -> Py:
        value = node.value
        if not (value is None or isinstance(value, str | int | float | bool)):
            raise self.fail(node, "is a constant with no JSON value", "use a JSON literal")
        if isinstance(value, str):
            return Py(repr(value), ATOM, text=True, lit=value)
        negative = isinstance(value, int | float) and value < 0
        return Py(repr(value), UNARY if negative else ATOM)

    def _list(self, node: nodes.List) -> Py:
        return Py("[" + ", ".join(self.expr(i).code for i in node.items) + "]")

    def _tuple(self, node: nodes.Tuple) -> Py:
        items = [self.expr(i).code for i in node.items]
        return Py("(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")")

    def _dict(self, node: nodes.Dict) -> Py:
        pairs = [f"{self.expr(p.key).code}: {self.expr(p.value).code}" for p in node.items]
        return Py("{" + ", ".join(pairs) + "}")

    # keys ----------------------------------------------------------------------------------

    def key_of(self, node: nodes.Node) -> tuple[nodes.Node, str] | None:
        """(base, key) for `base.key` and `base['key']`."""
        if isinstance(node, nodes.Getattr):
            return node.node, node.attr
        if (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
        ):
            return node.node, node.arg.value
        return None

    def lookup_key(self, node: nodes.Node, base: Py, key: str) -> tuple[str, Any]:
        """How `key` stands in `base`'s schema: required, optional, missing (closed) or open."""
        schema = unwrap(base.schema)
        if not (isinstance(schema, dict) and isinstance(schema.get("properties"), dict)):
            return "open", None
        props: dict[str, Any] = schema["properties"]
        if key in props:
            return ("required" if key in (schema.get("required") or []) else "optional"), props[key]
        if schema.get("additionalProperties") is False:
            return "missing", None
        return "open", None

    def _getattr(self, node: nodes.Getattr) -> Py:
        if isinstance(node.node, nodes.Name):
            b = self.scope.lookup(node.node.name)
            if b is not None and b.loop is not None:
                return self.loop_attr(node, b.loop)
            if b is not None and b.namespace is not None:
                attr = b.namespace.get(node.attr)
                if attr is None:
                    raise self.fail(
                        node,
                        "reads a namespace attribute that its namespace(...) call never sets",
                        "give it a starting value in namespace(...)",
                    )
                return Py(attr.py, ATOM, attr.schema, attr.node, attr.nodes)
        if node.attr in _DICT_METHODS:
            raise self.fail(
                node,
                f"reads `.{node.attr}`, which Jinja resolves to the dict method of that name, not "
                "the key",
                f"write `{jinja_text(node.node)}['{node.attr}']` in the template",
            )
        return self.item(node, self.expr(node.node), node.attr)

    def item(self, node: nodes.Node, base: Py, key: str) -> Py:
        status, sub = self.lookup_key(node, base, key)
        if status == "missing":
            holds = ", ".join(unwrap(base.schema).get("properties", {})) or "no keys"
            raise self.fail(
                node,
                f"reads `{key}`, which the jsonSchema does not allow there (it allows {holds}), "
                "so every render fails",
                f"add `{key}` to the schema or read one of {holds}",
            )
        kind = unwrap(sub)
        text = isinstance(kind, dict) and kind.get("type") == "string"
        return Py(f"{self.wrap(base, ATOM)}[{key!r}]", ATOM, sub, text=text)

    def _getitem(self, node: nodes.Getitem) -> Py:
        found = self.key_of(node)
        base = self.expr(node.node)
        if found is not None:
            return self.item(node, base, found[1])
        if isinstance(node.arg, nodes.Slice):
            s = node.arg
            parts = [s.start, s.stop] + ([s.step] if s.step is not None else [])
            inner = ":".join("" if p is None else self.expr(p).code for p in parts)
            return Py(f"{self.wrap(base, ATOM)}[{inner}]", ATOM, base.schema, text=base.text)
        arg = self.expr(node.arg)
        schema = unwrap(base.schema)
        items = schema.get("items") if isinstance(schema, dict) else None
        return Py(f"{self.wrap(base, ATOM)}[{arg.code}]", ATOM, items)

    def loop_attr(self, node: nodes.Getattr, loop: LoopInfo) -> Py:
        if loop.filtered:
            raise self.fail(
                node,
                "reads `loop` in a {% for … if … %} loop, whose counts cover only the kept items",
                "filter the list before the loop or drop the loop's `if`",
            )
        loop.used = True
        i, n = loop.index, f"len({loop.items})"
        self.builtins.update({"len", "enumerate"})
        table = {
            "index0": Py(i),
            "index": Py(f"{i} + 1", ADD),
            "first": Py(f"{i} == 0", CMP),
            "last": Py(f"{i} == {n} - 1", CMP),
            "length": Py(n),
            "revindex": Py(f"{n} - {i}", ADD),
            "revindex0": Py(f"{n} - {i} - 1", ADD),
        }
        if node.attr not in table:
            raise self.fail(
                node,
                f"reads `loop.{node.attr}`, which convert does not translate",
                "use loop.index, index0, first, last, length or revindex",
            )
        return table[node.attr]

    # operators -----------------------------------------------------------------------------

    def wrap(self, py: Py, prec: int) -> str:
        return py.code if py.prec >= prec else f"({py.code})"

    def binary(self, node: Any, op: str, prec: int) -> Py:
        left, right = self.expr(node.left), self.expr(node.right)
        right_prec = prec if prec == POW else prec + 1
        left_prec = prec + 1 if prec == POW else prec
        code = f"{self.wrap(left, left_prec)} {op} {self.wrap(right, right_prec)}"
        return Py(code, prec, text=op == "+" and left.text and right.text)

    def _add(self, node: nodes.Add) -> Py:
        return self.binary(node, "+", ADD)

    def _sub(self, node: nodes.Sub) -> Py:
        return self.binary(node, "-", ADD)

    def _mul(self, node: nodes.Mul) -> Py:
        return self.binary(node, "*", MUL)

    def _div(self, node: nodes.Div) -> Py:
        return self.binary(node, "/", MUL)

    def _floordiv(self, node: nodes.FloorDiv) -> Py:
        return self.binary(node, "//", MUL)

    def _mod(self, node: nodes.Mod) -> Py:
        return self.binary(node, "%", MUL)

    def _pow(self, node: nodes.Pow) -> Py:
        return self.binary(node, "**", POW)

    def _and(self, node: nodes.And) -> Py:
        return self.binary(node, "and", AND)

    def _or(self, node: nodes.Or) -> Py:
        return self.binary(node, "or", OR)

    def _neg(self, node: nodes.Neg) -> Py:
        return Py("-" + self.wrap(self.expr(node.node), UNARY), UNARY)

    def _pos(self, node: nodes.Pos) -> Py:
        return Py("+" + self.wrap(self.expr(node.node), UNARY), UNARY)

    def _not(self, node: nodes.Not) -> Py:
        if isinstance(node.node, nodes.Test):
            return self.test(node.node, negate=True)
        return Py("not " + self.wrap(self.expr(node.node), NOT), NOT)

    def _compare(self, node: nodes.Compare) -> Py:
        ops = {"eq": "==", "ne": "!=", "lt": "<", "lteq": "<=", "gt": ">", "gteq": ">="}
        ops |= {"in": "in", "notin": "not in"}
        parts = [self.wrap(self.expr(node.expr), CMP + 1)]
        for op in node.ops:
            parts.append(f"{ops[op.op]} {self.wrap(self.expr(op.expr), CMP + 1)}")
        return Py(" ".join(parts), CMP)

    def _condexpr(self, node: nodes.CondExpr) -> Py:
        if node.expr2 is None:
            raise self.fail(
                node,
                "has no `else`, so it yields an undefined value that fails to render",
                "add `else none` (or another value)",
            )
        a, t, b = self.expr(node.expr1), self.expr(node.test), self.expr(node.expr2)
        code = f"{self.wrap(a, COND + 1)} if {self.wrap(t, COND + 1)} else {self.wrap(b, COND)}"
        same = a.node if a.node == b.node else None
        return Py(code, COND, node=same, text=a.text and b.text)

    def _concat(self, node: nodes.Concat) -> Py:
        # Jinja's `~` is str() of each side joined; an f-string formats str, int, float, bool
        # and None exactly as str() does.
        parts = [self.expr(n) for n in node.nodes]
        return self.join_text(parts)

    def join_text(self, parts: list[Py]) -> Py:
        fields: list[str] = []
        for p in parts:
            if p.lit is not None:
                escaped = json.dumps(p.lit, ensure_ascii=False)[1:-1]
                fields.append(escaped.replace("{", "{{").replace("}", "}}"))
            elif any(c in p.code for c in '"\\{}#'):
                self.builtins.add("str")
                pieces = [x.code if x.text else f"str({x.code})" for x in parts]
                return Py(" + ".join(pieces), ADD, text=True)
            else:
                fields.append("{" + p.code + "}")
        return Py('f"' + "".join(fields) + '"', ATOM, text=True)

    # filters and tests ---------------------------------------------------------------------

    def _filter(self, node: nodes.Filter) -> Py:
        name = node.name
        if node.node is None:
            raise self.fail(node, "is a filter block", "apply the filter to a value")
        if name in ("default", "d"):
            return self.default(node)
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise self.fail(node, "passes keyword arguments to a filter", "pass them positionally")
        base = self.expr(node.node)
        args = [self.expr(a) for a in node.args]
        arg_codes = ", ".join(a.code for a in args)
        if name in _FILTERS_PLAIN and not args:
            return Py(f"{self.wrap(base, ATOM)}.{name}()", ATOM, text=True)
        if name == "trim":
            return Py(f"{self.wrap(base, ATOM)}.strip({arg_codes})", ATOM, text=True)
        if name == "replace" and len(args) in (2, 3):
            return Py(f"{self.wrap(base, ATOM)}.replace({arg_codes})", ATOM, text=True)
        if name in ("length", "count") and not args:
            self.builtins.add("len")
            return Py(f"len({base.code})")
        if name == "string" and not args:
            self.builtins.add("str")
            return Py(f"str({base.code})", text=True)
        if name in ("abs", "list", "sum") and not args:
            self.builtins.add(name)
            return Py(f"{name}({base.code})")
        if name == "round" and (not args or (len(node.args) == 1)):
            # Jinja's default "common" rounding is Python's round(value, precision).
            self.builtins.add("round")
            return Py(f"round({base.code}, {arg_codes or '0'})")
        if name == "join" and len(args) <= 1:
            sep = args[0].code if args else "''"
            items = self.item_schema(base)
            if isinstance(items, dict) and items.get("type") == "string":
                return Py(f"{sep}.join({base.code})", ATOM, text=True)
            self.builtins.update({"map", "str"})
            return Py(f"{sep}.join(map(str, {base.code}))", ATOM, text=True)
        if name == "format":
            tup = "(" + arg_codes + ("," if len(args) == 1 else "") + ")"
            return Py(f"{self.wrap(base, MUL + 1)} % {tup}", MUL, text=True)
        if name in ("first", "last") and not args:
            index = "0" if name == "first" else "-1"
            return Py(f"{self.wrap(base, ATOM)}[{index}]", ATOM, self.item_schema(base))
        if name == "tojson":
            raise self.fail(
                node,
                "applies `tojson` inside an expression, which yields JSON text, not a value",
                "apply `| tojson` only to the whole inserted value",
            )
        raise self.fail(
            node,
            f"uses the filter `{name}`, which convert does not translate",
            "use default, length, upper, lower, capitalize, trim, replace, join, round, format, "
            "string, first, last, abs, list or sum, or write the builder by hand",
        )

    def item_schema(self, base: Py) -> Any:
        schema = unwrap(base.schema)
        return unwrap(schema.get("items")) if isinstance(schema, dict) else None

    def default(self, node: nodes.Filter) -> Py:
        assert node.node is not None
        if node.kwargs or len(node.args) > 2:
            raise self.fail(node, "passes unusual arguments to `default`", "use default(value)")
        fallback = self.expr(node.args[0]) if node.args else Py("''", text=True)
        if len(node.args) == 2:
            flag = node.args[1]
            if not (isinstance(flag, nodes.Const) and isinstance(flag.value, bool)):
                raise self.fail(
                    node, "passes a computed `boolean` to default", "pass true or false"
                )
            if flag.value:
                base = self.expr(node.node)
                code = f"{self.wrap(base, OR)} or {self.wrap(fallback, OR + 1)}"
                return Py(code, OR, text=base.text and fallback.text)
        inner = node.node
        if isinstance(inner, nodes.Name):
            b = self.scope.lookup(inner.name)
            if b is not None and b.param and b.optional:
                if fallback.code == "None":
                    return self.expr(inner)
                if nullable(b.schema):
                    self.warn(
                        f"`{jinja_text(node)}` (line {node.lineno}): the builder's "
                        f"`{b.py}=None` stands for both an absent `{inner.name}` and a null "
                        "one, so null takes the default where the template keeps null."
                    )
                base = self.expr(inner)
                code = f"{self.wrap(fallback, COND + 1)} if {b.py} is None else {b.py}"
                return Py(code, COND, base.schema, text=base.text and fallback.text)
            return self.expr(inner)
        found = self.key_of(inner)
        if found is None:
            return self.expr(inner)  # a computed value is never undefined: default is a no-op
        base_node, key = found
        if isinstance(inner, nodes.Getattr) and key in _DICT_METHODS:
            return self.expr(inner)  # refused with its own message
        base = self.expr(base_node)
        status, sub = self.lookup_key(inner, base, key)
        if status == "required":
            return self.item(inner, base, key)
        if status == "missing":
            self.warn(
                f"`{jinja_text(node)}` (line {node.lineno}) reads `{key}`, which the jsonSchema "
                "does not allow there, so it is always the default; the builder uses the "
                "default."
            )
            return fallback
        args = repr(key) if fallback.code == "None" else f"{key!r}, {fallback.code}"
        return Py(f"{self.wrap(base, ATOM)}.get({args})", ATOM, sub, text=fallback.text)

    def _test(self, node: nodes.Test) -> Py:
        return self.test(node, negate=False)

    def test(self, node: nodes.Test, negate: bool) -> Py:
        name = node.name
        inner = node.node
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise self.fail(node, "passes keyword arguments to a test", "pass them positionally")
        if name in ("defined", "undefined"):
            present = self.defined(node, inner)
            positive = (name == "defined") != negate
            if present in ("True", "False"):
                return Py(str((present == "True") == positive))
            return Py(present if positive else f"not ({present})", CMP if positive else NOT)
        base = self.expr(inner)
        b = self.wrap(base, CMP + 1)
        args = [self.expr(a) for a in node.args]
        if name == "none":
            self.absent_is_none(node, inner, negate)
            return Py(f"{b} is {'not ' if negate else ''}None", CMP)
        simple = {
            "string": f"isinstance({base.code}, str)",
            "number": f"isinstance({base.code}, int | float)",
            "integer": f"isinstance({base.code}, int) and not isinstance({base.code}, bool)",
            "float": f"isinstance({base.code}, float)",
            "boolean": f"isinstance({base.code}, bool)",
            "mapping": f"isinstance({base.code}, dict)",
            "true": f"{b} is True",
            "false": f"{b} is False",
            "even": f"{self.wrap(base, MUL)} % 2 == 0",
            "odd": f"{self.wrap(base, MUL)} % 2 == 1",
        }
        if name in simple and not args:
            if "isinstance" in simple[name]:
                self.builtins.add("isinstance")
            code, prec = simple[name], (AND if name == "integer" else CMP)
        elif name == "divisibleby" and len(args) == 1:
            code, prec = f"{self.wrap(base, MUL)} % {self.wrap(args[0], MUL + 1)} == 0", CMP
        elif name in ("eq", "equalto", "==", "ne", "!=", "sameas", "in") and len(args) == 1:
            op = {"ne": "!=", "!=": "!=", "sameas": "is", "in": "in"}.get(name, "==")
            code, prec = f"{b} {op} {self.wrap(args[0], CMP + 1)}", CMP
        else:
            raise self.fail(
                node,
                f"uses the test `{name}`, which convert does not translate",
                "use none, defined, string, number, true, false, even, odd, divisibleby, eq or in",
            )
        if negate:
            return Py(f"not {code}" if prec > NOT else f"not ({code})", NOT)
        return Py(code, prec)

    def defined(self, node: nodes.Test, inner: nodes.Node) -> str:
        if isinstance(inner, nodes.Name):
            b = self.scope.lookup(inner.name)
            if b is None:
                return "False"
            if b.param and b.optional:
                if nullable(b.schema):
                    self.warn(
                        f"`{jinja_text(node)}` (line {node.lineno}): the builder's "
                        f"`{b.py}=None` stands for an absent `{inner.name}`, so a null one "
                        "counts as undefined where the template counts it as defined."
                    )
                return f"{b.py} is not None"
            return "True"
        found = self.key_of(inner)
        if found is None:
            raise self.fail(node, "tests whether a computed value is defined", "test a name or key")
        base = self.expr(found[0])
        status, _ = self.lookup_key(inner, base, found[1])
        if status == "required":
            return "True"
        if status == "missing":
            return "False"
        return f"{found[1]!r} in {self.wrap(base, CMP + 1)}"

    def absent_is_none(self, node: nodes.Test, inner: nodes.Node, negate: bool) -> None:
        """Warn where Jinja and the builder disagree about `is none` on absent data."""
        optional = False
        if isinstance(inner, nodes.Name):
            b = self.scope.lookup(inner.name)
            optional = b is not None and b.param and b.optional
        if optional:
            self.warn(
                f"`{jinja_text(nodes.Not(node) if negate else node)}` (line {node.lineno}): "
                "Jinja says an absent "
                f"`{jinja_text(inner)}` is not none, but the builder receives None for it; "
                "they agree whenever the template renders the absent case without error."
            )

    # calls ---------------------------------------------------------------------------------

    def _call(self, node: nodes.Call) -> Py:
        if node.kwargs and not (isinstance(node.node, nodes.Name) and node.node.name == "dict"):
            raise self.fail(node, "calls with keyword arguments", "pass arguments positionally")
        if node.dyn_args or node.dyn_kwargs:
            raise self.fail(node, "calls with *args or **kwargs", "pass arguments one by one")
        args = ", ".join(self.expr(a).code for a in node.args)
        if isinstance(node.node, nodes.Getattr):
            target = node.node
            if isinstance(target.node, nodes.Name):
                b = self.scope.lookup(target.node.name)
                if b is not None and b.namespace is not None:
                    raise self.fail(
                        node,
                        "changes a namespace inside an expression",
                        "write it as its own {% set _ = ns.items.append(x) %} before the JSON",
                    )
            if isinstance(target.node, nodes.Name) and target.node.name == "loop":
                raise self.fail(node, "calls a `loop` method", "compute the value from loop.index")
            base = self.expr(target.node)
            return Py(f"{self.wrap(base, ATOM)}.{target.attr}({args})", ATOM)
        if isinstance(node.node, nodes.Name) and node.node.name == "range":
            self.builtins.add("range")
            return Py(f"range({args})")
        if isinstance(node.node, nodes.Name) and node.node.name == "dict" and not node.args:
            pairs = [f"{k.key!r}: {self.expr(k.value).code}" for k in node.kwargs]
            return Py("{" + ", ".join(pairs) + "}")
        raise self.fail(
            node,
            "calls a function convert does not know",
            "use range(...), dict(...) or a method of a value",
        )


def python_name(name: str, taken: set[str]) -> str:
    """A Python local for a Jinja name: keywords and taken names get a trailing underscore."""
    out = name
    while keyword.iskeyword(out) or out in taken:
        out += "_"
    return out

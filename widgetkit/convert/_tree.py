"""A `.widget` template read as JSON with holes: the JSON text and the Jinja tags between it are
one token stream, and the widget's structure is rebuilt from it with Jinja expressions, loops and
conditionals where the data goes.

Studio writes list elements with commas that only make sense for some data (a leading comma cut
after rendering, or `{% if not loop.last %},{% endif %}`); a small automaton checks that every
rendering of a list is well-formed JSON before the commas are dropped, so a template whose output
would break for some data is refused instead of silently repaired.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

from ._text import jinja_text
from ._types import ConvertError

# --- the value tree -------------------------------------------------------------------------


@dataclass
class Lit:
    value: Any


@dataclass
class Obj:
    members: list[tuple[str, Val]]
    lineno: int


@dataclass
class Arr:
    items: list[Elem]
    lineno: int


@dataclass
class Hole:
    """A Jinja expression standing for a value (the `x` of `{{ (x) | tojson }}`)."""

    expr: nodes.Node
    lineno: int


@dataclass
class Cond:
    test: nodes.Node
    then: Val
    else_: Val


Val = Lit | Obj | Arr | Hole | Cond


@dataclass
class Loop:
    node: nodes.For
    sets: list[nodes.Assign]
    body: list[Elem]


@dataclass
class Branch:
    test: nodes.Node
    then: list[Elem]
    else_: list[Elem]


Elem = Val | Loop | Branch


# --- statements before the widget (`{% set %}`, namespace loops) ----------------------------


@dataclass
class SetStmt:
    node: nodes.Assign


@dataclass
class ForStmt:
    node: nodes.For
    body: list[Stmt]


@dataclass
class IfStmt:
    test: nodes.Node
    body: list[Stmt]
    else_: list[Stmt]


Stmt = SetStmt | ForStmt | IfStmt


@dataclass
class Template:
    stmts: list[Stmt]
    root: Val


# --- tokens ---------------------------------------------------------------------------------


@dataclass
class Punct:
    char: str
    lineno: int


@dataclass
class Scalar:
    value: Any
    lineno: int


@dataclass
class Out:
    expr: nodes.Node
    lineno: int


@dataclass
class Ctl:
    node: nodes.Node


Tok = Punct | Scalar | Out | Ctl

_LEX = re.compile(
    r'(?P<ws>\s+)|(?P<punct>[{}\[\]:,])|(?P<str>"(?:[^"\\\x00-\x1f]|\\.)*")'
    r"|(?P<num>-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<word>true|false|null)"
)


def tokens(body: list[nodes.Node]) -> list[Tok]:
    out: list[Tok] = []
    for node in body:
        if isinstance(node, nodes.Output):
            for part in node.nodes:
                if isinstance(part, nodes.TemplateData):
                    out += _lex(part.data, part.lineno)
                else:
                    out.append(Out(part, part.lineno))
        else:
            out.append(Ctl(node))
    return out


def _lex(text: str, lineno: int) -> list[Tok]:
    out: list[Tok] = []
    pos = 0
    while pos < len(text):
        m = _LEX.match(text, pos)
        if m is None:
            snippet = " ".join(text[pos : pos + 60].split())
            if text[pos] == '"':
                raise ConvertError(
                    f"A JSON string at template line {lineno} is cut by a Jinja tag "
                    f"({snippet}…): convert cannot tell what the string holds. Insert whole "
                    'values instead, e.g. {{ ("Hello " ~ name) | tojson }}.'
                )
            raise ConvertError(
                f"The template text at line {lineno} is not JSON: {snippet!r}. Convert reads "
                "templates whose text is widget JSON with Jinja tags between values."
            )
        line = lineno + text.count("\n", 0, pos)
        if m.lastgroup == "punct":
            out.append(Punct(m.group(), line))
        elif m.lastgroup == "str":
            out.append(Scalar(json.loads(m.group()), line))
        elif m.lastgroup == "num":
            out.append(Scalar(json.loads(m.group()), line))
        elif m.lastgroup == "word":
            out.append(Scalar({"true": True, "false": False, "null": None}[m.group()], line))
        pos = m.end()
    return out


# --- commas ---------------------------------------------------------------------------------

# States of the automaton for a comma-separated list: 0 expects a value or the end, 1 follows a
# value, 2 follows a comma, 3 is broken, 4 is the start of a captured list whose first comma is
# cut after rendering.
_DEAD = 3
_STEP = {
    (0, "V"): 1,
    (0, "C"): _DEAD,
    (1, "V"): _DEAD,
    (1, "C"): 2,
    (2, "V"): 1,
    (2, "C"): _DEAD,
    (4, "V"): 1,
    (4, "C"): 0,
}
_ACCEPT = {0, 1, 4}


def _run(items: list[Any], states: frozenset[int]) -> frozenset[int]:
    for item in items:
        states = _run_one(item, states)
    return states


def _run_one(item: Any, states: frozenset[int]) -> frozenset[int]:
    if item in ("V", "C"):
        return frozenset(_STEP.get((s, item), _DEAD) for s in states)
    if item[0] == "branch":
        return _run(item[1], states) | _run(item[2], states)
    # A loop: zero or more passes. A comma guarded by `not loop.last` is there on every pass but
    # the last, so the passes before the last run with it and the last pass without it.
    body = item[1]
    middle, last = _guarded(body, ["C"]), _guarded(body, [])
    seen, frontier = set(states), set(states)
    while frontier:
        nxt = set(_run(middle, frozenset(frontier))) - seen
        seen |= nxt
        frontier = nxt
    return frozenset(states) | _run(last, frozenset(seen))


def _guarded(shape: list[Any], comma: list[str]) -> list[Any]:
    out: list[Any] = []
    for item in shape:
        if item == ("last",):
            out += comma
        elif isinstance(item, tuple) and item[0] == "branch":
            out.append(("branch", _guarded(item[1], comma), _guarded(item[2], comma)))
        else:
            out.append(item)  # a nested loop's guard belongs to that loop
    return out


def check_commas(shape: list[Any], captured: bool, lineno: int) -> None:
    start = frozenset({4 if captured else 0})
    if not _run(shape, start) <= _ACCEPT:
        raise ConvertError(
            f"The list at template line {lineno} places its commas so that some data renders "
            "broken JSON (a missing, doubled or trailing comma), so no builder can match it. "
            "Write each element with a leading comma inside {% set _c %}…{% endset %} and cut "
            "the first one, as Studio's exports do."
        )


# --- the parser -----------------------------------------------------------------------------


class Parser:
    def __init__(self, template: str, body: list[nodes.Node]) -> None:
        self.template = template
        self.toks = tokens(body)
        self.pos = 0

    def template_tree(self) -> Template:
        stmts: list[Stmt] = []
        while self.pos < len(self.toks) and isinstance(self.toks[self.pos], Ctl):
            stmts.append(self.statement(self.toks[self.pos]))  # type: ignore[arg-type]
            self.pos += 1
        if self.pos == len(self.toks):
            raise ConvertError("The template renders no widget JSON at all.")
        root = self.value()
        for tok in self.toks[self.pos :]:
            raise self.stray(tok, "after the widget's JSON")
        return Template(stmts, root)

    # statements ---------------------------------------------------------------------------

    def statement(self, tok: Ctl) -> Stmt:
        node = tok.node
        if isinstance(node, nodes.Assign):
            return SetStmt(node)
        if isinstance(node, nodes.For):
            self.plain_for(node)
            return ForStmt(node, self.statements(node.body))
        if isinstance(node, nodes.If):
            return IfStmt(node.test, self.statements(node.body), self.else_statements(node))
        raise ConvertError(
            f"The template's {_tag(node)} at line {node.lineno} is not something convert "
            "translates; it reads {% set %}, {% for %} and {% if %} around the widget's JSON."
        )

    def else_statements(self, node: nodes.If) -> list[Stmt]:
        if node.elif_:
            first, *rest = node.elif_
            nested = nodes.If(first.test, first.body, rest, node.else_, lineno=first.lineno)
            return [IfStmt(first.test, self.statements(first.body), self.else_statements(nested))]
        return self.statements(node.else_)

    def statements(self, body: list[nodes.Node]) -> list[Stmt]:
        out = []
        for tok in tokens(body):
            if not isinstance(tok, Ctl):
                raise self.stray(tok, "before the widget's JSON starts (inside a statement)")
            out.append(self.statement(tok))
        return out

    def plain_for(self, node: nodes.For) -> None:
        if node.recursive:
            raise ConvertError(
                f"The recursive {{% for %}} at template line {node.lineno} has no builder "
                "translation; flatten the data or write the builder by hand."
            )
        if node.else_:
            raise ConvertError(
                f"The {{% for %}}…{{% else %}} at template line {node.lineno} has no builder "
                "translation yet; test the list with {% if %} instead."
            )

    # values -------------------------------------------------------------------------------

    def peek(self) -> Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> Tok:
        tok = self.peek()
        if tok is None:
            raise ConvertError("The template's JSON ends early: a {, [ or : is never completed.")
        self.pos += 1
        return tok

    def expect(self, char: str, what: str) -> Punct:
        tok = self.take()
        if not (isinstance(tok, Punct) and tok.char == char):
            raise self.stray(tok, f"where {what} belongs")
        return tok

    def value(self) -> Val:
        tok = self.take()
        if isinstance(tok, Scalar):
            return Lit(tok.value)
        if isinstance(tok, Punct) and tok.char == "{":
            return self.obj(tok.lineno)
        if isinstance(tok, Punct) and tok.char == "[":
            return self.arr(tok.lineno)
        if isinstance(tok, Out):
            return hole(tok.expr, self.template)
        if isinstance(tok, Ctl) and isinstance(tok.node, nodes.If):
            return self.if_value(tok.node)
        raise self.stray(tok, "where a value belongs")

    def obj(self, lineno: int) -> Obj:
        members: list[tuple[str, Val]] = []
        if self.at("}"):
            self.take()
            return Obj(members, lineno)
        while True:
            key = self.take()
            if not (isinstance(key, Scalar) and isinstance(key.value, str)):
                raise self.stray(key, "where an object key belongs (keys must be literal text)")
            self.expect(":", "a colon")
            members.append((key.value, self.value()))
            end = self.take()
            if isinstance(end, Punct) and end.char == "}":
                return Obj(members, lineno)
            if not (isinstance(end, Punct) and end.char == ","):
                raise self.stray(end, "between an object's members")

    def at(self, char: str) -> bool:
        tok = self.peek()
        return isinstance(tok, Punct) and tok.char == char

    def if_value(self, node: nodes.If) -> Val:
        then = self.sub_value(node.body, node)
        if node.elif_:
            first, *rest = node.elif_
            nested = nodes.If(first.test, first.body, rest, node.else_, lineno=first.lineno)
            return Cond(node.test, then, self.if_value(nested))
        if not node.else_:
            raise ConvertError(
                f"The {{% if {jinja_text(node.test)} %}} at template line {node.lineno} stands "
                "for a value but has no {% else %}, so the JSON breaks when the test fails; add "
                "an {% else %} with a value such as {{ (none) | tojson }}."
            )
        return Cond(node.test, then, self.sub_value(node.else_, node))

    def sub_value(self, body: list[nodes.Node], where: nodes.Node) -> Val:
        sub = Parser(self.template, body)
        val = sub.value()
        if sub.pos != len(sub.toks):
            raise ConvertError(
                f"A branch of the {{% if %}} at template line {where.lineno} holds more than one "
                "value where one value belongs (conditional object members are not translated); "
                "make each branch one whole value."
            )
        return val

    def arr(self, lineno: int) -> Arr:
        tok = self.peek()
        if isinstance(tok, Ctl) and isinstance(tok.node, nodes.AssignBlock):
            self.take()
            items = self.captured(tok.node)
            if not self.at("]"):
                raise ConvertError(
                    f"The list at template line {lineno} has elements after its "
                    "{% set %}…{% endset %} capture, which renders a stray comma when the capture "
                    "is empty; put every element inside the capture."
                )
            self.take()
            return Arr(items, lineno)
        shape: list[Any] = []
        items = []
        while not self.at("]"):
            tok = self.peek()
            if tok is None:
                raise ConvertError(f"The list opened at template line {lineno} is never closed.")
            if isinstance(tok, Punct) and tok.char == ",":
                self.take()
                shape.append("C")
            else:
                self.element(items, shape, in_loop=False)
        self.take()
        check_commas(shape, captured=False, lineno=lineno)
        return Arr(items, lineno)

    def captured(self, node: nodes.AssignBlock) -> list[Elem]:
        """`{% set _c %}…{% endset %}{{ (_c[1:] if _c and _c[0] == ',' else _c) }}`."""
        name = node.target.name if isinstance(node.target, nodes.Name) else None
        out = self.take() if self.peek() is not None else None
        if (
            name is None
            or node.filter is not None
            or not isinstance(out, Out)
            or jinja_text(out.expr) != f"({name}[1:] if {name} and {name}[0] == ',' else {name})"
        ):
            raise ConvertError(
                f"The {{% set {jinja_text(node.target)} %}}…{{% endset %}} block at template "
                f"line {node.lineno} is used other than as a list's elements (Studio writes "
                "`{{ (_c[1:] if _c and _c[0] == ',' else _c) }}` right after it); convert "
                "translates only that pattern."
            )
        items, shape = self.elements(node.body, in_loop=False)
        check_commas(shape, captured=True, lineno=node.lineno)
        return items

    def elements(self, body: list[nodes.Node], in_loop: bool) -> tuple[list[Elem], list[Any]]:
        sub = Parser(self.template, body)
        items: list[Elem] = []
        shape: list[Any] = []
        while sub.peek() is not None:
            tok = sub.peek()
            if isinstance(tok, Punct) and tok.char == ",":
                sub.take()
                shape.append("C")
            else:
                sub.element(items, shape, in_loop)
        return items, shape

    def element(self, items: list[Elem], shape: list[Any], in_loop: bool) -> None:
        tok = self.peek()
        if isinstance(tok, Ctl) and isinstance(tok.node, nodes.For):
            self.take()
            items.append(self.loop(tok.node, shape))
        elif isinstance(tok, Ctl) and isinstance(tok.node, nodes.If):
            self.take()
            if in_loop and _is_last_comma(tok.node):
                shape.append(("last",))
                return
            self.branch(tok.node, items, shape, in_loop)
        elif isinstance(tok, Ctl) and isinstance(tok.node, nodes.Assign):
            raise ConvertError(
                f"The {{% set {jinja_text(tok.node.target)} %}} at template line "
                f"{tok.node.lineno} sits between list elements; convert translates a "
                "{% set %} only at the start of a {% for %} body or before the widget's JSON."
            )
        else:
            items.append(self.value())
            shape.append("V")

    def branch(self, node: nodes.If, items: list[Elem], shape: list[Any], in_loop: bool) -> None:
        then, then_shape = self.elements(node.body, in_loop)
        if node.elif_:
            first, *rest = node.elif_
            nested = nodes.If(first.test, first.body, rest, node.else_, lineno=first.lineno)
            else_items: list[Elem] = []
            else_shape: list[Any] = []
            self.branch(nested, else_items, else_shape, in_loop)
        else:
            else_items, else_shape = self.elements(node.else_, in_loop)
        items.append(Branch(node.test, then, else_items))
        shape.append(("branch", then_shape, else_shape))

    def loop(self, node: nodes.For, shape: list[Any]) -> Loop:
        self.plain_for(node)
        body = list(node.body)
        sets: list[nodes.Assign] = []
        for part in tokens(body):
            if isinstance(part, Ctl) and isinstance(part.node, nodes.Assign):
                sets.append(part.node)
            else:
                break
        rest = [n for n in body if not any(n is s for s in sets)]
        items, body_shape = self.elements(rest, in_loop=True)
        shape.append(("loop", body_shape))
        return Loop(node, sets, items)

    def stray(self, tok: Tok, where: str) -> ConvertError:
        if isinstance(tok, Punct):
            shown, line = f"`{tok.char}`", tok.lineno
        elif isinstance(tok, Scalar):
            shown, line = json.dumps(tok.value), tok.lineno
        elif isinstance(tok, Out):
            shown, line = "{{ " + jinja_text(tok.expr) + " }}", tok.lineno
        else:
            shown, line = _tag(tok.node), tok.node.lineno
        return ConvertError(
            f"The template has {shown} at line {line} {where}, which convert cannot place in "
            "the widget's JSON; check the template renders JSON for every data."
        )


def _is_last_comma(node: nodes.If) -> bool:
    body = tokens(node.body)
    return (
        jinja_text(node.test) == "not loop.last"
        and not node.elif_
        and not node.else_
        and len(body) == 1
        and isinstance(body[0], Punct)
        and body[0].char == ","
    )


def hole(expr: nodes.Node, template: str) -> Val:
    """The value of `{{ expr }}`: literals in it become the value tree, the rest a Hole."""
    if not (isinstance(expr, nodes.Filter) and expr.name == "tojson" and expr.node is not None):
        raise ConvertError(
            f"The template outputs {{{{ {jinja_text(expr)} }}}} at line {expr.lineno} without "
            "`| tojson`, so its text is pasted into the JSON unquoted and unescaped; convert "
            f"needs {{{{ ({jinja_text(expr)}) | tojson }}}}."
        )
    if expr.args or expr.kwargs:
        raise ConvertError(
            f"`tojson` with arguments (indent) at template line {expr.lineno} changes only "
            "whitespace; drop the arguments and convert again."
        )
    return lift(expr.node)


def lift(expr: nodes.Node) -> Val:
    if isinstance(expr, nodes.Const) and (
        expr.value is None or isinstance(expr.value, str | int | float | bool)
    ):
        return Lit(expr.value)
    if isinstance(expr, nodes.Dict):
        members: list[tuple[str, Val]] = []
        for pair in expr.items:
            if not (isinstance(pair.key, nodes.Const) and isinstance(pair.key.value, str)):
                raise ConvertError(
                    f"The dict at template line {expr.lineno} has a computed key "
                    f"{jinja_text(pair.key)}; widget JSON keys must be literal strings."
                )
            members.append((pair.key.value, lift(pair.value)))
        return Obj(members, expr.lineno)
    if isinstance(expr, nodes.List):
        return Arr([lift(item) for item in expr.items], expr.lineno)
    return Hole(expr, expr.lineno)


def _tag(node: nodes.Node) -> str:
    names: dict[type[nodes.Node], str] = {
        nodes.For: "{% for %}",
        nodes.If: "{% if %}",
        nodes.Assign: "{% set %}",
        nodes.AssignBlock: "{% set %}…{% endset %} block",
        nodes.Macro: "{% macro %}",
        nodes.CallBlock: "{% call %}",
        nodes.FilterBlock: "{% filter %}",
        nodes.With: "{% with %}",
        nodes.Include: "{% include %}",
        nodes.Import: "{% import %}",
        nodes.FromImport: "{% from … import %}",
        nodes.Block: "{% block %}",
        nodes.Extends: "{% extends %}",
        nodes.ExprStmt: "{% do %}",
    }
    return names.get(type(node), f"{{% {type(node).__name__.lower()} %}}")

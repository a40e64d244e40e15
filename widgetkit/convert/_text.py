"""Jinja expressions written back as template text, for messages that quote the template."""

from __future__ import annotations

from typing import Any

from jinja2 import nodes

_BINARY = {
    nodes.Add: "+",
    nodes.Sub: "-",
    nodes.Mul: "*",
    nodes.Div: "/",
    nodes.FloorDiv: "//",
    nodes.Mod: "%",
    nodes.Pow: "**",
    nodes.And: "and",
    nodes.Or: "or",
}
_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "lteq": "<=", "gt": ">", "gteq": ">=", "in": "in"}
_COMPARE["notin"] = "not in"


def jinja_text(node: Any) -> str:
    """`item.name`, `(a ~ b) | upper`, `x if c else y`: close to what the author wrote."""
    if isinstance(node, nodes.Name):
        return str(node.name)
    if isinstance(node, nodes.NSRef):
        return f"{node.name}.{node.attr}"
    if isinstance(node, nodes.Const):
        value = node.value
        return (
            "none"
            if value is None
            else repr(value).lower()
            if isinstance(value, bool)
            else repr(value)
        )
    if isinstance(node, nodes.Getattr):
        return f"{jinja_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{jinja_text(node.node)}[{jinja_text(node.arg)}]"
    if isinstance(node, nodes.Slice):
        parts = [node.start, node.stop] + ([node.step] if node.step else [])
        return ":".join("" if p is None else jinja_text(p) for p in parts)
    if isinstance(node, nodes.Filter | nodes.Test):
        sep = " | " if isinstance(node, nodes.Filter) else " is "
        args = _args(node)
        base = jinja_text(node.node) if node.node is not None else ""
        return f"{base}{sep}{node.name}{args}"
    if isinstance(node, nodes.Call):
        return f"{jinja_text(node.node)}{_args(node) or '()'}"
    if isinstance(node, nodes.Not):
        if isinstance(node.node, nodes.Test):
            return jinja_text(node.node).replace(" is ", " is not ", 1)
        return f"not {jinja_text(node.node)}"
    if isinstance(node, nodes.Neg | nodes.Pos):
        return ("-" if isinstance(node, nodes.Neg) else "+") + jinja_text(node.node)
    if type(node) in _BINARY:
        return f"{jinja_text(node.left)} {_BINARY[type(node)]} {jinja_text(node.right)}"
    if isinstance(node, nodes.Concat):
        return " ~ ".join(jinja_text(n) for n in node.nodes)
    if isinstance(node, nodes.Compare):
        ops = " ".join(f"{_COMPARE.get(o.op, o.op)} {jinja_text(o.expr)}" for o in node.ops)
        return f"{jinja_text(node.expr)} {ops}"
    if isinstance(node, nodes.CondExpr):
        tail = f" else {jinja_text(node.expr2)}" if node.expr2 is not None else ""
        return f"({jinja_text(node.expr1)} if {jinja_text(node.test)}{tail})"
    if isinstance(node, nodes.List):
        return "[" + ", ".join(jinja_text(i) for i in node.items) + "]"
    if isinstance(node, nodes.Tuple):
        return (
            "("
            + ", ".join(jinja_text(i) for i in node.items)
            + ("," if len(node.items) == 1 else "")
            + ")"
        )
    if isinstance(node, nodes.Dict):
        return (
            "{" + ", ".join(f"{jinja_text(p.key)}: {jinja_text(p.value)}" for p in node.items) + "}"
        )
    return f"<{type(node).__name__}>"


def _args(node: Any) -> str:
    args = [jinja_text(a) for a in node.args] + [
        f"{k.key}={jinja_text(k.value)}" for k in node.kwargs
    ]
    return f"({', '.join(args)})" if args or isinstance(node, nodes.Call) else ""

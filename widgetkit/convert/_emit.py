"""The value tree of a template written out as a Python `@widget` builder module."""

from __future__ import annotations

import inspect
import keyword
from typing import Any

from jinja2 import nodes

from .. import components
from ..builders import Node, check_node_json
from ..catalog import BY_NAME, ROOTS
from ..catalog.types import ListOf, Shape
from ..diagnostics import errors
from ..templates import WidgetFile
from ._expr import ATOM, COND, Binding, LoopInfo, Py, Scope, Translator, python_name
from ._text import jinja_text
from ._tree import (
    Arr,
    Branch,
    Cond,
    Elem,
    ForStmt,
    Hole,
    IfStmt,
    Lit,
    Loop,
    Obj,
    SetStmt,
    Stmt,
    Template,
    Val,
    lift,
)
from ._types import RESERVED, ConvertError, Types, union, unwrap

# Builtins the translation may call; a parameter of that name would hide them.
_CALLED = {"len", "str", "enumerate", "round", "range", "map", "abs", "list", "sum", "isinstance"}


class Emitter:
    def __init__(self, wf: WidgetFile) -> None:
        self.wf = wf
        self.types = Types()
        self.warnings: list[str] = []
        self.used: set[str] = set()  # component names to import
        self.need_node = False
        self.scope = Scope()
        self.tr = Translator(self.scope, self.warnings.append)
        self.taken: set[str] = set(RESERVED) | _CALLED
        self.params: list[str] = []
        # namespace lists: Python name -> the component each append adds (None: not one)
        self.ns_decls: dict[str, list[str | None]] = {}
        self.ns_children: set[str] = set()

    # the signature -------------------------------------------------------------------------

    def signature(self) -> None:
        schema = self.wf.json_schema or {}
        props = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        for key, sub in props.items():
            if not key.isidentifier() or keyword.iskeyword(key) or key in RESERVED:
                raise ConvertError(
                    f"The jsonSchema property `{key}` cannot be a keyword parameter of a Python "
                    "builder (it is not a Python name, or it is a keyword or an imported name); "
                    "rename it in the schema and the template."
                )
            ann = self.types.annotation(sub, key, f"/properties/{key}")
            optional = key not in required
            if optional:
                ann = union([ann, "None"]) + " = None"
            self.params.append(f"{key}: {ann}")
            self.scope.names[key] = Binding(key, sub, param=True, optional=optional)
            self.taken.add(key)

    # statements ----------------------------------------------------------------------------

    def statements(self, stmts: list[Stmt], scope: Scope, depth: int, in_loop: bool) -> list[str]:
        pad = "    " * depth
        lines: list[str] = []
        tr = Translator(scope, self.warnings.append)
        tr.builtins = self.tr.builtins
        for stmt in stmts:
            if isinstance(stmt, SetStmt):
                lines += [pad + line for line in self.assign(stmt.node, scope, tr, in_loop)]
            elif isinstance(stmt, ForStmt):
                lines += self.for_stmt(stmt, scope, depth, tr)
            else:
                lines += self.if_stmt(stmt, scope, depth, tr, in_loop, "if")
        return lines

    def if_stmt(
        self, stmt: IfStmt, scope: Scope, depth: int, tr: Translator, in_loop: bool, word: str
    ) -> list[str]:
        pad = "    " * depth
        if in_loop:
            sets = [s for s in stmt.body + stmt.else_ if isinstance(s, SetStmt)]
            plain = [s for s in sets if isinstance(s.node.target, nodes.Name)]
            if plain:
                raise ConvertError(
                    f"The {{% set {jinja_text(plain[0].node.target)} %}} at template line "
                    f"{plain[0].node.lineno} sits in an {{% if %}} inside a {{% for %}}; Jinja "
                    "forgets it at the end of each pass where Python would keep it. Set a "
                    "namespace attribute instead (ns.x = ...)."
                )
        lines = [f"{pad}{word} {tr.expr(stmt.test).code}:"]
        lines += self.statements(stmt.body, scope, depth + 1, in_loop) or [pad + "    pass"]
        if len(stmt.else_) == 1 and isinstance(stmt.else_[0], IfStmt):
            lines += self.if_stmt(stmt.else_[0], scope, depth, tr, in_loop, "elif")
        elif stmt.else_:
            lines.append(pad + "else:")
            lines += self.statements(stmt.else_, scope, depth + 1, in_loop)
        return lines

    def for_stmt(self, stmt: ForStmt, scope: Scope, depth: int, tr: Translator) -> list[str]:
        pad = "    " * depth
        inner = scope.child()
        items = tr.expr(stmt.node.iter)
        target = self.target(stmt.node.target, inner, tr.item_schema(items))
        loop = LoopInfo(self.fresh("i", inner), items.code, stmt.node.test is not None)
        inner.names["loop"] = Binding("loop", loop=loop)
        body: list[str] = []
        if stmt.node.test is not None:
            test = Translator(inner, self.warnings.append).expr(stmt.node.test)
            body.append(f"{pad}    if not ({test.code}):")
            body.append(f"{pad}        continue")
        body += self.statements(stmt.body, inner, depth + 1, in_loop=True) or [pad + "    pass"]
        if loop.used:
            self.tr.builtins.add("enumerate")
            head = f"{pad}for {loop.index}, {target} in enumerate({items.code}):"
        else:
            head = f"{pad}for {target} in {items.code}:"
        return [head, *body]

    def target(self, node: nodes.Node, scope: Scope, schema: Any) -> str:
        if isinstance(node, nodes.Name):
            py = self.fresh(node.name, scope)
            scope.names[node.name] = Binding(py, schema)
            return py
        if isinstance(node, nodes.Tuple) and all(isinstance(n, nodes.Name) for n in node.items):
            return ", ".join(self.target(n, scope, None) for n in node.items)
        raise ConvertError(
            f"The loop target `{jinja_text(node)}` at template line {node.lineno} is not a name "
            "or a tuple of names."
        )

    def fresh(self, name: str, scope: Scope) -> str:
        taken = set(self.taken)
        s: Scope | None = scope
        while s is not None:
            taken |= {b.py for b in s.names.values()}
            s = s.parent
        return python_name(name, taken)

    def assign(self, node: nodes.Assign, scope: Scope, tr: Translator, in_loop: bool) -> list[str]:
        target, value = node.target, node.node
        if isinstance(target, nodes.NSRef):
            ns = scope.lookup(target.name)
            attr = ns.namespace.get(target.attr) if ns and ns.namespace else None
            if attr is None:
                raise ConvertError(
                    f"The template sets `{target.name}.{target.attr}` at line {node.lineno}, but "
                    f"no namespace(...) gives `{target.name}` the attribute `{target.attr}`."
                )
            return [f"{attr.py} = {tr.expr(value).code}"]
        if not isinstance(target, nodes.Name):
            raise ConvertError(
                f"The {{% set {jinja_text(target)} = … %}} at template line {node.lineno} unpacks "
                "several names; set each name on its own."
            )
        if isinstance(value, nodes.Call) and isinstance(value.node, nodes.Name):
            if value.node.name == "namespace":
                return self.namespace(target.name, value, scope, tr)
        append = self.append_call(value, scope)
        if append is not None:
            ns_attr, item = append
            py = self.value(lift(item), scope, node=None)
            self.ns_decls[ns_attr.py].append(py.node)
            return [f"{ns_attr.py}.append({py.code})"]
        if in_loop and scope.parent is not None and scope.parent.lookup(target.name) is not None:
            if target.name not in scope.names:
                raise ConvertError(
                    f"The {{% set {target.name} = … %}} at template line {node.lineno} inside a "
                    f"{{% for %}} hides the outer `{target.name}`: Jinja keeps the outer value "
                    "after the loop, Python would not. Use a namespace attribute to carry a value "
                    "out of a loop, or pick another name."
                )
        py = self.value(lift(value), scope, node=None)
        existing = scope.names.get(target.name)
        name = existing.py if existing else self.fresh(target.name, scope)
        scope.names[target.name] = Binding(name, py.schema, node=py.node, nodes=py.nodes)
        return [f"{name} = {py.code}"]

    def append_call(self, value: nodes.Node, scope: Scope) -> tuple[Binding, nodes.Node] | None:
        """`ns.items.append(x)` as (the attribute's binding, x)."""
        if not (
            isinstance(value, nodes.Call)
            and isinstance(value.node, nodes.Getattr)
            and value.node.attr == "append"
            and isinstance(value.node.node, nodes.Getattr)
            and isinstance(value.node.node.node, nodes.Name)
        ):
            return None
        ns = scope.lookup(value.node.node.node.name)
        if ns is None or ns.namespace is None:
            return None
        attr = ns.namespace.get(value.node.node.attr)
        if attr is None or attr.py not in self.ns_decls or len(value.args) != 1:
            raise ConvertError(
                f"`{jinja_text(value)}` at template line {value.lineno} appends to a namespace "
                "attribute that namespace(...) did not start as a list; start it as [] there."
            )
        return attr, value.args[0]

    def namespace(self, name: str, call: nodes.Call, scope: Scope, tr: Translator) -> list[str]:
        if call.args or call.dyn_args or call.dyn_kwargs:
            raise ConvertError(
                f"The namespace(...) at template line {call.lineno} takes positional arguments; "
                "give each attribute as a keyword (namespace(items=[]))."
            )
        attrs: dict[str, Binding] = {}
        lines: list[str] = []
        for kw in call.kwargs:
            py = self.fresh(kw.key, scope)
            self.taken.add(py)
            attrs[kw.key] = Binding(py)
            if isinstance(kw.value, nodes.List) and not kw.value.items:
                # Its element type is known once every append has been read.
                self.ns_decls[py] = []
                attrs[kw.key].nodes = py
                lines.append(f"{py}: @@{py}@@ = []")
            else:
                lines.append(f"{py} = {tr.expr(kw.value).code}")
        scope.names[name] = Binding(name, namespace=attrs)
        return lines

    # values --------------------------------------------------------------------------------

    def value(self, val: Val, scope: Scope, node: bool | None) -> Py:
        """`node`: True where a component belongs, False for a prop, None when either may."""
        tr = Translator(scope, self.warnings.append)
        tr.builtins = self.tr.builtins
        if isinstance(val, Lit):
            return Py(repr(val.value))
        if isinstance(val, Hole):
            py = tr.expr(val.expr)
            if node and py.node is None:
                raise ConvertError(
                    f"The template inserts `{jinja_text(val.expr)}` at line {val.lineno} where a "
                    "component belongs, but it is data, not a component the template builds; "
                    "build the component in the template, or use Node.from_dict in a builder."
                )
            return py
        if isinstance(val, Cond):
            a, b = self.value(val.then, scope, node), self.value(val.else_, scope, node)
            t = tr.expr(val.test)
            code = f"{tr.wrap(a, COND + 1)} if {tr.wrap(t, COND + 1)} else {tr.wrap(b, COND)}"
            return Py(code, COND, node=a.node if a.node == b.node else None)
        if isinstance(val, Obj):
            kind = dict(val.members).get("type")
            if node is not False and isinstance(kind, Lit) and self.component_class(kind.value):
                return self.component(val, kind.value, scope)
            if node:
                raise ConvertError(
                    f"The object at template line {val.lineno} stands where a component belongs "
                    f"but its type is {jinja_text(kind.value) if isinstance(kind, Lit) else 'not literal text'}, "
                    "not a ChatKit component."
                )
            inner = [f"{k!r}: {self.value(v, scope, False).code}" for k, v in val.members]
            return Py("{" + ", ".join(inner) + "}")
        args = self.elements(val.items, scope, node=bool(node))
        return Py("[" + ", ".join(args) + "]")

    def component_class(self, name: Any) -> type[Node] | None:
        if not isinstance(name, str):
            return None
        cls = getattr(components, name.replace(".", ""), None)
        return cls if isinstance(cls, type) and issubclass(cls, Node) else None

    def component(self, obj: Obj, kind: str, scope: Scope) -> Py:
        cls = self.component_class(kind)
        assert cls is not None
        self.used.add(kind.split(".")[0])
        params = inspect.signature(cls.__init__).parameters
        main = [
            p.name
            for p in params.values()
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY) and p.name != "self"
        ]
        takes_children = any(p.kind == p.VAR_POSITIONAL for p in params.values())
        self.constant_check(obj, kind)
        args: list[str] = []
        kwargs: list[str] = []
        for key, val in obj.members:
            if key == "type" or (isinstance(val, Lit) and val.value is None):
                continue
            if key == "children":
                args += self.children(obj, kind, val, scope, takes_children, main)
            elif main and key == main[0] and main[0] != "child":
                args.insert(0, self.value(val, scope, False).code)
            elif key in params and params[key].kind == params[key].KEYWORD_ONLY:
                py = self.value(val, scope, False)
                self.typed_whole(py, kind, key, obj.lineno)
                kwargs.append(f"{key}={py.code}")
            else:
                raise ConvertError(
                    f"The template gives {kind} (line {obj.lineno}) the prop `{key}`, which its "
                    f"builder does not take; check the prop name against ChatKit's {kind}."
                )
        return Py(f"{kind}({', '.join(args + kwargs)})", ATOM, node=kind)

    def typed_whole(self, py: Py, kind: str, key: str, line: int) -> None:
        """Data passed whole to a prop typed with a shape (`"options": {{ rooms | tojson }}`):
        its TypedDict extends the shape's, so the builder type-checks; if it cannot, say so."""
        t = BY_NAME[kind].by_name[key].type
        schema = unwrap(py.schema)
        if isinstance(t, ListOf) and isinstance(t.item, Shape) and isinstance(schema, dict):
            t, schema = t.item, unwrap(schema.get("items"))
        if not isinstance(t, Shape) or not isinstance(schema, dict):
            return
        why = self.types.extend(schema, t.name)
        if why is None:
            self.used.add(t.name)
        else:
            self.warnings.append(
                f"`{py.code}` is passed whole to {kind}.{key} (template line {line}), but {why}; "
                f"the builder may not type-check there. Make its schema's keys those of a {t.name}."
            )

    def constant_check(self, obj: Obj, kind: str) -> None:
        """Refuse a component whose constant props (or a required prop the template never
        gives) fail whatever the data: the builder would raise on every call."""
        given = {key for key, _ in obj.members}
        literal = {
            key: val.value
            for key, val in obj.members
            if isinstance(val, Lit) and key not in ("type", "children") and val.value is not None
        }
        shallow = {"type": kind, **literal}
        problems = []
        for d in errors(check_node_json(shallow)):
            key = d.path.split("/")[1] if d.path.count("/") >= 1 and d.path else ""
            if d.code == "unknown-prop":
                continue  # named below, with the prop's place in the template
            if (d.code == "missing-prop" and key not in given) or key in literal:
                problems.append(d)
        if problems:
            d = problems[0]
            raise ConvertError(
                f"The {kind} at template line {obj.lineno} can never validate, whatever the data: "
                f"{d.path}: {d.message} ({d.hint}); fix the template first."
            )

    def children(
        self, obj: Obj, kind: str, val: Val, scope: Scope, takes: bool, main: list[str]
    ) -> list[str]:
        if main == ["child"]:  # Transition: one child object
            return [self.value(val, scope, True).code]
        if isinstance(val, Arr):
            if not takes:
                if val.items:
                    raise ConvertError(
                        f"The {kind} at template line {obj.lineno} has children, but a {kind} "
                        "holds none."
                    )
                # Older Studio exports write `"children": []` on every leaf: no children, which
                # is what the builder writes by leaving them out.
                return []
            return self.elements(val.items, scope, node=True)
        py = self.value(val, scope, None)
        if py.nodes is not None:
            self.ns_children.add(py.nodes)
            return [f"*{py.code}"]
        raise ConvertError(
            f"The children of the {kind} at template line {obj.lineno} come from "
            f"`{jinja_text(val.expr) if isinstance(val, Hole) else 'a value'}`, which is not a list "
            "of components the template builds."
        )

    def elements(self, items: list[Elem], scope: Scope, node: bool) -> list[str]:
        out: list[str] = []
        for item in items:
            if isinstance(item, Lit) and item.value is None:
                continue  # the rendered JSON drops null list items
            if isinstance(item, Cond) and (_is_null(item.then) or _is_null(item.else_)):
                item = Branch(item.test, [item.then], [item.else_])
            if isinstance(item, Loop):
                out.append("*" + self.comprehension(item, scope, node))
            elif isinstance(item, Branch):
                out += self.branch(item, scope, node)
            else:
                out.append(self.value(item, scope, node).code)
        return out

    def branch(self, item: Branch, scope: Scope, node: bool) -> list[str]:
        tr = Translator(scope, self.warnings.append)
        tr.builtins = self.tr.builtins
        then = self.elements(item.then, scope, node)
        else_ = self.elements(item.else_, scope, node)
        test = tr.expr(item.test)
        if not then and not else_:
            return []
        if (
            len(then) == 1 == len(else_)
            and not then[0].startswith("*")
            and not else_[0].startswith("*")
        ):
            return [f"{_paren(then[0])} if {tr.wrap(test, COND + 1)} else {_paren(else_[0])}"]
        return [f"*([{', '.join(then)}] if {tr.wrap(test, COND + 1)} else [{', '.join(else_)}])"]

    def comprehension(self, loop: Loop, scope: Scope, node: bool) -> str:
        tr = Translator(scope, self.warnings.append)
        tr.builtins = self.tr.builtins
        items = tr.expr(loop.node.iter)
        inner = scope.child()
        target = self.target(loop.node.target, inner, tr.item_schema(items))
        info = LoopInfo(self.fresh("i", inner), items.code, loop.node.test is not None)
        inner.names["loop"] = Binding("loop", loop=info)
        clauses: list[str] = []
        if loop.node.test is not None:
            test = Translator(inner, self.warnings.append).expr(loop.node.test)
            clauses.append(f"if {test.code}")
        for s in loop.sets:
            if not isinstance(s.target, nodes.Name):
                raise ConvertError(
                    f"The {{% set {jinja_text(s.target)} %}} at template line {s.lineno} in a "
                    "list's loop sets a namespace attribute; only plain names are translated there."
                )
            py = self.value(lift(s.node), inner, None)
            name = self.fresh(s.target.name, inner)
            inner.names[s.target.name] = Binding(name, py.schema, node=py.node, nodes=py.nodes)
            clauses.append(f"for {name} in [{py.code}]")
        body = self.elements(loop.body, inner, node)
        head = f"for {target} in {items.code}"
        if info.used:
            self.tr.builtins.add("enumerate")
            head = f"for {info.index}, {target} in enumerate({items.code})"
        tail = " ".join([head, *clauses])
        if len(body) == 1 and not body[0].startswith("*"):
            return f"[{body[0]} {tail}]"
        each = self.fresh("child", inner)
        return f"[{each} {tail} for {each} in [{', '.join(body)}]]"

    # the module ----------------------------------------------------------------------------

    def builder(self, tree: Template) -> tuple[str, str]:
        """(the function body lines, the return annotation)."""
        body = self.statements(tree.stmts, self.scope, 1, in_loop=False)
        root = self.value(tree.root, self.scope, True)
        roots = {root.node} if root.node else set()
        if not roots <= set(ROOTS) or not roots:
            raise ConvertError(
                f"The template renders a {root.node or 'value'} at the top, but a widget root is "
                "a Card, ListView or Basic; wrap it in a Card."
            )
        for py in self.ns_children:
            if None in self.ns_decls[py] or not self.ns_decls[py]:
                raise ConvertError(
                    f"The namespace list behind `{py}` becomes a component's children, but the "
                    "template appends data to it, not components it builds."
                )
        for py, kinds in self.ns_decls.items():
            body = [line.replace(f"@@{py}@@", self.list_type(kinds)) for line in body]
        body.append(f"    return {root.code}")
        for name in self.tr.builtins & {p.split(":")[0] for p in self.params}:
            raise ConvertError(
                f"The jsonSchema property `{name}` would hide Python's {name}(), which the "
                "builder calls; rename the property in the schema and the template."
            )
        return "\n".join(body), " | ".join(sorted(roots))

    def list_type(self, kinds: list[str | None]) -> str:
        found = set(kinds)
        if len(found) == 1 and None not in found:
            return f"list[{found.pop()}]"
        if None in found or not found:
            self.types.typing.add("Any")
            return "list[Any]"
        self.need_node = True
        return "list[Node]"


def _is_null(val: Val) -> bool:
    return isinstance(val, Lit) and val.value is None


def _paren(code: str) -> str:
    return f"({code})" if " if " in code else code

"""The preview's and the sandbox's modules: no import circle, and no private name used across
modules (a private name is a module's own business; another module reaching for it is a seam
that was never made)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"widgetkit.preview": ROOT / "preview", "widgetkit.sandbox": ROOT / "widgetkit/sandbox"}


def modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for file in sorted(folder.glob("*.py")):
            name = package if file.stem == "__init__" else f"{package}.{file.stem}"
            found[name] = file
    return found


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(name: str, file: Path) -> list[tuple[str, list[str], int]]:
    """(module, names imported from it, line) for every import that runs (not TYPE_CHECKING)."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    package = name if file.stem == "__init__" else name.rpartition(".")[0]
    skip = {id(n) for top in ast.walk(tree) if _type_checking(top) for n in ast.walk(top)}
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            out.append((base, [a.name for a in node.names], node.lineno))
    return out


def private(word: str) -> bool:
    return word.startswith("_") and not word.startswith("__")


def test_no_import_circle() -> None:
    mods = modules()
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for name, file in mods.items():
        for base, names, _ in imports(name, file):
            targets = {f"{base}.{n}" for n in names} | {base}
            edges[name] |= {t for t in targets if t in mods and t != name}
    circles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(mods):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_no_private_name_is_used_across_modules() -> None:
    found = []
    for name, file in modules().items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        aliases: set[str] = set()  # local names bound to our modules
        for base, names, line in imports(name, file):
            if not base.startswith("widgetkit"):
                continue
            found += [f"{file.name}:{line} imports {base}.{n}" for n in names if private(n)]
            aliases |= set(names) if names else {base.split(".")[0]}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and private(node.attr):
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id in aliases:
                    found.append(f"{file.name}:{node.lineno} uses {owner.id}.{node.attr}")
    assert found == []

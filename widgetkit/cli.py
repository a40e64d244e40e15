"""The `widgetkit` command line.

Each subcommand lives in a module with `configure(parser)` and `run(args) -> int`; modules are
imported only when their command runs, so `widgetkit --help` and `widgetkit validate` never pay
for openai-chatkit's server import.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .diagnostics import Diagnostic
from .sandbox.pool import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from .sandbox.failure import Failure

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("widgetkit.cli", "check widgets strictly: .py builders, .json, .widget files"),
    "preview": ("widgetkit.preview.cli", "serve widgets in a browser with live ChatKit rendering"),
    "render": ("widgetkit.templates.cli", "render a .widget file with its sample data or --data"),
    "schema": ("widgetkit.schema", "print a JSON Schema (draft 2020-12) for widget JSON"),
    "export": ("widgetkit.export", "write a @widget builder as a .widget template file"),
    "convert": ("widgetkit.convert", "turn a .widget file into a Python @widget builder module"),
    "build": ("widgetkit.preview.site", "write the widgets as a static site that opens from disk"),
    "screenshot": (
        "widgetkit.screenshot",
        "draw one widget to a PNG (or one HTML file) in Chromium",
    ),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
    parser.add_argument("--runtime", choices=("js", "python"), help="warn about runtime drift")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on any)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"stop a module's import or a builder after S seconds (default {DEFAULT_TIMEOUT:g})",
    )


# (where, file, line, diagnostic)
Row = tuple[str, Path, int, Diagnostic]


def run(args: argparse.Namespace) -> int:
    from .discover import files
    from .sandbox import build_files

    paths: list[Path] = args.paths
    todo = list(files(paths))
    results = build_files(paths, todo, timeout=args.timeout, runtime=args.runtime)
    rows: list[Row] = []
    widgets = states = 0
    for result in results:
        if result.error is not None:
            rows.append(_file_error(result.file, result.error))
            continue
        for w in result.widgets:
            widgets += 1
            for state in w.states:
                states += 1
                label = f"{w.name}[{state.name}]" if result.kind == "builder" else ""
                if state.where:
                    label = f"{label} {state.where}"
                where = _where(result.file, state.line if result.kind == "builder" else 0, label)
                diags = map(Diagnostic.from_dict, state.diagnostics)
                rows += [(where, result.file, state.line, d) for d in diags]
    n_err = sum(d.severity == "error" for *_, d in rows)
    n_warn = len(rows) - n_err
    failed_files = sum(r.error is not None for r in results)
    if args.format == "json":
        out = [{"where": w, "file": str(f), "line": ln, **d.to_dict()} for w, f, ln, d in rows]
        report = {"checked": states + failed_files, "widgets": widgets, "states": states,
                  "errors": n_err, "warnings": n_warn, "diagnostics": out}  # fmt: skip
        print(json.dumps(report, indent=2))
    else:
        for where, file, line, d in rows:
            if args.format == "github":
                kind = "error" if d.severity == "error" else "warning"
                loc = f"file={file},line={line}" if line else f"file={file}"
                text = f"{d.path or '/'}: {d.message}" + (f" ({d.hint})" if d.hint else "")
                print(f"::{kind} {loc},title=widgetkit {d.code}::{_escape(text)}")
            else:
                print(f"{where}: {d}")
        print(_summary(widgets, states, failed_files, n_err, n_warn))
    if widgets == 0 and failed_files == 0:
        print("no widgets found under " + ", ".join(map(str, paths)), file=sys.stderr)
        return 1
    return 1 if n_err or (args.strict and n_warn) else 0


def _where(file: Path, line: int, label: str) -> str:
    at = f"{file}:{line}" if line else str(file)
    return f"{at}: {label}" if label else at


def _file_error(file: Path, error: Failure) -> Row:
    """A file that failed as a whole: it did not import, or its import was stopped."""
    from .sandbox.explain import file_problem

    line, problem = file_problem(file, error)
    return (_where(file, line, ""), file, line, problem)


def _summary(widgets: int, states: int, failed_files: int, errors: int, warnings: int) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    checked = f"{n(widgets, 'widget')}, {n(states, 'state')} checked"
    if failed_files:
        checked += f", {n(failed_files, 'file')} not loaded"
    return f"{checked}: {n(errors, 'error')}, {n(warnings, 'warning')}"


def _escape(text: str) -> str:
    # GitHub workflow commands end at a newline and treat % specially.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            sys.stdout.flush()  # here, so that a reader gone early is seen here, not at exit
    except BrokenPipeError:
        # `widgetkit ... | head`: the reader left; stop quietly like other Unix tools. Python
        # flushes stdout again at exit, so point it at devnull first (as Python's docs on
        # SIGPIPE advise).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="widgetkit", description="Author, check and preview OpenAI ChatKit widgets."
    )
    parser.add_argument("--version", action="version", version=f"widgetkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help) in COMMANDS.items():
        sub.add_parser(name, help=help, add_help=False)
    argv = list(sys.argv[1:] if argv is None else argv)
    # Parse the command name first, then let only that command's module configure its options.
    known, _ = parser.parse_known_args(argv[:1] or ["--help"])
    module_name, help = COMMANDS[known.command]
    command = importlib.import_module(module_name)
    cmd_parser = argparse.ArgumentParser(prog=f"widgetkit {known.command}", description=help)
    command.configure(cmd_parser)
    args = cmd_parser.parse_args(argv[1:])
    code: int = command.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())

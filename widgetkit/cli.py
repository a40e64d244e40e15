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

from . import __version__
from .diagnostics import Diagnostic

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


def run(args: argparse.Namespace) -> int:
    from .discover import find
    from .validate import validate

    results: list[tuple[str, Path, int, Diagnostic]] = []
    checked = 0
    for found in find(args.paths):
        checked += 1
        diags = list(found.diagnostics)
        if found.payload is not None:
            diags += validate(found.payload, runtime=args.runtime)
        results += [(found.where, found.file, found.line, d) for d in diags]
    n_err = sum(d.severity == "error" for *_, d in results)
    n_warn = len(results) - n_err
    if args.format == "json":
        rows = [{"where": w, "file": str(f), "line": ln, **d.to_dict()} for w, f, ln, d in results]
        print(
            json.dumps(
                {"checked": checked, "errors": n_err, "warnings": n_warn, "diagnostics": rows},
                indent=2,
            )
        )
    else:
        for where, file, line, d in results:
            if args.format == "github":
                kind = "error" if d.severity == "error" else "warning"
                loc = f"file={file},line={line}" if line else f"file={file}"
                text = f"{d.path or '/'}: {d.message}" + (f" ({d.hint})" if d.hint else "")
                print(f"::{kind} {loc},title=widgetkit {d.code}::{_escape(text)}")
            else:
                print(f"{where}: {d}")
        print(f"{checked} widget(s) checked: {n_err} error(s), {n_warn} warning(s)")
    if checked == 0:
        print("no widgets found under " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    return 1 if n_err or (args.strict and n_warn) else 0


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

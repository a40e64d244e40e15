"""`widgetkit render FILE.widget [--data FILE.json | -] [--no-schema]`: print the widget JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..diagnostics import WidgetError
from ._file import load_widget


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a .widget file")
    parser.add_argument(
        "--data",
        metavar="FILE.json",
        help="the data to render with ('-' reads stdin); the file's sample data by default",
    )
    parser.add_argument(
        "--no-schema", action="store_true", help="render even if the data breaks the jsonSchema"
    )
    parser.add_argument("--indent", type=int, default=2, help="JSON indent (0 for compact)")


def run(args: argparse.Namespace) -> int:
    try:
        data = _read_data(args.data)
        payload = load_widget(args.file).render(data, schema=not args.no_schema)
    except WidgetError as exc:
        for d in exc.diagnostics:
            print(f"{args.file}: {d}", file=sys.stderr)
        return 1
    except _DataError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    compact = args.indent == 0
    print(
        json.dumps(
            payload,
            ensure_ascii=False,
            allow_nan=False,
            indent=None if compact else args.indent,
            separators=(",", ":") if compact else None,
        )
    )
    return 0


class _DataError(Exception):
    pass


def _read_data(where: str | None) -> dict[str, Any] | None:
    if where is None:
        return None
    name = "stdin" if where == "-" else where
    try:
        text = sys.stdin.read() if where == "-" else Path(where).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _DataError(f"Cannot read the data from {name}: {exc}; pass a JSON file.") from None
    if not isinstance(data, dict):
        raise _DataError(
            f"The data from {name} is {type(data).__name__}, not a JSON object; a template's "
            'variables are the keys of an object, e.g. {"name": "Ada"}.'
        )
    return data

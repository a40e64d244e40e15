"""The index page at 10, 500 and 2,000 widgets: its size and warm serve time, the first page of
cards (what the index serves) beside every card at once (`?limit=` all: what it served before
issue 18), and a search (`?q=`).

The library is filled directly (5 widgets to a module, 3 states each, ~30-node cards), as the hot
reloader fills it; the page is rendered in this process by the route itself, so the figures are
the server's work alone.

    .venv/bin/python bench/index_page.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from widgetkit.preview import pages
from widgetkit.preview.library import Entry, Library, State, thread_id_for
from widgetkit.preview.state import Preview

SIZES = (10, 500, 2000)


def card(i: int) -> dict[str, Any]:
    rows = [
        {"type": "Row", "children": [{"type": "Text", "value": f"Line {n}"}, {"type": "Spacer"}]}
        for n in range(9)
    ]
    return {"type": "Card", "children": [{"type": "Title", "value": f"Card {i}"}, *rows]}


def library_of(n: int) -> Library:
    library = Library([Path("widgets")])
    for i in range(n):
        rel = f"module_{i // 5:04}.py"
        e = Entry(
            f"{rel[:-3]}:card_{i}", Path(rel), rel, f"card_{i}", f"Card {i}", "A card.", "builder"
        )
        for s in ("paid", "due", "late"):
            e.states[s] = State(s, {}, card(i), [], thread_id_for(e.id, s))
        library.entries[e.id] = e
    return library


async def serve(library: Library, query: str, repeat: int) -> tuple[int, float]:
    """The page's bytes and its median time to render, warm."""
    preview = Preview(library.paths)
    preview.library = library
    preview.scanned.set()
    app = Starlette()
    app.state.preview = preview
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "app": app}
    request = Request({**scope, "query_string": query.encode()})
    body = (await pages.index(request)).body
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        await pages.index(request)
        times.append(time.perf_counter() - start)
    return len(body), statistics.median(times) * 1000


async def main(repeat: int) -> None:
    print(f"{'widgets':>8} {'every card':>20} {'first page':>20} {'search':>20} {'ratio':>6}")
    for n in SIZES:
        library = library_of(n)
        every = await serve(library, f"limit={n}", repeat)
        first = await serve(library, "", repeat)
        search = await serve(library, "q=card_1+paid", repeat)
        cells = [f"{b / 1000:>8.0f} KB {ms:>6.1f} ms" for b, ms in (every, first, search)]
        print(f"{n:>8} {cells[0]:>20} {cells[1]:>20} {cells[2]:>20} {every[1] / first[1]:>5.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    asyncio.run(main(parser.parse_args().repeat))

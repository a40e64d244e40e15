"""The index at thousands of widgets: a page of cards grouped by file, the rest by `offset` and
`limit`, filtered on the server (`q`, `errors`) as `/api/widgets` is, and the thumbnails' payloads
from `/api/thumbnails`. A library is filled directly (no build), as the hot reloader fills it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from widgetkit.diagnostics import Diagnostic
from widgetkit.preview import pages
from widgetkit.preview.app import MAX_THUMBNAILS, api_thumbnails, api_widgets
from widgetkit.preview.library import Entry, Library, State, thread_id_for
from widgetkit.preview.state import INDEX_PAGE, Preview

PER_FILE = 5
ODD_IDS = ["odd/a b#c?d%25e.json", "odd/<b>&'\".json", "odd/ünï cødé.json"]


def card(i: int) -> dict[str, Any]:
    """A ~30-node card, as big as the ones the issue measured with."""
    rows = [
        {"type": "Row", "children": [{"type": "Text", "value": f"Line {n}"}, {"type": "Spacer"}]}
        for n in range(9)
    ]
    return {"type": "Card", "children": [{"type": "Title", "value": f"Card {i}"}, *rows]}


def entry(entry_id: str, rel: str, name: str, title: str, *, failing: bool = False) -> Entry:
    e = Entry(entry_id, Path(rel), rel, name, title, f"The {title}.\nMore.", "builder", 3)
    for s in ("first", "second", "third"):
        broken = failing and s == "first"
        diagnostics = [Diagnostic("", "error", "builder-error", "boom", "")] if broken else []
        payload = None if broken else card(len(e.states))
        e.states[s] = State(s, {}, payload, diagnostics, thread_id_for(entry_id, s))
    return e


def library_of(n: int) -> Library:
    """`n` widgets, PER_FILE to a module; every 50th fails its first state; then ODD_IDS."""
    library = Library([Path("widgets")])
    for i in range(n):
        rel = f"module_{i // PER_FILE:04}.py"
        e = entry(f"{rel[:-3]}:card_{i}", rel, f"card_{i}", f"Card number {i}", failing=i % 50 == 7)
        library.entries[e.id] = e
    for odd in ODD_IDS:
        library.entries[odd] = entry(odd, odd, odd.split("/")[1], f"Odd {odd}")
    return library


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    library = library_of(2000)
    preview = Preview(library.paths)
    preview.library = library
    preview.scanned.set()
    routes = [
        *pages.routes(),
        Route("/api/widgets", api_widgets),
        Route("/api/thumbnails", api_thumbnails),
    ]
    app = Starlette(routes=routes)
    app.state.preview = preview
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'class="card-link" href="([^"]*)"', html)]


def test_the_index_at_2000_widgets_serves_one_page_of_cards(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert len(html.encode()) < 200_000  # every card at once was 1.5 MB
    assert len(hrefs(html)) == INDEX_PAGE
    assert hrefs(html)[0] == "/widget/module_0000:card_0"
    assert html.count('class="group"') == INDEX_PAGE // PER_FILE
    assert "2003 widgets in 403 files" in html
    assert 'href="/?offset=100">Show more</a>' in html
    assert "1–100 of 2003" in html
    assert 'class="card has-error"' in html and "40 failing" in html


def test_the_next_page_starts_where_the_first_ended(client: TestClient) -> None:
    html = client.get("/?offset=100").text
    assert hrefs(html)[0] == "/widget/module_0020:card_100"
    assert 'href="/?offset=200">Show more</a>' in html
    last = client.get("/?offset=2000").text
    assert len(hrefs(last)) == 3 and "Show more" not in last


def test_a_group_cut_by_a_page_says_how_many_its_file_holds(client: TestClient) -> None:
    html = client.get("/?limit=3").text
    assert len(hrefs(html)) == 3
    assert re.search(r"<code>module_0000.py</code> <span class=\"muted\">5</span>", html)
    assert 'href="/?offset=3&amp;limit=3"' in html


def test_the_index_filter_is_the_servers(client: TestClient) -> None:
    html = client.get("/?q=Card+NUMBER+1999").text
    assert hrefs(html) == ["/widget/module_0399:card_1999"]
    assert 'value="Card NUMBER 1999"' in html and "Show more" not in html
    failing = client.get("/?errors=1").text
    assert len(hrefs(failing)) == 40 and 'aria-pressed="true"' in failing
    none = client.get("/?q=zzz-nothing").text
    assert hrefs(none) == [] and re.search(r'id="no-match" class="empty">', none)


def test_api_widgets_pages_and_filters(client: TestClient) -> None:
    everything = client.get("/api/widgets").json()
    assert len(everything["widgets"]) == everything["matching"] == 2003
    page = client.get("/api/widgets?offset=1995&limit=10").json()
    assert [w["id"] for w in page["widgets"]][:5] == [
        f"module_{i // PER_FILE:04}:card_{i}" for i in range(1995, 2000)
    ]
    assert len(page["widgets"]) == 8 and page["matching"] == 2003 and page["offset"] == 1995
    assert client.get("/api/widgets?offset=5000").json()["widgets"] == []
    counted = client.get("/api/widgets?limit=0").json()
    assert counted["widgets"] == [] and counted["matching"] == 2003


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("card_1234", ["module_0246:card_1234"]),  # the name
        ("number 1234", ["module_0246:card_1234"]),  # the title's words, in any case
        ("module_0246.py", [f"module_0246:card_{i}" for i in range(1230, 1235)]),  # the file
        ("module_0246:card_1232", ["module_0246:card_1232"]),  # the id
        ("#c?d", ["odd/a b#c?d%25e.json"]),
        ("<b>&'", ["odd/<b>&'\".json"]),
        ("ÜNÏ", ["odd/ünï cødé.json"]),
        ("nothing-like-it", []),
    ],
)
def test_api_widgets_q_looks_in_title_name_file_and_id(
    client: TestClient, q: str, expected: list[str]
) -> None:
    found = client.get("/api/widgets", params={"q": q}).json()
    assert [w["id"] for w in found["widgets"]] == expected
    assert found["matching"] == len(expected)


def test_api_widgets_errors_lists_the_failing_ones(client: TestClient) -> None:
    failing = client.get("/api/widgets?errors=1&q=card_1").json()["widgets"]
    assert failing and all(w["errors"] and "card_1" in w["id"] for w in failing)
    assert len(client.get("/api/widgets?errors=true").json()["widgets"]) == 40


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("offset=-1", '"offset" is a whole number, 0 or more, not "-1"'),
        ("limit=ten", '"limit" is a whole number, 0 or more, not "ten"'),
        ("errors=maybe", '"errors" is 1 or 0 (true or false), not "maybe"'),
    ],
)
def test_a_malformed_query_is_a_400_that_says_what(
    client: TestClient, query: str, says: str
) -> None:
    api = client.get(f"/api/widgets?{query}")
    assert api.status_code == 400 and api.json()["error"]["message"] == says + "."
    page = client.get(f"/?{query}")
    assert page.status_code == 400 and unescape(page.text).count(says) == 1


def test_odd_ids_link_to_their_pages_escaped(client: TestClient) -> None:
    html = client.get("/?q=odd/").text
    links = hrefs(html)
    assert [unquote(h.removeprefix("/widget/")) for h in links] == ODD_IDS
    assert all(not re.search(r"[ #?<>\"'&]", h) for h in links)  # nothing the URL would cut
    assert "<b>&" not in html  # shown escaped
    chips = [unescape(c) for c in re.findall(r'class="chip" href="([^"]*)"', html)]
    assert chips[0] == links[0] + "?state=first"


def test_thumbnails_are_each_widgets_first_built_state(client: TestClient) -> None:
    ids = ["module_0000:card_0", "module_0001:card_7", *ODD_IDS, "no:such"]
    answer = client.get("/api/thumbnails", params={"id": ids}).json()["thumbnails"]
    assert list(answer) == ids[:-1]  # an unknown id is left out
    assert answer["module_0000:card_0"] == {"state": "first", "payload": card(0)}
    assert answer["module_0001:card_7"]["state"] == "second"  # its first state failed
    assert answer[ODD_IDS[0]]["payload"] == card(0)


def test_thumbnails_are_asked_for_a_screenful_at_a_time(client: TestClient) -> None:
    too_many = [("id", f"module_0000:card_{i}") for i in range(MAX_THUMBNAILS + 1)]
    response = client.get("/api/thumbnails", params=too_many)
    assert response.status_code == 400
    assert f"at most {MAX_THUMBNAILS}" in response.json()["error"]["message"]

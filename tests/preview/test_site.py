"""`widgetkit build`: the static site's files, links and data, without a browser (test_site.py in
tests/browser opens the site from disk in Chromium)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from widgetkit.cli import main
from widgetkit.gallery import WIDGETS
from widgetkit.preview import bundle
from widgetkit.preview.site import MANIFEST, BuildError, build_site

ORDER = """
from widgetkit import Button, Card, Text, Title, action, widget

@widget(samples={"paid": {"id": "A-17"}, "due": {"id": "B-2"}})
def order(id: str) -> Card:
    return Card(Title(f"Order {id}"), Button("Pay", onClickAction=action("order.pay", {"id": id})))
"""


@pytest.fixture(scope="module")
def gallery_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    assert main(["build", "-o", str(out)]) == 0
    return out


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.data: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append(value)
        self._in_data = tag == "script" and ("type", "application/json") in attrs

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data.append(data)
            self._in_data = False


def parse(file: Path) -> Links:
    links = Links()
    links.feed(file.read_text(encoding="utf-8"))
    return links


def test_every_gallery_widget_gets_a_page_and_every_link_is_relative_and_there(
    gallery_site: Path,
) -> None:
    manifest = json.loads((gallery_site / MANIFEST).read_text())
    assert len(manifest["widgets"]) == len(WIDGETS)
    pages = [gallery_site / "index.html", *(gallery_site / p for p in manifest["widgets"].values())]
    for page in pages:
        for ref in parse(page).refs:
            if ref.startswith("data:"):
                continue
            assert not re.match(r"^([a-z]+:|/)", ref), f"{page.name}: {ref} is not relative"
            target = (page.parent / ref.split("#")[0]).resolve()
            assert target.is_file(), f"{page.name}: {ref} is missing"


def test_the_pages_carry_their_states_payloads_and_the_gallery_images(gallery_site: Path) -> None:
    page = gallery_site / "widgets" / "commerce.order_confirmation.html"
    (blob,) = parse(page).data
    data = json.loads(blob)
    builder = next(w for w in WIDGETS if w.name == "order_confirmation")
    states = data["widget"]["states"]
    assert list(states) == list(builder.samples)
    for name, state in states.items():
        assert state["payload"] == builder.build(name).to_dict()
    # The gallery's images (served at /gallery-assets/ by the preview) travel as data: URLs.
    assert data["assets"] and all(
        k.startswith("/gallery-assets/") and v.startswith("data:image/svg+xml;base64,")
        for k, v in data["assets"].items()
    )
    # Only what the pages load is copied: the renderer's modules are inside modules.js.
    static = gallery_site / "static"
    assert [p.name for p in static.glob("*.js")] == ["modules.js"]
    assert not (static / "vendor" / "marked" / "marked.esm.js").exists()
    assert (static / "vendor" / "marked" / "LICENSE").is_file()


def test_the_module_loader_rewrites_every_relative_import(tmp_path: Path) -> None:
    modules = bundle.modules(*("site.js", "shot.js"))
    assert {"site.js", "shot.js", "renderer.js", "components.js"} <= set(modules)
    for name, text in modules.items():
        assert not re.search(r"""\b(from|import)\s*\(?\s*["']\.\.?/""", text), name
    # A module that is not there is named, with what to do.
    (tmp_path / "a.js").write_text('import { b } from "./gone.js";\n')
    with pytest.raises(bundle.BundleError, match=r"gone\.js is missing.*build_assets"):
        bundle.modules("a.js", static=tmp_path)


def test_a_rebuild_replaces_the_site_and_a_foreign_folder_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "orders.py").write_text(ORDER)
    out = tmp_path / "site"
    built = build_site([tmp_path / "orders.py"], out)
    assert (built.widgets, built.states, built.failing) == (1, 2, 0)
    (out / "widgets" / "stale.html").write_text("old")
    build_site([tmp_path / "orders.py"], out)
    assert sorted(p.name for p in (out / "widgets").iterdir()) == ["orders.order.html"]

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(BuildError, match="not empty and holds no earlier widgetkit build"):
        build_site([tmp_path / "orders.py"], mine)
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    with pytest.raises(BuildError, match="is a file"):
        build_site([tmp_path / "orders.py"], mine / "notes.txt")


def test_hostile_strings_stay_data_in_the_html(tmp_path: Path) -> None:
    img = '<img src=x onerror="window.__pwned=1">'
    name = "<img src=x onerror=window.__pwned=1>.json"
    (tmp_path / name).write_text(
        json.dumps({"type": "Card", "children": [{"type": "Text", "value": f"</script>{img}"}]})
    )
    build_site([tmp_path], tmp_path / "site")
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<img" not in html and "</script><img" not in html, page.name


def test_the_command_says_what_it_built_and_refuses_a_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "orders.py").write_text(ORDER)
    assert main(["build", str(tmp_path / "orders.py"), "-o", str(tmp_path / "site")]) == 0
    assert "built 1 widget(s) in 2 state(s) into" in capsys.readouterr().out
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "site")]) == 1
    assert "nope does not exist" in capsys.readouterr().err


def test_inlined_css_takes_its_imports_and_their_fonts_along(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "main.css").write_text(
        '@import url("./sub/a.css");\n@import "sub/b.css";\nbody { background: url(x.svg) }\n'
        'a { background: url("https://example.com/y.png") }\n'
    )
    (tmp_path / "sub" / "a.css").write_text('@font-face { src: url("../f.woff2") }\n')
    (tmp_path / "sub" / "b.css").write_text("b { color: red }\n")
    (tmp_path / "f.woff2").write_bytes(b"font")
    (tmp_path / "x.svg").write_text("<svg/>")
    css = bundle.inline_css("main.css", static=tmp_path)
    assert "@import" not in css and "b { color: red }" in css
    assert 'url("data:font/woff2;base64,Zm9udA==")' in css
    assert 'url("data:image/svg+xml;base64,' in css
    assert 'url("https://example.com/y.png")' in css  # not ours to inline


def test_the_self_contained_page_has_no_reference_outside_itself() -> None:
    from widgetkit.screenshot import page_html

    html = page_html({"type": "Card", "children": [{"type": "Text", "value": "Hi"}]})
    links = Links()
    links.feed(html)
    assert [r for r in links.refs if not r.startswith("data:")] == []
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "url(" in styles and not re.search(r"""url\(\s*(?!["']?data:)""", styles)


def test_a_module_that_fails_to_import_is_listed_with_its_error(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("import nowhere_to_be_found\n")
    (tmp_path / "orders.py").write_text(ORDER)
    built = build_site([tmp_path], tmp_path / "site")
    assert (built.widgets, built.failing) == (2, 1)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "No module named &#39;nowhere_to_be_found&#39;" in index
    (blob,) = parse(tmp_path / "site" / "widgets" / "broken.html").data
    (problem,) = json.loads(blob)["widget"]["problems"]
    assert problem["code"] == "import-error"


def test_a_builder_that_loops_or_exits_is_stopped_and_its_page_says_so(tmp_path: Path) -> None:
    (tmp_path / "stuck.py").write_text(
        "import sys\nfrom widgetkit import Card, Text, widget\n\n"
        "@widget\ndef spins() -> Card:\n    while True:\n        pass\n\n"
        "@widget\ndef leaves() -> Card:\n    sys.exit(3)\n\n"
        "@widget\ndef fine() -> Card:\n    return Card(Text('ok'))\n"
    )
    built = build_site([tmp_path], tmp_path / "site", timeout=1)
    assert (built.widgets, built.failing) == (3, 2)
    pages = tmp_path / "site" / "widgets"
    page = json.loads(parse(pages / "stuck.spins.html").data[0])["widget"]
    assert page["file"] == "stuck.py"
    (spins,) = page["states"].values()
    assert spins["payload"] is None
    (stopped,) = spins["diagnostics"]
    assert stopped["code"] == "builder-timeout" and "took longer than 1 s" in stopped["message"]
    (leaves,) = json.loads(parse(pages / "stuck.leaves.html").data[0])["widget"]["states"].values()
    assert leaves["payload"] is None and leaves["diagnostics"]
    (fine,) = json.loads(parse(pages / "stuck.fine.html").data[0])["widget"]["states"].values()
    assert fine["payload"] == {"type": "Card", "children": [{"type": "Text", "value": "ok"}]}

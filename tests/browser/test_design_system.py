"""The offline renderer draws with OpenAI's design system, @openai/apps-sdk-ui, as its own source
says: the Tailwind `@theme` values resolved at build time are the source's, every Badge and Button
colour × variant draws with the colours the package's own CSS gives the same props (light and
dark), and every ChatKit icon is the package's icon path for path."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Page

from widgetkit.catalog.data import renderer
from widgetkit.catalog.shapes import ICONS

if TYPE_CHECKING:  # conftest is not importable by name when several test folders run
    from conftest import Harness

PACKAGE = Path(__file__).resolve().parents[2] / "node_modules" / "@openai" / "apps-sdk-ui"
ES = PACKAGE / "dist" / "es"
# The package's own stylesheets for the variables and the two components, as it ships them.
SOURCE_CSS = [
    "styles/variables-primitive.css",
    "styles/variables-semantic.css",
    "styles/variables-components.css",
    "components/Badge/Badge.module.css",
    "components/Button/Button.module.css",
]


@pytest.fixture(scope="module", autouse=True)
def package_installed() -> None:
    if not PACKAGE.is_dir():
        pytest.fail("node_modules/@openai/apps-sdk-ui is missing; run scripts/setup --dev")


def tokens(component: str, prop: str) -> list[str]:
    found: list[str] = renderer()["components"][component]["tokens"][prop]
    return found


def theme_static_values() -> dict[str, str]:
    """`--name: value` of every `@theme static` block in the package's stylesheets."""
    found: dict[str, str] = {}
    for name in SOURCE_CSS:
        css = re.sub(r"/\*.*?\*/", "", (ES / name).read_text(), flags=re.S)
        for block in re.findall(r"@theme static\s*\{(.*?)\n\}", css, flags=re.S):
            for key, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block):
                if not key.endswith("-*"):
                    # `initial` removes a theme key in Tailwind: no value at all in the page.
                    found[key] = "" if value == "initial" else " ".join(value.split())
    return found


def scale_values() -> dict[str, str]:
    """The control sizes, gutters and type scale the package writes as plain values."""
    css = re.sub(r"/\*.*?\*/", "", (ES / "styles/variables-semantic.css").read_text(), flags=re.S)
    found = dict(re.findall(r"(--(?:control|font-text|font-heading)-[\w-]+)\s*:\s*([^;]+);", css))
    return {
        k: " ".join(v.split()) for k, v in found.items() if "var(" not in v and "calc(" not in v
    }


def themed_values(theme: str) -> dict[str, str]:
    """The primitives the package sets per theme (`:where([data-theme="dark"]) { --gray-0: ... }`)."""
    css = (ES / "styles/variables-primitive.css").read_text()
    block = re.search(r':where\(\[data-theme="' + theme + r'"\]\)\s*\{(.*?)\}', css, flags=re.S)
    assert block, f"no {theme} block in the package's primitives"
    return dict(re.findall(r"(--gray-[\w-]+)\s*:\s*(#[0-9a-f]+);", block.group(1)))


def test_the_resolved_theme_is_what_the_source_says(harness: Harness) -> None:
    expected = theme_static_values()
    assert {"--radius-lg", "--spacing", "--font-weight-semibold"} <= set(expected)
    drawn = harness.page.evaluate(
        "(names) => Object.fromEntries(names.map((n) => [n,"
        " getComputedStyle(document.documentElement).getPropertyValue(n).trim().replace(/\\s+/g, ' ')]))",
        list(expected),
    )
    assert drawn == expected
    scale = scale_values()
    assert {
        "--control-size-md",
        "--control-gutter-md",
        "--font-text-sm-size",
        "--font-heading-md-line-height",
    } <= set(scale)
    for theme in ("light", "dark"):
        harness.render({"type": "Text", "value": "x"}, theme=theme)
        seen = harness.page.evaluate(
            "(names) => { const root = document.querySelector('.wk-root');"
            " return Object.fromEntries(names.map((n) => [n, getComputedStyle(root).getPropertyValue(n).trim()])); }",
            list(scale),
        )
        assert seen == scale, theme
        grays = themed_values(theme)
        harness.render({"type": "Text", "value": "x"}, theme=theme)
        seen = harness.page.evaluate(
            "(names) => { const root = document.querySelector('.wk-root');"
            " return Object.fromEntries(names.map((n) => [n, getComputedStyle(root).getPropertyValue(n).trim()])); }",
            list(grays),
        )
        assert seen == grays, theme


# What a drawn Badge or Button shows: background (a Button paints it on ::before), text colour,
# the outline (box-shadow on a Badge, a border on a Button's ::before).
LOOK = """(e) => {
  const s = getComputedStyle(e), b = getComputedStyle(e, "::before");
  return e.classList.contains("Badge")
    ? {background: s.backgroundColor, color: s.color, outline: s.boxShadow}
    : {background: b.backgroundColor, color: s.color, outline: b.borderColor + " " + b.borderWidth + " " + b.boxShadow};
}"""


def reference_looks(
    browser: Browser, kind: str, combos: list[dict[str, str]], theme: str
) -> list[Any]:
    """The same props drawn by the package's own CSS, as its React component writes the DOM."""
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        for name in SOURCE_CSS:
            page.add_style_tag(content=(ES / name).read_text())
        return page.evaluate(
            """([kind, combos, theme, look]) => {
              const host = document.createElement("div");
              host.dataset.theme = theme;
              document.body.append(host);
              const lookOf = eval(look);
              return combos.map((c) => {
                const e = document.createElement(kind === "Badge" ? "div" : "button");
                e.className = kind;
                for (const [k, v] of Object.entries(c)) e.dataset[k] = v;
                e.textContent = "Label";
                host.append(e);
                return lookOf(e);
              });
            }""",
            [kind, combos, theme, LOOK],
        )
    finally:
        page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["Badge", "Button"])
def test_badge_and_button_colours_are_the_design_systems(
    harness: Harness, browser: Browser, kind: str, theme: str
) -> None:
    size = "sm" if kind == "Badge" else "md"
    combos = [
        {"color": c, "variant": v, "size": size}
        for c in tokens(kind, "color")
        for v in tokens(kind, "variant")
    ]
    label = "label"
    widget = {"type": "Row", "children": [{"type": kind, label: "Label", **c} for c in combos]}
    harness.render(widget, theme=theme)
    drawn = [harness.at(f"/children/{i}").evaluate(LOOK) for i in range(len(combos))]
    expected = reference_looks(browser, kind, combos, theme)
    mismatches = [(c, d, e) for c, d, e in zip(combos, drawn, expected, strict=True) if d != e]
    assert not mismatches
    # The colours differ between variants: the comparison is of something.
    assert len({d["background"] for d in drawn}) > len(tokens(kind, "color"))


GEOMETRY = ("d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "points")
SHAPES = """(e, keys) => [...e.querySelectorAll("svg *")].map((s) => [s.tagName,
  Object.fromEntries(keys.filter((k) => s.hasAttribute(k)).map((k) => [k, s.getAttribute(k)]))])"""


def icon_shapes(source: str) -> list[list[Any]]:
    """[tag, geometry] of each shape in the package's icon module, in order, read from its text."""
    text = (ES / "components" / "Icon" / "svg" / f"{source}.js").read_text()
    shapes = []
    for tag, props in re.findall(r'_jsxs?\("(\w+)", \{(.*?)(?:children:|\}\))', text):
        if tag == "svg":
            continue
        attrs = {k: q or n for k, q, n in re.findall(r'(\w+): (?:"([^"]*)"|([\d.]+))', props)}
        shapes.append([tag, {k: attrs[k] for k in GEOMETRY if k in attrs}])
    return shapes


def pascal(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in name.split("-"))


def test_every_icon_is_the_design_systems(harness: Harness) -> None:
    harness.render({"type": "Row", "children": [{"type": "Icon", "name": n} for n in ICONS]})
    nearest = harness.page.evaluate("import('./renderer.js').then((m) => ({...m.NEAREST}))")
    # A differently named icon stands in exactly where the package has none of that name.
    missing = {n for n in ICONS if not (ES / "components/Icon/svg" / f"{pascal(n)}.js").is_file()}
    assert set(nearest) == missing
    for i, name in enumerate(ICONS):
        drawn = harness.at(f"/children/{i}").evaluate(SHAPES, list(GEOMETRY))
        expected = icon_shapes(nearest.get(name, pascal(name)))
        assert expected, name
        assert drawn == expected, name


def test_a_stand_in_icon_is_marked_and_the_notice_stands_only_beside_one(harness: Harness) -> None:
    page: Page = harness.page
    harness.render({"type": "Icon", "name": "star"})
    assert page.text_content("#notice") == ""
    harness.render({"type": "Icon", "name": "lucide:rocket"})
    assert harness.at("").locator("svg").get_attribute("data-wk-icon") == "stand-in"
    assert "stand-in" in (page.text_content("#notice") or "")

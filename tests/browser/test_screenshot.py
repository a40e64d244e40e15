"""`widgetkit screenshot` in real Chromium: builders (by module and by file), `.json` and
`.widget` targets, the crop, theme, width and scale, the self-contained `--html` file opened from
disk with nothing beside it, and the messages when a target, Chromium or Playwright is missing."""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from widgetkit.cli import main
from widgetkit.screenshot import MARGIN

ROOT = Path(__file__).resolve().parents[2]
CARD = {"type": "Card", "size": "full", "children": [{"type": "Text", "value": "Hello"}]}


def size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_builder_states_theme_and_scale(tmp_path: Path) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    spec = "widgetkit.gallery.commerce:order_confirmation"
    assert main(["screenshot", spec, "--state", "cancelled", "-o", str(one)]) == 0
    by_file = f"{ROOT / 'gallery' / 'commerce.py'}:order_confirmation"
    args = ["--state", "cancelled", "--theme", "dark", "--scale", "2", "-o", str(two)]
    assert main(["screenshot", by_file, *args]) == 0
    (w1, h1), (w2, h2) = size(one), size(two)
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2
    assert one.read_bytes() != two.read_bytes()


def test_crop_follows_the_width_and_the_widget(tmp_path: Path) -> None:
    payload = tmp_path / "card.json"
    payload.write_text(json.dumps(CARD))
    widths = {}
    for width in ("sm", "md", "lg"):
        out = tmp_path / f"{width}.png"
        assert main(["screenshot", str(payload), "--width", width, "-o", str(out)]) == 0
        widths[width] = size(out)
    # A full-size card fills its stage (app.css: sm 360px, md 480px, lg 680px), plus the margin.
    assert {w: s[0] for w, s in widths.items()} == {
        "sm": 360 + 2 * MARGIN,
        "md": 480 + 2 * MARGIN,
        "lg": 680 + 2 * MARGIN,
    }
    assert 40 < widths["md"][1] < 200  # cropped to the card, not the page


def test_a_widget_file_draws_with_its_sample_data(tmp_path: Path) -> None:
    out = tmp_path / "booking.png"
    target = ROOT / "tests" / "templates" / "corpus" / "booking_form.widget"
    assert main(["screenshot", str(target), "-o", str(out)]) == 0
    assert size(out)[1] > 100


def test_html_is_one_file_that_draws_from_disk(tmp_path: Path, browser: Browser) -> None:
    out = tmp_path / "alone" / "order.html"
    out.parent.mkdir()
    spec = "widgetkit.gallery.commerce:order_confirmation"
    assert main(["screenshot", spec, "--html", "--theme", "dark", "-o", str(out)]) == 0
    assert [p.name for p in out.parent.iterdir()] == ["order.html"]
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url[:100]}"))
    page.on(
        "request",
        lambda r: (
            None
            if r.url == out.as_uri() or r.url.startswith(("data:", "blob:"))
            else problems.append(f"fetched {r.url[:100]}")
        ),
    )
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-wk-shot=ready]", state="attached")
    assert page.locator("#stage .wk-root.wk-theme-dark").count() == 1
    # The product images came along as data: URLs and loaded.
    images = page.locator("#stage img")
    assert images.count() >= 2
    assert images.evaluate_all("ii => ii.every((i) => i.complete && i.naturalWidth > 0)")
    assert page.evaluate("[...document.fonts].some((f) => f.status === 'loaded')")
    assert problems == []
    page.close()


def test_bad_targets_say_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.png")
    spec = "widgetkit.gallery.commerce:order_confirmation"
    assert main(["screenshot", spec, "--state", "shipped", "-o", out]) == 1
    assert 'no sample state "shipped"; it has pending, confirmed' in capsys.readouterr().err
    assert main(["screenshot", str(tmp_path / "gone.json"), "-o", out]) == 1
    assert "gone.json does not exist" in capsys.readouterr().err
    payload = tmp_path / "card.json"
    payload.write_text(json.dumps(CARD))
    assert main(["screenshot", str(payload), "--state", "a", "-o", out]) == 1
    assert "has one state" in capsys.readouterr().err
    assert not Path(out).exists()


def test_missing_chromium_or_playwright_says_how_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = tmp_path / "card.json"
    payload.write_text(json.dumps(CARD))
    out = tmp_path / "card.png"
    monkeypatch.setenv("WIDGETKIT_CHROMIUM", str(tmp_path / "no-chromium"))
    assert main(["screenshot", str(payload), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Chromium was not found at" in err and "apt-get install chromium" in err
    monkeypatch.delenv("WIDGETKIT_CHROMIUM")
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    assert main(["screenshot", str(payload), "-o", str(out)]) == 1
    assert "pip install 'widgetkit[screenshot]'" in capsys.readouterr().err
    # --html needs neither.
    assert main(["screenshot", str(payload), "--html", "-o", str(tmp_path / "card.html")]) == 0
    assert not out.exists()


def test_a_builder_that_loops_is_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "stuck.py").write_text(
        "from widgetkit import Card, widget\n\n@widget\ndef spins() -> Card:\n"
        "    while True:\n        pass\n"
    )
    out = tmp_path / "x.png"
    spec = f"{tmp_path / 'stuck.py'}:spins"
    assert main(["screenshot", spec, "--timeout", "1", "-o", str(out)]) == 1
    assert "took longer than 1 s and was stopped" in capsys.readouterr().err
    assert main(["screenshot", f"{tmp_path / 'stuck.py'}:other", "-o", str(out)]) == 1
    assert "has no @widget builder 'other'; it has spins" in capsys.readouterr().err
    assert not out.exists()

"""Drawing bugs a designer saw in the gallery, each held in real Chromium: block and uniform
buttons, a Label beside a field, multi-line editable Text, Markdown tables, collapsed cards,
charts' axes, edges and legends, and Select / DatePicker widths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # conftest is not importable by name when several test folders run
    from conftest import Harness


def box(harness: Harness, pointer: str) -> dict[str, float]:
    found = harness.at(pointer).bounding_box()
    assert found is not None, pointer
    return found


def card(*children: Any, **props: Any) -> dict[str, Any]:
    return {"type": "Card", "children": list(children), **props}


def test_a_block_button_in_a_column_is_a_full_button(harness: Harness) -> None:
    harness.render(card({"type": "Button", "label": "Add to cart", "block": True}))
    button, body = box(harness, "/children/0"), box(harness, "")
    control = harness.page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--control-size-md')) * 16"
    )
    assert button["height"] == control  # the design system's md control (32 px), not a sliver
    assert button["width"] > body["width"] - 40  # the column's width, less the card's padding


def test_a_uniform_button_shows_its_label_and_an_icon_only_one_is_square(harness: Harness) -> None:
    harness.render(
        card(
            {
                "type": "Row",
                "children": [
                    {"type": "Button", "label": "Star sm", "iconStart": "star", "uniform": True},
                    {"type": "Button", "iconStart": "star", "uniform": True},
                ],
            }
        )
    )
    label = harness.at("/children/0/children/0").locator(".wk-button-label")
    assert label.evaluate("(e) => e.scrollWidth <= e.clientWidth && e.clientWidth > 30")
    square = box(harness, "/children/0/children/1")
    assert square["width"] == square["height"]


def test_a_label_beside_a_field_keeps_its_word_on_one_line(harness: Harness) -> None:
    harness.render(
        card(
            {
                "type": "Row",
                "gap": 2,
                "children": [
                    {"type": "Icon", "name": "mail"},
                    {"type": "Label", "value": "To", "fieldName": "to"},
                    {"type": "Input", "name": "to", "defaultValue": "lin@example.com"},
                ],
            }
        )
    )
    label = harness.at("/children/0/children/1")
    assert label.evaluate(
        "(e) => e.getClientRects().length === 1 && e.scrollWidth <= e.clientWidth"
    )
    assert box(harness, "/children/0/children/1")["height"] <= 24  # one line, not a letter a line


def test_multi_line_editable_text_keeps_its_lines(harness: Harness) -> None:
    body = "Hi Lin,\n\nThe venue is booked.\n\nThanks,\nAda"
    harness.render(
        card({"type": "Text", "value": body, "minLines": 3, "editable": {"name": "body"}})
    )
    field = harness.at("/children/0")
    assert field.evaluate("(e) => e.tagName") == "TEXTAREA"
    assert field.input_value() == body
    # Every line shows: nothing scrolled out of view, in either direction.
    assert field.evaluate(
        "(e) => e.scrollTop === 0 && e.scrollLeft === 0 && e.scrollHeight <= e.clientHeight + 1"
    )
    harness.render(card({"type": "Text", "value": "One line", "editable": {"name": "s"}}))
    assert harness.at("/children/0").evaluate("(e) => e.tagName") == "INPUT"


def test_markdown_table_columns_keep_their_alignment_and_span_the_card(harness: Harness) -> None:
    table = "| Item | Price |\n|:-----|------:|\n| Tea | $4.00 |\n| Cake | $12.50 |"
    harness.render(card({"type": "Markdown", "value": table}))
    md = harness.at("/children/0")
    aligns = md.locator("td").evaluate_all(
        "(cells) => cells.map((c) => getComputedStyle(c).textAlign)"
    )
    assert aligns == ["left", "right", "left", "right"]
    widths = md.evaluate("(e) => [e.querySelector('table').offsetWidth, e.clientWidth]")
    assert widths[0] == widths[1]


def test_a_collapsed_card_is_a_card(harness: Harness) -> None:
    harness.render(card({"type": "Text", "value": "Booked"}, collapsed=True))
    surface = harness.at("").locator(".wk-card-box")
    look = surface.evaluate(
        "(e) => ({height: e.offsetHeight, background: getComputedStyle(e).backgroundColor,"
        " toggle: !!e.querySelector('.wk-expand')})"
    )
    assert look["toggle"] and look["height"] >= 40
    assert look["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    surface.locator(".wk-expand").click()
    assert harness.at("/children/0").is_visible()


CHART = {
    "type": "Chart",
    "data": [
        {"m": "Jan", "a": 10, "b": 4},
        {"m": "Feb", "a": 30, "b": 8},
        {"m": "Mar", "a": 60, "b": 6},
    ],
    "series": [
        {"type": "area", "dataKey": "a", "label": "Area"},
        {"type": "bar", "dataKey": "b", "label": "Bars"},
    ],
    "xAxis": "m",
    "showYAxis": True,
    "showLegend": True,
}
CHART_FACTS = """(host) => {
  const chart = window.Chart.getChart(host.querySelector("canvas"));
  const area = chart.chartArea, x = chart.scales.x, y = chart.scales.y;
  const last = x.getPixelForTick(x.ticks.length - 1);
  const lastWidth = chart.ctx.measureText(x.getLabelForValue(x.ticks.length - 1)).width;
  return {
    yMax: y.max, yAxisLine: y.options.border.display, yTicks: y.ticks.length,
    lastLabelRight: last + lastWidth / 2, width: chart.width, plotTop: area.top,
    legend: chart.legend.legendItems.map((l) => [l.fillStyle, l.strokeStyle]),
  };
}"""


def test_charts_draw_their_y_axis_headroom_edges_and_one_kind_of_marker(harness: Harness) -> None:
    harness.render(card(CHART))
    facts = harness.at("/children/0").evaluate(CHART_FACTS)
    assert facts["yAxisLine"] and facts["yTicks"] >= 3
    assert facts["yMax"] > 60  # headroom: the area's top is not cut at the plot's edge
    assert facts["lastLabelRight"] <= facts["width"]  # the last x label is inside the canvas
    # Every legend marker is a solid dot in its series' colour, whatever the series' kind.
    assert all(fill == stroke for fill, stroke in facts["legend"]), facts["legend"]


def test_selects_and_date_pickers_line_up_row_after_row(harness: Harness) -> None:
    harness.render(
        card(
            *(
                {
                    "type": "Row",
                    "gap": 2,
                    "children": [
                        {
                            "type": "Select",
                            "name": f"s{i}",
                            "placeholder": ph,
                            "options": [{"label": "A", "value": "a"}],
                        },
                        {"type": "DatePicker", "name": f"d{i}", "placeholder": ph},
                    ],
                }
                for i, ph in enumerate(["Select (solid)", "Pick", "A much longer placeholder here"])
            )
        )
    )
    widths = {
        kind: {box(harness, f"/children/{row}/children/{kind}")["width"] for row in range(3)}
        for kind in (0, 1)
    }
    assert len(widths[0]) == 1 and len(widths[1]) == 1, widths


def test_fields_side_by_side_share_the_row(harness: Harness) -> None:
    harness.render(
        card(
            {
                "type": "Row",
                "gap": 2,
                "children": [
                    {"type": "Input", "name": "a", "placeholder": "Input"},
                    {"type": "Textarea", "name": "b", "placeholder": "Textarea"},
                ],
            }
        )
    )
    a, b = box(harness, "/children/0/children/0"), box(harness, "/children/0/children/1")
    assert a["width"] == b["width"] > 100

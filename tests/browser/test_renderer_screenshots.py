"""Screenshots of rich widgets in light and dark, written to /tmp/wk-shots/ for people to look at
(these are not pixel baselines: they prove the widgets draw, without errors, at a sane size)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # conftest is not importable by name when several test folders run
    from conftest import Harness

SHOTS = Path("/tmp/wk-shots")


def t(value: str, **props: Any) -> dict[str, Any]:
    return {"type": "Text", "value": value, **props}


def cap(value: str, **props: Any) -> dict[str, Any]:
    return {"type": "Caption", "value": value, **props}


BOOKING_FORM = {
    "type": "Card",
    "asForm": True,
    "size": "md",
    "status": {"text": "Table booking", "icon": "calendar"},
    "confirm": {"label": "Book table", "action": {"type": "booking.confirm"}},
    "cancel": {"label": "Cancel", "action": {"type": "booking.cancel"}},
    "children": [
        {
            "type": "Row",
            "gap": 3,
            "children": [
                {
                    "type": "Box",
                    "size": 40,
                    "radius": "full",
                    "background": "orange-100",
                    "align": "center",
                    "justify": "center",
                    "children": [
                        {"type": "Icon", "name": "map-pin", "color": "orange-600", "size": "lg"}
                    ],
                },
                {
                    "type": "Col",
                    "gap": 0,
                    "children": [
                        {"type": "Title", "value": "Chez Lumière", "size": "sm"},
                        cap("12 Rue des Lilas · French · $$$"),
                    ],
                },
                {"type": "Spacer"},
                {"type": "Badge", "label": "Open now", "color": "success", "pill": True},
            ],
        },
        {"type": "Divider", "flush": True},
        {
            "type": "Col",
            "gap": 1,
            "children": [
                {"type": "Label", "value": "Name on booking", "fieldName": "guest.name"},
                {
                    "type": "Input",
                    "name": "guest.name",
                    "placeholder": "Ada Lovelace",
                    "required": True,
                },
            ],
        },
        {
            "type": "Row",
            "gap": 3,
            "align": "end",
            "children": [
                {
                    "type": "Col",
                    "gap": 1,
                    "flex": 1,
                    "children": [
                        {"type": "Label", "value": "Date", "fieldName": "date"},
                        {
                            "type": "DatePicker",
                            "name": "date",
                            "defaultValue": "2025-06-14",
                            "block": True,
                        },
                    ],
                },
                {
                    "type": "Col",
                    "gap": 1,
                    "flex": 1,
                    "children": [
                        {"type": "Label", "value": "Guests", "fieldName": "guests"},
                        {
                            "type": "Select",
                            "name": "guests",
                            "defaultValue": "2",
                            "block": True,
                            "options": [
                                {"value": str(n), "label": f"{n} guests"} for n in range(1, 7)
                            ],
                        },
                    ],
                },
            ],
        },
        {
            "type": "RadioGroup",
            "name": "seating",
            "direction": "row",
            "defaultValue": "inside",
            "options": [
                {"value": "inside", "label": "Inside"},
                {"value": "terrace", "label": "Terrace"},
            ],
        },
        {"type": "Textarea", "name": "notes", "placeholder": "Allergies, occasions…", "rows": 2},
        {
            "type": "Checkbox",
            "name": "reminder",
            "label": "Text me a reminder",
            "defaultChecked": True,
        },
    ],
}

INBOX_LIST = {
    "type": "ListView",
    "limit": 4,
    "status": {"text": "Inbox · 6 unread", "icon": "mail"},
    "children": [
        {
            "type": "ListViewItem",
            "onClickAction": {"type": "mail.open", "payload": {"id": i}},
            "gap": 3,
            "children": [
                {
                    "type": "Box",
                    "size": 36,
                    "radius": "full",
                    "background": {"light": f"{bg}-100", "dark": f"{bg}-900"},
                    "align": "center",
                    "justify": "center",
                    "children": [
                        t(
                            who[0],
                            weight="semibold",
                            color={"light": f"{bg}-700", "dark": f"{bg}-200"},
                            size="sm",
                        )
                    ],
                },
                {
                    "type": "Col",
                    "gap": 0,
                    "flex": 1,
                    "children": [
                        {
                            "type": "Row",
                            "children": [
                                t(who, weight="medium", size="sm"),
                                {"type": "Spacer"},
                                cap(when, size="sm"),
                            ],
                        },
                        t(subject, size="sm", color="secondary", truncate=True),
                    ],
                },
                *(
                    [{"type": "Badge", "label": badge[0], "color": badge[1], "size": "sm"}]
                    if badge
                    else []
                ),
            ],
        }
        for i, (who, when, subject, bg, _, badge) in enumerate(
            [
                (
                    "Maya Chen",
                    "9:41",
                    "Q3 roadmap review moved to Thursday afternoon",
                    "blue",
                    None,
                    ("Work", "info"),
                ),
                ("Stripe", "8:02", "Your payout of $4,210.00 is on the way", "purple", None, None),
                (
                    "Leo Martins",
                    "Yesterday",
                    "Photos from the weekend trip",
                    "green",
                    None,
                    ("Personal", "success"),
                ),
                (
                    "GitHub",
                    "Yesterday",
                    "[widgetkit] CI failed on main: tests/browser",
                    "gray",
                    None,
                    ("Alert", "danger"),
                ),
                ("Ana Silva", "Mon", "Invoice #1042", "orange", None, None),
                ("Tom", "Sun", "Lunch?", "pink", None, None),
            ]
        )
    ],
}

REVENUE_CHART = {
    "type": "Card",
    "size": "lg",
    "children": [
        {
            "type": "Row",
            "children": [
                {
                    "type": "Col",
                    "gap": 1,
                    "children": [
                        cap("Revenue, 2025"),
                        {"type": "Title", "value": "$128,400", "size": "xl"},
                    ],
                },
                {"type": "Spacer"},
                {
                    "type": "Badge",
                    "label": "+18.2%",
                    "color": "success",
                    "variant": "soft",
                    "size": "md",
                },
            ],
        },
        {
            "type": "Chart",
            "height": 220,
            "showYAxis": True,
            "xAxis": {
                "dataKey": "month",
                "labels": {
                    "01": "Jan",
                    "02": "Feb",
                    "03": "Mar",
                    "04": "Apr",
                    "05": "May",
                    "06": "Jun",
                },
            },
            "data": [
                {"month": m, "web": w, "app": a, "target": g}
                for m, w, a, g in [
                    ("01", 12, 6, 17),
                    ("02", 14, 7, 19),
                    ("03", 11, 9, 21),
                    ("04", 17, 10, 23),
                    ("05", 19, 12, 26),
                    ("06", 22, 14, 30),
                ]
            ],
            "series": [
                {"type": "bar", "dataKey": "web", "label": "Web", "stack": "rev"},
                {
                    "type": "bar",
                    "dataKey": "app",
                    "label": "App",
                    "stack": "rev",
                    "color": "purple",
                },
                {
                    "type": "line",
                    "dataKey": "target",
                    "label": "Target",
                    "color": {"light": "gray-400", "dark": "gray-500"},
                    "curveType": "monotone",
                },
            ],
        },
        {
            "type": "Row",
            "gap": 2,
            "children": [
                {
                    "type": "Button",
                    "label": "Open report",
                    "iconEnd": "external-link",
                    "variant": "outline",
                    "color": "secondary",
                    "size": "sm",
                },
                {
                    "type": "Button",
                    "label": "Share",
                    "iconStart": "sparkle",
                    "variant": "soft",
                    "color": "discovery",
                    "size": "sm",
                },
                {"type": "Spacer"},
                {
                    "type": "Button",
                    "iconStart": "dots-horizontal",
                    "variant": "ghost",
                    "color": "secondary",
                    "uniform": True,
                    "size": "sm",
                },
            ],
        },
    ],
}

ORDER_TABLE = {
    "type": "Card",
    "size": "md",
    "status": {"text": "Order A-1042", "icon": "check-circle"},
    "children": [
        {
            "type": "Row",
            "children": [
                {"type": "Title", "value": "Receipt", "size": "sm"},
                {"type": "Spacer"},
                {"type": "Badge", "label": "Paid", "color": "success"},
            ],
        },
        {
            "type": "Table",
            "children": [
                {
                    "type": "Table.Row",
                    "header": True,
                    "children": [
                        {"type": "Table.Cell", "children": [cap("Item")]},
                        {
                            "type": "Table.Cell",
                            "align": "end",
                            "colSize": "xs",
                            "children": [cap("Qty")],
                        },
                        {
                            "type": "Table.Cell",
                            "align": "end",
                            "colSize": "sm",
                            "children": [cap("Price")],
                        },
                    ],
                },
                *[
                    {
                        "type": "Table.Row",
                        "children": [
                            {
                                "type": "Table.Cell",
                                "children": [
                                    t(name, size="sm", weight="medium"),
                                    cap(note, size="sm"),
                                ],
                            },
                            {
                                "type": "Table.Cell",
                                "align": "end",
                                "children": [t(str(q), size="sm")],
                            },
                            {"type": "Table.Cell", "align": "end", "children": [t(p, size="sm")]},
                        ],
                    }
                    for name, note, q, p in [
                        ("Oat latte", "Large, extra shot", 2, "$11.00"),
                        ("Almond croissant", "Warmed", 1, "$4.50"),
                        ("Sparkling water", "", 3, "$7.50"),
                    ]
                ],
                {
                    "type": "Table.Row",
                    "children": [
                        {
                            "type": "Table.Cell",
                            "colSpan": 2,
                            "children": [t("Total", weight="semibold", size="sm")],
                        },
                        {
                            "type": "Table.Cell",
                            "align": "end",
                            "children": [t("$23.00", weight="semibold", size="sm")],
                        },
                    ],
                },
            ],
        },
        {
            "type": "Markdown",
            "value": "Thanks for ordering! Track it **[here](https://example.com/track)**.",
        },
        {
            "type": "Row",
            "gap": 2,
            "children": [
                {"type": "Button", "label": "Reorder", "iconStart": "reload", "block": True},
                {
                    "type": "Button",
                    "label": "Get help",
                    "iconStart": "lifesaver",
                    "variant": "outline",
                    "color": "secondary",
                    "block": True,
                },
            ],
        },
    ],
}

WIDGETS = {
    "booking-form": BOOKING_FORM,
    "inbox-list": INBOX_LIST,
    "revenue-chart": REVENUE_CHART,
    "order-table": ORDER_TABLE,
}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", list(WIDGETS))
def test_rich_widget_screenshot(harness: Harness, name: str, theme: str) -> None:
    harness.render(WIDGETS[name], theme=theme)
    root = harness.page.locator("#stage")
    box = root.bounding_box()
    assert box and 200 < box["height"] < 1400
    SHOTS.mkdir(exist_ok=True)
    png = root.screenshot(path=str(SHOTS / f"{name}-{theme}.png"), animations="disabled")
    assert len(png) > 5000
    assert harness.errors == []

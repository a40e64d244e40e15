"""Buttons side by side: colours × variants, sizes, styles, pill, block, icons, disabled.

Every button sends `gallery.click` with its own label; the mock handler answers with a notice
naming the button, so clicking through the preview shows which one was pressed.
"""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel

from widgetkit import (
    ActionConfig,
    Button,
    ButtonColor,
    ButtonIconSize,
    ButtonStyle,
    Caption,
    Card,
    Col,
    ControlSize,
    ControlVariant,
    Divider,
    Row,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionContext, ActionRouter, Notice

actions = ActionRouter()


class Click(BaseModel):
    label: str


@actions.on("gallery.click")
def clicked(payload: Click, ctx: ActionContext) -> Notice:
    """The showcase buttons do nothing real; say which one was pressed, and from where."""
    where = " (client action)" if ctx.handler == "client" else ""
    return Notice(f'You clicked "{payload.label}"{where}.')


def click(label: str) -> ActionConfig:
    return action("gallery.click", {"label": label}, loading_behavior="self")


@widget(
    samples={"enabled": {"disabled": False}, "disabled": {"disabled": True}},
    title="Buttons",
)
def buttons(disabled: bool) -> Card:
    """Every Button colour in every variant, every size, the two styles, and icon options."""
    grid = [
        Row(
            *(
                Button(
                    color,
                    color=color,
                    variant=variant,
                    size="sm",
                    disabled=disabled,
                    onClickAction=click(f"{color} {variant}"),
                )
                for color in get_args(ButtonColor)
            ),
            gap=2,
            wrap="wrap",
        )
        for variant in get_args(ControlVariant)
    ]
    sizes = Row(
        *(
            Button(size, size=size, disabled=disabled, onClickAction=click(f"size {size}"))
            for size in get_args(ControlSize)
        ),
        gap=2,
        wrap="wrap",
        align="center",
    )
    styles = Row(
        *(
            Button(f"style {style}", style=style, disabled=disabled, onClickAction=click(style))
            for style in get_args(ButtonStyle)
        ),
        gap=2,
    )
    icon_sizes = Row(
        *(
            Button(
                label=f"Star {size}",
                iconStart="star",
                iconSize=size,
                uniform=True,
                variant="outline",
                disabled=disabled,
                onClickAction=click(f"icon {size}"),
            )
            for size in get_args(ButtonIconSize)
        ),
        gap=2,
    )
    return Card(
        Title("Colours × variants", size="sm"),
        Col(*grid, gap=2),
        Divider(),
        Title("Sizes", size="sm"),
        sizes,
        Title("Styles", size="sm"),
        styles,
        Title("Icons, pill, block", size="sm"),
        Row(
            Button(
                "Next",
                iconEnd="chevron-right",
                pill=True,
                disabled=disabled,
                onClickAction=click("Next"),
            ),
            Button(
                "Search",
                iconStart="search",
                variant="soft",
                pill=True,
                disabled=disabled,
                onClickAction=action("gallery.click", {"label": "Search"}, handler="client"),
            ),
            gap=2,
        ),
        icon_sizes,
        Button(
            "Full width",
            block=True,
            color="primary",
            disabled=disabled,
            onClickAction=click("Full width"),
        ),
        Caption("Disabled buttons ignore clicks." if disabled else "Click one: a notice names it."),
        size="lg",
    )

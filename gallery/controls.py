"""Form controls side by side: Input, Textarea, Select, DatePicker, Checkbox, RadioGroup and
Label, in every variant and size. Each showcase is a Form; submitting it shows what the server
received (`controls.submit`)."""

from __future__ import annotations

from typing import Any, get_args

from widgetkit import (
    Button,
    Card,
    Checkbox,
    Col,
    ControlSize,
    ControlVariant,
    DatePicker,
    Direction,
    Form,
    Input,
    InputType,
    InputVariant,
    Label,
    RadioGroup,
    RadioOption,
    Row,
    Select,
    SelectOption,
    Textarea,
    TextSize,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionContext, ActionRouter

from ._common import values_card

actions = ActionRouter()


@actions.on("controls.submit")
def submitted(payload: dict[str, Any], ctx: ActionContext) -> Card:
    """Show the values ChatKit gathered, so a designer sees exactly what a server receives."""
    return values_card("Form values received", ctx.form or payload)


def submit_row(disabled: bool) -> Row:
    return Row(Button("Submit", submit=True, disabled=disabled), justify="end")


@widget(
    samples={
        "empty": {"value": "", "disabled": False},
        "filled": {"value": "Ada", "disabled": False},
        "disabled": {"value": "Ada", "disabled": True},
    },
    title="Text fields",
)
def text_fields(value: str, disabled: bool) -> Card:
    """Input and Textarea in both variants and every size, each input type, pattern/required."""
    sizes = [
        Row(
            Input(
                name=f"input.{size}",
                placeholder=f"Input {size}",
                size=size,
                defaultValue=value or None,
                disabled=disabled,
            ),
            Textarea(
                name=f"textarea.{size}",
                placeholder=f"Textarea {size}",
                size=size,
                rows=1,
                defaultValue=value or None,
                disabled=disabled,
            ),
            gap=2,
        )
        for size in get_args(ControlSize)
    ]
    variants = [
        Row(
            Input(
                name=f"variant.{variant}",
                placeholder=f"variant {variant}",
                variant=variant,
                pill=variant == "soft",
                gutterSize="md",
                disabled=disabled,
            ),
            Textarea(
                name=f"notes.{variant}",
                placeholder=f"variant {variant}",
                variant=variant,
                autoResize=True,
                maxRows=4,
                disabled=disabled,
            ),
            gap=2,
        )
        for variant in get_args(InputVariant)
    ]
    types = [
        Input(name=f"type.{kind}", inputType=kind, placeholder=kind, disabled=disabled)
        for kind in get_args(InputType)
    ]
    return Card(
        Form(
            Title("Sizes", size="sm"),
            Col(*sizes, gap=1),
            Title("Variants", size="sm"),
            *variants,
            Title("Input types", size="sm"),
            Row(*types, gap=2, wrap="wrap"),
            Title("Rules", size="sm"),
            Label("Order code (required, AB-1234)", fieldName="code"),
            Input(
                name="code",
                required=True,
                pattern="[A-Z]{2}-[0-9]{4}",
                autoFocus=True,
                autoSelect=True,
                allowAutofillExtensions=False,
                disabled=disabled,
            ),
            submit_row(disabled),
            onSubmitAction=action("controls.submit", loading_behavior="container"),
            gap=2,
        ),
        size="lg",
    )


COLORS: list[SelectOption] = [
    {"value": "red", "label": "Red"},
    {"value": "green", "label": "Green", "description": "Python runtime shows descriptions"},
    {"value": "blue", "label": "Blue", "disabled": True},
]


@widget(
    samples={
        "empty": {"picked": None, "date": None},
        "picked": {"picked": "green", "date": "2025-03-14"},
    },
    title="Selects and date pickers",
)
def pickers(picked: str | None, date: str | None) -> Card:
    """Select and DatePicker in every variant and every size."""
    by_variant = [
        Row(
            Select(
                name=f"select.{variant}",
                options=COLORS,
                variant=variant,
                placeholder=f"Select ({variant})",
                defaultValue=picked,
                clearable=True,
            ),
            DatePicker(
                name=f"date.{variant}",
                variant=variant,
                placeholder=f"Date ({variant})",
                defaultValue=date,
                min="2025-01-01",
                max="2025-12-31",
                clearable=True,
            ),
            gap=2,
        )
        for variant in get_args(ControlVariant)
    ]
    by_size = [
        Row(
            Select(
                name=f"select-size.{size}",
                options=COLORS,
                size=size,
                placeholder=size,
                pill=size == "md",
                block=True,
            ),
            DatePicker(
                name=f"date-size.{size}",
                size=size,
                placeholder=size,
                side="bottom",
                align="start",
                pill=size == "md",
                block=True,
            ),
            gap=2,
        )
        for size in get_args(ControlSize)
    ]
    return Card(
        Form(
            Title("Variants", size="sm"),
            *by_variant,
            Title("Sizes", size="sm"),
            *by_size,
            Row(
                Select(
                    name="locked",
                    options=COLORS,
                    placeholder="disabled",
                    disabled=True,
                    searchable=True,
                ),
                DatePicker(name="locked-date", placeholder="disabled", disabled=True, side="top"),
                gap=2,
            ),
            submit_row(False),
            onSubmitAction=action("controls.submit"),
            gap=2,
        ),
        size="lg",
    )


SEATS: list[RadioOption] = [
    {"label": "Window", "value": "window"},
    {"label": "Aisle", "value": "aisle"},
    {"label": "Middle (sold out)", "value": "middle", "disabled": True},
]


@widget(
    samples={
        "row": {"direction": "row", "checked": False},
        "col": {"direction": "col", "checked": True},
    },
    title="Checkboxes, radios and labels",
)
def choices(direction: Direction, checked: bool) -> Card:
    """Checkbox and RadioGroup states, and Label in every text size."""
    labels = [
        Col(
            Label(f"Label size {size}", fieldName=f"label.{size}", size=size, weight="medium"),
            Input(name=f"label.{size}", size="sm"),
            gap=1,
        )
        for size in get_args(TextSize)
    ]
    return Card(
        Form(
            Checkbox(
                name="terms", label="I accept the terms", required=True, defaultChecked=checked
            ),
            Checkbox(name="news", label="Send me news", defaultChecked=not checked),
            Checkbox(name="locked", label="Disabled", disabled=True),
            Label("Seat", fieldName="seat", color="secondary", textAlign="start"),
            RadioGroup(
                name="seat", options=SEATS, direction=direction, defaultValue="aisle", required=True
            ),
            RadioGroup(
                name="meal",
                ariaLabel="Meal",
                direction=direction,
                disabled=True,
                options=[{"label": "Veg", "value": "veg"}, {"label": "Fish", "value": "fish"}],
            ),
            *labels,
            submit_row(False),
            onSubmitAction=action("controls.submit"),
            gap=2,
        ),
        size="md",
    )

"""Typed builders for every ChatKit component.

Generated from widgetkit/catalog by `python -m widgetkit.codegen`; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal, Required, TypedDict

from .builders import Node, make

__all__ = [
    "ActionConfig",
    "Alignment",
    "AreaSeries",
    "BackgroundColorToken",
    "Badge",
    "BadgeColor",
    "BadgeSize",
    "BadgeVariant",
    "BarSeries",
    "Basic",
    "Border",
    "BorderColorToken",
    "BorderStyle",
    "Borders",
    "Box",
    "Button",
    "ButtonColor",
    "ButtonIconSize",
    "ButtonStyle",
    "Caption",
    "CaptionSize",
    "Card",
    "CardAction",
    "CardSize",
    "CellAlign",
    "Chart",
    "ChartColorToken",
    "Checkbox",
    "Col",
    "ColSize",
    "ControlSize",
    "ControlVariant",
    "CurveType",
    "DatePicker",
    "Direction",
    "Divider",
    "EditableProps",
    "FontWeight",
    "Form",
    "GutterSize",
    "Handler",
    "Icon",
    "IconName",
    "IconSize",
    "Image",
    "ImageFit",
    "ImagePosition",
    "Input",
    "InputType",
    "InputVariant",
    "Justification",
    "Label",
    "LineSeries",
    "ListLimit",
    "ListView",
    "ListViewItem",
    "LoadingBehavior",
    "Markdown",
    "RadioGroup",
    "RadioOption",
    "RadiusValue",
    "Row",
    "Select",
    "SelectOption",
    "Side",
    "Spacer",
    "Spacing",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "TextAlign",
    "TextColorToken",
    "TextSize",
    "Textarea",
    "Theme",
    "ThemeColor",
    "Title",
    "TitleSize",
    "Transition",
    "WidgetStatus",
    "Wrap",
    "XAxisConfig",
]

Handler = Literal["client", "server"]
LoadingBehavior = Literal["auto", "none", "self", "container"]
Alignment = Literal["start", "center", "end", "baseline", "stretch"]
CellAlign = Literal["start", "center", "end"]
ColSize = Literal["xs", "sm", "md", "lg", "xl"]
BackgroundColorToken = Literal[
    "surface",
    "surface-secondary",
    "surface-tertiary",
    "surface-elevated",
    "surface-elevated-secondary",
]
BorderColorToken = Literal["default", "subtle", "strong"]
BorderStyle = Literal["solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"]
CardSize = Literal["sm", "md", "lg", "full"]
IconName = Literal[
    "agent",
    "analytics",
    "atom",
    "batch",
    "bolt",
    "book-open",
    "book-closed",
    "book-clock",
    "bug",
    "calendar",
    "chart",
    "check",
    "check-circle",
    "check-circle-filled",
    "chevron-left",
    "chevron-right",
    "circle-question",
    "clock",
    "compass",
    "confetti",
    "cube",
    "desktop",
    "document",
    "dot",
    "dots-horizontal",
    "dots-vertical",
    "empty-circle",
    "external-link",
    "globe",
    "keys",
    "lab",
    "images",
    "info",
    "lifesaver",
    "lightbulb",
    "mail",
    "map-pin",
    "maps",
    "mobile",
    "name",
    "notebook",
    "notebook-pencil",
    "page-blank",
    "phone",
    "play",
    "plus",
    "profile",
    "profile-card",
    "reload",
    "star",
    "star-filled",
    "search",
    "sparkle",
    "sparkle-double",
    "square-code",
    "square-image",
    "square-text",
    "suitcase",
    "settings-slider",
    "user",
    "wreath",
    "write",
    "write-alt",
    "write-alt2",
]
Theme = Literal["light", "dark"]
ListLimit = Literal["auto"]
Direction = Literal["row", "col"]
Justification = Literal["start", "center", "end", "between", "around", "evenly", "stretch"]
Wrap = Literal["nowrap", "wrap", "wrap-reverse"]
RadiusValue = Literal[
    "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none"
]
TextColorToken = Literal[
    "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger"
]
FontWeight = Literal["normal", "medium", "semibold", "bold"]
TextAlign = Literal["start", "center", "end"]
TextSize = Literal["xs", "sm", "md", "lg", "xl"]
TitleSize = Literal["sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl"]
CaptionSize = Literal["sm", "md", "lg"]
BadgeColor = Literal["secondary", "success", "danger", "warning", "info", "discovery"]
BadgeVariant = Literal["solid", "soft", "outline"]
BadgeSize = Literal["sm", "md", "lg"]
IconSize = Literal["xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
ImageFit = Literal["cover", "contain", "fill", "scale-down", "none"]
ImagePosition = Literal[
    "top left",
    "top",
    "top right",
    "left",
    "center",
    "right",
    "bottom left",
    "bottom",
    "bottom right",
]
ButtonStyle = Literal["primary", "secondary"]
ButtonIconSize = Literal["sm", "md", "lg", "xl", "2xl"]
ButtonColor = Literal[
    "primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger"
]
ControlVariant = Literal["solid", "soft", "outline", "ghost"]
ControlSize = Literal["3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]
InputType = Literal["number", "email", "text", "password", "tel", "url"]
InputVariant = Literal["soft", "outline"]
GutterSize = Literal["2xs", "xs", "sm", "md", "lg", "xl"]
Side = Literal["top", "bottom", "left", "right"]
ChartColorToken = Literal["blue", "purple", "orange", "green", "red", "yellow", "pink"]
CurveType = Literal[
    "basis",
    "basisClosed",
    "basisOpen",
    "bumpX",
    "bumpY",
    "bump",
    "linear",
    "linearClosed",
    "natural",
    "monotoneX",
    "monotoneY",
    "monotone",
    "step",
    "stepBefore",
    "stepAfter",
]


class ActionConfig(TypedDict, total=False):
    """An action dispatched when the user interacts; build it with `widgetkit.action()`."""

    type: Required[str]
    """Action type your server's action handler switches on."""
    payload: Mapping[str, Any]
    """JSON object sent with the action; a form's values are merged into it."""
    handler: Handler
    """Where the action is handled (default `server`)."""
    loadingBehavior: LoadingBehavior
    """What shows a loading state (default `auto`)."""
    streaming: bool
    """`false` sends it to `sync_action` (default `true`)."""


class Spacing(TypedDict, total=False):
    """Per-edge spacing; each value is a spacing unit or a CSS string."""

    top: float | str
    """Top spacing."""
    right: float | str
    """Right spacing."""
    bottom: float | str
    """Bottom spacing."""
    left: float | str
    """Left spacing."""
    x: float | str
    """X spacing."""
    y: float | str
    """Y spacing."""


class ThemeColor(TypedDict, total=False):
    """Colour values for the light and dark themes."""

    light: Required[str]
    """Colour used when the theme is light."""
    dark: Required[str]
    """Colour used when the theme is dark."""


class Border(TypedDict, total=False):
    """A border on one edge."""

    size: Required[int]
    """Thickness in px."""
    color: BorderColorToken | str | ThemeColor
    """Border colour token, primitive, CSS string or theme pair."""
    style: BorderStyle
    """Line style."""


class Borders(TypedDict, total=False):
    """Borders per edge; each is a px thickness or a Border."""

    top: int | Border
    """Top border."""
    right: int | Border
    """Right border."""
    bottom: int | Border
    """Bottom border."""
    left: int | Border
    """Left border."""
    x: int | Border
    """X border."""
    y: int | Border
    """Y border."""


class WidgetStatus(TypedDict, total=False):
    """A status header above a card or list: text with an icon or a favicon."""

    text: Required[str]
    """Status text."""
    icon: IconName | str
    """Icon before the text."""
    favicon: str
    """URL of a favicon before the text."""
    frame: bool
    """Frame the favicon for contrast."""


class CardAction(TypedDict, total=False):
    """A confirm or cancel button in a card's footer."""

    label: Required[str]
    """Button label."""
    action: Required[ActionConfig]
    """Action dispatched on click."""


class EditableProps(TypedDict, total=False):
    """Makes a Text editable inline; its value is submitted under `name`."""

    name: Required[str]
    """Form field name."""
    autoFocus: bool
    """Focus the input when it appears."""
    autoSelect: bool
    """Select all text on focus."""
    autoComplete: str
    """Native autocomplete hint."""
    allowAutofillExtensions: bool
    """Allow password/autofill extensions."""
    pattern: str
    """Regex the value must match."""
    placeholder: str
    """Placeholder text."""
    required: bool
    """A value is required to submit."""


class SelectOption(TypedDict, total=False):
    """An option of a Select."""

    value: Required[str]
    """Value submitted with the form."""
    label: Required[str]
    """Text shown for the option."""
    disabled: bool
    """Disable this option."""
    description: str
    """Secondary text below the label."""


class RadioOption(TypedDict, total=False):
    """An option of a RadioGroup."""

    label: Required[str]
    """Text shown next to the radio."""
    value: Required[str]
    """Value submitted when selected."""
    disabled: bool
    """Disable this option."""


class BarSeries(TypedDict, total=False):
    """Bars from a numeric field; stackable."""

    type: Required[Literal["bar"]]
    """Series kind."""
    label: str
    """Legend label."""
    dataKey: Required[str]
    """Data field holding the numeric value."""
    color: ChartColorToken | str | ThemeColor
    """Chart colour token, primitive, CSS string or theme pair."""
    stack: str
    """Stack group id; series with the same id stack."""


class LineSeries(TypedDict, total=False):
    """A line through a numeric field."""

    type: Required[Literal["line"]]
    """Series kind."""
    label: str
    """Legend label."""
    dataKey: Required[str]
    """Data field holding the numeric value."""
    color: ChartColorToken | str | ThemeColor
    """Chart colour token, primitive, CSS string or theme pair."""
    curveType: CurveType
    """Interpolation between points."""


class AreaSeries(TypedDict, total=False):
    """A filled area; stackable, with curves."""

    type: Required[Literal["area"]]
    """Series kind."""
    label: str
    """Legend label."""
    dataKey: Required[str]
    """Data field holding the numeric value."""
    color: ChartColorToken | str | ThemeColor
    """Chart colour token, primitive, CSS string or theme pair."""
    stack: str
    """Stack group id; series with the same id stack."""
    curveType: CurveType
    """Interpolation between points."""


class XAxisConfig(TypedDict, total=False):
    """X axis settings."""

    dataKey: Required[str]
    """Data field used for the categories."""
    hide: bool
    """Hide the axis line, ticks and labels."""
    labels: Mapping[str, str]
    """Display label for each tick value."""


class ListViewItem(Node):
    """One row of a ListView; clickable when it has an action."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        onClickAction: ActionConfig | None = None,
        gap: float | str | None = None,
        align: Alignment | None = None,
    ) -> None:
        make(self, "ListViewItem", children, locals())


class TableCell(Node):
    """A table cell holding any components. Only ChatKit.js defines it."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        width: float | str | None = None,
        padding: Spacing | None = None,
        colSpan: int | None = None,
        rowSpan: int | None = None,
        align: CellAlign | None = None,
        vAlign: CellAlign | None = None,
        colSize: ColSize | None = None,
    ) -> None:
        make(self, "Table.Cell", children, locals())


class TableRow(Node):
    """A row of Table.Cells; `header` makes it a header row. Only ChatKit.js defines it."""

    def __init__(
        self,
        *children: TableCell,
        key: str | None = None,
        id: str | None = None,
        header: bool | None = None,
    ) -> None:
        make(self, "Table.Row", children, locals())


class Card(Node):
    """A bordered container, the usual root; can act as a form with confirm/cancel buttons."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        asForm: bool | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        border: int | Border | Borders | None = None,
        size: CardSize | None = None,
        padding: float | str | Spacing | None = None,
        status: WidgetStatus | None = None,
        collapsed: bool | None = None,
        confirm: CardAction | None = None,
        cancel: CardAction | None = None,
        theme: Theme | None = None,
    ) -> None:
        make(self, "Card", children, locals())


class ListView(Node):
    """A list of ListViewItems, with a "show more" control past `limit`."""

    def __init__(
        self,
        *children: ListViewItem,
        key: str | None = None,
        id: str | None = None,
        limit: int | ListLimit | None = None,
        status: WidgetStatus | None = None,
        theme: Theme | None = None,
    ) -> None:
        make(self, "ListView", children, locals())


class Basic(Node):
    """A bare layout root with no card chrome; may nest other roots."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        theme: Theme | None = None,
        direction: Direction | None = None,
        gap: float | str | None = None,
        padding: float | str | Spacing | None = None,
        align: Alignment | None = None,
        justify: Justification | None = None,
    ) -> None:
        make(self, "Basic", children, locals())


class Box(Node):
    """A flex container whose direction you choose."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        direction: Direction | None = None,
        align: Alignment | None = None,
        justify: Justification | None = None,
        wrap: Wrap | None = None,
        flex: float | str | None = None,
        gap: float | str | None = None,
        padding: float | str | Spacing | None = None,
        border: int | Border | Borders | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
        radius: RadiusValue | None = None,
        margin: float | str | Spacing | None = None,
    ) -> None:
        make(self, "Box", children, locals())


class Row(Node):
    """A horizontal flex container."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        align: Alignment | None = None,
        justify: Justification | None = None,
        wrap: Wrap | None = None,
        flex: float | str | None = None,
        gap: float | str | None = None,
        padding: float | str | Spacing | None = None,
        border: int | Border | Borders | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
        radius: RadiusValue | None = None,
        margin: float | str | Spacing | None = None,
    ) -> None:
        make(self, "Row", children, locals())


class Col(Node):
    """A vertical flex container."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        align: Alignment | None = None,
        justify: Justification | None = None,
        wrap: Wrap | None = None,
        flex: float | str | None = None,
        gap: float | str | None = None,
        padding: float | str | Spacing | None = None,
        border: int | Border | Borders | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
        radius: RadiusValue | None = None,
        margin: float | str | Spacing | None = None,
    ) -> None:
        make(self, "Col", children, locals())


class Form(Node):
    """A flex container that submits its fields' values with `onSubmitAction`."""

    def __init__(
        self,
        *children: Node,
        key: str | None = None,
        id: str | None = None,
        onSubmitAction: ActionConfig | None = None,
        direction: Direction | None = None,
        align: Alignment | None = None,
        justify: Justification | None = None,
        wrap: Wrap | None = None,
        flex: float | str | None = None,
        gap: float | str | None = None,
        padding: float | str | Spacing | None = None,
        border: int | Border | Borders | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
        radius: RadiusValue | None = None,
        margin: float | str | Spacing | None = None,
    ) -> None:
        make(self, "Form", children, locals())


class Spacer(Node):
    """Flexible empty space that pushes siblings apart."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        minSize: float | str | None = None,
    ) -> None:
        make(self, "Spacer", None, locals())


class Divider(Node):
    """A horizontal rule between sections."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        color: BorderColorToken | str | ThemeColor | None = None,
        size: float | str | None = None,
        spacing: float | str | None = None,
        flush: bool | None = None,
    ) -> None:
        make(self, "Divider", None, locals())


class Transition(Node):
    """Animates layout changes of its single child; no child animates the last one away."""

    def __init__(
        self,
        child: Node,
        /,
        *,
        key: str | None = None,
        id: str | None = None,
    ) -> None:
        make(self, "Transition", child, locals())


class Text(Node):
    """Plain text with typography controls; can be streamed and edited inline."""

    def __init__(
        self,
        value: str,
        *,
        key: str | None = None,
        id: str | None = None,
        streaming: bool | None = None,
        italic: bool | None = None,
        lineThrough: bool | None = None,
        color: TextColorToken | str | ThemeColor | None = None,
        weight: FontWeight | None = None,
        textAlign: TextAlign | None = None,
        truncate: bool | None = None,
        maxLines: int | None = None,
        width: float | str | None = None,
        size: TextSize | None = None,
        minLines: int | None = None,
        editable: Literal[False] | EditableProps | None = None,
    ) -> None:
        make(self, "Text", None, locals())


class Title(Node):
    """A prominent heading."""

    def __init__(
        self,
        value: str,
        *,
        key: str | None = None,
        id: str | None = None,
        color: TextColorToken | str | ThemeColor | None = None,
        weight: FontWeight | None = None,
        textAlign: TextAlign | None = None,
        truncate: bool | None = None,
        maxLines: int | None = None,
        size: TitleSize | None = None,
    ) -> None:
        make(self, "Title", None, locals())


class Caption(Node):
    """Small supporting text."""

    def __init__(
        self,
        value: str,
        *,
        key: str | None = None,
        id: str | None = None,
        color: TextColorToken | str | ThemeColor | None = None,
        weight: FontWeight | None = None,
        textAlign: TextAlign | None = None,
        truncate: bool | None = None,
        maxLines: int | None = None,
        size: CaptionSize | None = None,
    ) -> None:
        make(self, "Caption", None, locals())


class Markdown(Node):
    """Rendered Markdown; can be streamed."""

    def __init__(
        self,
        value: str,
        *,
        key: str | None = None,
        id: str | None = None,
        streaming: bool | None = None,
    ) -> None:
        make(self, "Markdown", None, locals())


class Label(Node):
    """The label of a form field, named by `fieldName`."""

    def __init__(
        self,
        value: str,
        *,
        key: str | None = None,
        id: str | None = None,
        fieldName: str,
        size: TextSize | None = None,
        weight: FontWeight | None = None,
        textAlign: TextAlign | None = None,
        color: TextColorToken | str | ThemeColor | None = None,
    ) -> None:
        make(self, "Label", None, locals())


class Badge(Node):
    """A small label for a status or category."""

    def __init__(
        self,
        label: str,
        *,
        key: str | None = None,
        id: str | None = None,
        color: BadgeColor | None = None,
        variant: BadgeVariant | None = None,
        size: BadgeSize | None = None,
        pill: bool | None = None,
    ) -> None:
        make(self, "Badge", None, locals())


class Icon(Node):
    """A built-in icon."""

    def __init__(
        self,
        name: IconName | str,
        *,
        key: str | None = None,
        id: str | None = None,
        color: TextColorToken | str | ThemeColor | None = None,
        size: IconSize | None = None,
    ) -> None:
        make(self, "Icon", None, locals())


class Image(Node):
    """An image with sizing and fitting controls."""

    def __init__(
        self,
        src: str,
        *,
        key: str | None = None,
        id: str | None = None,
        alt: str | None = None,
        fit: ImageFit | None = None,
        position: ImagePosition | None = None,
        frame: bool | None = None,
        flush: bool | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
        radius: RadiusValue | None = None,
        margin: float | str | Spacing | None = None,
        background: BackgroundColorToken | str | ThemeColor | None = None,
        flex: float | str | None = None,
    ) -> None:
        make(self, "Image", None, locals())


class Button(Node):
    """A button, usually wired to an action; `submit` makes it submit its form."""

    def __init__(
        self,
        label: str | None = None,
        *,
        key: str | None = None,
        id: str | None = None,
        onClickAction: ActionConfig | None = None,
        submit: bool | None = None,
        iconStart: IconName | str | None = None,
        iconEnd: IconName | str | None = None,
        style: ButtonStyle | None = None,
        iconSize: ButtonIconSize | None = None,
        color: ButtonColor | None = None,
        variant: ControlVariant | None = None,
        size: ControlSize | None = None,
        pill: bool | None = None,
        uniform: bool | None = None,
        block: bool | None = None,
        disabled: bool | None = None,
    ) -> None:
        make(self, "Button", None, locals())


class Input(Node):
    """A single-line text field."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        inputType: InputType | None = None,
        defaultValue: str | None = None,
        required: bool | None = None,
        pattern: str | None = None,
        placeholder: str | None = None,
        allowAutofillExtensions: bool | None = None,
        autoSelect: bool | None = None,
        autoFocus: bool | None = None,
        disabled: bool | None = None,
        variant: InputVariant | None = None,
        size: ControlSize | None = None,
        gutterSize: GutterSize | None = None,
        pill: bool | None = None,
    ) -> None:
        make(self, "Input", None, locals())


class Textarea(Node):
    """A multi-line text field."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        defaultValue: str | None = None,
        required: bool | None = None,
        pattern: str | None = None,
        placeholder: str | None = None,
        autoSelect: bool | None = None,
        autoFocus: bool | None = None,
        disabled: bool | None = None,
        variant: InputVariant | None = None,
        size: ControlSize | None = None,
        gutterSize: GutterSize | None = None,
        rows: int | None = None,
        autoResize: bool | None = None,
        maxRows: int | None = None,
        allowAutofillExtensions: bool | None = None,
    ) -> None:
        make(self, "Textarea", None, locals())


class Select(Node):
    """A dropdown of options."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        options: Sequence[SelectOption],
        onChangeAction: ActionConfig | None = None,
        placeholder: str | None = None,
        defaultValue: str | None = None,
        variant: ControlVariant | None = None,
        size: ControlSize | None = None,
        pill: bool | None = None,
        block: bool | None = None,
        clearable: bool | None = None,
        disabled: bool | None = None,
        searchable: bool | None = None,
    ) -> None:
        make(self, "Select", None, locals())


class DatePicker(Node):
    """A date field with a calendar popover."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        onChangeAction: ActionConfig | None = None,
        placeholder: str | None = None,
        defaultValue: str | date | None = None,
        min: str | date | None = None,
        max: str | date | None = None,
        variant: ControlVariant | None = None,
        size: ControlSize | None = None,
        side: Side | None = None,
        align: TextAlign | None = None,
        pill: bool | None = None,
        block: bool | None = None,
        clearable: bool | None = None,
        disabled: bool | None = None,
    ) -> None:
        make(self, "DatePicker", None, locals())


class Checkbox(Node):
    """A checkbox; submits true or false."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        label: str | None = None,
        defaultChecked: bool | None = None,
        onChangeAction: ActionConfig | None = None,
        disabled: bool | None = None,
        required: bool | None = None,
    ) -> None:
        make(self, "Checkbox", None, locals())


class RadioGroup(Node):
    """A set of mutually exclusive options."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        name: str,
        options: Sequence[RadioOption] | None = None,
        ariaLabel: str | None = None,
        onChangeAction: ActionConfig | None = None,
        defaultValue: str | None = None,
        direction: Direction | None = None,
        disabled: bool | None = None,
        required: bool | None = None,
    ) -> None:
        make(self, "RadioGroup", None, locals())


class Chart(Node):
    """A bar, line or area chart over rows of data."""

    def __init__(
        self,
        *,
        key: str | None = None,
        id: str | None = None,
        data: Sequence[Mapping[str, str | float]],
        series: Sequence[BarSeries | LineSeries | AreaSeries],
        xAxis: str | XAxisConfig,
        showYAxis: bool | None = None,
        showLegend: bool | None = None,
        showTooltip: bool | None = None,
        barGap: int | None = None,
        barCategoryGap: int | None = None,
        flex: float | str | None = None,
        height: float | str | None = None,
        width: float | str | None = None,
        size: float | str | None = None,
        minHeight: float | str | None = None,
        minWidth: float | str | None = None,
        minSize: float | str | None = None,
        maxHeight: float | str | None = None,
        maxWidth: float | str | None = None,
        maxSize: float | str | None = None,
        aspectRatio: float | str | None = None,
    ) -> None:
        make(self, "Chart", None, locals())


class Table(Node):
    """A table of Table.Rows. Only ChatKit.js defines it."""

    Row = TableRow
    Cell = TableCell

    def __init__(
        self,
        *children: TableRow,
        key: str | None = None,
        id: str | None = None,
    ) -> None:
        make(self, "Table", children, locals())

"""Every ChatKit widget component, described once.

Sources: openai-chatkit's `chatkit/widgets.py` (1.6.x) and ChatKit.js's published
`@openai/chatkit` `types/widgets.d.ts` (1.9). A prop only one of them defines is marked with
`runtimes=PY` or `runtimes=JS`; `validate(..., runtime=...)` warns about it for the other one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import shapes as s
from .types import (
    BOOL,
    BOTH,
    INT,
    JS,
    PY,
    STR,
    Field,
    IconRef,
    IsoDate,
    ListOf,
    Regex,
    Runtime,
    Tokens,
    Type,
    Union,
)

ChildGroup = Literal["component", "component-or-root", "ListViewItem", "Table.Row", "Table.Cell"]


@dataclass(frozen=True)
class Children:
    """What a container holds: a list of nodes, or exactly one (`Transition`)."""

    group: ChildGroup
    single: bool = False
    required: bool = True


@dataclass(frozen=True)
class Component:
    name: str
    doc: str
    props: tuple[Field, ...]
    children: Children | None = None  # None: a leaf
    main: str | None = None  # the prop builders take positionally
    root: bool = False
    runtimes: frozenset[Runtime] = BOTH
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.props})

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.props if f.required)


def P(
    name: str, type: Type, doc: str, *, required: bool = False, runtimes: frozenset[Runtime] = BOTH
) -> Field:
    return Field(name, type, doc, required, runtimes)


COMMON = (
    P("key", STR, "Stable identity among siblings, used when diffing updates."),
    P("id", STR, "Identifier, unique in the widget; needed to stream text into a Text/Markdown."),
)
SIZE_VALUE = s.SizeValue

BLOCK = (
    P("height", SIZE_VALUE, "Explicit height; px or CSS string."),
    P("width", SIZE_VALUE, "Explicit width; px or CSS string."),
    P("size", SIZE_VALUE, "Width and height at once; px or CSS string."),
    P("minHeight", SIZE_VALUE, "Minimum height; px or CSS string."),
    P("minWidth", SIZE_VALUE, "Minimum width; px or CSS string."),
    P("minSize", SIZE_VALUE, "Minimum width and height; px or CSS string."),
    P("maxHeight", SIZE_VALUE, "Maximum height; px or CSS string."),
    P("maxWidth", SIZE_VALUE, "Maximum width; px or CSS string."),
    P("maxSize", SIZE_VALUE, "Maximum width and height; px or CSS string."),
    P("aspectRatio", SIZE_VALUE, "Aspect ratio, e.g. 16/9; number or CSS string."),
    P("radius", s.RadiusValue, "Corner radius token."),
    P("margin", s.SpacingValue, "Outer margin; spacing unit, CSS string or per-edge object."),
)
BOX = (
    P("align", s.Alignment, "Cross-axis alignment of children."),
    P("justify", s.Justification, "Main-axis distribution of children."),
    P("wrap", s.Wrap, "Whether children wrap onto new lines."),
    P("flex", SIZE_VALUE, "Flex grow/shrink factor."),
    P("gap", SIZE_VALUE, "Gap between children; spacing unit or CSS string."),
    P("padding", s.SpacingValue, "Inner padding; spacing unit, CSS string or per-edge object."),
    P("border", s.BorderValue, "Border; px thickness, a Border, or per-edge Borders."),
    P("background", s.BackgroundColor, "Background colour token, primitive, CSS or theme pair."),
    *BLOCK,
)
TEXT_BASE = (
    P("color", s.TextColor, "Text colour token, primitive, CSS colour or theme pair."),
    P("weight", s.FontWeight, "Font weight."),
    P("textAlign", s.TextAlign, "Horizontal alignment."),
    P("truncate", BOOL, "Cut overflow with an ellipsis."),
    P("maxLines", INT, "Clamp to this many lines."),
)
THEME = P("theme", s.Theme, "Force the light or dark theme for this subtree.")
STATUS = P("status", s.WidgetStatus, "Status header shown above the content.")
FIELD_NAME = P("name", STR, "Form field name the value is submitted under.", required=True)
ON_CHANGE = P("onChangeAction", s.ActionConfig, "Action dispatched when the value changes.")
DISABLED = P("disabled", BOOL, "Disable interaction and dim the control.")
REQUIRED = P("required", BOOL, "A value is required to submit the form.")
PLACEHOLDER = P("placeholder", STR, "Placeholder text shown while empty.")
CONTROL_SIZE = P("size", s.ControlSize, "Control size.")
PILL = P("pill", BOOL, "Fully rounded ends.")
BLOCK_WIDTH = P("block", BOOL, "Stretch to the full available width.")
CLEARABLE = P("clearable", BOOL, "Show a control that clears the value.")
AUTO_FOCUS = P("autoFocus", BOOL, "Focus the control when it mounts.")
AUTO_SELECT = P("autoSelect", BOOL, "Select the whole value when it mounts.")
AUTOFILL = P("allowAutofillExtensions", BOOL, "Allow password managers and autofill.")
GUTTER = P("gutterSize", s.GutterSize, "Inner gutter; overrides the one from `size`.")
PATTERN = P("pattern", Regex(), "Regular expression the value must match.")
CHILDREN = Children("component")

COMPONENTS: tuple[Component, ...] = (
    # -- roots -------------------------------------------------------------------------------
    Component(
        "Card",
        "A bordered container, the usual root; can act as a form with confirm/cancel buttons.",
        (
            *COMMON,
            P("asForm", BOOL, "Treat the card as a form: confirm/cancel send its field values."),
            P("background", s.BackgroundColor, "Background colour token, primitive, CSS, pair."),
            P("border", s.BorderValue, "Border around the card.", runtimes=JS),
            P("size", s.CardSize, "Card width preset."),
            P("padding", s.SpacingValue, "Inner padding."),
            STATUS,
            P("collapsed", BOOL, "Collapse the body, e.g. once its main action is done."),
            P("confirm", s.CardAction, "Confirm button in the footer."),
            P("cancel", s.CardAction, "Cancel button in the footer."),
            THEME,
        ),
        CHILDREN,
        root=True,
    ),
    Component(
        "ListView",
        'A list of ListViewItems, with a "show more" control past `limit`.',
        (
            *COMMON,
            P("limit", Union((INT, Tokens("ListLimit", ("auto",)))), "Items shown at first."),
            STATUS,
            THEME,
        ),
        Children("ListViewItem"),
        root=True,
    ),
    Component(
        "Basic",
        "A bare layout root with no card chrome; may nest other roots.",
        (
            *COMMON,
            THEME,
            P("direction", s.Direction, "Layout direction of the children."),
            P("gap", SIZE_VALUE, "Gap between children."),
            P("padding", s.SpacingValue, "Inner padding."),
            P("align", s.Alignment, "Cross-axis alignment."),
            P("justify", s.Justification, "Main-axis distribution."),
        ),
        Children("component-or-root"),
        root=True,
    ),
    Component(
        "ListViewItem",
        "One row of a ListView; clickable when it has an action.",
        (
            *COMMON,
            P("onClickAction", s.ActionConfig, "Action dispatched when the row is clicked."),
            P("gap", SIZE_VALUE, "Gap between children."),
            P("align", s.Alignment, "Cross-axis alignment of the content."),
        ),
        CHILDREN,
    ),
    # -- layout ------------------------------------------------------------------------------
    Component(
        "Box",
        "A flex container whose direction you choose.",
        (*COMMON, P("direction", s.Direction, "Flex direction."), *BOX),
        Children("component", required=False),
    ),
    Component(
        "Row",
        "A horizontal flex container.",
        (*COMMON, *BOX),
        Children("component", required=False),
    ),
    Component(
        "Col", "A vertical flex container.", (*COMMON, *BOX), Children("component", required=False)
    ),
    Component(
        "Form",
        "A flex container that submits its fields' values with `onSubmitAction`.",
        (
            *COMMON,
            P("onSubmitAction", s.ActionConfig, "Action dispatched with the field values."),
            P("direction", s.Direction, "Flex direction."),
            *BOX,
        ),
        Children("component", required=False),
    ),
    Component(
        "Spacer",
        "Flexible empty space that pushes siblings apart.",
        (*COMMON, P("minSize", SIZE_VALUE, "Smallest size along the flex direction.")),
    ),
    Component(
        "Divider",
        "A horizontal rule between sections.",
        (
            *COMMON,
            P("color", s.BorderColor, "Line colour: border token, primitive, CSS or theme pair."),
            P("size", SIZE_VALUE, "Line thickness; px or CSS string."),
            P("spacing", SIZE_VALUE, "Space above and below; spacing unit or CSS string."),
            P("flush", BOOL, "Run to the container's edges, ignoring its padding."),
        ),
    ),
    Component(
        "Transition",
        "Animates layout changes of its single child.",
        COMMON,
        Children("component", single=True),
    ),
    # -- text --------------------------------------------------------------------------------
    Component(
        "Text",
        "Plain text with typography controls; can be streamed and edited inline.",
        (
            *COMMON,
            P("value", STR, "The text.", required=True),
            P("streaming", BOOL, "Animate incremental updates while text streams in."),
            P("italic", BOOL, "Italic style."),
            P("lineThrough", BOOL, "Strike the text through."),
            *TEXT_BASE,
            P("width", SIZE_VALUE, "Width of the text box; px or CSS string."),
            P("size", s.TextSize, "Text size."),
            P("minLines", INT, "Reserve room for at least this many lines."),
            P("editable", s.EditableValue, "Edit the text inline as a form field."),
        ),
        main="value",
    ),
    Component(
        "Title",
        "A prominent heading.",
        (
            *COMMON,
            P("value", STR, "The heading text.", required=True),
            *TEXT_BASE,
            P("size", s.TitleSize, "Title size."),
        ),
        main="value",
    ),
    Component(
        "Caption",
        "Small supporting text.",
        (
            *COMMON,
            P("value", STR, "The caption text.", required=True),
            *TEXT_BASE,
            P("size", s.CaptionSize, "Caption size."),
        ),
        main="value",
    ),
    Component(
        "Markdown",
        "Rendered Markdown; can be streamed.",
        (
            *COMMON,
            P("value", STR, "Markdown source.", required=True),
            P("streaming", BOOL, "Animate incremental updates while text streams in."),
        ),
        main="value",
    ),
    Component(
        "Label",
        "The label of a form field, named by `fieldName`.",
        (
            *COMMON,
            P("value", STR, "Label text.", required=True),
            P("fieldName", STR, "Name of the field this label describes.", required=True),
            P("size", s.TextSize, "Text size."),
            P("weight", s.FontWeight, "Font weight."),
            P("textAlign", s.TextAlign, "Horizontal alignment."),
            P("color", s.TextColor, "Text colour token, primitive, CSS colour or theme pair."),
        ),
        main="value",
    ),
    # -- content -----------------------------------------------------------------------------
    Component(
        "Badge",
        "A small label for a status or category.",
        (
            *COMMON,
            P("label", STR, "Badge text.", required=True),
            P("color", s.BadgeColor, "Badge colour."),
            P("variant", s.BadgeVariant, "Fill style."),
            P("size", s.BadgeSize, "Badge size."),
            PILL,
        ),
        main="label",
    ),
    Component(
        "Icon",
        "A built-in icon.",
        (
            *COMMON,
            P("name", IconRef(), "Icon name.", required=True),
            P("color", s.TextColor, "Icon colour: text token, primitive, CSS or theme pair."),
            P("size", s.IconSize, "Icon size."),
        ),
        main="name",
    ),
    Component(
        "Image",
        "An image with sizing and fitting controls.",
        (
            *COMMON,
            P("src", STR, "Image URL.", required=True),
            P("alt", STR, "Text alternative for screen readers."),
            P("fit", s.ImageFit, "How the image fills its box."),
            P("position", s.ImagePosition, "Focal point inside the box."),
            P("frame", BOOL, "Draw a subtle frame around the image."),
            P("flush", BOOL, "Run to the container's edges, ignoring its padding."),
            *BLOCK,
            P("background", s.BackgroundColor, "Background behind the image.", runtimes=PY),
            P("flex", SIZE_VALUE, "Flex grow/shrink factor.", runtimes=PY),
        ),
        main="src",
    ),
    Component(
        "Button",
        "A button, usually wired to an action; `submit` makes it submit its form.",
        (
            *COMMON,
            P("label", STR, "Button text."),
            P("onClickAction", s.ActionConfig, "Action dispatched on click."),
            P("submit", BOOL, "Submit the nearest Form or asForm Card."),
            P("iconStart", IconRef(), "Icon before the label (alone: an icon button)."),
            P("iconEnd", IconRef(), "Icon after the label."),
            P("style", s.ButtonStyle, "Preset style."),
            P("iconSize", s.ButtonIconSize, "Size of the icons."),
            P("color", s.ButtonColor, "Button colour."),
            P("variant", s.ControlVariant, "Fill style."),
            CONTROL_SIZE,
            PILL,
            P("uniform", BOOL, "Same width and height (square icon buttons)."),
            BLOCK_WIDTH,
            DISABLED,
        ),
        main="label",
    ),
    # -- form controls -----------------------------------------------------------------------
    Component(
        "Input",
        "A single-line text field.",
        (
            *COMMON,
            FIELD_NAME,
            P("inputType", s.InputType, "Native input type."),
            P("defaultValue", STR, "Initial value."),
            REQUIRED,
            PATTERN,
            PLACEHOLDER,
            AUTOFILL,
            AUTO_SELECT,
            AUTO_FOCUS,
            DISABLED,
            P("variant", s.InputVariant, "Fill style."),
            CONTROL_SIZE,
            GUTTER,
            PILL,
        ),
    ),
    Component(
        "Textarea",
        "A multi-line text field.",
        (
            *COMMON,
            FIELD_NAME,
            P("defaultValue", STR, "Initial value."),
            REQUIRED,
            PATTERN,
            PLACEHOLDER,
            AUTO_SELECT,
            AUTO_FOCUS,
            DISABLED,
            P("variant", s.InputVariant, "Fill style."),
            CONTROL_SIZE,
            GUTTER,
            P("rows", INT, "Visible rows at first."),
            P("autoResize", BOOL, "Grow and shrink with the content."),
            P("maxRows", INT, "Most rows when auto-resizing."),
            AUTOFILL,
        ),
    ),
    Component(
        "Select",
        "A dropdown of options.",
        (
            *COMMON,
            FIELD_NAME,
            P("options", ListOf(s.SelectOption), "The options.", required=True),
            ON_CHANGE,
            PLACEHOLDER,
            P("defaultValue", STR, "Initially selected value."),
            P("variant", s.ControlVariant, "Fill style."),
            CONTROL_SIZE,
            PILL,
            BLOCK_WIDTH,
            CLEARABLE,
            DISABLED,
            P("searchable", BOOL, "Show a search box (default: past 15 options).", runtimes=PY),
        ),
    ),
    Component(
        "DatePicker",
        "A date field with a calendar popover.",
        (
            *COMMON,
            FIELD_NAME,
            ON_CHANGE,
            PLACEHOLDER,
            P("defaultValue", IsoDate(), "Initial date (ISO 8601)."),
            P("min", IsoDate(), "Earliest selectable date (ISO 8601)."),
            P("max", IsoDate(), "Latest selectable date (ISO 8601)."),
            P("variant", s.ControlVariant, "Fill style."),
            CONTROL_SIZE,
            P("side", s.Side, "Side the calendar opens on."),
            P("align", s.TextAlign, "Calendar alignment relative to the field."),
            PILL,
            BLOCK_WIDTH,
            CLEARABLE,
            DISABLED,
        ),
    ),
    Component(
        "Checkbox",
        "A checkbox; submits true or false.",
        (
            *COMMON,
            FIELD_NAME,
            P("label", STR, "Text beside the box."),
            P("defaultChecked", BOOL, "Initially checked."),
            ON_CHANGE,
            DISABLED,
            REQUIRED,
        ),
    ),
    Component(
        "RadioGroup",
        "A set of mutually exclusive options.",
        (
            *COMMON,
            FIELD_NAME,
            P("options", ListOf(s.RadioOption), "The options."),
            P("ariaLabel", STR, "Accessible name of the group (falls back to `name`)."),
            ON_CHANGE,
            P("defaultValue", STR, "Initially selected value."),
            P("direction", s.Direction, "Lay the options out in a row or a column."),
            DISABLED,
            REQUIRED,
        ),
    ),
    # -- data --------------------------------------------------------------------------------
    Component(
        "Chart",
        "A bar, line or area chart over rows of data.",
        (
            *COMMON,
            P("data", s.ChartData, "Rows of data; each maps field names to values.", required=True),
            P("series", ListOf(s.Series), "The series to draw.", required=True),
            P("xAxis", Union((STR, s.XAxisConfig)), "X axis data key or settings.", required=True),
            P("showYAxis", BOOL, "Draw the Y axis."),
            P("showLegend", BOOL, "Draw a legend."),
            P("showTooltip", BOOL, "Show a tooltip on hover."),
            P("barGap", INT, "Gap between bars of one category, px."),
            P("barCategoryGap", INT, "Gap between categories, px."),
            P("flex", SIZE_VALUE, "Flex grow/shrink factor."),
            *(f for f in BLOCK if f.name not in ("radius", "margin")),
        ),
        runtimes=PY,
    ),
    Component(
        "Table",
        "A table of Table.Rows.",
        COMMON,
        Children("Table.Row", required=False),
        runtimes=JS,
    ),
    Component(
        "Table.Row",
        "A row of Table.Cells; `header` makes it a header row.",
        (*COMMON, P("header", BOOL, "This is a header row.")),
        Children("Table.Cell", required=False),
        runtimes=JS,
    ),
    Component(
        "Table.Cell",
        "A table cell holding any components.",
        (
            *COMMON,
            P("width", SIZE_VALUE, "Column width; px or CSS string."),
            P("padding", s.Spacing, "Per-edge padding."),
            P("colSpan", INT, "Columns the cell spans."),
            P("rowSpan", INT, "Rows the cell spans."),
            P("align", s.CellAlign, "Horizontal alignment."),
            P("vAlign", s.CellAlign, "Vertical alignment."),
            P("colSize", s.ColSize, "Preset column width."),
        ),
        Children("component", required=False),
        runtimes=JS,
    ),
)

BY_NAME: dict[str, Component] = {c.name: c for c in COMPONENTS}
ROOTS: frozenset[str] = frozenset(c.name for c in COMPONENTS if c.root)
# What `Children("component")` accepts: everything but roots and the parts that only live in one
# parent (a ListViewItem in a ListView, Table.Row in a Table, Table.Cell in a Table.Row).
GENERAL: frozenset[str] = frozenset(
    c.name
    for c in COMPONENTS
    if not c.root and c.name not in ("ListViewItem", "Table.Row", "Table.Cell")
)
ALLOWED_CHILDREN: dict[ChildGroup, frozenset[str]] = {
    "component": GENERAL,
    "component-or-root": GENERAL | ROOTS,
    "ListViewItem": frozenset({"ListViewItem"}),
    "Table.Row": frozenset({"Table.Row"}),
    "Table.Cell": frozenset({"Table.Cell"}),
}
# Components whose `name` is a form field name (an Icon's `name` is its glyph).
FORM_CONTROLS: frozenset[str] = frozenset(
    c.name for c in COMPONENTS if "name" in c.by_name and c.by_name["name"].type == STR
)

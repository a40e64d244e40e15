"""Every ChatKit widget component, described once.

Sources: ChatKit's docs, openai-chatkit's `chatkit/widgets.py` (1.6.x) and ChatKit.js's published
`@openai/chatkit` `types/widgets.d.ts` (1.7); `catalog/sources.py` quotes each one, and every
default, runtime mark and behaviour below names the source it rests on. A prop only one runtime
defines is marked with `runtimes=PY` or `runtimes=JS` and its evidence;
`validate(..., runtime=...)` warns about it for the other one.
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
    Default,
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
class FormBehaviour:
    """A component that gathers its fields' values: always (`when` is None, a Form) or when the
    boolean prop `when` is true (an `asForm` Card); `action` is the path to the action that the
    values are sent with (`onSubmitAction`, `confirm.action`)."""

    action: tuple[str, ...]
    when: str | None = None
    source: str = "docs-forms"


@dataclass(frozen=True)
class Component:
    """One component. Besides its props and children:

    - `field_name`: the path to the prop holding its form-field name (`("name",)`,
      `("editable", "name")` for an editable Text); empty when it is not a form field.
    - `label_by`: for a field that needs an accessible name, the props that give one besides a
      `Label` naming the field (`("placeholder",)`); None when it needs none.
    - `only_in`: the one parent it may stand in (a ListViewItem only in a ListView); None for
      anywhere its kind is allowed (roots: at the top, or inside a Basic).
    - `place_source`: the source that says where it may stand, for a root or an `only_in` part.
    - `form`: how it gathers its fields' values, if it does.
    """

    name: str
    doc: str
    props: tuple[Field, ...]
    children: Children | None = None  # None: a leaf
    main: str | None = None  # the prop builders take positionally
    root: bool = False
    runtimes: frozenset[Runtime] = BOTH
    runtime_source: str = ""
    field_name: tuple[str, ...] = ()
    label_by: tuple[str, ...] | None = None
    only_in: str | None = None
    place_source: str = ""
    form: FormBehaviour | None = None
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.props})

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.props if f.required)

    @property
    def defaults(self) -> dict[str, Default]:
        """The props ChatKit gives a value when they are absent, and that value."""
        return {f.name: f.default for f in self.props if f.default is not None}


def P(
    name: str,
    type: Type,
    doc: str,
    *,
    required: bool = False,
    runtimes: frozenset[Runtime] = BOTH,
    default: Default = None,
    by: str = "",
    evidence: str = "",
) -> Field:
    """A prop; `default` is backed by the source `by`, a runtime mark by `evidence`."""
    return Field(name, type, doc, required, runtimes, default, by, evidence)


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
FIELD = ("name",)  # where a form control keeps its field name
NAMED_BY = ("placeholder",)  # what names a text-like control besides a Label
ON_CHANGE = P("onChangeAction", s.ActionConfig, "Action dispatched when the value changes.")
DISABLED = P("disabled", BOOL, "Disable interaction and dim the control.")
REQUIRED = P("required", BOOL, "A value is required to submit the form.")
PLACEHOLDER = P("placeholder", STR, "Placeholder text shown while empty.")
CONTROL_SIZE = P("size", s.ControlSize, "Control size.", default="md", by="apps-sdk-ui")
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
            P(
                "border",
                s.BorderValue,
                "Border around the card.",
                runtimes=JS,
                evidence="js-table",  # added in @openai/chatkit 1.7; openai-chatkit drops it
            ),
            P("size", s.CardSize, "Card width preset.", default="md", by="docs-card-size"),
            P("padding", s.SpacingValue, "Inner padding."),
            STATUS,
            P("collapsed", BOOL, "Collapse the body, e.g. once its main action is done."),
            P("confirm", s.CardAction, "Confirm button in the footer."),
            P("cancel", s.CardAction, "Cancel button in the footer."),
            THEME,
        ),
        CHILDREN,
        root=True,
        place_source="docs-roots",
        form=FormBehaviour(("confirm", "action"), when="asForm", source="docs-card-as-form"),
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
        # A root, never a Card's child: the docs name it a root-level container and both SDKs'
        # types leave it out of a Card's children (js-roots). Widget Studio's builder does write
        # Card > ListView (openai/chatkit-python issue #47, its PR #46 not merged); no ChatKit
        # source says ChatKit.js draws that.
        place_source="docs-roots",
    ),
    Component(
        "Basic",
        "A bare layout root with no card chrome; may nest other roots.",
        (
            *COMMON,
            THEME,
            P(
                "direction",
                s.Direction,
                "Layout direction of the children.",
                default="col",
                by="renderer",
            ),
            P("gap", SIZE_VALUE, "Gap between children."),
            P("padding", s.SpacingValue, "Inner padding."),
            P("align", s.Alignment, "Cross-axis alignment."),
            P("justify", s.Justification, "Main-axis distribution."),
        ),
        Children("component-or-root"),  # js-roots: BasicRoot holds roots too
        root=True,
        place_source="docs-roots",
    ),
    Component(
        "ListViewItem",
        "One row of a ListView; clickable when it has an action.",
        (
            *COMMON,
            P("onClickAction", s.ActionConfig, "Action dispatched when the row is clicked."),
            P("gap", SIZE_VALUE, "Gap between children.", default=3, by="renderer"),
            P(
                "align",
                s.Alignment,
                "Cross-axis alignment of the content.",
                default="center",
                by="renderer",
            ),
        ),
        CHILDREN,
        only_in="ListView",
        place_source="docs-containers",
    ),
    # -- layout ------------------------------------------------------------------------------
    Component(
        "Box",
        "A flex container whose direction you choose.",
        (
            *COMMON,
            P("direction", s.Direction, "Flex direction.", default="col", by="renderer"),
            *BOX,
        ),
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
            P("direction", s.Direction, "Flex direction.", default="col", by="renderer"),
            *BOX,
        ),
        Children("component", required=False),
        form=FormBehaviour(("onSubmitAction",)),
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
        "Animates layout changes of its single child; no child animates the last one away.",
        COMMON,
        Children("component", single=True, required=False),  # py-transition: `| None`
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
            P("size", s.TextSize, "Text size.", default="md", by="renderer"),
            P("minLines", INT, "Reserve room for at least this many lines."),
            P("editable", s.EditableValue, "Edit the text inline as a form field."),
        ),
        main="value",
        field_name=("editable", "name"),
    ),
    Component(
        "Title",
        "A prominent heading.",
        (
            *COMMON,
            P("value", STR, "The heading text.", required=True),
            *TEXT_BASE,
            P("size", s.TitleSize, "Title size.", default="md", by="renderer"),
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
            P("size", s.CaptionSize, "Caption size.", default="md", by="renderer"),
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
            P("size", s.TextSize, "Text size.", default="sm", by="renderer"),
            P("weight", s.FontWeight, "Font weight.", default="medium", by="renderer"),
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
            P("color", s.BadgeColor, "Badge colour.", default="secondary", by="apps-sdk-ui"),
            P("variant", s.BadgeVariant, "Fill style.", default="soft", by="apps-sdk-ui"),
            P("size", s.BadgeSize, "Badge size.", default="sm", by="apps-sdk-ui"),
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
            P("size", s.IconSize, "Icon size.", default="md", by="renderer"),
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
            P("fit", s.ImageFit, "How the image fills its box.", default="cover", by="renderer"),
            P("position", s.ImagePosition, "Focal point inside the box."),
            P("frame", BOOL, "Draw a subtle frame around the image."),
            P("flush", BOOL, "Run to the container's edges, ignoring its padding."),
            *BLOCK,
            P(
                "background",
                s.BackgroundColor,
                "Background behind the image.",
                runtimes=PY,
                evidence="js-types",
            ),
            P("flex", SIZE_VALUE, "Flex grow/shrink factor.", runtimes=PY, evidence="js-types"),
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
            P("iconSize", s.ButtonIconSize, "Size of the icons.", default="md", by="renderer"),
            P("color", s.ButtonColor, "Button colour.", default="primary", by="renderer"),
            P("variant", s.ControlVariant, "Fill style.", default="solid", by="apps-sdk-ui"),
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
            P("inputType", s.InputType, "Native input type.", default="text", by="renderer"),
            P("defaultValue", STR, "Initial value."),
            REQUIRED,
            PATTERN,
            PLACEHOLDER,
            AUTOFILL,
            AUTO_SELECT,
            AUTO_FOCUS,
            DISABLED,
            P("variant", s.InputVariant, "Fill style.", default="outline", by="renderer"),
            CONTROL_SIZE,
            GUTTER,
            PILL,
        ),
        field_name=FIELD,
        label_by=NAMED_BY,
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
            P("variant", s.InputVariant, "Fill style.", default="outline", by="renderer"),
            CONTROL_SIZE,
            GUTTER,
            P("rows", INT, "Visible rows at first."),
            P("autoResize", BOOL, "Grow and shrink with the content."),
            P("maxRows", INT, "Most rows when auto-resizing."),
            AUTOFILL,
        ),
        field_name=FIELD,
        label_by=NAMED_BY,
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
            P("variant", s.ControlVariant, "Fill style.", default="outline", by="renderer"),
            CONTROL_SIZE,
            PILL,
            BLOCK_WIDTH,
            CLEARABLE,
            DISABLED,
            P(
                "searchable",
                BOOL,
                "Show a search box (default: past 15 options, py-select-searchable).",
                runtimes=PY,
                evidence="js-types",
            ),
        ),
        field_name=FIELD,
        label_by=NAMED_BY,
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
            P("variant", s.ControlVariant, "Fill style.", default="outline", by="renderer"),
            CONTROL_SIZE,
            P("side", s.Side, "Side the calendar opens on."),
            P("align", s.TextAlign, "Calendar alignment relative to the field."),
            PILL,
            BLOCK_WIDTH,
            CLEARABLE,
            DISABLED,
        ),
        field_name=FIELD,
        label_by=NAMED_BY,
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
        field_name=FIELD,
        label_by=("label",),
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
            P(
                "direction",
                s.Direction,
                "Lay the options out in a row or a column.",
                default="col",
                by="renderer",
            ),
            DISABLED,
            REQUIRED,
        ),
        field_name=FIELD,
        label_by=("ariaLabel",),
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
        # Not in ChatKit.js's published types, yet ChatKit.js draws it (charts-in-js).
    ),
    Component(
        "Table",
        "A table of Table.Rows.",
        COMMON,
        Children("Table.Row", required=False),
        runtimes=JS,
        runtime_source="js-table",
    ),
    Component(
        "Table.Row",
        "A row of Table.Cells; `header` makes it a header row.",
        (*COMMON, P("header", BOOL, "This is a header row.")),
        Children("Table.Cell", required=False),
        runtimes=JS,
        runtime_source="js-table",
        only_in="Table",
        place_source="js-table",
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
        runtime_source="js-table",
        only_in="Table.Row",
        place_source="js-table",
    ),
)

BY_NAME: dict[str, Component] = {c.name: c for c in COMPONENTS}
ROOTS: frozenset[str] = frozenset(c.name for c in COMPONENTS if c.root)
# What `Children("component")` accepts: everything but roots and the parts that stand in only one
# parent (a ListViewItem in a ListView, Table.Row in a Table, Table.Cell in a Table.Row).
GENERAL: frozenset[str] = frozenset(c.name for c in COMPONENTS if not c.root and c.only_in is None)
ALLOWED_CHILDREN: dict[str, frozenset[str]] = {
    "component": GENERAL,
    "component-or-root": GENERAL | ROOTS,
    **{c.name: frozenset({c.name}) for c in COMPONENTS if c.only_in is not None},
}
# Components holding a form field: a control's `name`, an editable Text's `editable.name`.
FIELDS: dict[str, tuple[str, ...]] = {c.name: c.field_name for c in COMPONENTS if c.field_name}
# The controls whose `name` is a form field name (an Icon's `name` is its glyph).
FORM_CONTROLS: frozenset[str] = frozenset(n for n, path in FIELDS.items() if path == ("name",))
FORMS: dict[str, FormBehaviour] = {c.name: c.form for c in COMPONENTS if c.form is not None}

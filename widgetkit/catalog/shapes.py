"""Token lists and nested shapes shared by several components (ChatKit's "shared types")."""

from __future__ import annotations

from typing import Literal

from .types import (
    ANY,
    BOOL,
    BOTH,
    INT,
    NUMBER,
    PY,
    STR,
    ColorStr,
    Const,
    Field,
    IconRef,
    ListOf,
    MapOf,
    Runtime,
    Shape,
    Tagged,
    Tokens,
    Union,
)

# -- token lists -------------------------------------------------------------------------------

TextSize = Tokens("TextSize", ("xs", "sm", "md", "lg", "xl"))
TitleSize = Tokens("TitleSize", ("sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl"))
CaptionSize = Tokens("CaptionSize", ("sm", "md", "lg"))
IconSize = Tokens("IconSize", ("xs", "sm", "md", "lg", "xl", "2xl", "3xl"))
ButtonIconSize = Tokens("ButtonIconSize", ("sm", "md", "lg", "xl", "2xl"))
BadgeSize = Tokens("BadgeSize", ("sm", "md", "lg"))
CardSize = Tokens("CardSize", ("sm", "md", "lg", "full"))
FontWeight = Tokens("FontWeight", ("normal", "medium", "semibold", "bold"))
TextAlign = Tokens("TextAlign", ("start", "center", "end"))
Alignment = Tokens("Alignment", ("start", "center", "end", "baseline", "stretch"))
Justification = Tokens(
    "Justification", ("start", "center", "end", "between", "around", "evenly", "stretch")
)
Wrap = Tokens("Wrap", ("nowrap", "wrap", "wrap-reverse"))
Direction = Tokens("Direction", ("row", "col"))
Theme = Tokens("Theme", ("light", "dark"))
RadiusValue = Tokens(
    "RadiusValue",
    ("2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none"),
)
ControlVariant = Tokens("ControlVariant", ("solid", "soft", "outline", "ghost"))
InputVariant = Tokens("InputVariant", ("soft", "outline"))
ControlSize = Tokens("ControlSize", ("3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"))
GutterSize = Tokens("GutterSize", ("2xs", "xs", "sm", "md", "lg", "xl"))
ButtonColor = Tokens(
    "ButtonColor",
    ("primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger"),
)
ButtonStyle = Tokens("ButtonStyle", ("primary", "secondary"))
BadgeColor = Tokens(
    "BadgeColor", ("secondary", "success", "danger", "warning", "info", "discovery")
)
BadgeVariant = Tokens("BadgeVariant", ("solid", "soft", "outline"))
InputType = Tokens("InputType", ("number", "email", "text", "password", "tel", "url"))
ImageFit = Tokens("ImageFit", ("cover", "contain", "fill", "scale-down", "none"))
ImagePosition = Tokens(
    "ImagePosition",
    (
        "top left",
        "top",
        "top right",
        "left",
        "center",
        "right",
        "bottom left",
        "bottom",
        "bottom right",
    ),
)
Side = Tokens("Side", ("top", "bottom", "left", "right"))
BorderStyle = Tokens(
    "BorderStyle", ("solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset")
)
Handler = Tokens("Handler", ("client", "server"))
LoadingBehavior = Tokens("LoadingBehavior", ("auto", "none", "self", "container"))
CellAlign = Tokens("CellAlign", ("start", "center", "end"))
ColSize = Tokens("ColSize", ("xs", "sm", "md", "lg", "xl"))
CurveType = Tokens(
    "CurveType",
    (
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
    ),
)

# Icon names: ChatKit.js's published `WidgetIcon` and `ChatKitIcon` (js-icons) with openai-chatkit's
# `IconName` (py-icons); `clock` is in ChatKitIcon and IconName alike.
ICONS: tuple[str, ...] = (
    "agent", "analytics", "atom", "batch", "bolt", "book-open", "book-closed", "book-clock",
    "bug", "calendar", "chart", "check", "check-circle", "check-circle-filled", "chevron-left",
    "chevron-right", "circle-question", "clock", "compass", "confetti", "cube", "desktop",
    "document", "dot", "dots-horizontal", "dots-vertical", "empty-circle", "external-link",
    "globe", "keys", "lab", "images", "info", "lifesaver", "lightbulb", "mail", "map-pin", "maps",
    "mobile", "name", "notebook", "notebook-pencil", "page-blank", "phone", "play", "plus",
    "profile", "profile-card", "reload", "star", "star-filled", "search", "sparkle",
    "sparkle-double", "square-code", "square-image", "square-text", "suitcase",
    "settings-slider", "user", "wreath", "write", "write-alt", "write-alt2",
)  # fmt: skip
ICONS_PY_ONLY: frozenset[str] = frozenset()  # names only openai-chatkit defines (none today)
# Prefixed names and the runtimes that define them: ChatKit.js's `LucideIcon` is
# `lucide:${string}` (js-icons); `vendor:` is openai-chatkit's alone (py-icons).
ICON_PREFIX_RUNTIMES: dict[str, frozenset[Runtime]] = {"lucide:": BOTH, "vendor:": PY}
ICON_PREFIXES = tuple(ICON_PREFIX_RUNTIMES)

# -- colours -----------------------------------------------------------------------------------

TEXT_COLORS = (
    "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger",
)  # fmt: skip
BACKGROUND_COLORS = (
    "surface", "surface-secondary", "surface-tertiary", "surface-elevated",
    "surface-elevated-secondary",
)  # fmt: skip
BORDER_COLORS = ("default", "subtle", "strong")
CHART_COLORS = ("blue", "purple", "orange", "green", "red", "yellow", "pink")

ThemeColor = Shape(
    "ThemeColor",
    "Colour values for the light and dark themes.",
    (
        Field("light", STR, "Colour used when the theme is light.", required=True),
        Field("dark", STR, "Colour used when the theme is dark.", required=True),
    ),
)


def color(
    name: str, tokens: tuple[str, ...], css: Literal["color", "background"] = "color"
) -> Union:
    return Union((ColorStr(name, tokens, css), ThemeColor))


TextColor = color("TextColor", TEXT_COLORS)
# A background string is passed to CSS as it is: images and gradients too.
BackgroundColor = color("BackgroundColor", BACKGROUND_COLORS, "background")
BorderColor = color("BorderColor", BORDER_COLORS)
ChartColor = color("ChartColor", CHART_COLORS)

# -- spacing, borders --------------------------------------------------------------------------

SizeValue = Union((NUMBER, STR))  # a number of px / spacing units, or a CSS string

Spacing = Shape(
    "Spacing",
    "Per-edge spacing; each value is a spacing unit or a CSS string.",
    tuple(
        Field(edge, SizeValue, f"{edge.capitalize()} spacing.")
        for edge in ("top", "right", "bottom", "left", "x", "y")
    ),
)
SpacingValue = Union((NUMBER, STR, Spacing))

Border = Shape(
    "Border",
    "A border on one edge.",
    (
        Field("size", INT, "Thickness in px.", required=True),
        Field("color", BorderColor, "Border colour token, primitive, CSS string or theme pair."),
        Field("style", BorderStyle, "Line style."),
    ),
)
Borders = Shape(
    "Borders",
    "Borders per edge; each is a px thickness or a Border.",
    tuple(
        Field(edge, Union((INT, Border)), f"{edge.capitalize()} border.")
        for edge in ("top", "right", "bottom", "left", "x", "y")
    ),
)
BorderValue = Union((INT, Border, Borders))

# -- actions, status, options ------------------------------------------------------------------

ActionConfig = Shape(
    "ActionConfig",
    "An action dispatched when the user interacts; build it with `widgetkit.action()`.",
    (
        Field("type", STR, "Action type your server's action handler switches on.", required=True),
        Field(
            "payload",
            MapOf(
                ANY, why="ChatKit merges the form's values into it (docs-forms, js-action-config)"
            ),
            "JSON object sent with the action; a form's values are merged into it.",
        ),
        Field(
            "handler",
            Handler,
            "Where the action is handled (default `server`).",
            default="server",
            default_source="docs-handler",
        ),
        Field(
            "loadingBehavior",
            LoadingBehavior,
            "What shows a loading state (default `auto`).",
            default="auto",
            default_source="docs-loading",
        ),
        Field(
            "streaming",
            BOOL,
            "`false` sends it to `sync_action` (default `true`).",
            default=True,
            default_source="docs-sync-actions",
        ),
    ),
)
CardAction = Shape(
    "CardAction",
    "A confirm or cancel button in a card's footer.",
    (
        Field("label", STR, "Button label.", required=True),
        Field("action", ActionConfig, "Action dispatched on click.", required=True),
    ),
)
WidgetStatus = Shape(
    "WidgetStatus",
    "A status header above a card or list: text with an icon or a favicon.",
    (
        Field("text", STR, "Status text.", required=True),
        Field("icon", IconRef(), "Icon before the text."),
        Field("favicon", STR, "URL of a favicon before the text."),
        Field("frame", BOOL, "Frame the favicon for contrast."),
    ),
)
SelectOption = Shape(
    "SelectOption",
    "An option of a Select.",
    (
        Field("value", STR, "Value submitted with the form.", required=True),
        Field("label", STR, "Text shown for the option.", required=True),
        Field("disabled", BOOL, "Disable this option.", runtimes=PY, runtime_source="js-types"),
        Field(
            "description",
            STR,
            "Secondary text below the label.",
            runtimes=PY,
            runtime_source="js-types",
        ),
    ),
)
RadioOption = Shape(
    "RadioOption",
    "An option of a RadioGroup.",
    (
        Field("label", STR, "Text shown next to the radio.", required=True),
        Field("value", STR, "Value submitted when selected.", required=True),
        Field("disabled", BOOL, "Disable this option."),
    ),
)
EditableProps = Shape(
    "EditableProps",
    "Makes a Text editable inline; its value is submitted under `name`.",
    (
        Field("name", STR, "Form field name.", required=True),
        Field("autoFocus", BOOL, "Focus the input when it appears."),
        Field("autoSelect", BOOL, "Select all text on focus."),
        Field("autoComplete", STR, "Native autocomplete hint."),
        Field("allowAutofillExtensions", BOOL, "Allow password/autofill extensions."),
        Field("pattern", STR, "Regex the value must match."),
        Field("placeholder", STR, "Placeholder text."),
        Field("required", BOOL, "A value is required to submit."),
    ),
)
EditableValue = Union((Const(False), EditableProps))

# -- charts ------------------------------------------------------------------------------------


def _series(kind: str, doc: str, *, stack: bool, curve: bool) -> Shape:
    fields = [
        Field("type", Const(kind), "Series kind.", required=True),
        Field("label", STR, "Legend label."),
        Field("dataKey", STR, "Data field holding the numeric value.", required=True),
        Field("color", ChartColor, "Chart colour token, primitive, CSS string or theme pair."),
    ]
    if stack:
        fields.append(Field("stack", STR, "Stack group id; series with the same id stack."))
    if curve:
        fields.append(Field("curveType", CurveType, "Interpolation between points."))
    return Shape(f"{kind.capitalize()}Series", doc, tuple(fields))


Series = Tagged(
    "Series",
    "type",
    (
        _series("bar", "Bars from a numeric field; stackable.", stack=True, curve=False),
        _series("line", "A line through a numeric field.", stack=False, curve=True),
        _series("area", "A filled area; stackable, with curves.", stack=True, curve=True),
    ),
)
XAxisConfig = Shape(
    "XAxisConfig",
    "X axis settings.",
    (
        Field("dataKey", STR, "Data field used for the categories.", required=True),
        Field("hide", BOOL, "Hide the axis line, ticks and labels."),
        Field("labels", MapOf(STR), "Display label for each tick value."),
    ),
)
ChartRow = MapOf(Union((STR, NUMBER)))
ChartData = ListOf(ChartRow)

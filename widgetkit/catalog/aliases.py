"""The words people and models write for ChatKit's components, props and tokens, and the real name
each one means: the hints' "did you mean" by meaning, not only by spelling.

Plain data (for the offline renderer's generated module and for `widgetkit.llm`'s repairs) and
three look-ups::

    component_alias("Heading")          # "Title"
    prop_alias("Button", "text")        # "label"
    token_alias("TitleSize", "6xl")     # "5xl": on a size scale, the nearest step
    token_alias("ControlVariant", "filled")  # "solid"

Each returns None when it knows no such word; an alias is only ever a name the catalog defines.
"""

from __future__ import annotations

import re

from .components import BY_NAME, COMPONENTS
from .types import Field, ListOf, Shape, Tagged, Tokens, Type, Union

# -- components --------------------------------------------------------------------------------

COMPONENT_ALIASES: dict[str, str] = {
    "Heading": "Title",
    "Header": "Title",
    "H1": "Title",
    "H2": "Title",
    "H3": "Title",
    "Subtitle": "Caption",
    "Paragraph": "Text",
    "Span": "Text",
    "Column": "Col",
    "Stack": "Col",
    "VStack": "Col",
    "HStack": "Row",
    "Container": "Box",
    "View": "Box",
    "Div": "Box",
    "Img": "Image",
    "Picture": "Image",
    "Avatar": "Image",
    "List": "ListView",
    "ListItem": "ListViewItem",
    "Item": "ListViewItem",
    "Separator": "Divider",
    "Hr": "Divider",
    "TextInput": "Input",
    "TextField": "Input",
    "TextArea": "Textarea",
    "Dropdown": "Select",
    "Toggle": "Checkbox",
    "Switch": "Checkbox",
    "Radio": "RadioGroup",
    "RadioButtons": "RadioGroup",
    "DateInput": "DatePicker",
    "Calendar": "DatePicker",
    "Tag": "Badge",
    "Chip": "Badge",
    "Pill": "Badge",
    "Link": "Button",
    "Graph": "Chart",
    "TableRow": "Table.Row",
    "TableCell": "Table.Cell",
}

# -- props -------------------------------------------------------------------------------------

# Words for a component's main text (Text.value, Button.label, Image.src, Icon.name).
_MAIN_WORDS = ("text", "content", "children", "title", "caption", "body", "string", "message")
# Words that mean one prop wherever the component has it.
_ANY_COMPONENT: dict[str, str] = {
    "onClick": "onClickAction",
    "onPress": "onClickAction",
    "action": "onClickAction",
    "onSubmit": "onSubmitAction",
    "onChange": "onChangeAction",
    "fontWeight": "weight",
    "fontSize": "size",
    "textColor": "color",
    "align": "textAlign",
    "alignment": "align",
    "justifyContent": "justify",
    "alignItems": "align",
    "flexDirection": "direction",
    "borderRadius": "radius",
    "rounded": "radius",
    "bg": "background",
    "backgroundColor": "background",
    "spacing": "gap",
    "items": "options",
    "choices": "options",
    "default": "defaultValue",
    "value": "defaultValue",
    "checked": "defaultChecked",
    "defaultChecked": "defaultChecked",
    "url": "src",
    "href": "src",
    "image": "src",
    "source": "src",
    "altText": "alt",
    "icon": "iconStart",
    "leftIcon": "iconStart",
    "rightIcon": "iconEnd",
    "startIcon": "iconStart",
    "endIcon": "iconEnd",
    "objectFit": "fit",
    "minimum": "min",
    "maximum": "max",
    "multiline": "rows",
    "numberOfLines": "maxLines",
    "lines": "maxLines",
    "ellipsis": "truncate",
    "strikethrough": "lineThrough",
    "htmlFor": "fieldName",
    "for": "fieldName",
    "field": "fieldName",
    "label": "ariaLabel",
}


def _prop_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for c in COMPONENTS:
        own: dict[str, str] = {}
        if c.main is not None:
            own.update({w: c.main for w in _MAIN_WORDS if w not in c.by_name})
        own.update(
            {k: v for k, v in _ANY_COMPONENT.items() if v in c.by_name and k not in c.by_name}
        )
        table[c.name] = {k: v for k, v in own.items() if k != v}
    table["Icon"]["icon"] = "name"
    table["Button"]["text"] = "label"
    table["Button"]["title"] = "label"
    return table


PROP_ALIASES: dict[str, dict[str, str]] = _prop_table()

# -- tokens ------------------------------------------------------------------------------------

# Size words on any scale of the sizes below (TextSize, TitleSize, ControlSize, ...).
_SIZE_WORDS = {
    "xsmall": "xs",
    "x-small": "xs",
    "extra-small": "xs",
    "tiny": "xs",
    "small": "sm",
    "s": "sm",
    "medium": "md",
    "m": "md",
    "normal": "md",
    "default": "md",
    "regular": "md",
    "base": "md",
    "large": "lg",
    "l": "lg",
    "big": "lg",
    "xlarge": "xl",
    "x-large": "xl",
    "extra-large": "xl",
    "huge": "2xl",
    "xxl": "2xl",
    "xxxl": "3xl",
    "xxs": "2xs",
    "xxxs": "3xs",
}
# The size steps in order; a scale is a token list whose values are all steps.
_STEPS = ("3xs", "2xs", "xs", "sm", "md", "lg", "xl", *(f"{n}xl" for n in range(2, 10)))

TOKEN_ALIASES: dict[str, dict[str, str]] = {
    "ControlVariant": {
        "filled": "solid",
        "fill": "solid",
        "contained": "solid",
        "primary": "solid",
        "outlined": "outline",
        "bordered": "outline",
        "secondary": "soft",
        "subtle": "soft",
        "tonal": "soft",
        "text": "ghost",
        "link": "ghost",
        "plain": "ghost",
    },
    "BadgeVariant": {"filled": "solid", "fill": "solid", "outlined": "outline", "subtle": "soft"},
    "InputVariant": {"outlined": "outline", "bordered": "outline", "filled": "soft"},
    "ButtonColor": {
        "error": "danger",
        "destructive": "danger",
        "red": "danger",
        "green": "success",
        "blue": "info",
        "yellow": "warning",
        "orange": "caution",
        "purple": "discovery",
        "default": "secondary",
        "neutral": "secondary",
        "gray": "secondary",
        "grey": "secondary",
    },
    "BadgeColor": {
        "error": "danger",
        "destructive": "danger",
        "red": "danger",
        "green": "success",
        "blue": "info",
        "yellow": "warning",
        "orange": "warning",
        "purple": "discovery",
        "default": "secondary",
        "neutral": "secondary",
        "gray": "secondary",
        "grey": "secondary",
    },
    "FontWeight": {
        "regular": "normal",
        "light": "normal",
        "400": "normal",
        "500": "medium",
        "600": "semibold",
        "semi-bold": "semibold",
        "700": "bold",
        "bolder": "bold",
        "heavy": "bold",
    },
    "TextAlign": {"left": "start", "right": "end", "middle": "center", "justify": "start"},
    "Alignment": {
        "top": "start",
        "left": "start",
        "bottom": "end",
        "right": "end",
        "flex-start": "start",
        "flex-end": "end",
        "middle": "center",
    },
    "Justification": {
        "space-between": "between",
        "space-around": "around",
        "space-evenly": "evenly",
        "flex-start": "start",
        "flex-end": "end",
        "left": "start",
        "right": "end",
        "top": "start",
        "bottom": "end",
    },
    "CellAlign": {"left": "start", "right": "end", "top": "start", "bottom": "end"},
    "Direction": {
        "column": "col",
        "vertical": "col",
        "horizontal": "row",
        "column-reverse": "col",
        "row-reverse": "row",
    },
    "Wrap": {"no-wrap": "nowrap", "none": "nowrap", "true": "wrap", "false": "nowrap"},
    "ImageFit": {
        "object-cover": "cover",
        "object-contain": "contain",
        "object-fill": "fill",
        "stretch": "fill",
        "crop": "cover",
        "fit": "contain",
        "scale-down": "scale-down",
    },
    "ImagePosition": {
        "top-left": "top left",
        "top-right": "top right",
        "bottom-left": "bottom left",
        "bottom-right": "bottom right",
        "middle": "center",
        "centre": "center",
    },
    "InputType": {"string": "text", "phone": "tel", "integer": "number", "numeric": "number"},
    "Handler": {"backend": "server", "frontend": "client", "browser": "client"},
    "LoadingBehavior": {"default": "auto", "spinner": "self", "whole": "container"},
    "Theme": {"night": "dark", "day": "light"},
    "RadiusValue": {
        "round": "full",
        "circle": "full",
        "pill": "full",
        "0": "none",
        "square": "none",
    },
}


def _scale(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """The size steps of a token list, in order, if it is a size scale (CardSize's sm, md, lg)."""
    steps = tuple(v for v in _STEPS if v in values)
    return steps if len(steps) >= 3 else None


def _step(word: str) -> int | None:
    """Where a size word sits among the steps: `xs` 2, `6xl` 11, `xxl` 7 (as `2xl`)."""
    word = _SIZE_WORDS.get(word.lower(), word.lower())
    if word in _STEPS:
        return _STEPS.index(word)
    m = re.fullmatch(r"(\d+)(xs|xl)", word)
    if m is None:
        return None
    n = int(m.group(1))
    return _STEPS.index("xs") - min(n - 1, 10) if m.group(2) == "xs" else _STEPS.index("xl") + n - 1


# Token lists by name, found in the catalog's types.
def _token_lists() -> dict[str, Tokens]:
    found: dict[str, Tokens] = {}
    todo: list[Type] = [f.type for c in COMPONENTS for f in c.props]
    seen: set[int] = set()
    while todo:
        t = todo.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        match t:
            case Tokens(name):
                found[name] = t
            case Union(options):
                todo.extend(options)
            case ListOf(item):
                todo.append(item)
            case Shape(_, _, fields):
                todo.extend(f.type for f in fields)
            case Tagged(_, _, variants):
                todo.extend(variants)
    return found


TOKEN_LISTS: dict[str, Tokens] = _token_lists()


def component_alias(name: str) -> str | None:
    """The component `name` means (`Heading` -> `Title`), matched without regard to case."""
    if name in BY_NAME:
        return None
    for word, real in COMPONENT_ALIASES.items():
        if word.lower() == name.lower():
            return real
    for real in BY_NAME:  # `text` -> `Text`, `listview` -> `ListView`
        if real.lower() == name.lower():
            return real
    return None


def prop_alias(component: str, prop: str) -> str | None:
    """The prop of `component` that `prop` means (`Text` `content` -> `value`)."""
    comp = BY_NAME.get(component)
    if comp is None or prop in comp.by_name:
        return None
    table = PROP_ALIASES.get(component, {})
    if prop in table:
        return table[prop]
    lower = {k.lower(): k for k in comp.by_name}
    return lower.get(prop.lower()) or lower.get(prop.replace("_", "").replace("-", "").lower())


def token_alias(tokens: str | Tokens, value: str) -> str | None:
    """The token of the list `tokens` (its name, or the list) that `value` means; on a size
    scale the nearest step (`6xl` on TitleSize -> `5xl`, the top of it)."""
    t = TOKEN_LISTS.get(tokens) if isinstance(tokens, str) else tokens
    if t is None or value in t.values:
        return None
    table = TOKEN_ALIASES.get(t.name, {})
    word = value.strip()
    if word in table:
        return table[word]
    if word.lower() in t.values:
        return word.lower()
    if word.lower() in table:
        return table[word.lower()]
    scale = _scale(t.values)
    step = _step(word) if scale else None
    if scale and step is not None:
        return min(scale, key=lambda v: (abs(_STEPS.index(v) - step), -_STEPS.index(v)))
    return None


def field_alias(field: Field, value: str) -> str | None:
    """A token alias for a prop whose type holds a token list (directly or in a union)."""
    for t in _options(field.type):
        if isinstance(t, Tokens):
            found = token_alias(t, value)
            if found is not None:
                return found
    return None


def _options(t: Type) -> list[Type]:
    return [o for u in t.options for o in _options(u)] if isinstance(t, Union) else [t]


# Icon names from other icon sets, and the built-in icon each means.
ICON_ALIASES: dict[str, str] = {
    "checkmark": "check",
    "tick": "check",
    "settings": "settings-slider",
    "gear": "settings-slider",
    "email": "mail",
    "envelope": "mail",
    "location": "map-pin",
    "pin": "map-pin",
    "map": "maps",
    "person": "user",
    "account": "profile",
    "time": "clock",
    "calendar-days": "calendar",
    "date": "calendar",
    "link": "external-link",
    "help": "circle-question",
    "question": "circle-question",
    "idea": "lightbulb",
    "refresh": "reload",
    "favorite": "star",
    "edit": "write",
    "pencil": "write",
    "add": "plus",
    "phone-call": "phone",
    "file": "document",
    "image": "images",
    "photo": "images",
    "arrow-right": "chevron-right",
    "arrow-left": "chevron-left",
}

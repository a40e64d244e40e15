"""The words people and models write for ChatKit's components, props and tokens, and the real name
each one means: the hints' "did you mean" by meaning, not only by spelling.

Every alias is one of two kinds, kept in two tables so that no word is written twice:

- a **synonym** (`*_SYNONYMS`) names the same thing in another spelling or vocabulary: another
  case (`card`, `LG`), separators (`max_lines`), a spelled-out step that is on the scale
  (`medium` -> `md`), the CSS or UI-kit name of the same prop or value (`fontWeight` -> `weight`,
  `space-between` -> `between`, `600` -> `semibold`, `VStack` -> `Col`). Replacing it changes
  nothing the widget means, so `widgetkit.llm.repair` applies these;
- a **guess** (`*_GUESSES`) is a likely intent that a reader must confirm: the nearest step of a
  scale (`6xl` -> `5xl`), a word that depends on the layout (`top` -> `start`, `left` -> `start`
  in a right-to-left page), a look-alike component (`Link` -> `Button`), a colour name for an
  intent (`red` -> `danger`). Hints offer these; repair leaves them.

Plain data (for the offline renderer's generated module and for `widgetkit.llm`'s repairs) and
three look-ups::

    component_alias("Heading")          # "Title"
    prop_alias("Button", "text")        # "label"
    token_alias("TitleSize", "6xl")     # "5xl": on a size scale, the nearest step
    token_alias("TitleSize", "6xl", safe=True)  # None: the nearest step is a guess
    token_alias("ControlVariant", "filled", safe=True)  # "solid"

Each returns None when it knows no such word; an alias is only ever a name the catalog defines.
"""

from __future__ import annotations

import re

from .components import BY_NAME, COMPONENTS
from .types import Field, ListOf, Shape, Tagged, Tokens, Type, Union

# -- components --------------------------------------------------------------------------------

# The same component under the name other UI kits (HTML, SwiftUI, React Native, MUI) give it.
COMPONENT_SYNONYMS: dict[str, str] = {
    "Heading": "Title",
    "H1": "Title",
    "H2": "Title",
    "H3": "Title",
    "Paragraph": "Text",
    "Span": "Text",
    "Column": "Col",
    "VStack": "Col",
    "HStack": "Row",
    "Img": "Image",
    "Picture": "Image",
    "Separator": "Divider",
    "Hr": "Divider",
    "TextInput": "Input",
    "TextField": "Input",
    "TextArea": "Textarea",
    "RadioButtons": "RadioGroup",
    "DateInput": "DatePicker",
    "Graph": "Chart",
    "TableRow": "Table.Row",
    "TableCell": "Table.Cell",
}
# A component that may be what was meant, or not: its props or its place differ.
COMPONENT_GUESSES: dict[str, str] = {
    "Header": "Title",  # or a Row at the top of a Card
    "Subtitle": "Caption",
    "Stack": "Col",  # stacks go either way
    "Container": "Box",  # or a Card
    "View": "Box",
    "Div": "Box",
    "Avatar": "Image",
    "List": "ListView",  # a root: inside a Card a Col of Rows is meant
    "ListItem": "ListViewItem",
    "Item": "ListViewItem",
    "Dropdown": "Select",  # or a menu of actions
    "Toggle": "Checkbox",
    "Switch": "Checkbox",
    "Radio": "RadioGroup",  # one radio button, not the group
    "Calendar": "DatePicker",
    "Tag": "Badge",
    "Chip": "Badge",
    "Pill": "Badge",
    "Link": "Button",
}
COMPONENT_ALIASES: dict[str, str] = {**COMPONENT_SYNONYMS, **COMPONENT_GUESSES}

# -- props -------------------------------------------------------------------------------------

# Words for the text a component shows (Text.value, Title.value, Button.label, Badge.label).
_TEXT_SYNONYMS = ("text", "content")
# Words for a component's main prop that may mean it (Image.src, Icon.name) or something else.
_MAIN_GUESSES = ("text", "content", "children", "title", "caption", "body", "string", "message")
# Text style props under their CSS names, on the components that set text (Text, Title, Caption,
# Label); on a Button or a Badge `size` and `color` style the control, not its text.
_TEXT_STYLE: dict[str, str] = {"fontWeight": "weight", "fontSize": "size", "textColor": "color"}
# One prop, wherever the component has it, under its HTML, CSS, React or React Native name.
_SAME_PROP: dict[str, str] = {
    "onClick": "onClickAction",
    "onPress": "onClickAction",
    "onSubmit": "onSubmitAction",
    "onChange": "onChangeAction",
    "justifyContent": "justify",
    "alignItems": "align",
    "flexDirection": "direction",
    "borderRadius": "radius",
    "bg": "background",
    "backgroundColor": "background",
    "items": "options",
    "choices": "options",
    "default": "defaultValue",
    "value": "defaultValue",  # a widget's control starts with it either way
    "checked": "defaultChecked",
    "url": "src",
    "source": "src",
    "altText": "alt",
    "leftIcon": "iconStart",
    "rightIcon": "iconEnd",
    "startIcon": "iconStart",
    "endIcon": "iconEnd",
    "objectFit": "fit",
    "minimum": "min",
    "maximum": "max",
    "numberOfLines": "maxLines",
    "strikethrough": "lineThrough",
    "htmlFor": "fieldName",
    "for": "fieldName",
}
# A prop that may be what was meant: another type, another side, another meaning.
_LIKELY_PROP: dict[str, str] = {
    "action": "onClickAction",
    "align": "textAlign",
    "alignment": "align",
    "rounded": "radius",  # often a boolean
    "spacing": "gap",  # or padding
    "href": "src",  # or a link to open
    "image": "src",
    "icon": "iconStart",  # or iconEnd
    "multiline": "rows",  # a boolean for a number
    "lines": "maxLines",  # or minLines
    "ellipsis": "truncate",
    "field": "fieldName",
    "label": "ariaLabel",  # a visible label is not an accessible name
}


def _prop_tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """(synonyms, guesses) per component: the words above that name a prop it has and none of
    its own props' names."""
    synonyms: dict[str, dict[str, str]] = {}
    guesses: dict[str, dict[str, str]] = {}
    for c in COMPONENTS:
        same = dict(_SAME_PROP)
        like = dict(_LIKELY_PROP)
        if c.main in ("value", "label"):
            same.update(dict.fromkeys(_TEXT_SYNONYMS, c.main))
        if c.main == "value":
            same.update(_TEXT_STYLE)
        else:
            like.update(_TEXT_STYLE)
        if c.main is not None:
            like.update({w: c.main for w in _MAIN_GUESSES if w not in same})
        synonyms[c.name] = _fit(same, c.by_name)
        guesses[c.name] = {k: v for k, v in _fit(like, c.by_name).items() if k not in same}
    synonyms["Icon"]["icon"] = "name"
    guesses["Icon"].pop("icon", None)
    synonyms["Button"]["title"] = "label"
    guesses["Button"].pop("title", None)
    return synonyms, guesses


def _fit(words: dict[str, str], props: dict[str, Field]) -> dict[str, str]:
    return {k: v for k, v in words.items() if v in props and k not in props}


PROP_SYNONYMS, PROP_GUESSES = _prop_tables()
PROP_ALIASES: dict[str, dict[str, str]] = {
    c.name: {**PROP_SYNONYMS[c.name], **PROP_GUESSES[c.name]} for c in COMPONENTS
}

# -- tokens ------------------------------------------------------------------------------------

# Size words on any scale of the sizes below (TextSize, TitleSize, ControlSize, ...): the same
# step spelled out, a synonym where the scale has that step.
_SIZE_SYNONYMS = {
    "xsmall": "xs",
    "x-small": "xs",
    "extra-small": "xs",
    "small": "sm",
    "s": "sm",
    "medium": "md",
    "m": "md",
    "large": "lg",
    "l": "lg",
    "xlarge": "xl",
    "x-large": "xl",
    "extra-large": "xl",
    "xxl": "2xl",
    "xxxl": "3xl",
    "xxs": "2xs",
    "xxxs": "3xs",
}
# Size words for a step that depends on the reader (a "normal" size is each scale's default).
_SIZE_GUESSES = {
    "tiny": "xs",
    "normal": "md",
    "default": "md",
    "regular": "md",
    "base": "md",
    "big": "lg",
    "huge": "2xl",
}
# The size steps in order; a scale is a token list whose values are all steps.
_STEPS = ("3xs", "2xs", "xs", "sm", "md", "lg", "xl", *(f"{n}xl" for n in range(2, 10)))

TOKEN_SYNONYMS: dict[str, dict[str, str]] = {
    "ControlVariant": {
        "filled": "solid",
        "fill": "solid",
        "contained": "solid",
        "outlined": "outline",
        "bordered": "outline",
    },
    "BadgeVariant": {"filled": "solid", "fill": "solid", "outlined": "outline"},
    "InputVariant": {"outlined": "outline", "bordered": "outline"},
    "ButtonColor": {"error": "danger", "destructive": "danger"},
    "BadgeColor": {"error": "danger", "destructive": "danger"},
    "FontWeight": {
        "regular": "normal",
        "400": "normal",
        "500": "medium",
        "600": "semibold",
        "semi-bold": "semibold",
        "700": "bold",
    },
    "TextAlign": {"middle": "center"},
    "Alignment": {"flex-start": "start", "flex-end": "end", "middle": "center"},
    "Justification": {
        "space-between": "between",
        "space-around": "around",
        "space-evenly": "evenly",
        "flex-start": "start",
        "flex-end": "end",
    },
    "Direction": {"column": "col", "vertical": "col", "horizontal": "row"},
    "Wrap": {"no-wrap": "nowrap"},
    "ImageFit": {
        "object-cover": "cover",
        "object-contain": "contain",
        "object-fill": "fill",
        "stretch": "fill",
    },
    "ImagePosition": {
        "top-left": "top left",
        "top-right": "top right",
        "bottom-left": "bottom left",
        "bottom-right": "bottom right",
        "middle": "center",
        "centre": "center",
    },
    "InputType": {"phone": "tel", "numeric": "number"},
    "Handler": {"backend": "server", "frontend": "client", "browser": "client"},
    "LoadingBehavior": {"default": "auto"},  # docs-loading: auto is the default
    "RadiusValue": {"0": "none"},
}
TOKEN_GUESSES: dict[str, dict[str, str]] = {
    "ControlVariant": {
        "primary": "solid",
        "secondary": "soft",
        "subtle": "soft",
        "tonal": "soft",
        "text": "ghost",
        "link": "ghost",
        "plain": "ghost",
    },
    "BadgeVariant": {"subtle": "soft"},
    "InputVariant": {"filled": "soft"},
    "ButtonColor": {
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
    "FontWeight": {"light": "normal", "bolder": "bold", "heavy": "bold"},
    # left and right are start and end only in a left-to-right page
    "TextAlign": {"left": "start", "right": "end", "justify": "start"},
    # top is start only across a Row; across a Col it is nothing
    "Alignment": {"top": "start", "left": "start", "bottom": "end", "right": "end"},
    "Justification": {"left": "start", "right": "end", "top": "start", "bottom": "end"},
    "CellAlign": {"left": "start", "right": "end", "top": "start", "bottom": "end"},
    "Direction": {"column-reverse": "col", "row-reverse": "row"},  # the order is lost
    "Wrap": {"none": "nowrap", "true": "wrap", "false": "nowrap"},
    "ImageFit": {"crop": "cover", "fit": "contain"},
    "InputType": {"string": "text", "integer": "number"},
    "LoadingBehavior": {"spinner": "self", "whole": "container"},
    "Theme": {"night": "dark", "day": "light"},
    "RadiusValue": {"round": "full", "circle": "full", "pill": "full", "square": "none"},
}
TOKEN_ALIASES: dict[str, dict[str, str]] = {
    name: {**TOKEN_SYNONYMS.get(name, {}), **TOKEN_GUESSES.get(name, {})}
    for name in {**TOKEN_SYNONYMS, **TOKEN_GUESSES}
}


def _scale(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """The size steps of a token list, in order, if it is a size scale (CardSize's sm, md, lg)."""
    steps = tuple(v for v in _STEPS if v in values)
    return steps if len(steps) >= 3 else None


def _step(word: str, *, safe: bool) -> int | None:
    """Where a size word sits among the steps: `xs` 2, `6xl` 11, `xxl` 7 (as `2xl`)."""
    word = word.lower()
    word = _SIZE_SYNONYMS.get(word) or (None if safe else _SIZE_GUESSES.get(word)) or word
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


def component_alias(name: str, *, safe: bool = False) -> str | None:
    """The component `name` means (`Heading` -> `Title`), matched without regard to case;
    with `safe`, only a synonym (not `Link` -> `Button`)."""
    if name in BY_NAME:
        return None
    table = COMPONENT_SYNONYMS if safe else COMPONENT_ALIASES
    for word, real in table.items():
        if word.lower() == name.lower():
            return real
    for real in BY_NAME:  # `text` -> `Text`, `listview` -> `ListView`
        if real.lower() == name.lower():
            return real
    return None


def prop_alias(component: str, prop: str, *, safe: bool = False) -> str | None:
    """The prop of `component` that `prop` means (`Text` `content` -> `value`); with `safe`,
    only a synonym or another spelling (`maxlines`, `max_lines`), not `label` -> `ariaLabel`."""
    comp = BY_NAME.get(component)
    if comp is None or prop in comp.by_name:
        return None
    table = (PROP_SYNONYMS if safe else PROP_ALIASES).get(component, {})
    if prop in table:
        return table[prop]
    lower = {k.lower(): k for k in comp.by_name}
    return lower.get(prop.lower()) or lower.get(prop.replace("_", "").replace("-", "").lower())


def token_alias(tokens: str | Tokens, value: str, *, safe: bool = False) -> str | None:
    """The token of the list `tokens` (its name, or the list) that `value` means; on a size
    scale the nearest step (`6xl` on TitleSize -> `5xl`, the top of it). With `safe`, only a
    synonym or another spelling (`LG`, `medium` where the scale has `md`), never a nearest
    step."""
    t = TOKEN_LISTS.get(tokens) if isinstance(tokens, str) else tokens
    if t is None or value in t.values:
        return None
    table = (TOKEN_SYNONYMS if safe else TOKEN_ALIASES).get(t.name, {})
    word = value.strip()
    if word in t.values:
        return word
    if word in table:
        return table[word]
    if word.lower() in t.values:
        return word.lower()
    if word.lower() in table:
        return table[word.lower()]
    scale = _scale(t.values)
    step = _step(word, safe=safe) if scale else None
    if scale is None or step is None:
        return None
    if safe:
        return _STEPS[step] if _STEPS[step] in scale else None
    return min(scale, key=lambda v: (abs(_STEPS.index(v) - step), -_STEPS.index(v)))


def field_alias(field: Field, value: str, *, safe: bool = False) -> str | None:
    """A token alias for a prop whose type holds a token list (directly or in a union)."""
    for t in _options(field.type):
        if isinstance(t, Tokens):
            found = token_alias(t, value, safe=safe)
            if found is not None:
                return found
    return None


def _options(t: Type) -> list[Type]:
    return [o for u in t.options for o in _options(u)] if isinstance(t, Union) else [t]


# Icon names from other icon sets, and the built-in icon each means. All guesses: another set's
# glyph only looks like the built-in one, so repair leaves icon names for the reader.
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

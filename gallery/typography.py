"""Text components side by side: Text, Title, Caption, Markdown and their styles."""

from __future__ import annotations

from typing import get_args

from widgetkit import (
    Caption,
    CaptionSize,
    Card,
    Col,
    Divider,
    FontWeight,
    Markdown,
    Row,
    Spacer,
    Text,
    TextAlign,
    TextColorToken,
    TextSize,
    ThemeColor,
    Title,
    TitleSize,
    widget,
)
from widgetkit.handlers import ActionRouter

actions = ActionRouter()  # these widgets send no actions; kept so every module looks the same

# A colour that follows the theme: ChatKit picks one of the pair for light or dark mode.
BRAND: ThemeColor = {"light": "#4338CA", "dark": "#A5B4FC"}


@widget(
    samples={
        "short": {"sample": "The quick brown fox"},
        "long": {
            "sample": "A paragraph long enough to wrap, to show how maxLines clamps it and how "
            "truncate cuts a single line with an ellipsis instead of wrapping at all, which "
            "matters in narrow chat columns on phones."
        },
    },
    title="Text styles",
)
def text_styles(sample: str) -> Card:
    """Every Text size, weight, colour token and decoration, with the same sample text."""
    sizes = [
        Row(Caption(size, size="sm"), Spacer(), Text(sample, size=size, truncate=True))
        for size in get_args(TextSize)
    ]
    weights = [
        Text(f"{weight}: {sample}", weight=weight, truncate=True) for weight in get_args(FontWeight)
    ]
    colors = [
        Text(f"{color}: {sample}", color=color, truncate=True) for color in get_args(TextColorToken)
    ]
    aligns = [Text(align, textAlign=align) for align in get_args(TextAlign)]
    return Card(
        Title("Sizes", size="sm"),
        Col(*sizes, gap=1),
        Divider(),
        Title("Weights", size="sm"),
        Col(*weights, gap=1),
        Divider(),
        Title("Colours", size="sm"),
        Col(*colors, Text(f"theme pair: {sample}", color=BRAND), gap=1),
        Divider(),
        Title("Decoration and wrapping", size="sm"),
        Text(sample, italic=True),
        Text(sample, lineThrough=True, color="tertiary"),
        Text(sample, maxLines=2, minLines=2),
        Col(*aligns, gap=0),
        size="lg",
    )


@widget(
    samples={
        "heading": {"heading": "Quarterly review"},
        "long": {"heading": "A heading that goes on and on until it has to wrap or be cut short"},
    },
    title="Titles and captions",
)
def titles_and_captions(heading: str) -> Card:
    """Title in every size with a Caption beneath, then the caption sizes."""
    titles = [
        Col(Title(heading, size=size, maxLines=1), Caption(f"Title size {size}"), gap=0)
        for size in get_args(TitleSize)
    ]
    captions = [Caption(f"Caption {size}: {heading}", size=size) for size in get_args(CaptionSize)]
    return Card(
        *titles,
        Divider(flush=True),
        Col(*captions, Caption("weight bold, colour success", weight="bold", color="success")),
        size="lg",
    )


@widget(
    samples={
        "notes": {
            "source": "## Release notes\n\n- **Faster** checkout\n- Fixed a crash in `search`\n\n"
            "> Upgrade before Friday.\n\n[Read more](https://example.com/notes)"
        },
        "table": {
            "source": "| Plan | Seats | Price |\n|---|---:|---:|\n| Team | 10 | $99 |\n"
            "| Business | 50 | $399 |\n\n1. Pick a plan\n2. Invite your team"
        },
    },
    title="Markdown",
)
def markdown_block(source: str) -> Card:
    """Markdown: headings, lists, emphasis, code, quotes, links and tables."""
    return Card(Markdown(source), Divider(), Caption("Rendered by ChatKit's Markdown component"))

"""Where the catalog's behaviour comes from: each rule, default and runtime mark names one of these.

ChatKit's own docs win where they and the published types (`@openai/chatkit` `widgets.d.ts`,
openai-chatkit's `chatkit/widgets.py`) disagree; a rule with no source is a rule to delete.
`quote` is the sentence the rule rests on, as the source words it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    quote: str


_GUIDE = "https://openai.github.io/chatkit-python/guides/build-interactive-responses-with-widgets/"
_CONCEPTS = "https://openai.github.io/chatkit-python/concepts/widgets/"
_ACTIONS = "https://openai.github.io/chatkit-python/concepts/actions/"
_REFERENCE = "https://platform.openai.com/docs/guides/chatkit-widgets"
_JS_TYPES = "https://github.com/openai/chatkit-js/blob/main/packages/chatkit/types/widgets.d.ts"
_JS_INDEX = "https://github.com/openai/chatkit-js/blob/main/packages/chatkit/types/index.d.ts"
_PY_MODELS = "https://github.com/openai/chatkit-python/blob/main/chatkit/widgets.py"

SOURCES: dict[str, Source] = {
    # -- ChatKit's docs --------------------------------------------------------------------
    "docs-forms": Source(
        "ChatKit docs: Build interactive responses with widgets, Create custom forms",
        _GUIDE,
        "Wrap widgets that collect user input in a `Form` to have their values automatically "
        "injected into every action triggered inside that form. The form values arrive in the "
        "action payload, keyed by each field's `name`.",
    ),
    "docs-card-as-form": Source(
        "ChatKit docs: Treating Card as a Form",
        _GUIDE,
        "You can pass `asForm=True` to `Card` and it will behave as a `Form`, running validation "
        "and passing collected fields to the Card's `confirm` action.",
    ),
    "docs-form-validation": Source(
        "ChatKit docs: Create custom forms, Validation",
        _GUIDE,
        "`Form` uses basic native form validation; it enforces `required` and `pattern` on "
        "configured fields and blocks submission when any field is invalid.",
    ),
    "docs-payload-collision": Source(
        "ChatKit docs: Payload key collisions",
        _GUIDE,
        "If there is a naming collision with some other existing pre-defined key on your "
        "payload, the form value will be ignored.",
    ),
    "docs-handler": Source(
        "ChatKit docs: Actions, Widget actions",
        _ACTIONS,
        'By default actions are routed to the server, but you can set `handler: "client"` when '
        "you want to intercept the action in the browser first.",
    ),
    "docs-sync-actions": Source(
        "ChatKit docs: Actions, Sync server-handled actions",
        _ACTIONS,
        "Normally, widget actions are blocked while a thread is streaming a response. [...] set "
        '`streaming: "false"`, which delivers the action to `ChatKitServer.sync_action`.',
    ),
    "docs-loading": Source(
        "ChatKit docs: Control loading behavior",
        _GUIDE,
        "`auto`: The action will adapt to how it's being used. (_default_)",
    ),
    "docs-roots": Source(
        "ChatKit docs: Widgets, Containers",
        _CONCEPTS,
        "Every widget must be wrapped in a root-level container element. For single, "
        "self-contained content such as a summary, confirmation, or form, use `<Card>`. For a "
        "set of options (for example, restaurants or files), use `<ListView>`. Reserve `<Basic>` "
        "for entity previews.",
    ),
    "docs-containers": Source(
        "ChatKit docs: Widgets, Containers",
        _CONCEPTS,
        "Every widget must be wrapped in a root-level container element. [...] Children must be "
        "`<ListViewItem>`, and `<ListViewItem>` must only appear as a direct child of "
        "`<ListView>`. [...] Reserve `<Basic>` for entity previews.",
    ),
    "docs-text-streaming": Source(
        "ChatKit docs: Stream widget updates while text streams",
        _GUIDE,
        "Currently, only `<Text>` and `<Markdown>` components marked with an `id` have their text "
        "updates streamed.",
    ),
    "docs-card-size": Source(
        "ChatKit widgets reference (OpenAI platform docs), Card",
        _REFERENCE,
        'size: "sm" | "md" | "lg" | "full" (default: "md")',
    ),
    # -- the published types ---------------------------------------------------------------
    "js-types": Source(
        "ChatKit.js published widget types (@openai/chatkit 1.7, types/widgets.d.ts)",
        _JS_TYPES,
        "The props each component's type declares; a prop it lacks is one ChatKit.js does not "
        "promise to read.",
    ),
    "js-table": Source(
        "@openai/chatkit 1.7.0 changelog",
        "https://github.com/openai/chatkit-js/blob/main/packages/chatkit/CHANGELOG.md",
        "Add `border` prop to Card widgets. Add types for `Table`, `Table.Row`, and `Table.Cell` "
        "widget components.",
    ),
    "js-icons": Source(
        "ChatKit.js ChatKitIcon type (@openai/chatkit types/index.d.ts)",
        _JS_INDEX,
        "export type ChatKitIcon = 'agent' | ... | 'clock' | ... | LucideIcon; "
        "export type LucideIcon = `lucide:${string}`;",
    ),
    "js-roots": Source(
        "ChatKit.js published widget types: the roots and what holds them",
        _JS_TYPES,
        "export type WidgetRoot = Card | ListView | BasicRoot; [...] Card: children: "
        "WidgetComponent[]; [...] BasicRoot: children: (WidgetComponent | WidgetRoot)[]; "
        "(WidgetComponent lists no root; openai-chatkit's StrictWidgetComponent neither)",
    ),
    "js-action-config": Source(
        "ChatKit.js published ActionConfig type",
        _JS_TYPES,
        "type ActionConfig = { type: string; payload?: Record<string, unknown> };",
    ),
    "js-date": Source(
        "ChatKit.js DatePicker type, read by JavaScript's Date",
        _JS_TYPES,
        "defaultValue?: string; // ISO datetime (ECMAScript reads only its Date Time String "
        "Format: YYYY-MM-DD with an optional THH:mm[:ss[.sss]] and Z or ±HH:mm)",
    ),
    "py-models": Source(
        "openai-chatkit widget models (chatkit/widgets.py, 1.6.5)",
        _PY_MODELS,
        "The fields each pydantic model declares; pydantic drops a prop its model lacks "
        "(Card(border=1) serializes without border).",
    ),
    "py-transition": Source(
        "openai-chatkit Transition model",
        _PY_MODELS,
        "children: WidgetComponent | None  -- The child component to animate layout changes for.",
    ),
    "py-select-searchable": Source(
        "openai-chatkit Select model",
        _PY_MODELS,
        "searchable: Enables the search input. Defaults to enabling search when there are more "
        "than 15 options.",
    ),
    "py-icons": Source(
        "openai-chatkit icon names (chatkit/icons.py)",
        "https://github.com/openai/chatkit-python/blob/main/chatkit/icons.py",
        'IconName = Literal[...] | Annotated[str, "vendor:..."]: the vendor: prefix is '
        "openai-chatkit's alone; ChatKit.js types name no such prefix.",
    ),
    # -- evidence from the field -----------------------------------------------------------
    "charts-in-js": Source(
        "Charts drawn by ChatKit.js: Widget Studio previews Chart, and users report charts "
        "rendering in ChatKit.js (openai-chatkit-starter-app issue #29)",
        "https://github.com/openai/openai-chatkit-starter-app/issues/29",
        "Charts missing despite well formed JSON for the widget (a report about how ChatKit.js "
        "draws a Chart inside a Card, not that it lacks one).",
    ),
    "html-pattern": Source(
        "HTML Standard: the pattern attribute",
        "https://html.spec.whatwg.org/multipage/input.html#the-pattern-attribute",
        "If compiling the pattern with the v flag fails, the pattern is ignored: the browser "
        "checks nothing.",
    ),
    "react-keys": Source(
        "React: keys must be unique among siblings",
        "https://react.dev/learn/rendering-lists#rules-of-keys",
        "Keys must be unique among siblings. [...] ChatKit diffs widget updates by `key`.",
    ),
    "url-safety": Source(
        "widgetkit's own rule: a widget may come from a model, and a javascript: URL runs code",
        "https://html.spec.whatwg.org/multipage/browsing-the-web.html#javascript-protocol",
        "A javascript: URL runs its text as script in the page that follows it.",
    ),
    # -- what widgetkit's offline renderer draws, where no ChatKit source states a default ---
    "apps-sdk-ui": Source(
        "OpenAI's design system, @openai/apps-sdk-ui (the components ChatKit widgets are drawn "
        "with), @default annotations",
        "https://github.com/openai/apps-sdk-ui",
        "Badge: variant @default soft, size @default sm, color @default secondary. Button: "
        "variant @default solid, size @default md.",
    ),
    "renderer": Source(
        "widgetkit's offline renderer",
        "",
        "No ChatKit doc states this default; it is what the offline renderer draws when the "
        "prop is absent, chosen to match ChatKit Studio's previews.",
    ),
}

// What the offline renderer draws from: per component its defaults and the tokens of
// each prop that takes tokens; colour tokens by kind; ChatKit's icon names.
// Generated from widgetkit/catalog by `python -m widgetkit.codegen`; do not edit.
// Objects have no prototype, so a look-up by a widget-supplied name (a component type,
// an icon name, "constructor", "__proto__") finds only what the catalog holds.
const bare = (v) => Object.freeze(Array.isArray(v) ? v.map(bare)
  : v && typeof v === "object" ? Object.assign(Object.create(null), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bare(x)])))
  : v);

export const CATALOG = bare({
  "components": {
    "Card": {
      "defaults": {
        "size": "md"
      },
      "tokens": {
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
        "size": [ "sm", "md", "lg", "full" ],
        "theme": [ "light", "dark" ]
      }
    },
    "ListView": {
      "defaults": {},
      "tokens": {
        "limit": [ "auto" ],
        "theme": [ "light", "dark" ]
      }
    },
    "Basic": {
      "defaults": {
        "direction": "col"
      },
      "tokens": {
        "theme": [ "light", "dark" ],
        "direction": [ "row", "col" ],
        "align": [ "start", "center", "end", "baseline", "stretch" ],
        "justify": [ "start", "center", "end", "between", "around", "evenly", "stretch" ]
      }
    },
    "ListViewItem": {
      "defaults": {
        "gap": 3,
        "align": "center"
      },
      "tokens": {
        "align": [ "start", "center", "end", "baseline", "stretch" ]
      }
    },
    "Box": {
      "defaults": {
        "direction": "col"
      },
      "tokens": {
        "direction": [ "row", "col" ],
        "align": [ "start", "center", "end", "baseline", "stretch" ],
        "justify": [ "start", "center", "end", "between", "around", "evenly", "stretch" ],
        "wrap": [ "nowrap", "wrap", "wrap-reverse" ],
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
        "radius": [ "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none" ]
      }
    },
    "Row": {
      "defaults": {},
      "tokens": {
        "align": [ "start", "center", "end", "baseline", "stretch" ],
        "justify": [ "start", "center", "end", "between", "around", "evenly", "stretch" ],
        "wrap": [ "nowrap", "wrap", "wrap-reverse" ],
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
        "radius": [ "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none" ]
      }
    },
    "Col": {
      "defaults": {},
      "tokens": {
        "align": [ "start", "center", "end", "baseline", "stretch" ],
        "justify": [ "start", "center", "end", "between", "around", "evenly", "stretch" ],
        "wrap": [ "nowrap", "wrap", "wrap-reverse" ],
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
        "radius": [ "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none" ]
      }
    },
    "Form": {
      "defaults": {
        "direction": "col"
      },
      "tokens": {
        "direction": [ "row", "col" ],
        "align": [ "start", "center", "end", "baseline", "stretch" ],
        "justify": [ "start", "center", "end", "between", "around", "evenly", "stretch" ],
        "wrap": [ "nowrap", "wrap", "wrap-reverse" ],
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
        "radius": [ "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none" ]
      }
    },
    "Spacer": {
      "defaults": {},
      "tokens": {}
    },
    "Divider": {
      "defaults": {},
      "tokens": {
        "color": [ "default", "subtle", "strong" ]
      }
    },
    "Transition": {
      "defaults": {},
      "tokens": {}
    },
    "Text": {
      "defaults": {
        "size": "md"
      },
      "tokens": {
        "color": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ],
        "weight": [ "normal", "medium", "semibold", "bold" ],
        "textAlign": [ "start", "center", "end" ],
        "size": [ "xs", "sm", "md", "lg", "xl" ]
      }
    },
    "Title": {
      "defaults": {
        "size": "md"
      },
      "tokens": {
        "color": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ],
        "weight": [ "normal", "medium", "semibold", "bold" ],
        "textAlign": [ "start", "center", "end" ],
        "size": [ "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl" ]
      }
    },
    "Caption": {
      "defaults": {
        "size": "md"
      },
      "tokens": {
        "color": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ],
        "weight": [ "normal", "medium", "semibold", "bold" ],
        "textAlign": [ "start", "center", "end" ],
        "size": [ "sm", "md", "lg" ]
      }
    },
    "Markdown": {
      "defaults": {},
      "tokens": {}
    },
    "Label": {
      "defaults": {
        "size": "sm",
        "weight": "medium"
      },
      "tokens": {
        "size": [ "xs", "sm", "md", "lg", "xl" ],
        "weight": [ "normal", "medium", "semibold", "bold" ],
        "textAlign": [ "start", "center", "end" ],
        "color": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ]
      }
    },
    "Badge": {
      "defaults": {
        "color": "secondary",
        "variant": "soft",
        "size": "sm"
      },
      "tokens": {
        "color": [ "secondary", "success", "danger", "warning", "info", "discovery" ],
        "variant": [ "solid", "soft", "outline" ],
        "size": [ "sm", "md", "lg" ]
      }
    },
    "Icon": {
      "defaults": {
        "size": "md"
      },
      "tokens": {
        "color": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ],
        "size": [ "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ]
      }
    },
    "Image": {
      "defaults": {
        "fit": "cover"
      },
      "tokens": {
        "fit": [ "cover", "contain", "fill", "scale-down", "none" ],
        "position": [ "top left", "top", "top right", "left", "center", "right", "bottom left", "bottom", "bottom right" ],
        "radius": [ "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "full", "100%", "none" ],
        "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ]
      }
    },
    "Button": {
      "defaults": {
        "iconSize": "md",
        "color": "primary",
        "variant": "solid",
        "size": "md"
      },
      "tokens": {
        "style": [ "primary", "secondary" ],
        "iconSize": [ "sm", "md", "lg", "xl", "2xl" ],
        "color": [ "primary", "secondary", "info", "discovery", "success", "caution", "warning", "danger" ],
        "variant": [ "solid", "soft", "outline", "ghost" ],
        "size": [ "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ]
      }
    },
    "Input": {
      "defaults": {
        "inputType": "text",
        "variant": "outline",
        "size": "md"
      },
      "tokens": {
        "inputType": [ "number", "email", "text", "password", "tel", "url" ],
        "variant": [ "soft", "outline" ],
        "size": [ "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ],
        "gutterSize": [ "2xs", "xs", "sm", "md", "lg", "xl" ]
      }
    },
    "Textarea": {
      "defaults": {
        "variant": "outline",
        "size": "md"
      },
      "tokens": {
        "variant": [ "soft", "outline" ],
        "size": [ "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ],
        "gutterSize": [ "2xs", "xs", "sm", "md", "lg", "xl" ]
      }
    },
    "Select": {
      "defaults": {
        "variant": "outline",
        "size": "md"
      },
      "tokens": {
        "variant": [ "solid", "soft", "outline", "ghost" ],
        "size": [ "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ]
      }
    },
    "DatePicker": {
      "defaults": {
        "variant": "outline",
        "size": "md"
      },
      "tokens": {
        "variant": [ "solid", "soft", "outline", "ghost" ],
        "size": [ "3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl" ],
        "side": [ "top", "bottom", "left", "right" ],
        "align": [ "start", "center", "end" ]
      }
    },
    "Checkbox": {
      "defaults": {},
      "tokens": {}
    },
    "RadioGroup": {
      "defaults": {
        "direction": "col"
      },
      "tokens": {
        "direction": [ "row", "col" ]
      }
    },
    "Chart": {
      "defaults": {},
      "tokens": {}
    },
    "Table": {
      "defaults": {},
      "tokens": {}
    },
    "Table.Row": {
      "defaults": {},
      "tokens": {}
    },
    "Table.Cell": {
      "defaults": {},
      "tokens": {
        "align": [ "start", "center", "end" ],
        "vAlign": [ "start", "center", "end" ],
        "colSize": [ "xs", "sm", "md", "lg", "xl" ]
      }
    }
  },
  "colors": {
    "text": [ "prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger" ],
    "background": [ "surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary" ],
    "border": [ "default", "subtle", "strong" ],
    "chart": [ "blue", "purple", "orange", "green", "red", "yellow", "pink" ]
  },
  "icons": [ "agent", "analytics", "atom", "batch", "bolt", "book-open", "book-closed", "book-clock", "bug", "calendar", "chart", "check", "check-circle", "check-circle-filled", "chevron-left", "chevron-right", "circle-question", "clock", "compass", "confetti", "cube", "desktop", "document", "dot", "dots-horizontal", "dots-vertical", "empty-circle", "external-link", "globe", "keys", "lab", "images", "info", "lifesaver", "lightbulb", "mail", "map-pin", "maps", "mobile", "name", "notebook", "notebook-pencil", "page-blank", "phone", "play", "plus", "profile", "profile-card", "reload", "star", "star-filled", "search", "sparkle", "sparkle-double", "square-code", "square-image", "square-text", "suitcase", "settings-slider", "user", "wreath", "write", "write-alt", "write-alt2" ]
});
export const ICON_NAMES = CATALOG.icons;

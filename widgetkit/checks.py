"""Compiling the catalog's types into checking closures.

Each type of the catalog's little language (`catalog/types.py`) becomes, once per runtime, a
closure `check(value, path, out)` that appends diagnostics; the most common kinds also get a
`FAST_*` code that the validator's walk checks inline (see `validate.check_tree`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import webcolors

from .catalog import shapes as s
from .catalog.aliases import ICON_ALIASES, prop_alias, token_alias
from .catalog.types import (
    NUMBER,
    STR,
    ColorStr,
    Const,
    Field,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Runtime,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)
from .diagnostics import Diagnostic, Path, nearest, one_of, pointer, show
from .patterns import check_pattern

Out = list[Diagnostic]
Check = Callable[[Any, Path, Out], None]

_PRIMITIVE = re.compile(r"^[a-z]+-\d{1,3}$")
# CSS Color 4's colour functions (and var(), calc() for custom properties): a colour string goes
# to CSS as it is.
_CSS_FUNCTION = re.compile(
    r"^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark|device-cmyk|var|calc)"
    r"\(.*\)$",
    re.IGNORECASE | re.DOTALL,
)
# What a `background` adds: images (url(), image-set(), gradients), so also the shorthand that
# holds one (`center / cover no-repeat url(a.png)`).
_CSS_IMAGE = re.compile(
    r"(url|image-set|(repeating-)?(linear|radial|conic)-gradient|cross-fade|element)\(",
    re.IGNORECASE,
)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_HEX = re.compile(r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_CSS_KEYWORDS = frozenset(
    {"transparent", "currentcolor", "inherit", "initial", "unset", "revert", "revert-layer"}
)
# CSS Color 4's named colours: CSS3's 147 and rebeccapurple.
_CSS_NAMES = frozenset(webcolors.names("css3")) | {"rebeccapurple"}
# The Python types that are JSON (subclasses of them serialize as JSON too).
JSON_TYPES = (str, int, float, bool, type(None), dict, list)


def _kind(v: object) -> str:
    t = type(v)
    if t is bool:
        return "bool"
    if t is int:
        return "int"
    if t is float:
        return "float"
    if t is str:
        return "str"
    if t is dict:
        return "dict"
    if t is list:
        return "list"
    return "null" if v is None else "other"


def describe(t: Type) -> str:
    """How a message names what a type accepts."""
    match t:
        case Scalar("str"):
            return "a string"
        case Scalar("bool"):
            return "true or false"
        case Scalar("int"):
            return "an integer"
        case Scalar("number"):
            return "a number"
        case Scalar():
            return "any JSON value"
        case Tokens(name, values):
            return f"{_a(name)} ({', '.join(values)})"
        case Const(value):
            return show(value)
        case ColorStr(name):
            return f"{_a(name)} string"
        case IsoDate():
            return "an ISO 8601 date string"
        case IconRef():
            return "an icon name"
        case Regex():
            return "a regular expression string"
        case Union(options):
            return " or ".join(describe(o) for o in options)
        case ListOf(item):
            return f"a list of {describe(item)}"
        case MapOf():
            return "an object"
        case Shape(name) | Tagged(name):
            return f"{_a(name)} object"


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def _accepts(t: Type) -> frozenset[str]:
    """The JSON kinds a type can accept, so a union can dispatch on the value's kind."""
    match t:
        case Scalar("str") | Tokens() | ColorStr() | IsoDate() | IconRef() | Regex():
            return frozenset({"str"})
        case Scalar("bool"):
            return frozenset({"bool"})
        case Scalar("int"):
            return frozenset({"int", "float"})
        case Scalar("number"):
            return frozenset({"int", "float"})
        case Scalar():
            return frozenset({"bool", "int", "float", "str", "dict", "list", "null"})
        case Const(value):
            return frozenset({_kind(value)})
        case Union(options):
            return frozenset().union(*(_accepts(o) for o in options))
        case ListOf():
            return frozenset({"list"})
        case MapOf() | Shape() | Tagged():
            return frozenset({"dict"})


def _wrong_type(t: Type) -> Check:
    expected = describe(t)
    hint = f"use {expected}"
    if isinstance(t, MapOf) and t.why:
        hint = f"use a JSON object: {t.why}"
    if t is s.ActionConfig:
        hint = 'write an action object such as {"type": "submit_order", "payload": {...}}'

    def report(v: Any, path: Path, out: Out) -> None:
        if not isinstance(v, JSON_TYPES):
            out.append(not_json(path, v))
            return
        message = f"{show(v)} is not {expected}"
        fix = hint
        if type(v) is str and t is s.ActionConfig and v.strip():
            fix = f'write the action as an object: {{"type": {show(v.strip())}}}'
        out.append(Diagnostic(pointer(path), "error", "wrong-type", message, fix))

    return report


def not_json(path: Path, v: object) -> Diagnostic:
    """A Python value JSON cannot hold, named by its type alone (no user code runs)."""
    return Diagnostic(
        pointer(path),
        "error",
        "not-json",
        f"a Python {type(v).__name__} object is not a JSON value",
        "pass only JSON values: dicts, lists, strings, numbers, booleans and None",
    )


def _compile(t: Type, rt: Runtime | None) -> Check:
    wrong = _wrong_type(t)
    match t:
        case Scalar("any"):
            return lambda v, path, out: None
        case Scalar("str"):

            def check_str(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)

            return check_str
        case Scalar("bool"):

            def check_bool(v: Any, path: Path, out: Out) -> None:
                if type(v) is not bool:
                    wrong(v, path, out)

            return check_bool
        case Scalar("int"):

            def check_int(v: Any, path: Path, out: Out) -> None:
                if type(v) is not int and not (type(v) is float and v.is_integer()):
                    wrong(v, path, out)

            return check_int
        case Scalar("number"):

            def check_number(v: Any, path: Path, out: Out) -> None:
                if type(v) is float and not math.isfinite(v):
                    out.append(
                        Diagnostic(
                            pointer(path),
                            "error",
                            "not-finite",
                            f"{show(v)} is not a finite number, and JSON cannot carry it",
                            "use a finite number (NaN and Infinity make to_json() fail)",
                        )
                    )
                elif type(v) is not int and type(v) is not float:
                    wrong(v, path, out)

            return check_number
        case Tokens(name, values):
            t_tokens = t
            allowed = frozenset(values)
            hint = one_of(values)

            def check_tokens(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)
                elif v not in allowed:
                    close = token_alias(t_tokens, v) or nearest(v, values)
                    out.append(
                        Diagnostic(
                            pointer(path),
                            "error",
                            "bad-token",
                            f"{show(v)} is not {_a(name)} token",
                            (f'did you mean "{close}"? ' if close else "") + hint,
                        )
                    )

            return check_tokens
        case Const(value):

            def check_const(v: Any, path: Path, out: Out) -> None:
                if v != value or type(v) is not type(value):
                    wrong(v, path, out)

            return check_const
        case ColorStr(name, tokens, css):
            return _color_check(name, tokens, css, wrong)
        case IsoDate():
            return _date_check(wrong)
        case IconRef():
            return _icon_check(rt, wrong)
        case Regex():

            def check_regex(v: Any, path: Path, out: Out) -> None:
                if type(v) is not str:
                    wrong(v, path, out)
                else:
                    check_pattern(v, path, out)

            return check_regex
        case Union(options):
            return _union_check(options, rt, wrong)
        case ListOf(item):
            item_check = _compile(item, rt)

            def check_list(v: Any, path: Path, out: Out) -> None:
                if type(v) is not list:
                    wrong(v, path, out)
                    return
                for i, x in enumerate(v):
                    item_check(x, (path, i), out)

            return check_list
        case MapOf(value_type):
            value_check = _compile(value_type, rt)

            def check_map(v: Any, path: Path, out: Out) -> None:
                if type(v) is not dict:
                    wrong(v, path, out)
                else:
                    for k, x in v.items():
                        if type(k) is str:
                            value_check(x, (path, k), out)
                        else:
                            out.append(not_json((path, f"<{type(k).__name__} key>"), k))

            return check_map
        case Shape():
            return _shape_check(t, rt, wrong)
        case Tagged(name, key, variants):
            return _tagged_check(name, key, variants, rt, wrong)
    raise TypeError(f"no checker for {t!r}")  # pragma: no cover - the match is exhaustive


def _color_check(name: str, tokens: tuple[str, ...], css: str, wrong: Check) -> Check:
    allowed = frozenset(tokens)
    background = css == "background"

    def check_color(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
            return
        if v in allowed or _PRIMITIVE.match(v) or _HEX.match(v):
            return
        if background and _CSS_IMAGE.search(v):
            for url in _CSS_URL.finditer(v):
                if is_script_url(url.group(2)):
                    out.append(unsafe_url(path, v))
            return
        word = v.strip().lower()
        if _CSS_FUNCTION.match(word) or word in _CSS_NAMES or word in _CSS_KEYWORDS:
            return
        close = nearest(v, tokens)
        out.append(
            Diagnostic(
                pointer(path),
                "warning",
                "bad-color",
                f"{show(v)} is not a {name} token, a primitive like red-100, or a CSS colour",
                (f'did you mean "{close}"? ' if close else "") + one_of(tokens),
            )
        )

    return check_color


# The dates both runtimes read (js-date): ECMAScript's Date Time String Format, from a full date
# on (openai-chatkit's `datetime` needs the day): YYYY-MM-DD, then THH:mm[:ss[.sss]] and Z or an
# offset. Python alone would take `20250314` or week dates, which JavaScript's Date cannot read.
_JS_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?"
)


def iso_date(v: object) -> tuple[int, ...] | None:
    """A date string both runtimes read, as a comparable (y, m, d, h, min, s, µs); else None."""
    if type(v) is not str:
        return None
    m = _JS_DATE.fullmatch(v)
    if m is None:
        return None
    y, mo, d, h, mi, sec, frac, _ = m.groups()
    try:
        when = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0))
    except ValueError:  # 2025-02-30, 25:00
        return None
    micro = int((frac or "0").ljust(6, "0")[:6])
    return (when.year, when.month, when.day, when.hour, when.minute, when.second, micro)


def _date_check(wrong: Check) -> Check:
    def check_date(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
        elif iso_date(v) is None:
            out.append(
                Diagnostic(
                    pointer(path),
                    "error",
                    "bad-date",
                    f"{show(v)} is not a date ChatKit.js and openai-chatkit both read",
                    'write it like "2025-03-14" or "2025-03-14T09:30:00Z" (JavaScript\'s Date '
                    "reads no compact or week dates)",
                )
            )

    return check_date


def _icon_check(rt: Runtime | None, wrong: Check) -> Check:
    names = frozenset(s.ICONS)

    def check_icon(v: Any, path: Path, out: Out) -> None:
        if type(v) is not str:
            wrong(v, path, out)
        elif v in names:
            if rt == "js" and v in s.ICONS_PY_ONLY:
                out.append(drift(path, f'icon "{v}"', "js"))
        elif v.startswith(s.ICON_PREFIXES):
            prefix = v[: v.index(":") + 1]
            if rt is not None and rt not in s.ICON_PREFIX_RUNTIMES[prefix]:
                out.append(drift(path, f"the prefixed icon {show(v)}", rt))
        else:
            close = ICON_ALIASES.get(v.lower()) or nearest(v, s.ICONS)
            out.append(
                Diagnostic(
                    pointer(path),
                    "error",
                    "bad-token",
                    f"{show(v)} is not an icon name",
                    (f'did you mean "{close}"? ' if close else "")
                    + "use a built-in name (`widgetkit schema` lists them) or vendor:/lucide:",
                )
            )

    return check_icon


def _union_check(options: tuple[Type, ...], rt: Runtime | None, wrong: Check) -> Check:
    by_kind: dict[str, list[Check]] = {}
    for option in options:
        check = _compile(option, rt)
        for kind in _accepts(option):
            by_kind.setdefault(kind, []).append(check)

    def check_union(v: Any, path: Path, out: Out) -> None:
        candidates = by_kind.get(_kind(v))
        if not candidates:
            wrong(v, path, out)
        elif len(candidates) == 1:
            trial: Out = []
            candidates[0](v, path, trial)
            if len(trial) == 1 and trial[0].code == "wrong-type" and trial[0].path == pointer(path):
                wrong(v, path, out)  # name every option, not only the one of the same JSON kind
            else:
                out.extend(trial)
        else:
            best: Out | None = None
            for check in candidates:
                trial = []
                check(v, path, trial)
                if not any(d.severity == "error" for d in trial):
                    out.extend(trial)
                    return
                if best is None or len(trial) < len(best):
                    best = trial
            out.extend(best or ())

    return check_union


def drift(path: Path, what: str, rt: Runtime) -> Diagnostic:
    other = "openai-chatkit (Python)" if rt == "js" else "ChatKit.js"
    here = "ChatKit.js" if rt == "js" else "openai-chatkit (Python)"
    return Diagnostic(
        pointer(path),
        "warning",
        "runtime-drift",
        f"{what} is defined by {other} but not by {here}",
        f"drop it, or accept that {here} ignores or rejects it",
    )


def _field_checks(fields: tuple[Field, ...], rt: Runtime | None) -> dict[str, Check]:
    checks: dict[str, Check] = {}
    for f in fields:
        check = _compile(f.type, rt)
        if rt is not None and rt not in f.runtimes:
            check = _withdrift(check, f"prop {f.name!r}", rt)
        checks[f.name] = check
    return checks


def _withdrift(check: Check, what: str, rt: Runtime) -> Check:
    def drifting(v: Any, path: Path, out: Out) -> None:
        out.append(drift(path, what, rt))
        check(v, path, out)

    return drifting


# Fast paths: the walk checks these kinds inline and calls the full checker only to report.
FAST_CALL, FAST_STR, FAST_BOOL, FAST_TOKENS, FAST_NUMBER, FAST_ANY, FAST_NUMBER_OR_STR = range(7)
FAST_OBJECT = 7  # a JSON object (an action's payload): checked inline for being an object
FAST_MARK = 8  # a component's id or key: a string the tree rules need to see
_FAST_SCALARS = {"str": FAST_STR, "bool": FAST_BOOL, "number": FAST_NUMBER}
Entry = tuple[int, frozenset[str], Check]


def _fast(f: Field, check: Check, rt: Runtime | None) -> Entry:
    if rt is None or rt in f.runtimes:
        match f.type:
            case Scalar(kind) if kind in _FAST_SCALARS:
                return _FAST_SCALARS[kind], frozenset(), check
            case Tokens(_, values):
                return FAST_TOKENS, frozenset(values), check
            case IconRef():  # prefixed and runtime-specific names take the full check
                names = frozenset(s.ICONS) - (s.ICONS_PY_ONLY if rt == "js" else frozenset())
                return FAST_TOKENS, names, check
            case Union((ColorStr(_, tokens), Shape())):  # a colour: tokens are the common case
                return FAST_TOKENS, frozenset(tokens), check
            case Union(options) if all(o in (NUMBER, STR) for o in options):
                return FAST_NUMBER_OR_STR, frozenset(), check
            case MapOf(Scalar("any")):
                return FAST_OBJECT, frozenset(), check
    return FAST_CALL, frozenset(), check


def entries(fields: tuple[Field, ...], rt: Runtime | None) -> dict[str, Entry]:
    checks = _field_checks(fields, rt)
    return {f.name: _fast(f, checks[f.name], rt) for f in fields}


def _shape_check(shape: Shape, rt: Runtime | None, wrong: Check) -> Check:
    fields = entries(shape.fields, rt)
    required = tuple(f.name for f in shape.fields if f.required)

    def check_shape(v: Any, path: Path, out: Out) -> None:
        if type(v) is not dict:
            wrong(v, path, out)
            return
        for k, x in v.items():
            entry = fields.get(k)
            if entry is None:
                out.append(unknown_prop(path, k, shape.name, fields))
                continue
            if x is None:
                continue
            # The same inline fast paths as check_tree's prop loop (see there).
            fast, tokens, check = entry
            t = type(x)
            if fast == FAST_STR:
                ok = t is str
            elif fast == FAST_OBJECT:  # an object (an action's payload)
                ok = t is dict  # its values are the app's own JSON: not walked
            elif fast == FAST_TOKENS:
                ok = t is str and x in tokens
            elif fast == FAST_ANY:
                ok = True
            elif fast == FAST_BOOL:
                ok = t is bool
            elif fast == FAST_NUMBER:
                ok = t is int or (t is float and x - x == 0.0)  # x - x is NaN for NaN and ±inf
            elif fast == FAST_NUMBER_OR_STR:
                ok = t is str or t is int or (t is float and x - x == 0.0)
            else:
                ok = False
            if not ok:
                check(x, (path, k), out)
        for k in required:
            if v.get(k) is None:
                out.append(missing_prop(path, k, shape.name))

    return check_shape


def _tagged_check(
    name: str, key: str, variants: tuple[Shape, ...], rt: Runtime | None, wrong: Check
) -> Check:
    tags: dict[str, Check] = {}
    for variant in variants:
        tag = variant.by_name[key].type
        assert isinstance(tag, Const) and isinstance(tag.value, str)
        tags[tag.value] = _shape_check(variant, rt, wrong)

    def check_tagged(v: Any, path: Path, out: Out) -> None:
        if type(v) is not dict:
            wrong(v, path, out)
            return
        tag = v.get(key)
        check = tags.get(tag) if type(tag) is str else None
        if check is not None:
            check(v, path, out)
        elif tag is None:
            out.append(missing_prop(path, key, name))
        else:
            out.append(
                Diagnostic(
                    pointer((path, key)),
                    "error",
                    "bad-token",
                    f"{show(tag)} is not a {name} {key}",
                    one_of(tags),
                )
            )

    return check_tagged


def unknown_prop(path: Path, key: object, owner: str, known: dict[str, Any]) -> Diagnostic:
    if type(key) not in (str, int, float, bool, type(None)):
        return not_json((path, f"<{type(key).__name__} key>"), key)
    word = str(key)
    close = prop_alias(owner, word) or nearest(word, known)
    return Diagnostic(
        pointer((path, word)),
        "error",
        "unknown-prop",
        f"{owner} has no prop {show(key)}",
        f'did you mean "{close}"?' if close else "known props: " + ", ".join(known),
    )


def missing_prop(path: Path, key: str, owner: str) -> Diagnostic:
    return Diagnostic(
        pointer((path, key)),
        "error",
        "missing-prop",
        f"{owner} needs {key!r}",
        f"add {key!r}",
    )


def is_script_url(url: str) -> bool:
    """Whether following or loading `url` runs script (javascript:, vbscript:)."""
    # Browsers drop ASCII whitespace and control characters before reading a URL's scheme.
    cleaned = "".join(ch for ch in url[:64] if ch > " ").lower()
    return cleaned.startswith(("javascript:", "vbscript:"))


def unsafe_url(path: Path, url: str) -> Diagnostic:
    return Diagnostic(
        pointer(path),
        "error",
        "unsafe-url",
        f"{show(url)} holds a script URL: following or loading it would run code",
        "use an http(s) URL, a path, or a data: image",
    )

"""The catalog against the installed openai-chatkit models, so an SDK upgrade is noticed."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

import typing_extensions

from widgetkit.catalog import ALLOWED_CHILDREN, BY_NAME, COMPONENTS, FORM_CONTROLS, ROOTS
from widgetkit.catalog import shapes as s
from widgetkit.catalog.types import (
    ColorStr,
    Const,
    IconRef,
    IsoDate,
    ListOf,
    MapOf,
    Regex,
    Scalar,
    Shape,
    Tagged,
    Tokens,
    Type,
    Union,
)

# Where ChatKit's docs narrow what openai-chatkit's models take: an action's payload is an object
# (form values are merged into it; ChatKit.js types it `Record<string, unknown>`).
NARROWED = (".payload",)


def _chatkit_models() -> dict[str, type[Any]]:
    """Every strict component and root model openai-chatkit defines, by its `type` value."""
    from chatkit import widgets

    models: dict[str, type[Any]] = {}
    for union in (widgets.StrictWidgetComponent, widgets.StrictWidgetRoot):
        members = typing.get_args(typing.get_args(union)[0])
        for model in members:
            models[model.model_fields["type"].default] = model
    return models


def _options(t: Type) -> list[Type]:
    return [o for u in t.options for o in _options(u)] if isinstance(t, Union) else [t]


def _kinds(t: Type) -> set[str]:
    """The Python kinds a catalog type accepts."""
    match t:
        case Scalar("any"):
            return {"str", "int", "float", "bool", "list", "dict", "any"}
        case Scalar("number"):
            return {"int", "float"}
        case Scalar(kind):
            return {kind}
        case Tokens() | ColorStr() | IsoDate() | IconRef() | Regex():
            return {"str"}
        case Const(value):
            return {type(value).__name__}
        case Union(options):
            return set().union(*(_kinds(o) for o in options))
        case ListOf():
            return {"list"}
        case MapOf() | Shape() | Tagged():
            return {"dict"}
    raise AssertionError(t)


def _literals(t: Type) -> set[object]:
    """Every constant value a catalog type names (tokens, consts, icon names)."""
    found: set[object] = set()
    for o in _options(t):
        match o:
            case Tokens(_, values) | ColorStr(_, values):
                found |= set(values)
            case Const(value):
                found.add(value)
            case IconRef():
                found |= set(s.ICONS)
    return found


def _shapes(t: Type) -> list[Shape]:
    out: list[Shape] = []
    for o in _options(t):
        if isinstance(o, Shape):
            out.append(o)
        elif isinstance(o, Tagged):
            out.extend(o.variants)
    return out


def _keys(ann: Any) -> dict[str, Any]:
    """Field name -> annotation of a TypedDict or a pydantic model, forward references resolved."""
    hints = typing_extensions.get_type_hints(ann, include_extras=True)
    if typing_extensions.is_typeddict(ann):
        return hints
    return {n: hints[n] for n in ann.model_fields}


def _compare(ann: Any, t: Type, where: str, problems: list[str]) -> None:
    """Record in `problems` what the Python annotation accepts that the catalog type does not."""
    origin, args = typing.get_origin(ann), typing.get_args(ann)
    if origin in (typing.Annotated, typing.NotRequired, typing.Required):
        _compare(args[0], t, where, problems)
    elif origin in (typing.Union, types.UnionType):
        for arm in args:
            if arm is not type(None):
                _compare(arm, t, where, problems)
    elif origin is typing.Literal:
        missing = [v for v in args if v not in _literals(t)]
        if missing:
            problems.append(f"{where}: literal values {missing} missing from the catalog")
    elif origin is list:
        items = [o for o in _options(t) if isinstance(o, ListOf)]
        if not items:
            problems.append(f"{where}: a list in openai-chatkit, not in the catalog")
        for o in items:
            _compare(args[0], o.item, f"{where}[]", problems)
    elif origin is dict:
        maps = [o for o in _options(t) if isinstance(o, MapOf)]
        if not maps:
            problems.append(f"{where}: a dict in openai-chatkit, not in the catalog")
        for o in maps:
            _compare(args[1], o.value, f"{where}{{}}", problems)
    elif typing_extensions.is_typeddict(ann) or hasattr(ann, "model_fields"):
        _compare_object(ann, t, where, problems)
    else:
        kind = {str: "str", int: "int", float: "float", bool: "bool", dt.datetime: "str"}.get(ann)
        if ann is Any:
            kind = "any"
        if kind is None:
            problems.append(f"{where}: no rule for the annotation {ann!r}")
        elif kind not in _kinds(t) and not (kind == "int" and "float" in _kinds(t)):
            if not (kind == "any" and where.endswith(NARROWED)):
                problems.append(f"{where}: openai-chatkit takes {kind}, the catalog {_kinds(t)}")


def _compare_object(ann: Any, t: Type, where: str, problems: list[str]) -> None:
    keys = _keys(ann)
    candidates = _shapes(t)
    if not candidates:
        problems.append(f"{where}: {ann.__name__} is an object in openai-chatkit only")
        return
    best: list[str] | None = None
    for shape in candidates:  # a Tagged union or a merged status: any shape that fits
        trial = [
            f"{where}.{k}: field of {ann.__name__} missing from catalog {shape.name}"
            for k in keys
            if k not in shape.by_name
        ]
        for k, sub in keys.items():
            if k in shape.by_name:
                _compare(sub, shape.by_name[k].type, f"{where}.{k}", trial)
        if not trial:
            return
        if best is None or len(trial) < len(best):
            best = trial
    problems.extend(best or ())


def test_every_openai_chatkit_component_and_prop_is_in_the_catalog() -> None:
    problems: list[str] = []
    for name, model in _chatkit_models().items():
        comp = BY_NAME.get(name)
        if comp is None:
            problems.append(f"{name}: an openai-chatkit component missing from the catalog")
            continue
        if "python" not in comp.runtimes:
            problems.append(f"{name}: defined by openai-chatkit but not marked as python")
        for prop, ann in _keys(model).items():
            where = f"{name}.{prop}"
            if prop == "type":
                continue
            if prop == "children":
                if comp.children is None:
                    problems.append(f"{where}: openai-chatkit allows children, the catalog not")
                continue
            field = comp.by_name.get(prop)
            if field is None:
                problems.append(f"{where}: missing from the catalog")
                continue
            if "python" not in field.runtimes:
                problems.append(f"{where}: defined by openai-chatkit but not marked as python")
            _compare(ann, field.type, where, problems)
    assert problems == []


def test_catalog_props_marked_python_exist_in_openai_chatkit() -> None:
    """The other direction: pydantic drops a prop its model lacks, so a python mark must hold."""
    problems: list[str] = []
    models = _chatkit_models()
    for comp in COMPONENTS:
        model = models.get(comp.name)
        if "python" not in comp.runtimes:
            if model is not None:
                problems.append(f"{comp.name}: openai-chatkit defines it, marked js-only")
            continue
        if model is None:
            problems.append(f"{comp.name}: marked python, openai-chatkit has no such model")
            continue
        if model.model_config.get("extra") == "allow":
            continue  # Basic: openai-chatkit keeps every prop it does not declare
        for field in comp.props:
            if "python" in field.runtimes and field.name not in model.model_fields:
                problems.append(f"{comp.name}.{field.name}: marked python, not in openai-chatkit")
    assert problems == []


def test_every_openai_chatkit_icon_is_in_the_catalog() -> None:
    from chatkit.icons import IconName

    names = {v for arm in typing.get_args(IconName) for v in typing.get_args(arm)}
    literal = {v for v in names if isinstance(v, str)}
    assert literal - set(s.ICONS) == set()
    assert s.ICONS_PY_ONLY <= literal


def test_every_action_config_field_is_in_the_catalog() -> None:
    from chatkit.actions import ActionConfig

    problems: list[str] = []
    _compare(ActionConfig, s.ActionConfig, "ActionConfig", problems)
    assert problems == []


def test_the_cross_check_notices_a_missing_prop_and_a_missing_token() -> None:
    problems: list[str] = []
    _compare(typing.Literal["sm", "huge"], s.TitleSize, "Title.size", problems)
    _compare(s_typed_dict(), s.ThemeColor, "ThemeColor", problems)
    assert problems == [
        "Title.size: literal values ['huge'] missing from the catalog",
        "ThemeColor.extra: field of Probe missing from catalog ThemeColor",
    ]


def s_typed_dict() -> Any:
    return typing.TypedDict("Probe", {"light": str, "dark": str, "extra": str})


# -- the catalog on its own --------------------------------------------------------------------


def test_every_component_names_its_main_prop_and_required_props_exist() -> None:
    for comp in COMPONENTS:
        if comp.main is not None:
            assert comp.main in comp.by_name, comp.name
            assert comp.children is None, comp.name
        assert len(comp.by_name) == len(comp.props), f"{comp.name} lists a prop twice"
        assert comp.doc.endswith("."), comp.name
        assert all(f.doc for f in comp.props), comp.name


def test_roots_children_and_form_controls() -> None:
    assert ROOTS == {"Card", "ListView", "Basic"}
    assert "ListViewItem" not in ALLOWED_CHILDREN["component"]
    assert ROOTS <= ALLOWED_CHILDREN["component-or-root"]
    assert FORM_CONTROLS == {"Input", "Textarea", "Select", "DatePicker", "Checkbox", "RadioGroup"}
    assert BY_NAME["Transition"].children is not None and BY_NAME["Transition"].children.single

"""A `.widget` file is shared like a document: rendering one must never run code.

openai-chatkit renders templates in a plain jinja2 `Environment`, where an expression can climb
from any object to Python's globals. widgetkit renders in jinja2's immutable sandbox; each payload
below is a known template-injection route, and each must be refused with a clear message while
nothing it tries happens.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from widgetkit import validate
from widgetkit.templates import TemplateError, load_widget, render_template

# Each payload tries to create a marker file (or read os.environ) through a different route.
MARKER = "WIDGETKIT_PWNED"
INJECTIONS = {
    "cycler globals": "{{ cycler.__init__.__globals__.os.system('touch " + MARKER + "') }}",
    "joiner globals": "{{ joiner.__init__.__globals__.os.system('touch " + MARKER + "') }}",
    "namespace globals": "{{ namespace.__init__.__globals__.os.system('touch " + MARKER + "') }}",
    "lipsum globals": "{{ lipsum.__globals__['os'].system('touch " + MARKER + "') }}",
    "range subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attr filter": "{{ (cycler|attr('__init__')|attr('__globals__'))['os'].environ }}",
    "self module": "{{ self.__init__.__globals__.__builtins__.__import__('os').getcwd() }}",
    "format string": "{{ '{0.__class__.__mro__}'.format('') }}",
    "format_map": "{{ '{x.__class__}'.format_map({'x': ''}) }}",
    "func globals": "{{ cycler.reset.__globals__ }}",
    "request-ish mro": "{{ ().__class__.__base__.__subclasses__() }}",
}


def wrap(expr: str) -> str:
    return '{"type": "Card", "children": [{"type": "Text", "value": ' + expr + "}]}"


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_injection_is_refused(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TemplateError) as caught:
        render_template(wrap(INJECTIONS[name]), {}, label="evil.widget")
    (diag,) = caught.value.diagnostics
    assert diag.code == "template-unsafe"
    assert "sandbox" in diag.message
    assert "evil.widget" in str(caught.value)
    assert not (tmp_path / MARKER).exists()


def test_validate_of_a_hostile_file_reports_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `widgetkit validate` once reported 0 errors for such a file after running its code.
    monkeypatch.chdir(tmp_path)
    doc = {
        "version": "1.0",
        "name": "evil",
        "template": wrap(INJECTIONS["cycler globals"]),
        "jsonSchema": {},
        "outputJsonPreview": {"type": "Card", "children": []},
    }
    path = tmp_path / "evil.widget"
    path.write_text(json.dumps(doc))
    with pytest.raises(TemplateError) as caught:
        load_widget(path).render({})
    assert caught.value.diagnostics[0].code == "template-unsafe"
    assert not (tmp_path / MARKER).exists()


def test_a_template_changes_nothing_its_caller_holds() -> None:
    # Real exports append to lists they made (`ns.children.append(x)`), so mutation stays
    # allowed; each render works on its own copy of the data.
    data = {"rows": [{"name": "ada"}]}
    template = '{%- set _ = rows.append({"name": "eve"}) -%}' + wrap(
        "{{ (rows | length) | tojson }}"
    )
    assert render_template(template, data)["children"][0]["value"] == 2
    assert data == {"rows": [{"name": "ada"}]}


def test_ordinary_templates_render_as_before() -> None:
    # Loops, namespaces, filters and method calls that only read stay allowed.
    template = """
    {%- set ns = namespace(items=[]) -%}
    {%- for x in rows -%}{%- set ns.items = ns.items + [x.name | upper] -%}{%- endfor -%}
    {"type": "Card", "children": [
      {%- for name in ns.items -%}
        {"type": "Text", "value": {{ (name ~ " " ~ loop.index0 ~ " " ~ ("a,b".split(",") | join("+"))) | tojson }}}
        {%- if not loop.last %},{% endif -%}
      {%- endfor -%}
    ]}"""
    out = render_template(template, {"rows": [{"name": "ada"}, {"name": "lin"}]})
    assert out == {
        "type": "Card",
        "children": [
            {"type": "Text", "value": "ADA 0 a+b"},
            {"type": "Text", "value": "LIN 1 a+b"},
        ],
    }
    assert validate(out) == []

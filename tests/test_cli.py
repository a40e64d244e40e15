"""`widgetkit validate`: what it finds, how it reports, how it exits, and what it never imports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from widgetkit.cli import main

BUILDERS = textwrap.dedent(
    """
    from widgetkit import Badge, Card, Text, Title, widget

    @widget(samples={"paid": {"paid": True}, "due": {"paid": False}})
    def status(paid: bool) -> Card:
        return Card(Title("Order"), Badge("Paid" if paid else "Due"))

    @widget(samples={"one": {}})
    def broken() -> Card:
        return Card(
            Title("x", size="6xl"),
        )
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "cards.py").write_text(BUILDERS)
    (tmp_path / "good.json").write_text(json.dumps({"type": "Card", "children": []}))
    (tmp_path / "bad.json").write_text(
        json.dumps({"type": "Card", "children": [{"type": "Txt", "value": "hi"}]})
    )
    (tmp_path / "package.json").write_text(json.dumps({"name": "not a widget"}))
    return tmp_path


def test_a_folder_is_checked_builder_by_state_and_file_by_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"{project / 'bad.json'}: /children/0/type: error: "
        '"Txt" is not a ChatKit component (did you mean "Text"?)'
    ) in out
    # A builder error names the builder, its state and the call that failed; paths are inside it.
    # The file:line is the line of the call that failed.
    [bad_title] = [line for line in out if "broken[one]" in line]
    line = next(i for i, x in enumerate(BUILDERS.splitlines(), 1) if 'size="6xl"' in x)
    assert bad_title.startswith(
        f"{project / 'cards.py'}:{line}: broken[one] Title(…): /size: error:"
    )
    assert '"6xl" is not a TitleSize token' in bad_title
    # status[paid], status[due], broken[one], good.json, bad.json; package.json is not a widget
    assert out[-1] == "4 widgets, 5 states checked: 2 errors, 0 warnings"


def test_clean_widgets_exit_zero(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(project / "good.json")]) == 0
    assert capsys.readouterr().out.strip() == "1 widget, 1 state checked: 0 errors, 0 warnings"


def test_json_format_lists_every_diagnostic(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(project), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["checked"], report["errors"], report["warnings"]) == (5, 2, 0)
    codes = {(Path(d["file"]).name, d["path"], d["code"]) for d in report["diagnostics"]}
    assert codes == {
        ("bad.json", "/children/0/type", "unknown-component"),
        ("cards.py", "/size", "bad-token"),
    }


def test_github_format_annotates_the_line_that_raised(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["validate", str(project / "cards.py"), "--format", "github"])
    [annotation] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("::")]
    # the line of the call that raised, not the builder's def line
    line = next(i for i, x in enumerate(BUILDERS.splitlines(), 1) if 'size="6xl"' in x)
    assert annotation.startswith(f"::error file={project / 'cards.py'},line={line},")
    assert "title=widgetkit bad-token::/size:" in annotation


def test_runtime_js_warns_about_python_only_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = {
        "type": "Card",
        "children": [{"type": "Image", "src": "a.png", "alt": "", "flex": 1}],
    }
    (tmp_path / "image.json").write_text(json.dumps(image))
    assert main(["validate", str(tmp_path), "--runtime", "js"]) == 0
    out = capsys.readouterr().out
    assert "/children/0/flex: warning: prop 'flex' is defined by openai-chatkit" in out
    assert main(["validate", str(tmp_path), "--runtime", "js", "--strict"]) == 1


def test_nothing_found_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    assert "no widgets found" in capsys.readouterr().err


def test_validate_never_imports_the_chatkit_server(project: Path) -> None:
    # openai-chatkit's server module pulls in the Agents SDK and takes seconds to import.
    probe = (
        "import sys; from widgetkit.cli import main; "
        f"main(['validate', {str(project)!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith(('chatkit.server', 'agents'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "[]"

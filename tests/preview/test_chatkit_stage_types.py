"""The ChatKit.js glue (preview/static/chatkit-stage.js) under TypeScript, against @openai/chatkit's
published types. scripts/test runs `tsc -p .` over it; this shows that check has teeth: each
mutation below is a mistake ChatKit.js itself would only report once a user with a network loaded
the page (an option misspelt or mis-shaped, a method or an event it does not have), and tsc must
reject every one, while the file as it stands passes under the same settings."""

from __future__ import annotations

import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / "preview" / "static" / "chatkit-stage.js"
TSC = ROOT / "node_modules" / ".bin" / "tsc"
CHATKIT_TYPES = ROOT / "node_modules" / "@openai" / "chatkit" / "types"

# (what it gets wrong, the text in chatkit-stage.js, the mistake, what tsc must say about it)
MUTATIONS = [
    (
        "an option's name",
        "initialThread: threadId,",
        "initialThreadId: threadId,",
        "'initialThreadId' does not exist in type 'ChatKitOptions'",
    ),
    (
        "an api option's name",
        "api: { url, domainKey,",
        "api: { url, domain_key: domainKey,",
        "'domain_key' does not exist in type 'CustomApiConfig | HostedApiConfig'",
    ),
    (
        "an option's value",
        "theme: { colorScheme: this.page.theme }",
        'theme: { colorScheme: "dim" }',
        "Type '\"dim\"' is not assignable to type 'ColorScheme | undefined'",
    ),
    (
        "an option's shape",
        "history: { enabled: false }",
        "history: false",
        "Type 'false' has no properties in common with type 'HistoryOption'",
    ),
    (
        "the widget action callback's name",
        "widgets: { onAction:",
        "widgets: { onWidgetAction:",
        "'onWidgetAction' does not exist in type 'WidgetsOption'",
    ),
    (
        "api.fetch's shape",
        "fetch: (input, init) => fetch(input, init)",
        "fetch: (input, init) => input",
        "is not assignable to type 'Promise<Response>'",
    ),
    (
        "a method of the element",
        "this.ck.setThreadId(threadId)",
        "this.ck.setThread(threadId)",
        "Property 'setThread' does not exist on type 'OpenAIChatKit'",
    ),
    (
        "an event's name",
        '"chatkit.response.end": (stage)',
        '"chatkit.response.ended": (stage)',
        "'\"chatkit.response.ended\"' does not exist",
    ),
    (
        "an event's detail",
        '"chatkit.thread.change": (stage, { threadId })',
        '"chatkit.thread.change": (stage, { thread })',
        "Property 'thread' does not exist on type '{ threadId: string | null; }'",
    ),
]

ERROR = re.compile(r"^(?P<file>.+?)\(\d+,\d+\): error TS\d+: (?P<message>.*)$")


def _tsc(tmp_path: Path, sources: dict[str, str]) -> dict[str, list[str]]:
    """Type-checks each source (by file name) with the project's tsconfig; errors by file name."""
    if not TSC.exists() or not CHATKIT_TYPES.is_dir():
        pytest.fail(
            "node_modules lacks typescript or @openai/chatkit (package.json's devDependencies); "
            "run scripts/setup --dev"
        )
    for name, text in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    config = {
        "extends": str(ROOT / "tsconfig.json"),
        "compilerOptions": {"paths": {"@openai/chatkit": [str(CHATKIT_TYPES / "index.d.ts")]}},
        "files": [*sources, str(CHATKIT_TYPES / "dom-augment.d.ts")],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [str(TSC), "-p", str(tmp_path), "--pretty", "false"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors: dict[str, list[str]] = defaultdict(list)
    for line in done.stdout.splitlines():
        hit = ERROR.match(line)
        if hit:
            errors[Path(hit["file"]).name].append(hit["message"])
        elif line.startswith(" ") and errors:  # a long message goes on over indented lines
            last = next(reversed(errors.values()))
            last[-1] += " " + line.strip()
    assert done.returncode == (1 if errors else 0), done.stdout + done.stderr
    return errors


def test_tsc_rejects_each_mistake_in_the_chatkit_glue(tmp_path: Path) -> None:
    source = STAGE.read_text(encoding="utf-8")
    sources = {"as-is.js": source}
    for n, (_, text, mistake, _) in enumerate(MUTATIONS):
        assert source.count(text) == 1, (
            f"chatkit-stage.js no longer says {text!r}: update MUTATIONS"
        )
        sources[f"mutation-{n}.js"] = source.replace(text, mistake)
    errors = _tsc(tmp_path, sources)
    assert errors.get("as-is.js", []) == []
    for n, (what, _, _, expected) in enumerate(MUTATIONS):
        found = errors.get(f"mutation-{n}.js", [])
        assert any(expected in message for message in found), (what, found)

"""Build the preview's browser files from npm packages: widgetkit's one build step.

npm runs here and nowhere else: when a wheel or an sdist is built (this module is the project's
PEP 517 build backend, setuptools' own with this step first) and when a contributor runs
`scripts/setup` (which runs `python scripts/build_assets.py`). What it makes lands in
`preview/static/vendor/`, git-ignored, which the sdist and the wheel carry; so `pip install` and
`widgetkit preview` never need node.

1. `npm ci` installs what package-lock.json pins into node_modules/ at the repository's top.
2. `npm run build`, when package.json defines it, runs the tools whose output is made rather
   than copied; they write into preview/static/vendor/. Today: scripts/design_system.mjs, which
   compiles @openai/apps-sdk-ui's Tailwind source and takes its icons (vendor/apps-sdk-ui/).
3. Each file in VENDOR is copied from node_modules/<package>/ to vendor/<package>/, beside
   the package's licence.
4. vendor/build.json records a hash of INPUTS. While it matches, the step does nothing: that is
   how an sdist (which holds vendor/ and the inputs) builds into a wheel with no npm.

To add a browser module: `npm install --save-exact NAME`, then list the files or folders the
renderer loads (and the licence) in VENDOR. A tool's input file (a stylesheet to compile, say)
goes in INPUTS.

Contributors' tools (TypeScript and @openai/chatkit's types, for the type check scripts/test runs)
are package.json devDependencies: `npm ci` installs them beside the rest, and nothing of them
reaches vendor/ (only VENDOR's files do), so the sdist and wheel stay as they were.
`python scripts/build_assets.py --dev` (scripts/setup --dev) also makes sure node_modules/ holds
what the lock pins, which the vendor/ stamp alone does not promise (node_modules/ may be gone).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "preview" / "static" / "vendor"
STAMP = VENDOR_DIR / "build.json"
# What `npm ci` last installed into node_modules/: a hash of package-lock.json.
INSTALLED = ROOT / "node_modules" / ".widgetkit-installed"

# npm package -> the files (or folders) the renderer loads from it, and its licence. They are
# served as /static/vendor/<package>/<file or folder name>.
VENDOR: dict[str, list[str]] = {
    "marked": ["lib/marked.esm.js", "LICENSE"],
    "dompurify": ["dist/purify.es.mjs", "LICENSE", "LICENSE-MPL"],
    "chart.js": ["dist/chart.umd.min.js", "LICENSE.md"],
    "@fontsource/inter": [
        *(f"files/inter-latin-{weight}-normal.woff2" for weight in (400, 500, 600, 700)),
        "LICENSE",
    ],
}

# The files whose content decides what the build makes (paths from the repository's top).
INPUTS = [
    "package.json",
    "package-lock.json",
    "scripts/build_assets.py",
    # `npm run build`: OpenAI's design system into vendor/apps-sdk-ui/, for the catalog's icons.
    "scripts/design_system.mjs",
    "preview/static/catalog.js",
]


class BuildError(Exception):
    """The browser files could not be built; the message says what to do."""


def build() -> bool:
    """Make preview/static/vendor/ current; returns False when it already was."""
    digest = inputs_digest()
    if is_current(digest):
        return False
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            f"{VENDOR_DIR.relative_to(ROOT)} is missing or older than {', '.join(INPUTS)}, and "
            "building it needs npm (Node.js), which is not on PATH. Install Node.js, or build "
            "from widgetkit's sdist, which carries the built files."
        )
    _install(npm)
    shutil.rmtree(VENDOR_DIR, ignore_errors=True)
    VENDOR_DIR.mkdir(parents=True)
    _npm(npm, "run", "--if-present", "build")
    for package, paths in VENDOR.items():
        for path in paths:
            source = ROOT / "node_modules" / package / path
            target = VENDOR_DIR / package / Path(path).name
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            elif source.is_file():
                shutil.copyfile(source, target)
            else:
                raise BuildError(
                    f"node_modules/{package}/{path} is not in the installed package; "
                    "correct VENDOR in scripts/build_assets.py."
                )
    files = sorted(str(p.relative_to(VENDOR_DIR)) for p in VENDOR_DIR.rglob("*") if p.is_file())
    # Written last: a build that stopped half-way leaves no stamp and runs again.
    STAMP.write_text(json.dumps({"inputs": digest, "files": files}, indent=2) + "\n")
    return True


def install_dev_tools() -> bool:
    """Make node_modules/ hold what package-lock.json pins, devDependencies included (the
    contributors' tools); returns False when it already did."""
    if _installed_current():
        return False
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            "node_modules/ does not hold what package-lock.json pins (the contributors' tools, "
            "such as TypeScript), and installing it needs npm (Node.js), which is not on PATH."
        )
    _install(npm)
    return True


def _lock_digest() -> str:
    return hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()


def _installed_current() -> bool:
    try:
        return INSTALLED.read_text().strip() == _lock_digest()
    except OSError:
        return False


def _install(npm: str) -> None:
    # --include=dev: the devDependencies too, even where npm is configured to leave them out.
    _npm(npm, "ci", "--include=dev", "--no-audit", "--no-fund", "--loglevel=error")
    INSTALLED.write_text(_lock_digest() + "\n")


def inputs_digest() -> str:
    h = hashlib.sha256()
    for name in INPUTS:
        h.update(name.encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return h.hexdigest()


def is_current(digest: str) -> bool:
    try:
        stamp = json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("inputs") == digest and all(
        (VENDOR_DIR / f).is_file() for f in stamp.get("files", [])
    )


def _npm(npm: str, *args: str) -> None:
    print(f"build_assets: npm {' '.join(args)}", file=sys.stderr, flush=True)
    done = subprocess.run([npm, *args], cwd=ROOT, check=False)
    if done.returncode != 0:
        raise BuildError(f"`npm {' '.join(args)}` failed (exit {done.returncode}); see above.")


# PEP 517: build_sdist, build_wheel and build_editable build the browser files first; the other
# hooks are setuptools' own, imported on first use so that running this file needs no setuptools.


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    from setuptools import build_meta

    build()
    return str(build_meta.build_sdist(sdist_directory, config_settings))


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    from setuptools import build_meta

    build()
    return str(build_meta.build_wheel(wheel_directory, config_settings, metadata_directory))


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    from setuptools import build_meta

    build()
    return str(build_meta.build_editable(wheel_directory, config_settings, metadata_directory))


_SETUPTOOLS_HOOKS = {
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
}


def __getattr__(name: str) -> Any:
    if name in _SETUPTOOLS_HOOKS:
        from setuptools import build_meta

        return getattr(build_meta, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str]) -> int:
    dev = argv == ["--dev"]
    if argv and not dev:
        print("usage: build_assets.py [--dev]", file=sys.stderr)
        return 2
    try:
        built = build()
        if dev and install_dev_tools():
            print("build_assets: node_modules installed from the lock", file=sys.stderr)
    except BuildError as exc:
        print(f"build_assets: {exc}", file=sys.stderr)
        return 1
    where = VENDOR_DIR.relative_to(ROOT)
    print(f"build_assets: {where} {'built' if built else 'is up to date'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

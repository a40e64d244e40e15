"""`widgetkit preview [PATH ...]`: serve the widgets under PATH (default: the gallery) in a browser.

Only Starlette, uvicorn, jinja2 and widgetkit's own modules load before the first request is
served; openai-chatkit's server module loads in the background (see preview/app.py).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import sys
import threading
import time
import webbrowser
from pathlib import Path

from .app import DEFAULT_DOMAIN_KEY, RENDERERS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: gallery)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: loopback)")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests for this Host name (e.g. a LAN name with --host 0.0.0.0)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument(
        "--renderer",
        choices=RENDERERS,
        default="auto",
        help="ChatKit.js from OpenAI's CDN, the offline renderer, or ChatKit.js falling back",
    )
    parser.add_argument("--no-browser", action="store_true", help="don't open a browser")
    parser.add_argument(
        "--domain-key",
        default=DEFAULT_DOMAIN_KEY,
        help="ChatKit.js domain key (default: the localhost placeholder)",
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"widgetkit preview: {missing[0]} does not exist.", file=sys.stderr)
        return 2
    vendor = Path(__file__).with_name("static") / "vendor"
    if not (vendor / "build.json").is_file():
        # The offline renderer imports marked, DOMPurify and Chart.js from there; without them
        # every widget page would stay blank. A wheel carries them; a clone builds them.
        print(
            f"widgetkit preview: the renderer's browser files are missing ({vendor}). "
            "In a clone of widgetkit, run scripts/setup (it builds them with npm); "
            "otherwise reinstall widgetkit, whose wheel carries them.",
            file=sys.stderr,
        )
        return 2
    if not is_loopback(args.host):
        print(
            f"widgetkit preview: warning: binding {args.host} exposes the preview (and the code "
            "it runs on request) to your network; use 127.0.0.1 unless you mean it.",
            file=sys.stderr,
        )
    app = create_app(
        args.paths or None,
        renderer=args.renderer,
        domain_key=args.domain_key,
        host=args.host,
        allow_hosts=args.allow_host,
    )
    # Open /events streams would otherwise hold Ctrl+C until the browser goes away.
    config = uvicorn.Config(
        app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    threading.Thread(target=_announce, args=(server, args), daemon=True).start()
    try:
        asyncio.run(server.serve())
    except KeyboardInterrupt:
        pass
    if not server.started:
        print(f"widgetkit preview: could not serve on {args.host}:{args.port}.", file=sys.stderr)
        return 1
    return 0


def _announce(server: object, args: argparse.Namespace) -> None:
    """Print the URL (with the real port, which --port 0 picks) and open it once listening."""
    import uvicorn

    assert isinstance(server, uvicorn.Server)
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1] if server.servers else args.port
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{port}/"
    print(f"widgetkit preview: serving on {url}  (Ctrl+C to stop)", flush=True)
    if not args.no_browser:
        webbrowser.open(url)

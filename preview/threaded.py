"""Serve an ASGI app with uvicorn from a background thread, for tests and benchmarks.

```python
with serve_in_thread(create_app([Path("widgets")])) as url:
    httpx.get(f"{url}/api/widgets")
```
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


@contextmanager
def serve_in_thread(app: Any, *, port: int = 0, start_timeout: float = 30) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 (a free port unless given) and yield its base URL."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=2,  # open /events streams must not hold the shutdown
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_timeout
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"the server did not start within {start_timeout:g} s")
            time.sleep(0.01)
        bound = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{bound}"
    finally:
        server.should_exit = True
        thread.join(15)

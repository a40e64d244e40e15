"""The cyclic garbage collector, held while a burst of long-lived objects comes in.

The server's event loop shares the process with that collector, and a full pass over a few
hundred thousand new objects holds the loop for 30 to 500 ms, in whichever thread happened to
trigger it. Two bursts bring in that many: a build's widget trees (watch.py) and
openai-chatkit's server module, whose import in a thread (state.py) set off full passes of up
to 130 ms over the Agents SDK's and pydantic's new objects. `held()` keeps the collector off
while one comes in, then freezes what is there, so the collector never walks it again.

Example::

    with held():
        results = await builder.build(files)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["held"]

_holders = 0  # bursts under way: a save may land while the ChatKit server imports
_was_enabled = True  # as the first of them found it


@contextmanager
def held() -> Iterator[None]:
    """Hold the collector until the last burst under way is in; freeze what each left as it
    ends (a build's trees are frozen even while a slow import still holds the collector).

    Widget trees hold no cycles, and reference counting frees them when the next build
    replaces them; a module's objects live as long as the process. The price: a cycle that
    became garbage meanwhile (an exception caught) is never collected; a few kilobytes a build.
    """
    global _holders, _was_enabled
    if _holders == 0:
        _was_enabled = gc.isenabled()
    _holders += 1
    gc.disable()
    try:
        yield
    finally:
        _holders -= 1
        gc.freeze()
        if _holders == 0 and _was_enabled:
            gc.enable()

"""The collector is held while a burst of long-lived objects comes in (a build, the ChatKit
server's import)."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from widgetkit.preview import collector, state


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()


def test_the_collector_stays_off_until_the_last_burst_is_in() -> None:
    frozen = gc.get_freeze_count()
    with collector.held():
        assert not gc.isenabled()
        with collector.held():  # a save lands while the ChatKit server imports
            assert not gc.isenabled()
        assert not gc.isenabled(), "the inner burst must not turn it back on for the outer"
        assert gc.get_freeze_count() > frozen, "but what it brought is frozen at once"
        young = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() - frozen >= len(young), "what came in meanwhile is frozen"


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collector.held():
        pass
    assert not gc.isenabled()


def test_a_burst_that_fails_still_turns_it_back_on() -> None:
    with pytest.raises(RuntimeError), collector.held():
        raise RuntimeError("the build went wrong")
    assert gc.isenabled()


async def test_the_chatkit_server_is_imported_with_the_collector_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    real = importlib.import_module

    def import_module(name: str) -> ModuleType:
        if name == "widgetkit.preview.chatkit_server":
            seen.append(gc.isenabled())
        return real(name)

    monkeypatch.setattr(state.importlib, "import_module", import_module)
    preview = state.Preview([Path("nowhere")])
    preview.scanned.set()
    await preview.start()
    assert preview.server is not None, preview.server_error
    assert seen == [False]
    assert gc.isenabled()

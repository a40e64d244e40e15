"""Fixtures of the gallery tests."""

from __future__ import annotations

from typing import Any

import pytest
from gallery_cases import build_all


@pytest.fixture(scope="session")
def gallery_output() -> dict[str, dict[str, Any]]:
    """Every gallery widget in every sample state, built once: `"widget[state]"` → wire JSON."""
    return build_all()

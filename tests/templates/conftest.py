from __future__ import annotations

from pathlib import Path

# The corpus lives beside the repository (shared/ next to the clone), never inside it.
CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "widgets").resolve()

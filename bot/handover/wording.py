"""The wording in wording.yml, read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

WORDING_PATH = Path(__file__).with_name("wording.yml")


@dataclass(frozen=True)
class Wording:
    lawful_basis: dict[str, str]
    override_reasons: dict[str, str]

    def basis(self, key: str) -> str:
        if key not in self.lawful_basis:
            raise ValueError(f"unknown lawful basis {key!r}; known: {sorted(self.lawful_basis)}")
        return self.lawful_basis[key]

    def override(self, key: str) -> str:
        if key not in self.override_reasons:
            known = sorted(self.override_reasons)
            raise ValueError(f"unknown reason to share without consent {key!r}; known: {known}")
        return self.override_reasons[key]


@lru_cache(maxsize=1)
def load_wording(path: Path = WORDING_PATH) -> Wording:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Wording(
        lawful_basis={str(k): " ".join(str(v).split()) for k, v in raw["lawful_basis"].items()},
        override_reasons={str(k): str(v) for k, v in raw["override_reasons"].items()},
    )

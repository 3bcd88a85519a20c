"""Shared fixtures: a small valid catalogue in a temporary folder, and one language checker per module."""

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from imi.catalogue.language_check import LanguageChecker

from .samples import sample_catalogue

Writer = Callable[..., Path]


@pytest.fixture
def write_data(tmp_path: Path) -> Writer:
    """Write raw data files into a fresh folder: write_data(TEST_REQUEST=raw, labels=raw) -> folder."""

    def write(**files: Any) -> Path:
        for name, raw in files.items():
            path = tmp_path / f"{name}.yaml"
            dumped = raw if isinstance(raw, str) else yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)
            path.write_text(dumped, encoding="utf-8")
        return tmp_path

    return write


@pytest.fixture
def raw_catalogue() -> dict[str, Any]:
    return copy.deepcopy(sample_catalogue())


@pytest.fixture(scope="module")
def checker() -> LanguageChecker:
    """lingua restricted to the served languages (takes seconds: built once per module)."""
    return LanguageChecker()

"""Strict YAML reading for catalogue files: duplicate keys are errors and `YES`/`NO` stay strings."""

from pathlib import Path
from typing import Any

import yaml

from imi import yamlfiles


class YamlError(ValueError):
    """A catalogue file is not valid YAML; the message gives the line."""


def read_yaml(path: Path) -> Any:
    """Parse one file; syntax errors and duplicate keys become `YamlError` with the line."""
    try:
        return yamlfiles.load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise YamlError(f"line {line}: {error.problem}") from error

"""Reading the YAML data files, with errors that name the file and line."""

from pathlib import Path
from typing import Any

import yaml

from imi import yamlfiles

DATA_DIR = Path(__file__).parent / "data"


class DataFileError(ValueError):
    """A data file is malformed or inconsistent; the message names the file and line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        where = f"{path.name}:{line}" if line else path.name
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into `DataFileError`."""
    try:
        return yamlfiles.load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataFileError(path, str(error.problem), line) from error


def data_file(name: str) -> Path:
    return DATA_DIR / name

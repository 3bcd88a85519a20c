"""Reading the demo's YAML data files quickly (with libyaml when installed), naming the file and line of errors."""

from pathlib import Path
from typing import Any

import yaml

from imi.reference.loader import DataFileError

DATA_DIR = Path(__file__).parent / "data"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataFileError(path, str(error.problem), line) from error

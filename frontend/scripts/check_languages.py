"""Is every interface string long enough to judge written in the language of its catalogue?

Run from the repository root with the project's environment active: `python3 frontend/scripts/check_languages.py`.
It applies the catalogue's own rule (`imi.catalogue.language_check`): lingua restricted to the served
languages, texts shorter than 25 characters or 4 words not judged, and the Maltese rule (Maltese letters or
function words required, another language refused only when detected with high confidence).
Exceptions are listed under "detection" in `src/i18n/allowlist.json`. Exits 1 if a string fails.
"""

import json
import re
import sys
from pathlib import Path

FRONTEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(FRONTEND.parent / "backend"))

from imi.catalogue.language_check import LanguageChecker  # noqa: E402

LOCALES = FRONTEND / "src" / "i18n" / "locales"
ALLOWLIST = FRONTEND / "src" / "i18n" / "allowlist.json"
INTERPOLATION = re.compile(r"\{\{\s*[A-Za-z][\w.]*\s*\}\}")


def flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten(value, path))
        else:
            flat[path] = value
    return flat


def failures(checker: LanguageChecker) -> list[str]:
    skip = json.loads(ALLOWLIST.read_text(encoding="utf-8")).get("detection", {})
    found = []
    for file in sorted(LOCALES.glob("*.json")):
        language = file.stem
        for key, text in flatten(json.loads(file.read_text(encoding="utf-8"))).items():
            if language in skip.get(key, []):
                continue
            problem = checker.problem(INTERPOLATION.sub(" ", text).strip(), language)
            if problem:
                found.append(f"{key} [{language}] {problem}: {text[:70]!r}")
    return found


def main() -> int:
    found = failures(LanguageChecker())
    for line in found:
        print(line)
    print(f"interface languages: {len(found)} failures" if found else "interface languages: every long string reads as its language")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

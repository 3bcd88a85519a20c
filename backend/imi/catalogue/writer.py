"""Writing the catalogue back to its data files, deterministically (same content, same bytes).

Layout: block mappings in the format's key order, one language per line in the served languages' order,
every string double-quoted (JSON escaping, valid YAML). Comments in a rewritten file are not kept.
"""

import json
import re
from pathlib import Path

from imi.catalogue.model import LABELS_SOURCE, Catalogue, CatalogueSet, Item, Labels, Translations
from imi.reference import LANGUAGE_CODES

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _key(code: str) -> str:
    plain = _PLAIN_KEY.match(code) and code.lower() not in _YAML_WORDS
    return code if plain else _quote(code)


def _translations(lines: list[str], indent: str, name: str, translations: Translations) -> None:
    lines.append(f"{indent}{name}:")
    lines += [f"{indent}  {code}: {_quote(translations[code])}" for code in LANGUAGE_CODES
              if code in translations]


def _item(lines: list[str], item: Item) -> None:
    lines.append(f"      - id: {item.id}")
    lines.append(f"        type: {item.type.value}")
    if item.required:
        lines.append("        required: true")
    if item.parameters:
        lines.append(f"        parameters: [{', '.join(item.parameters)}]")
    _translations(lines, "        ", "text", item.text)
    _translations(lines, "        ", "help", item.help)
    if item.options:
        lines.append("        options:")
        for option in item.options:
            lines.append(f"          - id: {option.id}")
            _translations(lines, "            ", "label", option.label)


def dump_catalogue(catalogue: Catalogue) -> str:
    lines = [f"procedure: {catalogue.procedure}", f"version: {catalogue.version}", "sections:"]
    for section in catalogue.sections:
        lines.append(f"  - id: {section.id}")
        _translations(lines, "    ", "title", section.title)
        lines.append("    items:")
        for item in section.items:
            _item(lines, item)
    return "\n".join(lines) + "\n"


def dump_labels(labels: Labels) -> str:
    lines: list[str] = []
    for kind, codes in labels.kinds.items():
        lines.append(f"{kind}:")
        for code, translations in codes.items():
            _translations(lines, "  ", _key(code), translations)
    return "\n".join(lines) + "\n"


def write_set(catalogue_set: CatalogueSet, data_dir: Path, sources: set[str] | None = None) -> list[Path]:
    """Write the files named in `sources` (default: all) whose content differs on disk; the paths written."""
    contents = {f"{code}.yaml": dump_catalogue(c) for code, c in catalogue_set.catalogues.items()}
    if catalogue_set.labels.kinds:
        contents[LABELS_SOURCE] = dump_labels(catalogue_set.labels)
    written = []
    for name, content in contents.items():
        if sources is not None and name not in sources:
            continue
        path = data_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written

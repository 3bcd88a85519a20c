"""Reading the project's YAML data files strictly: only true/false are booleans (YAML 1.2, so Norway's `NO`
stays a string), a mapping key may not repeat, and the fast C parser is used."""

import re
from typing import Any

import yaml


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping repeats a key; the mark gives the line."""


class StrictLoader(yaml.CSafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class LineLoader(StrictLoader):
    """Also records each mapping's line as `__line__` and its keys' lines as `__lines__`, for errors that
    name them."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__lines__"] = {
            self.construct_object(key_node, deep=deep): key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load(text: str, *, lines: bool = False) -> Any:
    """Parse YAML text strictly; `MarkedYAMLError` (with the line) on bad input."""
    return yaml.load(text, Loader=LineLoader if lines else StrictLoader)

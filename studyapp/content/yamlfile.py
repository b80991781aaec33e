"""YAML that remembers where things stand: every mapping and list knows its line numbers.

The loader reports problems as `file:line: message`, so the values it validates must carry
their lines. This is PyYAML's SafeLoader (no tags that build objects or run code), with
mappings and lists that record the lines of their keys and entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode


class YamlMap(dict[str, Any]):
    """A YAML mapping with the line of the mapping and of each key (1-based)."""

    line: int
    key_lines: dict[str, int]
    duplicate_keys: list[tuple[str, int]]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list[Any]):
    """A YAML sequence with the line of the list and of each entry (1-based)."""

    line: int
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


# libyaml's parser when PyYAML has it (several times faster); the constructors stay safe.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[valid-type,misc]
    pass


def _construct_map(loader: _LineLoader, node: MappingNode) -> Iterator[YamlMap]:
    data = YamlMap()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicate_keys = []
    yield data
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode):
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in data.key_lines:
                data.duplicate_keys.append((key, line))
            data.key_lines[key] = line
    data.update({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})


def _construct_list(loader: _LineLoader, node: SequenceNode) -> Iterator[YamlList]:
    data = YamlList()
    data.line = node.start_mark.line + 1
    data.lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_sequence(node, deep=True))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_list)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely; raise YamlSyntaxError with the line of the fault."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlSyntaxError(1, f"not UTF-8 text ({error.reason})") from error
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = error.problem or error.context or "cannot be parsed"
        raise YamlSyntaxError(line, f"YAML syntax error: {what}") from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, f"YAML syntax error: {error}") from error

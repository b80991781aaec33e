"""YAML that remembers where things stand: every mapping and list knows its line numbers.

The loader reports problems as `file:line: message`, so the values it validates must carry
their lines. This is PyYAML's SafeLoader (no tags that build objects or run code), with
mappings and lists that record the lines of their keys and entries. Course files are
untrusted: aliases that would expand past a small budget, values nested too deep and scalars
their tag cannot hold are refused at their line before any value is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Aliases may repeat this many values in all: a course needs few, and a "billion laughs"
# file of nested aliases would otherwise expand to more values than memory holds.
MAX_ALIASED_VALUES = 50_000
# A course nests five deep; building much deeper values would exhaust Python's stack.
MAX_DEPTH = 50
MAX_BYTES = 64 * 1024 * 1024  # what a 5 MB imported article needs, with room to spare


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
    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        if _has_aliases(node):  # checked before anything walks the aliases
            check_expansion(node)
        return self.construct_document(node)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError) as error:
            # A value its tag cannot hold (`2022-02-30`, `!!int abc`, `!!timestamp id`).
            kind = str(node.tag).rsplit(":", 1)[-1]
            # ValueError says what is wrong; Python's advice on int limits is not the user's.
            why = f" ({str(error).split(';')[0]})" if isinstance(error, ValueError) else ""
            raise _error(node, f"a value cannot be read as {kind}{why}") from error


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


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _has_aliases(root: Node) -> bool:
    """Whether some node is met twice; refuse values nested deeper than MAX_DEPTH."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _error(node, f"values are nested more than {MAX_DEPTH} deep")
        stack.extend((child, depth + 1) for child in reversed(_children(node)))
    return False


def _expanded_sizes(root: Node) -> dict[int, int]:
    """How many values each node stands for once its aliases are expanded (by node id).

    Iterative and memoised: each distinct node is counted once, however often aliased.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # the path from the root: a node met again there is a loop
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
        elif key in open_nodes:
            raise _error(node, "an alias refers to the value that holds it")
        elif key not in sizes:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_children(node)))
    return sizes


def check_expansion(root: Node) -> None:
    """Refuse a document whose aliases repeat more than MAX_ALIASED_VALUES values.

    The first sight of a node is where it stands; every other sight is an alias that
    repeats the node's whole expanded size.
    """
    sizes = _expanded_sizes(root)
    seen = {id(root)}
    repeated = 0
    stack = [root]
    while stack:
        node = stack.pop()
        fresh = []
        for child, where in _placed_children(node):
            if id(child) not in seen:
                seen.add(id(child))
                fresh.append(child)
                continue
            repeated += sizes[id(child)]
            if repeated > MAX_ALIASED_VALUES:
                message = f"aliases here expand to more than {MAX_ALIASED_VALUES:,} values"
                raise _error(where, message)
        stack.extend(reversed(fresh))


def _placed_children(node: Node) -> list[tuple[Node, Node]]:
    """(child, the node whose line locates it): a mapping's values are found at their keys."""
    if isinstance(node, MappingNode):
        return [pair for key, value in node.value for pair in ((key, key), (value, key))]
    return [(child, node) for child in _children(node)]


class YamlRefused(ConstructorError):
    """YAML that parses but that the loader will not build (too big, unreadable values)."""


def _error(node: Node, message: str) -> YamlRefused:
    return YamlRefused(None, None, message, node.start_mark)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one YAML file safely (or `text`, what it is about to hold); raise YamlSyntaxError
    with the line of the fault."""
    if text is not None:
        return parse_yaml(text)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            megabytes = f"{size / 1024 / 1024:.0f} MB"
            limit = f"{MAX_BYTES // 1024 // 1024} MB"
            raise YamlSyntaxError(1, f"is {megabytes}; course files up to {limit} can be read")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlSyntaxError(1, f"not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise YamlSyntaxError(1, f"cannot be read ({error.strerror or error})") from error
    return parse_yaml(text)


def parse_yaml(text: str) -> Any:
    """Parse YAML text safely; raise YamlSyntaxError with the line of the fault."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except YamlRefused as error:
        mark = error.problem_mark
        raise YamlSyntaxError(mark.line + 1 if mark else 1, str(error.problem)) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = error.problem or error.context or "cannot be parsed"
        raise YamlSyntaxError(line, f"YAML syntax error: {what}") from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, f"YAML syntax error: {error}") from error

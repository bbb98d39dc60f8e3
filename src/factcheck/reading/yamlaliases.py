"""The check that a YAML file's aliases do not expand its data past the limit, run on the composed node tree
before any of it is built (`factcheck.reading._yamlbuild`)."""

from __future__ import annotations

import yaml

from factcheck.reading.yamltree import refused

_ScalarNode = yaml.ScalarNode


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_expansion(root: yaml.Node, most: int) -> None:
    """Refuse aliases that would add more than `most` (`Limits.alias_expansion`) values to the data, or expand into itself.

    The node graph shares aliased nodes, so this costs one pass over the distinct nodes; it runs before any
    Python object is built and without recursion (libyaml allows 1000 levels of nesting).
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise refused(
                node.start_mark.line + 1,
                "an alias refers to the block that contains it: the data would never end",
                "write the values out",
            )
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if child.__class__ is _ScalarNode:  # most nodes: sized at once, never stacked
                sizes[id(child)] = 1
            elif id(child) not in sizes:
                stack.append((child, False))
    expansion = sizes[id(root)] - len(sizes)
    if expansion > most:
        node = root
        while (bigger := [c for c in _children(node) if sizes[id(c)] > most]) and bigger[0] is not node:
            node = bigger[0]
        raise refused(
            node.start_mark.line + 1,
            f"aliases (*name) here would expand the data by {expansion:,} values to {sizes[id(root)]:,}, "
            f"above the limit of {most:,} more than the file writes out",
            "write the values out; anchors and aliases are meant for a few shared blocks",
        )

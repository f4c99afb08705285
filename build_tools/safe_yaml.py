"""YAML inputs (sidecars, the glossary, tags.yml, front matter) read safely: the safe
loader (no !!python tags), no aliases (`*name` repeats a node, so a few lines can stand for
billions of values: the "billion laughs"), and every problem a SourceError naming the file
and line."""
from __future__ import annotations

import yaml

from .reading import SourceError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when available


def _first_alias(root) -> int | None:
    """Line of the first node met twice (an alias), walking the composed graph once."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node.start_mark.line + 1
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack += [v, k]
    return None


def load_yaml(text: str, path, loader=SAFE_LOADER, first_line: int = 1):
    """(data, composed node or None); `first_line`: the line of the file `text` starts on."""
    ld = loader(text)
    try:
        node = ld.get_single_node()
        if node is None:
            return None, None
        line = _first_alias(node)
        if line is not None:
            raise SourceError(path, f"a YAML alias repeats the node that starts on line {line + first_line - 1}: "
                                    "aliases (*name) are not allowed here, write the value out", line + first_line - 1)
        return ld.construct_document(node), node
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SourceError(path, f"invalid YAML: {problem}", mark.line + first_line if mark else None) from None
    except (ValueError, TypeError, OverflowError) as e:   # a value the constructor rejects (a bad date)
        raise SourceError(path, f"invalid YAML value: {e}") from None
    finally:
        ld.dispose()

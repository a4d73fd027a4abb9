"""Load the content folder: YAML files into plain data, keeping the line of every value.

PyYAML composes each file into nodes, which carry their line numbers; we turn the nodes into
plain dicts, lists and scalars ourselves so that a duplicate key, an alias or an unknown tag is
reported as a problem with its line instead of being silently accepted.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem

# The two files of a content folder; every sub-folder holds the items of one kind, but for the
# editors' JSON Schemas (made by `leap schema`).
FRAMEWORK_FILE = "framework.yaml"
GUIDE_FILE = "guide.yaml"
PROGRAMME_FILE = "programme.yaml"  # optional
SCHEMAS = "schemas"
LOCALE = "locale"  # the translations: content.pot and a <language>.po for each language
MAX_FILE_BYTES = 1_000_000
# Control characters other than tab and newline, and the bidirectional overrides that make text
# read differently from how it is stored: no content needs them, and they can disguise it. And the
# two noncharacters XML refuses (a wiki's import would reject the whole dump).
UNSAFE_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceDoc:
    """One content file: its display path, what it is ("framework", "guide" or "item"), the
    folder an item file is in, its id (file stem), its data and the line of every value."""

    path: str
    kind: str
    id: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    failed: bool = False  # unreadable; its problems are already reported
    folder: str = ""

    def line_of(self, loc: Loc) -> int:
        """The line of the value at ``loc``, or of its nearest parent that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


# libyaml (PyYAML's C parser) is about 20 times faster than the pure-Python one. Its composer
# recurses in C, so before composing we walk the events (which libyaml produces without recursion)
# to refuse aliases and deep nesting; only then is it safe to build the node tree.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50


def _refuse_aliases_and_depth(text: str) -> None:
    """Raise MarkedYAMLError on the first alias (they allow 'billion laughs' expansion and are
    never needed in content) or on nesting deeper than MAX_DEPTH."""
    events = _Loader(text)
    try:
        depth = 0
        while events.check_event():
            event = events.get_event()
            if isinstance(event, yaml.AliasEvent):
                problem = "aliases (*name) are not supported in content; write the value out"
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth <= MAX_DEPTH:
                    continue
                problem = f"YAML is nested more than {MAX_DEPTH} levels deep"
            else:
                depth -= isinstance(event, yaml.CollectionEndEvent)
                continue
            raise yaml.MarkedYAMLError(problem=problem, problem_mark=event.start_mark)
    finally:
        events.dispose()


def display_path(path: Path) -> str:
    """The path as people type it: relative to the working folder when it is inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def load_content(content_dir: Path) -> tuple[list[SourceDoc], list[Problem]]:
    """Read ``framework.yaml``, ``guide.yaml`` and the ``.yaml`` files of every sub-folder.
    Returns the parsed files and all problems; which folders hold which kind is the validator's
    business (the framework says)."""
    docs: list[SourceDoc] = []
    if content_dir.is_symlink():
        return [], [
            Problem(
                display_path(content_dir),
                1,
                f"the content folder is a symbolic link; give its real path ({os.path.realpath(content_dir)})",
            )
        ]
    if not content_dir.is_dir():
        return [], [Problem(display_path(content_dir), 1, "content folder not found")]
    files, problems = content_files(content_dir)
    for name, what in (
        (FRAMEWORK_FILE, "framework file (the kinds of item and how they relate)"),
        (GUIDE_FILE, "guide file (the guide's own text)"),
    ):
        if not any(path == content_dir / name for _, path in files):
            problems.append(
                Problem(
                    display_path(content_dir / name),
                    1,
                    f"the {what} is missing; `leap init` starts a new content folder",
                )
            )
    for folder, path in files:
        _load_into(path, folder, docs, problems)
    return docs, problems


def content_files(content_dir: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """``(folder, path)`` of every content file: the framework and guide files (folder "") and
    the ``.yaml`` files of the sub-folders. Anything else is named in a warning, and nothing is
    read through a symbolic link that leads out of the content folder."""
    root = content_dir.resolve()
    files: list[tuple[str, Path]] = []
    problems: list[Problem] = []

    def note(path: Path, message: str, warning: bool = True) -> None:
        problems.append(Problem(display_path(path), 1, message, warning=warning))

    def usable(path: Path) -> bool:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if not target.exists():
                note(path, "a symbolic link to nothing; ignored")
                return False
            if not target.is_relative_to(root):
                note(path, "a symbolic link that leads out of the content folder; leap does not read it", warning=False)
                return False
        return True

    for path in sorted(content_dir.iterdir()):
        if path.name.startswith(".") or path.name in (SCHEMAS, LOCALE):
            continue
        if path.name in (FRAMEWORK_FILE, GUIDE_FILE, PROGRAMME_FILE):
            if usable(path) and path.is_file():
                files.append(("", path))
        elif path.is_dir() and not path.is_symlink():
            for item in sorted(path.iterdir()):
                if item.name.startswith("."):
                    continue
                if item.suffix == ".yaml" and usable(item) and item.is_file():
                    files.append((path.name, item))
                elif item.suffix.lower() in (".yaml", ".yml"):
                    note(item, "content files end in .yaml, in lower case; ignored", warning=False)
                elif not item.is_symlink() or item.exists():
                    note(item, "not a content file (those end in .yaml); ignored")
        elif path.is_symlink() and path.is_dir():
            note(path, "a folder that is a symbolic link; leap does not read through it", warning=False)
        else:
            note(
                path,
                f"not part of the content (only {FRAMEWORK_FILE}, {GUIDE_FILE}, {PROGRAMME_FILE} and a "
                "folder per kind are); ignored",
            )
    return files, problems


def _load_into(path: Path, folder: str, docs: list[SourceDoc], problems: list[Problem]) -> None:
    shown = display_path(path)
    kind = "item" if folder else path.stem  # "framework", "guide", "programme" or "item"
    found: list[Problem] = []
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.append(Problem(shown, 1, f"cannot read the file: {err.strerror or err}"))
        docs.append(SourceDoc(shown, kind, path.stem, None, failed=True, folder=folder))
        return
    data, lines = parse_yaml(raw, shown, found)
    problems.extend(found)
    docs.append(SourceDoc(shown, kind, path.stem, data, lines, failed=bool(found), folder=folder))


def parse_yaml(raw: bytes, shown: str, problems: list[Problem]) -> tuple[Any, dict[Loc, int]]:
    """Parse one YAML document. Problems are appended; the data is None when parsing failed."""
    lines: dict[Loc, int] = {}
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(shown, 1, f"file is larger than {MAX_FILE_BYTES} bytes"))
        return None, lines
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "file is not valid UTF-8 text"))
        return None, lines
    loader = None
    try:
        _refuse_aliases_and_depth(text)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            problems.append(Problem(shown, 1, "file is empty"))
            return None, lines
        return _to_python(loader, node, (), lines, shown, problems), lines
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(shown, err))
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        problems.append(Problem(shown, line, f"unreadable control character U+{code:04X}: remove it"))
    except yaml.YAMLError as err:
        problems.append(Problem(shown, 1, f"YAML syntax error: {err}"))
    finally:
        if loader is not None:
            loader.dispose()
    return None, lines


def _to_python(
    loader: Any, node: yaml.Node, loc: Loc, lines: dict[Loc, int], shown: str, problems: list[Problem]
) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            try:
                key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            except ValueError:
                key = None
            if not isinstance(key, str):
                problems.append(Problem(shown, line, "keys must be plain text"))
                continue
            if key in result:
                problems.append(Problem(shown, line, f"duplicate key '{key}'"))
                continue
            result[key] = _to_python(loader, value_node, (*loc, key), lines, shown, problems)
            lines[(*loc, key)] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(loader, item, (*loc, i), lines, shown, problems) for i, item in enumerate(node.value)]
    try:
        value = loader.construct_object(node)
    except ValueError:  # a number too long to be one (Python refuses over 4,300 digits)
        problems.append(Problem(shown, lines[loc], "this number is too long; write it as text in quotes"))
        return None
    if isinstance(value, str) and (invisible := invisible_character(value)):
        problems.append(Problem(shown, lines[loc], invisible))
        return None
    return value


def invisible_character(text: str) -> str | None:
    """Why ``text`` cannot be content, if it holds a control character or a direction override."""
    bad = UNSAFE_CHARACTER.search(text)
    return (
        f"contains the invisible character U+{ord(bad.group()):04X}, which content may not hold; remove it"
        if bad
        else None
    )


def _syntax_problem(shown: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    message = f"YAML syntax error: {err.problem or err.context}"
    if err.context and err.context_mark and mark and err.context_mark.line != mark.line:
        message += f" ({err.context} on line {err.context_mark.line + 1})"
    return Problem(shown, mark.line + 1 if mark else 1, message)

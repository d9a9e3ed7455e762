"""YAML loading that remembers where every value came from.

pydantic reports errors by path (``steps.0.url``); users need ``file:line``.
We compose the YAML node tree ourselves so each path maps to its line.
"""
from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[Any, ...]


@dataclass
class Problem:
    """One thing wrong with an input file, printable as ``file:line: path: message``."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        # One problem, one line: a message quoting the file's text must not break it.
        where = f"{self.file}:{self.line}"
        message = " ".join(self.message.splitlines())
        return f"{where}: {self.path}: {message}" if self.path else f"{where}: {message}"


class InputError(Exception):
    """Bad input (scenario or config). Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class SourceDoc:
    """A parsed YAML document plus the line of every key and item in it (1-based)."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    # What load_yaml refused (an alias, a tag, a huge number…), kept to report with the schema's problems;
    # the schema's complaints about those places (now empty) would only repeat them.
    problems: list[Problem] = field(default_factory=list)
    refused: set[Loc] = field(default_factory=set)      # values dropped: nothing at or below is reported
    incomplete: set[Loc] = field(default_factory=set)   # mappings that lost keys: "missing" is not reported

    def suppressed(self, loc: Loc, kind: str) -> bool:
        """True if a schema error at loc only repeats something load_yaml refused."""
        loc = tuple(loc)
        if any(loc[:len(r)] == r for r in self.refused):
            return True
        return kind == "missing" and loc[:-1] in self.incomplete

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest part of ``loc`` that exists in the file."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.path, self.line_of(loc), dotted(loc), message)


def dotted(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


# Limits on what a scenario or probes.yaml may hold. Real files are a few KB, a few levels deep, with
# small numbers; anything beyond these is a mistake or an attack (a "billion laughs" alias bomb) and is
# refused before it can use up memory or time.
MAX_FILE_BYTES = 500_000
MAX_DEPTH = 40
MAX_NUMBER = 1_000_000_000
# Explicit tags that only restate a plain YAML type; every other tag (!!python/…, !!binary, !!set, !foo) is refused.
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_MERGE = _CORE + "merge"


MAX_VALUES = 20_000
# libyaml when PyYAML has it: many times faster than the pure-Python parser, same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _screen(text: str, shown: str) -> None:
    """Refuse deep nesting and huge value counts from the event stream, before anything is composed.

    Composing is recursive (deep nesting would overflow the stack) and each value costs time later.
    """
    depth = values = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError([Problem(shown, line, "", f"the file is nested more than {MAX_DEPTH} levels deep")])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            values += 1
            if values > MAX_VALUES:
                raise InputError([Problem(shown, line, "", f"the file holds more than {MAX_VALUES:,} values; "
                                                           "scenario files and probes.yaml hold a few hundred")])


def load_yaml(path: str | Path, display: str | None = None) -> SourceDoc:
    """Parse one YAML file; raise InputError (with file:line) if it cannot be parsed at all.

    What parses but is refused is kept in ``doc.problems`` (reported by ``validate`` together with the
    schema's problems, in one pass): aliases (``*name``) and merge
    keys (``<<``), tags other than the plain types, keys that are lists or mappings, a key given twice,
    numbers larger than MAX_NUMBER or not finite, values PyYAML cannot construct (``2026-02-30``),
    nesting deeper than MAX_DEPTH and files over MAX_FILE_BYTES.
    """
    path = Path(path)
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(shown, 1, "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(shown, 1, "", f"cannot read file: {exc}")]) from None
    if len(text) > MAX_FILE_BYTES:
        raise InputError([Problem(shown, 1, "", f"the file is larger than {MAX_FILE_BYTES:,} characters; "
                                                "scenario files and probes.yaml are a few KB")])
    try:
        try:
            _screen(text, shown)
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as exc:
            if "nesting depth" in str(exc):
                raise InputError([Problem(shown, 1, "", f"the file is nested more than {MAX_DEPTH} levels deep")]) \
                    from None
            if _LOADER is yaml.SafeLoader:
                raise
            # The pure-Python parser words syntax errors the same everywhere; it stops where libyaml did.
            yaml.compose(text, Loader=yaml.SafeLoader)
            raise
    except yaml.reader.ReaderError as exc:  # a control character, or bytes that are not text
        line = text.count("\n", 0, getattr(exc, "position", 0) or 0) + 1
        raise InputError([Problem(shown, line, "", f"YAML syntax error: {getattr(exc, 'reason', None) or exc} "
                                                   f"(character {getattr(exc, 'character', '?')!r})")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(shown, line, "", f"YAML syntax error: {reason}")]) from None
    except RecursionError:  # PyYAML composes nested collections recursively
        raise InputError([Problem(shown, 1, "", f"the file is nested more than {MAX_DEPTH} levels deep")]) from None
    doc = SourceDoc(shown, None)
    if node is None:
        raise InputError([Problem(shown, 1, "", "file is empty")])
    builder = _Builder(doc)
    doc.data = builder.build(node, (), 0)
    return doc


class _Builder:
    """Turns a composed YAML node tree into plain data, noting each line and refusing what we do not accept."""

    def __init__(self, doc: SourceDoc):
        self.doc = doc
        self.seen: set[int] = set()  # nodes already built: meeting one again means an alias
        self.aliased: set[int] = set()

    def refuse(self, loc: Loc, line: int, message: str, whole_mapping: bool = False) -> None:
        self.doc.problems.append(Problem(self.doc.path, line, dotted(loc), message))
        (self.doc.incomplete if whole_mapping else self.doc.refused).add(loc)

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        lines = self.doc.lines
        lines.setdefault(loc, node.start_mark.line + 1)
        line = lines[loc]
        if id(node) in self.seen:
            # PyYAML hands out the anchored node again for every *alias; refusing the second visit also
            # stops recursive aliases and alias bombs before they expand. Each anchor is named once.
            if id(node) not in self.aliased:
                self.aliased.add(id(node))
                self.refuse(loc, line, "YAML aliases (*name) are not supported in scenario files and "
                                       "probes.yaml; write the value out")
            self.doc.refused.add(loc)
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS and not (isinstance(node, yaml.ScalarNode) and node.tag == _MERGE):
            self.refuse(loc, line, f"unknown YAML tag {_tag(node.tag)}; write a plain value without a tag")
            return None
        if depth > MAX_DEPTH:
            self.refuse(loc, line, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                lines[loc + (i,)] = item.start_mark.line + 1
                items.append(self.build(item, loc + (i,), depth + 1))
            return items
        return self.scalar(node, loc, line)

    def mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict:
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.refuse(loc, key_line, "a key must be a plain word, not a list or mapping", True)
                continue
            if key_node.tag == _MERGE:
                self.refuse(loc, key_line, "YAML merge keys (<<) are not supported in scenario files and "
                                           "probes.yaml; write the keys out", True)
                continue
            if key_node.tag not in _PLAIN_TAGS:
                self.refuse(loc, key_line, f"unknown YAML tag {_tag(key_node.tag)}; write a plain key without a tag",
                            True)
                continue
            key = self.scalar(key_node, loc, key_line, is_key=True)
            if key_node.tag == _CORE + "timestamp" or key is None and key_node.value:
                key = str(key_node.value)  # no key is a date: name it as written (`2026-12-25:`)
            if key in first_line:
                self.refuse(loc + (key,), key_line, f"duplicate key '{_short(key)}': given on line "
                                                    f"{first_line[key]} and again on line {key_line}; keep one")
                continue
            first_line[key] = key_line
            self.doc.lines[loc + (key,)] = key_line
            out[key] = self.build(value_node, loc + (key,), depth + 1)
        return out

    def scalar(self, node: yaml.Node, loc: Loc, line: int, is_key: bool = False) -> Any:
        if node.tag not in _PLAIN_TAGS:
            self.refuse(loc, line, f"unknown YAML tag {_tag(node.tag)}; write a plain value without a tag")
            return None
        if not is_key and node.tag == _CORE + "int" and len(str(node.value).lstrip("+-").replace("_", "")) > 15:
            self.refuse(loc, line, _too_large(node.value))  # checked on the text: int() of 5,000 digits fails
            return None
        value = _construct(node)
        if isinstance(value, _Unreadable):
            self.refuse(loc, line, value.message)
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.refuse(loc, line, f"'{_short(node.value)}' is not a finite number")
            return None
        if not is_key and isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            self.refuse(loc, line, _too_large(node.value))
            return None
        return value


@dataclass
class _Unreadable:
    message: str


def _construct(node: yaml.Node) -> Any:
    # Let PyYAML's resolver decide the type (int, bool, date...) for one scalar.
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except Exception as exc:  # noqa: BLE001 - PyYAML raises ValueError, TypeError... for one bad scalar
        kind = node.tag.rsplit(":", 1)[-1]
        what = {"timestamp": "a real date", "int": "a whole number", "float": "a number",
                "bool": "true or false"}.get(kind, f"a value of type {kind}")
        return _Unreadable(f"'{_short(node.value)}' is not {what} ({exc})" if kind == "timestamp"
                           else f"'{_short(node.value)}' is not {what}")
    finally:
        loader.dispose()


def _tag(tag: str) -> str:
    return _short(tag.replace(_CORE, "!!"))


def _too_large(text: Any) -> str:
    return (f"the number {_short(text)} is too large (at most {MAX_NUMBER:,}); if it is text, such as a "
            "phone number, put it in quotes")


def _short(value: Any, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def validate(model: type[BaseModel], doc: SourceDoc, context: dict | None = None) -> BaseModel:
    """Validate ``doc.data`` against ``model``; raise InputError with file:line for each error.

    What load_yaml refused comes first, then the schema's problems.
    """
    try:
        result = model.model_validate(doc.data, context=context)
    except ValidationError as err:
        raise InputError(doc.problems + problems_from(err, doc, model)) from None
    if doc.problems:
        raise InputError(list(doc.problems))
    return result


def problems_from(err: ValidationError, doc: SourceDoc, model: type[BaseModel]) -> list[Problem]:
    errors = []
    for e in err.errors(include_url=False):
        loc = data_loc(doc.data, e["loc"])
        if e["type"] == "unknown_channel":  # reported on the step; it belongs to its channel key
            loc = loc + ("channel",)
            e = {**e, "input": e["input"].get("channel") if isinstance(e["input"], dict) else e["input"]}
        errors.append((e, loc))
    # A step with an unknown channel: say that once, not every key the wrong model misses.
    bad_channel = [loc[:-1] for e, loc in errors
                   if loc and loc[-1] == "channel" and e["type"] in ("literal_error", "unknown_channel")]
    problems = []
    for e, loc in errors:
        if any(loc[:len(p)] == p and loc != p + ("channel",) for p in bad_channel) or doc.suppressed(loc, e["type"]):
            continue
        problems.append(doc.problem(loc, _message(dict(e), loc, doc.data, model)))
    # pydantic may report one problem several ways (union members); keep one of each.
    seen, unique = set(), []
    for p in problems:
        if (p.line, p.path, p.message) not in seen:
            seen.add((p.line, p.path, p.message))
            unique.append(p)
    return unique


def data_loc(data: Any, loc: Loc) -> Loc:
    """Drop the parts of a pydantic loc that are not in the data (union tags, validator names)."""
    out: list[Any] = []
    cur = data
    for i, part in enumerate(loc):
        if (isinstance(part, str) and _is_tag(part) and isinstance(cur, dict) and i + 1 < len(loc)
                and loc[i + 1] in cur):
            continue  # a union tag that is also a key ('await'): the next part shows it is the tag
        if isinstance(cur, dict) and part in cur:
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing or unknown key: keep it, the line falls back to its parent
            cur = None
        # else: a union tag such as 'web_form' or 'function-after[...]': not part of the data
    return tuple(out)


def _is_tag(part: str) -> bool:
    return "[" in part or part in _TAGS


_TAGS: set[str] = set()


def register_tag(tag: str) -> None:
    """Union tags (channel ids) appear in pydantic locs but not in the YAML."""
    _TAGS.add(tag)


def _message(e: dict, loc: Loc, data: Any, model: type[BaseModel]) -> str:
    kind = e["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1], data)
        key = loc[-1] if loc else ""
        msg = f"unknown key '{key}'"
        if allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            if close:
                msg += f" (did you mean '{close[0]}'?)"
            msg += f"; allowed keys: {', '.join(sorted(allowed))}"
        return msg
    if loc and loc[-1] == "channel" and kind in ("literal_error", "unknown_channel"):
        channels = ", ".join(sorted(_TAGS - {"await"}))
        if e.get("input") is None:
            return f"every step needs a channel ({channels}) or an await key"
        return f"unknown channel '{e.get('input')}'; available channels: {channels}"
    if kind == "missing":
        return "required field is missing"
    msg = e["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    return msg


def _allowed_keys(model: type[BaseModel], loc: Loc, data: Any) -> list[str]:
    """Walk the model along loc to list the keys allowed at that place (best effort)."""
    from typing import get_args, get_origin

    cur: Any = model
    node = data
    for part in loc:
        node = node[part] if isinstance(node, (dict, list)) else None
        cur = _pick(cur, node)
        if isinstance(part, int):
            args = get_args(cur)
            cur = args[0] if args else None
        elif isinstance(cur, type) and issubclass(cur, BaseModel):
            f = cur.model_fields.get(part) or next(
                (f for f in cur.model_fields.values() if f.alias == part), None)
            cur = f.annotation if f else None
        elif get_origin(cur) is dict:
            cur = get_args(cur)[1]
        else:
            return []
    cur = _pick(cur, node)
    if isinstance(cur, type) and issubclass(cur, BaseModel):
        return [f.alias or n for n, f in cur.model_fields.items() if not f.exclude]
    return []


def _pick(tp: Any, node: Any) -> Any:
    """Resolve Optional/Union/Annotated to the member that matches the data (by 'channel' tag)."""
    from typing import Annotated, Union, get_args, get_origin
    import types

    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
            continue
        if origin in (Union, types.UnionType):
            members = [get_args(a)[0] if get_origin(a) is Annotated else a
                       for a in get_args(tp) if a is not type(None)]
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            if isinstance(node, dict) and len(models) > 1 and "await" in node:
                return next((m for m in models if "await_" in m.model_fields), models[0])
            if isinstance(node, dict) and len(models) > 1 and "channel" in node:
                for m in models:
                    f = m.model_fields.get("channel")
                    if f and node["channel"] in get_args(f.annotation):
                        return m
            tp = models[0] if models else (members[0] if members else None)
            continue
        return tp

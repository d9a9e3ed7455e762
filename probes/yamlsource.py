"""YAML loading that remembers where every value came from.

pydantic reports errors by path (``steps.0.url``); users need ``file:line``.
We compose the YAML node tree ourselves so each path maps to its line.
"""
from __future__ import annotations

import difflib
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
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


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


def load_yaml(path: str | Path, display: str | None = None) -> SourceDoc:
    """Parse one YAML file, raising InputError (with file:line) for syntax errors."""
    path = Path(path)
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Problem(shown, 1, "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(shown, 1, "", f"cannot read file: {exc}")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise InputError([Problem(shown, line, "", f"YAML syntax error: {reason}")]) from None
    doc = SourceDoc(shown, None)
    if node is None:
        raise InputError([Problem(shown, 1, "", "file is empty")])
    doc.data = _build(node, (), doc.lines)
    return doc


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            lines[loc + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, loc + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[loc + (i,)] = item.start_mark.line + 1
            items.append(_build(item, loc + (i,), lines))
        return items
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    # Let PyYAML's resolver decide the type (int, bool, date...) for one scalar.
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def validate(model: type[BaseModel], doc: SourceDoc, context: dict | None = None) -> BaseModel:
    """Validate ``doc.data`` against ``model``; raise InputError with file:line for each error."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as err:
        raise InputError(problems_from(err, doc, model)) from None


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
        if any(loc[:len(p)] == p and loc != p + ("channel",) for p in bad_channel):
            continue
        problems.append(doc.problem(loc, _message(e, loc, doc.data, model)))
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
    for part in loc:
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
        return [f.alias or n for n, f in cur.model_fields.items()]
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
